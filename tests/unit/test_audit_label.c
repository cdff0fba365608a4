/* test_audit_label.c — the audit log in words: an action's label (the
 * action itself when it has none) and the time of an entry on the clock of
 * Europe/Amsterdam, winter and summer. */
#include "test.h"
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
