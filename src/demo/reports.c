/* reports.c (demo) — meeting reports with participants' contributions in
 * Leergroep 1 of LiVe! Westerschelde (published up to the last meeting
 * held, the newest still a draft), and a group of last year's run whose
 * learning story has been bundled. Every text here is the demo's own,
 * written in the manner seed 000 §7.3 describes (agenda, themes, learning
 * moments, reflections of facilitator and mentor, participants' input). */
#include "demo.h"
#include "core/die.h"
#include "domain/group.h"
#include "domain/meeting.h"
#include "domain/programme.h"
#include "domain/report.h"
#include "domain/schedule.h"
#include "store/design.h"
#include "store/group.h"
#include "store/meeting.h"
#include "core/compiler.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

static const struct demo_report_text texts[] = {
	{ "1. Kennismaking en verwachtingen\n2. Het VLOW-model: vertrouwen, lef, openheid, waardering\n3. Afspraken over de groep",
	  "We spraken over wat \"verbinding\" betekent in het dagelijkse werk. Het gesprek kwam al snel op de vraag hoe je als leidinggevende open blijft als de druk hoog is.",
	  "- Je hoeft niet alles te weten om leiding te geven.\n- Vertrouwen begint bij het delen van je eigen twijfel.",
	  "Een groep die elkaar snel vond. Opvallend was hoe voorzichtig men in het begin was over de eigen rol; dat veranderde na de lunch.",
	  "Mooi om te zien hoe open de groep na de pauze werd." },
	{ "1. Terugblik op de eerste bijeenkomst\n2. Leervragen delen in tweetallen\n3. Oefening: feedback geven en ontvangen",
	  "De leervragen lieten zien dat bijna iedereen worstelt met de balans tussen sturen en loslaten. We oefenden met feedback in drie rondes.",
	  "- Feedback is een cadeau, ook als het even schuurt.\n- Vraag eerst door voordat je oordeelt.",
	  "De oefening leverde veel op; de nabespreking had langer mogen duren. Volgende keer meer tijd voor reflectie.",
	  "" },
	{ "1. Casus uit de praktijk\n2. Intervisie volgens de incidentmethode\n3. Vooruitblik op de menukaart",
	  "Een deelnemer bracht een casus in over een conflict tussen twee teamleden. De groep onderzocht vooral de eigen rol van de leidinggevende.",
	  "> Het gaat er niet om wie gelijk heeft, maar om wat het team nodig heeft.\n\nDat zinnetje bleef hangen.",
	  "De groep durft elkaar nu echt vragen te stellen. Het ‘doenersreflex’ zagen we ook: snel naar oplossingen.",
	  "Ik herken de casus uit mijn eigen district; goed dat dit besproken wordt." },
	{ "1. Leiderschap en diversiteit\n2. Gastspreker uit de eenheid\n3. Reflectie in kleine groepen",
	  "Over wie je wel en niet ziet in je team, en wat dat betekent voor beslissingen. Enkele deelnemers beëindigden het gesprek met concrete voornemens.",
	  "- Wie zit er niet aan tafel?\n- Waardering uitspreken kost weinig en levert veel op.",
	  "Een bijeenkomst met veel energie. De gastspreker maakte het tastbaar.",
	  "" },
	{ "1. Halverwege: wat hebben we geleerd?\n2. Keuzes maken voor de menukaart\n3. Voorbereiding van de bijeenkomsten 6 tot en met 8",
	  "De groep blikte terug op de eerste vijf bijeenkomsten en koos de thema's voor het vervolg.",
	  "- Leren gebeurt vooral tussen de bijeenkomsten, in het werk.",
	  "Nog te bespreken met de mentor voordat het verslag naar de groep gaat.",
	  "" },
};

static const char *const contributions[] = {
	"Ik merkte dat ik in mijn eigen team vaker ‘ja, maar’ zeg dan ik dacht. Deze week probeer ik ‘ja, en’.",
	"Wat me bijblijft: twijfel delen is geen zwakte. Dat ga ik meenemen naar het briefingmoment.",
	"Het gesprek over feedback was confronterend, maar goed. Mijn ĳkpunt voor de komende weken: eerst vragen.",
	"Ik vond het lastig om in de groep iets persoonlijks te vertellen. Toch blij dat ik het deed.",
};

void demo_reports_write(struct ctx *c, long long group, const long long *meeting, int held, long long facilitator,
			long long mentor, const struct demo_report_text *tx, size_t ntx,
			const char *const *contribs, size_t ncontribs, bool publish_last)
{
	struct actor fa = *c->who, me = *c->who, pa = *c->who;
	fa.person_id = facilitator;
	me.person_id = mentor;
	struct ctx fc = { c->st, c->a, &fa, 0 }, mc = { c->st, c->a, &me, 0 }, pc = { c->st, c->a, &pa, 0 };
	struct attendance *at;
	size_t nat;
	if (store_attendance_list(c->st, c->a, c->who->organisation_id, group, &at, &nat))
		die("demo: attendance");
	long long now = (long long)time(NULL);
	for (int k = 0; k < held; k++) {
		struct errors e = { 0 };
		size_t t = (size_t)k % ntx;
		struct report_texts rt = { tx[t].agenda, tx[t].themes, tx[t].moments, tx[t].reflection, NULL };
		demo_check(report_save(&fc, meeting[k], &rt, now, &e, NULL), &e, "report");
		if (*tx[t].mentor) {
			struct report_texts mt = { .mentor_reflection = tx[t].mentor };
			demo_check(report_save(&mc, meeting[k], &mt, now, &e, NULL), &e, "mentor reflection");
		}
		/* two contributions from those present */
		int given = 0;
		for (size_t i = 0; i < nat && given < 2; i++) {
			if (at[i].meeting_id != meeting[k] || strcmp(at[i].status, "present"))
				continue;
			pa.person_id = at[i].person_id;
			const char *text = contribs[((size_t)k * 2 + (size_t)given) % ncontribs];
			demo_check(contribution_save(&pc, meeting[k], text, now, &e), &e, "contribution");
			given++;
		}
		bool last = k == held - 1;
		if (!last || publish_last) {
			struct report_view v;
			demo_check(report_read(&fc, meeting[k], &v), &e, "report read");
			for (size_t i = 0; i < v.ncontribs; i++)
				if (i == 0 || k % 2)
					demo_check(contribution_place(&fc, v.contribs[i].id, true, now), &e, "place");
			demo_check(report_publish(&fc, meeting[k], true, now, &e), &e, "publish");
		}
	}
}

void demo_reports(struct ctx *c, long long group, const long long *meeting, int held, long long facilitator,
		  long long mentor)
{
	demo_reports_write(c, group, meeting, held, facilitator, mentor, texts, ARRAY_SIZE(texts),
			   contributions, ARRAY_SIZE(contributions), false);
}

/* Leergroep B to J of last year's run: 108 people (the pool wraps round,
 * skipping the demo participant), 12 of whom stopped, meetings held. */
static void other_groups(struct ctx *c, long long prog, long long batch, const long long *pool, size_t npool,
			 size_t from, const long long mentors[4], const long long facilitators[4])
{
	(void)prog;
	struct errors e = { 0 };
	char today[11], day[11];
	date_today((long long)time(NULL), today);
	long long now = (long long)time(NULL);
	size_t k = from;
	for (int g = 0; g < 9; g++) {
		char name[32];
		snprintf(name, sizeof(name), "Leergroep %c", 'B' + g);
		long long group;
		demo_check(group_create(c, batch, name, &e, &group), &e, "group");
		demo_check(group_staff(c, group, mentors[(g + 1) % 4], facilitators[(g + 1) % 4], "proposed", &e), &e, "staff");
		long long people[12];
		for (int i = 0; i < 12; i++) {
			if (k % npool == 0)
				k++;   /* the demo participant is in Leergroep A */
			people[i] = pool[k++ % npool];
		}
		date_add_days(today, -420, day);
		demo_check(group_enrol(c, group, people, 12, day, &e), &e, "enrolment");
		long long meeting[10];
		char held_on[10][11];
		for (int m = 1; m <= 10; m++) {
			date_add_days(today, -400 + (m - 1) * 14, held_on[m - 1]);
			struct meeting_when w = { held_on[m - 1], "13:00", "17:00", "Leergebouw, lokaal 3" };
			demo_check(meeting_plan(c, group, m, &w, now, &e, &meeting[m - 1]), &e, "plan");
		}
		struct enrolment *en;
		size_t nen;
		if (store_enrolment_list(c->st, c->a, c->who->organisation_id, group, &en, &nen))
			die("demo: enrolments");
		for (size_t i = 0; i < nen; i++)
			demo_check(enrolment_set_status(c, en[i].id, "active", NULL, NULL, NULL, &e), &e, "active");
		/* attendance: mostly present, now and then excused or absent, one
		 * person in some groups at half the meetings; those who stop come
		 * until they stop */
		for (size_t i = 0; i < nen; i++) {
			char stop_on[11];
			date_add_days(today, -330 + (int)i * 3, stop_on);
			bool stops = i == 5 || (g < 3 && i == 9);
			for (int m = 0; m < 10; m++) {
				if (stops && strcmp(held_on[m], stop_on) >= 0)
					break;
				const char *st = (i == 0 && g % 3 == 1 && m % 2) ? "absent"
						 : ((int)i + m + g) % 8 == 3 ? "excused"
						 : ((int)i * 3 + m + g) % 17 == 5 ? "absent" : "present";
				demo_check(attendance_record(c, meeting[m], en[i].person_id, st, now, &e), &e, "attendance");
			}
		}
		date_add_days(today, -400 + 9 * 14, day);
		for (size_t i = 0; i < nen; i++) {
			/* 12 stopped, one or two per group, for the seed's three
			 * reasons: 5 ill, 4 for their work, 3 decided with the manager */
			bool stop = i == 5 || (g < 3 && i == 9);
			char on[11];
			date_add_days(today, -330 + (int)i * 3, on);
			const char *kind = i == 9 ? "manager" : g < 5 ? "illness" : "work";
			const char *note = i == 9 ? "In overleg met de leidinggevende gestopt."
				: g < 5 ? "Langdurig ziek." : "Door de werkdruk in het district niet meer vrij te maken.";
			if (stop)
				demo_check(enrolment_set_status(c, en[i].id, "stopped", on, kind, note, &e), &e, "stopped");
			else
				demo_check(enrolment_set_status(c, en[i].id, "completed", day, NULL, NULL, &e), &e, "completed");
		}
	}
}

/* Last year's run of the programme: ten groups of 117 people in all, as in
 * seed 000 §9.1 (12 of them stopped along the way); all meetings held.
 * Leergroep A, with the demo participant, facilitator and mentor, has
 * every report published and its learning story bundled; the programme's
 * final evaluation was answered by 84 of the 105 who finished. */
void demo_finished(struct ctx *c, const long long *pool, size_t npool, size_t next, const long long mentors[4],
		   const long long facilitators[4])
{
	struct errors e = { 0 };
	long long mentor = mentors[0], facilitator = facilitators[0];
	long long people[9] = { pool[0] };
	memcpy(people + 1, pool + next, 8 * sizeof(*people));
	size_t n = 9;
	long long prog, batch, group, meeting[10];
	demo_check(programme_from_template(c, "live", "LiVe! Westerschelde 2025", &e, &prog), &e, "finished programme");
	demo_check(batch_create(c, prog, "Lichting 1", &e, &batch), &e, "batch");
	demo_check(group_create(c, batch, "Leergroep A", &e, &group), &e, "group");
	demo_check(group_staff(c, group, mentor, facilitator, "proposed", &e), &e, "staffing");
	char today[11], day[11];
	date_today((long long)time(NULL), today);
	date_add_days(today, -420, day);
	demo_check(group_enrol(c, group, people, n, day, &e), &e, "enrolment");
	long long now = (long long)time(NULL);
	for (int k = 1; k <= 10; k++) {
		date_add_days(today, -400 + (k - 1) * 14, day);
		struct meeting_when w = { day, "13:00", "17:00", "Leergebouw, lokaal 2" };
		demo_check(meeting_plan(c, group, k, &w, now, &e, &meeting[k - 1]), &e, "plan");
	}
	demo_check(group_staff(c, group, mentor, facilitator, "confirmed", &e), &e, "pair");
	struct enrolment *en;
	size_t nen;
	if (store_enrolment_list(c->st, c->a, c->who->organisation_id, group, &en, &nen))
		die("demo: enrolments");
	/* meetings 6-8 chosen by the group: two from the card, one free */
	struct menu_topic *topic;
	size_t ntopic;
	if (store_menu_topic_list(c->st, c->a, c->who->organisation_id, prog, &topic, &ntopic) || ntopic < 2)
		die("demo: the LiVe! template has no menu card");
	long long prep[3][2] = { { en[1].person_id, en[2].person_id }, { en[3].person_id, en[4].person_id },
				 { en[5].person_id, en[6].person_id } };
	struct meeting_choice ch[3] = {
		{ false, topic[0].id, 0, NULL, "De groep wilde verder met het thema van bijeenkomst 3.", prep[0], 2 },
		{ false, topic[1].id, 0, NULL, "Drie leervragen gingen over samenwerken met andere diensten.", prep[1], 2 },
		{ true, 0, 0, "Een dag meelopen in een ander district", "De groep wilde de eigen blik verbreden.", prep[2], 2 },
	};
	for (int k = 0; k < 3; k++)
		demo_check(meeting_choose(c, meeting[5 + k], &ch[k], now, &e), &e, "menu choice");
	for (int k = 0; k < 10; k++)
		for (size_t i = 0; i < nen; i++)
			demo_check(attendance_record(c, meeting[k], en[i].person_id, (i + (size_t)k) % 7 == 3 ? "excused" : "present",
						now, &e), &e, "attendance");
	date_add_days(today, -400 + 9 * 14, day);
	for (size_t i = 0; i < nen; i++)
		demo_check(enrolment_set_status(c, en[i].id, "completed", day, NULL, NULL, &e), &e, "completed");
	demo_reports_write(c, group, meeting, 10, facilitator, mentor, texts, ARRAY_SIZE(texts), contributions,
			   ARRAY_SIZE(contributions), true);
	struct actor fa = *c->who;
	fa.person_id = facilitator;
	struct ctx fc = { c->st, c->a, &fa, 0 };
	demo_check(story_save(&fc, group,
			 "# Ons leerverhaal\n\nTien bijeenkomsten lang zochten we samen naar wat **leiderschap in verbinding** "
			 "betekent in het politiewerk. Dit zijn de verslagen, met de inbreng van de deelnemers zelf.",
			 "We sluiten af met de woorden van de groep: *\"Leren gebeurt tussen de bijeenkomsten.\"*\n\n"
			 "Dank aan iedereen voor de openheid, het lef en de waardering.",
			 true, now, &e), &e, "learning story");
	other_groups(c, prog, batch, pool, npool, next + 8, mentors, facilitators);
	char opens[11], closes[11];
	date_add_days(today, -400 + 9 * 14, opens);
	date_add_days(opens, 14, closes);
	demo_evaluation(c, prog, opens, closes);
	demo_impact(c, prog);
}
