/* impact.h — the store's part of the impact map: its outcomes. The counts
 * beside them come from the level report. Every call is scoped by the
 * organisation; lists are in the arena. */
#ifndef LG_STORE_IMPACT_H
#define LG_STORE_IMPACT_H

#include "core/compiler.h"
#include "store/store.h"
#include "domain/model/impact.h"

/* The programme's outcomes by level (in the order of the map) and position. */
MUST_CHECK int store_impact_list(struct store *s, struct arena *a, long long org, long long programme_id,
				 struct impact_outcome **out, size_t *n);
/* Adds o at the end of its level; ST_INVALID when the programme or what
 * the evidence refers to is not of the organisation and the programme. */
MUST_CHECK int store_impact_add(struct store *s, long long org, const struct impact_outcome *o, long long now, long long *id);
/* Changes o (by o->id, within o->programme_id); ST_NOTFOUND, ST_INVALID as above. */
MUST_CHECK int store_impact_update(struct store *s, long long org, const struct impact_outcome *o, long long now);
MUST_CHECK int store_impact_delete(struct store *s, long long org, long long programme_id, long long id);
/* Every outcome of the programme removed (before a whole map is put in its place). */
MUST_CHECK int store_impact_clear(struct store *s, long long org, long long programme_id);
#endif
