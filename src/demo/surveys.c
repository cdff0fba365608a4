/* surveys.c (demo) — the LiVe! final evaluation of last year's run, as seed
 * 000 §9.1 reports it: 117 registered, 12 stopped, 84 of the 105 who
 * finished answered, 21 did not. The answers are made up by the demo so
 * that the item means and SDs come near the seed's table (a: 3,1 / 0,9 …
 * j: 1,9 / 1,4); they are drawn from a rounded normal distribution with a
 * fixed seed, so every demo is the same. The open answers are the demo's
 * own, in the manner of seed 000 §9.2.1. */
#include "demo.h"
#include "core/die.h"
#include "domain/schedule.h"
#include "domain/survey.h"
#include "store/instrument.h"
#include "store/store.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static const double target[10][2] = {
	{ 3.1, 0.9 }, { 3.8, 0.8 }, { 3.8, 0.7 }, { 3.7, 0.7 }, { 3.4, 0.8 },
	{ 2.7, 1.1 }, { 3.0, 0.9 }, { 3.5, 1.1 }, { 3.5, 1.1 }, { 1.9, 1.4 },
};

static const char *const insights[] = {
	"Vragen stellen voordat ik oordeel.",
	"Hoe een dialoog anders loopt dan een discussie.",
	"Luisteren naar wat de ander niet zegt.",
	"Dat reflectie helpt, ook als het schuurt.",
	"Waardering uitspreken, vaker dan ik deed.",
	"Verschil toelaten in mijn team.",
};

/* A fixed sequence of uniform numbers in (0, 1). */
static double uniform(unsigned long long *s)
{
	*s = *s * 6364136223846793005ULL + 1442695040888963407ULL;
	return ((double)(*s >> 11) + 0.5) / 9007199254740992.0;
}

static int point(unsigned long long *s, double mean, double sd)
{
	double z = sqrt(-2 * log(uniform(s))) * cos(2 * M_PI * uniform(s));
	long v = lround(mean + sd * z);
	return v < 1 ? 1 : v > 5 ? 5 : (int)v;
}

void demo_evaluation(struct ctx *c, long long programme, const char *opens_on, const char *closes_on)
{
	struct errors e = { 0 };
	long long instrument, wave;
	if (instrument_install(c, "live-final", (long long)time(NULL), &instrument))
		die("demo: the LiVe! final evaluation");
	struct wave_new n = { instrument, "Eindevaluatie LiVe! 2025", "programme", programme, opens_on, closes_on, true,
			      "Met deze evaluatie kijken we samen terug op LiVe!: wat heeft het jou opgeleverd, en wat kan beter "
			      "voor de volgende lichting? De uitkomsten bespreken we in de stuurgroep." };
	if (wave_create(c, &n, (long long)time(NULL), &e, &wave))
		die("demo: wave: %s", e.n ? e.items[0].message : "database");
	struct wave w;
	struct invitation *inv;
	size_t ninv;
	if (store_wave_get(c->st, c->a, c->who->organisation_id, wave, &w) ||
	    store_invitation_list(c->st, c->a, c->who->organisation_id, wave, &inv, &ninv))
		die("demo: the wave's invitations");
	unsigned long long seed = 20130601;
	int answered = 0;
	for (size_t i = 0; i < ninv && answered < 84; i++) {
		if (!strcmp(inv[i].enrolment_status, "stopped"))
			continue;
		char token[SECRET_HEX];
		wave_token(&w, inv[i].id, token);
		struct respondent r;
		if (respond_open(c->st, c->a, token, NULL, closes_on, &r) || r.state != RESPOND_OPEN)
			die("demo: a respondent's link");
		struct respond_field f[16];
		size_t nf = 0;
		for (size_t k = 0; k < r.v.nitems && nf < 16; k++) {
			const struct instrument_item *it = &r.v.items[k];
			const char *key = arena_printf(c->a, "i%lld", it->id);
			if (!strcmp(it->kind, "likert") && k < 10)
				f[nf++] = (struct respond_field){ key, arena_printf(c->a, "%d",
						point(&seed, target[k][0], target[k][1])) };
			else if (!strcmp(it->code, "open1") && answered % 5 < 2)
				f[nf++] = (struct respond_field){ key, insights[(size_t)answered % 6] };
		}
		if (respond_save(c->st, c->a, &r, f, nf, true, closes_on, &e))
			die("demo: an answer: %s", e.n ? e.items[0].message : "database");
		answered++;
	}
}

/* A 360° feedback round about a district chief (the demo's mentor), closed
 * a month ago: self, their own manager (the unit chief), four staff, two
 * peers (the other district chiefs) and one other. Two peers and one
 * other are merged into "others"; the scores are the demo's own. */
void demo_360(struct ctx *c, long long subject, long long manager, const long long *staff, size_t nstaff,
	      const long long *peers, size_t npeers, long long other)
{
	struct errors e = { 0 };
	long long instrument, wave;
	if (instrument_install(c, "leadership-scan-360", (long long)time(NULL), &instrument))
		die("demo: the leadership scan");
	struct rater r[16];
	size_t n = 0;
	r[n++] = (struct rater){ manager, "manager", NULL };
	for (size_t i = 0; i < nstaff && n < 12; i++)
		r[n++] = (struct rater){ staff[i], "staff", NULL };
	for (size_t i = 0; i < npeers && n < 15; i++)
		r[n++] = (struct rater){ peers[i], "peer", NULL };
	r[n++] = (struct rater){ other, "other", NULL };
	char today[11], opens[11], closes[11];
	date_today((long long)time(NULL), today);
	date_add_days(today, -60, opens);
	date_add_days(today, -30, closes);
	if (wave_create_360(c, instrument, "360°-feedback districtschef",
			    "De districtschef vraagt feedback op het eigen leiderschap, als begin van een ontwikkelplan.",
			    subject, r, n, opens, closes,
			    (long long)time(NULL), &e, &wave))
		die("demo: 360 round: %s", e.n ? e.items[0].message : "database");
	struct wave w;
	struct invitation *inv;
	size_t ninv;
	if (store_wave_get(c->st, c->a, c->who->organisation_id, wave, &w) ||
	    store_invitation_list(c->st, c->a, c->who->organisation_id, wave, &inv, &ninv))
		die("demo: the round's invitations");
	char day[11];
	date_add_days(opens, 7, day);
	unsigned long long seed = 360;
	for (size_t i = 0; i < ninv; i++) {
		/* self a little above what others see: the usual picture */
		const char *role = inv[i].rater_role;
		double mean = !strcmp(role, "self") ? 4.3 : !strcmp(role, "manager") ? 3.8 : 3.4;
		char token[SECRET_HEX];
		wave_token(&w, inv[i].id, token);
		struct respondent rs;
		if (respond_open(c->st, c->a, token, NULL, day, &rs) || rs.state != RESPOND_OPEN)
			die("demo: a rater's link");
		struct respond_field f[16];
		size_t nf = 0;
		for (size_t k = 0; k < rs.v.nitems && nf < 16; k++)
			f[nf++] = (struct respond_field){ arena_printf(c->a, "i%lld", rs.v.items[k].id),
							  arena_printf(c->a, "%d", point(&seed, mean, 0.7)) };
		if (respond_save(c->st, c->a, &rs, f, nf, true, day, &e))
			die("demo: a 360 answer: %s", e.n ? e.items[0].message : "database");
	}
}

bool demo_answers_but_every(const struct person *p, size_t i, const void *arg)
{
	(void)p;
	int skip = *(const int *)arg;
	return !skip || (i * 7 + 3) % (size_t)skip != 0;
}

/* A leadership scan given to everyone in a unit (seed 003: the scan at
 * team and organisation level, repeated after 9 to 10 months), closed
 * `closed_ago` days ago after two weeks open. Not anonymous, so that a
 * later wave can be paired with it; `answers` says who answers. Scores:
 * the dimension's base plus a team's own shift plus noise; `rise` is added
 * in a later wave. The scores and the response are the demo's own. */
void demo_scan(struct ctx *c, long long unit, const char *name, int closed_ago, unsigned long long seed, double rise,
	       demo_answers_fn *answers, const void *arg)
{
	struct errors e = { 0 };
	long long instrument, wave;
	if (instrument_install(c, "leadership-scan-360", (long long)time(NULL), &instrument))
		die("demo: the leadership scan");
	char today[11], opens[11], closes[11], day[11];
	date_today((long long)time(NULL), today);
	date_add_days(today, -closed_ago - 14, opens);
	date_add_days(today, -closed_ago, closes);
	struct wave_new n = { instrument, name, "units", unit, opens, closes, false, NULL };
	if (wave_create(c, &n, (long long)time(NULL), &e, &wave))
		die("demo: scan wave: %s", e.n ? e.items[0].message : "database");
	struct wave w;
	struct invitation *inv;
	size_t ninv;
	if (store_wave_get(c->st, c->a, c->who->organisation_id, wave, &w) ||
	    store_invitation_list(c->st, c->a, c->who->organisation_id, wave, &inv, &ninv))
		die("demo: the scan's invitations");
	static const double base[3] = { 3.3, 3.0, 2.8 };  /* shared, connecting, change leadership */
	for (size_t i = 0; i < ninv; i++) {
		struct person p;
		if (store_person_get(c->st, c->a, c->who->organisation_id, inv[i].person_id, &p))
			die("demo: a scan's person");
		if (!answers(&p, i, arg))
			continue;
		double team = (double)(p.unit_id % 5) * 0.15 - 0.3;
		char token[SECRET_HEX];
		wave_token(&w, inv[i].id, token);
		date_add_days(opens, (int)(i % 12), day);
		struct respondent rs;
		if (respond_open(c->st, c->a, token, NULL, day, &rs) || rs.state != RESPOND_OPEN)
			die("demo: a scan link");
		struct respond_field f[16];
		size_t nf = 0;
		for (size_t k = 0; k < rs.v.nitems && nf < 16; k++)
			f[nf++] = (struct respond_field){ arena_printf(c->a, "i%lld", rs.v.items[k].id),
							  arena_printf(c->a, "%d", point(&seed, base[k / 3] + team + rise, 0.8)) };
		if (respond_save(c->st, c->a, &rs, f, nf, true, day, &e))
			die("demo: a scan answer: %s", e.n ? e.items[0].message : "database");
	}
}
