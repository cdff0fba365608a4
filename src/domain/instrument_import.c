/* instrument_import.c — LimeSurvey question types onto leergang's items.
 *
 *   LimeSurvey type                          leergang item(s)
 *   5  5-point choice                        likert 1–5 (labels from the file when it has them)
 *   A  array, 5-point                        per subquestion: likert 1–5
 *   B  array, 10-point                       per subquestion: likert 1–10
 *   F  array (flexible), H array by column   per subquestion: likert with the answer texts as
 *                                            labelled points when the answer codes are numeric
 *                                            and consecutive (the codes are the values), else
 *                                            single choice 1..n (codes listed in the report)
 *   1  array, dual scale                     per subquestion two items, one per scale, as F
 *   L  list (radio), ! dropdown,             single choice, values 1..n in sort order, labels
 *   O  list with comment                     the answer texts (the comment is dropped)
 *   M  multiple choice, P with comments      multiple choice, options the subquestions 1..n
 *   S  short, T long, U huge free text       open
 *   Q  multiple short text                   per subquestion: open
 *   Y  yes/no                                single: yes = 1, no = 2
 *   G  gender                                single: female = 1, male = 2
 *   C  array yes/uncertain/no                per subquestion: single, yes 1, uncertain 2, no 3
 *   E  array increase/same/decrease          per subquestion: single, 1, 2, 3
 *   X  text display                          the introduction of its section, not an item; after
 *                                            questions of its group, of a new part of the section
 *                                            that starts there (the text keeps its place)
 *   anything else (D date, N number, K multiple numbers, R ranking, | file upload, * equation,
 *   : and ; arrays of numbers and texts, I language switch, ...)   not carried over, reported
 *
 * An array question's items are "Question — subquestion" with the code
 * QCODE_SQCODE (QCODE_SQCODE_0 and _1 for the two scales of a dual scale,
 * as LimeSurvey's Expression Manager names them); its Likert items count
 * towards one scale named after the question. Mandatory ('Y') stays
 * required; the help text goes under the question's text. The labels of
 * Y, G, C and E are LimeSurvey's, in the survey's language (Dutch, English,
 * German, French, Spanish, Portuguese or Italian; Dutch otherwise, and the
 * report says so).
 *
 * A question LimeSurvey hides (attribute "hidden") is left out, and a
 * group of hidden questions only with it. A multiple choice keeps
 * min_answers, max_answers (whole numbers) and exclude_all_others
 * (domain/answer_rule.h); conditions (relevance, the conditions table,
 * subquestions' own), array filters and Expression Manager code anywhere
 * are named in the report, question by question with its section and text.
 * Every question of the file is counted once: it gave items, it was a text
 * display, or it was not carried over. */
#include "instrument_import.h"
#include "audit.h"
#include "instrument_edit.h"
#include "core/i18n.h"
#include "core/utf8.h"
#include "store/instrument.h"
#include "store/store.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- the report ---- */

struct mapper {
	struct ctx *c;
	struct instrument_import *out;
	const struct lss_question *q;     /* the question being mapped */
	size_t items_cap;
	/* codes in use, lower-cased, in an open-addressing hash set */
	char **codes;
	size_t ncodes, codes_cap;
	bool help, em_warned;
	size_t mandatory;
	/* sections as they are made, in order: a group's first, and one more
	 * for a text display that comes after items of its group */
	long long *gsec;                  /* per group: its current section, -1 before it has one */
	long long *sec_group;             /* per section: its group */
	size_t groups_done;               /* groups that have their first section */
	size_t *gquestions, *ghidden;     /* per group: questions, hidden questions */
	bool fixed_dutch;                 /* fixed labels put in Dutch for want of the survey's language */
	const char *section;              /* the section a note about no question is about, or NULL */
};

/* A text shortened for a report line: at most max bytes, with "…". */
static const char *shorten(struct arena *a, const char *s, size_t max)
{
	size_t n = utf8_cut(s, max);
	return s[n] ? arena_printf(a, "%.*s…", (int)n, s) : s;
}

static void note(struct mapper *m, enum import_note_kind kind, const char *code, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void note(struct mapper *m, enum import_note_kind kind, const char *code, const char *fmt, ...)
{
	struct instrument_import *o = m->out;
	struct buf b = BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	if (o->nnotes == o->notes_cap)
		o->notes = arena_grow(m->c->a, o->notes, o->nnotes, o->notes_cap = o->notes_cap ? o->notes_cap * 2 : 32,
				      sizeof(*o->notes));
	const char *section = m->section ? m->section : "", *question = "";
	const struct lss_question *q = m->q;
	if (q && code && *code && !strcmp(code, q->code)) {
		if (q->group >= 0)
			section = m->out->version.sections[m->gsec[q->group]].title;
		question = shorten(m->c->a, q->text, 120);
	}
	o->notes[o->nnotes++] = (struct import_note){ kind, code ? arena_strdup(m->c->a, code) : "", section, question,
						      arena_strndup(m->c->a, b.ptr, b.len) };
	buf_release(&b);
}


/* ---- codes: valid variable names, unique without regard to case ---- */

static size_t hash(const char *s)
{
	size_t h = 5381;
	for (; *s; s++)
		h = h * 33 + (unsigned char)tolower((unsigned char)*s);
	return h;
}

static bool code_taken(const struct mapper *m, const char *s)
{
	if (!m->codes_cap)
		return false;
	for (size_t i = hash(s) & (m->codes_cap - 1);; i = (i + 1) & (m->codes_cap - 1)) {
		if (!m->codes[i])
			return false;
		if (!strcasecmp(m->codes[i], s))
			return true;
	}
}

static void code_take(struct mapper *m, const char *s)
{
	if ((m->ncodes + 1) * 2 > m->codes_cap) {
		size_t cap = m->codes_cap ? m->codes_cap * 2 : 256;
		char **old = m->codes;
		size_t oldcap = m->codes_cap;
		m->codes = arena_alloc(m->c->a, cap * sizeof(*m->codes));
		m->codes_cap = cap;
		for (size_t i = 0; i < oldcap; i++)
			if (old[i]) {
				size_t k = hash(old[i]) & (cap - 1);
				while (m->codes[k])
					k = (k + 1) & (cap - 1);
				m->codes[k] = old[i];
			}
	}
	size_t k = hash(s) & (m->codes_cap - 1);
	while (m->codes[k])
		k = (k + 1) & (m->codes_cap - 1);
	m->codes[k] = arena_strdup(m->c->a, s);
	m->ncodes++;
}

/* wanted as a variable name: a letter, then letters, digits and _, at
 * most IMPORT_CODE_MAX bytes. */
static char *valid_code(struct arena *a, const char *wanted)
{
	size_t n = strlen(wanted);
	char *s = arena_alloc(a, n + 2);
	size_t k = 0;
	if (!isalpha((unsigned char)wanted[0]))
		s[k++] = 'q';
	for (size_t i = 0; i < n && k < IMPORT_CODE_MAX; i++) {
		unsigned char ch = (unsigned char)wanted[i];
		if (ch >= 0x80) {
			/* one '_' for a whole UTF-8 character */
			while (i + 1 < n && ((unsigned char)wanted[i + 1] & 0xC0) == 0x80)
				i++;
			ch = '_';
		}
		s[k++] = isalnum(ch) ? (char)ch : '_';
	}
	s[k] = '\0';
	return s;
}

/* Is s free, and for a multiple choice of nopt options also every export
 * column s_1 .. s_nopt? */
static bool code_free(struct mapper *m, const char *s, size_t nopt)
{
	if (code_taken(m, s))
		return false;
	char col[IMPORT_CODE_MAX + 40];
	for (size_t k = 1; k <= nopt; k++) {
		snprintf(col, sizeof(col), "%s_%zu", s, k);
		if (code_taken(m, col))
			return false;
	}
	return true;
}

/* A valid, unused code for an item, reported when it is not the one the
 * file gave. nopt: the options of a multiple choice (their export columns
 * are taken as well), else 0. */
static const char *item_code(struct mapper *m, const char *wanted, size_t nopt)
{
	struct arena *a = m->c->a;
	char *s = valid_code(a, wanted);
	if (strcmp(s, wanted))
		note(m, NOTE_CHANGED, m->q->code, _("The code “%s” is not a valid variable name (a letter, then letters, digits and _) and became “%s”."),
		     shorten(a, wanted, 80), s);
	if (!code_free(m, s, nopt)) {
		char *base = s;
		for (unsigned k = 2;; k++) {
			s = arena_printf(a, "%s_%u", base, k);
			if (code_free(m, s, nopt))
				break;
		}
		note(m, NOTE_CHANGED, m->q->code, _("The code “%s” was already in use and became “%s”."), base, s);
	}
	code_take(m, s);
	char col[IMPORT_CODE_MAX + 40];
	for (size_t k = 1; k <= nopt; k++) {
		snprintf(col, sizeof(col), "%s_%zu", s, k);
		code_take(m, col);
	}
	return s;
}

/* ---- items ---- */

static struct instrument_item *item_new(struct mapper *m, const char *kind, const char *code, const char *text,
					size_t nopt)
{
	struct instrument_version *v = &m->out->version;
	if (v->nitems == m->items_cap)
		v->items = arena_grow(m->c->a, v->items, v->nitems, m->items_cap = m->items_cap ? m->items_cap * 2 : 64,
				      sizeof(*v->items));
	struct instrument_item *it = &v->items[v->nitems++];
	memset(it, 0, sizeof(*it));
	it->section_id = m->q->group >= 0 ? m->gsec[m->q->group] : -1;
	it->kind = (char *)kind;
	it->code = (char *)item_code(m, code, !strcmp(kind, "multiple") ? nopt : 0);
	it->text = (char *)(*text ? text : it->code);
	/* what the questionnaire's editor takes (instrument_edit.h), so that a
	 * new version can be saved as it stands */
	if (utf8_length(it->text) > ITEM_TEXT_MAX) {
		note(m, NOTE_CHANGED, m->q->code,
		     _("The text was longer than the %d characters a question may hold; it was shortened and ends in \"…\"."),
		     ITEM_TEXT_MAX);
		it->text = arena_printf(m->c->a, "%.*s…", (int)utf8_prefix(it->text, ITEM_TEXT_MAX - 1), it->text);
	}
	it->scale = "";
	it->left_label = "";
	it->right_label = "";
	it->required = m->q->mandatory == 'Y';
	it->options = nopt ? arena_alloc(m->c->a, nopt * sizeof(*it->options)) : NULL;
	return it;
}

static void option(struct instrument_item *it, int value, const char *label)
{
	it->options[it->noptions] = (struct item_option){ (int)it->noptions + 1, value, (char *)(label ? label : ""), 0 };
	it->noptions++;
}

/* "Question — subquestion", either alone when the other is empty. */
static const char *sub_text(struct mapper *m, const char *sub, const char *sub_code)
{
	const char *q = m->q->text;
	if (!*sub)
		sub = sub_code;
	if (!*q)
		return sub;
	return arena_printf(m->c->a, "%s — %s", q, sub);
}

static const char *sub_code(struct mapper *m, const struct lss_subquestion *sq)
{
	return arena_printf(m->c->a, "%s_%s", m->q->code, sq->code);
}

/* "AO01 = 1, AO02 = 2, ..." for the report; NULL when every code is its value. */
static const char *code_list(struct arena *a, const char *const *codes, const int *values, size_t n)
{
	bool same = true;
	for (size_t i = 0; i < n && same; i++) {
		char v[16];
		snprintf(v, sizeof(v), "%d", values[i]);
		same = !strcmp(codes[i], v);
	}
	if (same)
		return NULL;
	struct buf b = BUF_INIT;
	for (size_t i = 0; i < n && i < 20; i++)
		buf_addf(&b, "%s%s = %d", i ? ", " : "", shorten(a, codes[i], 20), values[i]);
	if (n > 20)
		buf_adds(&b, ", …");
	char *s = arena_strndup(a, b.ptr, b.len);
	buf_release(&b);
	return s;
}

static void report_codes(struct mapper *m, const char *const *codes, const int *values, size_t n)
{
	const char *list = code_list(m->c->a, codes, values, n);
	if (list)
		note(m, NOTE_CHANGED, m->q->code, _("Answer codes as values: %s."), list);
}

/* The answer options of one scale of the question. */
static const struct lss_answer **answers_of(struct arena *a, const struct lss_question *q, int scale, size_t *n)
{
	const struct lss_answer **x = arena_alloc(a, (q->nanswers + 1) * sizeof(*x));
	*n = 0;
	for (size_t i = 0; i < q->nanswers; i++)
		if (q->answers[i].scale_id == scale)
			x[(*n)++] = &q->answers[i];
	return x;
}

/* Whether the codes are whole numbers that follow each other (1, 2, 3 or 0, 1, 2). */
static bool consecutive(const struct lss_answer *const *ans, size_t n, int *first)
{
	if (n < 2)
		return false;
	for (size_t i = 0; i < n; i++) {
		const char *c = ans[i]->code;
		char *end;
		long v = strtol(c, &end, 10);
		if (!*c || *end || !(isdigit((unsigned char)*c)) || v > 1000)
			return false;
		if (i == 0)
			*first = (int)v;
		else if (v != *first + (long)i)
			return false;
	}
	return true;
}

/* The codes of answers given the values 1..n, for the report; NULL when
 * the codes are those values. */
static const char *answer_codes(struct mapper *m, const struct lss_answer *const *ans, size_t n)
{
	const char **codes = arena_alloc(m->c->a, (n + 1) * sizeof(*codes));
	int *values = arena_alloc(m->c->a, (n + 1) * sizeof(*values));
	for (size_t k = 0; k < n; k++) {
		codes[k] = ans[k]->code;
		values[k] = (int)k + 1;
	}
	return code_list(m->c->a, codes, values, n);
}

/* An answer that is no point of the scale: "weet niet", "n.v.t.", "geen
 * mening", "don't know", "not applicable" (any case, what follows ignored). */
static bool dont_know_answer(const char *label)
{
	static const char *const words[] = { "weet niet", "weet ik niet", "n.v.t", "nvt", "niet van toepassing",
					     "geen mening", "geen idee", "don't know", "dont know", "do not know",
					     "not applicable", "n/a", "no opinion" };
	const char *s = label ? label + strspn(label, " \t\r\n") : "";
	for (size_t i = 0; i < sizeof(words) / sizeof(*words); i++)
		if (!strncasecmp(s, words[i], strlen(words[i])))
			return true;
	return false;
}

/* An item whose points or options are the given answers: Likert when the
 * codes are consecutive numbers, else a single choice 1..n. A last answer
 * "weet niet" after a scale (codes 1..5 and 99, say) is leergang's "weet
 * niet / n.v.t.", counted in no mean, not a point of the scale. */
static struct instrument_item *item_from_answers(struct mapper *m, const char *code, const char *text,
						 const struct lss_answer *const *ans, size_t n, bool report)
{
	int first = 0;
	if (n >= 3 && dont_know_answer(ans[n - 1]->text) && consecutive(ans, n - 1, &first)) {
		struct instrument_item *it = item_new(m, "likert", code, text, n - 1);
		for (size_t k = 0; k + 1 < n; k++)
			option(it, first + (int)k, ans[k]->text);
		it->allows_dont_know = 1;
		if (report)  /* once per question, not per subquestion */
			note(m, NOTE_CHANGED, m->q->code, _("The answer “%s” (code %s) became “weet niet / n.v.t.”: no point of the scale, counted in no mean."),
			     ans[n - 1]->text, ans[n - 1]->code);
		return it;
	}
	if (consecutive(ans, n, &first)) {
		struct instrument_item *it = item_new(m, "likert", code, text, n);
		for (size_t k = 0; k < n; k++)
			option(it, first + (int)k, ans[k]->text);
		return it;
	}
	struct instrument_item *it = item_new(m, "single", code, text, n);
	for (size_t k = 0; k < n; k++)
		option(it, (int)k + 1, ans[k]->text);
	const char *list = report ? answer_codes(m, ans, n) : NULL;
	if (list)
		note(m, NOTE_CHANGED, m->q->code, _("Answer codes as values: %s."), list);
	return it;
}

/* LimeSurvey's own labels of the fixed types, in the survey's language. */
enum fixed { FX_YES, FX_NO, FX_FEMALE, FX_MALE, FX_UNCERTAIN, FX_INCREASE, FX_SAME, FX_DECREASE, FX_N };

/* LimeSurvey's own labels of the fixed types (its translations), by the
 * language's first two letters; for another language the Dutch ones,
 * and the report says so. */
static const char *fixed_label(struct mapper *m, enum fixed f)
{
	static const struct {
		char lang[3];
		const char *label[FX_N];
	} labels[] = {
		{ "nl", { "Ja", "Nee", "Vrouw", "Man", "Onzeker", "Toename", "Gelijk", "Afname" } },
		{ "en", { "Yes", "No", "Female", "Male", "Uncertain", "Increase", "Same", "Decrease" } },
		{ "de", { "Ja", "Nein", "Weiblich", "Männlich", "Unsicher", "Zunahme", "Gleich", "Abnahme" } },
		{ "fr", { "Oui", "Non", "Féminin", "Masculin", "Incertain", "Augmenter", "Sans changement", "Diminuer" } },
		{ "es", { "Sí", "No", "Femenino", "Masculino", "Indeciso", "Aumentar", "Sin cambios", "Disminuir" } },
		{ "pt", { "Sim", "Não", "Feminino", "Masculino", "Incerto", "Aumentar", "Manter", "Diminuir" } },
		{ "it", { "Sì", "No", "Femmina", "Maschio", "Incerto", "Aumento", "Stesso", "Diminuzione" } },
	};
	const char *lang = m->out->survey.language;
	for (size_t i = 0; i < ARRAY_SIZE(labels); i++)
		if (!strncmp(lang, labels[i].lang, 2) && (!lang[2] || lang[2] == '-' || lang[2] == '_'))
			return labels[i].label[f];
	m->fixed_dutch = true;
	return labels[0].label[f];
}

static struct instrument_item *fixed_item(struct mapper *m, const char *code, const char *text, const enum fixed *f,
					  const char *const *codes, size_t n, bool report)
{
	struct instrument_item *it = item_new(m, "single", code, text, n);
	int values[4];
	for (size_t k = 0; k < n; k++) {
		option(it, (int)k + 1, fixed_label(m, f[k]));
		values[k] = (int)k + 1;
	}
	if (report)
		report_codes(m, codes, values, n);
	return it;
}

static const char *type_name(struct arena *a, char type)
{
	switch (type) {
	case 'D': return _("date");
	case 'N': return _("number");
	case 'K': return _("multiple numbers");
	case 'R': return _("ranking");
	case '|': return _("file upload");
	case '*': return _("equation");
	case ':': return _("array of numbers");
	case ';': return _("array of texts");
	case 'I': return _("language switch");
	default: return arena_printf(a, _("unknown type “%c”"), isprint((unsigned char)type) ? type : '?');
	}
}

/* Does the text hold Expression Manager code: "{" then no white space, and
 * a "}" after it? */
static bool has_em(const char *s)
{
	for (const char *p = strchr(s, '{'); p; p = strchr(p + 1, '{'))
		if (p[1] && !isspace((unsigned char)p[1]) && strchr(p + 1, '}'))
			return true;
	return false;
}

/* The subquestions of one scale. */
static const struct lss_subquestion **subs_of(struct arena *a, const struct lss_question *q, int scale, size_t *n)
{
	const struct lss_subquestion **x = arena_alloc(a, (q->nsubs + 1) * sizeof(*x));
	*n = 0;
	for (size_t i = 0; i < q->nsubs; i++)
		if (q->subs[i].scale_id == scale)
			x[(*n)++] = &q->subs[i];
	return x;
}

/* A whole number from 1 to 1000 ("2"), as LimeSurvey's attributes hold
 * when they are no expression. */
static bool small_number(const char *s, int *v)
{
	char *end;
	long x = strtol(s, &end, 10);
	if (!isdigit((unsigned char)*s) || *end || x < 1 || x > 1000)
		return false;
	*v = (int)x;
	return true;
}

/* Where the texts of the question hold Expression Manager code: "the
 * question text, subquestion SQ1, answer option A2", or NULL. */
static const char *em_places(struct mapper *m, const struct lss_question *q)
{
	struct buf b = BUF_INIT;
	size_t n = 0;
	if (has_em(q->text))
		buf_addf(&b, "%s%s", n++ ? ", " : "", q->type == 'X' ? _("the text") : _("the question text"));
	if (has_em(q->help))
		buf_addf(&b, "%s%s", n++ ? ", " : "", _("the help text"));
	for (size_t i = 0; i < q->nsubs && n < 12; i++)
		if (has_em(q->subs[i].text))
			buf_addf(&b, "%s%s", n++ ? ", " : "", arena_printf(m->c->a, _("subquestion %s"), shorten(m->c->a, q->subs[i].code, 20)));
	for (size_t i = 0; i < q->nanswers && n < 12; i++)
		if (has_em(q->answers[i].text))
			buf_addf(&b, "%s%s", n++ ? ", " : "",
				 q->answers[i].scale_id ? arena_printf(m->c->a, _("answer option %s of the second scale"), shorten(m->c->a, q->answers[i].code, 20))
							: arena_printf(m->c->a, _("answer option %s"), shorten(m->c->a, q->answers[i].code, 20)));
	const char *s = n ? arena_strndup(m->c->a, b.ptr, b.len) : NULL;
	buf_release(&b);
	return s;
}

/* The question with its options that are only an image labelled by their
 * alt text or else their code, each named in the report. */
static const struct lss_question *image_labels(struct mapper *m, const struct lss_question *q)
{
	bool any = false;
	for (size_t i = 0; i < q->nsubs; i++)
		any |= q->subs[i].image;
	for (size_t i = 0; i < q->nanswers; i++)
		any |= q->answers[i].image;
	if (!any)
		return q;
	struct arena *a = m->c->a;
	struct lss_question *x = arena_alloc(a, sizeof(*x));
	*x = *q;
	x->subs = arena_alloc(a, (q->nsubs + 1) * sizeof(*x->subs));
	if (q->nsubs)
		memcpy(x->subs, q->subs, q->nsubs * sizeof(*x->subs));
	x->answers = arena_alloc(a, (q->nanswers + 1) * sizeof(*x->answers));
	if (q->nanswers)
		memcpy(x->answers, q->answers, q->nanswers * sizeof(*x->answers));
	m->q = x;
	for (size_t i = 0; i < x->nsubs; i++) {
		struct lss_subquestion *sq = &x->subs[i];
		if (!sq->image)
			continue;
		if (*sq->text)
			note(m, NOTE_CHANGED, x->code, _("The subquestion %s is only an image in LimeSurvey: the image is not shown, its alternative text “%s” is."),
			     sq->code, shorten(a, sq->text, 80));
		else
			note(m, NOTE_CHANGED, x->code, _("The subquestion %s is only an image in LimeSurvey, without an alternative text: the image is not shown, its code “%s” is."),
			     sq->code, sq->code);
		sq->text = *sq->text ? sq->text : sq->code;
	}
	for (size_t i = 0; i < x->nanswers; i++) {
		struct lss_answer *an = &x->answers[i];
		if (!an->image)
			continue;
		if (*an->text)
			note(m, NOTE_CHANGED, x->code, _("The answer option %s is only an image in LimeSurvey: the image is not shown, its alternative text “%s” is."),
			     an->code, shorten(a, an->text, 80));
		else
			note(m, NOTE_CHANGED, x->code, _("The answer option %s is only an image in LimeSurvey, without an alternative text: the image is not shown, its code “%s” is."),
			     an->code, an->code);
		an->text = *an->text ? an->text : an->code;
	}
	return x;
}

/* The conditions of a question or text display that are not carried over. */
static void report_conditions(struct mapper *m, const struct lss_question *q)
{
	struct arena *a = m->c->a;
	bool text = q->type == 'X';
	if (*q->relevance && strcmp(q->relevance, "1"))
		note(m, NOTE_CHANGED, q->code, text ? _("The condition “%s” was not carried over: the text is always shown.")
						    : _("The condition “%s” was not carried over: the question is always shown."),
		     shorten(a, q->relevance, 200));
	if (q->nconditions)
		note(m, NOTE_CHANGED, q->code, text ? _("The conditions “%s” (LimeSurvey's conditions table) were not carried over: the text is always shown.")
						    : _("The conditions “%s” (LimeSurvey's conditions table) were not carried over: the question is always shown."),
		     shorten(a, q->conditions, 200));
	for (size_t i = 0; i < q->nsubs; i++) {
		const char *rel = q->subs[i].relevance;
		if (rel && *rel && strcmp(rel, "1"))
			note(m, NOTE_CHANGED, q->code, _("The condition “%s” of subquestion %s was not carried over: it is always shown."),
			     shorten(a, rel, 200), shorten(a, q->subs[i].code, 20));
	}
}

/* array_filter, minimum and maximum answers and exclusive options: kept
 * where leergang can check them (a multiple choice), else reported. */
static void answer_rules(struct mapper *m, const struct lss_question *q, struct instrument_item *first)
{
	struct arena *a = m->c->a;
	if (*q->array_filter)
		note(m, NOTE_CHANGED, q->code, _("In LimeSurvey only the options chosen in “%s” are shown here (array_filter); not carried over: all are always shown."),
		     shorten(a, q->array_filter, 80));
	if (*q->array_filter_exclude)
		note(m, NOTE_CHANGED, q->code, _("In LimeSurvey the options chosen in “%s” are left out here (array_filter_exclude); not carried over: all are always shown."),
		     shorten(a, q->array_filter_exclude, 80));
	bool multiple = first && !strcmp(first->kind, "multiple");
	int lo = 0, hi = 0;
	if (*q->min_answers) {
		if (multiple && small_number(q->min_answers, &lo) && (size_t)lo <= first->noptions)
			first->min_answers = lo;
		else
			note(m, NOTE_CHANGED, q->code, _("The minimum number of answers “%s” was not carried over: leergang checks it only as a number for a multiple choice."),
			     shorten(a, q->min_answers, 80));
	}
	if (*q->max_answers) {
		if (multiple && small_number(q->max_answers, &hi) && hi >= first->min_answers)
			first->max_answers = hi < (int)first->noptions ? hi : 0;
		else
			note(m, NOTE_CHANGED, q->code, _("The maximum number of answers “%s” was not carried over: leergang checks it only as a number for a multiple choice."),
			     shorten(a, q->max_answers, 80));
	}
	if (first && (first->min_answers || first->max_answers))
		note(m, NOTE_CHANGED, q->code, "%s",
		     first->min_answers && first->max_answers
			     ? arena_printf(a, _("Kept from LimeSurvey: at least %d and at most %d options are chosen when the question is answered."), first->min_answers, first->max_answers)
		     : first->min_answers
			     ? arena_printf(a, ngettext("Kept from LimeSurvey: at least %d option is chosen when the question is answered.",
							"Kept from LimeSurvey: at least %d options are chosen when the question is answered.",
							(unsigned long)first->min_answers), first->min_answers)
			     : arena_printf(a, ngettext("Kept from LimeSurvey: at most %d option is chosen.",
							"Kept from LimeSurvey: at most %d options are chosen.", (unsigned long)first->max_answers),
					    first->max_answers));
	if (*q->exclude_all_others) {
		struct buf kept = BUF_INIT, lost = BUF_INIT, missing = BUF_INIT;
		for (const char *p = q->exclude_all_others; *p;) {
			p += strspn(p, "; ,");
			size_t n = strcspn(p, "; ,");
			if (!n)
				break;
			const char *code = arena_strndup(a, p, n);
			p += n;
			bool found = false;
			for (size_t k = 0; multiple && k < q->nsubs && k < first->noptions; k++)
				if (!strcmp(q->subs[k].code, code)) {
					first->options[k].exclusive = 1;
					found = true;
				}
			struct buf *to = found ? &kept : multiple ? &missing : &lost;
			buf_addf(to, "%s%s", to->len ? ", " : "", shorten(a, code, 20));
		}
		if (kept.len)
			note(m, NOTE_CHANGED, q->code, _("Kept from LimeSurvey: the option %s is chosen alone, never with another."), kept.ptr);
		if (lost.len)
			note(m, NOTE_CHANGED, q->code, _("The exclusive option “%s” (exclude_all_others) was not carried over: leergang has it only for the options of a multiple choice."),
			     lost.ptr);
		if (missing.len)
			note(m, NOTE_CHANGED, q->code, _("The exclusive option “%s” (exclude_all_others) is none of the question's options; not carried over."),
			     missing.ptr);
		buf_release(&kept);
		buf_release(&lost);
		buf_release(&missing);
	}
	if (q->exclude_all_others_auto)
		note(m, NOTE_CHANGED, q->code, "%s", _("LimeSurvey ticks the exclusive option by itself when every other one is ticked (exclude_all_others_auto); not carried over."));
}

/* A new section for group g, at the end: its first, or one more for a
 * text display that comes after questions. */
static long long section_new(struct mapper *m, size_t g, const char *intro)
{
	struct instrument_version *v = &m->out->version;
	const struct lss_group *gr = &m->out->survey.groups[g];
	size_t s = v->nsections++;
	struct instrument_section *sec = &v->sections[s];
	sec->position = (int)s + 1;
	sec->title = *gr->title ? gr->title : arena_printf(m->c->a, _("Section %zu"), g + 1);
	sec->intro = (char *)intro;
	m->sec_group[s] = (long long)g;
	m->gsec[g] = (long long)s;
	return (long long)s;
}

/* The first sections of every group up to and including g, in order. */
static void groups_upto(struct mapper *m, size_t g)
{
	struct arena *a = m->c->a;
	const struct lss_survey *s = &m->out->survey;
	m->q = NULL;
	for (; m->groups_done <= g && m->groups_done < s->ngroups; m->groups_done++) {
		const struct lss_group *gr = &s->groups[m->groups_done];
		long long sec = section_new(m, m->groups_done, gr->description);
		const char *title = m->out->version.sections[sec].title;
		const char *rel = gr->relevance;
		m->section = title;
		if (*rel && strcmp(rel, "1"))
			note(m, NOTE_CHANGED, "", _("Section “%s”: the condition “%s” was not carried over: the section is always shown."),
			     shorten(a, title, 80), shorten(a, rel, 200));
		if (has_em(gr->title) || has_em(gr->description))
			note(m, NOTE_CHANGED, "", _("Section “%s”: its title or introduction holds Expression Manager code ({…}); it is shown as it is, not worked out."),
			     shorten(a, title, 80));
		m->section = NULL;
	}
}

static void dropped(struct mapper *m, const char *why)
{
	note(m, NOTE_DROPPED, m->q->code, "%s", why);
	m->out->dropped++;
}

/* A text display: the introduction of its section where no question of
 * the section came before it, else of a new part of the section that
 * starts where it stood. */
static void map_text(struct mapper *m, const struct lss_question *q)
{
	struct arena *a = m->c->a;
	struct instrument_version *v = &m->out->version;
	if (q->group < 0) {
		dropped(m, _("A text display outside any group has no section to go in."));
		return;
	}
	const char *t = q->text;
	if (*q->help)
		t = *t ? arena_printf(a, "%s\n\n%s", t, q->help) : q->help;
	if (!*t) {
		dropped(m, _("The text display has no text (only layout or an image)."));
		return;
	}
	long long sec = m->gsec[q->group];
	if (v->nitems && v->items[v->nitems - 1].section_id == sec) {
		section_new(m, (size_t)q->group, t);
		note(m, NOTE_CHANGED, q->code, "%s", _("Text display: it starts a new part of its section, in its place after the questions before it; not a question."));
	} else {
		struct instrument_section *s = &v->sections[sec];
		s->intro = *s->intro ? arena_printf(a, "%s\n\n%s", s->intro, t) : (char *)t;
		note(m, NOTE_CHANGED, q->code, "%s", _("Text display: added to the introduction of the section, in its place; not a question."));
	}
	m->out->texts++;
	report_conditions(m, q);
	const char *em = em_places(m, q);
	if (em)
		note(m, NOTE_CHANGED, q->code, _("Expression Manager code ({…}) in %s is shown as it is, not worked out."), em);
}

static void map_question(struct mapper *m, const struct lss_question *q)
{
	struct arena *a = m->c->a;
	struct instrument_version *v = &m->out->version;
	m->q = q;
	if (q->group >= 0) {
		m->gquestions[q->group]++;
		groups_upto(m, (size_t)q->group);
		m->q = q;
	}
	if (q->hidden) {
		dropped(m, _("Hidden in LimeSurvey (attribute “hidden”): respondents never see it, so it is left out."));
		m->out->hidden++;
		if (q->group >= 0)
			m->ghidden[q->group]++;
		return;
	}
	if (q->type == 'X') {
		map_text(m, q);
		return;
	}
	q = image_labels(m, q);
	size_t before = v->nitems;
	size_t ns, na;
	const struct lss_subquestion **subs = subs_of(a, q, 0, &ns);
	const struct lss_answer **ans = answers_of(a, q, 0, &na);
	const char *text = *q->text ? q->text : q->code;
	bool array = strchr("ABFHCE1QMP", q->type) != NULL;
	if (array && !ns) {
		dropped(m, _("The question has no subquestions, so there is nothing to ask."));
		return;
	}
	switch (q->type) {
	case '5': {
		struct instrument_item *it = item_new(m, "likert", q->code, text, 5);
		for (int k = 1; k <= 5; k++) {
			const char *label = "";
			char c[16];
			snprintf(c, sizeof(c), "%d", k);
			for (size_t i = 0; i < na; i++)
				if (!strcmp(ans[i]->code, c))
					label = ans[i]->text;
			option(it, k, label);
		}
		break;
	}
	case 'A':
	case 'B': {
		int points = q->type == 'A' ? 5 : 10;
		for (size_t s = 0; s < ns; s++) {
			struct instrument_item *it = item_new(m, "likert", sub_code(m, subs[s]),
							      sub_text(m, subs[s]->text, subs[s]->code), (size_t)points);
			it->scale = q->code;
			for (int k = 1; k <= points; k++)
				option(it, k, "");
		}
		break;
	}
	case 'F':
	case 'H':
		if (!na) {
			dropped(m, _("The question has no answer options."));
			return;
		}
		for (size_t s = 0; s < ns; s++) {
			struct instrument_item *it = item_from_answers(m, sub_code(m, subs[s]),
								       sub_text(m, subs[s]->text, subs[s]->code), ans, na, s == 0);
			if (!strcmp(it->kind, "likert"))
				it->scale = q->code;
		}
		break;
	case '1': {
		size_t na2;
		const struct lss_answer **ans2 = answers_of(a, q, 1, &na2);
		if (!na || !na2) {
			dropped(m, _("The question has no answer options."));
			return;
		}
		const char *lists[2] = { NULL, NULL };
		for (size_t s = 0; s < ns; s++)
			for (int sc = 0; sc < 2; sc++) {
				const char *header = *q->header[sc] ? q->header[sc] : arena_printf(a, _("scale %d"), sc + 1);
				const char *t = arena_printf(a, "%s (%s)", sub_text(m, subs[s]->text, subs[s]->code), header);
				const char *code = arena_printf(a, "%s_%s_%d", q->code, subs[s]->code, sc);
				struct instrument_item *it = item_from_answers(m, code, t, sc ? ans2 : ans, sc ? na2 : na, false);
				if (s == 0 && !strcmp(it->kind, "single"))
					lists[sc] = answer_codes(m, sc ? ans2 : ans, sc ? na2 : na);
			}
		/* one line when both scales have the same codes */
		if (lists[0] && lists[1] && !strcmp(lists[0], lists[1]))
			note(m, NOTE_CHANGED, q->code, _("Answer codes as values: %s."), lists[0]);
		else
			for (int sc = 0; sc < 2; sc++)
				if (lists[sc])
					note(m, NOTE_CHANGED, q->code, _("Scale %d: answer codes as values: %s."), sc + 1, lists[sc]);
		break;
	}
	case 'L':
	case '!':
	case 'O': {
		if (!na) {
			dropped(m, _("The question has no answer options."));
			return;
		}
		struct instrument_item *it = item_new(m, "single", q->code, text, na);
		for (size_t k = 0; k < na; k++)
			option(it, (int)k + 1, ans[k]->text);
		const char *list = answer_codes(m, ans, na);
		if (list)
			note(m, NOTE_CHANGED, q->code, _("Answer codes as values: %s."), list);
		if (q->type == 'O')
			note(m, NOTE_CHANGED, q->code, "%s", _("The comment field under the list was not carried over."));
		break;
	}
	case 'M':
	case 'P': {
		struct instrument_item *it = item_new(m, "multiple", q->code, text, ns);
		const char **codes = arena_alloc(a, (ns + 1) * sizeof(*codes));
		int *values = arena_alloc(a, (ns + 1) * sizeof(*values));
		for (size_t k = 0; k < ns; k++) {
			option(it, (int)k + 1, *subs[k]->text ? subs[k]->text : subs[k]->code);
			codes[k] = subs[k]->code;
			values[k] = (int)k + 1;
		}
		report_codes(m, codes, values, ns);
		if (q->type == 'P')
			note(m, NOTE_CHANGED, q->code, "%s", _("The comment fields beside the options were not carried over."));
		break;
	}
	case 'S':
	case 'T':
	case 'U':
		item_new(m, "open", q->code, text, 0);
		break;
	case 'Q':
		for (size_t s = 0; s < ns; s++)
			item_new(m, "open", sub_code(m, subs[s]), sub_text(m, subs[s]->text, subs[s]->code), 0);
		break;
	case 'Y': {
		static const enum fixed f[] = { FX_YES, FX_NO };
		static const char *const codes[] = { "Y", "N" };
		fixed_item(m, q->code, text, f, codes, 2, true);
		break;
	}
	case 'G': {
		static const enum fixed f[] = { FX_FEMALE, FX_MALE };
		static const char *const codes[] = { "F", "M" };
		fixed_item(m, q->code, text, f, codes, 2, true);
		break;
	}
	case 'C':
	case 'E': {
		static const enum fixed fc[] = { FX_YES, FX_UNCERTAIN, FX_NO }, fe[] = { FX_INCREASE, FX_SAME, FX_DECREASE };
		static const char *const cc[] = { "Y", "U", "N" }, *const ce[] = { "I", "S", "D" };
		for (size_t s = 0; s < ns; s++)
			fixed_item(m, sub_code(m, subs[s]), sub_text(m, subs[s]->text, subs[s]->code), q->type == 'C' ? fc : fe,
				   q->type == 'C' ? cc : ce, 3, s == 0);
		break;
	}
	default:
		dropped(m, arena_printf(a, _("leergang does not know this question type (%s) yet."), type_name(a, q->type)));
		return;
	}
	if (v->nitems == before) {
		dropped(m, _("The question has nothing leergang can ask."));
		return;
	}
	m->out->used++;
	/* what holds for the question as a whole */
	struct instrument_item *first = &v->items[before];
	if (!*q->text)
		note(m, NOTE_CHANGED, q->code, "%s", _("The question has no text (only layout or an image); its code is used as its text."));
	if (*q->help) {
		first->text = arena_printf(a, "%s\n%s", first->text, q->help);
		m->help = true;
	}
	const char *em = em_places(m, q);
	if (em)
		note(m, NOTE_CHANGED, q->code, _("Expression Manager code ({…}) in %s is shown as it is, not worked out."), em);
	report_conditions(m, q);
	answer_rules(m, q, v->nitems == before + 1 ? first : NULL);
	if (q->mandatory == 'Y')
		m->mandatory++;
	else if (q->mandatory == 'S')
		note(m, NOTE_CHANGED, q->code, "%s", _("Soft mandatory in LimeSurvey (a warning only): not required here."));
	if (q->other)
		note(m, NOTE_CHANGED, q->code, "%s", _("The option “Other” with a text field of its own was not carried over."));
}

/* Removes the sections that got neither items nor an introduction. */
static void drop_empty_sections(struct instrument_version *v, struct arena *a)
{
	long long *to = arena_alloc(a, (v->nsections + 1) * sizeof(*to));
	bool *used = arena_alloc(a, v->nsections + 1);
	for (size_t i = 0; i < v->nitems; i++)
		if (v->items[i].section_id >= 0)
			used[v->items[i].section_id] = true;
	size_t n = 0;
	for (size_t s = 0; s < v->nsections; s++) {
		if (!used[s] && !*v->sections[s].intro) {
			to[s] = -1;
			continue;
		}
		to[s] = (long long)n;
		v->sections[n] = v->sections[s];
		v->sections[n].position = (int)n + 1;
		n++;
	}
	v->nsections = n;
	for (size_t i = 0; i < v->nitems; i++)
		if (v->items[i].section_id >= 0)
			v->items[i].section_id = to[v->items[i].section_id];
}

static const char *base_name(struct arena *a, const char *filename)
{
	const char *f = filename ? filename : "";
	for (const char *p = f; *p; p++)
		if (*p == '/' || *p == '\\')
			f = p + 1;
	if (!utf8_valid(f, strlen(f)))
		return "survey.lss";
	return arena_strndup(a, f, utf8_cut(f, 200));
}

static const char *lss_message(struct arena *a, enum lss_error e)
{
	switch (e) {
	case LSS_EMPTY:
		return _("The chosen file is empty. In LimeSurvey, export the survey with Export → Survey structure (.lss) and upload that file.");
	case LSS_TOO_BIG:
		return arena_printf(a, _("The file is larger than %u MB; a LimeSurvey survey structure is much smaller. Check that you chose the .lss file."),
				    LSS_MAX_BYTES / (1024 * 1024));
	case LSS_NOT_XML:
		return _("This is not a LimeSurvey survey structure: the file is not (well-formed) XML. In LimeSurvey, export the survey with Export → Survey structure (.lss) and upload that file.");
	case LSS_DTD:
		return _("The file holds a document type declaration (DOCTYPE), which LimeSurvey never writes; for safety leergang does not read such files. Export the survey structure from LimeSurvey again.");
	case LSS_NOT_SURVEY:
		return _("This XML file is not a LimeSurvey survey structure. A survey archive (.lsa), a question group (.lsg) or a single question (.lsq) cannot be imported here: export the whole survey with Export → Survey structure (.lss).");
	case LSS_TOO_MANY:
		return arena_printf(a, _("The survey is larger than leergang imports: at most %d groups, %d questions and subquestions and %d answer options."),
				    LSS_MAX_GROUPS, LSS_MAX_QUESTIONS, LSS_MAX_ANSWERS);
	case LSS_NO_QUESTIONS:
		return _("The survey has no questions. Add them in LimeSurvey and export the survey structure again.");
	default:
		return _("The file could not be read.");
	}
}

int instrument_import_read(struct ctx *c, const char *filename, const char *data, size_t len,
			   struct instrument_import *out)
{
	struct arena *a = c->a;
	memset(out, 0, sizeof(*out));
	out->filename = base_name(a, filename);
	enum lss_error e = lss_parse(a, data, len, &out->survey);
	if (e) {
		out->error = lss_message(a, e);
		return D_INVALID;
	}
	struct lss_survey *s = &out->survey;
	struct mapper m = { 0 };
	m.c = c;
	m.out = out;
	code_take(&m, "respondent");  /* the exports' own columns */
	code_take(&m, "week");

	if (!strcmp(s->language, "nl") || !strcmp(s->language, "nl-informal"))
		note(&m, NOTE_GENERAL, "", _("Imported in Dutch (%s)."), s->language);
	else if (*s->language)
		note(&m, NOTE_GENERAL, "", _("The file has no Dutch version: imported in its base language (%s)."), s->language);
	struct buf others = BUF_INIT;
	for (size_t i = 0; i < s->nlanguages; i++)
		if (strcmp(s->languages[i], s->language))
			buf_addf(&others, "%s%s", others.len ? ", " : "", s->languages[i]);
	if (others.len)
		note(&m, NOTE_GENERAL, "", _("Not imported: the other languages of the file (%s)."), others.ptr);
	buf_release(&others);

	/* the groups as sections, made in order as their questions come (a
	 * text display after questions starts one more) */
	struct instrument_version *v = &out->version;
	size_t most = s->ngroups + s->nquestions + 1;
	v->sections = arena_alloc(a, most * sizeof(*v->sections));
	m.sec_group = arena_alloc(a, most * sizeof(*m.sec_group));
	m.gsec = arena_alloc(a, (s->ngroups + 1) * sizeof(*m.gsec));
	m.gquestions = arena_alloc(a, (s->ngroups + 1) * sizeof(*m.gquestions));
	m.ghidden = arena_alloc(a, (s->ngroups + 1) * sizeof(*m.ghidden));
	for (size_t i = 0; i < s->nquestions; i++)
		map_question(&m, &s->questions[i]);
	if (s->ngroups)
		groups_upto(&m, s->ngroups - 1);
	m.q = NULL;
	/* a group of hidden questions only is no part of what respondents see */
	for (size_t g = 0; g < s->ngroups; g++) {
		if (!m.gquestions[g] || m.ghidden[g] != m.gquestions[g])
			continue;
		for (size_t k = 0; k < v->nsections; k++)
			if (m.sec_group[k] == (long long)g)
				v->sections[k].intro = "";
		m.section = v->sections[m.gsec[g]].title;
		note(&m, NOTE_DROPPED, "", _("Section “%s”: every question in it is hidden in LimeSurvey, so the section is left out, its introduction too."),
		     shorten(a, m.section, 80));
		m.section = NULL;
	}
	drop_empty_sections(v, a);

	if (m.mandatory)
		note(&m, NOTE_GENERAL, "", ngettext("%zu question is mandatory in LimeSurvey and stays required.",
						    "%zu questions are mandatory in LimeSurvey and stay required.", (unsigned long)m.mandatory),
		     m.mandatory);
	if (m.help)
		note(&m, NOTE_GENERAL, "", "%s", _("Help texts are put under the text of their question."));
	if (out->hidden)
		note(&m, NOTE_GENERAL, "", ngettext("%zu question is hidden in LimeSurvey and was left out.",
						    "%zu questions are hidden in LimeSurvey and were left out.", (unsigned long)out->hidden),
		     out->hidden);
	if (m.fixed_dutch)
		note(&m, NOTE_GENERAL, "", _("leergang does not know LimeSurvey's labels of yes/no, gender and the fixed arrays in %s: Dutch labels (Ja, Nee, Vrouw, Man, ...) were put instead."),
		     s->language);
	if (s->html)
		note(&m, NOTE_GENERAL, "", "%s", _("LimeSurvey's HTML layout (bold, images, links) was removed: the texts are plain "
							"text, with their paragraphs and line breaks kept."));
	if (s->conditions)
		note(&m, NOTE_GENERAL, "", _("Conditions (%zu) were not carried over: every question is always shown."), s->conditions);
	if (s->default_values)
		note(&m, NOTE_GENERAL, "", _("Default answers (%zu) were not carried over."), s->default_values);
	if (s->assessments)
		note(&m, NOTE_GENERAL, "", _("Assessments (%zu) were not carried over."), s->assessments);
	if (s->quotas)
		note(&m, NOTE_GENERAL, "", _("Quotas (%zu) were not carried over."), s->quotas);

	const char *base = out->filename;
	const char *title = *s->title ? s->title : base;
	out->instrument.name = arena_strndup(a, title, utf8_cut(title, IMPORT_NAME_MAX));
	out->instrument.key = "";
	out->instrument.description = arena_strndup(a, s->description, utf8_cut(s->description, 4000));
	out->instrument.source = s->sid || *s->title
		? arena_printf(a, _("LimeSurvey file %s (survey %lld, “%s”)"), base, s->sid, shorten(a, s->title, 200))
		: arena_printf(a, _("LimeSurvey file %s"), base);
	if (!v->nitems) {
		out->error = _("Nothing in this survey can be asked in leergang; the report below says why for each question.");
		return D_INVALID;
	}
	return D_OK;
}

int instrument_import_save(struct ctx *c, const struct instrument_import *imp, long long now, long long *id)
{
	long long org = c->who->organisation_id;
	struct instrument in = imp->instrument;
	in.created_at = now;
	struct instrument_version v = imp->version;
	v.created_at = now;
	/* the report stays with the version */
	struct buf note = BUF_INIT;
	buf_addf(&note, "%s", in.source);
	for (size_t i = 0; i < imp->nnotes; i++) {
		const struct import_note *n = &imp->notes[i];
		buf_addf(&note, "\n%s%s%s", n->code, *n->code ? ": " : "", n->text);
	}
	v.note = note.ptr;
	if (store_begin(c->st)) {
		buf_release(&note);
		return D_ERROR;
	}
	int r = store_instrument_add(c->st, org, &in, id);
	v.instrument_id = *id;
	if (!r)
		r = store_version_add(c->st, org, &v, NULL);
	buf_release(&note);
	if (r || store_commit(c->st)) {
		store_rollback(c->st);
		return D_ERROR;
	}
	audit(c, "instrument.import", "instrument", *id, "%s: %zu items, %zu questions not carried over", imp->filename,
	      v.nitems, imp->dropped);
	return D_OK;
}

const char *instrument_import_counts(struct arena *a, const struct instrument_import *imp)
{
	const char *line = arena_printf(a, _("%s: %s %s, %s, %s."),
		arena_printf(a, ngettext("The file has %zu question", "The file has %zu questions", (unsigned long)imp->survey.nquestions), imp->survey.nquestions),
		arena_printf(a, ngettext("%zu item", "%zu items", (unsigned long)imp->version.nitems), imp->version.nitems),
		arena_printf(a, ngettext("from %zu question", "from %zu questions", (unsigned long)imp->used), imp->used),
		arena_printf(a, ngettext("%zu text display in an introduction", "%zu text displays in introductions", (unsigned long)imp->texts), imp->texts),
		arena_printf(a, ngettext("%zu question not carried over", "%zu questions not carried over", (unsigned long)imp->dropped), imp->dropped));
	if (imp->hidden)
		line = arena_printf(a, "%s %s", line, arena_printf(a, ngettext("Of those not carried over, %zu is hidden in LimeSurvey.",
			"Of those not carried over, %zu are hidden in LimeSurvey.", (unsigned long)imp->hidden), imp->hidden));
	return arena_printf(a, "%s %s", line, arena_printf(a, ngettext("%zu section.", "%zu sections.", (unsigned long)imp->version.nsections), imp->version.nsections));
}

const char *import_kind_label(const char *kind)
{
	if (!strcmp(kind, "likert"))
		return _("Likert scale");
	if (!strcmp(kind, "bipolar"))
		return _("two poles");
	if (!strcmp(kind, "single"))
		return _("single choice");
	if (!strcmp(kind, "multiple"))
		return _("multiple choice");
	return _("open question");
}
