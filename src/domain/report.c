/* report.c — the rules of reports, contributions and the learning story.
 * Writing: the facilitator (by person) writes and publishes; the mentor
 * adds their reflection; a participant who was present contributes.
 * Reading goes through domain/privacy.c, one place for every channel. */
#include "report.h"
#include "audit.h"
#include "group.h"
#include "meeting.h"
#include "schedule.h"
#include "store_rc.h"
#include "core/i18n.h"
#include "core/utf8.h"
#include "store/group.h"
#include "store/meeting.h"
#include "store/report.h"
#include "store/store.h"

#include <assert.h>
#include <string.h>

static bool blank(const char *s)
{
	for (; s && *s; s++)
		if (!strchr(" \t\r\n", *s))
			return false;
	return true;
}

static void check_text(struct ctx *c, struct errors *e, const char *field, const char *label, const char *v,
		       size_t max)
{
	if (!v)
		return;
	if (!utf8_valid(v, strlen(v)))
		errors_add(c, e, field, _("%s: the text is not valid UTF-8."), label);
	else if (strlen(v) > max)
		errors_add(c, e, field, _("%s: use at most %d characters."), label, (int)max);
}

/* The meeting and its group, for anyone in the organisation. */
static int meeting_group(struct ctx *c, long long meeting_id, struct meeting *m, struct learning_group *g)
{
	long long org = c->who->organisation_id;
	int r = store_meeting_get(c->st, c->a, org, meeting_id, m);
	if (!r)
		r = store_group_get(c->st, c->a, org, m->group_id, g);
	return d_from_store(r);
}

static bool is_facilitator(struct ctx *c, const struct learning_group *g)
{
	return c->who->person_id && g->facilitator_id == c->who->person_id;
}

static bool is_mentor(struct ctx *c, const struct learning_group *g)
{
	return c->who->person_id && g->mentor_id == c->who->person_id;
}

int report_save(struct ctx *c, long long meeting_id, const struct report_texts *t, long long now, struct errors *e,
		long long *id)
{
	struct meeting m;
	struct learning_group g;
	int d = meeting_group(c, meeting_id, &m, &g);
	if (d)
		return d;
	bool fac = is_facilitator(c, &g), men = is_mentor(c, &g);
	if (!fac && !men)
		return D_FORBIDDEN;
	long long org = c->who->organisation_id;
	struct meeting_report old;
	d = d_from_store(store_report_for_meeting(c->st, c->a, org, meeting_id, &old));
	if (d && d != D_NOTFOUND)
		return d;
	bool exists = d == D_OK;
	/* the facilitator's saving leaves the mentor's reflection as it is */
	if (!fac)
		check_text(c, e, "mentor_reflection", _("Reflection of the mentor"), t->mentor_reflection, REPORT_TEXT_MAX);
	if (fac) {
		check_text(c, e, "agenda", _("Agenda"), t->agenda, REPORT_TEXT_MAX);
		check_text(c, e, "themes", _("Themes discussed"), t->themes, REPORT_TEXT_MAX);
		check_text(c, e, "learning_moments", _("Learning moments the group named"), t->learning_moments,
			   REPORT_TEXT_MAX);
		check_text(c, e, "facilitator_reflection", _("Reflection of the facilitator"), t->facilitator_reflection,
			   REPORT_TEXT_MAX);
	} else if (!exists) {
		errors_add(c, e, "mentor_reflection", "%s",
			   _("The facilitator has not begun the report of this meeting yet; add your reflection when it has."));
	}
	if (e->n)
		return D_INVALID;
	if (!fac) {
		if (store_report_put_mentor(c->st, org, old.id, t->mentor_reflection, now))
			return D_ERROR;
		audit(c, "report.reflect", "report", old.id, "meeting %lld", meeting_id);
		if (id)
			*id = old.id;
		return D_OK;
	}
	struct meeting_report x = {
		.meeting_id = meeting_id,
		.agenda = (char *)t->agenda,
		.themes = (char *)t->themes,
		.learning_moments = (char *)t->learning_moments,
		.facilitator_reflection = (char *)t->facilitator_reflection,
		.mentor_reflection = exists ? old.mentor_reflection : "",
		.written_by = c->who->person_id,
		.updated_at = now,
	};
	long long rid;
	if (store_report_put(c->st, org, &x, &rid))
		return D_ERROR;
	audit(c, exists ? "report.update" : "report.create", "report", rid, "meeting %lld", meeting_id);
	if (id)
		*id = rid;
	return D_OK;
}

int report_publish(struct ctx *c, long long meeting_id, bool publish, long long now, struct errors *e)
{
	struct meeting m;
	struct learning_group g;
	int d = meeting_group(c, meeting_id, &m, &g);
	if (d)
		return d;
	if (!is_facilitator(c, &g))
		return D_FORBIDDEN;
	struct meeting_report r;
	int s = d_from_store(store_report_for_meeting(c->st, c->a, c->who->organisation_id, meeting_id, &r));
	if (s == D_NOTFOUND || (publish && blank(r.agenda) && blank(r.themes) && blank(r.learning_moments) &&
				 blank(r.facilitator_reflection))) {
		errors_add(c, e, "", "%s", _("Write the report before you publish it: at least the themes or the learning moments."));
		return D_INVALID;
	}
	if (s)
		return s;
	if (store_report_publish(c->st, c->who->organisation_id, r.id, publish, now))
		return D_ERROR;
	audit(c, publish ? "report.publish" : "report.unpublish", "report", r.id, "meeting %lld", meeting_id);
	return D_OK;
}

/* Fills out->contribs with what the actor may read of the meeting's
 * contributions; each read by another than the writer is audited. */
static int read_contributions(struct ctx *c, long long group_id, long long meeting_id, const struct meeting_report *r,
			      struct report_view *out)
{
	struct contribution *all;
	size_t n;
	if (store_contribution_list(c->st, c->a, c->who->organisation_id, group_id, meeting_id, &all, &n))
		return D_ERROR;
	out->contribs = arena_alloc(c->a, (n + 1) * sizeof(*all));
	out->ncontribs = 0;
	for (size_t i = 0; i < n; i++) {
		enum privacy_read lv = privacy_contribution(c, &all[i], r);
		if (lv == PRIVACY_NONE)
			continue;
		struct contribution x = all[i];
		if (lv == PRIVACY_ANONYMISED) {
			x.text = privacy_anonymise(c, group_id, x.text);
			x.person_name = "";
			x.person_id = 0;
		}
		privacy_log_read(c, "contribution", all[i].id, all[i].person_id);
		out->contribs[out->ncontribs++] = x;
	}
	return D_OK;
}

static void anonymise_report(struct ctx *c, struct meeting_report *r)
{
	r->agenda = privacy_anonymise(c, r->group_id, r->agenda);
	r->themes = privacy_anonymise(c, r->group_id, r->themes);
	r->learning_moments = privacy_anonymise(c, r->group_id, r->learning_moments);
	r->facilitator_reflection = privacy_anonymise(c, r->group_id, r->facilitator_reflection);
	r->mentor_reflection = privacy_anonymise(c, r->group_id, r->mentor_reflection);
}

/* The view of one stored report (r) for the actor. */
static int view_report(struct ctx *c, const struct meeting_report *r, struct report_view *out)
{
	out->level = privacy_report(c, r);
	if (out->level == PRIVACY_NONE)   /* one's own contribution to a draft still shows */
		return read_contributions(c, r->group_id, r->meeting_id, r, out);
	out->exists = true;
	out->r = *r;
	if (out->level == PRIVACY_ANONYMISED)
		anonymise_report(c, &out->r);
	privacy_log_read(c, "report", r->id, r->written_by);
	return read_contributions(c, r->group_id, r->meeting_id, r, out);
}

int report_read(struct ctx *c, long long meeting_id, struct report_view *out)
{
	memset(out, 0, sizeof(*out));
	struct meeting m;
	struct learning_group g;
	int d = meeting_group(c, meeting_id, &m, &g);
	if (d)
		return d;
	struct meeting_report r;
	int s = d_from_store(store_report_for_meeting(c->st, c->a, c->who->organisation_id, meeting_id, &r));
	if (s == D_OK)
		return view_report(c, &r, out);
	if (s != D_NOTFOUND)
		return s;
	/* no report yet: one's own contribution (and the facilitator's view of all) */
	return read_contributions(c, g.id, meeting_id, NULL, out);
}

int report_list(struct ctx *c, long long group_id, struct report_view **out, size_t *n)
{
	struct meeting_report *all;
	size_t k;
	*out = NULL;
	*n = 0;
	if (store_report_list(c->st, c->a, c->who->organisation_id, group_id, false, &all, &k))
		return D_ERROR;
	*out = arena_alloc(c->a, (k + 1) * sizeof(**out));
	for (size_t i = 0; i < k; i++) {
		struct report_view v = { 0 };
		if (view_report(c, &all[i], &v))
			return D_ERROR;
		if (v.exists)
			(*out)[(*n)++] = v;
	}
	return D_OK;
}

/* Whether the actor was present at the meeting (of group_id). */
static int was_present(struct ctx *c, long long group_id, long long meeting_id, bool *present)
{
	long long me = c->who->person_id;
	struct attendance *at;
	size_t n;
	*present = false;
	if (!me)
		return D_OK;
	int r = store_attendance_list(c->st, c->a, c->who->organisation_id, group_id, &at, &n);
	if (r)
		return d_from_store(r);
	for (size_t i = 0; i < n; i++)
		*present |= at[i].meeting_id == meeting_id && at[i].person_id == me && !strcmp(at[i].status, "present");
	return D_OK;
}

int report_page_read(struct ctx *c, long long meeting_id, struct report_page_view *out)
{
	assert(out);
	memset(out, 0, sizeof(*out));
	enum group_relation rel;
	int d = meeting_open(c, meeting_id, &out->m, &out->g, &rel);
	if (!d)
		d = report_read(c, meeting_id, &out->v);
	if (!d)
		d = was_present(c, out->g.id, meeting_id, &out->was_present);
	if (d)
		return d;
	out->writes = is_facilitator(c, &out->g);
	out->reflects = is_mentor(c, &out->g);
	out->contribution_section = rel == REL_PARTICIPANT || (!out->writes && !out->reflects && out->was_present);
	long long me = c->who->person_id;
	for (size_t i = 0; i < out->v.ncontribs && me; i++)
		if (out->v.contribs[i].person_id == me)
			out->mine = &out->v.contribs[i];
	return D_OK;
}

bool report_is_published(struct ctx *c, long long meeting_id)
{
	struct meeting_report r;
	return !store_report_for_meeting(c->st, c->a, c->who->organisation_id, meeting_id, &r) &&
	       !strcmp(r.status, "published");
}

int contribution_meeting(struct ctx *c, long long contribution_id, long long *meeting_id)
{
	assert(meeting_id);
	struct contribution x;
	int r = store_contribution_get(c->st, c->a, c->who->organisation_id, contribution_id, &x);
	*meeting_id = r ? 0 : x.meeting_id;
	return d_from_store(r);
}

bool story_is_bundled(struct ctx *c, long long group_id)
{
	struct learning_story st;
	return !store_story_get(c->st, c->a, c->who->organisation_id, group_id, &st) && !strcmp(st.status, "bundled");
}

int story_open_file(struct ctx *c, long long group_id, struct story_view *v)
{
	int d = story_open(c, group_id, v);
	return d || (v->downloadable && !v->waiting) ? d : D_NOTFOUND;
}

int contribution_save(struct ctx *c, long long meeting_id, const char *text, long long now, struct errors *e)
{
	struct meeting m;
	struct learning_group g;
	int d = meeting_group(c, meeting_id, &m, &g);
	if (d)
		return d;
	long long org = c->who->organisation_id, me = c->who->person_id;
	if (!me)
		return D_FORBIDDEN;
	bool present;
	if ((d = was_present(c, g.id, meeting_id, &present)))
		return d;
	if (!present) {
		errors_add(c, e, "text", "%s", _("Only participants who were present at the meeting add a contribution to its report."));
		return D_INVALID;
	}
	check_text(c, e, "text", _("Your contribution"), text, CONTRIBUTION_MAX);
	if (e->n)
		return D_INVALID;
	struct contribution *mine;
	size_t k;
	if (store_contribution_list(c->st, c->a, org, g.id, meeting_id, &mine, &k))
		return D_ERROR;
	long long old = 0;
	for (size_t i = 0; i < k; i++)
		if (mine[i].person_id == me)
			old = mine[i].id;
	if (blank(text)) {
		if (!old) {
			errors_add(c, e, "text", "%s", _("Write your contribution first; it is voluntary, so an empty one is simply not saved."));
			return D_INVALID;
		}
		if (store_contribution_delete(c->st, org, me, old))
			return D_ERROR;
		audit(c, "contribution.delete", "contribution", old, "meeting %lld", meeting_id);
		return D_OK;
	}
	struct contribution x = { .meeting_id = meeting_id, .person_id = me, .text = (char *)text, .updated_at = now };
	long long id;
	/* present once, but no longer a participant of the group (stopped): nothing stored */
	d = d_from_store(store_contribution_put(c->st, org, &x, &id));
	if (d == D_NOTFOUND) {
		errors_add(c, e, "text", "%s", _("Only participants who were present at the meeting add a contribution to its report."));
		return D_INVALID;
	}
	if (d)
		return d;
	audit(c, old ? "contribution.update" : "contribution.create", "contribution", id, "meeting %lld", meeting_id);
	return D_OK;
}

int contribution_place(struct ctx *c, long long contribution_id, bool placed, long long now)
{
	struct contribution x;
	struct learning_group g;
	long long org = c->who->organisation_id;
	int r = store_contribution_get(c->st, c->a, org, contribution_id, &x);
	if (!r)
		r = store_group_get(c->st, c->a, org, x.group_id, &g);
	if (r)
		return d_from_store(r);
	if (!is_facilitator(c, &g))
		return privacy_contribution(c, &x, NULL) == PRIVACY_NONE ? D_NOTFOUND : D_FORBIDDEN;
	if (store_contribution_place(c->st, org, contribution_id, placed, now))
		return D_ERROR;
	audit(c, placed ? "contribution.place" : "contribution.unplace", "contribution", contribution_id, "meeting %lld",
	      x.meeting_id);
	return D_OK;
}

/* First and last day of the group's meetings that are not cancelled. */
static int meeting_span(struct ctx *c, long long group_id, const char **first, const char **last)
{
	struct meeting *m;
	size_t n;
	*first = *last = NULL;
	if (store_meeting_list(c->st, c->a, c->who->organisation_id, group_id, &m, &n))
		return D_ERROR;
	for (size_t i = 0; i < n; i++) {
		if (m[i].cancelled)
			continue;
		if (!*first || strcmp(m[i].starts_on, *first) < 0)
			*first = m[i].starts_on;
		if (!*last || strcmp(m[i].ends_on, *last) > 0)
			*last = m[i].ends_on;
	}
	return D_OK;
}

int story_save(struct ctx *c, long long group_id, const char *opening, const char *closing, bool bundle,
	       long long now, struct errors *e)
{
	long long org = c->who->organisation_id;
	struct learning_group g;
	int r = store_group_get(c->st, c->a, org, group_id, &g);
	if (r)
		return d_from_store(r);
	/* another group's facilitator learns no more than from an id that does not exist */
	if (!is_facilitator(c, &g))
		return group_relation(c, &g) == REL_NONE ? D_NOTFOUND : D_FORBIDDEN;
	check_text(c, e, "opening", _("Opening"), opening, STORY_TEXT_MAX);
	check_text(c, e, "closing", _("Closing"), closing, STORY_TEXT_MAX);
	struct learning_story old;
	int d = d_from_store(store_story_get(c->st, c->a, org, group_id, &old));
	if (d && d != D_NOTFOUND)
		return d;
	bool was_bundled = d == D_OK && !strcmp(old.status, "bundled");
	if (bundle && !was_bundled) {
		const char *first, *last;
		struct meeting_report *pub;
		size_t npub;
		char today[11];
		date_today(now, today);
		if (meeting_span(c, group_id, &first, &last) ||
		    store_report_list(c->st, c->a, org, group_id, true, &pub, &npub))
			return D_ERROR;
		if (!last)
			errors_add(c, e, "", "%s", _("The group has no meetings yet; the learning story is bundled on or after the last one."));
		else if (strcmp(today, last) < 0)
			errors_add(c, e, "", _("The learning story is bundled on or after the group's last meeting, on %s."),
				   date_label(c->a, last));
		if (!npub)
			errors_add(c, e, "", "%s", _("Publish at least one meeting report first; the learning story bundles the published reports."));
	}
	if (e->n)
		return D_INVALID;
	struct learning_story x = {
		.group_id = group_id,
		.opening = (char *)(opening ? opening : ""),
		.closing = (char *)(closing ? closing : ""),
		.status = (bundle || was_bundled) ? "bundled" : "draft",
		.bundled_at = was_bundled ? old.bundled_at : bundle ? now : 0,
		.updated_at = now,
	};
	long long id;
	if (store_story_put(c->st, org, &x, &id))
		return D_ERROR;
	audit(c, bundle && !was_bundled ? "learning_story.bundle" : "learning_story.update", "learning_story", id,
	      "group %lld", group_id);
	return D_OK;
}

int story_open(struct ctx *c, long long group_id, struct story_view *v)
{
	memset(v, 0, sizeof(*v));
	long long org = c->who->organisation_id;
	int d = d_from_store(store_group_get(c->st, c->a, org, group_id, &v->g));
	if (d)
		return d;
	d = d_from_store(store_story_get(c->st, c->a, org, group_id, &v->s));
	if (d && d != D_NOTFOUND)
		return d;
	v->exists = d == D_OK;
	if (!v->exists)
		v->s = (struct learning_story){ .group_id = group_id, .opening = "", .closing = "", .status = "draft" };
	v->level = privacy_story(c, &v->s);
	if (v->level == PRIVACY_NONE) {
		/* a reader of the bundled story (a participant, a coach) is told
		 * that it is not bundled yet, with none of the draft's texts */
		struct learning_story bundled = v->s;
		bundled.status = "bundled";
		if (strcmp(v->s.status, "bundled") && privacy_story(c, &bundled) != PRIVACY_NONE) {
			v->waiting = true;
			v->s = (struct learning_story){ .id = v->s.id, .group_id = group_id, .opening = "", .closing = "", .status = v->s.status };
			return meeting_span(c, group_id, &v->first_date, &v->last_date) ? D_ERROR : D_OK;
		}
		return D_NOTFOUND;
	}
	v->writes = is_facilitator(c, &v->g);
	v->downloadable = v->writes || !strcmp(v->s.status, "bundled");
	if (meeting_span(c, group_id, &v->first_date, &v->last_date))
		return D_ERROR;
	if (v->exists) {
		if (v->level == PRIVACY_ANONYMISED) {
			v->s.opening = privacy_anonymise(c, group_id, v->s.opening);
			v->s.closing = privacy_anonymise(c, group_id, v->s.closing);
		}
		privacy_log_read(c, "learning_story", v->s.id, v->g.facilitator_id);
	}
	struct meeting_report *pub;
	size_t npub;
	if (store_report_list(c->st, c->a, org, group_id, true, &pub, &npub))
		return D_ERROR;
	v->reports = arena_alloc(c->a, (npub + 1) * sizeof(*v->reports));
	for (size_t i = 0; i < npub; i++) {
		struct report_view rv = { 0 };
		if (view_report(c, &pub[i], &rv))
			return D_ERROR;
		if (rv.exists)
			v->reports[v->n++] = rv;
	}
	return D_OK;
}

const char *report_status_label(const char *status)
{
	if (!strcmp(status, "published"))
		return _("published to the group");
	if (!strcmp(status, "bundled"))
		return _("bundled and given to the group");
	return _("draft");
}

void report_fields(const struct meeting_report *r, struct report_field out[REPORT_FIELDS])
{
	out[0] = (struct report_field){ "agenda", _("Agenda"), r->agenda };
	out[1] = (struct report_field){ "themes", _("Themes discussed"), r->themes };
	out[2] = (struct report_field){ "learning_moments", _("Learning moments the group named"), r->learning_moments };
	out[3] = (struct report_field){ "facilitator_reflection", _("Reflection of the facilitator"),
					r->facilitator_reflection };
	out[4] = (struct report_field){ "mentor_reflection", _("Reflection of the mentor"), r->mentor_reflection };
}

const char *report_title(struct ctx *c, const struct meeting_report *r)
{
	return arena_printf(c->a, _("Meeting %d: %s"), r->number, r->theme);
}
