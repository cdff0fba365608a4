/* test_people_io.c — importing people from CSV (all or nothing, a report
 * per line) and exporting them in the same columns. */
#include "test.h"
#include "fixture.h"
#include "domain/people_io.h"
#include "domain/person.h"
#include "domain/unit.h"
#include "domain/validate.h"
#include "store/store.h"

#include <stdlib.h>

/* A Dutch HR export: BOM, ';', CRLF, a manager further down the file. */
static const char dutch[] =
	"\xEF\xBB\xBFpersoneelsnummer;naam;e-mail;afdeling;leidinggevende;functieniveau\r\n"
	"1001;Jan Jansen;jan@example.nl;Operati\xC3\xABn/Team Noord;1002;schaal 10\r\n"
	"1002;Piet Pieters;piet@example.nl;Operati\xC3\xABn;;schaal 12\r\n"
	"1003;Anna de Vries;;Operati\xC3\xABn/Team Zuid;1002;\r\n";

static int import(struct fixture *f, const char *data, const int *map, bool apply, struct import_report *rep)
{
	return people_import(&f->c, data, strlen(data), map, apply, rep);
}

static long long count(struct fixture *f, const char *table)
{
	return fixture_query(f, "SELECT count(*) FROM %s WHERE organisation_id = %lld", table, f->org_a);
}

static void print_issues(const struct import_report *rep)
{
	for (size_t i = 0; i < rep->nissues; i++)
		fprintf(stderr, "    issue line %zu [%s]: %s (%s)\n", rep->issues[i].line, rep->issues[i].column,
			rep->issues[i].problem, rep->issues[i].fix);
}

/* Fails the test with the report when the import did not give want. */
#define CHECK_IMPORT(expr, want, rep)                                         \
	do {                                                                  \
		int d_ = (expr);                                              \
		CHECK_INT(d_, want);                                          \
		if (d_ != (want))                                             \
			print_issues(rep);                                    \
	} while (0)

static struct person get(struct fixture *f, const char *emp)
{
	struct person p = { 0 };
	if (store_person_by_employee_id(f->st, &f->a, f->org_a, emp, &p) != ST_OK)
		p.name = "(not found)";
	return p;
}

static const char *path_of(struct fixture *f, long long unit_id)
{
	struct unit_tree t;
	if (unit_tree_load(&f->c, false, &t))
		return NULL;
	return unit_tree_path(&t, unit_id);
}

TEST(import_dutch_file_with_bom)
{
	FIXTURE(f);
	struct import_report rep;
	CHECK_IMPORT(import(&f, dutch, NULL, true, &rep), D_OK, &rep);
	CHECK_INT(rep.nissues, 0);
	CHECK_INT(rep.sep, ';');
	CHECK_INT(rep.converted, 0);
	CHECK_INT(rep.rows, 3);
	CHECK_INT(rep.created, 3);
	CHECK_INT(rep.updated, 0);
	CHECK_INT(rep.unchanged, 0);
	CHECK_INT(rep.units_created, 3);  /* Operatiën, Team Noord, Team Zuid */
	CHECK_INT(rep.ncols, 6);
	if (rep.ncols == 6) {
		CHECK_STR(rep.headers[0], "personeelsnummer");  /* without the BOM */
		CHECK_STR(rep.headers[5], "functieniveau");
	}
	CHECK_INT(rep.map[IF_EMPLOYEE_ID], 0);
	CHECK_INT(rep.map[IF_NAME], 1);
	CHECK_INT(rep.map[IF_EMAIL], 2);
	CHECK_INT(rep.map[IF_UNIT], 3);
	CHECK_INT(rep.map[IF_MANAGER], 4);
	CHECK_INT(rep.map[IF_JOB_LEVEL], 5);
	CHECK_INT(rep.map[IF_ACTIVE], -1);

	CHECK_INT(count(&f, "person"), 3);
	CHECK_INT(count(&f, "unit"), 3);
	struct person jan = get(&f, "1001"), piet = get(&f, "1002"), anna = get(&f, "1003");
	CHECK_STR(jan.name, "Jan Jansen");
	CHECK_STR(jan.email, "jan@example.nl");
	CHECK_STR(jan.job_level, "schaal 10");
	CHECK_INT(jan.active, 1);
	CHECK_STR(jan.manager_employee_id, "1002");
	CHECK_INT(jan.manager_id, piet.id);
	CHECK_STR(path_of(&f, jan.unit_id), "Operati\xC3\xABn/Team Noord");
	CHECK_STR(path_of(&f, piet.unit_id), "Operati\xC3\xABn");
	CHECK_INT(piet.manager_id, 0);
	CHECK_STR(piet.job_level, "schaal 12");
	CHECK_STR(path_of(&f, anna.unit_id), "Operati\xC3\xABn/Team Zuid");
	CHECK_STR(anna.email, "");
	CHECK_STR(anna.job_level, "");
	CHECK_STR(anna.manager_employee_id, "1002");
	/* nothing in the other organisation */
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM person WHERE organisation_id = %lld", f.org_b), 0);
	/* one audit row for the import itself */
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM audit_log WHERE action = 'import.people' AND organisation_id = %lld",
				f.org_a), 1);
	fixture_close(&f);
}

TEST(import_again_changes_nothing)
{
	FIXTURE(f);
	struct import_report rep;
	CHECK_IMPORT(import(&f, dutch, NULL, true, &rep), D_OK, &rep);
	long long audits = count(&f, "audit_log");
	CHECK(audits > 0);
	CHECK_IMPORT(import(&f, dutch, NULL, true, &rep), D_OK, &rep);
	CHECK_INT(rep.created, 0);
	CHECK_INT(rep.updated, 0);
	CHECK_INT(rep.unchanged, 3);
	CHECK_INT(rep.units_created, 0);
	CHECK_INT(rep.nissues, 0);
	CHECK_INT(count(&f, "person"), 3);
	CHECK_INT(count(&f, "unit"), 3);
	CHECK_INT(count(&f, "audit_log"), audits);
	fixture_close(&f);
}

TEST(import_changed_rows_are_updated)
{
	FIXTURE(f);
	struct import_report rep;
	CHECK_IMPORT(import(&f, dutch, NULL, true, &rep), D_OK, &rep);
	long long audits = count(&f, "audit_log");
	/* one new name */
	static const char renamed[] =
		"personeelsnummer;naam;e-mail;afdeling;leidinggevende;functieniveau\r\n"
		"1001;Jan Janssen;jan@example.nl;Operati\xC3\xABn/Team Noord;1002;schaal 10\r\n"
		"1002;Piet Pieters;piet@example.nl;Operati\xC3\xABn;;schaal 12\r\n"
		"1003;Anna de Vries;;Operati\xC3\xABn/Team Zuid;1002;\r\n";
	CHECK_IMPORT(import(&f, renamed, NULL, true, &rep), D_OK, &rep);
	CHECK_INT(rep.created, 0);
	CHECK_INT(rep.updated, 1);
	CHECK_INT(rep.unchanged, 2);
	CHECK_STR(get(&f, "1001").name, "Jan Janssen");
	CHECK(count(&f, "audit_log") > audits);

	/* another manager and unit for 1003, 1001's manager removed, a
	 * column left out keeps its values */
	static const char moved[] =
		"personeelsnummer;naam;afdeling;leidinggevende\r\n"
		"1001;Jan Janssen;Operati\xC3\xABn/Team Noord;\r\n"
		"1002;Piet Pieters;Operati\xC3\xABn;\r\n"
		"1003;Anna de Vries;Staf;1001\r\n";
	CHECK_IMPORT(import(&f, moved, NULL, true, &rep), D_OK, &rep);
	CHECK_INT(rep.created, 0);
	CHECK_INT(rep.updated, 2);
	CHECK_INT(rep.unchanged, 1);
	CHECK_INT(rep.units_created, 1);
	struct person jan = get(&f, "1001"), anna = get(&f, "1003");
	CHECK_INT(jan.manager_id, 0);
	CHECK_STR(jan.email, "jan@example.nl");
	CHECK_STR(jan.job_level, "schaal 10");
	CHECK_STR(anna.manager_employee_id, "1001");
	CHECK_STR(path_of(&f, anna.unit_id), "Staf");

	/* the active column */
	static const char gone[] =
		"personeelsnummer;naam;actief\r\n"
		"1002;Piet Pieters;nee\r\n"
		"1004;Nieuw;ja\r\n";
	CHECK_IMPORT(import(&f, gone, NULL, true, &rep), D_OK, &rep);
	CHECK_INT(rep.created, 1);
	CHECK_INT(rep.updated, 1);
	CHECK_INT(get(&f, "1002").active, 0);
	CHECK_INT(get(&f, "1004").active, 1);
	/* the unit of 1002 stays as the file has no unit column */
	CHECK_STR(path_of(&f, get(&f, "1002").unit_id), "Operati\xC3\xABn");
	fixture_close(&f);
}

TEST(import_bad_lines_change_nothing)
{
	FIXTURE(f);
	struct import_report rep;
	CHECK_IMPORT(import(&f, dutch, NULL, true, &rep), D_OK, &rep);
	long long people = count(&f, "person"), units = count(&f, "unit"), audits = count(&f, "audit_log");

	/* 100 people, every one's manager the last of the file; three bad
	 * lines: 10 (no name), 50 (bad address), 90 (unknown manager) */
	struct buf b = BUF_INIT;
	buf_adds(&b, "personeelsnummer;naam;e-mail;afdeling;leidinggevende\r\n");
	for (int i = 1; i <= 100; i++) {
		int line = i + 1;
		buf_addf(&b, "E%03d;%s;", i, line == 10 ? "" : "Persoon");
		if (line == 50)
			buf_addf(&b, "p%d-at-example.nl", i);
		else
			buf_addf(&b, "p%d@example.nl", i);
		buf_addf(&b, ";Nieuw/Team %d;%s\r\n", i % 5, line == 90 ? "E999" : i == 100 ? "" : "E100");
	}
	CHECK_IMPORT(import(&f, b.ptr, NULL, true, &rep), D_INVALID, &rep);
	CHECK_INT(rep.rows, 100);
	CHECK_INT(rep.nissues, 3);
	if (rep.nissues == 3) {
		CHECK_INT(rep.issues[0].line, 10);
		CHECK_STR(rep.issues[0].column, "name");
		CHECK_INT(rep.issues[1].line, 50);
		CHECK_STR(rep.issues[1].column, "email");
		CHECK(strstr(rep.issues[1].problem, "p49-at-example.nl") != NULL);
		CHECK_INT(rep.issues[2].line, 90);
		CHECK_STR(rep.issues[2].column, "manager_employee_id");
		CHECK(strstr(rep.issues[2].problem, "E999") != NULL);
		for (size_t i = 0; i < 3; i++)
			CHECK(rep.issues[i].fix && *rep.issues[i].fix && rep.issues[i].problem && *rep.issues[i].problem);
	}
	CHECK_INT(rep.created, 0);
	CHECK_INT(rep.updated, 0);
	CHECK_INT(count(&f, "person"), people);
	CHECK_INT(count(&f, "unit"), units);
	CHECK_INT(count(&f, "audit_log"), audits);

	/* the same file corrected goes in whole */
	buf_reset(&b);
	buf_adds(&b, "personeelsnummer;naam;e-mail;afdeling;leidinggevende\r\n");
	for (int i = 1; i <= 100; i++)
		buf_addf(&b, "E%03d;Persoon %d;p%d@example.nl;Nieuw/Team %d;%s\r\n", i, i, i, i % 5, i == 100 ? "" : "E100");
	CHECK_IMPORT(import(&f, b.ptr, NULL, true, &rep), D_OK, &rep);
	CHECK_INT(rep.created, 100);
	CHECK_INT(rep.units_created, 6);
	CHECK_INT(count(&f, "person"), people + 100);
	CHECK_INT(count(&f, "unit"), units + 6);
	struct person *r;
	size_t n;
	CHECK_INT(store_person_reports(f.st, &f.a, f.org_a, get(&f, "E100").id, &r, &n), ST_OK);
	CHECK_INT(n, 99);
	buf_release(&b);
	fixture_close(&f);
}

TEST(import_other_row_problems)
{
	FIXTURE(f);
	struct import_report rep;
	static const char data[] =
		"personeelsnummer;naam;leidinggevende;actief;functieniveau\n"
		"1;Jan;1;ja;\n"                  /* line 2: own manager */
		"2;Piet;;misschien;\n"           /* line 3: not a yes or no */
		"3;Klaas;;;;extra\n"             /* line 4: a cell too many */
		";Zonder nummer;;;\n"            /* line 5: no number */
		"6;Kees;;;" "0123456789012345678901234567890123456789012345678901234567890123456789\n"; /* 6 */
	CHECK_IMPORT(import(&f, data, NULL, true, &rep), D_INVALID, &rep);
	CHECK_INT(rep.nissues, 5);
	if (rep.nissues == 5) {
		CHECK_INT(rep.issues[0].line, 2);
		CHECK_STR(rep.issues[0].column, "manager_employee_id");
		CHECK_INT(rep.issues[1].line, 3);
		CHECK_STR(rep.issues[1].column, "active");
		CHECK(strstr(rep.issues[1].problem, "misschien") != NULL);
		CHECK_INT(rep.issues[2].line, 4);
		CHECK_INT(rep.issues[3].line, 5);
		CHECK_STR(rep.issues[3].column, "employee_id");
		CHECK_INT(rep.issues[4].line, 6);
		CHECK_STR(rep.issues[4].column, "job_level");
	}
	CHECK_INT(count(&f, "person"), 0);

	/* an empty file, and a header without rows */
	CHECK_IMPORT(import(&f, "", NULL, true, &rep), D_INVALID, &rep);
	CHECK(rep.nissues >= 1);
	CHECK_IMPORT(import(&f, "personeelsnummer;naam\r\n", NULL, true, &rep), D_OK, &rep);
	CHECK_INT(rep.rows, 0);
	CHECK_INT(rep.created, 0);
	/* an unclosed quote */
	CHECK_IMPORT(import(&f, "personeelsnummer;naam\n1;\"Jan\n2;Piet\n", NULL, true, &rep), D_INVALID, &rep);
	CHECK_INT(rep.nissues, 1);
	if (rep.nissues == 1)
		CHECK_INT(rep.issues[0].line, 2);
	CHECK_INT(count(&f, "person"), 0);
	fixture_close(&f);
}

TEST(import_unit_names_at_most_120_characters)
{
	FIXTURE(f);
	struct import_report rep;
	struct buf b = BUF_INIT;
	/* 121 characters in one level: refused, as in the form */
	buf_adds(&b, "personeelsnummer;naam;afdeling\n1;Jan;Staf/");
	for (int i = 0; i < UNIT_NAME_MAX + 1; i++)
		buf_addch(&b, 'x');
	buf_adds(&b, "\n");
	CHECK_IMPORT(import(&f, b.ptr, NULL, true, &rep), D_INVALID, &rep);
	CHECK_INT(rep.nissues, 1);
	if (rep.nissues == 1) {
		CHECK_INT(rep.issues[0].line, 2);
		CHECK_STR(rep.issues[0].column, "unit");
	}
	CHECK_INT(count(&f, "unit"), 0);
	/* 120 characters of two bytes each are fine */
	buf_reset(&b);
	buf_adds(&b, "personeelsnummer;naam;afdeling\n1;Jan;Staf/");
	for (int i = 0; i < UNIT_NAME_MAX; i++)
		buf_adds(&b, "\xC3\xAB");
	buf_adds(&b, "\n");
	CHECK_IMPORT(import(&f, b.ptr, NULL, true, &rep), D_OK, &rep);
	CHECK_INT(rep.units_created, 2);
	/* and every unit made by an import obeys the rules of the form */
	struct unit *u;
	size_t n;
	CHECK_INT(store_unit_list(f.st, &f.a, f.org_a, true, &u, &n), ST_OK);
	int ok = 1;
	for (size_t i = 0; i < n; i++) {
		struct errors e = { 0 };
		if (!check_line(&f.c, &e, "name", "Name", u[i].name, 1, UNIT_NAME_MAX) || strchr(u[i].name, '/'))
			ok = 0;
	}
	CHECK(ok);
	buf_release(&b);
	fixture_close(&f);
}

TEST(import_dry_run_changes_nothing)
{
	FIXTURE(f);
	struct import_report rep;
	CHECK_IMPORT(import(&f, dutch, NULL, false, &rep), D_OK, &rep);
	CHECK_INT(rep.created, 3);
	CHECK_INT(rep.updated, 0);
	CHECK_INT(rep.units_created, 3);
	CHECK_INT(count(&f, "person"), 0);
	CHECK_INT(count(&f, "unit"), 0);
	CHECK_INT(count(&f, "audit_log"), 0);
	/* twice gives the same answer */
	CHECK_IMPORT(import(&f, dutch, NULL, false, &rep), D_OK, &rep);
	CHECK_INT(rep.created, 3);

	/* with people there: the change is reported, not made */
	CHECK_IMPORT(import(&f, dutch, NULL, true, &rep), D_OK, &rep);
	long long audits = count(&f, "audit_log");
	static const char renamed[] =
		"personeelsnummer;naam;afdeling\r\n"
		"1001;Jan Janssen;Operati\xC3\xABn/Team Noord\r\n"
		"1005;Nieuw;Nieuwe afdeling/Sub\r\n";
	CHECK_IMPORT(import(&f, renamed, NULL, false, &rep), D_OK, &rep);
	CHECK_INT(rep.created, 1);
	CHECK_INT(rep.updated, 1);
	CHECK_INT(rep.units_created, 2);
	CHECK_STR(get(&f, "1001").name, "Jan Jansen");
	CHECK_INT(count(&f, "person"), 3);
	CHECK_INT(count(&f, "unit"), 3);
	CHECK_INT(count(&f, "audit_log"), audits);
	/* the store is usable afterwards: no transaction left open */
	struct errors e = { 0 };
	long long uid = 0;
	CHECK_INT(unit_create(&f.c, 0, "Na de proef", &e, &uid), D_OK);
	CHECK_INT(count(&f, "unit"), 4);
	fixture_close(&f);
}

TEST(import_duplicate_numbers_in_file)
{
	FIXTURE(f);
	struct import_report rep;
	static const char data[] =
		"personeelsnummer;naam\n"
		"1001;Jan\n"
		"1002;Piet\n"
		"1001;Klaas\n"
		"1003;Anna\n"
		"1003;Anna\n";
	CHECK_IMPORT(import(&f, data, NULL, true, &rep), D_INVALID, &rep);
	CHECK_INT(rep.nissues, 2);
	if (rep.nissues == 2) {
		/* the later line, naming the earlier one */
		CHECK_INT(rep.issues[0].line, 4);
		CHECK_STR(rep.issues[0].column, "employee_id");
		CHECK(strstr(rep.issues[0].problem, "1001") != NULL);
		CHECK(strstr(rep.issues[0].problem, "line 2") != NULL);
		CHECK_INT(rep.issues[1].line, 6);
		CHECK(strstr(rep.issues[1].problem, "1003") != NULL);
		CHECK(strstr(rep.issues[1].problem, "line 5") != NULL);
	}
	CHECK_INT(count(&f, "person"), 0);
	fixture_close(&f);
}

TEST(import_missing_required_column)
{
	FIXTURE(f);
	struct import_report rep;
	CHECK_IMPORT(import(&f, "naam;e-mail\nJan;jan@example.nl\n", NULL, true, &rep), D_INVALID, &rep);
	CHECK_INT(rep.nissues, 1);
	if (rep.nissues == 1) {
		CHECK_INT(rep.issues[0].line, 1);
		CHECK_STR(rep.issues[0].column, "employee_id");
	}
	CHECK_IMPORT(import(&f, "foo;bar\n1;2\n", NULL, true, &rep), D_INVALID, &rep);
	CHECK_INT(rep.nissues, 2);
	if (rep.nissues == 2) {
		CHECK_INT(rep.issues[0].line, 1);
		CHECK_INT(rep.issues[1].line, 1);
		CHECK_STR(rep.issues[0].column, "employee_id");
		CHECK_STR(rep.issues[1].column, "name");
	}
	/* the headers are reported so that a mapping can be chosen */
	CHECK_INT(rep.ncols, 2);
	if (rep.ncols == 2)
		CHECK_STR(rep.headers[1], "bar");
	CHECK_INT(count(&f, "person"), 0);
	fixture_close(&f);
}

TEST(import_column_mapping)
{
	FIXTURE(f);
	struct import_report rep;
	static const char data[] =
		"Nummer;Volledige naam;Afd;Baas\r\n"
		"5001;Eva Evers;HR;\r\n"
		"5002;Frits Fransen;HR/Werving;5001\r\n";
	/* "Nummer" is no known header */
	CHECK_IMPORT(import(&f, data, NULL, true, &rep), D_INVALID, &rep);
	CHECK_INT(rep.nissues, 1);
	if (rep.nissues == 1)
		CHECK_STR(rep.issues[0].column, "employee_id");
	CHECK_INT(rep.map[IF_NAME], 1);  /* "Volledige naam" is */

	int map[IMPORT_FIELDS];
	for (int i = 0; i < IMPORT_FIELDS; i++)
		map[i] = -1;
	map[IF_EMPLOYEE_ID] = 0;
	map[IF_NAME] = 1;
	CHECK_IMPORT(import(&f, data, map, true, &rep), D_OK, &rep);
	CHECK_INT(rep.created, 2);
	CHECK_INT(rep.map[IF_UNIT], -1);
	CHECK_INT(count(&f, "unit"), 0);
	CHECK_STR(get(&f, "5002").name, "Frits Fransen");
	/* and the unit and manager columns by index as well */
	map[IF_UNIT] = 2;
	map[IF_MANAGER] = 3;
	CHECK_IMPORT(import(&f, data, map, true, &rep), D_OK, &rep);
	CHECK_INT(rep.updated, 2);
	CHECK_INT(rep.units_created, 2);
	struct person frits = get(&f, "5002");
	CHECK_STR(frits.manager_employee_id, "5001");
	CHECK_STR(path_of(&f, frits.unit_id), "HR/Werving");
	/* the mapping wins over the headers: names from the first column */
	static const char swapped[] = "naam;personeelsnummer\n6001;Gerda\n";
	map[IF_EMPLOYEE_ID] = 1;
	map[IF_NAME] = 0;
	map[IF_UNIT] = map[IF_MANAGER] = -1;
	CHECK_IMPORT(import(&f, swapped, map, true, &rep), D_OK, &rep);
	CHECK_STR(get(&f, "Gerda").name, "6001");
	/* an index beyond the columns falls back to the header names */
	map[IF_EMPLOYEE_ID] = 7;
	map[IF_NAME] = 9;
	CHECK_IMPORT(import(&f, "personeelsnummer;naam\n7001;Henk\n", map, true, &rep), D_OK, &rep);
	CHECK_STR(get(&f, "7001").name, "Henk");
	fixture_close(&f);
}

TEST(import_windows_1252)
{
	FIXTURE(f);
	struct import_report rep;
	static const char data[] = "personeelsnummer;naam;afdeling\r\n2001;Zo\xEB Bakker;Operati\xEBn\r\n";
	CHECK_IMPORT(import(&f, data, NULL, true, &rep), D_OK, &rep);
	CHECK_INT(rep.converted, 1);
	CHECK_INT(rep.created, 1);
	struct person p = get(&f, "2001");
	CHECK_STR(p.name, "Zo\xC3\xAB Bakker");
	CHECK_STR(path_of(&f, p.unit_id), "Operati\xC3\xABn");
	/* the same unit as the UTF-8 file names */
	CHECK_IMPORT(import(&f, dutch, NULL, true, &rep), D_OK, &rep);
	CHECK_INT(rep.converted, 0);
	CHECK_INT(rep.units_created, 2);
	CHECK_INT(count(&f, "unit"), 3);
	fixture_close(&f);
}

TEST(import_comma_and_tab_separated)
{
	FIXTURE(f);
	struct import_report rep;
	static const char comma[] =
		"employee_id,name,email,unit\n"
		"3001,\"Jansen, Jan\",jan@example.nl,Staf\n"
		"3002,Piet,,Staf\n";
	CHECK_IMPORT(import(&f, comma, NULL, true, &rep), D_OK, &rep);
	CHECK_INT(rep.sep, ',');
	CHECK_INT(rep.created, 2);
	CHECK_STR(get(&f, "3001").name, "Jansen, Jan");
	CHECK_STR(get(&f, "3001").email, "jan@example.nl");
	CHECK_INT(get(&f, "3001").unit_id, get(&f, "3002").unit_id);
	static const char tab[] = "Personeelsnummer\tNaam\n3003\tTessa\n";
	CHECK_IMPORT(import(&f, tab, NULL, true, &rep), D_OK, &rep);
	CHECK_INT(rep.sep, '\t');
	CHECK_STR(get(&f, "3003").name, "Tessa");
	/* cells are trimmed */
	CHECK_IMPORT(import(&f, "personeelsnummer;naam\n 3004 ;  Ruimte  \n", NULL, true, &rep), D_OK, &rep);
	CHECK_STR(get(&f, "3004").name, "Ruimte");
	fixture_close(&f);
}

TEST(import_quoted_newlines_keep_line_numbers)
{
	FIXTURE(f);
	struct import_report rep;
	static const char data[] =
		"personeelsnummer;naam;opmerking\r\n"    /* 1 */
		"1;Jan;\"regel een\r\nregel twee\"\r\n"  /* 2-3 */
		"2;;x\r\n"                               /* 4 */
		"3;Klaas;\"a\nb\nc\"\r\n"                /* 5-7 */
		"4;Kees;\"x\"\r\n"                       /* 8 */
		"\r\n"                                   /* 9: empty */
		"5;;y\r\n";                              /* 10 */
	CHECK_IMPORT(import(&f, data, NULL, true, &rep), D_INVALID, &rep);
	CHECK_INT(rep.nissues, 2);
	if (rep.nissues == 2) {
		CHECK_INT(rep.issues[0].line, 4);
		CHECK_STR(rep.issues[0].column, "name");
		CHECK_INT(rep.issues[1].line, 10);
		CHECK_STR(rep.issues[1].column, "name");
	}
	CHECK_INT(rep.rows, 5);
	/* a line break inside a name is refused at the line where it starts */
	static const char broken[] =
		"personeelsnummer;naam\n"
		"1;\"Jan\nJansen\"\n"   /* 2-3 */
		"2;\n";                  /* 4 */
	CHECK_IMPORT(import(&f, broken, NULL, true, &rep), D_INVALID, &rep);
	CHECK_INT(rep.nissues, 2);
	if (rep.nissues == 2) {
		CHECK_INT(rep.issues[0].line, 2);
		CHECK_INT(rep.issues[1].line, 4);
	}
	CHECK_INT(count(&f, "person"), 0);
	fixture_close(&f);
}

/* ---- export ---- */

static long long add(struct fixture *f, const char *emp, const char *name, const char *email, long long unit,
		     long long manager, const char *job, int active)
{
	struct person p = { 0 };
	p.employee_id = (char *)emp;
	p.name = (char *)name;
	p.email = (char *)email;
	p.unit_id = unit;
	p.manager_id = manager;
	p.job_level = (char *)job;
	p.active = active;
	long long id = 0;
	return store_person_insert(f->st, f->org_a, &p, &id) ? 0 : id;
}

/* Exports every person of A, inactive ones too, into b. */
static int export(struct fixture *f, struct buf *b)
{
	struct unit_tree t;
	struct person *p;
	size_t n;
	long long total;
	struct person_filter flt = { NULL, 0, 1, 0, 0, 0 };
	if (unit_tree_load(&f->c, false, &t) || person_list(&f->c, &flt, &p, &n, &total))
		return -1;
	people_csv(b, p, n, &t);
	return 0;
}

static void add_export_people(struct fixture *f)
{
	long long unit = 0;
	CHECK(unit_ensure_path(&f->c, "Operati\xC3\xABn/Team Noord", true, &unit) == D_OK);
	long long one = add(f, "1", "=HYPERLINK(\"http://evil.example\",\"klik\")", "", unit, 0, "-1", 1);
	add(f, "2", "Jan <script>alert(1)</script>", "jan@example.nl", 0, one, "schaal 10", 1);
	add(f, "3", "Jansen; Jan", "", 0, 0, "+31", 0);
	add(f, "4", "O'Brien \"Zonen\"", "obrien@example.nl", unit, one, "@home", 1);
}

TEST(export_people_csv)
{
	FIXTURE(f);
	add_export_people(&f);
	struct buf b = BUF_INIT;
	CHECK_INT(export(&f, &b), 0);
	static const char want[] =
		"employee_id;name;email;unit;manager_employee_id;job_level;active\r\n"
		"1;\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"klik\"\")\";;Operati\xC3\xABn/Team Noord;;\"'-1\";1\r\n"
		"2;Jan <script>alert(1)</script>;jan@example.nl;;1;schaal 10;1\r\n"
		"3;\"Jansen; Jan\";;;;\"'+31\";0\r\n"
		"4;\"O'Brien \"\"Zonen\"\"\";obrien@example.nl;Operati\xC3\xABn/Team Noord;1;\"'@home\";1\r\n";
	CHECK_STR(b.ptr, want);
	/* no people: the header only */
	buf_reset(&b);
	people_csv(&b, NULL, 0, &(struct unit_tree){ 0 });
	CHECK_STR(b.ptr, "employee_id;name;email;unit;manager_employee_id;job_level;active\r\n");
	buf_release(&b);
	fixture_close(&f);
}

TEST(export_then_import_round_trip)
{
	FIXTURE(f);
	struct import_report rep;
	CHECK_IMPORT(import(&f, dutch, NULL, true, &rep), D_OK, &rep);
	add_export_people(&f);
	long long audits = count(&f, "audit_log");
	struct buf b = BUF_INIT;
	CHECK_INT(export(&f, &b), 0);
	CHECK_IMPORT(people_import(&f.c, b.ptr, b.len, NULL, true, &rep), D_OK, &rep);
	CHECK_INT(rep.rows, 7);
	CHECK_INT(rep.created, 0);
	CHECK_INT(rep.updated, 0);
	CHECK_INT(rep.unchanged, 7);
	CHECK_INT(rep.units_created, 0);
	CHECK_INT(count(&f, "audit_log"), audits);
	CHECK_STR(get(&f, "1").name, "=HYPERLINK(\"http://evil.example\",\"klik\")");
	CHECK_STR(get(&f, "1").job_level, "-1");
	CHECK_STR(get(&f, "3").job_level, "+31");
	CHECK_INT(get(&f, "3").active, 0);

	/* into an empty organisation the export recreates everything */
	struct buf again = BUF_INIT;
	CHECK_IMPORT(people_import(&f.cb, b.ptr, b.len, NULL, true, &rep), D_OK, &rep);
	CHECK_INT(rep.created, 7);
	CHECK_INT(rep.units_created, 3);
	struct unit_tree t;
	struct person *p;
	size_t n;
	long long total;
	struct person_filter flt = { NULL, 0, 1, 0, 0, 0 };
	CHECK_INT(unit_tree_load(&f.cb, false, &t), D_OK);
	CHECK_INT(person_list(&f.cb, &flt, &p, &n, &total), D_OK);
	people_csv(&again, p, n, &t);
	CHECK_STR(again.ptr, b.ptr);
	buf_release(&again);
	buf_release(&b);
	fixture_close(&f);
}

/* A value that starts with an apostrophe before = + - @ is a value the
 * importer would read as guarded: the export guards it once more, so that
 * it comes back as it was. */
TEST(export_import_keeps_leading_apostrophe)
{
	FIXTURE(f);
	add(&f, "1", "'=1+1", "", 0, 0, "'-1", 1);
	add(&f, "2", "'t Hart", "", 0, 0, "'", 1);
	struct buf b = BUF_INIT;
	CHECK_INT(export(&f, &b), 0);
	CHECK(strstr(b.ptr, "\"''=1+1\"") != NULL);
	CHECK(strstr(b.ptr, ";'t Hart;") != NULL);
	struct import_report rep;
	CHECK_IMPORT(people_import(&f.c, b.ptr, b.len, NULL, true, &rep), D_OK, &rep);
	CHECK_INT(rep.unchanged, 2);
	CHECK_STR(get(&f, "1").name, "'=1+1");
	CHECK_STR(get(&f, "1").job_level, "'-1");
	CHECK_STR(get(&f, "2").name, "'t Hart");
	CHECK_STR(get(&f, "2").job_level, "'");
	buf_release(&b);
	fixture_close(&f);
}
