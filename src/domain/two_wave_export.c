/* two_wave_export.c — a two-wave study's data for the researcher: a row
 * per person under the pseudonym that holds across both measurements
 * (never the name), their group and their score per scale in each
 * measurement. Offered only when the analysis is shown (both waves closed,
 * each group at least TWO_WAVE_MIN_PAIRS pairs), as the wave exports are
 * offered only when the wave's results are. The pairs only: who answered
 * one measurement is not listed (see two_wave_respondents). */
#include "two_wave.h"
#include "survey_compare.h"
#include "core/i18n.h"
#include "formats/table.h"
#include "store/store.h"
#include "store/two_wave.h"

#include <math.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

struct member_row {
	char pseudonym[PSEUDONYM_LEN + 1];
	long long person;
	enum study_arm arm;
};

static int by_pseudonym(const void *a, const void *b)
{
	return strcmp(((const struct member_row *)a)->pseudonym, ((const struct member_row *)b)->pseudonym);
}

static long long row_of(const struct scores *s, long long person)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->person_id[i] == person)
			return (long long)i;
	return -1;
}

int two_wave_table(struct ctx *c, const struct study *s, struct data_table *out, const char **why_hidden)
{
	memset(out, 0, sizeof(*out));
	struct two_wave_analysis an;
	int d = two_wave_analyse(c, s, &an);
	if (d)
		return d;
	if (!an.shown) {
		*why_hidden = an.why_hidden;
		return D_OK;
	}
	*why_hidden = NULL;
	long long org = c->who->organisation_id;
	struct wave w1, w2;
	struct instrument_version v1, v2;
	struct study_member *m;
	size_t nm;
	unsigned char key[PSEUDONYM_KEY_LEN];
	if (wave_open(c, s->wave1_id, &w1, &v1) || wave_open(c, s->wave2_id, &w2, &v2) ||
	    store_study_members(c->st, c->a, org, s->id, &m, &nm) || pseudonym_key(c, key))
		return D_ERROR;
	struct dimension *dims;
	size_t nd = survey_dimensions(c->a, &v1, &dims);
	struct scores s1, s2;
	if (wave_scores(c, &w1, &v1, dims, nd, &s1) || wave_scores(c, &w2, &v2, dims, nd, &s2))
		return D_ERROR;
	/* the pairs only (two_wave.h: a pseudonym beside its gaps would lead
	 * back to the name on the reminder list) */
	struct member_row *rows = arena_alloc(c->a, (nm + 1) * sizeof(*rows));
	size_t np = 0;
	for (size_t i = 0; i < nm; i++) {
		if (row_of(&s1, m[i].person_id) < 0 || row_of(&s2, m[i].person_id) < 0)
			continue;
		pseudonym_make(key, org, m[i].person_id, rows[np].pseudonym);
		rows[np].person = m[i].person_id;
		rows[np++].arm = m[i].arm;
	}
	sodium_memzero(key, sizeof(key));
	nm = np;
	qsort(rows, nm, sizeof(*rows), by_pseudonym);
	size_t ncol = 2 + 2 * nd;
	struct table_column *col = arena_alloc(c->a, (ncol + 1) * sizeof(*col));
	col[0] = (struct table_column){ "pseudoniem", _("Pseudonym, the same in both measurements"), "", TABLE_TEXT,
					TABLE_NOMINAL, NULL, 0, true };
	col[1] = (struct table_column){ "groep", _("Group"), "", TABLE_TEXT, TABLE_NOMINAL, NULL, 0, true };
	for (size_t k = 0; k < nd; k++)
		for (int wv = 0; wv < 2; wv++)
			col[2 + 2 * k + (size_t)wv] = (struct table_column){
				arena_printf(c->a, "s%zu_m%d", k + 1, wv + 1),
				arena_printf(c->a, _("%s, measurement %d (mean of the answered items)"), dims[k].name, wv + 1),
				_("scale score"), TABLE_NUMBER, TABLE_SCALE, NULL, 0, false };
	struct table_cell *cells = arena_alloc(c->a, (nm * ncol + 1) * sizeof(*cells));
	for (size_t i = 0; i < nm; i++) {
		struct table_cell *r = &cells[i * ncol];
		r[0] = (struct table_cell){ .text = rows[i].pseudonym };
		r[1] = (struct table_cell){ .text = rows[i].arm == ARM_INTERVENTION ? "interventie" : "vergelijking" };
		long long a = row_of(&s1, rows[i].person), b = row_of(&s2, rows[i].person);
		for (size_t k = 0; k < nd; k++) {
			double x = a < 0 ? NAN : s1.x[(size_t)a * nd + k], y = b < 0 ? NAN : s2.x[(size_t)b * nd + k];
			r[2 + 2 * k] = isnan(x) ? (struct table_cell){ .missing = true } : (struct table_cell){ .number = x };
			r[3 + 2 * k] = isnan(y) ? (struct table_cell){ .missing = true } : (struct table_cell){ .number = y };
		}
	}
	out->title = s->name;
	out->columns = col;
	out->ncolumns = ncol;
	out->cells = cells;
	out->nrows = nm;
	return D_OK;
}
