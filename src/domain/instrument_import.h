/* instrument_import.h — a LimeSurvey survey structure (.lss) imported as a
 * new questionnaire (instrument), with a report of everything that could
 * not be carried over or was changed on the way.
 *
 * The file is read (formats/lss.h) in Dutch when it has Dutch, else in its
 * base language; each group becomes a section, each question one or more
 * items by its type (the table in instrument_import.c); what leergang
 * cannot ask (dates, numbers, ranking, uploads, equations, arrays of
 * numbers or texts, ...) is left out and named in the report with why.
 * Conditions, array filters and Expression Manager code are not carried
 * over: every element is always shown, each one named in the report;
 * questions LimeSurvey hides are left out. The minimum and maximum number
 * of answers of a multiple choice and its exclusive options are kept. Item codes are made valid variable names
 * (a letter, then letters, digits and _) and unique; renames are reported.
 *
 * Reading changes nothing; saving writes the instrument and its first
 * version in one transaction, with the report as the version's note. */
#ifndef LG_DOMAIN_INSTRUMENT_IMPORT_H
#define LG_DOMAIN_INSTRUMENT_IMPORT_H

#include "core/compiler.h"
#include "ctx.h"
#include "formats/lss.h"
#include "domain/model/instrument.h"

#define IMPORT_CODE_MAX 48       /* bytes of an item code before a uniqueness suffix */
#define IMPORT_NAME_MAX 200      /* bytes of the instrument's name */

enum import_note_kind {
	NOTE_DROPPED,            /* a question that was not carried over */
	NOTE_CHANGED,            /* carried over, with a change worth knowing */
	NOTE_GENERAL,            /* about the file as a whole */
};

struct import_note {
	enum import_note_kind kind;
	const char *code;        /* the question's code in the file, or "" */
	const char *section;     /* the title of its group, or "" */
	const char *question;    /* the question's text, shortened, or "" */
	char *text;              /* what happened, in the interface language */
};

struct instrument_import {
	const char *filename;
	struct lss_survey survey;
	struct instrument instrument;        /* name, description, source */
	struct instrument_version version;   /* sections and items; item section_id indexes sections */
	struct import_note *notes;
	size_t nnotes, notes_cap;
	/* every question of the file is in one of three counts */
	size_t used;                         /* questions that became items */
	size_t texts;                        /* text displays that became (part of) a section's introduction */
	size_t dropped;                      /* questions not carried over, the hidden ones among them */
	size_t hidden;                       /* questions left out because LimeSurvey hides them */
	const char *error;                   /* with D_INVALID: why, and what to do */
};

/* Reads the file and maps it; stores nothing. D_OK, or D_INVALID with
 * out->error set (not a LimeSurvey survey, empty, too big, hostile, or
 * nothing in it that leergang can ask; the notes then say why). */
MUST_CHECK int instrument_import_read(struct ctx *c, const char *filename, const char *data, size_t len,
			   struct instrument_import *out);

/* Saves what instrument_import_read() made as a new instrument with its
 * first version, in one transaction. D_OK or D_ERROR. */
MUST_CHECK int instrument_import_save(struct ctx *c, const struct instrument_import *imp, long long now, long long *id);

/* The counts of the import in a sentence: the file's questions, the items
 * from how many of them, text displays in introductions, questions not
 * carried over (hidden ones among them), sections. */
const char *instrument_import_counts(struct arena *a, const struct instrument_import *imp);

/* The name of a kind of item in the interface language ("Likert scale"). */
const char *import_kind_label(const char *kind);

#endif
