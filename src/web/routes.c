/* routes.c — every route of leergang, with who may call it. The
 * authorisation-matrix test walks this table (dumped by
 * `leergang serve --routes`) for every role in its own and another
 * organisation; a route without an access rule stops the server at start. */
#include "web.h"

#define PAGE ROUTE_PAGE
#define API ROUTE_API

const struct route routes[] = {
	{ "GET", "/healthz", page_healthz, ACCESS_PUBLIC, API },
	{ "GET", "/static/leergang.css", page_static_css, ACCESS_PUBLIC, PAGE },
	{ "GET", "/login", page_login, ACCESS_PUBLIC, PAGE },
	{ "POST", "/login", page_login_post, ACCESS_PUBLIC, PAGE },
	{ "GET", "/language", page_language, ACCESS_PUBLIC, PAGE },
	{ "POST", "/logout", page_logout, ACCESS_SIGNED_IN, PAGE },
	{ "GET", "/", page_home, ACCESS_SIGNED_IN, PAGE },
	{ "GET", "/password", page_password, ACCESS_SIGNED_IN, PAGE },
	{ "POST", "/password", page_password_post, ACCESS_SIGNED_IN, PAGE },

	{ "GET", "/units", page_units, ROLES_UNITS_READ, PAGE },
	{ "POST", "/units", page_unit_create, ROLES_ADMIN, PAGE },
	{ "GET", "/units/{id}", page_unit, ROLES_UNITS_READ, PAGE },
	{ "POST", "/units/{id}", page_unit_update, ROLES_ADMIN, PAGE },
	{ "POST", "/units/{id}/delete", page_unit_delete, ROLES_ADMIN, PAGE },

	{ "GET", "/people", page_people, ROLES_PEOPLE_READ, PAGE },
	{ "GET", "/people.csv", page_people_csv, ROLES_PEOPLE_READ, PAGE },
	{ "GET", "/people/{id}", page_person, ROLES_PEOPLE_READ, PAGE },

	{ "GET", "/accounts", page_accounts, ROLES_ADMIN, PAGE },
	{ "POST", "/accounts", page_account_create, ROLES_ADMIN, PAGE },
	{ "POST", "/accounts/{id}/roles", page_account_role_add, ROLES_ADMIN, PAGE },
	{ "POST", "/accounts/{id}/roles/{id}/delete", page_account_role_remove, ROLES_ADMIN, PAGE },

	{ "GET", "/import", page_import, ROLES_ADMIN, PAGE },
	{ "POST", "/import", page_import_post, ROLES_ADMIN, PAGE },

	{ "GET", "/audit", page_audit, ROLES_ADMIN, PAGE },

	{ "GET", "/programmes", page_programmes, ROLES_PROGRAMME_READ, PAGE },
	{ "POST", "/programmes", page_programme_create, ROLES_PROGRAMME_WRITE, PAGE },
	{ "GET", "/programmes/{id}", page_programme, ROLES_PROGRAMME_READ, PAGE },
	{ "POST", "/programmes/{id}", page_programme_update, ROLES_PROGRAMME_WRITE, PAGE },
	{ "POST", "/programmes/{id}/batches", page_batch_create, ROLES_PROGRAMME_WRITE, PAGE },
	{ "POST", "/batches/{id}/groups", page_group_create, ROLES_PROGRAMME_WRITE, PAGE },
	{ "GET", "/programmes/{id}/design/{id}", page_design_meeting, ROLES_PROGRAMME_WRITE, PAGE },
	{ "POST", "/programmes/{id}/design/{id}", page_design_meeting_save, ROLES_PROGRAMME_WRITE, PAGE },
	{ "POST", "/programmes/{id}/design/{id}/parts", page_design_part_save, ROLES_PROGRAMME_WRITE, PAGE },
	{ "POST", "/programmes/{id}/design", page_design_meeting_add, ROLES_PROGRAMME_WRITE, PAGE },
	{ "GET", "/programmes/{id}/menu", page_menu, ROLES_PROGRAMME_WRITE, PAGE },
	{ "POST", "/programmes/{id}/menu/topics", page_menu_topic_add, ROLES_PROGRAMME_WRITE, PAGE },
	{ "POST", "/programmes/{id}/menu/topics/{id}", page_menu_topic_save, ROLES_PROGRAMME_WRITE, PAGE },
	{ "POST", "/programmes/{id}/menu/options", page_menu_option_add, ROLES_PROGRAMME_WRITE, PAGE },
	{ "POST", "/programmes/{id}/menu/options/{id}", page_menu_option_save, ROLES_PROGRAMME_WRITE, PAGE },
	{ "GET", "/programmes/{id}/selection", page_selection, ROLES_PROGRAMME_READ, PAGE },
	{ "POST", "/programmes/{id}/selection/criteria", page_selection_criterion, ROLES_PROGRAMME_WRITE, PAGE },
	{ "POST", "/programmes/{id}/selection/candidates", page_selection_candidate, ROLES_PROGRAMME_WRITE, PAGE },
	{ "POST", "/programmes/{id}/selection/scores", page_selection_scores, ROLES_PROGRAMME_WRITE, PAGE },
	{ "GET", "/frameworks", page_frameworks, ROLES_PROGRAMME_READ, PAGE },
	{ "GET", "/frameworks/{id}", page_framework, ROLES_PROGRAMME_READ, PAGE },
	{ "POST", "/frameworks/{id}/elements", page_framework_element_add, ROLES_PROGRAMME_WRITE, PAGE },
	{ "GET", "/frameworks/{id}/elements/{id}", page_framework_element, ROLES_PROGRAMME_WRITE, PAGE },
	{ "POST", "/frameworks/{id}/elements/{id}", page_framework_element_save, ROLES_PROGRAMME_WRITE, PAGE },

	{ "GET", "/groups", page_groups, ROLES_GROUP_MEMBER, PAGE },
	{ "GET", "/groups/{id}", page_group, ROLES_GROUP_MEMBER, PAGE },
	{ "POST", "/groups/{id}/staff", page_group_staff, ROLES_PROGRAMME_WRITE, PAGE },
	{ "POST", "/groups/{id}/enrolments", page_group_enrol, ROLES_PROGRAMME_WRITE, PAGE },
	{ "POST", "/enrolments/{id}", page_enrolment_status, ROLES_PROGRAMME_WRITE, PAGE },
	{ "POST", "/groups/{id}/meetings", page_group_plan, ROLES_GROUP_RUN, PAGE },
	{ "POST", "/groups/{id}/question", page_question_write, ROLE_BIT(ROLE_PARTICIPANT), PAGE },
	{ "GET", "/enrolments/{id}/intake", page_intake, ROLES_TRAJECTORY, PAGE },
	{ "POST", "/enrolments/{id}/intake", page_intake_save, ROLES_INTAKE, PAGE },
	{ "GET", "/groups/{id}/calendar.ics", page_group_ics, ROLES_GROUP_MEMBER, PAGE },
	{ "GET", "/meetings/{id}", page_meeting, ROLES_GROUP_MEMBER, PAGE },
	{ "POST", "/meetings/{id}", page_meeting_change, ROLES_GROUP_RUN, PAGE },
	{ "POST", "/meetings/{id}/choice", page_meeting_choice, ROLES_GROUP_RUN, PAGE },
	{ "POST", "/meetings/{id}/attendance", page_meeting_attendance, ROLES_GROUP_RUN, PAGE },

	{ "GET", "/logbook", page_logbook, ACCESS_SIGNED_IN, PAGE },
	{ "POST", "/logbook", page_logbook_add, ACCESS_SIGNED_IN, PAGE },
	{ "GET", "/logbook/{id}", page_logbook_entry, ACCESS_SIGNED_IN, PAGE },
	{ "POST", "/logbook/{id}", page_logbook_update, ACCESS_SIGNED_IN, PAGE },
	{ "POST", "/logbook/{id}/share", page_logbook_share, ACCESS_SIGNED_IN, PAGE },

	{ "GET", "/calendar", page_calendar, ACCESS_SIGNED_IN, PAGE },
	{ "POST", "/calendar", page_calendar_create, ACCESS_SIGNED_IN, PAGE },
	{ "POST", "/calendar/{id}/revoke", page_calendar_revoke, ACCESS_SIGNED_IN, PAGE },
	{ "GET", "/calendar.ics", page_calendar_feed, ACCESS_PUBLIC, PAGE },

	{ "GET", "/api/v1/organisations", api_organisations, ACCESS_SIGNED_IN, API },
	{ "GET", "/api/v1/units", api_units, ROLES_UNITS_READ, API },
	{ "GET", "/api/v1/units/{id}", api_unit, ROLES_UNITS_READ, API },
	{ "GET", "/api/v1/people", api_people, ROLES_PEOPLE_READ, API },
	{ "GET", "/api/v1/people/{id}", api_person, ROLES_PEOPLE_READ, API },
	{ "POST", "/api/v1/people/import", api_import, ROLES_ADMIN, API },
	{ "GET", "/api/v1/programmes", api_programmes, ROLES_PROGRAMME_READ, API },
	{ "POST", "/api/v1/programmes", api_programme_create, ROLES_PROGRAMME_WRITE, API },
	{ "GET", "/api/v1/programmes/{id}", api_programme, ROLES_PROGRAMME_READ, API },
	{ "POST", "/api/v1/programmes/{id}/batches", api_batch_create, ROLES_PROGRAMME_WRITE, API },
	{ "POST", "/api/v1/batches/{id}/groups", api_group_create, ROLES_PROGRAMME_WRITE, API },
	{ "GET", "/api/v1/groups/{id}", api_group, ROLES_GROUP_MEMBER, API },
	{ "POST", "/api/v1/groups/{id}/enrolments", api_group_enrol, ROLES_PROGRAMME_WRITE, API },
	{ "POST", "/api/v1/groups/{id}/meetings", api_group_plan, ROLES_GROUP_RUN, API },
	{ "POST", "/api/v1/meetings/{id}/attendance", api_meeting_attendance, ROLES_GROUP_RUN, API },
	{ "POST", "/api/v1/meetings/{id}/choice", api_meeting_choice, ROLES_GROUP_RUN, API },
	{ 0, 0, 0, 0, 0 },
};
