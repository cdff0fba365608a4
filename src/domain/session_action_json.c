/* session_action_json.c — follow-up actions as JSON, one shape for the
 * API (GET /api/v1/me/actions) and `leergang action list`. */
#include "session_action.h"

json_t *session_action_list_json(const struct session_action *x, size_t n, const char *today)
{
	json_t *list = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(list, json_pack("{s:I, s:s, s:s, s:s, s:b, s:{s:I, s:s}, s:i, s:{s:I, s:s, s:s}}",
			"id", (json_int_t)x[i].id, "text", x[i].text, "status", x[i].status, "due_on", x[i].due_on,
			"overdue", session_action_overdue(&x[i], today), "owner", "person_id", (json_int_t)x[i].person_id,
			"name", x[i].person_name, "carried", x[i].carried, "session", "id", (json_int_t)x[i].session_id,
			"held_on", x[i].held_on, "group", x[i].group_name));
	return json_pack("{s:o}", "actions", list);
}
