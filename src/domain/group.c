/* group.c — batches, groups, staffing, enrolment, and the relation of the
 * acting person to a group. Mentors, facilitators and participants are
 * found through the group's own rows (its staffing and enrolment), so
 * there is one truth about who belongs where. */
#include "group.h"
#include "audit.h"
#include "schedule.h"
#include "store_rc.h"
#include "validate.h"
#include "core/i18n.h"
#include "domain/role.h"
#include "store/group.h"
#include "store/meeting.h"
#include "store/store.h"

#include <assert.h>
#include <string.h>
#include <time.h>

static bool enrolled_in(const struct enrolment *e, size_t n, long long person_id)
{
	for (size_t i = 0; i < n && person_id; i++)
		if (e[i].person_id == person_id && strcmp(e[i].status, "stopped"))
			return true;
	return false;
}

static bool enrolled(struct ctx *c, long long group_id, long long person_id)
{
	struct enrolment *e;
	size_t n;
	if (!person_id || store_enrolment_list(c->st, c->a, c->who->organisation_id, group_id, &e, &n))
		return false;
	return enrolled_in(e, n, person_id);
}

/* The relation that the group's staffing and the actor's roles decide,
 * or REL_NONE when it depends on the enrolments. */
static enum group_relation staff_relation(struct ctx *c, const struct learning_group *g)
{
	const struct actor *w = c->who;
	if (w->organisation_id != 0 && actor_has(w, ROLE_BIT(ROLE_COACH)))
		return REL_COACH;
	long long me = w->person_id;
	if (me && g->facilitator_id == me)
		return REL_FACILITATOR;
	if (me && g->mentor_id == me)
		return REL_MENTOR;
	return REL_NONE;
}

static enum group_relation other_relation(struct ctx *c, bool participant)
{
	if (participant)
		return REL_PARTICIPANT;
	return actor_has(c->who, ROLE_BIT(ROLE_OWNER)) ? REL_OWNER : REL_NONE;
}

enum group_relation group_relation(struct ctx *c, const struct learning_group *g)
{
	enum group_relation r = staff_relation(c, g);
	return r != REL_NONE ? r : other_relation(c, enrolled(c, g->id, c->who->person_id));
}

enum group_relation group_relation_in(struct ctx *c, const struct learning_group *g, const struct enrolment *en,
				      size_t n)
{
	assert(en || !n);
	enum group_relation r = staff_relation(c, g);
	return r != REL_NONE ? r : other_relation(c, enrolled_in(en, n, c->who->person_id));
}

int group_open(struct ctx *c, long long id, struct learning_group *g, enum group_relation *rel)
{
	assert(g && rel);
	int r = store_group_get(c->st, c->a, c->who->organisation_id, id, g);
	if (r)
		return d_from_store(r);
	*rel = group_relation(c, g);
	return *rel == REL_NONE ? D_NOTFOUND : D_OK;
}

bool group_may_staff(enum group_relation r)
{
	return r == REL_COACH;
}

bool group_may_run(enum group_relation r)
{
	return r == REL_COACH || r == REL_FACILITATOR;
}

bool group_may_see_attendance(enum group_relation r)
{
	return r == REL_COACH || r == REL_FACILITATOR || r == REL_MENTOR;
}

const char *batch_next_name(struct arena *a, size_t existing)
{
	/* stored data, not interface: in the organisation's language (Dutch),
	 * whichever language the creator's screen is in */
	return arena_printf(a, "Lichting %zu", existing + 1);
}

int batch_create(struct ctx *c, long long programme_id, const char *name, struct errors *e, long long *id)
{
	long long org = c->who->organisation_id;
	struct batch *b;
	size_t n;
	if (store_batch_list(c->st, c->a, org, programme_id, &b, &n))
		return D_ERROR;
	if (!name || !*name)
		name = batch_next_name(c->a, n);
	if (!check_line(c, e, "name", _("Name"), name, 1, GROUP_NAME_MAX))
		return D_INVALID;
	long long bid;
	int r = store_batch_add(c->st, org, programme_id, name, &bid);
	if (r)
		return d_from_store(r);
	audit(c, "batch.create", "batch", bid, "%s", name);
	if (id)
		*id = bid;
	return D_OK;
}

int group_create(struct ctx *c, long long batch_id, const char *name, struct errors *e, long long *id)
{
	if (!check_line(c, e, "name", _("Name"), name, 1, GROUP_NAME_MAX))
		return D_INVALID;
	long long gid;
	int d = d_from_store(store_group_add(c->st, c->who->organisation_id, batch_id, name, &gid));
	if (d == D_CONFLICT) {
		errors_add(c, e, "name", _("This batch has a group called \"%s\" already; choose another name."), name);
		return D_INVALID;
	}
	if (d)
		return d;
	audit(c, "group.create", "group", gid, "%s", name);
	if (id)
		*id = gid;
	return D_OK;
}

static bool person_ok(struct ctx *c, struct errors *e, const char *field, long long id, struct person *p)
{
	if (!id)
		return true;
	if (store_person_get(c->st, c->a, c->who->organisation_id, id, p)) {
		errors_add(c, e, field, "%s", _("Choose a person of your organisation from the list."));
		return false;
	}
	if (!p->active) {
		errors_add(c, e, field, _("%s is no longer active; choose someone else."), p->name);
		return false;
	}
	return true;
}

int group_staff(struct ctx *c, long long group_id, long long mentor_id, long long facilitator_id,
		const char *pair_status, struct errors *e)
{
	struct learning_group g;
	int r = store_group_get(c->st, c->a, c->who->organisation_id, group_id, &g);
	if (r)
		return d_from_store(r);
	struct person m, f;
	person_ok(c, e, "mentor_id", mentor_id, &m);
	person_ok(c, e, "facilitator_id", facilitator_id, &f);
	if (mentor_id && mentor_id == facilitator_id)
		errors_add(c, e, "facilitator_id", "%s",
			   _("The mentor and the facilitator of a group are two people: choose someone else for one of them."));
	static const char *const statuses[] = { "none", "proposed", "confirmed", "changed", 0 };
	bool known = false;
	for (int i = 0; statuses[i]; i++)
		known |= pair_status && !strcmp(pair_status, statuses[i]);
	if (!known)
		errors_add(c, e, "pair_status", "%s", _("Choose the status of the pair from the list."));
	/* seed 000 §7.2: the pair is matched on an estimate, then "een
	 * ontmoetingsmoment om te bepalen of de ingeschatte combinaties in
	 * werkelijkheid klikten": confirmed or changed after the first meeting */
	if (!e->n && known && strcmp(pair_status, g.pair_status) &&
	    (!strcmp(pair_status, "confirmed") || !strcmp(pair_status, "changed"))) {
		struct meeting *mt;
		size_t nm;
		if (store_meeting_list(c->st, c->a, c->who->organisation_id, group_id, &mt, &nm))
			return D_ERROR;
		const char *first = NULL;
		for (size_t i = 0; i < nm; i++)
			if (!mt[i].cancelled && (!first || strcmp(mt[i].starts_on, first) < 0))
				first = mt[i].starts_on;
		char today[11];
		date_today((long long)time(NULL), today);
		if (!first)
			errors_add(c, e, "pair_status", "%s",
				   _("The pair is confirmed or changed after the first meeting; plan the first meeting first."));
		else if (strcmp(first, today) > 0)
			errors_add(c, e, "pair_status", _("The pair is confirmed or changed after the first meeting, on %s."),
				   date_label(c->a, first));
	}
	if (e->n)
		return D_INVALID;
	if (enrolled(c, group_id, mentor_id) || enrolled(c, group_id, facilitator_id)) {
		errors_add(c, e, mentor_id && enrolled(c, group_id, mentor_id) ? "mentor_id" : "facilitator_id", "%s",
			   _("This person is a participant of the group; a participant cannot also be its mentor or facilitator."));
		return D_INVALID;
	}
	g.mentor_id = mentor_id;
	g.facilitator_id = facilitator_id;
	g.pair_status = (char *)pair_status;
	r = store_group_update(c->st, c->who->organisation_id, &g);
	if (r)
		return d_from_store(r);
	audit(c, "group.staff", "group", group_id, "mentor %lld, facilitator %lld, %s", mentor_id, facilitator_id,
	      pair_status);
	return D_OK;
}

int group_enrol(struct ctx *c, long long group_id, const long long *people, size_t n, const char *on,
		struct errors *e)
{
	long long org = c->who->organisation_id;
	struct learning_group g;
	int r = store_group_get(c->st, c->a, org, group_id, &g);
	if (r)
		return d_from_store(r);
	if (!date_valid(on))
		errors_add(c, e, "registered_on", "%s", _("Give the date as YYYY-MM-DD, such as 2026-09-01."));
	if (n == 0)
		errors_add(c, e, "people", "%s", _("Choose at least one person."));
	struct enrolment *here;
	size_t nhere;
	if (store_enrolment_list(c->st, c->a, org, group_id, &here, &nhere))
		return D_ERROR;
	for (size_t i = 0; i < n && e->n < ERRORS_MAX - 1; i++) {
		struct person p;
		if (!person_ok(c, e, "people", people[i], &p))
			continue;
		bool before = false;
		for (size_t k = 0; k < nhere; k++)
			before |= here[k].person_id == people[i];
		for (size_t k = 0; k < i; k++)
			before |= people[k] == people[i];
		if (before) {
			errors_add(c, e, "people", _("%s has a place in this group already; change its status on the group page."),
				   p.name);
			continue;
		}
		if (people[i] == g.mentor_id || people[i] == g.facilitator_id) {
			errors_add(c, e, "people", _("%s is the group's mentor or facilitator and cannot also take part in it."),
				   p.name);
			continue;
		}
		long long other;
		if (store_enrolment_in_programme(c->st, org, g.programme_id, people[i], &other))
			return D_ERROR;
		if (other) {
			struct learning_group og;
			const char *where = store_group_get(c->st, c->a, org, other, &og) ? "?" : og.name;
			errors_add(c, e, "people", _("%s takes part in this programme already, in group %s."), p.name, where);
		}
	}
	if (e->n)
		return D_INVALID;
	if (store_begin(c->st))
		return D_ERROR;
	for (size_t i = 0; i < n; i++) {
		long long eid;
		r = store_enrolment_add(c->st, org, group_id, people[i], on, &eid);
		if (r) {
			store_rollback(c->st);
			return D_ERROR;
		}
		audit(c, "enrolment.create", "enrolment", eid, "person %lld in group %lld", people[i], group_id);
	}
	return store_commit(c->st) ? D_ERROR : D_OK;
}

int enrolment_group(struct ctx *c, long long enrolment_id, long long *group_id)
{
	assert(group_id);
	struct enrolment en;
	int r = store_enrolment_get(c->st, c->a, c->who->organisation_id, enrolment_id, &en);
	*group_id = r ? 0 : en.group_id;
	return d_from_store(r);
}

static const char *const stop_kind_ids[STOP_KINDS] = { "illness", "work", "manager", "other" };

const char *stop_kind_id(enum stop_kind k)
{
	assert(k < STOP_KINDS);
	return stop_kind_ids[k];
}

const char *stop_kind_label(enum stop_kind k)
{
	switch (k) {
	case STOP_ILLNESS: return _("illness");
	case STOP_WORK: return _("work circumstances");
	case STOP_MANAGER: return _("decided with their manager");
	default: return _("other or not recorded");
	}
}

int stop_kind_parse(const char *s)
{
	for (int k = 0; s && k < STOP_KINDS; k++)
		if (!strcmp(s, stop_kind_ids[k]))
			return k;
	return -1;
}

enum stop_kind stop_kind_of(const char *stored)
{
	int k = stop_kind_parse(stored);
	return k < 0 ? STOP_OTHER : (enum stop_kind)k;
}

int enrolment_set_status(struct ctx *c, long long enrolment_id, const char *status, const char *on,
			 const char *kind, const char *reason, struct errors *e)
{
	struct enrolment en;
	int r = store_enrolment_get(c->st, c->a, c->who->organisation_id, enrolment_id, &en);
	if (r)
		return d_from_store(r);
	const char *from = en.status;
	bool ok = status && ((!strcmp(status, "active") && (!strcmp(from, "registered") || !strcmp(from, "stopped"))) ||
			     (!strcmp(status, "completed") && !strcmp(from, "active")) ||
			     (!strcmp(status, "stopped") && (!strcmp(from, "registered") || !strcmp(from, "active"))) ||
			     (!strcmp(status, "registered") && !strcmp(from, "active")));
	bool known = status && (!strcmp(status, "registered") || !strcmp(status, "active") ||
				!strcmp(status, "completed") || !strcmp(status, "stopped"));
	if (!known) {
		errors_add(c, e, "status", "%s", _("Choose the status from the list."));
		return D_INVALID;
	}
	if (!ok) {
		errors_add(c, e, "status", _("A place that is %s cannot become %s."), enrolment_status_label(from),
			   enrolment_status_label(status));
		return D_INVALID;
	}
	if (!strcmp(status, "stopped") || !strcmp(status, "completed")) {
		if (!date_valid(on))
			errors_add(c, e, "date", "%s", _("Give the date as YYYY-MM-DD, such as 2026-09-01."));
		else if (strcmp(on, en.registered_on) < 0)
			errors_add(c, e, "date", _("The date cannot be before the registration on %s."),
				   date_label(c->a, en.registered_on));
	}
	if (!strcmp(status, "stopped")) {
		if (stop_kind_parse(kind) < 0)
			errors_add(c, e, "kind", "%s", _("Choose why the participant stops: illness, work circumstances, decided with their manager, or other."));
		check_line(c, e, "reason", _("Reason"), reason, 1, STOP_REASON_MAX);
	}
	if (e->n)
		return D_INVALID;
	en.status = (char *)status;
	if (!strcmp(status, "stopped")) {
		en.stopped_on = (char *)on;
		en.stop_reason = (char *)reason;
		en.stop_kind = (char *)kind;
	} else if (!strcmp(status, "completed")) {
		en.completed_on = (char *)on;
	} else {
		en.stopped_on = en.stop_reason = en.completed_on = en.stop_kind = "";
	}
	if (store_enrolment_update(c->st, c->who->organisation_id, &en))
		return D_ERROR;
	audit(c, "enrolment.status", "enrolment", enrolment_id, "%s -> %s", from, status);
	return D_OK;
}

int enrolment_set_status_many(struct ctx *c, long long group_id, const long long *enrolments, size_t n,
			      const char *status, const char *on, const char *kind, const char *reason, struct errors *e)
{
	assert(e);
	if (!n) {
		errors_add(c, e, "enrolment", "%s", _("Tick the participants whose status changes."));
		return D_INVALID;
	}
	struct enrolment *en = arena_alloc(c->a, n * sizeof *en);
	for (size_t i = 0; i < n; i++) {
		int r = store_enrolment_get(c->st, c->a, c->who->organisation_id, enrolments[i], &en[i]);
		if (r == ST_NOTFOUND || (!r && en[i].group_id != group_id)) {
			errors_add(c, e, "enrolment", "%s", _("Tick participants of this group only."));
			return D_INVALID;
		}
		if (r)
			return D_ERROR;
	}
	if (store_begin(c->st))
		return D_ERROR;
	int d = D_OK;
	for (size_t i = 0; i < n && e->n < ERRORS_MAX; i++) {
		struct errors one = { 0 };
		int r = enrolment_set_status(c, enrolments[i], status, on, kind, reason, &one);
		if (r == D_INVALID) {
			/* the status, date or reason: said once when it is wrong for all */
			for (size_t k = 0; k < one.n; k++)
				if (strcmp(one.items[k].field, "status") && !errors_get(e, one.items[k].field))
					errors_add(c, e, one.items[k].field, "%s", one.items[k].message);
				else if (!strcmp(one.items[k].field, "status"))
					errors_add(c, e, "status", "%s: %s", en[i].person_name, one.items[k].message);
			d = D_INVALID;
		} else if (r) {
			d = r;
			break;
		}
	}
	if (d) {
		store_rollback(c->st);
		return d;
	}
	return store_commit(c->st) ? D_ERROR : D_OK;
}

const char *group_size_warning(struct ctx *c, const struct learning_group *g, const struct programme *p)
{
	long long size = g->counts.registered + g->counts.active + g->counts.completed;
	if (size >= p->group_min && size <= p->group_max)
		return NULL;
	return arena_printf(c->a,
			    ngettext("This group has %lld participant; the programme aims at %d to %d.",
				     "This group has %lld participants; the programme aims at %d to %d.", (unsigned long)size),
			    size, p->group_min, p->group_max);
}

const char *enrolment_status_label(const char *status)
{
	if (!strcmp(status, "registered"))
		return _("registered");
	if (!strcmp(status, "active"))
		return _("active");
	if (!strcmp(status, "completed"))
		return _("completed");
	if (!strcmp(status, "stopped"))
		return _("stopped");
	return status;
}

const char *pair_status_label(const char *status)
{
	if (!strcmp(status, "proposed"))
		return _("proposed");
	if (!strcmp(status, "confirmed"))
		return _("confirmed after the first meeting");
	if (!strcmp(status, "changed"))
		return _("changed after the first meeting");
	return _("not yet proposed");
}
