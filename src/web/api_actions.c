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
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	long long owner = api_in_int(&in, "owner", 0);
	const char *text = api_in_str(&in, "text", ""), *due_on = api_in_str(&in, "due_on", "");
	if (!api_in_ok(&in))
		return;
	long long id = 0;
	int d = session_action_add(&w->ctx, w->id[0], owner, text, due_on, &in.e, &id);
	api_in_answer(&in, d, id);
}

void api_action_update(struct web *w)
{
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	const char *status = api_in_str(&in, "status", ""), *due_on = api_in_str(&in, "due_on", "");
	long long review = api_in_int(&in, "review_session_id", 0);
	if (api_in_ok(&in))
		api_in_answer(&in, session_action_update(&w->ctx, w->id[0], status, due_on, review > 0 ? review : 0, &in.e), 0);
}
