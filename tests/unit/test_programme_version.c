/* test_programme_version.c — a programme's design is saved only on the
 * version it was made from: every save adds one, a change made on an older
 * version is refused (D_CONFLICT) with nothing saved, and a refused change
 * (invalid input) leaves the version as it was. */
#include "test.h"
#include "fixture.h"
#include "core/i18n.h"
#include "domain/programme.h"

TEST(programme_update_saves_only_on_the_version_it_was_made_from)
{
	FIXTURE(f);
	i18n_use(LANG_EN);
	struct errors e = { 0 };
	long long id;
	CHECK_INT(programme_from_template(&f.c, "live", "Versies", &e, &id), D_OK);
	struct programme a, b;
	CHECK_INT(programme_get(&f.c, id, &a), D_OK);
	CHECK_INT(programme_get(&f.c, id, &b), D_OK);
	long long v = a.version;
	CHECK(v >= 1);
	CHECK_INT(b.version, v);

	/* the first editor saves: one more */
	a.ambition = "Van A";
	CHECK_INT(programme_update(&f.c, &a, &e), D_OK);
	CHECK_INT(a.version, v + 1);
	CHECK_INT(fixture_query(&f, "SELECT version FROM programme WHERE id = %lld", id), v + 1);

	/* the second, on the version both read: refused, nothing saved, its
	 * version left as it asked */
	b.ambition = "Van B";
	b.group_max = 13;
	CHECK_INT(programme_update(&f.c, &b, &e), D_CONFLICT);
	CHECK_INT(e.n, 0);
	CHECK_INT(b.version, v);
	struct programme now;
	CHECK_INT(programme_get(&f.c, id, &now), D_OK);
	CHECK_STR(now.ambition, "Van A");
	CHECK_INT(now.group_max, a.group_max);
	CHECK_INT(now.version, v + 1);

	/* invalid input on the current version: refused, the version stays */
	now.group_min = 0;
	CHECK_INT(programme_update(&f.c, &now, &e), D_INVALID);
	CHECK(errors_get(&e, "group_min") != NULL);
	CHECK_INT(fixture_query(&f, "SELECT version FROM programme WHERE id = %lld", id), v + 1);

	/* version 0 (the command line, the demo): saved on whatever is stored */
	e = (struct errors){ 0 };
	b.version = 0;
	CHECK_INT(programme_update(&f.c, &b, &e), D_OK);
	CHECK_INT(b.version, v + 2);
	CHECK_INT(programme_get(&f.c, id, &now), D_OK);
	CHECK_STR(now.ambition, "Van B");

	/* another organisation's programme is not found, whatever the version */
	struct programme other = now;
	CHECK_INT(programme_update(&f.cb, &other, &e), D_NOTFOUND);
	fixture_close(&f);
}
