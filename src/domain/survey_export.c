/* survey_export.c — a wave's responses as a data table for the exports
 * (survey_export.h): the pseudonyms, the order of the rows, one column per
 * item (per option of a multiple choice), and the labels. */
#include "survey_export.h"
#include "core/i18n.h"
#include "store/response.h"
#include "store/instrument.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The key of a response in this export: an HMAC under the wave's key, with
 * a message unlike the links' (which are the bare invitation id), so no
 * key is ever a token or part of one. */
static void export_mac(const struct wave *w, const char *what, long long id, unsigned char out[32])
{
	char msg[64];
	int n = snprintf(msg, sizeof(msg), "leergang export %s %lld", what, id);
	crypto_auth_hmacsha256(out, (const unsigned char *)msg, (unsigned long long)n, w->link_key);
}

struct respondent_row {
	long long id;                /* the response's id: only to find its answers */
	const char *week;
	unsigned char key[32];
};

static int by_key(const void *a, const void *b)
{
	return memcmp(((const struct respondent_row *)a)->key, ((const struct respondent_row *)b)->key, 32);
}

struct id_index {
	long long id;
	size_t at;
};

static int by_id(const void *a, const void *b)
{
	long long x = ((const struct id_index *)a)->id, y = ((const struct id_index *)b)->id;
	return (x > y) - (x < y);
}

static const struct id_index *find(const struct id_index *ix, size_t n, long long id)
{
	struct id_index k = { id, 0 };
	return bsearch(&k, ix, n, sizeof(*ix), by_id);
}

static const char *kind_word(const char *kind)
{
	if (!strcmp(kind, "likert"))
		return _("Likert scale");
	if (!strcmp(kind, "bipolar"))
		return _("bipolar scale");
	if (!strcmp(kind, "single"))
		return _("single choice");
	if (!strcmp(kind, "multiple"))
		return _("multiple choice, a column per option");
	if (!strcmp(kind, "open"))
		return _("open answer");
	return kind;
}

static bool is_number_kind(const char *kind)
{
	return !strcmp(kind, "likert") || !strcmp(kind, "bipolar") || !strcmp(kind, "single");
}

/* The labelled points or options of an item; a bipolar item's poles name
 * its ends when their points have no label of their own. */
static void item_labels(struct arena *a, const struct instrument_item *it, struct table_column *col)
{
	struct table_label *l = arena_alloc(a, (it->noptions + 1) * sizeof(*l));
	size_t n = 0;
	for (size_t k = 0; k < it->noptions; k++) {
		const char *label = it->options[k].label ? it->options[k].label : "";
		if (!*label && !strcmp(it->kind, "bipolar"))
			label = k == 0 ? it->left_label : k + 1 == it->noptions ? it->right_label : "";
		if (label && *label)
			l[n++] = (struct table_label){ (double)it->options[k].value, label };
	}
	col->labels = l;
	col->nlabels = n;
}

/* Columns of the items, and for each item the index of its first column. */
static size_t item_columns(struct arena *a, const struct instrument_version *v, struct table_column *cols,
			   size_t first, size_t *start)
{
	struct table_label *yesno = arena_alloc(a, 2 * sizeof(*yesno));
	yesno[0] = (struct table_label){ 0, _("not chosen") };
	yesno[1] = (struct table_label){ 1, _("chosen") };
	size_t c = first;
	for (size_t i = 0; i < v->nitems; i++) {
		const struct instrument_item *it = &v->items[i];
		start[i] = c;
		if (!strcmp(it->kind, "multiple")) {
			for (size_t k = 0; k < it->noptions; k++) {
				const struct item_option *o = &it->options[k];
				struct table_column *col = &cols[c++];
				col->name = arena_printf(a, "%s_%d", it->code, o->value);
				col->label = o->label && *o->label ? arena_printf(a, "%s — %s", it->text, o->label)
								   : arena_printf(a, "%s — %d", it->text, o->value);
				col->kind = kind_word(it->kind);
				col->type = TABLE_NUMBER;
				col->measure = TABLE_NOMINAL;
				col->labels = yesno;
				col->nlabels = 2;
			}
			continue;
		}
		struct table_column *col = &cols[c++];
		col->name = it->code;
		col->label = it->text;
		col->kind = kind_word(it->kind);
		if (is_number_kind(it->kind)) {
			col->type = TABLE_NUMBER;
			col->measure = strcmp(it->kind, "single") ? TABLE_ORDINAL : TABLE_NOMINAL;
			item_labels(a, it, col);
		} else {
			col->type = TABLE_TEXT;
			col->measure = TABLE_NOMINAL;
		}
	}
	return c;
}

/* One answer into the cells of its row. */
static void put_answer(const struct instrument_item *it, const struct answer_row *x, struct table_cell *cells)
{
	if (!strcmp(it->kind, "multiple")) {
		if (!x->text || !*x->text)
			return;
		for (size_t k = 0; k < it->noptions; k++)
			cells[k] = (struct table_cell){ false, 0, NULL };
		for (const char *p = x->text; *p;) {
			char *end;
			long long val = strtoll(p, &end, 10);
			if (end == p)
				break;
			for (size_t k = 0; k < it->noptions; k++)
				if (it->options[k].value == val)
					cells[k].number = 1;
			p = end + strspn(end, ",");
		}
	} else if (is_number_kind(it->kind)) {
		if (x->has_value)
			cells[0] = (struct table_cell){ false, (double)x->value, NULL };
	} else if (x->text && *x->text) {
		cells[0] = (struct table_cell){ false, 0, x->text };
	}
}

int wave_export(struct ctx *c, const struct wave *w, const struct instrument_version *v, struct wave_export *out)
{
	memset(out, 0, sizeof(*out));
	long long org = c->who->organisation_id;
	struct response_row *resp;
	struct answer_row *rows;
	size_t nresp, nrows;
	if (store_responses(c->st, c->a, org, w->id, &resp, &nresp) ||
	    store_answers(c->st, c->a, org, w->id, &rows, &nrows))
		return D_ERROR;
	/* as wave_results() counts: the responses that hold an answer */
	long long last = 0;
	for (size_t i = 0; i < nrows; i++)
		if (!i || rows[i].response_id != last) {
			out->responses++;
			last = rows[i].response_id;
		}
	if ((out->why_hidden = wave_hidden_reason(c, w, out->responses)))
		return D_OK;
	out->shown = true;

	/* the rows, in the order of their keys */
	struct respondent_row *rr = arena_alloc(c->a, (nresp + 1) * sizeof(*rr));
	for (size_t i = 0; i < nresp; i++) {
		rr[i].id = resp[i].id;
		rr[i].week = resp[i].week;
		if (w->anonymous)
			export_mac(w, "order", resp[i].id, rr[i].key);
		else if (resp[i].invitation_id)
			export_mac(w, "respondent", resp[i].invitation_id, rr[i].key);
		else  /* the invitation is gone: a pseudonym of the response */
			export_mac(w, "response", resp[i].id, rr[i].key);
	}
	qsort(rr, nresp, sizeof(*rr), by_key);
	struct id_index *by_response = arena_alloc(c->a, (nresp + 1) * sizeof(*by_response));
	for (size_t i = 0; i < nresp; i++)
		by_response[i] = (struct id_index){ rr[i].id, i };
	qsort(by_response, nresp, sizeof(*by_response), by_id);

	/* the columns: no week in an anonymous wave, which keeps none */
	size_t first = w->anonymous ? 1 : 2;
	size_t ncols = first;
	for (size_t i = 0; i < v->nitems; i++)
		ncols += !strcmp(v->items[i].kind, "multiple") ? v->items[i].noptions : 1;
	struct table_column *cols = arena_alloc(c->a, ncols * sizeof(*cols));
	cols[0] = (struct table_column){ "respondent",
		w->anonymous ? _("Respondent: a number in this export only")
			     : _("Respondent: a pseudonym, the same in every export of this wave"),
		w->anonymous ? _("sequence number") : _("pseudonym"), w->anonymous ? TABLE_NUMBER : TABLE_TEXT,
		TABLE_NOMINAL, NULL, 0, true };
	if (!w->anonymous)
		cols[1] = (struct table_column){ "week", _("Week of handing in (its Monday)"), _("week"), TABLE_TEXT,
			TABLE_NOMINAL, NULL, 0, false };
	size_t *start = arena_alloc(c->a, (v->nitems + 1) * sizeof(*start));
	item_columns(c->a, v, cols, first, start);
	struct id_index *by_item = arena_alloc(c->a, (v->nitems + 1) * sizeof(*by_item));
	for (size_t i = 0; i < v->nitems; i++)
		by_item[i] = (struct id_index){ v->items[i].id, i };
	qsort(by_item, v->nitems, sizeof(*by_item), by_id);

	/* the cells: missing until an answer says otherwise */
	struct table_cell *cells = arena_alloc(c->a, (nresp * ncols + 1) * sizeof(*cells));
	for (size_t i = 0; i < nresp * ncols; i++)
		cells[i].missing = true;
	for (size_t r = 0; r < nresp; r++) {
		struct table_cell *row = &cells[r * ncols];
		if (w->anonymous)
			row[0] = (struct table_cell){ false, (double)(r + 1), NULL };
		else
			row[0] = (struct table_cell){ false, 0, arena_printf(c->a, "R%02x%02x%02x%02x%02x%02x", rr[r].key[0],
						rr[r].key[1], rr[r].key[2], rr[r].key[3], rr[r].key[4], rr[r].key[5]) };
		if (!w->anonymous)
			row[1] = (struct table_cell){ false, 0, rr[r].week };
	}
	for (size_t i = 0; i < nrows; i++) {
		const struct id_index *r = find(by_response, nresp, rows[i].response_id);
		const struct id_index *it = find(by_item, v->nitems, rows[i].item_id);
		if (r && it)
			put_answer(&v->items[it->at], &rows[i], &cells[r->at * ncols + start[it->at]]);
	}

	const char **notes = arena_alloc(c->a, 4 * sizeof(*notes));
	notes[0] = w->anonymous
		? _("Anonymous wave: the respondents are numbered in this export only, in an order that says nothing about who answered or when; the next export may number them differently.")
		: _("The respondent is a pseudonym made with a key that stays in leergang: the same in every export of this wave, and without that key not traceable to a person or a link.");
	notes[1] = w->anonymous
		? arena_printf(c->a, _("week: the Monday of the week the response was handed in; empty for a week with fewer than %d responses."),
			       SURVEY_MIN_RESPONSES)
		: _("week: the Monday of the week the response was handed in.");
	notes[2] = _("An empty cell means no answer; in the SPSS file that is a missing value declared per variable: -9, or -99 when -9 is a value of the scale.");
	struct data_table *t = &out->table;
	t->title = w->name;
	t->columns = cols;
	t->ncolumns = ncols;
	t->cells = cells;
	t->nrows = nresp;
	t->notes = notes;
	t->nnotes = 3;
	/* a "weet niet" is missing here as in every statistic */
	bool dont_know = false;
	for (size_t i = 0; i < v->nitems; i++)
		dont_know |= v->items[i].allows_dont_know != 0;
	if (dont_know)
		notes[t->nnotes++] = _("\"Don't know / n/a\" is an empty cell as well: it is not a point of the scale. The results page counts it per question.");
	t->missing_label = _("no answer");
	t->data_sheet = _("Data");
	t->labels_sheet = _("Labels");
	t->labels_head[0] = _("Variable");
	t->labels_head[1] = _("Question");
	t->labels_head[2] = _("Kind");
	t->labels_head[3] = _("Value labels");
	return D_OK;
}

const char *wave_export_filename(struct arena *a, const struct wave *w, const char *ext)
{
	struct buf b = BUF_INIT;
	for (const char *p = w->name ? w->name : ""; *p && b.len < 60; p++) {
		char ch = *p;
		if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9'))
			buf_addch(&b, ch);
		else if (ch >= 'A' && ch <= 'Z')
			buf_addch(&b, (char)(ch - 'A' + 'a'));
		else if (b.len && b.ptr[b.len - 1] != '-')
			buf_addch(&b, '-');
	}
	while (b.len && b.ptr[b.len - 1] == '-')
		buf_setlen(&b, b.len - 1);
	if (!b.len)
		buf_addf(&b, "wave-%lld", w->id);
	buf_adds(&b, ext);
	char *s = arena_strdup(a, b.ptr);
	buf_release(&b);
	return s;
}
