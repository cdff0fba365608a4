/* api_sessions.c — a session with a case in the API, under the rules of
 * its pages (domain/case_session.c): read by its leader and members (each
 * read of another's text audited), answered by a member, walked by the
 * leader. */
#include "web.h"
#include "domain/case_session.h"
#include "domain/session_action.h"

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
	return json_pack("{s:I, s:I, s:I, s:s, s:b, s:{s:s, s:s, s:i}, s:o, s:{s:s, s:s, s:s, s:s}, s:o, s:o, s:o, s:s, s:s}",
			 "id", (json_int_t)v->s.id, "group_id", (json_int_t)v->s.group_id, "peer_group_id",
			 (json_int_t)v->s.peer_group_id, "held_on", v->s.held_on,
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
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	const char *text = api_in_str(&in, "text", "");
	if (!api_in_ok(&in))
		return;
	int d = case_session_answer(&w->ctx, w->id[0], text, &in.e);
	api_errors_rename(&in.e, "answer", "text");  /* the page's field is "answer" */
	api_in_answer(&in, d, 0);
}

void api_session_step(struct web *w)
{
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	long long to = api_in_int(&in, "to", 0);
	if (api_in_ok(&in))
		api_in_answer(&in, case_session_move(&w->ctx, w->id[0], to < 0 || to > 1000 ? 0 : (int)to, &in.e), 0);
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

/* A learning group's sessions, as its page gives them: the counts for
 * everyone with a place in the group, the list (with the case's title)
 * for its facilitator and participants alone, whether the caller may
 * start one and with which methods and case owners. */
void api_group_sessions(struct web *w)
{
	struct session_overview o;
	struct session_action_counts ac;
	int d = case_session_overview(&w->ctx, w->id[0], &o);
	if (!d)
		d = session_action_counts(&w->ctx, w->id[0], &ac);
	if (d) {
		api_answer(w, d, NULL, 0);
		return;
	}
	json_t *out = json_pack("{s:{s:I, s:I, s:I}, s:{s:I, s:I}, s:b}", "counts", "sessions", (json_int_t)o.counts.sessions,
				"cases", (json_int_t)o.counts.cases, "answers", (json_int_t)o.counts.answers, "actions",
				"open", (json_int_t)ac.open, "done", (json_int_t)ac.done, "may_start", o.may_lead);
	if (o.list) {
		json_t *a = json_array();
		for (size_t i = 0; i < o.n; i++)
			json_array_append_new(a, json_pack("{s:I, s:s, s:s, s:s, s:i}", "id", (json_int_t)o.list[i].id,
							   "held_on", o.list[i].held_on, "case_title", o.list[i].case_title,
							   "method", o.list[i].method_name, "step", o.list[i].step));
		json_object_set_new(out, "sessions", a);
	}
	if (o.may_lead) {
		json_t *m = json_array(), *p = json_array();
		for (size_t i = 0; i < o.nmethods; i++)
			json_array_append_new(m, json_pack("{s:s, s:s}", "key", o.methods[i].key, "name", o.methods[i].name));
		for (size_t i = 0; i < o.nmembers; i++)
			json_array_append_new(p, json_pack("{s:I, s:s}", "person_id", (json_int_t)o.members[i].person_id,
							   "name", o.members[i].name));
		json_object_set_new(out, "methods", m);
		json_object_set_new(out, "members", p);
	}
	web_json(w, 200, out);
}

/* ---- the twins of the session pages' forms: the same domain calls, so
 * the same rules (the leader changes, a member gets 403, anyone else 404) */

/* {"method": key, "case_person": id or null, "case_title", "case_question",
 * "case_context"}: 201 {"id"} of the new session. */
static void session_start(struct web *w, bool peer)
{
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	const char *method = api_in_str(&in, "method", "");
	long long owner = api_in_int(&in, "case_person", 0);
	const char *title = api_in_str(&in, "case_title", ""), *question = api_in_str(&in, "case_question", "");
	const char *context = api_in_str(&in, "case_context", "");
	if (!api_in_ok(&in))
		return;
	long long id = 0;
	int d = (peer ? case_session_start_peer : case_session_start)(&w->ctx, w->id[0], method, owner, title, question,
								      context, &in.e, &id);
	api_in_answer(&in, d, id);
}

void api_group_session_start(struct web *w)
{
	session_start(w, false);
}

void api_peer_group_session_start(struct web *w)
{
	session_start(w, true);
}

/* {"n": the step, "note": text}: the leader's note at a step, replaced. */
void api_session_note(struct web *w)
{
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	long long n = api_in_int(&in, "n", 0);
	const char *note = api_in_str(&in, "note", "");
	if (api_in_ok(&in))
		api_in_answer(&in, case_session_note(&w->ctx, w->id[0], n < 0 || n > 1000 ? 0 : (int)n, note, &in.e), 0);
}

/* {"summariser", "reader1", "reader2": ids or null, "random": bool}: all
 * three set at once, as on the page (null or left out: nobody). */
void api_session_roles(struct web *w)
{
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	long long summariser = api_in_int(&in, "summariser", 0);
	long long readers[2] = { api_in_int(&in, "reader1", 0), api_in_int(&in, "reader2", 0) };
	bool random = api_in_bool(&in, "random", false);
	if (api_in_ok(&in))
		api_in_answer(&in, case_session_roles(&w->ctx, w->id[0], summariser, readers, random, &in.e), 0);
}

/* {"answer": id, "selected": bool}: an answer of the session selected as
 * an idea to work out, or taken back. */
void api_session_select(struct web *w)
{
	json_t *j = api_body(w);
	if (!j)
		return;
	long long a = api_id(j, "answer");
	json_t *sel = json_object_get(j, "selected");
	if (a <= 0 || !json_is_boolean(sel)) {
		/* whether the actor leads decides first, as on the page: 404 for
		 * who has no place in the session, 403 for a member who does not
		 * lead it; the place is read without the session's texts */
		struct case_session s;
		struct session_member *m;
		size_t n;
		bool leader = false;
		int d = case_session_place(&w->ctx, w->id[0], &s, &m, &n, &leader);
		struct errors e = { 0 };
		if (!d && !leader)
			d = D_FORBIDDEN;
		if (!d) {
			if (a <= 0)
				errors_add(&w->ctx, &e, "answer", "%s", _("Choose an answer of this session."));
			if (!json_is_boolean(sel))
				errors_add(&w->ctx, &e, "selected", _("Give %s as true or false."), "selected");
			d = D_INVALID;
		}
		api_answer(w, d, &e, 0);
	} else {
		api_answer(w, case_session_select(&w->ctx, w->id[0], a, json_is_true(sel)), NULL, 0);
	}
	json_decref(j);
}

/* {"summary", "sharpened"}: both texts replaced, as the page's form does
 * (a field left out is saved empty). */
void api_session_outcome(struct web *w)
{
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	const char *summary = api_in_str(&in, "summary", ""), *sharpened = api_in_str(&in, "sharpened", "");
	if (api_in_ok(&in))
		api_in_answer(&in, case_session_outcome(&w->ctx, w->id[0], summary, sharpened, &in.e), 0);
}
