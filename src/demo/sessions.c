/* sessions.c — a demo session with a case in a group of each demo
 * organisation: action learning with the demo participant's case, three
 * members' one-minute answers, roles drawn, notes, an idea selected, the
 * summary and the sharpened idea, walked to its last step, two weeks ago,
 * with its follow-up actions (one overdue, one done); an intervision group
 * of team leaders with a session by the incident method that one of them
 * led; and the municipality's learning circles of this autumn with their
 * facilitators, a learning-circle session, and the pecha kuchas that
 * closed the first of last year's circles. The texts are the demo's own. */
#include "demo.h"
#include "core/die.h"
#include "domain/schedule.h"
#include "domain/case_session.h"
#include "domain/peer_group.h"
#include "domain/session_action.h"

#include <stddef.h>
#include <time.h>

void demo_session(struct ctx *c, long long group, long long facilitator, const long long *members, size_t n)
{
	static const char *const answers[] = {
		"Vraag de partners eerst wat zij zelf in dit gezin zien, voordat je een plan voorlegt.",
		"Zoek één regisseur; drie loketten betekent nu niemand.",
		"Begin bij wat het gezin zelf wil bereiken.",
	};
	if (n < 4)
		die("demo: a session needs four members");
	struct errors e = { 0 };
	struct actor lead = *c->who, member = *c->who;
	lead.person_id = facilitator;
	/* held two weeks ago, so that one of its actions is overdue now */
	long long then = (long long)time(NULL) - 14 * 86400;
	struct ctx lc = { c->st, c->a, &lead, then }, mc = { c->st, c->a, &member, then };
	long long id;
	demo_check(case_session_start(&lc, group, "actieleren", members[0], "Een gezin, drie loketten",
				 "Hoe krijg ik de partners rond één gezin aan tafel zonder dat het weer een overleg over het overleg wordt?",
				 "Wijkteam, jeugdzorg en schuldhulp kennen het gezin elk apart. Niemand voelt zich eigenaar.", &e,
				 &id), &e, "session");
	demo_check(case_session_roles(&lc, id, 0, (const long long[2]){ 0, 0 }, true, &e), &e, "roles");
	demo_check(case_session_move(&lc, id, 3, &e), &e, "step");
	for (size_t i = 0; i < 3; i++) {
		member.person_id = members[i + 1];
		demo_check(case_session_answer(&mc, id, answers[i], &e), &e, "answer");
	}
	demo_check(case_session_note(&lc, id, 3, "Drie antwoorden; iedereen schreef mee.", &e), &e, "note");
	struct session_view v;
	demo_check(case_session_open(&lc, id, &v), NULL, "session read");
	if (v.nanswers)
		demo_check(case_session_select(&lc, id, v.answers[1].id, true), NULL, "select");
	demo_check(case_session_outcome(&lc, id,
				   "Het gezin heeft geen regisseur; de partners wachten op elkaar.",
				   "Eén regisseur uit het wijkteam die de partners samen bij het gezin aan tafel zet.", &e),
	      &e, "outcome");
	demo_check(case_session_move(&lc, id, 9, &e), &e, "last step");
	long long made;
	demo_check(session_action_add(&lc, id, members[0], "Wijkteam, jeugdzorg en schuldhulp samen uitnodigen voor één "
				 "keukentafelgesprek bij het gezin.", demo_day(c, -3), &e, &made), &e, "action (overdue)");
	demo_check(session_action_add(&lc, id, members[2], "Bij de wijkteamcoördinator navragen wie de regie kan nemen.",
				 demo_day(c, 10), &e, &made), &e, "action");
	demo_check(session_action_add(&lc, id, members[1], "De contactpersonen van de drie partners op één lijst zetten.",
				 demo_day(c, -7), &e, &made), &e, "action (done)");
	demo_check(session_action_update(&lc, made, "done", NULL, 0, &e), &e, "action done");
}

const char *demo_day(struct ctx *c, int days)
{
	char today[11], *out = arena_alloc(c->a, 11);
	date_today((long long)time(NULL), today);
	date_add_days(today, days, out);
	return out;
}

void demo_intervision(struct ctx *c, const char *name, const long long *people, size_t n)
{
	static const char *const answers[] = {
		"Ik zou het gesprek de volgende ochtend pas voeren, met de feiten op papier.",
		"Ik zou eerst de collega zelf laten vertellen wat er gebeurde.",
		"Ik zou het team erbij halen: het speelt niet alleen tussen die twee.",
	};
	if (n < 5)
		die("demo: an intervision group needs five people");
	struct errors e = { 0 };
	long long group;
	demo_check(peer_group_create(c, "intervision", name, "", &e, &group), &e, "intervision group");
	for (size_t i = 0; i < n; i++)
		demo_check(peer_group_member_set(c, group, people[i], "member", demo_day(c, -120), "", &e), &e,
		      "intervision member");
	/* the first of them led last month's session, the second brought the case */
	struct actor lead = *c->who, member = *c->who;
	lead.person_id = people[0];
	long long then = (long long)time(NULL) - 10 * 86400;
	struct ctx lc = { c->st, c->a, &lead, then }, mc = { c->st, c->a, &member, then };
	long long id;
	demo_check(case_session_start_peer(&lc, group, "incidentmethode", people[1], "Een melding die te laat bij mij kwam",
				      "Had ik die avond zelf moeten ingrijpen, of was het goed dat ik het aan de dienstdoende "
				      "collega liet?",
				      "Een collega meldde pas de volgende dag een conflict met een burger. Ik hoorde het via "
				      "via.",
				      &e, &id),
	      &e, "intervision session");
	demo_check(case_session_move(&lc, id, 3, &e), &e, "intervision step");
	for (size_t i = 0; i < 3; i++) {
		member.person_id = people[i + 2];
		demo_check(case_session_answer(&mc, id, answers[i], &e), &e, "intervision answer");
	}
	demo_check(case_session_outcome(&lc, id, "Niet het ingrijpen was de vraag, maar hoe meldingen bij de teamleider komen.",
				   "Met het team afspreken wat 's avonds meteen gemeld wordt en wat de volgende dag kan.", &e),
	      &e, "intervision outcome");
	demo_check(case_session_move(&lc, id, 6, &e), &e, "intervision last step");
	long long made;
	demo_check(session_action_add(&lc, id, people[1], "In het teamoverleg afspreken wat meteen gemeld wordt.",
				 demo_day(c, -2), &e, &made), &e, "intervision action (overdue)");
	demo_check(session_action_add(&lc, id, people[0], "Volgende intervisie: terugkoppelen hoe het teamoverleg ging.",
				 demo_day(c, 18), &e, &made), &e, "intervision action");
}

void demo_circles(struct ctx *c, const long long facilitators[2], const long long *people, size_t n,
		  const long long *presenters, size_t npresenters)
{
	if (n < 10 || npresenters < 3)
		die("demo: the circles need ten people and three presenters");
	struct errors e = { 0 };
	long long circle[2];
	static const char *const names[2] = { "LC1", "LC2" };
	for (int k = 0; k < 2; k++) {
		demo_check(peer_group_create(c, "circle", names[k], "nj 2026", &e, &circle[k]), &e, "circle");
		demo_check(peer_group_member_set(c, circle[k], facilitators[k], "facilitator", demo_day(c, -30), "", &e), &e,
		      "circle facilitator");
		for (size_t i = 0; i < 5; i++)
			demo_check(peer_group_member_set(c, circle[k], people[k * 5 + i], "member", demo_day(c, -30), "", &e),
			      &e, "circle member");
	}
	/* LC1's first session: a participant's own case */
	struct actor lead = *c->who;
	lead.person_id = facilitators[0];
	struct ctx lc = { c->st, c->a, &lead, (long long)time(NULL) - 7 * 86400 };
	long long id;
	demo_check(case_session_start_peer(&lc, circle[0], "leercirkel", people[0], "Nee zeggen tegen de wethouder",
				      "Hoe zeg ik nee tegen een verzoek van de wethouder zonder de relatie te schaden?",
				      "Het verzoek past niet bij wat het team dit jaar heeft afgesproken.", &e, &id),
	      &e, "circle session");
	demo_check(case_session_move(&lc, id, 2, &e), &e, "circle step");
	/* the pecha kuchas that closed last year's first circle (its tenth
	 * meeting), before the management team and the college */
	long long pres;
	demo_check(presentation_add(c, "pecha_kucha", "management", demo_day(c, -184),
			       "Pecha kucha van Leercirkel 1: wat wij anders zijn gaan doen", 0, presenters,
			       npresenters, &e, &pres),
	      &e, "pecha kucha");
	demo_check(presentation_add(c, "pecha_kucha", "executive", demo_day(c, -183),
			       "Pecha kucha voor het college: werken vanuit de bedoeling", 0, presenters, 2, &e, &pres),
	      &e, "pecha kucha (college)");
}
