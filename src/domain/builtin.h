/* builtin.h — the content leergang brings along: the frameworks of C9 and the
 * programme templates of C2, taken from the seeds where they give it (with
 * the place in the seed in `source`) and marked "leergang" where the seed is
 * silent and leergang chose. Frameworks are copied into every organisation,
 * where they can be edited; a programme made from a template is a copy too;
 * a built-in questionnaire of C7 is installed as the organisation's own on
 * first use. All texts are Dutch, as the users write them. */
#ifndef LG_DOMAIN_BUILTIN_H
#define LG_DOMAIN_BUILTIN_H

#include <stdbool.h>
#include <stddef.h>

/* "leergang" for content leergang chose itself; otherwise the seed and the
 * lines, such as "seed 000, r. 2101-2140". */
#define BUILTIN_OWN "leergang"

/* ---- frameworks (C9) ---- */

struct builtin_element {
	const char *code;        /* unique in its framework: "C1", "C1.A2" */
	const char *parent;      /* code of the parent element, or NULL */
	const char *kind;        /* competence, anchor, behaviour, question, theme,
	                          * role, awareness, dimension, factor, ... */
	const char *name;
	const char *description; /* or NULL */
	const char *source;
};

/* The synonyms of a built-in element (comma-separated), or "". */
const char *builtin_synonyms(const char *framework_key, const char *code);

struct builtin_framework {
	const char *key;         /* vlow, leadership_compass, strategic_roles,
	                          * awareness, learning_climate, wwkdm */
	const char *name, *description, *source;
	const struct builtin_element *elements;
	size_t nelements;
};

extern const struct builtin_framework builtin_frameworks[];
extern const size_t builtin_nframeworks;
const struct builtin_framework *builtin_framework(const char *key);

/* ---- programme templates (C2) ---- */

/* One part of a meeting's script (draaiboek). */
struct builtin_part {
	const char *title;
	const char *learning_goal;   /* or NULL */
	int minutes;                 /* 0 when the seed gives no duration */
	const char *material;        /* or NULL */
	const char *led_by;          /* "begeleider", "mentor", "deelnemers", ... or NULL */
	const char *elements;        /* comma-separated element codes of the
	                              * programme's framework, or NULL */
	const char *source;
};

/* A numbered meeting of a meeting series. */
struct builtin_meeting {
	int number;
	const char *theme;
	const char *description;     /* or NULL */
	int days;                    /* 1, or 2 for a two-day meeting */
	bool from_menu;              /* chosen later from the menu card */
	const struct builtin_part *parts;
	size_t nparts;
	const char *source;
};

struct builtin_option {
	const char *name;
	const char *description;     /* or NULL */
};

/* A topic of the menu card, with the options a group can choose. */
struct builtin_topic {
	const char *name;
	const char *description;     /* or NULL */
	const struct builtin_option *options;
	size_t noptions;
	const char *source;
};

/* The fixed steps every module of a module programme runs, in order. */
struct builtin_step {
	const char *key;             /* feedback_pop, kickoff, inspiration, coaching,
	                              * intervision, reflection, kickout */
	const char *name;
	const char *description;
	const char *source;
};
extern const struct builtin_step builtin_module_steps[];
extern const size_t builtin_nmodule_steps;

struct builtin_module {
	int number;
	const char *name;
	const char *business_task;   /* the business task it is derived from, or NULL */
	const char *source;
};

/* The rules of a menu card; LiVe!'s are the built-in ones. */
struct builtin_menu_rules {
	int min_menu;                /* at least this many meetings from the menu */
	int max_free;                /* at most this many free choices */
	int preparers;               /* participants who prepare a chosen meeting */
	bool justification_required; /* each choice justified from the learning need */
};

enum builtin_design { DESIGN_PROGRAMME, DESIGN_GUIDANCE, DESIGN_REPORTING, DESIGN_COUNT };

struct builtin_template {
	const char *key;             /* live, amsterdam */
	const char *name;
	const char *shape;           /* meeting_series, modules */
	const char *framework;       /* key of a builtin_framework, or NULL */
	const char *target_group, *ambition;
	/* programma, begeleiding, verslaglegging: change rationale and learning goal */
	const char *rationale[DESIGN_COUNT], *goal[DESIGN_COUNT];
	int group_min, group_max;    /* group size bounds (a warning outside them) */
	int cascade_meeting;         /* the next batch may start at this meeting; 0: no rule */
	struct builtin_menu_rules menu;
	const struct builtin_meeting *meetings;
	size_t nmeetings;
	const struct builtin_topic *topics;
	size_t ntopics;
	const struct builtin_module *modules;
	size_t nmodules;
	int followup_meetings;       /* follow-up offer: meetings a year after the end */
	const char *followup;        /* text of the follow-up offer, or NULL */
	const char *source;
};

extern const struct builtin_template builtin_templates[];
extern const size_t builtin_ntemplates;
const struct builtin_template *builtin_template(const char *key);

/* ---- questionnaires (C7) ----
 * Their keys, names and sources are listed by survey_builtins() (survey.h,
 * defined with the content in builtin_instruments.c); instrument_install()
 * turns the content below into the organisation's first version. */

#define BUILTIN_POINTS_MAX 11

/* The points of a scale or the options of a choice: values 1..n in order,
 * each with its label ("" for a point shown by its number alone). */
struct builtin_points {
	int n;
	const char *labels[BUILTIN_POINTS_MAX];
};

struct builtin_section {
	const char *title, *intro;
};

struct builtin_question {
	const char *code;            /* unique in its questionnaire, letters, digits, _ */
	int section;                 /* index into the questionnaire's sections */
	const char *kind;            /* likert, bipolar, single, multiple, open */
	const char *scale;           /* the dimension whose score it counts in, or "" */
	const char *text;
	const struct builtin_points *points;  /* NULL for an open question */
	const char *left, *right;    /* bipolar: the poles; they label the end
	                              * points that have no label of their own */
	bool reversed;               /* counts the other way round in its scale */
	const char *source;
	bool dont_know;              /* offers "weet niet / n.v.t." beside its points */
};

struct builtin_questionnaire {
	const char *key;
	const struct builtin_section *sections;
	size_t nsections;
	const struct builtin_question *questions;
	size_t nquestions;
};

/* The sections and questions of the built-in questionnaire key, or NULL. */
const struct builtin_questionnaire *builtin_questionnaire(const char *key);

#endif
