/* The OpenAPI description is made from the route table: every API route is
 * in it with a summary and its answers, nothing is described that has no
 * route, and the paths name their numbers apart. */
#include "test.h"
#include "domain/search.h"
#include "web/openapi.h"
#include "web/web.h"

#include <stdlib.h>
#include <string.h>

TEST(openapi_describes_every_api_route_and_nothing_else)
{
	char *problems = NULL;
	json_t *doc = openapi_document(&problems);
	if (problems)
		test_fail(__FILE__, __LINE__, "the description has problems:\n%s", problems);
	free(problems);
	json_t *paths = json_object_get(doc, "paths");
	size_t api = 0, found = 0;
	for (const struct route *r = routes; r->method; r++) {
		if (r->kind != ROUTE_API)
			continue;
		api++;
		char path[512], m[8] = { 0 };
		openapi_path(r->pattern, path, sizeof(path));
		for (size_t i = 0; r->method[i] && i < 7; i++)
			m[i] = (char)(r->method[i] | 0x20);
		json_t *op = json_object_get(json_object_get(paths, path), m);
		if (op && json_object_get(op, "responses") && json_object_get(op, "x-leergang-access"))
			found++;
		else
			test_fail(__FILE__, __LINE__, "%s %s is not in the description", r->method, r->pattern);
	}
	CHECK(api > 100);
	CHECK_INT(found, api);
	CHECK_STR(json_string_value(json_object_get(doc, "openapi")), "3.1.0");
	json_decref(doc);
}

TEST(openapi_paths_name_each_number)
{
	char out[128];
	openapi_path("/api/v1/research/{id}/codes/{id}", out, sizeof(out));
	CHECK_STR(out, "/api/v1/research/{id}/codes/{id2}");
	openapi_path("/api/v1/people", out, sizeof(out));
	CHECK_STR(out, "/api/v1/people");
	openapi_path("/api/v1/a/{id}/b/{id}/c/{id}", out, sizeof(out));
	CHECK_STR(out, "/api/v1/a/{id}/b/{id2}/c/{id3}");
}

/* The search's JSON (GET /api/v1/search, `leergang search --json`) keeps a
 * result whose snippet is empty (a title match): it once went missing. */
TEST(search_json_keeps_a_result_with_an_empty_snippet)
{
	const struct search_result r[2] = {
		{ "report", 7, "Verslag bijeenkomst 3", "", "/reports/7" },
		{ "logbook", 9, "Logboek", "over \x01" "feedback\x02 geven", "/logbook/9" },
	};
	json_t *j = search_json(r, 2, 1, false);
	json_t *results = json_object_get(j, "results");
	CHECK_INT(json_array_size(results), 2);
	CHECK_STR(json_string_value(json_object_get(json_array_get(results, 0), "snippet")), "");
	CHECK_STR(json_string_value(json_object_get(json_array_get(results, 1), "snippet")), "over feedback geven");
	CHECK_INT(json_integer_value(json_object_get(json_array_get(results, 1), "id")), 9);
	json_decref(j);
}
