/* server.c — libmicrohttpd glue: one request state per connection, body
 * accumulation with a limit, the framing checks of RFC 9112, per-thread
 * database connections, the hand-over of password requests to the lane,
 * responses with the security headers every answer carries. */
#include "server.h"
#include "header_deadline.h"
#include "hold.h"
#include "lane.h"
#include "core/die.h"
#include "core/utf8.h"
#include "store/store.h"

#include <errno.h>
#include <microhttpd.h>
#include <netdb.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

/* Where a request that went to the password lane stands. */
enum lane_state { LANE_NONE, LANE_RUNNING, LANE_DONE, LANE_DROPPED };

struct conn_state {
	struct arena a;
	struct buf body;
	bool too_big;
	bool answered;
	struct MHD_Connection *conn;
	struct request *req;   /* while on the lane, and its answer after */
	int lane;              /* enum lane_state, atomic; LANE_DONE also for a held refusal */
};

static const struct http_config *config;
static struct lane *lane;
static struct hold *hold;  /* refusals of the lane, sent after HTTP_BUSY_HOLD_MS */
static int suspended;      /* connections on the lane or held, not yet back (atomic) */

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
				"default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self'; "
				"form-action 'self'; "
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
static enum MHD_Result answer_refusal(struct MHD_Connection *c, struct conn_state *s, int status, bool framing)
{
	struct request r = { 0 };
	r.a = &s->a;
	r.bad_framing = framing;
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
	if (status == 503)
		response_header(&r, "Retry-After", "5");
	s->answered = true;
	return send_response(c, &r);
}

static enum MHD_Result answer_error(struct MHD_Connection *c, struct conn_state *s, int status)
{
	return answer_refusal(c, s, status, false);
}

struct framing {
	int content_length, transfer_encoding;
	const char *coding;
};

static enum MHD_Result count_framing(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
	struct framing *f = cls;
	if (!strcasecmp(key, "Content-Length")) {
		f->content_length++;
	} else if (!strcasecmp(key, "Transfer-Encoding")) {
		f->transfer_encoding++;
		f->coding = value;
	}
	return MHD_YES;
}

/* RFC 9112 §6.3: a body's length comes from one Content-Length or from
 * Transfer-Encoding: chunked, never from both and never from two
 * Content-Lengths, or a proxy in front and this server may split the
 * stream into different requests (request smuggling). libmicrohttpd 0.9.75
 * refuses a malformed Content-Length but takes the first of two, and
 * follows chunked when both are there; these are refused here with 400.
 * Transfer-Encoding in an HTTP/1.0 request is faulty framing too (§6.1);
 * a coding other than chunked is not implemented (501). */
static int framing_status(struct MHD_Connection *c, const char *version)
{
	struct framing f = { 0 };
	MHD_get_connection_values(c, MHD_HEADER_KIND, count_framing, &f);
	if (f.content_length > 1)
		return 400;
	if (!f.transfer_encoding)
		return 0;
	if (f.content_length || f.transfer_encoding > 1 || strcmp(version, MHD_HTTP_VERSION_1_1))
		return 400;
	if (!f.coding || strcasecmp(f.coding, "chunked"))
		return 501;
	return 0;
}

/* Runs a request on a lane thread; its connection is suspended meanwhile. */
static void lane_run(void *job)
{
	struct conn_state *s = job;
	struct request *r = s->req;
	r->st = store_for_thread();
	if (r->st) {
		r->status = 200;
		buf_init(&r->out, 8192);
		config->handler(r, config->app);
	}
	__atomic_store_n(&s->lane, r->st ? LANE_DONE : LANE_DROPPED, __ATOMIC_RELEASE);
	MHD_resume_connection(s->conn);
}

/* A request still waiting when the lane stops: answered 503. */
static void lane_drop(void *job)
{
	struct conn_state *s = job;
	__atomic_store_n(&s->lane, LANE_DROPPED, __ATOMIC_RELEASE);
	MHD_resume_connection(s->conn);
}

/* A held refusal's time is up. */
static void hold_release(void *job)
{
	struct conn_state *s = job;
	MHD_resume_connection(s->conn);
}

/* Back from the lane or from being held: sends what was made. */
static enum MHD_Result lane_answer(struct MHD_Connection *c, struct conn_state *s, int state)
{
	__atomic_fetch_sub(&suspended, 1, __ATOMIC_ACQ_REL);
	if (state == LANE_DROPPED)
		return answer_error(c, s, 503);
	s->answered = true;
	enum MHD_Result ret = send_response(c, s->req);
	buf_release(&s->req->out);
	return ret;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url, const char *method,
				  const char *version, const char *upload_data, size_t *upload_data_size,
				  void **con_cls)
{
	struct conn_state *s = *con_cls;
	if (!s) {
		/* the first call comes when the headers are complete */
		header_deadline_headers_done(c);
		s = xcalloc(1, sizeof(*s));
		*con_cls = s;
		if (MHD_get_connection_values(c, MHD_HEADER_KIND, NULL, NULL) > HTTP_MAX_HEADERS)
			return answer_error(c, s, 431);
		int framing = framing_status(c, version);
		if (framing)
			return answer_refusal(c, s, framing, true);
		const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Length");
		if (cl && strtoull(cl, NULL, 10) > HTTP_MAX_BODY)
			return answer_error(c, s, 413);
		return MHD_YES;
	}
	if (s->answered)
		return MHD_YES;
	int state = __atomic_load_n(&s->lane, __ATOMIC_ACQUIRE);
	if (state == LANE_DONE || state == LANE_DROPPED)
		return lane_answer(c, s, state);
	if (state == LANE_RUNNING)
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

	/* in the arena: a request on the lane outlives this call */
	struct request *r = arena_alloc(&s->a, sizeof(*r));
	r->a = &s->a;
	r->method = method;
	r->path = url;
	const union MHD_ConnectionInfo *peer = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	request_set_peer(r, peer ? peer->client_addr : NULL);
	r->body = s->body.ptr ? s->body.ptr : "";
	r->body_len = s->body.len;
	struct collect_ctx x = { r, 0 };
	MHD_get_connection_values(c, MHD_HEADER_KIND, collect_header, &x);
	if (!x.status)
		MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, collect_arg, &x);
	if (!x.status)
		x.status = request_finish(r);
	if (x.status)
		return answer_error(c, s, x.status);
	if (config->on_lane && config->on_lane(r, config->app)) {
		if (lane && lane_reserve(lane)) {
			s->conn = c;
			s->req = r;
			s->lane = LANE_RUNNING;
			__atomic_fetch_add(&suspended, 1, __ATOMIC_ACQ_REL);
			MHD_suspend_connection(c);
			lane_submit(lane, s);
			return MHD_YES;
		}
		r->busy = true;
	}
	r->st = store_for_thread();
	if (!r->st)
		return answer_error(c, s, 503);
	r->status = 200;
	buf_init(&r->out, 8192);
	config->handler(r, config->app);
	if (r->busy && hold) {
		/* the refusal goes out after a pause, the connection suspended */
		s->conn = c;
		s->req = r;
		__atomic_store_n(&s->lane, LANE_DONE, __ATOMIC_RELEASE);
		__atomic_fetch_add(&suspended, 1, __ATOMIC_ACQ_REL);
		MHD_suspend_connection(c);
		hold_add(hold, s);
		return MHD_YES;
	}
	s->answered = true;
	enum MHD_Result ret = send_response(c, r);
	buf_release(&r->out);
	return ret;
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls, enum MHD_RequestTerminationCode toe)
{
	header_deadline_request_done(c);
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

/* Opens the listening socket. SO_REUSEADDR lets a restarted server bind
 * while its old connections linger; SO_REUSEPORT is not set, because with
 * it a second `leergang serve` on the same port would start as well and the
 * kernel would share the connections between two databases. */
static int open_listener(const char *where, const struct sockaddr_storage *ss, socklen_t len)
{
	if (ss->ss_family != AF_INET && ss->ss_family != AF_INET6)
		die("cannot listen on %s: not an IPv4 or IPv6 address", where);
	int fd = socket(ss->ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		die("cannot listen on %s: %s", where, strerror(errno));
	int one = 1;
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (ss->ss_family == AF_INET6)
		setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof(one));
	if (bind(fd, (const struct sockaddr *)ss, len)) {
		int e = errno;
		close(fd);
		if (e == EADDRINUSE)
			die("cannot listen on %s: the port is in use (is another leergang serve running on it?)", where);
		if (e == EACCES)
			die("cannot listen on %s: not allowed (ports below 1024 need privileges)", where);
		if (e == EADDRNOTAVAIL)
			die("cannot listen on %s: this machine has no such address", where);
		die("cannot listen on %s: %s", where, strerror(e));
	}
	if (listen(fd, SOMAXCONN)) {
		int e = errno;
		close(fd);
		die("cannot listen on %s: %s", where, strerror(e));
	}
	return fd;
}

int http_listen(struct http_config *cfg)
{
	struct sockaddr_storage ss;
	socklen_t sslen;
	parse_listen(cfg->listen, &ss, &sslen);
	cfg->listen_fd = open_listener(cfg->listen, &ss, sslen);
	cfg->listen_family = ss.ss_family;
	return cfg->listen_fd;
}

/* libmicrohttpd's messages, at most LOG_PER_MINUTE a minute: a flood of
 * refused connections would otherwise write a line for each. The count of
 * those left out comes with the next message after the minute, or at stop. */
#define LOG_PER_MINUTE 20
static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;
static time_t log_minute;
static unsigned log_in_minute, log_left_out;

/* Under log_lock. */
static void log_count_left_out(void)
{
	if (log_left_out)
		fprintf(stderr, "leergang: http: %u more messages left out (at most %d a minute are written)\n",
			log_left_out, LOG_PER_MINUTE);
	log_left_out = 0;
}

__attribute__((format(printf, 2, 0))) static void log_mhd(void *cls, const char *fmt, va_list ap)
{
	char line[512];
	vsnprintf(line, sizeof(line), fmt, ap);
	size_t len = strlen(line);
	if (len && line[len - 1] == '\n')
		line[len - 1] = '\0';
	time_t now = time(NULL);
	pthread_mutex_lock(&log_lock);
	if (now - log_minute >= 60) {
		log_count_left_out();
		log_minute = now;
		log_in_minute = 0;
	}
	if (log_in_minute++ < LOG_PER_MINUTE)
		fprintf(stderr, "leergang: http: %s\n", line);
	else
		log_left_out++;
	pthread_mutex_unlock(&log_lock);
}

int http_serve(const struct http_config *cfg)
{
	config = cfg;
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG | MHD_USE_EPOLL | MHD_ALLOW_SUSPEND_RESUME;
	if (cfg->listen_family == AF_INET6)
		flags |= MHD_USE_IPv6;

	/* Block the stop signals so that only the main thread receives them. */
	sigset_t stop;
	sigemptyset(&stop);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &stop, NULL);
	signal(SIGPIPE, SIG_IGN);

	if (cfg->on_lane) {
		lane = lane_start(cfg->lane_threads, cfg->lane_nice, lane_run, lane_drop);
		hold = hold_start(HTTP_BUSY_HOLD_MS, hold_release);
	}
	header_deadline_start(HTTP_HEADER_SECONDS * 1000u);
	struct MHD_Daemon *d = MHD_start_daemon(flags, 0, NULL, NULL, on_request, NULL,
		MHD_OPTION_EXTERNAL_LOGGER, log_mhd, NULL,  /* first, or MHD warns */
		MHD_OPTION_LISTEN_SOCKET, cfg->listen_fd,
		MHD_OPTION_THREAD_POOL_SIZE, cfg->threads ? cfg->threads : 4u,
		MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)HTTP_HEADER_MEMORY,
		MHD_OPTION_CONNECTION_LIMIT, (unsigned)HTTP_MAX_CONNECTIONS,
		MHD_OPTION_PER_IP_CONNECTION_LIMIT, cfg->per_address,
		MHD_OPTION_CONNECTION_TIMEOUT, 30u,
		MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL,
		MHD_OPTION_NOTIFY_CONNECTION, header_deadline_notify, NULL,
		MHD_OPTION_END);
	if (!d)
		die("cannot serve on %s: libmicrohttpd did not start", cfg->listen);
	fprintf(stderr, "leergang: listening on http://%s\n", cfg->listen);

	int sig;
	sigwait(&stop, &sig);
	fprintf(stderr, "leergang: stopping\n");
	/* No suspended connection may be left when the daemon stops: the lane
	 * finishes what runs and answers what waits, the held refusals go out,
	 * and the request threads send all these before the daemon goes. */
	if (lane) {
		lane_stop(lane);
		hold_stop(hold);
		for (int i = 0; i < 500 && __atomic_load_n(&suspended, __ATOMIC_ACQUIRE) > 0; i++)
			usleep(10000);
	}
	MHD_stop_daemon(d);
	pthread_mutex_lock(&log_lock);
	log_count_left_out();
	pthread_mutex_unlock(&log_lock);
	header_deadline_stop();
	lane_free(lane);
	lane = NULL;
	hold_free(hold);
	hold = NULL;
	for (size_t i = 0; i < nstores; i++)
		store_close(stores[i]);
	free(stores);
	stores = NULL;
	nstores = 0;
	return 0;
}
