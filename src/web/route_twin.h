/* route_twin.h — every page action has a twin in the JSON API (SPEC's
 * quality bar: what a user does in the browser, an administrator can
 * script). The twin of a page POST P is found by rule: POST, PUT or PATCH
 * /api/v1P; or, for P ending in /delete or /remove, DELETE /api/v1P
 * without that ending. Where the API's path differs, route_twins[] names
 * it; where a page action has no twin on purpose, routes_without_twin[]
 * says why. The unit test walks the route table with these. */
#ifndef LG_ROUTE_TWIN_H
#define LG_ROUTE_TWIN_H

#include "web.h"

struct route_twin {
	const char *page;   /* "POST /enrolments/{id}" */
	const char *api;    /* "POST /api/v1/enrolments/{id}/status" */
};

struct route_without_twin {
	const char *page;   /* "POST /login" */
	const char *why;
};

extern const struct route_twin route_twins[];
extern const struct route_without_twin routes_without_twin[];

/* The route of the table with this method and pattern, or NULL. */
const struct route *route_find(const char *method, const char *pattern);
/* The API route that does what the page route does, or NULL. */
const struct route *route_api_twin(const struct route *page);
/* Why the page route has no twin, or NULL when it should have one. */
const char *route_without_twin_reason(const struct route *page);

#endif
