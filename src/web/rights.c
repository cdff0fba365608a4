/* rights.c — the inzage as a download: a person's own ("Mijn gegevens",
 * /me/data.json and .pdf) and, for an administrator acting on a written
 * request, anyone's of the organisation (/people/{id}/data.json and .pdf).
 * What is in it and who may have it: domain/subject_access.c. */
#include "web.h"
#include "domain/subject_access.h"

static void download(struct web *w, long long person_id, enum subject_format f)
{
	buf_reset(w->out);
	if (!person_id) {  /* an account of no one in the people register */
		buf_adds(w->out, _("This account is not linked to a person in the people register: leergang holds "
				   "only the account's address and roles, shown on your start page."));
		buf_adds(w->out, "\n");
		w->r->response_type = "text/plain; charset=utf-8";
		return;
	}
	int d = subject_export(&w->ctx, person_id, f, w->out);
	if (d == D_NOTFOUND || d == D_FORBIDDEN) {
		buf_reset(w->out);
		web_not_found(w);
		return;
	}
	if (d) {
		buf_reset(w->out);
		web_error(w, 500, _("Your data could not be gathered. Try again later."));
		return;
	}
	bool pdf = f == SUBJECT_PDF;
	w->r->response_type = pdf ? "application/pdf" : "application/json; charset=utf-8";
	response_header(w->r, "Content-Disposition", pdf ? "attachment; filename=\"inzage.pdf\""
							: "attachment; filename=\"inzage.json\"");
}

void page_my_data_json(struct web *w) { download(w, w->ctx.who->person_id, SUBJECT_JSON); }
void page_my_data_pdf(struct web *w) { download(w, w->ctx.who->person_id, SUBJECT_PDF); }
void page_person_data_json(struct web *w) { download(w, w->id[0], SUBJECT_JSON); }
void page_person_data_pdf(struct web *w) { download(w, w->id[0], SUBJECT_PDF); }
