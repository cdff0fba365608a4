/* practice_share.c — the case owner shares an anonymised version of their
 * case as a practice example: who may, the check for names, and the
 * example saved without a link to the session. */
#include "practice_share.h"
#include "audit.h"
#include "method.h"
#include "practice.h"
#include "store_rc.h"
#include "validate.h"
#include "core/i18n.h"
#include "store/case_session.h"
#include "store/group.h"  /* the enrolments */
#include "store/practice.h"
#include "store/store.h"

#include <ctype.h>
#include <string.h>

/* The session for its case owner: D_NOTFOUND for everyone else, members
 * too (for them there is nothing to share; for others the session stays
 * hidden as on its own page).
 * *over: the session is at its method's last step. */
static int owner_of(struct ctx *c, long long id, struct case_session *s, bool *over)
{
	long long org = c->who->organisation_id, me = c->who->person_id;
	struct enrolment *en;
	size_t ne;
	int r = d_from_store(store_case_session_get(c->st, c->a, org, id, s));
	if (!r)
		r = d_from_store(store_enrolment_list(c->st, c->a, org, s->group_id, &en, &ne));
	if (r)
		return r;
	bool member = false;
	for (size_t i = 0; i < ne && !member; i++)
		member = me && en[i].person_id == me && strcmp(en[i].status, "stopped");
	/* the case owner is a participant of the group who has not stopped */
	if (!member || s->case_person_id != me)
		return D_NOTFOUND;
	struct method *m;
	size_t nm;
	if ((r = method_list(c, &m, &nm)))
		return r;
	*over = false;
	for (size_t i = 0; i < nm; i++)
		if (m[i].id == s->method_id)
			*over = s->step >= (int)m[i].nsteps;
	return D_OK;
}

int practice_share_suggestion(struct ctx *c, long long session_id, const char **title, const char **question)
{
	struct case_session s;
	bool over;
	int r = owner_of(c, session_id, &s, &over);
	if (r)
		return r;
	*title = s.case_title ? s.case_title : "";
	*question = s.case_question ? s.case_question : "";
	return D_OK;
}

bool practice_share_allowed(struct ctx *c, long long session_id)
{
	struct case_session s;
	bool over;
	return owner_of(c, session_id, &s, &over) == D_OK && over;
}

/* Whether any of the texts holds the name of a person of the organisation
 * (the members of the session are among them). */
static int name_found(struct ctx *c, const struct practice_share *in, bool *found)
{
	const char *texts[] = { in->title, in->text, in->themes };
	*found = false;
	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]) && !*found; i++)
		if (texts[i] && *texts[i] && store_practice_name_in(c->st, c->who->organisation_id, texts[i], found))
			return D_ERROR;
	return D_OK;
}

int practice_share(struct ctx *c, long long session_id, const struct practice_share *in, struct errors *e, long long *id)
{
	struct case_session s;
	bool over;
	int r = owner_of(c, session_id, &s, &over);
	if (r)
		return r;
	if (!over) {
		errors_add(c, e, "text", "%s", _("A case can be shared as a practice example after the session, at its last step."));
		return D_INVALID;
	}
	check_line(c, e, "title", _("Title"), in->title, 1, 200);
	check_long_text(c, e, "text", _("The example in your own words"), in->text, 1, PRACTICE_TEXT_MAX);
	check_line(c, e, "themes", _("Themes"), in->themes ? in->themes : "", 1, 200);
	if (!in->forms || !*in->forms)
		errors_add(c, e, "forms", "%s", _("Choose the learning forms from the list."));
	if (in->text && s.case_question && *s.case_question && !strcmp(in->text, s.case_question))
		errors_add(c, e, "text", "%s", _("Write the example in your own words: change the suggested text."));
	if (!in->confirmed)
		errors_add(c, e, "confirm", "%s", _("Confirm that the text is in your own words and names no one."));
	if (e->n)
		return D_INVALID;
	bool found;
	if (name_found(c, in, &found))
		return D_ERROR;
	if (found) {
		/* which name is not said: that would tell who is in the organisation */
		errors_add(c, e, "text", "%s", _("The text contains a name of a person. Remove names before you share the example."));
		return D_INVALID;
	}
	struct organisation org;
	if (store_org_get(c->st, c->a, c->who->organisation_id, &org))
		return D_ERROR;
	struct practice_example x = { 0 };
	x.organisation = org.name;
	x.title = in->title;
	x.learning = in->text;
	x.context = "";
	x.forms = in->forms;
	x.themes = in->themes;
	x.shared = true;
	/* practice_add checks the forms against the catalogue and logs the
	 * addition; its audit line names the organisation, not the session */
	return practice_add(c, &x, ctx_now(c), e, id);
}
