/* replay.c — runs a fuzz harness (tests/fuzz/fuzz_NAME.c) over the files
 * named on the command line, once each, as libFuzzer does when it is given
 * files: LLVMFuzzerInitialize first when the harness has one, then each
 * file's bytes in a heap block of exactly their size (so that a read past
 * the end is caught by ASan) to LLVMFuzzerTestOneInput. No fuzzer engine:
 * make check links it with gcc against the ASan objects of build/asan to
 * replay the committed corpora; `make fuzz` still builds the libFuzzer
 * harnesses with clang.
 *
 * Exits 0 when every file ran; a harness that finds a fault aborts (its
 * FAIL, or ASan/UBSan with halt_on_error), and LeakSanitizer reports at
 * exit. A file that cannot be read, or a harness that returns anything but
 * 0 or -1 (what libFuzzer accepts), fails the replay too. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));

static uint8_t *slurp(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 4096, len = 0;
	uint8_t *p = malloc(cap);
	size_t n;
	while (p && (n = fread(p + len, 1, cap - len, f)) > 0) {
		len += n;
		if (len == cap) {
			uint8_t *q = realloc(p, cap *= 2);
			if (!q) {
				free(p);
				p = NULL;
			} else {
				p = q;
			}
		}
	}
	int bad = ferror(f);
	fclose(f);
	if (!p || bad) {
		free(p);
		return NULL;
	}
	/* exactly len bytes: ASan hands out a block of none for an empty file */
	uint8_t *exact = malloc(len);
	if (exact)
		memcpy(exact, p, len);
	free(p);
	*size = len;
	return exact;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: %s FILE...\n", argv[0]);
		return 2;
	}
	if (LLVMFuzzerInitialize)
		LLVMFuzzerInitialize(&argc, &argv);
	int failed = 0;
	for (int i = 1; i < argc; i++) {
		size_t size = 0;
		uint8_t *data = slurp(argv[i], &size);
		if (!data) {
			fprintf(stderr, "%s: cannot read\n", argv[i]);
			failed++;
			continue;
		}
		fprintf(stderr, "Running: %s (%zu bytes)\n", argv[i], size);
		int rc = LLVMFuzzerTestOneInput(data, size);
		free(data);
		if (rc != 0 && rc != -1) {
			fprintf(stderr, "%s: LLVMFuzzerTestOneInput returned %d\n", argv[i], rc);
			failed++;
		}
	}
	fprintf(stderr, "replayed %d file(s), %d failed\n", argc - 1, failed);
	return failed ? 1 : 0;
}
