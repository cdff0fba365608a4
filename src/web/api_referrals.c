/* api_referrals.c — referrals (how a person came to take part) and
 * presentation attendees in the API, under the rules of their pages
 * (domain/referral.c): a person's referrals for the coach and the
 * administrator, the participant's own under /me, removal, and who
 * attended a presentation. */
#include "web.h"
#include "domain/referral.h"

static json_t *list_json(const struct referral *r, size_t n)
{
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, referral_json(&r[i]));
	return a;
}

static void add_from(struct web *w, long long person)
{
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	/* a date given as a number is no date left out: refused under its name */
	const char *kind = api_in_str(&in, "kind", ""), *by_name = api_in_str(&in, "by_name", "");
	const char *by_role = api_in_str(&in, "by_role", ""), *noted_on = api_in_str(&in, "noted_on", "");
	long long by = api_in_id(&in, "by_person_id", 0), presentation = api_in_id(&in, "presentation_id", 0);
	if (!api_in_ok(&in))
		return;
	long long id = 0;
	int d = referral_add(&w->ctx, person, kind, by, by_name, by_role, presentation, noted_on, &in.e, &id);
	api_in_answer(&in, d, id);
}

/* {"referrals":[...], "encouraged":[...]}: how the person came in, and whom they encouraged */
void api_person_referrals(struct web *w)
{
	struct referral *r, *g;
	size_t n, ng;
	int d = referral_list(&w->ctx, w->id[0], &r, &n);
	if (!d)
		d = referral_list_given(&w->ctx, w->id[0], &g, &ng);
	if (d) {
		api_answer(w, d, NULL, 0);
		return;
	}
	web_json(w, 200, json_pack("{s:o, s:o}", "referrals", list_json(r, n), "encouraged", list_json(g, ng)));
}

void api_person_referral_add(struct web *w)
{
	add_from(w, w->id[0]);
}

/* The participant's own: how they came in, never where someone else named them. */
void api_me_referrals(struct web *w)
{
	struct referral *r;
	size_t n;
	int d = referral_list(&w->ctx, w->who.person_id, &r, &n);
	if (d)
		api_answer(w, d, NULL, 0);
	else
		web_json(w, 200, json_pack("{s:o}", "referrals", list_json(r, n)));
}

void api_me_referral_add(struct web *w)
{
	add_from(w, w->who.person_id);
}

/* The body names the person the referral is about ({"person_id"}), so that
 * a wrong number does not remove someone else's. */
void api_referral_remove(struct web *w)
{
	struct referral r;
	int d = referral_get(&w->ctx, w->id[0], &r);
	if (d) {
		api_answer(w, d, NULL, 0);
		return;
	}
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	long long person = api_in_id(&in, "person_id", 0);
	if (!api_in_ok(&in))
		return;
	if (person != r.person_id) {
		errors_add(&w->ctx, &in.e, "person_id", "%s", _("Give the person this referral is about as person_id."));
		d = D_INVALID;
	} else {
		d = referral_remove(&w->ctx, r.id);
	}
	api_in_answer(&in, d, 0);
}

/* {"attendees":[...], "joined": N} */
void api_presentation_attendees(struct web *w)
{
	struct presentation_view v;
	int d = presentation_open(&w->ctx, w->id[0], &v);
	if (d) {
		api_answer(w, d, NULL, 0);
		return;
	}
	web_json(w, 200, json_pack("{s:I, s:o, s:I}", "id", (json_int_t)v.p.id, "attendees",
				   presentation_attendees_json(v.attendees, v.nattendees), "joined", (json_int_t)v.joined));
}

void api_presentation_attendee_add(struct web *w)
{
	json_t *j = api_body(w);
	if (!j)
		return;
	struct errors e = { 0 };
	long long person = api_id(j, "person_id");
	api_answer(w, presentation_attendee_add(&w->ctx, w->id[0], person > 0 ? person : 0, &e), &e, 0);
	json_decref(j);
}

void api_presentation_attendee_remove(struct web *w)
{
	json_t *j = api_body(w);
	if (!j)
		return;
	struct errors e = { 0 };
	long long person = api_id(j, "person_id");
	api_answer(w, presentation_attendee_remove(&w->ctx, w->id[0], person > 0 ? person : 0, &e), &e, 0);
	json_decref(j);
}
