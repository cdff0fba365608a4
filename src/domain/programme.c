/* programme.c — frameworks copied from the built-in ones, programmes made
 * from templates, and the checks of a programme's design. A template is
 * copied whole in one transaction: a half-made programme never exists. */
#include "programme.h"
#include "audit.h"
#include "builtin.h"
#include "validate.h"
#include "core/i18n.h"
#include "store/design.h"
#include "store/framework.h"
#include "store/store.h"

#include <string.h>

int framework_install(struct ctx *c, const char *key, long long *id)
{
	long long org = c->who->organisation_id;
	struct framework f;
	int r = store_framework_by_key(c->st, c->a, org, key, &f);
	if (r == ST_OK) {
		*id = f.id;
		return D_OK;
	}
	if (r != ST_NOTFOUND)
		return D_ERROR;
	const struct builtin_framework *b = builtin_framework(key);
	if (!b)
		return D_NOTFOUND;
	struct framework nf = { 0, org, (char *)b->key, (char *)b->name, (char *)b->description, (char *)b->source, 0 };
	if (store_framework_add(c->st, org, &nf, id))
		return D_ERROR;
	/* parents come before their children in the built-in list */
	long long *ids = arena_alloc(c->a, (b->nelements + 1) * sizeof(*ids));
	for (size_t i = 0; i < b->nelements; i++) {
		const struct builtin_element *be = &b->elements[i];
		struct framework_element e = { 0 };
		e.framework_id = *id;
		for (size_t k = 0; be->parent && k < i; k++)
			if (!strcmp(b->elements[k].code, be->parent))
				e.parent_id = ids[k];
		e.position = (int)i + 1;
		e.code = (char *)be->code;
		e.kind = (char *)be->kind;
		e.name = (char *)be->name;
		e.description = (char *)(be->description ? be->description : "");
		e.source = (char *)be->source;
		if (store_element_add(c->st, org, &e, &ids[i]))
			return D_ERROR;
	}
	audit(c, "framework.install", "framework", *id, "%s", key);
	return D_OK;
}

int framework_install_all(struct ctx *c)
{
	for (size_t i = 0; i < builtin_nframeworks; i++) {
		long long id;
		int r = framework_install(c, builtin_frameworks[i].key, &id);
		if (r)
			return r;
	}
	return D_OK;
}

int framework_element_save(struct ctx *c, const struct framework_element *e, struct errors *errs, long long *id)
{
	long long org = c->who->organisation_id;
	struct framework f;
	int r = store_framework_get(c->st, c->a, org, e->framework_id, &f);
	if (r)
		return r == ST_NOTFOUND ? D_NOTFOUND : D_ERROR;
	check_line(c, errs, "name", _("Name"), e->name, 1, 200);
	check_line(c, errs, "kind", _("Kind"), e->kind, 1, 40);
	if (e->description && strlen(e->description) > PROGRAMME_TEXT_MAX)
		errors_add(c, errs, "description", _("%s: use at most %d characters."), _("Description"), PROGRAMME_TEXT_MAX);
	if (!e->id) {
		check_line(c, errs, "code", _("Code"), e->code, 1, 20);
		if (e->code && strpbrk(e->code, ", \t"))
			errors_add(c, errs, "code", "%s", _("A code has no spaces or commas: it is how scripts refer to the element."));
	}
	if (errs->n)
		return D_INVALID;
	long long eid = e->id;
	if (e->id) {
		r = store_element_update(c->st, org, e);
	} else {
		struct framework_element *all;
		size_t n;
		r = store_element_list(c->st, c->a, org, f.id, &all, &n);
		struct framework_element ne = *e;
		ne.position = (int)n + 1;
		ne.source = "";  /* the organisation's own addition: no source */
		if (!r)
			r = store_element_add(c->st, org, &ne, &eid);
	}
	if (r == ST_CONFLICT) {
		errors_add(c, errs, "code", _("The framework has an element with code %s already."), e->code);
		return D_INVALID;
	}
	if (r)
		return r == ST_NOTFOUND || r == ST_INVALID ? D_NOTFOUND : D_ERROR;
	audit(c, e->id ? "framework.element" : "framework.element.add", "framework", f.id, "%s", e->name);
	if (id)
		*id = eid;
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
	int r = store_programme_add(c->st, org, &p, id);
	if (r)
		return r == ST_CONFLICT ? D_CONFLICT : D_ERROR;
	for (size_t i = 0; i < t->nmeetings; i++) {
		const struct builtin_meeting *bm = &t->meetings[i];
		struct programme_meeting m = { 0 };
		m.programme_id = *id;
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
			    tag_part(c, pid, p.framework_id, bp->elements, el, nel))
				return D_ERROR;
		}
	}
	for (size_t i = 0; i < t->ntopics; i++) {
		const struct builtin_topic *bt = &t->topics[i];
		struct menu_topic mt = { 0, (int)i + 1, (char *)bt->name, (char *)(bt->description ? bt->description : "") };
		long long tid;
		if (store_menu_topic_add(c->st, org, *id, &mt, &tid))
			return D_ERROR;
		for (size_t k = 0; k < bt->noptions; k++) {
			struct menu_option mo = { 0, tid, (int)k + 1, (char *)bt->options[k].name,
						  (char *)(bt->options[k].description ? bt->options[k].description : "") };
			if (store_menu_option_add(c->st, org, &mo, NULL))
				return D_ERROR;
		}
	}
	/* modules: every module runs the fixed steps, each a schedulable meeting */
	int number = (int)t->nmeetings;
	for (size_t i = 0; i < t->nmodules; i++) {
		const struct builtin_module *bm = &t->modules[i];
		struct programme_module pm = { 0, bm->number, (char *)bm->name,
					       (char *)(bm->business_task ? bm->business_task : "") };
		long long modid;
		if (store_module_add(c->st, org, *id, &pm, &modid))
			return D_ERROR;
		for (size_t k = 0; k < builtin_nmodule_steps; k++) {
			const struct builtin_step *s = &builtin_module_steps[k];
			struct programme_meeting m = { 0 };
			m.programme_id = *id;
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

int programme_update(struct ctx *c, const struct programme *p, struct errors *e)
{
	long long org = c->who->organisation_id;
	struct programme old;
	int r = store_programme_get(c->st, c->a, org, p->id, &old);
	if (r)
		return r == ST_NOTFOUND ? D_NOTFOUND : D_ERROR;
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
	r = store_programme_update(c->st, org, &q);
	if (r == ST_CONFLICT) {
		errors_add(c, e, "name", _("There is already a programme called \"%s\"; choose another name."), p->name);
		return D_INVALID;
	}
	if (r == ST_INVALID) {
		errors_add(c, e, "framework_id", "%s", _("Choose a framework of your organisation."));
		return D_INVALID;
	}
	if (r)
		return r == ST_NOTFOUND ? D_NOTFOUND : D_ERROR;
	audit(c, "programme.update", "programme", p->id, "%s", p->name);
	return D_OK;
}
