/* test_audit_label.c — the audit log in words: an action's label (the
 * action itself when it has none) and the time of an entry on the clock of
 * Europe/Amsterdam, winter and summer; the filters of the log (audit_search):
 * whole days on that clock, and a filter that cannot be used left out. */
#include "test.h"
#include "fixture.h"
#include "core/arena.h"
#include "core/i18n.h"
#include "domain/audit.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

TEST(audit_action_labels_and_local_time)
{
	struct arena a = ARENA_INIT;
	i18n_use(LANG_EN);
	CHECK_STR(audit_action_label("login"), "Signed in");
	CHECK_STR(audit_action_label("report.read"), "Report read by someone else");
	CHECK_STR(audit_action_label("iets.nieuws"), "iets.nieuws");
	const char *tz = getenv("TZ");
	char *saved = tz ? strdup(tz) : NULL;
	setenv("TZ", "Europe/Amsterdam", 1);
	tzset();
	const char *winter = audit_when(&a, "2026-12-06T20:18:05Z");
	const char *summer = audit_when(&a, "2026-07-01T23:30:00Z");
	CHECK(strstr(winter, "6 ") == winter && strstr(winter, "2026, 21:18:05") != NULL);   /* UTC+1 */
	CHECK(strstr(summer, "2 ") == summer && strstr(summer, "2026, 01:30:00") != NULL);   /* UTC+2, the next day */
	CHECK_STR(audit_when(&a, "geen tijd"), "geen tijd");
	if (saved)
		setenv("TZ", saved, 1);
	else
		unsetenv("TZ");
	tzset();
	free(saved);
	arena_free(&a);
}

/* The details of the lines audit_search finds, joined by spaces. */
static const char *found(struct fixture *f, const char *who, const char *action, const char *from, const char *to,
			 struct errors *e)
{
	struct audit_query q = { who, action, from, to };
	struct audit_entry *x;
	size_t n;
	long long total;
	if (audit_search(&f->c, &q, e, 0, 50, &x, &n, &total) || (long long)n != total)
		return "(failed)";
	const char *s = "";
	for (size_t i = 0; i < n; i++)
		if (!strncmp(x[i].detail, "t-", 2))
			s = arena_printf(f->c.a, "%s%s%s", s, *s ? " " : "", x[i].detail);
	return s;
}

TEST(audit_search_filters_by_local_days_and_leaves_out_bad_filters)
{
	FIXTURE(f);
	i18n_use(LANG_EN);
	const char *tz = getenv("TZ");
	char *saved = tz ? strdup(tz) : NULL;
	setenv("TZ", "Europe/Amsterdam", 1);
	tzset();
	/* 30 June 23:30 and 1 July 00:30 in Amsterdam (UTC+2); and one of B */
	CHECK_INT(fixture_exec(&f, "INSERT INTO audit_log(organisation_id, at, actor, action, detail) VALUES"
			       " (%lld, '2026-06-30T21:30:00Z', 'Anna@X.example', 'unit.rename', 't-june'),"
			       " (%lld, '2026-06-30T22:30:00Z', 'bob@x.example', 'login', 't-july'),"
			       " (%lld, '2026-06-30T22:30:00Z', 'anna@x.example', 'login', 't-other-org')",
			       f.org_a, f.org_a, f.org_b), 0);
	struct errors e = { 0 };
	CHECK_STR(found(&f, "", "", "2026-07-01", "", &e), "t-july");
	CHECK_STR(found(&f, "", "", "", "2026-06-30", &e), "t-june");
	CHECK_STR(found(&f, "", "", "2026-06-30", "2026-07-01", &e), "t-july t-june");
	CHECK_STR(found(&f, "aNNa", "", "", "", &e), "t-june");
	CHECK_STR(found(&f, "", "login", "", "", &e), "t-july");
	CHECK_INT(e.n, 0);
	/* left out, each with its message; the others apply */
	CHECK_STR(found(&f, "anna", "", "2026-02-30", "", &e), "t-june");
	CHECK(errors_get(&e, "from") != NULL);
	e.n = 0;
	CHECK_STR(found(&f, "", "login'--", "", "2026-06-30", &e), "t-june");
	CHECK(errors_get(&e, "action") != NULL);
	e.n = 0;
	CHECK_STR(found(&f, "", "", "2026-07-01", "2026-06-01", &e), "t-july");
	CHECK(errors_get(&e, "to") != NULL);
	e.n = 0;
	char longer[AUDIT_WHO_MAX + 2];
	memset(longer, 'a', sizeof(longer) - 1);
	longer[sizeof(longer) - 1] = '\0';
	CHECK_STR(found(&f, longer, "unit.rename", "", "", &e), "t-june");
	CHECK(errors_get(&e, "who") != NULL);
	/* every action in the list has words of its own */
	for (size_t i = 0; i < audit_action_count(); i++)
		CHECK(strcmp(audit_action_label(audit_action_code(i)), audit_action_code(i)) != 0);
	CHECK(audit_action_code(audit_action_count()) == NULL);
	if (saved)
		setenv("TZ", saved, 1);
	else
		unsetenv("TZ");
	tzset();
	free(saved);
	fixture_close(&f);
}
