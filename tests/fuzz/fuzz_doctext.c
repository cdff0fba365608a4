/* fuzz_doctext.c — the text of a .docx or .odt (formats/doc_text.h) from
 * any bytes: no crash, no hang, no leak; a refusal has a reason and gives
 * no text; a text given is UTF-8 within the limit.
 *
 * The corpus (tests/fuzz/corpus/doctext/) holds small files written for
 * it: a .docx with two paragraphs, a tab and an accent; an .odt with a
 * heading, spaces, a span, a comment and a line break; hostile ones (an
 * .odt whose content.xml declares an entity, a .docx whose body nests
 * deeper than the limit). */
#include "formats/doc_text.h"
#include "core/utf8.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FAIL(...) do { fprintf(stderr, __VA_ARGS__); fputc('\n', stderr); abort(); } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a = ARENA_INIT;
	char *text = (char *)"unset";
	const char *err = doc_text(&a, data, size, &text);
	if (err && text)
		FAIL("refused (%s) but a text was given", err);
	if (!err) {
		if (!text)
			FAIL("no refusal and no text");
		size_t n = strlen(text);
		if (n > DOC_TEXT_MAX || !utf8_valid(text, n))
			FAIL("text of %zu bytes, not UTF-8 or past the limit", n);
	}
	arena_free(&a);
	return 0;
}
