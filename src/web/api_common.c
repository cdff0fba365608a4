/* api_common.c — what every API handler shares: reading the JSON body
 * and its fields, and answering a domain result. */
#include "web.h"

#include <string.h>

json_t *api_body(struct web *w)
{
	json_error_t err;
	json_t *j = json_loadb(w->r->body, w->r->body_len, 0, &err);
	if (!j || !json_is_object(j)) {
		json_decref(j);
		web_json_error(w, 400, _("Send a JSON object as the body of the request."));
		return NULL;
	}
	return j;
}

long long api_int(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);
	return json_is_integer(v) ? (long long)json_integer_value(v) : 0;
}

long long api_id(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);
	if (!v || json_is_null(v))
		return 0;
	return json_is_integer(v) ? (long long)json_integer_value(v) : -1;
}

long long *api_ids(struct web *w, json_t *o, const char *key, size_t *n)
{
	json_t *list = json_object_get(o, key);
	*n = json_is_array(list) ? json_array_size(list) : 0;
	long long *ids = arena_alloc(w->a, (*n + 1) * sizeof(*ids));
	for (size_t i = 0; i < *n; i++) {
		json_t *v = json_array_get(list, i);
		ids[i] = json_is_integer(v) ? (long long)json_integer_value(v) : -1;
	}
	return ids;
}

/* The value of o's key when it has the type ('s' a text, 'i' a whole
 * number, 'b' true or false); NULL when it is absent or null, and when it
 * has another type: then noted under field, in the one wording of every
 * route. */
static json_t *typed(struct api_in *in, json_t *o, const char *key, const char *field, char type)
{
	json_t *v = json_object_get(o, key);
	if (!v || json_is_null(v))
		return NULL;
	if (type == 's' ? json_is_string(v) : type == 'b' ? json_is_boolean(v) : json_is_integer(v))
		return v;
	if (type == 's')
		errors_add(&in->w->ctx, &in->e, field, _("Give %s as a text."), key);
	else if (type == 'b')
		errors_add(&in->w->ctx, &in->e, field, _("Give %s as true or false."), key);
	else
		errors_add(&in->w->ctx, &in->e, field, _("Give %s as a whole number."), key);
	return NULL;
}

bool api_in_open(struct api_in *in, struct web *w)
{
	memset(in, 0, sizeof(*in));
	in->w = w;
	in->j = api_body(w);
	return in->j != NULL;
}

const char *api_item_str(struct api_in *in, json_t *o, const char *key, const char *field, const char *absent)
{
	json_t *v = typed(in, o, key, field, 's');
	return v ? json_string_value(v) : absent;
}

bool api_item_bool(struct api_in *in, json_t *o, const char *key, const char *field, bool absent)
{
	json_t *v = typed(in, o, key, field, 'b');
	return v ? json_is_true(v) : absent;
}

const char *api_in_str(struct api_in *in, const char *key, const char *absent)
{
	return api_item_str(in, in->j, key, key, absent);
}

long long api_in_int(struct api_in *in, const char *key, long long absent)
{
	json_t *v = typed(in, in->j, key, key, 'i');
	return v ? (long long)json_integer_value(v) : absent;
}

bool api_in_bool(struct api_in *in, const char *key, bool absent)
{
	return api_item_bool(in, in->j, key, key, absent);
}

const char *api_in_clear(struct api_in *in, const char *key, const char *absent)
{
	if (json_is_null(json_object_get(in->j, key)))
		return "";
	return api_in_str(in, key, absent);
}

long long api_in_count(struct api_in *in, const char *key, long long absent)
{
	json_t *v = typed(in, in->j, key, key, 'i');
	if (!v)
		return absent;
	if (json_integer_value(v) < 0) {
		errors_add(&in->w->ctx, &in->e, key, "%s", _("Send this field as a whole number, 0 or more."));
		return absent;
	}
	return (long long)json_integer_value(v);
}

long long api_in_id(struct api_in *in, const char *key, long long absent)
{
	json_t *v = json_object_get(in->j, key);
	if (!v)
		return absent;
	if (json_is_null(v))
		return 0;
	if (json_is_integer(v) && json_integer_value(v) > 0)
		return (long long)json_integer_value(v);
	errors_add(&in->w->ctx, &in->e, key, _("Give %s as a whole number above 0, or null for none."), key);
	return absent;
}

bool api_in_ok(struct api_in *in)
{
	if (!in->e.n)
		return true;
	api_in_answer(in, D_INVALID, 0);
	return false;
}

/* The domain names a field as the page's form does ("person"); where the
 * request gave it as "person_id", the problem names the request's field. */
static void fields_as_requested(struct api_in *in)
{
	for (size_t i = 0; in->j && i < in->e.n; i++) {
		const char *f = in->e.items[i].field;
		if (!f || !*f || json_object_get(in->j, f))
			continue;
		char *as_id = arena_printf(in->w->ctx.a, "%s_id", f);
		if (json_object_get(in->j, as_id))
			in->e.items[i].field = as_id;
	}
}

void api_errors_rename(struct errors *e, const char *from, const char *to)
{
	for (size_t i = 0; i < e->n; i++)
		if (e->items[i].field && !strcmp(e->items[i].field, from))
			e->items[i].field = to;
}

void api_in_answer(struct api_in *in, int d, long long id)
{
	if (d == D_INVALID)
		fields_as_requested(in);
	api_answer(in->w, d, &in->e, d == D_OK ? id : 0);
	json_decref(in->j);
	in->j = NULL;
}

json_t *api_errors(const struct errors *e)
{
	json_t *a = json_array();
	for (size_t i = 0; i < e->n; i++)
		json_array_append_new(a, json_pack("{s:s, s:s}", "field", e->items[i].field, "message", e->items[i].message));
	return a;
}

/* Answers a domain result: 201 with the id, 422 with the problems, 404, 403, 500. */
void api_answer(struct web *w, int d, const struct errors *e, long long id)
{
	if (d == D_OK) {
		web_json(w, id ? 201 : 200, id ? json_pack("{s:I}", "id", (json_int_t)id) : json_pack("{s:b}", "ok", 1));
	} else if (d == D_INVALID) {
		json_t *err = web_error_object(422, e->n ? e->items[0].message : _("Check your input."),
					       e->n ? e->items[0].field : NULL);
		json_object_set_new(err, "problems", api_errors(e));
		web_json(w, 422, json_pack("{s:o}", "error", err));
	} else if (d == D_NOTFOUND) {
		web_json_error(w, 404, _("There is nothing with this number that you may see."));
	} else if (d == D_FORBIDDEN) {
		web_json_error(w, 403, _("You may read this, but not change it."));
	} else {
		web_json_error(w, 500, _("The change could not be saved. Try again later."));
	}
}

