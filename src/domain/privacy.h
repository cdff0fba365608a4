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
 *     and mentor, who hold the intake (seed 000 §7.1.2). */
#ifndef LG_DOMAIN_PRIVACY_H
#define LG_DOMAIN_PRIVACY_H

#include "ctx.h"
#include "store/programme.h"

bool privacy_may_read_logbook(struct ctx *c, const struct logbook_entry *e);
bool privacy_may_read_trajectory(struct ctx *c, long long person_id, long long group_id);
/* The group's facilitator or mentor (by person), who hold the intake. */
bool privacy_holds_intake(struct ctx *c, long long group_id);
/* Records that the actor read the text (kind "logbook", its id) when the
 * actor is not its writer. */
void privacy_log_read(struct ctx *c, const char *kind, long long id, long long writer_person_id);

#endif
