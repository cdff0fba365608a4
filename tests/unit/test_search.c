/* test_search.c — search through the domain: Dutch word forms are found
 * (the stems are those of libstemmer's Dutch stemmer; see
 * test_fts_dutch.c for how they were observed), and a result is never a
 * text the user may not read; the coach's snippets are anonymised and a
 * coach cannot find a report by a participant's name. Also the safe
 * Markdown of reports (formats/markdown.c). */
#include "test.h"
#include "fixture.h"
#include "core/i18n.h"
#include "domain/group.h"
#include "domain/logbook.h"
#include "domain/meeting.h"
#include "domain/programme.h"
#include "domain/report.h"
#include "domain/role.h"
#include "domain/search.h"
#include "formats/markdown.h"
#include "store/store.h"
#include "core/compiler.h"

#include <stdlib.h>
#include <string.h>

static long long person(struct fixture *f, const char *emp, const char *name)
{
	struct person p = { 0 };
	p.employee_id = (char *)emp;
	p.name = (char *)name;
	p.active = 1;
	long long id = 0;
	return store_person_insert(f->st, f->org_a, &p, &id) ? -1 : id;
}

static struct ctx as(struct fixture *f, struct actor *w, long long person_id, unsigned roles)
{
	memset(w, 0, sizeof(*w));
	w->organisation_id = f->org_a;
	w->person_id = person_id;
	w->roles = roles;
	w->email = "t";
	return (struct ctx){ f->st, &f->a, w, 0 };
}

/* How many results of this kind the actor gets for the query. */
static size_t hits(struct ctx *c, const char *q, const char *kind)
{
	struct search_result *r;
	size_t n, k = 0;
	bool more;
	struct errors e = { 0 };
	if (search_run(c, q, 1, &r, &n, &more, &e))
		return (size_t)-1;
	for (size_t i = 0; i < n; i++)
		k += !kind || !strcmp(r[i].kind, kind);
	return k;
}

struct world {
	long long anna, bob, facilitator, coach, group, other, meeting;
};

static bool setup(struct fixture *f, struct world *x)
{
	struct errors e = { 0 };
	long long prog, batch;
	i18n_use(LANG_EN);
	x->anna = person(f, "A", "Anna Jansen");
	x->bob = person(f, "B", "Bob Peters");
	x->facilitator = person(f, "F", "Frank Mulder");
	x->coach = person(f, "C", "Carla de Boer");
	struct meeting_when w = { "2026-01-12", "09:00", "12:00", "" };
	return programme_from_template(&f->c, "live", "L", &e, &prog) == D_OK &&
	       batch_create(&f->c, prog, "", &e, &batch) == D_OK && group_create(&f->c, batch, "A", &e, &x->group) == D_OK &&
	       group_create(&f->c, batch, "B", &e, &x->other) == D_OK &&
	       group_enrol(&f->c, x->group, &x->anna, 1, "2026-01-05", &e) == D_OK &&
	       group_enrol(&f->c, x->other, &x->bob, 1, "2026-01-05", &e) == D_OK &&
	       group_staff(&f->c, x->group, 0, x->facilitator, "proposed", &e) == D_OK &&
	       meeting_plan(&f->c, x->group, 1, &w, 1, &e, &x->meeting) == D_OK;
}

static int report(struct fixture *f, struct world *x, const char *themes, bool publish)
{
	struct actor w;
	struct ctx c = as(f, &w, x->facilitator, ROLE_BIT(ROLE_FACILITATOR));
	struct errors e = { 0 };
	struct report_texts t = { "", themes, "", "", NULL };
	int r = report_save(&c, x->meeting, &t, 1, &e, NULL);
	return r ? r : report_publish(&c, x->meeting, publish, 2, &e);
}

TEST(search_finds_dutch_word_forms)
{
	FIXTURE(f);
	struct world x;
	CHECK(setup(&f, &x));
	CHECK_INT(report(&f, &x, "De vergaderingen met leidinggevenden en de gesprekken met collega's over besluiten "
				 "van de leiders en hun teams; ontwikkelingen beëindigen.", true), D_OK);
	struct actor w;
	struct ctx anna = as(&f, &w, x.anna, ROLE_BIT(ROLE_PARTICIPANT));
	static const char *const found[] = { "vergadering", "leidinggevende", "gesprek", "collega", "besluit", "leider",
					     "team", "ontwikkeling", "beeindigen", "VERGADERINGEN", "verga*" };
	for (size_t i = 0; i < ARRAY_SIZE(found); i++) {
		size_t n = hits(&anna, found[i], "report");
		if (n != 1)
			test_fail(__FILE__, __LINE__, "\"%s\" gave %zu results, expected 1", found[i], n);
		else
			test_pass();
	}
	CHECK_INT(hits(&anna, "leren", NULL), 0);
	CHECK_INT(hits(&anna, "vergadering tamelijk", NULL), 0);   /* every word is required */
	struct search_result *r;
	size_t n;
	bool more;
	struct errors e = { 0 };
	CHECK_INT(search_run(&anna, "leider", 1, &r, &n, &more, &e), D_OK);
	CHECK(n == 1 && strstr(r[0].snippet, "\x01leiders\x02") != NULL);   /* the word as written is marked */
	CHECK(n == 1 && !strcmp(r[0].href, arena_printf(&f.a, "/meetings/%lld/report", x.meeting)));
	/* what the user typed never breaks the query */
	CHECK_INT(search_run(&anna, "\"vergadering\" OR NEAR( * ) AND \"", 1, &r, &n, &more, &e), D_OK);
	CHECK_INT(search_run(&anna, "  ;; ", 1, &r, &n, &more, &e), D_INVALID);
	fixture_close(&f);
}

TEST(search_never_shows_what_the_user_may_not_read)
{
	FIXTURE(f);
	struct world x;
	CHECK(setup(&f, &x));
	CHECK_INT(report(&f, &x, "Concepttekst over zeldzaamheden", false), D_OK);
	struct actor wa, wb, wf, wo, wc;
	struct ctx anna = as(&f, &wa, x.anna, ROLE_BIT(ROLE_PARTICIPANT));
	struct ctx bob = as(&f, &wb, x.bob, ROLE_BIT(ROLE_PARTICIPANT));
	struct ctx fac = as(&f, &wf, x.facilitator, ROLE_BIT(ROLE_FACILITATOR));
	struct ctx owner = as(&f, &wo, 0, ROLE_BIT(ROLE_OWNER));
	struct ctx coach = as(&f, &wc, x.coach, ROLE_BIT(ROLE_COACH));
	/* a draft: the facilitator only */
	CHECK_INT(hits(&fac, "zeldzaamheid", "report"), 1);
	CHECK_INT(hits(&anna, "zeldzaamheid", NULL), 0);
	CHECK_INT(hits(&coach, "zeldzaamheid", NULL), 0);
	/* published: the group and the coach, not another group or the owner */
	CHECK_INT(report(&f, &x, "Anna Jansen sprak over zeldzaamheden", true), D_OK);
	CHECK_INT(hits(&anna, "zeldzaamheid", "report"), 1);
	CHECK_INT(hits(&bob, "zeldzaamheid", NULL), 0);
	CHECK_INT(hits(&owner, "zeldzaamheid", NULL), 0);
	CHECK_INT(hits(&f.cb, "zeldzaamheid", NULL), 0);     /* the other organisation */
	struct search_result *r;
	size_t n;
	bool more;
	struct errors e = { 0 };
	CHECK_INT(search_run(&coach, "zeldzaamheid", 1, &r, &n, &more, &e), D_OK);
	CHECK(n == 1 && strstr(r[0].snippet, "Anna") == NULL && strstr(r[0].snippet, "[participant]") != NULL);
	/* a coach may not find who said what by a name */
	CHECK_INT(hits(&coach, "Anna zeldzaamheid", NULL), 0);
	CHECK_INT(hits(&coach, "Jansen", NULL), 0);
	CHECK_INT(hits(&coach, "Jans*", NULL), 0);         /* a prefix reaches the name too */
	CHECK_INT(hits(&coach, "Jansens", NULL), 0);       /* and so does a stemmed form */
	CHECK_INT(hits(&anna, "Jansen", "report"), 1);
	/* a logbook entry: its writer, and whom it was shared with */
	struct logbook_entry le = { 0 };
	le.entry_date = "2026-01-13";
	le.energy_gave = "Vergaderingen met de wijkteams";
	le.energy_cost = le.body = le.tags = "";
	long long id;
	CHECK_INT(logbook_save(&anna, &le, 3, &e, &id), D_OK);
	CHECK_INT(hits(&anna, "wijkteam", "logbook"), 1);
	CHECK_INT(hits(&fac, "wijkteam", NULL), 0);
	CHECK_INT(hits(&coach, "wijkteam", NULL), 0);
	CHECK_INT(logbook_share(&anna, id, "facilitator", x.group, 4, &e), D_OK);
	CHECK_INT(hits(&fac, "wijkteam", "logbook"), 1);
	CHECK_INT(hits(&coach, "wijkteam", NULL), 0);
	CHECK_INT(logbook_share(&anna, id, "private", 0, 5, &e), D_OK);
	CHECK_INT(hits(&fac, "wijkteam", NULL), 0);
	/* each result read by another than its writer is audited */
	CHECK(fixture_query(&f, "SELECT count(*) FROM audit_log WHERE action = 'logbook.read'") == 1);
	fixture_close(&f);
}

/* Pages of SEARCH_PAGE: each shows the next results the actor may read
 * (another's entries in between do not count), says whether there is a
 * next page, and records as read only what it shows. */
TEST(search_pages_show_each_result_once_and_audit_only_what_is_shown)
{
	FIXTURE(f);
	struct world x;
	CHECK(setup(&f, &x));
	struct actor wa, wb, wf;
	struct ctx anna = as(&f, &wa, x.anna, ROLE_BIT(ROLE_PARTICIPANT));
	struct ctx bob = as(&f, &wb, x.bob, ROLE_BIT(ROLE_PARTICIPANT));
	struct ctx fac = as(&f, &wf, x.facilitator, ROLE_BIT(ROLE_FACILITATOR));
	const size_t own = 2 * SEARCH_PAGE + 5;
	struct errors e = { 0 };
	for (size_t i = 0; i < own; i++) {
		struct logbook_entry le = { 0 };
		le.entry_date = "2026-01-13";
		le.energy_gave = arena_printf(&f.a, "Overleg %zu met de wijkteams", i);
		le.energy_cost = le.body = le.tags = "";
		long long id;
		CHECK_INT(logbook_save(&anna, &le, 10 + (long long)i, &e, &id), D_OK);
		CHECK_INT(logbook_share(&anna, id, "facilitator", x.group, 100 + (long long)i, &e), D_OK);
		le.energy_gave = "Bob over de wijkteams";
		CHECK_INT(logbook_save(&bob, &le, 10 + (long long)i, &e, &id), D_OK);  /* not Anna's to read */
	}
	long long seen[3 * SEARCH_PAGE];
	size_t nseen = 0;
	static const size_t want[] = { SEARCH_PAGE, SEARCH_PAGE, 5, 0 };
	for (long long page = 1; page <= 4; page++) {
		struct search_result *r;
		size_t n;
		bool more;
		CHECK_INT(search_run(&anna, "wijkteam", page, &r, &n, &more, &e), D_OK);
		CHECK_INT(n, want[page - 1]);
		CHECK_INT(more, page < 3);
		for (size_t i = 0; i < n; i++) {
			CHECK_STR(r[i].kind, "logbook");
			CHECK(strstr(r[i].snippet, "Overleg") != NULL);
			for (size_t k = 0; k < nseen; k++)
				CHECK(seen[k] != r[i].id);
			if (nseen < ARRAY_SIZE(seen))
				seen[nseen++] = r[i].id;
		}
	}
	CHECK_INT(nseen, own);
	/* a page beyond the last that may be leafed to is the last */
	struct search_result *r;
	size_t n;
	bool more;
	CHECK_INT(search_run(&anna, "wijkteam", SEARCH_PAGES_MAX + 5, &r, &n, &more, &e), D_OK);
	CHECK_INT(n, 0);
	/* the facilitator reads what was shared: audited per shown result */
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM audit_log WHERE action = 'logbook.read'"), 0);
	CHECK_INT(search_run(&fac, "wijkteam", 1, &r, &n, &more, &e), D_OK);
	CHECK_INT(n, SEARCH_PAGE);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM audit_log WHERE action = 'logbook.read'"), SEARCH_PAGE);
	CHECK_INT(search_run(&fac, "wijkteam", 3, &r, &n, &more, &e), D_OK);
	CHECK_INT(n, 5);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM audit_log WHERE action = 'logbook.read'"), SEARCH_PAGE + 5);
	fixture_close(&f);
}

static char *html_of(const char *md)
{
	struct buf b = BUF_INIT;
	md_html(&b, md, strlen(md));
	return buf_detach(&b, NULL);
}

TEST(markdown_renders_hostile_input_harmless)
{
	static const char *const bad[] = {
		"<script>alert(1)</script>",
		"tekst <script>alert(1)</script> tekst",
		"<img src=x onerror=alert(1)>",
		"![plaatje](javascript:alert(1))",
		"[x](javascript:alert(1))",
		"[x](JaVaScRiPt:alert(1))",
		"[x](vbscript:msgbox)",
		"<div onclick=\"x()\">raw</div>",
		"<a href=\"javascript:alert(1)\">a</a>",
		"[x](data:text/html;base64,PHNjcmlwdD4=)",
	};
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
		char *h = html_of(bad[i]);
		bool ok = !strstr(h, "<script") && !strstr(h, "onerror") && !strstr(h, "onclick") &&
			  !strstr(h, "javascript:") && !strstr(h, "JaVaScRiPt:") && !strstr(h, "vbscript:") &&
			  !strstr(h, "<img") && !strstr(h, "<div") && !strstr(h, "data:text");
		if (ok)
			test_pass();
		else
			test_fail(__FILE__, __LINE__, "%s gave %s", bad[i], h);
		free(h);
	}
	char *h = html_of("**vet** en *schuin*\n\n- een\n- twee\n\n> citaat\n\n[site](https://example.org)");
	CHECK(strstr(h, "<strong>vet</strong>") && strstr(h, "<em>schuin</em>") && strstr(h, "<li>een</li>") &&
	      strstr(h, "<blockquote>") && strstr(h, "<a href=\"https://example.org\">site</a>"));
	free(h);
	struct buf b = BUF_INIT;
	md_plain(&b, "# Kop\n\n**vet** <b>x</b>\n\n- een", 30);
	CHECK_STR(b.ptr, "Kop\nvet x\neen");
	/* the .md export: raw HTML becomes text, dangerous links lose their URL */
	buf_reset(&b);
	const char *hostile = "Hoi <script>alert(1)</script>\n\n<div onclick=\"x()\">raw</div>\n\n[x](javascript:alert(1)) "
			      "[y](https://example.org) *ok*";
	md_safe(&b, hostile, strlen(hostile));
	CHECK_STR(b.ptr, "Hoi \\<script\\>alert(1)\\</script\\>\n\n\\<div onclick=\"x()\"\\>raw\\</div\\>\n\n"
			 "[x]() [y](https://example.org) *ok*");
	char *again = html_of(b.ptr);   /* read back by any viewer: text, not markup */
	CHECK(strstr(again, "&lt;script&gt;") && !strstr(again, "<script") && !strstr(again, "javascript"));
	free(again);
	buf_reset(&b);
	/* for the PDF: raw HTML left out as the page leaves it out, the words between tags kept */
	const char *tags = "Een <b>vet</b> woord\n\n<script>alert(1)</script>\n\n<div onclick=\"x()\">raw</div>\n\nNa";
	md_without_html(&b, tags, strlen(tags));
	CHECK_STR(b.ptr, "Een vet woord\n\nNa");
	buf_reset(&b);
	md_escape(&b, "LiVe! *groep* [1]\nnaam");
	CHECK_STR(b.ptr, "LiVe! \\*groep\\* \\[1\\] naam");
	buf_release(&b);
}
