/* lane.h — the password lane: a few threads beside libmicrohttpd's own for
 * the requests whose handler may wait a long time (for the password gate,
 * domain/pwgate.h). The server suspends such a request's connection and
 * hands the request to a lane thread, so that a sign-in that waits never
 * holds a request thread and the pages of everyone else stay fast. The
 * lane holds at most as many requests as it has threads: the server
 * answers the next one "busy" at once instead of queueing it where no
 * limit would bound the wait. */
#ifndef LG_HTTP_LANE_H
#define LG_HTTP_LANE_H

#include <stdbool.h>

struct lane;
typedef void (*lane_fn)(void *job);

/* Starts threads that call run(job) for each job; drop(job) is called
 * instead for jobs still waiting when the lane stops. The threads run at
 * the given nice value (0: as the rest of the server). */
struct lane *lane_start(unsigned threads, int nice, lane_fn run, lane_fn drop);
/* Takes a place for one job: false when every thread has one, or the lane
 * is stopping. A place taken must be given a job with lane_submit. */
bool lane_reserve(struct lane *l);
void lane_submit(struct lane *l, void *job);
/* Jobs running or waiting now. */
unsigned lane_load(struct lane *l);
/* Refuses new jobs from now on, drops those not started, and waits for the
 * running ones. lane_reserve stays callable until lane_free. */
void lane_stop(struct lane *l);
void lane_free(struct lane *l);

#endif
