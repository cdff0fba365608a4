/* i18n.h — languages of the interface through GNU gettext. The message ids
 * in the code are English; Dutch comes from po/nl.po and is the default.
 * The language is chosen per thread (uselocale), so one server thread can
 * answer in Dutch while another answers in English. */
#ifndef LG_I18N_H
#define LG_I18N_H

#include <libintl.h>

/* The translation of a message id of static storage (a literal or a
 * static table), remembered per thread and address: see i18n_text(). */
#define _(s) i18n_text(s)
#define N_(s) (s)

enum lang { LANG_NL = 0, LANG_EN = 1 };

/* Binds the "leergang" text domain to localedir (which holds
 * nl/LC_MESSAGES/leergang.mo). Returns 0, or -1 when the Dutch locale of
 * the system is missing (the interface then falls back to English). */
int i18n_init(const char *localedir);
void i18n_use(enum lang l);
/* gettext(id) in the thread's language. The answer for an id in the
 * program's own memory (its literals and static tables) is kept per thread
 * and language by the id's address, since gettext takes a lock shared by
 * every thread on every call; other ids are looked up each time. */
const char *i18n_text(const char *id) __attribute__((format_arg(1)));
enum lang i18n_current(void);
struct arena;
/* v with that many decimals as the language writes it ("0,6" in Dutch,
 * "0.6" in English), in a; "—" for NaN or infinity, never "-0". */
const char *i18n_number(struct arena *a, enum lang l, double v, int decimals);
const char *lang_code(enum lang l);  /* "nl", "en" */
/* "nl"/"en" -> lang; anything else -> -1 */
int lang_parse(const char *code);
/* Picks from an Accept-Language header; Dutch when nothing matches. */
enum lang lang_from_accept(const char *header);

#endif
