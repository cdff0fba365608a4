/* fuzz_qdpx.c — the REFI-QDA reader (formats/refi.h) on any bytes, as a
 * .qde/.qdc (XML) or, when they start with PK, as a .qdpx (zip): no crash,
 * no hang, no leak; a refusal has a reason and leaves nothing behind; what
 * is read is consistent (every code after its parent, selections within
 * their text, codings naming a code of the codebook, texts UTF-8) and
 * writes a project.qde and, with codes, a .qdc that are read back with
 * the same counts.
 *
 * The corpus (tests/fuzz/corpus/qdpx/) holds small files written for it:
 * a project with a nested code tree, inline text and a coded selection; a
 * codebook with an empty <Sets/>; a zipped project with its text under
 * Sources/; hostile ones (an entity bomb, an external entity, a selection
 * past its text, a ../ path). */
#include "formats/refi.h"
#include "core/utf8.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FAIL(...) do { fprintf(stderr, __VA_ARGS__); fputc('\n', stderr); abort(); } while (0)

static void check(const struct refi_project *p)
{
	for (size_t i = 0; i < p->ncodes; i++)
		if (p->codes[i].parent >= (int)i || p->codes[i].parent < -1)
			FAIL("code %zu has parent %d", i, p->codes[i].parent);
	for (size_t i = 0; i < p->nsources; i++) {
		const struct refi_source *s = &p->sources[i];
		if (!utf8_valid(s->text, s->len))
			FAIL("source text not UTF-8");
		for (size_t k = 0; k < s->nsels; k++) {
			if (s->sels[k].start > s->sels[k].end || s->sels[k].end > s->chars)
				FAIL("selection %zu..%zu in %zu characters", s->sels[k].start, s->sels[k].end, s->chars);
			for (size_t c = 0; c < s->sels[k].ncodings; c++) {
				bool found = false;
				for (size_t j = 0; j < p->ncodes && !found; j++)
					found = !strcmp(p->codes[j].guid, s->sels[k].codings[c].code);
				if (!found)
					FAIL("a coding names no code");
			}
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a = ARENA_INIT;
	struct refi_project p;
	const char *err = refi_read_mem(&a, data, size, &p);
	if (err && (p.ncodes || p.nsources || p.nusers || p.nskips))
		FAIL("a refusal left data behind");
	if (!err) {
		check(&p);
		struct buf b = BUF_INIT;
		if (!refi_write_qde(&p, &b))
			FAIL("project.qde not written");
		struct refi_project q;
		const char *e2 = refi_read_mem(&a, b.ptr, b.len, &q);
		if (e2)
			FAIL("the written project.qde is refused: %s", e2);
		/* read without its archive, the texts are missing: sources drop */
		if (q.ncodes != p.ncodes || q.nusers != p.nusers || q.nnotes != p.nnotes)
			FAIL("counts differ after writing");
		buf_reset(&b);
		if (refi_write_qdc(&p, &b) != (p.ncodes > 0))
			FAIL("qdc");
		buf_release(&b);
	}
	arena_free(&a);
	return 0;
}
