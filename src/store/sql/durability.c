/* durability.c — a hand-in made durable, with the others of the moment:
 * the group commit of the questionnaire answers (durability.h).
 *
 * The connections run with synchronous=NORMAL: a commit is written to the
 * write-ahead log but not flushed to disk, so a power cut could lose it.
 * A hand-in is acknowledged only once it is on disk: after its commit the
 * thread waits for a flush of the log (fdatasync) that began after that
 * commit. One thread flushes for all who wait, so that with many
 * respondents at once one flush covers the hand-ins of every thread that
 * committed meanwhile, where synchronous=FULL would flush once per commit,
 * one after the other.
 *
 * An anonymous hand-in needs more: the log must not keep it. Its frames
 * hold the pages of the commit, the invitation marked answered beside the
 * response with its answers, and those of drafts saved before; so before
 * its acknowledgement the log is copied into the database file (where
 * secure_delete has zeroed the deleted drafts), the file flushed and the
 * log emptied (checkpoint TRUNCATE), which flushes too. Again one
 * checkpoint serves every hand-in committed before it began. Best effort
 * as before: a reader that holds the log open past the busy timeout lets
 * the checkpoint copy only part of it, and the rest goes with the next
 * one; the log is then flushed for durability.
 *
 * The hand-ins of the process write one after the other in the order they
 * come, and a round waits its turn among them, so that it follows the
 * commits already waiting and covers them all. (SQLite's busy handler
 * sleeps and retries instead: under load it served some hand-ins after
 * seconds, and a checkpoint, which keeps writers out while it runs, mostly
 * covered a single one.) */

#include "durability.h"
#include "core/die.h"
#include "store/store.h"

#include <pthread.h>
#include <string.h>

/* A place in the writers' queue: the one leaving hands its turn to the
 * first waiting, and wakes only that one. */
struct turn {
	pthread_cond_t wake;
	struct turn *next;
	bool yours;
};

struct syncer {
	struct syncer *next;
	char *path;                    /* one per database file */
	pthread_mutex_t lock;
	pthread_cond_t finished;
	unsigned long long started, done, failed;  /* rounds */
	bool running, checkpoint;      /* checkpoint: asked of the next round */
	bool writing;                  /* a hand-in or a round has its turn */
	struct turn *first, *last;     /* who waits for it, in order */
};

static pthread_mutex_t syncers_lock = PTHREAD_MUTEX_INITIALIZER;
static struct syncer *syncers;

struct syncer *durable_for(const char *path)
{
	pthread_mutex_lock(&syncers_lock);
	struct syncer *y = syncers;
	while (y && strcmp(y->path, path))
		y = y->next;
	if (!y) {
		y = xcalloc(1, sizeof(*y));
		y->path = xstrdup(path);
		pthread_mutex_init(&y->lock, NULL);
		pthread_cond_init(&y->finished, NULL);
		y->next = syncers;
		syncers = y;
	}
	pthread_mutex_unlock(&syncers_lock);
	return y;
}

void durable_turn_take(struct syncer *y)
{
	pthread_mutex_lock(&y->lock);
	if (y->writing) {
		struct turn t = { .next = NULL, .yours = false };
		pthread_cond_init(&t.wake, NULL);
		if (y->last)
			y->last->next = &t;
		else
			y->first = &t;
		y->last = &t;
		while (!t.yours)
			pthread_cond_wait(&t.wake, &y->lock);
		pthread_cond_destroy(&t.wake);
	}
	y->writing = true;
	pthread_mutex_unlock(&y->lock);
}

void durable_turn_pass(struct syncer *y)
{
	pthread_mutex_lock(&y->lock);
	struct turn *t = y->first;
	if (t) {
		y->first = t->next;
		if (!y->first)
			y->last = NULL;
		t->yours = true;  /* y->writing stays true: the turn passes on */
		pthread_cond_signal(&t->wake);
	} else {
		y->writing = false;
	}
	pthread_mutex_unlock(&y->lock);
}

/* One round, on this thread's connection (outside any transaction). */
static bool sync_round(struct store *s, bool checkpoint)
{
	if (checkpoint &&
	    sqlite3_wal_checkpoint_v2(s->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL) == SQLITE_OK)
		return true;  /* all in the database file, flushed; the log empty */
	sqlite3_file *log = NULL;
	if (sqlite3_file_control(s->db, "main", SQLITE_FCNTL_JOURNAL_POINTER, &log) != SQLITE_OK || !log ||
	    !log->pMethods)
		return false;
	return log->pMethods->xSync(log, SQLITE_SYNC_NORMAL) == SQLITE_OK;
}

int durable_wait(struct syncer *y, struct store *s, bool checkpoint)
{
	pthread_mutex_lock(&y->lock);
	unsigned long long round = y->started + 1;  /* the first to begin after the commit */
	y->checkpoint |= checkpoint;
	while (y->done < round) {
		if (y->running) {
			pthread_cond_wait(&y->finished, &y->lock);
			continue;
		}
		y->running = true;
		pthread_mutex_unlock(&y->lock);
		durable_turn_take(y);  /* after the commits already waiting */
		pthread_mutex_lock(&y->lock);
		unsigned long long mine = ++y->started;
		bool ck = y->checkpoint;
		y->checkpoint = false;
		pthread_mutex_unlock(&y->lock);
		bool ok = sync_round(s, ck);
		durable_turn_pass(y);
		pthread_mutex_lock(&y->lock);
		y->running = false;
		y->done = mine;
		if (!ok)
			y->failed = mine;
		pthread_cond_broadcast(&y->finished);
	}
	bool ok = y->failed < round;  /* a later failure counts too: on the safe side */
	pthread_mutex_unlock(&y->lock);
	return ok ? ST_OK : ST_ERROR;
}
