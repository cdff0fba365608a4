/* retention_job.c — the daily retention run of the server (retention_job.h). */
#include "retention_job.h"
#include "action_remind.h"
#include "anonymous_mix.h"
#include "idempotency.h"
#include "mail_queue.h"
#include "schedule.h"
#include "retention.h"
#include "role.h"
#include "core/die.h"
#include "core/worker.h"
#include "store/store.h"

#include <stdlib.h>
#include <time.h>

int retention_run_all(struct store *st, long long now, bool dry_run, FILE *log)
{
	struct arena a = ARENA_INIT;
	struct organisation *orgs;
	size_t n;
	int rc = 0;
	if (store_org_list(st, &a, &orgs, &n)) {
		fprintf(log, "leergang: retention: cannot list the organisations: %s\n", store_errmsg(st));
		arena_free(&a);
		return 1;
	}
	/* the kept answers of idempotency keys past their day: of no
	 * organisation's period, the installation's alone */
	long long forgotten = 0;
	if (!dry_run && idempotency_forget(st, now ? now : (long long)time(NULL), &forgotten)) {
		fprintf(log, "leergang: retention: old idempotency keys not removed: %s\n", store_errmsg(st));
		rc = 1;
	} else if (forgotten) {
		fprintf(log, "leergang: retention: %lld idempotency keys older than a day removed\n", forgotten);
	}
	/* mail no server could send in a day (mail_queue.h) */
	long long dropped = 0;
	if (!dry_run && mail_queue_forget(st, now ? now : (long long)time(NULL), &dropped)) {
		fprintf(log, "leergang: retention: old queued mail not removed: %s\n", store_errmsg(st));
		rc = 1;
	} else if (dropped) {
		fprintf(log, "leergang: retention: %lld queued messages older than a day removed, never sent\n", dropped);
	}
	for (size_t i = 0; i < n; i++) {
		struct arena oa = ARENA_INIT;
		struct actor w = { .organisation_id = orgs[i].id, .email = "retention",
				   .display_name = "leergang (retention)", .roles = ROLES_ALL };
		struct ctx c = { .st = st, .a = &oa, .who = &w, .now = now };
		struct retention_result res;
		struct buf err = BUF_INIT;
		int r = retention_apply(&c, dry_run, &res, &err);
		if (r == D_OK || r == D_BUSY)
			fprintf(log, "leergang: retention %s on %s: %s %s%s%s\n", orgs[i].slug, res.today,
				dry_run ? "would remove" : "removed", retention_counts(&oa, &res),
				r == D_BUSY ? "; the database file is not yet rewritten: " : "", r == D_BUSY ? err.ptr : "");
		else
			fprintf(log, "leergang: retention %s failed, nothing removed: %s\n", orgs[i].slug, store_errmsg(st));
		if (r == D_BUSY && rc < 2)
			rc = 2;
		else if (r && r != D_BUSY && !rc)
			rc = 1;
		buf_release(&err);
		arena_free(&oa);
	}
	fflush(log);
	arena_free(&a);
	return rc;
}

struct retention_job {
	struct worker w;
	char *path;
	const char *base_url;
};

/* The reminders of due actions after the day's retention run: one line
 * with counts; nothing at all when this server sends no e-mail. */
static void remind(struct store *st, const char *base_url)
{
	struct arena a = ARENA_INIT;
	struct action_remind_result r;
	if (action_remind_run(st, &a, 0, base_url, false, &r))
		fprintf(stderr, "leergang: action reminders failed: %s\n", store_errmsg(st));
	else if (r.mail && (r.sent || r.failed))
		fprintf(stderr, "leergang: action reminders on %s: %lld sent, %lld not sent\n", r.today, r.sent, r.failed);
	arena_free(&a);
}

/* The last anonymous hand-ins of waves that closed by date, into their
 * results (anonymous_mix.h): before the retention run, which may remove
 * the answers of old waves. */
static void mix_closed(struct store *st)
{
	struct arena a = ARENA_INIT;
	char today[11];
	date_today((long long)time(NULL), today);
	if (anonymous_mix_closed(st, &a, today, stderr))
		fprintf(stderr, "leergang: anonymous hand-ins of closed waves not all mixed in: %s\n", store_errmsg(st));
	arena_free(&a);
}

static void *job_main(void *arg)
{
	struct retention_job *j = arg;
	struct store *st = NULL;
	struct buf err = BUF_INIT;
	if (store_open(j->path, &st, &err)) {
		warn("retention: cannot open the database, no daily run: %s", err.ptr);
		buf_release(&err);
		return NULL;
	}
	buf_release(&err);
	for (;;) {
		/* one server of an installation at a time: the others skip */
		if (!store_job_begin(st, "daily")) {
			if (worker_wait(&j->w, RETENTION_JOB_SECONDS))
				break;
			continue;
		}
		mix_closed(st);
		int r = retention_run_all(st, 0, false, stderr);
		/* a removal stands but a reader kept the file from being
		 * rewritten: try the rewrite again soon, not in a day */
		while (r == 2) {
			if (worker_wait(&j->w, RETENTION_SCRUB_RETRY_SECONDS))
				goto out;
			struct buf e = BUF_INIT;
			r = retention_scrub(st, &e) ? 2 : 0;
			fprintf(stderr, "leergang: retention: database file rewritten%s%s\n", r ? " not yet: " : "",
				r ? e.ptr : "");
			buf_release(&e);
		}
		remind(st, j->base_url);
		store_job_end(st, "daily");
		if (worker_wait(&j->w, RETENTION_JOB_SECONDS))
			break;
	}
out:
	store_close(st);
	return NULL;
}

struct retention_job *retention_job_start(const char *path, const char *base_url)
{
	struct retention_job *j = xcalloc(1, sizeof(*j));
	j->path = xstrdup(path);
	j->base_url = base_url;
	worker_start(&j->w, job_main, j, "the daily retention run");
	return j;
}

void retention_job_stop(struct retention_job *j)
{
	if (!j)
		return;
	worker_stop(&j->w);
	free(j->path);
	free(j);
}
