/* oidc_fetch.c — discovery, keys and the token request over libcurl
 * (oidc_fetch.h). */
#include "oidc_fetch.h"
#include "core/buf.h"

#include <curl/curl.h>
#include <jansson.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Discovery documents and key sets are a few kilobytes. */
#define ANSWER_MAX (256 * 1024)
#define FETCH_SECONDS 10L

static pthread_once_t curl_once = PTHREAD_ONCE_INIT;

static void curl_start(void)
{
	curl_global_init(CURL_GLOBAL_DEFAULT);
}

bool oidc_url_allowed(const char *url)
{
	if (!url || strlen(url) > 2000 || strpbrk(url, "# \t\r\n\"<>\\"))
		return false;
	const char *host;
	if (!strncmp(url, "https://", 8))
		host = url + 8;
	else if (!strncmp(url, "http://", 7))
		host = url + 7;
	else
		return false;
	size_t n = strcspn(host, "/?");
	if (!n || memchr(host, '@', n))
		return false;
	if (url[4] == 's')
		return true;
	/* plain http only to this machine */
	static const char *const loopback[] = { "127.0.0.1", "[::1]", "localhost" };
	for (size_t i = 0; i < sizeof(loopback) / sizeof(*loopback); i++) {
		size_t l = strlen(loopback[i]);
		if (n >= l && !strncasecmp(host, loopback[i], l) && (n == l || host[l] == ':'))
			return true;
	}
	return false;
}

char *oidc_escape(struct arena *a, const char *value)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n = strlen(value);
	char *out = arena_alloc(a, 3 * n + 1), *p = out;
	for (const unsigned char *s = (const unsigned char *)value; *s; s++) {
		if ((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || strchr("-._~", *s)) {
			*p++ = (char)*s;
		} else {
			*p++ = '%';
			*p++ = hex[*s >> 4];
			*p++ = hex[*s & 15];
		}
	}
	*p = '\0';
	return out;
}

static size_t collect(char *data, size_t size, size_t n, void *userp)
{
	struct buf *b = userp;
	if (b->len + size * n > ANSWER_MAX)
		return 0;   /* too large: the transfer fails */
	buf_add(b, data, size * n);
	return size * n;
}

/* GETs url (or POSTs form with HTTP Basic user:password when form) and
 * parses the JSON object of a 200 answer into *out. */
static int fetch_json(const char *url, const char *form, const char *user, const char *password, json_t **out,
		      const char **why)
{
	*out = NULL;
	if (!oidc_url_allowed(url)) {
		*why = "URL not allowed (https, or http to this machine only)";
		return -1;
	}
	pthread_once(&curl_once, curl_start);
	CURL *c = curl_easy_init();
	if (!c) {
		*why = "libcurl";
		return -1;
	}
	struct buf body = BUF_INIT;
	struct curl_slist *headers = curl_slist_append(NULL, "Accept: application/json");
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, FETCH_SECONDS);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, FETCH_SECONDS);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, collect);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, &body);
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
	if (form) {
		curl_easy_setopt(c, CURLOPT_POSTFIELDS, form);
		curl_easy_setopt(c, CURLOPT_HTTPAUTH, (long)CURLAUTH_BASIC);
		curl_easy_setopt(c, CURLOPT_USERNAME, user);
		curl_easy_setopt(c, CURLOPT_PASSWORD, password);
	}
	CURLcode rc = curl_easy_perform(c);
	long status = 0;
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
	curl_slist_free_all(headers);
	curl_easy_cleanup(c);
	int r = -1;
	if (rc != CURLE_OK)
		*why = curl_easy_strerror(rc);
	else if (status != 200)
		*why = "the provider answered with an error status";
	else if (!(*out = json_loadb(body.ptr, body.len, JSON_REJECT_DUPLICATES, NULL)) || !json_is_object(*out))
		*why = "the answer is not a JSON object";
	else
		r = 0;
	if (r && *out) {
		json_decref(*out);
		*out = NULL;
	}
	buf_release(&body);
	return r;
}

static char *member(struct arena *a, json_t *o, const char *name)
{
	return arena_strdup(a, json_string_value(json_object_get(o, name)));
}

int oidc_discover(struct arena *a, const char *issuer, struct oidc_discovery *d, const char **why)
{
	memset(d, 0, sizeof(*d));
	size_t n = strlen(issuer);
	/* OpenID Connect Discovery 1.0 §4: the issuer without its trailing slash */
	const char *url = arena_printf(a, "%.*s/.well-known/openid-configuration",
				       (int)(n && issuer[n - 1] == '/' ? n - 1 : n), issuer);
	json_t *doc;
	if (fetch_json(url, NULL, NULL, NULL, &doc, why))
		return -1;
	d->issuer = member(a, doc, "issuer");
	d->authorization_endpoint = member(a, doc, "authorization_endpoint");
	d->token_endpoint = member(a, doc, "token_endpoint");
	d->jwks_uri = member(a, doc, "jwks_uri");
	d->iss_parameter = json_is_true(json_object_get(doc, "authorization_response_iss_parameter_supported"));
	json_decref(doc);
	if (!d->issuer || strcmp(d->issuer, issuer)) {
		*why = "the discovery document names another issuer";
		return -1;
	}
	if (!oidc_url_allowed(d->authorization_endpoint) || !oidc_url_allowed(d->token_endpoint) ||
	    !oidc_url_allowed(d->jwks_uri)) {
		*why = "the discovery document lacks an endpoint, or names one that is not allowed";
		return -1;
	}
	return 0;
}

int oidc_fetch_jwks(struct arena *a, const struct oidc_discovery *d, char **jwks, const char **why)
{
	json_t *set;
	if (fetch_json(d->jwks_uri, NULL, NULL, NULL, &set, why))
		return -1;
	char *s = json_dumps(set, JSON_COMPACT);
	json_decref(set);
	*jwks = arena_strdup(a, s);
	free(s);
	return *jwks ? 0 : -1;
}

int oidc_exchange_code(struct arena *a, const struct oidc_discovery *d, const char *client_id, const char *secret,
		       const char *code, const char *verifier, const char *redirect_uri, char **id_token,
		       const char **why)
{
	/* RFC 6749 §2.3.1: id and secret form-encoded inside Basic */
	const char *form = arena_printf(a, "grant_type=authorization_code&code=%s&redirect_uri=%s&code_verifier=%s",
					oidc_escape(a, code), oidc_escape(a, redirect_uri), oidc_escape(a, verifier));
	json_t *answer;
	*id_token = NULL;
	if (fetch_json(d->token_endpoint, form, oidc_escape(a, client_id), oidc_escape(a, secret), &answer, why))
		return -1;
	*id_token = member(a, answer, "id_token");
	json_decref(answer);
	if (!*id_token) {
		*why = "the token answer has no id_token";
		return -1;
	}
	return 0;
}
