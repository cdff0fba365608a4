/* api_common.c — what every API handler shares: reading the JSON body
 * and its fields, and answering a domain result. */
#include "web.h"

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

const char *api_str(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);
	return json_is_string(v) ? json_string_value(v) : "";
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

bool api_typed(struct web *w, json_t *o, const struct api_type *t)
{
	struct errors e = { 0 };
	for (; t->name; t++) {
		json_t *v = json_object_get(o, t->name);
		if (!v || json_is_null(v))
			continue;
		if (t->type == 's' && !json_is_string(v))
			errors_add(&w->ctx, &e, t->name, _("Give %s as a text."), t->name);
		else if (t->type == 'i' && !json_is_integer(v))
			errors_add(&w->ctx, &e, t->name, _("Give %s as a whole number."), t->name);
		else if (t->type == 'b' && !json_is_boolean(v))
			errors_add(&w->ctx, &e, t->name, _("Give %s as true or false."), t->name);
	}
	if (!e.n)
		return true;
	api_answer(w, D_INVALID, &e, 0);
	return false;
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

