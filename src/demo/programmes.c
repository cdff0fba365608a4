/* programmes.c — the demo's programmes, partway through on the day the
 * demo is made: in the police unit a LiVe! programme (two batches in
 * cascade, four groups, 45 participants, meetings held with attendance,
 * menu choices, one participant who stopped), in the municipality an
 * Amsterdam module programme that has just begun. Dates are relative to
 * today, so the demo always shows a programme in progress. */
#include "demo.h"
#include "core/die.h"
#include "domain/group.h"
#include "domain/intake.h"
#include "domain/logbook.h"
#include "domain/reverse.h"
#include "domain/meeting.h"
#include "domain/programme.h"
#include "domain/schedule.h"
#include "domain/selection.h"
#include "store/design.h"
#include "store/group.h"
#include "store/selection.h"
#include "store/store.h"
#include "core/compiler.h"

#include <string.h>
#include <time.h>

static void check(struct ctx *c, int r, const struct errors *e, const char *what)
{
	(void)c;
	if (r)
		die("demo: %s: %s", what, e->n ? e->items[0].message : "database");
}

static void today_plus(int days, char out[11])
{
	time_t t = time(NULL);
	struct tm tm;
	localtime_r(&t, &tm);
	char today[11];
	strftime(today, sizeof(today), "%Y-%m-%d", &tm);
	date_add_days(today, days, out);
}

/* Plans meetings 1..n of a group every 14 days from day `start` (relative
 * to today); returns their ids in ids[]. */
static void plan_series(struct ctx *c, long long group, int start, int n, const char *venue, long long *ids)
{
	for (int k = 1; k <= n; k++) {
		char date[11];
		today_plus(start + (k - 1) * 14, date);
		struct meeting_when w = { date, k == 1 ? "09:30" : "13:00", k == 1 ? "16:30" : "17:00", venue };
		struct errors e = { 0 };
		check(c, meeting_plan(c, group, k, &w, (long long)time(NULL), &e, &ids[k - 1]), &e, "plan a meeting");
	}
}

static long long topic_of(struct ctx *c, long long programme, int index)
{
	struct menu_topic *t;
	size_t n;
	if (store_menu_topic_list(c->st, c->a, c->who->organisation_id, programme, &t, &n) || !n)
		die("demo: the LiVe! template has no menu card");
	return t[(size_t)index % n].id;
}

void demo_live(struct ctx *c, const long long *pool, size_t npool, const long long mentors[4],
	       const long long facilitators[4])
{
	struct errors e = { 0 };
	long long prog, batch[2], group[4];
	check(c, programme_from_template(c, "live", "LiVe! Westerschelde", &e, &prog), &e, "LiVe! programme");
	check(c, batch_create(c, prog, "Lichting 1", &e, &batch[0]), &e, "batch");
	check(c, batch_create(c, prog, "Lichting 2", &e, &batch[1]), &e, "batch");
	/* the selection of the facilitators: a profile of the demo's own (the
	 * seed names a competency profile but not its criteria) */
	static const struct { const char *name, *weight; } profile[] = {
		{ "Begeleidt vanuit de leervraag van de deelnemers", "3" },
		{ "Ervaring met leergroepen van leidinggevenden", "2" },
		{ "Kent de politiecultuur zonder erin op te gaan", "2" },
		{ "Legt bijeenkomsten helder vast in verslagen", "1" },
	};
	for (size_t i = 0; i < 4; i++)
		check(c, selection_criterion_add(c, prog, "facilitator", profile[i].name, profile[i].weight, &e, NULL), &e, "criterion");
	for (int i = 0; i < 4; i++) {
		struct person f;
		if (store_person_get(c->st, c->a, c->who->organisation_id, facilitators[i], &f))
			die("demo: facilitator");
		check(c, selection_candidate_add(c, prog, "facilitator", f.employee_id, &e, NULL), &e, "candidate");
	}
	struct selection_criterion *crit;
	struct selection_candidate *cand;
	size_t ncrit, ncand;
	if (store_criterion_list(c->st, c->a, c->who->organisation_id, prog, "facilitator", &crit, &ncrit) ||
	    store_candidate_list(c->st, c->a, c->who->organisation_id, prog, "facilitator", &cand, &ncand))
		die("demo: selection");
	for (size_t i = 0; i < ncand; i++)
		for (size_t j = 0; j < ncrit; j++) {
			char score[2] = { (char)('1' + (i * 3 + j * 2 + 2) % 5), 0 };
			check(c, selection_score(c, prog, cand[i].id, crit[j].id, score, &e), &e, "score");
		}

	static const char *const names[] = { "Leergroep 1", "Leergroep 2", "Leergroep 3", "Leergroep 4" };
	static const size_t sizes[] = { 12, 11, 11, 11 };  /* 45 participants */
	/* lichting 1 started ten weeks ago; lichting 2 when lichting 1 reached meeting 5 (cascade) */
	static const int start[] = { -70, -70, -14, -14 };
	size_t next = 0;
	char reg[11];
	today_plus(-84, reg);
	for (int g = 0; g < 4; g++) {
		check(c, group_create(c, batch[g / 2], names[g], &e, &group[g]), &e, "group");
		check(c, group_staff(c, group[g], mentors[g], facilitators[g], "proposed", &e), &e, "staffing");
		if (next + sizes[g] > npool)
			die("demo: too few people for the LiVe! groups");
		check(c, group_enrol(c, group[g], pool + next, sizes[g], reg, &e), &e, "enrolment");
		next += sizes[g];

		long long meeting[10];
		plan_series(c, group[g], start[g], 10, g % 2 ? "Politiebureau Haven, zaal 2" : "Leergebouw, lokaal 1", meeting);
		/* lichting 1's pairs clicked at the first meeting; lichting 2's are still to meet */
		if (g < 2)
			check(c, group_staff(c, group[g], mentors[g], facilitators[g], "confirmed", &e), &e, "pair");
		struct enrolment *en;
		size_t nen;
		if (store_enrolment_list(c->st, c->a, c->who->organisation_id, group[g], &en, &nen))
			die("demo: enrolments");
		for (size_t i = 0; i < nen; i++)
			check(c, enrolment_set_status(c, en[i].id, "active", NULL, NULL, NULL, &e), &e, "status");
		/* attendance of the meetings held (before today) */
		int held = start[g] < -14 ? 5 : 1;
		for (int k = 0; k < held; k++)
			for (size_t i = 0; i < nen; i++) {
				const char *st = (i + (size_t)k) % 9 == 4 ? "excused" : (i * 3 + (size_t)k) % 17 == 5 ? "absent" : "present";
				check(c, attendance_record(c, meeting[k], en[i].person_id, st, (long long)time(NULL), &e), &e,
				      "attendance");
			}
		if (g == 1) {
			/* a participant who stopped, with the reason */
			char on[11];
			today_plus(-40, on);
			check(c, enrolment_set_status(c, en[3].id, "stopped", on, "work",
						      "Overgeplaatst naar een functie buiten de eenheid.", &e), &e, "stop");
		}
		if (g == 0) {
			demo_logbook(c, pool[0], group[g]);  /* the demo participant is the first of the pool */
			demo_intake(c, pool[0], facilitators[0], group[g]);
			/* the demo participant's case, three others answering */
			long long members[4] = { pool[0] };
			for (size_t i = 0, k = 1; i < nen && k < 4; i++)
				if (en[i].person_id != pool[0])
					members[k++] = en[i].person_id;
			demo_session(c, group[g], facilitators[0], members, 4);
			demo_reverse(c, mentors[0], pool[0], 5);
			demo_reports(c, group[g], meeting, held, facilitators[0], mentors[0]);
		}
		if (g < 2) {
			/* lichting 1 chose meetings 6-8: two from the card, one free */
			long long prep[3][2] = { { en[0].person_id, en[1].person_id }, { en[2].person_id, en[5].person_id },
						 { en[6].person_id, en[7].person_id } };
			struct meeting_choice ch[3] = {
				{ false, topic_of(c, prog, g), 0, NULL,
				  "Meerdere deelnemers willen beter leren omgaan met weerstand in hun team.", prep[0], 2 },
				{ false, topic_of(c, prog, g + 3), 0, NULL,
				  "De groep noemde het eigen oordeel onder tijdsdruk als leerpunt.", prep[1], 2 },
				{ true, 0, 0, "Meelopen met de meldkamer tijdens een drukke avond",
				  "De leervragen van vier deelnemers gaan over samenwerken met de meldkamer.", prep[2], 2 },
			};
			for (int k = 0; k < 3; k++)
				check(c, meeting_choose(c, meeting[5 + k], &ch[k], (long long)time(NULL), &e), &e, "menu choice");
		}
	}
	/* last year's run, finished: 117 people in ten groups (seed 000 §9.1) */
	if (npool >= next + 8)
		demo_finished(c, pool, npool, next, mentors, facilitators);
}

/* A few days of the participant's logbook, in the words of the kind seed
 * 002 quotes (the texts are the demo's own): one shared with the
 * facilitator, one with the group, the rest private. */
void demo_logbook(struct ctx *c, long long person, long long group)
{
	static const struct { int day; const char *gave, *cost, *share; } days[] = {
		{ -12, "Goed gesprek met een collega over een lastige melding; we dachten echt vanuit de bedoeling.",
		  "Weer een vergadering over formulieren. Veel weerstand, logisch.", "facilitator" },
		{ -9, "De casus van vorige bijeenkomst uitgeprobeerd: eerst vragen stellen, dan pas oordelen. Het werkte.",
		  "", "group" },
		{ -5, "", "Slecht geslapen, te druk op het bureau. Niets nieuws te melden.", "private" },
		{ -2, "Complimenten van de wijkagent over de nieuwe aanpak. Een beetje trots!",
		  "Tegen de grenzen van het rooster aangelopen.", "private" },
	};
	struct actor me = *c->who;
	me.person_id = person;
	struct ctx pc = { c->st, c->a, &me, 0 };
	for (size_t i = 0; i < ARRAY_SIZE(days); i++) {
		struct logbook_entry e = { 0 };
		char date[11];
		today_plus(days[i].day, date);
		e.entry_date = date;
		e.energy_gave = (char *)days[i].gave;
		e.energy_cost = (char *)days[i].cost;
		e.body = "";
		e.tags = i % 2 ? "vlow, oordeel" : "team";
		struct errors err = { 0 };
		long long id;
		check(c, logbook_save(&pc, &e, (long long)time(NULL), &err, &id), &err, "logbook");
		if (strcmp(days[i].share, "private"))
			check(c, logbook_share(&pc, id, days[i].share, group, (long long)time(NULL), &err), &err, "share");
	}
}

/* The intake of the demo participant and their learning question, revised
 * once (the first version kept). The texts are the demo's own. */
void demo_intake(struct ctx *c, long long person, long long facilitator, long long group)
{
	struct errors e = { 0 };
	struct actor me = *c->who;
	me.person_id = person;
	struct ctx pc = { c->st, c->a, &me, 0 };
	check(c, question_write(&pc, group, "Hoe maak ik moeilijke zaken bespreekbaar in mijn team?", (long long)time(NULL) - 80 * 86400, &e, NULL),
	      &e, "learning question");
	check(c, question_write(&pc, group,
				"Hoe maak ik moeilijke zaken bespreekbaar in mijn team, ook als ik zelf onzeker ben over de uitkomst?",
				(long long)time(NULL) - 20 * 86400, &e, NULL), &e, "learning question");
	struct enrolment *en;
	size_t n;
	if (store_enrolment_list(c->st, c->a, c->who->organisation_id, group, &en, &n))
		die("demo: enrolments");
	me.person_id = facilitator;
	char held[11];
	today_plus(-77, held);
	for (size_t i = 0; i < n; i++)
		if (en[i].person_id == person)
			check(c, intake_save(&pc, en[i].id, held,
					     "Wil vooral leren van collega's uit andere teams; verwacht geen cursus maar gesprekken.",
					     (long long)time(NULL), &e), &e, "intake");
}

/* A reverse mentoring pair: the senior leader of the demo's mentor account
 * learns from the junior of its participant account, at step `step`. */
void demo_reverse(struct ctx *c, long long senior, long long junior, int step)
{
	struct errors e = { 0 };
	long long id;
	char start[11];
	today_plus(-60, start);
	check(c, reverse_pair_add(c, senior, junior, "Hoe houd ik voeling met wat er bij jonge collega's speelt?", start,
				  (long long)time(NULL), &e, &id), &e, "reverse pair");
	check(c, reverse_pair_step(c, id, step, (long long)time(NULL), &e), &e, "reverse step");
}

void demo_modules(struct ctx *c, const long long *pool, size_t npool, long long mentor, long long facilitator)
{
	struct errors e = { 0 };
	long long prog, batch, group;
	check(c, programme_from_template(c, "amsterdam", "Leiderschapsprogramma Ettenwaard", &e, &prog), &e,
	      "module programme");
	check(c, batch_create(c, prog, "Lichting 1", &e, &batch), &e, "batch");
	check(c, group_create(c, batch, "Groep 1", &e, &group), &e, "group");
	check(c, group_staff(c, group, mentor, facilitator, "proposed", &e), &e, "staffing");
	size_t n = npool < 12 ? npool : 12;
	char reg[11];
	today_plus(-21, reg);
	check(c, group_enrol(c, group, pool, n, reg, &e), &e, "enrolment");
	demo_logbook(c, pool[0], group);  /* the municipality's demo participant, first of the pool */
	demo_session(c, group, facilitator, pool, n);
	demo_reverse(c, mentor, pool[0], 3);
	/* module 1: its seven steps, the first two held */
	for (int k = 1; k <= 7; k++) {
		char date[11];
		today_plus(-14 + (k - 1) * 10, date);
		struct meeting_when w = { date, "13:30", "16:30", k == 1 ? "Stadhuis, kamer 3.12" : "Stadhuis, raadzaal" };
		long long id;
		check(c, meeting_plan(c, group, k, &w, (long long)time(NULL), &e, &id), &e, "plan a module step");
	}
}
