/* wave_mail.h — a wave's invitations and reminders sent by e-mail (when the
 * server has a mailer installed, mail/mailer.h): each person asked gets a
 * message in Dutch with the wave's name, the close date and their personal
 * link. The link (its token) is only ever in the message body: not in a
 * header, the log or the audit trail, which keeps counts alone.
 *
 * A refused message does not stop the others; it is counted, and for an
 * invitation tried again the next time (only those not yet mailed get
 * one). When the mail server cannot be reached at all, the rest are not
 * tried and count as not sent. */
#ifndef LG_DOMAIN_WAVE_MAIL_H
#define LG_DOMAIN_WAVE_MAIL_H

#include "core/compiler.h"
#include "ctx.h"
#include "domain/model/instrument.h"

#include <stdbool.h>

struct mail_tally {
	long long sent;         /* accepted by the mail server */
	long long failed;       /* refused, or not tried once the server was unreachable */
	long long no_address;   /* asked, but without a usable e-mail address */
	bool unreachable;       /* the mail server could not be reached */
};

/* True when this server sends e-mail. */
bool wave_mail_configured(void);

/* The invitation to everyone asked (not stopped) who has neither answered
 * nor had it by e-mail, until the wave closes. base_url is where the
 * links point ("https://host"), sender the From name (the organisation).
 * D_INVALID (with a message for the whole form) when mail is not set up
 * or the wave has closed. */
MUST_CHECK int wave_mail_invitations(struct ctx *c, const struct wave *w, const char *base_url, const char *sender, long long now,
			  struct errors *e, struct mail_tally *t);
/* A reminder to everyone asked who has not answered, counted as a
 * reminder round for each that the mail server accepted; only while the
 * wave is open. */
MUST_CHECK int wave_mail_reminders(struct ctx *c, const struct wave *w, const char *base_url, const char *sender, long long now,
			struct errors *e, struct mail_tally *t);

/* The personal links that may be handed out other than by e-mail. When
 * this server sends e-mail, only those of the people asked who have no
 * usable address (the rest get theirs by e-mail alone, so that nobody but
 * its respondent holds a link); otherwise everyone's, for a mail merge —
 * whoever holds them can answer in those people's names. all: every link
 * (the administrator on the server, `leergang wave links`). */
struct wave_link {
	const struct invitation *inv;
	const char *link;
};
MUST_CHECK int wave_links(struct ctx *c, const struct wave *w, const char *base_url, bool all, struct wave_link **out, size_t *n);

/* How far the invitations by e-mail are: people asked (not stopped), those
 * who had theirs by e-mail, and those still waiting for one (neither mailed
 * nor answered). */
struct mail_progress {
	long long asked, mailed, waiting;
};
MUST_CHECK int wave_mail_progress(struct ctx *c, const struct wave *w, struct mail_progress *out);

/* A reminder round without e-mail: every person asked who has not answered
 * is counted as reminded, in one transaction, and their links (as
 * wave_links gives them) come back for the mail merge. Only while the wave
 * is open: D_INVALID with a message otherwise. */
MUST_CHECK int wave_remind_by_links(struct ctx *c, const struct wave *w, const char *base_url, struct wave_link **out, size_t *n,
			 struct errors *e);

#endif
