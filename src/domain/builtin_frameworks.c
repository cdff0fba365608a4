/* builtin_frameworks.c — the reference models of C9 as leergang brings them
 * along. Names and descriptions follow the seeds word for word where the
 * seed gives them; `source` names the seed and its lines ("r." = regel), or
 * BUILTIN_OWN where leergang filled a gap the seed leaves open. An element
 * whose description is NULL is one the seed names without explaining. */
#include "domain/builtin.h"
#include "core/compiler.h"

#include <string.h>


/* ---- VLOW (seed 000) ----
 * The report names the four competences and three anchors in the text
 * (r. 1015-1021) and draws the model with the sub-behaviours of each anchor
 * (r. 519-561). The figure has "oordeel uitstellen" where the text has
 * "Oordeel onderzoeken"; the text's name is used and the figure's kept in
 * the description. The leadership cube carries question cards with the
 * competences and anchors (r. 1027-1029), but the report does not print
 * them: the cards below are leergang's examples, one per competence and
 * anchor, for an organisation to replace with its own. */
static const struct builtin_element vlow_elements[] = {
	{ "C1", NULL, "competence", "Vragen stellen", NULL,
	  "seed 000, r. 1015-1019" },
	{ "C2", NULL, "competence", "Luisteren",
	  "Luisteren, samenvatten en doorvragen: het bekendere ‘familielid’ van VLOW.",
	  "seed 000, r. 1015-1019, 1356" },
	{ "C3", NULL, "competence", "Oordeel onderzoeken",
	  "Onderzoeken en uitstellen van oordeel. In de afbeelding van het model staat: oordeel uitstellen.",
	  "seed 000, r. 549-555, 1015-1019, 1348-1350" },
	{ "C4", NULL, "competence", "Waarderen",
	  "Waarderend kijken naar jezelf en naar anderen: ieders verhaal of ervaring mag er zijn, is de moeite waard, in plaats van dit is goed en dat is fout.",
	  "seed 000, r. 1015-1019, 1352-1354" },

	{ "A1", NULL, "anchor", "Verschil toelaten", NULL, "seed 000, r. 519-520, 1019" },
	{ "A1.B1", "A1", "behaviour", "Verdragen", NULL, "seed 000, r. 522" },
	{ "A1.B2", "A1", "behaviour", "Verbazen", NULL, "seed 000, r. 524" },
	{ "A1.B3", "A1", "behaviour", "Verwonderen", NULL, "seed 000, r. 526" },

	{ "A2", NULL, "anchor", "Voorbeeld zijn", NULL, "seed 000, r. 537, 1019-1021" },
	{ "A2.B1", "A2", "behaviour", "Uitstralen", NULL, "seed 000, r. 538" },
	{ "A2.B2", "A2", "behaviour", "Verantwoordelijkheid nemen en geven", NULL,
	  "seed 000, r. 540-541" },
	{ "A2.B3", "A2", "behaviour", "Aanspreken en aangesproken worden", NULL,
	  "seed 000, r. 543-544" },
	{ "A2.B4", "A2", "behaviour", "Zeggen wat je doet en doen wat je zegt", NULL,
	  "seed 000, r. 546-547" },

	{ "A3", NULL, "anchor", "Verbinding maken",
	  "Het belang en de betekenis van verbinding maken.",
	  "seed 000, r. 528, 1021, 1362" },
	{ "A3.B1", "A3", "behaviour", "Insluiten en uitsluiten", NULL, "seed 000, r. 529" },
	{ "A3.B2", "A3", "behaviour", "De ander uitnodigen", NULL, "seed 000, r. 531" },
	{ "A3.B3", "A3", "behaviour", "Je zelf laten zien", NULL, "seed 000, r. 533" },
	{ "A3.B4", "A3", "behaviour", "Dialoog aangaan", NULL, "seed 000, r. 535" },

	/* In the figure beside the model, not explained in the text. */
	{ "P1", NULL, "principle", "Emotie stoort",
	  "Staat in de afbeelding van het VLOW-model; het rapport licht dit niet verder toe.",
	  "seed 000, r. 557-558" },
	{ "P2", NULL, "principle", "Reflectie helpt",
	  "Staat in de afbeelding van het VLOW-model; het rapport licht dit niet verder toe.",
	  "seed 000, r. 560-561" },

	/* Question cards: leergang's examples (see above). */
	{ "C1.Q1", "C1", "question", "Welke vraag heb ik nog niet gesteld?", NULL, BUILTIN_OWN },
	{ "C2.Q1", "C2", "question", "Wat hoor ik de ander zeggen, en wat zegt hij of zij niet?", NULL, BUILTIN_OWN },
	{ "C3.Q1", "C3", "question", "Waarop baseer ik mijn oordeel, en hoe zou een ander dit kunnen zien?", NULL, BUILTIN_OWN },
	{ "C4.Q1", "C4", "question", "Wat waardeer ik in de ander, en heb ik dat laten merken?", NULL, BUILTIN_OWN },
	{ "A1.Q1", "A1", "question", "Welk verschil vind ik hier lastig, en wat kan ik ervan leren?", NULL, BUILTIN_OWN },
	{ "A2.Q1", "A2", "question", "Doe ik wat ik zeg, en zeg ik wat ik doe?", NULL, BUILTIN_OWN },
	{ "A3.Q1", "A3", "question", "Wie nodig ik uit, en wie laat ik buiten?", NULL, BUILTIN_OWN },
};

/* ---- Amsterdam leadership compass (seed 001) ----
 * The six centrally set themes, named in one sentence (r. 1380-1384); the
 * seed does not describe them one by one. */
static const struct builtin_element compass_elements[] = {
	{ "T1", NULL, "theme", "Richting geven", NULL, "seed 001, r. 1381-1382" },
	{ "T2", NULL, "theme", "Samenwerken", NULL, "seed 001, r. 1382" },
	{ "T3", NULL, "theme", "Inclusief denken en handelen", NULL, "seed 001, r. 1382-1383" },
	{ "T4", NULL, "theme", "Vernieuwing stimuleren", NULL, "seed 001, r. 1383" },
	{ "T5", NULL, "theme", "Vakkennis", NULL, "seed 001, r. 1384" },
	{ "T6", NULL, "theme", "Persoonlijk leiderschap", NULL, "seed 001, r. 1384" },
};

/* ---- the four roles of strategic action (seed 002) ----
 * Figure 3 of the Etten-Leur study (after Van Daal, Misdorp & Van Twist
 * 2012) with the label of each role and the text that explains it. */
static const struct builtin_element roles_elements[] = {
	{ "R1", NULL, "role", "Verkenner",
	  "Toekomstgericht. De verkenner geeft invulling aan de behoefte aan een sterkere toekomstgerichtheid, voorbij de korte termijn focus die dominant is in overheidsorganisaties. De verkenner brengt kennis binnen over mogelijke toekomsten, kennis die niet via de gebruikelijke kanalen binnen komt.",
	  "seed 002, r. 280, 319-320, 334-337" },
	{ "R2", NULL, "role", "Verkondiger",
	  "Samenhang in beleid. De verkondiger geeft invulling aan de behoefte om over grenzen van de organisatie heen (en onderdelen daarbinnen) op zoek te gaan naar een samenhangend inhoudelijk perspectief dat verder gaat dan de eigen omlijnde verantwoordelijkheid. Hij zorgt ervoor dat verschillende (sectorale) perspectieven samenkomen in een coherente beleidskoers voor de gehele organisatie.",
	  "seed 002, r. 281, 322-323, 372-376" },
	{ "R3", NULL, "role", "Verzorger",
	  "Interne kennisbenutting. De verzorger geeft invulling aan de behoefte om het bewustzijn te versterken dat het delen en benutten van kennis nodig is om prestaties van de organisatie te verbeteren. Zij versterkt binnen de eigen organisatie de systematiek en cultuur van kennis benutten en kennis delen.",
	  "seed 002, r. 281, 328-329, 378-381" },
	{ "R4", NULL, "role", "Verbinder",
	  "Externe kennisrelaties. De verbinder geeft invulling aan de behoefte om niet steeds de eigen organisatie als startpunt van redeneren te hanteren, maar de maatschappelijke omgeving waarin de organisatie functioneert. Zij benut externe relaties om – complexe – vraagstukken samen te analyseren, te inventariseren, op te lossen en te evalueren.",
	  "seed 002, r. 281, 325-326, 416-419" },
};

/* ---- four levels of awareness (seed 004) ----
 * The guide lists them twice (r. 580-582 and r. 1102-1104); in the second
 * list "omgevingsbewustzijn" stands where the first has
 * "contextbewustzijn". The first list gives the order and the name; the
 * other name is kept in the description. */
static const struct builtin_element awareness_elements[] = {
	{ "B1", NULL, "awareness", "Zelfbewustzijn", NULL, "seed 004, r. 580, 1104" },
	{ "B2", NULL, "awareness", "Sociaal bewustzijn", NULL, "seed 004, r. 580-582, 1104" },
	{ "B3", NULL, "awareness", "Contextbewustzijn",
	  "Ook omgevingsbewustzijn genoemd: waar de gids de vier niveaus een tweede keer opsomt, staat omgevingsbewustzijn op deze plaats.",
	  "seed 004, r. 580-582, 1102-1104" },
	{ "B4", NULL, "awareness", "Vakbewustzijn", NULL, "seed 004, r. 582, 1102" },
	{ "Q1", NULL, "question", "Hoe ben je de afgelopen tijd gegroeid in je ontwikkeling?",
	  "De belangrijkste vraag in gesprekken over bewustzijn, ook in beoordelingsgesprekken.",
	  "seed 004, r. 572-578" },
	{ "B3.Q1", "B3", "question", "Realiseer je je dat er andere belangen (contexten) zijn?",
	  "Is het antwoord ‘ja’, dan is er groei in contextbewustzijn (wederzijds).",
	  "seed 004, r. 590-596" },
};

/* Synonyms of built-in elements: another name the seed gives the same
 * element. B3: "omgevingsbewustzijn" stands in its place in the second
 * list of seed 004 (r. 1102-1104); issue 17 and SPEC C9 keep both names. */
static const struct {
	const char *framework, *code, *synonyms;
} builtin_element_synonyms[] = {
	{ "awareness", "B3", "omgevingsbewustzijn" },
};

const char *builtin_synonyms(const char *framework_key, const char *code)
{
	for (size_t i = 0; i < ARRAY_SIZE(builtin_element_synonyms); i++)
		if (!strcmp(builtin_element_synonyms[i].framework, framework_key) &&
		    !strcmp(builtin_element_synonyms[i].code, code))
			return builtin_element_synonyms[i].synonyms;
	return "";
}

/* ---- learning climate (seed 001) ----
 * Five dimensions, each between two poles. */
static const struct builtin_element climate_elements[] = {
	{ "D1", NULL, "dimension", "Doel",
	  "Bij het doel van leren kun je organisatiedoelen en persoonlijke doelen onderscheiden. Het verschil is dat je het leren meer richt op de doelen van bedrijf of instelling, of meer richt op de doelen van de medewerker.",
	  "seed 001, r. 4117-4123" },
	{ "D1.P1", "D1", "pole", "Organisatiedoelen",
	  "Het leren richt zich meer op de doelen van bedrijf of instelling.",
	  "seed 001, r. 4117-4123" },
	{ "D1.P2", "D1", "pole", "Persoonlijke doelen",
	  "Het leren richt zich meer op de doelen van de medewerker.",
	  "seed 001, r. 4117-4123" },

	{ "D2", NULL, "dimension", "Inhoud",
	  "De inhoud draait om smalle vakbekwaamheid en brede vakbekwaamheid.",
	  "seed 001, r. 4125-4132" },
	{ "D2.P1", "D2", "pole", "Smalle vakbekwaamheid",
	  "Je specialiseert je in een beperkt aantal taken.",
	  "seed 001, r. 4128-4130" },
	{ "D2.P2", "D2", "pole", "Brede vakbekwaamheid",
	  "Je ontwikkelt je juist breed.",
	  "seed 001, r. 4131-4132" },

	{ "D3", NULL, "dimension", "Didactiek",
	  "Bij de didactiek van leren kan je kennisoverdracht en kennis delen onderscheiden.",
	  "seed 001, r. 4134-4143" },
	{ "D3.P1", "D3", "pole", "Kennisoverdracht",
	  "Kennisoverdracht in een organisatie gebeurt door een deskundige die de leerstof doceert aan de medewerkers.",
	  "seed 001, r. 4137-4140" },
	{ "D3.P2", "D3", "pole", "Kennis delen",
	  "Kennis delen gebeurt in een organisatie waar je leert van ervaringen die je opdoet in je werk en de reflectie hierop samen met collega’s.",
	  "seed 001, r. 4140-4143" },

	{ "D4", NULL, "dimension", "Organisatie",
	  "Onder organisatie van leren valt uniform leren en individueel leren.",
	  "seed 001, r. 4145-4156" },
	{ "D4.P1", "D4", "pole", "Uniform leren",
	  "Iedereen leert gezamenlijk hetzelfde.",
	  "seed 001, r. 4147-4154" },
	{ "D4.P2", "D4", "pole", "Individueel leren",
	  "Je volgt zoveel mogelijk een eigen programma.",
	  "seed 001, r. 4154-4156" },

	{ "D5", NULL, "dimension", "Verantwoordelijkheid",
	  "Bij de verantwoordelijkheid van leren kan je organisatieverantwoordelijkheid en individuele verantwoordelijkheid onderscheiden. Het verschil is dat je leren ziet als een verantwoordelijkheid van het management, of als een verantwoordelijkheid van de medewerkers.",
	  "seed 001, r. 4158-4165" },
	{ "D5.P1", "D5", "pole", "Organisatieverantwoordelijkheid",
	  "Leren is een verantwoordelijkheid van het management.",
	  "seed 001, r. 4158-4165" },
	{ "D5.P2", "D5", "pole", "Individuele verantwoordelijkheid",
	  "Leren is een verantwoordelijkheid van de medewerkers.",
	  "seed 001, r. 4158-4165" },
};

/* ---- Weten, Willen, Kunnen, Durven, Mogen (seed 001) ----
 * The five factors of the model "stimuleren eigen regie op duurzame
 * inzetbaarheid". Seed 004 does not have them. */
static const struct builtin_element wwkdm_elements[] = {
	{ "F1", NULL, "factor", "Weten", "Weten gaat over de kennis die de medewerker heeft.",
	  "seed 001, r. 4251-4253" },
	{ "F2", NULL, "factor", "Willen", "Willen gaat over zijn intentie om regie te nemen en stappen te zetten.",
	  "seed 001, r. 4254-4257" },
	{ "F3", NULL, "factor", "Kunnen", "Kunnen gaat over de vaardigheden: heeft de medewerker ook het vermogen om stappen te zetten?",
	  "seed 001, r. 4259-4262" },
	{ "F4", NULL, "factor", "Durven", "Durven gaat over het lef om stappen te zetten met een onzekere uitkomst.",
	  "seed 001, r. 4264-4266" },
	{ "F5", NULL, "factor", "Mogen", "Mogen gaat over de ruimte die hij krijgt van de werkgever om stappen te zetten.",
	  "seed 001, r. 4268-4271" },
};

const struct builtin_framework builtin_frameworks[] = {
	{
		.key = "vlow",
		.name = "VLOW-model",
		.description = "Het VLOW-model schetst het leiderschap dat ruimte maakt voor variatie, zorgt voor een veilige organisatie en aansluit bij de huidige opgave van de politie. VLOW is een acroniem van vier belangrijke competenties: Vragen stellen, Luisteren, Oordeel onderzoeken en Waarderen. Het model bevat tevens drie gedragsankers: Verschil toelaten, Voorbeeld zijn en Verbinding maken. Bij de competenties en de gedragsankers horen kaartjes met vragen die helpen om met elkaar in gesprek te gaan.",
		.source = "seed 000, r. 942, 1015-1029",
		.elements = vlow_elements,
		.nelements = ARRAY_SIZE(vlow_elements),
	},
	{
		.key = "leadership_compass",
		.name = "Leiderschapskompas",
		.description = "De centraal vastgestelde thema’s uit het leiderschapskompas van de gemeente Amsterdam. Het kompas bevat alle kernpunten die de Amsterdamse School essentieel acht voor goed leiderschap; in een programma worden de thema’s geïntegreerd met de eigen leiderschapsopgaven van een directie.",
		.source = "seed 001, r. 1379-1391",
		.elements = compass_elements,
		.nelements = ARRAY_SIZE(compass_elements),
	},
	{
		.key = "strategic_roles",
		.name = "Vier rollen van strategisch handelen",
		.description = "Het schema van de vier rollen van strategisch handelen: verkenner, verkondiger, verzorger en verbinder (Van Daal, Misdorp en Van Twist, 2012). De rollen zijn toegeschreven op strategen, maar vormen ook een goed kader om medewerkers te beschrijven: elke medewerker ‘past’ het beste bij één van de vier rollen.",
		.source = "seed 002, r. 279-284, 331-333",
		.elements = roles_elements,
		.nelements = ARRAY_SIZE(roles_elements),
	},
	{
		.key = "awareness",
		.name = "Vier niveaus van bewustzijn",
		.description = "Het hoogste niveau van leren is de toename van bewustzijn. Er worden vier niveaus van bewustzijn onderscheiden, die worden vertaald naar gedragskenmerken. Door ze consequent in gesprekken aan de orde te stellen, groeit het (zelf)lerend vermogen.",
		.source = "seed 004, r. 572-588, 1094-1108",
		.elements = awareness_elements,
		.nelements = ARRAY_SIZE(awareness_elements),
	},
	{
		.key = "learning_climate",
		.name = "Leerklimaat",
		.description = "Het leerklimaat is een belangrijke randvoorwaarde voor leren. Binnen het leerklimaat zijn vijf dimensies te onderscheiden; elke dimensie ligt tussen twee polen.",
		.source = "seed 001, r. 4092-4115",
		.elements = climate_elements,
		.nelements = ARRAY_SIZE(climate_elements),
	},
	{
		.key = "wwkdm",
		.name = "Weten, willen, kunnen, durven, mogen",
		.description = "De vijf factoren van het model ‘stimuleren eigen regie op duurzame inzetbaarheid’ van de samenwerkende O&O fondsen, ontwikkeld in samenwerking met onder meer TNO. Leidinggevenden kunnen hiermee medewerkers aan het roer zetten van hun eigen leren en ontwikkelen.",
		.source = "seed 001, r. 4238-4271",
		.elements = wwkdm_elements,
		.nelements = ARRAY_SIZE(wwkdm_elements),
	},
};

const size_t builtin_nframeworks = ARRAY_SIZE(builtin_frameworks);

const struct builtin_framework *builtin_framework(const char *key)
{
	if (!key)
		return NULL;
	for (size_t i = 0; i < builtin_nframeworks; i++)
		if (strcmp(builtin_frameworks[i].key, key) == 0)
			return &builtin_frameworks[i];
	return NULL;
}
