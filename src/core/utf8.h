/* utf8.h — UTF-8 validation and small text helpers. */
#ifndef LG_UTF8_H
#define LG_UTF8_H

#include <stdbool.h>
#include <stddef.h>

/* True when s[0..len) is well-formed UTF-8 (no overlongs, no surrogates,
 * nothing above U+10FFFF) and holds no NUL byte. */
bool utf8_valid(const char *s, size_t len);
/* Number of code points in a valid UTF-8 string. */
size_t utf8_length(const char *s);
/* The number of bytes of s to keep so that at most max bytes remain
 * without splitting a character (s must be valid UTF-8). */
size_t utf8_cut(const char *s, size_t max);
/* The number of bytes of the first n code points of s (all of s when it
 * has fewer; s must be valid UTF-8). */
size_t utf8_prefix(const char *s, size_t n);
/* Trims ASCII white space at both ends, in place; returns s. */
char *str_trim(char *s);
/* Case-insensitive ASCII comparison. */
bool str_ieq(const char *a, const char *b);
/* The number of bytes at the start of text that are prefix without regard
 * to case, in the Latin, Greek and Cyrillic letters of people's names
 * ("ANAÏS ÆRØ" is "Anaïs Ærø"); 0 when text does not start so. */
size_t utf8_caseless_prefix(const char *text, const char *prefix);

#endif
