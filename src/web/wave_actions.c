/* wave_actions.c — what the coach does to a wave: the personal links as
 * CSV for a mail merge, closing it now, and the invitations and reminders
 * by e-mail (or, without a mail server, the reminders' links as CSV). */
#include "web.h"
#include "domain/export_audit.h"
#include "domain/schedule.h"
#include "domain/survey.h"
#include "domain/survey_compare.h"
#include "domain/wave_mail.h"
#include "formats/csv.h"
#include "html/chart.h"
#include "stats/three60.h"
#include "html/html.h"
#include "core/compiler.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

/* One CSV row as Dutch Excel reads it (';'). */
static void row(struct buf *b, const char *const *cells, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_addch(b, ';');
		csv_field(b, cells[i], ';');
	}
	csv_end_row(b);
}

void page_wave_links(struct web *w)
{
	struct wave wv;
	struct instrument_version v;
	if (!web_open_wave(w, &wv, &v))
		return;
	struct wave_link *links;
	size_t n;
	if (wave_links(&w->ctx, &wv, web_base_url(w), false, &links, &n)) {
		web_error(w, 500, _("The questionnaires could not be read. Try again later."));
		return;
	}
	buf_reset(w->out);
	buf_adds(w->out, CSV_BOM);
	row(w->out, (const char *const[]){ _("Name"), _("E-mail address"), _("Link"), _("Responded") }, 4);
	for (size_t i = 0; i < n; i++)
		row(w->out, (const char *const[]){ links[i].inv->person_name, links[i].inv->email, links[i].link,
						    links[i].inv->responded ? _("yes") : _("no") }, 4);
	export_record(&w->ctx, EXPORT_WAVE_LINKS, "wave", wv.id, "csv", n);
	w->r->response_type = "text/csv; charset=utf-8";
	response_header(w->r, "Content-Disposition", "attachment; filename=\"links.csv\"");
}

/* Closing a wave now: its links answer no more, its results can be shown. */
void page_wave_close(struct web *w)
{
	struct wave wv;
	struct instrument_version v;
	if (!web_open_wave(w, &wv, &v))
		return;
	int d = wave_close(&w->ctx, &wv);
	if (d == D_CONFLICT)
		web_error(w, 422, _("This wave has closed already."));
	else if (d)
		web_error(w, 500, _("The change could not be saved. Try again later."));
	else
		web_redirect(w, arena_printf(w->a, "/waves/%lld?done=wave-closed", wv.id));
}

/* After a round of e-mail: back to the wave page with what it did. */
static void mail_answer(struct web *w, const struct wave *wv, const char *kind, int d, const struct errors *e,
			const struct mail_tally *t)
{
	if (d == D_INVALID)
		web_error(w, 422, e->items[0].message);
	else if (d)
		web_error(w, 500, _("The change could not be saved. Try again later."));
	else
		web_redirect(w, arena_printf(w->a, "/waves/%lld?mailed=%s&sent=%lld&failed=%lld&noaddress=%lld&unreachable=%d",
					     wv->id, kind, t->sent, t->failed, t->no_address, t->unreachable));
}

/* The invitations by e-mail to those asked who have not had one. */
void page_wave_send(struct web *w)
{
	struct wave wv;
	struct instrument_version v;
	if (!web_open_wave(w, &wv, &v))
		return;
	struct errors e = { 0 };
	struct mail_tally t;
	int d = wave_mail_invitations(&w->ctx, &wv, web_base_url(w), w->org_name, (long long)time(NULL), &e, &t);
	mail_answer(w, &wv, "invitations", d, &e, &t);
}

/* A reminder round: by e-mail when the server sends mail, else the links
 * of those asked who have not answered yet as CSV for the mail merge; each
 * counted as reminded. Only while the wave is open. Who answered is known
 * from the invitation (for the accounting); what they answered is not, in
 * an anonymous wave. */
void page_wave_reminders(struct web *w)
{
	struct wave wv;
	struct instrument_version v;
	if (!web_open_wave(w, &wv, &v))
		return;
	struct errors e = { 0 };
	if (wave_mail_configured()) {   /* by e-mail; otherwise the CSV below */
		struct mail_tally t;
		int d = wave_mail_reminders(&w->ctx, &wv, web_base_url(w), w->org_name, (long long)time(NULL), &e, &t);
		mail_answer(w, &wv, "reminders", d, &e, &t);
		return;
	}
	struct wave_link *links;
	size_t n;
	int d = wave_remind_by_links(&w->ctx, &wv, web_base_url(w), &links, &n, &e);
	if (d == D_INVALID) {
		web_error(w, 422, e.items[0].message);
		return;
	}
	if (d) {
		web_error(w, 500, _("The change could not be saved. Try again later."));
		return;
	}
	buf_reset(w->out);
	buf_adds(w->out, CSV_BOM);
	row(w->out, (const char *const[]){ _("Name"), _("E-mail address"), _("Link"), _("Reminders") }, 4);
	for (size_t i = 0; i < n; i++) {
		const struct invitation *x = links[i].inv;
		row(w->out, (const char *const[]){ x->person_name, x->email, links[i].link,
						    arena_printf(w->a, "%d", x->reminders + 1) }, 4);
	}
	w->r->response_type = "text/csv; charset=utf-8";
	response_header(w->r, "Content-Disposition", "attachment; filename=\"herinneringen.csv\"");
}
