/* model/instrument.h — the domain's records of questionnaires (instruments),
 * their versions, waves, invitations and answers. The domain hands them to
 * pages and the command line; the store fills them (it implements the
 * domain's storage, so it knows these types; pages never see the store).
 * Strings are allocated in the reader's arena. */
#ifndef LG_DOMAIN_MODEL_INSTRUMENT_H
#define LG_DOMAIN_MODEL_INSTRUMENT_H

#include <stdbool.h>
#include <stddef.h>

struct instrument {
	long long id;
	char *key, *name, *description, *source;
	long long created_at;
	int versions;                /* filled by lists: the newest version number */
	long long latest_version_id; /* filled by lists */
};

struct item_option {
	int position, value;
	char *label;
	int exclusive;               /* multiple choice: chosen, it must be the only one */
};

struct instrument_item {
	long long id, version_id, section_id;
	int position;
	char *code, *kind, *text, *scale, *left_label, *right_label;
	int reversed, required;
	int allows_dont_know;        /* offers "weet niet / n.v.t." beside its points */
	int min_answers, max_answers;  /* multiple choice: options to choose when answered, 0: no bound */
	struct item_option *options;
	size_t noptions;
};

struct instrument_section {
	long long id;
	int position;
	char *title, *intro;
};

/* A version with its sections and items in order. */
struct instrument_version {
	long long id, instrument_id;
	int version;
	char *note;
	long long created_at;
	struct instrument_section *sections;
	size_t nsections;
	struct instrument_item *items;
	size_t nitems;
};

struct wave {
	long long id, version_id, population_id, created_by;
	long long subject_id;        /* 360° feedback: the person rated, else 0 */
	char *name, *population, *opens_on, *closes_on;
	char *purpose;               /* why the wave is held, for its respondents; NULL: none given */
	int anonymous;
	long long created_at;
	long long closed_at;         /* closed by hand before closes_on, else 0 */
	int report_cells;            /* the invitations' report cells are worked out */
	unsigned char link_key[32];
	/* filled by reads */
	char *instrument_name, *subject_name;
	long long instrument_id;
	int version;
	long long invited, responded;  /* invited: not stopped; by store_wave_list only */
};

struct invitation {
	long long id, wave_id, person_id;
	char *email, *enrolment_status;
	char *rater_role;            /* 360° feedback: self, manager, peer, staff, other; else "" */
	int responded, reminders;
	long long mailed_at;         /* when the invitation was sent by e-mail, else 0 */
	/* what its response is reported under (domain/disclosure.h): the
	 * group and unit (0: none) and the 360° category */
	long long report_group_id, report_unit_id;
	char *report_role;
	bool draft_discarded;        /* a draft was discarded from another browser */
	unsigned char discarded_verifier[32];
	char *person_name, *employee_id;  /* filled by reads */
};

struct answer_value {
	long long item_id;
	bool has_value;
	long long value;
	char *text;                  /* NULL when none */
	bool dont_know;              /* "weet niet / n.v.t.": no value, no text */
};

/* An anonymous hand-in waiting to be mixed in (domain/anonymous_mix.h):
 * its answers sealed, the key not in the database. */
struct pending_response {
	long long id;
	unsigned char *box;
	size_t len;
};

/* An anonymous response as the mixer writes it: what it is reported
 * under (0: no group or unit) and its answers. */
struct mixed_response {
	long long group_id, unit_id;
	char *rater_role;
	struct answer_value *answers;
	size_t nanswers;
};

/* A wave with hand-ins waiting, in its organisation. */
struct wave_ref {
	long long organisation_id, wave_id;
};

/* A draft as the store keeps it: sealed with a key only the respondent's
 * browser holds (domain/survey.c), with a verifier of that key. */
struct sealed_draft {
	unsigned char verifier[32];
	unsigned char nonce[24];
	unsigned char *box;
	size_t len;
};

/* Every answer of a wave: rows of (response, item, value, text). */
struct answer_row {
	long long response_id, item_id, group_id, unit_id;
	long long person_id;         /* the invitation's person; 0 in an anonymous wave */
	char *rater_role;            /* 360° feedback: the category of the response */
	bool has_value;
	long long value;
	char *text;
	bool dont_know;              /* "weet niet / n.v.t." (has_value false, text NULL) */
};

#endif
