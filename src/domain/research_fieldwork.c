/* research_fieldwork.c — the fieldwork register (research_fieldwork.h). */
#include "research_fieldwork.h"
#include "audit.h"
#include "export_audit.h"
#include "research.h"
#include "research_pseudonym.h"
#include "schedule.h"
#include "store_rc.h"
#include "validate.h"
#include "core/i18n.h"
#include "core/utf8.h"
#include "store/research.h"
#include "store/store.h"

#include <string.h>

const char *const RESEARCH_FIELDWORK_KINDS[] = { "observation", "shadowing", "interview", NULL };

const char *research_fieldwork_label(const char *kind)
{
	if (!strcmp(kind, "observation"))
		return _("observation");
	if (!strcmp(kind, "shadowing"))
		return _("shadowing");
	return _("interview");
}

int research_fieldwork_add(struct ctx *c, long long project, const char *kind, const char *held_on, long long minutes,
			   long long unit_id, const char *team, const char *who, long long source_id, const char *note,
			   struct errors *e, long long *id)
{
	int r = research_member_of(c, project);
	if (r)
		return r;
	kind = kind ? kind : "";
	held_on = held_on ? held_on : "";
	char *t = str_trim(arena_strdup(c->a, team ? team : ""));
	char *w = str_trim(arena_strdup(c->a, who ? who : ""));
	note = note ? note : "";
	if (!value_one_of(kind, RESEARCH_FIELDWORK_KINDS))
		errors_add(c, e, "kind", "%s", _("Choose what it was: an observation, a shadowing day or an interview."));
	if (!date_valid(held_on))
		errors_add(c, e, "held_on", "%s", _("Enter the date as YYYY-MM-DD."));
	if (minutes < 0 || minutes > 24 * 60)
		errors_add(c, e, "minutes", "%s", _("Enter the time in minutes, from 0 to 1440 (a whole day)."));
	if (unit_id < 0 || (unit_id > 0 && *t))
		errors_add(c, e, "unit", "%s", _("Choose a team of the organisation, or name a team outside it, not both."));
	check_line(c, e, "team", _("Team outside the organisation"), t, 0, RESEARCH_NAME_MAX);
	check_line(c, e, "who", _("Who was observed or interviewed"), w, 0, RESEARCH_NAME_MAX);
	check_long_text(c, e, "note", _("Note"), note, 0, RESEARCH_MEMO_MAX);
	if (source_id < 0)
		errors_add(c, e, "source", "%s", _("Choose a source of the project, or none."));
	if (e->n)
		return D_INVALID;
	struct research_fieldwork f = { .kind = (char *)kind, .held_on = (char *)held_on, .minutes = minutes,
					.unit_id = unit_id, .team = t, .who = w, .source_id = source_id,
					.note = (char *)note };
	r = store_research_fieldwork_add(c->st, c->who->organisation_id, project, &f, c->who->account_id, ctx_now(c), id);
	if (r == ST_INVALID) {
		errors_add(c, e, "source", "%s", _("Choose a team of the organisation and a source of the project."));
		return D_INVALID;
	}
	if (r)
		return D_ERROR;
	audit(c, "research.fieldwork", "research_project", project, "%s %s", kind, held_on);
	return D_OK;
}

int research_fieldwork_list(struct ctx *c, long long project, struct research_fieldwork **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	int r = research_member_of(c, project);
	return r ? r : d_from_store(store_research_fieldwork(c->st, c->a, c->who->organisation_id, project, out, n));
}

int research_fieldwork_remove(struct ctx *c, long long project, long long id)
{
	int r = research_member_of(c, project);
	return r ? r : d_from_store(store_research_fieldwork_remove(c->st, c->who->organisation_id, project, id));
}

static const char *team_of(const struct research_fieldwork *f)
{
	return *f->unit_name ? f->unit_name : *f->team ? f->team : _("(no team)");
}

int research_fieldwork_totals(struct ctx *c, long long project, struct research_fieldwork_total **out, size_t *n,
			      struct research_fieldwork_total *all)
{
	struct research_fieldwork *f;
	size_t nf;
	*out = NULL;
	*n = 0;
	memset(all, 0, sizeof(*all));
	int r = research_fieldwork_list(c, project, &f, &nf);
	if (r)
		return r;
	*out = arena_alloc(c->a, (nf + 1) * sizeof(**out));
	for (size_t i = 0; i < nf; i++) {
		const char *team = team_of(&f[i]);
		/* the half year: January to June is 1, July to December 2 */
		const char *period = arena_printf(c->a, "%.4s-%c", f[i].held_on, f[i].held_on[5] == '0' &&
										      f[i].held_on[6] <= '6' ? '1' : '2');
		struct research_fieldwork_total *t = NULL;
		for (size_t k = 0; k < *n && !t; k++)
			if (!strcmp((*out)[k].team, team) && !strcmp((*out)[k].period, period))
				t = &(*out)[k];
		if (!t) {
			t = &(*out)[(*n)++];
			*t = (struct research_fieldwork_total){ .team = team, .period = period };
		}
		bool interview = !strcmp(f[i].kind, "interview");
		t->interviews += interview;
		all->interviews += interview;
		if (!interview) {
			t->observations++;
			t->minutes += f[i].minutes;
			all->observations++;
			all->minutes += f[i].minutes;
		}
	}
	/* by team, then period */
	for (size_t i = 1; i < *n; i++)
		for (size_t j = i; j > 0; j--) {
			struct research_fieldwork_total *a = &(*out)[j - 1], *b = &(*out)[j];
			int d = strcmp(a->team, b->team);
			if (d < 0 || (!d && strcmp(a->period, b->period) <= 0))
				break;
			struct research_fieldwork_total x = *a;
			*a = *b;
			*b = x;
		}
	return D_OK;
}

int research_fieldwork_table(struct ctx *c, long long project, struct data_table *out)
{
	memset(out, 0, sizeof(*out));
	struct research_fieldwork *f;
	size_t nf;
	struct research_pseudo *ps;
	int r = research_fieldwork_list(c, project, &f, &nf);
	if (r)
		return r;
	if (research_pseudo_make(c, project, &ps))
		return D_ERROR;
	static const char *const names[] = { "date", "kind", "minutes", "team", "who", "source", "note" };
	enum { NC = 7 };
	struct table_column *cols = arena_alloc(c->a, NC * sizeof(*cols));
	for (size_t k = 0; k < NC; k++)
		cols[k] = (struct table_column){ .name = names[k], .label = "", .kind = "",
						 .type = k == 2 ? TABLE_NUMBER : TABLE_TEXT, .measure = TABLE_SCALE };
	struct table_cell *cells = arena_alloc(c->a, (nf * NC + 1) * sizeof(*cells));
	for (size_t i = 0; i < nf; i++) {
		struct research_shift *sh;
		size_t nsh;
		struct table_cell *row = &cells[i * NC];
		row[0] = (struct table_cell){ .text = f[i].held_on };
		row[1] = (struct table_cell){ .text = research_fieldwork_label(f[i].kind) };
		row[2] = (struct table_cell){ .number = (double)f[i].minutes };
		row[3] = (struct table_cell){ .text = research_pseudo_apply(c->a, ps, team_of(&f[i]), &sh, &nsh) };
		row[4] = (struct table_cell){ .text = research_pseudo_apply(c->a, ps, f[i].who, &sh, &nsh) };
		row[5] = (struct table_cell){ .text = research_pseudo_apply(c->a, ps, f[i].source_name, &sh, &nsh) };
		row[6] = (struct table_cell){ .text = research_pseudo_apply(c->a, ps, f[i].note, &sh, &nsh) };
	}
	out->title = _("Fieldwork register");
	out->columns = cols;
	out->ncolumns = NC;
	out->cells = cells;
	out->nrows = nf;
	export_record(c, EXPORT_RESEARCH, "research_project", project, "fieldwork.csv", nf);
	return D_OK;
}
