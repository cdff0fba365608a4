/* reverse.c — reverse mentoring: the pairs with the step each is at (the
 * coach sees all and pairs people; the two of a pair see theirs and mark
 * their step), and the nine steps of seed 001 in three phases. */
#include "web.h"
#include "domain/person.h"
#include "domain/reverse.h"
#include "html/html.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The coach's form that makes a pair, with the search that narrows its
 * two pickers. */
static void pair_form(struct web *w, const struct errors *e)
{
	struct person_pick pp;
	if (!person_pick_find(w, &pp))
		return;
	html(w->out, "<h2 id=\"add\">%s</h2>", _("Make a pair"));
	person_pick_search_form(w, "/reverse-mentoring#add", &pp, NULL);
	form_errors(w, e);
	html(w->out, "<form method=\"post\" action=\"/reverse-mentoring\">");
	form_csrf(w);
	const char *sel[] = { "senior_id", "junior_id" };
	const char *lab[] = { _("Senior leader (mentee)"), _("Junior colleague (mentor)") };
	for (int k = 0; k < 2; k++) {
		long long id = e ? web_field_id(w, sel[k]) : 0;
		const char **name = person_pick_names(w, &id, 1);
		struct person_pick_field f = { sel[k], lab[k], NULL, _("(choose)"), &id, name, 1, NULL, NULL };
		person_pick_select(w, &pp, &f, e);
	}
	form_input(w, "question", _("The mentee's question"), "text", e ? web_field(w, "question") : "", e, NULL);
	form_input(w, "started_on", _("Start"), "date", e ? web_field(w, "started_on") : "", e, NULL);
	html(w->out, "<p><button type=\"submit\">%s</button></p></form>\n", _("Make pair"));
}

static void reverse_page(struct web *w, const struct errors *e, int status)
{
	struct reverse_pair *p;
	size_t n;
	if (reverse_pairs(&w->ctx, &p, &n)) {
		web_error(w, 500, _("The pairs could not be read. Try again later."));
		return;
	}
	bool coach = actor_has(&w->who, ROLE_BIT(ROLE_COACH));
	page_begin(w, _("Reverse mentoring"));
	page_done_message(w);
	html(w->out, "<p>%s</p>", _("A senior leader learns from a junior colleague: the junior is the mentor. The pair goes through three phases and nine steps."));
	html(w->out, "<h2>%s</h2>", coach ? _("Pairs") : _("Your pairs"));
	if (!n)
		html(w->out, "<p>%s</p>", _("No pairs yet."));
	for (size_t i = 0; i < n; i++) {
		const struct reverse_step *s = &reverse_steps[p[i].step - 1];
		html(w->out, "<h3>%s</h3>", arena_printf(w->a, _("%s (mentee) and %s (mentor)"), p[i].senior_name, p[i].junior_name));
		if (*p[i].question)
			html(w->out, "<p>%s: %s</p>", _("Question"), p[i].question);
		html(w->out, "<p>%s</p>", arena_printf(w->a, _("Step %d of 9: %s (phase %d, %s)."), s->number, s->name, s->phase, s->phase_name));
		html(w->out, "<form method=\"post\" action=\"/reverse-mentoring/%lld\">", p[i].id);
		form_csrf(w);
		const char *id = arena_printf(w->a, "step-%lld", p[i].id);
		html(w->out, "<p class=\"field\"><label for=\"%s\">%s</label><select id=\"%s\" name=\"step\">", id,
		     _("The step the pair is at"), id);
		for (int k = 0; k < 9; k++)
			html(w->out, k + 1 == p[i].step ? "<option value=\"%d\" selected>%d. %s</option>" : "<option value=\"%d\">%d. %s</option>",
			     k + 1, k + 1, reverse_steps[k].name);
		html(w->out, "</select> <button type=\"submit\" class=\"secondary\">%s</button></p></form>\n", _("Save step"));
	}
	html(w->out, "<h2>%s</h2>", _("The nine steps"));
	int phase = 0;
	for (int k = 0; k < 9; k++) {
		if (reverse_steps[k].phase != phase) {
			html(w->out, phase ? "</ol><h3>%s</h3><ol start=\"%d\">" : "<h3>%s</h3><ol start=\"%d\">",
			     arena_printf(w->a, _("Phase %d: %s"), reverse_steps[k].phase, reverse_steps[k].phase_name), k + 1);
			phase = reverse_steps[k].phase;
		}
		html(w->out, "<li>%s</li>", reverse_steps[k].name);  /* the source note is provenance, not for the pair */
	}
	html(w->out, "</ol>\n");
	if (coach)
		pair_form(w, e);
	page_end(w);
	w->r->status = status;
}

void page_reverse(struct web *w)
{
	reverse_page(w, NULL, 200);
}

void page_reverse_add(struct web *w)
{
	struct errors e = { 0 };
	int d = reverse_pair_add(&w->ctx, web_field_id(w, "senior_id"), web_field_id(w, "junior_id"),
				 web_field(w, "question"), web_field(w, "started_on"), (long long)time(NULL), &e, NULL);
	if (d == D_OK)
		web_redirect(w, "/reverse-mentoring?done=pair-saved");
	else if (d == D_INVALID)
		reverse_page(w, &e, 422);
	else if (d == D_FORBIDDEN)
		web_error(w, 403, _("The organisation coach makes the pairs."));
	else
		web_error(w, 500, _("The pair could not be saved. Try again later."));
}

void page_reverse_step(struct web *w)
{
	struct errors e = { 0 };
	int d = reverse_pair_step(&w->ctx, w->id[0], (int)web_field_int(w, "step", 1, 9, 0), (long long)time(NULL), &e);
	if (d == D_OK)
		web_redirect(w, "/reverse-mentoring?done=pair-saved");
	else if (d == D_NOTFOUND)
		web_not_found(w);
	else if (d == D_INVALID)
		reverse_page(w, &e, 422);
	else
		web_error(w, 500, _("The pair could not be saved. Try again later."));
}
