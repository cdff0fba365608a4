/* idempotency.c — the Idempotency-Key header of the API's POST routes
 * (domain/idempotency.h), handled in one place around the route's handler
 * (app.c): a repeat gets the kept answer, with Idempotent-Replayed: true. */
#include "web.h"
#include "core/die.h"
#include "domain/idempotency.h"

#include <string.h>

bool web_idempotent_route(const struct route *r)
{
	return r->kind == ROUTE_API && !strcmp(r->method, "POST");
}

bool web_idempotency_begin(struct web *w, const char **key)
{
	*key = NULL;
	if (!web_idempotent_route(w->route))
		return true;
	const char *k = request_header(w->r, "Idempotency-Key");
	if (!k)
		return true;
	if (!idempotency_key_valid(k)) {
		web_json_error_field(w, 422, arena_printf(w->a, _("Send an Idempotency-Key of 1 to %d printable characters."),
							   IDEMPOTENCY_KEY_MAX),
				     "Idempotency-Key");
		return false;
	}
	enum idempotency_state state;
	struct idempotent_answer a;
	if (idempotency_begin(&w->ctx, k, w->r->method, w->r->path, w->r->body, w->r->body_len, &state, &a)) {
		web_json_error(w, 500, _("The Idempotency-Key could not be checked. Try again later."));
		return false;
	}
	switch (state) {
	case IDEMPOTENCY_NEW:
		*key = k;
		return true;
	case IDEMPOTENCY_REPLAY:
		w->r->status = a.status;
		w->r->response_type = *a.content_type ? a.content_type : NULL;
		buf_reset(w->out);
		buf_add(w->out, a.body, a.len);
		response_header(w->r, "Idempotent-Replayed", "true");
		return false;
	case IDEMPOTENCY_IN_PROGRESS:
		response_header(w->r, "Retry-After", "1");
		web_json_error_field(w, 409, _("A request with this Idempotency-Key is still being handled. Send it again "
					       "in a moment to get its answer."), "Idempotency-Key");
		return false;
	case IDEMPOTENCY_OTHER_REQUEST:
	default:
		web_json_error_field(w, 422, _("This Idempotency-Key was used for another request (another address or "
					       "body) in the last 24 hours. Use a new key for a new request."),
				     "Idempotency-Key");
		return false;
	}
}

void web_idempotency_end(struct web *w, const char *key)
{
	if (!key)
		return;
	/* a key that could not be kept is freed on its age: the request stands */
	if (idempotency_end(&w->ctx, key, w->r->status ? w->r->status : 200, w->r->response_type, w->out->ptr,
			    w->out->len))
		warn("idempotency: the answer of a request could not be kept");
}
