/* api_waves.c — the API twins of what the coach and the researcher do on
 * the questionnaires pages: a built-in questionnaire added, a LimeSurvey
 * survey structure imported (the body is the .lss file), a new version of
 * a questionnaire, its "own result" switch; a wave, a 360° round and a
 * two-wave study started; a wave's invitations and reminders sent and the
 * wave closed. Each goes through the domain function of its page
 * (surveys.c, instruments.c, instrument_import.c, two_wave.c,
 * wave_actions.c), under the same rules. A text or a number of the
 * wrong type is refused under its name before anything changes (the
 * shared reader of api_common.c). */
#include "web.h"
#include "core/compiler.h"
#include "domain/instrument_edit.h"
#include "domain/instrument_import.h"
#include "domain/own_result.h"
#include "domain/person.h"
#include "domain/survey.h"
#include "domain/two_wave.h"
#include "domain/wave_mail.h"

#include <string.h>
#include <time.h>

/* A domain refusal with one problem, as api_answer gives it. */
static void refuse(struct web *w, const char *field, const char *message)
{
	struct errors e = { 0 };
	errors_add(&w->ctx, &e, field, "%s", message);
	api_answer(w, D_INVALID, &e, 0);
}

/* ---- questionnaires ---- */

/* {"key"}: a built-in questionnaire added to the organisation (its id;
 * the one already there when it was added before). */
void api_instrument_install(struct web *w)
{
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	const char *key = api_in_str(&in, "key", "");
	if (!api_in_ok(&in))
		return;
	long long id = 0;
	int d = instrument_install(&w->ctx, key, (long long)time(NULL), &id);
	if (d == D_NOTFOUND)
		refuse(w, "key", _("There is no built-in questionnaire with that name."));
	else
		api_answer(w, d, NULL, id);
	json_decref(in.j);
}

static const char *note_kind(enum import_note_kind k)
{
	return k == NOTE_DROPPED ? "dropped" : k == NOTE_CHANGED ? "changed" : "general";
}

static json_t *import_notes(const struct instrument_import *imp)
{
	json_t *a = json_array();
	for (size_t i = 0; i < imp->nnotes; i++)
		json_array_append_new(a, json_pack("{s:s, s:s, s:s}", "kind", note_kind(imp->notes[i].kind), "code",
						    imp->notes[i].code ? imp->notes[i].code : "", "text", imp->notes[i].text));
	return a;
}

/* The body is the .lss file itself; ?filename= names it in the report,
 * ?dry_run=true reads and reports without storing anything (the page's
 * check before "Import"). */
void api_instrument_import(struct web *w)
{
	const char *name = web_arg(w, "filename");
	const char *dry = web_arg(w, "dry_run");
	bool dry_run = dry && (!strcmp(dry, "true") || !strcmp(dry, "1"));
	if (!w->r->body_len) {
		web_json_error(w, 422, _("Choose the .lss file that LimeSurvey exported, then check it."));
		return;
	}
	struct instrument_import imp;
	int d = instrument_import_read(&w->ctx, name && *name ? name : "import.lss", w->r->body, w->r->body_len, &imp);
	if (d == D_INVALID) {
		json_t *err = web_error_object(422, imp.error, NULL);
		json_object_set_new(err, "notes", import_notes(&imp));
		web_json(w, 422, json_pack("{s:o}", "error", err));
		return;
	}
	long long id = 0;
	if (d || (!dry_run && instrument_import_save(&w->ctx, &imp, ctx_now(&w->ctx), &id))) {
		web_json_error(w, 500, _("The import failed because of a fault in leergang; nothing has changed. Try again later."));
		return;
	}
	json_t *j = json_pack("{s:o, s:s, s:I, s:I, s:I, s:I, s:o}", "id", id ? json_integer(id) : json_null(), "name",
			      imp.instrument.name, "sections", (json_int_t)imp.version.nsections, "items",
			      (json_int_t)imp.version.nitems, "questions", (json_int_t)imp.survey.nquestions, "not_carried_over",
			      (json_int_t)imp.dropped, "notes", import_notes(&imp));
	web_json(w, dry_run ? 200 : 201, j);
}

/* {"items":[{"id", "text", "scale", "reversed", "required", "dont_know",
 * "remove"}], "new":[{"code", "kind", "text", "scale"}], "note"}: the
 * newest version with these changes as the next version. A question not
 * in items stays as it is. */
void api_instrument_version(struct web *w)
{
	struct instrument in;
	struct instrument_version v;
	int d = instrument_open(&w->ctx, w->id[0], &in, &v);
	if (d) {
		api_answer(w, d, NULL, 0);
		return;
	}
	struct api_in b;
	if (!api_in_open(&b, w))
		return;
	struct item_edit *ed = arena_alloc(w->a, (v.nitems + 1) * sizeof(*ed));
	for (size_t i = 0; i < v.nitems; i++) {
		const struct instrument_item *it = &v.items[i];
		ed[i] = (struct item_edit){ it->id, NULL, NULL, it->reversed, it->required, false, it->allows_dont_know };
	}
	json_t *items = json_object_get(b.j, "items"), *add = json_object_get(b.j, "new");
	if ((items && !json_is_array(items)) || (add && !json_is_array(add)))
		errors_add(&w->ctx, &b.e, items && !json_is_array(items) ? "items" : "new", "%s", _("Send a list."));
	size_t k;
	json_t *x;
	json_array_foreach(items, k, x) {
		long long id = json_is_object(x) ? api_id(x, "id") : -1;
		struct item_edit *e = NULL;
		for (size_t i = 0; i < v.nitems; i++)
			if (ed[i].item_id == id)
				e = &ed[i];
		if (!e) {
			errors_add(&w->ctx, &b.e, "items", "%s", _("Name a question of the newest version by its id."));
			break;
		}
		/* a text left out stays as it is (NULL) */
		e->text = api_item_str(&b, x, "text", arena_printf(w->a, "text-%lld", id), NULL);
		e->scale = api_item_str(&b, x, "scale", arena_printf(w->a, "scale-%lld", id), NULL);
		e->reversed = api_item_bool(&b, x, "reversed", "items", e->reversed);
		e->required = api_item_bool(&b, x, "required", "items", e->required);
		e->dont_know = api_item_bool(&b, x, "dont_know", "items", e->dont_know);
		e->removed = api_item_bool(&b, x, "remove", "items", e->removed);
	}
	size_t nadd = json_array_size(add);
	struct item_new *nw = arena_alloc(w->a, (nadd + 1) * sizeof(*nw));
	json_array_foreach(add, k, x) {
		const char *field = arena_printf(w->a, "new-%zu", k + 1);
		if (!json_is_object(x)) {
			errors_add(&w->ctx, &b.e, field, "%s", _("Send each new question as an object."));
			break;
		}
		const char *kind = api_item_str(&b, x, "kind", field, "");
		nw[k] = (struct item_new){ api_item_str(&b, x, "code", field, ""), *kind ? kind : "likert",
					   api_item_str(&b, x, "text", field, ""), api_item_str(&b, x, "scale", field, "") };
	}
	const char *note = api_in_str(&b, "note", "");
	if (!api_in_ok(&b))
		return;
	int version = 0;
	d = instrument_new_version(&w->ctx, in.id, ed, v.nitems, nw, nadd, note, (long long)time(NULL), &b.e, &version);
	if (d == D_OK) {
		web_json(w, 201, json_pack("{s:I, s:i}", "id", (json_int_t)in.id, "version", version));
		json_decref(b.j);
	} else {
		api_in_answer(&b, d, 0);
	}
}

/* {"on": true|false}: whether respondents see their own result. */
void api_instrument_own_result(struct web *w)
{
	json_t *j = api_body(w);
	if (!j)
		return;
	json_t *on = json_object_get(j, "on");
	struct instrument in;
	struct instrument_version v;
	int d = instrument_open(&w->ctx, w->id[0], &in, &v);   /* another organisation's: 404 before the body */
	if (d)
		api_answer(w, d, NULL, 0);
	else if (!json_is_boolean(on))
		refuse(w, "on", _("Say with true or false whether respondents see their own result."));
	else
		api_answer(w, own_result_set(&w->ctx, w->id[0], json_is_true(on)), NULL, 0);
	json_decref(j);
}

/* ---- waves ---- */

/* "group:ID", "batch:ID", "programme:ID" or "units:ID" (also "unit:ID"), as
 * the page's choice says it; kind "" when it is none of them. */
static void population_of(struct web *w, const char *pop, const char **kind, long long *id)
{
	const char *colon = strchr(pop, ':');
	*kind = "";
	*id = 0;
	if (!colon)
		return;
	*kind = arena_strndup(w->a, pop, (size_t)(colon - pop));
	if (!strcmp(*kind, "unit"))
		*kind = "units";
	*id = web_value_id(colon + 1);
}

/* {"instrument_id", "name", "population", "opens_on", "closes_on",
 * "anonymous", "purpose"} */
void api_wave_create(struct web *w)
{
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	struct wave_new n = { .instrument_id = api_id(in.j, "instrument_id") };
	n.name = api_in_str(&in, "name", "");
	n.opens_on = api_in_str(&in, "opens_on", "");
	n.closes_on = api_in_str(&in, "closes_on", "");
	n.anonymous = api_in_bool(&in, "anonymous", true);
	n.purpose = api_in_str(&in, "purpose", "");
	population_of(w, api_in_str(&in, "population", ""), &n.population, &n.population_id);
	if (!api_in_ok(&in))
		return;
	long long id = 0;
	int d = wave_create(&w->ctx, &n, (long long)time(NULL), &in.e, &id);
	api_in_answer(&in, d, id);
}

/* The raters of a 360° body: a text as the page's box takes it (one per
 * line: employee number or e-mail address, then the category), or a list
 * of {"person_id"|"email", "role"}. */
static int raters_of(struct api_in *in, struct rater **out, size_t *n)
{
	struct web *w = in->w;
	struct errors *e = &in->e;
	json_t *r = json_object_get(in->j, "raters");
	if (!r || json_is_null(r) || json_is_string(r))
		return raters_parse(&w->ctx, json_is_string(r) ? json_string_value(r) : "", out, n, e);
	if (!json_is_array(r)) {
		errors_add(&w->ctx, e, "raters", "%s", _("Send the raters as a list or as text, one per line."));
		return D_INVALID;
	}
	struct rater *x = arena_alloc(w->a, (json_array_size(r) + 1) * sizeof(*x));
	size_t k;
	json_t *o;
	json_array_foreach(r, k, o) {
		long long pid = json_is_object(o) ? api_id(o, "person_id") : -1;
		const char *email = json_is_object(o) ? api_item_str(in, o, "email", "raters", "") : "";
		if (e->n)
			return D_INVALID;
		if (pid < 0 || (!pid && !*email)) {
			errors_add(&w->ctx, e, "raters", "%s",
				   _("Give each rater a person_id of your organisation or an e-mail address, and a role."));
			return D_INVALID;
		}
		x[k] = (struct rater){ pid, api_item_str(in, o, "role", "raters", ""), pid ? NULL : email };
		if (e->n)
			return D_INVALID;
	}
	*out = x;
	*n = json_array_size(r);
	return D_OK;
}

/* {"instrument_id", "name", "purpose", "subject_id" (or "subject": an
 * employee number), "raters", "opens_on", "closes_on"} */
void api_wave360_create(struct web *w)
{
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	struct rater *raters = NULL;
	size_t n = 0;
	long long id = 0;
	long long subject = api_id(in.j, "subject_id");  /* -1: the domain's refusal */
	const char *number = api_in_str(&in, "subject", "");
	const char *name = api_in_str(&in, "name", ""), *purpose = api_in_str(&in, "purpose", "");
	const char *opens = api_in_str(&in, "opens_on", ""), *closes = api_in_str(&in, "closes_on", "");
	if (!api_in_ok(&in))
		return;
	if (!subject)
		subject = person_by_employee_id(&w->ctx, number);
	int d = raters_of(&in, &raters, &n);
	if (!d)
		d = wave_create_360(&w->ctx, api_id(in.j, "instrument_id"), name, purpose, subject < 0 ? 0 : subject, raters, n,
				    opens, closes, (long long)time(NULL), &in.e, &id);
	api_in_answer(&in, d, id);
}

/* One group of a study: "ARM_ids" (people's ids), "ARM_numbers" (employee
 * numbers, one per line) and "ARM_unit" (a unit's id), as the page's
 * fields. */
static void study_people_of(struct api_in *in, const char *arm, struct study_people *p)
{
	struct web *w = in->w;
	json_t *j = in->j;
	struct errors *e = &in->e;
	const char *key = arena_printf(w->a, "%s_ids", arm);
	json_t *ids = json_object_get(j, key);
	p->ids = api_ids(w, j, key, &p->n);
	for (size_t i = 0; i < p->n; i++)
		if (p->ids[i] <= 0) {
			errors_add(&w->ctx, e, arm, "%s", _("Choose a person of your organisation from the list."));
			break;
		}
	if (ids && !json_is_null(ids) && !json_is_array(ids))
		errors_add(&w->ctx, e, arm, "%s", _("Choose a person of your organisation from the list."));
	p->numbers = api_in_str(in, arena_printf(w->a, "%s_numbers", arm), "");
	p->unit = api_id(j, arena_printf(w->a, "%s_unit", arm));
	if (p->unit < 0)
		errors_add(&w->ctx, e, arm, "%s", _("Choose a unit from the list."));
}

/* The page's fields: {"name", "instrument_id", "assignment", "wave1_opens",
 * "wave1_closes", "wave2_opens", "wave2_closes", "override",
 * "override_reason", "intervention", "intervention_from",
 * "intervention_to", "intervention_ids", "intervention_numbers",
 * "intervention_unit", "comparison_ids", ...} */
void api_study_create(struct web *w)
{
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	struct study_new s = { .instrument_id = api_id(in.j, "instrument_id") };
	s.name = api_in_str(&in, "name", "");
	s.assignment = api_in_str(&in, "assignment", "");
	s.wave1_opens = api_in_str(&in, "wave1_opens", "");
	s.wave1_closes = api_in_str(&in, "wave1_closes", "");
	s.wave2_opens = api_in_str(&in, "wave2_opens", "");
	s.wave2_closes = api_in_str(&in, "wave2_closes", "");
	s.override_interval = api_in_bool(&in, "override", false);
	s.override_reason = api_in_str(&in, "override_reason", "");
	s.intervention_text = api_in_str(&in, "intervention", "");
	s.intervention_from = api_in_str(&in, "intervention_from", "");
	s.intervention_to = api_in_str(&in, "intervention_to", "");
	study_people_of(&in, "intervention", &s.arm[ARM_INTERVENTION]);
	study_people_of(&in, "comparison", &s.arm[ARM_COMPARISON]);
	if (!api_in_ok(&in))
		return;
	long long id = 0;
	int d = two_wave_create(&w->ctx, &s, (long long)time(NULL), &in.e, &id);
	api_in_answer(&in, d, id);
}

/* The wave of the path; false when the answer (404, 500) has been given. */
static bool wave_of_path(struct web *w, struct wave *wv)
{
	struct instrument_version v;
	int d = wave_open(&w->ctx, w->id[0], wv, &v);
	if (d == D_NOTFOUND)
		api_answer(w, D_NOTFOUND, NULL, 0);
	else if (d)
		web_json_error(w, 500, _("The questionnaires could not be read. Try again later."));
	return d == D_OK;
}

void api_wave_close(struct web *w)
{
	struct wave wv;
	if (!wave_of_path(w, &wv))
		return;
	int d = wave_close(&w->ctx, &wv);
	if (d == D_CONFLICT)
		web_json_error(w, 409, _("This wave has closed already."));
	else
		api_answer(w, d, NULL, 0);
}

static json_t *tally_json(const char *by, const struct mail_tally *t)
{
	return json_pack("{s:s, s:I, s:I, s:I, s:b}", "by", by, "sent", (json_int_t)t->sent, "failed", (json_int_t)t->failed,
			 "no_address", (json_int_t)t->no_address, "unreachable", t->unreachable);
}

/* The invitations by e-mail to those asked who have not had one. */
void api_wave_send(struct web *w)
{
	struct wave wv;
	if (!wave_of_path(w, &wv))
		return;
	struct errors e = { 0 };
	struct mail_tally t;
	int d = wave_mail_invitations(&w->ctx, &wv, web_base_url(w), w->org_name, (long long)time(NULL), &e, &t);
	if (d)
		api_answer(w, d, &e, 0);
	else
		web_json(w, 200, tally_json("mail", &t));
}

/* A reminder round: by e-mail when the server sends mail, else the links
 * of those who have not answered, for the mail merge (as the page's CSV). */
void api_wave_reminders(struct web *w)
{
	struct wave wv;
	if (!wave_of_path(w, &wv))
		return;
	struct errors e = { 0 };
	if (wave_mail_configured()) {
		struct mail_tally t;
		int d = wave_mail_reminders(&w->ctx, &wv, web_base_url(w), w->org_name, (long long)time(NULL), &e, &t);
		if (d)
			api_answer(w, d, &e, 0);
		else
			web_json(w, 200, tally_json("mail", &t));
		return;
	}
	struct wave_link *links;
	size_t n;
	int d = wave_remind_by_links(&w->ctx, &wv, web_base_url(w), &links, &n, &e);
	if (d) {
		api_answer(w, d, &e, 0);
		return;
	}
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++) {
		const struct invitation *x = links[i].inv;
		json_array_append_new(a, json_pack("{s:s, s:s, s:s, s:i}", "name", x->person_name ? x->person_name : "", "email",
						    x->email ? x->email : "", "link",
						    links[i].link, "reminders", x->reminders + 1));
	}
	web_json(w, 200, json_pack("{s:s, s:o}", "by", "links", "links", a));
}
