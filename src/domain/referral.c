/* referral.c — how a person came to take part (by someone, by a
 * presentation, of their own accord), who may record and read it, and who
 * attended a presentation. The rules for pages, API and command line. */
#include "referral.h"
#include "audit.h"
#include "peer_group.h"
#include "person.h"
#include "role.h"
#include "schedule.h"
#include "store_rc.h"
#include "validate.h"
#include "core/i18n.h"
#include "core/utf8.h"
#include "store/peer_group.h"
#include "store/referral.h"
#include "store/store.h"

#include <string.h>

const char *const REFERRAL_ROLES[] = { "", "manager", "head_of_department", "team_leader", "colleague", "top",
				       "outside", NULL };
static const char *const KINDS[] = { "person", "presentation", "own", NULL };

/* Who encouraged whom is for the coordinator (the coach), who records it
 * for anyone and reads it with names; the administrator keeps accounts and
 * reads no one's route in (issue 18: names for the coach and the
 * researcher, who reads them in the spread table and the network). */
bool referral_may_manage(const struct ctx *c)
{
	return actor_has(c->who, ROLE_BIT(ROLE_COACH));
}

bool referral_may_own(const struct ctx *c)
{
	return c->who->person_id > 0 && actor_has(c->who, ROLE_BIT(ROLE_PARTICIPANT));
}

/* May the actor record or read the referrals of this person? */
static bool may_for(const struct ctx *c, long long person)
{
	return referral_may_manage(c) || (referral_may_own(c) && person == c->who->person_id);
}

const char *referral_kind_label(const char *kind)
{
	if (!strcmp(kind, "person"))
		return _("encouraged by someone");
	if (!strcmp(kind, "presentation"))
		return _("through a presentation");
	return _("own initiative");
}

const char *referral_role_label(const char *role)
{
	if (!role || !*role)
		return "";
	if (!strcmp(role, "manager"))
		return _("manager");
	if (!strcmp(role, "head_of_department"))
		return _("head of department");
	if (!strcmp(role, "team_leader"))
		return _("team leader");
	if (!strcmp(role, "colleague"))
		return _("colleague");
	if (!strcmp(role, "top"))
		return _("someone from the top");
	return _("someone from outside");
}

const char *referral_source(struct arena *a, const struct referral *r)
{
	if (!strcmp(r->kind, "person")) {
		const char *who = r->by_person_id ? r->by_person_name : r->by_name;
		return *r->by_role ? arena_printf(a, "%s (%s)", who, referral_role_label(r->by_role)) : who;
	}
	if (!strcmp(r->kind, "presentation"))
		return arena_printf(a, "%s (%s)", r->presentation_title, r->presentation_held_on);
	return _("own initiative");
}

int referral_add(struct ctx *c, long long person, const char *kind, long long by_person, const char *by_name,
		 const char *by_role, long long presentation, const char *noted_on, struct errors *e, long long *id)
{
	if (!referral_may_manage(c) && !referral_may_own(c))
		return D_FORBIDDEN;
	if (!may_for(c, person))
		return D_FORBIDDEN;
	/* a participant names who encouraged them in words: choosing by id would
	 * open the people list (a name for every id) to every participant, and
	 * draw arrows between other people in the network */
	if (by_person > 0 && !referral_may_manage(c)) {
		errors_add(c, e, "by_person", "%s",
			   _("Name the person who encouraged you in words; only the coordinator chooses from the people "
			     "list."));
		return D_INVALID;
	}
	long long org = c->who->organisation_id;
	struct person p, b;
	struct presentation x;
	/* another organisation's person or presentation is not found, whatever the form says */
	int r = person > 0 ? person_get(c, person, &p) : D_NOTFOUND;
	if (!r && by_person > 0)
		r = person_get(c, by_person, &b);
	if (!r && presentation > 0)
		r = d_from_store(store_presentation_get(c->st, c->a, org, presentation, &x));
	if (r)
		return r;
	kind = kind ? kind : "";
	by_role = by_role ? by_role : "";
	char *name = str_trim(arena_strdup(c->a, by_name ? by_name : ""));
	noted_on = noted_on ? noted_on : "";
	if (!value_one_of(kind, KINDS))
		errors_add(c, e, "kind", "%s",
			   _("Choose how this person came to take part: encouraged by someone, through a presentation, or "
			     "on their own initiative."));
	bool is_person = !strcmp(kind, "person"), is_pres = !strcmp(kind, "presentation");
	if (by_person < 0)
		errors_add(c, e, "by_person", "%s", _("Choose a person of the organisation from the list."));
	else if (is_person && by_person && *name)
		errors_add(c, e, "by_name", "%s",
			   _("Choose a person from the list or write the name of someone outside it, not both."));
	else if (is_person && !by_person && !*name)
		errors_add(c, e, "by_person", "%s",
			   _("Choose who encouraged this person, or write the name of someone outside the list."));
	else if (is_person && by_person == person)
		errors_add(c, e, "by_person", "%s", _("Nobody encourages themselves: choose someone else, or own initiative."));
	else if (!is_person && (by_person || *name || *by_role))
		errors_add(c, e, "by_person", "%s", _("A person who encouraged belongs with the kind 'encouraged by someone'."));
	if (is_person && *name)
		check_line(c, e, "by_name", _("Name of someone outside the list"), name, 1, REFERRAL_NAME_MAX);
	if (!value_one_of(by_role, REFERRAL_ROLES))
		errors_add(c, e, "by_role", "%s",
			   _("Choose the role: manager, head of department, team leader, colleague, someone from the top or "
			     "from outside."));
	if (presentation < 0 || (is_pres && !presentation))
		errors_add(c, e, "presentation", "%s", _("Choose a presentation of the organisation."));
	else if (!is_pres && presentation)
		errors_add(c, e, "presentation", "%s", _("A presentation belongs with the kind 'through a presentation'."));
	char today[11];
	date_today(ctx_now(c), today);
	if (*noted_on && !date_valid(noted_on))
		errors_add(c, e, "noted_on", "%s", _("Enter the date as YYYY-MM-DD."));
	if (e->n)
		return D_INVALID;
	struct referral ref = { .person_id = person, .kind = (char *)kind, .by_person_id = by_person, .by_name = name,
				.by_role = (char *)by_role, .presentation_id = presentation,
				.noted_on = (char *)(*noted_on ? noted_on : today) };
	bool dup = false;
	if (store_referral_exists(c->st, org, &ref, &dup))
		return D_ERROR;
	if (dup) {
		errors_add(c, e, "kind", "%s", _("This has been recorded for this person already."));
		return D_INVALID;
	}
	long long account = c->who->account_id;
	r = store_referral_add(c->st, org, &ref, account, id);
	if (r == ST_INVALID)
		return D_NOTFOUND;
	if (r)
		return D_ERROR;
	audit(c, "referral.add", "referral", *id, "person %lld: %s", person, kind);
	return D_OK;
}

int referral_list(struct ctx *c, long long person, struct referral **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if (!referral_may_manage(c) && !referral_may_own(c))
		return D_FORBIDDEN;
	if (!may_for(c, person) || person <= 0)
		return D_NOTFOUND;
	struct person p;
	int r = person_get(c, person, &p);
	if (r)
		return r;
	return d_from_store(store_referral_list(c->st, c->a, c->who->organisation_id, person, 0, out, n));
}

int referral_list_given(struct ctx *c, long long person, struct referral **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if (!referral_may_manage(c))
		return D_FORBIDDEN;
	if (person <= 0)
		return D_NOTFOUND;
	return d_from_store(store_referral_list(c->st, c->a, c->who->organisation_id, 0, person, out, n));
}

int referral_list_all(struct ctx *c, struct referral **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if (!referral_may_manage(c))
		return D_FORBIDDEN;
	return d_from_store(store_referral_list(c->st, c->a, c->who->organisation_id, 0, 0, out, n));
}

int referral_get(struct ctx *c, long long id, struct referral *out)
{
	if (!referral_may_manage(c) && !referral_may_own(c))
		return D_FORBIDDEN;
	int r = id > 0 ? d_from_store(store_referral_get(c->st, c->a, c->who->organisation_id, id, out)) : D_NOTFOUND;
	if (!r && !may_for(c, out->person_id))
		return D_NOTFOUND;  /* someone else's: as if there were none */
	return r;
}

int referral_remove(struct ctx *c, long long id)
{
	struct referral ref;
	int r = referral_get(c, id, &ref);
	if (r)
		return r;
	r = d_from_store(store_referral_remove(c->st, c->who->organisation_id, id));
	if (!r)
		audit(c, "referral.remove", "referral", id, "person %lld: %s", ref.person_id, ref.kind);
	return r;
}

int referral_presentations(struct ctx *c, struct presentation **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if (!referral_may_manage(c) && !referral_may_own(c))
		return D_FORBIDDEN;
	return d_from_store(store_presentation_list(c->st, c->a, c->who->organisation_id, 0, out, n));
}

/* ---- attendees ---- */

int presentation_open(struct ctx *c, long long id, struct presentation_view *v)
{
	memset(v, 0, sizeof(*v));
	if (!peer_group_may_manage(c))  /* who keeps the presentations; only a count of who joined */
		return D_FORBIDDEN;
	long long org = c->who->organisation_id;
	int r = id > 0 ? d_from_store(store_presentation_get(c->st, c->a, org, id, &v->p)) : D_NOTFOUND;
	if (!r)
		r = d_from_store(store_presentation_attendees(c->st, c->a, org, id, &v->attendees, &v->nattendees));
	if (!r)
		r = d_from_store(store_presentation_joined(c->st, org, id, &v->joined));
	return r;
}

/* The coach's or the administrator's way to a presentation of the
 * organisation (who keeps the presentations, peer_group.c): D_FORBIDDEN,
 * D_NOTFOUND or D_OK. */
static int reach_presentation(struct ctx *c, long long id)
{
	if (!peer_group_may_manage(c))
		return D_FORBIDDEN;
	struct presentation x;
	return id > 0 ? d_from_store(store_presentation_get(c->st, c->a, c->who->organisation_id, id, &x)) : D_NOTFOUND;
}

int presentation_attendee_add(struct ctx *c, long long presentation, long long person, struct errors *e)
{
	long long org = c->who->organisation_id;
	struct person p;
	int r = reach_presentation(c, presentation);
	if (r)
		return r;
	if (person <= 0) {
		errors_add(c, e, "person", "%s", _("Choose a person of the organisation."));
		return D_INVALID;
	}
	if ((r = person_get(c, person, &p)))
		return r;
	if (store_presentation_attendee_add(c->st, org, presentation, person))
		return D_ERROR;
	audit(c, "presentation.attendee", "presentation", presentation, "person %lld: added", person);
	return D_OK;
}

int presentation_attendee_remove(struct ctx *c, long long presentation, long long person, struct errors *e)
{
	long long org = c->who->organisation_id;
	int r = reach_presentation(c, presentation);
	if (r)
		return r;
	r = person > 0 ? store_presentation_attendee_remove(c->st, org, presentation, person) : ST_NOTFOUND;
	if (r == ST_NOTFOUND) {
		errors_add(c, e, "person", "%s", _("Choose a person who attended."));
		return D_INVALID;
	}
	if (r)
		return D_ERROR;
	audit(c, "presentation.attendee", "presentation", presentation, "person %lld: removed", person);
	return D_OK;
}

/* ---- JSON ---- */

json_t *referral_json(const struct referral *r)
{
	json_t *o = json_pack("{s:I, s:I, s:s, s:s, s:s, s:s, s:s}", "id", (json_int_t)r->id, "person_id",
			      (json_int_t)r->person_id, "person", r->person_name, "kind", r->kind, "by_name", r->by_name,
			      "by_role", r->by_role, "noted_on", r->noted_on);
	json_object_set_new(o, "by_person_id", r->by_person_id ? json_integer(r->by_person_id) : json_null());
	json_object_set_new(o, "by_person", r->by_person_id ? json_string(r->by_person_name) : json_null());
	json_object_set_new(o, "presentation_id", r->presentation_id ? json_integer(r->presentation_id) : json_null());
	json_object_set_new(o, "presentation", r->presentation_id ? json_string(r->presentation_title) : json_null());
	return o;
}

json_t *presentation_attendees_json(const struct presentation_attendee *t, size_t n)
{
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, json_pack("{s:I, s:s, s:s}", "person_id", (json_int_t)t[i].person_id, "name",
						   t[i].name, "employee_id", t[i].employee_id));
	return a;
}
