/* test_password_reset.c — reset links: made (the command line's way; mail
 * is tested over HTTP), opened, spent once, expired; a bad new password
 * changes nothing and keeps the link; a new password through a link ends
 * sessions, tokens and the wait a stranger caused; requests are throttled
 * per client address, the same for addresses with an account and without.
 * Each test notes its password hashes. */
#include "test.h"
#include "fixture.h"
#include "domain/api_token.h"
#include "domain/mail_queue.h"
#include "domain/password_reset.h"
#include "domain/role.h"
#include "domain/throttle.h"
#include "mail/mailer.h"
#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NOW 1700000000LL
#define NOW_MS (NOW * 1000)
#define BASE "https://leergang.example.nl"
#define PASSWORD "nieuw paard batterij"

static const char *token_of(const char *link)
{
	const char *p = strstr(link, "?token=");
	return p ? p + 7 : "";
}

TEST(password_reset_link_works_once_and_ends_the_rest)
{
	FIXTURE(f);  /* 3 hashes */
	struct errors e = { 0 };
	long long id = 0, who = 0;
	CHECK_INT(account_create(&f.c, "eigenaar@example.nl", "Eigenaar", 0, "oud wachtwoord 1", ROLE_ADMINISTRATOR, &e, &id),
		  D_OK);
	/* a stranger keeps the owner's address waiting */
	struct login_wait wait;
	for (int i = 0; i < 10; i++)
		account_login(f.st, &f.a, "eigenaar@example.nl", NULL, "203.0.113.5", NOW_MS + i * 60000, &who, &wait);
	CHECK_INT(account_login(f.st, &f.a, "eigenaar@example.nl", "oud wachtwoord 1", "192.0.2.1", NOW_MS + 9 * 60000 + 1,
				&who, &wait), LOGIN_WAIT);
	/* sessions and a token of the owner */
	char s1[SECRET_HEX], c1[SECRET_HEX], tok[SECRET_HEX];
	CHECK_INT(session_start(f.st, id, NOW, s1, c1), ST_OK);
	struct actor w = f.who;
	w.account_id = 0;
	struct ctx cli = { f.st, &f.a, &w, 0 };
	CHECK_INT(api_token_create(&cli, id, "script", 30, "", NOW, tok, &e, NULL, NULL), D_OK);

	char *link = NULL;
	CHECK_INT(password_reset_link(f.st, &f.a, " Eigenaar@Example.NL", BASE, NOW, &link), D_OK);
	CHECK(link && !strncmp(link, BASE "/password/reset?token=", strlen(BASE "/password/reset?token=")));
	const char *token = token_of(link);
	CHECK_INT(strlen(token), SECRET_HEX - 1);
	/* stored as its hash only */
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM password_reset WHERE instr(token_hash, '%s') > 0", token), 0);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM password_reset WHERE account_id = %lld AND expires_at = %lld", id,
				NOW + RESET_SECONDS), 1);
	const char *email = NULL;
	CHECK_INT(password_reset_open(f.st, &f.a, token, NOW + 10, &email), D_OK);
	CHECK_STR(email, "eigenaar@example.nl");

	/* bad input: nothing changes and the link keeps working */
	e = (struct errors){ 0 };
	CHECK_INT(password_reset_finish(f.st, &f.a, token, "kort", "kort", NOW_MS + 10000, &e, &who), D_INVALID);
	CHECK(errors_get(&e, "password") != NULL);
	e = (struct errors){ 0 };
	CHECK_INT(password_reset_finish(f.st, &f.a, token, PASSWORD, PASSWORD "!", NOW_MS + 10000, &e, &who), D_INVALID);
	CHECK(errors_get(&e, "repeat") != NULL);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM password_reset"), 1);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM api_token"), 1);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM session WHERE account_id = %lld", id), 1);
	CHECK_INT(password_reset_open(f.st, &f.a, token, NOW + 20, &email), D_OK);

	/* the new password: set, the link spent, sessions and tokens ended,
	 * the wait gone, and the owner in at once */
	e = (struct errors){ 0 };
	who = 0;
	CHECK_INT(password_reset_finish(f.st, &f.a, token, PASSWORD, PASSWORD, NOW_MS + 9 * 60000 + 2, &e, &who), D_OK);
	CHECK_INT(who, id);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM password_reset"), 0);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM api_token"), 0);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM session WHERE account_id = %lld", id), 0);
	long long back = 0;
	CHECK_INT(account_login(f.st, &f.a, "eigenaar@example.nl", PASSWORD, "192.0.2.1", NOW_MS + 9 * 60000 + 3, &back,
				&wait), LOGIN_OK);
	CHECK_INT(back, id);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM audit_log WHERE action = 'account.password.reset' AND object_id = %lld",
				id), 1);
	/* spent: a second use finds nothing, and changes nothing */
	CHECK_INT(password_reset_open(f.st, &f.a, token, NOW + 30, &email), D_NOTFOUND);
	e = (struct errors){ 0 };
	CHECK_INT(password_reset_finish(f.st, &f.a, token, "ander wachtwoord 2", "ander wachtwoord 2", NOW_MS + 30000, &e,
					&who), D_NOTFOUND);
	CHECK_INT(e.n, 0);
	CHECK_INT(account_login(f.st, &f.a, "eigenaar@example.nl", PASSWORD, "192.0.2.1", NOW_MS + 9 * 60000 + 4, &back,
				&wait), LOGIN_OK);
	fixture_close(&f);
}

TEST(password_reset_link_expires_and_bad_tokens)
{
	FIXTURE(f);  /* no hashes: refused before */
	long long id = 0, who = 0;
	CHECK_INT(store_account_add(f.st, f.org_a, "p@example.nl", "P", 0, "", &id), ST_OK);
	char *link = NULL;
	CHECK_INT(password_reset_link(f.st, &f.a, "p@example.nl", BASE, NOW, &link), D_OK);
	const char *token = token_of(link), *email;
	CHECK_INT(password_reset_open(f.st, &f.a, token, NOW + RESET_SECONDS - 1, &email), D_OK);
	CHECK_INT(password_reset_open(f.st, &f.a, token, NOW + RESET_SECONDS, &email), D_NOTFOUND);
	struct errors e = { 0 };
	CHECK_INT(password_reset_finish(f.st, &f.a, token, PASSWORD, PASSWORD, (NOW + RESET_SECONDS) * 1000, &e, &who),
		  D_NOTFOUND);
	CHECK_INT(fixture_query(&f, "SELECT password_hash FROM account WHERE id = %lld", id), 0);  /* '' as number */
	/* not a link at all */
	CHECK_INT(password_reset_open(f.st, &f.a, NULL, NOW, &email), D_NOTFOUND);
	CHECK_INT(password_reset_open(f.st, &f.a, "", NOW, &email), D_NOTFOUND);
	CHECK_INT(password_reset_open(f.st, &f.a, "abc", NOW, &email), D_NOTFOUND);
	CHECK_INT(password_reset_finish(f.st, &f.a, NULL, PASSWORD, PASSWORD, NOW_MS, &e, &who), D_NOTFOUND);
	/* no account, or an inactive one: no link */
	CHECK_INT(password_reset_link(f.st, &f.a, "niemand@example.nl", BASE, NOW, &link), D_NOTFOUND);
	CHECK_INT(fixture_exec(&f, "UPDATE account SET active = 0 WHERE id = %lld", id), 0);
	CHECK_INT(password_reset_link(f.st, &f.a, "p@example.nl", BASE, NOW, &link), D_NOTFOUND);
	/* a link made before the account went inactive no longer opens */
	CHECK_INT(fixture_exec(&f, "UPDATE account SET active = 1 WHERE id = %lld", id), 0);
	CHECK_INT(password_reset_link(f.st, &f.a, "p@example.nl", BASE, NOW, &link), D_OK);
	token = token_of(link);
	CHECK_INT(fixture_exec(&f, "UPDATE account SET active = 0 WHERE id = %lld", id), 0);
	CHECK_INT(password_reset_open(f.st, &f.a, token, NOW, &email), D_NOTFOUND);
	fixture_close(&f);
}

TEST(password_reset_requests_throttled_per_client_alike)
{
	FIXTURE(f);  /* no hashes */
	long long id = 0;
	CHECK_INT(store_account_add(f.st, f.org_a, "bekend@example.nl", "Bekend", 0, "", &id), ST_OK);
	struct login_wait wk, wu;
	long long free_ = throttle_rules[THROTTLE_RESET_ADDRESS].free;
	/* the same requests for an address with an account and one without,
	 * each from a client of its own: the same answers and waits */
	for (long long i = 1; i <= free_ + 2; i++) {
		enum reset_answer k = password_reset_request(f.st, &f.a, "bekend@example.nl", "192.0.2.20", BASE, NOW_MS, &wk);
		enum reset_answer u = password_reset_request(f.st, &f.a, "onbekend@example.nl", "192.0.2.21", BASE, NOW_MS, &wu);
		CHECK_INT(k, u);
		CHECK_INT(k, i <= free_ + 1 ? RESET_ASKED : RESET_WAIT);
		CHECK_INT(wk.wait_ms, wu.wait_ms);
		CHECK_INT(wk.step_ms, wu.step_ms);
	}
	CHECK_INT(wk.step_ms, 1000);
	/* another client is not held up */
	CHECK_INT(password_reset_request(f.st, &f.a, "bekend@example.nl", "192.0.2.22", BASE, NOW_MS, &wk), RESET_ASKED);
	/* this server sends no mail: no link was made for anyone */
	CHECK(!password_reset_by_mail(BASE));
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM password_reset"), 0);
	fixture_close(&f);
}

/* A mailer of the test's own (mail/mailer.h): the domain queues the
 * message (mail_queue.h) and the queue hands it to the mailer, never to
 * SMTP itself. */
static struct {
	int sent;
	char to[64];
	struct buf msg;
} handed;

static void *batch_open(void)
{
	return &handed;
}

static enum mailer_result keep_sent(void *batch, const char *to, const char *msg, size_t len)
{
	(void)batch;
	handed.sent++;
	snprintf(handed.to, sizeof(handed.to), "%s", to);
	buf_reset(&handed.msg);
	buf_add(&handed.msg, msg, len);
	return MAILER_SENT;
}

static void batch_close(void *batch)
{
	(void)batch;
}

/* Sends what the queue holds through the test's mailer. */
static void send_queued(struct fixture *f, const struct mailer *ml)
{
	struct mail_queue_result r;
	CHECK_INT(mail_queue_send_due(f->st, ml, NOW, 0, &r), D_OK);
}

/* The body of a quoted-printable message as text (soft breaks joined,
 * =XX decoded), in b. */
static void body_text(struct buf *b, const char *msg)
{
	const char *p = strstr(msg, "\r\n\r\n");
	buf_reset(b);
	for (p = p ? p + 4 : ""; *p; p++) {
		if (*p == '=' && p[1] == '\r' && p[2] == '\n') {
			p += 2;
		} else if (*p == '=' && p[1] && p[2]) {
			char hex[3] = { p[1], p[2], 0 };
			buf_addch(b, (char)strtol(hex, NULL, 16));
			p += 2;
		} else {
			buf_addch(b, *p);
		}
	}
}

TEST(password_reset_request_hands_the_link_to_the_mailer)
{
	FIXTURE(f);  /* no hashes */
	static const struct mailer test_mailer = { "leergang@example.nl", batch_open, keep_sent, batch_close };
	long long id = 0;
	CHECK_INT(store_account_add(f.st, f.org_a, "bekend@example.nl", "Bekend", 0, "", &id), ST_OK);
	memset(&handed, 0, sizeof(handed));
	mailer_use(&test_mailer);
	CHECK(password_reset_by_mail(BASE));
	struct login_wait wait;
	/* nothing for an address without an account */
	CHECK_INT(password_reset_request(f.st, &f.a, "onbekend@example.nl", "192.0.2.30", BASE, NOW_MS, &wait), RESET_ASKED);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM mail_queue"), 0);
	CHECK_INT(password_reset_request(f.st, &f.a, "bekend@example.nl", "192.0.2.31", BASE, NOW_MS, &wait), RESET_ASKED);
	/* queued in the database, sealed; sent by the queue */
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM mail_queue"), 1);
	CHECK_INT(handed.sent, 0);
	send_queued(&f, &test_mailer);
	CHECK_INT(handed.sent, 1);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM mail_queue"), 0);
	CHECK_STR(handed.to, "bekend@example.nl");
	const char *m = handed.msg.ptr ? handed.msg.ptr : "";
	CHECK(strstr(m, "From: leergang <leergang@example.nl>") != NULL);
	CHECK(strstr(m, "To: Bekend <bekend@example.nl>") != NULL);
	/* the link in the message opens the account's reset page */
	struct buf text = BUF_INIT;
	body_text(&text, m);
	const char *link = strstr(text.ptr ? text.ptr : "", BASE "/password/reset?token=");
	CHECK(link != NULL);
	if (link) {
		char token[SECRET_HEX] = "";
		snprintf(token, sizeof(token), "%.64s", token_of(link));
		const char *email = NULL;
		CHECK_INT(password_reset_open(f.st, &f.a, token, NOW + 60, &email), D_OK);
		CHECK_STR(email ? email : "", "bekend@example.nl");
	}
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM password_reset"), 1);
	mailer_use(NULL);
	CHECK(!password_reset_by_mail(BASE));
	buf_release(&handed.msg);
	buf_release(&text);
	fixture_close(&f);
}
