/* retention_job.h — the server's daily job: the removal of what has
 * passed its retention period, for every organisation of the installation,
 * and then the reminder mail of due follow-up actions (action_remind.h):
 * once when `leergang serve` starts and then every 24 hours, on a thread
 * of its own with its own database connection, stopped with the server.
 * One line per organisation and run goes to the log (counts only, never a
 * text or an address). */
#ifndef LG_DOMAIN_RETENTION_JOB_H
#define LG_DOMAIN_RETENTION_JOB_H

#include "core/compiler.h"
struct store;

#include <stdbool.h>
#include <stdio.h>

#define RETENTION_JOB_SECONDS (24 * 60 * 60)
#define RETENTION_SCRUB_RETRY_SECONDS 60   /* a scrub a reader kept from finishing */

/* Runs retention in every organisation of st at now (0: the clock),
 * writing one line per organisation to log, after removing the
 * installation's idempotency keys older than a day (idempotency.h). Returns 0, 1 when an
 * organisation failed (said in its line), or 2 when a removal stands but
 * a scrub must be tried again. */
MUST_CHECK int retention_run_all(struct store *st, long long now, bool dry_run, FILE *log);

struct retention_job;
/* Starts the job on the database at path; base_url (NULL: unknown) is
 * where the links in the reminders point. The thread does not take the
 * process's stop signals (the server's main thread waits for them). */
struct retention_job *retention_job_start(const char *path, const char *base_url);
/* Asks the job to stop, waits for a run in progress to end, frees it. */
void retention_job_stop(struct retention_job *j);

#endif
