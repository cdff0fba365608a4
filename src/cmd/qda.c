/* qda.c — `leergang qda inspect|convert`: the REFI-QDA format layer
 * (formats/refi.h) from the command line, so a user and the tests can see
 * what a .qdpx, .qde or .qdc holds and what leergang would carry over,
 * and write it back as a .qdpx or a .qdc. No database is opened. */
#include "cmd.h"
#include "output.h"
#include "core/die.h"
#include "formats/refi.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && !strcasecmp(s + n - m, suffix);
}

static json_t *inspect_json(const struct refi_project *p)
{
	size_t sels = 0;
	for (size_t i = 0; i < p->nsources; i++)
		sels += p->sources[i].nsels;
	json_t *skips = json_array();
	for (size_t i = 0; i < p->nskips; i++)
		json_array_append_new(skips, json_pack("{s:s, s:I, s:s}", "what", p->skips[i].what, "count",
						       (json_int_t)p->skips[i].count, "reason", p->skips[i].reason));
	return json_pack("{s:s, s:s, s:b, s:I, s:I, s:I, s:I, s:I, s:I, s:o}", "name", p->name, "origin", p->origin,
			 "codebook_only", p->codebook_only, "codes", (json_int_t)p->ncodes, "codings",
			 (json_int_t)refi_ncodings(p), "sources", (json_int_t)p->nsources, "users",
			 (json_int_t)p->nusers, "selections", (json_int_t)sels, "notes", (json_int_t)p->nnotes,
			 "not_carried_over", skips);
}

int cmd_qda(int argc, char **argv)
{
	if (argc < 2)
		cmd_usage("qda");
	struct arena a = ARENA_INIT;
	struct refi_project p;
	if (!strcmp(argv[1], "inspect") && argc == 3) {
		const char *err = refi_read_file(&a, argv[2], &p);
		if (err)
			die("%s: refused: %s", argv[2], err);
		out_json(inspect_json(&p));
	} else if (!strcmp(argv[1], "convert") && argc == 4) {
		const char *err = refi_read_file(&a, argv[2], &p);
		if (err)
			die("%s: refused: %s", argv[2], err);
		if (ends_with(argv[3], ".qdc")) {
			struct buf b = BUF_INIT;
			if (!refi_write_qdc(&p, &b))
				die("%s: no codes to write (a codebook needs one at least)", argv[2]);
			cmd_write_file(&b, argv[3], false);
			buf_release(&b);
		} else if (ends_with(argv[3], ".qdpx")) {
			if ((err = refi_write_qdpx(&p, argv[3])))
				die("%s: %s", argv[3], err);
		} else {
			cmd_usage("qda");
		}
	} else {
		cmd_usage("qda");
	}
	arena_free(&a);
	return 0;
}
