/* sortable.c — tables that sort where people would sort (a list of groups,
 * of waves): the headings are links (?sort=KEY&dir=asc|desc) that work
 * without JavaScript, the sorted heading carries aria-sort, and the rows
 * are put in order here (when a heading was chosen), stably, by a text per row and column (ISO dates
 * and zero-padded numbers sort as they read). Lists that come a page at a
 * time are ordered by the store instead. */
#include "web.h"
#include "html/html.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct sort_choice sort_choice(struct web *w, const struct sort_column *cols, size_t n)
{
	assert(n > 0);
	struct sort_choice c = { 0, false, false };
	const char *key = web_arg(w, "sort"), *dir = web_arg(w, "dir");
	for (size_t i = 0; key && i < n; i++)
		if (!strcmp(key, cols[i].key)) {
			c.col = i;
			c.asked = true;
		}
	c.desc = dir && !strcmp(dir, "desc");
	return c;
}

void sort_head(struct web *w, const char *path, const struct sort_column *cols, size_t n, struct sort_choice c)
{
	html(w->out, "<thead><tr>");
	for (size_t i = 0; i < n; i++) {
		bool on = c.asked && i == c.col;
		bool next_desc = on && !c.desc;  /* a second click turns the order round */
		if (!on)
			html(w->out, "<th scope=\"col\">");
		else if (c.desc)
			html(w->out, "<th scope=\"col\" aria-sort=\"descending\">");
		else
			html(w->out, "<th scope=\"col\" aria-sort=\"ascending\">");
		html(w->out, "<a href=\"%s?sort=%s&amp;dir=%s\">%s</a>%s</th>", path, cols[i].key, next_desc ? "desc" : "asc",
		     cols[i].label, on ? (c.desc ? " ↓" : " ↑") : "");
	}
	html(w->out, "</tr></thead>");
}

struct sort_ctx {
	const char *const *keys;  /* one per row */
	bool desc;
};

static int by_key(const void *a, const void *b, void *arg)
{
	const struct sort_ctx *s = arg;
	size_t i = *(const size_t *)a, j = *(const size_t *)b;
	int d = strcasecmp(s->keys[i], s->keys[j]);
	if (s->desc)
		d = -d;
	return d ? d : (i > j) - (i < j);  /* stable: equal rows keep their order */
}

void sort_rows(struct web *w, void *rows, size_t nrows, size_t size,
	       const char *(*key)(struct web *w, const void *row, size_t col), struct sort_choice c)
{
	if (!c.asked || nrows < 2)
		return;
	const char **keys = arena_alloc(w->a, nrows * sizeof(*keys));
	size_t *order = arena_alloc(w->a, nrows * sizeof(*order));
	for (size_t i = 0; i < nrows; i++) {
		keys[i] = key(w, (const char *)rows + i * size, c.col);
		order[i] = i;
	}
	struct sort_ctx s = { keys, c.desc };
	qsort_r(order, nrows, sizeof(*order), by_key, &s);
	char *copy = arena_alloc(w->a, nrows * size);
	memcpy(copy, rows, nrows * size);
	for (size_t i = 0; i < nrows; i++)
		memcpy((char *)rows + i * size, copy + order[i] * size, size);
}
