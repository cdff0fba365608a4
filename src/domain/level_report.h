/* level_report.h — how a group, batch, programme or the whole organisation
 * accounts for itself over a period (SPEC C11, seed 000 §9.1): enrolment
 * flow with stops counted by kind, meetings held against planned,
 * attendance per meeting and per person band, menu-card choices, reports
 * written and published, the questionnaire waves of the level with their
 * response accounting, the comparison between groups or batches in plain
 * words, and for a programme or the organisation the trend over batches or
 * programmes.
 *
 * One function (level_report_read) builds it for the reader in ctx; the
 * page, the PDF, the API and the command line all show what it returns and
 * nothing else. It holds aggregates only: no name, no text anybody wrote
 * (reports, story, logbook, intake, open answers, stop notes, a group's
 * own menu topic), no answer or attendance of one person. Wave figures
 * come from the wave's own result functions (survey.h, survey_compare.h),
 * so they are the wave page's figures under the same n >= 5 and
 * subtraction rules; what may not be shown is left out, and the report
 * lists the rules that left something out.
 *
 * The report is an ordered list of sections (enum level_section): the
 * renderers walk the list, so a new section (such as the impact map) is a
 * new kind, filled here and drawn by each renderer. */
#ifndef LG_DOMAIN_LEVEL_REPORT_H
#define LG_DOMAIN_LEVEL_REPORT_H

#include "core/compiler.h"
#include "ctx.h"
#include "group.h"
#include "impact.h"
#include "survey.h"

#include <stdbool.h>
#include <stddef.h>

enum report_level { LEVEL_GROUP, LEVEL_BATCH, LEVEL_PROGRAMME, LEVEL_ORGANISATION, LEVELS };
/* "group", "batch", "programme", "organisation"; -1 for anything else. */
int report_level_parse(const char *s);
const char *report_level_id(enum report_level l);

/* A period of days, both ends included; "" leaves that end open. */
struct report_period {
	const char *from, *to;
};
/* Reads the two dates a reader typed (NULL or "" for an open end): each a
 * real date as YYYY-MM-DD, from not after to; D_INVALID with a message
 * under "from" or "to" otherwise. */
MUST_CHECK int report_period_parse(struct ctx *c, const char *from, const char *to, struct report_period *out,
				   struct errors *e);
/* Whether a day (YYYY-MM-DD) lies in the period; an empty day never does. */
bool report_period_has(const struct report_period *p, const char *day);

/* Where an enrolment stands at the end of the period: not yet registered
 * (ENROL_NONE), stopped or completed by then, else in progress
 * (registered or active, as its status says). */
enum enrol_at { ENROL_NONE, ENROL_REGISTERED, ENROL_ACTIVE, ENROL_COMPLETED, ENROL_STOPPED };
enum enrol_at report_enrolment_at(const struct enrolment *en, const struct report_period *p);

/* The attendance bands of a person: present at >= 80 % of the meetings
 * held (with attendance recorded) since they enrolled, 50 to 80 %, < 50 %. */
enum attendance_band { BAND_HIGH, BAND_MIDDLE, BAND_LOW, BANDS };
/* The band of present out of held; -1 when held is 0 (no band). */
int attendance_band(long long held, long long present);
const char *attendance_band_label(enum attendance_band b);

struct enrolment_flow {
	long long registered;        /* everyone enrolled by the end of the period */
	long long in_progress, completed, stopped;
	long long stopped_by[STOP_KINDS];
};

/* Attendance at the meetings of one number (the group's meeting N; at a
 * higher level, meeting N of every group). */
struct meeting_number_row {
	int number;
	const char *theme;           /* the programme's theme of the meeting, or "" */
	long long planned, held, cancelled, recorded;  /* meetings; recorded: held with attendance */
	long long present, excused, absent;            /* records */
};

struct topic_count {
	const char *topic;           /* a topic of the programme's menu card */
	long long n;
};

struct report_item {
	const char *code, *text;     /* the question, as the questionnaire asks it */
	long long n;
	double mean, sd;
};
struct report_wave {
	long long id;
	const char *name, *instrument, *opens_on, *closes_on;
	struct accounting acc;       /* wave_accounting */
	bool shown;                  /* its results may be shown (wave_results) */
	const char *why_hidden;
	struct report_item *items;   /* the Likert and bipolar items; never open answers */
	size_t nitems;
	int scale_min, scale_max;    /* the points of the first dimension */
	/* the comparison between the parts of the level (groups or batches) */
	bool compared;
	const char *compare_by;      /* "group" or "batch" */
	struct compare_part { const char *name; long long n; double mean; } *parts;  /* on the first dimension */
	size_t nparts;
	long long parts_hidden;
	const char *dimension;       /* that dimension's name */
	const char **readings;       /* per dimension with a test: one sentence in plain words */
	size_t nreadings;
};

/* A row of the trend: a batch of the programme, or a programme of the
 * organisation. */
struct trend_row {
	long long id;
	const char *name;
	struct enrolment_flow flow;
	long long meetings_planned, meetings_held;
	long long present, recorded;  /* attendance records: present of all recorded */
};

enum level_section {
	SECTION_FLOW,
	SECTION_MEETINGS,
	SECTION_ATTENDANCE,
	SECTION_MENU,
	SECTION_REPORTS,
	SECTION_WAVES,
	SECTION_TREND,
	SECTION_IMPACT,              /* a programme's impact map (impact.h) */
	SECTION_RULES,
};
#define LEVEL_SECTIONS_MAX 16

struct level_report {
	enum report_level level;
	long long id;
	const char *name;            /* the group's, batch's, programme's or organisation's */
	const char *context;         /* e.g. "LiVe! Westerschelde 2025 · Lichting 1"; "" for none */
	struct report_period period;
	const char *today;
	enum level_section sections[LEVEL_SECTIONS_MAX];
	size_t nsections;

	struct enrolment_flow flow;
	long long groups;
	long long meetings_planned, meetings_held, meetings_cancelled;
	struct meeting_number_row *numbers;
	size_t nnumbers;
	long long band[BANDS];       /* people per band (not stopped, with a meeting held and recorded) */
	long long unbanded;          /* not stopped, but no meeting with attendance recorded yet */
	struct topic_count *topics;
	size_t ntopics;
	long long menu_choices, free_choices;
	long long reports_written, reports_published;
	long long records, records_present;  /* attendance records at the meetings held; those saying present */
	struct report_wave *waves;
	size_t nwaves;
	struct trend_row *trend;     /* batches of a programme, programmes of the organisation */
	size_t ntrend;
	const char **rules;          /* the rules that applied, in sentences */
	size_t nrules;
	bool impact_read;            /* a programme's report: its impact map (maybe empty) */
	struct impact_map impact;
};

/* May the actor read level reports at all (the coach and the owner)? */
bool level_report_may_read(const struct actor *who);

/* The report of one level for a period. D_NOTFOUND when the id is not of
 * the actor's organisation (for LEVEL_ORGANISATION: not the actor's
 * organisation itself) or the actor may not read it; D_ERROR when the
 * store fails. */
MUST_CHECK int level_report_read(struct ctx *c, enum report_level level, long long id, const struct report_period *p,
				 struct level_report *out);

/* The counts of a level only (enrolment flow, meetings, attendance, menu
 * choices, reports, trend), without questionnaires, sections or rules: the
 * figures the impact map's evidence shows, so they cannot differ from the
 * report's. Results as level_report_read. */
MUST_CHECK int level_report_counts(struct ctx *c, enum report_level level, long long id, const struct report_period *p,
				   struct level_report *out);

/* The title of the report: "Verantwoording van Leergroep A". */
const char *level_report_title(struct ctx *c, const struct level_report *r);
/* The report laid out once for every renderer: parts with a heading, a
 * paragraph, a table of text cells (row 0 the header), and a chart of
 * means, in the order of the report's sections. The page writes them as
 * HTML and SVG, the PDF typesets them, so both show the same words and
 * figures. */
struct report_table {
	const char *caption;
	const char *const *cells;    /* rows * cols */
	size_t cols, rows;
};
struct report_chart {
	const char *title, *label_header;
	const char *const *labels;
	double *mean, *sd;
	long long *n;
	size_t nlabels;
	int scale_min, scale_max;
};
struct report_part {
	enum level_section section;
	int depth;                   /* 2: a section's heading, 3: a part within it */
	const char *heading;
	const char *text;            /* plain text, may be NULL */
	const char *const *bullets;  /* plain text, may be NULL */
	size_t nbullets;
	struct report_table table;   /* rows 0: none */
	struct report_chart chart;   /* nlabels 0: none */
	const char *link, *link_text;  /* a link for the page only (NULL: none), never in the PDF */
};
void level_report_parts(struct ctx *c, const struct level_report *r, struct report_part **out, size_t *n);

/* The report as JSON (jansson), for the API and the command line. */
struct json_t;
struct json_t *level_report_json(struct ctx *c, const struct level_report *r);
/* The report as a PDF in the learning story's typesetting. */
MUST_CHECK int level_report_pdf(struct ctx *c, const struct level_report *r, struct buf *out);

/* The period in words: "1 januari 2026 – 31 maart 2026", "tot en met ...",
 * "de hele looptijd". */
const char *level_report_period_label(struct ctx *c, const struct report_period *p);

#endif
