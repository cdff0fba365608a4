/* mailer.c — the mailer installed in the process (mailer.h). */
#include "mail/mailer.h"

static const struct mailer *installed;

void mailer_use(const struct mailer *m)
{
	installed = m;
}

const struct mailer *mailer_installed(void)
{
	return installed;
}
