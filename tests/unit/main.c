/* main.c — runs every registered unit test, or those whose name contains
 * argv[1], and prints the tally on a line of its own. */
#include "test.h"

#include <stdarg.h>
#include <stdlib.h>

static struct test_case *tests, **tail = &tests;
static int checks, failures;

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

int main(int argc, char **argv)
{
	int passed = 0, failed = 0;
	for (struct test_case *t = tests; t; t = t->next) {
		if (argc > 1 && !strstr(t->name, argv[1]))
			continue;
		checks = failures = 0;
		t->fn();
		if (failures || !checks) {
			if (!checks)
				fprintf(stderr, "  FAIL %s: made no check\n", t->name);
			fprintf(stderr, "not ok %s\n", t->name);
			failed++;
		} else {
			printf("ok %s (%d checks)\n", t->name, checks);
			passed++;
		}
	}
	printf("unit: %d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
