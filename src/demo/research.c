/* research.c — the researcher's coding project in the learning-circles
 * demo (`leercirkels-demo`), shaped like the study of seed 002 §3: an
 * in-depth interview with a focal participant, the report of a day's
 * shadowing (meelopen) and a bystander interview, labelled as the seed
 * labels its sources ("interview Anja", "verslag meelopen met Paul",
 * "collega Anja"). The texts, the code book and the coding are leergang's
 * own: the seed quotes its sources, it does not hold them. A second coder
 * (a student assistant, named in the project without an account) coded
 * the interview too, so that the agreement page has something to compare. */
#include "demo.h"
#include "core/die.h"
#include "core/utf8.h"
#include "domain/member_check.h"
#include "domain/research.h"
#include "domain/research_fieldwork.h"
#include "domain/role.h"
#include "formats/refi.h"
#include "store/research.h"

#include <string.h>

static const char INTERVIEW_ANJA[] =
	"Hoe ben je bij de leercirkel gekomen?\n"
	"Mijn teamleider vroeg of het iets voor mij was. Ze had zelf in een cirkel gezeten en vertelde er "
	"enthousiast over. Daarna hoorde ik het ook van twee collega's uit mijn team, en toen dacht ik: ik doe het.\n"
	"Wat heeft de cirkel je gebracht?\n"
	"Vooral rust om stil te staan bij mijn eigen werk. In de groep durfde ik te zeggen dat ik vastliep met een "
	"lastige klant. Niemand oordeelde. Ik kreeg eerlijke feedback van mensen uit heel andere afdelingen, en dat "
	"opende mijn ogen.\n"
	"Merk je er iets van in je werk?\n"
	"Ja. Ik stel nu eerst vragen voordat ik een oplossing geef. Mijn collega's zeggen dat ik rustiger overleg. "
	"Soms val ik terug in oude gewoontes, zeker als het druk is.\n"
	"Wat maakte het lastig?\n"
	"De tijd. Als het werk zich opstapelt, voelt een middag cirkel als een luxe. Het hielp dat mijn teamleider "
	"zei dat het gewoon werktijd was.\n";

static const char SHADOWING_PAUL[] =
	"Meelopen met Paul Bosman, teamleider T14.\n"
	"Om half negen opent Paul het teamoverleg met de vraag wat iedereen deze week wil leren. Twee medewerkers "
	"noemen een klantgesprek dat ze willen oefenen. Paul laat de stilte even vallen voordat hij zelf iets zegt.\n"
	"In de gang spreekt een collega van een ander team hem aan over de leercirkel. Paul vertelt dat hij er via "
	"zijn afdelingshoofd in kwam en raadt het haar aan.\n"
	"Reflectie: mijn aanwezigheid verandert het overleg. Paul vraagt na afloop wat ik ervan vond. Blijkbaar is "
	"meelopen zelf al een interventie.\n";

static const char BYSTANDER_ANJA[] =
	"Interview met een collega van Anja Willems (T11).\n"
	"Sinds de cirkel vraagt Anja eerst door voordat ze iets vindt. Dat merk je in het teamoverleg. Ze heeft mij "
	"ook aangemoedigd om mee te doen, en ik zit nu zelf in een cirkel.\n"
	"Wat ik lastig vond: niet iedereen in het team snapt waarom zij een middag weg is. Daar moet de teamleider "
	"iets over zeggen.\n";

struct code_def {
	const char *name, *parent, *color, *description;
};

static const struct code_def CODES[] = {
	{ "Verspreiding", NULL, "#1F77B4", "Hoe mensen bij een leercirkel komen en anderen meenemen." },
	{ "Aangemoedigd door leidinggevende", "Verspreiding", "#1F77B4",
	  "Een teamleider, afdelingshoofd of de gemeentesecretaris vraagt of stimuleert iemand om mee te doen." },
	{ "Aangemoedigd door collega", "Verspreiding", "#AEC7E8",
	  "Een collega vertelt erover of vraagt iemand mee ('besmetting')." },
	{ "Leren in de cirkel", NULL, "#2CA02C", "Wat deelnemers in de cirkel zelf leren en ervaren." },
	{ "Veiligheid in de groep", "Leren in de cirkel", "#98DF8A", "Durven zeggen waar je vastloopt, zonder oordeel." },
	{ "Feedback en reflectie", "Leren in de cirkel", "#2CA02C", "Eerlijke feedback krijgen, stilstaan bij eigen werk." },
	{ "Toepassen in het werk", NULL, "#FF7F0E", "Wat anderen of de deelnemer zelf veranderd zien in het werk." },
	{ "Belemmeringen", NULL, "#D62728", "Tijd, werkdruk, onbegrip in het team." },
};

/* [start, end) in code points of the first `what` in text. */
static void span_of(struct arena *a, const char *text, const char *what, long long *start, long long *end)
{
	const char *p = strstr(text, what);
	if (!p)
		die("demo (research): '%s' is not in the text", what);
	*start = (long long)utf8_length(arena_strndup(a, text, (size_t)(p - text)));
	*end = *start + (long long)utf8_length(what);
}

struct coding {
	const char *source_text, *passage, *code, *memo;
	int coder;   /* 0 the researcher, 1 the second coder */
};

static const struct coding CODINGS[] = {
	{ INTERVIEW_ANJA, "Mijn teamleider vroeg of het iets voor mij was.", "Aangemoedigd door leidinggevende",
	  "Zelfde patroon als bij Paul: de leidinggevende zet de eerste stap.", 0 },
	{ INTERVIEW_ANJA, "Daarna hoorde ik het ook van twee collega's uit mijn team, en toen dacht ik: ik doe het.",
	  "Aangemoedigd door collega", "", 0 },
	{ INTERVIEW_ANJA, "In de groep durfde ik te zeggen dat ik vastliep met een lastige klant. Niemand oordeelde.",
	  "Veiligheid in de groep", "", 0 },
	{ INTERVIEW_ANJA, "Ik kreeg eerlijke feedback van mensen uit heel andere afdelingen, en dat opende mijn ogen.",
	  "Feedback en reflectie", "", 0 },
	{ INTERVIEW_ANJA, "Ik stel nu eerst vragen voordat ik een oplossing geef.", "Toepassen in het werk", "", 0 },
	{ INTERVIEW_ANJA, "Als het werk zich opstapelt, voelt een middag cirkel als een luxe.", "Belemmeringen", "", 0 },
	{ SHADOWING_PAUL, "Paul vertelt dat hij er via zijn afdelingshoofd in kwam en raadt het haar aan.",
	  "Aangemoedigd door leidinggevende", "Hij wordt zelf een aanmoediger: zie de keten in het wervingsnetwerk.", 0 },
	{ SHADOWING_PAUL, "Paul laat de stilte even vallen voordat hij zelf iets zegt.", "Toepassen in het werk", "", 0 },
	{ BYSTANDER_ANJA, "Sinds de cirkel vraagt Anja eerst door voordat ze iets vindt.", "Toepassen in het werk",
	  "Bevestigt wat Anja zelf zegt.", 0 },
	{ BYSTANDER_ANJA, "Ze heeft mij ook aangemoedigd om mee te doen, en ik zit nu zelf in een cirkel.",
	  "Aangemoedigd door collega", "", 0 },
	{ BYSTANDER_ANJA, "niet iedereen in het team snapt waarom zij een middag weg is.", "Belemmeringen", "", 0 },
	/* the second coder, on the interview: mostly the same, with differences to discuss */
	{ INTERVIEW_ANJA, "Mijn teamleider vroeg of het iets voor mij was. Ze had zelf in een cirkel gezeten en vertelde er "
			  "enthousiast over.", "Aangemoedigd door leidinggevende", "", 1 },
	{ INTERVIEW_ANJA, "Daarna hoorde ik het ook van twee collega's uit mijn team", "Aangemoedigd door collega", "", 1 },
	{ INTERVIEW_ANJA, "In de groep durfde ik te zeggen dat ik vastliep met een lastige klant.", "Veiligheid in de groep",
	  "", 1 },
	{ INTERVIEW_ANJA, "Niemand oordeelde. Ik kreeg eerlijke feedback van mensen uit heel andere afdelingen",
	  "Feedback en reflectie", "", 1 },
	{ INTERVIEW_ANJA, "Mijn collega's zeggen dat ik rustiger overleg.", "Toepassen in het werk", "", 1 },
	{ INTERVIEW_ANJA, "De tijd. Als het werk zich opstapelt, voelt een middag cirkel als een luxe.", "Belemmeringen", "",
	  1 },
};

static long long code_id(struct ctx *c, long long project, const char *name)
{
	struct research_code *codes;
	size_t n;
	if (store_research_codes(c->st, c->a, c->who->organisation_id, project, &codes, &n))
		die("demo (research): the codes");
	for (size_t i = 0; i < n; i++)
		if (!strcmp(codes[i].name, name))
			return codes[i].id;
	die("demo (research): no code %s", name);
}

/* A member check of the first findings with two people from outside (the
 * seed's study checked its findings with those involved; the findings,
 * the people and the answer here are leergang's own): one has answered,
 * so that the researcher's start page asks to read it. */
static void member_check(struct ctx *c, long long project)
{
	struct errors e = { 0 };
	long long check;
	demo_check(member_check_create(c, project, "Eerste bevindingen leercirkels",
				       "## Wat we zagen\n\n"
				       "- Deelnemers leren vooral van de vragen van collega's uit andere afdelingen.\n"
				       "- De leidinggevende zet vaak de eerste stap; collega's volgen als zij iemand "
				       "zien veranderen.\n"
				       "- Wie meedoet, neemt iemand mee naar de volgende cirkel.",
				       demo_day(c, -10), &e, &check),
		   &e, "member check");
	static const struct { const char *name, *affiliation, *email; } who[] = {
		{ "Ria Smits", "Hogeschool, begeleider van de leercirkels", "r.smits@hogeschool.example" },
		{ "Ahmed Yilmaz", "Gemeente Rucphen, partner", "a.yilmaz@rucphen.example" },
	};
	const struct member_check_via via = { "https://leergang.leurdonk.example", false };
	const char *first = NULL;
	for (size_t i = 0; i < sizeof who / sizeof who[0]; i++) {
		const char *link;
		demo_check(member_check_contact_add(c, project, check, "", who[i].name, who[i].affiliation, who[i].email,
						    &via, &e, &link),
			   &e, "member check contact");
		if (!i)
			first = link;
	}
	const char *token = first ? strstr(first, "token=") : NULL;
	struct member_check_link l;
	if (!token || member_check_by_link(c->st, c->a, token + 6, ctx_now(c), &l))
		die("demo (research): the member check's link");
	demo_check(member_check_answer(c->st, c->a, &l, "partly",
				       "Het meenemen van collega's herken ik; de rol van de leidinggevende zie ik "
				       "minder sterk.",
				       "In onze cirkels kwam de eerste stap vaker van een collega dan van de "
				       "leidinggevende.",
				       ctx_now(c), &e),
		   &e, "member check answer");
}

void demo_research(struct ctx *demo, const char *researcher_email, long long anja_team)
{
	struct account acc;
	if (store_account_by_email(demo->st, demo->a, researcher_email, &acc))
		die("demo (research): no account %s", researcher_email);
	/* the researcher does the work, as on the pages */
	struct actor who = *demo->who;
	who.account_id = acc.id;
	who.person_id = acc.person_id;
	who.email = acc.email;
	who.display_name = acc.display_name;
	who.roles = ROLE_BIT(ROLE_RESEARCHER);
	struct ctx c = *demo;
	c.who = &who;
	struct errors e = { 0 };
	long long project, id;
	demo_check(research_project_create(&c, "Leercirkels Leurdonk: vier medewerkers gevolgd",
					   "Wat leren medewerkers in de leercirkels, hoe nemen zij anderen mee, en wat "
					   "merken hun collega's ervan? Diepte-interviews, meelopen en interviews met "
					   "omstanders, zoals in het onderzoek naar de leercirkels.",
					   &e, &project),
		   &e, "research project");
	struct { const char *kind, *name, *date, *place, *text; long long unit; } src[] = {
		{ "interview", "Interview Anja", demo_day(&c, -40), "Stadskantoor", INTERVIEW_ANJA, anja_team },
		{ "observation", "Verslag meelopen met Paul", demo_day(&c, -33), "Stadskantoor", SHADOWING_PAUL, 0 },
		{ "interview", "Interview collega Anja", demo_day(&c, -26), "Stadskantoor", BYSTANDER_ANJA, anja_team },
	};
	long long sid[3];
	for (size_t i = 0; i < 3; i++)
		demo_check(research_source_add_text(&c, project, src[i].kind, src[i].name, src[i].date, src[i].place,
						    src[i].unit, src[i].text, &e, &sid[i]),
			   &e, "research source");
	for (size_t i = 0; i < sizeof CODES / sizeof CODES[0]; i++)
		demo_check(research_code_add(&c, project, CODES[i].parent ? code_id(&c, project, CODES[i].parent) : 0,
					     CODES[i].name, CODES[i].color, CODES[i].description, &e, &id),
			   &e, "research code");
	long long second;
	if (store_research_coder_add(c.st, who.organisation_id, project, 0, "Tweede codeur (stagiair)",
				     refi_new_guid(c.a), &second))
		die("demo (research): the second coder");
	for (size_t i = 0; i < sizeof CODINGS / sizeof CODINGS[0]; i++) {
		const struct coding *k = &CODINGS[i];
		size_t s = k->source_text == INTERVIEW_ANJA ? 0 : k->source_text == SHADOWING_PAUL ? 1 : 2;
		long long start, end, code = code_id(&c, project, k->code);
		span_of(c.a, k->source_text, k->passage, &start, &end);
		if (!k->coder) {
			demo_check(research_passage_add(&c, project, sid[s], start, end, &code, 1, k->memo, &e, &id), &e,
				   "research passage");
			continue;
		}
		struct research_coding coding = { .code_id = code, .guid = refi_new_guid(c.a) };
		struct research_selection sel = { .source_id = sid[s], .coder_id = second, .guid = refi_new_guid(c.a),
						  .start = start, .end = end, .memo = "", .codings = &coding, .ncodings = 1 };
		if (store_research_selection_add(c.st, who.organisation_id, project, &sel, ctx_now(&c), &id))
			die("demo (research): a passage of the second coder");
	}
	demo_check(research_memo_add(&c, project, "project", project,
				     "Eerste indruk: de leidinggevende zet vaak de eerste stap, collega's de tweede. "
				     "Bespreken met de tweede codeur: waar begint een fragment over aanmoediging?",
				     &e, &id),
		   &e, "research memo");
	/* the fieldwork behind the sources: a week's shadowing of Paul is five days (seed 002 §3: "een week") */
	demo_check(research_fieldwork_add(&c, project, "interview", src[0].date, 75, anja_team, "", "Anja Willems",
					  sid[0], "Diepte-interview", &e, &id),
		   &e, "fieldwork");
	for (int day = 0; day < 5; day++)
		demo_check(research_fieldwork_add(&c, project, "shadowing", demo_day(&c, -33 + day), 420, 0, "T14",
						  "Paul Bosman", day ? 0 : sid[1], "", &e, &id),
			   &e, "fieldwork");
	demo_check(research_fieldwork_add(&c, project, "interview", src[2].date, 40, anja_team, "",
					  "collega van Anja Willems", sid[2], "Omstander", &e, &id),
		   &e, "fieldwork");
	demo_check(research_term_add(&c, project, "Leurdonk", "[gemeente]", &e, &id), &e, "research term");
	demo_check(research_term_add(&c, project, "Stadskantoor", "[werkplek]", &e, &id), &e, "research term");
	member_check(&c, project);
}
