/* smtp_mailer.c — the mailer of the server (mailer.h) over the installed
 * SMTP settings: a batch is one SMTP session (smtp.h). */
#include "mail/mailer.h"
#include "mail/smtp.h"

static void *batch_open(void)
{
	return smtp_open();
}

static enum mailer_result batch_send(void *batch, const char *to, const char *msg, size_t len)
{
	switch (smtp_send(batch, to, msg, len)) {
	case SMTP_SENT: return MAILER_SENT;
	case SMTP_REFUSED: return MAILER_REFUSED;
	default: return MAILER_UNREACHABLE;
	}
}

static void batch_close(void *batch)
{
	smtp_close(batch);
}

const struct mailer *smtp_mailer(void)
{
	static struct mailer m = { NULL, batch_open, batch_send, batch_close };
	const struct smtp_config *cfg = smtp_configured();
	if (!cfg)
		return NULL;
	m.from = cfg->from;
	return &m;
}
