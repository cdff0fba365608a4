/* meeting.c — a group's meetings: planned from the programme's design,
 * moved or cancelled, chosen from the menu card, with attendance. */
#include "meeting.h"
#include "audit.h"
#include "group.h"
#include "programme.h"
#include "schedule.h"
#include "store_rc.h"
#include "validate.h"
#include "core/i18n.h"
#include "store/design.h"
#include "store/group.h"
#include "store/meeting.h"
#include "store/store.h"

#include <assert.h>
#include <stdlib.h>

#include <string.h>

static bool check_when(struct ctx *c, const struct meeting_when *w, int days, struct errors *e)
{
	size_t before = e->n;
	if (!date_valid(w->date))
		errors_add(c, e, "date", "%s", _("Give the date as YYYY-MM-DD, such as 2026-09-01."));
	else if (atoi(w->date) < MEETING_YEAR_MIN || atoi(w->date) > MEETING_YEAR_MAX)  /* a typing error, not a plan */
		errors_add(c, e, "date", _("A meeting is planned in the years %d to %d; check the year of %s."), MEETING_YEAR_MIN,
			   MEETING_YEAR_MAX, w->date);
	if (!time_valid(w->start))
		errors_add(c, e, "start", "%s", _("Give the start time as HH:MM, such as 09:00."));
	if (!time_valid(w->end))
		errors_add(c, e, "end", "%s", _("Give the end time as HH:MM, such as 17:00."));
	else if (days == 1 && time_valid(w->start) && strcmp(w->end, w->start) <= 0)
		errors_add(c, e, "end", "%s", _("The meeting must end after it starts."));
	check_line(c, e, "venue", _("Venue"), w->venue ? w->venue : "", 0, VENUE_MAX);
	return e->n == before;
}

static void set_when(struct ctx *c, struct meeting *m, const struct meeting_when *w, int days)
{
	m->starts_on = (char *)w->date;
	m->start_time = (char *)w->start;
	m->end_time = (char *)w->end;
	m->venue = (char *)(w->venue ? w->venue : "");
	char *end = arena_alloc(c->a, 11);
	if (days == 2)
		date_add_days(w->date, 1, end);
	else
		memcpy(end, w->date, 11);
	m->ends_on = end;
}

int meeting_plan(struct ctx *c, long long group_id, int number, const struct meeting_when *w, long long now,
		 struct errors *e, long long *id)
{
	long long org = c->who->organisation_id;
	struct learning_group g;
	int r = store_group_get(c->st, c->a, org, group_id, &g);
	if (r)
		return d_from_store(r);
	struct programme_meeting *pm;
	size_t npm;
	if (store_programme_meeting_list(c->st, c->a, org, g.programme_id, &pm, &npm))
		return D_ERROR;
	const struct programme_meeting *design = NULL;
	for (size_t i = 0; i < npm; i++)
		if (pm[i].number == number)
			design = &pm[i];
	if (!design) {
		errors_add(c, e, "number", ngettext("The programme has %zu meeting; choose one of them.",
						    "The programme has %zu meetings; choose one of them.", (unsigned long)npm),
			   npm);
		return D_INVALID;
	}
	if (!check_when(c, w, design->days, e))
		return D_INVALID;
	struct meeting m = { 0 };
	m.group_id = group_id;
	m.programme_meeting_id = design->id;
	set_when(c, &m, w, design->days);
	m.updated_at = now;
	long long mid;
	r = store_meeting_add(c->st, org, &m, &mid);
	if (r == ST_CONFLICT) {
		errors_add(c, e, "number", _("Meeting %d of this group is planned already; change it on its page."), number);
		return D_INVALID;
	}
	if (r)
		return d_from_store(r);
	audit(c, "meeting.plan", "meeting", mid, "group %lld, meeting %d on %s", group_id, number, w->date);
	if (id)
		*id = mid;
	return D_OK;
}

int meeting_plan_series(struct ctx *c, long long group_id, int number, int repeat, int every,
			const struct meeting_when *w, long long now, struct errors *e, long long *ids)
{
	assert(w && e && ids);
	if (repeat < 1 || repeat > MEETING_SERIES_MAX)
		errors_add(c, e, "repeat", _("Give the number of meetings to plan, from 1 to %d."), MEETING_SERIES_MAX);
	if (every < 1 || every > MEETING_EVERY_MAX)
		errors_add(c, e, "every", _("Give the days from one meeting to the next, from 1 to %d."), MEETING_EVERY_MAX);
	if (e->n)
		return D_INVALID;
	if (store_begin(c->st))
		return D_ERROR;
	struct meeting_when at = *w;
	char date[11], next[11];
	int d = D_OK;
	for (int k = 0; k < repeat && d == D_OK; k++) {
		d = meeting_plan(c, group_id, number + k, &at, now, e, &ids[k]);
		if (d == D_OK) {
			date_add_days(at.date, every, next);
			memcpy(date, next, sizeof(date));
			at.date = date;
		}
	}
	if (d) {
		store_rollback(c->st);
		return d;
	}
	return store_commit(c->st) ? D_ERROR : D_OK;
}

int meeting_change(struct ctx *c, long long meeting_id, const struct meeting_when *w, bool cancel, long long now,
		   struct errors *e)
{
	long long org = c->who->organisation_id;
	struct meeting m;
	int r = store_meeting_get(c->st, c->a, org, meeting_id, &m);
	if (r)
		return d_from_store(r);
	if (!check_when(c, w, m.days, e))
		return D_INVALID;
	set_when(c, &m, w, m.days);
	m.cancelled = cancel;
	m.sequence++;
	m.updated_at = now;
	if (store_meeting_update(c->st, org, &m))
		return D_ERROR;
	audit(c, cancel ? "meeting.cancel" : "meeting.change", "meeting", meeting_id, "%s %s-%s", w->date, w->start,
	      w->end);
	return D_OK;
}

int meeting_choose(struct ctx *c, long long meeting_id, const struct meeting_choice *ch, long long now,
		   struct errors *e)
{
	long long org = c->who->organisation_id;
	struct meeting m;
	int r = store_meeting_get(c->st, c->a, org, meeting_id, &m);
	if (r)
		return d_from_store(r);
	if (!m.from_menu) {
		errors_add(c, e, "choice", _("Meeting %d is not chosen from the menu card: its theme is set in the programme."),
			   m.number);
		return D_INVALID;
	}
	struct learning_group g;
	struct programme p;
	struct programme_meeting *pm;
	struct meeting *all;
	struct enrolment *en;
	size_t npm, nall, nen;
	if (store_group_get(c->st, c->a, org, m.group_id, &g) || store_programme_get(c->st, c->a, org, g.programme_id, &p) ||
	    store_programme_meeting_list(c->st, c->a, org, p.id, &pm, &npm) ||
	    store_meeting_list(c->st, c->a, org, g.id, &all, &nall) || store_enrolment_list(c->st, c->a, org, g.id, &en, &nen))
		return D_ERROR;

	/* the group's choices so far, this meeting not counted */
	struct menu_state s = { programme_menu_slots(pm, npm), 0, 0 };
	for (size_t i = 0; i < nall; i++)
		if (all[i].id != m.id && all[i].from_menu && !all[i].cancelled) {
			s.menu_chosen += !strcmp(all[i].choice, "menu");
			s.free_chosen += !strcmp(all[i].choice, "free");
		}
	/* preparers: distinct participants of the group who have not stopped */
	long long *prep = arena_alloc(c->a, (ch->npreparers + 1) * sizeof(*prep));
	size_t nprep = 0;
	for (size_t i = 0; i < ch->npreparers; i++) {
		bool dup = false, member = false;
		for (size_t k = 0; k < nprep; k++)
			dup |= prep[k] == ch->preparers[i];
		for (size_t k = 0; k < nen; k++)
			member |= en[k].person_id == ch->preparers[i] && strcmp(en[k].status, "stopped");
		if (!member)
			errors_add(c, e, "preparers", "%s", _("Preparers are participants of this group; choose them from the list."));
		else if (!dup)
			prep[nprep++] = ch->preparers[i];
	}
	struct menu_rules rules = programme_menu_rules(&p);
	struct menu_choice mc = { ch->free, ch->topic_id, ch->free_topic, ch->justification, nprep };
	menu_check(c, &rules, &s, &mc, e);
	if (ch->free)
		check_line(c, e, "free_topic", _("Free choice"), ch->free_topic ? ch->free_topic : "", 0, FREE_TOPIC_MAX);
	if (ch->justification && strlen(ch->justification) > JUSTIFICATION_MAX)
		errors_add(c, e, "justification", _("%s: use at most %d characters."), _("Justification"), JUSTIFICATION_MAX);
	if (e->n)
		return D_INVALID;

	m.choice = ch->free ? "free" : "menu";
	m.topic_id = ch->free ? 0 : ch->topic_id;
	m.option_id = ch->free ? 0 : ch->option_id;
	m.free_topic = (char *)(ch->free ? ch->free_topic : "");
	m.justification = (char *)(ch->justification ? ch->justification : "");
	m.sequence++;
	m.updated_at = now;
	if (store_begin(c->st))
		return D_ERROR;
	r = store_meeting_update(c->st, org, &m);
	if (r == ST_NOTFOUND) {
		/* the topic or option is not of this programme's card */
		store_rollback(c->st);
		errors_add(c, e, "topic", "%s", _("Choose a topic and option from this programme's menu card."));
		return D_INVALID;
	}
	if (r || store_meeting_set_preparers(c->st, org, m.id, prep, nprep)) {
		store_rollback(c->st);
		return D_ERROR;
	}
	audit(c, "meeting.choose", "meeting", m.id, "%s", ch->free ? "free choice" : "menu choice");
	return store_commit(c->st) ? D_ERROR : D_OK;
}

int attendance_record(struct ctx *c, long long meeting_id, long long person_id, const char *status, long long now,
		      struct errors *e)
{
	long long org = c->who->organisation_id;
	struct meeting m;
	int r = store_meeting_get(c->st, c->a, org, meeting_id, &m);
	if (r)
		return d_from_store(r);
	struct enrolment *en;
	size_t nen;
	if (store_enrolment_list(c->st, c->a, org, m.group_id, &en, &nen))
		return D_ERROR;
	struct enrolment *member = NULL;
	for (size_t k = 0; k < nen; k++)
		if (en[k].person_id == person_id)
			member = &en[k];
	if (!member) {
		errors_add(c, e, "person", "%s", _("Attendance is recorded for participants of the group only."));
		return D_INVALID;
	}
	if (!status || !*status)
		return store_attendance_clear(c->st, org, meeting_id, person_id) ? D_ERROR : D_OK;
	if (strcmp(status, "present") && strcmp(status, "excused") && strcmp(status, "absent")) {
		errors_add(c, e, "status", "%s", _("Choose present, absent with notice or absent."));
		return D_INVALID;
	}
	if (store_attendance_set(c->st, org, meeting_id, person_id, status, now))
		return D_ERROR;
	/* someone registered who comes to a meeting has started: active */
	if (!strcmp(status, "present") && !strcmp(member->status, "registered")) {
		member->status = "active";
		if (store_enrolment_update(c->st, org, member))
			return D_ERROR;
		audit(c, "enrolment.status", "enrolment", member->id, "registered -> active (present at meeting %lld)",
		      meeting_id);
	}
	return D_OK;
}

const char *attendance_label(const char *status)
{
	if (!strcmp(status, "present"))
		return _("present");
	if (!strcmp(status, "excused"))
		return _("absent with notice");
	if (!strcmp(status, "absent"))
		return _("absent");
	return "—";
}

int programme_cascade(struct ctx *c, long long programme_id, char **out, size_t max, size_t *n)
{
	long long org = c->who->organisation_id;
	struct programme p;
	struct batch *b;
	struct learning_group *g;
	struct meeting *m;
	size_t nb, ng, nm;
	*n = 0;
	int r = store_programme_get(c->st, c->a, org, programme_id, &p);
	if (r)
		return d_from_store(r);
	if (store_batch_list(c->st, c->a, org, programme_id, &b, &nb) ||
	    store_group_list(c->st, c->a, org, programme_id, 0, &g, &ng) ||
	    store_meeting_list_programme(c->st, c->a, org, programme_id, &m, &nm))
		return D_ERROR;
	struct cascade_batch *cb = arena_alloc(c->a, (nb + 1) * sizeof(*cb));
	for (size_t i = 0; i < nb; i++) {
		cb[i].number = b[i].number;
		cb[i].name = b[i].name;
		bool every = false;  /* every group of the batch has meeting N (and there is a group) */
		const char *reached = NULL;
		for (size_t k = 0; k < ng; k++) {
			if (g[k].batch_id != b[i].id)
				continue;
			const char *date = NULL;
			for (size_t j = 0; j < nm; j++)
				if (m[j].group_id == g[k].id && m[j].number == p.cascade_meeting && !m[j].cancelled)
					date = m[j].ends_on;
			if (!date) {
				every = false;
				reached = NULL;
				break;
			}
			every = true;
			if (!reached || strcmp(date, reached) > 0)
				reached = date;
		}
		cb[i].reached_on = every ? reached : NULL;
		for (size_t j = 0; j < nm; j++)
			if (m[j].batch_id == b[i].id && !m[j].cancelled &&
			    (!cb[i].first_date || strcmp(m[j].starts_on, cb[i].first_date) < 0))
				cb[i].first_date = m[j].starts_on;
	}
	*n = cascade_check(c, p.cascade_meeting, cb, nb, out, max);
	return D_OK;
}

int meeting_open(struct ctx *c, long long id, struct meeting *m, struct learning_group *g, enum group_relation *rel)
{
	int r = store_meeting_get(c->st, c->a, c->who->organisation_id, id, m);
	if (r)
		return d_from_store(r);
	return group_open(c, m->group_id, g, rel);
}

int meeting_open_to_run(struct ctx *c, long long id, struct meeting *m, struct learning_group *g)
{
	enum group_relation rel;
	int d = meeting_open(c, id, m, g, &rel);
	if (d)
		return d;
	return group_may_run(rel) ? D_OK : D_FORBIDDEN;
}

bool meeting_prepared_by(const struct meeting *m, long long person_id)
{
	const char *p = m->preparers;
	while (p && *p) {
		char *end;
		if (strtoll(p, &end, 10) == person_id)
			return true;
		p = *end ? end + 1 : end;
	}
	return false;
}

/* Keeps the meeting's records the actor may see: every one for who runs
 * the group, the actor's own for a participant or mentor. */
static void visible_attendance(struct ctx *c, struct meeting_view *v, struct attendance *at, size_t nat)
{
	v->attendance = arena_alloc(c->a, (nat + 1) * sizeof(*v->attendance));
	v->nattendance = 0;
	bool own_only = v->rel == REL_PARTICIPANT || v->rel == REL_MENTOR;
	if (!v->may_run && !own_only)
		return;
	for (size_t k = 0; k < nat; k++)
		if (at[k].meeting_id == v->m.id && (v->may_run || at[k].person_id == c->who->person_id))
			v->attendance[v->nattendance++] = at[k];
}

/* Keeps the script parts of this meeting, for all but its participants. */
static void visible_script(struct ctx *c, struct meeting_view *v, struct script_part *sp, size_t nsp)
{
	v->script = arena_alloc(c->a, (nsp + 1) * sizeof(*v->script));
	v->nscript = 0;
	if (v->rel == REL_PARTICIPANT)
		return;
	for (size_t i = 0; i < nsp; i++)
		if (sp[i].programme_meeting_id == v->m.programme_meeting_id)
			v->script[v->nscript++] = sp[i];
}

int meeting_view_open(struct ctx *c, long long id, struct meeting_view *v)
{
	assert(v);
	memset(v, 0, sizeof(*v));
	int d = meeting_open(c, id, &v->m, &v->g, &v->rel);
	if (d)
		return d;
	long long org = c->who->organisation_id;
	v->may_run = group_may_run(v->rel);
	v->may_read_report = v->rel != REL_OWNER;
	/* why the group chose a menu topic is the group's own text: the owner
	 * sees what was chosen, not why (SPEC: the owner never reads texts) */
	if (v->rel == REL_OWNER)
		v->m.justification = "";
	struct attendance *at;
	struct script_part *sp;
	size_t nat, nsp;
	if (store_enrolment_list(c->st, c->a, org, v->g.id, &v->enrolments, &v->nenrolments) ||
	    store_attendance_list(c->st, c->a, org, v->g.id, &at, &nat) ||
	    store_script_part_list(c->st, c->a, org, v->g.programme_id, &sp, &nsp))
		return D_ERROR;
	visible_attendance(c, v, at, nat);
	visible_script(c, v, sp, nsp);
	if (v->m.from_menu && v->may_run &&
	    (store_menu_topic_list(c->st, c->a, org, v->g.programme_id, &v->topics, &v->ntopics) ||
	     store_menu_option_list(c->st, c->a, org, v->g.programme_id, &v->options, &v->noptions)))
		return D_ERROR;
	return D_OK;
}

long long menu_option_topic(struct ctx *c, long long programme_id, long long option_id)
{
	struct menu_option *o;
	size_t no;
	if (store_menu_option_list(c->st, c->a, c->who->organisation_id, programme_id, &o, &no))
		return 0;
	for (size_t i = 0; i < no; i++)
		if (o[i].id == option_id)
			return o[i].topic_id;
	return 0;
}

int meeting_attendance_save(struct ctx *c, long long meeting_id,
			    const char *(*status_of)(void *arg, long long person_id), void *arg, long long now,
			    struct errors *e)
{
	assert(status_of && e);
	struct meeting m;
	struct learning_group g;
	int d = meeting_open_to_run(c, meeting_id, &m, &g);
	if (d)
		return d;
	struct enrolment *en;
	size_t nen;
	if (store_enrolment_list(c->st, c->a, c->who->organisation_id, g.id, &en, &nen) || store_begin(c->st))
		return D_ERROR;
	for (size_t i = 0; i < nen && d == D_OK; i++)
		d = attendance_record(c, m.id, en[i].person_id, status_of(arg, en[i].person_id), now, e);
	if (d != D_OK) {
		store_rollback(c->st);
		return d;
	}
	if (store_commit(c->st)) {
		store_rollback(c->st);
		return D_ERROR;
	}
	return D_OK;
}

const char *meeting_title(struct arena *a, const struct meeting *m)
{
	if (!strcmp(m->choice, "free") && m->free_topic && *m->free_topic)
		return m->free_topic;
	if (!strcmp(m->choice, "menu") && m->topic_name)
		return m->option_name ? arena_printf(a, "%s: %s", m->topic_name, m->option_name) : m->topic_name;
	return m->theme;
}
