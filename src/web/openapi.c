/* openapi.c — the OpenAPI 3.1 description of the JSON API (openapi.h). */
#include "openapi.h"
#include "web.h"
#include "core/buf.h"

#include <assert.h>
#include <ctype.h>
#include <stdio.h>
#include <string.h>

void openapi_path(const char *pattern, char *out, size_t size)
{
	assert(size > 0);
	struct buf b = BUF_INIT;
	int n = 0;
	for (const char *p = pattern; *p;) {
		if (!strncmp(p, "{id}", 4)) {
			n++;
			if (n == 1)
				buf_adds(&b, "{id}");
			else
				buf_addf(&b, "{id%d}", n);
			p += 4;
		} else {
			buf_addch(&b, *p++);
		}
	}
	snprintf(out, size, "%s", b.ptr);
	buf_release(&b);
}

static int ids_in(const char *pattern)
{
	int n = 0;
	for (const char *p = pattern; (p = strstr(p, "{id}")); p += 4)
		n++;
	return n;
}

static void lower(const char *s, char *out, size_t size)
{
	size_t i = 0;
	for (; s[i] && i + 1 < size; i++)
		out[i] = (char)tolower((unsigned char)s[i]);
	out[i] = '\0';
}

static void problem(struct buf *p, const char *what, const char *a, const char *b)
{
	buf_addf(p, "%s %s: %s\n", a, b, what);
}

static json_t *error_schema(void)
{
	static const int statuses[] = { 400, 401, 403, 404, 405, 409, 412, 413, 415, 422, 428, 429, 500 };
	json_t *codes = json_array();
	for (size_t i = 0; i < sizeof(statuses) / sizeof(statuses[0]); i++)
		json_array_append_new(codes, json_string(web_error_code(statuses[i])));
	json_array_append_new(codes, json_string(web_error_code(499)));
	json_error_t err;
	json_t *s = json_loads(
		"{\"type\": \"object\", \"required\": [\"error\"], \"properties\": {\"error\": {\"type\": \"object\", "
		"\"required\": [\"code\", \"message\", \"field\"], \"properties\": {"
		"\"code\": {\"type\": \"string\", \"description\": \"The kind of error, named after the status.\"}, "
		"\"message\": {\"type\": \"string\", \"description\": \"What went wrong and what to do, in the "
		"language of the request (Dutch unless English is asked for).\"}, "
		"\"field\": {\"type\": [\"string\", \"null\"], \"description\": \"The input the message is about.\"}, "
		"\"problems\": {\"type\": \"array\", \"description\": \"Every problem of the input (422).\", "
		"\"items\": {\"type\": \"object\", \"required\": [\"field\", \"message\"], \"properties\": {"
		"\"field\": {\"type\": \"string\"}, \"message\": {\"type\": \"string\"}}}}}}}}",
		0, &err);
	assert(s);
	json_object_set_new(json_object_get(json_object_get(json_object_get(json_object_get(s, "properties"), "error"),
							      "properties"),
					    "code"),
			    "enum", codes);
	return s;
}

static json_t *error_response(const char *description)
{
	return json_pack("{s:s, s:{s:{s:{s:s}}}}", "description", description, "content", "application/json", "schema",
			 "$ref", "#/components/schemas/Error");
}

/* The errors every route of this kind can give, where its part names none. */
static void add_errors(json_t *responses, const struct route *r)
{
	struct {
		const char *status;
		const char *description;
		bool when;
	} e[] = {
		{ "400", "The request is malformed: no JSON object, a bad number.", strcmp(r->method, "GET") != 0 },
		{ "401", "No valid session or API token.", !(r->access & ACCESS_PUBLIC) },
		{ "403", "Your role does not give access to this (or the session's CSRF token is missing).",
		  !(r->access & (ACCESS_PUBLIC | ACCESS_SIGNED_IN)) || strcmp(r->method, "GET") != 0 },
		{ "404", "There is nothing with this number that you may see.", ids_in(r->pattern) > 0 },
		{ "422", "The input is refused; error.problems lists each problem.", strcmp(r->method, "GET") != 0 },
		{ "429", "Too many requests from this address; wait and try again.", true },
	};
	for (size_t i = 0; i < sizeof(e) / sizeof(e[0]); i++)
		if (e[i].when && !json_object_get(responses, e[i].status))
			json_object_set_new(responses, e[i].status, error_response(e[i].description));
}

static json_t *access_of(const struct route *r)
{
	if (r->access & ACCESS_PUBLIC)
		return json_string("public");
	if (r->access & ACCESS_SIGNED_IN)
		return json_string("signed-in");
	json_t *roles = json_array();
	for (int k = 0; k < ROLE_COUNT; k++)
		if (r->access & ROLE_BIT(k))
			json_array_append_new(roles, json_string(role_id(k)));
	return roles;
}

/* The tag of a route: the first segment after /api/v1/ ("research"). */
static json_t *tag_of(const char *pattern)
{
	const char *p = !strncmp(pattern, "/api/v1/", 8) ? pattern + 8 : pattern + 1;
	size_t n = strcspn(p, "/.");
	return json_stringn(p, n ? n : strlen(p));
}

static void operation_id(const struct route *r, char *out, size_t size)
{
	size_t i = 0;
	for (const char *m = r->method; *m && i + 1 < size; m++)
		out[i++] = (char)tolower((unsigned char)*m);
	bool sep = true;
	for (const char *p = r->pattern; *p && i + 1 < size; p++) {
		if (isalnum((unsigned char)*p)) {
			if (sep)
				out[i++] = '_';
			if (i + 1 < size)
				out[i++] = *p;
			sep = false;
		} else {
			sep = true;
		}
	}
	out[i] = '\0';
}

/* The operation of route r: its part's, with what the route table says. */
static json_t *operation(const struct route *r, json_t *part)
{
	json_t *op = json_deep_copy(part);
	char id[256];
	operation_id(r, id, sizeof(id));
	if (!json_object_get(op, "operationId"))
		json_object_set_new(op, "operationId", json_string(id));
	if (!json_object_get(op, "tags"))
		json_object_set_new(op, "tags", json_pack("[o]", tag_of(r->pattern)));
	int n = ids_in(r->pattern);
	if (n) {
		json_t *params = json_array();
		for (int k = 1; k <= n; k++) {
			char name[16];
			snprintf(name, sizeof(name), k == 1 ? "id" : "id%d", k);
			json_array_append_new(params,
					      json_pack("{s:s, s:s, s:b, s:s, s:{s:s, s:i}}", "name", name, "in", "path",
							"required", 1, "description",
							k == 1 ? "The number of the first thing the path names."
							       : "The number of the next thing the path names.",
							"schema", "type", "integer", "minimum", 1));
		}
		json_t *own = json_object_get(op, "parameters");
		if (json_is_array(own))
			json_array_extend(params, own);
		json_object_set_new(op, "parameters", params);
	}
	if (web_idempotent_route(r)) {
		/* idempotency.c answers it around every such route */
		json_t *params = json_object_get(op, "parameters");
		if (!json_is_array(params)) {
			params = json_array();
			json_object_set_new(op, "parameters", params);
		}
		json_array_append_new(params, json_pack(
			"{s:s, s:s, s:b, s:s, s:{s:s, s:i, s:i, s:s}}", "name", "Idempotency-Key", "in", "header", "required", 0,
			"description",
			"A key of your choosing for this one request (a UUID, say). Sent again with the same request "
			"(method, path, body) within 24 hours, the request is not done again: the first answer comes "
			"back, with the header Idempotent-Replayed: true. The same key with another request is refused "
			"(422, field Idempotency-Key); while the first is still being handled, 409. Kept per account.",
			"schema", "type", "string", "minLength", 1, "maxLength", 255, "pattern", "^[ -~]+$"));
		json_t *responses = json_object_get(op, "responses");
		if (!json_is_object(responses)) {
			responses = json_object();
			json_object_set_new(op, "responses", responses);
		}
		if (!json_object_get(responses, "409"))
			json_object_set_new(responses, "409",
					    error_response("A request with the same Idempotency-Key is still being handled; "
							   "send it again in a moment (or the route's own conflict)."));
	}
	json_object_set_new(op, "x-leergang-access", access_of(r));
	json_object_set_new(op, "security",
			    r->access & ACCESS_PUBLIC ? json_array()
						      : json_pack("[{s:[]}, {s:[]}]", "bearer", "session"));
	json_t *responses = json_object_get(op, "responses");
	if (!json_is_object(responses)) {
		responses = json_object();
		json_object_set_new(op, "responses", responses);
	}
	add_errors(responses, r);
	return op;
}

static json_t *skeleton(void)
{
	json_t *doc = json_pack(
		"{s:s, s:{s:s, s:s, s:s, s:{s:s, s:s}}, s:[{s:s}], s:{}, s:{s:{}, s:{s:{s:s, s:s, s:s}, s:{s:s, s:s, "
		"s:s, s:s}}}}",
		"openapi", "3.1.0", "info", "title", "leergang", "version", LG_VERSION, "description",
		"The JSON API of leergang: what the pages do, for scripts. Sign in with an API token "
		"(Authorization: Bearer TOKEN), or with the browser's session cookie and its CSRF token in the "
		"X-CSRF-Token header on every request that changes something. Every route is scoped to the "
		"organisation of the account; x-leergang-access says which roles may call it, and the rules "
		"per group, project or person the pages keep hold here too (404 for what you may not see). "
		"Errors come as {\"error\": {\"code\", \"message\", \"field\"}}. A POST may carry an "
		"Idempotency-Key, so that sending it again does not do it twice; a list that takes offset and limit "
		"links its pages in a Link header (rel=\"next\", \"prev\", \"first\", \"last\"); an update that "
		"must not overwrite another's change takes the ETag it read in If-Match.",
		"license", "name", "AGPL-3.0-or-later", "identifier", "AGPL-3.0-or-later", "servers", "url", "/",
		"paths", "components", "schemas", "securitySchemes", "bearer", "type", "http", "scheme", "bearer",
		"description", "An API token, made on the page 'API-sleutels' or with `leergang token create`. Its "
		"scope limits it further than its account's roles: all (what the roles allow), read (GET and HEAD "
		"only), people-sync (GET and PUT /api/v1/people, POST /api/v1/people/import) or research-export "
		"(GET of the files of research projects, waves and studies); outside it the answer is 403. Every "
		"use is in the audit log.",
		"session", "type", "apiKey", "in", "cookie", "name", "lg_session", "description",
		"The browser's session; a request that changes something also sends the session's CSRF token as "
		"X-CSRF-Token.");
	assert(doc);
	json_object_set_new(json_object_get(json_object_get(doc, "components"), "schemas"), "Error", error_schema());
	return doc;
}

/* Every part's paths, by pattern and method, and its schemas into doc. */
static json_t *parts_paths(json_t *doc, struct buf *p)
{
	json_t *paths = json_object(), *schemas = json_object_get(json_object_get(doc, "components"), "schemas");
	for (const struct openapi_part *part = openapi_parts; part->name; part++) {
		json_error_t err;
		json_t *j = json_loads(part->json, 0, &err);
		if (!j) {
			buf_addf(p, "openapi/%s.json: line %d: %s\n", part->name, err.line, err.text);
			continue;
		}
		const char *key;
		json_t *v;
		json_object_foreach(json_object_get(json_object_get(j, "components"), "schemas"), key, v)
		{
			if (json_object_get(schemas, key))
				problem(p, "is given twice (again in this part)", key, part->name);
			json_object_set(schemas, key, v);
		}
		json_object_foreach(json_object_get(j, "paths"), key, v)
		{
			json_t *have = json_object_get(paths, key);
			if (!have) {
				json_object_set(paths, key, v);
				continue;
			}
			const char *m;
			json_t *o;
			json_object_foreach(v, m, o)
			{
				if (json_object_get(have, m))
					problem(p, "is described twice", m, key);
				json_object_set(have, m, o);
			}
		}
		json_decref(j);
	}
	return paths;
}

json_t *openapi_document(char **problems)
{
	struct buf p = BUF_INIT;
	json_t *doc = skeleton();
	json_t *given = parts_paths(doc, &p);
	json_t *paths = json_object_get(doc, "paths");
	for (const struct route *r = routes; r->method; r++) {
		if (r->kind != ROUTE_API)
			continue;
		char m[16], path[512];
		lower(r->method, m, sizeof(m));
		json_t *part = json_object_get(json_object_get(given, r->pattern), m);
		if (!json_is_object(part)) {
			problem(&p, "has no description in src/web/openapi/", r->method, r->pattern);
			continue;
		}
		if (!json_object_get(part, "summary") || !json_is_object(json_object_get(part, "responses")))
			problem(&p, "its description wants a summary and responses", r->method, r->pattern);
		openapi_path(r->pattern, path, sizeof(path));
		json_t *item = json_object_get(paths, path);
		if (!item) {
			item = json_object();
			json_object_set_new(paths, path, item);
		}
		json_object_set_new(item, m, operation(r, part));
		json_object_del(json_object_get(given, r->pattern), m);
	}
	const char *key;
	json_t *v;
	json_object_foreach(given, key, v)
	{
		const char *m;
		json_t *o;
		json_object_foreach(v, m, o)
		problem(&p, "is described but has no API route", m, key);
	}
	json_decref(given);
	if (problems)
		*problems = p.len ? buf_detach(&p, NULL) : NULL;
	buf_release(&p);
	return doc;
}
