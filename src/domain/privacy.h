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
 * actor is not its writer. */
void privacy_log_read(struct ctx *c, const char *kind, long long id, long long writer_person_id);

#endif
