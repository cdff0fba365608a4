/* two_wave.c — two-wave studies: the 9–10 months rule, making the study
 * with its two waves, the respondents under their pseudonyms, and the
 * analysis per scale and group (numbers from stats/two_wave.c). */
#include "two_wave.h"
#include "audit.h"
#include "schedule.h"
#include "survey_compare.h"
#include "validate.h"
#include "domain/person.h"
#include "core/i18n.h"
#include "store/response.h"
#include "store/store.h"
#include "store/two_wave.h"

#include <assert.h>
#include <sodium.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the interval ---- */

static int days_in(int y, int m)
{
	static const int d[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : d[m - 1];
}

/* date + months as "YYYY-MM-DD", the day clamped to the month's last */
static void add_months(const char *date, int months, char out[16])
{
	int y = 0, m = 0, d = 0;
	if (sscanf(date, "%4d-%2d-%2d", &y, &m, &d) != 3) {
		out[0] = 0;
		return;
	}
	m += months;
	y += (m - 1) / 12;
	m = (m - 1) % 12 + 1;
	if (y < 1 || y > 9999 || m < 1 || d < 1) {
		out[0] = 0;
		return;
	}
	if (d > days_in(y, m))
		d = days_in(y, m);
	snprintf(out, 16, "%04d-%02d-%02d", y % 10000, m % 100, d % 100);
}

int two_wave_interval(const char *first, const char *second)
{
	char lo[16], hi[16];
	add_months(first, 9, lo);
	add_months(first, 10, hi);
	if (strcmp(second, lo) < 0)
		return -1;
	return strcmp(second, hi) > 0 ? 1 : 0;
}

/* ---- making a study ---- */

static bool has_id(const long long *x, size_t n, long long v)
{
	for (size_t i = 0; i < n; i++)
		if (x[i] == v)
			return true;
	return false;
}

/* The people of one group, from the list, the numbers and the unit, each
 * once; problems under field. */
static void arm_people(struct ctx *c, struct errors *e, const char *field, const char *label, const struct study_people *in,
		       long long **out, size_t *n)
{
	long long org = c->who->organisation_id;
	size_t cap = in->n + 16;
	*out = arena_alloc(c->a, cap * sizeof(**out));
	*n = 0;
	for (size_t i = 0; i < in->n; i++) {
		struct person x;
		if (store_person_get(c->st, c->a, org, in->ids[i], &x)) {
			errors_add(c, e, field, _("%s: choose the people from the list of your organisation."), label);
			return;
		}
		if (!has_id(*out, *n, in->ids[i]))
			(*out)[(*n)++] = in->ids[i];
	}
	const char *p = in->numbers ? in->numbers : "";
	while (*p) {
		p += strspn(p, " \t\r\n,;");
		size_t len = strcspn(p, " \t\r\n,;");
		if (!len)
			break;
		const char *num = arena_strndup(c->a, p, len);
		p += len;
		long long id = person_by_employee_id(c, num);
		if (id <= 0) {
			errors_add(c, e, field, _("%s: there is nobody with employee number %s in your organisation."), label, num);
			return;
		}
		if (*n == cap)
			*out = arena_grow(c->a, *out, *n, cap *= 2, sizeof(**out));
		if (!has_id(*out, *n, id))
			(*out)[(*n)++] = id;
	}
	if (in->unit) {
		struct unit u;
		struct person *pp;
		size_t np;
		long long total;
		struct person_filter f = { NULL, in->unit, 0, 0, 1000000, 0 };
		if (store_unit_get(c->st, c->a, org, in->unit, &u) || store_person_list(c->st, c->a, org, &f, &pp, &np, &total)) {
			errors_add(c, e, field, _("%s: choose a unit of your organisation from the list."), label);
			return;
		}
		for (size_t i = 0; i < np; i++) {
			if (*n == cap)
				*out = arena_grow(c->a, *out, *n, cap *= 2, sizeof(**out));
			if (!has_id(*out, *n, pp[i].id))
				(*out)[(*n)++] = pp[i].id;
		}
	}
	if (!*n)
		errors_add(c, e, field, _("%s: choose at least one person."), label);
}

static void check_date(struct ctx *c, struct errors *e, const char *field, const char *v, bool required)
{
	if ((v && *v) ? !date_valid(v) : required)
		errors_add(c, e, field, "%s", _("Give the date as YYYY-MM-DD, such as 2026-09-01."));
}

static bool given(const char *v)
{
	return v && v[strspn(v, " \t\r\n")];
}

/* The checks of the study's form that need no store. */
static void check_form(struct ctx *c, const struct study_new *s, struct errors *e)
{
	check_line(c, e, "name", _("Name"), s->name ? s->name : "", 1, STUDY_NAME_MAX);
	check_long_text(c, e, "assignment", _("How the groups were assigned"), s->assignment ? s->assignment : "", 0,
			STUDY_TEXT_MAX);
	check_long_text(c, e, "intervention", _("The intervention"), s->intervention_text ? s->intervention_text : "", 0,
			STUDY_TEXT_MAX);
	check_date(c, e, "wave1_opens", s->wave1_opens, true);
	check_date(c, e, "wave1_closes", s->wave1_closes, true);
	check_date(c, e, "wave2_opens", s->wave2_opens, true);
	check_date(c, e, "wave2_closes", s->wave2_closes, true);
	check_date(c, e, "intervention_from", s->intervention_from, false);
	check_date(c, e, "intervention_to", s->intervention_to, false);
	if (e->n)
		return;
	if (strcmp(s->wave1_closes, s->wave1_opens) < 0)
		errors_add(c, e, "wave1_closes", "%s", _("The wave closes on or after the day it opens."));
	if (strcmp(s->wave2_closes, s->wave2_opens) < 0)
		errors_add(c, e, "wave2_closes", "%s", _("The wave closes on or after the day it opens."));
	if (strcmp(s->wave2_opens, s->wave1_closes) <= 0)
		errors_add(c, e, "wave2_opens", "%s", _("The second measurement opens after the first has closed."));
	if (given(s->intervention_from) && given(s->intervention_to) && strcmp(s->intervention_to, s->intervention_from) < 0)
		errors_add(c, e, "intervention_to", "%s", _("The intervention ends on or after the day it starts."));
	int gap = two_wave_interval(s->wave1_opens, s->wave2_opens);
	if (gap && !s->override_interval) {
		char lo[16], hi[16];
		add_months(s->wave1_opens, 9, lo);
		add_months(s->wave1_opens, 10, hi);
		errors_add(c, e, "wave2_opens",
			   _("The second measurement opens %s after the first; the study design says 9 to 10 months (\"na 9 à 10 maanden\"). Choose a day from %s to %s, or tick \"other than 9–10 months\" and say why."),
			   gap < 0 ? _("less than 9 months") : _("more than 10 months"), date_label(c->a, lo), date_label(c->a, hi));
	}
	if (s->override_interval && !given(s->override_reason))
		errors_add(c, e, "override_reason", "%s",
			   _("Say why the measurements are not 9 to 10 months apart: the reason is kept with the study."));
	else if (s->override_interval)
		check_long_text(c, e, "override_reason", _("Reason"), s->override_reason, 1, STUDY_TEXT_MAX);
}

int two_wave_create(struct ctx *c, const struct study_new *s, long long now, struct errors *e, long long *id)
{
	long long org = c->who->organisation_id;
	struct instrument in;
	struct instrument_version v;
	int d = instrument_open(c, s->instrument_id, &in, &v);
	if (d == D_NOTFOUND)
		errors_add(c, e, "instrument_id", "%s", _("Choose a questionnaire from the list."));
	else if (d)
		return d;
	long long *arm[2];
	size_t narm[2];
	arm_people(c, e, "intervention", _("Intervention group"), &s->arm[ARM_INTERVENTION], &arm[0], &narm[0]);
	arm_people(c, e, "comparison", _("Comparison group"), &s->arm[ARM_COMPARISON], &arm[1], &narm[1]);
	for (size_t i = 0; i < narm[1] && !e->n; i++)
		if (has_id(arm[0], narm[0], arm[1][i])) {
			struct person x;
			if (store_person_get(c->st, c->a, org, arm[1][i], &x))
				return D_ERROR;
			errors_add(c, e, "comparison", _("%s is in both groups: a person is in the intervention group or in the comparison group."),
				   x.name);
		}
	check_form(c, s, e);
	if (e->n)
		return D_INVALID;
	size_t np = narm[0] + narm[1];
	long long *people = arena_alloc(c->a, (np + 1) * sizeof(*people));
	memcpy(people, arm[0], narm[0] * sizeof(*people));
	memcpy(people + narm[0], arm[1], narm[1] * sizeof(*people));
	const char *purpose = arena_printf(c->a,
		_("This questionnaire is part of the study \"%s\", measured twice. Your answers in both measurements are paired under a pseudonym: they are not anonymous. The researcher and the coordinator of your organisation read them under that pseudonym, never with your name, and show results only for groups of at least %d people."),
		s->name, TWO_WAVE_MIN_PAIRS);
	if (store_begin(c->st))
		return D_ERROR;
	struct wave_new w1 = { .instrument_id = s->instrument_id, .name = arena_printf(c->a, _("%s — measurement 1"), s->name),
			       .population = "people", .opens_on = s->wave1_opens, .closes_on = s->wave1_closes,
			       .anonymous = false, .purpose = purpose };
	struct wave_new w2 = w1;
	w2.name = arena_printf(c->a, _("%s — measurement 2"), s->name);
	w2.opens_on = s->wave2_opens;
	w2.closes_on = s->wave2_closes;
	struct study x = { 0 };
	x.name = (char *)s->name;
	x.instrument_id = s->instrument_id;
	x.assignment = (char *)(s->assignment ? s->assignment : "");
	x.interval_override = s->override_interval && two_wave_interval(s->wave1_opens, s->wave2_opens) != 0;
	x.override_reason = (char *)(x.interval_override ? s->override_reason : "");
	x.intervention = (char *)(s->intervention_text ? s->intervention_text : "");
	x.intervention_from = (char *)(given(s->intervention_from) ? s->intervention_from : "");
	x.intervention_to = (char *)(given(s->intervention_to) ? s->intervention_to : "");
	x.created_at = now;
	d = wave_create_people(c, &w1, people, np, now, e, &x.wave1_id);
	if (!d)
		d = wave_create_people(c, &w2, people, np, now, e, &x.wave2_id);
	int r = d ? ST_ERROR : store_study_add(c->st, org, &x, c->who->account_id, id);
	for (size_t i = 0; i < np && !r; i++)
		r = store_study_member_add(c->st, org, *id, people[i], i < narm[0] ? ARM_INTERVENTION : ARM_COMPARISON);
	if (d || r || store_commit(c->st)) {
		store_rollback(c->st);
		return d ? d : D_ERROR;
	}
	audit(c, "study.create", "study", *id, "%zu + %zu people%s", narm[0], narm[1],
	      x.interval_override ? ", other than 9-10 months" : "");
	return D_OK;
}

int two_wave_list(struct ctx *c, struct study **out, size_t *n)
{
	return store_study_list(c->st, c->a, c->who->organisation_id, out, n) ? D_ERROR : D_OK;
}

int two_wave_get(struct ctx *c, long long id, struct study *out)
{
	int r = store_study_get(c->st, c->a, c->who->organisation_id, id, out);
	return r == ST_NOTFOUND ? D_NOTFOUND : r ? D_ERROR : D_OK;
}

bool two_wave_of_wave(struct store *st, long long org, long long wave_id)
{
	long long id;
	return store_study_of_wave(st, org, wave_id, &id) == ST_OK;
}

/* ---- respondents ---- */

static int by_pseudonym(const void *a, const void *b)
{
	return strcmp(((const struct study_respondent *)a)->pseudonym, ((const struct study_respondent *)b)->pseudonym);
}

int two_wave_respondents(struct ctx *c, const struct study *s, struct study_respondent **out, size_t *n)
{
	long long org = c->who->organisation_id;
	struct study_member *m;
	size_t nm, n1, n2;
	long long *r1, *r2;
	unsigned char key[PSEUDONYM_KEY_LEN];
	if (store_study_members(c->st, c->a, org, s->id, &m, &nm) || store_respondents(c->st, c->a, org, s->wave1_id, &r1, &n1) ||
	    store_respondents(c->st, c->a, org, s->wave2_id, &r2, &n2) || pseudonym_key(c, key))
		return D_ERROR;
	*out = arena_alloc(c->a, (nm + 1) * sizeof(**out));
	*n = 0;
	struct two_wave_analysis an;
	if (two_wave_analyse(c, s, &an)) {
		sodium_memzero(key, sizeof(key));
		return D_ERROR;
	}
	for (size_t i = 0; i < nm && an.shown; i++) {
		if (!has_id(r1, n1, m[i].person_id) || !has_id(r2, n2, m[i].person_id))
			continue;
		struct study_respondent *x = &(*out)[(*n)++];
		pseudonym_make(key, org, m[i].person_id, x->pseudonym);
		x->arm = m[i].arm;
		x->wave1 = x->wave2 = true;
	}
	sodium_memzero(key, sizeof(key));
	qsort(*out, *n, sizeof(**out), by_pseudonym);
	return D_OK;
}

/* ---- analysis ---- */

void two_wave_compute(const double *x1, const double *x2, size_t nx, const double *y1, const double *y2, size_t ny,
		      struct two_wave_numbers *out)
{
	stats_change(x1, x2, nx, &out->x);
	stats_change(y1, y2, ny, &out->y);
	double *cx = calloc(nx + 1, sizeof(*cx)), *cy = calloc(ny + 1, sizeof(*cy));
	assert(cx && cy);
	size_t mx = 0, my = 0;
	for (size_t i = 0; i < nx; i++)
		if (!isnan(x1[i]) && !isnan(x2[i]))
			cx[mx++] = x2[i] - x1[i];
	for (size_t i = 0; i < ny; i++)
		if (!isnan(y1[i]) && !isnan(y2[i]))
			cy[my++] = y2[i] - y1[i];
	stats_change_diff(cx, mx, cy, my, &out->d);
	free(cx);
	free(cy);
}

/* the row of person in s, or -1 */
static long long row_of(const struct scores *s, long long person)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->person_id[i] == person)
			return (long long)i;
	return -1;
}

int two_wave_analyse(struct ctx *c, const struct study *s, struct two_wave_analysis *out)
{
	memset(out, 0, sizeof(*out));
	long long org = c->who->organisation_id;
	struct wave w1, w2;
	struct instrument_version v1, v2;
	struct study_member *m;
	size_t nm;
	if (wave_open(c, s->wave1_id, &w1, &v1) || wave_open(c, s->wave2_id, &w2, &v2) ||
	    store_study_members(c->st, c->a, org, s->id, &m, &nm))
		return D_ERROR;
	struct dimension *dims;
	size_t nd = survey_dimensions(c->a, &v1, &dims);
	struct scores s1, s2;
	if (wave_scores(c, &w1, &v1, dims, nd, &s1) || wave_scores(c, &w2, &v2, dims, nd, &s2))
		return D_ERROR;
	/* the pairs, per group, in member order */
	long long *r1 = arena_alloc(c->a, (nm + 1) * sizeof(*r1)), *r2 = arena_alloc(c->a, (nm + 1) * sizeof(*r2));
	for (size_t i = 0; i < nm; i++) {
		r1[i] = row_of(&s1, m[i].person_id);
		r2[i] = row_of(&s2, m[i].person_id);
		out->members[m[i].arm]++;
		if (r1[i] >= 0 && r2[i] >= 0)
			out->pairs[m[i].arm]++;
	}
	if (v1.id != v2.id)
		out->why_hidden = _("The two measurements do not use the same version of the questionnaire, so their answers cannot be paired.");
	else if ((out->why_hidden = wave_hidden_reason(c, &w1, (long long)s1.n)) ||
		 (out->why_hidden = wave_hidden_reason(c, &w2, (long long)s2.n)))
		;
	else if (out->pairs[ARM_INTERVENTION] < TWO_WAVE_MIN_PAIRS || out->pairs[ARM_COMPARISON] < TWO_WAVE_MIN_PAIRS)
		out->why_hidden = arena_printf(c->a,
			_("Each group needs at least %d people who answered both measurements before anything is shown: with fewer, their answers could be picked out, and the other group's figures beside the totals of the waves would give the smaller group away."),
			TWO_WAVE_MIN_PAIRS);
	if (out->why_hidden)
		return D_OK;
	out->shown = true;
	out->ndims = nd;
	out->dims = arena_alloc(c->a, (nd + 1) * sizeof(*out->dims));
	double *a1 = arena_alloc(c->a, (nm + 1) * sizeof(double)), *a2 = arena_alloc(c->a, (nm + 1) * sizeof(double));
	double *b1 = arena_alloc(c->a, (nm + 1) * sizeof(double)), *b2 = arena_alloc(c->a, (nm + 1) * sizeof(double));
	for (size_t k = 0; k < nd; k++) {
		size_t na = 0, nb = 0;
		for (size_t i = 0; i < nm; i++) {
			if (r1[i] < 0 || r2[i] < 0)
				continue;
			double p = s1.x[(size_t)r1[i] * nd + k], q = s2.x[(size_t)r2[i] * nd + k];
			if (m[i].arm == ARM_INTERVENTION) {
				a1[na] = p;
				a2[na++] = q;
			} else {
				b1[nb] = p;
				b2[nb++] = q;
			}
		}
		struct two_wave_dim *d = &out->dims[k];
		d->name = dims[k].name;
		two_wave_compute(a1, a2, na, b1, b2, nb, &d->t);
		d->shown = d->t.x.n >= TWO_WAVE_MIN_PAIRS && d->t.y.n >= TWO_WAVE_MIN_PAIRS;
		if (!d->shown)
			memset(&d->t, 0, sizeof(d->t));
	}
	return D_OK;
}
