/* header_deadline.h — closes connections that do not send a request's
 * headers within a time limit. libmicrohttpd's connection timeout counts
 * from the last byte received, so a client trickling one header line every
 * few seconds would hold its connection for ever; here each connection
 * gets a deadline when it opens and again when a request on it has been
 * answered (a kept-alive connection waiting for its next request), which
 * the arrival of the complete headers lifts. A thread looks twice a second
 * and shuts down the sockets past their deadline; libmicrohttpd then closes
 * them as any connection the client ended. */
#ifndef LG_HTTP_HEADER_DEADLINE_H
#define LG_HTTP_HEADER_DEADLINE_H

#include <microhttpd.h>

/* Starts the watch with this limit in milliseconds. */
void header_deadline_start(unsigned limit_ms);
/* Stops the watch (after the daemon has stopped). */
void header_deadline_stop(void);
/* MHD_OPTION_NOTIFY_CONNECTION: a connection opens or closes. */
void header_deadline_notify(void *cls, struct MHD_Connection *c, void **socket_context,
			    enum MHD_ConnectionNotificationCode code);
/* A request's headers are complete: no deadline until it is answered. */
void header_deadline_headers_done(struct MHD_Connection *c);
/* A request was answered: the next one's headers are due within the limit. */
void header_deadline_request_done(struct MHD_Connection *c);

#endif
