/* menu.c — the rules of the menu card. Each message names the rule and the
 * count as it stands, so that a facilitator knows what to change. */
#include "menu.h"
#include "core/i18n.h"

#include <string.h>

static bool blank(const char *s)
{
	if (!s)
		return true;
	for (; *s; s++)
		if (!strchr(" \t\r\n", *s))
			return false;
	return true;
}

bool menu_check(struct ctx *c, const struct menu_rules *r, const struct menu_state *s,
		const struct menu_choice *ch, struct errors *e)
{
	size_t before = e->n;
	int open = s->slots - s->menu_chosen - s->free_chosen;  /* including this one */
	if (ch->free) {
		if (blank(ch->free_topic))
			errors_add(c, e, "free_topic", "%s", _("Describe the free choice: what will the meeting be about?"));
		if (s->free_chosen + 1 > r->max_free) {
			if (r->max_free == 0)
				errors_add(c, e, "choice", "%s", _("The menu card of this programme allows no free choices; choose a topic from the card."));
			else
				errors_add(c, e, "choice",
					   ngettext("The menu card allows at most %d free choice; this group has made %d already. Choose a topic from the card.",
						    "The menu card allows at most %d free choices; this group has made %d already. Choose a topic from the card.",
						    (unsigned long)r->max_free),
					   r->max_free, s->free_chosen);
		} else if (s->menu_chosen + open - 1 < r->min_menu) {
			/* after this free choice, even choosing the card for every open meeting falls short */
			errors_add(c, e, "choice",
				   ngettext("At least %d meeting must come from the menu card; with this free choice at most %d can. Choose a topic from the card.",
					    "At least %d meetings must come from the menu card; with this free choice at most %d can. Choose a topic from the card.",
					    (unsigned long)r->min_menu),
				   r->min_menu, s->menu_chosen + open - 1);
		}
	} else if (ch->topic_id <= 0) {
		errors_add(c, e, "topic", "%s", _("Choose a topic from the menu card, or make a free choice."));
	}
	if (r->justify && blank(ch->justification))
		errors_add(c, e, "justification", "%s",
			   _("Explain from the group's learning need why the group chooses this: the menu card asks a justification for every choice."));
	if (r->preparers > 0 && ch->npreparers != (size_t)r->preparers)
		errors_add(c, e, "preparers",
			   ngettext("Choose %d participant of the group who prepares this meeting with the facilitator; you chose %zu.",
				    "Choose %d participants of the group who prepare this meeting with the facilitator; you chose %zu.",
				    (unsigned long)r->preparers),
			   r->preparers, ch->npreparers);
	return e->n == before;
}

bool menu_rules_check(struct ctx *c, const struct menu_rules *r, int slots, struct errors *e)
{
	size_t before = e->n;
	if (r->min_menu < 0 || r->max_free < 0 || r->preparers < 0 || r->preparers > 12)
		errors_add(c, e, "menu_min", "%s", _("Use whole numbers from 0; at most 12 preparers."));
	else if (r->min_menu > slots)
		errors_add(c, e, "menu_min",
			   ngettext("The programme has %d meeting chosen from the menu card, so at most %d can be required from it.",
				    "The programme has %d meetings chosen from the menu card, so at most %d can be required from it.",
				    (unsigned long)slots),
			   slots, slots);
	return e->n == before;
}
