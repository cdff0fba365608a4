/* design.c — a programme's design read for its pages, and the checked
 * edits of its meetings, scripts and menu card. Each change is audited;
 * removing what a group already uses is refused with a message that says
 * so; what belongs to another programme is not found. */
#include "design.h"
#include "audit.h"
#include "validate.h"
#include "core/i18n.h"
#include "store/design.h"
#include "store/framework.h"
#include "store/store.h"
#include "store_rc.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

int design_get(struct ctx *c, long long programme_id, struct programme_design *out)
{
	assert(out);
	long long org = c->who->organisation_id;
	*out = (struct programme_design){ 0 };
	int r = store_programme_get(c->st, c->a, org, programme_id, &out->p);
	if (!r)
		r = store_programme_meeting_list(c->st, c->a, org, programme_id, &out->meetings, &out->nmeetings);
	if (!r)
		r = store_script_part_list(c->st, c->a, org, programme_id, &out->parts, &out->nparts);
	if (!r)
		r = store_menu_topic_list(c->st, c->a, org, programme_id, &out->topics, &out->ntopics);
	if (!r)
		r = store_menu_option_list(c->st, c->a, org, programme_id, &out->options, &out->noptions);
	return d_from_store(r);
}

int design_meeting_open(struct ctx *c, long long programme_id, long long meeting_id, struct design_meeting *out)
{
	assert(out);
	long long org = c->who->organisation_id;
	*out = (struct design_meeting){ 0 };
	struct script_part *all;
	size_t n;
	int r = store_programme_get(c->st, c->a, org, programme_id, &out->p);
	if (!r)
		r = store_programme_meeting_get(c->st, c->a, org, meeting_id, &out->m);
	if (r)
		return d_from_store(r);
	/* a meeting is reached through its own programme only */
	if (out->m.programme_id != out->p.id)
		return D_NOTFOUND;
	if ((r = store_script_part_list(c->st, c->a, org, programme_id, &all, &n)))
		return d_from_store(r);
	out->parts = arena_alloc(c->a, (n + 1) * sizeof(*out->parts));
	for (size_t i = 0; i < n; i++)
		if (all[i].programme_meeting_id == meeting_id)
			out->parts[out->nparts++] = all[i];
	return D_OK;
}

/* The meeting programme_meeting_id and every script part of its programme. */
static int programme_parts(struct ctx *c, long long programme_meeting_id, struct programme_meeting *pm,
			   struct script_part **all, size_t *n)
{
	long long org = c->who->organisation_id;
	int r = store_programme_meeting_get(c->st, c->a, org, programme_meeting_id, pm);
	if (!r)
		r = store_script_part_list(c->st, c->a, org, pm->programme_id, all, n);
	return d_from_store(r);
}

static const struct script_part *part_in(const struct script_part *p, size_t n, long long id)
{
	for (size_t i = 0; i < n; i++)
		if (p[i].id == id)
			return &p[i];
	return NULL;
}

struct card {
	struct menu_topic *t;
	size_t nt;
	struct menu_option *o;
	size_t no;
};

/* The programme's menu card: D_NOTFOUND when the programme is not the
 * organisation's. */
static int card_of(struct ctx *c, long long programme_id, struct card *k)
{
	long long org = c->who->organisation_id;
	struct programme p;
	int r = store_programme_get(c->st, c->a, org, programme_id, &p);
	if (!r)
		r = store_menu_topic_list(c->st, c->a, org, programme_id, &k->t, &k->nt);
	if (!r)
		r = store_menu_option_list(c->st, c->a, org, programme_id, &k->o, &k->no);
	return d_from_store(r);
}

static const struct menu_topic *topic_in(const struct menu_topic *t, size_t n, long long id)
{
	for (size_t i = 0; i < n; i++)
		if (t[i].id == id)
			return &t[i];
	return NULL;
}

static const struct menu_option *option_in(const struct menu_option *o, size_t n, long long id)
{
	for (size_t i = 0; i < n; i++)
		if (o[i].id == id)
			return &o[i];
	return NULL;
}

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
			return d_from_store(r);
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
		return d_from_store(r);
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
		return d_from_store(r);
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
	if (!r)
		r = store_programme_get(c->st, c->a, org, m.programme_id, &p);
	if (!r && p.framework_id)
		r = store_element_list(c->st, c->a, org, p.framework_id, el, n);
	return d_from_store(r);
}

/* The minutes as typed ("" for none); 0 with a message when not a number
 * from 0 to 600. */
static int part_minutes(struct ctx *c, const char *minutes, struct errors *e)
{
	if (!minutes || !*minutes)
		return 0;
	char *end;
	long v = strtol(minutes, &end, 10);
	if (!*end && v >= 0 && v <= 600)
		return (int)v;
	errors_add(c, e, "minutes", "%s", _("Give the duration in minutes, from 0 to 600, or leave it empty."));
	return 0;
}

/* The element ids of tags (codes separated by commas or spaces), each a
 * code of the framework el; a message per code that is not. */
static long long *part_tags(struct ctx *c, const char *tags, const struct framework_element *el, size_t nel,
			    struct errors *e, size_t *ntags)
{
	long long *ids = arena_alloc(c->a, (nel + 1) * sizeof(*ids));
	*ntags = 0;
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
		else if (*ntags < nel)
			ids[(*ntags)++] = found;
		t += len;
	}
	return ids;
}

int design_part_save(struct ctx *c, const struct script_part *p, const char *minutes, const char *tags,
		     struct errors *e, long long *id)
{
	long long org = c->who->organisation_id;
	struct script_part q = *p;
	long long mid = q.programme_meeting_id;
	struct programme_meeting pm;
	struct script_part *all;
	size_t n;
	int r = programme_parts(c, mid, &pm, &all, &n);
	if (r)
		return r;
	if (q.id) {
		/* a part of the meeting's programme, and it keeps its place */
		const struct script_part *old = part_in(all, n, q.id);
		if (!old)
			return D_NOTFOUND;
		q.position = old->position;
	}
	struct framework_element *el;
	size_t nel;
	r = elements_of(c, mid, &el, &nel);
	if (r)
		return r;
	check_line(c, e, "title", _("Title"), q.title, 1, DESIGN_LINE_MAX);
	check_text(c, e, "learning_goal", _("Learning goal"), q.learning_goal);
	check_text(c, e, "material", _("Material"), q.material);
	check_line(c, e, "led_by", _("Led by"), q.led_by ? q.led_by : "", 0, DESIGN_LINE_MAX);
	q.minutes = part_minutes(c, minutes, e);
	size_t ntags;
	long long *tag_ids = part_tags(c, tags, el, nel, e, &ntags);
	if (e->n)
		return D_INVALID;
	if (store_begin(c->st))
		return D_ERROR;
	long long pid = q.id;
	if (q.id) {
		r = store_script_part_update(c->st, org, &q);
	} else {
		int last = 0;
		for (size_t i = 0; i < n; i++)
			if (all[i].programme_meeting_id == mid && all[i].position > last)
				last = all[i].position;
		q.position = last + 1;
		r = store_script_part_add(c->st, org, &q, &pid);
	}
	if (!r)
		r = store_script_part_untag(c->st, org, pid);
	for (size_t i = 0; i < ntags && !r; i++)
		r = store_script_part_tag(c->st, org, pid, tag_ids[i]);
	if (r) {
		store_rollback(c->st);
		return d_from_store(r);
	}
	audit(c, q.id ? "design.part" : "design.part.add", "script_part", pid, "%s", q.title);
	if (store_commit(c->st))
		return D_ERROR;
	if (id)
		*id = pid;
	return D_OK;
}

int design_part_delete(struct ctx *c, long long programme_meeting_id, long long id)
{
	struct programme_meeting pm;
	struct script_part *all;
	size_t n;
	int r = programme_parts(c, programme_meeting_id, &pm, &all, &n);
	if (r)
		return r;
	if (!part_in(all, n, id))
		return D_NOTFOUND;
	r = store_script_part_delete(c->st, c->who->organisation_id, id);
	if (r)
		return d_from_store(r);
	audit(c, "design.part.remove", "script_part", id, "%s", "");
	return D_OK;
}

int design_topic_save(struct ctx *c, long long programme_id, const struct menu_topic *t, struct errors *e,
		      long long *id)
{
	struct card k;
	int r = card_of(c, programme_id, &k);
	if (r)
		return r;
	struct menu_topic q = *t;
	if (t->id) {
		/* a topic of this card, and it keeps its place */
		const struct menu_topic *old = topic_in(k.t, k.nt, t->id);
		if (!old)
			return D_NOTFOUND;
		q.position = old->position;
	} else {
		q.position = k.nt ? k.t[k.nt - 1].position + 1 : 1;
	}
	check_line(c, e, "topic_name", _("Topic"), q.name, 1, DESIGN_LINE_MAX);
	check_text(c, e, "topic_description", _("Description"), q.description);
	if (e->n)
		return D_INVALID;
	long long org = c->who->organisation_id, tid = t->id;
	r = t->id ? store_menu_topic_update(c->st, org, &q) : store_menu_topic_add(c->st, org, programme_id, &q, &tid);
	if (r)
		return d_from_store(r);
	audit(c, t->id ? "design.topic" : "design.topic.add", "menu_topic", tid, "%s", t->name);
	if (id)
		*id = tid;
	return D_OK;
}

int design_topic_delete(struct ctx *c, long long programme_id, long long id, struct errors *e)
{
	struct card k;
	int r = card_of(c, programme_id, &k);
	if (r)
		return r;
	if (!topic_in(k.t, k.nt, id))
		return D_NOTFOUND;
	r = store_menu_topic_delete(c->st, c->who->organisation_id, id);
	if (r == ST_CONFLICT) {
		errors_add(c, e, "", "%s", _("A group has chosen this topic or one of its options, so it stays on the card."));
		return D_INVALID;
	}
	if (r)
		return d_from_store(r);
	audit(c, "design.topic.remove", "menu_topic", id, "%s", "");
	return D_OK;
}

int design_option_save(struct ctx *c, long long programme_id, const struct menu_option *o, struct errors *e,
		       long long *id)
{
	struct card k;
	int r = card_of(c, programme_id, &k);
	if (r)
		return r;
	struct menu_option q = *o;
	if (o->id) {
		/* an option of this card: it keeps its topic and place */
		const struct menu_option *old = option_in(k.o, k.no, o->id);
		if (!old)
			return D_NOTFOUND;
		q.topic_id = old->topic_id;
		q.position = old->position;
		if (!q.description)
			q.description = old->description;
	} else {
		if (!topic_in(k.t, k.nt, o->topic_id)) {
			errors_add(c, e, "topic_id", "%s", _("Add an option under one of the topics of this menu card."));
			return D_INVALID;
		}
		q.position = 1000;  /* at the end: positions only order */
	}
	check_line(c, e, "option_name", _("Option"), q.name, 1, DESIGN_LINE_MAX);
	check_text(c, e, "option_description", _("Description"), q.description);
	if (e->n)
		return D_INVALID;
	long long org = c->who->organisation_id, oid = o->id;
	r = o->id ? store_menu_option_update(c->st, org, &q) : store_menu_option_add(c->st, org, &q, &oid);
	if (r)
		return d_from_store(r);
	audit(c, o->id ? "design.option" : "design.option.add", "menu_option", oid, "%s", o->name);
	if (id)
		*id = oid;
	return D_OK;
}

int design_option_delete(struct ctx *c, long long programme_id, long long id, struct errors *e)
{
	struct card k;
	int r = card_of(c, programme_id, &k);
	if (r)
		return r;
	if (!option_in(k.o, k.no, id))
		return D_NOTFOUND;
	r = store_menu_option_delete(c->st, c->who->organisation_id, id);
	if (r == ST_CONFLICT) {
		errors_add(c, e, "", "%s", _("A group has chosen this option, so it stays on the card."));
		return D_INVALID;
	}
	if (r)
		return d_from_store(r);
	audit(c, "design.option.remove", "menu_option", id, "%s", "");
	return D_OK;
}
