/* api_research.c — research projects in the API, under the rules of their
 * pages (domain/research*.c): the projects, one project, its members,
 * sources (a text of one's own, or a text of the organisation with
 * consent), codes (own or a framework's), coded passages, counts,
 * agreement, the REFI-QDA downloads and an import. A text or a number
 * of the wrong type is refused under its name before anything changes
 * (the shared reader of api_common.c); an id that is no whole number is
 * handed on as -1, for the domain to refuse in the words of its page. */
#include "web.h"
#include "domain/research.h"
#include "domain/research_analysis.h"
#include "domain/research_json.h"
#include "domain/research_refi.h"

#include <string.h>

void api_research_list(struct web *w)
{
	struct research_project *p;
	size_t n;
	int d = research_projects(&w->ctx, &p, &n);
	if (d) {
		api_answer(w, d, NULL, 0);
		return;
	}
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, research_project_json(&p[i]));
	web_json(w, 200, json_pack("{s:o}", "projects", a));
}

void api_research_create(struct web *w)
{
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	const char *name = api_in_str(&in, "name", ""), *purpose = api_in_str(&in, "purpose", "");
	if (!api_in_ok(&in))
		return;
	long long id = 0;
	int d = research_project_create(&w->ctx, name, purpose, &in.e, &id);
	api_in_answer(&in, d, id);
}

void api_research(struct web *w)
{
	struct research_view v;
	int d = research_project_open(&w->ctx, w->id[0], &v);
	if (d)
		api_answer(w, d, NULL, 0);
	else
		web_json(w, 200, research_view_json(&v));
}

void api_research_member_add(struct web *w)
{
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	const char *email = api_in_str(&in, "email", "");
	if (api_in_ok(&in))
		api_in_answer(&in, research_member_add(&w->ctx, w->id[0], email, &in.e), 0);
}

/* A text of the organisation as a source: {"kind", "ref"}; answered. */
static void source_take(struct api_in *in)
{
	struct web *w = in->w;
	long long ref = api_id(in->j, "ref");
	const char *kind = api_in_str(in, "kind", "");
	if (!api_in_ok(in))
		return;
	long long id = 0;
	int d = research_source_take(&w->ctx, w->id[0], kind, ref < 0 ? 0 : ref, &in->e, &id);
	api_in_answer(in, d, id);
}

/* {"kind":"interview"|"observation","name","held_on","place","unit_id","text"}, or
 * {"kind":"report"|"story"|"logbook"|"case","ref"}: a text of the organisation with consent */
void api_research_source_add(struct web *w)
{
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	if (json_object_get(in.j, "ref")) {
		source_take(&in);
		return;
	}
	const char *kind = api_in_str(&in, "kind", ""), *name = api_in_str(&in, "name", "");
	const char *held_on = api_in_str(&in, "held_on", ""), *place = api_in_str(&in, "place", "");
	const char *text = api_in_str(&in, "text", "");
	if (!api_in_ok(&in))
		return;
	long long id = 0;
	int d = research_source_add_text(&w->ctx, w->id[0], kind, name, held_on, place, api_id(in.j, "unit_id"), text,
					 &in.e, &id);
	api_in_answer(&in, d, id);
}

/* {"name","parent_id","color","description"}, or {"framework_id"}: its elements as codes */
void api_research_code_add(struct web *w)
{
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	long long id = 0;
	int d;
	if (json_object_get(in.j, "framework_id")) {
		long long added;
		d = research_codes_from_framework(&w->ctx, w->id[0], api_id(in.j, "framework_id"), &in.e, &added);
	} else {
		const char *name = api_in_str(&in, "name", ""), *color = api_in_str(&in, "color", "");
		const char *description = api_in_str(&in, "description", "");
		if (!api_in_ok(&in))
			return;
		d = research_code_add(&w->ctx, w->id[0], api_id(in.j, "parent_id"), name, color, description, &in.e, &id);
	}
	api_in_answer(&in, d, id);
}

/* A passage of the source (the body's "source_id" when source is 0):
 * {"start", "end", "codes":[ids], "memo"}, positions in code points, end
 * exclusive. */
static void passage_add(struct web *w, long long source)
{
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	size_t n;
	long long *ids = api_ids(w, in.j, "codes", &n), id = 0;
	long long start = api_in_int(&in, "start", -1), end = api_in_int(&in, "end", -1);  /* -1: the domain's refusal */
	const char *memo = api_in_str(&in, "memo", "");
	if (!api_in_ok(&in))
		return;
	int d = research_passage_add(&w->ctx, w->id[0], source ? source : api_id(in.j, "source_id"), start, end, ids, n, memo,
				     &in.e, &id);
	api_in_answer(&in, d, id);
}

/* {"source_id","start","end","codes":[ids],"memo"} */
void api_research_passage_add(struct web *w)
{
	passage_add(w, 0);
}

/* {"source_id"}: the passage's source, so that a wrong number does not remove another passage */
void api_research_passage_remove(struct web *w)
{
	json_t *j = api_body(w);
	if (!j)
		return;
	struct errors e = { 0 };
	long long source = api_id(j, "source_id");
	int d = research_passage_remove(&w->ctx, w->id[0], source > 0 ? source : -1, w->id[1], &e);
	api_answer(w, d, &e, 0);
	json_decref(j);
}

void api_research_analysis(struct web *w)
{
	const char *by = web_arg(w, "by");
	struct research_counts t;
	int d = research_counts(&w->ctx, w->id[0], by ? by : "", &t);
	if (d == D_INVALID)
		web_json_error(w, 422, _("Choose a breakdown from the list."));
	else if (d)
		api_answer(w, d, NULL, 0);
	else
		web_json(w, 200, research_counts_json(&t, by ? by : ""));
}

/* ?coder_a=&coder_b=&source=&source=&uncoded=with|without */
void api_research_agreement(struct web *w)
{
	long long *src = arena_alloc(w->a, (w->r->query.n + 1) * sizeof(*src));
	size_t nsrc = 0;
	for (size_t i = 0; i < w->r->query.n; i++)
		if (!strcmp(w->r->query.items[i].key, "source"))
			src[nsrc++] = web_value_id(w->r->query.items[i].value);
	const char *uncoded = web_arg(w, "uncoded");
	struct errors e = { 0 };
	struct research_agreement r;
	int d = research_agreement(&w->ctx, w->id[0], web_arg_int(w, "coder_a", 0), web_arg_int(w, "coder_b", 0), src,
				   nsrc, !uncoded || strcmp(uncoded, "without"), &e, &r);
	if (d)
		api_answer(w, d, &e, 0);
	else
		web_json(w, 200, research_agreement_json(&r));
}

/* The body is the file itself: a .qdpx (zip), .qde or .qdc (XML). */
void api_research_import(struct web *w)
{
	struct arena *a = w->a;
	struct refi_project p;
	const char *why = w->r->body_len ? refi_read_mem(a, w->r->body, w->r->body_len, &p) : "no body";
	if (why) {
		json_t *err = web_error_object(422,
					       _("This file is not a REFI-QDA project or code book leergang can read. "
						 "Export it again from your tool as .qdpx or .qdc."),
					       NULL);
		json_object_set_new(err, "reason", json_string(why));
		web_json(w, 422, json_pack("{s:o}", "error", err));
		return;
	}
	struct errors e = { 0 };
	struct research_import_result r;
	int d = research_import(&w->ctx, &p, web_arg(w, "name"), NULL, 0, &e, &r);
	if (d) {
		api_answer(w, d, &e, 0);
		return;
	}
	json_t *skips = json_array();
	for (size_t i = 0; i < r.nskips; i++)
		json_array_append_new(skips, json_pack("{s:s, s:I, s:s}", "what", r.skips[i].what, "count",
						       (json_int_t)r.skips[i].count, "reason", r.skips[i].reason));
	web_json(w, 201, json_pack("{s:I, s:I, s:I, s:I, s:I, s:I, s:o}", "project", (json_int_t)r.project, "codes",
				   (json_int_t)r.codes, "codings", (json_int_t)r.codings, "sources", (json_int_t)r.sources,
				   "users", (json_int_t)r.users, "selections", (json_int_t)r.selections,
				   "not_carried_over", skips));
}

/* ---- the twins of the project page's other actions ---- */

/* {"framework_id"}: the framework's elements as codes; {"added": n} */
void api_research_codes_framework(struct web *w)
{
	json_t *j = api_body(w);
	if (!j)
		return;
	struct errors e = { 0 };
	long long added = 0;
	int d = research_codes_from_framework(&w->ctx, w->id[0], api_id(j, "framework_id"), &e, &added);
	if (d)
		api_answer(w, d, &e, 0);
	else
		web_json(w, 200, json_pack("{s:I}", "added", (json_int_t)added));
	json_decref(j);
}

/* The code, the codes under it and their codings (the page asks first). */
void api_research_code_remove(struct web *w)
{
	struct research_view v;
	int d = research_project_open(&w->ctx, w->id[0], &v);
	if (!d && !research_code_find(&v, w->id[1]))
		d = D_NOTFOUND;
	if (!d)
		d = research_code_remove(&w->ctx, w->id[0], w->id[1]);
	api_answer(w, d, NULL, 0);
}

/* {"target":"project"|"code"|"source", "target_id", "text"}: a memo on
 * the project when no target is given. */
void api_research_memo_add(struct web *w)
{
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	const char *target = api_in_str(&in, "target", "project"), *text = api_in_str(&in, "text", "");
	if (!api_in_ok(&in))
		return;
	long long on = api_id(in.j, "target_id");
	if (!on && !strcmp(target, "project"))
		on = w->id[0];
	long long id = 0;
	int d = research_memo_add(&w->ctx, w->id[0], target, on, text, &in.e, &id);
	api_in_answer(&in, d, id);
}

/* {"term", "replacement"}: a word replaced in the exports */
void api_research_term_add(struct web *w)
{
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	const char *term = api_in_str(&in, "term", ""), *replacement = api_in_str(&in, "replacement", "");
	if (!api_in_ok(&in))
		return;
	long long id = 0;
	int d = research_term_add(&w->ctx, w->id[0], term, replacement, &in.e, &id);
	api_in_answer(&in, d, id);
}

/* {"kind":"report"|"story"|"logbook"|"case", "ref"}: a text of the
 * organisation as a source, under the consent rules of the page */
void api_research_source_take(struct web *w)
{
	struct api_in in;
	if (api_in_open(&in, w))
		source_take(&in);
}

/* {"start", "end", "codes":[ids], "memo"}: a passage of the source of the
 * path */
void api_research_source_passage_add(struct web *w)
{
	passage_add(w, w->id[1]);
}

/* ---- changes and removals of what the researcher made ---- */

/* {"name", "purpose"}: a field left out keeps its value */
void api_research_update(struct web *w)
{
	struct research_view v;
	int d = research_project_open(&w->ctx, w->id[0], &v);
	if (d) {
		api_answer(w, d, NULL, 0);
		return;
	}
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	const char *name = api_in_str(&in, "name", v.p.name), *purpose = api_in_str(&in, "purpose", v.p.purpose);
	if (api_in_ok(&in))
		api_in_answer(&in, research_project_update(&w->ctx, w->id[0], name, purpose, &in.e), 0);
}

/* The project with everything of its own (the page asks first). */
void api_research_remove(struct web *w)
{
	api_answer(w, research_project_remove(&w->ctx, w->id[0]), NULL, 0);
}

/* {"name", "color", "description"}: a field left out keeps its value */
void api_research_code_update(struct web *w)
{
	struct research_view v;
	int d = research_project_open(&w->ctx, w->id[0], &v);
	const struct research_code *k = d ? NULL : research_code_find(&v, w->id[1]);
	if (!d && !k)
		d = D_NOTFOUND;
	if (d) {
		api_answer(w, d, NULL, 0);
		return;
	}
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	const char *name = api_in_str(&in, "name", k->name), *color = api_in_str(&in, "color", k->color);
	const char *description = api_in_str(&in, "description", k->description);
	if (api_in_ok(&in))
		api_in_answer(&in, research_code_update(&w->ctx, w->id[0], w->id[1], name, color, description, &in.e), 0);
}

void api_research_memo_remove(struct web *w)
{
	api_answer(w, research_memo_remove(&w->ctx, w->id[0], w->id[1]), NULL, 0);
}

void api_research_term_remove(struct web *w)
{
	api_answer(w, research_term_remove(&w->ctx, w->id[0], w->id[1]), NULL, 0);
}
