/* plan.c — the development plan and its SMART check. */
#include "plan.h"
#include "audit.h"
#include "catalogue.h"
#include "privacy.h"
#include "schedule.h"
#include "store_rc.h"
#include "validate.h"
#include "core/i18n.h"
#include "core/buf.h"
#include "core/utf8.h"
#include "store/design.h"
#include "store/framework.h"
#include "store/group.h"
#include "store/plan.h"
#include "store/store.h"

#include <assert.h>
#include <ctype.h>
#include <string.h>

static size_t words(const char *s)
{
	size_t n = 0;
	bool in = false;
	for (; s && *s; s++) {
		bool space = *s == ' ' || *s == '\t' || *s == '\n' || *s == '\r';
		if (!space && !in)
			n++;
		in = !space;
	}
	return n;
}

static bool has_digit(const char *s)
{
	for (; s && *s; s++)
		if (isdigit((unsigned char)*s))
			return true;
	return false;
}

/* one of the Dutch first-person words, as a whole word, any case */
static bool first_person(const char *s)
{
	static const char *const w[] = { "ik", "mijn", "me", "mij", "mezelf", "mijzelf", "i", "my", 0 };
	const char *p = s ? s : "";
	while (*p) {
		while (*p && !isalnum((unsigned char)*p))
			p++;
		size_t n = 0;
		while (p[n] && isalnum((unsigned char)p[n]))
			n++;
		for (int k = 0; w[k] && n; k++)
			if (strlen(w[k]) == n && !strncasecmp(p, w[k], n))
				return true;
		p += n;
	}
	return false;
}

static bool blank(const char *s)
{
	for (; s && *s; s++)
		if (!strchr(" \t\r\n", *s))
			return false;
	return true;
}

int smart_check(struct ctx *c, const char *text, const char *measure, const char *due_on, const char *today,
		const char *hints[SMART_COUNT])
{
	(void)c;
	int n = 0;
	for (int k = 0; k < SMART_COUNT; k++)
		hints[k] = NULL;
	if (words(text) < 6)
		hints[SMART_SPECIFIC] = _("Say what you will do and in which situation, in a sentence or two.");
	if (blank(measure) && !has_digit(text))
		hints[SMART_MEASURABLE] = _("How will you, or others, notice that you reached it? Fill in how it shows.");
	if (!first_person(text))
		hints[SMART_ACCEPTABLE] = _("Write it as your own goal, starting with \"I\": it is your goal, not one set for you.");
	if (!date_valid(due_on))
		hints[SMART_TIMED] = _("By when? Give a date.");
	else if (today && strcmp(due_on, today) < 0)
		hints[SMART_TIMED] = _("The date has passed: set a new one, or mark what you reached.");
	for (int k = 0; k < SMART_COUNT; k++)
		n += hints[k] != NULL;
	return n;
}

const char *smart_name(enum smart k)
{
	static const char *const names[SMART_COUNT] = { N_("Specific"), N_("Measurable"), N_("Acceptable"),
							N_("Realistic"), N_("Time-bound") };
	return _(names[k]);
}

/* The elements of the framework of the group's programme. */
static size_t group_elements(struct ctx *c, long long group_id, struct framework_element **out, const char **name,
			     long long *framework_id)
{
	long long org = c->who->organisation_id;
	struct learning_group g;
	struct programme p;
	struct framework f;
	size_t n = 0;
	*out = NULL;
	*name = "";
	*framework_id = 0;
	if (store_group_get(c->st, c->a, org, group_id, &g) || store_programme_get(c->st, c->a, org, g.programme_id, &p) ||
	    !p.framework_id || store_framework_get(c->st, c->a, org, p.framework_id, &f) ||
	    store_element_list(c->st, c->a, org, p.framework_id, out, &n))
		return 0;
	*name = f.name;
	*framework_id = f.id;
	return n;
}

static const struct framework_element *element_by_code(const struct framework_element *el, size_t n, const char *code)
{
	for (size_t i = 0; i < n; i++)
		if (*el[i].code && str_ieq(el[i].code, code))
			return &el[i];
	return NULL;
}

int plan_element_choices(struct ctx *c, long long group_id, struct framework_view **out, size_t *n)
{
	long long org = c->who->organisation_id;
	struct framework_element *own;
	const char *own_name;
	long long own_id;
	(void)group_elements(c, group_id, &own, &own_name, &own_id);
	struct framework *f;
	size_t nf;
	*out = NULL;
	*n = 0;
	if (store_framework_list(c->st, c->a, org, &f, &nf))
		return D_ERROR;
	struct framework_view *v = arena_alloc(c->a, (nf + 1) * sizeof(*v));
	/* the programme's framework first, then the others as listed */
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < nf; i++) {
			if ((f[i].id == own_id) != (pass == 0))
				continue;
			struct framework_element *el;
			size_t ne, k = 0;
			if (store_element_list(c->st, c->a, org, f[i].id, &el, &ne))
				return D_ERROR;
			for (size_t j = 0; j < ne; j++)
				if (strcmp(el[j].kind, "question"))
					el[k++] = el[j];
			if (k)
				v[(*n)++] = (struct framework_view){ f[i], el, k };
		}
	*out = v;
	return D_OK;
}

/* Each id one of the choices, once, at most PLAN_GOAL_ELEMENTS_MAX. */
static void elements_chosen(struct ctx *c, long long group_id, const long long *ids, size_t n, struct errors *e,
			    long long **out, size_t *nout)
{
	struct framework_view *v;
	size_t nv;
	*out = arena_alloc(c->a, (n + 1) * sizeof(**out));
	*nout = 0;
	if (plan_element_choices(c, group_id, &v, &nv)) {
		errors_add(c, e, "elements", "%s", _("The framework elements could not be read. Try again later."));
		return;
	}
	for (size_t i = 0; i < n; i++) {
		bool offered = false, seen = false;
		for (size_t k = 0; k < nv && !offered; k++)
			for (size_t j = 0; j < v[k].nelements && !offered; j++)
				offered = v[k].elements[j].id == ids[i];
		if (!offered) {
			errors_add(c, e, "elements", "%s", _("Choose the framework elements from the list."));
			return;
		}
		for (size_t k = 0; k < *nout; k++)
			seen |= (*out)[k] == ids[i];
		if (!seen)
			(*out)[(*nout)++] = ids[i];
	}
	if (*nout > PLAN_GOAL_ELEMENTS_MAX)
		errors_add(c, e, "elements", _("Choose at most %d framework elements for one goal."), PLAN_GOAL_ELEMENTS_MAX);
}

/* The codes of a typed list ("C1, c3", "C1 C3"), as words. */
static char **code_words(struct arena *a, const char *list, size_t *n)
{
	size_t cap = 1;
	for (const char *p = list ? list : ""; *p; p++)
		cap += !!strchr(" ,;\t", *p);
	char **words = arena_alloc(a, (cap + 1) * sizeof(*words));
	*n = 0;
	for (const char *p = list ? list : ""; *p && *n < cap;) {
		p += strspn(p, " ,;\t");
		size_t len = strcspn(p, " ,;\t");
		if (!len)
			break;
		words[(*n)++] = arena_strndup(a, p, len);
		p += len;
	}
	return words;
}

/* The elements of the programme's framework named by codes ("C1, c3" or
 * "C1 C3"); an unknown code is an error that lists the codes there are. */
static void elements_by_code(struct ctx *c, long long group_id, const char *codes, struct errors *e, long long **out,
			     size_t *nout)
{
	struct framework_element *el;
	const char *fname;
	long long fid;
	size_t n = group_elements(c, group_id, &el, &fname, &fid);
	size_t cap;
	char **codes_of = code_words(c->a, codes, &cap);
	*out = arena_alloc(c->a, (cap + 1) * sizeof(**out));
	*nout = 0;
	for (size_t w = 0; w < cap; w++) {
		const char *code = codes_of[w];
		const struct framework_element *x = element_by_code(el, n, code);
		if (!x) {
			struct buf known = BUF_INIT;
			for (size_t i = 0, k = 0; i < n && k < 20; i++)
				if (*el[i].code)
					buf_addf(&known, "%s%s", k++ ? ", " : "", el[i].code);
			if (n)
				errors_add(c, e, "elements", _("The framework %s has no element %s. Its codes are: %s."), fname, code,
					   known.ptr);
			else
				errors_add(c, e, "elements", "%s", _("The programme of this group has no framework with codes; leave the field empty."));
			buf_release(&known);
			return;
		}
		bool seen = false;   /* each element once */
		for (size_t k = 0; k < *nout; k++)
			seen |= (*out)[k] == x->id;
		if (!seen && *nout < cap)
			(*out)[(*nout)++] = x->id;
	}
}

/* The named elements of an older goal: its codes, by the programme's
 * framework; a code it no longer has is shown as it was typed. */
static void named_by_code(struct ctx *c, struct development_goal *g)
{
	struct framework_element *el;
	const char *fname;
	long long fid;
	size_t n = group_elements(c, g->group_id, &el, &fname, &fid), cap;
	char **codes = code_words(c->a, g->elements, &cap);
	g->named = arena_alloc(c->a, (cap + 1) * sizeof(*g->named));
	g->nnamed = 0;
	for (size_t w = 0; w < cap; w++) {
		char *code = codes[w];
		const struct framework_element *x = element_by_code(el, n, code);
		g->named[g->nnamed++] = x ? (struct goal_element){ x->id, x->name, x->code, (char *)fname }
					  : (struct goal_element){ 0, code, code, "" };
	}
}

/* Every goal's elements with their names. */
static int goals_named(struct ctx *c, long long person_id, long long group_id, struct plan *p)
{
	long long *goal_ids;
	struct goal_element *el;
	size_t n;
	if (store_goal_element_list(c->st, c->a, c->who->organisation_id, person_id, group_id, &goal_ids, &el, &n))
		return D_ERROR;
	for (size_t i = 0; i < p->ngoals; i++) {
		struct development_goal *g = &p->goals[i];
		for (size_t k = 0; k < n; k++)
			if (goal_ids[k] == g->id) {
				if (!g->nnamed)
					g->named = &el[k];
				g->nnamed++;
			}
		if (!g->nnamed && *g->elements)
			named_by_code(c, g);
	}
	return D_OK;
}

static bool check_text(struct ctx *c, struct errors *e, const char *field, const char *label, const char *v)
{
	if (!v || (utf8_valid(v, strlen(v)) && strlen(v) <= PLAN_TEXT_MAX))
		return true;
	errors_add(c, e, field, _("%s: use at most %d characters."), label, PLAN_TEXT_MAX);
	return false;
}

int plan_goal_save(struct ctx *c, long long group_id, const struct development_goal *g, long long now,
		   struct errors *e, long long *id)
{
	long long me = c->who->person_id;
	if (!me)
		return D_NOTFOUND;
	if (blank(g->text))
		errors_add(c, e, "text", "%s", _("Write the goal."));
	check_text(c, e, "text", _("Goal"), g->text);
	check_text(c, e, "measure", _("How it shows"), g->measure);
	if (g->due_on && *g->due_on && !date_valid(g->due_on))
		errors_add(c, e, "due_on", "%s", _("Give the date as YYYY-MM-DD, such as 2026-09-01."));
	struct learning_form form;
	if (g->learning_form && *g->learning_form && catalogue_form(c, g->learning_form, &form))
		errors_add(c, e, "learning_form", "%s", _("Choose the learning form from the list."));
	long long *ids = NULL;
	size_t nids = 0;
	if (g->nelement_ids)
		elements_chosen(c, group_id, g->element_ids, g->nelement_ids, e, &ids, &nids);
	else if (check_line(c, e, "elements", _("Framework elements"), g->elements ? g->elements : "", 0, 200))
		elements_by_code(c, group_id, g->elements, e, &ids, &nids);
	if (e->n)
		return D_INVALID;
	struct development_goal x = *g;
	x.elements = "";
	x.person_id = me;
	x.group_id = group_id;
	x.updated_at = now;
	long long org = c->who->organisation_id, gid = x.id;
	if (store_begin(c->st))
		return D_ERROR;
	int r = x.id ? store_goal_update(c->st, org, &x) : store_goal_add(c->st, org, &x, &gid);
	if (!r)
		r = store_goal_elements_set(c->st, org, gid, ids, nids);
	if (r || store_commit(c->st)) {
		store_rollback(c->st);
		if (r == ST_INVALID) {
			errors_add(c, e, "elements", "%s", _("Choose the framework elements from the list."));
			return D_INVALID;
		}
		return r ? d_from_store(r) : D_ERROR;
	}
	if (id)
		*id = gid;
	audit(c, "plan.goal", "group", group_id, "%s", x.id ? "changed" : "added");
	return D_OK;
}

int plan_goal_delete(struct ctx *c, long long id)
{
	int r = store_goal_delete(c->st, c->who->organisation_id, c->who->person_id, id);
	return d_from_store(r);
}

int plan_assignment_save(struct ctx *c, long long group_id, const char *assignment, long long now, struct errors *e)
{
	if (!c->who->person_id)
		return D_NOTFOUND;
	if (!check_text(c, e, "assignment", _("Development assignment"), assignment))
		return D_INVALID;
	int r = store_plan_put(c->st, c->who->organisation_id, c->who->person_id, group_id, assignment, now);
	return d_from_store(r);
}

int plan_talk_add(struct ctx *c, long long group_id, const char *held_on, const char *agreements, long long now,
		  struct errors *e, long long *id_out)
{
	if (!c->who->person_id)
		return D_NOTFOUND;
	if (!date_valid(held_on))
		errors_add(c, e, "talk_on", "%s", _("Give the date as YYYY-MM-DD, such as 2026-09-01."));
	check_text(c, e, "agreements", _("Agreements"), agreements);
	if (e->n)
		return D_INVALID;
	struct manager_talk t = { 0, c->who->person_id, group_id, (char *)held_on, (char *)agreements };
	long long id;
	int r = store_talk_add(c->st, c->who->organisation_id, &t, now, &id);
	if (!r && id_out)
		*id_out = id;
	return d_from_store(r);
}

int plan_read(struct ctx *c, long long person_id, long long group_id, struct plan *out)
{
	long long org = c->who->organisation_id;
	memset(out, 0, sizeof(*out));
	if (!privacy_may_read_trajectory(c, person_id, group_id))
		return D_NOTFOUND;
	if (store_plan_assignment(c->st, c->a, org, person_id, group_id, &out->assignment) ||
	    store_goal_list(c->st, c->a, org, person_id, group_id, &out->goals, &out->ngoals) ||
	    store_talk_list(c->st, c->a, org, person_id, group_id, &out->talks, &out->ntalks) ||
	    goals_named(c, person_id, group_id, out))
		return D_ERROR;
	if (*out->assignment || out->ngoals || out->ntalks)
		privacy_log_read(c, "development_plan", group_id, person_id);
	return D_OK;
}

int plan_own(struct ctx *c, long long group_id, struct learning_group *g, struct plan *out)
{
	assert(g && out);
	long long org = c->who->organisation_id, me = c->who->person_id;
	memset(out, 0, sizeof(*out));
	if (!me)
		return D_NOTFOUND;
	int r = store_group_get(c->st, c->a, org, group_id, g);
	if (r)
		return d_from_store(r);
	struct enrolment *en;
	size_t n;
	bool enrolled = false;
	if (store_enrolment_list(c->st, c->a, org, g->id, &en, &n))
		return D_ERROR;
	for (size_t i = 0; i < n; i++)
		enrolled |= en[i].person_id == me;
	if (!enrolled)
		return D_NOTFOUND;
	return plan_read(c, me, group_id, out);
}
