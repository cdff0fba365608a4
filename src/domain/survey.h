/* survey.h — questionnaires (instruments) and their administration in
 * waves (SPEC C7): built-in instruments installed per organisation on first
 * use, waves sent to the people of a group, batch or programme with a
 * personal link each, answering through the link (saved as one goes, one
 * response per link, closed after the end date), and the response
 * accounting of seed 000 §9.1 (registered, stopped, completed, responded,
 * not responded, response rate).
 *
 * Anonymous waves keep anonymity in storage (store/sql/instrument.c,
 * domain/disclosure.h): nothing written when a response is submitted (the
 * response, the audit log) can lead back to the link or the person, and
 * the group and unit it keeps are shared by at least DISCLOSURE_MIN
 * invited people. A saved draft is sealed with a key that only the
 * respondent's browser holds. */
#ifndef LG_DOMAIN_SURVEY_H
#define LG_DOMAIN_SURVEY_H

#include "core/compiler.h"
#include "ctx.h"
#include "account.h"
#include "disclosure.h"
#include "domain/model/instrument.h"

#define WAVE_NAME_MAX 120
#define OPEN_ANSWER_MAX 4000

/* The built-in instruments: key, name and where they come from. */
struct builtin_instrument_info {
	const char *key, *name, *source;
};
size_t survey_builtins(const struct builtin_instrument_info **out);
/* The organisation's copy of a built-in instrument, made on first use. */
MUST_CHECK int instrument_install(struct ctx *c, const char *key, long long now, long long *id);
/* The instrument with this key: the organisation's own (a built-in one
 * installed on first use). D_NOTFOUND when there is none. */
MUST_CHECK int instrument_by_key(struct ctx *c, const char *key, long long now, struct instrument *out);

/* The questionnaires of the organisation and the built-in ones it has not
 * used yet (id 0 until installed; version: the one a wave would use, 1
 * for a built-in one not installed yet), by name. */
struct instrument_entry {
	long long id;
	const char *key, *name;
	int version;
};
MUST_CHECK int instrument_catalogue(struct ctx *c, struct instrument_entry **out, size_t *n);

struct wave_new {
	long long instrument_id;
	const char *name;
	const char *population;      /* group, batch, programme */
	long long population_id;
	const char *opens_on, *closes_on;
	bool anonymous;
	const char *purpose;         /* why the wave is held, for its respondents; NULL or "": none */
};
#define WAVE_PURPOSE_MAX 1000
/* A questionnaire of the organisation with its newest version; D_NOTFOUND
 * when there is none (or it has no version), D_ERROR when the store fails. */
MUST_CHECK int instrument_open(struct ctx *c, long long id, struct instrument *in, struct instrument_version *v);
/* The organisation's questionnaires, by name. */
MUST_CHECK int instrument_list(struct ctx *c, struct instrument **out, size_t *n);

/* A wave of the organisation with the version it was sent with;
 * D_NOTFOUND or D_ERROR. */
MUST_CHECK int wave_open(struct ctx *c, long long id, struct wave *w, struct instrument_version *v);
/* The organisation's waves, the newest first, with their counts. */
MUST_CHECK int wave_list(struct ctx *c, struct wave **out, size_t *n);

/* What a wave can be sent to, for the form: "programme:ID", "batch:ID",
 * "group:ID" and "units:ID" with their names, programme before batch
 * before group, units in tree order. */
struct population_choice {
	const char *value, *name;
};
struct population_choices {
	struct population_choice *programmes, *batches, *groups, *units;
	size_t nprogrammes, nbatches, ngroups, nunits;
};
MUST_CHECK int wave_populations(struct ctx *c, struct population_choices *out);

/* Makes the wave on the newest version of the instrument and an invitation
 * for every enrolled person of the population (the stopped ones for the
 * accounting only), each with the cells its response will be reported
 * under (wave_report_cells). An anonymous wave asks at least
 * DISCLOSURE_MIN people. */
MUST_CHECK int wave_create(struct ctx *c, const struct wave_new *w, long long now, struct errors *e, long long *id);
/* The same to the people given (population "people": a two-wave study's,
 * domain/two_wave.h), each of the organisation and asked once. */
MUST_CHECK int wave_create_people(struct ctx *c, const struct wave_new *w, const long long *people, size_t npeople, long long now,
				  struct errors *e, long long *id);

/* 360° feedback: a round about one person (the subject), who rates
 * themself; raters are invited by category. Anonymous in storage as any
 * anonymous wave; the category stays with the response for the report.
 * A peer, staff member or other from outside the organisation is invited
 * by e-mail address and answers through the link, without an account. */
struct rater {
	long long person_id;         /* 0: a rater outside the organisation, by e-mail */
	const char *role;            /* manager, peer, staff, other */
	const char *email;           /* when person_id is 0 */
};
MUST_CHECK int wave_create_360(struct ctx *c, long long instrument_id, const char *name, const char *purpose, long long subject_id,
		    const struct rater *raters, size_t n, const char *opens_on, const char *closes_on, long long now,
		    struct errors *e, long long *id);
/* Per dimension (the items' scale) of a 360° round: self, the manager by
 * name, every other category from 3 raters, the rest merged into
 * "others" (shown from 3), and the gap self - others (stats/three60.h).
 * Each response's score on a dimension is the mean of its answered items
 * there. */
struct s360_cell;
MUST_CHECK int wave_360(struct ctx *c, const struct wave *w, const struct instrument_version *v, struct s360_cell **cells,
	     size_t *n);
const char *rater_role_label(const char *role);
/* A mean or SD as precise as the results pages show it (one decimal),
 * for every channel that hands figures out (API, JSON, CLI): more decimals
 * times n would give a part's exact sum, which no page offers. NaN stays. */
double survey_shown(double v);
/* The raters of a 360° round as a coordinator types them, one per line:
 * an employee number or (a rater from outside) an e-mail address, then the
 * category in English or Dutch ("P0012 leidinggevende"). Problems per line
 * in e under "raters"; the categories themselves wave_create_360 checks. */
MUST_CHECK int raters_parse(struct ctx *c, const char *text, struct rater **out, size_t *n, struct errors *e);

/* The personal link token of an invitation (recomputed from the wave's key). */
void wave_token(const struct wave *w, long long invitation_id, char out[SECRET_HEX]);

/* Works out and stores the report cells of every invitation of the wave:
 * the person's own group (in the wave's population) and unit in a wave
 * that is not anonymous; in an anonymous one as disclosure_cells()
 * coarsens them, and in a 360° round no group or unit and the category as
 * disclosure_rater_role() keeps it. Call inside a transaction. */
MUST_CHECK int wave_report_cells(struct ctx *c, const struct wave *w);

/* Where a wave stands on a day: open from opens_on to closes_on, unless
 * closed by hand before. */
enum wave_phase { WAVE_NOT_YET, WAVE_OPEN, WAVE_CLOSED };
enum wave_phase wave_phase(const struct wave *w, const char *today);
/* The same at the ctx's time. */
enum wave_phase wave_phase_now(struct ctx *c, const struct wave *w);
/* Whether a comes before b: opens earlier, or the same day and was made
 * first (the order in which two waves are compared). */
bool wave_before(const struct wave *a, const struct wave *b);
/* Closes an open (or not yet open) wave now: its links answer no more and
 * its results can be shown. D_CONFLICT when it is closed already. */
MUST_CHECK int wave_close(struct ctx *c, const struct wave *w);

struct accounting {
	long long registered, stopped, completed, active, invited, responded, not_responded;
	double rate;                 /* responded / invited, 0..1; -1 when nobody was invited */
};
MUST_CHECK int wave_accounting(struct ctx *c, const struct wave *w, struct accounting *out);

/* Fewer responses than this are not shown, in any table or breakdown. */
#define SURVEY_MIN_RESPONSES DISCLOSURE_MIN

/* Why the results of a wave (tables, charts, exports) are not shown, or
 * NULL when they may be, at the ctx's time: in a 360° round always (its
 * report per dimension is what may be shown); fewer than
 * SURVEY_MIN_RESPONSES responses; a wave that has not closed, since
 * comparing the results before and after one more person answered (whose
 * name the response accounting shows) would reveal their answers. That
 * holds for a wave that is not anonymous too: its answers are kept with
 * the person, but no reader of the results sees them by name. */
const char *wave_hidden_reason(struct ctx *c, const struct wave *w, long long responses);

/* The results per item of a wave: for Likert and bipolar items N, mean, SD
 * and the distribution over the points; for choices the distribution over
 * the options; apart, how many said "weet niet / n.v.t."; for open items the answers (sorted, so that their order
 * says nothing of who or when). shown is false, and nothing else is
 * filled, below SURVEY_MIN_RESPONSES responses. */
struct item_result {
	const struct instrument_item *item;
	size_t n;
	double mean, sd;             /* NAN when not defined */
	size_t *counts;              /* per option, in the item's option order (noptions) */
	char **texts;                /* open answers */
	size_t ntexts;
	size_t dont_know;            /* "weet niet / n.v.t.": not in n, mean or counts */
};
struct wave_results {
	bool shown;
	const char *why_hidden;      /* when not shown (wave_hidden_reason) */
	long long responses;
	struct item_result *items;
	size_t nitems;
};
MUST_CHECK int wave_results(struct ctx *c, const struct wave *w, const struct instrument_version *v, struct wave_results *out);

/* The results per group of the wave's population: per group the number
 * of responses and the mean of each Likert or bipolar item (NAN when none),
 * the groups shown as the wave's plan decides (survey_compare.h,
 * wave_plan): a group of fewer than SURVEY_MIN_RESPONSES responses is
 * hidden, with what would give it away, beside the other breakdowns too.
 * Responses without a group count as a group of their own. Nothing is
 * shown when the wave's results are not (wave_hidden_reason). */
struct breakdown_row {
	long long group_id;
	const char *name;
	long long n;
	bool shown;
	const char *why_hidden;      /* when not shown */
	double *means;               /* per item of the version, in order; NULL when hidden */
};
struct wave_breakdown {
	bool shown;
	const char *why_not;         /* no group shown: why */
	struct breakdown_row *rows;
	size_t nrows, hidden;
};
MUST_CHECK int wave_breakdown(struct ctx *c, const struct wave *w, const struct instrument_version *v, struct wave_breakdown *out);

/* Answering through a link: no account, the token is the key. A draft is
 * sealed with a key derived from a secret of the respondent's browser (a
 * cookie, DRAFT_KEY_HEX hex digits): read, saved again and handed in only
 * from that browser. Whoever holds the link alone (the coordinator with
 * the links as CSV) can neither read it nor hand it in; they can only
 * discard it and start afresh, which its respondent is told. */
#define DRAFT_KEY_HEX (SECRET_HEX - 1)
enum draft_state {
	DRAFT_NONE,
	DRAFT_MINE,                  /* sealed with this browser's key: in draft[] */
	DRAFT_ELSEWHERE,             /* saved from another browser (or without a key) */
};
struct respondent {
	struct invitation inv;
	struct wave w;
	struct instrument_version v;
	long long org;
	const char *org_name;        /* who asks */
	struct answer_value *draft;
	size_t ndraft;
	enum { RESPOND_OPEN, RESPOND_NOT_YET, RESPOND_CLOSED, RESPOND_DONE } state;
	enum draft_state draft_state;
	bool draft_lost;             /* this browser's draft was discarded from another browser */
	const char *browser_key;     /* the hex secret of the browser, or NULL */
	/* a hand-in that left these questions unanswered, not confirmed yet */
	const struct instrument_item **unanswered;
	size_t nunanswered;
};
/* D_NOTFOUND for an unknown token. browser_key: the respondent's browser
 * secret, or NULL when it has none. */
MUST_CHECK int respond_open(struct store *st, struct arena *a, const char *token, const char *browser_key, const char *today,
		 struct respondent *r);
/* Saves the answers given (form fields "i<item id>", "i<id>" repeated for
 * a multiple choice; RESPOND_DONT_KNOW for "weet niet / n.v.t." where the
 * item offers it), sealed for the browser; submit also hands the response
 * in, after checking the required items. Neither while a draft of another
 * browser is there.
 *
 * Answers are never forced: a hand-in that leaves questions unanswered
 * asks first. Unless confirmed, it hands nothing in and saves nothing,
 * returns D_CONFLICT and lists the questions in r->unanswered (the
 * answers given are in r->draft, to show again); confirmed, it hands in
 * what there is. */
#define RESPOND_DONT_KNOW "dk"
struct respond_field {
	const char *key, *value;
};
/* false and true, as the callers that answer for the demo and the tests
 * pass them, are save and hand in as is */
enum respond_action {
	RESPOND_SAVE = 0,
	RESPOND_SUBMIT_CONFIRMED = 1, /* hand in as is */
	RESPOND_SUBMIT = 2,           /* hand in, asking first about open questions */
};
MUST_CHECK int respond_save(struct store *st, struct arena *a, struct respondent *r, const struct respond_field *f, size_t n,
		 enum respond_action action, const char *today, struct errors *e);
/* About how many minutes answering the questionnaire takes (at least 1). */
int respond_minutes(const struct instrument_version *v);
/* Discards the draft (of this browser or another) so that the link can
 * start afresh. */
MUST_CHECK int respond_discard(struct store *st, struct arena *a, struct respondent *r);

#endif
