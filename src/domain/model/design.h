/* model/design.h — the domain's records of a programme's design: modules,
 * programme meetings, facilitator-script parts and the menu card. The domain
 * hands them to pages and the command line; the store fills them (it
 * implements the domain's storage, so it knows these types; pages never see
 * the store). Strings are allocated in the reader's arena. */
#ifndef LG_DOMAIN_MODEL_DESIGN_H
#define LG_DOMAIN_MODEL_DESIGN_H

enum design_kind { DESIGN_KIND_PROGRAMME, DESIGN_KIND_GUIDANCE, DESIGN_KIND_REPORTING, DESIGN_KINDS };

struct programme {
	long long id, organisation_id, framework_id;
	char *name, *shape, *template_key, *target_group, *ambition, *followup, *mentor_profile;
	char *framework_name;        /* filled by reads */
	int group_min, group_max, cascade_meeting;
	int menu_min, menu_max_free, menu_preparers, menu_justify;
	int followup_meetings;
	char *rationale[DESIGN_KINDS], *goal[DESIGN_KINDS];
	long long version;           /* filled by reads; every saved change adds one */
};

struct programme_module {
	long long id;
	int number;
	char *name, *business_task;
};

struct programme_meeting {
	long long id, programme_id, module_id;
	int number, days, from_menu;
	char *step, *theme, *description;
	int module_number;           /* filled by reads; 0 without a module */
};

struct script_part {
	long long id, programme_meeting_id;
	int position, minutes;
	char *title, *learning_goal, *material, *led_by;
	char *elements;              /* element codes, comma-separated, filled by reads */
};

struct menu_topic {
	long long id;
	int position;
	char *name, *description;
};

struct menu_option {
	long long id, topic_id;
	int position;
	char *name, *description;
};

#endif
