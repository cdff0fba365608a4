/* test_integer.c — int_parse (core/integer.h): the one reader of numbers
 * that come from a request, with the values an attacker or a typo sends:
 * too long for any integer type, negative, not a number, empty. */
#include "test.h"
#include "core/integer.h"

#include <limits.h>

TEST(integer_whole_numbers_in_range)
{
	long long v = 7;
	CHECK_INT(int_parse("42", 0, 100, &v), INT_OK);
	CHECK_INT(v, 42);
	CHECK_INT(int_parse("+5", 0, 100, &v), INT_OK);
	CHECK_INT(v, 5);
	CHECK_INT(int_parse("-1", -1, 199, &v), INT_OK);
	CHECK_INT(v, -1);
	CHECK_INT(int_parse("007", 0, 100, &v), INT_OK);
	CHECK_INT(v, 7);
	CHECK_INT(int_parse("-0", 0, 0, &v), INT_OK);
	CHECK_INT(v, 0);
	CHECK_INT(int_parse("999999999999999", 1, 999999999999999LL, &v), INT_OK);
	CHECK_INT(v, 999999999999999LL);
}

TEST(integer_absent_and_not_a_number_leave_the_value)
{
	long long v = 7;
	CHECK_INT(int_parse(NULL, 0, 10, &v), INT_ABSENT);
	CHECK_INT(int_parse("", 0, 10, &v), INT_ABSENT);
	static const char *const bad[] = { "abc", "1e3", "0x10", " 1", "1 ", "1.5", "1,5", "-", "+", "--1", "+-1",
					   "1-", "٣", "１", "1\n", "0b1", NULL };
	for (const char *const *s = bad; *s; s++)
		CHECK_INT(int_parse(*s, 0, 10, &v), INT_NOT_A_NUMBER);
	CHECK_INT(v, 7);
}

TEST(integer_out_of_range_is_clamped_however_long)
{
	long long v = 0;
	CHECK_INT(int_parse("11", 0, 10, &v), INT_OUT_OF_RANGE);
	CHECK_INT(v, 10);
	CHECK_INT(int_parse("-3", 1, 10, &v), INT_OUT_OF_RANGE);
	CHECK_INT(v, 1);
	/* the page=99999999999999999999 of the audit log: once LLONG_MAX, then
	 * a signed overflow in (page - 1) * 50 */
	CHECK_INT(int_parse("99999999999999999999", 1, 1000000, &v), INT_OUT_OF_RANGE);
	CHECK_INT(v, 1000000);
	CHECK_INT(int_parse("9223372036854775807", 1, 1000000, &v), INT_OUT_OF_RANGE);
	CHECK_INT(v, 1000000);
	CHECK_INT(int_parse("9223372036854775808", 0, LLONG_MAX, &v), INT_OUT_OF_RANGE);
	CHECK_INT(v, LLONG_MAX);
	CHECK_INT(int_parse("-99999999999999999999999999999999", -5, 5, &v), INT_OUT_OF_RANGE);
	CHECK_INT(v, -5);
	CHECK_INT(int_parse("1000000000000000000", LLONG_MIN, LLONG_MAX, &v), INT_OUT_OF_RANGE);
	CHECK_INT(v, LLONG_MAX);
	/* a long run of digits with junk at its end is no number at all */
	CHECK_INT(int_parse("99999999999999999999999x", 0, 10, &v), INT_NOT_A_NUMBER);
	CHECK_INT(v, LLONG_MAX);
}
