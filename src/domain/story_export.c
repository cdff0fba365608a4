/* story_export.c — the learning story as one Markdown document and as a
 * PDF with a cover: the opening, every published report with the
 * contributions placed in it, and the closing. What goes in is what the
 * reader may read (story_open already anonymised it for the coach). */
#include "report.h"
#include "schedule.h"
#include "core/i18n.h"
#include "formats/markdown.h"
#include "formats/pdf.h"

#include <string.h>

static bool blank(const char *s)
{
	for (; s && *s; s++)
		if (!strchr(" \t\r\n", *s))
			return false;
	return true;
}

/* What a person wrote as a block: for the .md file made safe for any
 * Markdown viewer (raw HTML shown as text); for the PDF with raw HTML left
 * out, as the page leaves it out. */
static void written(struct buf *b, const char *text, bool pdf)
{
	(pdf ? md_without_html : md_safe)(b, text, strlen(text));
	buf_adds(b, "\n\n");
}

/* The same as a block quote. */
static void quoted(struct buf *b, const char *text, bool pdf)
{
	struct buf t = BUF_INIT;
	(pdf ? md_without_html : md_safe)(&t, text, strlen(text));
	buf_adds(b, "> ");
	for (const char *p = t.ptr; *p; p++) {
		buf_addch(b, *p);
		if (*p == '\n')
			buf_adds(b, p[1] == '\n' ? ">" : "> ");
	}
	buf_adds(b, "\n\n");
	buf_release(&t);
}

/* The body of one report: its texts under level-3 headings, then the
 * contributions placed in it. */
static void report_body(struct ctx *c, const struct report_view *rv, struct buf *b, bool pdf)
{
	struct report_field f[REPORT_FIELDS];
	report_fields(&rv->r, f);
	for (int i = 0; i < REPORT_FIELDS; i++) {
		if (blank(f[i].text))
			continue;
		buf_adds(b, "### ");
		md_escape(b, f[i].label);
		buf_adds(b, "\n\n");
		written(b, f[i].text, pdf);
	}
	bool any = false;
	for (size_t i = 0; i < rv->ncontribs; i++) {
		const struct contribution *x = &rv->contribs[i];
		if (!x->placed)
			continue;
		if (!any) {
			buf_adds(b, "### ");
			md_escape(b, _("Contributions of participants"));
			buf_adds(b, "\n\n");
		}
		any = true;
		quoted(b, x->text, pdf);
		buf_adds(b, "— ");
		md_escape(b, *x->person_name ? x->person_name : _("a participant"));
		buf_adds(b, "\n\n");
	}
}

static const char *period(struct ctx *c, const struct story_view *v)
{
	if (!v->first_date)
		return "";
	return arena_printf(c->a, "%s – %s", date_label(c->a, v->first_date), date_label(c->a, v->last_date));
}

void story_markdown(struct ctx *c, const struct story_view *v, struct buf *b)
{
	buf_adds(b, "# ");
	md_escape(b, arena_printf(c->a, _("Learning story of %s"), v->g.name));
	buf_adds(b, "\n\n");
	md_escape(b, v->g.programme_name);
	if (v->first_date) {
		buf_adds(b, " · ");
		md_escape(b, period(c, v));
	}
	buf_adds(b, "\n\n");
	if (!blank(v->s.opening))
		written(b, v->s.opening, false);
	for (size_t i = 0; i < v->n; i++) {
		const struct report_view *rv = &v->reports[i];
		buf_adds(b, "## ");
		md_escape(b, report_title(c, &rv->r));
		buf_adds(b, "\n\n*");
		md_escape(b, date_label(c->a, rv->r.starts_on));
		buf_adds(b, "*\n\n");
		report_body(c, rv, b, false);
	}
	if (!blank(v->s.closing)) {
		buf_adds(b, "## ");
		md_escape(b, _("In closing"));
		buf_adds(b, "\n\n");
		written(b, v->s.closing, false);
	}
}

int story_pdf(struct ctx *c, const struct story_view *v, struct buf *out)
{
	struct pdf_section *sec = arena_alloc(c->a, (v->n + 2) * sizeof(*sec));
	size_t n = 0;
	if (!blank(v->s.opening))
		sec[n++] = (struct pdf_section){ .markdown = v->s.opening };  /* as on the page: no heading */
	for (size_t i = 0; i < v->n; i++) {
		struct buf b = BUF_INIT;
		report_body(c, &v->reports[i], &b, true);
		sec[n++] = (struct pdf_section){
			.heading = report_title(c, &v->reports[i].r),
			.byline = date_label(c->a, v->reports[i].r.starts_on),
			.markdown = arena_strdup(c->a, b.ptr),
		};
		buf_release(&b);
	}
	if (!blank(v->s.closing))
		sec[n++] = (struct pdf_section){ .heading = _("In closing"), .markdown = v->s.closing };
	struct pdf_doc d = {
		.title = _("Learning story"),
		.subtitle = v->g.name,
		.cover_lines = { v->g.programme_name, v->g.batch_name, period(c, v), NULL },
		.footer = arena_printf(c->a, "%s · %s", _("Learning story"), v->g.name),
		.page_word = _("page"),
		.sections = sec,
		.n_sections = n,
	};
	return pdf_render(out, &d) ? D_ERROR : D_OK;
}
