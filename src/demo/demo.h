/* demo.h — the demo installation of `leergang init --demo`: three fictional
 * organisations, a police unit and two municipalities shaped like the one of
 * seed 002 (departments O, C, S, B with teams T1–T14), the second with the
 * learning circles of its study, with people, an account for every role
 * (hostile names for the tests on request); and five
 * small partner organisations without accounts whose leadership scans make
 * up the police unit's benchmark. */
#ifndef LG_DEMO_H
#define LG_DEMO_H

#include "store/store.h"

#define DEMO_PASSWORD "leergang-demo"

struct demo_login {
	const char *email, *role, *org;
};

/* The demo accounts, ending with { 0 }. */
extern const struct demo_login demo_logins[];

/* The names of six people of the police unit's intelligence team (one of
 * them the demo participant): ordinary ones for people to try leergang
 * with, or hostile ones (markup, a formula, a very long name...) for the
 * tests. */
enum demo_names { DEMO_NAMES_ORDINARY, DEMO_NAMES_HOSTILE };

/* Loads the demo into an empty database. ST_CONFLICT when it exists already.
 * hash: the stored form of DEMO_PASSWORD for every account, or NULL to
 * make it here (a fuzz harness passes a cheap one). */
int demo_load(struct store *st, const char *hash, enum demo_names names, struct buf *err);

/* Stops the demo with what failed (and the first error's message) when r
 * is not D_OK. */
struct errors;
void demo_check(int r, const struct errors *e, const char *what);

/* programmes.c: the programmes of the two demo organisations, as the demo
 * actor (c) of that organisation. pool: people to enrol, in order. */
struct ctx;
void demo_live(struct ctx *c, const long long *pool, size_t npool, const long long mentors[4],
	       const long long facilitators[4]);
void demo_modules(struct ctx *c, const long long *pool, size_t npool, long long mentor, long long facilitator);
void demo_logbook(struct ctx *c, long long person, long long group);
void demo_intake(struct ctx *c, long long person, long long facilitator, long long group);
void demo_reverse(struct ctx *c, long long senior, long long junior, int step);
/* sessions.c: an action-learning session of the group led by facilitator,
 * with the case of members[0] and the answers of members[1..3]. */
void demo_session(struct ctx *c, long long group, long long facilitator, const long long *members, size_t n);
/* The date `days` from today (negative: ago), in the arena of c. */
const char *demo_day(struct ctx *c, int days);
/* An intervision group of people[0..n) (n >= 5) without a facilitator:
 * people[0] led its session by the incident method, people[1] brought
 * the case, three answered; two actions, one overdue. */
void demo_intervision(struct ctx *c, const char *name, const long long *people, size_t n);
/* The learning circles LC1 and LC2 of "nj 2026", each a facilitator and
 * five of people (n >= 10); LC1's first session; the two pecha kuchas of
 * last autumn's circles by the presenters (at least three). */
void demo_circles(struct ctx *c, const long long facilitators[2], const long long *people, size_t n,
		  const long long *presenters, size_t npresenters);
void demo_reports(struct ctx *c, long long group, const long long *meeting, int held, long long facilitator,
		  long long mentor);
/* reports.c: the report of each of the first `held` meetings (as the
 * facilitator; texts taken in turn), the mentor's reflection where there
 * is one, two contributions of those present in each (placed, but for the
 * second of every even meeting), all published but the last unless
 * publish_last. */
struct demo_report_text {
	const char *agenda, *themes, *moments, *reflection, *mentor;
};
void demo_reports_write(struct ctx *c, long long group, const long long *meeting, int held, long long facilitator,
			long long mentor, const struct demo_report_text *texts, size_t ntexts,
			const char *const *contributions, size_t ncontributions, bool publish_last);
void demo_finished(struct ctx *c, const long long *pool, size_t npool, size_t next, const long long mentors[4],
		   const long long facilitators[4]);
void demo_evaluation(struct ctx *c, long long programme, const char *opens_on, const char *closes_on);
/* research.c: the researcher's coding project of the learning circles, as
 * the researcher (an account of c's organisation); anja_team the unit of
 * the focal participant Anja. */
/* two_wave.c: the municipality's two-wave study, both measurements closed */
void demo_two_wave(struct ctx *c, const long long *pool, size_t npool);
void demo_research(struct ctx *c, const char *researcher_email, long long anja_team);
/* impact.c: the impact map of the finished programme, on its final evaluation */
void demo_impact(struct ctx *c, long long programme);
void demo_360(struct ctx *c, long long subject, long long manager, const long long *staff, size_t nstaff,
	      const long long *peers, size_t npeers, long long other);
/* Who answers a demo scan: the person of the i-th invitation. */
typedef bool demo_answers_fn(const struct person *p, size_t i, const void *arg);
/* Every person but every skip-th (arg: an int): about three in four. */
bool demo_answers_but_every(const struct person *p, size_t i, const void *arg);
void demo_scan(struct ctx *c, long long unit, const char *name, int closed_ago, unsigned long long seed, double rise,
	       demo_answers_fn *answers, const void *arg);

/* municipality.c: the municipality at work (module groups, learning
 * circles, questionnaires), with these people of demo.c in their places. */
struct municipality_cast {
	long long secretary;                        /* the municipal secretary */
	long long facilitator, mentor, participant; /* the demo accounts of Groep 1 */
	long long fellow;                           /* a second participant in Groep 1 */
	long long facilitator2, mentor2, participant2;  /* the second accounts, Groep 2 */
	long long mentor3;                          /* the head of Afdeling C */
};
void demo_municipality(struct ctx *c, const struct municipality_cast *m, const long long *pool, size_t npool);

/* leercirkels.c: the learning circles of seed 002's municipality, with
 * these people of demo.c: the secretary, the heads of O, C, S and B, the
 * circles' two facilitators, and the team leader and members of T1–T14. */
#define LC_TEAM_STAFF 9
struct leercirkels_cast {
	long long secretary, heads[4], facilitators[2];
	struct {
		long long lead, staff[LC_TEAM_STAFF];
	} team[14];
};
void demo_leercirkels(struct ctx *c, const struct leercirkels_cast *m);

#endif
