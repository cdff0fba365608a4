/* feedback_phase.c — the four feedback phases per partner of a research
 * project: their preconditions, one function each, and the release that
 * asks them. */
#include "feedback_phase.h"
#include "audit.h"
#include "research.h"
#include "schedule.h"
#include "store_rc.h"
#include "validate.h"
#include "core/i18n.h"
#include "core/utf8.h"
#include "store/feedback_phase.h"
#include "store/store.h"

#include <string.h>

const char *feedback_phase_name(int phase)
{
	switch (phase) {
	case 1: return _("First analysis");
	case 2: return _("Extended analysis");
	case 3: return _("Complete analysis");
	case 4: return _("Closing meeting");
	default: return "";
	}
}

const char *feedback_phase_about(int phase)
{
	switch (phase) {
	case 1: return _("Descriptive statistics and first insights from the partner's own organisation, as soon as the first data are in.");
	case 2: return _("The first relations made visible, after the first analysis.");
	case 3: return _("The research report with the results of all participating partners, when all their data have been collected and analysed.");
	case 4: return _("The closing meeting of the project with the final conclusions.");
	default: return "";
	}
}

static bool released(const struct research_partner *p, int phase)
{
	return p->phase[phase - 1].released_at != 0;
}

/* Phase 1: "zodra de eerste data binnen is" (seed 003 §6). */
const char *feedback_phase1_missing(struct arena *a, const struct research_partner *p)
{
	(void)a;
	if (!*p->data_in_on)
		return _("The first data of this partner are not in yet: record the date they came in first.");
	return NULL;
}

/* Phase 2: the seed gives only "de volgende fase". */
const char *feedback_phase2_missing(struct arena *a, const struct research_partner *p)
{
	(void)a;
	if (!released(p, 1))
		return _("Release the first analysis for this partner first.");
	return NULL;
}

/* "a, b and c" */
static const char *names_joined(struct arena *a, const char **names, size_t n)
{
	struct buf b = BUF_INIT;
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_adds(&b, i + 1 == n ? _(" and ") : ", ");
		buf_adds(&b, names[i]);
	}
	char *s = arena_strdup(a, b.ptr ? b.ptr : "");
	buf_release(&b);
	return s;
}

/* Phase 3: "als alle data van de deelnemende partners is verzameld en
 * geanalyseerd" (seed 003 §6): every partner of the project collected and
 * analysed. That phase 2 of this partner must come first is leergang's
 * reading of the order of the phases; the seed names no such condition. */
const char *feedback_phase3_missing(struct arena *a, const struct research_partner *all, size_t n,
				    const struct research_partner *p)
{
	const char **uncollected = arena_alloc(a, (n + 1) * sizeof(*uncollected));
	const char **unanalysed = arena_alloc(a, (n + 1) * sizeof(*unanalysed));
	size_t nc = 0, na = 0;
	for (size_t i = 0; i < n; i++) {
		if (!*all[i].collected_on)
			uncollected[nc++] = all[i].name;
		if (!*all[i].analysed_on)
			unanalysed[na++] = all[i].name;
	}
	struct buf b = BUF_INIT;
	if (nc)
		buf_addf(&b, _("Not all partners yet: the data of %s have not all been collected yet."),
			 names_joined(a, uncollected, nc));
	if (na) {
		if (nc)
			buf_addch(&b, ' ');
		buf_addf(&b, na == 1 ? _("Not all partners yet: %s has not been analysed yet.")
				     : _("Not all partners yet: %s have not been analysed yet."),
			 names_joined(a, unanalysed, na));
	}
	if (!released(p, 2)) {
		if (b.len)
			buf_addch(&b, ' ');
		buf_adds(&b, _("Release the extended analysis for this partner first."));
	}
	const char *r = b.len ? arena_strdup(a, b.ptr) : NULL;
	buf_release(&b);
	return r;
}

/* Phase 4: after phase 3 (the seed states no other condition). */
const char *feedback_phase4_missing(struct arena *a, const struct research_partner *p)
{
	(void)a;
	if (!released(p, 3))
		return _("Release the complete analysis for this partner first.");
	return NULL;
}

const char *feedback_phase_missing(struct arena *a, const struct research_partner *all, size_t n,
				   const struct research_partner *p, int phase)
{
	if (phase < 1 || phase > FEEDBACK_PHASES)
		return _("Choose one of the four phases.");
	if (released(p, phase))
		return arena_printf(a, _("The phase %s has been released for this partner already."),
				    feedback_phase_name(phase));
	switch (phase) {
	case 1: return feedback_phase1_missing(a, p);
	case 2: return feedback_phase2_missing(a, p);
	case 3: return feedback_phase3_missing(a, all, n, p);
	default: return feedback_phase4_missing(a, p);
	}
}

int feedback_partners(struct ctx *c, long long project, struct research_partner **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	int r = research_member_of(c, project);
	if (r)
		return r;
	return d_from_store(store_research_partners(c->st, c->a, c->who->organisation_id, project, out, n));
}

int feedback_partner_add(struct ctx *c, long long project, const char *name, const char *contact, struct errors *e,
			 long long *id)
{
	int r = research_member_of(c, project);
	if (r)
		return r;
	char *nm = str_trim(arena_strdup(c->a, name ? name : ""));
	char *ct = str_trim(arena_strdup(c->a, contact ? contact : ""));
	bool ok = check_line(c, e, "name", _("Partner organisation"), nm, 1, RESEARCH_NAME_MAX);
	ok &= check_line(c, e, "contact", _("Contact person"), ct, 0, RESEARCH_NAME_MAX);
	if (!ok)
		return D_INVALID;
	r = store_research_partner_add(c->st, c->who->organisation_id, project, nm, ct, id);
	if (r == ST_CONFLICT) {
		errors_add(c, e, "name", "%s", _("This project has a partner by that name already."));
		return D_INVALID;
	}
	r = d_from_store(r);
	if (!r)
		audit(c, "research.partner", "research_project", project, "%s", nm);
	return r;
}

static const struct research_partner *find(const struct research_partner *all, size_t n, long long id)
{
	for (size_t i = 0; i < n; i++)
		if (all[i].id == id)
			return &all[i];
	return NULL;
}

int feedback_partner_mark(struct ctx *c, long long project, long long partner, const char *what, const char *on,
			  struct errors *e)
{
	struct research_partner *all;
	size_t n;
	int r = feedback_partners(c, project, &all, &n);
	if (r)
		return r;
	const struct research_partner *p = find(all, n, partner);
	if (!p)
		return D_NOTFOUND;
	on = on ? on : "";
	if (*on && !date_valid(on)) {
		errors_add(c, e, "on", "%s", _("Give a date as YYYY-MM-DD, or leave it empty to clear it."));
		return D_INVALID;
	}
	const char *in = p->data_in_on, *col = p->collected_on, *an = p->analysed_on;
	what = what ? what : "";
	if (!strcmp(what, "data_in"))
		in = on;
	else if (!strcmp(what, "collected"))
		col = on;
	else if (!strcmp(what, "analysed"))
		an = on;
	else {
		errors_add(c, e, "what", "%s", _("Choose what you record: first data in, collected or analysed."));
		return D_INVALID;
	}
	r = d_from_store(store_research_partner_dates(c->st, c->who->organisation_id, project, partner, in, col, an));
	if (!r)
		audit(c, "research.partner_data", "research_partner", partner, "%s %s", what, on);
	return r;
}

int feedback_release(struct ctx *c, long long project, long long partner, int phase, const char *shared,
		     const char *deliverable, struct errors *e)
{
	if (store_begin(c->st))
		return D_ERROR;
	struct research_partner *all;
	size_t n;
	int r = feedback_partners(c, project, &all, &n);
	const struct research_partner *p = r ? NULL : find(all, n, partner);
	if (!r && !p)
		r = D_NOTFOUND;
	if (r) {
		store_rollback(c->st);
		return r;
	}
	const char *why = feedback_phase_missing(c->a, all, n, p, phase);
	if (why)
		errors_add(c, e, "phase", "%s", why);
	char *sh = str_trim(arena_strdup(c->a, shared ? shared : ""));
	char *dl = str_trim(arena_strdup(c->a, deliverable ? deliverable : ""));
	check_long_text(c, e, "shared", _("What was shared"), sh, 1, FEEDBACK_TEXT_MAX);
	check_line(c, e, "deliverable", _("Deliverable"), dl, 0, RESEARCH_NAME_MAX);
	if (e->n) {
		store_rollback(c->st);
		return D_INVALID;
	}
	struct feedback_release rel = { .partner_id = partner, .phase = phase, .shared = sh, .deliverable = dl,
					 .released_by_name = (char *)c->who->display_name, .released_at = ctx_now(c) };
	long long id;
	r = store_feedback_release_add(c->st, c->who->organisation_id, project, &rel, c->who->account_id, &id);
	if (!r)
		r = audit(c, "research.feedback_release", "research_partner", partner, "%d", phase);
	if (r || store_commit(c->st)) {
		store_rollback(c->st);
		return r == ST_CONFLICT ? D_CONFLICT : D_ERROR;
	}
	return D_OK;
}
