/* main.c — runs every registered unit test, or those whose name contains
 * argv[1], and prints the tally on a line of its own:
 * "unit: N passed, N failed, N skipped". A skipped test is listed with its
 * reason ("skip NAME: reason"); with CI=true a test skipped for a missing
 * tool fails instead. Each passing test's line says its milliseconds.
 *
 * LEERGANG_TEST_SHARD=K/N runs every N-th test from the K-th (1-based) of
 * those chosen: make check runs the shards side by side, each process with
 * databases of its own, and adds up their tallies. */
#include "test.h"
#include "formats/markdown.h"
#include "store/store.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <time.h>

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

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* LEERGANG_TEST_SHARD "K/N" into *k (0-based) and *n; false when malformed */
static bool shard_of(const char *s, int *k, int *n)
{
	*k = 0;
	*n = 1;
	if (!s || !*s)
		return true;
	char *end;
	long a = strtol(s, &end, 10);
	if (*end != '/')
		return false;
	long b = strtol(end + 1, &end, 10);
	if (*end || b < 1 || b > 64 || a < 1 || a > b)
		return false;
	*k = (int)a - 1;
	*n = (int)b;
	return true;
}

int main(int argc, char **argv)
{
	int passed = 0, failed = 0, nskipped = 0, ran = 0, chosen = 0, shard, shards;
	const char *ci = getenv("CI");
	bool in_ci = ci && !strcmp(ci, "true");
	if (!shard_of(getenv("LEERGANG_TEST_SHARD"), &shard, &shards)) {
		fprintf(stderr, "LEERGANG_TEST_SHARD must be K/N with 1 <= K <= N <= 64\n");
		return 2;
	}
	/* what the program does before its first store_open (src/main.c) */
	store_use_words(md_plain);
	for (struct test_case *t = tests; t; t = t->next) {
		if (argc > 1 && !strstr(t->name, argv[1]))
			continue;
		if (chosen++ % shards != shard)
			continue;
		checks = failures = 0;
		skipped = false;
		ran++;
		double started = now_ms();
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
			printf("ok %s (%d checks, %.0f ms)\n", t->name, checks, now_ms() - started);
			passed++;
		}
	}
	if (!ran && shards == 1) {
		fprintf(stderr, "  FAIL no unit test %s\n", argc > 1 ? "has that name" : "is registered");
		failed++;
	}
	printf("unit: %d passed, %d failed, %d skipped\n", passed, failed, nskipped);
	return failed ? 1 : 0;
}
