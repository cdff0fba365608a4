/* test_mail_queue.c — the mail queue in the database (domain/mail_queue.h):
 * a message is sealed (neither its address nor its link is in the
 * database), sent once and removed; a refusal removes it; no mail server
 * means a later try, doubled each time, and given up after a day; two
 * servers never claim the same message while the claim holds; a box does
 * not open for another organisation; the daily run removes what is old. */
#include "test.h"
#include "fixture.h"
#include "domain/mail_queue.h"
#include "domain/retention_job.h"
#include "mail/mailer.h"
#include "store/mail_queue.h"
#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NOW 1700000000LL
#define TO "ontvanger@example.nl"
#define LINK "https://leergang.example.nl/password/reset?token=0123456789abcdef"
#define MSG "Subject: test\r\n\r\nUw link: " LINK "\r\n"

static struct {
	int opened, sent;
	enum mailer_result answer;
	char to[64];
	char msg[256];
} m;

static void *t_open(void)
{
	m.opened++;
	return &m;
}

static enum mailer_result t_send(void *batch, const char *to, const char *msg, size_t len)
{
	(void)batch;
	if (m.answer == MAILER_SENT) {
		m.sent++;
		snprintf(m.to, sizeof(m.to), "%s", to);
		snprintf(m.msg, sizeof(m.msg), "%.*s", (int)len, msg);
	}
	return m.answer;
}

static void t_close(void *batch)
{
	(void)batch;
}

static const struct mailer mailer = { "leergang@example.nl", t_open, t_send, t_close };

static void reset_mailer(enum mailer_result answer)
{
	memset(&m, 0, sizeof(m));
	m.answer = answer;
}

static long long waiting(struct fixture *f)
{
	return fixture_query(f, "SELECT count(*) FROM mail_queue");
}

TEST(mail_queue_seals_sends_once_and_removes)
{
	FIXTURE(f);
	reset_mailer(MAILER_SENT);
	CHECK(mail_queue_add(f.st, f.org_a, TO, MSG, strlen(MSG), NOW));
	CHECK_INT(waiting(&f), 1);
	/* what the database holds: neither the address nor the link */
	struct arena a = ARENA_INIT;
	struct queued_mail *q;
	size_t n;
	CHECK_INT(store_mail_queue_claim(f.st, &a, NOW, NOW + 1, 10, &q, &n), ST_OK);
	CHECK_INT(n, 1);
	if (n == 1) {
		CHECK(q[0].len > strlen(TO) + strlen(MSG));
		CHECK(memmem(q[0].box, q[0].len, TO, strlen(TO)) == NULL);
		CHECK(memmem(q[0].box, q[0].len, "0123456789abcdef", 16) == NULL);
		CHECK(memmem(q[0].box, q[0].len, "ontvanger", 9) == NULL);
		CHECK_INT(q[0].organisation_id, f.org_a);
	}
	arena_free(&a);
	/* claimed until NOW + 1: nobody sends it before */
	struct mail_queue_result r;
	CHECK_INT(mail_queue_send_due(f.st, &mailer, NOW, 0, &r), D_OK);
	CHECK_INT(m.sent, 0);
	CHECK(r.claimed_all);
	CHECK_INT(r.next_due, NOW + 1);   /* the sender waits until then, not a whole poll */
	CHECK_INT(mail_queue_send_due(f.st, &mailer, NOW + 1, 0, &r), D_OK);
	CHECK_INT(r.sent, 1);
	CHECK(r.claimed_all);
	CHECK_INT(r.next_due, 0);         /* nothing waits */
	CHECK_INT(m.sent, 1);
	CHECK_STR(m.to, TO);
	CHECK_STR(m.msg, MSG);
	CHECK_INT(waiting(&f), 0);
	/* sent once */
	CHECK_INT(mail_queue_send_due(f.st, &mailer, NOW + 2, 0, &r), D_OK);
	CHECK_INT(m.sent, 1);
	CHECK_INT(m.opened, 1);
	fixture_close(&f);
}

TEST(mail_queue_sends_a_batch_over_one_connection_and_the_rest_next)
{
	FIXTURE(f);
	reset_mailer(MAILER_SENT);
	for (int i = 0; i < MAIL_QUEUE_BATCH + 3; i++)
		CHECK(mail_queue_add(f.st, f.org_a, TO, MSG, strlen(MSG), NOW));
	struct mail_queue_result r;
	CHECK_INT(mail_queue_send_due(f.st, &mailer, NOW, 0, &r), D_OK);
	CHECK_INT(r.sent, MAIL_QUEUE_BATCH);
	CHECK(!r.claimed_all);
	CHECK_INT(m.opened, 1);
	CHECK_INT(mail_queue_send_due(f.st, &mailer, NOW, 0, &r), D_OK);
	CHECK_INT(r.sent, 3);
	CHECK(r.claimed_all);
	CHECK_INT(m.sent, MAIL_QUEUE_BATCH + 3);
	CHECK_INT(waiting(&f), 0);
	fixture_close(&f);
}

TEST(mail_queue_drops_a_refused_message)
{
	FIXTURE(f);
	reset_mailer(MAILER_REFUSED);
	CHECK(mail_queue_add(f.st, f.org_a, TO, MSG, strlen(MSG), NOW));
	struct mail_queue_result r;
	CHECK_INT(mail_queue_send_due(f.st, &mailer, NOW, 0, &r), D_OK);
	CHECK_INT(r.refused, 1);
	CHECK_INT(r.sent, 0);
	CHECK_INT(waiting(&f), 0);
	fixture_close(&f);
}

TEST(mail_queue_tries_again_later_doubling_and_gives_up_after_a_day)
{
	FIXTURE(f);
	reset_mailer(MAILER_UNREACHABLE);
	CHECK(mail_queue_add(f.st, f.org_a, TO, MSG, strlen(MSG), NOW));
	CHECK(mail_queue_add(f.st, f.org_a, "tweede@example.nl", MSG, strlen(MSG), NOW));
	struct mail_queue_result r;
	CHECK_INT(mail_queue_send_due(f.st, &mailer, NOW, 10, &r), D_OK);
	/* the first found no server; the second was not even tried */
	CHECK_INT(r.later, 2);
	CHECK_INT(m.opened, 1);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM mail_queue WHERE tries = 1 AND next_try = %lld"
				" AND claimed_until = 0", NOW + 10), 2);
	CHECK_INT(r.next_due, NOW + 10);
	/* not due before its time */
	CHECK_INT(mail_queue_send_due(f.st, &mailer, NOW + 9, 10, &r), D_OK);
	CHECK_INT(r.later, 0);
	CHECK_INT(m.opened, 1);
	CHECK_INT(mail_queue_send_due(f.st, &mailer, NOW + 10, 10, &r), D_OK);
	CHECK_INT(r.later, 2);
	CHECK_INT(fixture_query(&f, "SELECT min(next_try) FROM mail_queue"), NOW + 10 + 20);
	CHECK_INT(mail_queue_send_due(f.st, &mailer, NOW + 30, 10, &r), D_OK);
	CHECK_INT(fixture_query(&f, "SELECT min(next_try) FROM mail_queue"), NOW + 30 + 40);
	/* at most MAIL_QUEUE_RETRY_MAX between tries */
	CHECK_INT(fixture_exec(&f, "UPDATE mail_queue SET tries = 30"), 0);
	CHECK_INT(mail_queue_send_due(f.st, &mailer, NOW + 70, 10, &r), D_OK);
	CHECK_INT(fixture_query(&f, "SELECT min(next_try) FROM mail_queue"), NOW + 70 + MAIL_QUEUE_RETRY_MAX);
	/* the mail server is back: sent */
	reset_mailer(MAILER_SENT);
	CHECK_INT(mail_queue_send_due(f.st, &mailer, NOW + 70 + MAIL_QUEUE_RETRY_MAX, 10, &r), D_OK);
	CHECK_INT(r.sent, 2);
	CHECK_INT(waiting(&f), 0);
	/* a message no server took for a day is given up */
	reset_mailer(MAILER_UNREACHABLE);
	CHECK(mail_queue_add(f.st, f.org_a, TO, MSG, strlen(MSG), NOW));
	CHECK_INT(mail_queue_send_due(f.st, &mailer, NOW + MAIL_QUEUE_GIVE_UP - 5, 10, &r), D_OK);
	CHECK_INT(r.given_up, 1);
	CHECK_INT(r.later, 0);
	CHECK_INT(waiting(&f), 0);
	fixture_close(&f);
}

TEST(mail_queue_claim_holds_against_a_second_server)
{
	FIXTURE(f);
	struct store *other = NULL;
	struct buf err = BUF_INIT;
	CHECK_INT(store_open(f.path, &other, &err), ST_OK);
	buf_release(&err);
	reset_mailer(MAILER_SENT);
	CHECK(mail_queue_add(f.st, f.org_a, TO, MSG, strlen(MSG), NOW));
	struct arena a = ARENA_INIT;
	struct queued_mail *q;
	size_t n;
	CHECK_INT(store_mail_queue_claim(f.st, &a, NOW, NOW + MAIL_QUEUE_LEASE, 10, &q, &n), ST_OK);
	CHECK_INT(n, 1);
	/* the other server finds nothing while the claim holds */
	struct mail_queue_result r;
	if (other) {
		CHECK_INT(mail_queue_send_due(other, &mailer, NOW + MAIL_QUEUE_LEASE - 1, 0, &r), D_OK);
		CHECK_INT(m.sent, 0);
		/* the first server stopped without sending: after the claim, the
		 * other sends it */
		CHECK_INT(mail_queue_send_due(other, &mailer, NOW + MAIL_QUEUE_LEASE, 0, &r), D_OK);
		CHECK_INT(m.sent, 1);
		store_close(other);
	}
	CHECK_INT(waiting(&f), 0);
	arena_free(&a);
	fixture_close(&f);
}

TEST(mail_queue_box_opens_for_its_own_organisation_only)
{
	FIXTURE(f);
	reset_mailer(MAILER_SENT);
	CHECK(mail_queue_add(f.st, f.org_a, TO, MSG, strlen(MSG), NOW));
	/* moved to another organisation in the database: it does not open */
	CHECK_INT(fixture_exec(&f, "UPDATE mail_queue SET organisation_id = %lld", f.org_b), 0);
	struct mail_queue_result r;
	CHECK_INT(mail_queue_send_due(f.st, &mailer, NOW, 0, &r), D_OK);
	CHECK_INT(r.unopened, 1);
	CHECK_INT(m.sent, 0);
	CHECK_INT(waiting(&f), 1);
	CHECK_INT(fixture_query(&f, "SELECT next_try FROM mail_queue"), NOW + MAIL_QUEUE_RETRY_MAX);
	fixture_close(&f);
}

TEST(mail_queue_daily_run_removes_what_no_server_sent)
{
	FIXTURE(f);
	CHECK(mail_queue_add(f.st, f.org_a, TO, MSG, strlen(MSG), NOW - MAIL_QUEUE_GIVE_UP - 1));
	CHECK(mail_queue_add(f.st, f.org_a, TO, MSG, strlen(MSG), NOW - 60));
	char *out = NULL;
	size_t outlen = 0;
	FILE *log = open_memstream(&out, &outlen);
	CHECK_INT(retention_run_all(f.st, NOW, false, log), 0);
	fclose(log);
	CHECK(out && strstr(out, "1 queued messages older than a day removed") != NULL);
	free(out);
	CHECK_INT(waiting(&f), 1);
	fixture_close(&f);
}
