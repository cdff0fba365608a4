/* builtin_instruments.c — the questionnaires of C7 as leergang brings them
 * along (builtin.h). Question texts are the seed's word for word where the
 * seed gives them. Every question's `source` names the seed and its lines
 * ("r." = regel) for a seed's text; "...; aangevuld door leergang" for a
 * text leergang wrote after those lines (a question to the seed's poles,
 * the seed's description put as a question); BUILTIN_OWN where the seed is
 * silent and leergang wrote it. Each questionnaire's source, which the user
 * sees, says the same in Dutch. Likert items carry the dimension they count
 * in (`scale`) so that scale scores and Cronbach's alpha (`leergang stats`)
 * can be computed; the items that count the other way round are marked
 * `reversed`. */
#include "domain/builtin.h"
#include "domain/survey.h"
#include "core/compiler.h"

#include <string.h>


/* One question of each kind, in the order of struct builtin_question. */
#define LIKERT(code, sec, scale, text, points, rev, src) { code, sec, "likert", scale, text, points, NULL, NULL, rev, src, false }
#define BIPOLAR(code, sec, text, left, right, src) { code, sec, "bipolar", "", text, &five_points, left, right, false, src, false }
#define SINGLE(code, sec, text, points, src) { code, sec, "single", "", text, points, NULL, NULL, false, src, false }
#define OPEN(code, sec, text, src) { code, sec, "open", "", text, NULL, NULL, NULL, false, src, false }
/* A Likert question that also offers "weet niet / n.v.t.". None of the
 * seeds shows such an option; where it is offered below, that is
 * leergang's own choice, said at the questionnaire. Such an answer counts
 * as missing in every statistic (migration 0021). */
#define LIKERT_DK(code, sec, scale, text, points, rev, src) { code, sec, "likert", scale, text, points, NULL, NULL, rev, src, true }

static const struct builtin_points five_points = { 5, { "" } };

/* ---- the LiVe! final evaluation (seed 000) ----
 * §9.1 (seed lines 2297-2323): items a-j verbatim; the scale "1 (helemaal
 * niet) tot 5 (heel goed)" (seed line 2390) labels only its ends, as the
 * seed does. The seed names three open questions (seed line 2340) but not
 * their wording; the three below are leergang's own, after the headings of
 * §9.2.1, §9.2.2 and §9.2.4. */
static const struct builtin_points live_points = { 5, { "helemaal niet", "", "", "", "heel goed" } };

static const struct builtin_section live_sections[] = {
	{ "Terugblik op LiVe!", "Geef bij elke vraag aan in hoeverre het lukte: van 1 (helemaal niet) tot 5 (heel goed)." },
	{ "Open vragen", "" },
};

#define LIVE(code, text) LIKERT(code, 0, "", text, &live_points, false, "seed 000, r. 2297-2323")
/* h-j ask about one person (the mentor, the facilitator, the own
 * manager): leergang's own choice is to let a participant say "weet niet /
 * n.v.t." there, for a group whose mentor left or a manager who played no
 * part, rather than push them onto the scale. */
#define LIVE_DK(code, text) LIKERT_DK(code, 0, "", text, &live_points, false, "seed 000, r. 2297-2323")
static const struct builtin_question live_questions[] = {
	LIVE("a", "In hoeverre is het jou gelukt om jouw leerdoelen te behalen?"),
	LIVE("b", "In hoeverre is het jou gelukt om een open houding aan te nemen?"),
	LIVE("c", "In hoeverre is het jou gelukt om kritisch naar je eigen gedrag te kijken?"),
	LIVE("d", "In hoeverre is het jou gelukt om andere denkbeelden toe te laten?"),
	LIVE("e", "In hoeverre is het jou gelukt om je oordelen te onderzoeken?"),
	LIVE("f", "In hoeverre heeft de leergroep bijgedragen aan het vormen van een netwerk buiten de leergang?"),
	LIVE("g", "In hoeverre hebben de deelnemers in jouw groep jou geholpen?"),
	LIVE_DK("h", "In hoeverre was de mentor ondersteunend?"),
	LIVE_DK("i", "In hoeverre was de leergroepbegeleider ondersteunend?"),
	LIVE_DK("j", "In hoeverre heeft jouw leidinggevende invloed gehad op jouw motivatie om deel te nemen?"),
	OPEN("open1", 1, "Wat zijn voor jou de belangrijkste inzichten uit LiVe!?", BUILTIN_OWN),
	OPEN("open2", 1, "Hoe pas je deze inzichten toe in je werk?", BUILTIN_OWN),
	OPEN("open3", 1, "Met welke vraagstukken ga je verder na LiVe!?", BUILTIN_OWN),
};
#undef LIVE
#undef LIVE_DK

/* ---- the leadership scan for 360° feedback (seed 003) ----
 * The manager rates their own leadership behaviour and others rate how
 * they perceive it (seed lines 371-373). The seed gives neither items nor
 * dimension names; the three dimensions are the LLC's three research lines
 * (seed lines 56-60) and the nine statements are leergang's own. */
static const struct builtin_points agree_points = {
	5, { "helemaal oneens", "oneens", "neutraal", "eens", "helemaal eens" }
};

static const struct builtin_section scan_sections[] = {
	{ "Leiderschapsgedrag",
	  "Geef bij elke uitspraak aan in hoeverre die past bij het gedrag van de leidinggevende (bij een "
	  "zelfbeoordeling: bij uw eigen gedrag)." },
};

/* A rater may not have seen the behaviour a statement describes:
 * leergang's own choice is to offer "weet niet / n.v.t." on every
 * statement, so that a guess does not count as a rating. */
#define SCAN(code, scale, text) LIKERT_DK(code, 0, scale, text, &agree_points, false, BUILTIN_OWN)
static const struct builtin_question scan_questions[] = {
	SCAN("g1", "Gedeeld leiderschap", "Geeft medewerkers ruimte om zelf beslissingen over hun werk te nemen."),
	SCAN("g2", "Gedeeld leiderschap", "Bespreekt met het team het waarom van het werk, niet alleen het hoe."),
	SCAN("g3", "Gedeeld leiderschap", "Vraagt het team om mee te denken over knelpunten."),
	SCAN("v1", "Verbindend leiderschap", "Zoekt actief samenwerking met andere teams en organisaties."),
	SCAN("v2", "Verbindend leiderschap", "Stelt het gezamenlijke doel boven het eigen belang van het team."),
	SCAN("v3", "Verbindend leiderschap", "Brengt mensen met verschillende perspectieven met elkaar in gesprek."),
	SCAN("c1", "Veranderleiderschap", "Legt uit waarom een verandering nodig is."),
	SCAN("c2", "Veranderleiderschap", "Betrekt medewerkers bij het vormgeven van veranderingen."),
	SCAN("c3", "Veranderleiderschap", "Blijft zichtbaar aanwezig wanneer een verandering schuurt."),
};
#undef SCAN

/* ---- the Leadership QuickScan (seed 003) ----
 * "een verkorte versie" of the LLC's leadership scan, "te gebruiken als
 * zelfevaluatie", that shows individuals how their leadership looks on "de
 * verschillende belangrijke facetten van publiek leiderschap" so that they
 * choose their own areas to develop (seed lines 237-239); the Kick-Start
 * 2023 gave participants their 'Leiderschap QuickScan' and opened with
 * "Welk leiderschap toon jij?" (seed lines 222-226). The seed gives no
 * items, facets or scoring (the example result is a figure, seed line 241).
 * The facets here are the three research lines (seed lines 58-60), as in
 * the leadership scan above; the twelve statements, their frequency scale
 * and the reversed ones are leergang's own, some after the seed's findings
 * (seed lines 480, 500, 510-518). Of the three open questions the first is
 * the seed's verbatim (seed line 222), the second the seed's indirect
 * question put directly (seed line 226), the third leergang's own after
 * seed line 239. Addressed with "je", as the seed's question is. */
static const struct builtin_points often_points = {
	5, { "(bijna) nooit", "zelden", "soms", "vaak", "(bijna) altijd" }
};

static const struct builtin_section quick_sections[] = {
	{ "Gedeeld leiderschap",
	  "Deze QuickScan is een zelfevaluatie: hij laat zien hoe je persoonlijke leiderschap eruitziet op drie facetten "
	  "van publiek leiderschap, zodat je zelf je aandachtsgebieden voor leiderschapsontwikkeling kunt bepalen. Geef "
	  "bij elke uitspraak aan hoe vaak die past bij wat je doet. Publiek leiderschap: gedeeld leiderschap "
	  "binnen teams en organisaties en werken volgens de bedoeling." },
	{ "Verbindend leiderschap", "Publiek leiderschap en de maatschappelijke meerwaarde: verbindend leiderschap in ketens en netwerken." },
	{ "Veranderleiderschap", "Publiek leiderschap in de wendbare organisatie: veranderleiderschap door de organisatie heen." },
	{ "Reflectie", "Tot slot drie vragen om op je uitkomsten te reflecteren. Je kunt je antwoorden meenemen naar het gesprek in je groep." },
};

#define G "Gedeeld leiderschap"
#define V "Verbindend leiderschap"
#define C "Veranderleiderschap"
static const struct builtin_question quick_questions[] = {
	LIKERT("g1", 0, G, "Ik laat teamleden zelf beslissen over de aanpak van hun werk.", &often_points, false, BUILTIN_OWN),
	LIKERT("g2", 0, G, "Ik bespreek met mijn team niet alleen hoe we het werk doen, maar ook waarom we het doen.",
	       &often_points, false, "seed 003, r. 500; aangevuld door leergang"),
	LIKERT("g3", 0, G, "Ik nodig collega’s uit om de leiding te nemen bij onderwerpen waar zij meer van weten dan ik.",
	       &often_points, false, BUILTIN_OWN),
	LIKERT("g4", 0, G, "Beslissingen over het werk van het team neem ik het liefst zelf.", &often_points, true, BUILTIN_OWN),
	LIKERT("v1", 1, V, "Ik zoek actief samenwerking met collega’s buiten mijn eigen team en organisatie.", &often_points,
	       false, BUILTIN_OWN),
	LIKERT("v2", 1, V, "Ik stel het gezamenlijke doel van een keten of netwerk voorop, ook als mijn eigen organisatie andere belangen heeft.",
	       &often_points, false, "seed 003, r. 510-518; aangevuld door leergang"),
	LIKERT("v3", 1, V, "Ik breng mensen met verschillende perspectieven bij elkaar om een vraagstuk samen te verkennen.",
	       &often_points, false, BUILTIN_OWN),
	LIKERT("v4", 1, V, "In een samenwerking met andere organisaties probeer ik vooral de doelen van mijn eigen organisatie te realiseren.",
	       &often_points, true, "seed 003, r. 518; aangevuld door leergang"),
	LIKERT("c1", 2, C, "Ik leg uit waarom een verandering nodig is.", &often_points, false, BUILTIN_OWN),
	LIKERT("c2", 2, C, "Ik betrek medewerkers bij het vormgeven van veranderingen.", &often_points, false, BUILTIN_OWN),
	LIKERT("c3", 2, C, "Ik sta stil bij mijn eigen gedrag in een verandering.", &often_points, false,
	       "seed 003, r. 480; aangevuld door leergang"),
	LIKERT("c4", 2, C, "Wanneer een verandering weerstand oproept, houd ik me liever op de achtergrond.", &often_points,
	       true, BUILTIN_OWN),
	OPEN("open1", 3, "Welk leiderschap toon jij?", "seed 003, r. 222"),
	OPEN("open2", 3, "Hoe kan jouw leiderschap bijdragen aan het realiseren van sociale veiligheid in combinatie met het leveren van prestaties?",
	     "seed 003, r. 226"),
	OPEN("open3", 3, "Op welke aandachtsgebieden wil je je leiderschap verder ontwikkelen?", "seed 003, r. 239; aangevuld door leergang"),
};
#undef G
#undef V
#undef C

/* ---- the learning-climate scan (seed 001) ----
 * "Binnen het leerklimaat zijn vijf dimensies te onderscheiden" (seed lines
 * 4112-4115), each between two poles, the poles verbatim: doel (seed lines
 * 4117-4123), inhoud (4125-4132), didactiek (4134-4143), organisatie
 * (4145-4156, broken by a pull quote at 4149-4152) and verantwoordelijkheid
 * (4158-4165). A leader takes three steps (seed lines 4176-4228): inzicht,
 * the climate now ("wat is op dit moment het leerklimaat van de organisatie
 * of afdeling?", 4183-4184), uitzicht, the climate wished for ("waar wil de
 * organisatie of afdeling naartoe?", 4204-4205), and sleutels, the way from
 * one to the other (4221-4224); so each dimension is asked twice. The seed
 * mentions "een gevalideerde vragenlijst" (seed line 4188) without giving
 * it: the question texts, which paraphrase the seed's description of each
 * dimension, and the five points are leergang's own. The first open
 * question is the seed's (seed lines 4173-4176) with its "zij" written out
 * as "de leidinggevenden" (seed line 4171).
 * A pole is no better than the other, so nothing is reversed, and the items
 * have no scale: each dimension is its own single item. */
static const struct builtin_section climate_sections[] = {
	{ "Inzicht: het leerklimaat nu",
	  "Het leerklimaat is een belangrijke randvoorwaarde voor leren. Binnen het leerklimaat zijn vijf dimensies te "
	  "onderscheiden; elke dimensie ligt tussen twee polen. Wat is op dit moment het leerklimaat van de organisatie of "
	  "afdeling? Kies bij elke dimensie het punt dat het best past: 1 ligt bij de eerste pool, 5 bij de tweede. Er is "
	  "geen goed of fout antwoord." },
	{ "Uitzicht: het gewenste leerklimaat",
	  "Waar wil de organisatie of afdeling naartoe? Kies bij elke dimensie het punt dat past bij het leerklimaat dat u "
	  "wenst." },
	{ "Sleutels", "Van de huidige naar de gewenste situatie: wat helpt daarbij, en wie doet wat?" },
};

#define NOW(code, text, left, right, lines) BIPOLAR(code, 0, text, left, right, "seed 001, r. " lines "; aangevuld door leergang")
#define WISH(code, text, left, right, lines) BIPOLAR(code, 1, text, left, right, "seed 001, r. " lines "; aangevuld door leergang")
static const struct builtin_question climate_questions[] = {
	NOW("nu1", "Doel: richt het leren zich nu meer op de doelen van de organisatie of op die van de medewerker?",
	    "organisatiedoelen", "persoonlijke doelen", "4117-4123"),
	NOW("nu2", "Inhoud: specialiseren medewerkers zich nu in een beperkt aantal taken, of ontwikkelen ze zich juist breed?",
	    "smalle vakbekwaamheid", "brede vakbekwaamheid", "4125-4132"),
	NOW("nu3", "Didactiek: leren medewerkers nu vooral van een deskundige die de leerstof doceert, of van ervaringen in hun werk en de reflectie daarop met collega’s?",
	    "kennisoverdracht", "kennis delen", "4134-4143"),
	NOW("nu4", "Organisatie: leert nu iedereen gezamenlijk hetzelfde, of volgt ieder zoveel mogelijk een eigen programma?",
	    "uniform leren", "individueel leren", "4145-4156"),
	NOW("nu5", "Verantwoordelijkheid: is leren nu vooral een verantwoordelijkheid van het management of van de medewerkers?",
	    "organisatieverantwoordelijkheid", "individuele verantwoordelijkheid", "4158-4165"),
	WISH("gw1", "Doel: moet het leren zich meer richten op de doelen van de organisatie of op die van de medewerker?",
	     "organisatiedoelen", "persoonlijke doelen", "4117-4123"),
	WISH("gw2", "Inhoud: moeten medewerkers zich specialiseren in een beperkt aantal taken, of zich juist breed ontwikkelen?",
	     "smalle vakbekwaamheid", "brede vakbekwaamheid", "4125-4132"),
	WISH("gw3", "Didactiek: moeten medewerkers vooral leren van een deskundige die de leerstof doceert, of van ervaringen in hun werk en de reflectie daarop met collega’s?",
	     "kennisoverdracht", "kennis delen", "4134-4143"),
	WISH("gw4", "Organisatie: moet iedereen gezamenlijk hetzelfde leren, of moet ieder zoveel mogelijk een eigen programma volgen?",
	     "uniform leren", "individueel leren", "4145-4156"),
	WISH("gw5", "Verantwoordelijkheid: moet leren vooral een verantwoordelijkheid van het management zijn of van de medewerkers?",
	     "organisatieverantwoordelijkheid", "individuele verantwoordelijkheid", "4158-4165"),
	OPEN("open1", 2, "Hoe stimuleren de leidinggevenden een cultuur waarin medewerkers een afwijkende mening kunnen verkondigen of een nieuwe aanpak kunnen uitproberen?",
	     "seed 001, r. 4171-4176"),
	OPEN("open2", 2, "Welke sleutels helpen om van het huidige naar het gewenste leerklimaat te komen?",
	     "seed 001, r. 4221-4228; aangevuld door leergang"),
};
#undef NOW
#undef WISH

/* ---- the course evaluation of the ABD (seed 001) ----
 * The DGABD evaluated the first run of its leergang Transformatieve
 * overheid with three questions (seed lines 5147-5158), asked here
 * verbatim: whether the theme and the set-up "aanslaat bij de deelnemers"
 * and whether the course is "in overeenstemming met wat deelnemers nodig
 * hebben"; the last is linked explicitly to the desired work behaviour of
 * the impact map (seed lines 5156-5158). The evaluation is cyclic, "kort en
 * bondig", to improve the course for future participants (seed lines
 * 5074-5086). The impact map describes "welk werkgedrag we na de
 * leeractiviteit willen zien" (seed lines 5037-5045); for this course that
 * is 'handel in onzekerheid' and 'bewaak de lange lijnen' (seed lines
 * 5049-5072), asked in w1-w4. All other questions, the five points and the
 * reversed ones are leergang's own, after the lines in their source. The
 * seed's questions speak of "de deelnemers": each participant answers them
 * from their own experience, as the first section says. */
static const struct builtin_points extent_points = {
	5, { "helemaal niet", "in geringe mate", "enigszins", "in hoge mate", "in zeer hoge mate" }
};

static const struct builtin_section abd_sections[] = {
	{ "Het thema",
	  "Deze evaluatie is kort en bondig: ze helpt om de leergang voor toekomstige deelnemers te verbeteren. "
	  "Beantwoord elke vraag vanuit uw eigen ervaring als deelnemer, van 1 (helemaal niet) tot 5 (in zeer hoge mate)." },
	{ "De opzet", "Over de opzet van de leergang: de combinatie van theorie, discussie en eigen casuïstiek." },
	{ "Aansluiting en gewenst werkgedrag",
	  "De impactmap van de leergang beschrijft welk werkgedrag we na de leeractiviteit willen zien: hier de "
	  "handelingsrichtingen ‘handel in onzekerheid’ en ‘bewaak de lange lijnen’. In hoeverre helpt de leergang u daarbij?" },
	{ "Tot slot", "Uw antwoorden nemen we mee in de volgende uitvoering van de leergang." },
};

#define T "Thema"
#define O "Opzet"
#define W "Aansluiting en werkgedrag"
static const struct builtin_question abd_questions[] = {
	LIKERT("t1", 0, T, "In hoeverre slaat het thema aan bij de deelnemers?", &extent_points, false, "seed 001, r. 5148-5150"),
	LIKERT("t2", 0, T, "In hoeverre is het thema relevant voor uw werk?", &extent_points, false,
	       "seed 001, r. 5160-5164; aangevuld door leergang"),
	LIKERT("t3", 0, T, "In hoeverre staat het thema ver af van de opgaven in uw eigen werk?", &extent_points, true,
	       BUILTIN_OWN),
	LIKERT("o1", 1, O, "In welke mate slaat de opzet van de leergang aan bij de deelnemers?", &extent_points, false,
	       "seed 001, r. 5150-5151"),
	LIKERT("o2", 1, O, "In hoeverre hielp de combinatie van theorie, discussie en eigen casuïstiek u om te leren?",
	       &extent_points, false, "seed 001, r. 5164-5167; aangevuld door leergang"),
	LIKERT("o3", 1, O, "In hoeverre kon u de opgedane kennis toepassen in uw eigen werkcontext?", &extent_points, false,
	       "seed 001, r. 5129-5130; aangevuld door leergang"),
	LIKERT("o4", 1, O, "In hoeverre bleef de leergang beperkt tot inhoudelijke kennisoverdracht?", &extent_points, true,
	       "seed 001, r. 5017-5018; aangevuld door leergang"),
	LIKERT("a1", 2, W, "Is de leergang in overeenstemming met wat deelnemers nodig hebben om hun professionele doelen en behoeften als topambtelijk leidinggevenden te vervullen?",
	       &extent_points, false, "seed 001, r. 5152-5155"),
	LIKERT("w1", 2, W, "In hoeverre helpt de leergang u om te handelen in onzekerheid, zodat onduidelijkheid niet leidt tot niet handelen?",
	       &extent_points, false, "seed 001, r. 5051-5057; aangevuld door leergang"),
	LIKERT("w2", 2, W, "In hoeverre helpt de leergang u om transparant te zijn over wat u niet weet en helder te communiceren over onzekerheden?",
	       &extent_points, false, "seed 001, r. 5058-5060; aangevuld door leergang"),
	LIKERT("w3", 2, W, "In hoeverre helpt de leergang u om langetermijndoelen en continuïteit te bewaken, ondanks de druk van politiek en media om snel in te spelen op incidenten?",
	       &extent_points, false, "seed 001, r. 5062-5066; aangevuld door leergang"),
	LIKERT("w4", 2, W, "In hoeverre helpt de leergang u om bij veranderingen niet alleen het nieuwe op te bouwen, maar ook bewust het bestaande en de bijbehorende patronen af te bouwen?",
	       &extent_points, false, "seed 001, r. 5091-5096, 5113-5114; aangevuld door leergang"),
	OPEN("open1", 3, "Wat heeft de leergang u vooral opgeleverd voor uw werk?", BUILTIN_OWN),
	OPEN("open2", 3, "Welke suggesties hebt u om de leergang te verbeteren?", "seed 001, r. 5169-5177; aangevuld door leergang"),
	OPEN("open3", 3, "Aan welk werkgedrag zou een collega over een halfjaar merken dat u de leergang hebt gevolgd?",
	     "seed 001, r. 5041-5043; aangevuld door leergang"),
};
#undef T
#undef O
#undef W

/* ---- the member check (seed 003) ----
 * First findings were put to the study's contact persons in 'member
 * checks', which "zijn bedoeld om onderzoeksresultaten te delen, te duiden,
 * en kritisch aan het licht te houden, om te bekijken of er nog aanvullend
 * onderzoek nodig is" (seed line 161, verbatim in the first intro). The
 * contact persons were asked "of de bevindingen herkenbaar zijn, en of er
 * nog bevindingen zijn die ze niet in hun praktijk kunnen plaatsen" (seed
 * line 165): m1 and m3 are these two questions in direct speech, nothing
 * else changed. The implications for practice were interpreted together
 * (seed line 165) and whether more research is needed is the purpose of
 * the check (seed line 161): m5-m7, the explanations m2 and m4 and the
 * points are leergang's own. */
static const struct builtin_points recognise_points = {
	5, { "helemaal niet herkenbaar", "nauwelijks herkenbaar", "deels herkenbaar", "grotendeels herkenbaar",
	     "helemaal herkenbaar" }
};
static const struct builtin_points yes_no_points = { 2, { "ja", "nee" } };
static const struct builtin_points yes_no_unsure_points = { 3, { "ja", "nee", "weet ik (nog) niet" } };

static const struct builtin_section check_sections[] = {
	{ "De bevindingen",
	  "Member checks zijn bedoeld om onderzoeksresultaten te delen, te duiden, en kritisch aan het licht te houden, "
	  "om te bekijken of er nog aanvullend onderzoek nodig is. Reageer op de bevindingen die de onderzoekers met u "
	  "hebben gedeeld." },
	{ "Implicaties voor de praktijk",
	  "Vul dit deel in na het gesprek met de onderzoekers: welke implicaties van de bevindingen hebt u samen geduid?" },
	{ "Aanvullend onderzoek", "Tot slot: moet er nog iets worden uitgezocht voordat de bevindingen vaststaan?" },
};

static const struct builtin_question check_questions[] = {
	LIKERT("m1", 0, "", "Zijn de bevindingen herkenbaar?", &recognise_points, false, "seed 003, r. 165"),
	OPEN("m2", 0, "Wat herkent u wel in de bevindingen, en wat niet?", BUILTIN_OWN),
	SINGLE("m3", 0, "Zijn er nog bevindingen die u niet in uw praktijk kunt plaatsen?", &yes_no_points, "seed 003, r. 165"),
	OPEN("m4", 0, "Zo ja: welke bevindingen, en waarom passen ze niet bij uw praktijk?", BUILTIN_OWN),
	OPEN("m5", 1, "Welke implicaties van de bevindingen voor uw praktijk hebt u samen met de onderzoekers geduid?",
	     "seed 003, r. 165; aangevuld door leergang"),
	SINGLE("m6", 2, "Is er nog aanvullend onderzoek nodig?", &yes_no_unsure_points, "seed 003, r. 161; aangevuld door leergang"),
	OPEN("m7", 2, "Zo ja: wat zou er nog onderzocht moeten worden?", BUILTIN_OWN),
};

/* ---- the list ---- */

static const struct builtin_instrument_info infos[] = {
	{ "live-final", "Eindevaluatie LiVe!",
	  "Seed 000 §9.1 (items a-j en de schaal 1 = helemaal niet tot 5 = heel goed); de drie open vragen zijn van "
	  "leergang, naar de kopjes van §9.2, en ook de keuze ‘weet niet / n.v.t.’ bij h-j." },
	{ "leadership-scan-360", "Leiderschapsscan",
	  "Naar seed 003 (zelfbeeld van de leidinggevende tegenover de waarneming van anderen, op team- en "
	  "organisatieniveau, herhaald na 9 tot 10 maanden): voor 360°-feedbackrondes en voor metingen bij een onderdeel. "
	  "De drie dimensies zijn de onderzoekslijnen van het LLC, de negen uitspraken, de schaal en de keuze ‘weet niet / "
	  "n.v.t.’ zijn van leergang." },
	{ "quickscan", "Leiderschap QuickScan",
	  "Naar seed 003 (de QuickScan als verkorte zelfevaluatie, r. 237-239; de vraag ‘Welk leiderschap toon jij?’ "
	  "letterlijk, r. 222); de drie facetten zijn de onderzoekslijnen van het LLC, de twaalf uitspraken, de schaal en "
	  "de andere open vragen zijn van leergang." },
	{ "learning-climate", "Leerklimaatscan",
	  "Seed 001 (de vijf dimensies van het leerklimaat met hun polen letterlijk, r. 4112-4165; inzicht, uitzicht en "
	  "sleutels, r. 4180-4228); de vraagteksten en de vijfpuntsschaal zijn van leergang." },
	{ "abd-evaluation", "Evaluatie leergang (ABD, met impactmap)",
	  "Seed 001 (de drie evaluatievragen van de ABD letterlijk, r. 5147-5158; het gewenste werkgedrag uit de "
	  "impactmap, r. 5037-5072); de overige vragen en de schaal zijn van leergang." },
	{ "member-check", "Member check",
	  "Seed 003 (het doel van een member check, r. 161; de twee vragen aan de contactpersonen, r. 165); de ruimte voor "
	  "de samen geduide implicaties en de vraag naar aanvullend onderzoek zijn van leergang." },
};

#define CONTENT(key, s, q) { key, s, ARRAY_SIZE(s), q, ARRAY_SIZE(q) }
static const struct builtin_questionnaire contents[] = {
	CONTENT("live-final", live_sections, live_questions),
	CONTENT("leadership-scan-360", scan_sections, scan_questions),
	CONTENT("quickscan", quick_sections, quick_questions),
	CONTENT("learning-climate", climate_sections, climate_questions),
	CONTENT("abd-evaluation", abd_sections, abd_questions),
	CONTENT("member-check", check_sections, check_questions),
};
#undef CONTENT
_Static_assert(ARRAY_SIZE(infos) == ARRAY_SIZE(contents), "every built-in questionnaire has a name and content");

size_t survey_builtins(const struct builtin_instrument_info **out)
{
	*out = infos;
	return ARRAY_SIZE(infos);
}

const struct builtin_questionnaire *builtin_questionnaire(const char *key)
{
	if (!key)
		return NULL;
	for (size_t i = 0; i < ARRAY_SIZE(contents); i++)
		if (strcmp(contents[i].key, key) == 0)
			return &contents[i];
	return NULL;
}
