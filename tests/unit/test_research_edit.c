/* test_research_edit.c — changing and removing what a researcher made
 * (domain/research.c) on a store holding the demo: a project renamed and
 * removed, a code changed, a memo and a replaced word removed, each by a
 * member only (anyone else, and a researcher of another organisation,
 * finds nothing), bad input refused with nothing changed, each change in
 * the audit log; a removed project takes all its own rows along, and
 * leaves the organisation's text it had copied and the other projects. */
#include "test.h"
#include "fixture.h"
#include "core/buf.h"
#include "demo/demo.h"
#include "domain/research.h"
#include "domain/research_consent.h"
#include "domain/role.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

/* A researcher of org acting with the account of that e-mail address. */
static struct ctx researcher(struct demo_db *d, struct actor *w, long long org, const char *email)
{
	memset(w, 0, sizeof(*w));
	w->organisation_id = org;
	w->account_id = fixture_query(&d->f, "SELECT id FROM account WHERE email = '%s'", email);
	w->person_id = fixture_query(&d->f, "SELECT coalesce(person_id, 0) FROM account WHERE email = '%s'", email);
	w->email = email;
	w->display_name = email;
	w->roles = ROLE_BIT(ROLE_RESEARCHER);
	return (struct ctx){ d->f.st, &d->f.a, w, 0 };
}

static long long rows(struct demo_db *d, const char *table, long long project)
{
	return fixture_query(&d->f, "SELECT count(*) FROM %s WHERE project_id = %lld", table, project);
}

static long long audited(struct demo_db *d, const char *action, long long id)
{
	return fixture_query(&d->f, "SELECT count(*) FROM audit_log WHERE action = '%s' AND object_id = %lld", action, id);
}

static const char *const OWN[] = { "research_coder", "research_source", "research_code", "research_selection",
				   "research_memo", "research_term", NULL };

/* A project with an interview, a logbook entry taken with its writer's
 * consent, a code under a code, a coded passage, two memos and a
 * replaced word; its id, or -1. *entry the logbook entry. */
static long long full_project(struct demo_db *d, struct ctx *c, const char *name, long long *entry)
{
	struct errors e = { 0 };
	long long p, src, taken, top, sub, sel, memo, term;
	/* the writer consents (research_consent.h) */
	struct actor ww = { .organisation_id = d->police, .email = "writer", .display_name = "writer",
			    .roles = ROLE_BIT(ROLE_PARTICIPANT) };
	ww.person_id = fixture_query(&d->f, "SELECT person_id FROM account WHERE email = 'deelnemer@politie.example'");
	struct ctx wc = { d->f.st, &d->f.a, &ww, 0 };
	*entry = fixture_query(&d->f, "SELECT min(id) FROM logbook_entry WHERE person_id = %lld", ww.person_id);
	if (*entry <= 0 || consent_logbook(&wc, *entry, true))
		return -1;
	if (research_project_create(c, name, "Doel", &e, &p) ||
	    research_source_add_text(c, p, "interview", "Gesprek", "", "", 0, "Ik leer van collega's.", &e, &src) ||
	    research_source_take(c, p, "logbook", *entry, &e, &taken) ||
	    research_code_add(c, p, 0, "Leren", "", "", &e, &top) ||
	    research_code_add(c, p, top, "Van collega's", "", "", &e, &sub))
		return -1;
	if (research_passage_add(c, p, src, 0, 8, &sub, 1, "", &e, &sel) ||
	    research_memo_add(c, p, "project", p, "Eerste indruk", &e, &memo) ||
	    research_memo_add(c, p, "code", sub, "Bij de code", &e, &memo) ||
	    research_term_add(c, p, "Stadskantoor", "[werkplek]", &e, &term))
		return -1;
	return p;
}

TEST(research_project_renamed_and_removed_by_a_member_with_its_own_rows_only)
{
	struct demo_db d;
	if (!demo_open(&d)) {
		CHECK(!"demo_open");
		fixture_close(&d.f);
		return;
	}
	struct actor wr, wo, wt;
	struct ctx r = researcher(&d, &wr, d.police, "onderzoeker@politie.example");
	/* no member: another account of the organisation with the role, and a researcher of another organisation */
	struct ctx other = researcher(&d, &wo, d.police, "coach@politie.example");
	struct ctx town = researcher(&d, &wt, d.town, "onderzoeker@gemeente.example");
	CHECK(wr.account_id > 0 && wo.account_id > 0 && wt.account_id > 0);
	long long entry, p = full_project(&d, &r, "Leren op de werkvloer", &entry), entry2;
	long long keep = full_project(&d, &r, "Een ander project", &entry2);
	CHECK(p > 0 && keep > 0);

	/* a rename: bad input changes nothing; the name and purpose as written, audited */
	struct errors e = { 0 };
	CHECK_INT(research_project_update(&r, p, "  ", "x", &e), D_INVALID);
	CHECK(errors_get(&e, "name") != NULL);
	CHECK_INT(fixture_query(&d.f, "SELECT count(*) FROM research_project WHERE id = %lld AND name = 'Leren op de werkvloer'"
				" AND purpose = 'Doel'", p), 1);
	CHECK_INT(audited(&d, "research.update", p), 0);
	e = (struct errors){ 0 };
	CHECK_INT(research_project_update(&other, p, "Van een ander", "", &e), D_NOTFOUND);
	CHECK_INT(research_project_update(&town, p, "Van een ander", "", &e), D_NOTFOUND);
	CHECK_INT(research_project_update(&r, p, " Leren van elkaar ", "Voor het programmateam", &e), D_OK);
	CHECK_INT(fixture_query(&d.f, "SELECT count(*) FROM research_project WHERE id = %lld AND name = 'Leren van elkaar'"
				" AND purpose = 'Voor het programmateam'", p), 1);
	CHECK_INT(audited(&d, "research.update", p), 1);

	/* removal: not by a non-member, not from another organisation */
	CHECK_INT(research_project_remove(&other, p), D_NOTFOUND);
	CHECK_INT(research_project_remove(&town, p), D_NOTFOUND);
	CHECK_INT(fixture_query(&d.f, "SELECT count(*) FROM research_project WHERE id = %lld", p), 1);
	long long codings = fixture_query(&d.f, "SELECT count(*) FROM research_coding");
	long long codings_p = fixture_query(&d.f, "SELECT count(*) FROM research_coding k JOIN research_selection x"
					    " ON x.id = k.selection_id WHERE x.project_id = %lld", p);
	CHECK_INT(codings_p, 1);
	CHECK_INT(research_project_remove(&r, p), D_OK);
	CHECK_INT(fixture_query(&d.f, "SELECT count(*) FROM research_project WHERE id = %lld", p), 0);
	for (const char *const *t = OWN; *t; t++) {
		CHECK_INT(rows(&d, *t, p), 0);
		CHECK(rows(&d, *t, keep) > 0);
	}
	CHECK_INT(fixture_query(&d.f, "SELECT count(*) FROM research_coding"), codings - codings_p);
	/* the organisation's text stays, with its writer's consent */
	CHECK_INT(fixture_query(&d.f, "SELECT count(*) FROM logbook_entry WHERE id = %lld AND research_consent = 1", entry), 1);
	/* one audit line with the name and what went */
	CHECK_INT(audited(&d, "research.remove", p), 1);
	CHECK_INT(fixture_query(&d.f, "SELECT count(*) FROM audit_log WHERE action = 'research.remove' AND object_id = %lld"
				" AND detail = 'Leren van elkaar (sources 2, codes 2, passages 1)'", p), 1);
	CHECK_INT(research_project_remove(&r, p), D_NOTFOUND);
	fixture_close(&d.f);
}

TEST(research_code_changed_and_memo_and_word_removed_by_a_member)
{
	struct demo_db d;
	if (!demo_open(&d)) {
		CHECK(!"demo_open");
		fixture_close(&d.f);
		return;
	}
	struct actor wr, wo;
	struct ctx r = researcher(&d, &wr, d.police, "onderzoeker@politie.example");
	struct ctx town = researcher(&d, &wo, d.town, "onderzoeker@gemeente.example");
	long long entry, entry2, p = full_project(&d, &r, "Project", &entry), q = full_project(&d, &r, "Ander", &entry2);
	CHECK(p > 0 && q > 0);
	long long top = fixture_query(&d.f, "SELECT id FROM research_code WHERE project_id = %lld AND parent_id IS NULL", p);
	long long sub = fixture_query(&d.f, "SELECT id FROM research_code WHERE project_id = %lld AND parent_id = %lld", p, top);
	long long q_code = fixture_query(&d.f, "SELECT min(id) FROM research_code WHERE project_id = %lld", q);
	struct errors e = { 0 };
	/* bad colour, a clash with a sibling's name (a second sub-code), empty name: nothing changes */
	long long sib;
	CHECK_INT(research_code_add(&r, p, top, "Van de leidinggevende", "", "", &e, &sib), D_OK);
	CHECK_INT(research_code_update(&r, p, sub, "Nieuw", "blauw", "", &e), D_INVALID);
	CHECK(errors_get(&e, "color") != NULL);
	e = (struct errors){ 0 };
	CHECK_INT(research_code_update(&r, p, sub, "Van de leidinggevende", "", "", &e), D_INVALID);
	CHECK(errors_get(&e, "name") != NULL);
	e = (struct errors){ 0 };
	CHECK_INT(research_code_update(&r, p, sub, "", "", "", &e), D_INVALID);
	CHECK_INT(fixture_query(&d.f, "SELECT count(*) FROM research_code WHERE id = %lld AND name = 'Van collega''s'"
				" AND color = '' AND parent_id = %lld", sub, top), 1);
	/* another project's code through this project, another organisation: not found */
	e = (struct errors){ 0 };
	CHECK_INT(research_code_update(&r, p, q_code, "Gekaapt", "", "", &e), D_NOTFOUND);
	CHECK_INT(research_code_update(&town, p, sub, "Gekaapt", "", "", &e), D_NOTFOUND);
	CHECK_INT(fixture_query(&d.f, "SELECT count(*) FROM research_code WHERE name = 'Gekaapt'"), 0);
	/* a good change: the colour in capitals, the place in the tree kept, audited */
	CHECK_INT(research_code_update(&r, p, sub, "Leren van collega's", "#1f77b4", "Wanneer iemand iets van een collega leert",
				       &e), D_OK);
	CHECK_INT(fixture_query(&d.f, "SELECT count(*) FROM research_code WHERE id = %lld AND name = 'Leren van collega''s'"
				" AND color = '#1F77B4' AND parent_id = %lld", sub, top), 1);
	CHECK_INT(audited(&d, "research.code_update", sub), 1);

	/* a memo: not through another project or organisation; then gone, audited */
	long long memo = fixture_query(&d.f, "SELECT id FROM research_memo WHERE project_id = %lld AND target = 'project'", p);
	long long q_memo = fixture_query(&d.f, "SELECT id FROM research_memo WHERE project_id = %lld AND target = 'project'", q);
	CHECK_INT(research_memo_remove(&r, p, q_memo), D_NOTFOUND);
	CHECK_INT(research_memo_remove(&town, p, memo), D_NOTFOUND);
	CHECK_INT(rows(&d, "research_memo", q), 2);
	CHECK_INT(research_memo_remove(&r, p, memo), D_OK);
	CHECK_INT(fixture_query(&d.f, "SELECT count(*) FROM research_memo WHERE id = %lld", memo), 0);
	CHECK_INT(rows(&d, "research_memo", p), 1);
	CHECK_INT(audited(&d, "research.memo_remove", memo), 1);
	CHECK_INT(audited(&d, "research.memo", memo), 1);   /* its adding was audited too */
	CHECK_INT(research_memo_remove(&r, p, memo), D_NOTFOUND);

	/* a replaced word, the same way */
	long long term = fixture_query(&d.f, "SELECT id FROM research_term WHERE project_id = %lld", p);
	long long q_term = fixture_query(&d.f, "SELECT id FROM research_term WHERE project_id = %lld", q);
	CHECK_INT(research_term_remove(&r, p, q_term), D_NOTFOUND);
	CHECK_INT(research_term_remove(&town, p, term), D_NOTFOUND);
	CHECK_INT(research_term_remove(&r, p, term), D_OK);
	CHECK_INT(rows(&d, "research_term", p), 0);
	CHECK_INT(rows(&d, "research_term", q), 1);
	CHECK_INT(audited(&d, "research.term_remove", term), 1);
	CHECK_INT(audited(&d, "research.term", term), 1);
	/* the audit line never holds the word (it may be a person's name) */
	CHECK_INT(fixture_query(&d.f, "SELECT count(*) FROM audit_log WHERE action = 'research.term' AND object_id = %lld"
				" AND detail LIKE '%%Stadskantoor%%'", term), 0);
	fixture_close(&d.f);
}
