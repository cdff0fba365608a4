/* disclosure.h — what of a questionnaire's answers may be shown side by
 * side, and what of an anonymous response may be stored: the one place
 * where the privacy rules on breakdowns and on anonymity in storage are
 * decided (SPEC, privacy rules). Pure functions over arrays of numbers;
 * domain/survey.c and domain/survey_compare.c feed them a wave's data.
 *
 * Shown. Every figure of a wave (a mean, an SD, a count, a test) is made
 * from the responses of one set: the total, a group, a batch, a unit, the
 * people who also answered another wave. Whatever an insider adds and
 * subtracts from figures offered for the same wave, what comes out is made
 * from the cells of their cross table (the coarsest partition of the
 * responses of which every offered set is a union). So a set of figures is
 * offered only when every non-empty cell holds at least DISCLOSURE_MIN
 * responses; nested breakdowns (groups within batches) are the case where
 * the cells are the finer breakdown's parts. That holds even where no sum
 * or difference isolates a small cell: the exports hold the wave's rows,
 * and which rows make up an offered part can be worked out from its
 * figures, so the cells can be read off row by row. Hidden parts of a
 * breakdown are not shown one by one, but the total minus the shown parts
 * gives them away together: they count as one part, "the rest".
 *
 * The breakdowns are decided in a fixed order (their priority): each is
 * offered with the parts that keep that true together with the ones
 * decided before it (a part holding a small cell is hidden, as nothing
 * else changes that cell; a small cell of the hidden rest grows by hiding
 * the smallest part that meets it). The decision depends on the responses
 * only,
 * never on which page asked first, so the pages, the API and the exports
 * all give the same; a breakdown added later in the order (another wave
 * that closes later) never changes an earlier one.
 *
 * Stored. An anonymous response keeps only a group and a unit that at
 * least DISCLOSURE_MIN invited people share (disclosure_cells), and in a
 * 360° round a rater category of at least S360_MIN_RATERS invited raters
 * (disclosure_rater_role). */
#ifndef LG_DOMAIN_DISCLOSURE_H
#define LG_DOMAIN_DISCLOSURE_H

#include "core/arena.h"

#include <stdbool.h>
#include <stddef.h>

/* No figure, alone or with others, rests on fewer responses than this;
 * no stored combination of an anonymous response's attributes is shared by
 * fewer invited people. */
#define DISCLOSURE_MIN 5

enum part_state {
	PART_SHOWN,
	PART_SMALL,        /* fewer than DISCLOSURE_MIN responses */
	PART_GIVES_AWAY,   /* hidden too, so that the total minus the shown parts gives no small part away */
	PART_CROSSES,      /* hidden: a difference with a breakdown decided before it would isolate fewer */
};

struct disclosure_part {
	long long label;   /* the breakdown's value that makes the part */
	long long n;       /* responses */
	enum part_state state;
	size_t crosses;    /* PART_CROSSES: the earlier breakdown it would be differenced with */
};

/* One breakdown decided. */
struct disclosure {
	struct disclosure_part *parts;  /* in order of first appearance */
	size_t nparts, shown;
	size_t *part_of;                /* per response: its part */
};

/* Decides nb breakdowns of the same n responses, in this order of
 * priority: labels[b * n + r] is response r's value in breakdown b (equal
 * values make one part). Needs n >= DISCLOSURE_MIN (else nothing is shown
 * at all, which is the caller's rule). out[0..nb) in the arena. */
void disclosure_decide(struct arena *a, const long long *labels, size_t nb, size_t n, struct disclosure *out);

/* Storage. Each invited person's group and unit (0: none), coarsened in
 * place until every combination of the two that any of them keeps is kept
 * by at least DISCLOSURE_MIN of them: a group with too few people is
 * dropped (0, with so many more that the dropped ones are not too few
 * either), then a unit is replaced by the unit above it (0 above the top)
 * for everyone in it, the smallest combination first, until none is too
 * small. The result is a function of the values: everyone of one group
 * keeps the same group, everyone of one unit the same unit, so a stored
 * unit means "in this unit, and not in a unit below it that is stored
 * apart". units: every unit of the organisation with its parent (0 for a
 * top-level unit), in any order. */
struct cell_person {
	long long group, unit;
};
struct unit_parent {
	long long id, parent;
};
void disclosure_cells(struct cell_person *p, size_t n, const struct unit_parent *units, size_t nunits);

/* The category a 360° response is kept under: the person's own ("self")
 * and the manager's as they are (never anonymous), any other category only
 * when at least S360_MIN_RATERS raters were invited in it, else "others". */
const char *disclosure_rater_role(const char *role, long long invited_in_role);

#endif
