/* reports.c — bench data for search: a published meeting report for every
 * meeting of the bench database (bench/generate makes 40,000), each with
 * PARAGRAPHS (default 25) paragraphs of 30-60 words of generated Dutch
 * spread over agenda (4), themes (6), learning moments (8) and the
 * facilitator's reflection (the rest). Usage: bench-reports DB [PARAGRAPHS]
 *
 * The rows go in through leergang's own store: store_open() registers the
 * tokenizer "dutch" and md_plain() on the connection, store_migrate()
 * brings the schema to the current version, and the triggers of migration
 * 0008 index every report as it is inserted, exactly as when a facilitator
 * writes one. The insert is the SQL of store_report_put() plus status and
 * publication in the same statement: store_report_put() followed by
 * store_report_publish() would index each report twice (the UPDATE
 * trigger re-indexes the whole text). One transaction per organisation.
 *
 * The text: sentences from a dozen patterns over a vocabulary of Dutch
 * nouns (singular, plural, some diminutives, compounds), verbs (present,
 * past, participle), adjectives (-e, comparative) and function words, each
 * list drawn Zipf-like (the first words of a list most often), with a tail
 * of rare words. Deterministic: the same database gives the same text. */
#include "core/buf.h"
#include "formats/markdown.h"
#include "store/store.h"
#include "store/sql/internal.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ---- vocabulary, most frequent first ---- */

struct noun { const char *sg, *pl; bool het; const char *dim; };
static const struct noun nouns[] = {
	{ "vergadering", "vergaderingen", false, NULL }, { "groep", "groepen", false, "groepje" },
	{ "gesprek", "gesprekken", true, "gesprekje" }, { "deelnemer", "deelnemers", false, NULL },
	{ "leider", "leiders", false, NULL }, { "vraag", "vragen", false, "vraagje" },
	{ "team", "teams", true, "teampje" }, { "collega", "collega's", false, NULL },
	{ "begeleider", "begeleiders", false, NULL }, { "leidinggevende", "leidinggevenden", false, NULL },
	{ "ervaring", "ervaringen", false, NULL }, { "moment", "momenten", true, "momentje" },
	{ "thema", "thema's", true, NULL }, { "casus", "casussen", false, NULL },
	{ "feedback", "feedback", false, NULL }, { "afdeling", "afdelingen", false, NULL },
	{ "mentor", "mentoren", false, NULL }, { "organisatie", "organisaties", false, NULL },
	{ "doel", "doelen", true, "doeltje" }, { "voorbeeld", "voorbeelden", true, "voorbeeldje" },
	{ "medewerker", "medewerkers", false, NULL }, { "inzicht", "inzichten", true, NULL },
	{ "onderwerp", "onderwerpen", true, NULL }, { "rol", "rollen", false, "rolletje" },
	{ "opdracht", "opdrachten", false, NULL }, { "oefening", "oefeningen", false, NULL },
	{ "situatie", "situaties", false, NULL }, { "reflectie", "reflecties", false, NULL },
	{ "verandering", "veranderingen", false, NULL }, { "samenwerking", "samenwerkingen", false, NULL },
	{ "afspraak", "afspraken", false, "afspraakje" }, { "verantwoordelijkheid", "verantwoordelijkheden", false, NULL },
	{ "probleem", "problemen", true, "probleempje" }, { "oplossing", "oplossingen", false, NULL },
	{ "besluit", "besluiten", true, NULL }, { "keuze", "keuzes", false, NULL },
	{ "gevoel", "gevoelens", true, "gevoeltje" }, { "vertrouwen", "vertrouwen", true, NULL },
	{ "spanning", "spanningen", false, NULL }, { "conflict", "conflicten", true, "conflictje" },
	{ "agenda", "agenda's", false, NULL }, { "bijeenkomst", "bijeenkomsten", false, NULL },
	{ "week", "weken", false, "weekje" }, { "dag", "dagen", false, "dagje" },
	{ "plan", "plannen", true, "plannetje" }, { "stap", "stappen", false, "stapje" },
	{ "verwachting", "verwachtingen", false, NULL }, { "klant", "klanten", false, NULL },
	{ "project", "projecten", true, NULL }, { "grens", "grenzen", false, NULL },
	{ "kwaliteit", "kwaliteiten", false, NULL }, { "valkuil", "valkuilen", false, NULL },
	{ "talent", "talenten", true, NULL }, { "waarde", "waarden", false, NULL },
	{ "mening", "meningen", false, NULL }, { "idee", "ideeën", true, "ideetje" },
	{ "verhaal", "verhalen", true, "verhaaltje" }, { "woord", "woorden", true, "woordje" },
	{ "beeld", "beelden", true, "beeldje" }, { "signaal", "signalen", true, "signaaltje" },
	{ "emotie", "emoties", false, NULL }, { "houding", "houdingen", false, NULL },
	{ "werkwijze", "werkwijzen", false, NULL }, { "proces", "processen", true, NULL },
	{ "resultaat", "resultaten", true, NULL }, { "taak", "taken", false, "taakje" },
	{ "functie", "functies", false, NULL }, { "directeur", "directeuren", false, NULL },
	{ "manager", "managers", false, NULL }, { "bestuurder", "bestuurders", false, NULL },
	{ "coach", "coaches", false, NULL }, { "programma", "programma's", true, NULL },
	{ "sessie", "sessies", false, NULL }, { "werkvorm", "werkvormen", false, NULL },
	{ "intervisie", "intervisies", false, NULL }, { "rollenspel", "rollenspellen", true, NULL },
	{ "kring", "kringen", false, "kringetje" }, { "ronde", "rondes", false, "rondje" },
	{ "pauze", "pauzes", false, "pauzetje" }, { "lunch", "lunches", false, NULL },
	{ "ruimte", "ruimtes", false, NULL }, { "tafel", "tafels", false, "tafeltje" },
	{ "flap", "flappen", false, NULL }, { "kaart", "kaarten", false, "kaartje" },
	{ "tekening", "tekeningen", false, "tekeningetje" }, { "observatie", "observaties", false, NULL },
	{ "vraagstuk", "vraagstukken", true, NULL }, { "dilemma", "dilemma's", true, NULL },
	{ "leerdoel", "leerdoelen", true, NULL }, { "leervraag", "leervragen", false, NULL },
	{ "logboek", "logboeken", true, NULL }, { "ontwikkeling", "ontwikkelingen", false, NULL },
	{ "loopbaan", "loopbanen", false, NULL }, { "toekomst", "toekomsten", false, NULL },
	{ "balans", "balansen", false, NULL }, { "tijd", "tijden", false, "tijdje" },
	{ "prioriteit", "prioriteiten", false, NULL }, { "mail", "mails", false, "mailtje" },
	{ "overleg", "overleggen", true, "overlegje" }, { "beslissing", "beslissingen", false, NULL },
	{ "stilte", "stiltes", false, NULL }, { "zorg", "zorgen", false, NULL },
	{ "twijfel", "twijfels", false, NULL }, { "angst", "angsten", false, NULL },
	{ "onzekerheid", "onzekerheden", false, NULL }, { "verbinding", "verbindingen", false, NULL },
	{ "relatie", "relaties", false, NULL }, { "netwerk", "netwerken", true, NULL },
	{ "positie", "posities", false, NULL }, { "hiërarchie", "hiërarchieën", false, NULL },
	{ "cultuur", "culturen", false, NULL }, { "patroon", "patronen", true, "patroontje" },
	{ "les", "lessen", false, "lesje" }, { "ochtend", "ochtenden", false, NULL },
	{ "middag", "middagen", false, "middagje" }, { "avond", "avonden", false, "avondje" },
	{ "gedachte", "gedachten", false, NULL }, { "aanpak", "aanpakken", false, NULL },
	{ "kans", "kansen", false, "kansje" }, { "risico", "risico's", true, NULL },
	{ "uitdaging", "uitdagingen", false, NULL }, { "verschil", "verschillen", true, NULL },
	{ "overeenkomst", "overeenkomsten", false, NULL }, { "regel", "regels", false, "regeltje" },
	{ "gewoonte", "gewoonten", false, NULL }, { "stijl", "stijlen", false, NULL },
	{ "invloed", "invloeden", false, NULL }, { "doelstelling", "doelstellingen", false, NULL },
	{ "opleiding", "opleidingen", false, NULL }, { "training", "trainingen", false, NULL },
	{ "trainer", "trainers", false, NULL }, { "spreker", "sprekers", false, NULL },
	{ "luisteraar", "luisteraars", false, NULL }, { "beoordeling", "beoordelingen", false, NULL },
	{ "jaar", "jaren", true, "jaartje" }, { "maand", "maanden", false, NULL },
	{ "uur", "uren", true, "uurtje" }, { "kwartier", "kwartieren", true, NULL },
	{ "werkdruk", "werkdrukken", false, NULL }, { "motivatie", "motivaties", false, NULL },
	{ "nieuwsgierigheid", "nieuwsgierigheden", false, NULL }, { "kwetsbaarheid", "kwetsbaarheden", false, NULL },
	{ "openheid", "openheden", false, NULL }, { "eerlijkheid", "eerlijkheden", false, NULL },
	{ "aandacht", "aandachten", false, NULL }, { "bewustzijn", "bewustzijnen", true, NULL },
	{ "perspectief", "perspectieven", true, NULL }, { "standpunt", "standpunten", true, NULL },
	{ "argument", "argumenten", true, NULL }, { "belang", "belangen", true, NULL },
	{ "zin", "zinnen", false, "zinnetje" }, { "lach", "lachen", false, "lachje" },
	{ "humor", "humor", false, NULL }, { "moed", "moed", false, NULL },
	{ "trots", "trots", false, NULL }, { "energie", "energieën", false, NULL },
	{ "rust", "rust", false, NULL }, { "stress", "stress", false, NULL },
	{ "koffie", "koffie", false, "koffietje" }, { "wandeling", "wandelingen", false, "wandelingetje" },
	{ "boek", "boeken", true, "boekje" }, { "artikel", "artikelen", true, "artikeltje" },
	{ "model", "modellen", true, "modelletje" }, { "theorie", "theorieën", false, NULL },
	{ "praktijk", "praktijken", false, NULL }, { "werkplek", "werkplekken", false, NULL },
	{ "vestiging", "vestigingen", false, NULL }, { "locatie", "locaties", false, NULL },
	{ "gemeente", "gemeenten", false, NULL }, { "burger", "burgers", false, NULL },
	{ "patiënt", "patiënten", false, NULL }, { "leerling", "leerlingen", false, NULL },
	{ "ouder", "ouders", false, NULL }, { "partner", "partners", false, NULL },
	{ "leverancier", "leveranciers", false, NULL }, { "budget", "budgetten", true, NULL },
	{ "begroting", "begrotingen", false, NULL }, { "cijfer", "cijfers", true, "cijfertje" },
	{ "rapport", "rapporten", true, "rapportje" }, { "verslag", "verslagen", true, "verslagje" },
	{ "notitie", "notities", false, NULL }, { "samenvatting", "samenvattingen", false, NULL },
	{ "terugblik", "terugblikken", false, NULL }, { "vooruitblik", "vooruitblikken", false, NULL },
	{ "afsluiting", "afsluitingen", false, NULL }, { "opening", "openingen", false, NULL },
	{ "kennismaking", "kennismakingen", false, NULL }, { "check-in", "check-ins", false, NULL },
	{ "huiswerk", "huiswerk", true, NULL }, { "werkgroep", "werkgroepen", false, NULL },
	{ "stuurgroep", "stuurgroepen", false, NULL }, { "directie", "directies", false, NULL },
	{ "ondernemingsraad", "ondernemingsraden", false, NULL }, { "vakbond", "vakbonden", false, NULL },
	{ "reorganisatie", "reorganisaties", false, NULL }, { "fusie", "fusies", false, NULL },
	{ "visie", "visies", false, NULL }, { "missie", "missies", false, NULL },
	{ "strategie", "strategieën", false, NULL }, { "koers", "koersen", false, NULL },
	{ "richting", "richtingen", false, NULL }, { "ambitie", "ambities", false, NULL },
	{ "succes", "successen", true, "succesje" }, { "fout", "fouten", false, "foutje" },
	{ "mislukking", "mislukkingen", false, NULL }, { "compliment", "complimenten", true, "complimentje" },
	{ "kritiek", "kritieken", false, NULL }, { "weerstand", "weerstanden", false, NULL },
	{ "draagvlak", "draagvlakken", true, NULL }, { "eigenaarschap", "eigenaarschappen", true, NULL },
	{ "autonomie", "autonomieën", false, NULL }, { "regie", "regies", false, NULL },
	{ "coöperatie", "coöperaties", false, NULL }, { "reünie", "reünies", false, NULL },
};

/* the heads and first parts of compound nouns (teamvergadering,
 * functioneringsgesprekken, leiderschapsstijl): the rarer tail */
static const char *const compound_first[] = {
	"team", "werk", "leer", "groeps", "project", "klant", "afdelings", "leiderschaps", "veranderings",
	"start", "eind", "evaluatie", "kennis", "praktijk", "functionerings", "ontwikkel", "voortgangs",
	"beoordelings", "sollicitatie", "verzuim", "intervisie", "reflectie", "coaching", "stuur", "kwaliteits",
	"beleids", "overleg", "jaar", "kwartaal", "week", "personeels", "directie", "ouder", "wijk",
};
static const struct noun compound_head[] = {
	{ "vergadering", "vergaderingen", false, NULL }, { "gesprek", "gesprekken", true, NULL },
	{ "vraag", "vragen", false, NULL }, { "doel", "doelen", true, NULL }, { "moment", "momenten", true, NULL },
	{ "plan", "plannen", true, NULL }, { "proces", "processen", true, NULL }, { "traject", "trajecten", true, NULL },
	{ "sessie", "sessies", false, NULL }, { "ronde", "rondes", false, NULL }, { "opdracht", "opdrachten", false, NULL },
	{ "ervaring", "ervaringen", false, NULL }, { "cultuur", "culturen", false, NULL }, { "stijl", "stijlen", false, NULL },
	{ "rol", "rollen", false, NULL }, { "overleg", "overleggen", true, NULL }, { "leider", "leiders", false, NULL },
	{ "verslag", "verslagen", true, NULL }, { "afspraak", "afspraken", false, NULL }, { "dag", "dagen", false, NULL },
};

/* rare words, each in some tens or hundreds of the 40,000 reports */
static const char *const rare[] = {
	"arbeidsvoorwaarden", "medezeggenschap", "klokkenluidersregeling", "ziekteverzuim", "integriteitsbeleid",
	"vertrouwenspersoon", "loopbaangesprek", "mobiliteitsbudget", "thuiswerkbeleid", "generatiepact",
	"inwerkprogramma", "exitgesprek", "mantelzorg", "herintreder", "zelfroosteren", "sabbatical",
	"burn-out", "functiewaardering", "teambuilding", "outplacement", "klachtenregeling", "bedrijfsarts",
	"arbodienst", "re-integratie", "talentenscan", "assessment", "nulmeting", "stakeholderanalyse",
	"krachtenveldanalyse", "ijsbergmodel", "roos van Leary", "kernkwadrant", "dramadriehoek",
	"johari-venster", "situationeel leiderschap", "dienend leiderschap", "deep democracy",
	"appreciative inquiry", "groepsdynamica", "veranderkleuren",
};

struct verb { const char *inf, *stem, *t3, *past, *pastpl, *part; };
static const struct verb verbs[] = {
	{ "bespreken", "bespreek", "bespreekt", "besprak", "bespraken", "besproken" },
	{ "vergaderen", "vergader", "vergadert", "vergaderde", "vergaderden", "vergaderd" },
	{ "delen", "deel", "deelt", "deelde", "deelden", "gedeeld" },
	{ "leren", "leer", "leert", "leerde", "leerden", "geleerd" },
	{ "leiden", "leid", "leidt", "leidde", "leidden", "geleid" },
	{ "vertellen", "vertel", "vertelt", "vertelde", "vertelden", "verteld" },
	{ "geven", "geef", "geeft", "gaf", "gaven", "gegeven" },
	{ "vragen", "vraag", "vraagt", "vroeg", "vroegen", "gevraagd" },
	{ "merken", "merk", "merkt", "merkte", "merkten", "gemerkt" },
	{ "ontdekken", "ontdek", "ontdekt", "ontdekte", "ontdekten", "ontdekt" },
	{ "oefenen", "oefen", "oefent", "oefende", "oefenden", "geoefend" },
	{ "zien", "zie", "ziet", "zag", "zagen", "gezien" },
	{ "herkennen", "herken", "herkent", "herkende", "herkenden", "herkend" },
	{ "benoemen", "benoem", "benoemt", "benoemde", "benoemden", "benoemd" },
	{ "onderzoeken", "onderzoek", "onderzoekt", "onderzocht", "onderzochten", "onderzocht" },
	{ "kiezen", "kies", "kiest", "koos", "kozen", "gekozen" },
	{ "ervaren", "ervaar", "ervaart", "ervoer", "ervoeren", "ervaren" },
	{ "begrijpen", "begrijp", "begrijpt", "begreep", "begrepen", "begrepen" },
	{ "voeren", "voer", "voert", "voerde", "voerden", "gevoerd" },
	{ "verkennen", "verken", "verkent", "verkende", "verkenden", "verkend" },
	{ "ondersteunen", "ondersteun", "ondersteunt", "ondersteunde", "ondersteunden", "ondersteund" },
	{ "begeleiden", "begeleid", "begeleidt", "begeleidde", "begeleidden", "begeleid" },
	{ "formuleren", "formuleer", "formuleert", "formuleerde", "formuleerden", "geformuleerd" },
	{ "evalueren", "evalueer", "evalueert", "evalueerde", "evalueerden", "geëvalueerd" },
	{ "beschrijven", "beschrijf", "beschrijft", "beschreef", "beschreven", "beschreven" },
	{ "presenteren", "presenteer", "presenteert", "presenteerde", "presenteerden", "gepresenteerd" },
	{ "verbinden", "verbind", "verbindt", "verbond", "verbonden", "verbonden" },
	{ "stimuleren", "stimuleer", "stimuleert", "stimuleerde", "stimuleerden", "gestimuleerd" },
	{ "spiegelen", "spiegel", "spiegelt", "spiegelde", "spiegelden", "gespiegeld" },
	{ "verwoorden", "verwoord", "verwoordt", "verwoordde", "verwoordden", "verwoord" },
	{ "waarderen", "waardeer", "waardeert", "waardeerde", "waardeerden", "gewaardeerd" },
	{ "missen", "mis", "mist", "miste", "misten", "gemist" },
	{ "bewaken", "bewaak", "bewaakt", "bewaakte", "bewaakten", "bewaakt" },
	{ "veranderen", "verander", "verandert", "veranderde", "veranderden", "veranderd" },
	{ "verbeteren", "verbeter", "verbetert", "verbeterde", "verbeterden", "verbeterd" },
	{ "aanpakken", "pak", "pakt", "pakte", "pakten", "aangepakt" },
	{ "uitwerken", "werk", "werkt", "werkte", "werkten", "uitgewerkt" },
	{ "schrijven", "schrijf", "schrijft", "schreef", "schreven", "geschreven" },
	{ "lezen", "lees", "leest", "las", "lazen", "gelezen" },
	{ "noemen", "noem", "noemt", "noemde", "noemden", "genoemd" },
	{ "tonen", "toon", "toont", "toonde", "toonden", "getoond" },
	{ "zoeken", "zoek", "zoekt", "zocht", "zochten", "gezocht" },
	{ "vinden", "vind", "vindt", "vond", "vonden", "gevonden" },
	{ "houden", "houd", "houdt", "hield", "hielden", "gehouden" },
	{ "nemen", "neem", "neemt", "nam", "namen", "genomen" },
	{ "maken", "maak", "maakt", "maakte", "maakten", "gemaakt" },
	{ "brengen", "breng", "brengt", "bracht", "brachten", "gebracht" },
	{ "verdelen", "verdeel", "verdeelt", "verdeelde", "verdeelden", "verdeeld" },
	{ "afronden", "rond", "rondt", "rondde", "rondden", "afgerond" },
	{ "plannen", "plan", "plant", "plande", "planden", "gepland" },
	{ "toetsen", "toets", "toetst", "toetste", "toetsten", "getoetst" },
	{ "uitdagen", "daag", "daagt", "daagde", "daagden", "uitgedaagd" },
	{ "confronteren", "confronteer", "confronteert", "confronteerde", "confronteerden", "geconfronteerd" },
	{ "analyseren", "analyseer", "analyseert", "analyseerde", "analyseerden", "geanalyseerd" },
	{ "relativeren", "relativeer", "relativeert", "relativeerde", "relativeerden", "gerelativeerd" },
	{ "accepteren", "accepteer", "accepteert", "accepteerde", "accepteerden", "geaccepteerd" },
	{ "vermijden", "vermijd", "vermijdt", "vermeed", "vermeden", "vermeden" },
	{ "erkennen", "erken", "erkent", "erkende", "erkenden", "erkend" },
	{ "versterken", "versterk", "versterkt", "versterkte", "versterkten", "versterkt" },
	{ "delegeren", "delegeer", "delegeert", "delegeerde", "delegeerden", "gedelegeerd" },
	{ "motiveren", "motiveer", "motiveert", "motiveerde", "motiveerden", "gemotiveerd" },
	{ "inspireren", "inspireer", "inspireert", "inspireerde", "inspireerden", "geïnspireerd" },
	{ "overtuigen", "overtuig", "overtuigt", "overtuigde", "overtuigden", "overtuigd" },
	{ "onderbreken", "onderbreek", "onderbreekt", "onderbrak", "onderbraken", "onderbroken" },
	{ "samenvatten", "vat", "vat", "vatte", "vatten", "samengevat" },
};

struct adj { const char *base, *e, *er; };
static const struct adj adjs[] = {
	{ "moeilijk", "moeilijke", "moeilijker" }, { "open", "open", "opener" }, { "belangrijk", "belangrijke", "belangrijker" },
	{ "goed", "goede", "beter" }, { "lastig", "lastige", "lastiger" }, { "nieuw", "nieuwe", "nieuwer" },
	{ "eerlijk", "eerlijke", "eerlijker" }, { "veilig", "veilige", "veiliger" }, { "groot", "grote", "groter" },
	{ "duidelijk", "duidelijke", "duidelijker" }, { "kwetsbaar", "kwetsbare", "kwetsbaarder" },
	{ "persoonlijk", "persoonlijke", "persoonlijker" }, { "klein", "kleine", "kleiner" }, { "sterk", "sterke", "sterker" },
	{ "helder", "heldere", "helderder" }, { "concreet", "concrete", "concreter" }, { "eigen", "eigen", "eigener" },
	{ "gezamenlijk", "gezamenlijke", "gezamenlijker" }, { "actief", "actieve", "actiever" },
	{ "positief", "positieve", "positiever" }, { "kritisch", "kritische", "kritischer" }, { "oprecht", "oprechte", "oprechter" },
	{ "nieuwsgierig", "nieuwsgierige", "nieuwsgieriger" }, { "rustig", "rustige", "rustiger" },
	{ "spannend", "spannende", "spannender" }, { "zwaar", "zware", "zwaarder" }, { "licht", "lichte", "lichter" },
	{ "lang", "lange", "langer" }, { "kort", "korte", "korter" }, { "echt", "echte", "echter" },
	{ "mooi", "mooie", "mooier" }, { "prettig", "prettige", "prettiger" }, { "waardevol", "waardevolle", "waardevoller" },
	{ "bruikbaar", "bruikbare", "bruikbaarder" }, { "praktisch", "praktische", "praktischer" },
	{ "professioneel", "professionele", "professioneler" }, { "zakelijk", "zakelijke", "zakelijker" },
	{ "menselijk", "menselijke", "menselijker" }, { "complex", "complexe", "complexer" },
	{ "eenvoudig", "eenvoudige", "eenvoudiger" }, { "snel", "snelle", "sneller" }, { "traag", "trage", "trager" },
	{ "scherp", "scherpe", "scherper" }, { "warm", "warme", "warmer" }, { "ongemakkelijk", "ongemakkelijke", "ongemakkelijker" },
	{ "vermoeiend", "vermoeiende", "vermoeiender" }, { "inspirerend", "inspirerende", "inspirerender" },
	{ "confronterend", "confronterende", "confronterender" }, { "verrassend", "verrassende", "verrassender" },
	{ "herkenbaar", "herkenbare", "herkenbaarder" }, { "zichtbaar", "zichtbare", "zichtbaarder" },
	{ "onduidelijk", "onduidelijke", "onduidelijker" }, { "stevig", "stevige", "steviger" }, { "voorzichtig", "voorzichtige", "voorzichtiger" },
	{ "betrokken", "betrokken", "betrokkener" }, { "gemotiveerd", "gemotiveerde", "gemotiveerder" },
	{ "zelfstandig", "zelfstandige", "zelfstandiger" }, { "flexibel", "flexibele", "flexibeler" },
	{ "creatief", "creatieve", "creatiever" }, { "effectief", "effectieve", "effectiever" },
	{ "ingewikkeld", "ingewikkelde", "ingewikkelder" }, { "gevoelig", "gevoelige", "gevoeliger" },
	{ "ontspannen", "ontspannen", "ontspannener" }, { "gespannen", "gespannen", "gespannener" },
	{ "diep", "diepe", "dieper" }, { "oppervlakkig", "oppervlakkige", "oppervlakkiger" },
};

static const char *const adverbs[] = {
	"ook", "echt", "eigenlijk", "vooral", "samen", "nog", "steeds", "vaak", "soms", "meteen", "bewust",
	"duidelijk", "opnieuw", "graag", "zelf", "uiteindelijk", "voorzichtig", "expliciet", "letterlijk",
	"regelmatig", "achteraf", "vooraf", "onderling", "heel", "erg", "behoorlijk", "nauwelijks", "zelden",
};
static const char *const openers[] = {
	"Daarna", "Vervolgens", "Eerst", "Toen", "Aan het begin", "Na de pauze", "Tot slot", "Bij de check-in",
	"In de tweede ronde", "Aan het eind", "Halverwege", "Achteraf", "Vandaag", "Deze keer", "Opvallend genoeg",
};
static const char *const preps[] = {
	"over", "van", "met", "voor", "in", "bij", "naar", "op", "tijdens", "zonder", "tussen", "rond", "na",
};
static const char *const subj_pl[] = {
	"we", "de deelnemers", "ze", "de leiders", "de collega's", "de leidinggevenden", "de medewerkers", "sommigen",
	"de meesten", "jullie", "de mentoren",
};
static const char *const subj_sg[] = {
	"de groep", "iedereen", "hij", "zij", "de begeleider", "de mentor", "een deelnemer", "niemand", "de coach",
	"de leider", "een collega", "het team",
};
static const char *const det_pl[] = { "onze", "hun", "deze", "veel", "twee", "drie", "alle", "andere", "enkele", "die" };

/* ---- randomness ---- */

static uint64_t rng_state;

static uint64_t rnd(void)
{
	/* splitmix64 */
	uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static unsigned below(unsigned n)
{
	return (unsigned)(rnd() % n);
}

static bool chance(unsigned percent)
{
	return below(100) < percent;
}

/* Zipf-like choice of one of n: index i with weight 1 / (i + 1). */
struct zipf { unsigned n; double *cum; };

static void zipf_init(struct zipf *z, unsigned n)
{
	z->n = n;
	z->cum = malloc(n * sizeof(double));
	if (!z->cum)
		abort();
	double t = 0;
	for (unsigned i = 0; i < n; i++)
		z->cum[i] = (t += 1.0 / (i + 1));
}

static unsigned zipf(const struct zipf *z)
{
	double x = (double)(rnd() >> 11) / 9007199254740992.0 * z->cum[z->n - 1];
	unsigned lo = 0, hi = z->n - 1;
	while (lo < hi) {
		unsigned mid = (lo + hi) / 2;
		if (z->cum[mid] < x)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
static struct zipf z_noun, z_first, z_head, z_rare, z_verb, z_adj, z_adv;

/* ---- text ---- */

static unsigned words;  /* in the paragraph so far */

static void word(struct buf *b, const char *w)
{
	if (b->len && b->ptr[b->len - 1] != '\n' && b->ptr[b->len - 1] != ' ')
		buf_addch(b, ' ');
	buf_adds(b, w);
	/* count the words in w ("aan het begin" is three) */
	words++;
	for (const char *p = w; *p; p++)
		if (*p == ' ')
			words++;
}

/* a noun phrase: definite, indefinite or with a possessive, sometimes with
 * an adjective; plural by chance unless sg */
static void noun_phrase(struct buf *b, bool sg)
{
	struct noun n;
	char sgbuf[64], plbuf[64];
	unsigned r = below(1000);
	if (r < 2) {
		word(b, rare[zipf(&z_rare)]);
		return;
	}
	if (r < 110) {
		const struct noun *h = &compound_head[zipf(&z_head)];
		const char *f = compound_first[zipf(&z_first)];
		snprintf(sgbuf, sizeof(sgbuf), "%s%s", f, h->sg);
		snprintf(plbuf, sizeof(plbuf), "%s%s", f, h->pl);
		n = (struct noun){ sgbuf, plbuf, h->het, NULL };
	} else {
		n = nouns[zipf(&z_noun)];
	}
	bool plural = !sg && chance(30);
	bool adj = chance(30);
	const struct adj *a = &adjs[zipf(&z_adj)];
	if (plural) {
		unsigned d = below(10);
		if (d < 6)
			word(b, "de");
		else if (d < 8)
			word(b, det_pl[below(COUNT(det_pl))]);
		if (adj)
			word(b, a->e);
		word(b, n.pl);
		return;
	}
	unsigned d = below(20);
	bool een = false;
	if (n.dim && d < 17 && chance(8))  /* a diminutive is a het-word */
		n = (struct noun){ n.dim, NULL, true, NULL };
	if (d < 12)
		word(b, n.het ? "het" : "de");
	else if (d < 17)
		word(b, "een"), een = true;
	else if (d < 19)
		word(b, n.het ? "ons" : "onze");
	else
		word(b, n.het ? "dit" : "deze");
	if (adj)
		word(b, een && n.het ? a->base : a->e);
	word(b, n.sg);
}

static void prep_phrase(struct buf *b)
{
	word(b, preps[below(COUNT(preps))]);
	noun_phrase(b, false);
}

static void maybe_adverb(struct buf *b, unsigned percent)
{
	if (chance(percent))
		word(b, adverbs[zipf(&z_adv)]);
}

/* One sentence, past tense mostly (a report looks back). */
static void sentence(struct buf *b, bool past)
{
	size_t start = b->len;
	const struct verb *v = &verbs[zipf(&z_verb)];
	const struct adj *a = &adjs[zipf(&z_adj)];
	bool q = false;
	switch (below(12)) {
	case 0: case 1:
		word(b, subj_sg[below(COUNT(subj_sg))]);
		word(b, past ? v->past : v->t3);
		noun_phrase(b, false);
		if (chance(60))
			prep_phrase(b);
		break;
	case 2: case 3:
		word(b, subj_pl[below(COUNT(subj_pl))]);
		word(b, past ? v->pastpl : v->inf);
		noun_phrase(b, false);
		maybe_adverb(b, 40);
		if (chance(50))
			prep_phrase(b);
		break;
	case 4:
		word(b, subj_pl[below(COUNT(subj_pl))]);
		word(b, past ? "merkten dat" : "merken dat");
		noun_phrase(b, true);
		maybe_adverb(b, 50);
		word(b, a->base);
		word(b, past ? "was" : "is");
		break;
	case 5:
		word(b, "er");
		word(b, past ? "was" : "is");
		word(b, "een");
		const struct noun *x = &nouns[zipf(&z_noun)];
		if (chance(50))
			word(b, x->het ? a->base : a->e);
		word(b, x->sg);
		prep_phrase(b);
		break;
	case 6:
		word(b, openers[below(COUNT(openers))]);
		word(b, past ? v->past : v->t3);
		word(b, subj_sg[below(COUNT(subj_sg))]);
		noun_phrase(b, false);
		if (chance(40))
			prep_phrase(b);
		break;
	case 7:
		word(b, "hoe");
		word(b, v->stem);
		word(b, "je");
		noun_phrase(b, false);
		if (chance(60))
			prep_phrase(b);
		q = true;
		break;
	case 8:
		word(b, subj_pl[below(COUNT(subj_pl))]);
		word(b, past ? "hadden" : "hebben");
		noun_phrase(b, false);
		maybe_adverb(b, 30);
		word(b, v->part);
		break;
	case 9:
		word(b, "in");
		noun_phrase(b, true);
		word(b, past ? "werd duidelijk dat" : "wordt duidelijk dat");
		word(b, subj_pl[below(COUNT(subj_pl))]);
		maybe_adverb(b, 50);
		word(b, a->base);
		word(b, past ? "waren" : "zijn");
		break;
	case 10:
		word(b, "wat");
		word(b, past ? "betekende" : "betekent");
		noun_phrase(b, false);
		word(b, "voor");
		noun_phrase(b, false);
		q = true;
		break;
	default:
		noun_phrase(b, true);
		word(b, past ? "was" : "is");
		maybe_adverb(b, 40);
		word(b, a->er);
		word(b, "dan");
		noun_phrase(b, true);
		if (chance(30)) {
			buf_addch(b, ',');
			word(b, "maar");
			noun_phrase(b, false);
			word(b, past ? "bleef" : "blijft");
			word(b, adjs[zipf(&z_adj)].base);
		}
		break;
	}
	buf_addch(b, q ? '?' : '.');
	while (start < b->len && (b->ptr[start] == ' ' || b->ptr[start] == '\n'))
		start++;
	if (start < b->len && b->ptr[start] >= 'a' && b->ptr[start] <= 'z')
		b->ptr[start] = (char)(b->ptr[start] - 'a' + 'A');
}

/* A paragraph of 30-60 words: whole sentences until the length is reached. */
static void paragraph(struct buf *b, bool past, const char *lead)
{
	unsigned target = 30 + below(31);
	if (b->len)
		buf_adds(b, "\n\n");
	words = 0;
	if (lead) {
		buf_adds(b, lead);
		words++;
	}
	while (words < target - 4)
		sentence(b, past);
}

static unsigned long long total_words;

static void field(struct buf *b, unsigned n, bool past, int kind)
{
	buf_reset(b);
	for (unsigned i = 0; i < n; i++) {
		const char *lead = NULL;
		if (kind == 0)
			lead = "-";                      /* agenda: a list */
		else if (kind == 1 && chance(30))
			lead = "**Thema.**";
		paragraph(b, past, lead);
		total_words += words;
	}
}

/* ---- the run ---- */

struct meeting_row { long long id, org, group, writer; char day[11]; };

static double now_s(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static long long epoch_of(const char *day)
{
	struct tm tm = { 0 };
	if (sscanf(day, "%d-%d-%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday) != 3)
		return 0;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	tm.tm_hour = 18;
	return (long long)timegm(&tm);
}

static void check(struct store *s, int rc, const char *what)
{
	if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
		fprintf(stderr, "bench-reports: %s: %s\n", what, sqlite3_errmsg(s->db));
		exit(1);
	}
}

int main(int argc, char **argv)
{
	store_use_words(md_plain);
	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: bench-reports DB [PARAGRAPHS]\n");
		return 2;
	}
	unsigned paras = argc == 3 ? (unsigned)atoi(argv[2]) : 25;
	if (paras < 4)
		paras = 4;
	struct store *s;
	struct buf err = BUF_INIT;
	int applied;
	if (store_open(argv[1], &s, &err) || store_migrate(s, &applied, &err)) {
		fprintf(stderr, "bench-reports: %s\n", err.ptr);
		return 1;
	}
	zipf_init(&z_noun, COUNT(nouns));
	zipf_init(&z_first, COUNT(compound_first));
	zipf_init(&z_head, COUNT(compound_head));
	zipf_init(&z_rare, COUNT(rare));
	zipf_init(&z_verb, COUNT(verbs));
	zipf_init(&z_adj, COUNT(adjs));
	zipf_init(&z_adv, COUNT(adverbs));

	sqlite3_stmt *st;
	check(s, sqlite3_prepare_v2(s->db, "SELECT count(*) FROM meeting_report", -1, &st, NULL), "prepare");
	check(s, sqlite3_step(st), "count reports");
	long long have = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (have) {
		fprintf(stderr, "bench-reports: %s already has %lld reports\n", argv[1], have);
		return 1;
	}
	/* every meeting, with its group's facilitator as the writer */
	check(s, sqlite3_prepare_v2(s->db,
		"SELECT m.id, m.organisation_id, m.group_id, ifnull(g.facilitator_id, 0), m.starts_on"
		" FROM meeting m JOIN learning_group g ON g.id = m.group_id ORDER BY m.organisation_id, m.id",
		-1, &st, NULL), "prepare");
	struct meeting_row *rows = NULL;
	size_t n = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap && !(rows = realloc(rows, (cap = cap ? 2 * cap : 1024) * sizeof(*rows))))
			abort();
		struct meeting_row *r = &rows[n++];
		r->id = sqlite3_column_int64(st, 0);
		r->org = sqlite3_column_int64(st, 1);
		r->group = sqlite3_column_int64(st, 2);
		r->writer = sqlite3_column_int64(st, 3);
		snprintf(r->day, sizeof(r->day), "%s", (const char *)sqlite3_column_text(st, 4));
	}
	check(s, rc, "read meetings");
	sqlite3_finalize(st);

	/* store_report_put()'s insert, published at once */
	check(s, sqlite3_prepare_v2(s->db,
		"INSERT INTO meeting_report(organisation_id, meeting_id, group_id, agenda, themes, learning_moments,"
		" facilitator_reflection, mentor_reflection, written_by, status, published_at, updated_at)"
		" SELECT ?1, m.id, m.group_id, ?3, ?4, ?5, ?6, '', ?7, 'published', ?8, ?8 FROM meeting m"
		" WHERE m.id = ?2 AND m.organisation_id = ?1", -1, &st, NULL), "prepare insert");
	struct buf f[4] = { BUF_INIT, BUF_INIT, BUF_INIT, BUF_INIT };
	unsigned per[4] = { 4, 6, 8, paras - 18 };
	if (paras < 25) {  /* fewer: shorten the fields in turn */
		per[0] = paras / 6 ? paras / 6 : 1;
		per[1] = paras / 4 ? paras / 4 : 1;
		per[2] = paras / 3 ? paras / 3 : 1;
		per[3] = paras - per[0] - per[1] - per[2];
	}
	unsigned long long bytes = 0;
	double t0 = now_s(), text_s = 0;
	long long org = -1;
	for (size_t i = 0; i < n; i++) {
		struct meeting_row *r = &rows[i];
		if (r->org != org) {
			if (org >= 0 && store_commit(s))
				check(s, SQLITE_ERROR, "commit");
			if (store_begin(s))
				check(s, SQLITE_ERROR, "begin");
			org = r->org;
		}
		double t1 = now_s();
		rng_state = 0x5eed0000ULL + (uint64_t)r->id;
		for (int k = 0; k < 4; k++) {
			field(&f[k], per[k], k > 0, k);
			bytes += f[k].len;
		}
		text_s += now_s() - t1;
		sqlite3_bind_int64(st, 1, r->org);
		sqlite3_bind_int64(st, 2, r->id);
		for (int k = 0; k < 4; k++)
			sqlite3_bind_text(st, 3 + k, f[k].ptr, (int)f[k].len, SQLITE_STATIC);
		if (r->writer)
			sqlite3_bind_int64(st, 7, r->writer);
		else
			sqlite3_bind_null(st, 7);
		sqlite3_bind_int64(st, 8, epoch_of(r->day));
		check(s, sqlite3_step(st), "insert report");
		sqlite3_reset(st);
		if ((i + 1) % 8000 == 0)
			fprintf(stderr, "bench-reports: %zu reports, %.0f s\n", i + 1, now_s() - t0);
	}
	if (org >= 0 && store_commit(s))
		check(s, SQLITE_ERROR, "commit");
	sqlite3_finalize(st);
	double total = now_s() - t0;
	printf("reports %zu\nparagraphs %llu\nwords %llu\ntext_bytes %llu\nseconds_total %.1f\n"
	       "seconds_text_generation %.1f\nseconds_insert_and_index %.1f\n",
	       n, (unsigned long long)n * paras, total_words, bytes, total, text_s, total - text_s);
	for (int k = 0; k < 4; k++)
		buf_release(&f[k]);
	free(rows);
	store_close(s);
	return 0;
}
