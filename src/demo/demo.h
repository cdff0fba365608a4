/* demo.h — the demo installation of `leergang init --demo`: two fictional
 * organisations, a police unit and a municipality shaped like the one of
 * seed 002 (departments O, C, S, B with teams T1–T14), with people, an
 * account for every role, and a few hostile names on purpose. */
#ifndef LG_DEMO_H
#define LG_DEMO_H

#include "store/store.h"

#define DEMO_PASSWORD "leergang-demo"

struct demo_login {
	const char *email, *role, *org;
};

/* The demo accounts, ending with { 0 }. */
extern const struct demo_login demo_logins[];

/* Loads the demo into an empty database. ST_CONFLICT when it exists already. */
int demo_load(struct store *st, struct buf *err);

#endif
