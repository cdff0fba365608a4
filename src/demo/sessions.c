/* sessions.c — a demo session with a case in a group of each demo
 * organisation: action learning with the demo participant's case, three
 * members' one-minute answers, roles drawn, notes, an idea selected, the
 * summary and the sharpened idea, walked to its last step. The texts are
 * the demo's own. */
#include "demo.h"
#include "core/die.h"
#include "domain/case_session.h"

#include <stddef.h>

static void check(int r, const struct errors *e, const char *what)
{
	if (r)
		die("demo: %s: %s", what, e && e->n ? e->items[0].message : "failed");
}

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
	struct ctx lc = { c->st, c->a, &lead, 0 }, mc = { c->st, c->a, &member, 0 };
	long long id;
	check(case_session_start(&lc, group, "actieleren", members[0], "Een gezin, drie loketten",
				 "Hoe krijg ik de partners rond één gezin aan tafel zonder dat het weer een overleg over het overleg wordt?",
				 "Wijkteam, jeugdzorg en schuldhulp kennen het gezin elk apart. Niemand voelt zich eigenaar.", &e,
				 &id), &e, "session");
	check(case_session_roles(&lc, id, 0, (const long long[2]){ 0, 0 }, true, &e), &e, "roles");
	check(case_session_move(&lc, id, 3, &e), &e, "step");
	for (size_t i = 0; i < 3; i++) {
		member.person_id = members[i + 1];
		check(case_session_answer(&mc, id, answers[i], &e), &e, "answer");
	}
	check(case_session_note(&lc, id, 3, "Drie antwoorden; iedereen schreef mee.", &e), &e, "note");
	struct session_view v;
	check(case_session_open(&lc, id, &v), NULL, "session read");
	if (v.nanswers)
		check(case_session_select(&lc, id, v.answers[1].id, true), NULL, "select");
	check(case_session_outcome(&lc, id,
				   "Het gezin heeft geen regisseur; de partners wachten op elkaar.",
				   "Eén regisseur uit het wijkteam die de partners samen bij het gezin aan tafel zet.", &e),
	      &e, "outcome");
	check(case_session_move(&lc, id, 9, &e), &e, "last step");
}
