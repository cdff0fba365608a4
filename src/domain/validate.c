/* validate.c — value checks with messages that say what to do. */
#include "validate.h"
#include "core/i18n.h"
#include "core/utf8.h"

#include <string.h>

/* Valid UTF-8, or false after saying so. */
static bool valid_text(struct ctx *c, struct errors *e, const char *field, const char *label, const char *v)
{
	if (utf8_valid(v, strlen(v)))
		return true;
	errors_add(c, e, field, _("%s contains characters that are not valid text; type it again."), label);
	return false;
}

/* check_line and check_lines: line breaks allowed or not. */
static bool check_text(struct ctx *c, struct errors *e, const char *field, const char *label,
		       const char *v, size_t min, size_t max, bool lines)
{
	if (!v)
		v = "";
	if (!valid_text(c, e, field, label, v))
		return false;
	for (const char *p = v; *p; p++)
		if (((unsigned char)*p < 0x20 || *p == 0x7f) && !(lines && *p == '\n')) {
			errors_add(c, e, field,
				   lines ? _("%s may not contain control characters.")
					 : _("%s may not contain line breaks or control characters."),
				   label);
			return false;
		}
	size_t n = utf8_length(v);
	bool blank = strspn(v, lines ? " \n" : " ") == strlen(v);   /* spaces alone are no text */
	if (n < min || (min && blank)) {
		if (min == 1)
			errors_add(c, e, field, _("%s is required; fill it in."), label);
		else
			errors_add(c, e, field, _("%s must be at least %zu characters long."), label, min);
		return false;
	}
	if (n > max) {
		errors_add(c, e, field, _("%s is too long: at most %zu characters, this has %zu."), label, max, n);
		return false;
	}
	return true;
}

bool check_line(struct ctx *c, struct errors *e, const char *field, const char *label,
		const char *v, size_t min, size_t max)
{
	return check_text(c, e, field, label, v, min, max, false);
}

bool check_lines(struct ctx *c, struct errors *e, const char *field, const char *label,
		 const char *v, size_t min, size_t max)
{
	return check_text(c, e, field, label, v, min, max, true);
}

const char *text_newlines(struct arena *a, const char *v)
{
	if (!v || !strchr(v, '\r'))
		return v;
	char *out = arena_alloc(a, strlen(v) + 1), *o = out;
	for (const char *p = v; *p; p++) {
		if (*p == '\r') {
			*o++ = '\n';
			if (p[1] == '\n')
				p++;
		} else {
			*o++ = *p;
		}
	}
	*o = '\0';
	return out;
}

bool email_plausible(const char *v)
{
	const char *at = strchr(v, '@');
	if (!at || at == v || strchr(at + 1, '@') || strlen(v) > 254)
		return false;
	const char *dot = strrchr(at, '.');
	if (!dot || dot == at + 1 || !dot[1])
		return false;
	for (const char *p = v; *p; p++)
		if ((unsigned char)*p <= ' ' || strchr("<>\"(),;:[]\\", *p))
			return false;
	return true;
}

bool check_email(struct ctx *c, struct errors *e, const char *field, const char *v, bool required)
{
	if (!v || !*v) {
		if (required) {
			errors_add(c, e, field, _("E-mail address is required; fill it in."));
			return false;
		}
		return true;
	}
	if (!email_plausible(v)) {
		errors_add(c, e, field, _("\"%s\" is not an e-mail address; write it as name@example.nl."), v);
		return false;
	}
	return true;
}

bool slug_valid(const char *v)
{
	size_t n = strlen(v);
	if (n < 2 || n > 40 || v[0] == '-')
		return false;
	return strspn(v, "abcdefghijklmnopqrstuvwxyz0123456789-") == n;
}

bool check_long_text(struct ctx *c, struct errors *e, const char *field, const char *label,
		const char *v, size_t min, size_t max)
{
	if (!v)
		v = "";
	if (!valid_text(c, e, field, label, v))
		return false;
	if (min && strspn(v, " \t\r\n") == strlen(v)) {
		errors_add(c, e, field, _("%s is required; fill it in."), label);
		return false;
	}
	if (utf8_length(v) > max) {
		errors_add(c, e, field, _("%s: use at most %d characters."), label, (int)max);
		return false;
	}
	return true;
}

bool value_one_of(const char *v, const char *const *set)
{
	for (; v && *set; set++)
		if (!strcmp(v, *set))
			return true;
	return false;
}
