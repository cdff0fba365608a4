/* builtin_learning_forms.c — the fourteen learning forms of seed 004's table
 * "Verschillende leeraanpakken, met uiteenlopende benamingen" (r. 826-850),
 * in the seed's order, left cell before right cell. The seed gives only the
 * names: each form's place in 70/20/10, its aim, whether it is social and
 * the matcher's who/where/how are leergang's judgement (source "leergang"),
 * copied into every organisation, where the coach can change them. The
 * descriptions are leergang's words; where a value leans on the seed's
 * 70-20-10 principle (r. 266-272) the description says so. */
#include "domain/catalogue.h"
#include "core/compiler.h"


const struct builtin_learning_form builtin_learning_forms[] = {
	{ "werkprocessen", "Leren via (verbetering van) werkprocessen — lerend werken",
	  "Leren in het werk zelf door het werkproces samen te verbeteren; leren en werken gebeuren tegelijk.",
	  70, "skills", true, "organisation", "workplace", "doing", "seed 004, r. 826-828" },
	{ "communities_of_practice", "Communities of practice, digitale fora/platforms",
	  "Vakgenoten delen kennis en ervaring in een gemeenschap, vaak via een digitaal forum of platform.",
	  20, "knowledge", true, "organisation", "online", "watching", "seed 004, r. 830-832" },
	{ "zelfsturende_teams", "In (zelfsturende) teams, soms met een leercoach",
	  "Het team leert van en met elkaar in het dagelijkse werk, soms begeleid door een leercoach.",
	  70, "skills", true, "team", "workplace", "doing", "seed 004, r. 834" },
	{ "storytelling", "Storytelling",
	  "Ervaringen worden als verhaal verteld en doorgegeven, zodat impliciete kennis zichtbaar wordt.",
	  20, "knowledge", true, "team", "workplace", "watching", "seed 004, r. 834" },
	{ "ervaringen_uitwisselen", "Uitwisselen van nieuwe ervaringen gemeenteambtenaren rond decentralisaties sociaal domein",
	  "Ambtenaren van verschillende gemeenten wisselen nieuwe ervaringen uit over een gedeelde opgave.",
	  20, "knowledge", true, "organisation", "workplace", "watching", "seed 004, r. 836-838" },
	{ "e_learning", "E-learning (bijvoorbeeld omooc)",
	  "Zelfstandig online leren, in eigen tempo.",
	  10, "knowledge", false, "individual", "online", "acquiring", "seed 004, r. 840-842" },
	{ "trainingen", "Trainingen",
	  "Vaardigheden oefenen in een training. 10 volgt het 70-20-10-principe: ‘formele trainingen en cursussen’ (r. 270-272).",
	  10, "skills", true, "individual", "classroom", "acquiring", "seed 004, r. 844" },
	{ "gaming", "Gaming, gamification",
	  "Leren door een spel te spelen of door spelelementen in het werk, zoals een simulatie.",
	  10, "skills", false, "individual", "online", "doing", "seed 004, r. 844" },
	{ "cursus", "Cursus, opleiding, college (docent voor de klas)",
	  "Kennis opdoen van een docent voor de klas. 10 volgt het 70-20-10-principe: ‘formele trainingen en cursussen’ (r. 270-272).",
	  10, "knowledge", false, "individual", "classroom", "acquiring", "seed 004, r. 846" },
	{ "blended_learning", "Blended learning",
	  "Online leren afgewisseld met bijeenkomsten.",
	  10, "knowledge", false, "individual", "online", "acquiring", "seed 004, r. 846" },
	{ "coaching", "(Team- of individuele) coaching",
	  "Een coach helpt een persoon of team het eigen gedrag te onderzoeken en te veranderen. 20 volgt het 70-20-10-principe: ‘leren via coaching en feedback’ (r. 268-270).",
	  20, "skills", false, "individual", "workplace", "doing", "seed 004, r. 848" },
	{ "casusbesprekingen", "Casus- of dossierbesprekingen",
	  "Collega's bespreken samen een casus of dossier uit het werk en vormen zo een gedeelde visie.",
	  70, "skills", true, "team", "workplace", "watching", "seed 004, r. 848" },
	{ "actieleren", "Actieleren",
	  "Een teamlid brengt een casus in; het team zoekt in negen stappen samen naar ideeën en stelt vervolgacties op.",
	  70, "skills", true, "team", "workplace", "doing", "seed 004, r. 850" },
	{ "intervisie", "Intervisie",
	  "Collega's bespreken volgens een vaste methode elkaars vraag uit het werk, zonder begeleider van buiten.",
	  20, "skills", true, "team", "workplace", "watching", "seed 004, r. 850" },
};
const size_t builtin_nlearning_forms = ARRAY_SIZE(builtin_learning_forms);
