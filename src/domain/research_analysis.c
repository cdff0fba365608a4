/* research_analysis.c — counts, quotes and co-occurrence of a research
 * project's codes (research_analysis.h). Computed from the passages in
 * memory: a project holds hundreds to a few thousand passages. */
#include "research_analysis.h"
#include "research_pseudonym.h"
#include "store_rc.h"
#include "validate.h"
#include "core/i18n.h"
#include "store/research.h"
#include "store/store.h"

#include <string.h>

static const char *const BREAKDOWNS[] = { "", "kind", "group", "batch", "period", "source", NULL };

void research_text_index(struct arena *a, const char *s, struct research_text *out)
{
	size_t bytes = strlen(s), n = 0;
	size_t *at = arena_alloc(a, (bytes + 1) * sizeof(*at));
	for (size_t i = 0; i < bytes; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			at[n++] = i;
	at[n] = bytes;
	*out = (struct research_text){ .s = s, .at = at, .n = n };
}

char *research_cut(struct arena *a, const struct research_text *t, long long start, long long end)
{
	size_t from = start < 0 ? 0 : (size_t)start > t->n ? t->n : (size_t)start;
	size_t to = end < (long long)from ? from : (size_t)end > t->n ? t->n : (size_t)end;
	return arena_strndup(a, t->s + t->at[from], t->at[to] - t->at[from]);
}

static bool space(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
}

void research_segments(struct arena *a, const char *text, struct research_segment **out, size_t *n)
{
	size_t cap = 0;
	*out = NULL;
	*n = 0;
	long long cp = 0, start = -1;
	const char *from = NULL;
	bool para = true;
	for (const char *p = text;; p++) {
		bool cont = ((unsigned char)*p & 0xC0) == 0x80;
		if (!cont && *p && !space(*p) && start < 0) {
			start = cp;
			from = p;
		}
		bool stop = !*p || *p == '\n' ||
			    (start >= 0 && (*p == '.' || *p == '?' || *p == '!') && (space(p[1]) || !p[1]));
		if (stop && start >= 0) {
			/* the segment ends after this mark, or before the line end */
			const char *to = (*p == '.' || *p == '?' || *p == '!') ? p + 1 : p;
			long long end = (*p == '.' || *p == '?' || *p == '!') ? cp + 1 : cp;
			while (to > from && space(to[-1])) {
				to--;
				end--;
			}
			if (*n == cap)
				*out = arena_grow(a, *out, *n, cap = cap ? cap * 2 : 32, sizeof(**out));
			(*out)[(*n)++] = (struct research_segment){ .start = start, .end = end, .paragraph_start = para,
								    .text = arena_strndup(a, from, (size_t)(to - from)) };
			para = false;
			start = -1;
		}
		if (*p == '\n')
			para = true;
		if (!*p)
			break;
		if (!cont)
			cp++;
	}
}

static long long code_index(const struct research_view *v, long long id)
{
	for (size_t i = 0; i < v->ncodes; i++)
		if (v->codes[i].id == id)
			return (long long)i;
	return -1;
}

static const struct research_source *source_of(const struct research_view *v, long long id)
{
	for (size_t i = 0; i < v->nsources; i++)
		if (v->sources[i].id == id)
			return &v->sources[i];
	return NULL;
}

static const char *column_of(struct ctx *c, const char *by, const struct research_source *s)
{
	if (!*by)
		return "";
	if (!strcmp(by, "kind"))
		return research_kind_label(s->kind);
	if (!strcmp(by, "group"))
		return *s->group_name ? s->group_name : *s->unit_name ? s->unit_name : _("(none)");
	if (!strcmp(by, "batch"))
		return *s->batch_name ? s->batch_name : _("(no batch)");
	if (!strcmp(by, "period"))
		return strlen(s->held_on) >= 4 ? arena_strndup(c->a, s->held_on, 4) : _("(no date)");
	return s->name;
}

/* cells[i * ncodes + j] of the passages sels (by source, then start):
 * research_counts' `together`. */
static long long *cooccurrence(struct arena *a, const struct research_view *v, const struct research_selection *sels,
			       size_t nsels)
{
	size_t n = v->ncodes;
	long long *cells = arena_alloc(a, (n * n + 1) * sizeof(*cells));
	memset(cells, 0, (n * n + 1) * sizeof(*cells));
	for (size_t i = 0; i < nsels; i++) {
		/* the passage with itself (codes on one passage), then with every
		 * later one of the same source that overlaps it (sels by source, start) */
		for (size_t j = i; j < nsels && sels[j].source_id == sels[i].source_id && sels[j].start < sels[i].end; j++) {
			for (size_t x0 = 0; x0 < sels[i].ncodings; x0++) {
				long long x = code_index(v, sels[i].codings[x0].code_id);
				for (size_t y0 = 0; y0 < sels[j].ncodings; y0++) {
					long long y = code_index(v, sels[j].codings[y0].code_id);
					if (x < 0 || y < 0 || (i == j && y0 < x0))
						continue;
					if (i == j && x0 == y0) {
						cells[x * (long long)n + x]++;
						continue;
					}
					if (x == y)   /* one code on two overlapping passages: not a pair of codes */
						continue;
					cells[x * (long long)n + y]++;
					cells[y * (long long)n + x]++;
				}
			}
		}
	}
	return cells;
}

int research_counts(struct ctx *c, long long project, const char *by, struct research_counts *out)
{
	memset(out, 0, sizeof(*out));
	by = by ? by : "";
	if (!value_one_of(by, BREAKDOWNS))
		return D_INVALID;
	int r = research_project_open(c, project, &out->v);
	if (r)
		return r;
	struct research_selection *sels;
	size_t nsels;
	if (store_research_selections(c->st, c->a, c->who->organisation_id, project, 0, &sels, &nsels))
		return D_ERROR;
	const struct research_view *v = &out->v;
	/* the columns, in the order of the sources (a period in order of time) */
	out->cols = arena_alloc(c->a, (v->nsources + 1) * sizeof(*out->cols));
	const char **col_of_source = arena_alloc(c->a, (v->nsources + 1) * sizeof(*col_of_source));
	for (size_t i = 0; i < v->nsources; i++) {
		const char *k = column_of(c, by, &v->sources[i]);
		col_of_source[i] = k;
		bool seen = false;
		for (size_t j = 0; j < out->ncols && !seen; j++)
			seen = !strcmp(out->cols[j], k);
		if (!seen)
			out->cols[out->ncols++] = k;
	}
	if (!strcmp(by, "period"))
		for (size_t i = 1; i < out->ncols; i++)
			for (size_t j = i; j > 0 && strcmp(out->cols[j - 1], out->cols[j]) > 0; j--) {
				const char *t = out->cols[j];
				out->cols[j] = out->cols[j - 1];
				out->cols[j - 1] = t;
			}
	size_t nc = out->ncols ? out->ncols : 1;
	out->cells = arena_alloc(c->a, (v->ncodes + 1) * nc * sizeof(*out->cells));
	memset(out->cells, 0, (v->ncodes + 1) * nc * sizeof(*out->cells));
	out->passages = arena_alloc(c->a, (v->ncodes + 1) * sizeof(long long));
	out->sources = arena_alloc(c->a, (v->ncodes + 1) * sizeof(long long));
	memset(out->passages, 0, (v->ncodes + 1) * sizeof(long long));
	memset(out->sources, 0, (v->ncodes + 1) * sizeof(long long));
	long long *last_source = arena_alloc(c->a, (v->ncodes + 1) * sizeof(long long));
	memset(last_source, 0, (v->ncodes + 1) * sizeof(long long));
	for (size_t i = 0; i < nsels; i++) {
		size_t si = 0;
		while (si < v->nsources && v->sources[si].id != sels[i].source_id)
			si++;
		if (si == v->nsources)
			continue;
		size_t col = 0;
		while (col < out->ncols && strcmp(out->cols[col], col_of_source[si]))
			col++;
		for (size_t k = 0; k < sels[i].ncodings; k++) {
			long long ci = code_index(v, sels[i].codings[k].code_id);
			if (ci < 0)
				continue;
			out->passages[ci]++;
			if (out->ncols)
				out->cells[ci * (long long)nc + (long long)col]++;
			if (last_source[ci] != sels[i].source_id) {   /* sels come by source */
				last_source[ci] = sels[i].source_id;
				out->sources[ci]++;
			}
		}
	}
	out->together = cooccurrence(c->a, v, sels, nsels);
	return D_OK;
}

int research_quotes(struct ctx *c, long long project, long long code, bool pseudonymise, struct research_view *v,
		    struct research_quote **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	int r = research_project_open(c, project, v);
	if (r)
		return r;
	if (!research_code_find(v, code))
		return D_NOTFOUND;
	long long org = c->who->organisation_id;
	struct research_selection *sels;
	size_t nsels;
	struct research_pseudo *ps = NULL;
	if (store_research_selections(c->st, c->a, org, project, 0, &sels, &nsels) ||
	    (pseudonymise && research_pseudo_make(c, project, &ps)))
		return D_ERROR;
	*out = arena_alloc(c->a, (nsels + 1) * sizeof(**out));
	struct research_source body = { 0 };
	struct research_text text = { 0 };
	for (size_t i = 0; i < nsels; i++) {
		bool has = false;
		for (size_t k = 0; k < sels[i].ncodings; k++)
			has |= sels[i].codings[k].code_id == code;
		if (!has)
			continue;
		if (body.id != sels[i].source_id) {
			if (store_research_source_get(c->st, c->a, org, project, sels[i].source_id, true, &body))
				return D_ERROR;
			research_text_index(c->a, body.body, &text);
		}
		struct research_quote *q = &(*out)[(*n)++];
		q->source = source_of(v, sels[i].source_id);
		q->start = sels[i].start;
		q->end = sels[i].end;
		q->text = research_cut(c->a, &text, sels[i].start, sels[i].end);
		q->memo = sels[i].memo;
		q->coder = "";
		for (size_t u = 0; u < v->ncoders; u++)
			if (v->coders[u].id == sels[i].coder_id)
				q->coder = v->coders[u].name;
		if (ps) {
			struct research_shift *sh;
			size_t nsh;
			q->text = research_pseudo_apply(c->a, ps, q->text, &sh, &nsh);
			q->memo = research_pseudo_apply(c->a, ps, q->memo, &sh, &nsh);
		}
	}
	return D_OK;
}

int research_agreement(struct ctx *c, long long project, long long coder_a, long long coder_b, const long long *sources,
		       size_t nsources, bool with_uncoded, struct errors *e, struct research_agreement *out)
{
	memset(out, 0, sizeof(*out));
	int r = research_project_open(c, project, &out->v);
	if (r)
		return r;
	const struct research_view *v = &out->v;
	bool a_found = false, b_found = false;
	for (size_t i = 0; i < v->ncoders; i++) {
		a_found |= v->coders[i].id == coder_a;
		b_found |= v->coders[i].id == coder_b;
	}
	if (!a_found || !b_found)
		errors_add(c, e, "coder_a", "%s", _("Choose two coders of the project."));
	else if (coder_a == coder_b)
		errors_add(c, e, "coder_b", "%s", _("Choose two different coders."));
	bool *chosen = arena_alloc(c->a, (v->nsources + 1) * sizeof(*chosen));
	size_t *chars = arena_alloc(c->a, (v->nsources + 1) * sizeof(*chars));
	for (size_t i = 0; i < v->nsources; i++) {
		chars[i] = (size_t)v->sources[i].chars;
		chosen[i] = !nsources;
		for (size_t k = 0; k < nsources; k++)
			chosen[i] |= sources[k] == v->sources[i].id;
		out->chosen += chosen[i];
	}
	for (size_t k = 0; k < nsources; k++) {
		bool known = false;
		for (size_t i = 0; i < v->nsources; i++)
			known |= sources[k] == v->sources[i].id;
		if (!known) {
			errors_add(c, e, "source", "%s", _("Choose sources of the project."));
			break;
		}
	}
	if (e->n)
		return D_INVALID;
	struct research_selection *sels;
	size_t nsels;
	if (store_research_selections(c->st, c->a, c->who->organisation_id, project, 0, &sels, &nsels))
		return D_ERROR;
	out->codes = arena_alloc(c->a, (v->ncodes + 1) * sizeof(*out->codes));
	for (size_t i = 0; i < v->ncodes; i++)
		if (v->codes[i].codable)
			out->codes[out->ncodes++] = &v->codes[i];
	size_t cap = 0, nspans = 0;
	struct agree_span *spans = NULL;
	for (size_t i = 0; i < nsels; i++) {
		const struct research_selection *x = &sels[i];
		if (x->coder_id != coder_a && x->coder_id != coder_b)
			continue;
		size_t si = 0;
		while (si < v->nsources && v->sources[si].id != x->source_id)
			si++;
		for (size_t k = 0; k < x->ncodings && si < v->nsources; k++) {
			size_t ci = 0;
			while (ci < out->ncodes && out->codes[ci]->id != x->codings[k].code_id)
				ci++;
			if (ci == out->ncodes)
				continue;
			if (nspans == cap)
				spans = arena_grow(c->a, spans, nspans, cap = cap ? cap * 2 : 64, sizeof(*spans));
			spans[nspans++] = (struct agree_span){ .source = si, .code = ci, .start = (size_t)x->start,
							       .end = (size_t)x->end, .coder = x->coder_id == coder_a ? 0 : 1 };
		}
	}
	out->results = arena_alloc(c->a, (out->ncodes + 1) * sizeof(*out->results));
	size_t bad;
	if (coding_agreement(c->a, chars, v->nsources, chosen, spans, nspans, out->ncodes, with_uncoded, out->results,
			     &out->units, &bad))
		return D_ERROR;   /* passages are kept within their source by the store: cannot happen */
	return D_OK;
}
