/* level_report_parts.c — the accounting of a level laid out in parts
 * (heading, paragraph, table, chart) in the order of its sections, once
 * for the page and the PDF, so that both show the same words and figures. */
#include "level_report.h"
#include "schedule.h"
#include "core/i18n.h"

#include <stdarg.h>
#include <string.h>

struct parts {
	struct ctx *c;
	struct report_part *v;
	size_t n, cap;
};

static struct report_part *part(struct parts *p, enum level_section s, int depth, const char *heading)
{
	if (p->n == p->cap) {
		size_t cap = p->cap ? p->cap * 2 : 16;
		struct report_part *v = arena_alloc(p->c->a, cap * sizeof(*v));
		if (p->n)
			memcpy(v, p->v, p->n * sizeof(*v));
		p->v = v;
		p->cap = cap;
	}
	struct report_part *x = &p->v[p->n++];
	*x = (struct report_part){ .section = s, .depth = depth, .heading = heading };
	return x;
}

/* A table being filled row by row. */
struct rows {
	struct arena *a;
	const char **cells;
	size_t cols, rows, cap;
};

static void row(struct rows *t, ...)
{
	if (t->rows == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 8;
		const char **v = arena_alloc(t->a, cap * t->cols * sizeof(*v));
		if (t->rows)
			memcpy(v, t->cells, t->rows * t->cols * sizeof(*v));
		t->cells = v;
		t->cap = cap;
	}
	va_list ap;
	va_start(ap, t);
	for (size_t k = 0; k < t->cols; k++) {
		const char *s = va_arg(ap, const char *);
		t->cells[t->rows * t->cols + k] = s ? s : "";
	}
	va_end(ap);
	t->rows++;
}

static struct report_table table(struct rows *t, const char *caption)
{
	return (struct report_table){ caption, t->cells, t->cols, t->rows };
}

static const char *num(struct ctx *c, long long v)
{
	return arena_printf(c->a, "%lld", v);
}

static const char *dec(struct ctx *c, double v)
{
	return i18n_number(c->a, i18n_current(), v, 1);
}

static const char *pct(struct ctx *c, long long part, long long whole)
{
	if (whole <= 0)
		return "—";
	return arena_printf(c->a, "%s %%", i18n_number(c->a, i18n_current(), 100.0 * (double)part / (double)whole, 0));
}

static void flow(struct parts *p, const struct level_report *r)
{
	struct ctx *c = p->c;
	const struct enrolment_flow *f = &r->flow;
	struct report_part *x = part(p, SECTION_FLOW, 2, _("Enrolment and who stopped"));
	x->text = arena_printf(c->a, _("%lld registered in %lld groups: %lld completed, %lld stopped, %lld still taking part."),
			       f->registered, r->groups, f->completed, f->stopped, f->in_progress);
	struct rows t = { .a = c->a, .cols = 2 };
	row(&t, _("Participants"), _("Number"));
	row(&t, _("Registered"), num(c, f->registered));
	row(&t, _("Still taking part"), num(c, f->in_progress));
	row(&t, _("Completed"), num(c, f->completed));
	row(&t, _("Stopped"), num(c, f->stopped));
	for (int k = 0; k < STOP_KINDS; k++)
		row(&t, arena_printf(c->a, _("Stopped: %s"), stop_kind_label(k)), num(c, f->stopped_by[k]));
	x->table = table(&t, _("Enrolment at the end of the period"));
}

static void meetings(struct parts *p, const struct level_report *r)
{
	struct ctx *c = p->c;
	struct report_part *x = part(p, SECTION_MEETINGS, 2, _("Meetings held against planned"));
	x->text = arena_printf(c->a, _("%lld of %lld planned meetings held; %lld cancelled."), r->meetings_held,
			       r->meetings_planned, r->meetings_cancelled);
	struct rows t = { .a = c->a, .cols = 7 };
	row(&t, _("Meeting"), _("Planned"), _("Held"), _("Recorded"), _("Present"), _("Excused"), _("Absent"));
	for (size_t i = 0; i < r->nnumbers; i++) {
		const struct meeting_number_row *m = &r->numbers[i];
		const char *name = *m->theme ? arena_printf(c->a, _("Meeting %d: %s"), m->number, m->theme)
					     : arena_printf(c->a, _("Meeting %d"), m->number);
		row(&t, name, num(c, m->planned), num(c, m->held), num(c, m->recorded), num(c, m->present),
		    num(c, m->excused), num(c, m->absent));
	}
	if (r->nnumbers)
		x->table = table(&t, _("Attendance per meeting (recorded: meetings held with attendance recorded)"));
}

static void attendance(struct parts *p, const struct level_report *r)
{
	struct ctx *c = p->c;
	struct report_part *x = part(p, SECTION_ATTENDANCE, 2, _("Attendance per participant"));
	x->text = _("How many participants were present at how many of the meetings held, counted in bands.");
	struct rows t = { .a = c->a, .cols = 2 };
	row(&t, _("Present at"), _("Participants"));
	for (int b = 0; b < BANDS; b++)
		row(&t, attendance_band_label(b), num(c, r->band[b]));
	row(&t, _("no meeting with attendance recorded yet"), num(c, r->unbanded));
	x->table = table(&t, _("Participants per attendance band"));
}

static void menu(struct parts *p, const struct level_report *r)
{
	struct ctx *c = p->c;
	struct report_part *x = part(p, SECTION_MENU, 2, _("Choices from the menu card"));
	x->text = arena_printf(c->a, "%s %s",
			       arena_printf(c->a, ngettext("%lld meeting chosen from the menu card;",
							   "%lld meetings chosen from the menu card;", (unsigned long)r->menu_choices),
					    r->menu_choices),
			       arena_printf(c->a, ngettext("%lld free choice.", "%lld free choices.", (unsigned long)r->free_choices),
					    r->free_choices));
	struct rows t = { .a = c->a, .cols = 2 };
	row(&t, _("Topic"), _("Chosen"));
	for (size_t i = 0; i < r->ntopics; i++)
		row(&t, r->topics[i].topic, num(c, r->topics[i].n));
	if (r->free_choices)
		row(&t, _("A free choice of the group"), num(c, r->free_choices));
	x->table = table(&t, _("Menu-card choices"));
}

static void reports(struct parts *p, const struct level_report *r)
{
	struct ctx *c = p->c;
	struct report_part *x = part(p, SECTION_REPORTS, 2, _("Meeting reports"));
	x->text = arena_printf(c->a, _("Of %lld meetings held, %lld have a report; %lld of them are published."),
			       r->meetings_held, r->reports_written, r->reports_published);
}

static void wave(struct parts *p, const struct report_wave *w)
{
	struct ctx *c = p->c;
	const struct accounting *k = &w->acc;
	struct report_part *x = part(p, SECTION_WAVES, 3, arena_printf(c->a, "%s (%s)", w->name, w->instrument));
	x->text = arena_printf(c->a, _("Open from %s to %s. Of %lld invited (registered %lld, stopped %lld), %lld answered and %lld did not."),
			       date_label(c->a, w->opens_on), date_label(c->a, w->closes_on), k->invited, k->registered,
			       k->stopped, k->responded, k->not_responded);
	struct rows t = { .a = c->a, .cols = 2 };
	row(&t, _("Response"), _("Number"));
	row(&t, _("Registered"), num(c, k->registered));
	row(&t, _("Stopped"), num(c, k->stopped));
	row(&t, _("Completed"), num(c, k->completed));
	row(&t, _("Invited (not stopped)"), num(c, k->invited));
	row(&t, _("Answered"), num(c, k->responded));
	row(&t, _("Did not answer"), num(c, k->not_responded));
	row(&t, _("Response rate"), pct(c, k->responded, k->invited));
	x->table = table(&t, _("Response accounting"));
	if (!w->shown) {
		struct report_part *h = part(p, SECTION_WAVES, 3, NULL);
		h->text = w->why_hidden;
		return;
	}
	if (w->nitems) {
		struct report_part *it = part(p, SECTION_WAVES, 3, NULL);
		struct rows q = { .a = c->a, .cols = 4 };
		row(&q, _("Question"), _("N"), _("Mean"), _("SD"));
		struct report_chart *ch = &it->chart;
		*ch = (struct report_chart){ .title = arena_printf(c->a, _("Means of \"%s\", with ±1 SD"), w->name),
					     .label_header = _("Question"), .scale_min = w->scale_min, .scale_max = w->scale_max };
		const char **labels = arena_alloc(c->a, w->nitems * sizeof(*labels));
		ch->mean = arena_alloc(c->a, w->nitems * sizeof(double));
		ch->sd = arena_alloc(c->a, w->nitems * sizeof(double));
		ch->n = arena_alloc(c->a, w->nitems * sizeof(long long));
		for (size_t i = 0; i < w->nitems; i++) {
			const struct report_item *ri = &w->items[i];
			const char *label = *ri->code ? arena_printf(c->a, "%s. %s", ri->code, ri->text) : ri->text;
			row(&q, label, num(c, ri->n), dec(c, ri->mean), dec(c, ri->sd));
			labels[i] = label;
			ch->mean[i] = ri->mean;
			ch->sd[i] = ri->sd;
			ch->n[i] = ri->n;
		}
		ch->labels = labels;
		ch->nlabels = w->scale_max > w->scale_min ? w->nitems : 0;
		it->table = table(&q, _("Results per question"));
	}
	if (w->compared) {
		struct report_part *cp = part(p, SECTION_WAVES, 3, !strcmp(w->compare_by, "batch")
								       ? _("Batches compared")
								       : _("Groups compared"));
		struct rows g = { .a = c->a, .cols = 3 };
		row(&g, !strcmp(w->compare_by, "batch") ? _("Batch") : _("Group"), _("N"), _("Mean"));
		for (size_t i = 0; i < w->nparts; i++)
			row(&g, w->parts[i].name, num(c, w->parts[i].n), dec(c, w->parts[i].mean));
		cp->table = table(&g, arena_printf(c->a, _("Mean on \"%s\""), w->dimension));
		if (w->parts_hidden)
			cp->text = arena_printf(c->a, ngettext("%lld part is left out: too few answers.",
							       "%lld parts are left out: too few answers.",
							       (unsigned long)w->parts_hidden),
						w->parts_hidden);
		cp->bullets = w->readings;
		cp->nbullets = w->nreadings;
	}
}

static void waves(struct parts *p, const struct level_report *r)
{
	struct report_part *x = part(p, SECTION_WAVES, 2, _("Questionnaires"));
	if (!r->nwaves)
		x->text = _("No questionnaire of this level was open in the period.");
	else
		x->text = _("The questionnaires of this level open in the period, with their response accounting and, where the rules allow, their results and a comparison.");
	for (size_t i = 0; i < r->nwaves; i++)
		wave(p, &r->waves[i]);
}

static void trend(struct parts *p, const struct level_report *r)
{
	struct ctx *c = p->c;
	bool batches = r->level == LEVEL_PROGRAMME;
	struct report_part *x = part(p, SECTION_TREND, 2, batches ? _("Trend over the batches") : _("Trend over the programmes"));
	struct rows t = { .a = c->a, .cols = 6 };
	row(&t, batches ? _("Batch") : _("Programme"), _("Registered"), _("Completed"), _("Stopped"), _("Meetings held"),
	    _("Present"));
	for (size_t i = 0; i < r->ntrend; i++) {
		const struct trend_row *tr = &r->trend[i];
		row(&t, tr->name, num(c, tr->flow.registered), num(c, tr->flow.completed), num(c, tr->flow.stopped),
		    arena_printf(c->a, "%lld / %lld", tr->meetings_held, tr->meetings_planned), pct(c, tr->present, tr->recorded));
	}
	x->text = _("Present: the share of attendance records that say present.");
	x->table = table(&t, batches ? _("Per batch") : _("Per programme"));
}

/* The programme's impact map: a table per level with an outcome, its
 * evidence and the figures (or why they are not shown). */
static void impact(struct parts *p, const struct level_report *r)
{
	struct ctx *c = p->c;
	const struct impact_map *m = &r->impact;
	struct report_part *x = part(p, SECTION_IMPACT, 2, _("Impact map"));
	if (!m->n) {
		x->text = _("This programme has no impact map yet. The coach can fill one in: which work behaviour is wanted after the programme, its indicators, and the goals it serves.");
		if (m->may_edit) {
			x->link = arena_printf(c->a, "/programmes/%lld/impact/edit", m->programme_id);
			x->link_text = _("Fill in the impact map");
		}
		return;
	}
	x->text = _("The programme's intended outcomes on the levels of the impact map, each with the evidence leergang holds, under the same rules as the sections above.");
	for (int l = 0; l < IMPACT_LEVELS; l++) {
		struct rows t = { .a = c->a, .cols = 3 };
		row(&t, _("Outcome"), _("Evidence"), _("Figures"));
		for (size_t i = 0; i < m->n; i++) {
			const struct impact_entry *e = &m->entries[i];
			if (strcmp(e->o.level, impact_levels[l].key))
				continue;
			const char *kind = impact_evidence_kind_label(e->ev.kind);
			row(&t, e->o.text, e->ev.label ? arena_printf(c->a, "%s: %s", kind, e->ev.label) : kind,
			    impact_evidence_figures(c, &e->ev));
		}
		if (t.rows < 2)
			continue;
		struct report_part *lp = part(p, SECTION_IMPACT, 3, _(impact_levels[l].name));
		lp->table = table(&t, _(impact_levels[l].name));
	}
}

static void rules(struct parts *p, const struct level_report *r)
{
	struct report_part *x = part(p, SECTION_RULES, 2, _("Rules that applied"));
	x->bullets = r->rules;
	x->nbullets = r->nrules;
}

void level_report_parts(struct ctx *c, const struct level_report *r, struct report_part **out, size_t *n)
{
	struct parts p = { .c = c };
	for (size_t i = 0; i < r->nsections; i++) {
		switch (r->sections[i]) {
		case SECTION_FLOW: flow(&p, r); break;
		case SECTION_MEETINGS: meetings(&p, r); break;
		case SECTION_ATTENDANCE: attendance(&p, r); break;
		case SECTION_MENU: menu(&p, r); break;
		case SECTION_REPORTS: reports(&p, r); break;
		case SECTION_WAVES: waves(&p, r); break;
		case SECTION_TREND: trend(&p, r); break;
		case SECTION_IMPACT: impact(&p, r); break;
		case SECTION_RULES: rules(&p, r); break;
		}
	}
	*out = p.v;
	*n = p.n;
}
