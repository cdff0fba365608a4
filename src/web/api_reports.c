/* api_reports.c — meeting reports, contributions, the learning story and
 * search through the API. The same domain calls as the pages, so the same
 * privacy rules: the coach gets the anonymised texts, the owner nothing. */
#include "web.h"
#include "domain/export_audit.h"
#include "domain/meeting.h"
#include "domain/group.h"
#include "domain/report.h"
#include "domain/search.h"

#include <time.h>

/* The meeting of the path when the actor may see its group (404 otherwise,
 * before the body is read: the same answer for any id). */
static bool meeting_seen(struct web *w)
{
	struct meeting m;
	struct learning_group g;
	enum group_relation rel;
	int d = meeting_open(&w->ctx, w->id[0], &m, &g, &rel);
	if (d)
		api_answer(w, d, NULL, 0);
	return !d;
}

static json_t *report_json(const struct report_view *v)
{
	const struct meeting_report *r = &v->r;
	json_t *contribs = json_array();
	for (size_t i = 0; i < v->ncontribs; i++) {
		const struct contribution *x = &v->contribs[i];
		json_t *jc = json_pack("{s:I, s:s, s:b}", "id", (json_int_t)x->id, "text", x->text, "placed", x->placed);
		/* the writer, except for the coach reading along */
		json_object_set_new(jc, "writer", *x->person_name ? json_string(x->person_name) : json_null());
		json_array_append_new(contribs, jc);
	}
	return json_pack("{s:I, s:I, s:i, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:b, s:o}", "id", (json_int_t)r->id,
			 "meeting_id", (json_int_t)r->meeting_id, "number", r->number, "theme", r->theme, "date",
			 r->starts_on, "status", r->status, "agenda", r->agenda, "themes", r->themes, "learning_moments",
			 r->learning_moments, "facilitator_reflection", r->facilitator_reflection, "mentor_reflection",
			 r->mentor_reflection, "anonymised", v->level == PRIVACY_ANONYMISED, "contributions", contribs);
}

void api_report(struct web *w)
{
	struct report_view v;
	int d = report_read(&w->ctx, w->id[0], &v);
	if (d == D_OK && !v.exists)
		d = D_NOTFOUND;
	if (d) {
		api_answer(w, d, NULL, 0);
		return;
	}
	web_json(w, 200, report_json(&v));
}

void api_report_save(struct web *w)
{
	if (!meeting_seen(w))
		return;
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	struct report_texts t = {
		.agenda = api_in_str(&in, "agenda", ""),
		.themes = api_in_str(&in, "themes", ""),
		.learning_moments = api_in_str(&in, "learning_moments", ""),
		.facilitator_reflection = api_in_str(&in, "facilitator_reflection", ""),
		.mentor_reflection = api_in_str(&in, "mentor_reflection", NULL),   /* left out: kept */
	};
	if (!api_in_ok(&in))
		return;
	long long id = 0;
	int d = report_save(&w->ctx, w->id[0], &t, (long long)time(NULL), &in.e, &id);
	api_in_answer(&in, d, id);
}

void api_report_publish(struct web *w)
{
	if (!meeting_seen(w))
		return;
	json_t *j = api_body(w);
	if (!j)
		return;
	struct errors e = { 0 };
	json_t *p = json_object_get(j, "publish");
	int d = report_publish(&w->ctx, w->id[0], !p || json_is_true(p), (long long)time(NULL), &e);
	api_answer(w, d, &e, 0);
	json_decref(j);
}

void api_contribution_save(struct web *w)
{
	if (!meeting_seen(w))
		return;
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	const char *text = api_in_str(&in, "text", "");
	if (!api_in_ok(&in))
		return;
	api_in_answer(&in, contribution_save(&w->ctx, w->id[0], text, (long long)time(NULL), &in.e), 0);
}

void api_group_reports(struct web *w)
{
	struct learning_group g;
	enum group_relation rel;
	struct report_view *v;
	size_t n;
	int d = group_open(&w->ctx, w->id[0], &g, &rel);
	if (!d && rel == REL_OWNER)
		d = D_NOTFOUND;
	if (!d)
		d = report_list(&w->ctx, g.id, &v, &n);
	if (d) {
		api_answer(w, d, NULL, 0);
		return;
	}
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, report_json(&v[i]));
	web_json(w, 200, json_pack("{s:o}", "reports", a));
}

void api_story(struct web *w)
{
	struct story_view v;
	int d = story_open(&w->ctx, w->id[0], &v);
	if (!d && v.waiting)
		d = D_NOTFOUND;  /* the API answers with the story once it is bundled */
	if (d) {
		api_answer(w, d, NULL, 0);
		return;
	}
	json_t *a = json_array();
	for (size_t i = 0; i < v.n; i++)
		json_array_append_new(a, report_json(&v.reports[i]));
	web_json(w, 200, json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:o, s:o, s:b, s:o}", "group_id", (json_int_t)v.g.id,
				   "group", v.g.name, "programme", v.g.programme_name, "status", v.s.status, "opening",
				   v.s.opening, "closing", v.s.closing, "first_date",
				   v.first_date ? json_string(v.first_date) : json_null(), "last_date",
				   v.last_date ? json_string(v.last_date) : json_null(), "anonymised",
				   v.level == PRIVACY_ANONYMISED, "reports", a));
}

/* The Markdown or PDF of a bundled story (the facilitator's draft too). */
static bool story_file(struct web *w, struct story_view *v)
{
	int d = story_open_file(&w->ctx, w->id[0], v);
	if (d) {
		api_answer(w, d, NULL, 0);
		return false;
	}
	buf_reset(w->out);
	return true;
}

void api_story_md(struct web *w)
{
	struct story_view v;
	if (!story_file(w, &v))
		return;
	story_markdown(&w->ctx, &v, w->out);
	export_record(&w->ctx, EXPORT_STORY, "group", v.g.id, "md", v.n);
	w->r->response_type = "text/markdown; charset=utf-8";
}

void api_story_pdf(struct web *w)
{
	struct story_view v;
	if (!story_file(w, &v))
		return;
	if (story_pdf(&w->ctx, &v, w->out)) {
		web_json_error(w, 500, _("The PDF could not be made. Try again later."));
		return;
	}
	export_record(&w->ctx, EXPORT_STORY, "group", v.g.id, "pdf", v.n);
	w->r->response_type = "application/pdf";
}

json_t *search_json(const struct search_result *r, size_t n, long long page, bool more)
{
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++) {
		struct buf b = BUF_INIT;
		for (const char *p = r[i].snippet; *p; p++)
			if (*p != '\x01' && *p != '\x02')
				buf_addch(&b, *p);
		json_array_append_new(a, json_pack("{s:s, s:I, s:s, s:s, s:s}", "kind", r[i].kind, "id", (json_int_t)r[i].id,
						   "title", r[i].title, "snippet", b.ptr, "href", r[i].href));
		buf_release(&b);
	}
	return json_pack("{s:o, s:I, s:b}", "results", a, "page", (json_int_t)page, "more", more);
}

void api_search(struct web *w)
{
	struct search_result *r;
	size_t n;
	bool more;
	struct errors e = { 0 };
	long long page = web_arg_clamped(w, "page", 1, 1, SEARCH_PAGES_MAX);
	int d = search_run(&w->ctx, web_arg(w, "q"), page, &r, &n, &more, &e);
	if (d) {
		api_answer(w, d, &e, 0);
		return;
	}
	web_json(w, 200, search_json(r, n, page, more));
}
