/* research_json.c — research projects as JSON (research_json.h). */
#include "research_json.h"

#include <math.h>

static json_t *num(double v)
{
	return isnan(v) ? json_null() : json_real(v);
}

json_t *research_project_json(const struct research_project *p)
{
	return json_pack("{s:I, s:s, s:s, s:I, s:I, s:I}", "id", (json_int_t)p->id, "name", p->name, "purpose", p->purpose,
			 "sources", (json_int_t)p->sources, "codes", (json_int_t)p->codes, "passages",
			 (json_int_t)p->selections);
}

json_t *research_view_json(const struct research_view *v)
{
	json_t *j = research_project_json(&v->p), *coders = json_array(), *sources = json_array(), *codes = json_array();
	for (size_t i = 0; i < v->ncoders; i++)
		json_array_append_new(coders, json_pack("{s:I, s:s, s:b}", "id", (json_int_t)v->coders[i].id, "name",
							v->coders[i].name, "member", v->coders[i].account_id != 0));
	for (size_t i = 0; i < v->nsources; i++) {
		const struct research_source *s = &v->sources[i];
		json_array_append_new(sources, json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:I, s:I}", "id",
							 (json_int_t)s->id, "kind", s->kind, "name", s->name, "held_on",
							 s->held_on, "place", s->place, "team", s->unit_name, "group",
							 s->group_name, "batch", s->batch_name, "chars", (json_int_t)s->chars,
							 "passages", (json_int_t)s->selections));
	}
	for (size_t i = 0; i < v->ncodes; i++) {
		const struct research_code *c = &v->codes[i];
		json_array_append_new(codes, json_pack("{s:I, s:o, s:s, s:s, s:s, s:b, s:i}", "id", (json_int_t)c->id,
						       "parent_id", c->parent_id ? json_integer(c->parent_id) : json_null(),
						       "name", c->name, "color", c->color, "description", c->description,
						       "codable", c->codable, "depth", c->depth));
	}
	/* the memos and the replaced words, with the ids that remove them */
	json_t *memos = json_array(), *terms = json_array();
	for (size_t i = 0; i < v->nmemos; i++) {
		const struct research_memo *m = &v->memos[i];
		json_array_append_new(memos, json_pack("{s:I, s:s, s:I, s:s}", "id", (json_int_t)m->id, "target", m->target,
						       "target_id", (json_int_t)m->target_id, "text", m->text));
	}
	for (size_t i = 0; i < v->nterms; i++)
		json_array_append_new(terms, json_pack("{s:I, s:s, s:s}", "id", (json_int_t)v->terms[i].id, "term",
						       v->terms[i].term, "replacement", v->terms[i].replacement));
	json_object_set_new(j, "coders", coders);
	json_object_set_new(j, "sources", sources);
	json_object_set_new(j, "code_book", codes);
	json_object_set_new(j, "memos", memos);
	json_object_set_new(j, "replaced", terms);
	return j;
}

json_t *research_counts_json(const struct research_counts *t, const char *by)
{
	json_t *cols = json_array(), *codes = json_array();
	for (size_t j = 0; *by && j < t->ncols; j++)
		json_array_append_new(cols, json_string(t->cols[j]));
	for (size_t i = 0; i < t->v.ncodes; i++) {
		json_t *cells = json_array();
		for (size_t j = 0; *by && j < t->ncols; j++)
			json_array_append_new(cells, json_integer(t->cells[i * t->ncols + j]));
		json_array_append_new(codes, json_pack("{s:I, s:s, s:I, s:I, s:o}", "id", (json_int_t)t->v.codes[i].id, "name",
						       t->v.codes[i].name, "passages", (json_int_t)t->passages[i], "sources",
						       (json_int_t)t->sources[i], "cells", cells));
	}
	return json_pack("{s:s, s:o, s:o}", "by", by, "columns", cols, "codes", codes);
}

json_t *research_agreement_json(const struct research_agreement *r)
{
	json_t *codes = json_array();
	for (size_t i = 0; i < r->ncodes; i++) {
		const struct agree_code_result *x = &r->results[i];
		json_t *c = json_pack("{s:I, s:s, s:I, s:I, s:I, s:I, s:o, s:o, s:o, s:o, s:o, s:o}", "id",
				      (json_int_t)r->codes[i]->id, "name", r->codes[i]->name, "a_only", (json_int_t)x->a_only,
				      "b_only", (json_int_t)x->b_only, "both", (json_int_t)x->both, "neither",
				      (json_int_t)x->neither, "agreement", num(x->agreement), "kappa", num(x->kappa.kappa),
				      "se", num(x->kappa.se), "lower", num(x->kappa.lower), "upper", num(x->kappa.upper),
				      "alpha", num(x->alpha.alpha));
		json_object_set_new(c, "note", x->note ? json_string(x->note) : json_null());
		json_array_append_new(codes, c);
	}
	return json_pack("{s:I, s:I, s:o}", "units", (json_int_t)r->units, "sources", (json_int_t)r->chosen, "codes", codes);
}
