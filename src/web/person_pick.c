/* person_pick.c — the people pickers of every page where a person is
 * chosen (staffing and enrolment, reverse-mentoring pairs, the subject and
 * raters of a 360° round, the person of a new account): the page's search
 * (?q=, by name, employee number, e-mail or unit) that works without
 * JavaScript, the sentence that says how many it found and that the list
 * shows only the first PERSON_PICK_MAX, and the <select> of the people
 * found, which /static/picker.js turns into a combobox (picker_js.c).
 * Whatever is chosen is checked again by the domain: a picker offers only
 * the organisation's people, it does not make a posted id trustworthy. */
#include "web.h"
#include "domain/person.h"
#include "html/html.h"

#include <string.h>

bool person_pick_find(struct web *w, struct person_pick *pp)
{
	memset(pp, 0, sizeof(*pp));
	const char *q = web_arg(w, "q");
	pp->query = q ? q : "";
	struct person_filter f = { pp->query, 0, 0, 0, PERSON_PICK_MAX, .names_only = 1 };
	return person_list(&w->ctx, &f, &pp->people, &pp->n, &pp->total) == D_OK;
}

const char *person_pick_found(struct web *w, const struct person_pick *pp)
{
	if (pp->total > (long long)pp->n)
		return arena_printf(w->a, _("%lld found; the lists below show the first %d. Search to narrow them."), pp->total,
				    (int)pp->n);
	return arena_printf(w->a, ngettext("%lld person found.", "%lld people found.", (unsigned long)pp->total), pp->total);
}

void person_pick_search_form(struct web *w, const char *action, const struct person_pick *pp, const char *found)
{
	html(w->out, "<form method=\"get\" action=\"%s\" role=\"search\"><p class=\"field\"><label for=\"f-q\">%s</label>"
		"<input id=\"f-q\" name=\"q\" type=\"search\" value=\"%s\"> <button type=\"submit\" class=\"secondary\">%s</button></p>"
		"</form><p role=\"status\">%s</p>",
	     action, _("Search by name, e-mail, employee number or unit"), pp->query, _("Search"),
	     found ? found : person_pick_found(w, pp));
}

static bool chosen(const struct person_pick_field *f, long long id)
{
	for (size_t k = 0; k < f->nchosen; k++)
		if (f->chosen[k] == id)
			return true;
	return false;
}

void person_pick_select(struct web *w, const struct person_pick *pp, const struct person_pick_field *f, const struct errors *e)
{
	const char *err = e ? errors_get(e, f->name) : NULL;
	bool multiple = !f->none;
	html(w->out, "<p class=\"field%s\"><label for=\"f-%s\">%s</label>", err ? " invalid" : "", f->name, f->label);
	if (f->hint)
		html(w->out, "<span class=\"hint\" id=\"h-%s\">%s</span>", f->name, f->hint);
	if (err)
		html(w->out, "<span class=\"field-error\" id=\"e-%s\">%s</span>", f->name, err);
	html(w->out, "<select id=\"f-%s\" name=\"%s\"", f->name, f->name);
	if (multiple)
		html(w->out, " multiple size=\"8\"");
	if (f->hint || err)
		html(w->out, " aria-describedby=\"%s%s%s\"", f->hint ? arena_printf(w->a, "h-%s", f->name) : "",
		     f->hint && err ? " " : "", err ? arena_printf(w->a, "e-%s", f->name) : "");
	if (err)
		html(w->out, " aria-invalid=\"true\"");
	picker_attributes(w, f->label);
	html(w->out, ">");
	if (!multiple)
		html(w->out, "<option value=\"0\">%s</option>", f->none);
	/* the chosen ones first, kept when the search does not find them */
	for (size_t k = 0; k < f->nchosen; k++) {
		bool listed = false;
		for (size_t i = 0; i < pp->n && !listed; i++)
			listed = pp->people[i].id == f->chosen[k];
		if (!listed && f->chosen[k] > 0 && f->chosen_names && f->chosen_names[k])
			html(w->out, "<option value=\"%lld\" selected>%s</option>", f->chosen[k], f->chosen_names[k]);
	}
	for (size_t i = 0; i < pp->n; i++) {
		const struct person *p = &pp->people[i];
		if (f->skip && f->skip(f->skip_arg, p->id))
			continue;
		html(w->out, "<option value=\"%lld\"%s>%s (%s)</option>", p->id, chosen(f, p->id) ? " selected" : "", p->name,
		     p->employee_id);
	}
	html(w->out, "</select></p>");
}

const char **person_pick_names(struct web *w, const long long *ids, size_t n)
{
	const char **names = arena_alloc(w->a, (n + 1) * sizeof(*names));
	for (size_t k = 0; k < n; k++) {
		struct person p;
		names[k] = ids[k] > 0 && person_get(&w->ctx, ids[k], &p) == D_OK ? arena_printf(w->a, "%s (%s)", p.name, p.employee_id) : NULL;
	}
	return names;
}
