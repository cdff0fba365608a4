/* test_upload.c — a file kept between an import's preview and its
 * confirmation (domain/upload.c): opened again only by the account that
 * sent it, in its organisation, for a day, and not after its import. */
#include "test.h"
#include "fixture.h"
#include "domain/upload.h"
#include "store/store.h"

#define NOW 1700000000LL

TEST(upload_kept_for_its_sender_for_a_day)
{
	FIXTURE(f);
	f.c.now = NOW;
	long long id = 0;
	CHECK_INT(upload_keep(&f.c, "mensen.csv", "a;b\n1;2\n", 8, &id), D_OK);
	CHECK(id > 0);
	struct upload up;
	CHECK_INT(upload_open(&f.c, id, &up), D_OK);
	CHECK_STR(up.filename, "mensen.csv");
	CHECK_INT(up.len, 8);
	CHECK(up.data && !memcmp(up.data, "a;b\n1;2\n", 8));
	CHECK_INT(up.id, id);
	/* not for another account of the organisation, nor another organisation */
	struct actor other = f.who;
	other.account_id = f.admin_id + 1000;
	struct ctx oc = f.c;
	oc.who = &other;
	CHECK_INT(upload_open(&oc, id, &up), D_NOTFOUND);
	f.cb.now = NOW;
	CHECK_INT(upload_open(&f.cb, id, &up), D_NOTFOUND);
	/* no id is no file */
	CHECK_INT(upload_open(&f.c, 0, &up), D_NOTFOUND);
	CHECK_INT(upload_open(&f.c, -1, &up), D_NOTFOUND);
	/* to the second: the last moment of its day, then gone */
	f.c.now = NOW + UPLOAD_KEEP_SECONDS;
	CHECK_INT(upload_open(&f.c, id, &up), D_OK);
	f.c.now = NOW + UPLOAD_KEEP_SECONDS + 1;
	CHECK_INT(upload_open(&f.c, id, &up), D_NOTFOUND);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM import_upload"), 0);
	fixture_close(&f);
}

TEST(upload_gone_after_its_import)
{
	FIXTURE(f);
	f.c.now = NOW;
	long long id = 0, later = 0;
	CHECK_INT(upload_keep(&f.c, "vragenlijst.lss", "<x/>", 4, &id), D_OK);
	CHECK_INT(upload_done(&f.c, id), D_OK);
	struct upload up;
	CHECK_INT(upload_open(&f.c, id, &up), D_NOTFOUND);
	/* keeping a new file clears those past their day, whoever kept them */
	CHECK_INT(store_account_add(f.st, f.org_b, "b@example.nl", "B", 0, "", &f.who_b.account_id), ST_OK);
	f.cb.now = NOW;
	CHECK_INT(upload_keep(&f.cb, "oud.csv", "x", 1, &id), D_OK);
	f.c.now = NOW + UPLOAD_KEEP_SECONDS + 1;
	CHECK_INT(upload_keep(&f.c, "nieuw.csv", "y", 1, &later), D_OK);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM import_upload"), 1);
	CHECK_INT(upload_open(&f.c, later, &up), D_OK);
	fixture_close(&f);
}
