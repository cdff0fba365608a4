/* openapi.h — the OpenAPI 3.1 description of the JSON API, made from the
 * route table: each API route's path, parameters, who may call it
 * (security and x-leergang-access from its access rule) and the errors
 * every route can give come from the table; its summary, request body and
 * answers from a part in src/web/openapi/AREA.json, keyed by the route's
 * own pattern ("/api/v1/research/{id}/codes/{id}") and method. A route
 * without its part, or a part without its route, is a problem the unit
 * test fails on (so make check does) and `leergang serve --openapi` names. */
#ifndef LG_OPENAPI_H
#define LG_OPENAPI_H

#include <jansson.h>
#include <stddef.h>

struct openapi_part {
	const char *name;   /* the file's name without .json */
	const char *json;
};

extern const struct openapi_part openapi_parts[];

/* The description (the caller owns it); each problem found is a line of
 * *problems (malloc'ed, NULL when there are none). */
json_t *openapi_document(char **problems);
/* The path of a route pattern in the description: the {id}s named id,
 * id2, ... ("/api/v1/research/{id}/codes/{id2}"). */
void openapi_path(const char *pattern, char *out, size_t size);

#endif
