/* api_openapi.c — GET /api/v1/openapi.json: the description of the API,
 * made once from the route table and its parts (openapi.h). */
#include "web.h"
#include "openapi.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static pthread_once_t once = PTHREAD_ONCE_INIT;
static char *document;

static void make_document(void)
{
	char *problems = NULL;
	json_t *doc = openapi_document(&problems);
	free(problems);   /* the unit test and `leergang serve --routes` report them */
	document = json_dumps(doc, JSON_INDENT(1) | JSON_ENSURE_ASCII);
	json_decref(doc);
}

void api_openapi(struct web *w)
{
	pthread_once(&once, make_document);
	if (!document) {
		web_json_error(w, 500, _("The description of the API could not be made."));
		return;
	}
	w->r->status = 200;
	w->r->response_type = "application/json; charset=utf-8";
	buf_reset(w->out);
	buf_adds(w->out, document);
}
