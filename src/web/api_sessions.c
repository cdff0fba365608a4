/* api_sessions.c — a session with a case in the API, under the rules of
 * its pages (domain/case_session.c): read by its leader and members (each
 * read of another's text audited), answered by a member, walked by the
 * leader. */
#include "web.h"
#include "domain/case_session.h"

static json_t *session_json(const struct session_view *v)
{
	json_t *roles = json_array(), *notes = json_array(), *answers = json_array();
	for (size_t i = 0; i < v->nroles; i++)
		json_array_append_new(roles, json_pack("{s:s, s:I, s:s}", "role", v->roles[i].role, "person_id",
						       (json_int_t)v->roles[i].person_id, "name", v->roles[i].person_name));
	for (size_t i = 0; i < v->nnotes; i++)
		json_array_append_new(notes, json_pack("{s:i, s:s}", "n", v->notes[i].n, "text", v->notes[i].text));
	for (size_t i = 0; i < v->nanswers; i++)
		json_array_append_new(answers, json_pack("{s:I, s:s, s:b, s:s}", "id", (json_int_t)v->answers[i].id, "text",
							 v->answers[i].text, "selected", v->answers[i].selected, "name",
							 v->answers[i].person_name));
	const struct method_step *s = v->current;
	json_t *step = s ? json_pack("{s:i, s:s, s:s, s:s, s:i, s:s}", "n", s->n, "name", s->name, "who", s->who,
				     "instruction", s->instruction, "minutes", s->minutes, "ends", v->step_ends)
			 : json_null();
	return json_pack("{s:I, s:I, s:s, s:b, s:{s:s, s:s, s:i}, s:o, s:{s:s, s:s, s:s, s:s}, s:o, s:o, s:o, s:s, s:s}",
			 "id", (json_int_t)v->s.id, "group_id", (json_int_t)v->s.group_id, "held_on", v->s.held_on,
			 "leader", v->leader, "method", "key", v->m.key, "name", v->m.name, "steps", (int)v->m.nsteps,
			 "step", step, "case", "title", v->s.case_title, "question", v->s.case_question, "context",
			 v->s.case_context, "owner", v->s.case_person_name, "roles", roles, "notes", notes, "answers", answers,
			 "summary", v->s.summary, "sharpened", v->s.sharpened);
}

void api_session(struct web *w)
{
	struct session_view v;
	int d = case_session_open(&w->ctx, w->id[0], &v);
	if (d)
		api_answer(w, d, NULL, 0);
	else
		web_json(w, 200, session_json(&v));
}

void api_session_answer(struct web *w)
{
	json_t *j = api_body(w);
	if (!j)
		return;
	struct errors e = { 0 };
	api_answer(w, case_session_answer(&w->ctx, w->id[0], api_str(j, "text"), &e), &e, 0);
	json_decref(j);
}

void api_session_step(struct web *w)
{
	json_t *j = api_body(w);
	if (!j)
		return;
	struct errors e = { 0 };
	long long to = api_int(j, "to");
	api_answer(w, case_session_move(&w->ctx, w->id[0], to < 0 || to > 1000 ? 0 : (int)to, &e), &e, 0);
	json_decref(j);
}

/* The session's state without its texts (domain/case_session.h), which
 * /static/session.js asks for every few seconds: when it changes, the page
 * shows the change. */
void api_session_state(struct web *w)
{
	struct case_session_state s;
	int d = case_session_state(&w->ctx, w->id[0], &s);
	if (d)
		api_answer(w, d, NULL, 0);
	else
		web_json(w, 200, json_pack("{s:i, s:I, s:I, s:I, s:I, s:I, s:I}", "step", s.step, "step_since",
					   (json_int_t)s.step_since, "answers", (json_int_t)s.answers, "selected",
					   (json_int_t)s.selected, "roles", (json_int_t)s.roles, "summary",
					   (json_int_t)s.summary_len, "sharpened", (json_int_t)s.sharpened_len));
}
