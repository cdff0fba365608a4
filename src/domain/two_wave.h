/* two_wave.h — two-wave studies (seed 003 §5): an intervention group and a
 * comparison group of the organisation's people, a first and a second
 * measurement with the same questionnaire version "na 9 à 10 maanden", and
 * an intervention between them. How people are assigned to the groups is
 * the researcher's (the seed does not say); leergang records it. A second
 * wave less than 9 or more than 10 months after the first is refused
 * unless the researcher overrides that, which is recorded with the reason.
 *
 * The waves are pseudonymous, not anonymous: a respondent keeps one
 * pseudonym (pseudonym.h) in both waves, answers pair by it, and every
 * reader of the study sees that pseudonym, never the name. The analysis
 * (stats/two_wave.h) is per scale and group over the people who answered
 * both waves; a group with fewer than TWO_WAVE_MIN_PAIRS pairs is not
 * shown, nor the other group or the difference (with the totals of the
 * waves they would give the hidden group away), and nothing is shown
 * before both waves are closed and shown themselves (wave_hidden_reason). */
#ifndef LG_DOMAIN_TWO_WAVE_H
#define LG_DOMAIN_TWO_WAVE_H

#include "core/compiler.h"
#include "ctx.h"
#include "pseudonym.h"
#include "survey.h"
#include "domain/model/two_wave.h"
#include "stats/two_wave.h"

#include <jansson.h>
#include <stdbool.h>

#define STUDY_NAME_MAX 120
#define STUDY_TEXT_MAX 4000
#define TWO_WAVE_MIN_PAIRS SURVEY_MIN_RESPONSES

/* Who is in a group, as the form gives them: people chosen from the list,
 * employee numbers (one per line, or separated by commas or spaces), and
 * everyone working in a unit (units below included); together, once each. */
struct study_people {
	const long long *ids;
	size_t n;
	const char *numbers;
	long long unit;              /* 0: none */
};

struct study_new {
	const char *name;
	long long instrument_id;
	struct study_people arm[2];  /* ARM_INTERVENTION, ARM_COMPARISON */
	const char *assignment;      /* how the people were assigned to the groups */
	const char *wave1_opens, *wave1_closes, *wave2_opens, *wave2_closes;
	bool override_interval;      /* "anders dan 9–10 maanden" */
	const char *override_reason;
	const char *intervention_text, *intervention_from, *intervention_to;
};

/* How far the second wave opens after the first, in calendar months:
 * -1 less than 9 months, 0 from 9 to 10 months (both ends included), 1
 * more than 10. A month after 31 January is the last day of February. */
int two_wave_interval(const char *first, const char *second);

/* Makes the study with its two waves (not anonymous, to exactly its
 * people, on the newest version of the questionnaire) in one transaction.
 * D_INVALID with the problems per field in e. */
MUST_CHECK int two_wave_create(struct ctx *c, const struct study_new *s, long long now, struct errors *e, long long *id);
MUST_CHECK int two_wave_list(struct ctx *c, struct study **out, size_t *n);
MUST_CHECK int two_wave_get(struct ctx *c, long long id, struct study *out);
/* Whether the wave belongs to a study of org (for the respondent's page). */
bool two_wave_of_wave(struct store *st, long long org, long long wave_id);

/* The study's pairs as its readers see them: the people who answered both
 * measurements, by pseudonym and group, ordered by pseudonym (an order that
 * says nothing of who); none until the analysis is shown. Those who
 * answered one measurement or none are only counted (two_wave_analysis):
 * who did not answer is on the coordinator's reminder list, and a
 * pseudonym beside its gaps would lead back to the name. */
struct study_respondent {
	char pseudonym[PSEUDONYM_LEN + 1];
	enum study_arm arm;
	bool wave1, wave2;
};
MUST_CHECK int two_wave_respondents(struct ctx *c, const struct study *s, struct study_respondent **out, size_t *n);

/* The numbers of one dimension: the change per group and the difference. */
struct two_wave_numbers {
	struct stats_change x, y;    /* intervention, comparison */
	struct stats_change_diff d;  /* x's change minus y's */
};
/* Over pairs (x1[i], x2[i]) of the intervention group and (y1, y2) of the
 * comparison group; change scores of incomplete pairs are left out. */
void two_wave_compute(const double *x1, const double *x2, size_t nx, const double *y1, const double *y2, size_t ny,
		      struct two_wave_numbers *out);

struct two_wave_dim {
	const char *name;
	bool shown;                  /* each group has TWO_WAVE_MIN_PAIRS pairs on it */
	struct two_wave_numbers t;   /* when shown */
};
struct two_wave_analysis {
	size_t pairs[2];             /* people with both waves, per group */
	size_t members[2];           /* people in the group */
	bool shown;
	const char *why_hidden;
	struct two_wave_dim *dims;
	size_t ndims;
};
MUST_CHECK int two_wave_analyse(struct ctx *c, const struct study *s, struct two_wave_analysis *out);

/* The study's data, a row per person under their pseudonym (never the
 * name), their group and score per scale in each measurement; nothing
 * (*why_hidden set) when the analysis is not shown. */
struct data_table;
MUST_CHECK int two_wave_table(struct ctx *c, const struct study *s, struct data_table *out, const char **why_hidden);

/* JSON of the numbers: full, every digit (the stats command on a file);
 * else means, SDs and intervals to the two decimals the page shows. */
json_t *two_wave_change_json(const struct stats_change *r, bool full);
json_t *two_wave_diff_json(const struct stats_change_diff *r, bool full);
/* The study and its analysis for the API and the command line. */
json_t *two_wave_analysis_json(const struct study *s, const struct two_wave_analysis *a);

#endif
