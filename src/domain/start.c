/* start.c — the start page (start.h): the store's rows of what is to do,
 * turned into sentences with the page where each is done. */
#include "start.h"
#include "core/i18n.h"
#include "domain/group_view.h"
#include "domain/role.h"
#include "domain/schedule.h"
#include "domain/store_rc.h"
#include "domain/survey.h"
#include "store/instrument.h"
#include "store/start.h"

#include <assert.h>
#include <string.h>

static unsigned parts_of(const struct actor *who)
{
	unsigned parts = 0;
	if (who->person_id)
		parts |= START_PART_PARTICIPANT;  /* anyone may be invited to a questionnaire */
	if (actor_has(who, ROLE_BIT(ROLE_FACILITATOR) | ROLE_BIT(ROLE_MENTOR)))
		parts |= START_PART_STAFF;
	if (actor_has(who, ROLE_BIT(ROLE_COACH)))
		parts |= START_PART_COACH;
	if (actor_has(who, ROLE_BIT(ROLE_COACH) | ROLE_BIT(ROLE_RESEARCHER)))
		parts |= START_PART_WAVES;
	if (actor_has(who, ROLE_BIT(ROLE_ADMINISTRATOR)))
		parts |= START_PART_ADMIN;
	if (actor_has(who, ROLE_BIT(ROLE_RESEARCHER)))
		parts |= START_PART_RESEARCH;
	return parts;
}

static const char *meeting_of(struct ctx *c, const struct start_row *r)
{
	return arena_printf(c->a, _("meeting %d of %s"), r->number, r->group_name);
}

/* The personal link of the actor's own invitation: the page a mail would
 * have sent them to. NULL when the wave cannot be read. */
static const char *respond_href(struct ctx *c, const struct start_row *r)
{
	struct wave w;
	if (store_wave_get(c->st, c->a, c->who->organisation_id, r->ref, &w))
		return NULL;
	char token[SECRET_HEX];
	wave_token(&w, r->id, token);
	return arena_printf(c->a, "/respond?token=%s", token);
}

/* Fills it for row r; false for a row that cannot be offered. */
static bool item_of(struct ctx *c, const struct start_row *r, const char *today, struct start_item *it)
{
	char overdue[11];
	date_add_days(today, -START_OVERDUE_DAYS, overdue);
	*it = (struct start_item){ .kind = r->kind };
	switch (r->kind) {
	case START_QUESTION:
		it->text = arena_printf(c->a, _("Write your learning question for %s."), r->group_name);
		it->href = arena_printf(c->a, "/groups/%lld#question", r->ref);
		break;
	case START_PLAN:
		it->text = arena_printf(c->a, _("Make your development plan for %s."), r->group_name);
		it->href = arena_printf(c->a, "/groups/%lld/plan", r->ref);
		break;
	case START_LOGBOOK:
		it->text = *r->date ? _("Write in your logbook what gave you energy this week and what cost energy.")
				    : _("Start your logbook: what gave you energy today, and what cost energy?");
		if (*r->date)
			it->detail = arena_printf(c->a, _("Your last entry is of %s."), date_label(c->a, r->date));
		it->href = "/logbook#new";
		break;
	case START_QUESTIONNAIRE:
		it->text = arena_printf(c->a, _("Fill in the questionnaire \"%s\"."), r->name);
		it->detail = arena_printf(c->a, _("Open until %s."), date_label(c->a, r->date));
		it->href = respond_href(c, r);
		break;
	case START_PREPARE:
		it->text = arena_printf(c->a, _("Prepare %s: %s."), meeting_of(c, r), r->name);
		it->detail = date_label(c->a, r->date);
		it->href = arena_printf(c->a, "/meetings/%lld", r->id);
		break;
	case START_GOAL_DUE:
		it->text = arena_printf(c->a, _("A goal of your development plan is due: %s"), r->name);
		it->detail = arena_printf(c->a, _("Due on %s."), date_label(c->a, r->date));
		it->href = arena_printf(c->a, "/groups/%lld/plan", r->ref);
		break;
	case START_ACTION_DUE:
		it->text = arena_printf(c->a, _("Follow-up action from %s: %s"), r->group_name, r->name);
		it->detail = arena_printf(c->a, _("due %s"), date_label(c->a, r->date));
		it->href = arena_printf(c->a, "/sessions/%lld#actions", r->ref);
		it->late = strcmp(r->date, today) < 0;
		break;
	case START_ATTENDANCE:
		it->text = arena_printf(c->a, _("Record who came to %s."), meeting_of(c, r));
		it->detail = date_label(c->a, r->date);
		it->href = arena_printf(c->a, "/meetings/%lld#attendance", r->id);
		it->late = strcmp(r->date, overdue) < 0;
		break;
	case START_REPORT:
		it->text = arena_printf(c->a, _("Write and publish the report of %s."), meeting_of(c, r));
		it->detail = date_label(c->a, r->date);
		it->href = arena_printf(c->a, "/meetings/%lld/report", r->id);
		it->late = strcmp(r->date, overdue) < 0;
		break;
	case START_CONTRIBUTIONS:
		it->text = arena_printf(c->a, ngettext("Place %lld contribution in the report of %s.",
						       "Place %lld contributions in the report of %s.", (unsigned long)r->count),
					r->count, meeting_of(c, r));
		it->href = arena_printf(c->a, "/meetings/%lld/report", r->id);
		break;
	case START_INTAKE:
		it->text = arena_printf(c->a, _("Hold the intake with %s (%s)."), r->name, r->group_name);
		it->href = arena_printf(c->a, "/enrolments/%lld/intake", r->id);
		break;
	case START_STAFFING:
		it->text = r->number == 1
				   ? arena_printf(c->a, _("Choose a mentor and a facilitator for %s."), r->group_name)
				   : arena_printf(c->a, _("Confirm the pair of mentor and facilitator of %s: the first meeting has been held."),
						  r->group_name);
		it->href = arena_printf(c->a, "/groups/%lld#staff", r->id);
		break;
	case START_REPORTS_LATE:
		it->text = arena_printf(c->a, ngettext("%s: %lld meeting has had no published report for more than two weeks.",
						       "%s: %lld meetings have had no published report for more than two weeks.",
						       (unsigned long)r->count),
					r->group_name, r->count);
		it->detail = arena_printf(c->a, _("The first was on %s."), date_label(c->a, r->date));
		it->href = arena_printf(c->a, "/groups/%lld", r->id);
		it->late = true;
		break;
	case START_RESPONSE_LOW:
		it->text = arena_printf(c->a, _("Only %lld of %lld have answered \"%s\"; send a reminder."), r->count, r->total,
					r->name);
		it->detail = arena_printf(c->a, _("Closes on %s."), date_label(c->a, r->date));
		it->href = arena_printf(c->a, "/waves/%lld", r->id);
		break;
	case START_GROUP_SIZE:
		it->text = arena_printf(c->a, ngettext("%s has %lld participant; its programme asks for %d to %lld.",
						       "%s has %lld participants; its programme asks for %d to %lld.",
						       (unsigned long)r->count),
					r->group_name, r->count, r->number, r->total);
		it->href = arena_printf(c->a, "/groups/%lld#enrol", r->id);
		break;
	case START_MEMBER_CHECK:
		it->text = arena_printf(c->a, ngettext("The member check \"%s\" has %lld answer (of %lld people asked): read it "
						       "and record what it means for the findings.",
						       "The member check \"%s\" has %lld answers (of %lld people asked): read "
						       "them and record what they mean for the findings.",
						       (unsigned long)r->count),
					r->name, r->count, r->total);
		it->detail = arena_printf(c->a, _("Research project %s."), r->group_name);
		it->href = arena_printf(c->a, "/research/%lld/member-checks/%lld", r->ref, r->id);
		break;
	case START_NO_ACCOUNT:
		it->text = arena_printf(c->a, ngettext("%lld person with an e-mail address has no account yet.",
						       "%lld people with an e-mail address have no account yet.", (unsigned long)r->count),
					r->count);
		it->href = "/accounts";
		break;
	}
	return it->text && it->href;
}

int start_page_read(struct ctx *c, struct start_page *out)
{
	assert(c && out);
	*out = (struct start_page){ 0 };
	char today[11], week_ago[11], due_by[11], late_before[11], soon[11], recent[11];
	date_today(ctx_now(c), today);
	date_add_days(today, -START_LOGBOOK_DAYS, week_ago);
	date_add_days(today, START_DUE_DAYS, due_by);
	date_add_days(today, -START_LATE_DAYS, late_before);
	date_add_days(today, START_SOON_DAYS, soon);
	date_add_days(today, -START_RECENT_DAYS, recent);
	const struct start_dates d = { today, week_ago, due_by, late_before, soon, recent };
	struct start_row *rows;
	size_t n;
	bool snapshot = !store_read_begin(c->st);
	int r = store_start(c->st, c->a, c->who->organisation_id, c->who->person_id, c->who->account_id,
			    parts_of(c->who), &d, &rows, &n);
	if (snapshot)
		store_read_end(c->st);
	if (r)
		return d_from_store(r);
	out->todo = arena_alloc(c->a, (n + 1) * sizeof(*out->todo));
	size_t of_kind = 0;
	for (size_t i = 0; i < n; i++) {
		of_kind = i && rows[i].kind == rows[i - 1].kind ? of_kind + 1 : 0;
		if (of_kind >= START_PER_KIND)
			out->left_out++;
		else if (item_of(c, &rows[i], today, &out->todo[out->ntodo]))
			out->ntodo++;
	}
	return group_next_meetings(c, 5, &out->next, &out->nnext);
}
