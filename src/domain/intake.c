/* intake.c — intake and learning question. There is no approval or grade
 * anywhere: the question is the participant's, as they write it. */
#include "intake.h"
#include "audit.h"
#include "privacy.h"
#include "schedule.h"
#include "store_rc.h"
#include "core/i18n.h"
#include "core/utf8.h"
#include "store/group.h"
#include "store/intake.h"
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

int question_write(struct ctx *c, long long group_id, const char *text, long long now, struct errors *e,
		   long long *id_out)
{
	long long me = c->who->person_id;
	if (!me)
		return D_NOTFOUND;
	/* a group of theirs first: any other group is answered as not existing */
	struct enrolment *en;
	size_t n;
	bool mine = false;
	if (store_enrolment_list(c->st, c->a, c->who->organisation_id, group_id, &en, &n))
		return D_ERROR;
	for (size_t i = 0; i < n; i++)
		mine |= en[i].person_id == me;
	if (!mine)
		return D_NOTFOUND;
	if (!text || blank(text))
		errors_add(c, e, "question", "%s", _("Write your learning question in your own words."));
	else if (!utf8_valid(text, strlen(text)) || strlen(text) > QUESTION_MAX)
		errors_add(c, e, "question", _("%s: use at most %d characters."), _("Learning question"), QUESTION_MAX);
	if (e->n)
		return D_INVALID;
	long long id;
	int r = store_question_add(c->st, c->who->organisation_id, me, group_id, text, now, &id);
	if (r)
		return d_from_store(r);  /* ST_INVALID: not a group of theirs */
	audit(c, "learning_question.write", "learning_question", id, "group %lld", group_id);
	if (id_out)
		*id_out = id;
	return D_OK;
}

int question_history(struct ctx *c, long long person_id, long long group_id, struct learning_question **out,
		     size_t *n)
{
	*out = NULL;
	*n = 0;
	if (!privacy_may_read_trajectory(c, person_id, group_id))
		return D_NOTFOUND;
	if (store_question_list(c->st, c->a, c->who->organisation_id, person_id, group_id, out, n))
		return D_ERROR;
	if (*n)
		privacy_log_read(c, "learning_question", (*out)[0].id, person_id);
	return D_OK;
}

int intake_save(struct ctx *c, long long enrolment_id, const char *held_on, const char *expectations, long long now,
		struct errors *e)
{
	struct enrolment en;
	if (store_enrolment_get(c->st, c->a, c->who->organisation_id, enrolment_id, &en))
		return D_NOTFOUND;
	if (!privacy_holds_intake(c, en.group_id))
		return D_FORBIDDEN;
	if (!date_valid(held_on))
		errors_add(c, e, "held_on", "%s", _("Give the date as YYYY-MM-DD, such as 2026-09-01."));
	if (expectations && (!utf8_valid(expectations, strlen(expectations)) || strlen(expectations) > EXPECTATIONS_MAX))
		errors_add(c, e, "expectations", _("%s: use at most %d characters."), _("Expectations"), EXPECTATIONS_MAX);
	if (e->n)
		return D_INVALID;
	struct intake in = { 0, enrolment_id, c->who->person_id, (char *)held_on, (char *)expectations, now };
	if (store_intake_put(c->st, c->who->organisation_id, &in))
		return D_ERROR;
	audit(c, "intake.save", "enrolment", enrolment_id, "%s", held_on);
	return D_OK;
}

int intake_read(struct ctx *c, long long enrolment_id, struct intake *out)
{
	struct enrolment en;
	if (store_enrolment_get(c->st, c->a, c->who->organisation_id, enrolment_id, &en) ||
	    !privacy_may_read_trajectory(c, en.person_id, en.group_id))
		return D_NOTFOUND;
	int r = store_intake_get(c->st, c->a, c->who->organisation_id, enrolment_id, out);
	if (r)
		return d_from_store(r);
	privacy_log_read(c, "intake", out->id, out->recorded_by);
	return D_OK;
}

int closing_record(struct ctx *c, long long enrolment_id, const char *offered_on, const char *outcome,
		   const char *held_on, long long now, struct errors *e)
{
	long long org = c->who->organisation_id;
	struct enrolment en;
	if (store_enrolment_get(c->st, c->a, org, enrolment_id, &en))
		return D_NOTFOUND;
	if (!privacy_holds_intake(c, en.group_id))
		return D_FORBIDDEN;
	bool held = outcome && !strcmp(outcome, "held");
	if (!date_valid(offered_on))
		errors_add(c, e, "offered_on", "%s", _("Give the date as YYYY-MM-DD, such as 2026-09-01."));
	if (!outcome || (strcmp(outcome, "open") && !held && strcmp(outcome, "declined")))
		errors_add(c, e, "outcome", "%s", _("Choose from the list whether the talk was held."));
	if (held && !date_valid(held_on))
		errors_add(c, e, "talk_held_on", "%s", _("Give the date of the talk as YYYY-MM-DD, such as 2026-09-01."));
	else if (held && date_valid(offered_on) && strcmp(held_on, offered_on) < 0)
		errors_add(c, e, "talk_held_on", "%s", _("The talk cannot be held before it was offered."));
	if (e->n)
		return D_INVALID;
	struct closing_talk t = { 0 };
	if (store_closing_get(c->st, c->a, org, enrolment_id, &t) == ST_NOTFOUND)
		t = (struct closing_talk){ 0, enrolment_id, "", "open", "", "", "", 0 };
	t.offered_on = (char *)offered_on;
	t.outcome = (char *)outcome;
	t.held_on = (char *)(held ? held_on : "");
	t.updated_at = now;
	if (store_closing_put(c->st, org, &t))
		return D_ERROR;
	audit(c, "closing_talk.record", "enrolment", enrolment_id, "%s", outcome);
	return D_OK;
}

int closing_write(struct ctx *c, long long enrolment_id, const char *learning_yield, const char *next_steps,
		  long long now, struct errors *e)
{
	long long org = c->who->organisation_id;
	struct enrolment en;
	if (store_enrolment_get(c->st, c->a, org, enrolment_id, &en) || !c->who->person_id ||
	    en.person_id != c->who->person_id)
		return D_NOTFOUND;
	struct closing_talk t;
	if (store_closing_get(c->st, c->a, org, enrolment_id, &t)) {
		errors_add(c, e, "learning_yield", "%s", _("The closing talk has not been offered yet; it is offered at the last meeting."));
		return D_INVALID;
	}
	const char *texts[] = { learning_yield, next_steps };
	for (int i = 0; i < 2; i++)
		if (texts[i] && (!utf8_valid(texts[i], strlen(texts[i])) || strlen(texts[i]) > EXPECTATIONS_MAX))
			errors_add(c, e, i ? "next_steps" : "learning_yield", _("%s: use at most %d characters."),
				   i ? _("Next steps") : _("Learning yield"), EXPECTATIONS_MAX);
	if (e->n)
		return D_INVALID;
	t.learning_yield = (char *)(learning_yield ? learning_yield : "");
	t.next_steps = (char *)(next_steps ? next_steps : "");
	t.updated_at = now;
	if (store_closing_put(c->st, org, &t))
		return D_ERROR;
	audit(c, "closing_talk.write", "enrolment", enrolment_id, "%s", "");
	return D_OK;
}

int closing_read(struct ctx *c, long long enrolment_id, struct closing_talk *out)
{
	struct enrolment en;
	if (store_enrolment_get(c->st, c->a, c->who->organisation_id, enrolment_id, &en) ||
	    !privacy_may_read_trajectory(c, en.person_id, en.group_id))
		return D_NOTFOUND;
	int r = store_closing_get(c->st, c->a, c->who->organisation_id, enrolment_id, out);
	if (r)
		return d_from_store(r);
	/* the learning yield is the participant's text */
	if (*out->learning_yield || *out->next_steps)
		privacy_log_read(c, "closing_talk", out->id, en.person_id);
	return D_OK;
}

int intake_open(struct ctx *c, long long enrolment_id, struct intake_view *v)
{
	assert(v);
	memset(v, 0, sizeof(*v));
	int r = store_enrolment_get(c->st, c->a, c->who->organisation_id, enrolment_id, &v->en);
	if (r)
		return d_from_store(r);
	if (!privacy_may_read_trajectory(c, v->en.person_id, v->en.group_id))
		return D_NOTFOUND;
	v->mine = c->who->person_id && v->en.person_id == c->who->person_id;
	v->holds_intake = privacy_holds_intake(c, v->en.group_id);
	int d = intake_read(c, enrolment_id, &v->intake);
	if (d && d != D_NOTFOUND)
		return d;
	v->held = d == D_OK;
	if ((d = question_history(c, v->en.person_id, v->en.group_id, &v->questions, &v->nquestions)) ||
	    (d = plan_read(c, v->en.person_id, v->en.group_id, &v->plan)))
		return d;
	d = closing_read(c, enrolment_id, &v->talk);
	if (d && d != D_NOTFOUND)
		return d;
	v->offered = d == D_OK;
	return D_OK;
}
