/* privacy.h — who may read a person's own text, decided in this one place
 * for pages, API, command line and (later) search; and the audit record of
 * every read by someone other than the writer (SPEC, privacy rules).
 *
 * The rules so far:
 *   - a logbook entry is private to its writer; shared with the facilitator,
 *     the facilitator of that group reads it too; shared with the group, the
 *     group's participants (not stopped), mentor and facilitator read it.
 *     Nobody else: not the coach, the owner or the administrator.
 *   - a participant's trajectory in a group (the intake, the learning
 *     question) is read by the participant and by the group's facilitator
 *     and mentor, who hold the intake (seed 000 §7.1.2).
 *   - a meeting report is read in draft by the group's facilitator and
 *     mentor; once published also by the group's participants (not
 *     stopped); the organisation coach reads published reports along,
 *     anonymised: participants' names replaced, contributions without
 *     their writer. The owner and the administrator read none of it.
 *   - a contribution is read by its writer and the facilitator; once the
 *     facilitator has placed it, by whoever reads the report (the coach
 *     without attribution).
 *   - the learning story is read in draft by facilitator and mentor; once
 *     bundled by the group, its mentor and facilitator, and anonymised by
 *     the coach; never by the owner. */
#ifndef LG_DOMAIN_PRIVACY_H
#define LG_DOMAIN_PRIVACY_H

#include "ctx.h"
#include "domain/model/logbook.h"
#include "domain/model/report.h"
#include "domain/model/group.h"


/* How far the actor may read a group text. */
enum privacy_read {
	PRIVACY_NONE,
	PRIVACY_ANONYMISED,  /* the coach reading along */
	PRIVACY_FULL,
};

enum privacy_read privacy_report(struct ctx *c, const struct meeting_report *r);
/* r: the report of the contribution's meeting, or NULL when there is none */
enum privacy_read privacy_contribution(struct ctx *c, const struct contribution *x, const struct meeting_report *r);
enum privacy_read privacy_story(struct ctx *c, const struct learning_story *s);
/* The text with the names of the group's participants (full name and each
 * part of three letters or more, whole words only) replaced by
 * "[participant]" in the interface language. */
char *privacy_anonymise(struct ctx *c, long long group_id, const char *text);
/* Whether a search for these words could point at a participant of the
 * group by name (the coach's searches may not). */
bool privacy_names_participant(struct ctx *c, long long group_id, const char *query);

bool privacy_may_read_logbook(struct ctx *c, const struct logbook_entry *e);
bool privacy_may_read_trajectory(struct ctx *c, long long person_id, long long group_id);
/* The group's facilitator or mentor (by person), who hold the intake. */
bool privacy_holds_intake(struct ctx *c, long long group_id);
/* Records that the actor read the text (kind "logbook", its id) when the
 * actor is not its writer. D_ERROR when the line could not be written
 * (audit() has warned the operator): inside a transaction, a failure; after
 * the read, the caller may leave it, as after any audit line. */
int privacy_log_read(struct ctx *c, const char *kind, long long id, long long writer_person_id);

/* What the rules above read of one group (the group, its enrolments, the
 * names to hide), read at most once: for a caller that asks about many
 * texts of the same group at once, as a search does for each result. The
 * same rules; only the reads are shared. privacy_group_init() sets it up
 * for a group (nothing is read yet); the rest is read when first needed,
 * in c->a, and is valid for as long as nothing in the group changes (one
 * request). */
struct privacy_name;
struct privacy_group {
	long long id;
	bool have_group, found;           /* found: the group is of the organisation */
	struct learning_group g;
	bool have_enrolments, enrolments_ok;
	struct enrolment *en;
	size_t nen;
	bool have_names;
	struct privacy_name *names;
	size_t nnames;
};
void privacy_group_init(struct privacy_group *pg, long long group_id);
/* The group itself, or NULL when it is not of the organisation. */
const struct learning_group *privacy_group_get(struct ctx *c, struct privacy_group *pg);
enum privacy_read privacy_report_in(struct ctx *c, struct privacy_group *pg, const struct meeting_report *r);
char *privacy_anonymise_in(struct ctx *c, struct privacy_group *pg, const char *text);
bool privacy_names_participant_in(struct ctx *c, struct privacy_group *pg, const char *query);

#endif
