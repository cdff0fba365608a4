/* i18n.c — per-thread interface language over gettext and uselocale. Only
 * LC_MESSAGES (and LC_CTYPE for UTF-8) change with the language: numbers are
 * always printed the C way, so JSON and CSV stay machine-readable. */
#include "i18n.h"

#include "core/arena.h"
#include "core/die.h"

#include <math.h>
#include <locale.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static locale_t locales[2];
static _Thread_local enum lang current = LANG_NL;

/* The translations a thread has looked up: open addressing by the id's
 * address, per language. More places than leergang has messages; an id
 * that finds no free place within MEMO_PROBES is looked up every time. */
#define MEMO_SLOTS 4096u
#define MEMO_PROBES 8u
struct memo {
	unsigned generation;  /* of the text domain's binding it was filled under */
	struct { const char *id, *text; } slot[2][MEMO_SLOTS];
};
static atomic_uint generation;  /* raised by every i18n_init */
static pthread_key_t memo_key;
static pthread_once_t memo_once = PTHREAD_ONCE_INIT;
static _Thread_local struct memo *memo;
/* the program's own memory (GNU ld): literals and static tables lie here */
extern const char __executable_start[], end[];

static void memo_key_make(void)
{
	if (pthread_key_create(&memo_key, free))
		die("cannot create a thread key for the translations");
}

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
	atomic_fetch_add(&generation, 1);
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

const char *i18n_text(const char *id)
{
	uintptr_t at = (uintptr_t)id;
	if (at < (uintptr_t)__executable_start || at >= (uintptr_t)end)
		return gettext(id);  /* not of static storage: its text may change */
	unsigned g = atomic_load_explicit(&generation, memory_order_relaxed);
	if (!memo || memo->generation != g) {
		if (!memo) {
			pthread_once(&memo_once, memo_key_make);
			memo = xmalloc(sizeof(*memo));
			pthread_setspecific(memo_key, memo);
		}
		memset(memo, 0, sizeof(*memo));
		memo->generation = g;
	}
	unsigned h = (unsigned)(((uint64_t)(at >> 3) * 0x9E3779B97F4A7C15u) >> 52);  /* 12 bits */
	for (unsigned i = 0; i < MEMO_PROBES; i++) {
		unsigned k = (h + i) & (MEMO_SLOTS - 1);
		if (memo->slot[current][k].id == id)
			return memo->slot[current][k].text;
		if (!memo->slot[current][k].id) {
			const char *text = gettext(id);
			memo->slot[current][k].id = id;
			memo->slot[current][k].text = text;
			return text;
		}
	}
	return gettext(id);
}

const char *i18n_number(struct arena *a, enum lang l, double v, int decimals)
{
	if (isnan(v) || isinf(v))
		return "—";
	char *s = arena_printf(a, "%.*f", decimals, v);
	if (s[0] == '-' && strspn(s + 1, "0.") == strlen(s + 1))
		s++;   /* no "-0,0" */
	if (l == LANG_NL)
		for (char *p = s; *p; p++)
			if (*p == '.')
				*p = ',';
	return s;
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
