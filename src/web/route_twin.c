/* route_twin.c — the API twin of each page action (route_twin.h). */
#include "route_twin.h"

#include <stdio.h>
#include <string.h>

const struct route_twin route_twins[] = {
	{ "POST /import", "POST /api/v1/people/import" },
	{ "POST /enrolments/{id}", "POST /api/v1/enrolments/{id}/status" },
	{ "POST /me/referral", "POST /api/v1/me/referrals" },
	{ "POST /accounts/invitations.csv", "POST /api/v1/accounts/invitations" },
	{ 0, 0 },
};

const struct route_without_twin routes_without_twin[] = {
	{ "POST /login", "signing in with a password makes a browser session; a script signs in with an API token" },
	{ "POST /logout", "ends a browser session; a script's token is revoked instead" },
	{ "POST /password", "a password is changed by its holder, in the browser, with the current one: no token may "
			    "change it" },
	{ "POST /password/forgot", "the reset link goes by e-mail to a person, who opens it in a browser" },
	{ "POST /password/reset", "the reset link goes by e-mail to a person, who opens it in a browser" },
	{ "POST /tokens", "a token is made in the browser or with `leergang token create`: a token that could make "
			  "tokens would outlive its own revocation" },
	{ "POST /tokens/{id}/revoke", "revoked where it was made: in the browser or with `leergang token revoke`" },
	{ "POST /accounts/{id}/tokens", "the administrator makes an account's token in the browser or with `leergang "
					"token create`: a token that could make tokens would outlive its own revocation" },
	{ "POST /accounts/{id}/tokens/{id}/revoke", "revoked where it was made: in the browser or with `leergang token "
						    "revoke`" },
	{ "POST /respond", "a respondent answers through their personal link, the only key to their answers; the "
			   "API answers in no one's name" },
	{ "POST /member-check", "a contact person answers a member check through their personal link, in no "
				"account's name" },
	{ 0, 0 },
};

const struct route *route_find(const char *method, const char *pattern)
{
	for (const struct route *r = routes; r->method; r++)
		if (!strcmp(r->method, method) && !strcmp(r->pattern, pattern))
			return r;
	return NULL;
}

/* "POST /x" as a route, or NULL. */
static const struct route *route_named(const char *name)
{
	char method[8];
	const char *sp = strchr(name, ' ');
	if (!sp || (size_t)(sp - name) >= sizeof(method))
		return NULL;
	memcpy(method, name, (size_t)(sp - name));
	method[sp - name] = '\0';
	return route_find(method, sp + 1);
}

static bool same_route(const struct route *r, const char *name)
{
	size_t m = strlen(r->method);
	return !strncmp(name, r->method, m) && name[m] == ' ' && !strcmp(name + m + 1, r->pattern);
}

static const struct route *api_at(const char *const *methods, const char *pattern)
{
	for (; *methods; methods++) {
		const struct route *r = route_find(*methods, pattern);
		if (r && r->kind == ROUTE_API)
			return r;
	}
	return NULL;
}

static bool ends_with(const char *s, const char *end)
{
	size_t n = strlen(s), k = strlen(end);
	return n >= k && !strcmp(s + n - k, end);
}

const struct route *route_api_twin(const struct route *page)
{
	for (const struct route_twin *t = route_twins; t->page; t++)
		if (same_route(page, t->page))
			return route_named(t->api);
	static const char *const writes[] = { "POST", "PUT", "PATCH", NULL };
	static const char *const deletes[] = { "DELETE", NULL };
	char path[512];
	snprintf(path, sizeof(path), "/api/v1%s", page->pattern);
	const struct route *r = api_at(writes, path);
	if (r)
		return r;
	for (const char *const *end = (const char *const[]){ "/delete", "/remove", NULL }; *end; end++)
		if (ends_with(path, *end)) {
			path[strlen(path) - strlen(*end)] = '\0';
			return api_at(deletes, path);
		}
	return NULL;
}

const char *route_without_twin_reason(const struct route *page)
{
	for (const struct route_without_twin *x = routes_without_twin; x->page; x++)
		if (same_route(page, x->page))
			return x->why;
	return NULL;
}
