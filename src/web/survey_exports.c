/* survey_exports.c — the data of a wave as a download for the coach and
 * the researcher: CSV for Dutch Excel, an XLSX workbook (data and labels)
 * and an SPSS .sav file. The rows carry no name, link or id
 * (domain/survey_export.h); below SURVEY_MIN_RESPONSES responses there is
 * no export at all, as the wave page shows no results then. Each export is
 * in the audit log: who took which wave in which format. */
#include "web.h"
#include "domain/export_audit.h"
#include "domain/survey_export.h"
#include "formats/sav.h"
#include "formats/xlsx.h"
#include "core/die.h"

#include <string.h>

/* A refusal: web_error answers the API's routes (which serve the same
 * files under the same rules) in JSON. */
static void export_fail(struct web *w, int status, const char *message)
{
	if (status == 404)
		web_not_found(w);
	else
		web_error(w, status, message);
}

/* The wave of the path in the actor's organisation with its data; false
 * when the answer (404, 422, 500) has been given. */
static bool export_open(struct web *w, struct wave *wv, struct wave_export *x)
{
	struct instrument_version v;
	int d = wave_open(&w->ctx, w->id[0], wv, &v);
	if (d == D_NOTFOUND) {
		export_fail(w, 404, NULL);
		return false;
	}
	if (d || wave_export(&w->ctx, wv, &v, x)) {
		export_fail(w, 500, _("The questionnaires could not be read. Try again later."));
		return false;
	}
	if (!x->shown) {
		export_fail(w, 422, x->why_hidden);
		return false;
	}
	return true;
}

static void export_send(struct web *w, const struct wave *wv, const struct wave_export *x, const char *format,
			const char *type, const char *ext)
{
	export_record(&w->ctx, EXPORT_WAVE_DATA, "wave", wv->id, format, x->table.nrows);
	w->r->response_type = type;
	response_header(w->r, "Content-Disposition",
			arena_printf(w->a, "attachment; filename=\"%s\"", wave_export_filename(w->a, wv, ext)));
}

void page_wave_export_csv(struct web *w)
{
	struct wave wv;
	struct wave_export x;
	if (!export_open(w, &wv, &x))
		return;
	buf_reset(w->out);
	table_csv(&x.table, w->out);
	export_send(w, &wv, &x, "csv", "text/csv; charset=utf-8", ".csv");
}

void page_wave_export_xlsx(struct web *w)
{
	struct wave wv;
	struct wave_export x;
	if (!export_open(w, &wv, &x))
		return;
	struct buf err = BUF_INIT;
	buf_reset(w->out);
	if (xlsx_write(&x.table, w->out, &err)) {
		warn("wave %lld: %s", wv.id, err.ptr);
		buf_release(&err);
		buf_reset(w->out);
		export_fail(w, 500, _("The file could not be made. Try again later."));
		return;
	}
	buf_release(&err);
	export_send(w, &wv, &x, "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx");
}

void page_wave_export_sav(struct web *w)
{
	struct wave wv;
	struct wave_export x;
	if (!export_open(w, &wv, &x))
		return;
	struct buf err = BUF_INIT;
	buf_reset(w->out);
	if (sav_write(&x.table, w->out, &err)) {
		warn("wave %lld: %s", wv.id, err.ptr);
		buf_release(&err);
		buf_reset(w->out);
		export_fail(w, 500, _("The file could not be made. Try again later."));
		return;
	}
	buf_release(&err);
	export_send(w, &wv, &x, "sav", "application/x-spss-sav", ".sav");
}
