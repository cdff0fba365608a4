/* menu.h — the rules of a menu card (menukaart), as the designer of a
 * programme sets them and LiVe! did: at least N meetings from the menu, at
 * most M free choices, each choice justified from the group's learning
 * need, P participants who prepare a chosen meeting with the facilitator.
 * Pure: the caller gathers the group's state; the check says what is wrong
 * in words that name the rule and the current count. */
#ifndef LG_DOMAIN_MENU_H
#define LG_DOMAIN_MENU_H

#include "ctx.h"

#include <stdbool.h>
#include <stddef.h>

struct menu_rules {
	int min_menu;        /* at least this many meetings from the menu card */
	int max_free;        /* at most this many free choices */
	int preparers;       /* exactly this many preparers (0: none asked) */
	bool justify;        /* a justification is required */
};

/* A group's choices so far, not counting the meeting being chosen. */
struct menu_state {
	int slots;           /* meetings of the programme that are chosen from the menu */
	int menu_chosen;     /* of those, chosen from the menu card */
	int free_chosen;     /* of those, free choices */
};

struct menu_choice {
	bool free;                   /* a free choice, else a topic of the card */
	long long topic_id;          /* for a menu choice */
	const char *free_topic;      /* for a free choice */
	const char *justification;
	size_t npreparers;           /* distinct participants of the group */
};

/* Adds a message per broken rule to e; true when the choice may be made. */
bool menu_check(struct ctx *c, const struct menu_rules *r, const struct menu_state *s,
		const struct menu_choice *ch, struct errors *e);

/* Whether the rules themselves can be met with `slots` menu meetings
 * (min_menu <= slots); a message in e otherwise. */
bool menu_rules_check(struct ctx *c, const struct menu_rules *r, int slots, struct errors *e);

#endif
