/* app.c — from request to handler: language, route, who is calling, access
 * rule, CSRF token; and the answers shared by all handlers. */
#include "web.h"

#include <assert.h>
#include "core/integer.h"
#include "domain/account.h"
#include "domain/api_token.h"
#include "domain/pwgate.h"
#include "html/html.h"

#include <arpa/inet.h>
#include <stdlib.h>
#include <math.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#define SESSION_COOKIE "lg_session"
#define PRELOGIN_COOKIE "lg_pre"
#define LANG_COOKIE "lg_lang"
#define RESPONDENT_COOKIE "lg_respondent"

/* Matches path against pattern; {id} takes a positive integer, {slug}
 * an organisation slug (the handler reads it from the path). */
static bool match(const char *pattern, const char *path, long long id[2])
{
	int nid = 0;
	while (*pattern && *path) {
		if (!strncmp(pattern, "{slug}", 6)) {
			size_t len = strspn(path, "abcdefghijklmnopqrstuvwxyz0123456789-");
			if (!len || len > 40)
				return false;
			path += len;
			pattern += 6;
			continue;
		}
		if (!strncmp(pattern, "{id}", 4)) {
			/* digits only, no leading zero: one path per id */
			char digits[20];
			size_t len = strspn(path, "0123456789");
			long long v;
			if (*path == '0' || !len || len >= sizeof(digits))
				return false;
			memcpy(digits, path, len);
			digits[len] = '\0';
			if (int_parse(digits, 1, WEB_ID_MAX, &v) != INT_OK)
				return false;
			if (nid < 2)
				id[nid++] = v;
			path += len;
			pattern += 4;
			continue;
		}
		if (*pattern != *path)
			return false;
		pattern++;
		path++;
	}
	return !*pattern && !*path;
}

static const char *cookie_flags(struct web *w)
{
	return w->secure_cookies ? "; Path=/; HttpOnly; SameSite=Lax; Secure" : "; Path=/; HttpOnly; SameSite=Lax";
}

static void choose_language(struct web *w)
{
	int l = lang_parse(request_cookie(w->r, LANG_COOKIE));
	if (l < 0) {
		const char *accept = request_header(w->r, "Accept-Language");
		l = accept ? (int)lang_from_accept(accept) : LANG_NL;
	}
	w->lang = (enum lang)l;
	i18n_use(w->lang);
}

/* Resolves the session cookie (pages) or bearer token (API) to an actor. */
static void identify(struct web *w)
{
	long long now = (long long)time(NULL), account = 0;
	const char *auth = request_header(w->r, "Authorization");
	if (auth && !strncmp(auth, "Bearer ", 7)) {
		struct api_token t;
		int scope;
		if (api_token_resolve(w->st, w->a, auth + 7, now, &t) || (scope = api_token_scope_parse(t.scope)) < 0)
			return;
		account = t.account_id;
		w->token_id = t.id;
		w->token_scope = scope;
	} else {
		const char *cookie = request_cookie(w->r, SESSION_COOKIE);
		char *csrf;
		if (!cookie || session_resolve(w->st, w->a, cookie, now, &account, &csrf))
			return;
		w->session = cookie;
		w->csrf = csrf;
	}
	if (actor_identify(w->st, w->a, account, &w->who, &w->org_name) == D_OK)
		w->signed_in = true;
	else
		w->token_id = 0;
}

/* A file a GET hands over (a dot in the last segment), of a research
 * project, a wave or a study, but not the wave's personal answer links:
 * those are keys to answering, not research data. */
static bool research_export(const char *pattern)
{
	static const char *const under[] = { "/api/v1/research/", "/api/v1/waves/", "/api/v1/studies/" };
	const char *last = strrchr(pattern, '/');
	if (!last || !strchr(last, '.') || !strcmp(last, "/links.csv"))
		return false;
	for (size_t i = 0; i < ARRAY_SIZE(under); i++)
		if (!strncmp(pattern, under[i], strlen(under[i])))
			return true;
	return false;
}

bool web_token_scope_allows(int scope, const char *method, const char *pattern)
{
	bool get = !strcmp(method, "GET") || !strcmp(method, "HEAD");
	switch (scope) {
	case TOKEN_SCOPE_ALL:
		return true;
	case TOKEN_SCOPE_READ:
		return get;
	case TOKEN_SCOPE_PEOPLE_SYNC:
		return ((get || !strcmp(method, "PUT")) && !strcmp(pattern, "/api/v1/people")) ||
		       (!strcmp(method, "POST") && !strcmp(pattern, "/api/v1/people/import"));
	case TOKEN_SCOPE_RESEARCH_EXPORT:
		return get && research_export(pattern);
	default:
		return false;
	}
}

/* A request with an API token: its use goes into the audit log (refused
 * ones too), and it gets no further than its scope; false after answering
 * (500 when the use cannot be recorded, 403 outside the scope). */
static bool token_ok(struct web *w, bool api)
{
	if (!w->token_id)
		return true;
	if (api_token_used(&w->ctx, w->token_id, w->r->method, w->r->path)) {
		if (api)
			web_json_error(w, 500, _("The use of the API token could not be recorded. Try again later."));
		else
			web_error(w, 500, _("The use of the API token could not be recorded. Try again later."));
		return false;
	}
	if ((w->route->access & ACCESS_PUBLIC) || web_token_scope_allows(w->token_scope, w->r->method, w->route->pattern))
		return true;
	const char *msg = arena_printf(w->a, _("This API token has the scope %s, which does not allow this. Use a token "
					       "whose scope allows it (the administrator makes one)."),
				       api_token_scope_name(w->token_scope));
	if (api)
		web_json_error(w, 403, msg);
	else
		web_error(w, 403, msg);
	return false;
}

static bool csrf_ok(struct web *w)
{
	const char *sent = web_field(w, "csrf");
	if (w->csrf)
		return *sent && secret_equal(sent, w->csrf);
	/* before log-in: the double-submit cookie of the log-in form */
	const char *pre = request_cookie(w->r, PRELOGIN_COOKIE);
	return pre && *sent && secret_equal(sent, pre);
}

static bool hex_secret(const char *s)
{
	return s && strlen(s) == SECRET_HEX - 1 && strspn(s, "0123456789abcdef") == SECRET_HEX - 1;
}

const char *web_prelogin_token(struct web *w)
{
	const char *pre = request_cookie(w->r, PRELOGIN_COOKIE);
	if (hex_secret(pre))
		return pre;
	char *tok = arena_alloc(w->a, SECRET_HEX);
	secret_random(tok);
	response_header(w->r, "Set-Cookie", arena_printf(w->a, PRELOGIN_COOKIE "=%s%s", tok, cookie_flags(w)));
	return tok;
}

const char *web_respondent_key(struct web *w)
{
	const char *key = request_cookie(w->r, RESPONDENT_COOKIE);
	if (hex_secret(key))
		return key;
	char *tok = arena_alloc(w->a, SECRET_HEX);
	secret_random(tok);
	/* only the answering pages see it; kept while a questionnaire may stay open */
	response_header(w->r, "Set-Cookie", arena_printf(w->a, RESPONDENT_COOKIE "=%s; Path=/respond; HttpOnly; SameSite=Lax%s; Max-Age=31536000",
							 tok, w->secure_cookies ? "; Secure" : ""));
	return tok;
}

void web_set_session_cookie(struct web *w, const char *token)
{
	if (token)
		response_header(w->r, "Set-Cookie", arena_printf(w->a, SESSION_COOKIE "=%s%s; Max-Age=%d", token,
								 cookie_flags(w), SESSION_SECONDS));
	else
		response_header(w->r, "Set-Cookie", arena_printf(w->a, SESSION_COOKIE "=%s; Max-Age=0", cookie_flags(w)));
}

void web_set_language_cookie(struct web *w, enum lang l)
{
	response_header(w->r, "Set-Cookie", arena_printf(w->a, LANG_COOKIE "=%s; Path=/; SameSite=Lax; Max-Age=31536000%s",
							 lang_code(l), w->secure_cookies ? "; Secure" : ""));
}

/* Did the browser reach the trusted proxy over https? The last value of
 * X-Forwarded-Proto is the one the proxy nearest to leergang set. */
static bool forwarded_https(struct request *r)
{
	const char *v = request_header(r, "X-Forwarded-Proto");
	if (!v)
		return false;
	const char *last = strrchr(v, ',');
	last = last ? last + 1 : v;
	last += strspn(last, " \t");
	size_t n = strcspn(last, " \t");
	return n == 5 && !strncasecmp(last, "https", 5) && !last[n + strspn(last + n, " \t")];
}

/* Behind a trusted proxy the client is the address the proxy nearest to
 * leergang added last to X-Forwarded-For (what the client sent before it
 * is the client's word); without a usable one, the connection's (the
 * proxy's). Sign-in delays count per client address (throttle.h). */
static void forwarded_client(struct request *r)
{
	const char *v = request_header(r, "X-Forwarded-For");
	if (!v)
		return;
	const char *last = strrchr(v, ',');
	last = last ? last + 1 : v;
	last += strspn(last, " \t");
	size_t n = strcspn(last, " \t");
	if (!n || n >= INET6_ADDRSTRLEN || last[n + strspn(last + n, " \t")])
		return;
	char addr[INET6_ADDRSTRLEN];
	memcpy(addr, last, n);
	addr[n] = '\0';
	unsigned char bin[sizeof(struct in6_addr)];
	if (inet_pton(AF_INET, addr, bin) == 1 || inet_pton(AF_INET6, addr, bin) == 1)
		r->peer = arena_strdup(r->a, addr);
}

/* The route of the request, its {id}s in w->id; NULL after answering 404
 * (no such path) or 405 (the path, not with this method: Allow lists the
 * methods it has). */
static const struct route *route_of(struct web *w)
{
	struct request *r = w->r;
	const struct route *found = NULL;
	bool path_known = false;
	struct buf allow = BUF_INIT;
	for (const struct route *rt = routes; rt->method; rt++) {
		long long id[2] = { 0, 0 };
		if (!match(rt->pattern, r->path, id))
			continue;
		path_known = true;
		if (allow.len)
			buf_adds(&allow, ", ");
		buf_adds(&allow, rt->method);
		if (!strcmp(rt->method, r->method) || (!strcmp(r->method, "HEAD") && !strcmp(rt->method, "GET"))) {
			found = rt;
			memcpy(w->id, id, sizeof(id));
			break;
		}
	}
	if (!found) {
		bool api = !strncmp(r->path, "/api/", 5);
		if (path_known) {
			response_header(r, "Allow", arena_strdup(w->a, allow.ptr));
			if (api)
				web_json_error(w, 405, _("This method is not allowed here."));
			else
				web_error(w, 405, _("This action cannot be done on this address."));
		} else if (api) {
			web_json_error(w, 404, _("There is nothing at this address."));
		} else {
			web_not_found(w);
		}
	}
	buf_release(&allow);
	return found;
}

/* Whether the route's access rule lets the caller in; if not, answered:
 * 401 (or to the log-in page) for no one signed in, 403 for a role
 * without access. */
static bool access_ok(struct web *w, bool api)
{
	unsigned access = w->route->access;
	if (access & ACCESS_PUBLIC)
		return true;
	if (!w->signed_in) {
		if (api) {
			response_header(w->r, "WWW-Authenticate", "Bearer");
			web_json_error(w, 401, _("Log in first: send an API token as 'Authorization: Bearer TOKEN'."));
		} else if (!strcmp(w->r->method, "GET")) {
			web_redirect(w, arena_printf(w->a, "/login?next=%s", url_encode(w->a, w->r->path)));
		} else {
			web_error(w, 401, _("Your session has ended. Log in again and repeat what you did."));
		}
		return false;
	}
	if (!(access & ACCESS_SIGNED_IN) && !(access & w->who.roles)) {
		if (api)
			web_json_error(w, 403, _("Your role does not give access to this."));
		else
			web_error(w, 403, _("Your role does not give access to this page."));
		return false;
	}
	return true;
}

/* Whether a request that changes something (every method but GET and
 * HEAD) carries the CSRF token it must; if not, answered 403. */
static bool post_csrf_ok(struct web *w, bool api)
{
	if (!strcmp(w->r->method, "GET") || !strcmp(w->r->method, "HEAD"))
		return true;
	if (!api && !csrf_ok(w)) {
		web_error(w, 403, _("The form has expired or did not come from leergang. Go back, reload the page and try again."));
		return false;
	}
	/* The API with the session cookie (a script in the browser) sends the
	 * CSRF token as a header, which another site cannot set; with a bearer
	 * token there is no cookie to abuse. */
	if (api && w->session) {
		const char *sent = request_header(w->r, "X-CSRF-Token");
		if (!sent || !w->csrf || !secret_equal(sent, w->csrf)) {
			web_json_error(w, 403, _("Send the CSRF token of your session in the X-CSRF-Token header."));
			return false;
		}
	}
	return true;
}

void web_handle(struct request *r, void *appv)
{
	struct app *app = appv;
	struct web w = { 0 };
	if (app->trust_proxy)
		forwarded_client(r);
	w.r = r;
	w.a = r->a;
	w.st = r->st;
	w.out = &r->out;
	w.secure_cookies = app->secure_cookies || (app->trust_proxy && forwarded_https(r));
	w.public_url = app->public_url;
	w.ctx.st = r->st;
	w.ctx.a = r->a;
	w.ctx.who = &w.who;
	choose_language(&w);

	if (!(w.route = route_of(&w)))
		return;
	identify(&w);
	bool api = w.route->kind == ROUTE_API;
	const char *idempotency_key;
	if (!access_ok(&w, api) || !token_ok(&w, api) || !post_csrf_ok(&w, api) ||
	    !web_idempotency_begin(&w, &idempotency_key))
		return;
	/* No room on the password lane: answered here, and the gate refuses at
	 * once, so the route gives its own "try again shortly" without hashing
	 * on a request thread. */
	pwgate_refuse_here(r->busy);
	w.route->fn(&w);
	pwgate_refuse_here(false);
	web_idempotency_end(&w, idempotency_key);
}

bool web_on_lane(const struct request *r, void *app)
{
	for (const struct route *rt = routes; rt->method; rt++) {
		long long id[2] = { 0, 0 };
		if (!strcmp(rt->method, r->method) && match(rt->pattern, r->path, id))
			return rt->kind == ROUTE_PAGE_PASSWORD;
	}
	return false;
}

void web_redirect(struct web *w, const char *location)
{
	w->r->status = 303;
	response_header(w->r, "Location", location);
	buf_reset(w->out);
}

void web_json(struct web *w, int status, json_t *body)
{
	w->r->status = status;
	w->r->response_type = "application/json; charset=utf-8";
	/* 15 significant digits: a rounded figure (1.3) comes out as written */
	char *s = json_dumps(body, JSON_COMPACT | JSON_ENSURE_ASCII | JSON_REAL_PRECISION(15));
	buf_reset(w->out);
	if (s) {
		buf_adds(w->out, s);
		free(s);
	}
	json_decref(body);
}

/* The machine-readable name of an error status, the same for every route
 * (the OpenAPI description lists them as the Error schema's codes). */
const char *web_error_code(int status)
{
	switch (status) {
	case 400: return "bad_request";
	case 401: return "unauthenticated";
	case 403: return "forbidden";
	case 404: return "not_found";
	case 405: return "method_not_allowed";
	case 409: return "conflict";
	case 412: return "precondition_failed";
	case 413: return "too_large";
	case 415: return "unsupported_media_type";
	case 422: return "invalid";
	case 428: return "precondition_required";
	case 429: return "too_many_requests";
	default: return status >= 500 ? "internal" : "error";
	}
}

json_t *web_error_object(int status, const char *message, const char *field)
{
	assert(status >= 400 && message);
	return json_pack("{s:s, s:s, s:o}", "code", web_error_code(status), "message", message, "field",
			 field && *field ? json_string(field) : json_null());
}

void web_json_error_field(struct web *w, int status, const char *message, const char *field)
{
	web_json(w, status, json_pack("{s:o}", "error", web_error_object(status, message, field)));
}

void web_json_error(struct web *w, int status, const char *message)
{
	web_json_error_field(w, status, message, NULL);
}

const char *web_arg(struct web *w, const char *name)
{
	return kv_get(&w->r->query, name);
}

const char *web_field(struct web *w, const char *name)
{
	const char *v = kv_get(&w->r->form, name);
	return v ? v : "";
}

long long web_arg_int(struct web *w, const char *name, long long dflt)
{
	long long v = dflt;
	return int_parse(web_arg(w, name), -WEB_ID_MAX, WEB_ID_MAX, &v) == INT_NOT_A_NUMBER || v < 0 ? dflt : v;
}

long long web_arg_clamped(struct web *w, const char *name, long long dflt, long long min, long long max)
{
	long long v = dflt;
	int_parse(web_arg(w, name), min, max, &v);
	return v;
}

bool web_arg_checked(struct web *w, const char *name, long long dflt, long long min, long long max, long long *v)
{
	*v = dflt;
	enum int_read r = int_parse(web_arg(w, name), min, max, v);
	if (r == INT_OK || r == INT_ABSENT)
		return true;
	const char *msg = arena_printf(w->a, _("%s must be a whole number from %lld to %lld."), name, min, max);
	if (w->route && w->route->kind == ROUTE_API)
		web_json_error(w, 400, msg);
	else
		web_error(w, 400, msg);
	return false;
}

long long web_field_int(struct web *w, const char *name, long long min, long long max, long long bad)
{
	long long v = bad;
	return int_parse(web_field(w, name), min, max, &v) == INT_OK ? v : bad;
}

long long web_value_id(const char *value)
{
	long long v = -1;
	return int_parse(value, 0, WEB_ID_MAX, &v) == INT_OK ? v : -1;
}

long long web_field_id(struct web *w, const char *name)
{
	return web_value_id(web_field(w, name));
}

bool web_field_ids(struct web *w, const char *field, long long **ids, size_t *n)
{
	const struct kvlist *form = &w->r->form;
	*ids = arena_alloc(w->a, (form->n + 1) * sizeof(**ids));
	*n = 0;
	bool ok = true;
	for (size_t i = 0; i < form->n; i++) {
		if (strcmp(form->items[i].key, field))
			continue;
		long long id = web_value_id(form->items[i].value);
		if (id < 0)
			ok = false;
		else if (id > 0)
			(*ids)[(*n)++] = id;
	}
	return ok;
}

long long web_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

const char *web_base_url(struct web *w)
{
	if (w->public_url)
		return w->public_url;
	const char *host = request_header(w->r, "Host");
	/* the Host header is the client's word; only a plain host[:port] is used */
	if (!host || !*host || strspn(host, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:[]") != strlen(host))
		host = "127.0.0.1:8080";
	return arena_printf(w->a, "%s://%s", w->secure_cookies ? "https" : "http", host);
}

const char *web_number(struct web *w, double v, int decimals)
{
	return i18n_number(w->a, w->lang, v, decimals);
}
