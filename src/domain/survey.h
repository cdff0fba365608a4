/* survey.h — questionnaires (instruments) and their administration in
 * waves (SPEC C7): built-in instruments installed per organisation on first
 * use, waves sent to the people of a group, batch or programme with a
 * personal link each, answering through the link (saved as one goes, one
 * response per link, closed after the end date), and the response
 * accounting of seed 000 §9.1 (registered, stopped, completed, responded,
 * not responded, response rate).
 *
 * Anonymous waves keep anonymity in storage (store/sqlite/instrument.c):
 * nothing written when a response is submitted (the response, the audit
 * log) can lead back to the link or the person. */
#ifndef LG_DOMAIN_SURVEY_H
#define LG_DOMAIN_SURVEY_H

#include "ctx.h"
#include "account.h"
#include "store/instrument.h"

#define WAVE_NAME_MAX 120
#define OPEN_ANSWER_MAX 4000

/* The built-in instruments: key, name and where they come from. */
struct builtin_instrument_info {
	const char *key, *name, *source;
};
size_t survey_builtins(const struct builtin_instrument_info **out);
/* The organisation's copy of a built-in instrument, made on first use. */
int instrument_install(struct ctx *c, const char *key, long long now, long long *id);

struct wave_new {
	long long instrument_id;
	const char *name;
	const char *population;      /* group, batch, programme */
	long long population_id;
	const char *opens_on, *closes_on;
	bool anonymous;
};
/* Makes the wave on the newest version of the instrument and an invitation
 * for every enrolled person of the population who has not stopped. */
int wave_create(struct ctx *c, const struct wave_new *w, long long now, struct errors *e, long long *id);

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
int wave_create_360(struct ctx *c, long long instrument_id, const char *name, long long subject_id,
		    const struct rater *raters, size_t n, const char *opens_on, const char *closes_on, long long now,
		    struct errors *e, long long *id);
/* Per dimension (the items' scale) of a 360° round: self, the manager by
 * name, every other category from 3 raters, the rest merged into
 * "others" (shown from 3), and the gap self - others (stats/three60.h).
 * Each response's score on a dimension is the mean of its answered items
 * there. */
struct s360_cell;
int wave_360(struct ctx *c, const struct wave *w, const struct instrument_version *v, struct s360_cell **cells,
	     size_t *n);
const char *rater_role_label(const char *role);

/* The personal link token of an invitation (recomputed from the wave's key). */
void wave_token(const struct wave *w, long long invitation_id, char out[SECRET_HEX]);

struct accounting {
	long long registered, stopped, completed, active, invited, responded, not_responded;
	double rate;                 /* responded / invited, 0..1; -1 when nobody was invited */
};
int wave_accounting(struct ctx *c, const struct wave *w, struct accounting *out);

/* Fewer responses than this are not shown, in any table or breakdown. */
#define SURVEY_MIN_RESPONSES 5

/* Why the results of a wave (tables, charts, exports) are not shown, or
 * NULL when they may be: fewer than SURVEY_MIN_RESPONSES responses; or,
 * in a 360° round always (its report per dimension is what may be shown);
 * in an anonymous wave, a wave that is still open, since comparing the
 * results before and after one more person answered (whose name the
 * response accounting shows) would reveal their answers. */
const char *wave_hidden_reason(struct ctx *c, const struct wave *w, long long responses, long long now);

/* The results per item of a wave: for Likert and bipolar items N, mean, SD
 * and the distribution over the points; for choices the distribution over
 * the options; for open items the answers (sorted, so that their order
 * says nothing of who or when). shown is false, and nothing else is
 * filled, below SURVEY_MIN_RESPONSES responses. */
struct item_result {
	const struct instrument_item *item;
	size_t n;
	double mean, sd;             /* NAN when not defined */
	size_t *counts;              /* per option, in the item's option order (noptions) */
	char **texts;                /* open answers */
	size_t ntexts;
};
struct wave_results {
	bool shown;
	const char *why_hidden;      /* when not shown (wave_hidden_reason) */
	long long responses;
	struct item_result *items;
	size_t nitems;
};
int wave_results(struct ctx *c, const struct wave *w, const struct instrument_version *v, struct wave_results *out);

/* The results per group of the wave's population: per group the number
 * of responses and the mean of each Likert or bipolar item (NAN when none).
 * A group with fewer than SURVEY_MIN_RESPONSES responses is hidden, and so
 * many more (the smallest first) that the hidden ones together hold at
 * least SURVEY_MIN_RESPONSES or none: otherwise the total minus the shown
 * groups would give the hidden ones away. Responses without a group count
 * as a group of their own. Nothing is shown when the wave's results are
 * not (wave_hidden_reason). */
struct breakdown_row {
	long long group_id;
	const char *name;
	long long n;
	bool shown;
	double *means;               /* per item of the version, in order; NULL when hidden */
};
struct wave_breakdown {
	bool shown;
	struct breakdown_row *rows;
	size_t nrows, hidden;
};
int wave_breakdown(struct ctx *c, const struct wave *w, const struct instrument_version *v, struct wave_breakdown *out);

/* Answering through a link: no account, the token is the key. */
struct respondent {
	struct invitation inv;
	struct wave w;
	struct instrument_version v;
	long long org;
	struct answer_value *draft;
	size_t ndraft;
	enum { RESPOND_OPEN, RESPOND_NOT_YET, RESPOND_CLOSED, RESPOND_DONE } state;
};
/* D_NOTFOUND for an unknown token. */
int respond_open(struct store *st, struct arena *a, const char *token, const char *today, struct respondent *r);
/* Saves the answers given (form fields "i<item id>", "i<id>" repeated for
 * a multiple choice); submit also hands the response in, after checking
 * the required items. */
struct respond_field {
	const char *key, *value;
};
int respond_save(struct store *st, struct arena *a, struct respondent *r, const struct respond_field *f, size_t n,
		 bool submit, const char *today, struct errors *e);

#endif
