/* api_actions.c — follow-up actions in the API, under the rules of their
 * pages (domain/session_action.c): the caller's own actions, a new action
 * of a session by its leader, an action done or carried on. */
#include "web.h"
#include "domain/session_action.h"

void api_me_actions(struct web *w)
{
	struct session_action *x;
	size_t n;
	int d = session_action_mine(&w->ctx, &x, &n);
	if (d)
		api_answer(w, d, NULL, 0);
	else
		web_json(w, 200, session_action_list_json(x, n, web_today(w)));
}

void api_session_action_add(struct web *w)
{
	json_t *j = api_body(w);
	if (!j)
		return;
	static const struct api_type types[] = { { "owner", 'i' }, { "text", 's' }, { "due_on", 's' }, { 0 } };
	if (api_typed(w, j, types)) {
		struct errors e = { 0 };
		long long id = 0;
		int d = session_action_add(&w->ctx, w->id[0], api_int(j, "owner"), api_str(j, "text"), api_str(j, "due_on"),
					   &e, &id);
		api_answer(w, d, &e, id);
	}
	json_decref(j);
}

void api_action_update(struct web *w)
{
	json_t *j = api_body(w);
	if (!j)
		return;
	static const struct api_type types[] = { { "status", 's' }, { "due_on", 's' }, { "review_session_id", 'i' }, { 0 } };
	if (api_typed(w, j, types)) {
		struct errors e = { 0 };
		long long review = api_int(j, "review_session_id");
		api_answer(w, session_action_update(&w->ctx, w->id[0], api_str(j, "status"), api_str(j, "due_on"),
						    review > 0 ? review : 0, &e),
			   &e, 0);
	}
	json_decref(j);
}
