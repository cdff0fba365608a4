/* action_remind.h — the reminder mail of follow-up actions (issue 17):
 * once a day, when this server sends e-mail (mail/mailer.h), each owner of
 * an open action due that day or before gets one message in Dutch, at most
 * once per action per day (the action's reminded_on). Run by the server's
 * daily job (daily_job.h) and by `leergang action remind`.
 *
 * The message says only that actions from a session are due, with each
 * one's due date, the day of its session and a link to the session and to
 * the start page: never the action's text. That text is as confidential
 * as the case it came from and is read only by the session's members
 * inside leergang, while a mail leaves the installation and lies in mail
 * boxes, backups and forwards beyond its control. */
#ifndef LG_DOMAIN_ACTION_REMIND_H
#define LG_DOMAIN_ACTION_REMIND_H

#include "core/compiler.h"
#include "core/arena.h"

#include <stdbool.h>
#include <stddef.h>

struct store;

/* One owner to be reminded (or, in a dry run, who would be). */
struct action_reminder {
	long long organisation_id;
	const char *email, *name;
	size_t nactions;
	bool sent;   /* accepted by the mail server (false in a dry run) */
};

struct action_remind_result {
	char today[11];
	bool mail;                      /* this server sends e-mail */
	struct action_reminder *to;     /* every owner with due actions not yet reminded today */
	size_t n;
	long long sent, failed;
};

/* Reminds every organisation's owners of their due actions on the day of
 * now (0: the clock). base_url ("https://host", NULL when unknown) is
 * where the links point; without it the message names the start page in
 * words. dry_run: only who would get one. Without mail set up nothing is
 * sent and no error is returned (r->mail false). Each reminder sent is
 * audited as "session_action.remind" in its organisation, with counts
 * only. Returns a store code. */
MUST_CHECK int action_remind_run(struct store *st, struct arena *a, long long now, const char *base_url, bool dry_run,
				 struct action_remind_result *r);

#endif
