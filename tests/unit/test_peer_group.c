/* test_peer_group.c — peer groups: migration 0028 on a database with
 * sessions in it (nothing lost, the new CHECK holds), and the one rule of
 * who belongs to a peer group and who leads its sessions. */
#include "test.h"
#include "fixture.h"
#include "domain/peer_group.h"
#include "store/store.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static long long one(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st = NULL;
	long long v = -1;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

TEST(peer_group_migration_keeps_sessions)
{
	char dir[] = "/tmp/leergang-mig-XXXXXX";
	CHECK(mkdtemp(dir) != NULL);
	char path[128];
	snprintf(path, sizeof(path), "%s/m.db", dir);
	struct store *st = NULL;
	struct buf err = BUF_INIT;
	int applied = 0;
	CHECK(store_open(path, &st, &err) == ST_OK);
	CHECK(store_migrate_upto(st, 27, &applied, &err) == ST_OK);
	CHECK(store_schema_version(st) < 28);
	/* sessions written under the schema before 0028, with foreign keys on */
	sqlite3 *db = NULL;
	CHECK(sqlite3_open(path, &db) == SQLITE_OK);
	char *msg = NULL;
	int rc = sqlite3_exec(db,
		"PRAGMA foreign_keys = ON;"
		"INSERT INTO organisation(id, slug, name) VALUES (1, 'o', 'O');"
		"INSERT INTO person(id, organisation_id, employee_id, name) VALUES (10, 1, 'a', 'A'), (11, 1, 'b', 'B');"
		"INSERT INTO programme(id, organisation_id, name, shape) VALUES (1, 1, 'P', 'modules');"
		"INSERT INTO batch(id, organisation_id, programme_id, number, name) VALUES (1, 1, 1, 1, 'B');"
		"INSERT INTO learning_group(id, organisation_id, batch_id, name, facilitator_id) VALUES (5, 1, 1, 'G', 10);"
		"INSERT INTO session_method(id, organisation_id, key, name) VALUES (3, 1, 'k', 'K');"
		"INSERT INTO case_session(id, organisation_id, group_id, method_id, held_on, step, step_since, case_person_id,"
		" case_title, case_question, case_context, summary, sharpened)"
		" VALUES (7, 1, 5, 3, '2026-01-02', 4, 99, 11, 'titel', 'vraag', 'context', 'samenvatting', 'scherp'),"
		" (8, 1, 5, 3, '2026-01-03', 1, 0, NULL, '', '', '', '', '');"
		"INSERT INTO case_session_role VALUES (7, 1, 'summariser', 10), (7, 1, 'reader', 11);"
		"INSERT INTO case_session_note VALUES (7, 1, 2, 'notitie');"
		"INSERT INTO case_session_answer(id, session_id, organisation_id, person_id, text, selected, written_at)"
		" VALUES (40, 7, 1, 11, 'antwoord', 1, 123), (41, 8, 1, 10, 'ander', 0, 124);",
		NULL, NULL, &msg);
	CHECK(rc == SQLITE_OK);
	if (msg)
		fprintf(stderr, "  %s\n", msg);
	sqlite3_free(msg);
	/* up to 0030: from 0031 on, writing case_session needs the search
	 * index's tokenizer, which this bare connection does not have */
	CHECK(store_migrate_upto(st, 30, &applied, &err) == ST_OK);
	CHECK(store_schema_version(st) >= 29);
	CHECK(one(db, "SELECT count(*) FROM case_session") == 2);
	CHECK(one(db, "SELECT count(*) FROM case_session WHERE id = 7 AND group_id = 5 AND peer_group_id IS NULL"
		      " AND step = 4 AND step_since = 99 AND case_person_id = 11 AND case_title = 'titel'"
		      " AND case_question = 'vraag' AND case_context = 'context' AND summary = 'samenvatting'"
		      " AND sharpened = 'scherp' AND held_on = '2026-01-02'") == 1);
	CHECK(one(db, "SELECT count(*) FROM case_session_role WHERE session_id = 7") == 2);
	CHECK(one(db, "SELECT count(*) FROM case_session_note WHERE session_id = 7 AND n = 2 AND text = 'notitie'") == 1);
	CHECK(one(db, "SELECT count(*) FROM case_session_answer WHERE id = 40 AND selected = 1 AND written_at = 123"
		      " AND text = 'antwoord'") == 1);
	CHECK(one(db, "SELECT count(*) FROM case_session_answer") == 2);
	/* the indexes are back, the copies gone, the foreign keys whole */
	CHECK(one(db, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN"
		      " ('case_session_group', 'case_session_answer_session', 'case_session_peer_group')") == 3);
	CHECK(one(db, "SELECT count(*) FROM sqlite_temp_master WHERE name LIKE 'cs_%'") == 0);
	CHECK(one(db, "SELECT count(*) FROM pragma_foreign_key_check") == 0);
	/* exactly one of group_id and peer_group_id */
	CHECK(sqlite3_exec(db, "INSERT INTO case_session(organisation_id, method_id, held_on) VALUES (1, 3, '2026-01-04')",
			   NULL, NULL, NULL) == SQLITE_CONSTRAINT);
	CHECK(sqlite3_exec(db, "INSERT INTO peer_group(id, organisation_id, kind, name) VALUES (2, 1, 'team', 'T');"
			       "INSERT INTO case_session(organisation_id, group_id, peer_group_id, method_id, held_on)"
			       " VALUES (1, 5, 2, 3, '2026-01-04')", NULL, NULL, NULL) == SQLITE_CONSTRAINT);
	CHECK(sqlite3_exec(db, "INSERT INTO case_session(organisation_id, peer_group_id, leader_id, method_id, held_on)"
			       " VALUES (1, 2, 10, 3, '2026-01-04')", NULL, NULL, NULL) == SQLITE_OK);
	sqlite3_close(db);
	store_close(st);
	buf_release(&err);
	unlink(path);
	char wal[160];
	snprintf(wal, sizeof(wal), "%s-wal", path);
	unlink(wal);
	snprintf(wal, sizeof(wal), "%s-shm", path);
	unlink(wal);
	rmdir(dir);
}

static const struct peer_member CIRCLE[] = {
	{ 1, "facilitator", "F", "", "" }, { 2, "member", "M2", "", "" }, { 3, "member", "M3", "", "" },
};
static const struct peer_member INTERVISION[] = {
	{ 2, "member", "M2", "", "" }, { 3, "member", "M3", "", "" },
};

TEST(peer_group_rule_who_leads)
{
	/* a circle: its facilitator starts and leads, a member does neither */
	CHECK(peer_rule_has_facilitator(CIRCLE, 3));
	CHECK(peer_rule_may_start(CIRCLE, 3, 1));
	CHECK(!peer_rule_may_start(CIRCLE, 3, 2));
	CHECK(peer_rule_leads(CIRCLE, 3, 1, 2));     /* whoever started it */
	CHECK(!peer_rule_leads(CIRCLE, 3, 2, 2));
	CHECK(peer_rule_belongs(CIRCLE, 3, 3));
	/* intervision without a facilitator: any member starts; who started leads */
	CHECK(!peer_rule_has_facilitator(INTERVISION, 2));
	CHECK(peer_rule_may_start(INTERVISION, 2, 2));
	CHECK(peer_rule_may_start(INTERVISION, 2, 3));
	CHECK(peer_rule_leads(INTERVISION, 2, 3, 3));
	CHECK(!peer_rule_leads(INTERVISION, 2, 2, 3));
	/* someone outside neither belongs, starts nor leads, even as the starter */
	CHECK(!peer_rule_belongs(INTERVISION, 2, 9));
	CHECK(!peer_rule_may_start(INTERVISION, 2, 9));
	CHECK(!peer_rule_leads(INTERVISION, 2, 9, 9));
	CHECK(!peer_rule_may_start(INTERVISION, 2, 0));
	CHECK(!peer_rule_leads(INTERVISION, 2, 0, 0));
}

TEST(peer_group_create_and_members)
{
	FIXTURE(f);
	struct errors e = { 0 };
	long long id = 0, p = fixture_person(&f, "e1", "Een");
	CHECK(peer_group_create(&f.c, "circle", "LC1", "", &e, &id) == D_INVALID);   /* a circle needs its period */
	CHECK(errors_get(&e, "period") != NULL);
	e.n = 0;
	CHECK(peer_group_create(&f.c, "kring", "LC1", "vj 2015", &e, &id) == D_INVALID);
	e.n = 0;
	CHECK(peer_group_create(&f.c, "circle", "LC1", "vj 2015", &e, &id) == D_OK);
	CHECK(peer_group_create(&f.c, "circle", "LC1", "vj 2015", &e, &id) == D_INVALID);  /* twice */
	e.n = 0;
	CHECK(peer_group_member_set(&f.c, id, p, "member", "2015-13-01", "", &e) == D_INVALID);
	e.n = 0;
	CHECK(peer_group_member_set(&f.c, id, p, "member", "2015-03-01", "2015-01-01", &e) == D_INVALID);
	e.n = 0;
	CHECK(peer_group_member_set(&f.c, id, 999999, "member", "", "", &e) == D_INVALID);
	e.n = 0;
	CHECK(peer_group_member_set(&f.c, id, p, "facilitator", "2015-01-01", "", &e) == D_OK);
	CHECK(fixture_query(&f, "SELECT count(*) FROM peer_group_member WHERE person_id = %lld AND role = 'facilitator'", p) == 1);
	/* another organisation's ctx does not find it */
	CHECK(peer_group_member_set(&f.cb, id, p, "member", "", "", &e) == D_NOTFOUND);
	fixture_close(&f);
}
