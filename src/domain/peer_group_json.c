/* peer_group_json.c — peer groups and presentations as the API and the
 * command line give them (peer_group.h), one shape for both. */
#include "peer_group.h"

json_t *peer_group_json(const struct peer_group *g)
{
	return json_pack("{s:I, s:s, s:s, s:s, s:b, s:I, s:I}", "id", (json_int_t)g->id, "kind", g->kind, "name", g->name,
			 "period", g->period, "active", g->active, "members", (json_int_t)g->members, "facilitators",
			 (json_int_t)g->facilitators);
}

json_t *presentation_list_json(const struct presentation *p, size_t n)
{
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *who = json_array();
		for (size_t k = 0; k < p[i].npresenters; k++)
			json_array_append_new(who, json_pack("{s:I, s:s}", "person_id", (json_int_t)p[i].presenters[k], "name",
							     p[i].presenter_names[k]));
		json_array_append_new(a, json_pack("{s:I, s:s, s:s, s:s, s:s, s:I, s:o}", "id", (json_int_t)p[i].id, "kind",
						   p[i].kind, "audience", p[i].audience, "held_on", p[i].held_on, "title",
						   p[i].title, "group_id", (json_int_t)p[i].peer_group_id, "presenters", who));
	}
	return a;
}
