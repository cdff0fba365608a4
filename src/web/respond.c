/* respond.c — answering a questionnaire through a personal link
 * (/respond?token=…): no account needed, no JavaScript, every question a
 * fieldset that works with the keyboard alone. The page opens with who
 * asks and why, how long it takes and who will see what; the questions
 * follow in their parts ("Deel 2 van 5"), numbered, never by their code
 * (which is for the data). "Save" keeps the answers for later, sealed for
 * this browser (domain/respond.c); "Hand in" checks the required
 * questions and closes the link; a hand-in that leaves questions open
 * lists them first and asks to confirm. The page says plainly what a
 * draft means for the respondent's anonymity. */
#include "web.h"
#include "domain/answer_rule.h"
#include "domain/own_result.h"
#include "domain/two_wave.h"
#include "domain/schedule.h"
#include "domain/survey.h"
#include "html/html.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

static const struct answer_value *draft_of(const struct respondent *r, long long item)
{
	for (size_t i = 0; i < r->ndraft; i++)
		if (r->draft[i].item_id == item)
			return &r->draft[i];
	return NULL;
}

static bool chosen(const struct answer_value *a, int value)
{
	if (!a || a->dont_know)
		return false;
	if (a->has_value)
		return a->value == value;
	for (const char *p = a->text ? a->text : ""; *p; p += strspn(p, ",")) {
		char *end;
		if (strtoll(p, &end, 10) == value)
			return true;
		if (end == p)
			break;
		p = end;
	}
	return false;
}

/* The number of a question on the page: its place in the questionnaire,
 * as the messages of domain/respond.c name it. */
static size_t number_of(const struct respondent *r, const struct instrument_item *it)
{
	return (size_t)(it - r->v.items) + 1;
}

static void question(struct web *w, const struct respondent *r, const struct instrument_item *it,
		     const struct answer_value *a, const struct errors *e)
{
	const char *name = arena_printf(w->a, "i%lld", it->id);
	const char *err = e ? errors_get(e, name) : NULL;
	size_t num = number_of(r, it);
	if (!strcmp(it->kind, "open")) {
		html(w->out, "<p class=\"field%s\"><label for=\"f-%s\">%zu. ", err ? " invalid" : "", name, num);
		html_lines(w->out, it->text);
		html(w->out, "</label>");
		if (err)
			html(w->out, "<span class=\"field-error\" id=\"e-%s\">%s</span>", name, err);
		html(w->out, err ? "<textarea id=\"f-%s\" name=\"%s\" rows=\"4\" maxlength=\"%d\" aria-invalid=\"true\" aria-describedby=\"e-%s\">"
				 : "<textarea id=\"f-%s\" name=\"%s\" rows=\"4\" maxlength=\"%d\">", name, name, OPEN_ANSWER_MAX, name);
		html(w->out, "%s</textarea></p>\n", a && a->text ? a->text : "");
		return;
	}
	bool multi = !strcmp(it->kind, "multiple"), bipolar = !strcmp(it->kind, "bipolar") && it->noptions;
	/* a bipolar question names its poles under the question, described by
	 * them for a screen reader that enters it; its end points carry them
	 * too (from the poles when they have no label of their own) */
	const char *poles = NULL;
	if (bipolar) {
		const struct item_option *lo = &it->options[0], *hi = &it->options[it->noptions - 1];
		const char *left = *lo->label ? lo->label : it->left_label, *right = *hi->label ? hi->label : it->right_label;
		if (*left && *right)
			poles = arena_printf(w->a, "%d = %s · %d = %s", lo->value, left, hi->value, right);
	}
	/* a multiple choice's rule (how many options, which go alone) is
	 * said under it, like a bipolar question's poles */
	const char *rule = multi ? answer_rule_hint(w->a, it) : NULL;
	if (rule)
		poles = rule;
	const char *described = err && poles ? arena_printf(w->a, "e-%s p-%s", name, name)
			       : err	      ? arena_printf(w->a, "e-%s", name)
			       : poles	      ? arena_printf(w->a, "p-%s", name)
					      : NULL;
	/* the fieldset carries the id that the error summary links to */
	html(w->out, described ? "<fieldset id=\"f-%s\" class=\"question%s\" aria-describedby=\"%s\"><legend>%zu. "
			       : "<fieldset id=\"f-%s\" class=\"question%s\"%s><legend>%zu. ",
	     name, err ? " invalid" : "", described ? described : "", num);
	html_lines(w->out, it->text);
	html(w->out, "</legend>");
	if (err)
		html(w->out, "<p class=\"field-error\" id=\"e-%s\">%s</p>", name, err);
	if (poles)
		html(w->out, "<p class=\"muted\" id=\"p-%s\">%s</p>", name, poles);
	html(w->out, "<div class=\"scale\">");
	for (size_t k = 0; k < it->noptions; k++) {
		const struct item_option *o = &it->options[k];
		const char *id = arena_printf(w->a, "%s-%d", name, o->value);
		const char *label = o->label;
		if (bipolar && !*label)
			label = k == 0 ? it->left_label : k + 1 == it->noptions ? it->right_label : "";
		html(w->out, multi ? "<span class=\"point\"><input type=\"checkbox\" id=\"%s\" name=\"%s\" value=\"%d\"%s> "
				   : "<span class=\"point\"><input type=\"radio\" id=\"%s\" name=\"%s\" value=\"%d\"%s> ",
		     id, name, o->value, chosen(a, o->value) ? " checked" : "");
		html(w->out, "<label for=\"%s\" class=\"inline\">%d%s%s</label></span> ", id, o->value, *label ? " " : "",
		     *label ? arena_printf(w->a, "(%s)", label) : "");
	}
	/* not a point of the scale: set apart, and stored apart */
	if (it->allows_dont_know && !multi)
		html(w->out, "<span class=\"point dont-know\"><input type=\"radio\" id=\"%s-dk\" name=\"%s\" value=\"%s\"%s> "
			"<label for=\"%s-dk\" class=\"inline\">%s</label></span>",
		     name, name, RESPOND_DONT_KNOW, a && a->dont_know ? " checked" : "", name, _("Don't know / n/a"));
	html(w->out, "</div></fieldset>\n");
}

/* What a saved draft means, said while one is there or could be. */
static void draft_note(struct web *w, const struct respondent *r)
{
	if (r->draft_lost)
		html(w->out, "<p class=\"warn\" role=\"status\">%s</p>",
		     _("The answers you saved in this browser were discarded from another browser. If that was not you, someone else has used your link: tell whoever sent you the questionnaire."));
	if (r->draft_state == DRAFT_MINE)
		html(w->out, "<p class=\"note\">%s</p>",
		     r->w.anonymous
			     ? _("Your saved answers are a draft, locked with a key that only this browser holds: nobody else can read them or hand them in, not even whoever has your link. Until you hand in, the draft belongs to your link so that you can go on; once you hand in, your answers are kept without your name.")
			     : _("Your saved answers are a draft, locked with a key that only this browser holds: nobody else can read them or hand them in, not even whoever has your link."));
	else
		html(w->out, "<p class=\"muted\">%s</p>",
		     _("If you save to go on later, your answers are locked with a key that only this browser holds: you can go on from this browser only, and nobody else can read them, not even whoever has your link."));
}

/* A draft of another browser: it can be discarded, not read or handed in. */
static void elsewhere_page(struct web *w, const struct respondent *r, const char *token)
{
	html(w->out, "<p class=\"warn\">%s</p>",
	     _("Answers to this link were saved in another browser. Only that browser can read them and hand them in. If that was you, go on there."));
	html(w->out, "<p>%s</p>",
	     _("Or discard those answers and start afresh here. Whoever saved them is told, when they come back, that they were discarded."));
	html(w->out, "<form method=\"post\" action=\"/respond\">");
	form_csrf(w);
	html(w->out, "<input type=\"hidden\" name=\"token\" value=\"%s\">"
		"<p><button type=\"submit\" name=\"action\" value=\"discard\" class=\"secondary\">%s</button></p></form>\n",
	     token, _("Discard the saved answers and start afresh"));
	(void)r;
}

/* Who will see what, in one plain sentence or two per case. */
static void who_sees(struct web *w, const struct respondent *r)
{
	const char *role = r->inv.rater_role ? r->inv.rater_role : "";
	bool open = false;
	for (size_t i = 0; i < r->v.nitems; i++)
		open |= !strcmp(r->v.items[i].kind, "open");
	if (r->w.subject_id && !strcmp(role, "self"))
		html(w->out, "<p class=\"note\">%s</p>", _("You rate yourself: your answers are in the report as \"self\", beside those of the others."));
	else if (r->w.subject_id && !strcmp(role, "manager"))
		html(w->out, "<p class=\"note\">%s</p>", _("You answer as the own manager: your answers are shown apart in the report and are not anonymous to the person asking for feedback."));
	else if (r->w.subject_id)
		html(w->out, "<p class=\"note\">%s</p>", _("Your answers are kept without your name and without the time. In the report they count only together with those of at least two other raters."));
	else if (r->w.anonymous)
		html(w->out, "<p class=\"note\">%s %s</p>",
		     _("This questionnaire is anonymous: once you hand in, your answers are kept without your name and without the time."),
		     arena_printf(w->a, _("Whoever sent it sees whether you have answered, not what. Results are shown only for groups of at least %d people, once the questionnaire has closed."),
				  SURVEY_MIN_RESPONSES));
	else if (two_wave_of_wave(w->st, r->org, r->w.id))
		html(w->out, "<p class=\"note\" id=\"paired\">%s %s</p>",
		     _("This questionnaire is one of the two measurements of a study: your answers in both measurements are paired under a pseudonym. They are not anonymous."),
		     arena_printf(w->a, _("The researcher and the coordinator of %s read them under that pseudonym, never with your name. Results are shown only for groups of at least %d people who answered both measurements, once both have closed."),
				  r->org_name, SURVEY_MIN_RESPONSES));
	else
		html(w->out, "<p class=\"note\">%s %s</p>",
		     _("This questionnaire is not anonymous: your answers are kept with your name."),
		     arena_printf(w->a, _("Whoever sent it sees whether you have answered. Results are shown only for groups of at least %d people, once the questionnaire has closed; nobody reading them sees your answers by your name."),
				  SURVEY_MIN_RESPONSES));
	if (own_result_offered(w->st, r))
		html(w->out, "<p class=\"note\" id=\"own-result-note\">%s</p>",
		     _("Once you hand in, you see your own result: your score per facet. Only you see it, once, on the page after handing in."));
	/* open answers are shown as written, beside the figures */
	if (open && !r->w.subject_id)
		html(w->out, "<p class=\"muted\">%s</p>",
		     _("Answers to open questions are shown in the results word for word, without your name: leave out what would give you away."));
}

/* Who asks and why, how long it takes, until when, and who will see what. */
static void about(struct web *w, const struct respondent *r)
{
	html(w->out, "<p>%s</p>", arena_printf(w->a, _("%s asks you to answer this questionnaire."), r->org_name));
	/* a rater must know whom the 360° feedback is about */
	if (r->w.subject_id)
		html(w->out, "<p>%s: <strong>%s</strong></p>", _("360° feedback about"), r->w.subject_name);
	if (r->w.purpose && *r->w.purpose)
		html(w->out, "<p class=\"purpose\"><strong>%s</strong> %s</p>", _("Why this questionnaire:"), r->w.purpose);
	int minutes = respond_minutes(&r->v);
	html(w->out, "<p>%s %s</p>",
	     arena_printf(w->a, ngettext("This takes about %d minute.", "This takes about %d minutes.", (unsigned long)minutes), minutes),
	     arena_printf(w->a, _("Open until %s."), date_label(w->a, r->w.closes_on)));
	who_sees(w, r);
}

/* The parts of the questionnaire as the page shows them: the sections
 * that hold questions, and the questions outside any section as a last
 * part of their own when there are sections too. */
struct qpart {
	long long section_id;        /* 0: the questions outside any section */
	const char *title, *intro;
	size_t nitems;
};

static size_t parts_of(struct web *w, const struct respondent *r, struct qpart **out)
{
	*out = arena_alloc(w->a, (r->v.nsections + 2) * sizeof(**out));
	size_t n = 0;
	const char *last = NULL;   /* the section title of the part before */
	for (size_t s = 0; s <= r->v.nsections; s++) {
		long long sid = s < r->v.nsections ? r->v.sections[s].id : 0;
		size_t k = 0;
		for (size_t i = 0; i < r->v.nitems; i++)
			k += r->v.items[i].section_id == sid;
		if (!k)
			continue;
		const char *title = s < r->v.nsections ? r->v.sections[s].title : _("Other questions");
		/* a section that goes on after a text of its own (an imported text
		 * display after questions) is the same section continued */
		bool continued = last && !strcmp(last, title);
		last = title;
		(*out)[n++] = (struct qpart){ sid, continued ? arena_printf(w->a, _("%s (continued)"), title) : title,
					     s < r->v.nsections ? r->v.sections[s].intro : "", k };
	}
	return n;
}

/* With more than one part: the parts at the top, as a list to read, not
 * links (a questionnaire is answered in order: no Tab stops before the
 * first question). */
static void parts_list(struct web *w, const struct respondent *r)
{
	struct qpart *p;
	size_t n = parts_of(w, r, &p);
	if (n < 2)
		return;
	html(w->out, "<div class=\"parts\"><h2 id=\"parts-h\">%s</h2><ol aria-labelledby=\"parts-h\">",
	     arena_printf(w->a, _("This questionnaire has %zu parts"), n));
	for (size_t k = 0; k < n; k++)
		html(w->out, "<li>%s <span class=\"muted\">(%s)</span></li>", p[k].title,
		     arena_printf(w->a, ngettext("%zu question", "%zu questions", (unsigned long)p[k].nitems), p[k].nitems));
	html(w->out, "</ol></div>\n");
}

/* The questions, part by part: with more than one part each is a fieldset
 * headed "Part 2 of 5". */
static void questions(struct web *w, const struct respondent *r, const struct errors *e)
{
	struct qpart *p;
	size_t n = parts_of(w, r, &p);
	size_t k = 0;
	for (size_t s = 0; s <= r->v.nsections; s++) {
		long long sid = s < r->v.nsections ? r->v.sections[s].id : 0;
		if (k == n || p[k].section_id != sid) {
			/* a section with a text and no questions (an imported text
			 * display after the questions of its group): the text in its
			 * place, its title only when it is not the one before */
			const struct instrument_section *sec = s < r->v.nsections ? &r->v.sections[s] : NULL;
			if (sec && *sec->intro) {
				html(w->out, "<div class=\"part-text\">");
				if (s == 0 || strcmp(r->v.sections[s - 1].title, sec->title))
					html(w->out, "<h2>%s</h2>", sec->title);
				html_paragraphs(w->out, sec->intro, "intro");
				html(w->out, "</div>\n");
			}
			continue;
		}
		if (n > 1)
			html(w->out, "<fieldset class=\"part\" id=\"part-%zu\"><legend><h2><span class=\"part-of\">%s</span> %s</h2></legend>",
			     k + 1, arena_printf(w->a, _("Part %zu of %zu"), k + 1, n), p[k].title);
		else if (p[k].section_id)
			html(w->out, "<h2>%s</h2>", p[k].title);
		if (*p[k].intro)
			html_paragraphs(w->out, p[k].intro, "intro");
		for (size_t i = 0; i < r->v.nitems; i++)
			if (r->v.items[i].section_id == p[k].section_id)
				question(w, r, &r->v.items[i], draft_of(r, r->v.items[i].id), e);
		if (n > 1)
			html(w->out, "</fieldset>\n");
		k++;
	}
}

/* A hand-in that left questions open: which ones, each linked to its
 * field, and the choice to hand in as it is or to answer them first. The
 * form below keeps every answer given. */
static void confirm_box(struct web *w, const struct respondent *r)
{
	/* Enter in a field saves (the form's default button is its first in
	 * document order, and "Hand in anyway" below comes before the form):
	 * never an incomplete hand-in by a key pressed while answering */
	html(w->out, "<button type=\"submit\" form=\"answers\" name=\"action\" value=\"save\" hidden tabindex=\"-1\">%s</button>",
	     _("Save and continue later"));
	html(w->out, "<div class=\"warn\" id=\"unanswered\" role=\"alert\"><h2>%s</h2><p>%s</p><ul>",
	     arena_printf(w->a, ngettext("%zu question has not been answered", "%zu questions have not been answered",
					 (unsigned long)r->nunanswered), r->nunanswered),
	     _("You do not have to answer every question. Hand in as it is, or answer these first:"));
	for (size_t i = 0; i < r->nunanswered; i++)
		html(w->out, "<li><a href=\"#f-i%lld\">%s</a></li>", r->unanswered[i]->id,
		     arena_printf(w->a, _("Question %zu: %s"), number_of(r, r->unanswered[i]), r->unanswered[i]->text));
	html(w->out, "</ul><p><button type=\"submit\" form=\"answers\" name=\"confirm_incomplete\" value=\"1\">%s</button> "
		"<a href=\"#f-i%lld\">%s</a></p></div>\n",
	     _("Hand in anyway"), r->unanswered[0]->id, _("Answer them first"));
}

static void respond_page(struct web *w, struct respondent *r, const char *token, const struct errors *e, int status)
{
	page_begin(w, r->w.instrument_name);
	w->r->status = status;
	if (r->state == RESPOND_DONE) {
		form_errors(w, e);   /* a second hand-in: say why nothing happened */
		html(w->out, "<p class=\"done\" role=\"status\">%s</p>", _("Thank you: your answers have been handed in."));
		if (r->draft_lost)
			html(w->out, "<p class=\"warn\">%s</p>",
			     _("The answers you had saved in this browser were discarded from another browser, and the questionnaire was handed in from there. If that was not you, tell whoever sent you the questionnaire."));
		if (r->w.anonymous)
			html(w->out, "<p>%s</p>", _("This questionnaire is anonymous: your answers are kept without your name and without the time you handed them in."));
		page_end(w);
		return;
	}
	if (r->state != RESPOND_OPEN) {
		html(w->out, "<p class=\"warn\">%s</p>",
		     r->state == RESPOND_CLOSED
			     ? (r->w.closed_at ? _("This questionnaire has been closed.")
					       : arena_printf(w->a, _("This questionnaire closed on %s."), date_label(w->a, r->w.closes_on)))
			     : arena_printf(w->a, _("This questionnaire opens on %s."), date_label(w->a, r->w.opens_on)));
		page_end(w);
		return;
	}
	const char *done = web_arg(w, "done") ? web_arg(w, "done") : "";
	if (!strcmp(done, "answers-saved"))
		html(w->out, "<p class=\"done\" role=\"status\">%s</p>",
		     _("Your answers have been saved in this browser. You can come back to this link until the questionnaire closes."));
	else if (!strcmp(done, "discarded"))
		html(w->out, "<p class=\"done\" role=\"status\">%s</p>", _("The saved answers have been discarded. You can start afresh."));
	if (r->draft_state == DRAFT_ELSEWHERE) {
		html(w->out, "<p>%s</p>", arena_printf(w->a, _("Open until %s."), date_label(w->a, r->w.closes_on)));
		form_errors(w, e);
		elsewhere_page(w, r, token);
		page_end(w);
		return;
	}
	about(w, r);
	draft_note(w, r);
	if (r->nunanswered)
		confirm_box(w, r);
	form_errors(w, e);
	parts_list(w, r);
	html(w->out, "<form method=\"post\" action=\"/respond\" id=\"answers\">");
	form_csrf(w);
	html(w->out, "<input type=\"hidden\" name=\"token\" value=\"%s\">", token);
	questions(w, r, e);
	html(w->out, "<p><button type=\"submit\" name=\"action\" value=\"save\" class=\"secondary\">%s</button> "
		"<button type=\"submit\" name=\"action\" value=\"submit\">%s</button></p></form>\n",
	     _("Save and continue later"), _("Hand in"));
	if (r->draft_state == DRAFT_MINE) {
		html(w->out, "<form method=\"post\" action=\"/respond\">");
		form_csrf(w);
		html(w->out, "<input type=\"hidden\" name=\"token\" value=\"%s\"><p><button type=\"submit\" name=\"action\" "
			"value=\"discard\" class=\"secondary\">%s</button></p></form>\n", token, _("Discard the saved answers"));
	}
	page_end(w);
}

/* The link's respondent, or an answer already given (false). */
static bool open_link(struct web *w, const char *token, struct respondent *r, char day[11])
{
	date_today((long long)time(NULL), day);
	int d = respond_open(w->st, w->a, token, web_respondent_key(w), day, r);
	if (d == D_NOTFOUND)
		web_error(w, 404, _("This link is not (or no longer) valid. Check that you copied the whole link."));
	else if (d)
		web_error(w, 500, _("The questionnaire could not be read. Try again later."));
	return d == D_OK;
}

void page_respond(struct web *w)
{
	const char *token = web_arg(w, "token");
	struct respondent r;
	char day[11];
	if (open_link(w, token, &r, day))
		respond_page(w, &r, token, NULL, 200);
}

/* Right after the hand-in of a questionnaire that offers it: the
 * respondent's own scale scores, from the answers just handed in, shown
 * this once (domain/own_result.h). */
static void own_result_page(struct web *w, const struct respondent *r, const struct respond_field *f, size_t n)
{
	struct own_score *sc;
	size_t ns = own_result_scores(w->a, &r->v, f, n, &sc);
	page_begin(w, r->w.instrument_name);
	html(w->out, "<p class=\"done\" role=\"status\">%s</p>", _("Thank you: your answers have been handed in."));
	html(w->out, "<h2 id=\"own-result\">%s</h2><p>%s</p>", _("Your own result"),
	     _("Your score per facet: the mean of your answers to its statements, reversed statements turned around. Only you see this page, this once: save or print it now if you want to keep it. Nobody else sees your scores by your name."));
	if (!ns)
		html(w->out, "<p>%s</p>", _("This questionnaire has no scales to score."));
	else {
		html(w->out, "<table><caption>%s</caption><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
			"<th scope=\"col\">%s</th></tr></thead><tbody>",
		     _("Your own result"), _("Facet"), _("Your score"), _("Statements answered"));
		for (size_t i = 0; i < ns; i++)
			html(w->out, "<tr><th scope=\"row\">%s</th><td>%s <span class=\"muted\">(%s)</span></td><td>%zu / %zu</td></tr>",
			     sc[i].scale, web_number(w, sc[i].score, 1),
			     arena_printf(w->a, _("on a scale of %d to %d"), sc[i].min, sc[i].max), sc[i].answered, sc[i].items);
		html(w->out, "</tbody></table>\n");
	}
	page_end(w);
}

void page_respond_post(struct web *w)
{
	/* the form sends the token as a field; a link may carry it */
	const char *token = *web_field(w, "token") ? web_field(w, "token") : web_arg(w, "token");
	struct respondent r;
	char day[11];
	if (!open_link(w, token, &r, day))
		return;
	const char *action = web_field(w, "action");
	if (!strcmp(action, "discard")) {
		if (respond_discard(w->st, w->a, &r))
			web_error(w, 500, _("The answers could not be saved. Try again later."));
		else
			web_redirect(w, arena_printf(w->a, "/respond?token=%s&done=discarded", url_encode(w->a, token)));
		return;
	}
	const struct kvlist *f = &w->r->form;
	struct respond_field *fields = arena_alloc(w->a, (f->n + 1) * sizeof(*fields));
	for (size_t i = 0; i < f->n; i++)
		fields[i] = (struct respond_field){ f->items[i].key, f->items[i].value };
	/* "Hand in anyway" on the page that lists the unanswered questions
	 * sends confirm_incomplete=1 (with or without action=submit) */
	enum respond_action act = !strcmp(web_field(w, "confirm_incomplete"), "1") ? RESPOND_SUBMIT_CONFIRMED
				  : !strcmp(action, "submit")			 ? RESPOND_SUBMIT
										 : RESPOND_SAVE;
	bool submit = act != RESPOND_SAVE;
	struct errors e = { 0 };
	int d = respond_save(w->st, w->a, &r, fields, f->n, act, day, &e);
	if (d == D_OK && submit && own_result_offered(w->st, &r))
		own_result_page(w, &r, fields, f->n);
	else if (d == D_OK)
		web_redirect(w, arena_printf(w->a, "/respond?token=%s&done=%s", url_encode(w->a, token),
					     submit ? "handed-in" : "answers-saved"));
	else if (d == D_CONFLICT)
		respond_page(w, &r, token, NULL, 200);   /* asks to confirm: nothing saved */
	else if (d == D_INVALID)
		respond_page(w, &r, token, &e, r.draft_state == DRAFT_ELSEWHERE ? 409 : 422);
	else
		web_error(w, 500, _("The answers could not be saved. Try again later."));
}
