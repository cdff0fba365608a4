/* ctx.h — who is acting, on which store, with which arena: the first
 * argument of every domain function that reads or changes organisation data.
 * Also the list of problems a domain function reports back, per field, in the
 * interface language. */
#ifndef LG_DOMAIN_CTX_H
#define LG_DOMAIN_CTX_H

#include "core/arena.h"
#include "core/buf.h"
#include "domain/model/people.h"

#include <stdbool.h>

struct store;

struct actor {
	long long account_id;   /* 0 for the command line */
	long long organisation_id;
	long long person_id;
	const char *email;      /* or "cli" */
	const char *display_name;
	unsigned roles;         /* ROLE_BIT()s held in organisation_id, any scope */
	struct role_grant *grants;
	size_t ngrants;
};

struct ctx {
	struct store *st;
	struct arena *a;
	struct actor *who;
	long long now;          /* the time rules are decided at; 0: the clock (ctx_now) */
};

/* The time of c: c->now when set (a test hands the domain a day of its
 * choosing), else the system clock. */
long long ctx_now(const struct ctx *c);

#define ERRORS_MAX 32

struct field_error {
	const char *field;  /* form field name, or "" for the whole form */
	char *message;      /* a sentence that says what to do */
};

struct errors {
	size_t n;
	struct field_error items[ERRORS_MAX];
};

void errors_add(struct ctx *c, struct errors *e, const char *field, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* The first message for field, or NULL. */
const char *errors_get(const struct errors *e, const char *field);

/* Result codes of domain functions. */
enum {
	D_OK = 0,
	D_INVALID = 1,   /* the input was wrong: see the errors */
	D_NOTFOUND = 2,  /* nothing with that id in the actor's organisation */
	D_FORBIDDEN = 3,
	D_CONFLICT = 4,
	D_ERROR = 5,     /* the store failed */
	D_BUSY = 6,      /* too busy right now (the password gate): nothing changed, try again shortly */
};

bool actor_has(const struct actor *w, unsigned role_bits);

#endif
