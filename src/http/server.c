/* server.c — libmicrohttpd glue: one request state per connection, body
 * accumulation with a limit, per-thread database connections, responses
 * with the security headers every answer carries. */
#include "server.h"
#include "core/die.h"
#include "core/utf8.h"
#include "store/store.h"

#include <microhttpd.h>
#include <netdb.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct conn_state {
	struct arena a;
	struct buf body;
	bool too_big;
	bool answered;
};

static const struct http_config *config;

/* Every thread opens its own connection once; they are closed at shutdown. */
static pthread_mutex_t stores_lock = PTHREAD_MUTEX_INITIALIZER;
static struct store **stores;
static size_t nstores;
static _Thread_local struct store *thread_store;

static struct store *store_for_thread(void)
{
	if (thread_store)
		return thread_store;
	struct buf err = BUF_INIT;
	struct store *st;
	if (store_open(config->db_path, &st, &err)) {
		warn("%s", err.ptr);
		buf_release(&err);
		return NULL;
	}
	pthread_mutex_lock(&stores_lock);
	stores = xrealloc(stores, (nstores + 1) * sizeof(*stores));
	stores[nstores++] = st;
	pthread_mutex_unlock(&stores_lock);
	thread_store = st;
	return st;
}

static enum MHD_Result send_response(struct MHD_Connection *c, struct request *r)
{
	size_t len;
	char *data = buf_detach(&r->out, &len);
	struct MHD_Response *resp = MHD_create_response_from_buffer_with_free_callback(len, data, free);
	if (!resp) {
		free(data);
		return MHD_NO;
	}
	MHD_add_response_header(resp, "Content-Type",
				r->response_type ? r->response_type : "text/html; charset=utf-8");
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "X-Frame-Options", "DENY");
	MHD_add_response_header(resp, "Referrer-Policy", "same-origin");
	MHD_add_response_header(resp, "Content-Security-Policy",
				"default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
				"frame-ancestors 'none'; base-uri 'none'");
	bool cache_set = false;
	for (int i = 0; i < r->nresp_headers; i++) {
		MHD_add_response_header(resp, r->resp_headers[i].name, r->resp_headers[i].value);
		if (!strcasecmp(r->resp_headers[i].name, "Cache-Control"))
			cache_set = true;
	}
	if (!cache_set)
		MHD_add_response_header(resp, "Cache-Control", "no-store");
	enum MHD_Result ret = MHD_queue_response(c, (unsigned)r->status, resp);
	MHD_destroy_response(resp);
	return ret;
}

struct collect_ctx {
	struct request *r;
	int status;  /* 0 while all is well */
};

static enum MHD_Result collect_header(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
	struct collect_ctx *x = cls;
	x->status = request_add_header(x->r, key, value);
	return x->status ? MHD_NO : MHD_YES;
}

static enum MHD_Result collect_arg(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
	struct collect_ctx *x = cls;
	x->status = request_add_arg(x->r, key, value);
	return x->status ? MHD_NO : MHD_YES;
}

/* Answers without calling the handler (bad request, too large...). */
static enum MHD_Result answer_error(struct MHD_Connection *c, struct conn_state *s, int status)
{
	struct request r = { 0 };
	r.a = &s->a;
	r.status = status;
	r.method = "GET";
	r.path = "/";
	/* headers and cookies only for the language of the error page */
	struct collect_ctx x = { &r, 0 };
	MHD_get_connection_values(c, MHD_HEADER_KIND, collect_header, &x);
	request_read_cookies(&r);
	buf_init(&r.out, 1024);
	if (config->error_page)
		config->error_page(&r, config->app, status);
	r.status = status;
	response_header(&r, "Connection", "close");
	s->answered = true;
	return send_response(c, &r);
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url, const char *method,
				  const char *version, const char *upload_data, size_t *upload_data_size,
				  void **con_cls)
{
	struct conn_state *s = *con_cls;
	if (!s) {
		s = xcalloc(1, sizeof(*s));
		*con_cls = s;
		if (MHD_get_connection_values(c, MHD_HEADER_KIND, NULL, NULL) > HTTP_MAX_HEADERS)
			return answer_error(c, s, 431);
		const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Length");
		if (cl && strtoull(cl, NULL, 10) > HTTP_MAX_BODY)
			return answer_error(c, s, 413);
		return MHD_YES;
	}
	if (s->answered)
		return MHD_YES;
	if (*upload_data_size) {
		if (!s->too_big && s->body.len + *upload_data_size > HTTP_MAX_BODY)
			s->too_big = true;
		if (!s->too_big)
			buf_add(&s->body, upload_data, *upload_data_size);
		*upload_data_size = 0;
		return MHD_YES;
	}
	if (s->too_big)
		return answer_error(c, s, 413);

	struct request r = { 0 };
	r.a = &s->a;
	r.method = method;
	r.path = url;
	const union MHD_ConnectionInfo *peer = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	request_set_peer(&r, peer ? peer->client_addr : NULL);
	r.body = s->body.ptr ? s->body.ptr : "";
	r.body_len = s->body.len;
	struct collect_ctx x = { &r, 0 };
	MHD_get_connection_values(c, MHD_HEADER_KIND, collect_header, &x);
	if (!x.status)
		MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, collect_arg, &x);
	if (!x.status)
		x.status = request_finish(&r);
	if (x.status)
		return answer_error(c, s, x.status);
	r.st = store_for_thread();
	if (!r.st)
		return answer_error(c, s, 503);
	r.status = 200;
	buf_init(&r.out, 8192);
	config->handler(&r, config->app);
	s->answered = true;
	enum MHD_Result ret = send_response(c, &r);
	buf_release(&r.out);
	return ret;
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls, enum MHD_RequestTerminationCode toe)
{
	struct conn_state *s = *con_cls;
	if (!s)
		return;
	arena_free(&s->a);
	buf_release(&s->body);
	free(s);
	*con_cls = NULL;
}

static void parse_listen(const char *listen, struct sockaddr_storage *ss, socklen_t *len)
{
	char host[256];
	const char *colon = strrchr(listen, ':');
	if (!colon || colon == listen || (size_t)(colon - listen) >= sizeof(host))
		die("--listen wants ADDRESS:PORT, such as 127.0.0.1:8080");
	memcpy(host, listen, (size_t)(colon - listen));
	host[colon - listen] = '\0';
	char *h = host;
	if (h[0] == '[') {
		h++;
		h[strcspn(h, "]")] = '\0';
	}
	struct addrinfo hints = { 0 }, *res;
	hints.ai_flags = AI_NUMERICSERV | AI_PASSIVE;
	hints.ai_socktype = SOCK_STREAM;
	int rc = getaddrinfo(h, colon + 1, &hints, &res);
	if (rc)
		die("cannot use listen address %s: %s", listen, gai_strerror(rc));
	memcpy(ss, res->ai_addr, res->ai_addrlen);
	*len = res->ai_addrlen;
	freeaddrinfo(res);
}

static void log_mhd(void *cls, const char *fmt, va_list ap)
{
	fputs("leergang: http: ", stderr);
	vfprintf(stderr, fmt, ap);
}

int http_serve(const struct http_config *cfg)
{
	config = cfg;
	struct sockaddr_storage ss;
	socklen_t sslen;
	parse_listen(cfg->listen, &ss, &sslen);
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG | MHD_USE_EPOLL;
	if (ss.ss_family == AF_INET6)
		flags |= MHD_USE_IPv6;

	/* Block the stop signals so that only the main thread receives them. */
	sigset_t stop;
	sigemptyset(&stop);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &stop, NULL);
	signal(SIGPIPE, SIG_IGN);

	struct MHD_Daemon *d = MHD_start_daemon(flags, 0, NULL, NULL, on_request, NULL,
		MHD_OPTION_EXTERNAL_LOGGER, log_mhd, NULL,  /* first, or MHD warns */
		MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
		MHD_OPTION_THREAD_POOL_SIZE, cfg->threads ? cfg->threads : 4u,
		MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)HTTP_HEADER_MEMORY,
		MHD_OPTION_CONNECTION_LIMIT, 2000u,
		MHD_OPTION_CONNECTION_TIMEOUT, 30u,
		MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL,
		MHD_OPTION_LISTENING_ADDRESS_REUSE, 1u,
		MHD_OPTION_END);
	if (!d)
		die("cannot listen on %s (is the port in use?)", cfg->listen);
	fprintf(stderr, "leergang: listening on http://%s\n", cfg->listen);

	int sig;
	sigwait(&stop, &sig);
	fprintf(stderr, "leergang: stopping\n");
	MHD_stop_daemon(d);
	for (size_t i = 0; i < nstores; i++)
		store_close(stores[i]);
	free(stores);
	stores = NULL;
	nstores = 0;
	return 0;
}
