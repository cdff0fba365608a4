/* fuzz_import.c — the people importer on an in-memory database: whatever
 * the file holds, it reports or imports, and a dry run changes nothing. */
#include "domain/people_io.h"
#include "core/buf.h"
#include "formats/markdown.h"
#include "store/store.h"

#include <stdint.h>
#include <stdlib.h>

static struct store *st;
static long long org;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!st) {
		struct buf err = BUF_INIT;
		int applied;
		store_use_words(md_plain);
		if (store_open(":memory:", &st, &err) || store_migrate(st, &applied, &err) ||
		    store_org_add(st, "fuzz", "Fuzz", &org))
			abort();
	}
	struct arena a = ARENA_INIT;
	struct actor w = { 0 };
	w.organisation_id = org;
	w.email = "fuzz";
	struct ctx c = { st, &a, &w, 0 };
	struct import_report rep;
	long long before, after;
	if (store_person_count(st, org, &before))
		abort();
	int d = people_import(&c, (const char *)data, size, NULL, false, &rep);
	if (store_person_count(st, org, &after))
		abort();
	if (d == D_ERROR || before != after)
		abort();
	if (d == D_INVALID && rep.nissues == 0)
		abort();  /* a refusal names at least one problem */
	arena_free(&a);
	return 0;
}
