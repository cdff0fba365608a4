/* design.c — the checked edits of a programme's meetings, scripts and menu
 * card. Each change is audited; removing what a group already uses is
 * refused with a message that says so. */
#include "design.h"
#include "audit.h"
#include "validate.h"
#include "core/i18n.h"
#include "store/design.h"
#include "store/framework.h"
#include "store/store.h"

#include <stdlib.h>
#include <string.h>

static bool check_text(struct ctx *c, struct errors *e, const char *field, const char *label, const char *v)
{
	if (!v || strlen(v) <= DESIGN_TEXT_MAX)
		return true;
	errors_add(c, e, field, _("%s: use at most %d characters."), label, DESIGN_TEXT_MAX);
	return false;
}

int design_meeting_save(struct ctx *c, const struct programme_meeting *m, struct errors *e, long long *id)
{
	long long org = c->who->organisation_id;
	check_line(c, e, "theme", _("Theme"), m->theme, 1, DESIGN_LINE_MAX);
	check_text(c, e, "description", _("Description"), m->description);
	if (m->days != 1 && m->days != 2)
		errors_add(c, e, "days", "%s", _("A meeting lasts one or two days."));
	if (e->n)
		return D_INVALID;
	if (m->id) {
		int r = store_programme_meeting_update(c->st, org, m);
		if (r)
			return r == ST_NOTFOUND ? D_NOTFOUND : D_ERROR;
		audit(c, "design.meeting", "programme_meeting", m->id, "%s", m->theme);
		if (id)
			*id = m->id;
		return D_OK;
	}
	struct programme_meeting *all;
	size_t n;
	if (store_programme_meeting_list(c->st, c->a, org, m->programme_id, &all, &n))
		return D_ERROR;
	struct programme_meeting nm = *m;
	nm.number = n ? all[n - 1].number + 1 : 1;
	nm.module_id = 0;
	nm.step = "";
	long long nid;
	int r = store_programme_meeting_add(c->st, org, &nm, &nid);
	if (r)
		return r == ST_INVALID ? D_NOTFOUND : D_ERROR;
	audit(c, "design.meeting.add", "programme_meeting", nid, "%d: %s", nm.number, nm.theme);
	if (id)
		*id = nid;
	return D_OK;
}

int design_meeting_delete(struct ctx *c, long long id, struct errors *e)
{
	int r = store_programme_meeting_delete(c->st, c->who->organisation_id, id);
	if (r == ST_CONFLICT) {
		errors_add(c, e, "", "%s", _("Groups have planned this meeting already, so it stays in the programme. You can change its theme and script."));
		return D_INVALID;
	}
	if (r)
		return r == ST_NOTFOUND ? D_NOTFOUND : D_ERROR;
	audit(c, "design.meeting.remove", "programme_meeting", id, "%s", "");
	return D_OK;
}

/* The framework elements of the programme a meeting belongs to. */
static int elements_of(struct ctx *c, long long programme_meeting_id, struct framework_element **el, size_t *n)
{
	long long org = c->who->organisation_id;
	struct programme_meeting m;
	struct programme p;
	*el = NULL;
	*n = 0;
	int r = store_programme_meeting_get(c->st, c->a, org, programme_meeting_id, &m);
	if (r)
		return r == ST_NOTFOUND ? D_NOTFOUND : D_ERROR;
	if (store_programme_get(c->st, c->a, org, m.programme_id, &p))
		return D_ERROR;
	if (p.framework_id && store_element_list(c->st, c->a, org, p.framework_id, el, n))
		return D_ERROR;
	return D_OK;
}

int design_part_save(struct ctx *c, const struct script_part *p, const char *minutes, const char *tags,
		     struct errors *e, long long *id)
{
	long long org = c->who->organisation_id;
	struct script_part q = *p;
	long long mid = q.programme_meeting_id;
	if (q.id) {
		/* the part's own meeting, whatever the form says */
		struct script_part *all;
		size_t n;
		struct programme_meeting pm;
		if (store_programme_meeting_get(c->st, c->a, org, mid, &pm) ||
		    store_script_part_list(c->st, c->a, org, pm.programme_id, &all, &n))
			return D_NOTFOUND;
		bool found = false;
		for (size_t i = 0; i < n; i++)
			found |= all[i].id == q.id;
		if (!found)
			return D_NOTFOUND;
	}
	struct framework_element *el;
	size_t nel;
	int r = elements_of(c, mid, &el, &nel);
	if (r)
		return r;
	check_line(c, e, "title", _("Title"), q.title, 1, DESIGN_LINE_MAX);
	check_text(c, e, "learning_goal", _("Learning goal"), q.learning_goal);
	check_text(c, e, "material", _("Material"), q.material);
	check_line(c, e, "led_by", _("Led by"), q.led_by ? q.led_by : "", 0, DESIGN_LINE_MAX);
	q.minutes = 0;
	if (minutes && *minutes) {
		char *end;
		long v = strtol(minutes, &end, 10);
		if (*end || v < 0 || v > 600)
			errors_add(c, e, "minutes", "%s", _("Give the duration in minutes, from 0 to 600, or leave it empty."));
		else
			q.minutes = (int)v;
	}
	/* tags: each a code of the framework */
	long long *tag_ids = arena_alloc(c->a, (nel + 1) * sizeof(*tag_ids));
	size_t ntags = 0;
	const char *t = tags ? tags : "";
	while (*t) {
		t += strspn(t, ", \t");
		size_t len = strcspn(t, ", \t");
		if (!len)
			break;
		long long found = 0;
		for (size_t i = 0; i < nel; i++)
			if (strlen(el[i].code) == len && !strncmp(el[i].code, t, len))
				found = el[i].id;
		if (!found)
			errors_add(c, e, "tags", _("\"%s\" is not an element of the programme's framework; use its codes, such as %s."),
				   arena_strndup(c->a, t, len), nel ? el[0].code : "C1");
		else if (ntags < nel)
			tag_ids[ntags++] = found;
		t += len;
	}
	if (e->n)
		return D_INVALID;
	if (store_begin(c->st))
		return D_ERROR;
	long long pid = q.id;
	if (q.id) {
		r = store_script_part_update(c->st, org, &q);
	} else {
		struct script_part *all;
		size_t n;
		struct programme_meeting pm;
		r = store_programme_meeting_get(c->st, c->a, org, mid, &pm) ||
		    store_script_part_list(c->st, c->a, org, pm.programme_id, &all, &n);
		if (!r) {
			int last = 0;
			for (size_t i = 0; i < n; i++)
				if (all[i].programme_meeting_id == mid && all[i].position > last)
					last = all[i].position;
			q.position = last + 1;
			r = store_script_part_add(c->st, org, &q, &pid);
		}
	}
	if (!r)
		r = store_script_part_untag(c->st, org, pid);
	for (size_t i = 0; i < ntags && !r; i++)
		r = store_script_part_tag(c->st, org, pid, tag_ids[i]);
	if (r) {
		store_rollback(c->st);
		return r == ST_NOTFOUND || r == ST_INVALID ? D_NOTFOUND : D_ERROR;
	}
	audit(c, q.id ? "design.part" : "design.part.add", "script_part", pid, "%s", q.title);
	if (store_commit(c->st))
		return D_ERROR;
	if (id)
		*id = pid;
	return D_OK;
}

int design_part_delete(struct ctx *c, long long id)
{
	int r = store_script_part_delete(c->st, c->who->organisation_id, id);
	if (r)
		return r == ST_NOTFOUND ? D_NOTFOUND : D_ERROR;
	audit(c, "design.part.remove", "script_part", id, "%s", "");
	return D_OK;
}

int design_topic_save(struct ctx *c, long long programme_id, const struct menu_topic *t, struct errors *e,
		      long long *id)
{
	check_line(c, e, "topic_name", _("Topic"), t->name, 1, DESIGN_LINE_MAX);
	check_text(c, e, "topic_description", _("Description"), t->description);
	if (e->n)
		return D_INVALID;
	long long org = c->who->organisation_id, tid = t->id;
	int r;
	if (t->id) {
		r = store_menu_topic_update(c->st, org, t);
	} else {
		struct menu_topic *all;
		size_t n;
		r = store_menu_topic_list(c->st, c->a, org, programme_id, &all, &n);
		struct menu_topic nt = *t;
		nt.position = n ? all[n - 1].position + 1 : 1;
		if (!r)
			r = store_menu_topic_add(c->st, org, programme_id, &nt, &tid);
	}
	if (r)
		return r == ST_NOTFOUND || r == ST_INVALID ? D_NOTFOUND : D_ERROR;
	audit(c, t->id ? "design.topic" : "design.topic.add", "menu_topic", tid, "%s", t->name);
	if (id)
		*id = tid;
	return D_OK;
}

int design_topic_delete(struct ctx *c, long long id, struct errors *e)
{
	int r = store_menu_topic_delete(c->st, c->who->organisation_id, id);
	if (r == ST_CONFLICT) {
		errors_add(c, e, "", "%s", _("A group has chosen this topic or one of its options, so it stays on the card."));
		return D_INVALID;
	}
	if (r)
		return r == ST_NOTFOUND ? D_NOTFOUND : D_ERROR;
	audit(c, "design.topic.remove", "menu_topic", id, "%s", "");
	return D_OK;
}

int design_option_save(struct ctx *c, const struct menu_option *o, struct errors *e, long long *id)
{
	check_line(c, e, "option_name", _("Option"), o->name, 1, DESIGN_LINE_MAX);
	check_text(c, e, "option_description", _("Description"), o->description);
	if (e->n)
		return D_INVALID;
	long long org = c->who->organisation_id, oid = o->id;
	int r;
	if (o->id) {
		r = store_menu_option_update(c->st, org, o);
	} else {
		struct menu_option no = *o;
		no.position = 1000;  /* at the end: positions only order */
		r = store_menu_option_add(c->st, org, &no, &oid);
	}
	if (r)
		return r == ST_NOTFOUND || r == ST_INVALID ? D_NOTFOUND : D_ERROR;
	audit(c, o->id ? "design.option" : "design.option.add", "menu_option", oid, "%s", o->name);
	if (id)
		*id = oid;
	return D_OK;
}

int design_option_delete(struct ctx *c, long long id, struct errors *e)
{
	int r = store_menu_option_delete(c->st, c->who->organisation_id, id);
	if (r == ST_CONFLICT) {
		errors_add(c, e, "", "%s", _("A group has chosen this option, so it stays on the card."));
		return D_INVALID;
	}
	if (r)
		return r == ST_NOTFOUND ? D_NOTFOUND : D_ERROR;
	audit(c, "design.option.remove", "menu_option", id, "%s", "");
	return D_OK;
}
