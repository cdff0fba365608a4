/* server.h — the HTTP server of leergang on libmicrohttpd. It reads a whole
 * request (refusing oversized bodies with 413, too many headers with 431,
 * and a body length given twice or in two ways with 400), checks that the
 * path and query are valid UTF-8, parses forms and uploads, and hands a
 * struct request to one handler function. Every worker thread has its own
 * database connection. Against a flood: one client address holds at most
 * per_address connections, a request's headers must arrive within
 * HTTP_HEADER_SECONDS (header_deadline.h), and requests that hash a
 * password run on the password lane (lane.h); those it has no room for
 * are refused after a pause (hold.h). */
#ifndef LG_HTTP_SERVER_H
#define LG_HTTP_SERVER_H

#include "parse.h"
#include "core/arena.h"
#include "core/buf.h"

#include <stdbool.h>

#define HTTP_MAX_BODY (10u * 1024 * 1024)   /* an HR export of 50,000 people fits */
#define HTTP_MAX_HEADERS 100
#define HTTP_HEADER_MEMORY (64u * 1024)     /* request line + headers per connection */
#define HTTP_HEADER_SECONDS 10              /* to send a request's headers, however slowly */
#define HTTP_PER_ADDRESS 64                 /* default connections of one client address */
#define HTTP_MAX_CONNECTIONS 2000
#define HTTP_BUSY_HOLD_MS 1000              /* a refused sign-in waits this long for its answer (hold.h) */

struct store;

struct header {
	const char *name, *value;
};

struct request {
	struct arena *a;
	struct store *st;          /* this thread's connection */
	const char *peer;          /* the client's address ("192.0.2.1", "2001:db8::1"), or NULL */
	const char *method;        /* GET, POST, ... */
	const char *path;          /* percent-decoded, valid UTF-8 */
	struct kvlist headers;     /* as received; names compared without case */
	struct kvlist cookies;     /* from every Cookie header */
	struct kvlist query;       /* query-string arguments */
	struct kvlist form;        /* urlencoded or multipart fields of a POST */
	struct partlist files;     /* uploaded files */
	const char *content_type;  /* of the request, or "" */
	const char *body;          /* raw body (NUL-terminated), for JSON and CSV */
	size_t body_len;
	bool busy;                 /* belongs on the password lane, which had no room: answer "try again shortly" */
	bool bad_framing;          /* for the error page: Content-Length or Transfer-Encoding refused */

	/* the response, filled in by the handler */
	int status;
	const char *response_type; /* default "text/html; charset=utf-8" */
	struct buf out;
	struct header resp_headers[8];
	int nresp_headers;
};

/* Building a request (request.c): headers and query arguments one by one,
 * then request_finish once path and body are set. Each returns 0, or the
 * HTTP status to refuse the request with (400, 431). request_finish checks
 * the path is UTF-8, reads the cookies and parses a form or multipart body. */
int request_add_header(struct request *r, const char *name, const char *value);
int request_add_arg(struct request *r, const char *key, const char *value);
int request_finish(struct request *r);
/* Sets r->peer from the connection's address (NULL: none). */
struct sockaddr;
void request_set_peer(struct request *r, const struct sockaddr *sa);
/* Only the cookies (request_finish does this too). */
int request_read_cookies(struct request *r);

/* The value of a request header, or NULL. */
const char *request_header(struct request *r, const char *name);
/* The value of a cookie, or NULL. */
const char *request_cookie(struct request *r, const char *name);
/* Adds a response header; name and value must live until the response is sent
 * (the request arena is fine). */
void response_header(struct request *r, const char *name, const char *value);

typedef void (*http_handler)(struct request *r, void *app);

struct http_config {
	const char *listen;       /* "127.0.0.1:8080" */
	int listen_fd;            /* set by http_listen */
	int listen_family;
	const char *db_path;
	unsigned threads;
	http_handler handler;
	void *app;
	/* called once per request when the server has to answer on its own
	 * (413, 431, 400, 501): writes an error page into r->out */
	void (*error_page)(struct request *r, void *app, int status);
	/* true for a request whose handler may wait for the password gate: it
	 * runs on one of lane_threads threads while its connection is
	 * suspended; with no room there, on the request thread with r->busy */
	bool (*on_lane)(const struct request *r, void *app);
	unsigned lane_threads;
	int lane_nice;             /* nice value of the lane threads */
	unsigned per_address;      /* connections per client address; 0: no limit */
};

/* Opens the listening socket of cfg->listen, or dies with one line saying
 * why (the port is in use, say): first, before anything else starts. */
int http_listen(struct http_config *cfg);
/* Serves on the socket of http_listen until SIGINT or SIGTERM; returns 0
 * after a clean stop. */
int http_serve(const struct http_config *cfg);

#endif
