/* impact.h — a programme's impact map (seed 001, r. 5036-5045, the ABD's
 * map after Brinkerhoff and Kessels & Smit): "welk werkgedrag we na de
 * leeractiviteit willen zien, welke indicatoren voor succesvol werkgedrag
 * hier dan bij horen en aan welke operationele en strategische
 * doelstellingen" it serves. The coach fills it in; each outcome may be
 * linked to evidence leergang holds (that link is leergang's own, not the
 * seed's). The page, the API, the command line and the programme report
 * all read and change it here. */
#ifndef LG_DOMAIN_IMPACT_H
#define LG_DOMAIN_IMPACT_H

#include "core/compiler.h"
#include "ctx.h"
#include "domain/model/impact.h"

#include <stdbool.h>

#define IMPACT_LEVELS 5
#define IMPACT_TEXT_MAX 500
#define IMPACT_OUTCOMES_MAX 100   /* per programme */

/* The levels of the map in order: key (stored), its name (msgid, Dutch the
 * seed's word) and the seed's lines. */
struct impact_level {
	const char *key, *name, *source;
};
extern const struct impact_level impact_levels[IMPACT_LEVELS];
/* The level's index, or -1 for a key that is not one. */
int impact_level_index(const char *key);

/* The evidence beside an outcome, as figures only: never a text, never an
 * answer of a person. What a reader may not see is left out, with why. */
struct impact_evidence {
	const char *kind;        /* "", "wave", "attendance", "reports" */
	const char *label;       /* what it is: the wave (and question), the group or batch */
	const char *ref;         /* the same as the form and the API give it: "wave:12:item:40" */
	bool gone;               /* what it referred to was removed */
	/* wave: the response accounting, and when shown the item's figures */
	long long invited, responded;
	bool shown;              /* the wave's results may be shown (wave_hidden_reason) */
	const char *why_hidden;
	long long item_n;
	double item_mean, item_sd;  /* NAN when not shown or no item */
	int scale_min, scale_max;
	/* attendance */
	struct impact_attendance attendance;
	/* reports */
	struct impact_reports reports;
};

struct impact_entry {
	struct impact_outcome o;
	struct impact_evidence ev;
};

/* The map with its evidence, as the programme page and the programme
 * report show it: the entries in the order of the levels. For the coach
 * and the owner of the organisation (D_FORBIDDEN for other roles,
 * D_NOTFOUND for a programme of another organisation). The evidence
 * follows the rules of the pages it comes from: a wave's item figures
 * only when its results may be shown (n >= 5, closed), never open answers
 * or texts of reports. may_edit: the actor may change the map. */
struct impact_map {
	long long programme_id;
	const char *programme_name;
	struct impact_entry *entries;
	size_t n;
	bool may_edit;
};
MUST_CHECK int impact_map_get(struct ctx *c, long long programme_id, struct impact_map *out);

/* The kind of evidence in words ("Vragenlijst", "Aanwezigheid", ...). */
const char *impact_evidence_kind_label(const char *kind);
/* The figures of an outcome's evidence in a sentence, or why they are not
 * shown; "—" for an outcome without evidence. The page, the report and the
 * command line all say it so. */
const char *impact_evidence_figures(struct ctx *c, const struct impact_evidence *ev);
/* The map as the API gives it (jansson): levels and outcomes with figures. */
struct json_t;
struct json_t *impact_map_json(struct ctx *c, const struct impact_map *m);

/* What an outcome can be linked to in this programme, for the form's list:
 * ref ("wave:12", "wave:12:item:40", "attendance:group:5",
 * "attendance:batch:3", "reports:group:5", "reports:batch:3",
 * "reports:programme") and its words. Only scale questions of waves whose
 * population is this programme, one of its batches or groups. */
struct impact_choice {
	const char *ref, *label;
};
MUST_CHECK int impact_choices(struct ctx *c, long long programme_id, struct impact_choice **out, size_t *n);

/* Reads a ref as above into o's evidence fields ("" for none); false
 * (with a message under `field`) when it is not one. Whether what it names
 * exists is the store's check, when saving. */
bool impact_ref_parse(struct ctx *c, const char *ref, struct impact_outcome *o, struct errors *e, const char *field);

/* The coach's changes. Level and text are checked (a level of the map, a
 * text of 1..IMPACT_TEXT_MAX characters on one line), evidence as
 * impact_ref_parse and the store (of this programme). Each is audited. */
MUST_CHECK int impact_outcome_add(struct ctx *c, long long programme_id, const char *level, const char *text,
				  const char *ref, struct errors *e, long long *id);
MUST_CHECK int impact_outcome_update(struct ctx *c, long long programme_id, long long id, const char *level,
				     const char *text, const char *ref, struct errors *e);
MUST_CHECK int impact_outcome_delete(struct ctx *c, long long programme_id, long long id);
/* One outcome of the map, for the edit form; D_NOTFOUND when not of it. */
MUST_CHECK int impact_outcome_get(struct ctx *c, long long programme_id, long long id, struct impact_outcome *out);

/* The whole map put in place of the old one (the API and the command
 * line): all outcomes checked first, with errors under "outcomes[i].FIELD";
 * nothing changes unless every one is right. */
struct impact_input {
	const char *level, *text, *ref;
};
MUST_CHECK int impact_map_replace(struct ctx *c, long long programme_id, const struct impact_input *in, size_t n,
				  struct errors *e);

#endif
