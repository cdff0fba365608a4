/* lss.h — the reader of LimeSurvey survey structure files (.lss), a thin
 * layer over libxml2's SAX parser.
 *
 * A .lss is an XML <document> with <LimeSurveyDocType>Survey</...>, a
 * <DBVersion>, and one element per database table (<groups>, <questions>,
 * <subquestions>, <answers>, <surveys>, ...), each holding <rows> of <row>
 * with one element per column. From DBVersion 400 on, the texts sit in
 * separate tables per language (<group_l10ns>, <question_l10ns>,
 * <answer_l10ns>); older files (DBVersion 164 and so) repeat every group,
 * question and answer row once per language with a <language> column.
 * Both are read into one neutral structure in one language: Dutch ("nl")
 * when the survey has it, else its base language.
 *
 * Texts are HTML in LimeSurvey; they come out as plain UTF-8 text with
 * line breaks (tags removed, entities decoded).
 *
 * Hostile files are refused, never obeyed: no network, no external
 * entities, no XInclude, and a document with a DOCTYPE (which is where
 * entities are declared: billion laughs, XXE) is refused as soon as the
 * parser sees it. Input size and the numbers of rows are limited; nothing
 * recurses on the depth of the input. */
#ifndef LG_FORMATS_LSS_H
#define LG_FORMATS_LSS_H

#include "core/arena.h"

#include <stdbool.h>
#include <stddef.h>

#define LSS_MAX_BYTES (20u * 1024 * 1024)
#define LSS_MAX_GROUPS 1000
#define LSS_MAX_QUESTIONS 5000      /* questions and subquestions, per language */
#define LSS_MAX_ANSWERS 50000       /* answer options, per language */
#define LSS_MAX_ROWS 500000         /* rows of every table together */
#define LSS_MAX_DEPTH 32            /* elements within each other (LimeSurvey: 5) */

enum lss_error {
	LSS_OK = 0,
	LSS_EMPTY,          /* no bytes, or only white space */
	LSS_TOO_BIG,        /* more than LSS_MAX_BYTES */
	LSS_NOT_XML,        /* not well-formed XML */
	LSS_DTD,            /* has a DOCTYPE: refused (entities) */
	LSS_NOT_SURVEY,     /* XML, but not a LimeSurvey survey structure (or nested too deep) */
	LSS_TOO_MANY,       /* more groups, questions, answers or rows than the limits */
	LSS_NO_QUESTIONS,   /* a survey without a single question */
};

struct lss_answer {
	char *code, *text;
	int sort_order, scale_id;
	bool image;                  /* only an image in the file: text is its alt text, or "" */
};

struct lss_subquestion {
	char *code, *text;
	int scale_id;
	bool image;                  /* as for answers */
	char *relevance;             /* its own condition; "" or "1" is always */
};

struct lss_question {
	long long qid;
	int group;                   /* index into groups, -1 when its group is missing */
	char *code;                  /* LimeSurvey's "title" */
	char type;                   /* the type letter: 'L', '!', 'A', ... */
	char *text, *help;           /* plain text */
	char mandatory;              /* 'Y', 'S' (soft) or 'N' */
	bool other;                  /* an "other" option with a text field */
	char *relevance;             /* the Expression Manager condition; "" or "1" is always */
	char *header[2];             /* dual scale headers (attributes dualscale_headerA/B), or "" */
	/* question attributes that change who sees it or what may be answered; "" when not set */
	bool hidden;                 /* "hidden": never shown to respondents */
	char *array_filter, *array_filter_exclude;  /* the code of the question that filters the subquestions */
	char *min_answers, *max_answers;            /* a number, or an Expression Manager expression */
	char *exclude_all_others;    /* subquestion codes that exclude every other option, ";"-separated */
	bool exclude_all_others_auto;
	/* the rows of the conditions table about this question, as text
	 * ("QCODE == Y; ..."), and how many */
	char *conditions;
	size_t nconditions;
	struct lss_subquestion *subs;
	size_t nsubs;
	struct lss_answer *answers;  /* by scale, then sort order */
	size_t nanswers;
};

struct lss_group {
	long long gid;
	char *title, *description;
	char *relevance;             /* "grelevance" */
};

struct lss_survey {
	long long sid;
	int dbversion;
	char *title, *description;
	char *base_language;         /* "en"; "" when the file does not say */
	char *language;              /* the language read: "nl" if present, else the base */
	char **languages;            /* every language of the survey, base first */
	size_t nlanguages;
	struct lss_group *groups;    /* in order */
	size_t ngroups;
	struct lss_question *questions;  /* in order: by group, then question order */
	size_t nquestions;
	/* rows of tables that are not read, for the report */
	size_t conditions, default_values, assessments, quotas;
	bool html;                   /* some text held HTML markup, removed */
};

/* Parses a .lss of len bytes into out (everything in the arena). Returns
 * LSS_OK or the reason it was refused; on refusal *out is empty. */
enum lss_error lss_parse(struct arena *a, const char *data, size_t len, struct lss_survey *out);

/* LimeSurvey's HTML as plain text: tags removed (<br>, <p>, <div>, <li>
 * and the like become line breaks; <script> and <style> go with their
 * content), character references decoded, white space collapsed, at most
 * one empty line in a row, trimmed. *had_html is set when a tag was
 * removed (it may be NULL). */
char *lss_plain_text(struct arena *a, const char *html, bool *had_html);

#endif
