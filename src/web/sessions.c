/* sessions.c — a learning group's sessions with a case: the group's list
 * (or its counts for the coach, the owner and the mentor), starting a
 * session, the leader's screen that walks the method's steps back and
 * forth, the members' page where they type their one-minute answers (plain
 * forms, no JavaScript), and the projector view for the room. What may be
 * seen and done is decided in domain/case_session.c. */
#include "web.h"
#include "domain/case_session.h"
#include "domain/session_action.h"
#include "domain/practice_share.h"
#include "domain/schedule.h"
#include "html/html.h"

#include <stdlib.h>
#include <string.h>

/* The answer for a domain result other than D_OK and D_INVALID. */
static void fail(struct web *w, int d)
{
	if (d == D_NOTFOUND)
		web_not_found(w);
	else if (d == D_FORBIDDEN)
		web_error(w, 403, _("Only the leader of the session can do this."));
	else
		web_error(w, 500, _("The session could not be read or saved. Try again later."));
}

static const char *session_role_label(const char *role)
{
	return !strcmp(role, "summariser") ? _("summariser") : _("reads out");
}

static void member_options(struct web *w, const struct session_member *m, size_t n, long long chosen)
{
	html(w->out, "<option value=\"0\">%s</option>", _("(nobody)"));
	for (size_t i = 0; i < n; i++)
		html(w->out, m[i].person_id == chosen ? "<option value=\"%lld\" selected>%s</option>"
						      : "<option value=\"%lld\">%s</option>", m[i].person_id, m[i].name);
}

/* ---- the group's sessions ---- */

static void overview_page(struct web *w, const struct errors *err, int status)
{
	struct session_overview o;
	struct session_action_counts ac;
	int d = case_session_overview(&w->ctx, w->id[0], &o);
	if (!d)
		d = session_action_counts(&w->ctx, w->id[0], &ac);
	if (d) {
		fail(w, d);
		return;
	}
	page_begin(w, _("Sessions with a case"));
	html(w->out, "<p><a href=\"/groups/%lld\">%s</a> · <a href=\"/methods\">%s</a></p>", w->id[0], _("Back to the group"),
	     _("Session methods"));
	html(w->out, "<p>%s</p>", _("A case and everything said about it is for the members of the session only."));
	html(w->out, "<dl class=\"counts\"><dt>%s</dt><dd>%lld</dd><dt>%s</dt><dd>%lld</dd><dt>%s</dt><dd>%lld</dd>"
		     "<dt>%s</dt><dd>%lld</dd><dt>%s</dt><dd>%lld</dd></dl>",
	     _("Sessions held"), o.counts.sessions, _("Cases"), o.counts.cases, _("Answers given"), o.counts.answers,
	     _("Actions open"), ac.open, _("Actions done"), ac.done);
	if (o.list) {
		html(w->out, "<h2>%s</h2>", _("Sessions"));
		if (!o.n)
			html(w->out, "<p>%s</p>", _("No sessions yet."));
		html(w->out, "<ul>");
		for (size_t i = 0; i < o.n; i++)
			html(w->out, "<li><a href=\"/sessions/%lld\">%s — %s</a> <span class=\"muted\">(%s)</span></li>",
			     o.list[i].id, date_label(w->a, o.list[i].held_on), *o.list[i].case_title ? o.list[i].case_title : _("no case yet"),
			     o.list[i].method_name);
		html(w->out, "</ul>");
	}
	if (o.may_lead) {
		html(w->out, "<h2 id=\"new\">%s</h2>", _("Start a session"));
		form_errors(w, err);
		html(w->out, "<form method=\"post\" action=\"/groups/%lld/sessions\">", w->id[0]);
		form_csrf(w);
		html(w->out, "<p class=\"field\"><label for=\"f-method\">%s</label><select id=\"f-method\" name=\"method\">",
		     _("Method"));
		for (size_t i = 0; i < o.nmethods; i++)
			html(w->out, "<option value=\"%s\">%s</option>", o.methods[i].key, o.methods[i].name);
		html(w->out, "</select></p><p class=\"field\"><label for=\"f-case_person\">%s</label>"
			     "<select id=\"f-case_person\" name=\"case_person\">", _("Case owner"));
		member_options(w, o.members, o.nmembers, err ? web_field_id(w, "case_person") : 0);
		html(w->out, "</select></p>");
		form_input(w, "case_title", _("Title of the case"), "text", err ? web_field(w, "case_title") : "", err, NULL);
		form_textarea(w, "case_question", _("Question"), err ? web_field(w, "case_question") : "", err,
			      _("The reflection question of the case owner."));
		form_textarea(w, "case_context", _("Context"), err ? web_field(w, "case_context") : "", err, NULL);
		html(w->out, "<p><button type=\"submit\">%s</button></p></form>", _("Start the session"));
	}
	page_end(w);
	w->r->status = status;
}

void page_group_sessions(struct web *w)
{
	overview_page(w, NULL, 200);
}

void page_group_session_start(struct web *w)
{
	struct errors err = { 0 };
	long long id;
	long long owner = web_field_id(w, "case_person");
	int d = case_session_start(&w->ctx, w->id[0], web_field(w, "method"), owner < 0 ? -1 : owner,
				   web_field(w, "case_title"), web_field(w, "case_question"), web_field(w, "case_context"),
				   &err, &id);
	if (d == D_INVALID)
		overview_page(w, &err, 422);
	else if (d)
		fail(w, d);
	else
		web_redirect(w, arena_printf(w->a, "/sessions/%lld", id));
}

/* ---- one session ---- */

static const char *note_of(const struct session_view *v, int n)
{
	for (size_t i = 0; i < v->nnotes; i++)
		if (v->notes[i].n == n)
			return v->notes[i].text;
	return "";
}

static void case_block(struct web *w, const struct session_view *v)
{
	html(w->out, "<section class=\"case\"><h2>%s</h2>", *v->s.case_title ? v->s.case_title : _("The case"));
	if (*v->s.case_person_name)
		html(w->out, "<p>%s: %s</p>", _("Case owner"), v->s.case_person_name);
	if (*v->s.case_question)
		html(w->out, "<h3>%s</h3><p class=\"pre\">%s</p>", _("Question"), v->s.case_question);
	if (*v->s.case_context)
		html(w->out, "<h3>%s</h3><p class=\"pre\">%s</p>", _("Context"), v->s.case_context);
	html(w->out, "</section>");
}

/* The current step; with /static/session.js (view: leader, member or
 * projector) its time counts down and the page follows the session. */
static void step_block(struct web *w, const struct session_view *v, const char *view)
{
	const struct method_step *s = v->current;
	if (!s)
		return;
	long long ends = *v->step_ends ? v->s.step_since + 60LL * s->minutes : 0;
	html(w->out, "<section class=\"step\" id=\"step\" data-session=\"%lld\" data-view=\"%s\" data-ends=\"%lld\" "
		     "data-left=\"%s\" data-over=\"%s\"><h2>%s</h2>",
	     v->s.id, view, ends, _("%s left"), _("time is up"),
	     arena_printf(w->a, _("Step %d of %zu: %s"), s->n, v->m.nsteps, s->name));
	html(w->out, "<p class=\"instruction\">%s</p><p class=\"muted\">%s: %s · %s", s->instruction,
	     _("Who"), s->who, arena_printf(w->a, _("%d min."), s->minutes));
	if (*v->step_ends)
		html(w->out, " · %s <span id=\"step-clock\" class=\"clock\"></span>",
		     arena_printf(w->a, _("until %s"), v->step_ends));
	html(w->out, "</p><p id=\"session-changed\" class=\"notice\" role=\"status\" hidden>%s "
		     "<a href=\"/sessions/%lld%s\">%s</a></p></section>",
	     _("Something changed in the session."), v->s.id, strcmp(view, "projector") ? "" : "/projector",
	     _("Show it"));
	w->session_script = true;
}

static void roles_block(struct web *w, const struct session_view *v)
{
	if (!v->nroles)
		return;
	html(w->out, "<p>%s:", _("Roles"));
	for (size_t i = 0; i < v->nroles; i++)
		html(w->out, " %s (%s)%s", v->roles[i].person_name, session_role_label(v->roles[i].role), i + 1 < v->nroles ? "," : "");
	html(w->out, "</p>");
}

static void ideas_block(struct web *w, const struct session_view *v)
{
	bool any = false;
	for (size_t i = 0; i < v->nanswers; i++)
		if (v->answers[i].selected) {
			if (!any)
				html(w->out, "<h2>%s</h2><ul class=\"ideas\">", _("Selected ideas"));
			any = true;
			html(w->out, "<li>%s</li>", v->answers[i].text);
		}
	if (any)
		html(w->out, "</ul>");
	if (*v->s.summary)
		html(w->out, "<h2>%s</h2><p class=\"pre\">%s</p>", _("Summary"), v->s.summary);
	if (*v->s.sharpened)
		html(w->out, "<h2>%s</h2><p class=\"pre\">%s</p>", _("The sharpened idea"), v->s.sharpened);
}

/* Back and forward: each button asks for a step by its number, so a
 * second click that arrives late changes nothing. */
static void steps_nav(struct web *w, const struct session_view *v)
{
	html(w->out, "<form method=\"post\" action=\"/sessions/%lld/step\" class=\"steps\">", v->s.id);
	form_csrf(w);
	if (v->s.step > 1)
		html(w->out, "<button type=\"submit\" name=\"to\" value=\"%d\">%s</button> ", v->s.step - 1,
		     _("Back a step"));
	if (v->s.step < (int)v->m.nsteps)
		html(w->out, "<button type=\"submit\" name=\"to\" value=\"%d\">%s</button>", v->s.step + 1, _("Next step"));
	html(w->out, "</form><ol class=\"method-steps\">");
	for (size_t i = 0; i < v->m.nsteps; i++)
		html(w->out, (int)i + 1 == v->s.step ? "<li aria-current=\"step\"><strong>%s</strong></li>" : "<li>%s</li>",
		     v->m.steps[i].name);
	html(w->out, "</ol>");
}

static long long role_person(const struct session_view *v, const char *role, int nth)
{
	for (size_t i = 0; i < v->nroles; i++)
		if (!strcmp(v->roles[i].role, role) && nth-- == 0)
			return v->roles[i].person_id;
	return 0;
}

static void leader_forms(struct web *w, const struct session_view *v, const struct errors *err)
{
	form_errors(w, err);
	html(w->out, "<h2 id=\"roles\">%s</h2><form method=\"post\" action=\"/sessions/%lld/roles\">", _("Roles"), v->s.id);
	form_csrf(w);
	html(w->out, "<p class=\"field\"><label for=\"f-summariser\">%s</label><select id=\"f-summariser\" name=\"summariser\">",
	     _("Summariser"));
	member_options(w, v->members, v->nmembers, role_person(v, "summariser", 0));
	for (int k = 0; k < 2; k++) {
		html(w->out, "</select></p><p class=\"field\"><label for=\"f-reader%d\">%s</label><select id=\"f-reader%d\" name=\"reader%d\">",
		     k + 1, k ? _("Second to read out") : _("First to read out"), k + 1, k + 1);
		member_options(w, v->members, v->nmembers, role_person(v, "reader", k));
	}
	html(w->out, "</select></p><p><button type=\"submit\">%s</button> <button type=\"submit\" name=\"random\" value=\"1\">%s</button></p></form>",
	     _("Save roles"), _("Choose at random"));

	if (v->current) {
		html(w->out, "<h2 id=\"note\">%s</h2><form method=\"post\" action=\"/sessions/%lld/notes\">",
		     arena_printf(w->a, _("Notes for step %d"), v->current->n), v->s.id);
		form_csrf(w);
		html(w->out, "<input type=\"hidden\" name=\"n\" value=\"%d\">", v->current->n);
		form_textarea(w, "note", _("Notes"), note_of(v, v->current->n), err, NULL);
		html(w->out, "<p><button type=\"submit\">%s</button></p></form>", _("Save notes"));
	}

	html(w->out, "<h2 id=\"answers\">%s</h2>", _("Answers"));
	if (!v->nanswers)
		html(w->out, "<p>%s</p>", _("No answers yet."));
	else
		html(w->out, "<ul class=\"answers\">");
	for (size_t i = 0; i < v->nanswers; i++) {
		const struct case_session_answer *a = &v->answers[i];
		html(w->out, "<li>%s <span class=\"muted\">(%s)</span> <form method=\"post\" action=\"/sessions/%lld/select\" class=\"inline\">",
		     a->text, a->person_name, v->s.id);
		form_csrf(w);
		html(w->out, "<input type=\"hidden\" name=\"answer\" value=\"%lld\"><input type=\"hidden\" name=\"selected\" value=\"%d\">"
			     "<button type=\"submit\">%s</button></form></li>", a->id, a->selected ? 0 : 1,
		     a->selected ? _("Take back") : _("Select idea"));
	}
	if (v->nanswers)
		html(w->out, "</ul>");

	html(w->out, "<h2 id=\"outcome\">%s</h2><form method=\"post\" action=\"/sessions/%lld/outcome\">",
	     _("Summary and sharpened idea"), v->s.id);
	form_csrf(w);
	form_textarea(w, "summary", _("Summary"), v->s.summary, err, NULL);
	form_textarea(w, "sharpened", _("The sharpened idea"), v->s.sharpened, err, NULL);
	html(w->out, "<p><button type=\"submit\">%s</button></p></form>", _("Save"));
}

static void member_forms(struct web *w, const struct session_view *v, const struct errors *err)
{
	html(w->out, "<h2 id=\"answer\">%s</h2>", _("Your answer"));
	form_errors(w, err);
	html(w->out, "<form method=\"post\" action=\"/sessions/%lld/answers\">", v->s.id);
	form_csrf(w);
	form_textarea(w, "answer", _("Your answer"), err ? web_field(w, "answer") : "", err,
		      _("Write down what comes to mind in one minute."));
	html(w->out, "<p><button type=\"submit\">%s</button></p></form>", _("Send answer"));
	bool any = false;
	for (size_t i = 0; i < v->nanswers; i++)
		if (v->answers[i].person_id == w->who.person_id) {
			if (!any)
				html(w->out, "<h3>%s</h3><ul>", _("Your answers so far"));
			any = true;
			html(w->out, "<li>%s</li>", v->answers[i].text);
		}
	if (any)
		html(w->out, "</ul>");
}

static void session_page(struct web *w, const struct errors *err, int status)
{
	struct session_view v;
	struct session_actions acts;
	int d = case_session_open(&w->ctx, w->id[0], &v);
	if (!d)
		d = session_action_for_session(&w->ctx, w->id[0], &acts);
	if (d) {
		fail(w, d);
		return;
	}
	page_begin(w, arena_printf(w->a, _("Session: %s"), v.m.name));
	page_done_message(w);
	if (v.s.peer_group_id)  /* a peer group's session: its page lists them */
		html(w->out, "<p><a href=\"/peer-groups/%lld\">%s</a> · <a href=\"/sessions/%lld/projector\">%s</a></p>",
		     v.s.peer_group_id, _("All sessions of the group"), v.s.id, _("Projector view"));
	else
		html(w->out, "<p><a href=\"/groups/%lld/sessions\">%s</a> · <a href=\"/sessions/%lld/projector\">%s</a></p>",
		     v.s.group_id, _("All sessions of the group"), v.s.id, _("Projector view"));
	html(w->out, "<p class=\"muted\">%s</p>", _("Confidential: for the members of this session only. Reading is recorded in the audit log."));
	/* the leader's screen starts with what became of the group's earlier actions */
	if (v.leader)
		session_actions_review(w, v.s.id, &acts);
	step_block(w, &v, v.leader ? "leader" : "member");
	/* the group reflects in the method's last two steps */
	if (v.leader && v.s.step + 1 >= (int)v.m.nsteps)
		awareness_questions(w);
	if (v.leader)
		steps_nav(w, &v);
	case_block(w, &v);
	roles_block(w, &v);
	if (v.leader)
		leader_forms(w, &v, err);
	else
		member_forms(w, &v, err);
	ideas_block(w, &v);
	session_actions_block(w, &v, &acts, err);
	if (v.s.case_person_id && v.s.case_person_id == w->ctx.who->person_id)
		consent_case_section(w, v.s.id);
	if (practice_share_allowed(&w->ctx, v.s.id))
		html(w->out, "<p><a href=\"/sessions/%lld/share\">%s</a></p>", v.s.id,
		     _("Share your case, anonymised and in your own words, as a practice example"));
	page_end(w);
	w->r->status = status;
}

void page_session_again(struct web *w, const struct errors *err, int status)
{
	session_page(w, err, status);
}

void page_session(struct web *w)
{
	session_page(w, NULL, 200);
}

/* After a change: back to the session, or the page again with the errors. */
static void after(struct web *w, int d, const struct errors *err, const char *anchor)
{
	if (d == D_INVALID)
		session_page(w, err, 422);
	else if (d)
		fail(w, d);
	else
		web_redirect(w, arena_printf(w->a, "/sessions/%lld#%s", w->id[0], anchor));
}

void page_session_step(struct web *w)
{
	struct errors err = { 0 };
	int to = (int)web_field_int(w, "to", 1, 1000, 0);
	after(w, case_session_move(&w->ctx, w->id[0], to, &err), &err, "step");
}

void page_session_note(struct web *w)
{
	struct errors err = { 0 };
	int n = (int)web_field_int(w, "n", 1, 1000, 0);
	after(w, case_session_note(&w->ctx, w->id[0], n, web_field(w, "note"), &err), &err, "note");
}

void page_session_roles(struct web *w)
{
	struct errors err = { 0 };
	long long ids[3] = { web_field_id(w, "summariser"), web_field_id(w, "reader1"), web_field_id(w, "reader2") };
	bool random = !strcmp(web_field(w, "random"), "1");
	/* a value that is no id (-1) is no member: the domain refuses it after
	 * deciding whether the actor leads (a member who does not gets 403) */
	after(w, case_session_roles(&w->ctx, w->id[0], ids[0], ids + 1, random, &err), &err, "roles");
}

void page_session_answer(struct web *w)
{
	struct errors err = { 0 };
	after(w, case_session_answer(&w->ctx, w->id[0], web_field(w, "answer"), &err), &err, "answer");
}

void page_session_select(struct web *w)
{
	long long a = web_field_id(w, "answer");
	const char *sel = web_field(w, "selected");
	if (a <= 0 || (strcmp(sel, "0") && strcmp(sel, "1"))) {
		/* whether the actor leads decides first: 403 for a member who does not */
		struct session_view v;
		int d = case_session_open(&w->ctx, w->id[0], &v);
		if (d || !v.leader) {
			fail(w, d ? d : D_FORBIDDEN);
			return;
		}
		struct errors err = { 0 };
		errors_add(&w->ctx, &err, "answer", "%s", _("Choose an answer of this session."));
		session_page(w, &err, 422);
		return;
	}
	after(w, case_session_select(&w->ctx, w->id[0], a, !strcmp(sel, "1")), NULL, "answers");
}

void page_session_outcome(struct web *w)
{
	struct errors err = { 0 };
	after(w, case_session_outcome(&w->ctx, w->id[0], web_field(w, "summary"), web_field(w, "sharpened"), &err), &err,
	      "outcome");
}

/* Large text for the room: the step, its instruction, the case's question
 * and the selected ideas; no names of who answered what. */
void page_session_projector(struct web *w)
{
	struct session_view v;
	int d = case_session_open(&w->ctx, w->id[0], &v);
	if (d) {
		fail(w, d);
		return;
	}
	page_begin(w, arena_printf(w->a, _("Session: %s"), v.m.name));
	html(w->out, "<div class=\"projector\">");
	step_block(w, &v, "projector");
	if (*v.s.case_title)
		html(w->out, "<h2>%s</h2>", v.s.case_title);
	if (*v.s.case_question)
		html(w->out, "<p class=\"pre\">%s</p>", v.s.case_question);
	ideas_block(w, &v);
	html(w->out, "</div><p><a href=\"/sessions/%lld\">%s</a></p>", v.s.id, _("Back to the session"));
	page_end(w);
}
