/* hold.h — answers held back for a while. A sign-in that finds no room on
 * the password lane is answered "try again shortly" at once by the request
 * thread, but sent only after a pause, with its connection suspended
 * meanwhile: a client that asks again the moment it is refused could
 * otherwise keep the request threads busy with nothing but refusals. A
 * held connection costs no thread. */
#ifndef LG_HTTP_HOLD_H
#define LG_HTTP_HOLD_H

struct hold;
typedef void (*hold_fn)(void *job);

/* Starts the thread that calls release(job) ms after each hold_add. */
struct hold *hold_start(unsigned ms, hold_fn release);
/* Holds a job; once stopping, releases it at once. */
void hold_add(struct hold *h, void *job);
/* Releases everything held and ends the thread; hold_add stays callable
 * until hold_free. */
void hold_stop(struct hold *h);
void hold_free(struct hold *h);

#endif
