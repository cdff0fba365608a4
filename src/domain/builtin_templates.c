/* builtin_templates.c — the programme templates of C2: LiVe! (a meeting
 * series, seed 000) and the Amsterdam module programme (seed 001), plus the
 * fixed steps of every module. Texts follow the seed, close to its words;
 * `source` gives the seed and its lines ("r." = regel), or BUILTIN_OWN.
 * A template's own `source` covers its texts (target group, ambition,
 * design elements); where leergang added to them it ends in
 * "; aangevuld door leergang" and a comment says what was added.
 *
 * Script parts have minutes 0 throughout: the seed gives no durations (a
 * meeting lasts a day, r. 1515; the content part is often in the morning,
 * r. 1552), and the facilitator sets the times. led_by is NULL where the
 * seed does not say who leads a part. */
#include "domain/builtin.h"
#include "core/compiler.h"

#include <string.h>


/* ==== LiVe! (seed 000) ==== */

/* Parts that recur in the script of several meetings. */
#define PART_REVIEW {                                                         \
	.title = "Terugblik: verslag en experimenten",                       \
	.learning_goal = "De rode draad vasthouden: het verslag van de vorige bijeenkomst bespreken en wat deelnemers tussendoor in hun werk hebben gedaan, zoals het experiment dat zij in de vorige bijeenkomst bedachten.", \
	.material = "Verslag van de vorige bijeenkomst",                     \
	.led_by = "begeleider",                                              \
	.source = "seed 000, r. 1596-1598, 1737, 1846-1850, 2132-2136",      \
}
#define PART_TALK {                                                           \
	.title = "Inleiding door een spreker uit de organisatie",            \
	.learning_goal = "Kennis opdoen over het onderwerp van de bijeenkomst.", \
	.material = "Draaiboek, aangevuld met ‘beeld en geluid’ als achtergrondinformatie", \
	.led_by = "spreker",                                                 \
	.source = "seed 000, r. 1001-1011, 1552-1562",                       \
}
#define PART_CASES {                                                          \
	.title = "Eigen casuïstiek en ervaringen",                           \
	.learning_goal = "Het onderwerp verbinden met de eigen casuïstiek en ervaringen van de deelnemers.", \
	.led_by = "deelnemers",                                              \
	.source = "seed 000, r. 1552-1556",                                  \
}
/* The seed says the VLOW concepts are worked out in meetings 1-5
 * (r. 1031-1033) and that the facilitator names a competence or anchor
 * when it comes up (r. 1838-1844), but not which belongs to which meeting:
 * the element codes passed in are leergang's reading of each theme. */
#define PART_LEADERSHIP(codes) {                                              \
	.title = "Het onderwerp en het eigen leiderschap",                   \
	.learning_goal = "De relatie leggen tussen het onderwerp en het eigen leiderschap, in de begrippen van het VLOW-model.", \
	.led_by = "begeleider",                                              \
	.elements = (codes),                                                 \
	.source = "seed 000, r. 1031-1033, 1142-1150, 1838-1844",            \
}
#define PART_PRACTICE {                                                       \
	.title = "Verbinding met de werkpraktijk",                           \
	.learning_goal = "Tussen de bijeenkomsten in de eigen werkpraktijk aan de slag gaan: deelnemers worden uitgenodigd te experimenteren en reflecties voor het leerverhaal aan te leveren.", \
	.led_by = "begeleider",                                              \
	.source = "seed 000, r. 1532-1536, 1830-1836",                       \
}
#define PART_CHOSEN {                                                         \
	.title = "Programma van de gekozen invulling",                       \
	.learning_goal = "Deelnemers kiezen wat zij interessant vinden, motiveren waarom dat bij hun leiderschapsontwikkeling past en pakken zelf de voorbereiding op.", \
	.led_by = "deelnemers",                                              \
	.source = "seed 000, r. 1058-1066, 1779-1783",                       \
}

static const struct builtin_part live_parts_1[] = {
	{
		.title = "Kennismaken en als leergroep starten",
		.learning_goal = "Ruimschoots gelegenheid om kennis te maken en als leergroep met elkaar te starten, in een veilig en open leerklimaat.",
		.source = "seed 000, r. 1150-1152, 1546-1550",
	},
	PART_TALK,
	{
		.title = "Film: Crash",
		.learning_goal = "Zien en voelen hoe ingewikkeld oordeelsvorming is.",
		.material = "De film Crash",
		.elements = "C3",
		.source = "seed 000, r. 1564-1570",
	},
	PART_CASES,
	PART_LEADERSHIP("C3,A1"),
	PART_PRACTICE,
};
static const struct builtin_part live_parts_2[] = {
	PART_REVIEW, PART_TALK, PART_CASES, PART_LEADERSHIP("A2,A2.B3"), PART_PRACTICE,
};
static const struct builtin_part live_parts_3[] = {
	PART_REVIEW, PART_TALK, PART_CASES, PART_LEADERSHIP("C2,C4,A3.B3"), PART_PRACTICE,
};
static const struct builtin_part live_parts_4[] = {
	PART_REVIEW, PART_TALK, PART_CASES, PART_LEADERSHIP("A2,A2.B1,A2.B4"), PART_PRACTICE,
};
static const struct builtin_part live_parts_5[] = {
	PART_REVIEW, PART_TALK, PART_CASES, PART_LEADERSHIP("A3,A3.B2,C1"), PART_PRACTICE,
};
static const struct builtin_part live_parts_menu[] = {
	PART_REVIEW, PART_CHOSEN, PART_PRACTICE,
};
static const struct builtin_part live_parts_10[] = {
	PART_REVIEW,
	PART_CHOSEN,
	{
		.title = "Evaluatie van het leertraject",
		.material = "Evaluatie met meerkeuzevragen over de doelstellingen van LiVe! en drie open vragen",
		.led_by = "deelnemers",
		.source = "seed 000, r. 861-869, 2233, 2340-2342",
	},
	{
		.title = "Aanbod van een individueel slotgesprek",
		.learning_goal = "In het slotgesprek met leergroepbegeleider en mentor verwoordt de deelnemer de eigen leeropbrengst en bespreekt hoe hij of zij verder gaat met leiderschapsontwikkeling in de eigen werkpraktijk.",
		.source = "seed 000, r. 1070-1076, 1090-1094",
	},
};

#define MEETINGS_1_5_DESCRIPTION                                              \
	"Een inhoudelijk onderwerp dat relevant is voor de doelgroep staat centraal. Binnen het richtinggevende kader van het draaiboek vult de leergroep de bijeenkomst zelf in; leergroepbegeleider, mentor en deelnemers bereiden samen voor."
#define MENU_DESCRIPTION                                                      \
	"Gekozen uit de menukaart of, voor ten hoogste twee bijeenkomsten, een geheel vrije keuze; de groep motiveert de keuze vanuit haar leerbehoefte. Twee deelnemers maken het programma met de leergroepbegeleider."
#define MENU_MEETING(n) {                                                     \
	.number = (n),                                                       \
	.theme = "Keuze uit de menukaart",                                   \
	.description = MENU_DESCRIPTION,                                     \
	.days = 1,                                                           \
	.from_menu = true,                                                   \
	.parts = live_parts_menu,                                            \
	.nparts = ARRAY_SIZE(live_parts_menu),                                    \
	.source = "seed 000, r. 1058-1066, 1156-1170",                       \
}

/* The seed names the five themes in one sentence (r. 997-1001) and says
 * meeting 1 is about judgement (r. 1546-1548); that the other four follow
 * in the order of that sentence is an assumption. */
static const struct builtin_meeting live_meetings[] = {
	{
		.number = 1,
		.theme = "Onderzoeken van oordeelsvorming",
		.description = "Tweedaagse startbijeenkomst, zodat er ruimschoots gelegenheid is om kennis te maken en als leergroep met elkaar te starten. " MEETINGS_1_5_DESCRIPTION,
		.days = 2,
		.parts = live_parts_1,
		.nparts = ARRAY_SIZE(live_parts_1),
		.source = "seed 000, r. 993-1011, 1150-1152, 1546-1550",
	},
	{
		.number = 2,
		.theme = "Operationeel vakmanschap",
		.description = MEETINGS_1_5_DESCRIPTION,
		.days = 1,
		.parts = live_parts_2,
		.nparts = ARRAY_SIZE(live_parts_2),
		.source = "seed 000, r. 993-1011",
	},
	{
		.number = 3,
		.theme = "Vergroten van vertrouwen",
		.description = MEETINGS_1_5_DESCRIPTION,
		.days = 1,
		.parts = live_parts_3,
		.nparts = ARRAY_SIZE(live_parts_3),
		.source = "seed 000, r. 993-1011",
	},
	{
		.number = 4,
		.theme = "Succesvol leiderschap",
		.description = MEETINGS_1_5_DESCRIPTION,
		.days = 1,
		.parts = live_parts_4,
		.nparts = ARRAY_SIZE(live_parts_4),
		.source = "seed 000, r. 993-1011",
	},
	{
		.number = 5,
		.theme = "Bouwen aan sociale netwerken",
		.description = MEETINGS_1_5_DESCRIPTION,
		.days = 1,
		.parts = live_parts_5,
		.nparts = ARRAY_SIZE(live_parts_5),
		.source = "seed 000, r. 993-1011",
	},
	MENU_MEETING(6),
	MENU_MEETING(7),
	MENU_MEETING(8),
	MENU_MEETING(9),
	{
		.number = 10,
		.theme = "Keuze uit de menukaart",
		.description = MENU_DESCRIPTION " Dit is de laatste bijeenkomst: de groep evalueert het leertraject en de deelnemers krijgen het aanbod van een individueel slotgesprek. Op of na deze bijeenkomst bundelt de leergroepbegeleider de verslagen tot het leerverhaal van de groep.",
		.days = 1,
		.from_menu = true,
		.parts = live_parts_10,
		.nparts = ARRAY_SIZE(live_parts_10),
		.source = "seed 000, r. 861-869, 1058-1076, 1156-1170, 1215-1217",
	},
};

/* The menu card. The seed says it has ten topics (r. 1158, 1779) — with
 * seventy options in §7.1.4 (r. 1158-1160) and fifty in §8.1.4 (r. 1779) —
 * but does not list them. It names a few options: a visit to the
 * resistance museum, a horse workshop (r. 1162-1164), outdoor activities
 * and the talk about the police in the Second World War (r. 1675-1683).
 * The first two topics are built from those; putting the museum under the
 * war topic is leergang's grouping. The other eight topics and all their
 * options are leergang's: they deepen the five themes and the model, as the
 * seed says the topics do (r. 1160-1162). */
static const struct builtin_option opt_war[] = {
	{ "Gesprek met een executieve collega",
	  "Een collega die recht van spreken heeft vertelt zijn verhaal over de rol van de politie in de Tweede Wereldoorlog, in relatie tot leiderschap." },
	{ "Bezoek aan het verzetsmuseum", NULL },
};
static const struct builtin_option opt_outside[] = {
	{ "Paardenworkshop", NULL },
	{ "Buitenactiviteit", "Een actief programma buiten Ancora, het leergebouw van LiVe!" },
};
static const struct builtin_option opt_judgement[] = {
	{ "Film met nagesprek", "Een film die laat zien hoe beelden een oordeel sturen, met een gesprek over de eigen werkpraktijk." },
	{ "Beeldvorming in de eigen casuïstiek", "Deelnemers onderzoeken een eigen zaak: welk oordeel was er snel, en wat bleek later?" },
	{ "Gesprek met bewoners", "In gesprek met bewoners over hoe zij de politie zien, en hoe de politie hen ziet." },
};
static const struct builtin_option opt_craft[] = {
	{ "Meelopen met een collega", "Een dienst meelopen in een ander onderdeel of basisteam en daarop reflecteren." },
	{ "Nabespreking van een inzet", "Een eigen operationele inzet bespreken: welke keuzes maakte de leidinggevende, en waarom?" },
	{ "Leiden onder druk", "Gesprek met een ervaren operationeel leidinggevende over beslissen bij onzekerheid." },
};
static const struct builtin_option opt_trust[] = {
	{ "Feedback geven en ontvangen", "Oefenen met aanspreken en aangesproken worden." },
	{ "Integriteit bespreekbaar maken", "Dilemma’s uit de eigen praktijk met elkaar bespreken." },
	{ "Veiligheid in het eigen team", "Onderzoeken wat medewerkers nodig hebben om zich uit te spreken." },
};
static const struct builtin_option opt_success[] = {
	{ "Gesprek met een leider uit de organisatie", "Een leidinggevende vertelt over eigen successen, twijfels en kwetsbaarheid." },
	{ "Feedback van eigen medewerkers", "Deelnemers vragen hun medewerkers wat zij aan hun leiderschap hebben en bespreken de uitkomst." },
	{ "Leiderschapsstijlen", "Verschillende stijlen verkennen en de eigen stijl in beeld brengen." },
};
static const struct builtin_option opt_networks[] = {
	{ "Netwerkkaart van het eigen werk", "In beeld brengen met wie je samenwerkt, en wie er ontbreekt." },
	{ "Bezoek aan een partnerorganisatie", "Kennismaken met het werk en de blik van een ketenpartner." },
	{ "Sleutelfiguren in de wijk", "In gesprek met mensen die in een wijk of gemeenschap verbindingen leggen." },
};
static const struct builtin_option opt_dialogue[] = {
	{ "Dialoog in plaats van discussie", "Oefenen met een gesprek waarin je de ander probeert te begrijpen in plaats van te overtuigen." },
	{ "Een moeilijk gesprek oefenen", "Een gesprek uit de eigen praktijk voorbereiden en oefenen, bijvoorbeeld met een trainingsacteur." },
	{ "Intervisie op een eigen gesprek", "Een eigen gesprek inbrengen en met de groep onderzoeken." },
};
static const struct builtin_option opt_difference[] = {
	{ "Gesprek met een personeelsnetwerk", "Collega’s uit een netwerk binnen de organisatie vertellen over hun ervaringen." },
	{ "Bezoek aan een gemeenschap in de stad", "Kennismaken met een groep bewoners met wie de politie minder vanzelf contact heeft." },
	{ "Insluiten en uitsluiten", "Een werkvorm over wie er in de eigen groep en het eigen team bij hoort, en wie niet." },
};
static const struct builtin_option opt_reflection[] = {
	{ "Schrijven over het eigen leiderschap", "Een korte tekst schrijven en met elkaar bespreken." },
	{ "Tussenbalans van het leerverhaal", "De verslagen tot nu toe samen teruglezen: wat valt op?" },
	{ "Uitwisseling met een andere leergroep", "Leren van hoe een andere groep het leertraject invult." },
};

#define TOPIC(nm, desc, opts, src) { (nm), (desc), (opts), ARRAY_SIZE(opts), (src) }

static const struct builtin_topic live_topics[] = {
	TOPIC("De politie in de Tweede Wereldoorlog",
	      "Een indrukwekkende en veel gekozen optie over de politie als ‘dader’ in de Tweede Wereldoorlog. Het onderwerp raakt het eigen leiderschap en de verantwoordelijkheid van de deelnemer als persoon, als mens.",
	      opt_war, "seed 000, r. 1162-1164, 1675-1683, 1938-1946"),
	TOPIC("Naar buiten",
	      "Na vijf keer een dag binnen zitten en praten vinden veel deelnemers het prettig om elders te zijn en een actief programma te volgen.",
	      opt_outside, "seed 000, r. 1162-1164, 1675, 1793-1799"),
	TOPIC("Oordeelsvorming en beeldvorming",
	      "Verdieping op de eerste bijeenkomst: hoe beelden en vooroordelen het oordeel in het werk kleuren.",
	      opt_judgement, BUILTIN_OWN),
	TOPIC("Operationeel vakmanschap",
	      "Verdieping op de tweede bijeenkomst: leiderschap in de operationele praktijk.",
	      opt_craft, BUILTIN_OWN),
	TOPIC("Vertrouwen en veiligheid",
	      "Verdieping op de derde bijeenkomst: een klimaat waarin mensen elkaar vertrouwen en verschil mag bestaan.",
	      opt_trust, BUILTIN_OWN),
	TOPIC("Succesvol leiderschap",
	      "Verdieping op de vierde bijeenkomst: wat maakt leiderschap succesvol, en voor wie?",
	      opt_success, BUILTIN_OWN),
	TOPIC("Sociale netwerken",
	      "Verdieping op de vijfde bijeenkomst: verbindingen binnen en buiten de organisatie.",
	      opt_networks, BUILTIN_OWN),
	TOPIC("Dialoog en moeilijke gesprekken",
	      "Het verschil tussen dialoog en discussie, en het gesprek aangaan waar het schuurt.",
	      opt_dialogue, BUILTIN_OWN),
	TOPIC("Verschil en diversiteit",
	      "Verschil toelaten en verbinding maken met collega’s en bewoners die anders zijn.",
	      opt_difference, BUILTIN_OWN),
	TOPIC("Reflectie en leren",
	      "Leren over het eigen leren: reflecteren, schrijven en van elkaar leren.",
	      opt_reflection, BUILTIN_OWN),
};

/* ==== Amsterdam (seed 001) ==== */

/* The execution phase has the same build-up in every module (r. 1401-1404,
 * Figure 3). The names are the seed's headings; the seed writes the plural
 * "Inspiratiesessies" but describes one session of a day per module. */
const struct builtin_step builtin_module_steps[] = {
	{ "feedback_pop", "POP en 360°",
	  "Een 360-gradenfeedbacktool, met gerichte vragen over de module, geeft de deelnemer vooraf inzicht in het huidige beeld dat anderen van hem of haar hebben. Daarna voert iedere deelnemer een POP-gesprek met de eigen leidinggevende over de persoonlijke ontwikkeldoelen in de module.",
	  "seed 001, r. 1406-1415" },
	{ "kickoff", "Kick-off",
	  "Een gezamenlijke kick-off met alle leidinggevenden creëert een gezamenlijk beeld over de module. Een keynotespreker en een trainer voor de groep brengen kennis over die de urgentie van de inzet op de module doet voelen en leidt tot bewustwording.",
	  "seed 001, r. 1417-1425" },
	{ "inspiration", "Inspiratiesessie",
	  "Verdieping in kleinere groepen tijdens een inspiratiesessie van een dag. Het individuele leerdoel wordt vertaald naar een persoonlijke ontwikkelopdracht, aan de hand van een individueel en collectief handelingsperspectief en reflectie op het eigen handelen. De deelnemers raken ook bekend met het systemisch kijken.",
	  "seed 001, r. 1427-1436" },
	{ "coaching", "Individuele coaching",
	  "Deelnemers gaan in het werk aan de slag met hun persoonlijke ontwikkelopdracht. Een leermanager begeleidt het leren en ontwikkelen in het werk en fungeert als coach op de werkplek.",
	  "seed 001, r. 1438-1444" },
	{ "intervision", "Intervisie",
	  "Een moment van intervisie om te leren van en met elkaar: hoe verloopt de persoonlijke ontwikkelopdracht? Ook wordt reflectie op het eigen handelen gestimuleerd.",
	  "seed 001, r. 1445-1450" },
	{ "reflection", "Individuele reflectie",
	  "In een eindgesprek met deelnemer, leidinggevende en leermanager wordt het geleerde besproken.",
	  "seed 001, r. 1452-1455" },
	{ "kickout", "Kick-out",
	  "Met alle leidinggevenden wordt de module afgesloten en geëvalueerd. De ‘oogst’ en de ervaringen worden gedeeld, en samen wordt besproken hoe voortzetting plaatsvindt en hoe lessons learned kunnen worden ingebed in de directie.",
	  "seed 001, r. 1457-1463" },
};
const size_t builtin_nmodule_steps = ARRAY_SIZE(builtin_module_steps);

/* The four modules of the reference programme of the directie
 * Dienstverlening (the seed allows three to four, r. 1301). Only the first
 * module's business task is spelled out. */
static const struct builtin_module amsterdam_modules[] = {
	{ 1, "Begrenzend en verbindend leiderschap",
	  "Dagelijks voldoende bewoners helpen, met een behandeltijd per product of klant: teamleiders geven medewerkers ruimte in het uitvoeren van hun eigen taak en begrenzen hen ook.",
	  "seed 001, r. 1358-1370" },
	{ 2, "Inclusief leiderschap", NULL, "seed 001, r. 1371-1374" },
	{ 3, "Vitaal leiderschap", NULL, "seed 001, r. 1371-1374" },
	{ 4, "Wendbaar leiderschap", NULL, "seed 001, r. 1371-1374" },
};

/* ==== the templates ==== */

const struct builtin_template builtin_templates[] = {
	{
		.key = "live",
		.name = "Leiderschap in Verbinding (LiVe!)",
		.shape = "meeting_series",
		.framework = "vlow",
		.target_group = "Uitvoerend leidinggevenden: het volgende niveau functionarissen dat een leidende rol in de organisatie vervult, de schakel tussen de hogere leidinggevenden en de inzet op straat of wat op de werkvloer gebeurt. Zij sturen vooral mensen aan, bijvoorbeeld in de basisteams; soms met een formele of personele lijnverantwoordelijkheid, vaker informeel of in coördinerend werk.",
		.ambition = "De ambitie van LiVe! is om deelnemers:\n"
			"- bewust te maken van hun rol en het effect van hun gedrag in de organisatie;\n"
			"- inzicht te geven en handvatten te bieden voor de ontwikkeling van de gewenste kwaliteiten;\n"
			"- medeverantwoordelijk te maken voor het versterken van de gewenste kwaliteiten bij collega’s in de organisatie;\n"
			"- te ondersteunen op weg naar een balans in denken, voelen en kracht, zoals geformuleerd in de visie op leiderschap.",
		.rationale = {
			[DESIGN_PROGRAMME] = "Op hoofdlijnen sturing bieden en een gezamenlijke programmalijn volgen, en tegelijk de groepen zelf verantwoordelijkheid laten nemen voor de wijze waarop zij binnen die programmalijn willen leren. De ontwerpers zoeken een optimale spanning: voortbouwen op wat in DiL goed werkt en de schuring opzoeken die de gewenste cultuurverandering vraagt.\n\n"
				"- Intake: het ontwerp beter laten aansluiten op de deelnemers en van hen meer verantwoordelijkheid vragen voor hun eigen leren.\n"
				"- Bijeenkomst 1 tot en met 5: een verder uitgewerkt, richtinggevend programma, omdat de doelgroep een duidelijker kader nodig heeft.\n"
				"- Menukaart: verbinding met DiL, een inhoudelijke rode draad, en aanbod met keuzemogelijkheid, inclusief een geheel vrije keuze voor twee bijeenkomsten.\n"
				"- Slotgesprek: het traject eindigt zoals het begint, met ruimte om terug en vooruit te kijken.",
			[DESIGN_GUIDANCE] = "Elke leergroep heeft een interne mentor en een externe leergroepbegeleider. Met interne mentoren put de organisatie uit de aanwezige kwaliteit en eigen kracht, krijgen eigen leiders een belangrijke rol in de cultuurverandering en dragen zij bij aan verspreiding en borging. Een mentor met een hogere hiërarchische positie zorgt voor autoriteit en ervaring vanuit het lijnmanagement, waardoor ook ruimte ontstaat voor de rol van de leergroepbegeleider.",
			[DESIGN_REPORTING] = "Vastleggen en vasthouden wat er in het leertraject gebeurt. Met de leerverslagen maken de groepen geheugen voor wat er in de loop van het traject gebeurt; het leerverhaal aan het einde geeft een tastbaar resultaat. De verslagen dragen ook bij aan uitwisseling tussen leergroepbegeleiders en organisatiecoaches, zodat die waar nodig kunnen bijsturen.",
		},
		.goal = {
			[DESIGN_PROGRAMME] = "Deelnemers doen kennis op over de vijf thema’s die aan bod komen, relateren deze aan het eigen leiderschap en gaan tussen de bijeenkomsten in hun werkpraktijk aan de slag.\n\n"
				"- Intake: vooraf een beeld van het leertraject schetsen, verwachtingen helder maken en een eigen leervraag laten formuleren.\n"
				"- VLOW-model: deelnemers kennen het en gaan er in hun werkpraktijk mee aan de slag.\n"
				"- Menukaart: binnen de kaders een keuze maken en motiveren wat de relatie is met de eigen leiderschapsontwikkeling.\n"
				"- Slotgesprek: de deelnemer verwoordt de eigen leeropbrengst.",
			[DESIGN_GUIDANCE] = "De gecombineerde begeleiding heeft geen specifiek leerdoel voor de deelnemers; het zien van de samenwerking tussen mentor en leergroepbegeleider is wel een voorbeeld van interactie met een ‘meerdere’. Deze wijze van begeleiden maakt het deelnemers makkelijker om met hun leiderschapsontwikkeling aan de slag te gaan.",
			[DESIGN_REPORTING] = "Zichtbaar maken en vasthouden wat er in de bijeenkomsten gebeurt, deelnemers stimuleren in het leveren van input en versterken dat zij tussen de bijeenkomsten aan de slag gaan in hun eigen werkpraktijk.",
		},
		/* The seed has ten groups of twelve (r. 451); the bounds around
		 * twelve are leergang's. */
		.group_min = 10,
		.group_max = 14,
		/* "De volgende tien leergroepen starten wanneer de vorige lichting
		 * halverwege de tien bijeenkomsten is" (r. 461-469); meetings 1-5
		 * form half the programme (r. 1530-1531). Halfway is read as the
		 * previous batch reaching meeting 5. */
		.cascade_meeting = 5,
		.menu = {
			.min_menu = 3,                  /* r. 1164-1166 */
			.max_free = 2,                  /* r. 1168-1170 */
			.preparers = 2,                 /* r. 1062-1064 */
			.justification_required = true, /* r. 1166-1170 */
		},
		.meetings = live_meetings,
		.nmeetings = ARRAY_SIZE(live_meetings),
		.topics = live_topics,
		.ntopics = ARRAY_SIZE(live_topics),
		.followup_meetings = 4,
		.followup = "Het leren gaat na de tiende bijeenkomst door, en groepen die elkaar willen blijven ontmoeten kunnen vier bijeenkomsten per jaar houden. De mentor sluit daarbij aan en indien gewenst is in het eerste jaar nog enkele uren inzet van de leergroepbegeleider mogelijk.",
		.source = "seed 000, r. 344-517, 890-1311, 1530-1536, 2211-2221; aangevuld door leergang",
	},
	{
		.key = "amsterdam",
		.name = "Leiderschapsprogramma voor een directie (Amsterdamse School)",
		.shape = "modules",
		.framework = "leadership_compass",
		.target_group = "Alle hiërarchisch leidinggevenden van een gehele directie (directeur, afdelingsmanagers en teamleiders), die zowel individueel als collectief leren, met de directeur als opdrachtgever.",
		.ambition = "Gewenst, effectiever gedrag, afgeleid van de businessopgaven van de directie. Leren is altijd relevant (het draagt bij aan een beter Amsterdam), resultaatgericht (gekoppeld aan een vooraf met de opdrachtgever bepaald resultaat of te bereiken ambitie) en gekoppeld aan de werkpraktijk.",
		.rationale = {
			[DESIGN_PROGRAMME] = "Succesvolle leiderschapsprogramma’s nemen de opgaven binnen de organisaties van de deelnemers als vertrekpunt. Leiderschapsopgaven zijn altijd afgeleid van wat er in de business moet gebeuren; ze worden met het complete directie- en managementteam gedestilleerd en geïntegreerd met de thema’s van het leiderschapskompas. Leidinggevenden uit dezelfde directie werken vanuit een gedeelde werkcontext aan dezelfde opgaven.",
			[DESIGN_GUIDANCE] = "Gedegen 360-gradenfeedback gevolgd door een POP-gesprek met de leidinggevende in een veilige setting creëert de condities om te willen leren en ontwikkelen. Trainers begeleiden de deelnemer bij het opstellen van de ontwikkelopdracht en leermanagers bij het uitvoeren ervan, zodat er ook geleerd wordt.",
			/* leergang: the seed names no reporting; this draws on the
			 * final talk and the kick-out (r. 1452-1463). */
			[DESIGN_REPORTING] = "Vastleggen wat deelnemers per module leren, zodat het eindgesprek en de kick-out erop kunnen voortbouwen en de lessons learned in de directie kunnen worden ingebed.",
		},
		.goal = {
			[DESIGN_PROGRAMME] = "Deelnemers oefenen in het werk met ander, effectiever gedrag. Het programma is losjes gebaseerd op de 70/20/10-leerstrategie: de nadruk ligt op het leren in de praktijk en de begeleiding daarvan.",
			[DESIGN_GUIDANCE] = "Deelnemers voeren hun persoonlijke ontwikkelopdracht uit in het werk, met een leermanager als coach op de werkplek.",
			/* leergang, as above. */
			[DESIGN_REPORTING] = "Deelnemers bespreken in het eindgesprek met leidinggevende en leermanager wat zij geleerd hebben, en delen bij de kick-out de oogst en hun ervaringen.",
		},
		/* leergang: the seed says only that the inspiration session is
		 * held in smaller groups (r. 1428). */
		.group_min = 8,
		.group_max = 16,
		.cascade_meeting = 0,
		.modules = amsterdam_modules,
		.nmodules = ARRAY_SIZE(amsterdam_modules),
		.followup_meetings = 0,
		.followup = NULL,
		.source = "seed 001, r. 1207-1305, 1331-1391, 1401-1563; aangevuld door leergang",
	},
};

const size_t builtin_ntemplates = ARRAY_SIZE(builtin_templates);

const struct builtin_template *builtin_template(const char *key)
{
	if (!key)
		return NULL;
	for (size_t i = 0; i < builtin_ntemplates; i++)
		if (strcmp(builtin_templates[i].key, key) == 0)
			return &builtin_templates[i];
	return NULL;
}
