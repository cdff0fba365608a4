/* builtin_methods.c — the built-in session methods: action learning in the
 * nine steps of seed 004 (the instruction of each step is the seed's
 * sentence word for word), the learning circle of seed 002, and two
 * intervision methods in common use in Dutch public organisations, the
 * incident method and the balint method, in leergang's own words (the seeds
 * give no intervision method, seed-notes 004 §6). Default minutes: the seeds
 * give only action learning's "één minuut" (step 3); the other times are
 * leergang's and the leader changes them. */
#include "domain/builtin_methods.h"
#include "domain/builtin.h"

#define AL(lbl, w, text, min, line) { .name = (lbl), .who = (w), .instruction = (text), \
	.minutes = (min), .source = "seed 004, r. " line }

static const struct builtin_method_step actieleren[] = {
	AL("Casus inbrengen", "casusinbrenger",
	   "Een van de teamleden brengt de casus in tijdens een teambespreking.", 5, "679"),
	AL("Reflectievraag", "casusinbrenger",
	   "De casusinbrenger stelt een reflectievraag.", 3, "681"),
	AL("Antwoorden in één minuut", "teamleden",
	   "De teamleden vinden antwoorden in één minuut.", 1, "683"),
	AL("Twee lezen voor", "twee voorlezers",
	   "Twee personen vertellen wat ze hebben opgeschreven.", 4, "685"),
	AL("Ideeën selecteren", "teamleden",
	   "De teamleden selecteren ideeën voor nadere uitwerking.", 5, "687"),
	AL("Dialoog", "teamleden",
	   "De teamleden voeren een dialoog over het geselecteerde idee.", 15, "689"),
	AL("Samenvatten", "samenvatter",
	   "Een van de teamleden vat het gesprek samen.", 3, "691"),
	AL("Idee aanscherpen", "teamleden",
	   "De teamleden scherpen het gekozen idee aan en geven aanvullingen.", 10, "693"),
	AL("Vervolgacties", "teamleden",
	   "De teamleden stellen de vervolgacties op.", 5, "695"),
};

static const struct builtin_method_step leercirkel[] = {
	{ "Casus uit het eigen werk", "deelnemer (inbrenger)",
	  "Elke deelnemer brengt een vraagstuk (casus) in uit het eigen werk, dat zij zelf inbrengen.",
	  0, "seed 002, r. 136-137" },
	{ "Casus presenteren", "inbrenger",
	  "Elke deelnemer presenteert zijn casus tijdens een sessie.", 15, "seed 002, r. 137-138" },
	{ "In- en uitleiden met theorie", "begeleiders",
	  "De casus wordt door de begeleiders besproken en in- en uitgeleid met theorieën, modellen, inzichten, "
	  "filmpjes en bronnen.", 30, "seed 002, r. 138-140" },
	{ "Feedback via rollenspel", "groep en inbrenger",
	  "In een groepsproces krijgt de inbrenger van de casus via een rollenspel feedback.", 30,
	  "seed 002, r. 140-141" },
	{ "Pecha kucha", "alle deelnemers; directeuren aanwezig",
	  "Aan het eind houdt elke deelnemer een kernachtige presentatie (pecha kucha) over de eigen casus, "
	  "in aanwezigheid van de directeuren van de organisatie.", 7, "seed 002, r. 141-143" },
};

static const struct builtin_method_step incident[] = {
	{ "Incident vertellen", "inbrenger",
	  "De inbrenger vertelt kort over een concreet voorval uit het eigen werk waarin een beslissing nodig was, "
	  "en stopt op het moment van beslissen.", 5, BUILTIN_OWN },
	{ "Feitelijke vragen", "groepsleden",
	  "De groepsleden stellen alleen feitelijke vragen om de situatie helder te krijgen; nog geen adviezen of meningen.",
	  10, BUILTIN_OWN },
	{ "Zelf beslissen", "ieder groepslid",
	  "Ieder schrijft op wat hij of zij in de plaats van de inbrenger zou besluiten, en waarom.", 5, BUILTIN_OWN },
	{ "Beslissingen bespreken", "groepsleden; gespreksleider",
	  "De groepsleden lezen hun beslissingen voor en bespreken de verschillen; de inbrenger luistert.", 15,
	  BUILTIN_OWN },
	{ "Wat er werkelijk gebeurde", "inbrenger",
	  "De inbrenger vertelt wat er in werkelijkheid besloten is en hoe het afliep; de groep vergelijkt.", 10,
	  BUILTIN_OWN },
	{ "Leerpunten", "iedereen",
	  "Ieder noemt wat hij of zij uit dit incident meeneemt voor het eigen werk.", 10, BUILTIN_OWN },
};

static const struct builtin_method_step balint[] = {
	{ "Casus vertellen", "inbrenger",
	  "De inbrenger vertelt zonder onderbreking over een werksituatie die hem of haar bezighoudt.", 10,
	  BUILTIN_OWN },
	{ "Verhelderende vragen", "groepsleden",
	  "De groepsleden stellen vragen die het beeld verhelderen, zonder te oordelen of te adviseren.", 10,
	  BUILTIN_OWN },
	{ "Beelden en gevoelens", "groepsleden; inbrenger luistert",
	  "De inbrenger schuift achteruit en luistert zwijgend; de groep spreekt uit welke beelden, gevoelens en "
	  "vermoedens de casus oproept.", 20, BUILTIN_OWN },
	{ "Reactie van de inbrenger", "inbrenger",
	  "De inbrenger vertelt wat hem of haar raakte of verraste en wat het zegt over de eigen rol.", 10,
	  BUILTIN_OWN },
	{ "Afronden", "gespreksleider",
	  "De gespreksleider vraagt ieder wat hij of zij meeneemt en sluit af.", 5, BUILTIN_OWN },
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

const struct builtin_method builtin_methods[] = {
	{ "actieleren", "Actieleren",
	  "Een teamlid brengt een casus in; het team zoekt in negen stappen naar ideeën en spreekt vervolgacties af. "
	  "Ontwikkeld door de WMO-werkplaats Nijmegen met de Hogeschool Arnhem-Nijmegen.",
	  "seed 004, r. 663-695", actieleren, N(actieleren) },
	{ "leercirkel", "Leercirkel",
	  "Deelnemers leren reflecties om te zetten in handelen: ieder brengt een eigen casus in, de begeleiders "
	  "leiden die in en uit met theorie, de inbrenger krijgt feedback via een rollenspel, en aan het eind volgt "
	  "een pecha kucha.", "seed 002, r. 135-143", leercirkel, N(leercirkel) },
	{ "incidentmethode", "Intervisie: incidentmethode",
	  "Een kort voorval waarin een beslissing nodig was; ieder beslist eerst zelf en vergelijkt dan met wat er "
	  "werkelijk gebeurde.", BUILTIN_OWN, incident, N(incident) },
	{ "balintmethode", "Intervisie: balintmethode",
	  "Aandacht voor wat een werksituatie bij de inbrenger en de groep oproept, met de inbrenger als luisteraar.",
	  BUILTIN_OWN, balint, N(balint) },
};
const size_t builtin_nmethods = N(builtin_methods);
