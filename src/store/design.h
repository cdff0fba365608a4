/* design.h — the store's part for programmes and their design (modules,
 * programme meetings, script parts, menu card). As everywhere in the store:
 * every call takes the organisation and touches nothing outside it; lists are
 * allocated in the arena; ST_NOTFOUND for an id of another organisation.
 * Dates are "YYYY-MM-DD" and times "HH:MM", local to Europe/Amsterdam. */
#ifndef LG_STORE_DESIGN_H
#define LG_STORE_DESIGN_H

#include "core/compiler.h"
#include "store/store.h"
#include "domain/model/design.h"

MUST_CHECK int store_programme_add(struct store *s, long long org, const struct programme *p, long long *id);
/* Saves p and adds one to its version, only while the stored version is
 * p->version (any, for 0): ST_NOTFOUND when it is not (or there is no such
 * programme). */
MUST_CHECK int store_programme_update(struct store *s, long long org, const struct programme *p);
MUST_CHECK int store_programme_get(struct store *s, struct arena *a, long long org, long long id, struct programme *out);
MUST_CHECK int store_programme_list(struct store *s, struct arena *a, long long org, struct programme **out, size_t *n);
MUST_CHECK int store_module_add(struct store *s, long long org, long long programme_id, const struct programme_module *m,
		     long long *id);
MUST_CHECK int store_module_list(struct store *s, struct arena *a, long long org, long long programme_id,
		      struct programme_module **out, size_t *n);
MUST_CHECK int store_programme_meeting_add(struct store *s, long long org, const struct programme_meeting *m, long long *id);
MUST_CHECK int store_programme_meeting_update(struct store *s, long long org, const struct programme_meeting *m);
MUST_CHECK int store_programme_meeting_list(struct store *s, struct arena *a, long long org, long long programme_id,
				 struct programme_meeting **out, size_t *n);
MUST_CHECK int store_programme_meeting_get(struct store *s, struct arena *a, long long org, long long id,
				struct programme_meeting *out);
/* Removes it when no group has planned it (ST_CONFLICT otherwise). */
MUST_CHECK int store_programme_meeting_delete(struct store *s, long long org, long long id);
MUST_CHECK int store_script_part_add(struct store *s, long long org, const struct script_part *p, long long *id);
MUST_CHECK int store_script_part_update(struct store *s, long long org, const struct script_part *p);
MUST_CHECK int store_script_part_delete(struct store *s, long long org, long long id);
/* Removes every tag of the part. */
MUST_CHECK int store_script_part_untag(struct store *s, long long org, long long part_id);
MUST_CHECK int store_script_part_tag(struct store *s, long long org, long long part_id, long long element_id);
/* All parts of the programme, ordered by meeting number and position. */
MUST_CHECK int store_script_part_list(struct store *s, struct arena *a, long long org, long long programme_id,
			   struct script_part **out, size_t *n);
MUST_CHECK int store_menu_topic_add(struct store *s, long long org, long long programme_id, const struct menu_topic *t,
			 long long *id);
MUST_CHECK int store_menu_option_add(struct store *s, long long org, const struct menu_option *o, long long *id);
MUST_CHECK int store_menu_topic_update(struct store *s, long long org, const struct menu_topic *t);
MUST_CHECK int store_menu_option_update(struct store *s, long long org, const struct menu_option *o);
/* Removes it unless a meeting chose it (ST_CONFLICT then). */
MUST_CHECK int store_menu_topic_delete(struct store *s, long long org, long long id);
MUST_CHECK int store_menu_option_delete(struct store *s, long long org, long long id);
MUST_CHECK int store_menu_topic_list(struct store *s, struct arena *a, long long org, long long programme_id,
			  struct menu_topic **out, size_t *n);
/* All options of the programme's topics, by topic position and position. */
MUST_CHECK int store_menu_option_list(struct store *s, struct arena *a, long long org, long long programme_id,
			   struct menu_option **out, size_t *n);

#endif
