/* api_research_feedback.c — the JSON twins of the researcher's actions on
 * a project's four-phase feedback and member checks, under the rules of
 * their pages (domain/feedback_phase.c, domain/member_check.c): the
 * partners with their phases (and what each unreleased phase still
 * misses), a partner, its dates and a release; a member check with its
 * attributed answers, its outcome and closing. The contact's own answer
 * is the link's page alone. A field of the wrong type is refused under
 * its name before anything changes (the shared reader of api_common.c). */
#include "web.h"
#include "domain/feedback_phase.h"
#include "domain/member_check.h"
#include "domain/password_reset.h"

static json_t *partner_json(struct web *w, const struct research_partner *all, size_t n,
			    const struct research_partner *p)
{
	json_t *phases = json_array();
	for (int k = 1; k <= FEEDBACK_PHASES; k++) {
		const struct feedback_release *r = &p->phase[k - 1];
		const char *missing = r->released_at ? NULL : feedback_phase_missing(w->a, all, n, p, k);
		json_array_append_new(phases, json_pack("{s:i, s:s, s:b, s:I, s:s, s:s, s:s, s:s?}", "phase", k, "name",
							feedback_phase_name(k), "released", r->released_at != 0,
							"released_at", (json_int_t)r->released_at, "released_by",
							r->released_by_name ? r->released_by_name : "", "shared",
							r->shared ? r->shared : "", "deliverable",
							r->deliverable ? r->deliverable : "", "missing", missing));
	}
	return json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:o}", "id", (json_int_t)p->id, "name", p->name, "contact",
			 p->contact, "data_in_on", p->data_in_on, "collected_on", p->collected_on, "analysed_on",
			 p->analysed_on, "phases", phases);
}

/* {"partners":[{..., "phases":[{"phase":1, "released":false, "missing":"..."}, ...]}]} */
void api_feedback_phases(struct web *w)
{
	struct research_partner *p;
	size_t n;
	int d = feedback_partners(&w->ctx, w->id[0], &p, &n);
	if (d) {
		api_answer(w, d, NULL, 0);
		return;
	}
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, partner_json(w, p, n, &p[i]));
	web_json(w, 200, json_pack("{s:o}", "partners", a));
}

void api_feedback_partner_add(struct web *w)
{
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	const char *name = api_in_str(&in, "name", ""), *contact = api_in_str(&in, "contact", "");
	if (!api_in_ok(&in))
		return;
	long long id = 0;
	int d = feedback_partner_add(&w->ctx, w->id[0], name, contact, &in.e, &id);
	api_in_answer(&in, d, id);
}

/* {"what":"data_in"|"collected"|"analysed", "on":"YYYY-MM-DD" or ""} */
void api_feedback_partner_mark(struct web *w)
{
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	const char *what = api_in_str(&in, "what", ""), *on = api_in_str(&in, "on", "");
	if (!api_in_ok(&in))
		return;
	api_in_answer(&in, feedback_partner_mark(&w->ctx, w->id[0], w->id[1], what, on, &in.e), 0);
}

/* {"phase":1..4, "shared":"...", "deliverable":"..."}: 422 with what is missing */
void api_feedback_release(struct web *w)
{
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	long long phase = api_in_int(&in, "phase", 0);
	const char *shared = api_in_str(&in, "shared", ""), *deliverable = api_in_str(&in, "deliverable", "");
	if (!api_in_ok(&in))
		return;
	int d = feedback_release(&w->ctx, w->id[0], w->id[1], phase < 0 || phase > FEEDBACK_PHASES ? 0 : (int)phase, shared,
				 deliverable, &in.e);
	if (d == D_CONFLICT) {
		errors_add(&w->ctx, &in.e, "phase", "%s", _("This phase has been released for this partner already."));
		d = D_INVALID;
	}
	api_in_answer(&in, d, 0);
}

/* The check with its contacts and their answers, by name (attributed). */
void api_member_check(struct web *w)
{
	struct member_check_view v;
	int d = member_check_open(&w->ctx, w->id[0], w->id[1], &v);
	if (d) {
		api_answer(w, d, NULL, 0);
		return;
	}
	json_t *a = json_array();
	for (size_t i = 0; i < v.ncontacts; i++) {
		const struct member_check_contact *k = &v.contacts[i];
		json_array_append_new(a, json_pack("{s:I, s:s, s:s, s:b, s:b, s:s, s:s, s:s, s:I, s:I}", "id",
						    (json_int_t)k->id, "name", k->name, "affiliation", k->affiliation,
						    "people_list", k->person_id != 0, "answered", k->answered_at != 0,
						    "recognised", k->recognised, "explanation", k->recognised_note,
						    "not_fitting", k->not_fitting, "answered_at", (json_int_t)k->answered_at,
						    "link_expires_at", (json_int_t)k->expires_at));
	}
	web_json(w, 200, json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:s, s:b, s:o}", "id", (json_int_t)v.m.id, "title",
				   v.m.title, "findings", v.m.findings, "held_on", v.m.held_on, "implications",
				   v.m.implications, "more_research", v.m.more_research, "more_research_note",
				   v.m.more_research_note, "closed", v.m.closed_at != 0, "contacts", a));
}

/* {"implications":"...", "more_research":"yes"|"no"|"unknown"|"", "more_research_note":"..."} */
void api_member_check_outcome(struct web *w)
{
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	const char *implications = api_in_str(&in, "implications", ""), *more = api_in_str(&in, "more_research", "");
	const char *note = api_in_str(&in, "more_research_note", "");
	if (!api_in_ok(&in))
		return;
	api_in_answer(&in, member_check_outcome(&w->ctx, w->id[0], w->id[1], implications, more, note, &in.e), 0);
}

void api_member_check_close(struct web *w)
{
	int d = member_check_close(&w->ctx, w->id[0], w->id[1]);
	api_answer(w, d == D_CONFLICT ? D_OK : d, NULL, 0);
}

/* {"title", "findings", "held_on"} */
void api_member_check_create(struct web *w)
{
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	const char *title = api_in_str(&in, "title", ""), *findings = api_in_str(&in, "findings", "");
	const char *held_on = api_in_str(&in, "held_on", "");
	if (!api_in_ok(&in))
		return;
	long long id = 0;
	int d = member_check_create(&w->ctx, w->id[0], title, findings, held_on, &in.e, &id);
	api_in_answer(&in, d, id);
}

/* Where the links go, as on the page: by e-mail when the server sends it,
 * else back to the caller, once. */
static void via_of(struct web *w, struct member_check_via *via)
{
	via->mail = password_reset_by_mail(w->public_url);
	via->base_url = via->mail ? w->public_url : web_base_url(w);
}

static json_t *link_json(const char *link)
{
	return json_pack("{s:b, s:o}", "mailed", link == NULL, "link", link ? json_string(link) : json_null());
}

/* {"employee_id"} for a person of the people list, or {"name",
 * "affiliation", "email"} for someone outside: the link mailed, or in the
 * answer (once; it is never in an address). */
void api_member_check_contact_add(struct web *w)
{
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	const char *number = api_in_str(&in, "employee_id", ""), *name = api_in_str(&in, "name", "");
	const char *affiliation = api_in_str(&in, "affiliation", ""), *email = api_in_str(&in, "email", "");
	if (!api_in_ok(&in))
		return;
	struct member_check_via via;
	via_of(w, &via);
	const char *link = NULL;
	int d = member_check_contact_add(&w->ctx, w->id[0], w->id[1], number, name, affiliation, email, &via, &in.e, &link);
	if (d) {
		api_in_answer(&in, d, 0);
	} else {
		web_json(w, 201, link_json(link));
		json_decref(in.j);
	}
}

/* {"contact_id"}: a new link for the contact; the old one stops working */
void api_member_check_renew(struct web *w)
{
	json_t *j = api_body(w);
	if (!j)
		return;
	struct member_check_via via;
	via_of(w, &via);
	const char *link = NULL;
	long long contact = api_id(j, "contact_id");
	struct member_check_view v;
	int d = member_check_open(&w->ctx, w->id[0], w->id[1], &v);   /* another's check: 404 before the body */
	if (!d)
		d = contact > 0 ? member_check_contact_renew(&w->ctx, w->id[0], w->id[1], contact, &via, &link) : D_INVALID;
	if (d == D_INVALID) {
		struct errors e = { 0 };
		errors_add(&w->ctx, &e, "contact_id", "%s", _("Choose a contact person."));
		api_answer(w, d, &e, 0);
	} else if (d) {
		api_answer(w, d, NULL, 0);
	} else {
		web_json(w, 200, link_json(link));
	}
	json_decref(j);
}
