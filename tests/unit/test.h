/* test.h — the unit-test harness: TEST() registers a function, CHECK*()
 * records a failure with file and line and carries on. The runner
 * (tests/unit/main.c) prints "N passed, N failed, N skipped" and exits
 * non-zero on any failure. A test passes when it made at least one check
 * and none failed: a test that asserts nothing counts as failed. A test
 * that cannot check what it is for says so with test_skip() and is counted
 * and listed as skipped, with its reason. */
#ifndef LG_TEST_H
#define LG_TEST_H

#include <stdio.h>
#include <string.h>

struct test_case {
	const char *name;
	void (*fn)(void);
	struct test_case *next;
};

void test_register(struct test_case *t);
void test_fail(const char *file, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void test_pass(void);

/* Why a test skipped: SKIP_TOOL, a program that is not installed (in CI,
 * with CI=true, that is a failure: the machine is meant to have it);
 * SKIP_FIXTURE, files of ../shared that a clone may lack (never a failure);
 * SKIP_STORE, a test about SQLite itself on a PostgreSQL run (never a
 * failure: the SQLite run checks it); SKIP_PENDING, work an open issue
 * still asks for, named in the reason (listed, never a failure). What the test checked before it skipped still has to pass. */
enum skip_kind { SKIP_TOOL, SKIP_FIXTURE, SKIP_STORE, SKIP_PENDING };
void test_skip(enum skip_kind kind, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#define TEST(name)                                                            \
	static void test_##name(void);                                        \
	static struct test_case tc_##name = { #name, test_##name, 0 };        \
	__attribute__((constructor)) static void reg_##name(void)             \
	{ test_register(&tc_##name); }                                        \
	static void test_##name(void)

#define CHECK(cond)                                                           \
	do {                                                                  \
		if (cond) test_pass();                                        \
		else test_fail(__FILE__, __LINE__, "%s", #cond);              \
	} while (0)

#define CHECK_INT(a, b)                                                       \
	do {                                                                  \
		long long a_ = (long long)(a), b_ = (long long)(b);           \
		if (a_ == b_) test_pass();                                    \
		else test_fail(__FILE__, __LINE__, "%s == %lld, expected %lld", #a, a_, b_); \
	} while (0)

#define CHECK_STR(a, b)                                                       \
	do {                                                                  \
		const char *a_ = (a), *b_ = (b);                              \
		if (a_ && b_ && strcmp(a_, b_) == 0) test_pass();             \
		else test_fail(__FILE__, __LINE__, "%s == \"%s\", expected \"%s\"", #a, a_ ? a_ : "(null)", b_ ? b_ : "(null)"); \
	} while (0)

#endif
