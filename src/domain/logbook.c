/* logbook.c — the logbook's rules: only the writer writes, shares and
 * unshares; only what privacy.c allows is read. */
#include "logbook.h"
#include "audit.h"
#include "privacy.h"
#include "schedule.h"
#include "store_rc.h"
#include "validate.h"
#include "core/i18n.h"
#include "core/utf8.h"
#include "store/logbook.h"
#include "store/store.h"
#include "store/group.h"

#include <assert.h>
#include <string.h>

static bool check_text(struct ctx *c, struct errors *e, const char *field, const char *label, const char *v)
{
	if (!v)
		return true;
	size_t n = strlen(v);
	if (!utf8_valid(v, n)) {
		errors_add(c, e, field, _("%s: the text is not valid UTF-8."), label);
		return false;
	}
	if (n > LOGBOOK_TEXT_MAX) {
		errors_add(c, e, field, _("%s: use at most %d characters."), label, LOGBOOK_TEXT_MAX);
		return false;
	}
	return true;
}

static bool blank(const char *s)
{
	for (; s && *s; s++)
		if (!strchr(" \t\r\n", *s))
			return false;
	return true;
}

bool logbook_date_ahead(const char *entry_date, long long now)
{
	char today[11];
	date_today(now, today);
	return date_valid(entry_date) && strcmp(entry_date, today) > 0;
}

int logbook_save(struct ctx *c, const struct logbook_entry *e, long long now, struct errors *errs, long long *id)
{
	long long org = c->who->organisation_id, me = c->who->person_id;
	if (!logbook_kept(c)) {
		errors_add(c, errs, "", "%s", _("Your account is not linked to a person, so it has no logbook. Ask the administrator."));
		return D_INVALID;
	}
	if (!date_valid(e->entry_date))
		errors_add(c, errs, "entry_date", "%s", _("Give the date as YYYY-MM-DD, such as 2026-09-01."));
	check_text(c, errs, "energy_gave", _("What gave you energy"), e->energy_gave);
	check_text(c, errs, "energy_cost", _("What cost you energy"), e->energy_cost);
	check_text(c, errs, "body", _("Notes"), e->body);
	check_line(c, errs, "tags", _("Tags"), e->tags ? e->tags : "", 0, 200);
	if (!errs->n && blank(e->energy_gave) && blank(e->energy_cost) && blank(e->body))
		errors_add(c, errs, "energy_gave", "%s", _("Write something in at least one of the fields; a day without anything to note needs no entry."));
	if (errs->n)
		return D_INVALID;
	struct logbook_entry x = *e;
	x.person_id = me;
	x.updated_at = now;
	if (e->id) {
		struct logbook_entry old;
		if (store_logbook_get(c->st, c->a, org, e->id, &old) || old.person_id != me)
			return D_NOTFOUND;
		x.shared_with = old.shared_with;
		x.group_id = old.group_id;
		if (store_logbook_update(c->st, org, &x))
			return D_ERROR;
		if (id)
			*id = e->id;
		return D_OK;
	}
	x.shared_with = "private";
	x.group_id = 0;
	return store_logbook_add(c->st, org, &x, id) ? D_ERROR : D_OK;
}

int logbook_delete(struct ctx *c, long long id)
{
	return d_from_store(store_logbook_delete(c->st, c->who->organisation_id, c->who->person_id, id));
}

int logbook_share(struct ctx *c, long long id, const char *shared_with, long long group_id, long long now,
		  struct errors *errs)
{
	long long org = c->who->organisation_id, me = c->who->person_id;
	struct logbook_entry e;
	if (!me || store_logbook_get(c->st, c->a, org, id, &e) || e.person_id != me)
		return D_NOTFOUND;
	bool priv = shared_with && !strcmp(shared_with, "private");
	if (!priv && !(shared_with && (!strcmp(shared_with, "facilitator") || !strcmp(shared_with, "group")))) {
		errors_add(c, errs, "shared_with", "%s", _("Choose with whom to share the entry from the list."));
		return D_INVALID;
	}
	if (!priv && group_id <= 0) {
		errors_add(c, errs, "group_id", "%s", _("Share the entry in one of your own groups."));
		return D_INVALID;
	}
	e.shared_with = (char *)shared_with;
	e.group_id = priv ? 0 : group_id;
	e.updated_at = now;
	int r = store_logbook_update(c->st, org, &e);
	if (r == ST_NOTFOUND) {
		/* the row is the writer's: what failed is the group */
		errors_add(c, errs, "group_id", "%s", _("Share the entry in one of your own groups."));
		return D_INVALID;
	}
	if (r)
		return D_ERROR;
	audit(c, "logbook.share", "logbook", id, "%s", shared_with);
	return D_OK;
}

int logbook_read(struct ctx *c, long long id, struct logbook_entry *out)
{
	int r = store_logbook_get(c->st, c->a, c->who->organisation_id, id, out);
	if (r)
		return d_from_store(r);
	if (!privacy_may_read_logbook(c, out))
		return D_NOTFOUND;
	privacy_log_read(c, "logbook", out->id, out->person_id);
	return D_OK;
}

bool logbook_kept(const struct ctx *c)
{
	return c->who->person_id != 0;
}

int logbook_open(struct ctx *c, long long id, struct logbook_view *v)
{
	assert(v);
	memset(v, 0, sizeof(*v));
	int d = logbook_read(c, id, &v->e);
	if (d)
		return d;
	long long me = c->who->person_id;
	v->mine = me && v->e.person_id == me;
	if (v->mine &&
	    store_group_list_for_person(c->st, c->a, c->who->organisation_id, me, &v->groups, &v->ngroups))
		return D_ERROR;
	return D_OK;
}

int logbook_own(struct ctx *c, struct logbook_entry **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if (!logbook_kept(c))
		return D_OK;
	return store_logbook_list_person(c->st, c->a, c->who->organisation_id, c->who->person_id, out, n) ? D_ERROR : D_OK;
}

int logbook_shared(struct ctx *c, long long group_id, struct logbook_entry **out, size_t *n)
{
	struct logbook_entry *all;
	size_t k;
	*out = NULL;
	*n = 0;
	if (store_logbook_list_group(c->st, c->a, c->who->organisation_id, group_id, &all, &k))
		return D_ERROR;
	struct logbook_entry *keep = arena_alloc(c->a, (k + 1) * sizeof(*keep));
	for (size_t i = 0; i < k; i++)
		/* one's own entries are in one's own logbook, not "shared with you" */
		if (all[i].person_id != c->who->person_id && privacy_may_read_logbook(c, &all[i])) {
			privacy_log_read(c, "logbook", all[i].id, all[i].person_id);
			keep[(*n)++] = all[i];
		}
	*out = keep;
	return D_OK;
}

const char *logbook_sharing_label(const char *shared_with)
{
	if (!strcmp(shared_with, "facilitator"))
		return _("shared with the facilitator");
	if (!strcmp(shared_with, "group"))
		return _("shared with the group");
	return _("private");
}
