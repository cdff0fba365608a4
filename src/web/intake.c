/* intake.c — the intake of a participant (facilitator and mentor record it;
 * the participant reads it) with the participant's learning question and
 * its history, and the participant's own learning question on the group
 * page. What may be read is decided in domain/privacy.c. */
#include "web.h"
#include "domain/group.h"
#include "domain/intake.h"
#include "domain/schedule.h"
#include "html/html.h"

#include <string.h>
#include <time.h>

static const char *when(struct web *w, long long t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	localtime_r(&tt, &tm);
	char d[11];
	strftime(d, sizeof(d), "%Y-%m-%d", &tm);
	return date_label(w->a, arena_strdup(w->a, d));
}

/* The question and its earlier versions, newest first. */
static void question_block(struct web *w, const struct learning_question *q, size_t n)
{
	if (!n) {
		html(w->out, "<p>%s</p>", _("No learning question written yet."));
		return;
	}
	html(w->out, "<blockquote class=\"question\">%s</blockquote><p class=\"muted\">%s</p>", q[0].text,
	     arena_printf(w->a, _("Written on %s."), when(w, q[0].written_at)));
	if (n > 1) {
		html(w->out, "<details><summary>%s</summary><ol>",
		     arena_printf(w->a, ngettext("%zu earlier version", "%zu earlier versions", (unsigned long)(n - 1)), n - 1));
		for (size_t i = 1; i < n; i++)
			html(w->out, "<li>%s <span class=\"muted\">(%s)</span></li>", q[i].text, when(w, q[i].written_at));
		html(w->out, "</ol></details>");
	}
}

void question_section(struct web *w, long long group_id, const struct errors *e)
{
	struct learning_question *q;
	size_t n;
	if (question_history(&w->ctx, w->who.person_id, group_id, &q, &n))
		return;
	html(w->out, "<h2 id=\"question\">%s</h2><p>%s</p>", _("My learning question"),
	     _("What you want to learn in this group, in your own words. Nobody approves or grades it; your facilitator and mentor read it. You can revise it at any time; earlier versions are kept."));
	question_block(w, q, n);
	form_errors(w, e);
	html(w->out, "<form method=\"post\" action=\"/groups/%lld/question\">", group_id);
	form_csrf(w);
	form_textarea(w, "question", n ? _("Revise your learning question") : _("Write your learning question"),
		      e ? web_field(w, "question") : (n ? q[0].text : ""), e, NULL);
	html(w->out, "<p><button type=\"submit\">%s</button></p></form>\n", _("Save learning question"));
}

void page_question_write(struct web *w)
{
	struct errors e = { 0 };
	int d = question_write(&w->ctx, w->id[0], web_field(w, "question"), (long long)time(NULL), &e, NULL);
	if (d == D_OK)
		web_redirect(w, arena_printf(w->a, "/groups/%lld?done=question-saved#question", w->id[0]));
	else if (d == D_NOTFOUND)
		web_not_found(w);
	else if (d == D_INVALID) {
		/* the form again with the message, on the page of its own */
		page_begin(w, _("My learning question"));
		html(w->out, "<p><a href=\"/groups/%lld\">%s</a></p>", w->id[0], _("Back to the group"));
		question_section(w, w->id[0], &e);
		page_end(w);
		w->r->status = 422;
	} else
		web_error(w, 500, _("The learning question could not be saved. Try again later."));
}

/* The intake: a form for the facilitator and mentor, read-only for the participant. */
static void intake_section(struct web *w, const struct intake_view *v, const struct errors *e)
{
	html(w->out, "<h2>%s</h2>", _("Intake"));
	if (v->holds_intake) {
		form_errors(w, e);
		html(w->out, "<form method=\"post\" action=\"/enrolments/%lld/intake\">", v->en.id);
		form_csrf(w);
		form_input(w, "held_on", _("Held on"), "date", e ? web_field(w, "held_on") : v->held ? v->intake.held_on : "", e, NULL);
		form_textarea(w, "expectations", _("Expectations of the participant"),
			      e ? web_field(w, "expectations") : v->held ? v->intake.expectations : "", e, NULL);
		html(w->out, "<p><button type=\"submit\">%s</button></p></form>\n", _("Save intake"));
	} else if (v->held) {
		html(w->out, "<p>%s</p><h3>%s</h3><p>%s</p>", arena_printf(w->a, _("Held on %s."), date_label(w->a, v->intake.held_on)),
		     _("Expectations of the participant"), *v->intake.expectations ? v->intake.expectations : "—");
	} else {
		html(w->out, "<p>%s</p>", _("The intake has not been recorded yet."));
	}
}

/* The participant's own words on the closing talk, once it is offered. */
static void closing_words_form(struct web *w, const struct intake_view *v, const struct errors *e)
{
	form_errors(w, e);
	html(w->out, "<form method=\"post\" action=\"/enrolments/%lld/closing/words\">", v->en.id);
	form_csrf(w);
	html(w->out, "<input type=\"hidden\" name=\"form\" value=\"words\">");
	form_textarea(w, "learning_yield", _("What you take with you from the programme"),
		      e ? web_field(w, "learning_yield") : v->talk.learning_yield, e, NULL);
	form_textarea(w, "next_steps", _("How you go on with it in your own work"),
		      e ? web_field(w, "next_steps") : v->talk.next_steps, e, NULL);
	html(w->out, "<p><button type=\"submit\">%s</button></p></form>\n", _("Save"));
}

/* The facilitator's or mentor's record of the offer and whether it was held. */
static void closing_record_form(struct web *w, const struct intake_view *v, const struct errors *e)
{
	form_errors(w, e);
	html(w->out, "<form method=\"post\" action=\"/enrolments/%lld/closing\">", v->en.id);
	form_csrf(w);
	html(w->out, "<input type=\"hidden\" name=\"form\" value=\"closing\">");
	form_input(w, "offered_on", _("Offered on"), "date", e ? web_field(w, "offered_on") : v->offered ? v->talk.offered_on : "", e, NULL);
	const char *cur = e ? web_field(w, "outcome") : v->offered ? v->talk.outcome : "open";
	html(w->out, "<p class=\"field\"><label for=\"f-outcome\">%s</label><select id=\"f-outcome\" name=\"outcome\">", _("Held"));
	static const char *const oc[] = { "open", "held", "declined" };
	for (int i = 0; i < 3; i++)
		html(w->out, !strcmp(cur, oc[i]) ? "<option value=\"%s\" selected>%s</option>" : "<option value=\"%s\">%s</option>", oc[i],
		     i == 0 ? _("not held (yet)") : i == 1 ? _("held") : _("declined"));
	html(w->out, "</select></p>");
	form_input(w, "talk_held_on", _("Talk held on"), "date", e ? web_field(w, "talk_held_on") : v->offered ? v->talk.held_on : "", e, NULL);
	html(w->out, "<p><button type=\"submit\">%s</button></p></form>\n", _("Save closing talk"));
}

static void closing_section(struct web *w, const struct intake_view *v, const struct errors *e)
{
	const struct closing_talk *t = &v->talk;
	html(w->out, "<h2 id=\"closing\">%s</h2><p class=\"muted\">%s</p>", _("Closing talk"),
	     _("Offered at the last meeting and never required: the participant puts into words what they take with them, and how they go on."));
	if (v->offered) {
		const char *outcome = !strcmp(t->outcome, "held") ? arena_printf(w->a, _("held on %s"), date_label(w->a, t->held_on))
				      : !strcmp(t->outcome, "declined") ? _("declined") : _("not held (yet)");
		html(w->out, "<p>%s</p>", arena_printf(w->a, _("Offered on %s; %s."), date_label(w->a, t->offered_on), outcome));
	}
	const struct errors *we = e && !strcmp(web_field(w, "form"), "words") ? e : NULL;
	if (v->mine && !v->offered)
		form_errors(w, we);
	if (v->mine && v->offered) {
		closing_words_form(w, v, we);
	} else if (v->offered) {
		html(w->out, "<h3>%s</h3><p>%s</p><h3>%s</h3><p>%s</p>", _("Learning yield, in the participant's words"),
		     *t->learning_yield ? t->learning_yield : "—", _("Next steps"), *t->next_steps ? t->next_steps : "—");
	} else if (!v->holds_intake) {
		html(w->out, "<p>%s</p>", _("Not offered yet."));
	}
	if (v->holds_intake)
		closing_record_form(w, v, e && !strcmp(web_field(w, "form"), "closing") ? e : NULL);
}

static void intake_page(struct web *w, const struct errors *e, int status)
{
	struct intake_view v;
	int d = intake_open(&w->ctx, w->id[0], &v);
	if (d == D_NOTFOUND) {
		web_not_found(w);
		return;
	}
	if (d) {
		web_error(w, 500, _("The intake could not be read. Try again later."));
		return;
	}
	page_begin(w, arena_printf(w->a, _("Intake and closing talk of %s"), v.en.person_name));
	page_done_message(w);
	html(w->out, "<p><a href=\"/groups/%lld\">%s</a></p>", v.en.group_id, _("Back to the group"));
	html(w->out, "<h2>%s</h2>", _("Learning question"));
	question_block(w, v.questions, v.nquestions);
	intake_section(w, &v, e && !*web_field(w, "form") ? e : NULL);  /* the intake form's own errors */
	plan_section(w, &v.plan);
	closing_section(w, &v, e);
	page_end(w);
	w->r->status = status;
}

void page_intake(struct web *w)
{
	intake_page(w, NULL, 200);
}

void page_intake_save(struct web *w)
{
	struct errors e = { 0 };
	int d = intake_save(&w->ctx, w->id[0], web_field(w, "held_on"), web_field(w, "expectations"), (long long)time(NULL), &e);
	if (d == D_OK)
		web_redirect(w, arena_printf(w->a, "/enrolments/%lld/intake?done=intake-saved", w->id[0]));
	else if (d == D_NOTFOUND)
		web_not_found(w);
	else if (d == D_FORBIDDEN)
		web_not_found(w);  /* a facilitator or mentor of another group: as if it did not exist */
	else if (d == D_INVALID)
		intake_page(w, &e, 422);
	else
		web_error(w, 500, _("The intake could not be saved. Try again later."));
}

static void after_closing(struct web *w, int d, const struct errors *e)
{
	if (d == D_OK)
		web_redirect(w, arena_printf(w->a, "/enrolments/%lld/intake?done=closing-saved#closing", w->id[0]));
	else if (d == D_NOTFOUND || d == D_FORBIDDEN)
		web_not_found(w);
	else if (d == D_INVALID)
		intake_page(w, e, 422);
	else
		web_error(w, 500, _("The closing talk could not be saved. Try again later."));
}

void page_closing_record(struct web *w)
{
	struct errors e = { 0 };
	after_closing(w, closing_record(&w->ctx, w->id[0], web_field(w, "offered_on"), web_field(w, "outcome"),
					web_field(w, "talk_held_on"), (long long)time(NULL), &e), &e);
}

void page_closing_words(struct web *w)
{
	struct errors e = { 0 };
	after_closing(w, closing_write(&w->ctx, w->id[0], web_field(w, "learning_yield"), web_field(w, "next_steps"),
				       (long long)time(NULL), &e), &e);
}
