/* The route table: every page action has a twin in the JSON API, or a
 * reason why not (web/route_twin.h). */
#include "test.h"
#include "web/route_twin.h"

#include <stdio.h>
#include <string.h>

/* Page actions whose API twin issue 21 still asks for. The test fails for
 * an entry that has its twin by now (take it off) and for a page POST in
 * neither this list, the twins, nor the reasoned exceptions. */
static const char *const twin_pending[] = {
	NULL,
};

static bool pending(const struct route *r)
{
	char name[512];
	snprintf(name, sizeof(name), "%s %s", r->method, r->pattern);
	for (const char *const *p = twin_pending; *p; p++)
		if (!strcmp(*p, name))
			return true;
	return false;
}

TEST(routes_every_page_post_has_an_api_twin_or_a_reason)
{
	size_t waiting = 0;
	for (const struct route *r = routes; r->method; r++) {
		if (r->kind == ROUTE_API || strcmp(r->method, "POST"))
			continue;
		const struct route *twin = route_api_twin(r);
		const char *why = route_without_twin_reason(r);
		if (twin && why)
			test_fail(__FILE__, __LINE__, "%s %s has a twin (%s %s) and a reason not to", r->method, r->pattern,
				  twin->method, twin->pattern);
		else if (pending(r) && (twin || why))
			test_fail(__FILE__, __LINE__, "%s %s is done: take it off twin_pending", r->method, r->pattern);
		else if (pending(r))
			waiting++;
		else if (!twin && !why)
			test_fail(__FILE__, __LINE__, "%s %s has no twin in the API and no reason in routes_without_twin",
				  r->method, r->pattern);
		else
			test_pass();
		/* a twin lets the same roles in: the API is no back door */
		if (twin && twin->access != r->access)
			test_fail(__FILE__, __LINE__, "%s %s and its twin %s %s differ in who may call them", r->method,
				  r->pattern, twin->method, twin->pattern);
	}
	if (waiting)
		test_skip(SKIP_PENDING, "%zu page actions wait for their API twin (issue 21)", waiting);
}

TEST(routes_twin_lists_name_real_routes)
{
	for (const struct route_twin *t = route_twins; t->page; t++) {
		char m[8], p[256], am[8], ap[256];
		CHECK(sscanf(t->page, "%7s %255s", m, p) == 2 && sscanf(t->api, "%7s %255s", am, ap) == 2);
		const struct route *page = route_find(m, p), *api = route_find(am, ap);
		CHECK(page && page->kind != ROUTE_API);
		CHECK(api && api->kind == ROUTE_API);
	}
	for (const struct route_without_twin *x = routes_without_twin; x->page; x++) {
		char m[8], p[256];
		CHECK(sscanf(x->page, "%7s %255s", m, p) == 2);
		const struct route *page = route_find(m, p);
		CHECK(page && page->kind != ROUTE_API);
		CHECK(strlen(x->why) > 20);
	}
	for (const char *const *q = twin_pending; *q; q++) {
		char m[8], p[256];
		CHECK(sscanf(*q, "%7s %255s", m, p) == 2 && route_find(m, p));
	}
}

/* The walk itself, on a made-up route: the rule finds POST and DELETE twins. */
TEST(routes_twin_rule_finds_the_api_path)
{
	const struct route *units = route_find("POST", "/units/{id}/delete");
	CHECK(units != NULL);
	const struct route *login = route_find("POST", "/login");
	CHECK(login && !route_api_twin(login) && route_without_twin_reason(login));
	const struct route *research = route_find("POST", "/research");
	CHECK(research && route_api_twin(research) == route_find("POST", "/api/v1/research"));
	const struct route *enrol = route_find("POST", "/enrolments/{id}");
	CHECK(enrol && route_api_twin(enrol) == route_find("POST", "/api/v1/enrolments/{id}/status"));
}
