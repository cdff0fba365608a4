/* web.h — the web application: the route table with its access rules, the
 * per-request context of pages and API handlers, and the helpers every page
 * uses to answer (HTML page, redirect, JSON, CSV, error). */
#ifndef LG_WEB_H
#define LG_WEB_H

#include "core/i18n.h"
#include "domain/ctx.h"
#include "domain/role.h"
#include "http/server.h"

#include <jansson.h>
#include <stdbool.h>

/* Access rules of a route: PUBLIC for everyone, SIGNED_IN for every account,
 * otherwise the role bits that may call it. A route with 0 is refused at
 * start-up (and by the authorisation-matrix test). */
#define ACCESS_PUBLIC (1u << 30)
#define ACCESS_SIGNED_IN (1u << 29)

/* Who may do what in this foundation; later issues add their own. */
#define ROLES_PEOPLE_READ (ROLE_BIT(ROLE_ADMINISTRATOR) | ROLE_BIT(ROLE_COACH))
#define ROLES_UNITS_READ (ROLE_BIT(ROLE_ADMINISTRATOR) | ROLE_BIT(ROLE_COACH) | ROLE_BIT(ROLE_OWNER) | \
			  ROLE_BIT(ROLE_MANAGER))
#define ROLES_ADMIN ROLE_BIT(ROLE_ADMINISTRATOR)
/* programmes: the coach designs and staffs, the owner follows the counts */
#define ROLES_PROGRAMME_WRITE ROLE_BIT(ROLE_COACH)
#define ROLES_PROGRAMME_READ (ROLE_BIT(ROLE_COACH) | ROLE_BIT(ROLE_OWNER))
/* whoever can be in a group; which groups is decided per group (domain/group.h) */
#define ROLES_GROUP_MEMBER (ROLE_BIT(ROLE_COACH) | ROLE_BIT(ROLE_OWNER) | ROLE_BIT(ROLE_FACILITATOR) | \
			    ROLE_BIT(ROLE_MENTOR) | ROLE_BIT(ROLE_PARTICIPANT))
#define ROLES_GROUP_RUN (ROLE_BIT(ROLE_COACH) | ROLE_BIT(ROLE_FACILITATOR))
/* a participant's trajectory: the participant, their facilitator and mentor */
#define ROLES_TRAJECTORY (ROLE_BIT(ROLE_PARTICIPANT) | ROLE_BIT(ROLE_FACILITATOR) | ROLE_BIT(ROLE_MENTOR))
/* the intake is held by the facilitator and the mentor */
#define ROLES_INTAKE (ROLE_BIT(ROLE_FACILITATOR) | ROLE_BIT(ROLE_MENTOR))
/* Reports and the learning story: the group, its mentor and facilitator,
 * and the coach reading along; never the owner (domain/privacy.c). */
#define ROLES_GROUP_TEXT (ROLE_BIT(ROLE_COACH) | ROLE_BIT(ROLE_FACILITATOR) | ROLE_BIT(ROLE_MENTOR) | \
			  ROLE_BIT(ROLE_PARTICIPANT))
/* Questionnaires: the coach (the coordinator) and the researcher. */
#define ROLES_SURVEY (ROLE_BIT(ROLE_COACH) | ROLE_BIT(ROLE_RESEARCHER))
/* the accounting of a level: aggregates for the coach and the owner */
#define ROLES_ACCOUNTING (ROLE_BIT(ROLE_COACH) | ROLE_BIT(ROLE_OWNER))
#define ROLES_REPORT_WRITE (ROLE_BIT(ROLE_FACILITATOR) | ROLE_BIT(ROLE_MENTOR))
/* The export page: the administrator (people), the coach (all), the researcher (the waves). */
/* A session with a case: its leader (the group's facilitator) and members
 * (the group's participants); the coach and the owner see counts only. */
#define ROLES_SESSION (ROLE_BIT(ROLE_FACILITATOR) | ROLE_BIT(ROLE_PARTICIPANT))
/* peer groups: made and staffed by the coordinator (coach) and the administrator */
#define ROLES_PEER_MANAGE (ROLE_BIT(ROLE_ADMINISTRATOR) | ROLE_BIT(ROLE_COACH))
#define ROLES_PEER_OVERVIEW (ROLE_BIT(ROLE_ADMINISTRATOR) | ROLE_BIT(ROLE_COACH) | ROLE_BIT(ROLE_OWNER))
/* how participation spreads, the spread table and the recruitment network:
 * the coach and the researcher in full, the owner counts per department
 * (domain/spread_table.c, domain/referral_network.c); the network's
 * GraphML (the graph itself), lone participants and buddy pairs: the coach
 * and the researcher read, the coach records pairs */
#define ROLES_SPREAD (ROLE_BIT(ROLE_COACH) | ROLE_BIT(ROLE_RESEARCHER) | ROLE_BIT(ROLE_OWNER))
#define ROLES_SPREAD_NAMES (ROLE_BIT(ROLE_COACH) | ROLE_BIT(ROLE_RESEARCHER))
#define ROLES_BUDDY ROLE_BIT(ROLE_COACH)
/* research projects: researchers, members of each project (domain/research.c) */
#define ROLES_RESEARCH ROLE_BIT(ROLE_RESEARCHER)
/* referrals: recorded and read for anyone by the coordinator (coach), by a
 * participant for themselves (domain/referral.c) */
#define ROLES_REFERRAL (ROLE_BIT(ROLE_COACH) | ROLE_BIT(ROLE_PARTICIPANT))
#define ROLES_REFERRAL_ANYONE ROLE_BIT(ROLE_COACH)
#define ROLES_EXPORTS (ROLE_BIT(ROLE_ADMINISTRATOR) | ROLE_BIT(ROLE_COACH) | ROLE_BIT(ROLE_RESEARCHER))

struct web;
typedef void (*web_handler)(struct web *w);

/* ROUTE_PAGE_PASSWORD: a page whose handler hashes or verifies a password;
 * the server runs it on its password lane (http/lane.h), not on a request
 * thread. */
enum route_kind { ROUTE_PAGE, ROUTE_API, ROUTE_PAGE_PASSWORD };

struct route {
	const char *method;
	const char *pattern;   /* "/people/{id}"; {id} is a positive integer */
	web_handler fn;
	unsigned access;
	enum route_kind kind;
};

extern const struct route routes[];

struct web {
	struct request *r;
	struct arena *a;
	struct store *st;
	struct buf *out;
	const struct route *route;
	long long id[2];          /* the {id}s of the path, in order */
	bool signed_in;
	struct actor who;
	struct ctx ctx;           /* st, a, &who */
	const char *session;      /* the cookie value */
	const char *csrf;         /* the session's CSRF token */
	enum lang lang;
	const char *org_name;
	bool secure_cookies;
	const char *public_url;
	bool picker_script;       /* /static/picker.js is on the page */
	bool session_script;      /* /static/session.js is on the page */
	bool research_script;     /* /static/research.js is on the page */
	const char *form_id;      /* prefix of the field ids of the form being written (a page with a
	                           * form per row), NULL for none */
	long long token_id;       /* the API token the request came with, 0 for none */
	int token_scope;          /* its enum api_token_scope */
};

struct app {
	/* Secure on every cookie: --secure-cookies, or LEERGANG_PUBLIC_URL is https */
	bool secure_cookies;
	/* LEERGANG_TRUST_PROXY: the reverse proxy in front says in
	 * X-Forwarded-Proto whether the browser came over https; without it
	 * that header is anyone's word and is ignored */
	bool trust_proxy;
	const char *public_url;   /* LEERGANG_PUBLIC_URL: the base of links that leave the page, or NULL */
};

void web_handle(struct request *r, void *app);
void web_error_page(struct request *r, void *app, int status);
/* Whether the request goes to a route that hashes a password (http_config.on_lane). */
bool web_on_lane(const struct request *r, void *app);

/* Seconds in the Retry-After of a "busy, try again shortly" answer. */
#define WEB_RETRY_AFTER "5"

/* answers */
void web_redirect(struct web *w, const char *location);
/* An error page with message; on an API route (a handler serving a page
 * and its API twin alike) the JSON error instead. */
void web_error(struct web *w, int status, const char *message);
void web_not_found(struct web *w);
void web_json(struct web *w, int status, json_t *body);   /* steals body */
/* {"error":{"code","message","field"}}: code from the status (web_error_code),
 * field the input it is about or null */
void web_json_error(struct web *w, int status, const char *message);
void web_json_error_field(struct web *w, int status, const char *message, const char *field);
json_t *web_error_object(int status, const char *message, const char *field);
const char *web_error_code(int status);

/* cookies: the pre-login CSRF token (set when missing), the session, the language */
const char *web_prelogin_token(struct web *w);
/* The secret of a respondent's browser, which seals their drafts
 * (domain/respond.c): from its cookie, or made now and set. */
const char *web_respondent_key(struct web *w);
void web_set_session_cookie(struct web *w, const char *token);  /* NULL clears it */
void web_set_language_cookie(struct web *w, enum lang l);

/* request values */
const char *web_arg(struct web *w, const char *name);      /* query */
const char *web_field(struct web *w, const char *name);    /* form; "" when absent */
/* Numbers from the request, all read by int_parse (core/integer.h). The
 * largest id leergang takes in a path, a query or a form: */
#define WEB_ID_MAX 999999999999999LL
/* A query number from 0 to WEB_ID_MAX: dflt when absent, not a whole
 * number or negative; a larger one is WEB_ID_MAX. */
long long web_arg_int(struct web *w, const char *name, long long dflt);
/* The time now in milliseconds since 1970 (sign-in delays). */
long long web_now_ms(void);
/* A query number clamped into [min, max] (a page number past the end is
 * the last page); dflt when absent or not a whole number. */
long long web_arg_clamped(struct web *w, const char *name, long long dflt, long long min, long long max);
/* A query number that must lie in [min, max]: *v = dflt when absent;
 * false (after answering 400 with a message that names the argument and
 * its range) when it is not a whole number in that range. For the API. */
bool web_arg_checked(struct web *w, const char *name, long long dflt, long long min, long long max, long long *v);
/* A form number in [min, max], else `bad` (absent, not a whole number,
 * out of range): a value the domain then refuses with its own message. */
long long web_field_int(struct web *w, const char *name, long long min, long long max, long long bad);
/* An id chosen in a form: 0 for "0" (none), the id up to WEB_ID_MAX, -1
 * for anything else (absent, not a number, negative, too large). */
long long web_field_id(struct web *w, const char *name);
/* The same for a value already in hand (a repeated field, "o:12"). */
long long web_value_id(const char *value);
/* The ids posted in a repeated form field (a multiple select), "0" left
 * out; false when a value is not an id. */
bool web_field_ids(struct web *w, const char *field, long long **ids, size_t *n);
/* The base of links that leave the page (feeds, survey links, e-mail):
 * LEERGANG_PUBLIC_URL when the server has one, else "http://host:port" of
 * this server as the client reached it (a plain Host header only). */
const char *web_base_url(struct web *w);
/* A number as the page's language writes it ("3,14" in Dutch), with this
 * many decimals; "—" for NAN; never "-0". */
const char *web_number(struct web *w, double v, int decimals);
/* Today, "YYYY-MM-DD" in Europe/Amsterdam, on the request's clock (the
 * ctx's: format.c). */
const char *web_today(struct web *w);
/* The wave of the path's {id} with its questionnaire version, through the
 * domain (wave_open); false after answering 404 or 500 (wave_page.c). */
struct wave;
struct instrument_version;
bool web_open_wave(struct web *w, struct wave *wv, struct instrument_version *v);

/* page frame (layout.c) */
void page_begin(struct web *w, const char *title);
void page_end(struct web *w);
/* the hidden CSRF field of a form */
void form_csrf(struct web *w);
/* a message box for the errors of a form */
void form_errors(struct web *w, const struct errors *e);
/* a labelled text input with its error; value re-shown */
void form_input(struct web *w, const char *name, const char *label, const char *type, const char *value,
		const struct errors *e, const char *autocomplete);
/* a labelled textarea with an optional hint and its error */
void form_textarea(struct web *w, const char *name, const char *label, const char *value, const struct errors *e,
		   const char *hint);
/* the status message of ?done=CODE after a redirect */
void page_done_message(struct web *w);
/* A long page's sections, linked at its top ("Op deze pagina"): the ones
 * with `shown` set, and nothing when fewer than three are. */
struct page_section {
	const char *id, *label;
	bool shown;
};
void page_sections(struct web *w, const struct page_section *s, size_t n);
/* sortable.c: a table sorted by the heading chosen (?sort=KEY&dir=). */
struct sort_column {
	const char *key, *label;
};
struct sort_choice {
	size_t col;  /* index into the columns */
	bool desc;
	bool asked;  /* false: none or an unknown column asked, the rows stay as listed */
};
struct sort_choice sort_choice(struct web *w, const struct sort_column *cols, size_t n);
/* the <thead>: each heading a link to sort by it, the sorted one marked */
void sort_head(struct web *w, const char *path, const struct sort_column *cols, size_t n, struct sort_choice c);
/* rows (nrows of size bytes) in the order of key(row, column), stably */
void sort_rows(struct web *w, void *rows, size_t nrows, size_t size,
	       const char *(*key)(struct web *w, const void *row, size_t col), struct sort_choice c);
/* confirm.c: the question before a destructive action. True when the
 * form carries confirm=1; otherwise the page asks (question, the yes
 * button's words, `back` for "No, go back"), re-posting every field to the
 * same address with confirm=1, and the handler returns at once. Call it
 * after finding the thing and before changing anything. */
bool web_confirmed(struct web *w);
bool web_confirm(struct web *w, const char *question, const char *yes, const char *back);
/* The same with detail, a fragment made by html() (what would change), shown
 * between the question and the buttons. */
bool web_confirm_detail(struct web *w, const char *question, const char *detail, const char *yes, const char *back);
/* The same as "Are you sure you want to remove WHAT?", "Yes, remove". */
bool web_confirm_delete(struct web *w, const char *what, const char *back);

/* handlers by file */
/* methods.c: the organisation's session methods */
void api_methods(struct web *w);
/* api_openapi.c */
void api_openapi(struct web *w);
void page_methods(struct web *w);
/* api_sessions.c: a session with a case in the API */
void api_session(struct web *w);
void api_session_answer(struct web *w);
void api_session_step(struct web *w);
void page_method_step_save(struct web *w);
/* session_js.c: /static/session.js, a session's pages following it */
void page_static_session_js(struct web *w);
void api_session_state(struct web *w);
/* api_sessions.c: the twins of the session pages' forms (issue 21) and a
 * group's sessions; api_reverse.c: reverse mentoring in the API */
void api_group_sessions(struct web *w);
void api_group_session_start(struct web *w);
void api_peer_group_session_start(struct web *w);
void api_session_note(struct web *w);
void api_session_roles(struct web *w);
void api_session_select(struct web *w);
void api_session_outcome(struct web *w);
void api_reverse_pairs(struct web *w);
void api_reverse_add(struct web *w);
void api_reverse_step(struct web *w);
void page_method_copy(struct web *w);
void page_method_step_append(struct web *w);
void page_method_step_remove_last(struct web *w);
void page_method_remove(struct web *w);
void api_method_copy(struct web *w);
void api_method_step_append(struct web *w);
void api_method_step_remove_last(struct web *w);
void api_method_remove(struct web *w);
/* sessions.c: a group's sessions with a case */
void page_group_sessions(struct web *w);
/* peer_groups.c */
void page_peer_groups(struct web *w);
void page_peer_group_new(struct web *w);
void page_peer_group_create(struct web *w);
void page_peer_group(struct web *w);
void page_peer_group_member(struct web *w);
void page_peer_group_member_remove(struct web *w);
void page_peer_group_active(struct web *w);
void api_peer_group_active(struct web *w);
void api_peer_group_member_remove(struct web *w);
void page_peer_group_session_start(struct web *w);
void page_presentations(struct web *w);
void page_presentation_create(struct web *w);
void page_network(struct web *w);
void page_network_graphml(struct web *w);
void page_network_json(struct web *w);
void api_network(struct web *w);
/* spread.c: the spread table, its downloads and its API */
void page_spread(struct web *w);
void page_spread_csv(struct web *w);
void page_spread_xlsx(struct web *w);
void api_spread(struct web *w);
/* buddies.c: lone participants and buddy pairs, pages and API */
void page_spread_lone(struct web *w);

/* research.c, research_source.c, research_analysis.c */
void research_fail(struct web *w, int d);
/* The form's team (field "unit", chosen again from the request), and the
 * kind of a text or of fieldwork (field "kind", the first by default). */
struct unit;
void research_unit_select(struct web *w, const struct unit *units, size_t n, const char *label, const char *none);
void research_kind_radios(struct web *w, const char *legend, const char *const *kinds, const char *(*label)(const char *));
void page_research_list(struct web *w);
void page_research_create(struct web *w);
void page_research_import(struct web *w);
void page_research(struct web *w);
void page_research_member_add(struct web *w);
void page_research_code_add(struct web *w);
void page_research_codes_framework(struct web *w);
void page_research_code_remove(struct web *w);
void page_research_memo_add(struct web *w);
void page_research_term_add(struct web *w);
void page_research_qdpx(struct web *w);
void page_research_qdc(struct web *w);
void page_research_source_new(struct web *w);
void page_research_source_add(struct web *w);
void page_research_source_take(struct web *w);
void page_research_source(struct web *w);
void page_research_passage_add(struct web *w);
void page_research_passage_remove(struct web *w);
void page_research_analysis(struct web *w);
void page_research_code(struct web *w);
void page_research_agreement(struct web *w);
void page_static_research_js(struct web *w);
void api_research_list(struct web *w);
void api_research_create(struct web *w);
void api_research(struct web *w);
void api_research_member_add(struct web *w);
void api_research_source_add(struct web *w);
void api_research_code_add(struct web *w);
void api_research_passage_add(struct web *w);
void api_research_passage_remove(struct web *w);
void api_research_analysis(struct web *w);
void api_research_agreement(struct web *w);
void api_research_import(struct web *w);
void page_research_fieldwork(struct web *w);
void page_research_fieldwork_add(struct web *w);
void page_research_fieldwork_remove(struct web *w);
void page_research_fieldwork_csv(struct web *w);
void api_research_fieldwork(struct web *w);
void api_research_fieldwork_add(struct web *w);
void page_feedback_phases(struct web *w);
void page_feedback_partner_add(struct web *w);
void page_feedback_partner_mark(struct web *w);
void page_feedback_release(struct web *w);
void page_member_checks(struct web *w);
void page_member_check_create(struct web *w);
void page_member_check(struct web *w);
void page_member_check_contact_add(struct web *w);
void page_member_check_renew(struct web *w);
void page_member_check_outcome(struct web *w);
void page_member_check_close(struct web *w);
void page_member_check_csv(struct web *w);
void page_member_check_link(struct web *w);
void page_member_check_link_post(struct web *w);
void api_feedback_phases(struct web *w);
void api_feedback_partner_add(struct web *w);
void api_feedback_partner_mark(struct web *w);
void api_feedback_release(struct web *w);
void api_member_check(struct web *w);
void api_member_check_outcome(struct web *w);
void api_member_check_close(struct web *w);
/* the twins of the project pages' other actions (api_research.c,
 * research_fieldwork.c, api_research_feedback.c) */
void api_research_codes_framework(struct web *w);
void api_research_code_remove(struct web *w);
void api_research_memo_add(struct web *w);
void api_research_term_add(struct web *w);
void api_research_source_take(struct web *w);
void api_research_source_passage_add(struct web *w);
void api_research_fieldwork_remove(struct web *w);
/* changing and removing what a researcher made: the pages (research.c,
 * research_analysis.c for the code) and their twins (api_research.c) */
struct research_view;
void research_memos(struct web *w, const struct research_view *v, const char *target, long long target_id);
void page_research_update(struct web *w);
void page_research_remove(struct web *w);
void page_research_code_update(struct web *w);
void page_research_memo_remove(struct web *w);
void page_research_term_remove(struct web *w);
void api_research_update(struct web *w);
void api_research_remove(struct web *w);
void api_research_code_update(struct web *w);
void api_research_memo_remove(struct web *w);
void api_research_term_remove(struct web *w);
void api_member_check_create(struct web *w);
void api_member_check_contact_add(struct web *w);
void api_member_check_renew(struct web *w);
void page_buddy_add(struct web *w);
void page_buddy_end(struct web *w);
void api_lone_participants(struct web *w);
void api_buddy_add(struct web *w);
void api_buddy_end(struct web *w);
/* referrals.c: how a person came to take part */
void person_referrals_section(struct web *w, long long person, const struct errors *e);
void page_person_referral_add(struct web *w);
void page_referral_remove(struct web *w);
void page_my_referral(struct web *w);
void page_my_referral_add(struct web *w);
/* presentation_page.c: one presentation and who was there */
void page_presentation(struct web *w);
void page_presentation_attendee_add(struct web *w);
void page_presentation_attendee_remove(struct web *w);
/* api_referrals.c */
void api_person_referrals(struct web *w);
void api_person_referral_add(struct web *w);
void api_me_referrals(struct web *w);
void api_me_referral_add(struct web *w);
void api_referral_remove(struct web *w);
void api_presentation_attendees(struct web *w);
void api_presentation_attendee_add(struct web *w);
void api_presentation_attendee_remove(struct web *w);
/* api_peer_groups.c */
void api_peer_groups(struct web *w);
void api_peer_group_create(struct web *w);
void api_peer_group(struct web *w);
void api_peer_group_member(struct web *w);
void api_presentations(struct web *w);
void api_presentation_create(struct web *w);
void page_group_session_start(struct web *w);
void page_session(struct web *w);
void page_session_projector(struct web *w);
void page_session_answer(struct web *w);
void page_session_step(struct web *w);
void page_session_note(struct web *w);
void page_session_roles(struct web *w);
void page_session_select(struct web *w);
void page_session_outcome(struct web *w);
/* the session's page again with the errors of a form (sessions.c) */
void page_session_again(struct web *w, const struct errors *err, int status);

/* session_actions.c: follow-up actions of a session */
struct session_view;
struct session_actions;
void session_actions_review(struct web *w, long long session_id, const struct session_actions *a);
void session_actions_block(struct web *w, const struct session_view *v, const struct session_actions *a,
			   const struct errors *err);
void my_actions_list(struct web *w);
void my_peer_groups_list(struct web *w);
void page_session_action_add(struct web *w);
void page_action_update(struct web *w);

/* api_actions.c: follow-up actions in the API */
void api_me_actions(struct web *w);
void api_session_action_add(struct web *w);
void api_action_update(struct web *w);
/* session_share.c: the case owner shares the case as a practice example */
void page_session_share_form(struct web *w);
void page_session_share(struct web *w);
void api_session_share(struct web *w);
void page_report(struct web *w);
void page_report_save(struct web *w);
void page_report_publish(struct web *w);
void page_contribution_save(struct web *w);
void page_contribution_place(struct web *w);
void page_story(struct web *w);
void page_story_save(struct web *w);
void page_story_pdf(struct web *w);
/* level_reports.c: the accounting of a level, page, PDF and JSON */
void page_group_accounting(struct web *w);
void page_batch_accounting(struct web *w);
void page_programme_accounting(struct web *w);
void page_organisation_accounting(struct web *w);
void page_group_accounting_pdf(struct web *w);
void page_batch_accounting_pdf(struct web *w);
void page_programme_accounting_pdf(struct web *w);
void page_organisation_accounting_pdf(struct web *w);
void api_group_accounting(struct web *w);
void api_batch_accounting(struct web *w);
void api_programme_accounting(struct web *w);
void api_organisation_accounting(struct web *w);
void api_programme_accounting_pdf(struct web *w);
void page_story_md(struct web *w);
void page_search(struct web *w);
void page_surveys(struct web *w);
void page_instrument_install(struct web *w);
void page_instrument(struct web *w);
/* instruments.c: a new version of a questionnaire */
void page_instrument_version(struct web *w);
/* instrument_import.c: a LimeSurvey survey structure (.lss) as a questionnaire */
void page_instrument_import(struct web *w);
void page_instrument_import_post(struct web *w);
void page_wave_create(struct web *w);
void page_wave360_create(struct web *w);
void page_wave(struct web *w);
struct wave;
struct instrument_version;
/* The 360° report of a round (self, the categories, others, the gap, the
 * radar), once it has closed: for the coach on the wave page, for the
 * person asked about on /feedback (nested: under a heading of its own). */
void wave_report_360(struct web *w, const struct wave *wv, const struct instrument_version *v, bool nested);
/* feedback.c: the 360° rounds about the signed-in person, with their reports */
void page_my_feedback(struct web *w);
/* rights.c */
void page_my_data_json(struct web *w);
void page_my_data_pdf(struct web *w);
void page_person_data_json(struct web *w);
void page_person_data_pdf(struct web *w);
/* erasing a person on request: the dry run on the confirm page, then the erasure */
void page_person_erase(struct web *w);
/* survey_compare.c: a wave compared by group, batch or unit, with another
 * wave, and with other organisations */
void page_wave_compare(struct web *w);
/* two_wave.c: two-wave studies */
void page_studies(struct web *w);
void page_instrument_own_result(struct web *w);
void page_study_create(struct web *w);
void page_study(struct web *w);
void page_study_csv(struct web *w);
void api_study_analysis(struct web *w);
void page_wave_links(struct web *w);
void page_wave_close(struct web *w);
void page_wave_reminders(struct web *w);
void page_wave_send(struct web *w);
/* survey_exports.c: a wave's data as CSV, XLSX and SPSS .sav */
void page_wave_export_csv(struct web *w);
void page_wave_export_xlsx(struct web *w);
void page_wave_export_sav(struct web *w);
void page_respond(struct web *w);
void page_respond_post(struct web *w);
void page_login(struct web *w);
void page_login_post(struct web *w);
/* login.c: a new session of the account with its cookie (after a log-in or
 * a reset link), -1 after answering 500; an answer that must wait after
 * failed sign-ins: 429 with Retry-After */
struct login_wait;
int web_session_start(struct web *w, long long account_id);
/* The same after the organisation's identity provider vouched for the
 * account: no password, so no check whether passwords are off. */
int web_session_start_oidc(struct web *w, long long account_id);
void web_login_wait(struct web *w, const struct login_wait *wait);
/* password_reset.c: "forgot your password?" and the page of the link */
void page_password_forgot(struct web *w);
void page_password_forgot_post(struct web *w);
void page_password_reset(struct web *w);
void page_password_reset_post(struct web *w);
/* tokens.c: the signed-in user's API tokens */
void page_tokens(struct web *w);
void page_token_create(struct web *w);
void page_token_revoke(struct web *w);
/* the administrator's pages of an account's tokens (tokens.c) */
void page_account_tokens(struct web *w);
void page_account_token_create(struct web *w);
void page_account_token_revoke(struct web *w);
void page_logout(struct web *w);
/* oidc.c: sign-in through the organisation's identity provider, and its
 * settings shown to the administrator */
void page_oidc_start(struct web *w);
void page_oidc_callback(struct web *w);
void page_oidc_settings(struct web *w);
/* retention.c: the organisation's retention periods */
void page_retention_settings(struct web *w);
void page_retention_settings_post(struct web *w);
void page_language(struct web *w);
void page_home(struct web *w);
void page_password(struct web *w);
void page_password_post(struct web *w);
void page_units(struct web *w);
void page_unit(struct web *w);
void page_unit_create(struct web *w);
void page_unit_update(struct web *w);
void page_unit_delete(struct web *w);
void page_people(struct web *w);
void page_people_csv(struct web *w);
void page_person(struct web *w);
/* the person's page again with the errors of a form on it */
void page_person_again(struct web *w, const struct errors *e, int status);
void page_accounts(struct web *w);
void page_account_create(struct web *w);
void page_account_role_add(struct web *w);
void page_account_role_remove(struct web *w);
/* invitations.c */
struct invite_via;
struct invite_link;
/* Where invitation links go: by e-mail when the server sends it (and has
 * a public address), else back to the page (web_base_url). */
void web_invite_via(struct web *w, struct invite_via *via);
/* The page with the link of one invitation, to hand over. */
void web_invite_link_page(struct web *w, const struct invite_link *il);
void page_account_invite(struct web *w);
void page_invitations_csv(struct web *w);
void page_accounts_bulk(struct web *w);
void page_accounts_bulk_post(struct web *w);
/* account_state.c */
void page_account_deactivate_confirm(struct web *w);
void page_account_deactivate(struct web *w);
void page_account_reactivate(struct web *w);
void page_account_sessions_end(struct web *w);
void page_import(struct web *w);
void page_import_post(struct web *w);
void page_audit(struct web *w);
/* exports.c: everything that may leave, in one place */
void page_exports(struct web *w);
/* impact.c: a programme's impact map, read, changed, and in the API */
void page_impact(struct web *w);
void page_impact_edit(struct web *w);
void page_impact_add(struct web *w);
void page_impact_update(struct web *w);
void page_impact_delete(struct web *w);
void api_impact(struct web *w);
void api_impact_replace(struct web *w);
/* api_design.c: the design of a programme in the API, the twins of the
 * coach's design pages (meetings, script parts, menu card, impact outcomes,
 * selection, framework elements, group staff and statuses, a meeting's
 * date and place, a method's step) */
void api_design(struct web *w);
void api_design_meeting_add(struct web *w);
void api_design_meeting_save(struct web *w);
void api_design_meeting_delete(struct web *w);
void api_design_part_save(struct web *w);
void api_menu_topic_add(struct web *w);
void api_menu_topic_save(struct web *w);
void api_menu_topic_delete(struct web *w);
void api_menu_option_add(struct web *w);
void api_menu_option_save(struct web *w);
void api_menu_option_delete(struct web *w);
void api_impact_update(struct web *w);
void api_impact_delete(struct web *w);
void api_selection(struct web *w);
void api_selection_criterion(struct web *w);
void api_selection_candidate(struct web *w);
void api_selection_scores(struct web *w);
void api_frameworks(struct web *w);
void api_framework(struct web *w);
void api_framework_element_add(struct web *w);
void api_framework_element_save(struct web *w);
void api_group_staff(struct web *w);
void api_group_statuses(struct web *w);
void api_meeting_change(struct web *w);
void api_method_step_save(struct web *w);
void page_programmes(struct web *w);
void page_programme_create(struct web *w);
void page_programme(struct web *w);
void page_programme_edit(struct web *w);
void page_programme_update(struct web *w);
void page_batch_create(struct web *w);
void page_group_create(struct web *w);
void page_design_meeting(struct web *w);
void page_design_meeting_save(struct web *w);
void page_design_part_save(struct web *w);
void page_design_meeting_add(struct web *w);
void page_menu(struct web *w);
void page_menu_topic_add(struct web *w);
void page_menu_topic_save(struct web *w);
void page_menu_option_add(struct web *w);
void page_menu_option_save(struct web *w);
void page_selection(struct web *w);
void page_selection_criterion(struct web *w);
void page_selection_candidate(struct web *w);
void page_selection_scores(struct web *w);
void page_frameworks(struct web *w);
void page_catalogue(struct web *w);
void page_catalogue_match(struct web *w);
void page_catalogue_form(struct web *w);
void page_catalogue_form_save(struct web *w);
void api_catalogue(struct web *w);
void api_catalogue_match(struct web *w);
void page_catalogue_examples(struct web *w);
void page_catalogue_example_add(struct web *w);
void api_catalogue_examples(struct web *w);
void page_framework(struct web *w);
/* The seed's questions of the four kinds of awareness with their sources,
 * where a session or a plan talk reflects on growth. */
void awareness_questions(struct web *w);
void page_framework_element_add(struct web *w);
void page_framework_element(struct web *w);
void page_framework_element_save(struct web *w);
void page_groups(struct web *w);
void page_group(struct web *w);
void page_group_staff(struct web *w);
void page_group_enrol(struct web *w);
void page_enrolment_status(struct web *w);
void page_group_statuses(struct web *w);
void page_group_plan(struct web *w);
void page_group_ics(struct web *w);
void page_meeting(struct web *w);
void page_meeting_change(struct web *w);
void page_meeting_choice(struct web *w);
void page_meeting_attendance(struct web *w);
void page_question_write(struct web *w);
void page_plan(struct web *w);
void page_plan_goal(struct web *w);
void page_plan_assignment(struct web *w);
void page_plan_talk(struct web *w);
/* the participant's plan (domain/plan.h's plan_read), read-only, for their
 * facilitator and mentor */
struct plan;
void plan_section(struct web *w, const struct plan *p);
void page_intake(struct web *w);
void page_intake_save(struct web *w);
void page_closing_record(struct web *w);
void page_closing_words(struct web *w);
/* the participant's learning question, on the group page */
void question_section(struct web *w, long long group_id, const struct errors *e);
void page_logbook(struct web *w);
void page_logbook_add(struct web *w);
void page_logbook_entry(struct web *w);
void page_logbook_update(struct web *w);
void page_logbook_share(struct web *w);
/* research_consent.c: the consent forms for research on a logbook entry
 * (its writer), a case (its owner), a published report and a bundled story
 * (the facilitator or the coach), their POSTs and API twins. */
void consent_logbook_section(struct web *w, long long entry_id);
void consent_case_section(struct web *w, long long session_id);
/* The group's forms show only to who may record its consent, only once
 * the report is published or the story bundled. */
void consent_report_section(struct web *w, long long meeting_id, long long group_id, long long report_id, bool published);
void consent_story_section(struct web *w, long long group_id, long long story_id, bool bundled);
void page_logbook_consent(struct web *w);
void page_session_consent(struct web *w);
void page_report_consent(struct web *w);
void page_story_consent(struct web *w);
void api_logbook_consent(struct web *w);
void api_session_consent(struct web *w);
void api_report_consent(struct web *w);
void api_story_consent(struct web *w);
/* the entries of a group shared with the reader, on the group page */
void logbook_group_section(struct web *w, long long group_id);
void page_reverse(struct web *w);
void page_reverse_add(struct web *w);
void page_reverse_step(struct web *w);
void page_calendar(struct web *w);
void page_calendar_create(struct web *w);
void page_calendar_revoke(struct web *w);
void page_calendar_feed(struct web *w);
void page_healthz(struct web *w);
/* statements.c: the privacy and accessibility statements (public) */
void page_privacy(struct web *w);
void page_accessibility(struct web *w);
void page_static_css(struct web *w);
void page_static_picker_js(struct web *w);
/* The attributes that make a <select> of people a picker with JavaScript
 * (picker_js.c): what to search for, and the sentences it says; page_end
 * then adds the script to the page. */
void picker_attributes(struct web *w, const char *label);

/* person_pick.c: the people pickers. The page's search (?q=) finds people
 * by name, employee number, e-mail or unit, at most PERSON_PICK_MAX of
 * them; the sentence says how many it found and when the list shows only
 * the first ones. */
#define PERSON_PICK_MAX 50
struct person;
struct person_pick {
	const char *query;       /* what was searched, "" for nothing */
	struct person *people;   /* the first PERSON_PICK_MAX found */
	size_t n;
	long long total;         /* how many the search found in all */
};
bool person_pick_find(struct web *w, struct person_pick *pp);
const char *person_pick_found(struct web *w, const struct person_pick *pp);
/* The search form (a GET to action, "#anchor" included) and, as a status,
 * found (NULL: person_pick_found). */
void person_pick_search_form(struct web *w, const char *action, const struct person_pick *pp, const char *found);
struct person_pick_field {
	const char *name, *label;      /* the form field (its id is f-<name>) and its label */
	const char *hint;              /* NULL for none */
	const char *none;              /* a single select's empty choice; NULL makes a multiple select */
	const long long *chosen;       /* the ids chosen, kept even when the search does not find them */
	const char *const *chosen_names;  /* their options' texts (NULL: not offered when not found) */
	size_t nchosen;
	bool (*skip)(const void *arg, long long person_id);  /* found but not offered; NULL for none */
	const void *skip_arg;
};
/* A <select> of the people found, a picker with JavaScript. */
void person_pick_select(struct web *w, const struct person_pick *pp, const struct person_pick_field *f, const struct errors *e);
/* "Name (employee number)" for each id, NULL for one that is not a person
 * of the organisation: the texts of chosen options after a refused form. */
const char **person_pick_names(struct web *w, const long long *ids, size_t n);

/* api_common.c: the request's JSON object (NULL after answering 400);
 * an integer field (0 when absent or of another type: for an item that
 * is then looked up, so that a wrong one is not found); the problems of a
 * form as JSON; a domain result as 200/201, 422, 404 or 500. A body's
 * texts are read with api_in_str and its kin below, never read as "". */
json_t *api_body(struct web *w);
long long api_int(json_t *o, const char *key);
/* An id of the body: 0 when absent or null, -1 when it is not a whole
 * number (so that the domain refuses it with its message). */
long long api_id(json_t *o, const char *key);
/* The whole numbers of the list under key (an array of n), -1 for an
 * item that is not one, so that the domain refuses it; none (n = 0) when
 * the field is not a list. */
long long *api_ids(struct web *w, json_t *o, const char *key, size_t *n);
/* The body read field by field, each field with its JSON type: a read
 * gives the body's value, or `absent` (a default, or a PATCH's stored
 * value) when the field is left out or null; a value of another type is
 * noted in e under the field ("Give X as a text / a whole number / true
 * or false"), so that "7" for a number is never read as 0. Then
 * api_in_ok: no problems, or answered 422 naming every such field (and
 * closed) before anything changes; api_in_answer: the domain's result
 * answered with e's problems, and the body closed. */
struct api_in {
	struct web *w;
	json_t *j;
	struct errors e;
};
bool api_in_open(struct api_in *in, struct web *w);  /* false: answered 400 */
const char *api_in_str(struct api_in *in, const char *key, const char *absent);
long long api_in_int(struct api_in *in, const char *key, long long absent);
bool api_in_bool(struct api_in *in, const char *key, bool absent);
/* An id: a whole number above 0; null says none (0). */
long long api_in_id(struct api_in *in, const char *key, long long absent);
/* A text whose null says "none": "" for null (where api_in_str keeps
 * absent), so that a stored value can be cleared. */
const char *api_in_clear(struct api_in *in, const char *key, const char *absent);
/* A whole number 0 or more (a count, or an id where 0 says none); a
 * negative one is noted as a problem, null reads as left out. */
long long api_in_count(struct api_in *in, const char *key, long long absent);
/* The same reads in an object of the body (an item of a list), a
 * problem noted under field. */
const char *api_item_str(struct api_in *in, json_t *o, const char *key, const char *field, const char *absent);
bool api_item_bool(struct api_in *in, json_t *o, const char *key, const char *field, bool absent);
bool api_in_ok(struct api_in *in);
/* Answers the domain's result d (api_answer); a problem the domain
 * names "x" where the request gave "x_id" names "x_id". */
void api_in_answer(struct api_in *in, int d, long long id);
/* Where the request's name of a field differs from the domain's in
 * another way: the problems under `from` named `to`. */
void api_errors_rename(struct errors *e, const char *from, const char *to);
json_t *api_errors(const struct errors *e);
void api_answer(struct web *w, int d, const struct errors *e, long long id);

/* api_conventions.c: what the API does alike on every route it applies to.
 * web_etag: the ETag of a stored version ("N"). web_if_match: the version
 * of the request's If-Match (one strong ETag of web_etag); false after
 * answering 428 (none, or "*") or 412 (one that cannot match). */
void web_etag(struct web *w, long long version);
bool web_if_match(struct web *w, long long *version);
/* The Link header (RFC 8288) of one page of a list that takes offset and
 * limit, with total items in all: rel="first" and "last", "prev" when
 * there is a page before, "next" when there is one after; absolute
 * addresses, the request's other arguments kept. Nothing when the whole
 * list is on this page. */
void web_link_pages(struct web *w, long long offset, long long limit, long long total);
/* app.c: whether a token of scope (enum api_token_scope) may call the
 * route of method and pattern (HEAD as GET), whatever its roles allow. */
bool web_token_scope_allows(int scope, const char *method, const char *pattern);
/* idempotency.c: the Idempotency-Key of the API's POST routes, around the
 * handler. web_idempotent_route: whether the route takes one.
 * web_idempotency_begin: false after answering (the kept answer of a
 * repeat, 409 while the first is handled, 422 for a bad key or a key of
 * another request); *key: the key to keep the answer under, or NULL.
 * web_idempotency_end: keeps the handler's answer under it. */
bool web_idempotent_route(const struct route *r);
bool web_idempotency_begin(struct web *w, const char **key);
void web_idempotency_end(struct web *w, const char *key);
/* PATCH /api/v1/programmes/{id}: the design form's twin, with If-Match */
void api_programme_patch(struct web *w);

/* api_admin.c: the administrator's pages in the API (units, accounts and
 * roles, erasure, retention periods), the catalogue's form and examples,
 * and one's calendar links; api_unit_json (api.c) is a unit as the API
 * gives it */
struct unit;
json_t *api_unit_json(const struct unit *u, const char *path);
void api_unit_create(struct web *w);
void api_unit_update(struct web *w);
void api_unit_delete(struct web *w);
void api_person_erase(struct web *w);
void api_accounts(struct web *w);
void api_account_create(struct web *w);
void api_account_role_add(struct web *w);
void api_account_role_remove(struct web *w);
void api_account_invite(struct web *w);
void api_invitations(struct web *w);
void api_accounts_bulk(struct web *w);
void api_account_deactivate(struct web *w);
void api_account_reactivate(struct web *w);
void api_account_sessions_end(struct web *w);
void api_retention(struct web *w);
void api_retention_set(struct web *w);
void api_catalogue_example_add(struct web *w);
void api_catalogue_form_save(struct web *w);
void api_calendar(struct web *w);
void api_calendar_create(struct web *w);
void api_calendar_revoke(struct web *w);

void api_organisations(struct web *w);
void api_units(struct web *w);
void api_unit(struct web *w);
void api_people(struct web *w);
void api_person(struct web *w);
void api_import(struct web *w);
void api_people_sync(struct web *w);
void api_me(struct web *w);
void api_programmes(struct web *w);
void api_programme_create(struct web *w);
void api_programme(struct web *w);
void api_batch_create(struct web *w);
void api_group_create(struct web *w);
void api_group(struct web *w);
void api_group_enrol(struct web *w);
void api_enrolment_status(struct web *w);
void api_group_plan(struct web *w);
void api_meeting_attendance(struct web *w);
void api_meeting_choice(struct web *w);
void api_report(struct web *w);
void api_report_save(struct web *w);
void api_report_publish(struct web *w);
void api_contribution_save(struct web *w);
void api_group_reports(struct web *w);
void api_story(struct web *w);
void api_story_md(struct web *w);
void api_story_pdf(struct web *w);
/* api_trajectory.c: a participant's trajectory (learning question, plan,
 * intake and closing talk, logbook) and the facilitator's placing of
 * contributions and bundling of the story, through the pages' domain calls */
void api_question_write(struct web *w);
void api_plan(struct web *w);
void api_plan_goal(struct web *w);
void api_plan_goal_remove(struct web *w);
void api_plan_assignment(struct web *w);
void api_plan_talk(struct web *w);
void api_intake(struct web *w);
void api_intake_save(struct web *w);
void api_closing_record(struct web *w);
void api_closing_words(struct web *w);
void api_contribution_place(struct web *w);
void api_story_save(struct web *w);
void api_logbook_entry(struct web *w);
void api_logbook_add(struct web *w);
void api_logbook_update(struct web *w);
void api_logbook_remove(struct web *w);
void api_logbook_share(struct web *w);
void api_search(struct web *w);
void api_waves(struct web *w);
void api_wave(struct web *w);
void api_wave_compare(struct web *w);
/* api_waves.c: the twins of the questionnaires pages' actions (a
 * questionnaire added, imported, versioned; a wave, 360° round or study
 * started; invitations, reminders, closing) */
void api_instrument_install(struct web *w);
void api_instrument_import(struct web *w);
void api_instrument_version(struct web *w);
void api_instrument_own_result(struct web *w);
void api_wave_create(struct web *w);
void api_wave360_create(struct web *w);
void api_study_create(struct web *w);
void api_wave_close(struct web *w);
void api_wave_send(struct web *w);
void api_wave_reminders(struct web *w);
/* {"results":[{"kind","id","title","snippet","href"}]}, the snippet as
 * plain text: the API's answer, and `leergang search`'s. */
struct search_result;
/* The meetings to come, with a link to the calendar feed (groups.c). */
struct meeting;
void next_meetings_list(struct web *w, const struct meeting *m, size_t n);
json_t *search_json(const struct search_result *r, size_t n, long long page, bool more);

#endif
