/* instrument.h — the store's part for questionnaires: instruments with
 * their versions, sections, items and options; waves, invitations (only
 * the token's hash, and the cells their response is reported under),
 * sealed drafts and responses. As everywhere in the store: every call
 * takes the organisation, lists come from the arena. */
#ifndef LG_STORE_INSTRUMENT_H
#define LG_STORE_INSTRUMENT_H

#include "store.h"

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
};

struct instrument_item {
	long long id, version_id, section_id;
	int position;
	char *code, *kind, *text, *scale, *left_label, *right_label;
	int reversed, required;
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

int store_instrument_add(struct store *s, long long org, const struct instrument *in, long long *id);
int store_instrument_list(struct store *s, struct arena *a, long long org, struct instrument **out, size_t *n);
int store_instrument_get(struct store *s, struct arena *a, long long org, long long id, struct instrument *out);
int store_instrument_by_key(struct store *s, struct arena *a, long long org, const char *key, struct instrument *out);
/* Writes a new version (the next number) with its sections and items (each
 * item's section_id is an index into v->sections, or -1 for none); returns
 * its id. Call inside a transaction. */
int store_version_add(struct store *s, long long org, const struct instrument_version *v, long long *id);
int store_version_get(struct store *s, struct arena *a, long long org, long long id, struct instrument_version *out);

struct wave {
	long long id, version_id, population_id, created_by;
	long long subject_id;        /* 360° feedback: the person rated, else 0 */
	char *name, *population, *opens_on, *closes_on;
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

int store_wave_add(struct store *s, long long org, const struct wave *w, long long *id);
/* One wave, without invited and responded (0): counting them passes over
 * every invitation, and the respondent's page reads the wave on every
 * hand-in. wave_accounting() has the counts of one wave. */
int store_wave_get(struct store *s, struct arena *a, long long org, long long id, struct wave *out);
int store_wave_list(struct store *s, struct arena *a, long long org, struct wave **out, size_t *n);
/* The organisation of a wave, for the administrator's command line, which
 * names a wave by its id alone. */
int store_wave_org(struct store *s, long long wave_id, long long *org);
/* Closes the wave now (ST_NOTFOUND when it is closed by hand already). */
int store_wave_close(struct store *s, long long org, long long wave_id, long long now);
/* Marks the wave's report cells as worked out (store_invitation_set_cells). */
int store_wave_set_report_cells(struct store *s, long long org, long long wave_id);

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

int store_invitation_add(struct store *s, long long org, const struct invitation *inv, const unsigned char hash[HASH_LEN],
			 long long now, long long *id);
int store_invitation_set_hash(struct store *s, long long org, long long id, const unsigned char hash[HASH_LEN]);
int store_invitation_set_cells(struct store *s, long long org, long long id, long long group_id, long long unit_id,
			       const char *role);
int store_invitation_list(struct store *s, struct arena *a, long long org, long long wave_id,
			  struct invitation **out, size_t *n);
/* By the hash of its token, in any organisation (the link is the key);
 * fills *org. */
int store_invitation_by_hash(struct store *s, struct arena *a, const unsigned char hash[HASH_LEN],
			     struct invitation *out, long long *org);
int store_invitation_remind(struct store *s, long long org, long long id);
/* Sending an invitation by e-mail: claim sets mailed_at when it is not set
 * yet (ST_NOTFOUND when it is: someone else sent it), before the message
 * goes out; unclaim clears it again when the mail server refused it. */
int store_invitation_claim_mail(struct store *s, long long org, long long id, long long now);
int store_invitation_unclaim_mail(struct store *s, long long org, long long id);

struct answer_value {
	long long item_id;
	bool has_value;
	long long value;
	char *text;                  /* NULL when none */
};

/* A draft as the store keeps it: sealed with a key only the respondent's
 * browser holds (domain/survey.c), with a verifier of that key. */
struct sealed_draft {
	unsigned char verifier[32];
	unsigned char nonce[24];
	unsigned char *box;
	size_t len;
};
/* Replaces the invitation's draft (while it is not answered). */
int store_draft_put(struct store *s, long long org, long long invitation_id, const struct sealed_draft *d);
/* ST_NOTFOUND when there is none. */
int store_draft_get(struct store *s, struct arena *a, long long org, long long invitation_id, struct sealed_draft *out);
/* Deletes the draft; remember: keeps its verifier on the invitation, so
 * that its respondent can be told. */
int store_draft_discard(struct store *s, long long org, long long invitation_id, bool remember);
/* Hands in the answers a[0..n) of an invitation as its response, marks
 * the invitation answered, counts the week and deletes any draft, in one
 * transaction. The response takes the invitation's report cells;
 * anonymous: it keeps no link, a random id and no time (the week is only
 * counted, in response_week). Returns once the hand-in is on disk, and for
 * an anonymous one out of the write-ahead log (see instrument.c).
 * ST_CONFLICT when already answered, ST_NOTFOUND while a draft is there
 * that is not sealed for verifier (NULL: while any draft is there),
 * ST_INVALID for an item not of the wave's questionnaire. */
int store_response_submit(struct store *s, long long org, long long invitation_id, bool anonymous, const char *week,
			  const unsigned char *verifier, const struct answer_value *a, size_t n);

/* Every answer of a wave: rows of (response, item, value, text). */
struct answer_row {
	long long response_id, item_id, group_id, unit_id;
	long long person_id;         /* the invitation's person; 0 in an anonymous wave */
	char *rater_role;            /* 360° feedback: the category of the response */
	bool has_value;
	long long value;
	char *text;
};
int store_answers(struct store *s, struct arena *a, long long org, long long wave_id, struct answer_row **out,
		  size_t *n);

#endif
