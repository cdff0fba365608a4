/* two_wave_json.c — a two-wave study and its analysis as JSON, for the
 * API (GET /api/v1/studies/{id}/analysis) and the command line (`study
 * analysis`, `stats twowave`): the same keys everywhere. */
#include "two_wave.h"

#include <math.h>

/* v to the page's two decimals, or every digit; null when undefined */
static json_t *num(double v, bool full)
{
	if (!isfinite(v))
		return json_null();
	return json_real(full ? v : round(v * 100) / 100);
}

static void note(json_t *o, const char *why)
{
	if (why)
		json_object_set_new(o, "note", json_string(why));
}

json_t *two_wave_change_json(const struct stats_change *r, bool full)
{
	json_t *o = json_object();
	json_object_set_new(o, "n", json_integer((json_int_t)r->n));
	json_object_set_new(o, "mean_change", num(r->mean, full));
	json_object_set_new(o, "sd_change", num(r->sd, full));
	json_object_set_new(o, "t", num(r->t, true));
	json_object_set_new(o, "df", num(r->df, true));
	json_object_set_new(o, "p", num(r->p, true));
	json_object_set_new(o, "ci_lower", num(r->lo, full));
	json_object_set_new(o, "ci_upper", num(r->hi, full));
	json_object_set_new(o, "dz", num(r->dz, true));
	note(o, r->note);
	return o;
}

json_t *two_wave_diff_json(const struct stats_change_diff *r, bool full)
{
	json_t *o = json_object();
	json_object_set_new(o, "n_intervention", json_integer((json_int_t)r->nx));
	json_object_set_new(o, "n_comparison", json_integer((json_int_t)r->ny));
	json_object_set_new(o, "difference", num(r->diff, full));
	json_object_set_new(o, "t", num(r->t, true));
	json_object_set_new(o, "df", num(r->df, true));
	json_object_set_new(o, "p", num(r->p, true));
	json_object_set_new(o, "ci_lower", num(r->lo, full));
	json_object_set_new(o, "ci_upper", num(r->hi, full));
	json_object_set_new(o, "hedges_g", num(r->g, true));
	note(o, r->note);
	return o;
}

json_t *two_wave_analysis_json(const struct study *s, const struct two_wave_analysis *a)
{
	json_t *o = json_object();
	json_object_set_new(o, "study", json_pack("{s:I, s:s, s:s, s:{s:I, s:s, s:s}, s:{s:I, s:s, s:s}, s:b, s:s}",
						  "id", (json_int_t)s->id, "name", s->name, "instrument",
						  s->instrument_name, "wave1", "id", (json_int_t)s->wave1_id, "opens_on",
						  s->wave1_opens, "closes_on", s->wave1_closes, "wave2", "id",
						  (json_int_t)s->wave2_id, "opens_on", s->wave2_opens, "closes_on",
						  s->wave2_closes, "interval_override", s->interval_override,
						  "override_reason", s->override_reason));
	json_object_set_new(o, "groups", json_pack("{s:{s:I, s:I}, s:{s:I, s:I}}", "intervention", "people",
						   (json_int_t)a->members[ARM_INTERVENTION], "pairs",
						   (json_int_t)a->pairs[ARM_INTERVENTION], "comparison", "people",
						   (json_int_t)a->members[ARM_COMPARISON], "pairs",
						   (json_int_t)a->pairs[ARM_COMPARISON]));
	json_object_set_new(o, "min_pairs", json_integer(TWO_WAVE_MIN_PAIRS));
	json_object_set_new(o, "shown", json_boolean(a->shown));
	if (!a->shown) {
		json_object_set_new(o, "why_hidden", json_string(a->why_hidden ? a->why_hidden : ""));
		return o;
	}
	json_t *dims = json_array();
	for (size_t k = 0; k < a->ndims; k++) {
		const struct two_wave_dim *d = &a->dims[k];
		json_t *x = json_pack("{s:s, s:b}", "name", d->name, "shown", d->shown);
		if (d->shown) {
			json_object_set_new(x, "intervention", two_wave_change_json(&d->t.x, false));
			json_object_set_new(x, "comparison", two_wave_change_json(&d->t.y, false));
			json_object_set_new(x, "difference", two_wave_diff_json(&d->t.d, false));
		}
		json_array_append_new(dims, x);
	}
	json_object_set_new(o, "dimensions", dims);
	return o;
}
