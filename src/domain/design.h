/* design.h — editing a programme's design after it was copied from a
 * template: its numbered meetings (theme, description, one or two days,
 * chosen from the menu or not), each meeting's script (draaiboek) with its
 * parts and their tags from the programme's framework, and the menu card's
 * topics and options. What groups have already planned or chosen stays:
 * such meetings, topics and options cannot be removed. */
#ifndef LG_DOMAIN_DESIGN_H
#define LG_DOMAIN_DESIGN_H

#include "ctx.h"
#include "domain/model/design.h"

#define DESIGN_LINE_MAX 200
#define DESIGN_TEXT_MAX 4000

/* m->id 0: a new meeting at the end of the programme (m->programme_id). */
int design_meeting_save(struct ctx *c, const struct programme_meeting *m, struct errors *e, long long *id);
int design_meeting_delete(struct ctx *c, long long id, struct errors *e);
/* p->id 0: a new part at the end of meeting p->programme_meeting_id. tags:
 * element codes of the programme's framework, separated by commas or
 * spaces. minutes: as typed ("" for none). */
int design_part_save(struct ctx *c, const struct script_part *p, const char *minutes, const char *tags,
		     struct errors *e, long long *id);
int design_part_delete(struct ctx *c, long long id);
int design_topic_save(struct ctx *c, long long programme_id, const struct menu_topic *t, struct errors *e,
		      long long *id);
int design_topic_delete(struct ctx *c, long long id, struct errors *e);
int design_option_save(struct ctx *c, const struct menu_option *o, struct errors *e, long long *id);
int design_option_delete(struct ctx *c, long long id, struct errors *e);

#endif
