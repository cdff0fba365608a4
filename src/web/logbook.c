/* logbook.c — a person's logbook: the list of their own entries with a new
 * one on top, an entry to read, change, share or unshare, and the entries
 * shared in a group for those who may read them. Every read by someone
 * other than the writer is audited (domain/privacy.c). */
#include "web.h"
#include "domain/group.h"
#include "domain/logbook.h"
#include "domain/schedule.h"
#include "core/utf8.h"
#include "formats/markdown.h"
#include "html/html.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

/* A text (Markdown) under its heading. */
static void text_block(struct web *w, const char *label, const char *text)
{
	if (!text || !*text)
		return;
	html(w->out, "<h3>%s</h3><div class=\"md\">", label);
	html_markdown(w->out, text);
	html(w->out, "</div>");
}

/* The first words of an entry, as plain text on one line. */
static const char *excerpt(struct web *w, const struct logbook_entry *e)
{
	const char *first = *e->energy_gave ? e->energy_gave : *e->energy_cost ? e->energy_cost : e->body;
	struct buf b = BUF_INIT;
	md_plain(&b, first, strlen(first));
	size_t len = strcspn(b.ptr, "\n");
	len = utf8_cut(b.ptr, len > 80 ? 80 : len);
	char *out = arena_strndup(w->a, b.ptr, len);
	buf_release(&b);
	return out;
}

static void entry_fields(struct web *w, const struct logbook_entry *e, const struct errors *err)
{
#define V(f, stored) (err ? web_field(w, f) : (stored))
	form_input(w, "entry_date", _("Date"), "date", V("entry_date", e ? e->entry_date : web_today(w)), err, NULL);
	if (err && errors_get(err, "date_ahead"))  /* asked once the date turned out to lie ahead */
		html(w->out, "<p class=\"field invalid\"><input type=\"checkbox\" id=\"f-date_ahead\" name=\"date_ahead\" value=\"1\"> "
			"<label class=\"inline\" for=\"f-date_ahead\">%s</label></p>", _("Yes, this date in the future is right"));
	form_textarea(w, "energy_gave", _("What gave you energy today?"), V("energy_gave", e ? e->energy_gave : ""), err,
		      _("What inspired or motivated you?"));
	form_textarea(w, "energy_cost", _("What cost you energy today?"), V("energy_cost", e ? e->energy_cost : ""), err,
		      _("What was difficult or annoying, what held you back?"));
	form_textarea(w, "body", _("Notes"), V("body", e ? e->body : ""), err,
		      _("Markdown: *italic*, **bold**, a line starting with - for a list, > for a quote."));
	form_input(w, "tags", _("Tags"), "text", V("tags", e ? e->tags : ""), err, NULL);
#undef V
}

static void logbook_page(struct web *w, const struct errors *err, int status)
{
	struct logbook_entry *e;
	size_t n;
	if (logbook_own(&w->ctx, &e, &n)) {
		web_error(w, 500, _("Your logbook could not be read. Try again later."));
		return;
	}
	page_begin(w, _("My logbook"));
	page_done_message(w);
	html(w->out, "<p>%s <a href=\"/api/v1/me\">%s</a></p>", _("Your logbook is yours: nobody else reads it, unless you share an entry with your facilitator or your group. You can take a shared entry back at any time."),
	     _("Download all your data (JSON)"));
	if (!logbook_kept(&w->ctx)) {
		html(w->out, "<p class=\"warn\">%s</p>", _("Your account is not linked to a person, so it has no logbook. Ask the administrator."));
		page_end(w);
		w->r->status = status;
		return;
	}
	html(w->out, "<h2 id=\"new\">%s</h2>", _("A new entry"));
	form_errors(w, err);
	html(w->out, "<form method=\"post\" action=\"/logbook\">");
	form_csrf(w);
	entry_fields(w, NULL, err);
	html(w->out, "<p><button type=\"submit\">%s</button></p></form>\n", _("Save entry"));
	html(w->out, "<h2 id=\"entries\">%s</h2>", _("Your entries"));
	if (!n)
		html(w->out, "<p>%s</p>", _("No entries yet."));
	else {
		html(w->out, "<ul>");
		for (size_t i = 0; i < n; i++) {
			html(w->out, "<li><a href=\"/logbook/%lld\">%s</a> — %s <span class=\"muted\">(%s)</span></li>", e[i].id,
			     date_label(w->a, e[i].entry_date), excerpt(w, &e[i]),
			     logbook_sharing_label(e[i].shared_with));
		}
		html(w->out, "</ul>\n");
	}
	page_end(w);
	w->r->status = status;
}

void page_logbook(struct web *w)
{
	logbook_page(w, NULL, 200);
}

static void read_form(struct web *w, struct logbook_entry *e)
{
	e->entry_date = (char *)web_field(w, "entry_date");
	e->energy_gave = (char *)web_field(w, "energy_gave");
	e->energy_cost = (char *)web_field(w, "energy_cost");
	e->body = (char *)web_field(w, "body");
	e->tags = (char *)web_field(w, "tags");
}

/* A date after today is saved only when the writer confirms it: most are
 * a typing error in the year or the month. False after adding the question. */
static bool date_sure(struct web *w, const struct logbook_entry *e, struct errors *err)
{
	if (!strcmp(web_field(w, "date_ahead"), "1") || !logbook_date_ahead(e->entry_date, (long long)time(NULL)))
		return true;
	errors_add(&w->ctx, err, "date_ahead", _("%s is in the future. Check the date, or confirm that you mean it."),
		   date_label(w->a, e->entry_date));
	return false;
}

void page_logbook_add(struct web *w)
{
	struct logbook_entry e = { 0 };
	read_form(w, &e);
	struct errors err = { 0 };
	if (!date_sure(w, &e, &err)) {
		logbook_page(w, &err, 422);
		return;
	}
	int d = logbook_save(&w->ctx, &e, (long long)time(NULL), &err, NULL);
	if (d == D_OK)
		web_redirect(w, "/logbook?done=logbook-saved");
	else if (d == D_INVALID)
		logbook_page(w, &err, 422);
	else
		web_error(w, 500, _("The entry could not be saved. Try again later."));
}

/* Who may read the entry, and in which of the writer's groups. */
static void share_section(struct web *w, const struct logbook_view *v, const struct errors *se)
{
	const struct logbook_entry *e = &v->e;
	html(w->out, "<h2 id=\"share\">%s</h2>", _("Share"));
	form_errors(w, se);
	html(w->out, "<form method=\"post\" action=\"/logbook/%lld/share\">", e->id);
	form_csrf(w);
	html(w->out, "<p class=\"field\"><label for=\"f-shared_with\">%s</label><select id=\"f-shared_with\" name=\"shared_with\">",
	     _("Who may read this entry"));
	static const char *const opts[] = { "private", "facilitator", "group" };
	for (int i = 0; i < 3; i++)
		html(w->out, !strcmp(e->shared_with, opts[i]) ? "<option value=\"%s\" selected>%s</option>" : "<option value=\"%s\">%s</option>",
		     opts[i], i == 0 ? _("only me") : i == 1 ? _("me and the facilitator of the group") : _("me and the group, its mentor and facilitator"));
	html(w->out, "</select></p><p class=\"field\"><label for=\"f-group_id\">%s</label><select id=\"f-group_id\" name=\"group_id\">",
	     _("In the group"));
	for (size_t i = 0; i < v->ngroups; i++)
		html(w->out, v->groups[i].id == e->group_id ? "<option value=\"%lld\" selected>%s</option>" : "<option value=\"%lld\">%s</option>",
		     v->groups[i].id, v->groups[i].name);
	html(w->out, "</select></p><p><button type=\"submit\">%s</button></p></form>\n", _("Save sharing"));
}

static void edit_section(struct web *w, const struct logbook_entry *e, const struct errors *ee)
{
	html(w->out, "<h2 id=\"edit\">%s</h2>", _("Change"));
	form_errors(w, ee);
	html(w->out, "<form method=\"post\" action=\"/logbook/%lld\">", e->id);
	form_csrf(w);
	entry_fields(w, e, ee);
	html(w->out, "<p><button type=\"submit\">%s</button> <button type=\"submit\" name=\"action\" value=\"delete\" class=\"danger\">%s</button></p></form>\n",
	     _("Save entry"), _("Remove entry"));
}

static void entry_page(struct web *w, const char *form, const struct errors *err, int status)
{
	struct logbook_view v;
	int r = logbook_open(&w->ctx, w->id[0], &v);
	if (r == D_NOTFOUND) {
		web_not_found(w);
		return;
	}
	if (r) {
		web_error(w, 500, _("The entry could not be read. Try again later."));
		return;
	}
	const struct logbook_entry *e = &v.e;
	page_begin(w, v.mine ? arena_printf(w->a, _("Logbook, %s"), date_label(w->a, e->entry_date))
			     : arena_printf(w->a, _("Logbook of %s, %s"), e->writer_name, date_label(w->a, e->entry_date)));
	page_done_message(w);
	if (v.mine)
		html(w->out, "<p><a href=\"/logbook\">%s</a></p><p>%s</p>", _("Back to my logbook"),
		     logbook_sharing_label(e->shared_with));
	else
		html(w->out, "<p><a href=\"/groups/%lld\">%s</a></p><p class=\"muted\">%s</p>", e->group_id, _("Back to the group"),
		     _("Shared with you by the writer. Your reading is recorded in the audit log."));
	if (!v.mine || !form || strcmp(form, "edit")) {
		text_block(w, _("What gave energy"), e->energy_gave);
		text_block(w, _("What cost energy"), e->energy_cost);
		text_block(w, _("Notes"), e->body);
		if (*e->tags)
			html(w->out, "<p>%s: %s</p>", _("Tags"), e->tags);
	}
	if (v.mine) {
		share_section(w, &v, form && !strcmp(form, "share") ? err : NULL);
		consent_logbook_section(w, e->id);
		edit_section(w, e, form && !strcmp(form, "edit") ? err : NULL);
	}
	page_end(w);
	w->r->status = status;
}

void page_logbook_entry(struct web *w)
{
	entry_page(w, NULL, NULL, 200);
}

static void after(struct web *w, int d, const char *form, const struct errors *err, const char *done)
{
	if (d == D_OK)
		web_redirect(w, !strcmp(done, "logbook-removed") ? "/logbook?done=logbook-removed"
								 : arena_printf(w->a, "/logbook/%lld?done=%s", w->id[0], done));
	else if (d == D_NOTFOUND)
		web_not_found(w);
	else if (d == D_INVALID)
		entry_page(w, form, err, 422);
	else
		web_error(w, 500, _("The entry could not be saved. Try again later."));
}

void page_logbook_update(struct web *w)
{
	struct errors err = { 0 };
	if (!strcmp(web_field(w, "action"), "delete")) {
		/* the writer's own entries only: another reader is not asked (and
		 * no read of theirs is recorded for a question) */
		struct logbook_entry *own;
		size_t n;
		if (logbook_own(&w->ctx, &own, &n)) {
			web_error(w, 500, _("The entry could not be saved. Try again later."));
			return;
		}
		const struct logbook_entry *e = NULL;
		for (size_t i = 0; i < n && !e; i++)
			if (own[i].id == w->id[0])
				e = &own[i];
		if (!e) {
			web_not_found(w);
			return;
		}
		if (!web_confirm_delete(w, arena_printf(w->a, _("your logbook entry of %s"), date_label(w->a, e->entry_date)),
					arena_printf(w->a, "/logbook/%lld", e->id)))
			return;
		after(w, logbook_delete(&w->ctx, w->id[0]), "edit", &err, "logbook-removed");
		return;
	}
	struct logbook_entry e = { 0 };
	e.id = w->id[0];
	read_form(w, &e);
	if (!date_sure(w, &e, &err)) {
		after(w, D_INVALID, "edit", &err, "logbook-saved");
		return;
	}
	after(w, logbook_save(&w->ctx, &e, (long long)time(NULL), &err, NULL), "edit", &err, "logbook-saved");
}

void page_logbook_share(struct web *w)
{
	struct errors err = { 0 };
	long long group = web_field_id(w, "group_id");
	after(w, logbook_share(&w->ctx, w->id[0], web_field(w, "shared_with"), group, (long long)time(NULL), &err), "share",
	      &err, "logbook-shared");
}

void logbook_group_section(struct web *w, long long group_id)
{
	struct logbook_entry *e;
	size_t n;
	if (logbook_shared(&w->ctx, group_id, &e, &n) || !n)
		return;
	html(w->out, "<h2 id=\"logbook\">%s</h2><ul>", _("Logbook entries shared with you"));
	for (size_t i = 0; i < n; i++) {
		html(w->out, "<li><a href=\"/logbook/%lld\">%s, %s</a> — %s</li>", e[i].id, e[i].writer_name,
		     date_label(w->a, e[i].entry_date), excerpt(w, &e[i]));
	}
	html(w->out, "</ul>\n");
}
