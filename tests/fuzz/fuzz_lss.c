/* fuzz_lss.c — the .lss reader and the import mapping on any bytes: no
 * crash, no hang, no leak; a refusal leaves nothing behind; what is read
 * is valid UTF-8 within the limits; what is mapped has valid, unique item
 * codes, options where a choice needs them and sections that exist. And
 * the HTML-to-text conversion on the bytes themselves when they are UTF-8:
 * valid UTF-8 out, no control characters, no white space at either end,
 * at most one empty line in a row.
 *
 * Every question of the file is counted once (items, text display or not
 * carried over), a multiple choice's rule fits its options, and every
 * note of the report is UTF-8.
 *
 * The corpus (tests/fuzz/corpus/lss/) holds copies of the five LimeSurvey
 * files of ../shared/fixtures/limesurvey/ (LimeSurvey's own demo and test
 * surveys, GPL-2.0-or-later: see the corpus's README), small surveys written for the corpus in both
 * layouts (one in UTF-16), and hostile files: external entities (file,
 * parameter, DTD over the network), an entity bomb, a quadratic blow-up,
 * deep nesting, truncated and non-XML input. */
#include "domain/instrument_import.h"
#include "formats/lss.h"
#include "core/utf8.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define FAIL(...) do { fprintf(stderr, __VA_ARGS__); fputc('\n', stderr); abort(); } while (0)

static void text_ok(const char *what, const char *s)
{
	if (!s)
		FAIL("%s is NULL", what);
	if (!utf8_valid(s, strlen(s)))
		FAIL("%s is not UTF-8", what);
}

static void plain_ok(const char *s)
{
	size_t n = strlen(s);
	text_ok("plain text", s);
	for (size_t i = 0; i < n; i++)
		if (((unsigned char)s[i] < 0x20 && s[i] != '\n') || s[i] == 0x7F)
			FAIL("control character %d in plain text", s[i]);
	if (n && (isspace((unsigned char)s[0]) || isspace((unsigned char)s[n - 1])))
		FAIL("white space at an end of plain text");
	if (strstr(s, "\n\n\n"))
		FAIL("two empty lines in a row");
}

static void survey_ok(const struct lss_survey *s)
{
	if (!s->nquestions || s->nquestions > LSS_MAX_QUESTIONS || s->ngroups > LSS_MAX_GROUPS)
		FAIL("%zu questions, %zu groups", s->nquestions, s->ngroups);
	text_ok("title", s->title);
	plain_ok(s->title);
	text_ok("language", s->language);
	text_ok("base language", s->base_language);
	bool found = !*s->language;
	for (size_t i = 0; i < s->nlanguages; i++) {
		text_ok("a language", s->languages[i]);
		found |= !strcmp(s->languages[i], s->language);
	}
	if (!found)
		FAIL("the language read (%s) is not among the survey's", s->language);
	for (size_t g = 0; g < s->ngroups; g++) {
		plain_ok(s->groups[g].title);
		plain_ok(s->groups[g].description);
		text_ok("group relevance", s->groups[g].relevance);
	}
	for (size_t i = 0; i < s->nquestions; i++) {
		const struct lss_question *q = &s->questions[i];
		if (q->group < -1 || q->group >= (int)s->ngroups)
			FAIL("question %zu in group %d", i, q->group);
		if (i && q->group != -1 && (s->questions[i - 1].group == -1 || s->questions[i - 1].group > q->group))
			FAIL("questions out of group order");
		text_ok("code", q->code);
		plain_ok(q->text);
		plain_ok(q->help);
		text_ok("relevance", q->relevance);
		text_ok("conditions", q->conditions);
		text_ok("array_filter", q->array_filter);
		text_ok("array_filter_exclude", q->array_filter_exclude);
		text_ok("min_answers", q->min_answers);
		text_ok("max_answers", q->max_answers);
		text_ok("exclude_all_others", q->exclude_all_others);
		if (!*q->conditions != !q->nconditions)
			FAIL("%zu conditions as \"%s\"", q->nconditions, q->conditions);
		if (!strchr("YSN", q->mandatory))
			FAIL("mandatory %d", q->mandatory);
		for (size_t k = 0; k < q->nsubs; k++) {
			text_ok("subquestion code", q->subs[k].code);
			plain_ok(q->subs[k].text);
		}
		for (size_t k = 0; k < q->nanswers; k++) {
			text_ok("answer code", q->answers[k].code);
			plain_ok(q->answers[k].text);
			if (k && q->answers[k].scale_id < q->answers[k - 1].scale_id)
				FAIL("answers out of scale order");
		}
	}
}

static bool valid_code(const char *c)
{
	if (!isalpha((unsigned char)c[0]) || strlen(c) > IMPORT_CODE_MAX + 12)
		return false;
	for (const char *p = c; *p; p++)
		if (!isalnum((unsigned char)*p) && *p != '_')
			return false;
	return true;
}

static void import_ok(const struct instrument_import *imp)
{
	const struct instrument_version *v = &imp->version;
	if (!v->nitems)
		FAIL("imported without items");
	text_ok("name", imp->instrument.name);
	text_ok("source", imp->instrument.source);
	for (size_t i = 0; i < v->nitems; i++) {
		const struct instrument_item *it = &v->items[i];
		if (!valid_code(it->code))
			FAIL("item code \"%s\"", it->code);
		if (!strcasecmp(it->code, "respondent") || !strcasecmp(it->code, "week"))
			FAIL("item code \"%s\" is an export column", it->code);
		for (size_t k = 0; k < i; k++)
			if (!strcasecmp(v->items[k].code, it->code))
				FAIL("code \"%s\" twice", it->code);
		if (it->section_id < -1 || it->section_id >= (long long)v->nsections)
			FAIL("item in section %lld of %zu", it->section_id, v->nsections);
		bool open = !strcmp(it->kind, "open");
		if (!open && strcmp(it->kind, "likert") && strcmp(it->kind, "single") && strcmp(it->kind, "multiple"))
			FAIL("kind %s", it->kind);
		if (open != (it->noptions == 0))
			FAIL("%s item with %zu options", it->kind, it->noptions);
		text_ok("item text", it->text);
		if (!*it->text)
			FAIL("empty item text");
		bool multiple = !strcmp(it->kind, "multiple");
		if (it->min_answers < 0 || it->max_answers < 0 || (size_t)it->min_answers > it->noptions ||
		    (size_t)it->max_answers > it->noptions || (it->max_answers && it->min_answers > it->max_answers) ||
		    (!multiple && (it->min_answers || it->max_answers)))
			FAIL("%s item of %zu options with at least %d and at most %d", it->kind, it->noptions, it->min_answers,
			     it->max_answers);
		for (size_t k = 0; k < it->noptions; k++) {
			text_ok("option label", it->options[k].label);
			if (it->options[k].exclusive && !multiple)
				FAIL("an exclusive option of a %s item", it->kind);
			if (it->options[k].position != (int)k + 1)
				FAIL("option position");
			for (size_t j = 0; j < k; j++)
				if (it->options[j].value == it->options[k].value)
					FAIL("option value %d twice", it->options[k].value);
		}
	}
	for (size_t s = 0; s < v->nsections; s++) {
		text_ok("section title", v->sections[s].title);
		text_ok("section intro", v->sections[s].intro);
	}
	if (imp->used + imp->texts + imp->dropped != imp->survey.nquestions || imp->hidden > imp->dropped)
		FAIL("counts: %zu used, %zu texts, %zu dropped (%zu hidden) of %zu questions", imp->used, imp->texts,
		     imp->dropped, imp->hidden, imp->survey.nquestions);
}

static void notes_ok(const struct instrument_import *imp)
{
	for (size_t i = 0; i < imp->nnotes; i++) {
		text_ok("note code", imp->notes[i].code);
		text_ok("note section", imp->notes[i].section);
		text_ok("note question", imp->notes[i].question);
		text_ok("note", imp->notes[i].text);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a = ARENA_INIT;
	struct lss_survey s;
	enum lss_error e = lss_parse(&a, (const char *)data, size, &s);
	if (e > LSS_NO_QUESTIONS)
		FAIL("error %d", (int)e);
	if (e && (s.nquestions || s.ngroups || s.nlanguages))
		FAIL("a refusal left data behind");
	if (!e)
		survey_ok(&s);

	struct actor w = { 0 };
	w.organisation_id = 1;
	w.email = "fuzz";
	struct ctx c = { NULL, &a, &w, 0 };
	struct instrument_import imp;
	int d = instrument_import_read(&c, "fuzz.lss", (const char *)data, size, &imp);
	if (d != D_OK && d != D_INVALID)
		FAIL("import result %d", d);
	if (d == D_INVALID && !imp.error)
		FAIL("a refusal without a reason");
	if (e && d == D_OK)
		FAIL("imported what the reader refused");
	if (d == D_OK)
		import_ok(&imp);
	if (d == D_OK || !e)
		notes_ok(&imp);

	if (size < 65536 && utf8_valid((const char *)data, size)) {
		char *z = arena_strndup(&a, (const char *)data, size);
		bool html = false;
		plain_ok(lss_plain_text(&a, z, &html));
	}
	arena_free(&a);
	return 0;
}
