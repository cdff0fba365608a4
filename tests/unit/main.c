/* main.c — runs every registered unit test, or those whose name contains
 * argv[1], and prints the tally on a line of its own:
 * "unit: N passed, N failed, N skipped". A skipped test is listed with its
 * reason ("skip NAME: reason"); with CI=true a test skipped for a missing
 * tool fails instead. */
#include "test.h"
#include "formats/markdown.h"
#include "store/store.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>

static struct test_case *tests, **tail = &tests;
static int checks, failures;
static char skip_reason[256];
static enum skip_kind skip_kind;
static bool skipped;

void test_register(struct test_case *t)
{
	*tail = t;
	tail = &t->next;
}

void test_pass(void)
{
	checks++;
}

void test_fail(const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	checks++;
	failures++;
	fprintf(stderr, "  FAIL %s:%d: ", file, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void test_skip(enum skip_kind kind, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(skip_reason, sizeof(skip_reason), fmt, ap);
	va_end(ap);
	skip_kind = kind;
	skipped = true;
}

int main(int argc, char **argv)
{
	int passed = 0, failed = 0, nskipped = 0, ran = 0;
	const char *ci = getenv("CI");
	bool in_ci = ci && !strcmp(ci, "true");
	/* what the program does before its first store_open (src/main.c) */
	store_use_words(md_plain);
	for (struct test_case *t = tests; t; t = t->next) {
		if (argc > 1 && !strstr(t->name, argv[1]))
			continue;
		checks = failures = 0;
		skipped = false;
		ran++;
		t->fn();
		if (skipped && !failures) {
			const char *kind = skip_kind == SKIP_TOOL ? "a tool is missing" :
					   skip_kind == SKIP_STORE ? "not for this database" :
					   skip_kind == SKIP_PENDING ? "still to build" : "a fixture is missing";
			if (in_ci && skip_kind == SKIP_TOOL) {
				fprintf(stderr, "  FAIL %s: skipped in CI (CI=true), where every tool is meant to be installed: %s\n",
					t->name, skip_reason);
				fprintf(stderr, "not ok %s\n", t->name);
				failed++;
			} else {
				printf("skip %s: %s (%s)\n", t->name, skip_reason, kind);
				nskipped++;
			}
		} else if (failures || !checks) {
			if (!checks)
				fprintf(stderr, "  FAIL %s: made no check\n", t->name);
			fprintf(stderr, "not ok %s\n", t->name);
			failed++;
		} else {
			printf("ok %s (%d checks)\n", t->name, checks);
			passed++;
		}
	}
	if (!ran) {
		fprintf(stderr, "  FAIL no unit test %s\n", argc > 1 ? "has that name" : "is registered");
		failed++;
	}
	printf("unit: %d passed, %d failed, %d skipped\n", passed, failed, nskipped);
	return failed ? 1 : 0;
}
