/* i18n.c — per-thread interface language over gettext and uselocale. Only
 * LC_MESSAGES (and LC_CTYPE for UTF-8) change with the language: numbers are
 * always printed the C way, so JSON and CSV stay machine-readable. */
#include "i18n.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static locale_t locales[2];
static _Thread_local enum lang current = LANG_NL;

static locale_t make(const char *const *names)
{
	locale_t base = newlocale(LC_ALL_MASK, "C.UTF-8", (locale_t)0);
	if (!base)
		base = newlocale(LC_ALL_MASK, "C", (locale_t)0);
	for (; *names; names++) {
		locale_t l = newlocale(LC_MESSAGES_MASK, *names, duplocale(base));
		if (l) {
			freelocale(base);
			return l;
		}
	}
	return base;
}

int i18n_init(const char *localedir)
{
	static const char *const nl[] = { "nl_NL.UTF-8", "nl_NL.utf8", "nl_BE.UTF-8", "nl_BE.utf8", NULL };
	static const char *const en[] = { "C.UTF-8", NULL };
	int ok = 0;
	/* LANGUAGE would override the per-thread choice for every thread. */
	unsetenv("LANGUAGE");
	bindtextdomain("leergang", localedir);
	bind_textdomain_codeset("leergang", "UTF-8");
	textdomain("leergang");
	if (!locales[LANG_NL]) {
		locales[LANG_NL] = make(nl);
		locales[LANG_EN] = make(en);
		locale_t probe = newlocale(LC_MESSAGES_MASK, "nl_NL.UTF-8", (locale_t)0);
		if (!probe)
			probe = newlocale(LC_MESSAGES_MASK, "nl_NL.utf8", (locale_t)0);
		if (probe)
			freelocale(probe);
		else
			ok = -1;
	}
	i18n_use(LANG_NL);
	return ok;
}

void i18n_use(enum lang l)
{
	current = l;
	if (locales[l])
		uselocale(locales[l]);
}

enum lang i18n_current(void)
{
	return current;
}

const char *lang_code(enum lang l)
{
	return l == LANG_EN ? "en" : "nl";
}

int lang_parse(const char *code)
{
	if (!code)
		return -1;
	if (!strcasecmp(code, "nl"))
		return LANG_NL;
	if (!strcasecmp(code, "en"))
		return LANG_EN;
	return -1;
}

enum lang lang_from_accept(const char *h)
{
	/* The first supported language in the header wins; quality values
	 * are rarely ordered otherwise by browsers. */
	while (h && *h) {
		h += strspn(h, " ,");
		if (!strncasecmp(h, "nl", 2) && (h[2] == '\0' || strchr("-;, ", h[2])))
			return LANG_NL;
		if (!strncasecmp(h, "en", 2) && (h[2] == '\0' || strchr("-;, ", h[2])))
			return LANG_EN;
		h = strchr(h, ',');
	}
	return LANG_NL;
}
