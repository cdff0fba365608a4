/* integer.h — a whole number read from outside text (a query argument, a
 * form field, an id in a path), checked against the range its use allows.
 * The one way leergang turns such text into a number: strtoll alone
 * saturates silently at LLONG_MAX, which a page then multiplies, and
 * atoi's overflow is undefined. */
#ifndef LG_INTEGER_H
#define LG_INTEGER_H

enum int_read {
	INT_ABSENT,        /* NULL or "": *v untouched */
	INT_OK,            /* *v is the number */
	INT_NOT_A_NUMBER,  /* anything but an optional sign and digits: *v untouched */
	INT_OUT_OF_RANGE,  /* a whole number outside [min, max], however long: *v is min or max */
};

/* Reads s as a decimal whole number: an optional '+' or '-', then one or
 * more ASCII digits, nothing else (no spaces, no "1e3", no "0x10"). A
 * magnitude of 10^18 or more is out of range whatever min and max say:
 * no request has a use for it, and it cannot overflow on the way. */
enum int_read int_parse(const char *s, long long min, long long max, long long *v);

#endif
