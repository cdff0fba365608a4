/* methods.c — the organisation's session methods in the API, in the form
 * the command line gives (`leergang method list --format json`). Methods
 * hold no personal data: every account of the organisation reads them. */
#include "web.h"
#include "domain/method.h"

void api_methods(struct web *w)
{
	struct method *m;
	size_t n;
	if (method_list(&w->ctx, &m, &n)) {
		web_json_error(w, 500, _("The session methods could not be read. Try again later."));
		return;
	}
	web_json(w, 200, method_list_json(m, n));
}
