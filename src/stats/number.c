/* number.c — a cell of a CSV file read as a number, whether Dutch Excel
 * wrote it ("3,5") or English Excel did ("3.5"). Strict on purpose: a
 * researcher's typo ("3.5.1", "4?", "NA") is an error that names the cell,
 * not a silent missing value. */
#include "stats.h"

#include <math.h>
#include <stdlib.h>

int stats_number(const char *s, double *out)
{
	char tmp[64];
	size_t n = 0;
	int digits = 0, point = 0, minus = 0;
	long long whole = 0;  /* the digits so far, while there is no point */

	*out = NAN;
	while (*s == ' ' || *s == '\t')
		s++;
	if (*s == '+' || *s == '-') {
		minus = *s == '-';
		tmp[n++] = *s++;
	}
	for (; *s && *s != ' ' && *s != '\t'; s++) {
		if (n + 2 >= sizeof tmp)
			return -1;
		if (*s >= '0' && *s <= '9') {
			digits++;
			tmp[n++] = *s;
			if (digits <= 15)
				whole = whole * 10 + (*s - '0');
		} else if ((*s == '.' || *s == ',') && !point) {
			point = 1;
			tmp[n++] = '.';  /* strtod reads '.' in the C numeric locale leergang keeps */
		} else
			return -1;
	}
	while (*s == ' ' || *s == '\t')
		s++;
	if (*s)
		return -1;
	if (!digits)
		return n == 0 ? 1 : -1;
	/* a whole number of up to 15 digits (a scale point, mostly) is exact
	 * as a double: the same value strtod gives, without its cost */
	if (!point && digits <= 15) {
		*out = minus ? -(double)whole : (double)whole;
		return 0;
	}
	tmp[n] = 0;
	*out = strtod(tmp, NULL);
	return 0;
}
