/* leercirkels.c — the learning circles of the municipality of seed 002
 * (`leercirkels-demo`): the 34 participants of its Table 1 in the eleven
 * circles LC1 … LC19 with their periods, the chains of encouragement of
 * its §7 and the pecha kuchas that drove them.
 *
 * From the seed: the teams' totals and their team leaders (T3, T8, T9
 * Moniek, T14 Paul), the focal participants under the seed's own
 * pseudonyms (Chris T1, Moniek T9, Anja T11, Paul T14), the circles and
 * their periods, T8's first two in spring 2015 through the municipal
 * secretary, T8's team leader in spring 2016, Moniek through a team leader
 * of her department, Anja in early 2017 through her team leader and then
 * her colleagues, Paul through his head of department and then two of his
 * team, Chris through a former head of department with the alderman's
 * support, pecha kuchas to the management team, the college and department
 * and team meetings. The seed's per-circle cells are unreadable (seed note
 * §6), so which circle each of the others sat in, who encouraged the staff
 * of Afdeling C, the presentations' dates and titles, the attendees and
 * the surnames are leergang's own, within what the text says. */
#include "demo.h"
#include "core/die.h"
#include "domain/peer_group.h"
#include "domain/referral.h"

#include <stddef.h>

/* A person of the cast: team 1..14 (k -1 its team leader, else its k-th
 * member), 0 the municipal secretary, -1..-4 the head of O, C, S, B. */
struct who {
	signed char team, k;
};
#define LEAD(t) { (t), -1 }
#define STAFF(t, k) { (t), (k) }
#define SECRETARY { 0, 0 }
#define HEAD(d) { -(d), 0 }  /* 1 O, 2 C, 3 S, 4 B */
#define NOBODY { 99, 0 }

static long long person_of(const struct leercirkels_cast *m, struct who w)
{
	if (w.team == 0)
		return m->secretary;
	if (w.team < 0 && w.team >= -4)
		return m->heads[-w.team - 1];
	if (w.team >= 1 && w.team <= 14 && w.k >= -1 && w.k < LC_TEAM_STAFF)
		return w.k < 0 ? m->team[w.team - 1].lead : m->team[w.team - 1].staff[w.k];
	die("demo: no such person in the cast");
}

static const struct {
	const char *name, *period, *from, *to;
} circles[] = {
	{ "LC1", "vj 2015", "2015-03-02", "2015-06-29" },
	{ "LC3", "vj 2016", "2016-03-07", "2016-06-27" },
	{ "LC5", "nj 2016", "2016-09-05", "2016-12-12" },
	{ "LC8", "vj 2017", "2017-02-06", "2017-06-26" },
	{ "LC11", "zo-nj 2017", "2017-06-12", "2017-11-27" },
	{ "LC12", "zo-nj 2017", "2017-06-19", "2017-11-27" },
	{ "LC14", "nj-wi 2017", "2017-09-18", "2018-01-29" },
	{ "LC15", "nj-wi 2017", "2017-10-02", "2018-02-12" },
	{ "LC16", "wi-vj 2018", "2018-01-15", "2018-05-28" },
	{ "LC18", "vj-zo 2018", "2018-04-09", "2018-08-27" },
	{ "LC19", "zo-nj 2018", "2018-06-18", "2018-11-26" },
};
enum { LC1, LC3, LC5, LC8, LC11, LC12, LC14, LC15, LC16, LC18, LC19, NCIRCLES };
_Static_assert(NCIRCLES == sizeof circles / sizeof circles[0], "a name for every circle");

/* Table 1, row by row: who sat in which circle (34 in all). */
static const struct {
	int circle;
	struct who who;
} seats[] = {
	{ LC12, STAFF(1, 0) },                                                  /* T1: Chris */
	{ LC19, LEAD(3) }, { LC19, STAFF(3, 0) },                               /* T3: tl, mw */
	{ LC5, STAFF(4, 0) }, { LC5, STAFF(4, 1) }, { LC11, STAFF(4, 2) },      /* T4: 6 */
	{ LC11, STAFF(4, 3) }, { LC15, STAFF(4, 4) }, { LC18, STAFF(4, 5) },
	{ LC8, STAFF(5, 0) }, { LC16, STAFF(5, 1) },                            /* T5 */
	{ LC12, STAFF(6, 0) }, { LC18, STAFF(6, 1) },                           /* T6 */
	{ LC14, STAFF(7, 0) }, { LC19, STAFF(7, 1) },                           /* T7 */
	{ LC1, STAFF(8, 0) }, { LC1, STAFF(8, 1) }, { LC3, LEAD(8) },          /* T8: 9 */
	{ LC5, STAFF(8, 2) }, { LC8, STAFF(8, 3) }, { LC11, STAFF(8, 4) },
	{ LC11, STAFF(8, 5) }, { LC14, STAFF(8, 6) }, { LC14, STAFF(8, 7) },
	{ LC5, LEAD(9) },                                                       /* T9: Moniek */
	{ LC15, STAFF(10, 0) },                                                 /* T10 */
	{ LC8, STAFF(11, 0) }, { LC12, STAFF(11, 1) }, { LC14, STAFF(11, 2) },  /* T11: Anja + 4 */
	{ LC16, STAFF(11, 3) }, { LC18, STAFF(11, 4) },
	{ LC11, LEAD(14) }, { LC19, STAFF(14, 0) }, { LC19, STAFF(14, 1) },     /* T14: Paul + 2 */
};
_Static_assert(sizeof seats / sizeof seats[0] == 34, "Table 1 has 34 participants");

enum { P_LC1_MT, P_LC1_DEPT, P_T8_DEPT, P_LC5_MT, P_T4_TEAM, P_LC8_COLLEGE, P_T11_TEAM, P_COLLEGE_2017,
       P_B_DEPT, NPRES };
static const struct {
	const char *kind, *audience, *held_on, *title;
	int circle;                 /* -1: none */
	struct who presenters[4];   /* ends at NOBODY */
	struct who attendees[6];
} presentations[] = {
	[P_LC1_MT] = { "pecha_kucha", "management", "2015-06-29", "Pecha kucha van LC1: leren met de praktijk", LC1,
		       { STAFF(8, 0), STAFF(8, 1), NOBODY }, { HEAD(1), HEAD(2), HEAD(3), HEAD(4), SECRETARY, NOBODY } },
	[P_LC1_DEPT] = { "pecha_kucha", "department", "2015-09-14", "Wat de leercirkel ons bracht", LC1,
			 { STAFF(8, 0), STAFF(8, 1), NOBODY }, { LEAD(8), LEAD(9), LEAD(10), LEAD(11), HEAD(3), NOBODY } },
	[P_T8_DEPT] = { "pecha_kucha", "department", "2016-09-12", "Doorbreken en verbinden in team T8", LC3,
			{ LEAD(8), NOBODY }, { LEAD(9), LEAD(11), STAFF(8, 2), HEAD(3), NOBODY } },
	[P_LC5_MT] = { "pecha_kucha", "management", "2016-12-12", "Pecha kucha van LC5: de mens centraal", LC5,
		       { STAFF(4, 0), STAFF(4, 1), LEAD(9), STAFF(8, 2) }, { HEAD(2), HEAD(3), SECRETARY, NOBODY } },
	[P_T4_TEAM] = { "other", "team", "2017-01-16", "Twee collega's over hun leercirkel", LC5,
			{ STAFF(4, 0), STAFF(4, 1), NOBODY }, { STAFF(4, 2), STAFF(4, 3), STAFF(4, 4), STAFF(4, 5), LEAD(4), NOBODY } },
	[P_LC8_COLLEGE] = { "pecha_kucha", "executive", "2017-06-26", "Pecha kucha voor het college: van systeemwereld naar leefwereld", LC8,
			    { STAFF(11, 0), STAFF(5, 0), STAFF(8, 3), NOBODY }, { SECRETARY, NOBODY } },
	[P_T11_TEAM] = { "other", "team", "2017-07-03", "Anja vertelt: werken vanuit de bedoeling", LC8,
			 { STAFF(11, 0), NOBODY }, { LEAD(11), STAFF(11, 1), STAFF(11, 2), STAFF(11, 3), STAFF(11, 4), NOBODY } },
	[P_COLLEGE_2017] = { "pecha_kucha", "executive", "2017-11-27", "Pecha kucha voor het college: netwerken rond een vraag", LC11,
			     { LEAD(14), STAFF(4, 2), NOBODY }, { SECRETARY, NOBODY } },
	[P_B_DEPT] = { "pecha_kucha", "department", "2018-01-22", "Alle hokjes opheffen? Een pecha kucha in Afdeling B", LC11,
		       { LEAD(14), NOBODY }, { STAFF(14, 0), STAFF(14, 1), LEAD(12), LEAD(13), HEAD(4), NOBODY } },
};

/* How each came in (seed 002 §7; for Afdeling C and the later staff
 * leergang's own). A row of kind "person" names by (someone of the cast)
 * or by_name (someone outside the people list). */
static const struct {
	struct who who;
	const char *kind;
	struct who by;
	const char *by_name, *by_role;
	int presentation;           /* -1: none */
	const char *noted_on;
} referrals[] = {
	/* the municipal secretary introduced the first two (seed line 1049–1051) */
	{ STAFF(8, 0), "person", SECRETARY, "", "top", -1, "2015-01-19" },
	{ STAFF(8, 1), "person", SECRETARY, "", "top", -1, "2015-01-19" },
	/* their pecha kucha in the department meeting, and the secretary's
	 * question to the team leaders before each round (1051–1055) */
	{ LEAD(8), "presentation", NOBODY, "", "", P_LC1_DEPT, "2015-09-14" },
	{ LEAD(8), "person", SECRETARY, "", "top", -1, "2016-01-11" },
	/* Moniek: word of mouth from another team leader of her department,
	 * who presented (1057–1058) */
	{ LEAD(9), "person", LEAD(8), "", "team_leader", -1, "2016-06-20" },
	{ LEAD(9), "presentation", NOBODY, "", "", P_T8_DEPT, "2016-09-12" },
	/* T8's team leader promotes the circles in his team (1064–1068) */
	{ STAFF(8, 2), "person", LEAD(8), "", "team_leader", -1, "2016-06-20" },
	{ STAFF(8, 3), "person", LEAD(8), "", "team_leader", -1, "2017-01-09" },
	{ STAFF(8, 4), "person", LEAD(8), "", "team_leader", -1, "2017-05-08" },
	{ STAFF(8, 5), "person", LEAD(8), "", "team_leader", -1, "2017-05-08" },
	{ STAFF(8, 6), "person", LEAD(8), "", "team_leader", -1, "2017-08-21" },
	{ STAFF(8, 7), "person", LEAD(8), "", "team_leader", -1, "2017-08-21" },
	/* Anja through her team leader, then she "infects" her team
	 * (1056–1057, 1068–1070, 1690–1691) */
	{ STAFF(11, 0), "person", LEAD(11), "", "team_leader", -1, "2017-01-09" },
	{ STAFF(11, 1), "person", STAFF(11, 0), "", "colleague", -1, "2017-05-15" },
	{ STAFF(11, 1), "presentation", NOBODY, "", "", P_T11_TEAM, "2017-07-03" },
	{ STAFF(11, 2), "person", STAFF(11, 0), "", "colleague", -1, "2017-08-28" },
	{ STAFF(11, 2), "presentation", NOBODY, "", "", P_T11_TEAM, "2017-07-03" },
	{ STAFF(11, 3), "person", STAFF(11, 0), "", "colleague", -1, "2017-12-04" },
	{ STAFF(11, 3), "person", LEAD(11), "", "team_leader", -1, "2017-12-04" },
	{ STAFF(11, 4), "person", STAFF(11, 0), "", "colleague", -1, "2018-03-05" },
	/* Paul through his head of department, then two of his team
	 * (1055–1057, 1093–1095, 1314–1317) */
	{ LEAD(14), "person", HEAD(4), "", "head_of_department", -1, "2017-05-01" },
	{ STAFF(14, 0), "person", LEAD(14), "", "team_leader", -1, "2018-05-07" },
	{ STAFF(14, 0), "presentation", NOBODY, "", "", P_B_DEPT, "2018-01-22" },
	{ STAFF(14, 1), "person", LEAD(14), "", "team_leader", -1, "2018-05-07" },
	{ STAFF(14, 1), "presentation", NOBODY, "", "", P_B_DEPT, "2018-01-22" },
	/* Chris through a former head of department, no longer on the people
	 * list, with the alderman's support (1055–1057, 1019–1021) */
	{ STAFF(1, 0), "person", NOBODY, "Voormalig afdelingshoofd Afdeling O", "head_of_department", -1, "2017-05-15" },
	{ STAFF(1, 0), "person", NOBODY, "Wethouder sociaal domein", "top", -1, "2017-05-15" },
	/* Afdeling C: its head asked, then colleagues and a team meeting */
	{ STAFF(4, 0), "person", HEAD(2), "", "head_of_department", -1, "2016-06-13" },
	{ STAFF(4, 1), "person", HEAD(2), "", "head_of_department", -1, "2016-06-13" },
	{ STAFF(4, 2), "presentation", NOBODY, "", "", P_T4_TEAM, "2017-01-16" },
	{ STAFF(4, 2), "person", STAFF(4, 0), "", "colleague", -1, "2017-03-06" },
	{ STAFF(4, 3), "presentation", NOBODY, "", "", P_T4_TEAM, "2017-01-16" },
	{ STAFF(4, 4), "person", STAFF(4, 0), "", "colleague", -1, "2017-08-28" },
	{ STAFF(4, 5), "person", STAFF(4, 2), "", "colleague", -1, "2018-02-26" },
	{ STAFF(5, 0), "own", NOBODY, "", "", -1, "2017-01-09" },
	{ STAFF(5, 1), "person", STAFF(5, 0), "", "colleague", -1, "2017-11-20" },
	{ STAFF(6, 0), "person", HEAD(2), "", "head_of_department", -1, "2017-05-15" },
	{ STAFF(6, 1), "person", STAFF(6, 0), "", "colleague", -1, "2018-02-26" },
	{ STAFF(7, 0), "person", HEAD(2), "", "head_of_department", -1, "2017-08-21" },
	{ STAFF(7, 1), "person", STAFF(7, 0), "", "colleague", -1, "2018-04-16" },
	/* Afdeling O's two new registrations (1095–1096), and T10's one, who
	 * came by herself and stands alone */
	{ LEAD(3), "own", NOBODY, "", "", -1, "2018-04-16" },
	{ STAFF(3, 0), "person", LEAD(3), "", "team_leader", -1, "2018-04-16" },
	{ STAFF(10, 0), "own", NOBODY, "", "", -1, "2017-08-28" },
};

static size_t cast_list(const struct leercirkels_cast *m, const struct who *w, size_t max, long long *out)
{
	size_t n = 0;
	while (n < max && w[n].team != 99) {
		out[n] = person_of(m, w[n]);
		n++;
	}
	return n;
}

void demo_leercirkels(struct ctx *c, const struct leercirkels_cast *m)
{
	struct errors e = { 0 };
	long long circle[NCIRCLES], pres[NPRES];
	for (int i = 0; i < NCIRCLES; i++) {
		demo_check(peer_group_create(c, "circle", circles[i].name, circles[i].period, &e, &circle[i]), &e, "circle");
		for (int f = 0; f < 2; f++)
			demo_check(peer_group_member_set(c, circle[i], m->facilitators[f], "facilitator", circles[i].from,
						    circles[i].to, &e),
			      &e, "circle facilitator");
	}
	for (size_t i = 0; i < sizeof seats / sizeof seats[0]; i++) {
		int k = seats[i].circle;
		demo_check(peer_group_member_set(c, circle[k], person_of(m, seats[i].who), "member", circles[k].from,
					    circles[k].to, &e),
		      &e, "circle member");
	}
	for (int i = 0; i < NPRES; i++) {
		long long people[6];
		size_t n = cast_list(m, presentations[i].presenters, 4, people);
		demo_check(presentation_add(c, presentations[i].kind, presentations[i].audience, presentations[i].held_on,
				       presentations[i].title,
				       presentations[i].circle < 0 ? 0 : circle[presentations[i].circle], people, n,
				       &e, &pres[i]),
		      &e, "presentation");
		n = cast_list(m, presentations[i].attendees, 6, people);
		for (size_t k = 0; k < n; k++)
			demo_check(presentation_attendee_add(c, pres[i], people[k], &e), &e, "attendee");
	}
	for (size_t i = 0; i < sizeof referrals / sizeof referrals[0]; i++) {
		long long id;
		bool by = referrals[i].by.team != 99;
		demo_check(referral_add(c, person_of(m, referrals[i].who), referrals[i].kind,
				   by ? person_of(m, referrals[i].by) : 0, referrals[i].by_name, referrals[i].by_role,
				   referrals[i].presentation < 0 ? 0 : pres[referrals[i].presentation],
				   referrals[i].noted_on, &e, &id),
		      &e, "referral");
	}
	/* the circles are over: the last ended in November 2018 */
	for (int i = 0; i < NCIRCLES; i++)
		demo_check(peer_group_set_active(c, circle[i], 0, &e), &e, "circle ended");
}
