/* surveys.c — the questionnaires page of the coach and the researcher:
 * the instruments (built-in ones installed on first use), the waves listed,
 * and the forms that start a wave or a 360° round. The page of one wave is
 * wave_page.c, what is done to a wave (links, closing, mail) wave_actions.c,
 * the respondent's page respond.c. */
#include "web.h"
#include "domain/audit.h"
#include "domain/schedule.h"
#include "domain/survey.h"
#include "domain/person.h"
#include "domain/survey_compare.h"
#include "domain/wave_mail.h"
#include "formats/csv.h"
#include "html/chart.h"
#include "stats/three60.h"
#include "html/html.h"
#include "core/compiler.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

/* One optgroup of the population choices. */
static void choices(struct web *w, const char *label, const struct population_choice *c, size_t n, const char *pop)
{
	html(w->out, "<optgroup label=\"%s\">", label);
	for (size_t i = 0; i < n; i++)
		html(w->out, "<option value=\"%s\"%s>%s</option>", c[i].value, !strcmp(pop, c[i].value) ? " selected" : "",
		     c[i].name);
	html(w->out, "</optgroup>");
}

static void wave_form(struct web *w, const struct errors *e)
{
	struct instrument *in;
	size_t nin;
	struct population_choices pc;
	if (instrument_list(&w->ctx, &in, &nin) || wave_populations(&w->ctx, &pc))
		return;
	html(w->out, "<h2 id=\"new-wave\">%s</h2>", _("Start a wave"));
	if (!nin) {
		html(w->out, "<p>%s</p>", _("Add a questionnaire first."));
		return;
	}
	form_errors(w, e);
	html(w->out, "<form method=\"post\" action=\"/waves\">");
	form_csrf(w);
	const char *cur = e ? web_field(w, "instrument_id") : "";
	html(w->out, "<p class=\"field\"><label for=\"f-instrument_id\">%s</label><select id=\"f-instrument_id\" name=\"instrument_id\">",
	     _("Questionnaire"));
	for (size_t i = 0; i < nin; i++) {
		const char *v = arena_printf(w->a, "%lld", in[i].id);
		html(w->out, "<option value=\"%s\"%s>%s</option>", v, !strcmp(cur, v) ? " selected" : "", in[i].name);
	}
	html(w->out, "</select></p>");
	form_input(w, "name", _("Name of the wave"), "text", e ? web_field(w, "name") : "", e, NULL);
	form_textarea(w, "purpose", _("Purpose of the wave (optional)"), e ? web_field(w, "purpose") : "", e,
		      _("Shown at the top of the respondents' page: what the answers are for and what will be done with them."));
	const char *pop = e ? web_field(w, "population") : "";
	const char *perr = e ? errors_get(e, "population") : NULL;
	html(w->out, "<p class=\"field%s\"><label for=\"f-population\">%s</label>", perr ? " invalid" : "", _("Send to"));
	if (perr)
		html(w->out, "<span class=\"field-error\" id=\"e-population\">%s</span>", perr);
	html(w->out, perr ? "<select id=\"f-population\" name=\"population\" aria-invalid=\"true\" aria-describedby=\"e-population\">"
			  : "<select id=\"f-population\" name=\"population\">");
	html(w->out, "<option value=\"\">%s</option>", _("(choose)"));
	choices(w, _("Programmes: every group"), pc.programmes, pc.nprogrammes, pop);
	choices(w, _("Batches: every group"), pc.batches, pc.nbatches, pop);
	choices(w, _("Groups"), pc.groups, pc.ngroups, pop);
	choices(w, _("Units: everyone working there, units below included"), pc.units, pc.nunits, pop);
	html(w->out, "</select></p>");
	form_input(w, "opens_on", _("Opens on"), "date", e ? web_field(w, "opens_on") : web_today(w), e, NULL);
	form_input(w, "closes_on", _("Closes on"), "date", e ? web_field(w, "closes_on") : "", e, NULL);
	bool anon = e ? *web_field(w, "anonymous") != '\0' : true;
	html(w->out, "<p><input type=\"checkbox\" id=\"f-anonymous\" name=\"anonymous\" value=\"1\"%s> "
		"<label for=\"f-anonymous\" class=\"inline\">%s</label></p>", anon ? " checked" : "",
	     _("Anonymous: responses keep no link to the person, not even in the database"));
	html(w->out, "<p><button type=\"submit\">%s</button></p></form>\n", _("Start the wave"));
}

/* The 360° form's own ids for the fields that the wave form on the same
 * page has too (an id is once on a page, or a label names the wrong field):
 * "name" is the field f-name360. Its errors are filed under the id's name
 * (ids_360), so that the error summary links to them. */
static const char *const ids_360[][2] = {
	{ "instrument_id", "instrument360" }, { "name", "name360" }, { "opens_on", "opens_on360" }, { "closes_on", "closes_on360" },
};

/* The raters' categories, each a picker of its own (rater_manager, ...). */
static const char *const rater_roles[] = { "manager", "peer", "staff", "other" };

static const char *rater_pick_label(const char *role)
{
	if (!strcmp(role, "manager"))
		return _("Raters: own manager");
	if (!strcmp(role, "peer"))
		return _("Raters: peers");
	if (!strcmp(role, "staff"))
		return _("Raters: staff");
	return _("Raters: others");
}

/* The 360° form's pickers: the person asking for feedback and the raters
 * of each category, narrowed by the search before them. */
static void pickers_360(struct web *w, const struct person_pick *pp, const struct errors *e)
{
	long long subject = e ? web_field_id(w, "subject_id") : 0;
	struct person_pick_field f = { "subject_id", _("The person asking for feedback"), NULL, _("(choose)"), &subject,
				       person_pick_names(w, &subject, 1), 1, NULL, NULL };
	person_pick_select(w, pp, &f, e);
	for (size_t k = 0; k < ARRAY_SIZE(rater_roles); k++) {
		const char *name = arena_printf(w->a, "rater_%s", rater_roles[k]);
		long long *ids = NULL;
		size_t n = 0;
		if (e && !web_field_ids(w, name, &ids, &n))
			n = 0;
		struct person_pick_field r = { name, rater_pick_label(rater_roles[k]),
					       _("Choose one or more (Ctrl or Shift with the mouse, or the arrow keys)."), NULL, ids,
					       person_pick_names(w, ids, n), n, NULL, NULL };
		person_pick_select(w, pp, &r, e);
	}
}

static void ids_360_errors(struct errors *e, bool pick)
{
	for (size_t i = 0; i < e->n && pick; i++)  /* the person asking is the picker's */
		if (!strcmp(e->items[i].field, "subject"))
			e->items[i].field = "subject_id";
	for (size_t i = 0; i < e->n; i++)
		for (size_t k = 0; k < ARRAY_SIZE(ids_360); k++)
			if (!strcmp(e->items[i].field, ids_360[k][0]))
				e->items[i].field = ids_360[k][1];
}

/* form_input with the id of ids_360 */
static void input_360(struct web *w, const char *name, const char *id, const char *label, const char *type,
		      const char *value, const struct errors *e)
{
	const char *err = e ? errors_get(e, id) : NULL;
	html(w->out, "<p class=\"field%s\"><label for=\"f-%s\">%s</label>", err ? " invalid" : "", id, label);
	if (err)
		html(w->out, "<span class=\"field-error\" id=\"e-%s\">%s</span>", id, err);
	html(w->out, "<input id=\"f-%s\" name=\"%s\" type=\"%s\" value=\"%s\" autocomplete=\"off\"", id, name, type, value);
	if (err)
		html(w->out, " aria-invalid=\"true\" aria-describedby=\"e-%s\"", id);
	html(w->out, "></p>\n");
}

static void form_360(struct web *w, const struct errors *e)
{
	struct instrument *in;
	size_t nin;
	if (instrument_list(&w->ctx, &in, &nin) || !nin)
		return;
	/* the pickers list the people register: for those who may read it (the
	 * coach); a researcher names people by employee number, as before */
	bool pickers = actor_has(&w->who, ROLES_PEOPLE_READ);
	struct person_pick pp;
	if (pickers && !person_pick_find(w, &pp))
		return;
	html(w->out, "<h2 id=\"new-360\">%s</h2><p>%s</p>", _("Start a 360° feedback round"),
	     _("The person asking for feedback rates themself; the raters are invited by category. Their own manager is shown apart, never anonymously; every other category only from 3 raters, otherwise merged into \"others\", which is shown from 3."));
	if (pickers)
		person_pick_search_form(w, "/questionnaires#new-360", &pp, NULL);
	form_errors(w, e);
	html(w->out, "<form method=\"post\" action=\"/waves/360\">");
	form_csrf(w);
	html(w->out, "<input type=\"hidden\" name=\"form\" value=\"360\">");
	const char *cur = e ? web_field(w, "instrument_id") : "";
	html(w->out, "<p class=\"field\"><label for=\"f-instrument360\">%s</label><select id=\"f-instrument360\" name=\"instrument_id\">",
	     _("Questionnaire"));
	for (size_t i = 0; i < nin; i++) {
		const char *v = arena_printf(w->a, "%lld", in[i].id);
		bool pick = e ? !strcmp(cur, v) : !strcmp(in[i].key, "leadership-scan-360");
		html(w->out, "<option value=\"%s\"%s>%s</option>", v, pick ? " selected" : "", in[i].name);
	}
	html(w->out, "</select></p>");
	input_360(w, "name", "name360", _("Name of the wave"), "text", e ? web_field(w, "name") : "", e);
	/* why: what the raters read above the questions */
	const char *perr = e ? errors_get(e, "purpose") : NULL;
	html(w->out, "<p class=\"field%s\"><label for=\"f-purpose360\">%s</label><span class=\"hint\" id=\"h-purpose360\">%s</span>",
	     perr ? " invalid" : "", _("Purpose of the round (optional)"),
	     _("What the raters read above the questions: why the feedback is asked and what happens with it."));
	if (perr)
		html(w->out, "<span class=\"field-error\" id=\"e-purpose360\">%s</span>", perr);
	if (perr)
		html(w->out, "<textarea id=\"f-purpose360\" name=\"purpose\" rows=\"3\" aria-describedby=\"h-purpose360 e-purpose360\""
			" aria-invalid=\"true\">%s</textarea></p>\n", web_field(w, "purpose"));
	else
		html(w->out, "<textarea id=\"f-purpose360\" name=\"purpose\" rows=\"3\" aria-describedby=\"h-purpose360\">%s</textarea></p>\n",
		     e ? web_field(w, "purpose") : "");
	if (pickers)
		pickers_360(w, &pp, e);
	else
		form_input(w, "subject", _("Employee number of the person asking for feedback"), "text",
			   e ? web_field(w, "subject") : "", e, NULL);
	form_textarea(w, "raters", _("More raters, one per line: an e-mail address (from outside the organisation) or employee number, and the category"),
		      e ? web_field(w, "raters") : "", e,
		      _("Categories: manager, peer, staff, other. For example: j.jansen@example.nl other, or P0012 peer."));
	input_360(w, "opens_on", "opens_on360", _("Opens on"), "date", e ? web_field(w, "opens_on") : web_today(w), e);
	input_360(w, "closes_on", "closes_on360", _("Closes on"), "date", e ? web_field(w, "closes_on") : "", e);
	html(w->out, "<p><button type=\"submit\">%s</button></p></form>\n", _("Start the 360° feedback round"));
}

/* The text a column of the list of waves sorts by: the name, the
 * questionnaire, the opening day (ISO), the share that responded. */
static const char *wave_sort_key(struct web *w, const void *row, size_t col)
{
	const struct wave *v = row;
	switch (col) {
	case 0: return v->name;
	case 1: return v->instrument_name;
	case 2: return v->opens_on;
	default: return arena_printf(w->a, "%010lld", v->invited ? v->responded * 1000000 / v->invited : 0);
	}
}

static void surveys_page(struct web *w, const struct errors *e, int status)
{
	struct instrument *in;
	struct wave *wv;
	size_t nin, nw;
	if (instrument_list(&w->ctx, &in, &nin) || wave_list(&w->ctx, &wv, &nw)) {
		web_error(w, 500, _("The questionnaires could not be read. Try again later."));
		return;
	}
	page_begin(w, _("Questionnaires"));
	page_done_message(w);
	html(w->out, "<p><a href=\"/studies\">%s</a></p>", _("Two-wave studies: an intervention and a comparison group measured twice"));
	html(w->out, "<h2>%s</h2>", _("Waves"));
	if (!nw)
		html(w->out, "<p>%s</p>", _("No waves yet."));
	else {
		const struct sort_column cols[] = { { "wave", _("Wave") }, { "questionnaire", _("Questionnaire") },
						    { "open", _("Open") }, { "responded", _("Responded") } };
		struct sort_choice c = sort_choice(w, cols, ARRAY_SIZE(cols));
		sort_rows(w, wv, nw, sizeof(*wv), wave_sort_key, c);
		html(w->out, "<table tabindex=\"0\">");
		sort_head(w, "/questionnaires", cols, ARRAY_SIZE(cols), c);
		html(w->out, "<tbody>");
		for (size_t i = 0; i < nw; i++)
			html(w->out, "<tr><td><a href=\"/waves/%lld\">%s</a></td><td>%s</td><td>%s – %s</td><td>%s</td></tr>",
			     wv[i].id, wv[i].name, wv[i].instrument_name, date_label(w->a, wv[i].opens_on),
			     date_label(w->a, wv[i].closes_on),
			     arena_printf(w->a, _("%lld of %lld"), wv[i].responded, wv[i].invited));
		html(w->out, "</tbody></table>\n");
	}
	wave_form(w, e && !strcmp(web_field(w, "form"), "360") ? NULL : e);
	form_360(w, e && !strcmp(web_field(w, "form"), "360") ? e : NULL);
	html(w->out, "<h2>%s</h2>", _("Questionnaires"));
	if (nin) {
		html(w->out, "<ul>");
		for (size_t i = 0; i < nin; i++)
			html(w->out, "<li><a href=\"/instruments/%lld\">%s</a> <span class=\"muted\">(%s)</span></li>", in[i].id,
			     in[i].name, arena_printf(w->a, _("version %d"), in[i].versions));
		html(w->out, "</ul>");
	}
	const struct builtin_instrument_info *b;
	size_t nb = survey_builtins(&b);
	for (size_t k = 0; k < nb; k++) {
		bool have = false;
		for (size_t i = 0; i < nin; i++)
			have |= !strcmp(in[i].key, b[k].key);
		if (have)
			continue;
		html(w->out, "<form method=\"post\" action=\"/instruments\">");
		form_csrf(w);
		html(w->out, "<input type=\"hidden\" name=\"key\" value=\"%s\"><p>%s <span class=\"muted\">%s</span> "
			"<button type=\"submit\" class=\"secondary\">%s</button></p></form>", b[k].key, b[k].name, b[k].source,
		     _("Add to the organisation"));
	}
	html(w->out, "<p><a href=\"/instruments/import\">%s</a></p>\n", _("Import a LimeSurvey questionnaire"));
	page_end(w);
	w->r->status = status;
}

void page_surveys(struct web *w)
{
	surveys_page(w, NULL, 200);
}

void page_instrument_install(struct web *w)
{
	long long id;
	int d = instrument_install(&w->ctx, web_field(w, "key"), (long long)time(NULL), &id);
	if (d == D_OK)
		web_redirect(w, arena_printf(w->a, "/instruments/%lld?done=instrument-added", id));
	else if (d == D_NOTFOUND)
		web_error(w, 422, _("There is no built-in questionnaire with that name."));
	else
		web_error(w, 500, _("The change could not be saved. Try again later."));
}

void page_wave_create(struct web *w)
{
	struct errors e = { 0 };
	const char *pop = web_field(w, "population");
	const char *colon = strchr(pop, ':');
	struct wave_new n = {
		.instrument_id = web_field_id(w, "instrument_id"),
		.name = web_field(w, "name"),
		.population = colon ? arena_strndup(w->a, pop, (size_t)(colon - pop)) : "",
		.population_id = colon ? web_value_id(colon + 1) : 0,
		.opens_on = web_field(w, "opens_on"),
		.closes_on = web_field(w, "closes_on"),
		.anonymous = *web_field(w, "anonymous") != '\0',
		.purpose = web_field(w, "purpose"),
	};
	long long id;
	int d = wave_create(&w->ctx, &n, (long long)time(NULL), &e, &id);
	if (d == D_OK)
		web_redirect(w, arena_printf(w->a, "/waves/%lld?done=wave-created", id));
	else if (d == D_INVALID)
		surveys_page(w, &e, 422);
	else
		web_error(w, 500, _("The change could not be saved. Try again later."));
}

/* The raters typed one per line, then those chosen in the pickers of
 * each category; the ids are checked by the domain, not here. */
static int raters_posted(struct web *w, struct rater **out, size_t *n, struct errors *e)
{
	struct rater *typed;
	size_t nt;
	int d = raters_parse(&w->ctx, web_field(w, "raters"), &typed, &nt, e);
	if (d)
		return d;
	long long *ids[ARRAY_SIZE(rater_roles)];
	size_t nids[ARRAY_SIZE(rater_roles)], all = nt;
	for (size_t k = 0; k < ARRAY_SIZE(rater_roles); k++) {
		const char *name = arena_printf(w->a, "rater_%s", rater_roles[k]);
		if (!web_field_ids(w, name, &ids[k], &nids[k])) {
			errors_add(&w->ctx, e, name, "%s", _("Choose a person of your organisation from the list."));
			return D_INVALID;
		}
		all += nids[k];
	}
	struct rater *r = arena_alloc(w->a, (all + 1) * sizeof(*r));
	memcpy(r, typed, nt * sizeof(*r));
	*n = nt;
	for (size_t k = 0; k < ARRAY_SIZE(rater_roles); k++)
		for (size_t i = 0; i < nids[k]; i++)
			r[(*n)++] = (struct rater){ ids[k][i], rater_roles[k], NULL };
	*out = r;
	return D_OK;
}

void page_wave360_create(struct web *w)
{
	struct errors e = { 0 };
	struct rater *raters;
	size_t n;
	long long id = 0;
	/* the picker's id; the employee number of an older form or a script */
	long long subject = web_field_id(w, "subject_id");
	if (subject <= 0)
		subject = person_by_employee_id(&w->ctx, web_field(w, "subject"));
	int d = raters_posted(w, &raters, &n, &e);
	if (!d)
		d = wave_create_360(&w->ctx, web_field_id(w, "instrument_id"), web_field(w, "name"), web_field(w, "purpose"), subject,
				    raters, n,
				    web_field(w, "opens_on"), web_field(w, "closes_on"), (long long)time(NULL), &e, &id);
	if (d == D_OK)
		web_redirect(w, arena_printf(w->a, "/waves/%lld?done=wave-created", id));
	else if (d == D_INVALID) {
		ids_360_errors(&e, actor_has(&w->who, ROLES_PEOPLE_READ));
		surveys_page(w, &e, 422);
	} else
		web_error(w, 500, _("The change could not be saved. Try again later."));
}

