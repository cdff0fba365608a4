/* level_report.c — the accounting of a group, batch, programme or the
 * organisation for a period (level_report.h): gathered from the groups in
 * scope, their enrolments, meetings, attendance and reports, and from the
 * waves of the level through the waves' own result functions. */
#include "level_report.h"
#include "impact.h"
#include "organisation.h"
#include "programme.h"
#include "reading.h"
#include "role.h"
#include "schedule.h"
#include "store_rc.h"
#include "survey_compare.h"
#include "core/i18n.h"
#include "store/group.h"
#include "store/meeting.h"
#include "store/report.h"
#include "store/store.h"

#include <assert.h>
#include <math.h>
#include <string.h>

static const char *const level_ids[LEVELS] = { "group", "batch", "programme", "organisation" };

int report_level_parse(const char *s)
{
	for (int l = 0; s && l < LEVELS; l++)
		if (!strcmp(s, level_ids[l]))
			return l;
	return -1;
}

const char *report_level_id(enum report_level l)
{
	assert(l < LEVELS);
	return level_ids[l];
}

int report_period_parse(struct ctx *c, const char *from, const char *to, struct report_period *out, struct errors *e)
{
	from = from ? from : "";
	to = to ? to : "";
	*out = (struct report_period){ "", "" };
	if (*from && !date_valid(from))
		errors_add(c, e, "from", "%s", _("Give the date as YYYY-MM-DD, such as 2026-09-01."));
	if (*to && !date_valid(to))
		errors_add(c, e, "to", "%s", _("Give the date as YYYY-MM-DD, such as 2026-09-01."));
	if (!e->n && *from && *to && strcmp(from, to) > 0)
		errors_add(c, e, "to", "%s", _("The end of the period comes before its start: give an end on or after the start."));
	if (e->n)
		return D_INVALID;
	out->from = from;
	out->to = to;
	return D_OK;
}

bool report_period_has(const struct report_period *p, const char *day)
{
	if (!day || !*day)
		return false;
	return (!*p->from || strcmp(day, p->from) >= 0) && (!*p->to || strcmp(day, p->to) <= 0);
}

/* Whether a day lies on or before the end of the period. */
static bool by_end(const struct report_period *p, const char *day)
{
	return day && *day && (!*p->to || strcmp(day, p->to) <= 0);
}

enum enrol_at report_enrolment_at(const struct enrolment *en, const struct report_period *p)
{
	if (!by_end(p, en->registered_on))
		return ENROL_NONE;
	if (!strcmp(en->status, "stopped") && by_end(p, en->stopped_on))
		return ENROL_STOPPED;
	if (!strcmp(en->status, "completed") && by_end(p, en->completed_on))
		return ENROL_COMPLETED;
	return !strcmp(en->status, "registered") ? ENROL_REGISTERED : ENROL_ACTIVE;
}

int attendance_band(long long held, long long present)
{
	if (held <= 0)
		return -1;
	assert(present >= 0 && present <= held);
	if (present * 5 >= held * 4)
		return BAND_HIGH;
	if (present * 2 >= held)
		return BAND_MIDDLE;
	return BAND_LOW;
}

const char *attendance_band_label(enum attendance_band b)
{
	/* the % signs are text, not conversions */
	switch (b) {
	/* xgettext:no-c-format */
	case BAND_HIGH: return _("80 % or more of the meetings");
	/* xgettext:no-c-format */
	case BAND_MIDDLE: return _("50 to 80 % of the meetings");
	/* xgettext:no-c-format */
	default: return _("less than 50 % of the meetings");
	}
}

bool level_report_may_read(const struct actor *who)
{
	return actor_has(who, ROLE_BIT(ROLE_COACH) | ROLE_BIT(ROLE_OWNER));
}

/* ---- gathering ---- */

struct scope {
	struct learning_group *groups;
	size_t ngroups;
	long long programme_id, batch_id;   /* the level's, 0 above it */
};

static void rule(struct ctx *c, struct level_report *r, const char *text)
{
	for (size_t i = 0; i < r->nrules; i++)
		if (!strcmp(r->rules[i], text))
			return;
	const char **v = arena_alloc(c->a, (r->nrules + 1) * sizeof(*v));
	if (r->nrules)
		memcpy(v, r->rules, r->nrules * sizeof(*v));
	v[r->nrules++] = text;
	r->rules = v;
}

static void flow_add(struct enrolment_flow *f, const struct enrolment *en, const struct report_period *p)
{
	enum enrol_at at = report_enrolment_at(en, p);
	if (at == ENROL_NONE)
		return;
	f->registered++;
	if (at == ENROL_STOPPED) {
		f->stopped++;
		f->stopped_by[stop_kind_of(en->stop_kind)]++;
	} else if (at == ENROL_COMPLETED) {
		f->completed++;
	} else {
		f->in_progress++;
	}
}

static struct meeting_number_row *number_row(struct ctx *c, struct level_report *r, const struct meeting *m)
{
	for (size_t i = 0; i < r->nnumbers; i++)
		if (r->numbers[i].number == m->number)
			return &r->numbers[i];
	struct meeting_number_row *v = arena_alloc(c->a, (r->nnumbers + 1) * sizeof(*v));
	size_t at = 0;
	while (at < r->nnumbers && r->numbers[at].number < m->number)
		at++;
	if (r->nnumbers) {
		memcpy(v, r->numbers, at * sizeof(*v));
		memcpy(v + at + 1, r->numbers + at, (r->nnumbers - at) * sizeof(*v));
	}
	v[at] = (struct meeting_number_row){ .number = m->number, .theme = m->theme ? m->theme : "" };
	r->numbers = v;
	r->nnumbers++;
	return &v[at];
}

static void topic_add(struct ctx *c, struct level_report *r, const char *topic)
{
	for (size_t i = 0; i < r->ntopics; i++)
		if (!strcmp(r->topics[i].topic, topic)) {
			r->topics[i].n++;
			return;
		}
	struct topic_count *v = arena_alloc(c->a, (r->ntopics + 1) * sizeof(*v));
	if (r->ntopics)
		memcpy(v, r->topics, r->ntopics * sizeof(*v));
	v[r->ntopics++] = (struct topic_count){ topic, 1 };
	r->topics = v;
}

static bool held(const struct meeting *m, const char *today)
{
	return !m->cancelled && strcmp(m->starts_on, today) <= 0;
}

/* Everything of one group: its flow, meetings, attendance, menu choices
 * and reports in the period; tr (may be NULL) gathers the same for the
 * trend row the group belongs to. */
static int gather_group(struct ctx *c, struct level_report *r, const struct learning_group *g, struct trend_row *tr)
{
	long long org = c->who->organisation_id;
	const struct report_period *p = &r->period;
	struct enrolment *en;
	struct meeting *m;
	struct attendance *at;
	struct meeting_report *rep;
	size_t nen, nm, nat, nrep;
	int s = store_enrolment_list(c->st, c->a, org, g->id, &en, &nen);
	if (!s)
		s = store_meeting_list(c->st, c->a, org, g->id, &m, &nm);
	if (!s)
		s = store_attendance_list(c->st, c->a, org, g->id, &at, &nat);
	if (!s)
		s = store_report_list(c->st, c->a, org, g->id, false, &rep, &nrep);
	if (s)
		return d_from_store(s);
	r->groups++;
	for (size_t i = 0; i < nen; i++) {
		flow_add(&r->flow, &en[i], p);
		if (tr)
			flow_add(&tr->flow, &en[i], p);
	}
	/* meetings in the period; recorded: held, with at least one record */
	bool *in = arena_alloc(c->a, (nm + 1) * sizeof(*in));
	bool *recorded = arena_alloc(c->a, (nm + 1) * sizeof(*recorded));
	for (size_t k = 0; k < nm; k++) {
		in[k] = report_period_has(p, m[k].starts_on);
		if (!in[k])
			continue;
		struct meeting_number_row *row = number_row(c, r, &m[k]);
		row->planned++;
		r->meetings_planned++;
		if (tr)
			tr->meetings_planned++;
		if (m[k].cancelled) {
			row->cancelled++;
			r->meetings_cancelled++;
			continue;
		}
		if (!held(&m[k], r->today))
			continue;
		row->held++;
		r->meetings_held++;
		if (tr)
			tr->meetings_held++;
		for (size_t j = 0; j < nat; j++) {
			if (at[j].meeting_id != m[k].id)
				continue;
			recorded[k] = true;
			r->records++;
			r->records_present += !strcmp(at[j].status, "present");
			if (!strcmp(at[j].status, "present"))
				row->present++;
			else if (!strcmp(at[j].status, "excused"))
				row->excused++;
			else
				row->absent++;
			if (tr) {
				tr->recorded++;
				tr->present += !strcmp(at[j].status, "present");
			}
		}
		row->recorded += recorded[k];
		if (m[k].choice && !strcmp(m[k].choice, "menu") && m[k].topic_name && *m[k].topic_name) {
			r->menu_choices++;
			topic_add(c, r, m[k].topic_name);
		} else if (m[k].choice && !strcmp(m[k].choice, "free")) {
			r->free_choices++;  /* counted, never named: the group wrote the topic */
		}
		for (size_t j = 0; j < nrep; j++)
			if (rep[j].meeting_id == m[k].id) {
				r->reports_written++;
				r->reports_published += !strcmp(rep[j].status, "published");
			}
	}
	/* per person: present at how many of the recorded meetings since they
	 * enrolled; the stopped ones are left out */
	for (size_t i = 0; i < nen; i++) {
		enum enrol_at st = report_enrolment_at(&en[i], p);
		if (st == ENROL_NONE || st == ENROL_STOPPED)
			continue;
		long long n = 0, present = 0;
		for (size_t k = 0; k < nm; k++) {
			if (!in[k] || !recorded[k] || strcmp(m[k].starts_on, en[i].registered_on) < 0)
				continue;
			n++;
			for (size_t j = 0; j < nat; j++)
				if (at[j].meeting_id == m[k].id && at[j].person_id == en[i].person_id)
					present += !strcmp(at[j].status, "present");
		}
		int b = attendance_band(n, present);
		if (b < 0)
			r->unbanded++;
		else
			r->band[b]++;
	}
	return D_OK;
}

/* Whether a wave's population lies within the level. */
static bool wave_in_scope(const struct level_report *r, const struct scope *sc, const struct wave *w)
{
	if (w->subject_id)
		return false;  /* a 360° round is about one person */
	if (!strcmp(w->population, "group")) {
		for (size_t i = 0; i < sc->ngroups; i++)
			if (sc->groups[i].id == w->population_id)
				return true;
		return false;
	}
	if (!strcmp(w->population, "batch")) {
		if (r->level == LEVEL_GROUP)
			return false;
		for (size_t i = 0; i < sc->ngroups; i++)
			if (sc->groups[i].batch_id == w->population_id)
				return true;
		return false;
	}
	if (!strcmp(w->population, "programme"))
		return r->level == LEVEL_ORGANISATION ||
		       (r->level == LEVEL_PROGRAMME && sc->programme_id == w->population_id);
	return false;
}

static bool overlaps(const struct report_period *p, const struct wave *w)
{
	return (!*p->to || strcmp(w->opens_on, p->to) <= 0) && (!*p->from || strcmp(w->closes_on, p->from) >= 0);
}

static void compare(struct ctx *c, struct level_report *r, struct report_wave *rw, const struct wave *w,
		    const struct instrument_version *v, enum compare_by by)
{
	struct wave_comparison cmp;
	if (wave_compare(c, w, v, by, &cmp) || !cmp.shown || !cmp.ndims)
		return;
	if (cmp.why_not[by]) {
		rule(c, r, cmp.why_not[by]);
		return;
	}
	rw->compared = true;
	rw->compare_by = by == COMPARE_BATCH ? "batch" : "group";
	rw->dimension = cmp.dims[0].name;
	rw->parts = arena_alloc(c->a, (cmp.nrows + 1) * sizeof(*rw->parts));
	const struct compare_row *shown[2] = { 0 };
	size_t nshown = 0;
	for (size_t i = 0; i < cmp.nrows; i++) {
		if (!cmp.rows[i].shown) {
			rw->parts_hidden++;
			continue;
		}
		if (nshown < 2)
			shown[nshown] = &cmp.rows[i];
		nshown++;
		rw->parts[rw->nparts++] = (struct compare_part){ cmp.rows[i].name, cmp.rows[i].n,
								 cmp.rows[i].cells[0].d.mean };
	}
	if (rw->parts_hidden)
		rule(c, r, _("Groups and batches with fewer than 5 answers are left out of a comparison, and so many more that the left-out ones cannot be worked out by subtraction."));
	if (!cmp.tests)
		return;
	rw->readings = arena_alloc(c->a, (cmp.ndims + 1) * sizeof(*rw->readings));
	for (size_t d = 0; d < cmp.ndims; d++) {
		const struct compare_test *t = &cmp.tests[d];
		const char *s;
		if (t->two && nshown == 2)
			s = reading_two(c->a, shown[1]->name, shown[0]->name, cmp.dims[d].name,
					shown[1]->cells[d].d.mean - shown[0]->cells[d].d.mean, t->d, t->welch.p);
		else
			s = reading_several(c->a, cmp.dims[d].name, t->anova.eta2, t->anova.p);
		if (s)
			rw->readings[rw->nreadings++] = s;
	}
}

static int gather_waves(struct ctx *c, struct level_report *r, const struct scope *sc)
{
	struct wave *w;
	size_t n;
	int d = wave_list(c, &w, &n);
	if (d)
		return d;
	r->waves = arena_alloc(c->a, (n + 1) * sizeof(*r->waves));
	for (size_t i = n; i-- > 0;) {  /* the oldest first */
		if (!wave_in_scope(r, sc, &w[i]) || !overlaps(&r->period, &w[i]))
			continue;
		struct wave wv;
		struct instrument_version v;
		if ((d = wave_open(c, w[i].id, &wv, &v)))
			return d;
		struct report_wave *rw = &r->waves[r->nwaves++];
		*rw = (struct report_wave){ .id = wv.id, .name = wv.name, .instrument = wv.instrument_name,
					    .opens_on = wv.opens_on, .closes_on = wv.closes_on };
		if ((d = wave_accounting(c, &wv, &rw->acc)))
			return d;
		struct wave_results res;
		if ((d = wave_results(c, &wv, &v, &res)))
			return d;
		rw->shown = res.shown;
		if (!res.shown) {
			rw->why_hidden = res.why_hidden;
			rule(c, r, _("A questionnaire's results are shown once it has closed and from 5 answers."));
			continue;
		}
		struct dimension *dims;
		if (survey_dimensions(c->a, &v, &dims)) {
			rw->scale_min = dims[0].min;
			rw->scale_max = dims[0].max;
		}
		rw->items = arena_alloc(c->a, (res.nitems + 1) * sizeof(*rw->items));
		bool open_left_out = false;
		for (size_t k = 0; k < res.nitems; k++) {
			const struct item_result *it = &res.items[k];
			if (strcmp(it->item->kind, "likert") && strcmp(it->item->kind, "bipolar")) {
				open_left_out |= !strcmp(it->item->kind, "open");
				continue;
			}
			rw->items[rw->nitems++] = (struct report_item){ it->item->code, it->item->text, (long long)it->n,
									it->mean, it->sd };
		}
		if (open_left_out)
			rule(c, r, _("Answers to open questions are not in this report: read them on the questionnaire's page, where the rules for them apply."));
		if (r->level == LEVEL_BATCH)
			compare(c, r, rw, &wv, &v, COMPARE_GROUP);
		else if (r->level == LEVEL_PROGRAMME || r->level == LEVEL_ORGANISATION)
			compare(c, r, rw, &wv, &v, r->ntrend > 1 && r->level == LEVEL_PROGRAMME ? COMPARE_BATCH : COMPARE_GROUP);
	}
	return D_OK;
}

static struct trend_row *trend_of(struct level_report *r, long long id)
{
	for (size_t i = 0; i < r->ntrend; i++)
		if (r->trend[i].id == id)
			return &r->trend[i];
	return NULL;
}

/* The groups of the level, its name and context, and the rows of its trend. */
static int open_scope(struct ctx *c, struct level_report *r, struct scope *sc)
{
	long long org = c->who->organisation_id;
	int s;
	*sc = (struct scope){ 0 };
	switch (r->level) {
	case LEVEL_GROUP: {
		struct learning_group g;
		enum group_relation rel;
		int d = group_open(c, r->id, &g, &rel);
		if (d)
			return d;
		sc->groups = arena_alloc(c->a, sizeof(*sc->groups));
		sc->groups[0] = g;
		sc->ngroups = 1;
		sc->programme_id = g.programme_id;
		sc->batch_id = g.batch_id;
		r->name = g.name;
		r->context = arena_printf(c->a, "%s · %s", g.programme_name, g.batch_name);
		return D_OK;
	}
	case LEVEL_BATCH: {
		struct batch b;
		struct programme p;
		int d = batch_get(c, r->id, &b);
		if (!d)
			d = programme_get(c, b.programme_id, &p);
		if (d)
			return d;
		r->name = b.name;
		r->context = p.name;
		sc->programme_id = p.id;
		sc->batch_id = b.id;
		s = store_group_list(c->st, c->a, org, 0, b.id, &sc->groups, &sc->ngroups);
		return d_from_store(s);
	}
	case LEVEL_PROGRAMME: {
		struct programme p;
		int d = programme_get(c, r->id, &p);
		if (d)
			return d;
		r->name = p.name;
		r->context = "";
		sc->programme_id = p.id;
		struct batch *b;
		size_t nb;
		if ((s = store_batch_list(c->st, c->a, org, p.id, &b, &nb)) ||
		    (s = store_group_list(c->st, c->a, org, p.id, 0, &sc->groups, &sc->ngroups)))
			return d_from_store(s);
		r->trend = arena_alloc(c->a, (nb + 1) * sizeof(*r->trend));
		for (size_t i = 0; i < nb; i++)
			r->trend[r->ntrend++] = (struct trend_row){ .id = b[i].id, .name = b[i].name };
		return D_OK;
	}
	case LEVEL_ORGANISATION: {
		if (r->id != org)
			return D_NOTFOUND;
		struct organisation o;
		int d = organisation_own(c, &o);
		if (d)
			return d;
		r->name = o.name;
		r->context = "";
		struct programme_item *p;
		size_t np;
		if ((d = programme_list(c, &p, &np)))
			return d;
		if ((s = store_group_list(c->st, c->a, org, 0, 0, &sc->groups, &sc->ngroups)))
			return d_from_store(s);
		r->trend = arena_alloc(c->a, (np + 1) * sizeof(*r->trend));
		for (size_t i = 0; i < np; i++)
			r->trend[r->ntrend++] = (struct trend_row){ .id = p[i].p.id, .name = p[i].p.name };
		return D_OK;
	}
	default:
		return D_NOTFOUND;
	}
}

/* The groups' part of the report (flow, meetings, attendance, menu,
 * reports, trend), read in one snapshot; sc: the scope it was read in. */
static int gather_counts(struct ctx *c, enum report_level level, long long id, const struct report_period *p,
			 struct level_report *out, struct scope *sc)
{
	assert(c && p && out);
	*out = (struct level_report){ .level = level, .id = id, .period = *p };
	if (!level_report_may_read(c->who) || level >= LEVELS)
		return D_NOTFOUND;
	char *today = arena_alloc(c->a, 11);
	date_today(ctx_now(c), today);
	out->today = today;
	bool snapshot = !store_read_begin(c->st);
	int d = open_scope(c, out, sc);
	for (size_t i = 0; !d && i < sc->ngroups; i++) {
		long long key = level == LEVEL_PROGRAMME ? sc->groups[i].batch_id : sc->groups[i].programme_id;
		d = gather_group(c, out, &sc->groups[i], level >= LEVEL_PROGRAMME ? trend_of(out, key) : NULL);
	}
	if (snapshot)
		store_read_end(c->st);
	return d;
}

int level_report_counts(struct ctx *c, enum report_level level, long long id, const struct report_period *p,
			struct level_report *out)
{
	struct scope sc;
	return gather_counts(c, level, id, p, out, &sc);
}

int level_report_read(struct ctx *c, enum report_level level, long long id, const struct report_period *p,
		      struct level_report *out)
{
	struct scope sc;
	int d = gather_counts(c, level, id, p, out, &sc);
	/* outside the snapshot: a wave's plan may be written to its cache */
	if (!d)
		d = gather_waves(c, out, &sc);
	/* the programme's impact map, its evidence read through
	 * level_report_counts: the same figures as the sections above */
	if (!d && level == LEVEL_PROGRAMME) {
		d = impact_map_get(c, id, &out->impact);
		out->impact_read = !d;
	}
	if (d)
		return d;

	enum level_section s[] = { SECTION_FLOW, SECTION_MEETINGS, SECTION_ATTENDANCE, SECTION_MENU,
				   SECTION_REPORTS, SECTION_WAVES, SECTION_TREND, SECTION_IMPACT, SECTION_RULES };
	for (size_t i = 0; i < sizeof(s) / sizeof(*s); i++) {
		if (s[i] == SECTION_TREND && level < LEVEL_PROGRAMME)
			continue;
		if (s[i] == SECTION_IMPACT && !out->impact_read)
			continue;
		if (s[i] == SECTION_MENU && !out->menu_choices && !out->free_choices)
			continue;
		out->sections[out->nsections++] = s[i];
	}
	assert(out->nsections <= LEVEL_SECTIONS_MAX);
	rule(c, out, _("The report holds counts only: no names, no texts anybody wrote, and no answer or attendance of one person."));
	rule(c, out, _("Why someone stopped is counted by kind; the note written with it is not in the report."));
	rule(c, out, _("Attendance per person is counted in bands over the meetings held with attendance recorded; those who stopped are left out."));
	if (out->free_choices)
		rule(c, out, _("Free choices for a menu meeting are counted together, in one row."));
	return D_OK;
}

const char *level_report_title(struct ctx *c, const struct level_report *r)
{
	return arena_printf(c->a, _("Accounting of %s"), r->name);
}

const char *level_report_period_label(struct ctx *c, const struct report_period *p)
{
	if (*p->from && *p->to)
		return arena_printf(c->a, "%s – %s", date_label(c->a, p->from), date_label(c->a, p->to));
	if (*p->from)
		return arena_printf(c->a, _("from %s"), date_label(c->a, p->from));
	if (*p->to)
		return arena_printf(c->a, _("up to and including %s"), date_label(c->a, p->to));
	return _("the whole run");
}
