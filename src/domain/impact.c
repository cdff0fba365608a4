/* impact.c — a programme's impact map: its outcomes on the seed's five
 * levels, the coach's changes to them, and the evidence beside each, read
 * through the same domain functions (and so the same rules) as the pages
 * the evidence comes from. */
#include "impact.h"
#include "audit.h"
#include "level_report.h"
#include "programme.h"
#include "role.h"
#include "schedule.h"
#include "store_rc.h"
#include "survey.h"
#include "validate.h"
#include "core/i18n.h"
#include "core/integer.h"
#include "store/impact.h"

#include <jansson.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* seed 001, r. 5038-5045: the learning activity, the work behaviour wanted
 * after it, the indicators of successful work behaviour, and the
 * operational and strategic goals it contributes to */
const struct impact_level impact_levels[IMPACT_LEVELS] = {
	{ "activity", N_("Learning activity"), "seed 001, r. 5029-5031, 5040-5041" },
	{ "behaviour", N_("Work behaviour"), "seed 001, r. 5040-5041" },
	{ "indicator", N_("Indicators of successful work behaviour"), "seed 001, r. 5042-5043" },
	{ "operational", N_("Operational goals"), "seed 001, r. 5043-5045" },
	{ "strategic", N_("Strategic goals"), "seed 001, r. 5044-5045" },
};

int impact_level_index(const char *key)
{
	for (int i = 0; key && i < IMPACT_LEVELS; i++)
		if (!strcmp(impact_levels[i].key, key))
			return i;
	return -1;
}

static bool may_read(struct ctx *c)
{
	return actor_has(c->who, ROLE_BIT(ROLE_COACH) | ROLE_BIT(ROLE_OWNER));
}

static bool may_edit(struct ctx *c)
{
	return actor_has(c->who, ROLE_BIT(ROLE_COACH));
}

/* The next "WORD:" of s, advancing it; false when s does not start so. */
static bool take(const char **s, const char *word)
{
	size_t n = strlen(word);
	if (strncmp(*s, word, n))
		return false;
	*s += n;
	return true;
}

/* An id up to ":" or the end, advancing s. */
static bool take_id(const char **s, long long *id)
{
	const char *end = strchr(*s, ':');
	size_t n = end ? (size_t)(end - *s) : strlen(*s);
	char digits[24];
	if (!n || n >= sizeof(digits))
		return false;
	memcpy(digits, *s, n);
	digits[n] = '\0';
	if (digits[0] < '0' || digits[0] > '9' || int_parse(digits, 1, 999999999999999LL, id) != INT_OK)
		return false;
	*s += n;
	return true;
}

/* "group:ID" or "batch:ID" to the end of s, into o. */
static bool take_scope(const char **s, struct impact_outcome *o)
{
	if (take(s, "group:"))
		return take_id(s, &o->group_id) && !**s;
	if (take(s, "batch:"))
		return take_id(s, &o->batch_id) && !**s;
	return false;
}

bool impact_ref_parse(struct ctx *c, const char *ref, struct impact_outcome *o, struct errors *e, const char *field)
{
	o->evidence = "";
	o->wave_id = o->item_id = o->batch_id = o->group_id = 0;
	const char *s = ref ? ref : "";
	if (!*s)
		return true;
	bool ok = false;
	if (take(&s, "wave:")) {
		o->evidence = "wave";
		ok = take_id(&s, &o->wave_id) && (!*s || (take(&s, ":item:") && take_id(&s, &o->item_id) && !*s));
	} else if (take(&s, "attendance:")) {
		o->evidence = "attendance";
		ok = take_scope(&s, o);
	} else if (take(&s, "reports:")) {
		o->evidence = "reports";
		ok = take_scope(&s, o) || !strcmp(s, "programme");
	}
	if (!ok) {
		o->evidence = "";
		o->wave_id = o->item_id = o->batch_id = o->group_id = 0;
		errors_add(c, e, field, "%s", _("Choose the evidence from the list, or none."));
	}
	return ok;
}

/* The ref of an outcome's evidence, as impact_ref_parse reads it. */
static const char *ref_of(struct arena *a, const struct impact_outcome *o)
{
	if (!strcmp(o->evidence, "wave"))
		return o->item_id ? arena_printf(a, "wave:%lld:item:%lld", o->wave_id, o->item_id)
				  : arena_printf(a, "wave:%lld", o->wave_id);
	const char *k = o->evidence;
	if (!*k)
		return "";
	if (o->group_id)
		return arena_printf(a, "%s:group:%lld", k, o->group_id);
	if (o->batch_id)
		return arena_printf(a, "%s:batch:%lld", k, o->batch_id);
	return arena_printf(a, "%s:programme", k);
}

static const char *group_name(const struct programme_overview *v, long long id)
{
	for (size_t i = 0; i < v->ngroups; i++)
		if (v->groups[i].id == id)
			return v->groups[i].name;
	return NULL;
}

static const char *batch_name(const struct programme_overview *v, long long id)
{
	for (size_t i = 0; i < v->nbatches; i++)
		if (v->batches[i].id == id)
			return v->batches[i].name;
	return NULL;
}

/* Whether a wave was sent to this programme, one of its batches or groups. */
static bool wave_of(const struct programme_overview *v, const struct wave *w)
{
	if (!strcmp(w->population, "programme"))
		return w->population_id == v->p.id;
	if (!strcmp(w->population, "batch"))
		return batch_name(v, w->population_id) != NULL;
	if (!strcmp(w->population, "group"))
		return group_name(v, w->population_id) != NULL;
	return false;
}

static bool scale_item(const struct instrument_item *it)
{
	return !strcmp(it->kind, "likert") || !strcmp(it->kind, "bipolar");
}

static const char *item_label(struct arena *a, const struct wave *w, const struct instrument_item *it)
{
	return arena_printf(a, "%s, %s %s: %s", w->name, _("question"), it->code, it->text);
}

/* The figures of a wave (and item) as the wave page would show them. */
static int wave_evidence(struct ctx *c, const struct impact_outcome *o, struct impact_evidence *ev)
{
	struct wave w;
	struct instrument_version v;
	int r = wave_open(c, o->wave_id, &w, &v);
	if (r == D_NOTFOUND) {
		ev->gone = true;
		return D_OK;
	}
	struct accounting acc;
	struct wave_results res;
	if (r || wave_accounting(c, &w, &acc) || wave_results(c, &w, &v, &res))
		return D_ERROR;
	ev->label = w.name;
	ev->invited = acc.invited;
	ev->responded = acc.responded;
	ev->shown = res.shown;
	ev->why_hidden = res.why_hidden;
	if (!o->item_id)
		return D_OK;
	const struct instrument_item *it = NULL;
	for (size_t k = 0; k < v.nitems; k++)
		if (v.items[k].id == o->item_id)
			it = &v.items[k];
	if (!it) {
		ev->gone = true;
		return D_OK;
	}
	ev->label = item_label(c->a, &w, it);
	for (size_t k = 0; k < it->noptions; k++) {
		int val = it->options[k].value;
		if (!k || val < ev->scale_min)
			ev->scale_min = val;
		if (!k || val > ev->scale_max)
			ev->scale_max = val;
	}
	for (size_t k = 0; res.shown && k < res.nitems; k++)
		if (res.items[k].item->id == it->id) {
			ev->item_n = (long long)res.items[k].n;
			ev->item_mean = res.items[k].mean;
			ev->item_sd = res.items[k].sd;
		}
	return D_OK;
}

static int evidence(struct ctx *c, const struct programme_overview *v, const struct impact_outcome *o,
		    struct impact_evidence *ev)
{
	memset(ev, 0, sizeof(*ev));
	ev->kind = o->evidence;
	ev->ref = ref_of(c->a, o);
	ev->item_mean = ev->item_sd = NAN;
	if (!*o->evidence)
		return D_OK;
	if (!strcmp(o->evidence, "wave")) {
		if (!o->wave_id) {
			ev->gone = true;
			return D_OK;
		}
		return wave_evidence(c, o, ev);
	}
	const char *where = o->group_id ? group_name(v, o->group_id) : o->batch_id ? batch_name(v, o->batch_id) : NULL;
	bool programme = !strcmp(o->evidence, "reports") && !o->group_id && !o->batch_id;
	if (!where && !programme) {
		ev->gone = true;
		return D_OK;
	}
	ev->label = where ? where : v->p.name;
	/* the level report's own counts over the whole run, so the map and the
	 * report cannot show different figures */
	enum report_level level = o->group_id ? LEVEL_GROUP : o->batch_id ? LEVEL_BATCH : LEVEL_PROGRAMME;
	long long id = o->group_id ? o->group_id : o->batch_id ? o->batch_id : v->p.id;
	struct report_period all = { "", "" };
	struct level_report r;
	int d = level_report_counts(c, level, id, &all, &r);
	if (d == D_NOTFOUND) {
		ev->gone = true;
		return D_OK;
	}
	if (d)
		return d;
	ev->attendance = (struct impact_attendance){ r.records, r.records_present };
	ev->reports = (struct impact_reports){ r.meetings_held, r.reports_published };
	return D_OK;
}

int impact_map_get(struct ctx *c, long long programme_id, struct impact_map *out)
{
	memset(out, 0, sizeof(*out));
	if (!may_read(c))
		return D_FORBIDDEN;
	struct programme_overview v;
	int r = programme_overview(c, programme_id, &v);
	if (r)
		return r;
	struct impact_outcome *o;
	size_t n;
	if (store_impact_list(c->st, c->a, c->who->organisation_id, programme_id, &o, &n))
		return D_ERROR;
	out->programme_id = programme_id;
	out->programme_name = v.p.name;
	out->may_edit = may_edit(c);
	out->entries = arena_alloc(c->a, (n + 1) * sizeof(*out->entries));
	for (size_t i = 0; i < n; i++) {
		out->entries[i].o = o[i];
		if (evidence(c, &v, &o[i], &out->entries[i].ev))
			return D_ERROR;
	}
	out->n = n;
	return D_OK;
}

static void choice(struct ctx *c, struct impact_choice **out, size_t *n, size_t *cap, const char *ref, const char *label)
{
	if (*n == *cap) {
		*out = arena_grow(c->a, *out, *n, *cap = *cap ? *cap * 2 : 16, sizeof(**out));
	}
	(*out)[(*n)++] = (struct impact_choice){ ref, label };
}

int impact_choices(struct ctx *c, long long programme_id, struct impact_choice **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if (!may_edit(c))
		return D_FORBIDDEN;
	struct programme_overview v;
	int r = programme_overview(c, programme_id, &v);
	if (r)
		return r;
	size_t cap = 0;
	struct wave *waves;
	size_t nw;
	if (wave_list(c, &waves, &nw))
		return D_ERROR;
	for (size_t i = 0; i < nw; i++) {
		if (waves[i].subject_id || !wave_of(&v, &waves[i]))
			continue;
		struct wave w;
		struct instrument_version iv;
		if (wave_open(c, waves[i].id, &w, &iv))
			return D_ERROR;
		choice(c, out, n, &cap, arena_printf(c->a, "wave:%lld", w.id),
		       arena_printf(c->a, "%s (%s)", w.name, _("response")));
		for (size_t k = 0; k < iv.nitems; k++)
			if (scale_item(&iv.items[k]))
				choice(c, out, n, &cap, arena_printf(c->a, "wave:%lld:item:%lld", w.id, iv.items[k].id),
				       item_label(c->a, &w, &iv.items[k]));
	}
	choice(c, out, n, &cap, "reports:programme",
	       arena_printf(c->a, "%s: %s", _("Published reports"), v.p.name));
	for (size_t i = 0; i < v.nbatches; i++) {
		choice(c, out, n, &cap, arena_printf(c->a, "attendance:batch:%lld", v.batches[i].id),
		       arena_printf(c->a, "%s: %s", _("Attendance"), v.batches[i].name));
		choice(c, out, n, &cap, arena_printf(c->a, "reports:batch:%lld", v.batches[i].id),
		       arena_printf(c->a, "%s: %s", _("Published reports"), v.batches[i].name));
	}
	for (size_t i = 0; i < v.ngroups; i++) {
		choice(c, out, n, &cap, arena_printf(c->a, "attendance:group:%lld", v.groups[i].id),
		       arena_printf(c->a, "%s: %s", _("Attendance"), v.groups[i].name));
		choice(c, out, n, &cap, arena_printf(c->a, "reports:group:%lld", v.groups[i].id),
		       arena_printf(c->a, "%s: %s", _("Published reports"), v.groups[i].name));
	}
	return D_OK;
}

/* Level, text and evidence of one outcome into o; errors under the
 * fields' names with `prefix` before them. */
static void check_outcome(struct ctx *c, const char *prefix, const char *level, const char *text, const char *ref,
			  struct impact_outcome *o, struct errors *e)
{
	const char *f_level = arena_printf(c->a, "%slevel", prefix);
	const char *f_text = arena_printf(c->a, "%stext", prefix);
	const char *f_ev = arena_printf(c->a, "%sevidence", prefix);
	if (impact_level_index(level) < 0)
		errors_add(c, e, f_level, "%s", _("Choose one of the five levels of the impact map."));
	check_line(c, e, f_text, _("Outcome"), text ? text : "", 1, IMPACT_TEXT_MAX);
	impact_ref_parse(c, ref, o, e, f_ev);
	o->level = (char *)level;
	o->text = (char *)text;
	if (o->item_id && !strcmp(o->evidence, "wave") && !e->n) {
		/* only a scale question has figures to show; an open one would be texts */
		struct wave w;
		struct instrument_version v;
		int r = wave_open(c, o->wave_id, &w, &v);
		bool scale = false;
		for (size_t k = 0; !r && k < v.nitems; k++)
			if (v.items[k].id == o->item_id)
				scale = scale_item(&v.items[k]);
		if (!r && !scale)
			errors_add(c, e, f_ev, "%s", _("Link a scale question of the wave: an open question has no figures."));
	}
}

/* The store's refusal of what an outcome refers to, as the user's mistake. */
static int refused(struct ctx *c, int r, struct errors *e, const char *field)
{
	if (r == ST_INVALID) {
		errors_add(c, e, field, "%s", _("Choose evidence of this programme from the list."));
		return D_INVALID;
	}
	return d_from_store(r);
}

int impact_outcome_add(struct ctx *c, long long programme_id, const char *level, const char *text, const char *ref,
		       struct errors *e, long long *id)
{
	if (!may_edit(c))
		return D_FORBIDDEN;
	struct programme p;
	int r = programme_get(c, programme_id, &p);
	if (r)
		return r;
	struct impact_outcome o = { .programme_id = programme_id };
	check_outcome(c, "", level, text, ref, &o, e);
	if (e->n)
		return D_INVALID;
	struct impact_outcome *old;
	size_t n;
	if (store_impact_list(c->st, c->a, c->who->organisation_id, programme_id, &old, &n))
		return D_ERROR;
	if (n >= IMPACT_OUTCOMES_MAX) {
		errors_add(c, e, "text", _("A map holds at most %d outcomes: remove one first."), IMPACT_OUTCOMES_MAX);
		return D_INVALID;
	}
	long long oid;
	r = store_impact_add(c->st, c->who->organisation_id, &o, ctx_now(c), &oid);
	if (r)
		return refused(c, r, e, "evidence");
	audit(c, "impact.add", "programme", programme_id, "outcome %lld, %s", oid, level);
	if (id)
		*id = oid;
	return D_OK;
}

int impact_outcome_get(struct ctx *c, long long programme_id, long long id, struct impact_outcome *out)
{
	if (!may_read(c))
		return D_FORBIDDEN;
	struct impact_outcome *o;
	size_t n;
	if (store_impact_list(c->st, c->a, c->who->organisation_id, programme_id, &o, &n))
		return D_ERROR;
	for (size_t i = 0; i < n; i++)
		if (o[i].id == id) {
			*out = o[i];
			return D_OK;
		}
	return D_NOTFOUND;
}

int impact_outcome_update(struct ctx *c, long long programme_id, long long id, const char *level, const char *text,
			  const char *ref, struct errors *e)
{
	if (!may_edit(c))
		return D_FORBIDDEN;
	struct impact_outcome o;
	int r = impact_outcome_get(c, programme_id, id, &o);
	if (r)
		return r;
	check_outcome(c, "", level, text, ref, &o, e);
	if (e->n)
		return D_INVALID;
	r = store_impact_update(c->st, c->who->organisation_id, &o, ctx_now(c));
	/* the outcome was just found: a row not changed is evidence refused */
	if (r)
		return refused(c, r == ST_NOTFOUND ? ST_INVALID : r, e, "evidence");
	audit(c, "impact.update", "programme", programme_id, "outcome %lld, %s", id, level);
	return D_OK;
}

int impact_outcome_delete(struct ctx *c, long long programme_id, long long id)
{
	if (!may_edit(c))
		return D_FORBIDDEN;
	int r = d_from_store(store_impact_delete(c->st, c->who->organisation_id, programme_id, id));
	if (!r)
		audit(c, "impact.remove", "programme", programme_id, "outcome %lld", id);
	return r;
}

int impact_map_replace(struct ctx *c, long long programme_id, const struct impact_input *in, size_t n, struct errors *e)
{
	if (!may_edit(c))
		return D_FORBIDDEN;
	struct programme p;
	int r = programme_get(c, programme_id, &p);
	if (r)
		return r;
	if (n > IMPACT_OUTCOMES_MAX) {
		errors_add(c, e, "outcomes", _("A map holds at most %d outcomes."), IMPACT_OUTCOMES_MAX);
		return D_INVALID;
	}
	struct impact_outcome *o = arena_alloc(c->a, (n + 1) * sizeof(*o));
	for (size_t i = 0; i < n && e->n < ERRORS_MAX - 3; i++) {
		o[i] = (struct impact_outcome){ .programme_id = programme_id };
		check_outcome(c, arena_printf(c->a, "outcomes[%zu].", i), in[i].level, in[i].text, in[i].ref, &o[i], e);
	}
	if (e->n)
		return D_INVALID;
	long long org = c->who->organisation_id;
	if (store_begin(c->st))
		return D_ERROR;
	r = store_impact_clear(c->st, org, programme_id);
	for (size_t i = 0; !r && i < n; i++) {
		r = store_impact_add(c->st, org, &o[i], ctx_now(c), NULL);
		if (r == ST_INVALID)
			errors_add(c, e, arena_printf(c->a, "outcomes[%zu].evidence", i), "%s",
				   _("Choose evidence of this programme from the list."));
	}
	if (!r)
		r = audit(c, "impact.replace", "programme", programme_id, "%zu outcomes", n);
	if (r || store_commit(c->st)) {
		store_rollback(c->st);
		return e->n ? D_INVALID : D_ERROR;
	}
	return D_OK;
}

const char *impact_evidence_kind_label(const char *kind)
{
	if (!strcmp(kind, "wave"))
		return _("Questionnaire");
	if (!strcmp(kind, "attendance"))
		return _("Attendance");
	if (!strcmp(kind, "reports"))
		return _("Published reports");
	return _("No evidence linked");
}

static const char *number(struct ctx *c, double v, int decimals)
{
	return i18n_number(c->a, i18n_current(), v, decimals);
}

const char *impact_evidence_figures(struct ctx *c, const struct impact_evidence *ev)
{
	if (!*ev->kind)
		return "—";
	if (ev->gone)
		return _("What this outcome was linked to has been removed.");
	if (!strcmp(ev->kind, "wave")) {
		const char *s = arena_printf(c->a, _("%lld of %lld invited responded."), ev->responded, ev->invited);
		if (!ev->shown)
			return arena_printf(c->a, "%s %s", s, ev->why_hidden ? ev->why_hidden : "");
		if (isnan(ev->item_mean))
			return s;
		return arena_printf(c->a, "%s %s", s,
				    arena_printf(c->a, _("Mean %s (SD %s, n = %lld) on a scale of %d to %d."),
						 number(c, ev->item_mean, 1), number(c, ev->item_sd, 1), ev->item_n,
						 ev->scale_min, ev->scale_max));
	}
	if (!strcmp(ev->kind, "attendance")) {
		if (!ev->attendance.recorded)
			return _("No attendance recorded yet.");
		return arena_printf(c->a, _("Present at %lld of %lld recorded attendances (%s%%)."), ev->attendance.present,
				    ev->attendance.recorded,
				    number(c, 100.0 * (double)ev->attendance.present / (double)ev->attendance.recorded, 0));
	}
	return arena_printf(c->a, _("%lld of %lld meetings held have a published report."), ev->reports.published,
			    ev->reports.held);
}

json_t *impact_map_json(struct ctx *c, const struct impact_map *m)
{
	(void)c;
	json_t *levels = json_array();
	for (int l = 0; l < IMPACT_LEVELS; l++)
		json_array_append_new(levels, json_pack("{s:s, s:s, s:s}", "key", impact_levels[l].key, "name",
							_(impact_levels[l].name), "source", impact_levels[l].source));
	json_t *outcomes = json_array();
	for (size_t i = 0; i < m->n; i++) {
		const struct impact_entry *e = &m->entries[i];
		const struct impact_evidence *ev = &e->ev;
		json_t *f = json_object();
		if (ev->gone)
			json_object_set_new(f, "gone", json_true());
		else if (!strcmp(ev->kind, "wave")) {
			json_object_set_new(f, "invited", json_integer(ev->invited));
			json_object_set_new(f, "responded", json_integer(ev->responded));
			json_object_set_new(f, "shown", json_boolean(ev->shown));
			if (!ev->shown && ev->why_hidden)
				json_object_set_new(f, "why_hidden", json_string(ev->why_hidden));
			if (ev->shown && !isnan(ev->item_mean)) {
				json_object_set_new(f, "n", json_integer(ev->item_n));
				json_object_set_new(f, "mean", json_real(survey_shown(ev->item_mean)));
				if (!isnan(ev->item_sd))
					json_object_set_new(f, "sd", json_real(survey_shown(ev->item_sd)));
				json_object_set_new(f, "scale_min", json_integer(ev->scale_min));
				json_object_set_new(f, "scale_max", json_integer(ev->scale_max));
			}
		} else if (!strcmp(ev->kind, "attendance")) {
			json_object_set_new(f, "recorded", json_integer(ev->attendance.recorded));
			json_object_set_new(f, "present", json_integer(ev->attendance.present));
		} else if (!strcmp(ev->kind, "reports")) {
			json_object_set_new(f, "meetings_held", json_integer(ev->reports.held));
			json_object_set_new(f, "published", json_integer(ev->reports.published));
		}
		json_array_append_new(outcomes, json_pack("{s:I, s:s, s:s, s:s, s:s?, s:o}", "id", (json_int_t)e->o.id, "level",
							  e->o.level, "text", e->o.text, "evidence", ev->ref,
							  "evidence_label", ev->label, "figures", f));
	}
	return json_pack("{s:I, s:s, s:b, s:o, s:o}", "programme_id", (json_int_t)m->programme_id, "programme",
			 m->programme_name, "may_edit", m->may_edit, "levels", levels, "outcomes", outcomes);
}
