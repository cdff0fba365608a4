/* two_wave.c — the demo municipality's two-wave study (seed 003 §5): 12
 * team leaders in an intervention group and 12 in a comparison group,
 * the QuickScan measured twice 9.5 months apart with coaching between
 * the measurements, both closed, so that the study's page has an analysis
 * to show. Who answers and the scores are the demo's own. */
#include "demo.h"
#include "core/die.h"
#include "core/i18n.h"
#include "domain/schedule.h"
#include "domain/survey.h"
#include "domain/two_wave.h"
#include "store/instrument.h"
#include "store/store.h"

#include <math.h>
#include <string.h>
#include <time.h>

static double uniform01(unsigned long long *s)
{
	*s = *s * 6364136223846793005ULL + 1442695040888963407ULL;
	return (double)(*s >> 11) / 9007199254740992.0;
}

/* a point of 1..5 near mean */
static int near_point(unsigned long long *s, double mean)
{
	double x = mean + (uniform01(s) + uniform01(s) + uniform01(s) - 1.5) * 0.9;
	int p = (int)lround(x);
	return p < 1 ? 1 : p > 5 ? 5 : p;
}

/* Answers every Likert item of the wave for the people of the study:
 * base[i] + rise[i], on day. skip[i]: does not answer. */
static void answer(struct ctx *c, long long wave_id, const long long *people, size_t n, const double *level,
		   const bool *skip, const char *day, unsigned long long *seed)
{
	struct wave w;
	struct invitation *inv;
	size_t ninv;
	struct errors e = { 0 };
	if (store_wave_get(c->st, c->a, c->who->organisation_id, wave_id, &w) ||
	    store_invitation_list(c->st, c->a, c->who->organisation_id, wave_id, &inv, &ninv))
		die("demo: the study's invitations");
	for (size_t k = 0; k < ninv; k++) {
		size_t i = 0;
		while (i < n && people[i] != inv[k].person_id)
			i++;
		if (i == n || skip[i])
			continue;
		char token[SECRET_HEX];
		wave_token(&w, inv[k].id, token);
		struct respondent rs;
		if (respond_open(c->st, c->a, token, NULL, day, &rs) || rs.state != RESPOND_OPEN)
			die("demo: a study link");
		struct respond_field *f = arena_alloc(c->a, (rs.v.nitems + 1) * sizeof(*f));
		size_t nf = 0;
		for (size_t j = 0; j < rs.v.nitems; j++)
			if (!strcmp(rs.v.items[j].kind, "likert")) {
				double m = level[i];
				if (rs.v.items[j].reversed)
					m = 6 - m;
				f[nf++] = (struct respond_field){ arena_printf(c->a, "i%lld", rs.v.items[j].id),
								  arena_printf(c->a, "%d", near_point(seed, m)) };
			}
		if (respond_save(c->st, c->a, &rs, f, nf, RESPOND_SUBMIT_CONFIRMED, day, &e))
			die("demo: a study answer: %s", e.n ? e.items[0].message : "database");
	}
}

void demo_two_wave(struct ctx *c, const long long *pool, size_t npool)
{
	enum { N = 12 };
	if (npool < 2 * N)
		die("demo: too few people for the two-wave study");
	long long instrument;
	if (instrument_install(c, "quickscan", (long long)time(NULL), &instrument))
		die("demo: the QuickScan");
	/* the last 24 of the pool: every other one in the intervention group */
	long long people[2 * N], inter[N], comp[N];
	for (size_t i = 0; i < 2 * N; i++) {
		people[i] = pool[npool - 2 * N + i];
		if (i % 2)
			comp[i / 2] = people[i];
		else
			inter[i / 2] = people[i];
	}
	char today[11], o1[11], c1[11], o2[11], c2[11], from[11], to[11];
	date_today((long long)time(NULL), today);
	date_add_days(today, -320, o1);
	date_add_days(o1, 14, c1);
	date_add_days(o1, 289, o2);   /* 9.5 months */
	date_add_days(o2, 14, c2);
	date_add_days(o1, 30, from);
	date_add_days(o1, 240, to);
	struct study_new s = {
		.name = "Veranderleiderschap teamleiders",
		.instrument_id = instrument,
		.arm = { { inter, N, NULL, 0 }, { comp, N, NULL, 0 } },
		.assignment = "De teamleiders meldden zich aan; per afdeling is geloot wie eerst de coaching kreeg. "
			      "De anderen krijgen haar na de tweede meting.",
		.wave1_opens = o1, .wave1_closes = c1, .wave2_opens = o2, .wave2_closes = c2,
		.override_interval = false, .override_reason = NULL,
		.intervention_text = "Zes coachingsgesprekken op de werkplek over veranderleiderschap, met een terugkomdag.",
		.intervention_from = from, .intervention_to = to,
	};
	struct errors e = { 0 };
	long long id;
	/* the waves' names and purpose as the municipality's people read them */
	enum lang was = i18n_current();
	i18n_use(LANG_NL);
	int d = two_wave_create(c, &s, (long long)time(NULL), &e, &id);
	i18n_use(was);
	if (d)
		die("demo: the two-wave study: %s", e.n ? e.items[0].message : "database");
	struct study st;
	if (two_wave_get(c, id, &st))
		die("demo: the two-wave study");
	unsigned long long seed = 19;
	double level[2 * N];
	bool skip1[2 * N] = { false }, skip2[2 * N] = { false };
	for (size_t i = 0; i < 2 * N; i++)
		level[i] = 2.6 + uniform01(&seed) * 1.2;
	skip2[3] = skip2[8] = skip2[13] = true;   /* one left, two did not answer again */
	char day[11];
	date_add_days(o1, 3, day);
	answer(c, st.wave1_id, people, 2 * N, level, skip1, day, &seed);
	for (size_t i = 0; i < 2 * N; i++)
		level[i] += i % 2 ? 0.1 : 0.6;    /* the coached team leaders rise more */
	date_add_days(o2, 4, day);
	answer(c, st.wave2_id, people, 2 * N, level, skip2, day, &seed);
}
