/* integer.c — whole numbers from outside text, within a range (integer.h). */
#include "integer.h"

#include <assert.h>
#include <stdbool.h>
#include <stddef.h>

enum int_read int_parse(const char *s, long long min, long long max, long long *v)
{
	assert(v && min <= max);
	if (!s || !*s)
		return INT_ABSENT;
	bool negative = *s == '-';
	if (*s == '-' || *s == '+')
		s++;
	if (*s < '0' || *s > '9')
		return INT_NOT_A_NUMBER;
	/* the magnitude, saturated: anything beyond 10^18 is out of every range
	 * a request may ask for, and the digits are still checked to the end */
	const unsigned long long cap = 1000000000000000000ULL;
	unsigned long long m = 0;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return INT_NOT_A_NUMBER;
		if (m < cap)
			m = m * 10 + (unsigned long long)(*s - '0');
	}
	bool huge = m >= cap;
	long long n = huge ? 0 : negative ? -(long long)m : (long long)m;
	if ((huge && negative) || (!huge && n < min)) {
		*v = min;
		return INT_OUT_OF_RANGE;
	}
	if (huge || n > max) {
		*v = max;
		return INT_OUT_OF_RANGE;
	}
	*v = n;
	return INT_OK;
}
