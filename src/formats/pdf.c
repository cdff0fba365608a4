/* pdf.c — the learning story typeset as an A4 booklet with cairo and pango.
 *
 * Two passes. The first turns every section into a list of blocks: a pango
 * layout each (paragraph, heading, code, list item) or a rule, with its left
 * edge, the space it wants above and below, and whether it must stay with
 * the block after it. The second pass lays the blocks onto pages: a block
 * that does not fit moves on, a long one is split between its lines (not
 * leaving a lone line at the foot of a page, nor one at the top of the next
 * when the piece before it has three or more), and a heading never ends a
 * page.
 *
 * Text from outside reaches pango markup only through add_text(), which
 * makes it valid UTF-8, drops control characters and the emoji no
 * installed font draws (with only DejaVu, most of them: left out rather
 * than shown as a box with their hexadecimal code) and escapes it. Raw HTML
 * in the Markdown is skipped, and no link annotations are written at all:
 * an address is printed, not made clickable, so a javascript: URL cannot
 * become an action in a reader.
 *
 * Fontconfig and the font map are not meant to be shared between threads
 * without care, so renders take turns under one mutex and share one font
 * map, made on first use and kept for the life of the process. */
#include "pdf.h"
#include "table.h"
#include "core/compiler.h"

#include <assert.h>
#include <cairo-pdf.h>
#include <cairo.h>
#include <cmark.h>
#include <glib.h>
#include <librsvg/rsvg.h>
#include <pango/pangocairo.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#define MM(x) ((x) * 72.0 / 25.4)

#define MARGIN_X    MM(25)
#define COL_LEFT    MARGIN_X
#define COL_RIGHT   (PDF_PAGE_WIDTH - MARGIN_X)
#define COL_WIDTH   (COL_RIGHT - COL_LEFT)
#define MIN_WIDTH   160.0   /* deep nesting stops indenting here */
#define LEADING     1.32f   /* line height as a multiple of the font's */
#define INDENT_LIST 20.0
#define INDENT_QUOTE 16.0
#define MAX_NEST    32      /* lists and quotes deeper than this stop indenting */
#define MAX_KEEP    4       /* blocks chained by keep-with-next */
#define MAX_LINKS   4       /* links inside links (CommonMark has none) */

struct rgb { double r, g, b; };
#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0 }
static const struct rgb C_BLUE  = RGB(0x1f3a5f);  /* the product's colour */
static const struct rgb C_TEXT  = RGB(0x1d2126);
static const struct rgb C_QUOTE = RGB(0x3b4350);
static const struct rgb C_GREY  = RGB(0x6b7280);
static const struct rgb C_RULE  = RGB(0xc5ceda);
static const struct rgb C_BAR   = RGB(0x7d98b8);
static const struct rgb C_CODE  = RGB(0xf1f3f6);
static const struct rgb C_PALE  = RGB(0xb9c8da);
static const struct rgb C_WHITE = RGB(0xffffff);
#define MARKUP_GREY "#6b7280"
#define MARKUP_LINK "#1f3a5f"
#define MARKUP_CODE "#eceff3"

#define F_BODY    "DejaVu Serif 10.5"
#define F_QUOTE   "DejaVu Serif Italic 10.5"
#define F_CODE    "DejaVu Sans Mono 8.5"
#define F_H1      "DejaVu Sans Bold 13.5"
#define F_H2      "DejaVu Sans Bold 11.5"
#define F_H3      "DejaVu Sans Bold 10.5"
#define F_SECTION "DejaVu Sans Bold 16"
#define F_BYLINE  "DejaVu Sans 8.5"
#define F_FOOTER  "DejaVu Sans 7.5"

/* K_RULE, K_ROW and K_CHART have a fixed height (rule_h) and are never split. */
enum kind { K_TEXT, K_CODE, K_RULE, K_ROW, K_CHART };

struct line {
	PangoLayoutLine *line;  /* owned by the block's layout */
	double top, height, baseline, x;
};

struct block {
	enum kind kind;
	PangoLayout *layout;    /* NULL for a rule */
	PangoLayout *label;     /* bullet or number of a list item, or NULL */
	struct line *lines;
	int n_lines;
	double x, width;        /* the text column of the block */
	double before, after;   /* wanted space; neighbours' spaces collapse */
	double pad;             /* code: background around the lines */
	double rule_h;          /* rule: its height */
	bool keep;              /* stay on the page of the next block */
	bool whole;             /* do not split (headings) */
	bool kicker;            /* section heading: short bar above it */
	struct rgb color;
	int quotes;             /* bars to the left, one per quote level */
	double bar_x[MAX_NEST];
	unsigned quote_id[MAX_NEST];
	char *outline;          /* section heading: bookmark text */
	PangoLayout *cells[PDF_TABLE_COLS_MAX];  /* table row: one layout per cell */
	double cell_x[PDF_TABLE_COLS_MAX];
	int ncells;
	bool head;              /* table row: the header (bold, rule under it) */
	size_t head_at;         /* table row: index of its table's header row */
	RsvgHandle *svg;        /* chart */
	double svg_w;
};

struct blocks {
	struct block *v;
	size_t n, cap;
};

/* ---- text ---- */

/* The fonts pango falls back on for the body text, made with the font map;
 * NULL before the first render. */
static PangoFontset *fallback;

/* Emoji and pictographic symbols: the characters a text can do without.
 * A letter of a script no installed font has (a Chinese name) is not one
 * of them: it keeps pango's box, which at least shows that it is there. */
static bool pictograph(gunichar c)
{
	return (c >= 0x1F000 && c <= 0x1FAFF) || (c >= 0x2300 && c <= 0x23FF) || (c >= 0x2600 && c <= 0x27BF) ||
	       (c >= 0x2B00 && c <= 0x2BFF) || c == 0x20E3 || (c >= 0xE0020 && c <= 0xE007F);
}

/* Whether c is drawn: an emoji that no installed font has (most of them
 * with only the DejaVu fonts) is left out rather than printed as a box
 * with its hexadecimal code. */
static bool drawable(gunichar c)
{
	if (!pictograph(c) || !fallback)
		return true;
	PangoFont *f = pango_fontset_get_font(fallback, c);
	bool ok = f && pango_font_has_char(f, c);
	if (f)
		g_object_unref(f);
	return ok;
}

/* s as valid UTF-8 without control characters nor emoji that no font
 * draws; with oneline, newlines and tabs become spaces. g_free() the result. */
static char *clean(const char *s, bool oneline)
{
	char *v = g_utf8_make_valid(s ? s : "", -1);
	GString *g = g_string_sized_new(strlen(v) + 1);
	for (const char *q = v; *q; q = g_utf8_next_char(q)) {
		gunichar c = g_utf8_get_char(q);
		if (c == '\n' || c == '\t') {
			if (oneline)
				c = ' ';
		} else if (c < 0x20 || (c >= 0x7f && c < 0xa0) || !drawable(c)) {
			continue;
		}
		g_string_append_unichar(g, c);
	}
	g_free(v);
	return g_string_free(g, FALSE);
}

/* The one way text reaches pango markup. */
static void add_text(struct buf *m, const char *s, bool oneline)
{
	char *c = clean(s, oneline);
	char *e = g_markup_escape_text(c, -1);
	buf_adds(m, e);
	g_free(e);
	g_free(c);
}

static bool safe_scheme(const char *url)
{
	static const char *const ok[] = { "http://", "https://", "mailto:" };
	for (size_t i = 0; i < ARRAY_SIZE(ok); i++)
		if (g_ascii_strncasecmp(url, ok[i], strlen(ok[i])) == 0)
			return true;
	return false;
}

/* ---- blocks ---- */

static void measure(struct block *b)
{
	b->n_lines = pango_layout_get_line_count(b->layout);
	b->lines = g_new0(struct line, b->n_lines > 0 ? b->n_lines : 1);
	PangoLayoutIter *it = pango_layout_get_iter(b->layout);
	int i = 0;
	do {
		PangoRectangle log;
		pango_layout_iter_get_line_extents(it, NULL, &log);
		struct line *l = &b->lines[i++];
		l->line = pango_layout_iter_get_line_readonly(it);
		l->top = (double)log.y / PANGO_SCALE;
		l->height = (double)log.height / PANGO_SCALE;
		l->x = (double)log.x / PANGO_SCALE;
		l->baseline = (double)pango_layout_iter_get_baseline(it) / PANGO_SCALE;
	} while (i < b->n_lines && pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	b->n_lines = i;
}

static PangoLayout *new_layout(PangoContext *pc, const char *font, double width)
{
	PangoLayout *l = pango_layout_new(pc);
	PangoFontDescription *fd = pango_font_description_from_string(font);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	if (width > 0) {
		pango_layout_set_width(l, (int)(width * PANGO_SCALE));
		pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	}
	return l;
}

/* Sets markup built by this file; false only if it is not well formed,
 * which escaping everything from outside rules out. */
static bool set_markup(PangoLayout *l, const char *markup, size_t len)
{
	PangoAttrList *attrs = NULL;
	char *text = NULL;
	GError *err = NULL;
	if (!pango_parse_markup(markup, (int)len, 0, &attrs, &text, NULL, &err)) {
		g_error_free(err);
		return false;
	}
	pango_layout_set_text(l, text, -1);
	pango_layout_set_attributes(l, attrs);
	pango_attr_list_unref(attrs);
	g_free(text);
	return true;
}

static struct block *push(struct blocks *bl)
{
	if (bl->n == bl->cap) {
		bl->cap = bl->cap ? bl->cap * 2 : 64;
		bl->v = g_renew(struct block, bl->v, bl->cap);
	}
	struct block *b = &bl->v[bl->n++];
	memset(b, 0, sizeof(*b));
	b->color = C_TEXT;
	return b;
}

static void blocks_free(struct blocks *bl)
{
	for (size_t i = 0; i < bl->n; i++) {
		struct block *b = &bl->v[i];
		if (b->layout)
			g_object_unref(b->layout);
		if (b->label)
			g_object_unref(b->label);
		for (int k = 0; k < b->ncells; k++)
			g_object_unref(b->cells[k]);
		if (b->svg)
			g_object_unref(b->svg);
		g_free(b->lines);
		g_free(b->outline);
	}
	g_free(bl->v);
}

/* ---- Markdown to blocks ---- */

struct nest {
	bool list, ordered, tight;
	int next;               /* ordered: number of the next item */
	char delim;             /* '.' or ')' */
	double x;               /* left edge before this level */
};

struct walk {
	PangoContext *pc;
	struct blocks *bl;
	struct buf m;           /* inline markup of the block being read */
	double x;               /* left edge of the text */
	struct nest nest[MAX_NEST];
	int depth, overflow;    /* levels kept, levels beyond MAX_NEST */
	int quotes;
	double bar_x[MAX_NEST];
	unsigned quote_id[MAX_NEST];
	unsigned next_quote;
	char label[32];         /* list marker waiting for the item's first block */
	bool labelled;
	double extra_before;
	struct { size_t at; bool safe; } link[MAX_LINKS]; /* open links: where the text starts */
	int links;
	bool failed;
};

/* A block at the walker's edge and nesting, with its list marker if one
 * is waiting. */
static struct block *add_block(struct walk *w, enum kind kind, double before, double after)
{
	struct block *b = push(w->bl);
	b->kind = kind;
	b->x = w->x;
	b->width = COL_RIGHT - w->x;
	b->before = before > w->extra_before ? before : w->extra_before;
	b->after = after;
	w->extra_before = 0;
	b->quotes = w->quotes;
	memcpy(b->bar_x, w->bar_x, sizeof(b->bar_x));
	memcpy(b->quote_id, w->quote_id, sizeof(b->quote_id));
	if (w->quotes)
		b->color = C_QUOTE;
	if (w->labelled && kind != K_RULE) {
		b->label = new_layout(w->pc, F_BODY, 0);
		pango_layout_set_text(b->label, w->label, -1);
		w->labelled = false;
	}
	return b;
}

static void text_block(struct walk *w, const char *font, double before, double after, float leading)
{
	struct block *b = add_block(w, K_TEXT, before, after);
	b->layout = new_layout(w->pc, font, b->width);
	pango_layout_set_line_spacing(b->layout, leading);
	if (!set_markup(b->layout, w->m.ptr, w->m.len))
		w->failed = true;
	measure(b);
	buf_reset(&w->m);
}

static const struct nest *innermost_list(const struct walk *w)
{
	for (int i = w->depth - 1; i >= 0; i--)
		if (w->nest[i].list)
			return &w->nest[i];
	return NULL;
}

static double para_after(const struct walk *w)
{
	const struct nest *l = innermost_list(w);
	return l && l->tight ? 2.5 : 8.0;
}

static void enter_nest(struct walk *w, bool list, double indent)
{
	if (w->depth == MAX_NEST) {
		w->overflow++;
		return;
	}
	struct nest *n = &w->nest[w->depth++];
	memset(n, 0, sizeof(*n));
	n->list = list;
	n->x = w->x;
	if (COL_RIGHT - (w->x + indent) >= MIN_WIDTH)
		w->x += indent;
}

/* Leaves a list or quote; false when it was one beyond MAX_NEST. */
static bool leave_nest(struct walk *w)
{
	if (w->overflow) {
		w->overflow--;
		return false;
	}
	if (w->depth == 0)
		return false;
	w->x = w->nest[--w->depth].x;
	return true;
}

static void enter_list(struct walk *w, cmark_node *n)
{
	bool ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
	enter_nest(w, true, ordered ? INDENT_LIST + 4 : INDENT_LIST);
	if (w->overflow)
		return;
	struct nest *l = &w->nest[w->depth - 1];
	l->ordered = ordered;
	l->tight = cmark_node_get_list_tight(n);
	l->next = cmark_node_get_list_start(n);
	l->delim = cmark_node_get_list_delim(n) == CMARK_PAREN_DELIM ? ')' : '.';
}

static void enter_item(struct walk *w)
{
	static const char *const bullets[] = { "•", "–", "◦" };
	struct nest *l = w->overflow ? NULL : (struct nest *)innermost_list(w);
	if (l && l->ordered) {
		snprintf(w->label, sizeof(w->label), "%d%c", l->next, l->delim);
		if (l->next < 999999999)
			l->next++;
	} else {
		int level = 0;
		for (int i = 0; i < w->depth; i++)
			level += w->nest[i].list;
		snprintf(w->label, sizeof(w->label), "%s", bullets[(level > 0 ? level - 1 : 0) % 3]);
	}
	w->labelled = true;
}

static void leave_item(struct walk *w)
{
	if (w->labelled)  /* an empty item still shows its marker */
		text_block(w, F_BODY, 0, para_after(w), LEADING);
}

static void enter_quote(struct walk *w)
{
	double bar = w->x;
	enter_nest(w, false, INDENT_QUOTE);
	if (w->overflow || w->quotes == MAX_NEST)
		return;
	w->bar_x[w->quotes] = bar + 1.0;
	w->quote_id[w->quotes] = ++w->next_quote;
	w->quotes++;
	if (w->extra_before < 10)
		w->extra_before = 10;
}

static void leave_quote(struct walk *w)
{
	if (leave_nest(w) && w->quotes)
		w->quotes--;
	if (w->bl->n && w->bl->v[w->bl->n - 1].after < 10)
		w->bl->v[w->bl->n - 1].after = 10;
}

static void leave_list(struct walk *w)
{
	leave_nest(w);
	struct block *last = w->bl->n ? &w->bl->v[w->bl->n - 1] : NULL;
	if (last && last->after < para_after(w))
		last->after = para_after(w);
}

static void heading_block(struct walk *w, int level)
{
	static const char *const font[] = { F_H1, F_H2, F_H3 };
	static const double before[] = { 16, 12, 9 }, after[] = { 6, 4, 3 };
	int i = level < 1 ? 0 : level > 3 ? 2 : level - 1;
	const char *f = font[i];
	text_block(w, f, before[i], after[i], 1.1f);
	struct block *b = &w->bl->v[w->bl->n - 1];
	b->keep = b->whole = true;
	b->color = C_BLUE;
}

static void code_block(struct walk *w, const char *literal)
{
	struct block *b = add_block(w, K_CODE, 5, 9);
	b->pad = 6;
	b->layout = new_layout(w->pc, F_CODE, b->width - 2 * b->pad);
	pango_layout_set_line_spacing(b->layout, 1.15f);
	char *c = clean(literal, false);
	size_t n = strlen(c);
	while (n && c[n - 1] == '\n')
		c[--n] = '\0';
	pango_layout_set_text(b->layout, c, -1);
	g_free(c);
	measure(b);
}

static void rule_block(struct walk *w)
{
	struct block *b = add_block(w, K_RULE, 6, 6);
	b->rule_h = 16;
}

/* Inline markup on entering (enter) or leaving a node. */
static void inline_node(struct walk *w, cmark_node *n, cmark_node_type t, bool enter)
{
	struct buf *m = &w->m;
	switch (t) {
	case CMARK_NODE_TEXT:
		add_text(m, cmark_node_get_literal(n), false);
		break;
	case CMARK_NODE_SOFTBREAK:
		buf_addch(m, ' ');
		break;
	case CMARK_NODE_LINEBREAK:
		buf_addch(m, '\n');
		break;
	case CMARK_NODE_CODE:
		buf_adds(m, "<span font_family=\"DejaVu Sans Mono\" size=\"smaller\" background=\"" MARKUP_CODE "\">");
		add_text(m, cmark_node_get_literal(n), true);
		buf_adds(m, "</span>");
		break;
	case CMARK_NODE_EMPH:
		/* inside a quote, which is italic already, emphasis stands upright */
		buf_adds(m, enter ? (w->quotes ? "<span style=\"normal\">" : "<i>") : (w->quotes ? "</span>" : "</i>"));
		break;
	case CMARK_NODE_STRONG:
		buf_adds(m, enter ? "<b>" : "</b>");
		break;
	case CMARK_NODE_LINK: {
		const char *url = cmark_node_get_url(n);
		if (enter) {
			/* a link beyond MAX_LINKS counts as one that shows no address */
			bool safe = url && safe_scheme(url) && w->links < MAX_LINKS;
			if (safe)
				buf_adds(m, "<span foreground=\"" MARKUP_LINK "\">");
			if (w->links < MAX_LINKS) {
				w->link[w->links].safe = safe;
				w->link[w->links].at = m->len;
			}
			w->links++;
			break;
		}
		if (w->links == 0 || --w->links >= MAX_LINKS || !w->link[w->links].safe)
			break;
		/* the address, unless the text already is the address */
		struct buf u = BUF_INIT, bare = BUF_INIT;
		add_text(&u, url, true);
		add_text(&bare, g_ascii_strncasecmp(url, "mailto:", 7) == 0 ? url + 7 : url, true);
		const char *shown = m->ptr + w->link[w->links].at;
		bool same = strcmp(shown, u.ptr) == 0 || strcmp(shown, bare.ptr) == 0;
		buf_adds(m, "</span>");
		if (!same)
			buf_addf(m, " <span size=\"smaller\" foreground=\"" MARKUP_GREY "\">(%s)</span>", bare.ptr);
		buf_release(&u);
		buf_release(&bare);
		break;
	}
	case CMARK_NODE_IMAGE:
		buf_adds(m, enter ? "<span foreground=\"" MARKUP_GREY "\">[" : "]</span>");
		break;
	default:  /* raw HTML and custom nodes are left out, children and all */
		break;
	}
}

static void walk_markdown(struct walk *w, const char *md)
{
	char *text = clean(md, false);
	cmark_node *doc = cmark_parse_document(text, strlen(text), CMARK_OPT_SMART);
	g_free(text);
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(n);
		bool enter = ev == CMARK_EVENT_ENTER;
		switch (t) {
		case CMARK_NODE_DOCUMENT:
			break;
		case CMARK_NODE_PARAGRAPH:
			if (enter)
				buf_reset(&w->m);
			else
				text_block(w, w->quotes ? F_QUOTE : F_BODY, 0, para_after(w), LEADING);
			break;
		case CMARK_NODE_HEADING:
			if (enter)
				buf_reset(&w->m);
			else
				heading_block(w, cmark_node_get_heading_level(n));
			break;
		case CMARK_NODE_CODE_BLOCK:
			code_block(w, cmark_node_get_literal(n));
			break;
		case CMARK_NODE_THEMATIC_BREAK:
			rule_block(w);
			break;
		case CMARK_NODE_BLOCK_QUOTE:
			if (enter)
				enter_quote(w);
			else
				leave_quote(w);
			break;
		case CMARK_NODE_LIST:
			if (enter)
				enter_list(w, n);
			else
				leave_list(w);
			break;
		case CMARK_NODE_ITEM:
			if (enter)
				enter_item(w);
			else
				leave_item(w);
			break;
		case CMARK_NODE_HTML_BLOCK:
		case CMARK_NODE_CUSTOM_BLOCK:
			break;
		default:
			inline_node(w, n, t, enter);
			break;
		}
	}
	cmark_iter_free(it);
	cmark_node_free(doc);
}

#define F_CELL "DejaVu Sans 8.5"
#define F_HEAD "DejaVu Sans Bold 8.5"
#define NUM_COL_MIN 40.0        /* narrowest number column */
#define CELL_PAD 3.0

/* The width text needs on one line, in points. */
static double natural_width(PangoContext *pc, const char *font, const char *text)
{
	PangoLayout *l = new_layout(pc, font, 0);
	pango_layout_set_text(l, text, -1);
	int lw, lh;
	pango_layout_get_size(l, &lw, &lh);
	g_object_unref(l);
	return (double)lw / PANGO_SCALE;
}

/* Whether column c holds figures only ("117", "3,2", "82 %", "100 / 100",
 * "–"): such a column is set to the right and as narrow as it can be. The
 * first column is the rows' names, never figures. */
static bool figure_column(const struct pdf_table *t, size_t c)
{
	if (c == 0)
		return false;
	for (size_t r = 1; r < t->nrows; r++)
		if (!table_is_figure(t->cells[r * t->ncols + c]))
			return false;
	return true;
}

/* The width a figure column needs: its longest figure, and the longest
 * word of its heading (a heading wraps between words, never inside one). */
static double figure_width(PangoContext *pc, const struct pdf_table *t, size_t c)
{
	double need = NUM_COL_MIN;
	for (size_t r = 0; r < t->nrows; r++) {
		char *txt = clean(t->cells[r * t->ncols + c], true);
		const char *font = r ? F_CELL : F_HEAD;
		char *word = txt;
		for (bool more = true; more; word++) {
			char *end = r ? word + strlen(word) : word + strcspn(word, " ");
			more = *end != '\0';
			*end = '\0';
			double w = natural_width(pc, font, word) + 2 * CELL_PAD + 1;  /* + rounding */
			if (w > need)
				need = w;
			word = end;
		}
		g_free(txt);
	}
	return need;
}

/* The widths of a table's columns: each figure column as wide as it needs
 * (together at most 72 % of the width, else they share that alike), the
 * text columns sharing what is left alike. */
static void column_widths(PangoContext *pc, const struct pdf_table *t, size_t nc, const bool *figures, double *cw)
{
	double sum = 0;
	size_t nfig = 0;
	for (size_t c = 0; c < nc; c++)
		if (figures[c]) {
			cw[c] = figure_width(pc, t, c);
			sum += cw[c];
			nfig++;
		}
	if (sum > COL_WIDTH * 0.72) {
		for (size_t c = 0; c < nc; c++)
			if (figures[c])
				cw[c] = COL_WIDTH * 0.72 / (double)nfig;
		sum = COL_WIDTH * 0.72;
	}
	assert(nfig < nc);  /* the first column is text */
	for (size_t c = 0; c < nc; c++)
		if (!figures[c])
			cw[c] = (COL_WIDTH - sum) / (double)(nc - nfig);
}

/* A table as one block per row, the header kept with the first row. */
static void table_blocks(struct walk *w, const struct pdf_table *t)
{
	size_t nc = t->ncols < PDF_TABLE_COLS_MAX ? t->ncols : PDF_TABLE_COLS_MAX;
	if (!nc || !t->nrows || !t->cells)
		return;
	double cw[PDF_TABLE_COLS_MAX];
	bool figures[PDF_TABLE_COLS_MAX];
	for (size_t c = 0; c < nc; c++)
		figures[c] = figure_column(t, c);
	column_widths(w->pc, t, nc, figures, cw);
	size_t head_at = w->bl->n;
	for (size_t r = 0; r < t->nrows; r++) {
		struct block *b = add_block(w, K_ROW, r ? 0 : 8, r + 1 == t->nrows ? 10 : 0);
		b->head = r == 0;
		b->head_at = head_at;
		b->keep = b->head;
		b->ncells = (int)nc;
		double h = 0, x = COL_LEFT;
		for (size_t c = 0; c < nc; c++) {
			PangoLayout *l = new_layout(w->pc, b->head ? F_HEAD : F_CELL, cw[c] - 2 * CELL_PAD);
			char *txt = clean(t->cells[r * t->ncols + c], true);
			pango_layout_set_text(l, txt, -1);
			g_free(txt);
			if (figures[c])
				pango_layout_set_alignment(l, PANGO_ALIGN_RIGHT);
			int lw, lh;
			pango_layout_get_size(l, &lw, &lh);
			if ((double)lh / PANGO_SCALE > h)
				h = (double)lh / PANGO_SCALE;
			b->cells[c] = l;
			b->cell_x[c] = x;
			x += cw[c];
		}
		b->rule_h = h + 2 * CELL_PAD;
	}
}

/* A chart: the SVG as the pages draw it, scaled to the column's width (at
 * most its own), kept whole. An SVG librsvg cannot read is left out. */
static void chart_block(struct walk *w, const char *svg)
{
	GError *err = NULL;
	RsvgHandle *h = rsvg_handle_new_from_data((const guint8 *)svg, strlen(svg), &err);
	if (!h) {
		g_clear_error(&err);
		return;
	}
	gdouble sw = 0, sh = 0;
	if (!rsvg_handle_get_intrinsic_size_in_pixels(h, &sw, &sh) || sw <= 0 || sh <= 0) {
		RsvgRectangle vb;
		gboolean has_vb = FALSE;
		rsvg_handle_get_intrinsic_dimensions(h, NULL, NULL, NULL, NULL, &has_vb, &vb);
		if (!has_vb || vb.width <= 0 || vb.height <= 0) {
			g_object_unref(h);
			return;
		}
		sw = vb.width;
		sh = vb.height;
	}
	struct block *b = add_block(w, K_CHART, 8, 10);
	b->svg = h;
	b->svg_w = sw * 0.75 < COL_WIDTH ? sw * 0.75 : COL_WIDTH;  /* CSS pixels to points */
	b->rule_h = b->svg_w * sh / sw;
}

/* The blocks of one section: heading, byline, body, chart, table. */
static void section_blocks(struct walk *w, const struct pdf_section *s)
{
	w->x = COL_LEFT;
	w->depth = w->overflow = w->quotes = 0;
	w->labelled = false;
	w->extra_before = 0;
	if (s->heading) {
		add_text(&w->m, s->heading, true);
		text_block(w, F_SECTION, 34, s->byline ? 4 : 14, 1.05f);
		struct block *b = &w->bl->v[w->bl->n - 1];
		b->keep = b->whole = b->kicker = true;
		b->color = C_BLUE;
		b->outline = clean(s->heading, true);
	}
	if (s->byline) {
		add_text(&w->m, s->byline, true);
		text_block(w, F_BYLINE, s->heading ? 4 : 20, 16, 1.1f);
		struct block *b = &w->bl->v[w->bl->n - 1];
		b->keep = b->whole = true;
		b->color = C_GREY;
	}
	if (s->markdown)
		walk_markdown(w, s->markdown);
	if (s->svg)
		chart_block(w, s->svg);
	if (s->table)
		table_blocks(w, s->table);
}

/* ---- pages ---- */

struct pager {
	cairo_t *cr;
	cairo_surface_t *surface;
	PangoContext *pc;
	const struct pdf_doc *d;
	int page;               /* 1 is the cover */
	double y;               /* top of the free space */
	bool fresh;             /* nothing placed on this page yet */
	const struct block *prev;
	double prev_bottom;
};

static void set_color(cairo_t *cr, struct rgb c)
{
	cairo_set_source_rgb(cr, c.r, c.g, c.b);
}

static void hline(cairo_t *cr, double x0, double x1, double y, double width, struct rgb c)
{
	set_color(cr, c);
	cairo_set_line_width(cr, width);
	cairo_move_to(cr, x0, y);
	cairo_line_to(cr, x1, y);
	cairo_stroke(cr);
}

/* One line of plain text at (x, top), cut short with an ellipsis when it
 * is wider than width. */
static void show_line(struct pager *p, const char *font, const char *text, double x, double top,
			double width, PangoAlignment align, struct rgb c)
{
	PangoLayout *l = new_layout(p->pc, font, 0);
	char *t = clean(text, true);
	pango_layout_set_text(l, t, -1);
	g_free(t);
	if (width > 0) {
		pango_layout_set_width(l, (int)(width * PANGO_SCALE));
		pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
		pango_layout_set_alignment(l, align);
	}
	set_color(p->cr, c);
	cairo_move_to(p->cr, x, top);
	pango_cairo_show_layout(p->cr, l);
	g_object_unref(l);
}

static void footer(struct pager *p)
{
	double rule = PDF_PAGE_HEIGHT - MM(17);
	hline(p->cr, COL_LEFT, COL_RIGHT, rule, 0.4, C_RULE);
	struct buf label = BUF_INIT;
	buf_addf(&label, "%s %d", p->d->page_word ? p->d->page_word : "pagina", p->page);
	double numw = 70;
	show_line(p, F_FOOTER, label.ptr, COL_RIGHT - numw, rule + 5, numw, PANGO_ALIGN_RIGHT, C_GREY);
	buf_release(&label);
	if (p->d->footer)
		show_line(p, F_FOOTER, p->d->footer, COL_LEFT, rule + 5, COL_WIDTH - numw - 12,
			  PANGO_ALIGN_LEFT, C_GREY);
}

static void new_page(struct pager *p)
{
	cairo_show_page(p->cr);
	p->page++;
	p->y = PDF_BODY_TOP;
	p->fresh = true;
	p->prev = NULL;
	footer(p);
}

static double lines_h(const struct block *b, int from, int to)
{
	if (to <= from)
		return 0;
	return b->lines[to - 1].top + b->lines[to - 1].height - b->lines[from].top;
}

static bool fixed(const struct block *b)
{
	return b->kind == K_RULE || b->kind == K_ROW || b->kind == K_CHART;
}

static double full_h(const struct block *b)
{
	if (fixed(b))
		return b->rule_h;
	return lines_h(b, 0, b->n_lines) + 2 * b->pad;
}

/* What must follow a kept block on the same page: the next block whole if
 * it is kept too or may not be split, else its first two lines. */
static double head_h(const struct block *b)
{
	if (fixed(b) || b->whole || b->n_lines <= 2)
		return full_h(b);
	return lines_h(b, 0, 2) + b->pad;
}

static double gap(const struct block *prev, const struct block *b)
{
	if (!prev)
		return 0;
	return prev->after > b->before ? prev->after : b->before;
}

static double keep_h(const struct block *v, size_t i, size_t n)
{
	const struct block *b = &v[i];
	double h = full_h(b);
	for (int d = 0; b->keep && i + 1 < n && d < MAX_KEEP; d++) {
		const struct block *nx = &v[++i];
		h += gap(b, nx);
		h += nx->keep ? full_h(nx) : head_h(nx);
		b = nx;
	}
	return h;
}

/* The quote bars beside a piece of a block from top to bottom, joined to
 * the piece above when that belongs to the same quote. */
static void bars(struct pager *p, const struct block *b, double top, double bottom)
{
	for (int j = 0; j < b->quotes; j++) {
		double from = top;
		if (p->prev && p->prev->quotes > j && p->prev->quote_id[j] == b->quote_id[j])
			from = p->prev_bottom;
		set_color(p->cr, C_BAR);
		cairo_rectangle(p->cr, b->bar_x[j], from, 2.0, bottom - from);
		cairo_fill(p->cr);
	}
}

/* Draws lines [from, to) of b with the first one's top at y. */
static void draw_piece(struct pager *p, const struct block *b, int from, int to, double y)
{
	cairo_t *cr = p->cr;
	double h = lines_h(b, from, to) + 2 * b->pad;
	if (b->kind == K_CODE) {
		set_color(cr, C_CODE);
		cairo_rectangle(cr, b->x, y, b->width, h);
		cairo_fill(cr);
	}
	bars(p, b, y, y + h);
	double off = b->lines[from].top;
	double tx = b->x + b->pad, ty = y + b->pad;
	if (from == 0 && b->kicker) {
		set_color(cr, C_BLUE);
		cairo_rectangle(cr, b->x, ty - 12, 28, 3);
		cairo_fill(cr);
	}
	if (from == 0 && b->label) {
		PangoRectangle log;
		pango_layout_get_extents(b->label, NULL, &log);
		double lw = (double)log.width / PANGO_SCALE;
		double lx = b->x - 6 - lw;
		double base = (double)pango_layout_get_baseline(b->label) / PANGO_SCALE;
		set_color(cr, b->quotes ? C_QUOTE : C_GREY);
		cairo_move_to(cr, lx > 0 ? lx : 0, ty + b->lines[0].baseline - off - base);
		pango_cairo_show_layout(cr, b->label);
	}
	set_color(cr, b->color);
	for (int i = from; i < to; i++) {
		cairo_move_to(cr, tx + b->lines[i].x, ty + b->lines[i].baseline - off);
		pango_cairo_show_layout_line(cr, b->lines[i].line);
	}
	if (from == 0 && b->outline) {
		char dest[96];
		snprintf(dest, sizeof(dest), "page=%d pos=[%d %d]", p->page, (int)b->x,
			 (int)(y > 20 ? y - 20 : 0));
		cairo_pdf_surface_add_outline(p->surface, CAIRO_PDF_OUTLINE_ROOT, b->outline, dest, 0);
	}
	p->prev = b;
	p->prev_bottom = y + h;
	p->y = y + h;
	p->fresh = false;
}

static void draw_row(struct pager *p, const struct block *b, double y)
{
	if (b->head) {
		set_color(p->cr, C_CODE);
		cairo_rectangle(p->cr, COL_LEFT, y, COL_WIDTH, b->rule_h);
		cairo_fill(p->cr);
	}
	for (int k = 0; k < b->ncells; k++) {
		set_color(p->cr, b->head ? C_BLUE : C_TEXT);
		cairo_move_to(p->cr, b->cell_x[k] + CELL_PAD, y + CELL_PAD);
		pango_cairo_show_layout(p->cr, b->cells[k]);
	}
	hline(p->cr, COL_LEFT, COL_RIGHT, y + b->rule_h, b->head ? 0.8 : 0.3, C_RULE);
}

static void draw_chart(struct pager *p, const struct block *b, double y)
{
	RsvgRectangle vp = { b->x, y, b->svg_w, b->rule_h };
	cairo_save(p->cr);
	rsvg_handle_render_document(b->svg, p->cr, &vp, NULL);
	cairo_restore(p->cr);
}

/* A block of fixed height: a rule, a table row or a chart; on the next
 * page when it does not fit, where a table's row comes under its table's
 * header again, so that every page of a long table says what its
 * columns are. */
static void place_rule(struct pager *p, const struct block *v, const struct block *b)
{
	double y = p->y + gap(p->prev, b);
	if (!p->fresh && y + b->rule_h > PDF_BODY_BOTTOM) {
		new_page(p);
		y = p->y;
		if (b->kind == K_ROW && !b->head) {
			const struct block *h = &v[b->head_at];
			assert(h->kind == K_ROW && h->head);
			draw_row(p, h, y);
			y += h->rule_h;
		}
	}
	double mid = b->x + (COL_RIGHT - b->x) / 2;
	if (b->kind == K_ROW)
		draw_row(p, b, y);
	else if (b->kind == K_CHART)
		draw_chart(p, b, y);
	else
		hline(p->cr, mid - 28, mid + 28, y + b->rule_h / 2, 0.7, C_BAR);
	p->prev = b;
	p->prev_bottom = y + b->rule_h;
	p->y = y + b->rule_h;
	p->fresh = false;
}

static void place(struct pager *p, const struct block *v, size_t i, size_t n)
{
	const struct block *b = &v[i];
	if (!p->fresh && b->keep && p->y + gap(p->prev, b) + keep_h(v, i, n) > PDF_BODY_BOTTOM)
		new_page(p);
	if (fixed(b)) {
		place_rule(p, v, b);
		return;
	}
	int from = 0;
	while (from < b->n_lines) {
		double y = p->fresh ? p->y : p->y + gap(p->prev, b);
		double room = PDF_BODY_BOTTOM - y - 2 * b->pad;
		int left = b->n_lines - from, k = 0;
		while (k < left && lines_h(b, from, from + k + 1) <= room + 0.01)
			k++;
		if (k < left) {
			bool too_few = k == 0 || (k == 1 && left > 1) || b->whole;
			if (too_few && !p->fresh) {
				new_page(p);
				continue;
			}
			if (k == 0)
				k = 1;  /* a line taller than a page: place it anyway */
			else if (left - k == 1 && k >= 3)
				k--;    /* no single line at the top of the next page */
		}
		draw_piece(p, b, from, from + k, y);
		from += k;
		if (from < b->n_lines)
			new_page(p);
	}
}

/* ---- the cover ---- */

static double cover_text(struct pager *p, const char *font, const char *text, double top,
			 int max_lines, struct rgb c)
{
	PangoLayout *l = new_layout(p->pc, font, COL_WIDTH);
	char *t = clean(text, true);
	pango_layout_set_text(l, t, -1);
	g_free(t);
	pango_layout_set_height(l, -max_lines);
	pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
	int w, h;
	pango_layout_get_size(l, &w, &h);
	set_color(p->cr, c);
	cairo_move_to(p->cr, COL_LEFT, top);
	pango_cairo_show_layout(p->cr, l);
	g_object_unref(l);
	return (double)h / PANGO_SCALE;
}

static double text_h(struct pager *p, const char *font, const char *text, int max_lines)
{
	PangoLayout *l = new_layout(p->pc, font, COL_WIDTH);
	char *t = clean(text, true);
	pango_layout_set_text(l, t, -1);
	g_free(t);
	pango_layout_set_height(l, -max_lines);
	pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
	int w, h;
	pango_layout_get_size(l, &w, &h);
	g_object_unref(l);
	return (double)h / PANGO_SCALE;
}

static void cover(struct pager *p)
{
	cairo_t *cr = p->cr;
	const struct pdf_doc *d = p->d;
	const char *title = d->title ? d->title : "";
	/* a band of the product's colour holding the title near its foot */
	double th = text_h(p, "DejaVu Sans Bold 38", title, 4);
	double band = MM(112);
	if (th + MM(60) > band)
		band = th + MM(60);
	set_color(cr, C_BLUE);
	cairo_rectangle(cr, 0, 0, PDF_PAGE_WIDTH, band);
	cairo_fill(cr);
	hline(cr, COL_LEFT, COL_LEFT + 40, band - MM(22) - th - 14, 2.5, C_PALE);
	cover_text(p, "DejaVu Sans Bold 38", title, band - MM(22) - th, 4, C_WHITE);

	double y = band + MM(16);
	if (d->subtitle)
		y += cover_text(p, "DejaVu Sans 19", d->subtitle, y, 3, C_BLUE) + 14;
	hline(cr, COL_LEFT, COL_RIGHT, y, 0.6, C_RULE);
	y += 14;
	for (int i = 0; i < 6 && d->cover_lines[i]; i++)
		y += cover_text(p, "DejaVu Serif 12.5", d->cover_lines[i], y, 2, C_QUOTE) + 6;

	/* a thin band at the foot echoes the one at the top */
	set_color(cr, C_BLUE);
	cairo_rectangle(cr, 0, PDF_PAGE_HEIGHT - MM(6), PDF_PAGE_WIDTH, MM(6));
	cairo_fill(cr);
}

/* ---- the whole ---- */

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static PangoFontMap *fontmap;

static cairo_status_t write_out(void *closure, const unsigned char *data, unsigned int length)
{
	buf_add(closure, data, length);
	return CAIRO_STATUS_SUCCESS;
}

static PangoContext *context(cairo_t *cr)
{
	if (!fontmap)
		fontmap = pango_cairo_font_map_new();
	PangoContext *pc = pango_font_map_create_context(fontmap);
	/* unhinted metrics and unrounded positions: the page is not a screen */
	cairo_font_options_t *fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(pc, fo);
	cairo_font_options_destroy(fo);
	pango_cairo_context_set_resolution(pc, 72.0);
	pango_context_set_round_glyph_positions(pc, FALSE);
	PangoLanguage *nl = pango_language_from_string("nl");
	pango_context_set_language(pc, nl);
	pango_cairo_update_context(cr, pc);
	if (!fallback) {
		PangoFontDescription *fd = pango_font_description_from_string(F_BODY);
		fallback = pango_font_map_load_fontset(fontmap, pc, fd, nl);
		pango_font_description_free(fd);
	}
	return pc;
}

static void metadata(cairo_surface_t *s, const struct pdf_doc *d)
{
	struct buf t = BUF_INIT;
	char *title = clean(d->title ? d->title : "", true);
	char *sub = clean(d->subtitle ? d->subtitle : "", true);
	buf_adds(&t, title);
	if (*title && *sub)
		buf_adds(&t, " — ");
	buf_adds(&t, sub);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, t.ptr);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "leergang");
	g_free(title);
	g_free(sub);
	buf_release(&t);
}

static int render(struct buf *out, const struct pdf_doc *d)
{
	cairo_surface_t *s = cairo_pdf_surface_create_for_stream(write_out, out, PDF_PAGE_WIDTH, PDF_PAGE_HEIGHT);
	cairo_t *cr = cairo_create(s);
	metadata(s, d);
	struct pager p = { .cr = cr, .surface = s, .pc = context(cr), .d = d, .page = 1 };
	struct blocks bl = { 0 };
	struct walk w = { .pc = p.pc, .bl = &bl, .m = BUF_INIT };

	cover(&p);
	for (size_t i = 0; i < d->n_sections && d->sections; i++)
		section_blocks(&w, &d->sections[i]);
	if (bl.n)
		new_page(&p);
	for (size_t i = 0; i < bl.n; i++)
		place(&p, bl.v, i, bl.n);
	cairo_show_page(cr);

	bool failed = w.failed;
	buf_release(&w.m);
	blocks_free(&bl);
	g_object_unref(p.pc);
	if (cairo_status(cr) != CAIRO_STATUS_SUCCESS)
		failed = true;
	cairo_destroy(cr);
	cairo_surface_finish(s);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS)
		failed = true;
	cairo_surface_destroy(s);
	return failed ? -1 : 0;
}

int pdf_render(struct buf *out, const struct pdf_doc *d)
{
	if (!out || !d)
		return -1;
	size_t start = out->len;
	pthread_mutex_lock(&lock);
	int rc = render(out, d);
	pthread_mutex_unlock(&lock);
	if (rc != 0)
		buf_setlen(out, start);
	return rc;
}
