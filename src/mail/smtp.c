/* smtp.c — the mail server connection on libcurl's SMTP: the settings
 * checked at start-up, one connection reused for a batch, and a failure
 * told apart as "this message" (go on) or "the server" (stop). */
#include "mail/smtp.h"
#include "mail/message.h"

#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct smtp_config installed;
static bool have_config;

static bool loopback(const char *host)
{
	return !strcmp(host, "localhost") || !strncmp(host, "127.", 4) || !strcmp(host, "::1") ||
	       !strcmp(host, "[::1]");
}

int smtp_config_check(const struct smtp_config *cfg, char *err, size_t errlen)
{
	if (!cfg->url || !*cfg->url) {
		snprintf(err, errlen, "LEERGANG_SMTP_URL is empty; give smtp://host:port or smtps://host:port");
		return -1;
	}
	for (const unsigned char *p = (const unsigned char *)cfg->url; *p; p++)
		if (*p <= ' ' || *p >= 0x7f) {
			snprintf(err, errlen, "LEERGANG_SMTP_URL may not contain spaces or control characters");
			return -1;
		}
	CURLU *u = curl_url();
	char *scheme = NULL, *host = NULL, *user = NULL, *password = NULL;
	int rc = -1;
	if (!u || curl_url_set(u, CURLUPART_URL, cfg->url, 0) ||
	    curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) || curl_url_get(u, CURLUPART_HOST, &host, 0) || !*host)
		snprintf(err, errlen, "LEERGANG_SMTP_URL \"%s\" is not a URL; give smtp://host:port or smtps://host:port",
			 cfg->url);
	else if (strcmp(scheme, "smtp") && strcmp(scheme, "smtps"))
		snprintf(err, errlen, "LEERGANG_SMTP_URL must start with smtp:// or smtps://, not %s://", scheme);
	else if (!curl_url_get(u, CURLUPART_USER, &user, 0) || !curl_url_get(u, CURLUPART_PASSWORD, &password, 0))
		snprintf(err, errlen, "LEERGANG_SMTP_URL holds a user name or password; give them in "
				      "LEERGANG_SMTP_USER and LEERGANG_SMTP_PASSWORD instead");
	else if (!mail_address_valid(cfg->from))
		snprintf(err, errlen, "LEERGANG_SMTP_FROM \"%s\" is not a plain e-mail address such as "
				      "leergang@example.nl", cfg->from ? cfg->from : "");
	else if (!cfg->user != !cfg->password)
		snprintf(err, errlen, "give both LEERGANG_SMTP_USER and LEERGANG_SMTP_PASSWORD, or neither");
	else if (cfg->user && !strcmp(scheme, "smtp") && !cfg->starttls && !loopback(host))
		snprintf(err, errlen, "a password is only sent encrypted: use smtps:// or set LEERGANG_SMTP_STARTTLS=1");
	else
		rc = 0;
	curl_free(scheme);
	curl_free(host);
	curl_free(user);
	curl_free(password);
	curl_url_cleanup(u);
	return rc;
}

void smtp_use(const struct smtp_config *cfg)
{
	if (cfg && !have_config)
		curl_global_init(CURL_GLOBAL_DEFAULT);
	else if (!cfg && have_config)
		curl_global_cleanup();
	have_config = cfg != NULL;
	if (cfg)
		installed = *cfg;
}

const struct smtp_config *smtp_configured(void)
{
	return have_config ? &installed : NULL;
}

struct smtp {
	CURL *curl;
	char err[CURL_ERROR_SIZE];
};

struct smtp *smtp_open(void)
{
	const struct smtp_config *cfg = smtp_configured();
	if (!cfg)
		return NULL;
	struct smtp *s = calloc(1, sizeof(*s));
	if (!s || !(s->curl = curl_easy_init())) {
		free(s);
		return NULL;
	}
	CURL *c = s->curl;
	curl_easy_setopt(c, CURLOPT_URL, cfg->url);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);          /* threads: no SIGALRM */
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 15L);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, 60L);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, s->err);
	curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
	if (cfg->starttls)
		curl_easy_setopt(c, CURLOPT_USE_SSL, (long)CURLUSESSL_ALL);
	if (cfg->user) {
		curl_easy_setopt(c, CURLOPT_USERNAME, cfg->user);
		curl_easy_setopt(c, CURLOPT_PASSWORD, cfg->password);
	}
	char *from = NULL;
	size_t n = strlen(cfg->from) + 3;
	if (!(from = malloc(n))) {
		smtp_close(s);
		return NULL;
	}
	snprintf(from, n, "<%s>", cfg->from);
	curl_easy_setopt(c, CURLOPT_MAIL_FROM, from);   /* libcurl keeps its own copy */
	free(from);
	return s;
}

struct reader {
	const char *p;
	size_t left;
};

static size_t read_message(char *out, size_t size, size_t nitems, void *userdata)
{
	struct reader *r = userdata;
	size_t n = size * nitems < r->left ? size * nitems : r->left;
	memcpy(out, r->p, n);
	r->p += n;
	r->left -= n;
	return n;
}

enum smtp_result smtp_send(struct smtp *s, const char *to, const char *msg, size_t len)
{
	if (!mail_address_valid(to))
		return SMTP_REFUSED;
	char rcpt[260];
	snprintf(rcpt, sizeof(rcpt), "<%s>", to);
	struct curl_slist *list = curl_slist_append(NULL, rcpt);
	if (!list)
		return SMTP_REFUSED;
	struct reader r = { msg, len };
	curl_easy_setopt(s->curl, CURLOPT_MAIL_RCPT, list);
	curl_easy_setopt(s->curl, CURLOPT_READFUNCTION, read_message);
	curl_easy_setopt(s->curl, CURLOPT_READDATA, &r);
	curl_easy_setopt(s->curl, CURLOPT_INFILESIZE_LARGE, (curl_off_t)len);
	s->err[0] = '\0';
	CURLcode rc = curl_easy_perform(s->curl);
	curl_easy_setopt(s->curl, CURLOPT_MAIL_RCPT, NULL);
	curl_slist_free_all(list);
	if (rc == CURLE_OK)
		return SMTP_SENT;
	long code = 0;
	curl_easy_getinfo(s->curl, CURLINFO_RESPONSE_CODE, &code);
	/* the reason only: libcurl's messages name no address and no text */
	fprintf(stderr, "leergang: mail not sent: %s (%ld)\n", s->err[0] ? s->err : curl_easy_strerror(rc), code);
	switch (rc) {
	case CURLE_UNSUPPORTED_PROTOCOL:
	case CURLE_URL_MALFORMAT:
	case CURLE_COULDNT_RESOLVE_HOST:
	case CURLE_COULDNT_CONNECT:
	case CURLE_OPERATION_TIMEDOUT:
	case CURLE_LOGIN_DENIED:
	case CURLE_AUTH_ERROR:
	case CURLE_USE_SSL_FAILED:
	case CURLE_SSL_CONNECT_ERROR:
	case CURLE_PEER_FAILED_VERIFICATION:
	case CURLE_SSL_CACERT_BADFILE:
	case CURLE_WEIRD_SERVER_REPLY:
		return SMTP_UNREACHABLE;
	default:
		return SMTP_REFUSED;
	}
}

void smtp_close(struct smtp *s)
{
	if (!s)
		return;
	curl_easy_cleanup(s->curl);
	free(s);
}
