/* programme.c — programmes made from templates, read alone, as a list
 * with their counts or with what their page shows, and the checks of a
 * programme's design. A template is copied whole in one transaction: a
 * half-made programme never exists. */
#include "programme.h"
#include "audit.h"
#include "builtin.h"
#include "group.h"
#include "meeting.h"
#include "validate.h"
#include "core/i18n.h"
#include "store/design.h"
#include "store/framework.h"
#include "store/group.h"
#include "store/store.h"
#include "store_rc.h"

#include <assert.h>
#include <string.h>

int programme_get(struct ctx *c, long long id, struct programme *out)
{
	assert(out);
	return d_from_store(store_programme_get(c->st, c->a, c->who->organisation_id, id, out));
}

int programme_list(struct ctx *c, struct programme_item **out, size_t *n)
{
	assert(out && n);
	long long org = c->who->organisation_id;
	struct programme *p;
	size_t np;
	int r = store_programme_list(c->st, c->a, org, &p, &np);
	if (r)
		return d_from_store(r);
	struct programme_item *it = arena_alloc(c->a, (np + 1) * sizeof(*it));
	for (size_t i = 0; i < np; i++) {
		it[i].p = p[i];
		it[i].counts = (struct enrolment_counts){ 0 };
		if ((r = store_programme_counts(c->st, org, p[i].id, &it[i].counts)))
			return d_from_store(r);
	}
	*out = it;
	*n = np;
	return D_OK;
}

int programme_overview(struct ctx *c, long long id, struct programme_overview *out)
{
	assert(out);
	long long org = c->who->organisation_id;
	*out = (struct programme_overview){ 0 };
	int r = store_programme_get(c->st, c->a, org, id, &out->p);
	if (!r)
		r = store_programme_counts(c->st, org, id, &out->counts);
	if (!r)
		r = store_batch_list(c->st, c->a, org, id, &out->batches, &out->nbatches);
	if (!r)
		r = store_group_list(c->st, c->a, org, id, 0, &out->groups, &out->ngroups);
	if (!r)
		r = store_programme_meeting_list(c->st, c->a, org, id, &out->meetings, &out->nmeetings);
	if (r)
		return d_from_store(r);
	return programme_cascade(c, id, out->cascade, PROGRAMME_CASCADE_MAX, &out->ncascade);
}

int batch_get(struct ctx *c, long long id, struct batch *out)
{
	assert(out);
	return d_from_store(store_batch_get(c->st, c->a, c->who->organisation_id, id, out));
}

int batch_group_add(struct ctx *c, long long batch_id, const char *name, long long mentor_id,
		    long long facilitator_id, struct errors *e, long long *id)
{
	assert(e && id);
	long long gid = 0;
	if (store_begin(c->st))
		return D_ERROR;
	int d = group_create(c, batch_id, name, e, &gid);
	if (!d && (mentor_id || facilitator_id))
		d = group_staff(c, gid, mentor_id, facilitator_id, "proposed", e);
	if (d) {
		store_rollback(c->st);
		return d;
	}
	if (store_commit(c->st))
		return D_ERROR;
	*id = gid;
	return D_OK;
}

struct menu_rules programme_menu_rules(const struct programme *p)
{
	return (struct menu_rules){ p->menu_min, p->menu_max_free, p->menu_preparers, p->menu_justify != 0 };
}

int programme_menu_slots(const struct programme_meeting *m, size_t n)
{
	int k = 0;
	for (size_t i = 0; i < n; i++)
		k += m[i].from_menu != 0;
	return k;
}

/* The element ids of a comma-separated list of codes. */
static int tag_part(struct ctx *c, long long part_id, long long framework_id, const char *codes,
		    const struct framework_element *el, size_t nel)
{
	while (codes && *codes) {
		size_t len = strcspn(codes, ",");
		for (size_t i = 0; i < nel; i++)
			if (el[i].framework_id == framework_id && strlen(el[i].code) == len &&
			    !strncmp(el[i].code, codes, len) &&
			    store_script_part_tag(c->st, c->who->organisation_id, part_id, el[i].id))
				return D_ERROR;
		codes += len + (codes[len] == ',');
	}
	return D_OK;
}

/* The template's meetings with their scripts, tagged with the framework's
 * elements. */
static int copy_meetings(struct ctx *c, const struct builtin_template *t, long long prog, long long framework_id,
			 const struct framework_element *el, size_t nel)
{
	long long org = c->who->organisation_id;
	for (size_t i = 0; i < t->nmeetings; i++) {
		const struct builtin_meeting *bm = &t->meetings[i];
		struct programme_meeting m = { 0 };
		m.programme_id = prog;
		m.number = bm->number;
		m.days = bm->days ? bm->days : 1;
		m.from_menu = bm->from_menu;
		m.theme = (char *)bm->theme;
		m.description = (char *)(bm->description ? bm->description : "");
		long long mid;
		if (store_programme_meeting_add(c->st, org, &m, &mid))
			return D_ERROR;
		for (size_t k = 0; k < bm->nparts; k++) {
			const struct builtin_part *bp = &bm->parts[k];
			struct script_part sp = { 0 };
			sp.programme_meeting_id = mid;
			sp.position = (int)k + 1;
			sp.minutes = bp->minutes;
			sp.title = (char *)bp->title;
			sp.learning_goal = (char *)(bp->learning_goal ? bp->learning_goal : "");
			sp.material = (char *)(bp->material ? bp->material : "");
			sp.led_by = (char *)(bp->led_by ? bp->led_by : "");
			long long pid;
			if (store_script_part_add(c->st, org, &sp, &pid) ||
			    tag_part(c, pid, framework_id, bp->elements, el, nel))
				return D_ERROR;
		}
	}
	return D_OK;
}

/* The template's menu card: topics and their options. */
static int copy_menu(struct ctx *c, const struct builtin_template *t, long long prog)
{
	long long org = c->who->organisation_id;
	for (size_t i = 0; i < t->ntopics; i++) {
		const struct builtin_topic *bt = &t->topics[i];
		struct menu_topic mt = { 0, (int)i + 1, (char *)bt->name, (char *)(bt->description ? bt->description : "") };
		long long tid;
		if (store_menu_topic_add(c->st, org, prog, &mt, &tid))
			return D_ERROR;
		for (size_t k = 0; k < bt->noptions; k++) {
			struct menu_option mo = { 0, tid, (int)k + 1, (char *)bt->options[k].name,
						  (char *)(bt->options[k].description ? bt->options[k].description : "") };
			if (store_menu_option_add(c->st, org, &mo, NULL))
				return D_ERROR;
		}
	}
	return D_OK;
}

/* Modules: every module runs the fixed steps, each a schedulable meeting
 * numbered after the template's own meetings. */
static int copy_modules(struct ctx *c, const struct builtin_template *t, long long prog)
{
	long long org = c->who->organisation_id;
	int number = (int)t->nmeetings;
	for (size_t i = 0; i < t->nmodules; i++) {
		const struct builtin_module *bm = &t->modules[i];
		struct programme_module pm = { 0, bm->number, (char *)bm->name,
					       (char *)(bm->business_task ? bm->business_task : "") };
		long long modid;
		if (store_module_add(c->st, org, prog, &pm, &modid))
			return D_ERROR;
		for (size_t k = 0; k < builtin_nmodule_steps; k++) {
			const struct builtin_step *s = &builtin_module_steps[k];
			struct programme_meeting m = { 0 };
			m.programme_id = prog;
			m.number = ++number;
			m.module_id = modid;
			m.step = (char *)s->key;
			m.days = 1;
			m.theme = arena_printf(c->a, "%s — %s", bm->name, s->name);
			m.description = (char *)(s->description ? s->description : "");
			if (store_programme_meeting_add(c->st, org, &m, NULL))
				return D_ERROR;
		}
	}
	return D_OK;
}

static int copy_template(struct ctx *c, const struct builtin_template *t, const char *name, long long *id)
{
	long long org = c->who->organisation_id;
	struct programme p = { 0 };
	p.name = (char *)name;
	p.shape = (char *)t->shape;
	p.template_key = (char *)t->key;
	p.target_group = (char *)(t->target_group ? t->target_group : "");
	p.ambition = (char *)(t->ambition ? t->ambition : "");
	p.group_min = t->group_min;
	p.group_max = t->group_max;
	p.cascade_meeting = t->cascade_meeting;
	p.menu_min = t->menu.min_menu;
	p.menu_max_free = t->menu.max_free;
	p.menu_preparers = t->menu.preparers;
	p.menu_justify = t->menu.justification_required;
	p.followup_meetings = t->followup_meetings;
	p.followup = (char *)(t->followup ? t->followup : "");
	p.mentor_profile = "";
	for (int k = 0; k < DESIGN_KINDS; k++) {
		p.rationale[k] = (char *)(t->rationale[k] ? t->rationale[k] : "");
		p.goal[k] = (char *)(t->goal[k] ? t->goal[k] : "");
	}
	struct framework_element *el = NULL;
	size_t nel = 0;
	if (t->framework) {
		if (framework_install(c, t->framework, &p.framework_id) ||
		    store_element_list(c->st, c->a, org, p.framework_id, &el, &nel))
			return D_ERROR;
	}
	int r = d_from_store(store_programme_add(c->st, org, &p, id));
	if (!r)
		r = copy_meetings(c, t, *id, p.framework_id, el, nel);
	if (!r)
		r = copy_menu(c, t, *id);
	if (!r)
		r = copy_modules(c, t, *id);
	return r;
}

int programme_from_template(struct ctx *c, const char *key, const char *name, struct errors *e, long long *id)
{
	const struct builtin_template *t = key ? builtin_template(key) : NULL;
	if (!t)
		errors_add(c, e, "template", "%s", _("Choose one of the templates."));
	if (!check_line(c, e, "name", _("Name"), name, 1, PROGRAMME_NAME_MAX) || !t)
		return D_INVALID;
	if (store_begin(c->st))
		return D_ERROR;
	long long pid = 0;
	int r = copy_template(c, t, name, &pid);
	if (r) {
		store_rollback(c->st);
		if (r == D_CONFLICT) {
			errors_add(c, e, "name", _("There is already a programme called \"%s\"; choose another name."), name);
			return D_INVALID;
		}
		return r;
	}
	audit(c, "programme.create", "programme", pid, "%s from template %s", name, key);
	if (store_commit(c->st))
		return D_ERROR;
	if (id)
		*id = pid;
	return D_OK;
}

static bool check_text(struct ctx *c, struct errors *e, const char *field, const char *label, const char *v)
{
	if (!v || strlen(v) <= PROGRAMME_TEXT_MAX)
		return true;
	errors_add(c, e, field, _("%s: use at most %d characters."), label, PROGRAMME_TEXT_MAX);
	return false;
}

static bool check_int(struct ctx *c, struct errors *e, const char *field, const char *label, int v, int lo, int hi)
{
	if (v >= lo && v <= hi)
		return true;
	errors_add(c, e, field, _("%s: use a whole number from %d to %d."), label, lo, hi);
	return false;
}

static int update_in_txn(struct ctx *c, struct programme *p, struct errors *e)
{
	long long org = c->who->organisation_id;
	struct programme old;
	int r = store_programme_get(c->st, c->a, org, p->id, &old);
	if (r)
		return d_from_store(r);
	/* the editor's version first: a change made on an old one is not
	 * checked, it is made again on what is stored now */
	if (p->version && p->version != old.version)
		return D_CONFLICT;
	struct programme_meeting *m;
	size_t nm;
	if (store_programme_meeting_list(c->st, c->a, org, p->id, &m, &nm))
		return D_ERROR;
	check_line(c, e, "name", _("Name"), p->name, 1, PROGRAMME_NAME_MAX);
	check_text(c, e, "target_group", _("Target group"), p->target_group);
	check_text(c, e, "ambition", _("Ambition"), p->ambition);
	check_text(c, e, "followup", _("Follow-up offer"), p->followup);
	check_text(c, e, "mentor_profile", _("Mentor search profile"), p->mentor_profile);
	static const char *const rf[DESIGN_KINDS] = { "rationale_programme", "rationale_guidance", "rationale_reporting" };
	static const char *const gf[DESIGN_KINDS] = { "goal_programme", "goal_guidance", "goal_reporting" };
	for (int k = 0; k < DESIGN_KINDS; k++) {
		check_text(c, e, rf[k], _("Change rationale"), p->rationale[k]);
		check_text(c, e, gf[k], _("Learning goal"), p->goal[k]);
	}
	if (check_int(c, e, "group_min", _("Smallest group"), p->group_min, 1, 50) &&
	    check_int(c, e, "group_max", _("Largest group"), p->group_max, 1, 50) && p->group_min > p->group_max)
		errors_add(c, e, "group_max", "%s", _("The largest group cannot be smaller than the smallest."));
	check_int(c, e, "cascade_meeting", _("Next batch starts at meeting"), p->cascade_meeting, 0, (int)nm);
	check_int(c, e, "followup_meetings", _("Follow-up meetings a year"), p->followup_meetings, 0, 52);
	struct menu_rules rules = programme_menu_rules(p);
	menu_rules_check(c, &rules, programme_menu_slots(m, nm), e);
	if (e->n)
		return D_INVALID;
	struct programme q = *p;
	q.shape = old.shape;
	q.template_key = old.template_key;
	q.framework_id = p->framework_id ? p->framework_id : old.framework_id;
	q.version = old.version;
	/* the version in the statement too: the check and the write are one */
	r = store_programme_update(c->st, org, &q);
	if (r == ST_CONFLICT) {
		errors_add(c, e, "name", _("There is already a programme called \"%s\"; choose another name."), p->name);
		return D_INVALID;
	}
	if (r == ST_INVALID) {
		errors_add(c, e, "framework_id", "%s", _("Choose a framework of your organisation."));
		return D_INVALID;
	}
	if (r == ST_NOTFOUND)   /* it was there a moment ago: changed since */
		return D_CONFLICT;
	if (r)
		return d_from_store(r);
	if (audit(c, "programme.update", "programme", p->id, "%s", p->name))
		return D_ERROR;
	p->version = old.version + 1;
	return D_OK;
}

int programme_update(struct ctx *c, struct programme *p, struct errors *e)
{
	if (store_begin(c->st))
		return D_ERROR;
	long long asked = p->version;
	int d = update_in_txn(c, p, e);
	if (d || store_commit(c->st)) {
		store_rollback(c->st);
		p->version = asked;
		return d ? d : D_ERROR;
	}
	return D_OK;
}
