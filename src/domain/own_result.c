/* own_result.c — a respondent's own scale scores after handing in, for
 * the questionnaires that offer them (own_result.h). */
#include "own_result.h"
#include "audit.h"
#include "store/own_result.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool own_result_on(struct store *st, long long org, long long instrument_id)
{
	bool on = false;
	return store_own_result_get(st, org, instrument_id, &on) == ST_OK && on;
}

int own_result_set(struct ctx *c, long long instrument_id, bool on)
{
	int r = store_own_result_set(c->st, c->who->organisation_id, instrument_id, on);
	if (r == ST_NOTFOUND)
		return D_NOTFOUND;
	if (r)
		return D_ERROR;
	audit(c, on ? "instrument.own_result.on" : "instrument.own_result.off", "instrument", instrument_id, "%s", "");
	return D_OK;
}

bool own_result_offered(struct store *st, const struct respondent *r)
{
	return !r->w.anonymous && !r->w.subject_id && own_result_on(st, r->org, r->w.instrument_id);
}

static bool scored(const struct instrument_item *it)
{
	return (!strcmp(it->kind, "likert") || !strcmp(it->kind, "bipolar")) && it->scale && *it->scale && it->noptions;
}

size_t own_result_scores(struct arena *a, const struct instrument_version *v, const struct respond_field *f, size_t n,
			 struct own_score **out)
{
	*out = arena_alloc(a, (v->nitems + 1) * sizeof(**out));
	size_t ns = 0;
	double *sum = arena_alloc(a, (v->nitems + 1) * sizeof(*sum));
	for (size_t i = 0; i < v->nitems; i++) {
		const struct instrument_item *it = &v->items[i];
		if (!scored(it))
			continue;
		size_t s = 0;
		while (s < ns && strcmp((*out)[s].scale, it->scale))
			s++;
		int min = it->options[0].value, max = it->options[0].value;
		for (size_t k = 1; k < it->noptions; k++) {
			min = it->options[k].value < min ? it->options[k].value : min;
			max = it->options[k].value > max ? it->options[k].value : max;
		}
		if (s == ns) {
			(*out)[ns++] = (struct own_score){ it->scale, 0, 0, NAN, min, max };
			sum[s] = 0;
		}
		(*out)[s].items++;
		char key[32];
		snprintf(key, sizeof(key), "i%lld", it->id);
		for (size_t k = 0; k < n; k++) {
			if (!f[k].key || strcmp(f[k].key, key))
				continue;
			char *end;
			long x = strtol(f[k].value ? f[k].value : "", &end, 10);
			if (!f[k].value || end == f[k].value || *end || x < min || x > max)
				break;  /* "weet niet", empty or not a point: not answered */
			sum[s] += it->reversed ? (double)(min + max) - (double)x : (double)x;
			(*out)[s].answered++;
			break;
		}
	}
	for (size_t s = 0; s < ns; s++)
		if ((*out)[s].answered)
			(*out)[s].score = sum[s] / (double)(*out)[s].answered;
	return ns;
}
