/* markdown.c — CommonMark through cmark (safe mode) to HTML and to plain
 * text. */
#include "markdown.h"
#include "core/die.h"
#include "core/compiler.h"

#include <cmark.h>
#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* Images become links to their URL with the alt text as the link text,
 * so that opening a page never fetches anything from elsewhere. */
static void images_to_links(cmark_node *root)
{
	cmark_iter *it = cmark_iter_new(root);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER || cmark_node_get_type(n) != CMARK_NODE_IMAGE)
			continue;
		cmark_node *link = cmark_node_new(CMARK_NODE_LINK);
		cmark_node_set_url(link, cmark_node_get_url(n));
		cmark_node_set_title(link, cmark_node_get_title(n));
		cmark_node *child;
		while ((child = cmark_node_first_child(n)))
			cmark_node_append_child(link, child);
		cmark_node_replace(n, link);
		cmark_node_free(n);
		cmark_iter_reset(it, link, CMARK_EVENT_ENTER);
	}
	cmark_iter_free(it);
}

void md_html(struct buf *b, const char *text, size_t len)
{
	cmark_node *doc = cmark_parse_document(text ? text : "", text ? len : 0, CMARK_OPT_SAFE | CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8);
	images_to_links(doc);
	char *html = cmark_render_html(doc, CMARK_OPT_SAFE);
	buf_adds(b, html);
	free(html);
	cmark_node_free(doc);
}

static bool is_block(cmark_node_type t)
{
	return t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_HEADING || t == CMARK_NODE_CODE_BLOCK ||
	       t == CMARK_NODE_ITEM || t == CMARK_NODE_THEMATIC_BREAK;
}

void md_plain(struct buf *b, const char *text, size_t len)
{
	cmark_node *doc = cmark_parse_document(text ? text : "", text ? len : 0, CMARK_OPT_VALIDATE_UTF8);
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	size_t start = b->len;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(n);
		if (ev == CMARK_EVENT_ENTER) {
			if (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE || t == CMARK_NODE_CODE_BLOCK) {
				const char *s = cmark_node_get_literal(n);
				buf_adds(b, s ? s : "");
			} else if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK) {
				buf_addch(b, ' ');
			}
		} else if (ev == CMARK_EVENT_EXIT && is_block(t) && b->len > start && b->ptr[b->len - 1] != '\n') {
			buf_addch(b, '\n');
		}
	}
	/* a code block ends in its own newline; a lone block in none */
	size_t end = b->len;
	while (end > start && b->ptr[end - 1] == '\n')
		end--;
	buf_setlen(b, end);
	cmark_iter_free(it);
	cmark_node_free(doc);
}

void md_escape(struct buf *b, const char *text)
{
	for (const char *p = text ? text : ""; *p; p++) {
		unsigned char ch = (unsigned char)*p;
		if (ch == '\n' || ch == '\r')
			buf_addch(b, ' ');
		else {
			if (strchr("\\`*_[]<>#~|", ch))
				buf_addch(b, '\\');
			buf_addch(b, (char)ch);
		}
	}
}

/* cmark's rule for HTML output (houdini's _scan_dangerous_url): no
 * javascript:, vbscript: or file:, and data: only for some images. */
static bool url_dangerous(const char *u)
{
	static const char *const bad[] = { "javascript:", "vbscript:", "file:", "data:" };
	static const char *const images[] = { "data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp" };
	while (u && (*u == ' ' || *u == '\t'))
		u++;
	for (size_t i = 0; u && i < ARRAY_SIZE(bad); i++)
		if (!strncasecmp(u, bad[i], strlen(bad[i]))) {
			for (size_t k = 0; i == 3 && k < ARRAY_SIZE(images); k++)
				if (!strncasecmp(u, images[k], strlen(images[k])))
					return false;
			return true;
		}
	return false;
}

/* A text node with the literal, line breaks made spaces. */
static cmark_node *text_node(const char *literal)
{
	cmark_node *t = cmark_node_new(CMARK_NODE_TEXT);
	char *copy = xstrdup(literal ? literal : "");
	size_t n = strlen(copy);
	while (n && (copy[n - 1] == '\n' || copy[n - 1] == '\r'))
		copy[--n] = '\0';
	for (char *p = copy; *p; p++)
		if (*p == '\n' || *p == '\r')
			*p = ' ';
	cmark_node_set_literal(t, copy);
	free(copy);
	return t;
}

/* md_safe() keeps raw HTML as escaped text, md_without_html() drops it. */
static void md_rewrite(struct buf *b, const char *text, size_t len, bool keep_html);

void md_safe(struct buf *b, const char *text, size_t len)
{
	md_rewrite(b, text, len, true);
}

void md_without_html(struct buf *b, const char *text, size_t len)
{
	md_rewrite(b, text, len, false);
}

static void md_rewrite(struct buf *b, const char *text, size_t len, bool keep_html)
{
	cmark_node *doc = cmark_parse_document(text ? text : "", text ? len : 0, CMARK_OPT_VALIDATE_UTF8);
	images_to_links(doc);
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER)
			continue;
		cmark_node_type t = cmark_node_get_type(n);
		if ((t == CMARK_NODE_HTML_INLINE || t == CMARK_NODE_HTML_BLOCK) && !keep_html) {
			/* as cmark's safe HTML leaves it out: the tags go, text between them stays */
			/* go on as if the event just before n's were the last one seen */
			cmark_node *prev = cmark_node_previous(n), *parent = cmark_node_parent(n);
			cmark_node_free(n);  /* unlinks it */
			if (prev)
				cmark_iter_reset(it, prev, CMARK_EVENT_EXIT);
			else
				cmark_iter_reset(it, parent, CMARK_EVENT_ENTER);
			continue;
		}
		if (t == CMARK_NODE_HTML_INLINE) {
			cmark_node *x = text_node(cmark_node_get_literal(n));
			cmark_node_replace(n, x);
			cmark_node_free(n);
			cmark_iter_reset(it, x, CMARK_EVENT_ENTER);
		} else if (t == CMARK_NODE_HTML_BLOCK) {
			cmark_node *para = cmark_node_new(CMARK_NODE_PARAGRAPH);
			cmark_node_append_child(para, text_node(cmark_node_get_literal(n)));
			cmark_node_replace(n, para);
			cmark_node_free(n);
			cmark_iter_reset(it, para, CMARK_EVENT_EXIT);
		} else if (t == CMARK_NODE_LINK && url_dangerous(cmark_node_get_url(n))) {
			cmark_node_set_url(n, "");
		}
	}
	cmark_iter_free(it);
	char *md = cmark_render_commonmark(doc, CMARK_OPT_DEFAULT, 0);
	/* a document ends in one newline; the caller places blocks itself */
	size_t n = strlen(md);
	while (n && md[n - 1] == '\n')
		n--;
	buf_add(b, md, n);
	free(md);
	cmark_node_free(doc);
}
