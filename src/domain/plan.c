/* plan.c — the development plan and its SMART check. */
#include "plan.h"
#include "audit.h"
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
	char *elements = "";
	if (check_line(c, e, "elements", _("Framework elements"), g->elements ? g->elements : "", 0, 200))
		plan_elements_check(c, group_id, g->elements, e, &elements);
	if (e->n)
		return D_INVALID;
	struct development_goal x = *g;
	x.elements = elements;
	x.person_id = me;
	x.group_id = group_id;
	x.updated_at = now;
	int r = x.id ? store_goal_update(c->st, c->who->organisation_id, &x)
		     : store_goal_add(c->st, c->who->organisation_id, &x, id);
	if (r)
		return d_from_store(r);
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
		  struct errors *e)
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
	    store_talk_list(c->st, c->a, org, person_id, group_id, &out->talks, &out->ntalks))
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

/* The elements of the framework of the group's programme. */
static size_t group_elements(struct ctx *c, long long group_id, struct framework_element **out, const char **name)
{
	long long org = c->who->organisation_id;
	struct learning_group g;
	struct programme p;
	struct framework f;
	size_t n = 0;
	*out = NULL;
	*name = "";
	if (store_group_get(c->st, c->a, org, group_id, &g) || store_programme_get(c->st, c->a, org, g.programme_id, &p) ||
	    !p.framework_id || store_framework_get(c->st, c->a, org, p.framework_id, &f) ||
	    store_element_list(c->st, c->a, org, p.framework_id, out, &n))
		return 0;
	*name = f.name;
	return n;
}

static const struct framework_element *element_by_code(const struct framework_element *el, size_t n, const char *code)
{
	for (size_t i = 0; i < n; i++)
		if (*el[i].code && str_ieq(el[i].code, code))
			return &el[i];
	return NULL;
}

bool plan_elements_check(struct ctx *c, long long group_id, const char *codes, struct errors *e, char **out)
{
	struct framework_element *el;
	const char *fname;
	size_t n = group_elements(c, group_id, &el, &fname);
	struct buf b = BUF_INIT;
	bool ok = true;
	for (const char *p = codes ? codes : ""; *p;) {
		p += strspn(p, " ,;\t");
		size_t len = strcspn(p, " ,;\t");
		if (!len)
			break;
		char *code = arena_strndup(c->a, p, len);
		p += len;
		const struct framework_element *x = element_by_code(el, n, code);
		if (!x) {
			struct buf known = BUF_INIT;
			for (size_t i = 0, k = 0; i < n && k < 20; i++)
				if (*el[i].code) {
					buf_addf(&known, "%s%s", k++ ? ", " : "", el[i].code);
				}
			if (n)
				errors_add(c, e, "elements", _("The framework %s has no element %s. Its codes are: %s."), fname, code,
					   known.ptr);
			else
				errors_add(c, e, "elements", "%s", _("The programme of this group has no framework with codes; leave the field empty."));
			buf_release(&known);
			ok = false;
			break;
		}
		bool seen = false;   /* each code once */
		for (const char *q = b.ptr; *q && !seen; q += strspn(q, ", ")) {
			size_t k = strcspn(q, ",");
			seen = k == strlen(x->code) && !strncmp(q, x->code, k);
			q += k;
		}
		if (!seen)
			buf_addf(&b, "%s%s", b.len ? ", " : "", x->code);
	}
	*out = arena_strdup(c->a, b.ptr);
	buf_release(&b);
	return ok;
}

const char *plan_elements_label(struct ctx *c, long long group_id, const char *codes)
{
	struct framework_element *el;
	const char *fname;
	size_t n = group_elements(c, group_id, &el, &fname);
	struct buf b = BUF_INIT;
	for (const char *p = codes ? codes : ""; *p;) {
		p += strspn(p, " ,;\t");
		size_t len = strcspn(p, " ,;\t");
		if (!len)
			break;
		char *code = arena_strndup(c->a, p, len);
		p += len;
		const struct framework_element *x = element_by_code(el, n, code);
		buf_addf(&b, "%s%s", b.len ? ", " : "", x ? arena_printf(c->a, "%s (%s)", x->code, x->name) : code);
	}
	const char *s = arena_strdup(c->a, b.ptr);
	buf_release(&b);
	return s;
}
