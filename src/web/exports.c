/* exports.c — one page per organisation with everything that may leave
 * leergang (/exports): the people list, the data of each wave, the
 * calendars and the learning stories, each as far as the reader's role
 * reaches (the researcher sees the research part: the waves). The files
 * themselves come from their own routes, each of which records the export
 * in the audit log (domain/export_audit.h). */
#include "web.h"
#include "domain/report.h"
#include "domain/group_view.h"
#include "domain/survey.h"
#include "html/html.h"

#include <string.h>

static bool has(struct web *w, unsigned roles)
{
	return actor_has(&w->who, roles);
}

static void people_part(struct web *w)
{
	html(w->out, "<h2 id=\"people\">%s</h2><p>%s</p><ul><li><a href=\"/people.csv\" download>%s</a></li></ul>\n",
	     _("People"), _("Everyone of the organisation with unit, job level and e-mail address, for Excel."),
	     _("People (CSV)"));
}

static void waves_part(struct web *w)
{
	html(w->out, "<h2 id=\"waves\">%s</h2><p>%s</p>\n", _("Questionnaire data"),
	     _("The answers of a round without names, links or numbers; only when its results may be shown."));
	struct wave *wv;
	size_t n;
	if (wave_list(&w->ctx, &wv, &n)) {
		html(w->out, "<p class=\"warn\">%s</p>\n", _("The questionnaires could not be read. Try again later."));
		return;
	}
	if (!n) {
		html(w->out, "<p>%s</p>\n", _("No questionnaire rounds yet."));
		return;
	}
	html(w->out, "<table tabindex=\"0\"><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
	     _("Round"), _("Responses"), _("Files"));
	for (size_t i = 0; i < n; i++) {
		const char *why = wave_hidden_reason(&w->ctx, &wv[i], wv[i].responded);
		html(w->out, "<tr><td><a href=\"/waves/%lld\">%s</a></td><td>%lld</td><td>", wv[i].id, wv[i].name,
		     wv[i].responded);
		if (why)
			html(w->out, "%s", why);
		else
			html(w->out, "<a href=\"/waves/%lld/export.csv\" download>CSV</a> · <a href=\"/waves/%lld/export.xlsx\" download>XLSX</a>"
				" · <a href=\"/waves/%lld/export.sav\" download>SPSS (.sav)</a>", wv[i].id, wv[i].id, wv[i].id);
		html(w->out, "</td></tr>");
	}
	html(w->out, "</tbody></table>\n");
}

/* Calendars and learning stories per group, for the coach. */
static void groups_part(struct web *w, bool groups)
{
	html(w->out, "<h2 id=\"calendars\">%s</h2><p>%s <a href=\"/calendar\">%s</a></p>\n", _("Calendars"),
	     _("Everyone's own meetings as a feed for an agenda app:"), _("my calendar links"));
	if (!groups)
		return;
	struct learning_group *g;
	size_t n;
	bool all;
	if (group_list_visible(&w->ctx, &g, &n, &all)) {
		html(w->out, "<p class=\"warn\">%s</p>\n", _("The groups could not be read. Try again later."));
		return;
	}
	html(w->out, "<h2 id=\"stories\">%s</h2><p>%s</p>\n", _("Calendars and learning stories per group"),
	     _("A learning story can be downloaded once the facilitator has bundled it; the coach reads it without names."));
	if (!n) {
		html(w->out, "<p>%s</p>\n", _("No groups yet."));
		return;
	}
	html(w->out, "<table tabindex=\"0\"><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
	     _("Group"), _("Calendar"), _("Learning story"));
	for (size_t i = 0; i < n; i++) {
		html(w->out, "<tr><td><a href=\"/groups/%lld\">%s</a> (%s)</td><td><a href=\"/groups/%lld/calendar.ics\">.ics</a></td>",
		     g[i].id, g[i].name, g[i].programme_name ? g[i].programme_name : "", g[i].id);
		if (story_is_bundled(&w->ctx, g[i].id))
			html(w->out, "<td><a href=\"/groups/%lld/story.pdf\">PDF</a> · <a href=\"/groups/%lld/story.md\">Markdown</a></td></tr>",
			     g[i].id, g[i].id);
		else
			html(w->out, "<td>%s</td></tr>", _("not bundled yet"));
	}
	html(w->out, "</tbody></table>\n");
}

void page_exports(struct web *w)
{
	page_begin(w, _("Exports"));
	html(w->out, "<p>%s</p>\n",
	     _("Everything that may leave leergang, in one place. Every download is recorded in the audit log with who took what."));
	bool people = has(w, ROLES_PEOPLE_READ), waves = has(w, ROLES_SURVEY), coach = has(w, ROLE_BIT(ROLE_COACH));
	if (people)
		people_part(w);
	if (waves)
		waves_part(w);
	if (people || coach)
		groups_part(w, coach);
	page_end(w);
}
