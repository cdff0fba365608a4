/* reading.c — results in plain words (reading.h). */
#include "reading.h"
#include "core/i18n.h"

#include <math.h>
#include <string.h>

enum reading_size reading_size_d(double d)
{
	double m = fabs(d);
	return m < 0.2 ? READING_NEGLIGIBLE : m < 0.5 ? READING_SMALL : m < 0.8 ? READING_MEDIUM : READING_LARGE;
}

enum reading_size reading_size_eta2(double eta2)
{
	return eta2 < 0.01 ? READING_NEGLIGIBLE : eta2 < 0.06 ? READING_SMALL : eta2 < 0.14 ? READING_MEDIUM : READING_LARGE;
}

static const char *size_word(enum reading_size s)
{
	switch (s) {
	case READING_NEGLIGIBLE:
		return _("negligible");
	case READING_SMALL:
		return _("small");
	case READING_MEDIUM:
		return _("medium");
	case READING_LARGE:
		return _("large");
	}
	return "";
}

/* ", and probably not chance" etc.; "" when p is undefined */
static const char *chance(double p)
{
	if (isnan(p))
		return "";
	return p < 0.05 ? _(" and probably not chance") : _(" and may be chance");
}

const char *reading_two(struct arena *a, const char *name_b, const char *name_a, const char *dimension, double diff,
			double d, double p)
{
	if (isnan(diff) || isnan(d))
		return NULL;
	const char *by = i18n_number(a, i18n_current(), fabs(diff), 1);
	if (!strcmp(by, "0.0") || !strcmp(by, "0,0"))
		return arena_printf(a, _("%s and %s score about the same on \"%s\" on average; the difference is %s%s."), name_b,
				    name_a, dimension, size_word(reading_size_d(d)), chance(p));
	return arena_printf(a, diff > 0 ? _("%s scores %s higher on \"%s\" on average than %s; that difference is %s%s.")
					: _("%s scores %s lower on \"%s\" on average than %s; that difference is %s%s."),
			    name_b, by, dimension, name_a, size_word(reading_size_d(d)), chance(p));
}

const char *reading_several(struct arena *a, const char *dimension, double eta2, double p)
{
	if (isnan(eta2))
		return NULL;
	return arena_printf(a, _("On \"%s\" the parts differ: the differences are %s%s."), dimension,
			    size_word(reading_size_eta2(eta2)), chance(p));
}
