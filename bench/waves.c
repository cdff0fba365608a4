/* waves.c — the database of the answer benchmark (bench/respond): one
 * organisation with PEOPLE people (default 200,000) enrolled in a LiVe!
 * programme in groups of 12, and two waves of the LiVe! final evaluation
 * (10 Likert items, 3 open questions) over the whole programme, one
 * anonymous and one not, each with an invitation for every participant.
 * Usage: bench-waves DB [PEOPLE] OUTDIR
 *
 * Everything goes through leergang's own code, as from the command line:
 * store_person_insert() for the people, programme_from_template(),
 * batch_create(), group_create() and group_enrol() for the programme,
 * instrument_install() and wave_create() for the waves, which give every
 * invitation its link (wave_token(), an HMAC of the invitation id under the
 * wave's key; the database keeps only a hash). It writes the links to
 * OUTDIR/respond-anonymous.tokens and OUTDIR/respond-named.tokens, one a
 * line, and the form fields of the questions to OUTDIR/respond-items
 * ("i<item id> likert" or "i<item id> open"). The people go in in one
 * transaction, the rest as the command line would, a transaction per call
 * (in one transaction of its own, wave_create's savepoint made SQLite
 * slower with every invitation: 10 minutes instead of half a minute). */
#include "core/buf.h"
#include "domain/group.h"
#include "domain/programme.h"
#include "domain/role.h"
#include "domain/schedule.h"
#include "domain/survey.h"
#include "formats/markdown.h"
#include "store/store.h"
#include "store/instrument.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define GROUP_SIZE 12
#define GROUPS_PER_BATCH 100

static void fail(const char *what, const struct errors *e, struct store *s)
{
	fprintf(stderr, "bench-waves: %s: %s\n", what, e && e->n ? e->items[0].message : store_errmsg(s));
	exit(1);
}

static void tokens(struct ctx *c, long long wave, const char *path)
{
	struct wave w;
	struct invitation *inv;
	size_t n;
	if (store_wave_get(c->st, c->a, c->who->organisation_id, wave, &w) ||
	    store_invitation_list(c->st, c->a, c->who->organisation_id, wave, &inv, &n))
		fail("the wave's invitations", NULL, c->st);
	FILE *f = fopen(path, "w");
	if (!f) {
		perror(path);
		exit(1);
	}
	for (size_t i = 0; i < n; i++) {
		char token[SECRET_HEX];
		wave_token(&w, inv[i].id, token);
		fprintf(f, "%s\n", token);
	}
	if (fclose(f))
		perror(path);
	printf("%s: %zu links\n", path, n);
}

int main(int argc, char **argv)
{
	store_use_words(md_plain);
	if (argc != 3 && argc != 4) {
		fprintf(stderr, "usage: bench-waves DB [PEOPLE] OUTDIR\n");
		return 2;
	}
	long people = argc == 4 ? atol(argv[2]) : 200000;
	const char *dir = argv[argc - 1];
	if (people < GROUP_SIZE)
		people = GROUP_SIZE;
	struct store *s;
	struct buf err = BUF_INIT;
	int applied;
	if (store_open(argv[1], &s, &err) || store_migrate(s, &applied, &err)) {
		fprintf(stderr, "bench-waves: %s\n", err.ptr);
		return 1;
	}
	struct arena a = ARENA_INIT;
	struct actor who = { 0 };
	who.email = "cli";
	who.display_name = "bench-waves";
	who.roles = ROLES_ALL;
	struct ctx c = { s, &a, &who, 0 };
	struct errors e = { 0 };
	if (store_org_add(s, "bench-respond", "Benchmark antwoorden", &who.organisation_id))
		fail("organisation (the database must be new)", NULL, s);
	long long *ids = malloc((size_t)people * sizeof(*ids));
	if (!ids)
		abort();
	if (store_begin(s))
		fail("begin", NULL, s);
	for (long i = 0; i < people; i++) {
		struct person p = { 0 };
		p.employee_id = arena_printf(&a, "R%06ld", i + 1);
		p.name = arena_printf(&a, "Deelnemer %ld", i + 1);
		p.email = arena_printf(&a, "d%ld@example.org", i + 1);
		p.job_level = "";
		p.active = 1;
		if (store_person_insert(s, who.organisation_id, &p, &ids[i]))
			fail("person", NULL, s);
	}
	if (store_commit(s))
		fail("commit", NULL, s);
	long long programme, batch = 0, group, instrument, waves[2];
	if (programme_from_template(&c, "live", "LiVe! benchmark", &e, &programme))
		fail("programme", &e, s);
	for (long g = 0; g * GROUP_SIZE < people; g++) {
		if (g % GROUPS_PER_BATCH == 0 &&
		    batch_create(&c, programme, arena_printf(&a, "Lichting %ld", g / GROUPS_PER_BATCH + 1), &e, &batch))
			fail("batch", &e, s);
		if (group_create(&c, batch, arena_printf(&a, "Leergroep %ld", g + 1), &e, &group))
			fail("group", &e, s);
		long k = people - g * GROUP_SIZE < GROUP_SIZE ? people - g * GROUP_SIZE : GROUP_SIZE;
		if (group_enrol(&c, group, ids + g * GROUP_SIZE, (size_t)k, "2026-01-05", &e))
			fail("enrolment", &e, s);
		arena_free(&a);  /* the names above are copied by the store */
	}
	char today[11], opens[11], closes[11];
	date_today((long long)time(NULL), today);
	date_add_days(today, -1, opens);
	date_add_days(today, 60, closes);
	if (instrument_install(&c, "live-final", (long long)time(NULL), &instrument))
		fail("instrument", NULL, s);
	for (int anonymous = 1; anonymous >= 0; anonymous--) {
		struct wave_new w = { instrument, anonymous ? "Eindevaluatie (anoniem)" : "Eindevaluatie (op naam)",
				      "programme", programme, opens, closes, anonymous, NULL };
		if (wave_create(&c, &w, (long long)time(NULL), &e, &waves[anonymous]))
			fail("wave", &e, s);
	}
	tokens(&c, waves[1], arena_printf(&a, "%s/respond-anonymous.tokens", dir));
	tokens(&c, waves[0], arena_printf(&a, "%s/respond-named.tokens", dir));
	/* the questions of the newest version: both waves ask the same */
	struct wave w;
	struct instrument_version v;
	if (store_wave_get(s, &a, who.organisation_id, waves[1], &w) ||
	    store_version_get(s, &a, who.organisation_id, w.version_id, &v))
		fail("the questions", NULL, s);
	const char *items = arena_printf(&a, "%s/respond-items", dir);
	FILE *f = fopen(items, "w");
	if (!f) {
		perror(items);
		return 1;
	}
	for (size_t i = 0; i < v.nitems; i++)
		fprintf(f, "i%lld %s\n", v.items[i].id, v.items[i].kind);
	fclose(f);
	printf("%ld people in %ld groups; waves %lld (anonymous) and %lld (named), open %s to %s\n", people,
	       (people + GROUP_SIZE - 1) / GROUP_SIZE, waves[1], waves[0], opens, closes);
	free(ids);
	arena_free(&a);
	store_close(s);
	return 0;
}
