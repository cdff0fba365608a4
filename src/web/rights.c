/* rights.c — the inzage as a download: a person's own ("Mijn gegevens",
 * /me/data.json and .pdf) and, for an administrator acting on a written
 * request, anyone's of the organisation (/people/{id}/data.json and .pdf).
 * What is in it and who may have it: domain/subject_access.c. Also the
 * administrator's erasure of a person on request (POST /people/{id}/erase):
 * the confirm page shows the dry run, what goes and what stays. */
#include "web.h"
#include "core/die.h"
#include "domain/erasure.h"
#include "domain/person.h"
#include "domain/subject_access.h"
#include "html/html.h"

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

/* The dry run of an erasure as a fragment for the confirm page. */
static const char *erasure_preview(struct web *w, const struct subject_step *s, size_t n)
{
	struct buf b = BUF_INIT;
	html(&b, "<h2>%s</h2><table tabindex=\"0\"><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
	     _("What the erasure does"), _("Step"), _("Rows"));
	for (size_t i = 0; i < n; i++)
		html(&b, "<tr><td>%s</td><td>%lld</td></tr>", _(s[i].what), s[i].rows);
	html(&b, "</tbody></table><h2>%s</h2><p>%s</p>", _("What stays"),
	     _("Enrolments, attendance, meetings prepared, anonymous answers, the counts of responses and the audit log (with this erasure) stay, without name, e-mail or employee number, so that reports still add up."));
	const char *out = arena_strdup(w->a, b.ptr ? b.ptr : "");
	buf_release(&b);
	return out;
}

void page_person_erase(struct web *w)
{
	struct person p;
	int d = person_get(&w->ctx, w->id[0], &p);
	if (d == D_NOTFOUND) {
		web_not_found(w);
		return;
	}
	struct subject_step *s;
	size_t n;
	struct buf err = BUF_INIT;
	const char *back = arena_printf(w->a, "/people/%lld", p.id);
	if (d) {
		web_error(w, 500, _("The erasure could not be prepared because of a fault in leergang. Nothing has changed; try again later."));
		return;
	}
	if (!web_confirmed(w)) {
		if (erasure_run(&w->ctx, p.id, true, &s, &n, &err)) {
			buf_release(&err);
			web_error(w, 500, _("The erasure could not be prepared because of a fault in leergang. Nothing has changed; try again later."));
			return;
		}
		buf_release(&err);
		web_confirm_detail(w, arena_printf(w->a, _("Are you sure you want to erase %s (employee number %s)? This cannot be undone."), p.name, p.employee_id),
				   erasure_preview(w, s, n), _("Yes, erase"), back);
		return;
	}
	d = erasure_run(&w->ctx, p.id, false, &s, &n, &err);
	if (d == D_BUSY)  /* erased; the scrub of the files is said to the operator */
		warn("erasure of person %lld: the database file is not yet rewritten: %s", p.id, err.ptr);
	buf_release(&err);
	if (d && d != D_BUSY) {
		web_error(w, 500, _("The person could not be erased because of a fault in leergang. Nothing has changed; try again later."));
		return;
	}
	web_redirect(w, arena_printf(w->a, "%s?done=person-erased", back));
}
