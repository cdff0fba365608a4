/* audit.c — writing and reading the audit log. */
#include "audit.h"
#include "core/die.h"
#include "core/i18n.h"
#include "core/utf8.h"
#include "schedule.h"
#include "store/store.h"

#include <stdarg.h>
#include <string.h>
#include <time.h>

int audit(struct ctx *c, const char *action, const char *object_kind, long long object_id,
	  const char *detail_fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;
	va_start(ap, detail_fmt);
	buf_vaddf(&b, detail_fmt, ap);
	va_end(ap);
	int r = store_audit_add(c->st, c->who->organisation_id, c->who->account_id,
				c->who->email ? c->who->email : "cli", action, object_kind, object_id, b.ptr);
	if (r)
		warn("audit: %s of %s %lld was not recorded", action, object_kind, object_id);
	buf_release(&b);
	return r;
}

int audit_page(struct ctx *c, long long offset, long long limit, struct audit_entry **out, size_t *n,
	       long long *total)
{
	return store_audit_list(c->st, c->a, c->who->organisation_id, offset, limit, out, n, total);
}

/* The stored time (UTC) at which the day d starts on the server's clock,
 * or of the day after (next): "" when d is not a date. */
static const char *day_start(struct arena *a, const char *d, bool next)
{
	if (!date_valid(d))
		return "";
	struct tm tm = { 0 };
	if (!strptime(d, "%Y-%m-%d", &tm))
		return "";
	tm.tm_mday += next;
	tm.tm_isdst = -1;   /* whatever the zone says for that day */
	time_t t = mktime(&tm);
	struct tm utc;
	if (t == (time_t)-1 || !gmtime_r(&t, &utc))
		return "";
	char s[21];
	strftime(s, sizeof(s), "%Y-%m-%dT%H:%M:%SZ", &utc);
	return arena_strdup(a, s);
}

static bool action_known(const char *action)
{
	for (size_t i = 0; i < audit_action_count(); i++)
		if (!strcmp(audit_action_code(i), action))
			return true;
	return false;
}

int audit_search(struct ctx *c, const struct audit_query *q, struct errors *e, long long offset, long long limit,
		 struct audit_entry **out, size_t *n, long long *total)
{
	struct audit_filter f = { 0 };
	const char *who = q->who ? q->who : "", *action = q->action ? q->action : "";
	const char *from = q->from ? q->from : "", *to = q->to ? q->to : "";
	if (utf8_length(who) > AUDIT_WHO_MAX)
		errors_add(c, e, "who", _("Search for at most %d characters of a name or e-mail address."), AUDIT_WHO_MAX);
	else
		f.who = who;
	if (*action && !action_known(action))
		errors_add(c, e, "action", "%s", _("Choose a kind of action from the list."));
	else
		f.action = action;
	if (*from && !*(f.from_at = day_start(c->a, from, false)))
		errors_add(c, e, "from", "%s", _("The date from which is not a date: write it as 2026-03-31 (year, month, day)."));
	if (*to && !*(f.to_at = day_start(c->a, to, true)))
		errors_add(c, e, "to", "%s", _("The date up to which is not a date: write it as 2026-03-31 (year, month, day)."));
	else if (*to && f.from_at && *f.from_at && strcmp(f.to_at, f.from_at) <= 0) {
		errors_add(c, e, "to", "%s", _("The date up to which lies before the date from which; it has been left out."));
		f.to_at = "";
	}
	return store_audit_find(c->st, c->a, c->who->organisation_id, &f, offset, limit, out, n, total);
}
