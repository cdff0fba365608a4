/* api_conventions.c — what the API does the same way on every route it
 * applies to: links to the pages of a list (Link, RFC 8288); validators
 * (ETag / If-Match, RFC 9110 §8.8.3, §13.1.1) so that two editors cannot
 * overwrite each other unseen, with the one route that uses them, PATCH
 * /api/v1/programmes/{id}. */
#include "web.h"
#include "core/integer.h"
#include "domain/programme.h"
#include "html/html.h"

#include <string.h>

/* The address of this request with offset and limit set to these, the
 * other arguments as they came. */
static const char *page_url(struct web *w, long long offset, long long limit)
{
	struct buf b = BUF_INIT;
	buf_addf(&b, "%s%s?", web_base_url(w), w->r->path);
	const struct kvlist *q = &w->r->query;
	for (size_t i = 0; i < q->n; i++)
		if (strcmp(q->items[i].key, "offset") && strcmp(q->items[i].key, "limit"))
			buf_addf(&b, "%s=%s&", url_encode(w->a, q->items[i].key),
				 url_encode(w->a, q->items[i].value ? q->items[i].value : ""));
	buf_addf(&b, "offset=%lld&limit=%lld", offset, limit);
	const char *s = arena_strdup(w->a, b.ptr);
	buf_release(&b);
	return s;
}

void web_link_pages(struct web *w, long long offset, long long limit, long long total)
{
	if (limit < 1 || (total <= limit && offset == 0))
		return;
	struct buf b = BUF_INIT;
	long long last = total > 0 ? (total - 1) / limit * limit : 0;
	/* before a page past the end comes the last one */
	long long prev = offset > limit ? offset - limit : 0;
	buf_addf(&b, "<%s>; rel=\"first\"", page_url(w, 0, limit));
	if (offset > 0)
		buf_addf(&b, ", <%s>; rel=\"prev\"", page_url(w, prev < last ? prev : last, limit));
	if (offset + limit < total)
		buf_addf(&b, ", <%s>; rel=\"next\"", page_url(w, offset + limit, limit));
	buf_addf(&b, ", <%s>; rel=\"last\"", page_url(w, last, limit));
	response_header(w->r, "Link", arena_strdup(w->a, b.ptr));
	buf_release(&b);
}

void web_etag(struct web *w, long long version)
{
	response_header(w->r, "ETag", arena_printf(w->a, "\"%lld\"", version));
}

/* The version of one strong entity-tag "N" (N a whole number from 1);
 * 0 for anything else (a weak tag, another form). */
static long long etag_version(const char *s, size_t n)
{
	if (n < 3 || s[0] != '"' || s[n - 1] != '"' || n - 2 >= 20)
		return 0;
	char digits[20];
	memcpy(digits, s + 1, n - 2);
	digits[n - 2] = '\0';
	long long v;
	return strspn(digits, "0123456789") == n - 2 && digits[0] != '0' && int_parse(digits, 1, WEB_ID_MAX, &v) == INT_OK
		? v : 0;
}

bool web_if_match(struct web *w, long long *version)
{
	const char *h = request_header(w->r, "If-Match");
	*version = 0;
	size_t start = h ? strspn(h, " \t") : 0;
	if (!h || !h[start] || !strcmp(h + start, "*")) {
		/* "*" matches whatever is stored: as good as no precondition */
		web_json_error_field(w, 428, _("Send the ETag of the programme as you read it (GET) in the If-Match header, "
					       "so that you cannot overwrite a change of someone else unseen."), "If-Match");
		return false;
	}
	/* one entity-tag; a list, or a tag that is not of this API, cannot
	 * match the stored version */
	const char *s = h + start;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	*version = memchr(s, ',', n) ? 0 : etag_version(s, n);
	if (!*version) {
		web_json_error_field(w, 412, _("The If-Match header does not match the programme as it is stored. Read it "
					       "again (GET) and send its ETag."), "If-Match");
		return false;
	}
	return true;
}

static const char *const rationale_field[DESIGN_KINDS] = { "rationale_programme", "rationale_guidance",
							   "rationale_reporting" };
static const char *const goal_field[DESIGN_KINDS] = { "goal_programme", "goal_guidance", "goal_reporting" };

/* The editable fields of a programme, by the names PATCH takes. */
static json_t *programme_design_json(const struct programme *p)
{
	json_t *o = json_pack("{s:I, s:I, s:s, s:s, s:s, s:s, s:s, s:i, s:i, s:i, s:i, s:s}", "id", (json_int_t)p->id,
			      "version", (json_int_t)p->version, "name", p->name, "shape", p->shape, "target_group",
			      p->target_group, "ambition", p->ambition, "followup", p->followup, "group_min", p->group_min,
			      "group_max", p->group_max, "cascade_meeting", p->cascade_meeting, "followup_meetings",
			      p->followup_meetings, "mentor_profile", p->mentor_profile);
	for (int k = 0; k < DESIGN_KINDS; k++) {
		json_object_set_new(o, rationale_field[k], json_string(p->rationale[k]));
		json_object_set_new(o, goal_field[k], json_string(p->goal[k]));
	}
	if (!strcmp(p->shape, "meeting_series")) {
		json_object_set_new(o, "menu_min", json_integer(p->menu_min));
		json_object_set_new(o, "menu_max_free", json_integer(p->menu_max_free));
		json_object_set_new(o, "menu_preparers", json_integer(p->menu_preparers));
		json_object_set_new(o, "menu_justify", json_boolean(p->menu_justify));
	}
	return o;
}

/* A field of the patch into p: a problem in e for a value of the wrong
 * type, a field that is not there to change, or a menu rule of a programme
 * without a menu card. */
static void patch_field(struct web *w, struct programme *p, const char *name, json_t *v, struct errors *e)
{
	const char *key = arena_strdup(w->a, name);  /* a problem's field outlives the body */
	struct {
		const char *name;
		char **text;
		int *number;
	} fields[] = {
		{ "name", &p->name, NULL },
		{ "target_group", &p->target_group, NULL },
		{ "ambition", &p->ambition, NULL },
		{ "followup", &p->followup, NULL },
		{ "mentor_profile", &p->mentor_profile, NULL },
		{ "rationale_programme", &p->rationale[DESIGN_KIND_PROGRAMME], NULL },
		{ "rationale_guidance", &p->rationale[DESIGN_KIND_GUIDANCE], NULL },
		{ "rationale_reporting", &p->rationale[DESIGN_KIND_REPORTING], NULL },
		{ "goal_programme", &p->goal[DESIGN_KIND_PROGRAMME], NULL },
		{ "goal_guidance", &p->goal[DESIGN_KIND_GUIDANCE], NULL },
		{ "goal_reporting", &p->goal[DESIGN_KIND_REPORTING], NULL },
		{ "group_min", NULL, &p->group_min },
		{ "group_max", NULL, &p->group_max },
		{ "cascade_meeting", NULL, &p->cascade_meeting },
		{ "followup_meetings", NULL, &p->followup_meetings },
		{ "menu_min", NULL, &p->menu_min },
		{ "menu_max_free", NULL, &p->menu_max_free },
		{ "menu_preparers", NULL, &p->menu_preparers },
		{ "menu_justify", NULL, &p->menu_justify },
	};
	for (size_t i = 0; i < ARRAY_SIZE(fields); i++) {
		if (strcmp(key, fields[i].name))
			continue;
		if (!strncmp(key, "menu_", 5) && strcmp(p->shape, "meeting_series")) {
			errors_add(&w->ctx, e, key, _("Only a programme of meetings has a menu card: leave %s out."), key);
			return;
		}
		if (fields[i].text) {
			if (json_is_string(v))
				*fields[i].text = arena_strdup(w->a, json_string_value(v));
			else
				errors_add(&w->ctx, e, key, _("Send %s as text."), key);
		} else if (!strcmp(key, "menu_justify")) {
			if (json_is_boolean(v))
				*fields[i].number = json_is_true(v);
			else
				errors_add(&w->ctx, e, key, _("Send %s as true or false."), key);
		} else if (json_is_integer(v)) {
			/* out of any range: the domain refuses it with its message */
			json_int_t n = json_integer_value(v);
			*fields[i].number = n < -999 || n > 999 ? -1 : (int)n;
		} else {
			errors_add(&w->ctx, e, key, _("Send %s as a whole number."), key);
		}
		return;
	}
	errors_add(&w->ctx, e, key, _("A programme has no field %s that can be changed here."), key);
}

/* The twin of the design form (POST /programmes/{id}): the fields sent
 * change, the others stay; saved only on the version of If-Match. */
void api_programme_patch(struct web *w)
{
	struct programme p;
	int r = programme_get(&w->ctx, w->id[0], &p);
	if (r) {
		api_answer(w, r, NULL, 0);
		return;
	}
	if (!web_if_match(w, &p.version))
		return;
	json_t *j = api_body(w);
	if (!j)
		return;
	struct errors e = { 0 };
	const char *key;
	json_t *v;
	json_object_foreach(j, key, v) {
		if (e.n < ERRORS_MAX)
			patch_field(w, &p, key, v, &e);
	}
	json_decref(j);
	int d = e.n ? D_INVALID : programme_update(&w->ctx, &p, &e);
	if (d == D_CONFLICT) {
		web_json_error_field(w, 412, _("Someone else changed this programme after you read it, so your change was "
					       "not saved. Read it again (GET), make your change on that and send its ETag."),
				     "If-Match");
		return;
	}
	if (d) {
		api_answer(w, d, &e, 0);
		return;
	}
	web_etag(w, p.version);
	web_json(w, 200, programme_design_json(&p));
}
