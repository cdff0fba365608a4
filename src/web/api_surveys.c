/* api_surveys.c — waves through the API, for the coach and the
 * researcher: the list, and one wave with its response accounting, the
 * results per item and per group under the same rules as the page (from 5
 * responses, an anonymous wave once closed, small groups hidden with what
 * would give them away). */
#include "web.h"
#include "domain/survey.h"

#include <math.h>
#include <string.h>

static json_t *number(double v)
{
	return isnan(v) ? json_null() : json_real(v);
}

void api_waves(struct web *w)
{
	struct wave *wv;
	size_t n;
	if (store_wave_list(w->st, w->a, w->who.organisation_id, &wv, &n)) {
		web_json_error(w, 500, _("The questionnaires could not be read. Try again later."));
		return;
	}
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, json_pack("{s:I, s:s, s:s, s:i, s:s, s:s, s:b, s:I, s:I}", "id", (json_int_t)wv[i].id,
						   "name", wv[i].name, "instrument", wv[i].instrument_name, "version",
						   wv[i].version, "opens_on", wv[i].opens_on, "closes_on", wv[i].closes_on,
						   "anonymous", wv[i].anonymous, "asked", (json_int_t)wv[i].invited, "responded",
						   (json_int_t)wv[i].responded));
	web_json(w, 200, json_pack("{s:o}", "waves", a));
}

void api_wave(struct web *w)
{
	long long org = w->who.organisation_id;
	struct wave wv;
	struct instrument_version v;
	int r = store_wave_get(w->st, w->a, org, w->id[0], &wv);
	if (r == ST_NOTFOUND) {
		api_answer(w, D_NOTFOUND, NULL, 0);
		return;
	}
	struct accounting acc;
	struct wave_results res;
	struct wave_breakdown b;
	if (r || store_version_get(w->st, w->a, org, wv.version_id, &v) || wave_accounting(&w->ctx, &wv, &acc) ||
	    wave_results(&w->ctx, &wv, &v, &res) || wave_breakdown(&w->ctx, &wv, &v, &b)) {
		web_json_error(w, 500, _("The questionnaires could not be read. Try again later."));
		return;
	}
	json_t *accounting = json_pack("{s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:o}", "registered", (json_int_t)acc.registered,
				       "stopped", (json_int_t)acc.stopped, "completed", (json_int_t)acc.completed, "active",
				       (json_int_t)acc.active, "asked", (json_int_t)acc.invited, "responded",
				       (json_int_t)acc.responded, "not_responded", (json_int_t)acc.not_responded,
				       "response_rate", acc.rate < 0 ? json_null() : json_real(acc.rate));
	json_t *j = json_pack("{s:I, s:s, s:s, s:i, s:s, s:s, s:b, s:o, s:I}", "id", (json_int_t)wv.id, "name", wv.name,
			      "instrument", wv.instrument_name, "version", wv.version, "opens_on", wv.opens_on, "closes_on",
			      wv.closes_on, "anonymous", wv.anonymous, "accounting", accounting, "responses",
			      (json_int_t)res.responses);
	if (!res.shown) {
		json_object_set_new(j, "results", json_null());
		json_object_set_new(j, "results_hidden", json_string(res.why_hidden));
		web_json(w, 200, j);
		return;
	}
	json_t *items = json_array();
	for (size_t i = 0; i < res.nitems; i++) {
		const struct item_result *ir = &res.items[i];
		json_t *ji = json_pack("{s:s, s:s, s:s, s:I}", "code", ir->item->code, "text", ir->item->text, "kind",
				       ir->item->kind, "n", (json_int_t)ir->n);
		if (!strcmp(ir->item->kind, "open")) {
			json_t *t = json_array();
			for (size_t k = 0; k < ir->ntexts; k++)
				json_array_append_new(t, json_string(ir->texts[k]));
			json_object_set_new(ji, "answers", t);
		} else {
			json_object_set_new(ji, "mean", number(ir->mean));
			json_object_set_new(ji, "sd", number(ir->sd));
			json_t *counts = json_array();
			for (size_t k = 0; k < ir->item->noptions; k++)
				json_array_append_new(counts, json_pack("{s:i, s:I}", "value", ir->item->options[k].value, "n",
									(json_int_t)ir->counts[k]));
			json_object_set_new(ji, "counts", counts);
		}
		json_array_append_new(items, ji);
	}
	json_object_set_new(j, "results", items);
	json_t *groups = json_array();
	for (size_t k = 0; b.shown && k < b.nrows; k++) {
		const struct breakdown_row *g = &b.rows[k];
		json_t *jg = json_pack("{s:s, s:b}", "group", g->name, "shown", g->shown);
		if (g->shown) {
			json_object_set_new(jg, "n", json_integer(g->n));
			json_t *means = json_object();
			for (size_t i = 0; i < v.nitems; i++)
				if (!strcmp(v.items[i].kind, "likert") || !strcmp(v.items[i].kind, "bipolar"))
					json_object_set_new(means, v.items[i].code, number(g->means[i]));
			json_object_set_new(jg, "means", means);
		}
		json_array_append_new(groups, jg);
	}
	json_object_set_new(j, "groups", groups);
	web_json(w, 200, j);
}
