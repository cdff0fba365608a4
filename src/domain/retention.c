/* retention.c — retention periods and their daily removal (retention.h). */
#include "retention.h"
#include "audit.h"
#include "role.h"
#include "schedule.h"
#include "core/i18n.h"
#include "core/integer.h"
#include "store/retention.h"
#include "store/store.h"

/* Two years for the texts of a programme: long enough for the follow-up
 * offer and the evaluation after the end, which may look back at them;
 * one year for logbooks, the most private text and of use to the writer
 * alone; two years for named answers, the time a pre/post comparison of
 * waves 9-10 months apart (seed 003) needs with room to report. */
static const struct retention defaults = { .texts_months = 24, .logbook_months = 12, .answers_months = 24,
					   .is_default = true };

const struct retention *retention_defaults(void)
{
	return &defaults;
}

int retention_get(struct ctx *c, struct retention *out)
{
	*out = defaults;
	int t, l, a;
	long long at;
	int r = store_retention_get(c->st, c->who->organisation_id, &t, &l, &a, &at);
	if (r == ST_NOTFOUND)
		return D_OK;
	if (r)
		return D_ERROR;
	*out = (struct retention){ .texts_months = t, .logbook_months = l, .answers_months = a, .updated_at = at };
	return D_OK;
}

/* One period from the form into *v, or a message under field. */
static void read_months(struct ctx *c, struct errors *e, const char *field, const char *s, int *v)
{
	long long n = 0;
	switch (int_parse(s, RETENTION_MONTHS_MIN, RETENTION_MONTHS_MAX, &n)) {
	case INT_OK:
		*v = (int)n;
		return;
	case INT_ABSENT:
		errors_add(c, e, field, _("Fill in a number of months: a whole number from %d to %d."),
			   RETENTION_MONTHS_MIN, RETENTION_MONTHS_MAX);
		return;
	case INT_NOT_A_NUMBER:
		errors_add(c, e, field, _("\"%s\" is not a whole number: give a number of months from %d to %d."), s,
			   RETENTION_MONTHS_MIN, RETENTION_MONTHS_MAX);
		return;
	case INT_OUT_OF_RANGE:
		errors_add(c, e, field, _("Give a number of months from %d to %d (twenty years at most)."),
			   RETENTION_MONTHS_MIN, RETENTION_MONTHS_MAX);
		return;
	}
}

int retention_set(struct ctx *c, const char *texts, const char *logbook, const char *answers, struct errors *e)
{
	if (!actor_has(c->who, ROLE_BIT(ROLE_ADMINISTRATOR)))
		return D_FORBIDDEN;
	struct retention was, v = { 0 };
	if (retention_get(c, &was))
		return D_ERROR;
	read_months(c, e, "texts_months", texts, &v.texts_months);
	read_months(c, e, "logbook_months", logbook, &v.logbook_months);
	read_months(c, e, "answers_months", answers, &v.answers_months);
	if (e->n)
		return D_INVALID;
	if (store_begin(c->st))
		return D_ERROR;
	int r = store_retention_set(c->st, c->who->organisation_id, v.texts_months, v.logbook_months,
				    v.answers_months, ctx_now(c));
	if (!r)
		r = audit(c, "retention.set", "organisation", c->who->organisation_id,
			  "texts %d -> %d, logbook %d -> %d, answers %d -> %d months", was.texts_months, v.texts_months,
			  was.logbook_months, v.logbook_months, was.answers_months, v.answers_months);
	if (r || store_commit(c->st)) {
		store_rollback(c->st);
		return D_ERROR;
	}
	return D_OK;
}

const char *retention_counts(struct arena *a, const struct retention_result *r)
{
	struct buf b = BUF_INIT;
	for (size_t i = 0; i < r->n; i++)
		if (r->steps[i].rows)
			buf_addf(&b, "%s%s %lld", b.len ? ", " : "", r->steps[i].what, r->steps[i].rows);
	const char *s = arena_strdup(a, b.len ? b.ptr : "nothing");
	buf_release(&b);
	return s;
}

int retention_apply(struct ctx *c, bool dry_run, struct retention_result *out, struct buf *err)
{
	if (!actor_has(c->who, ROLE_BIT(ROLE_ADMINISTRATOR)))
		return D_FORBIDDEN;
	*out = (struct retention_result){ 0 };
	if (retention_get(c, &out->periods))
		return D_ERROR;
	date_today(ctx_now(c), out->today);
	char texts[11], logbook[11], answers[11];
	date_add_months(out->today, -out->periods.texts_months, texts);
	date_add_months(out->today, -out->periods.logbook_months, logbook);
	date_add_months(out->today, -out->periods.answers_months, answers);
	struct retention_cutoff cut = { texts, logbook, answers };
	if (store_begin(c->st))
		return D_ERROR;
	int r = store_retention_remove(c->st, c->a, c->who->organisation_id, &cut, &out->steps, &out->n);
	for (size_t i = 0; !r && i < out->n; i++)
		out->total += out->steps[i].rows;
	/* counts only: a run that removed nothing leaves no line */
	if (!r && !dry_run && out->total)
		r = audit(c, "retention.apply", "organisation", c->who->organisation_id, "on %s: %s", out->today,
			  retention_counts(c->a, out));
	if (r || dry_run || !out->total) {
		store_rollback(c->st);
		return r ? D_ERROR : D_OK;
	}
	if (store_commit(c->st))
		return D_ERROR;
	return store_scrub_files(c->st, err) ? D_BUSY : D_OK;
}

int retention_scrub(struct store *st, struct buf *err)
{
	return store_scrub_files(st, err) ? D_BUSY : D_OK;
}
