/* yardstick.c — the yardstick of bench/run: the least a page of leergang
 * could cost on this machine. A bare libmicrohttpd server (the same
 * daemon flags and thread pool as `leergang serve`) that answers every
 * GET with an HTML table of 50 rows read from SQLite: the first 50 people
 * of one organisation by name, escaped, one connection per server thread
 * with leergang's own pragmas. No session, no routing, no gettext, no
 * layout: what remains of a real page once everything leergang adds is
 * taken away. bench/run measures it beside the pages in the same run, so
 * that figures from a busy or a quiet machine can be compared as ratios.
 * Usage: bench-yardstick DB PORT [ORGANISATION] (default 25); runs until
 * killed. */
#include "core/buf.h"

#include <microhttpd.h>
#include <sqlite3.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *db_path;
static long long organisation = 25;

/* one connection and statement per server thread, made on its first request */
static __thread sqlite3 *db;
static __thread sqlite3_stmt *rows;

static int open_db(void)
{
	if (rows)
		return 0;
	if (sqlite3_open_v2(db_path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
		return -1;
	sqlite3_exec(db, "PRAGMA mmap_size=0; PRAGMA cache_size=-8000; PRAGMA temp_store=MEMORY;", NULL, NULL, NULL);
	return sqlite3_prepare_v3(db,
		"SELECT id, name, email, employee_id FROM person WHERE organisation_id = ? ORDER BY name, id LIMIT 50",
		-1, SQLITE_PREPARE_PERSISTENT, &rows, NULL) == SQLITE_OK ? 0 : -1;
}

static void text(struct buf *b, const char *s)
{
	for (; s && *s; s++)
		switch (*s) {
		case '<': buf_adds(b, "&lt;"); break;
		case '>': buf_adds(b, "&gt;"); break;
		case '&': buf_adds(b, "&amp;"); break;
		case '"': buf_adds(b, "&quot;"); break;
		case '\'': buf_adds(b, "&#39;"); break;
		default: buf_addch(b, *s);
		}
}

static enum MHD_Result answer(void *cls, struct MHD_Connection *conn, const char *url, const char *method,
			      const char *version, const char *upload, size_t *upload_size, void **state)
{
	(void)cls, (void)url, (void)version, (void)upload, (void)upload_size, (void)state;
	if (strcmp(method, "GET"))
		return MHD_NO;
	unsigned status = MHD_HTTP_OK;
	struct buf b;
	buf_init(&b, 8192);
	buf_adds(&b, "<!doctype html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Mensen</title></head>"
		     "<body><table><thead><tr><th>Naam</th><th>E-mail</th><th>Personeelsnummer</th></tr></thead><tbody>");
	if (open_db()) {
		status = MHD_HTTP_INTERNAL_SERVER_ERROR;
	} else {
		sqlite3_bind_int64(rows, 1, organisation);
		while (sqlite3_step(rows) == SQLITE_ROW) {
			buf_addf(&b, "<tr><td><a href=\"/people/%lld\">", (long long)sqlite3_column_int64(rows, 0));
			text(&b, (const char *)sqlite3_column_text(rows, 1));
			buf_adds(&b, "</a></td><td>");
			text(&b, (const char *)sqlite3_column_text(rows, 2));
			buf_adds(&b, "</td><td>");
			text(&b, (const char *)sqlite3_column_text(rows, 3));
			buf_adds(&b, "</td></tr>");
		}
		sqlite3_reset(rows);
	}
	buf_adds(&b, "</tbody></table></body></html>\n");
	size_t len;
	char *body = buf_detach(&b, &len);
	struct MHD_Response *r = MHD_create_response_from_buffer(len, body, MHD_RESPMEM_MUST_FREE);
	MHD_add_response_header(r, "Content-Type", "text/html; charset=utf-8");
	enum MHD_Result ret = MHD_queue_response(conn, status, r);
	MHD_destroy_response(r);
	return ret;
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: bench-yardstick DB PORT [ORGANISATION]\n");
		return 2;
	}
	db_path = argv[1];
	unsigned port = (unsigned)strtoul(argv[2], NULL, 10);
	if (argc > 3)
		organisation = strtoll(argv[3], NULL, 10);
	/* blocked before the daemon's threads start, so that they inherit it
	 * and sigwait() below takes the signal */
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	struct sockaddr_in addr = { .sin_family = AF_INET, .sin_port = htons((uint16_t)port) };
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	struct MHD_Daemon *d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL, 0, NULL, NULL,
		answer, NULL,
		MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr,
		MHD_OPTION_THREAD_POOL_SIZE, 4u,
		MHD_OPTION_CONNECTION_LIMIT, 2000u,
		MHD_OPTION_CONNECTION_TIMEOUT, 30u,
		MHD_OPTION_END);
	if (!d) {
		fprintf(stderr, "bench-yardstick: cannot listen on 127.0.0.1:%u\n", port);
		return 1;
	}
	int sig;
	sigwait(&set, &sig);
	MHD_stop_daemon(d);
	return 0;
}
