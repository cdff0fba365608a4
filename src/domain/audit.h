/* audit.h — the audit log: who changed what and when, and every read of a
 * person's private text by someone other than its writer. */
#ifndef LG_DOMAIN_AUDIT_H
#define LG_DOMAIN_AUDIT_H

#include "core/compiler.h"
#include "ctx.h"
#include "domain/model/people.h"

/* Records an action of c->who in c->who's organisation. action is a dotted
 * identifier ("unit.create", "person.update", "read.logbook"). Returns a
 * store code; callers inside a transaction must treat failure as failure.
 * A line that could not be written is also said to the operator (warn),
 * so that a caller after its change has committed, for whom the change
 * stands either way, may leave the result: the one domain call that is not
 * MUST_CHECK. */
int audit(struct ctx *c, const char *action, const char *object_kind, long long object_id,
	  const char *detail_fmt, ...) __attribute__((format(printf, 5, 6)));
/* What a recorded action means, in the interface language (the action
 * itself when it has no words yet). */
const char *audit_action_label(const char *action);
/* An entry's time (UTC, "YYYY-MM-DDTHH:MM:SSZ") on the server's clock, as
 * every date of leergang is (a Dutch server's zone is Europe/Amsterdam):
 * "6 december 2026, 21:18:05". */
const char *audit_when(struct arena *a, const char *at);
MUST_CHECK int audit_page(struct ctx *c, long long offset, long long limit, struct audit_entry **out, size_t *n,
	       long long *total);

/* The audit log's filters as the administrator gives them (NULL or "" for
 * none): who (part of an e-mail address or an account's name), action
 * (one of audit_action_code's), from and to ("YYYY-MM-DD", whole days on
 * the server's clock, both included). */
struct audit_query {
	const char *who, *action, *from, *to;
};
#define AUDIT_WHO_MAX 200   /* characters of the who filter */
/* The organisation's lines through the filters, newest first. A filter
 * that cannot be used (too long, an action not in the list, not a date, a
 * "to" before "from") gets a message under its name in e and is left out;
 * the others apply. Returns a store code. */
MUST_CHECK int audit_search(struct ctx *c, const struct audit_query *q, struct errors *e, long long offset,
			    long long limit, struct audit_entry **out, size_t *n, long long *total);
/* The actions that have words (audit_action_label), for the filter's list:
 * code i, for i below audit_action_count(). */
size_t audit_action_count(void);
const char *audit_action_code(size_t i);

#endif
