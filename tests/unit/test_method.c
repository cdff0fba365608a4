/* test_method.c — session methods: the built-in content (keys unique,
 * every step named with an instruction, every source a seed's lines or
 * "leergang", action learning's nine steps with their seed lines), and the
 * copy into an organisation: complete, made once however often it is
 * asked for, and each organisation's own. */
#include "test.h"
#include "fixture.h"
#include "domain/builtin.h"
#include "domain/builtin_methods.h"
#include "domain/method.h"

#include <string.h>

TEST(builtin_methods_content)
{
	for (size_t i = 0; i < builtin_nmethods; i++) {
		const struct builtin_method *m = &builtin_methods[i];
		for (size_t k = 0; k < i; k++)
			CHECK(strcmp(m->key, builtin_methods[k].key) != 0);
		CHECK(m->nsteps >= 3 && *m->name && *m->description);
		CHECK(!strcmp(m->source, BUILTIN_OWN) || !strncmp(m->source, "seed ", 5));
		for (size_t k = 0; k < m->nsteps; k++) {
			const struct builtin_method_step *s = &m->steps[k];
			CHECK(*s->name && *s->who && *s->instruction && s->minutes >= 0);
			CHECK(!strcmp(s->source, BUILTIN_OWN) || !strncmp(s->source, "seed ", 5));
			/* a method of leergang's own has no step from a seed, and the other way round */
			CHECK(!strcmp(m->source, BUILTIN_OWN) == !strcmp(s->source, BUILTIN_OWN));
		}
	}
	const struct builtin_method *al = NULL;
	for (size_t i = 0; i < builtin_nmethods; i++)
		if (!strcmp(builtin_methods[i].key, "actieleren"))
			al = &builtin_methods[i];
	CHECK(al != NULL);
	if (!al)
		return;
	CHECK(al->nsteps == 9);
	CHECK_STR(al->steps[0].source, "seed 004, r. 679");
	CHECK_STR(al->steps[8].source, "seed 004, r. 695");
	CHECK_STR(al->steps[2].instruction, "De teamleden vinden antwoorden in één minuut.");
	CHECK(al->steps[2].minutes == 1);
}

TEST(methods_copied_once_per_organisation)
{
	FIXTURE(f);
	CHECK(method_install_all(&f.c) == D_OK);
	CHECK(method_install_all(&f.c) == D_OK);
	size_t steps = 0;
	for (size_t i = 0; i < builtin_nmethods; i++)
		steps += builtin_methods[i].nsteps;
	CHECK(fixture_query(&f, "SELECT count(*) FROM session_method WHERE organisation_id = %lld", f.org_a) ==
	      (long long)builtin_nmethods);
	CHECK(fixture_query(&f, "SELECT count(*) FROM session_method_step WHERE organisation_id = %lld", f.org_a) ==
	      (long long)steps);
	/* an organisation's change stays its own and is not overwritten */
	CHECK(fixture_exec(&f, "UPDATE session_method SET name = 'Eigen naam' WHERE organisation_id = %lld"
			       " AND key = 'actieleren'", f.org_a) == 0);
	CHECK(method_install_all(&f.c) == D_OK);
	struct method *m;
	size_t n;
	CHECK(method_list(&f.c, &m, &n) == D_OK && n == builtin_nmethods);
	bool renamed = false;
	for (size_t i = 0; i < n; i++)
		if (!strcmp(m[i].key, "actieleren"))
			renamed = !strcmp(m[i].name, "Eigen naam") && m[i].nsteps == 9 && m[i].steps[8].n == 9;
	CHECK(renamed);
	/* the other organisation has its own copies, untouched by A's change */
	CHECK(method_install_all(&f.cb) == D_OK);
	CHECK(method_list(&f.cb, &m, &n) == D_OK && n == builtin_nmethods);
	for (size_t i = 0; i < n; i++)
		if (!strcmp(m[i].key, "actieleren"))
			CHECK_STR(m[i].name, "Actieleren");
	fixture_close(&f);
}
