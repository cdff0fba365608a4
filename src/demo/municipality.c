/* municipality.c (demo) — Gemeente Ettenwaard at work, in the manner of
 * Etten-Leur's learning circles in seed 002: a module programme with two
 * groups under way (the demo accounts in Groep 1, a second facilitator,
 * mentor and participant in Groep 2), and last autumn's learning circles
 * (leercirkels: a case of one's own, framed with theory by the
 * facilitators, feedback through role play, a pecha kucha before the
 * management team and the college), three circles whose participants
 * cluster in departments C and S as in seed 002's Table 1, finished, with
 * their reports, two bundled learning stories and a closing talk. Then the
 * organisation's questionnaires: the learning-climate scan of the circles
 * (one circle too small to be shown), a 360° round about a head of
 * department and a leadership scan of Afdeling S.
 *
 * Every object the web interface has an address for exists here too, and
 * in two groups, so that the authorisation matrix probes this organisation
 * with real ids, and the second accounts probe their neighbours' (tests/
 * http/authz.test.mjs). All names are fictional; the texts are the demo's
 * own, written after what the seed reports (energy and drain in the
 * logbooks, "werken vanuit de bedoeling", knellende kaders). */
#include "demo.h"
#include "core/die.h"
#include "domain/account.h"
#include "domain/calendar.h"
#include "domain/design.h"
#include "domain/group.h"
#include "domain/intake.h"
#include "domain/logbook.h"
#include "domain/meeting.h"
#include "domain/person.h"
#include "domain/plan.h"
#include "domain/programme.h"
#include "domain/report.h"
#include "domain/reverse.h"
#include "domain/schedule.h"
#include "domain/survey.h"
#include "store/design.h"
#include "store/group.h"
#include "store/instrument.h"
#include "store/meeting.h"
#include "store/store.h"
#include "core/compiler.h"

#include <math.h>
#include <string.h>
#include <time.h>

/* The demo actor as one person of the organisation (a facilitator writing,
 * a participant answering). */
struct as {
	struct actor w;
	struct ctx c;
};

static struct ctx *as(struct ctx *c, struct as *a, long long person)
{
	a->w = *c->who;
	a->w.person_id = person;
	a->c = (struct ctx){ c->st, c->a, &a->w, 0 };
	return &a->c;
}

static long long by_name(struct ctx *c, const char *unit)
{
	long long id = 0;
	if (store_unit_find(c->st, c->who->organisation_id, 0, unit, &id) || !id)
		die("demo (municipality): no unit %s", unit);
	return id;
}

/* The people of a unit (not its sub-units), team leader first. */
static size_t unit_people(struct ctx *c, const char *unit, struct person **out)
{
	long long u = 0;
	long long org = c->who->organisation_id;
	struct unit *units;
	size_t nunits;
	if (store_unit_list(c->st, c->a, org, false, &units, &nunits))
		die("demo (municipality): units");
	for (size_t i = 0; i < nunits; i++)
		if (!strcmp(units[i].name, unit))
			u = units[i].id;
	struct person_filter f = { NULL, u, 0, 0, 200, 0 };
	long long total;
	size_t n;
	if (!u || store_person_list(c->st, c->a, org, &f, out, &n, &total))
		die("demo (municipality): the people of %s", unit);
	/* the filter takes the unit with its sub-units: keep this unit's own */
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if ((*out)[i].unit_id == u)
			(*out)[k++] = (*out)[i];
	return k;
}

static long long find_group(struct ctx *c, long long programme, const char *name)
{
	struct learning_group *g;
	size_t n;
	if (store_group_list(c->st, c->a, c->who->organisation_id, programme, 0, &g, &n))
		die("demo (municipality): groups");
	for (size_t i = 0; i < n; i++)
		if (!strcmp(g[i].name, name))
			return g[i].id;
	die("demo (municipality): no group %s", name);
}

static size_t meetings_of(struct ctx *c, long long group, long long *ids, size_t max)
{
	struct meeting *m;
	size_t n, k = 0;
	if (store_meeting_list(c->st, c->a, c->who->organisation_id, group, &m, &n))
		die("demo (municipality): meetings");
	for (size_t i = 0; i < n && k < max; i++)
		ids[k++] = m[i].id;
	return k;
}

static size_t enrolments_of(struct ctx *c, long long group, struct enrolment **en)
{
	size_t n;
	if (store_enrolment_list(c->st, c->a, c->who->organisation_id, group, en, &n))
		die("demo (municipality): enrolments");
	return n;
}

static long long enrolment_of(struct ctx *c, long long group, long long person)
{
	struct enrolment *en;
	size_t n = enrolments_of(c, group, &en);
	for (size_t i = 0; i < n; i++)
		if (en[i].person_id == person)
			return en[i].id;
	die("demo (municipality): person %lld is not in group %lld", person, group);
}

/* Everyone present, but for one in seven who sent apologies. */
static void attend(struct ctx *c, long long group, const long long *meeting, size_t held)
{
	struct enrolment *en;
	size_t n = enrolments_of(c, group, &en);
	struct errors e = { 0 };
	for (size_t k = 0; k < held; k++)
		for (size_t i = 0; i < n; i++) {
			if (!strcmp(en[i].status, "stopped"))
				continue;
			const char *st = (i * 3 + k) % 7 == 5 ? "excused" : "present";
			demo_check(attendance_record(c, meeting[k], en[i].person_id, st, (long long)time(NULL), &e), &e,
			      "attendance");
		}
}

/* ---- texts ---- */

/* The module programme's first two steps (360° feedback and the
 * development plan talk; the kick-off). */
static const struct demo_report_text module_reports[] = {
	{ "1. Welkom door de gemeentesecretaris\n2. De uitkomsten van de 360°-feedback lezen, in tweetallen\n"
	  "3. Van feedback naar een ontwikkelplan",
	  "De groep las de eigen 360°-feedback en zocht naar wat verraste. Veel deelnemers herkenden zich in "
	  "\"druk, druk, druk\": het werk loopt, maar er is weinig tijd om stil te staan bij hoe.",
	  "- Feedback van je team is informatie, geen oordeel.\n- Een ontwikkelplan is van jezelf, niet van je leidinggevende.",
	  "Een open begin. Opvallend hoe snel de groep over afdelingsgrenzen heen praatte.",
	  "Goed om te merken dat de vragen in Afdeling O en Afdeling S zo op elkaar lijken." },
	{ "1. Kick-off: de opgaven van de gemeente voor de komende jaren\n2. Eigen casus kiezen\n"
	  "3. Afspraken over intervisie",
	  "Over de opgaven van de gemeente (de Omgevingswet, de krapte op de arbeidsmarkt) en wat die vragen van "
	  "leidinggevenden. Iedereen koos een casus uit het eigen werk.",
	  "- Werken vanuit de bedoeling begint bij de vraag: voor wie doen we dit?",
	  "Nog te bespreken met de mentor voordat het verslag naar de groep gaat.",
	  "" },
};

/* The learning circles: a case of one's own, framed with theory, role play
 * feedback, and a pecha kucha at the end (seed 002, r. 135-143). */
static const struct demo_report_text circle_reports[] = {
	{ "1. Kennismaking\n2. Wat is een leercirkel?\n3. Ieder vertelt kort over de eigen casus",
	  "De deelnemers kwamen uit zes teams. De casussen liepen uiteen van een vastgelopen samenwerking met een "
	  "zorgaanbieder tot een team dat steeds dezelfde klachten krijgt.",
	  "- Een casus is een vraag van jezelf, niet een probleem van een ander.",
	  "Een groep die nieuwsgierig is naar elkaars werk. De begeleiders gaven nog geen theorie: eerst luisteren.",
	  "Ik herken veel van mijn eigen afdeling in deze casussen." },
	{ "1. Casus: de vergunning die niet past\n2. Inleiding: systeemwereld en leefwereld\n3. Rollenspel met de inbrenger",
	  "De inbrenger speelde het gesprek met een inwoner na. De groep gaf feedback op wat ze zag: veel regels, "
	  "weinig vragen.",
	  "- \"Roomser dan de paus\": de regel was strenger dan de wet vraagt.\n- Vraag eerst wat de inwoner nodig heeft.",
	  "Het rollenspel maakte meer los dan de theorie. Volgende keer eerder stoppen en nabespreken.",
	  "" },
	{ "1. Casus: een team dat niet aanspreekt\n2. Inleiding: de familiecultuur\n3. Rollenspel in drie rondes",
	  "Over aanspreken in een team waar iedereen aardig voor elkaar is. De groep zag de eigen rol van de "
	  "teamleider: vermijden is ook een keuze.",
	  "- Aardig zijn en elkaar aanspreken gaan samen.",
	  "Een goede bijeenkomst: de inbrenger ging met een concrete stap naar huis.",
	  "Dit speelt bij ons in de hele organisatie; mooi dat het zo concreet werd." },
	{ "1. Terugblik op de casussen\n2. De pecha kucha voorbereiden: twintig beelden, twintig seconden\n"
	  "3. Oefenen in tweetallen",
	  "Iedereen zocht de kern van de eigen casus en de eigen missie. Wat wil je dat het MT onthoudt?",
	  "- Kort vertellen dwingt tot kiezen.",
	  "De groep is klaar voor de presentaties. Spannend voor sommigen.",
	  "" },
	{ "1. Pecha kucha voor het MT en een wethouder\n2. Nagesprek met de gemeentesecretaris\n3. Afsluiting van de cirkel",
	  "Alle deelnemers presenteerden. Het MT stelde vragen en beloofde over een jaar terug te vragen wat ervan "
	  "terechtkwam.",
	  "- Je missie hardop zeggen maakt haar sterker.\n- Zoek een maatje om het gedachtengoed levend te houden.",
	  "Een mooie afsluiting. Aandachtspunt: wie in een team alleen staat, heeft een maatje nodig.",
	  "Trots op deze groep. Ik neem het gesprek over de maatjes mee naar het MT." },
};

static const char *const contributions[] = {
	"Mijn casus werd scherper door de vragen van de anderen. Ik ga eerst de inwoner bellen voordat ik een brief stuur.",
	"Wat me bijblijft: regels zijn er om een bedoeling te dienen. Ik zoek deze week uit welke regel bij ons knelt.",
	"Het rollenspel was confronterend. Ik merkte dat ik het gesprek overnam in plaats van te luisteren.",
	"Ik vond het lastig om mijn twijfel te laten zien, maar het leverde veel op.",
};

/* A few days of a logbook with the two prompts of seed 002 (what gave
 * energy, what cost energy): one private, one shared with the facilitator,
 * one with the group. */
static void logbook(struct ctx *c, long long person, long long group, int from)
{
	static const struct { int day; const char *gave, *cost, *share, *tags; } days[] = {
		{ 0, "Fijn gesprek met een collega van Afdeling C over een gezin dat we allebei kennen. Samen kwamen we verder.",
		  "Drie keer hetzelfde formulier ingevuld voor drie systemen.", "private", "samenwerken" },
		{ 3, "Een inwoner bedankte ons omdat we even meedachten in plaats van te verwijzen.",
		  "", "facilitator", "bedoeling" },
		{ 6, "", "Te veel op mijn bord; moeilijk om nee te zeggen tegen weer een werkgroep.", "group", "grenzen" },
		{ 9, "Mijn teamleider vroeg naar mijn casus. Dat gaf energie.", "Slecht geslapen.", "private", "" },
	};
	struct as pa;
	struct ctx *pc = as(c, &pa, person);
	for (size_t i = 0; i < ARRAY_SIZE(days); i++) {
		struct logbook_entry e = { 0 };
		e.entry_date = (char *)demo_day(c, from + days[i].day);
		e.energy_gave = (char *)days[i].gave;
		e.energy_cost = (char *)days[i].cost;
		e.body = "";
		e.tags = (char *)days[i].tags;
		struct errors err = { 0 };
		long long id;
		demo_check(logbook_save(pc, &e, (long long)time(NULL), &err, &id), &err, "logbook");
		if (strcmp(days[i].share, "private"))
			demo_check(logbook_share(pc, id, days[i].share, group, (long long)time(NULL), &err), &err, "share");
	}
}

/* The intake (held by the facilitator), the learning question in two
 * versions, and the development plan with a talk with the manager. */
static void trajectory(struct ctx *c, long long group, long long person, long long facilitator, const char *question,
		       const char *revised, const char *expectations)
{
	struct errors e = { 0 };
	struct as pa, fa;
	struct ctx *pc = as(c, &pa, person), *fc = as(c, &fa, facilitator);
	long long now = (long long)time(NULL);
	demo_check(question_write(pc, group, question, now - 30 * 86400, &e, NULL), &e, "learning question");
	if (revised)
		demo_check(question_write(pc, group, revised, now - 5 * 86400, &e, NULL), &e, "learning question");
	demo_check(intake_save(fc, enrolment_of(c, group, person), demo_day(c, -28), expectations, now, &e), &e, "intake");
	struct development_goal g1 = { 0 }, g2 = { 0 };
	g1.text = "Ik bespreek in elk teamoverleg één casus vanuit de vraag wat de inwoner nodig heeft.";
	g1.measure = "Na drie maanden hebben we tien casussen zo besproken.";
	g1.due_on = (char *)demo_day(c, 90);
	g1.elements = "T2";
	g2.text = "Ik zeg vaker nee tegen werkgroepen die niet bij mijn opgave horen.";
	g2.measure = "Mijn agenda heeft elke week een middag zonder overleg.";
	g2.due_on = (char *)demo_day(c, 60);
	g2.elements = "T6";
	demo_check(plan_goal_save(pc, group, &g1, now, &e, NULL), &e, "goal");
	demo_check(plan_goal_save(pc, group, &g2, now, &e, NULL), &e, "goal");
	demo_check(plan_assignment_save(pc, group,
				   "Een werkwijze voor de wijkteams waarin één contactpersoon het gezin volgt, uitgeprobeerd "
				   "met twee gezinnen.", now, &e), &e, "assignment");
	demo_check(plan_talk_add(pc, group, demo_day(c, -10),
			    "Mijn teamleider maakt ruimte in de planning voor de proef; we spreken elkaar over zes weken weer.",
			    now, &e, NULL), &e, "talk with the manager");
}

/* ---- the module programme: Groep 1 and Groep 2 ---- */

static void module_groups(struct ctx *c, const struct municipality_cast *m, const long long *pool, size_t npool,
			  long long *group1)
{
	struct errors e = { 0 };
	struct programme *progs;
	size_t nprogs;
	long long prog = 0;
	if (store_programme_list(c->st, c->a, c->who->organisation_id, &progs, &nprogs))
		die("demo (municipality): programmes");
	for (size_t i = 0; i < nprogs; i++)
		if (!strcmp(progs[i].name, "Leiderschapsprogramma Ettenwaard"))
			prog = progs[i].id;
	long long g1 = find_group(c, prog, "Groep 1");
	struct batch *b;
	size_t nb;
	if (!prog || store_batch_list(c->st, c->a, c->who->organisation_id, prog, &b, &nb) || !nb)
		die("demo (municipality): the module programme");

	/* Groep 2: the second facilitator, mentor and participant, with ten
	 * others of the pool who are not in Groep 1 */
	long long g2;
	demo_check(group_create(c, b[0].id, "Groep 2", &e, &g2), &e, "Groep 2");
	demo_check(group_staff(c, g2, m->mentor2, m->facilitator2, "proposed", &e), &e, "staffing of Groep 2");
	struct enrolment *en1;
	size_t n1 = enrolments_of(c, g1, &en1);
	long long people[11];
	size_t np = 0;
	people[np++] = m->participant2;
	for (size_t i = 0; i < npool && np < 11; i++) {
		bool taken = pool[i] == m->participant2;
		for (size_t k = 0; k < n1; k++)
			taken |= en1[k].person_id == pool[i];
		if (!taken)
			people[np++] = pool[i];
	}
	demo_check(group_enrol(c, g2, people, np, demo_day(c, -21), &e), &e, "enrolment in Groep 2");
	for (int k = 1; k <= 7; k++) {
		struct meeting_when w = { demo_day(c, -12 + (k - 1) * 10), "09:30", "12:30",
					  k == 1 ? "Stadhuis, kamer 2.04" : "Stadswinkel, vergaderzaal" };
		demo_check(meeting_plan(c, g2, k, &w, (long long)time(NULL), &e, NULL), &e, "a module step of Groep 2");
	}

	/* both pairs clicked at the first step */
	demo_check(group_staff(c, g1, m->mentor, m->facilitator, "confirmed", &e), &e, "pair of Groep 1");
	demo_check(group_staff(c, g2, m->mentor2, m->facilitator2, "confirmed", &e), &e, "pair of Groep 2");
	long long groups[2] = { g1, g2 };
	for (int g = 0; g < 2; g++) {
		struct enrolment *en;
		size_t n = enrolments_of(c, groups[g], &en);
		for (size_t i = 0; i < n; i++)
			demo_check(enrolment_set_status(c, en[i].id, "active", NULL, NULL, NULL, &e), &e, "active");
		long long meeting[7];
		meetings_of(c, groups[g], meeting, 7);
		attend(c, groups[g], meeting, 2);
		demo_reports_write(c, groups[g], meeting, 2, g ? m->facilitator2 : m->facilitator, g ? m->mentor2 : m->mentor,
				   module_reports, 2, contributions, 4, false);
	}
	trajectory(c, g1, m->participant, m->facilitator, "Hoe houd ik het overzicht zonder alles zelf te willen doen?",
		   "Hoe houd ik het overzicht zonder alles zelf te doen, en hoe laat ik mijn team meer zelf beslissen?",
		   "Verwacht vooral tijd om stil te staan bij de eigen manier van werken; wil graag leren van andere afdelingen.");
	trajectory(c, g1, m->fellow, m->facilitator, "Hoe zorg ik dat beleid en uitvoering elkaar verstaan?", NULL,
		   "Wil beleid en uitvoering dichter bij elkaar brengen; heeft al een netwerk in het eigen team.");
	trajectory(c, g2, m->participant2, m->facilitator2, "Hoe spreek ik collega's aan zonder de sfeer te verliezen?", NULL,
		   "Is nieuw als teamleider en wil leren aanspreken; twijfelt of de groep daar tijd voor heeft.");
	logbook(c, m->participant2, g2, -12);
	logbook(c, m->fellow, g1, -11);
	/* a stopped participant in Groep 2, with the reason */
	struct enrolment *en2;
	size_t n2 = enrolments_of(c, g2, &en2);
	for (size_t i = 0; i < n2; i++)
		if (en2[i].person_id != m->participant2) {
			demo_check(enrolment_set_status(c, en2[i].id, "stopped", demo_day(c, -3), "work", "Vertrekt naar een andere gemeente.", &e),
			      &e, "stopped");
			break;
		}
	/* the participant's calendar of all their groups, to subscribe to */
	struct account acc;
	char token[SECRET_HEX];
	if (store_account_by_email(c->st, c->a, "deelnemer@gemeente.example", &acc))
		die("demo (municipality): the participant's account");
	struct as pa;
	struct ctx *pc = as(c, &pa, m->participant);
	pa.w.account_id = acc.id;
	demo_check(calendar_feed_create(pc, 0, (long long)time(NULL), token), NULL, "calendar feed");
	/* a second reverse mentoring pair: the second mentor learns from the second participant */
	long long pair;
	demo_check(reverse_pair_add(c, m->mentor2, m->participant2, "Wat vraagt een jonge collega van een leidinggevende?",
			       demo_day(c, -40), (long long)time(NULL), &e, &pair), &e, "reverse pair");
	demo_check(reverse_pair_step(c, pair, 2, (long long)time(NULL), &e), &e, "reverse step");
	*group1 = g1;
}

/* ---- last autumn's learning circles ---- */

/* The circle's ten meetings, leergang's own schedule for what seed 002
 * describes (the seed gives no number or length of the sessions). */
static const char *const circle_themes[10] = {
	"Kennismaking en de eigen casus",
	"Casus en theorie: systeemwereld en leefwereld",
	"Casus en rollenspel: aanspreken",
	"Casus en theorie: werken vanuit de bedoeling",
	"Casus en rollenspel: nee zeggen",
	"Casus en theorie: netwerken rond een vraag",
	"Casus en rollenspel: de inwoner aan tafel",
	"Terugblik op de casussen en de eigen missie",
	"De pecha kucha voorbereiden",
	"Pecha kucha voor het MT en het college",
};

static long long circles_programme(struct ctx *c)
{
	struct errors e = { 0 };
	long long prog;
	demo_check(programme_from_template(c, "live", "Leercirkels Leiderschap en talentontwikkeling", &e, &prog), &e,
	      "learning circles");
	struct programme p;
	if (store_programme_get(c->st, c->a, c->who->organisation_id, prog, &p))
		die("demo (municipality): the circles programme");
	p.target_group = "Medewerkers en teamleiders van alle afdelingen die met een eigen vraagstuk aan de slag willen.";
	p.ambition = "Doorbreken en verbinden, leren met de praktijk: deelnemers zetten reflectie om in handelen, en "
		     "brengen dat via hun pecha kucha in de organisatie.";
	p.cascade_meeting = 0;
	demo_check(programme_update(c, &p, &e), &e, "the circles' design");
	struct programme_meeting *pm;
	size_t npm;
	if (store_programme_meeting_list(c->st, c->a, c->who->organisation_id, prog, &pm, &npm))
		die("demo (municipality): the circles' meetings");
	for (size_t i = 0; i < npm && i < 10; i++) {
		pm[i].theme = (char *)circle_themes[i];
		pm[i].days = 1;
		pm[i].from_menu = 0;
		demo_check(design_meeting_save(c, &pm[i], &e, NULL), &e, "a circle meeting");
	}
	return prog;
}

/* The people of seed 002's Table 1 clusters for each circle: team, and
 * how many of its staff (team leader counted when lead is set). */
struct pick {
	const char *team;
	int staff;
	bool lead;
};

static size_t pick(struct ctx *c, const struct pick *p, size_t np, const long long *skip, size_t nskip,
		   long long *out, size_t max)
{
	size_t k = 0;
	for (size_t i = 0; i < np; i++) {
		struct person *people;
		size_t n = unit_people(c, p[i].team, &people);
		int staff = 0;
		for (size_t j = 0; j < n && k < max; j++) {
			bool lead = !strcmp(people[j].job_level, "Teamleider");
			bool skipped = false;
			for (size_t s = 0; s < nskip; s++)
				skipped |= skip[s] == people[j].id;
			if (skipped || (lead && !p[i].lead) || (!lead && staff >= p[i].staff))
				continue;
			if (!lead)
				staff++;
			out[k++] = people[j].id;
		}
	}
	return k;
}

static void circles(struct ctx *c, const struct municipality_cast *m, long long prog, long long *groups)
{
	struct errors e = { 0 };
	long long batch, now = (long long)time(NULL);
	demo_check(batch_create(c, prog, "Najaar 2025", &e, &batch), &e, "the circles' batch");
	long long heads[3] = { m->mentor, m->mentor2, m->mentor3 };
	long long facilitators[3] = { m->facilitator, m->facilitator2, m->facilitator };
	static const struct pick who[3][4] = {
		{ { "T11", 2, false }, { "T4", 2, false }, { "T8", 2, false }, { "T1", 1, false } },
		{ { "T8", 3, true }, { "T4", 2, false }, { "T5", 1, false }, { "T14", 2, true } },
		{ { "T7", 2, false }, { "T9", 0, true }, { "T3", 1, true }, { "T10", 1, false } },
	};
	long long taken[40];
	size_t ntaken = 0;
	taken[ntaken++] = m->participant;
	taken[ntaken++] = m->participant2;
	taken[ntaken++] = m->fellow;
	for (int g = 0; g < 3; g++) {
		long long people[12];
		size_t n = 0;
		if (g == 0)
			people[n++] = m->participant;
		if (g == 1)
			people[n++] = m->participant2;
		n += pick(c, who[g], 4, taken, ntaken, people + n, 12 - n);
		for (size_t i = 0; i < n && ntaken < 40; i++)
			taken[ntaken++] = people[i];
		demo_check(group_create(c, batch, arena_printf(c->a, "Leercirkel %d", g + 1), &e, &groups[g]), &e, "circle");
		demo_check(group_staff(c, groups[g], heads[g], facilitators[g], "proposed", &e), &e, "circle staffing");
		demo_check(group_enrol(c, groups[g], people, n, demo_day(c, -330), &e), &e, "circle enrolment");
		long long meeting[10];
		for (int k = 1; k <= 10; k++) {
			struct meeting_when w = { demo_day(c, -310 + (k - 1) * 14 + g), "14:00", "17:00",
						  k == 10 ? "Stadhuis, raadzaal" : "Stadhuis, kamer 1.08" };
			demo_check(meeting_plan(c, groups[g], k, &w, now, &e, &meeting[k - 1]), &e, "circle meeting");
		}
		demo_check(group_staff(c, groups[g], heads[g], facilitators[g], "confirmed", &e), &e, "circle pair");
		struct enrolment *en;
		size_t nen = enrolments_of(c, groups[g], &en);
		for (size_t i = 0; i < nen; i++)
			demo_check(enrolment_set_status(c, en[i].id, "active", NULL, NULL, NULL, &e), &e, "active");
		if (g == 2)
			demo_check(enrolment_set_status(c, en[nen - 1].id, "stopped", demo_day(c, -250), "illness",
						   "Langdurig ziek; wil in een volgende cirkel opnieuw beginnen.", &e), &e, "stopped");
		attend(c, groups[g], meeting, 10);
		demo_reports_write(c, groups[g], meeting, g < 2 ? 5 : 3, facilitators[g], heads[g], circle_reports, 5,
				   contributions, 4, true);
		nen = enrolments_of(c, groups[g], &en);
		for (size_t i = 0; i < nen; i++)
			if (strcmp(en[i].status, "stopped"))
				demo_check(enrolment_set_status(c, en[i].id, "completed", demo_day(c, -184 + g), NULL, NULL, &e), &e, "completed");
		if (g < 2) {
			struct as fa;
			demo_check(story_save(as(c, &fa, facilitators[g]), groups[g],
					 "# Ons leerverhaal\n\nTien middagen lang brachten we onze eigen casussen in. De "
					 "begeleiders gaven er theorie bij, de groep gaf feedback in rollenspellen, en we sloten "
					 "af met een pecha kucha voor het MT en het college.",
					 "We houden elkaar scherp: ieder heeft een **maatje** in de eigen omgeving gekozen.",
					 true, now, &e), &e, "learning story");
		}
	}
	/* the closing talk of the demo participant, offered at the last meeting and held */
	struct as fa, pa;
	long long place = enrolment_of(c, groups[0], m->participant);
	demo_check(closing_record(as(c, &fa, m->facilitator), place, demo_day(c, -184), "held", demo_day(c, -170), now, &e), &e,
	      "closing talk");
	demo_check(closing_write(as(c, &pa, m->participant), place,
			    "Ik durf nu vaker te vragen wat iemand nodig heeft, in plaats van meteen een oplossing te geven.",
			    "Mijn pecha kucha in het teamoverleg herhalen, en een maatje zoeken in Afdeling C.", now, &e), &e,
	      "closing words");
}

/* ---- questionnaires ---- */

static double uniform(unsigned long long *s)
{
	*s = *s * 6364136223846793005ULL + 1442695040888963407ULL;
	return ((double)(*s >> 11) + 0.5) / 9007199254740992.0;
}

/* Hands in an answer to every scored question of the invitation's link
 * on day `on`: a point a little above the middle, varying by person, with
 * `shift` points more (the usual picture of a self-rating). */
static void hand_in(struct ctx *c, const struct wave *w, const struct invitation *inv, const char *on,
		    unsigned long long *seed, int shift)
{
	struct errors e = { 0 };
	char token[SECRET_HEX];
	wave_token(w, inv->id, token);
	struct respondent r;
	if (respond_open(c->st, c->a, token, NULL, on, &r) || r.state != RESPOND_OPEN)
		die("demo (municipality): a link of %s", w->name);
	struct respond_field f[32];
	size_t nf = 0;
	for (size_t k = 0; k < r.v.nitems && nf < 32; k++) {
		const struct instrument_item *it = &r.v.items[k];
		if (strcmp(it->kind, "likert") && strcmp(it->kind, "bipolar"))
			continue;
		long o = lround(uniform(seed) * 2.0) + (long)it->noptions / 2 - (it->noptions > 4) + shift;
		o = o < 0 ? 0 : o >= (long)it->noptions ? (long)it->noptions - 1 : o;
		f[nf++] = (struct respond_field){ arena_printf(c->a, "i%lld", it->id),
						  arena_printf(c->a, "%d", it->options[o].value) };
	}
	demo_check(respond_save(c->st, c->a, &r, f, nf, true, on, &e), &e, "an answer");
}

/* The learning-climate scan of the circles, closed: seven answers in
 * circle 1, six in circle 2, three in circle 3. Circle 3 is too small to
 * be shown, and circle 2 is hidden with it so that the total cannot give
 * circle 3 away. Not anonymous (the circles' evaluation is discussed per
 * participant in the closing talk), so the breakdown by circle is kept. */
static void climate(struct ctx *c, long long prog, const long long *groups)
{
	struct errors e = { 0 };
	long long instrument, wave;
	if (instrument_install(c, "learning-climate", (long long)time(NULL), &instrument))
		die("demo (municipality): the learning-climate scan");
	struct wave_new n = { instrument, "Leerklimaat na de leercirkels", "programme", prog, demo_day(c, -170), demo_day(c, -150),
			      false, NULL };
	demo_check(wave_create(c, &n, (long long)time(NULL), &e, &wave), &e, "climate wave");
	struct wave w;
	struct invitation *inv;
	size_t ninv;
	if (store_wave_get(c->st, c->a, c->who->organisation_id, wave, &w) ||
	    store_invitation_list(c->st, c->a, c->who->organisation_id, wave, &inv, &ninv))
		die("demo (municipality): the climate wave's invitations");
	static const int answers[3] = { 7, 6, 3 };
	int given[3] = { 0 };
	unsigned long long seed = 2018;
	struct enrolment *en[3];
	size_t nen[3];
	for (int k = 0; k < 3; k++)
		nen[k] = enrolments_of(c, groups[k], &en[k]);
	for (size_t i = 0; i < ninv; i++) {
		int g = -1;
		for (int k = 0; k < 3; k++)
			for (size_t j = 0; j < nen[k]; j++)
				if (en[k][j].person_id == inv[i].person_id)
					g = k;
		if (g < 0 || given[g] >= answers[g] || !strcmp(inv[i].enrolment_status, "stopped"))
			continue;
		hand_in(c, &w, &inv[i], demo_day(c, -165 + (int)(i % 10)), &seed, 0);
		given[g]++;
	}
}

/* A 360° round about the head of Afdeling O (the demo mentor), closed two
 * weeks ago: self, the municipal secretary as manager, four staff of T2,
 * the other two heads as peers (merged into "others", being two) and an
 * adviser outside the organisation by e-mail. */
static void feedback_360(struct ctx *c, const struct municipality_cast *m)
{
	struct errors e = { 0 };
	long long instrument, wave;
	if (instrument_install(c, "leadership-scan-360", (long long)time(NULL), &instrument))
		die("demo (municipality): the leadership scan");
	struct rater r[8];
	size_t n = 0;
	r[n++] = (struct rater){ m->secretary, "manager", NULL };
	struct person *staff;
	size_t nstaff = unit_people(c, "T2", &staff);
	for (size_t i = 0; i < nstaff && n < 5; i++)
		if (!strcmp(staff[i].job_level, "Medewerker"))
			r[n++] = (struct rater){ staff[i].id, "staff", NULL };
	r[n++] = (struct rater){ m->mentor2, "peer", NULL };
	r[n++] = (struct rater){ m->mentor3, "peer", NULL };
	r[n++] = (struct rater){ 0, "other", "adviseur@regio-ettenwaard.example" };
	demo_check(wave_create_360(c, instrument, "360°-feedback afdelingshoofd O",
			      "Het afdelingshoofd wil weten hoe collega's en medewerkers het leiderschap ervaren, als begin van een ontwikkelplan.",
			      m->mentor, r, n, demo_day(c, -45), demo_day(c, -14),
			      (long long)time(NULL), &e, &wave), &e, "360 round");
	struct wave w;
	struct invitation *inv;
	size_t ninv;
	if (store_wave_get(c->st, c->a, c->who->organisation_id, wave, &w) ||
	    store_invitation_list(c->st, c->a, c->who->organisation_id, wave, &inv, &ninv))
		die("demo (municipality): the round's invitations");
	unsigned long long seed = 360;
	for (size_t i = 0; i < ninv; i++)
		hand_in(c, &w, &inv[i], demo_day(c, -40 + (int)i), &seed, !strcmp(inv[i].rater_role, "self"));
}

/* The peer learning of this year: an intervision group of five team
 * leaders (the leader of T11, the demo manager, brought the case), this
 * autumn's learning circles LC1 and LC2 of people from teams that had no
 * one in last autumn's circles, and the two pecha kuchas with which three
 * of last autumn's first circle closed it. */
static void peer_learning(struct ctx *c, const struct municipality_cast *m, long long first_circle)
{
	static const struct pick leads[] = { { "T8", 0, true }, { "T11", 0, true }, { "T9", 0, true },
					     { "T10", 0, true }, { "T4", 0, true } };
	long long people[10];
	size_t n = pick(c, leads, 5, NULL, 0, people, 5);
	demo_intervision(c, "Intervisie teamleiders", people, n);
	static const struct pick newcomers[] = { { "T2", 3, false }, { "T6", 3, false }, { "T12", 2, false }, { "T13", 2, false } };
	n = pick(c, newcomers, 4, NULL, 0, people, 10);
	struct enrolment *en;
	size_t nen = enrolments_of(c, first_circle, &en);
	long long presenters[3];
	for (size_t i = 0; i < 3 && i < nen; i++)
		presenters[i] = en[i].person_id;
	const long long facilitators[2] = { m->facilitator2, m->facilitator };
	demo_circles(c, facilitators, people, n, presenters, nen < 3 ? nen : 3);
}

void demo_municipality(struct ctx *c, const struct municipality_cast *m, const long long *pool, size_t npool)
{
	long long group1, circle[3];
	module_groups(c, m, pool, npool, &group1);
	long long prog = circles_programme(c);
	circles(c, m, prog, circle);
	climate(c, prog, circle);
	feedback_360(c, m);
	peer_learning(c, m, circle[0]);
	/* the leadership scan of Afdeling S: its four teams, and its head alone
	 * in the department itself, whose one answer is never shown */
	static const int every = 5;
	demo_scan(c, by_name(c, "Afdeling S"), "Leiderschapsscan Afdeling S 2026", 45, 2026, 0.1, demo_answers_but_every, &every);
	demo_two_wave(c, pool, npool);
}
