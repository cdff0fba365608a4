/* group_view.c — what a reader sees of a learning group (the rules in
 * group_view.h): one read per table for the whole page, then what the
 * reader may not see is left out here, so no page decides it. */
#include "group_view.h"
#include "schedule.h"
#include "store_rc.h"
#include "domain/role.h"
#include "store/design.h"
#include "store/group.h"
#include "store/intake.h"
#include "store/meeting.h"
#include "store/report.h"
#include "store/store.h"

#include <assert.h>
#include <string.h>

/* What a relation may see and do on the group's page. */
struct access {
	bool programme_link, size_warning, status, stop_reason, change_status, intake;
	bool reports, drafts;              /* the reports' status; drafts too */
	bool attendance_all, attendance_own;
	bool closing, staff, plan;
};

static struct access access_of(enum group_relation rel)
{
	bool runs = rel == REL_COACH || rel == REL_FACILITATOR || rel == REL_MENTOR;
	return (struct access){
		.programme_link = rel == REL_COACH || rel == REL_OWNER,
		.size_warning = rel == REL_COACH || rel == REL_FACILITATOR,
		.status = rel != REL_PARTICIPANT && rel != REL_NONE,
		.stop_reason = group_may_see_attendance(rel),
		.change_status = group_may_staff(rel),
		.intake = rel == REL_FACILITATOR || rel == REL_MENTOR,
		/* the coach reads along with the published reports only (domain/privacy.h) */
		.reports = rel != REL_OWNER && rel != REL_NONE,
		.drafts = rel == REL_FACILITATOR || rel == REL_MENTOR,
		.attendance_all = group_may_see_attendance(rel),
		.attendance_own = rel == REL_PARTICIPANT,
		.closing = runs,
		.staff = group_may_staff(rel),
		.plan = group_may_staff(rel) || group_may_run(rel),
	};
}

static long long index_of_meeting(const struct group_view *v, long long meeting_id)
{
	for (size_t i = 0; i < v->nm; i++)
		if (v->m[i].id == meeting_id)
			return (long long)i;
	return -1;
}

/* Per meeting the status of its report, for a reader who reads reports. */
static int fill_reports(struct ctx *c, const struct access *a, struct group_view *v)
{
	if (!a->reports || !v->nm)
		return D_OK;
	struct meeting_report *rep;
	size_t n;
	int r = store_report_list(c->st, c->a, c->who->organisation_id, v->g.id, !a->drafts, &rep, &n);
	if (r)
		return d_from_store(r);
	v->report_status = arena_alloc(c->a, v->nm * sizeof(*v->report_status));
	for (size_t k = 0; k < n; k++) {
		long long i = index_of_meeting(v, rep[k].meeting_id);
		if (i >= 0)
			v->report_status[i] = rep[k].status;
	}
	return D_OK;
}

/* The attendance table: every participant's row, or one's own. */
static int fill_attendance(struct ctx *c, const struct access *a, struct group_view *v)
{
	if (!a->attendance_all && !a->attendance_own)
		return D_OK;
	struct attendance *at;
	size_t nat;
	int r = store_attendance_list(c->st, c->a, c->who->organisation_id, v->g.id, &at, &nat);
	if (r)
		return d_from_store(r);
	v->attendance = arena_alloc(c->a, (v->nen + 1) * sizeof(*v->attendance));
	long long *row_of = arena_alloc(c->a, (v->nen + 1) * sizeof(*row_of));  /* enrolment -> row, or -1 */
	for (size_t k = 0; k < v->nen; k++) {
		row_of[k] = -1;
		if (!a->attendance_all && v->en[k].person_id != c->who->person_id)
			continue;
		struct group_attendance_row *row = &v->attendance[v->nattendance];
		row->en = &v->en[k];
		row->status = arena_alloc(c->a, (v->nm + 1) * sizeof(*row->status));
		for (size_t i = 0; i < v->nm; i++)
			row->status[i] = "";
		row_of[k] = (long long)v->nattendance++;
	}
	for (size_t j = 0; j < nat; j++) {
		long long i = index_of_meeting(v, at[j].meeting_id);
		for (size_t k = 0; k < v->nen && i >= 0; k++)
			if (v->en[k].person_id == at[j].person_id && row_of[k] >= 0)
				v->attendance[row_of[k]].status[i] = at[j].status;
	}
	for (size_t r2 = 0; r2 < v->nattendance; r2++) {
		struct group_attendance_row *row = &v->attendance[r2];
		for (size_t i = 0; i < v->nm; i++) {
			row->recorded += *row->status[i] != '\0';
			row->present += !strcmp(row->status[i], "present");
		}
	}
	return D_OK;
}

/* The programme's meetings that the group has not planned yet. */
static int fill_unplanned(struct ctx *c, struct group_view *v)
{
	struct programme_meeting *pm;
	size_t npm;
	int r = store_programme_meeting_list(c->st, c->a, c->who->organisation_id, v->g.programme_id, &pm, &npm);
	if (r)
		return d_from_store(r);
	v->unplanned = arena_alloc(c->a, (npm + 1) * sizeof(*v->unplanned));
	for (size_t i = 0; i < npm; i++) {
		bool planned = false;
		for (size_t k = 0; k < v->nm && !planned; k++)
			planned = v->m[k].programme_meeting_id == pm[i].id;
		if (!planned)
			v->unplanned[v->nunplanned++] = pm[i];
	}
	return D_OK;
}

/* The participants as the reader may see them: a stop's date and reason
 * only for those who run or accompany the group. */
static void fill_participants(struct ctx *c, const struct access *a, struct group_view *v)
{
	for (size_t i = 0; i < v->nen; i++) {
		if (!a->stop_reason)
			v->en[i].stopped_on = v->en[i].stop_reason = NULL;
		if (v->rel == REL_PARTICIPANT && c->who->person_id && v->en[i].person_id == c->who->person_id)
			v->own_enrolment_id = v->en[i].id;
	}
}

static int fill_counts(struct ctx *c, const struct access *a, struct group_view *v)
{
	if (a->size_warning) {
		struct programme p;
		int r = store_programme_get(c->st, c->a, c->who->organisation_id, v->g.programme_id, &p);
		if (r)
			return d_from_store(r);
		v->size_warning = group_size_warning(c, &v->g, &p);
	}
	if (a->closing) {
		int r = store_closing_counts(c->st, c->who->organisation_id, v->g.id, &v->closing_offered, &v->closing_held,
					     &v->closing_declined);
		if (r)
			return d_from_store(r);
	}
	return D_OK;
}

static int read_view(struct ctx *c, long long group_id, struct group_view *out)
{
	long long org = c->who->organisation_id;
	int r = store_group_get(c->st, c->a, org, group_id, &out->g);
	if (!r)
		r = store_enrolment_list(c->st, c->a, org, group_id, &out->en, &out->nen);
	if (r)
		return d_from_store(r);
	out->rel = group_relation_in(c, &out->g, out->en, out->nen);
	if (out->rel == REL_NONE)
		return D_NOTFOUND;
	struct access a = access_of(out->rel);
	out->programme_link = a.programme_link;
	out->show_status = a.status;
	out->may_change_status = a.change_status;
	out->holds_intake = a.intake;
	out->may_staff = a.staff;
	out->may_plan = a.plan;
	fill_participants(c, &a, out);
	r = store_meeting_list(c->st, c->a, org, group_id, &out->m, &out->nm);
	if (r)
		return d_from_store(r);
	int d;
	if ((d = fill_counts(c, &a, out)) || (d = fill_reports(c, &a, out)) || (d = fill_attendance(c, &a, out)) ||
	    (a.plan && (d = fill_unplanned(c, out))))
		return d;
	return D_OK;
}

int group_view(struct ctx *c, long long group_id, struct group_view *out)
{
	assert(c && out);
	memset(out, 0, sizeof(*out));
	/* one snapshot for the whole page, and one read lock instead of one per query */
	int r = store_read_begin(c->st);
	if (r)
		return d_from_store(r);
	int d = read_view(c, group_id, out);
	store_read_end(c->st);
	if (d)   /* nothing of a group the actor may not see leaves here */
		memset(out, 0, sizeof(*out));
	return d;
}

int group_list_visible(struct ctx *c, struct learning_group **out, size_t *n, bool *all)
{
	assert(c && out && n && all);
	long long org = c->who->organisation_id;
	/* those who follow the programmes see every group (web's ROLES_PROGRAMME_READ) */
	*all = actor_has(c->who, ROLE_BIT(ROLE_COACH) | ROLE_BIT(ROLE_OWNER));
	int r = *all ? store_group_list(c->st, c->a, org, 0, 0, out, n)
		     : store_group_list_for_person(c->st, c->a, org, c->who->person_id, out, n);
	return d_from_store(r);
}

int group_next_meetings(struct ctx *c, size_t max, struct meeting **out, size_t *n)
{
	assert(c && out && n);
	*out = NULL;
	*n = 0;
	if (!c->who->person_id)
		return D_OK;
	struct meeting *m;
	size_t k;
	int r = store_meeting_list_for_person(c->st, c->a, c->who->organisation_id, c->who->person_id, &m, &k);
	if (r)
		return d_from_store(r);
	char today[11];
	date_today(ctx_now(c), today);
	*out = arena_alloc(c->a, (max + 1) * sizeof(**out));
	for (size_t i = 0; i < k && *n < max; i++)
		if (strcmp(m[i].ends_on, today) >= 0)
			(*out)[(*n)++] = m[i];
	return D_OK;
}

/* One's own part in group g: the place (any status) and the contributions. */
static int own_part(struct ctx *c, struct own_group *o)
{
	long long org = c->who->organisation_id, me = c->who->person_id;
	struct enrolment *en;
	struct contribution *x;
	size_t nen, nx;
	int r = store_enrolment_list(c->st, c->a, org, o->g.id, &en, &nen);
	if (!r)
		r = store_contribution_list(c->st, c->a, org, o->g.id, 0, &x, &nx);
	if (r)
		return d_from_store(r);
	for (size_t k = 0; k < nen; k++)
		if (en[k].person_id == me)
			o->en = &en[k];
	o->role = o->en ? "participant" : o->g.facilitator_id == me ? "facilitator" : "mentor";
	o->contribs = arena_alloc(c->a, (nx + 1) * sizeof(*o->contribs));
	for (size_t k = 0; k < nx; k++)
		if (x[k].person_id == me)
			o->contribs[o->ncontribs++] = x[k];
	return D_OK;
}

int group_list_own(struct ctx *c, struct own_group **out, size_t *n)
{
	assert(c && out && n);
	*out = NULL;
	*n = 0;
	long long me = c->who->person_id;
	if (!me)
		return D_OK;
	struct learning_group *g;
	size_t ng;
	int r = store_group_list_for_person(c->st, c->a, c->who->organisation_id, me, &g, &ng);
	if (r)
		return d_from_store(r);
	*out = arena_alloc(c->a, (ng + 1) * sizeof(**out));
	for (size_t i = 0; i < ng; i++) {
		(*out)[i].g = g[i];
		int d = own_part(c, &(*out)[i]);
		if (d)
			return d;
	}
	*n = ng;
	return D_OK;
}
