/* request.c — the parts of a request that leergang reads itself, apart from
 * the socket: headers and cookies as lists, the query string and the body
 * parsed and checked. The server fills a struct request through these, and
 * the request fuzzer drives them without one. */
#include "server.h"
#include "core/utf8.h"
#include "core/compiler.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>

const char *request_header(struct request *r, const char *name)
{
	for (size_t i = 0; i < r->headers.n; i++)
		if (!strcasecmp(r->headers.items[i].key, name))
			return r->headers.items[i].value;
	return NULL;
}

const char *request_cookie(struct request *r, const char *name)
{
	return kv_get(&r->cookies, name);
}

void response_header(struct request *r, const char *name, const char *value)
{
	if (r->nresp_headers < (int)ARRAY_SIZE(r->resp_headers)) {
		r->resp_headers[r->nresp_headers].name = name;
		r->resp_headers[r->nresp_headers].value = value;
		r->nresp_headers++;
	}
}

void request_set_peer(struct request *r, const struct sockaddr *sa)
{
	char text[INET6_ADDRSTRLEN];
	r->peer = NULL;
	if (sa && sa->sa_family == AF_INET &&
	    inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr, text, sizeof(text)))
		r->peer = arena_strdup(r->a, text);
	else if (sa && sa->sa_family == AF_INET6 &&
		 inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr, text, sizeof(text)))
		r->peer = arena_strdup(r->a, text);
}

int request_add_header(struct request *r, const char *name, const char *value)
{
	if (r->headers.n >= HTTP_MAX_HEADERS)
		return 431;
	kv_add(r->a, &r->headers, name, value ? value : "", value ? strlen(value) : 0);
	return 0;
}

int request_add_arg(struct request *r, const char *key, const char *value)
{
	size_t vlen = value ? strlen(value) : 0;
	if (!key || !utf8_valid(key, strlen(key)) || (value && !utf8_valid(value, vlen)) ||
	    r->query.n >= PARSE_MAX_FIELDS)
		return 400;
	kv_add(r->a, &r->query, key, value ? value : "", vlen);
	return 0;
}

int request_read_cookies(struct request *r)
{
	const char *why = NULL;
	/* Every Cookie header counts (HTTP/2 may split them); a cookie we cannot
	 * read is skipped by cookie_parse, too many of them is an error. */
	for (size_t i = 0; i < r->headers.n; i++)
		if (!strcasecmp(r->headers.items[i].key, "Cookie") &&
		    cookie_parse(r->a, r->headers.items[i].value, &r->cookies, &why))
			return 400;
	return 0;
}

int request_finish(struct request *r)
{
	const char *why = NULL;
	if (!r->path || !utf8_valid(r->path, strlen(r->path)))
		return 400;
	r->content_type = request_header(r, "Content-Type");
	if (!r->content_type)
		r->content_type = "";
	if (request_read_cookies(r))
		return 400;
	const char *ct = r->content_type;
	if (!strncasecmp(ct, "application/x-www-form-urlencoded", 33))
		return form_parse(r->a, r->body, r->body_len, &r->form, &why) ? 400 : 0;
	if (!strncasecmp(ct, "multipart/form-data", 19)) {
		char *boundary;
		if (multipart_boundary(r->a, ct, &boundary, &why) ||
		    multipart_parse(r->a, r->body, r->body_len, boundary, &r->form, &r->files, &why))
			return 400;
	}
	return 0;  /* JSON, CSV...: the handler reads r->body */
}
