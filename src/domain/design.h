/* design.h — editing a programme's design after it was copied from a
 * template: its numbered meetings (theme, description, one or two days,
 * chosen from the menu or not), each meeting's script (draaiboek) with its
 * parts and their tags from the programme's framework, and the menu card's
 * topics and options. What groups have already planned or chosen stays:
 * such meetings, topics and options cannot be removed. Everything is
 * reached through its programme: a meeting, part, topic or option of
 * another programme is D_NOTFOUND, as one of another organisation is. */
#ifndef LG_DOMAIN_DESIGN_H
#define LG_DOMAIN_DESIGN_H

#include "core/compiler.h"
#include "ctx.h"
#include "domain/model/design.h"

#define DESIGN_LINE_MAX 200
#define DESIGN_TEXT_MAX 4000

/* A programme's design as its pages show it: the meetings by number, every
 * script part (by meeting number and position), the menu card's topics and
 * their options (by topic position and position). */
struct programme_design {
	struct programme p;
	struct programme_meeting *meetings;
	size_t nmeetings;
	struct script_part *parts;
	size_t nparts;
	struct menu_topic *topics;
	size_t ntopics;
	struct menu_option *options;
	size_t noptions;
};
MUST_CHECK int design_get(struct ctx *c, long long programme_id, struct programme_design *out);

/* One meeting of a programme with its script parts in order. */
struct design_meeting {
	struct programme p;
	struct programme_meeting m;
	struct script_part *parts;
	size_t nparts;
};
MUST_CHECK int design_meeting_open(struct ctx *c, long long programme_id, long long meeting_id, struct design_meeting *out);

/* m->id 0: a new meeting at the end of the programme (m->programme_id). */
MUST_CHECK int design_meeting_save(struct ctx *c, const struct programme_meeting *m, struct errors *e, long long *id);
MUST_CHECK int design_meeting_delete(struct ctx *c, long long id, struct errors *e);
/* p->id 0: a new part at the end of meeting p->programme_meeting_id; a part
 * saved again keeps its place (p->position is not read). tags: element
 * codes of the programme's framework, separated by commas or spaces.
 * minutes: as typed ("" for none). */
MUST_CHECK int design_part_save(struct ctx *c, const struct script_part *p, const char *minutes, const char *tags,
		     struct errors *e, long long *id);
/* Removes part id of the programme of meeting programme_meeting_id. */
MUST_CHECK int design_part_delete(struct ctx *c, long long programme_meeting_id, long long id);
/* t->id 0: a new topic at the end of the card; a topic saved again keeps
 * its place (t->position is not read). */
MUST_CHECK int design_topic_save(struct ctx *c, long long programme_id, const struct menu_topic *t, struct errors *e,
		      long long *id);
MUST_CHECK int design_topic_delete(struct ctx *c, long long programme_id, long long id, struct errors *e);
/* o->id 0: a new option at the end of topic o->topic_id, which must be a
 * topic of the programme's card (else a message for field "topic_id" and
 * D_INVALID). An option saved again keeps its topic and place; its
 * description too when o->description is NULL. */
MUST_CHECK int design_option_save(struct ctx *c, long long programme_id, const struct menu_option *o, struct errors *e,
		       long long *id);
MUST_CHECK int design_option_delete(struct ctx *c, long long programme_id, long long id, struct errors *e);

#endif
