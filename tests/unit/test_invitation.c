/* test_invitation.c — accounts by invitation and switched off: an invited
 * account has no password and cannot sign in until its link sets one; the
 * link works once, for seven days; inviting again stops the old link; bad
 * input changes nothing; a bulk invitation is counted first and done all
 * at once, or not when the people changed; switching an account off ends
 * its sessions, tokens and links and keeps it out, and an administrator
 * cannot switch off their own; another organisation reaches none of it. */
#include "test.h"
#include "fixture.h"
#include "domain/account.h"
#include "domain/account_admin.h"
#include "domain/api_token.h"
#include "domain/invitation.h"
#include "domain/password_reset.h"
#include "domain/role.h"
#include "store/store.h"

#include <string.h>

#define NOW 1700000000LL
#define NOW_MS (NOW * 1000)
#define BASE "https://leergang.example.nl"
#define PASSWORD "nieuw paard batterij"

static const struct invite_via by_hand = { BASE, false };

static const char *token_of(const char *link)
{
	const char *p = link ? strstr(link, "?token=") : NULL;
	return p ? p + 7 : "";
}

static enum login_result try_login(struct fixture *f, const char *email, const char *pw, long long at_ms)
{
	long long who = 0;
	struct login_wait wait;
	return account_login(f->st, &f->a, email, pw, "192.0.2.40", at_ms, &who, &wait);
}

TEST(invitation_sets_the_first_password_once)
{
	FIXTURE(f);  /* 3 hashes (a login to the dummy, the new password, its check) */
	f.c.now = NOW;
	struct errors e = { 0 };
	struct invite_link il;
	CHECK_INT(invitation_create(&f.c, "nieuw@example.nl", "Nieuwe Collega", "", ROLE_PARTICIPANT, &by_hand, &e, &il),
		  D_OK);
	CHECK(il.link && !strncmp(il.link, BASE "/password/reset?token=", strlen(BASE "/password/reset?token=")));
	const char *token = token_of(il.link);
	CHECK_INT(strlen(token), SECRET_HEX - 1);
	/* no password, kept as a hash only, of kind invite, seven days */
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM account WHERE email = 'nieuw@example.nl' AND password_hash = ''"
				" AND invited_at = %lld", NOW), 1);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM password_reset WHERE kind = 'invite' AND expires_at = %lld",
				NOW + INVITE_SECONDS), 1);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM password_reset WHERE instr(token_hash, '%s') > 0", token), 0);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM audit_log WHERE action = 'account.invite'"), 1);
	/* until the password is set, nothing signs in, not even an empty one */
	CHECK_INT(try_login(&f, "nieuw@example.nl", "", NOW_MS), LOGIN_BAD);
	const char *email = NULL;
	bool invite = false;
	CHECK_INT(password_link_open(f.st, &f.a, token, NOW + 60, &email, &invite), D_OK);
	CHECK(invite);
	CHECK_STR(email ? email : "", "nieuw@example.nl");
	long long who = 0;
	CHECK_INT(password_reset_finish(f.st, &f.a, token, PASSWORD, PASSWORD, (NOW + 60) * 1000, &e, &who), D_OK);
	CHECK_INT(who, il.account.id);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM audit_log WHERE action = 'account.invite.accepted'"), 1);
	CHECK_INT(try_login(&f, "nieuw@example.nl", PASSWORD, NOW_MS + 120000), LOGIN_OK);
	/* used: the link does nothing any more, and the account needs no invitation */
	CHECK_INT(password_link_open(f.st, &f.a, token, NOW + 120, &email, &invite), D_NOTFOUND);
	CHECK_INT(password_reset_finish(f.st, &f.a, token, "ander wachtwoord 9", "ander wachtwoord 9", (NOW + 130) * 1000,
					&e, &who), D_NOTFOUND);
	CHECK_INT(invitation_resend(&f.c, il.account.id, &by_hand, &il), D_CONFLICT);
	fixture_close(&f);
}

TEST(invitation_expires_after_seven_days)
{
	FIXTURE(f);  /* no hashes */
	f.c.now = NOW;
	struct errors e = { 0 };
	struct invite_link il;
	CHECK_INT(invitation_create(&f.c, "laat@example.nl", "Laat", "", ROLE_MENTOR, &by_hand, &e, &il), D_OK);
	const char *token = token_of(il.link), *email;
	CHECK_INT(password_reset_open(f.st, &f.a, token, NOW + INVITE_SECONDS - 1, &email), D_OK);
	CHECK_INT(password_reset_open(f.st, &f.a, token, NOW + INVITE_SECONDS, &email), D_NOTFOUND);
	long long who = 0;
	CHECK_INT(password_reset_finish(f.st, &f.a, token, PASSWORD, PASSWORD, (NOW + INVITE_SECONDS) * 1000, &e, &who),
		  D_NOTFOUND);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM account WHERE email = 'laat@example.nl' AND password_hash = ''"), 1);
	fixture_close(&f);
}

TEST(invitation_again_stops_the_old_link)
{
	FIXTURE(f);  /* no hashes */
	f.c.now = NOW;
	struct errors e = { 0 };
	struct invite_link first, second;
	CHECK_INT(invitation_create(&f.c, "twee@example.nl", "Twee Keer", "", ROLE_PARTICIPANT, &by_hand, &e, &first), D_OK);
	char old[SECRET_HEX];
	memcpy(old, token_of(first.link), SECRET_HEX);
	f.c.now = NOW + 3600;
	CHECK_INT(invitation_resend(&f.c, first.account.id, &by_hand, &second), D_OK);
	const char *email;
	CHECK_INT(password_reset_open(f.st, &f.a, old, NOW + 3700, &email), D_NOTFOUND);
	CHECK_INT(password_reset_open(f.st, &f.a, token_of(second.link), NOW + 3700, &email), D_OK);
	CHECK_INT(fixture_query(&f, "SELECT invited_at FROM account WHERE id = %lld", first.account.id), NOW + 3600);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM audit_log WHERE action = 'account.invite.again'"), 1);
	/* the CSV's links: new ones for every waiting invitation, the old stop */
	struct invite_link *all;
	size_t n;
	CHECK_INT(invitation_links_all(&f.c, &by_hand, &all, &n), D_OK);
	CHECK(n >= 1);
	bool found = false;
	for (size_t i = 0; i < n; i++)
		found |= !strcmp(all[i].account.email, "twee@example.nl");
	CHECK(found);
	CHECK_INT(password_reset_open(f.st, &f.a, token_of(second.link), NOW + 3800, &email), D_NOTFOUND);
	fixture_close(&f);
}

TEST(invitation_bad_input_changes_nothing)
{
	FIXTURE(f);  /* no hashes */
	struct errors e = { 0 };
	struct invite_link il;
	long long before = fixture_query(&f, "SELECT count(*) FROM account");
	CHECK_INT(invitation_create(&f.c, "geen-adres", "Iemand", "", ROLE_PARTICIPANT, &by_hand, &e, &il), D_INVALID);
	CHECK(errors_get(&e, "email") != NULL);
	memset(&e, 0, sizeof(e));
	CHECK_INT(invitation_create(&f.c, "iemand@example.nl", "", "", ROLE_PARTICIPANT, &by_hand, &e, &il), D_INVALID);
	CHECK(errors_get(&e, "display_name") != NULL);
	memset(&e, 0, sizeof(e));
	CHECK_INT(invitation_create(&f.c, "iemand@example.nl", "Iemand", "", -1, &by_hand, &e, &il), D_INVALID);
	CHECK(errors_get(&e, "role") != NULL);
	memset(&e, 0, sizeof(e));
	CHECK_INT(invitation_create(&f.c, "iemand@example.nl", "Iemand", "X-404", ROLE_PARTICIPANT, &by_hand, &e, &il),
		  D_INVALID);
	CHECK(errors_get(&e, "employee_id") != NULL);
	memset(&e, 0, sizeof(e));
	CHECK_INT(invitation_create(&f.c, "ADMIN@org-a.example", "Dubbel", "", ROLE_PARTICIPANT, &by_hand, &e, &il), D_INVALID);
	CHECK(errors_get(&e, "email") != NULL);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM account"), before);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM password_reset"), 0);
	/* a person's name is taken from the register */
	CHECK(fixture_person(&f, "E-77", "Anaïs Ærø 李") > 0);
	memset(&e, 0, sizeof(e));
	CHECK_INT(invitation_create(&f.c, "anais@example.nl", "", "E-77", ROLE_PARTICIPANT, &by_hand, &e, &il), D_OK);
	CHECK_STR(il.account.display_name, "Anaïs Ærø 李");
	fixture_close(&f);
}

TEST(invitation_bulk_counts_first_then_all_at_once)
{
	FIXTURE(f);  /* no hashes */
	f.c.now = NOW;
	long long unit = 0, sub = 0;
	CHECK_INT(store_unit_add(f.st, f.org_a, 0, "Directie", &unit), ST_OK);
	CHECK_INT(store_unit_add(f.st, f.org_a, unit, "Team Noord", &sub), ST_OK);
	const char *names[] = { "Een", "Twee", "Drie", "Vier", "Vijf" };
	long long ids[5];
	for (int i = 0; i < 5; i++)
		ids[i] = fixture_person(&f, names[i], names[i]);
	/* three with an address (one in the sub-unit), one without, one with an account already */
	CHECK_INT(fixture_exec(&f, "UPDATE person SET unit_id = %lld, email = lower(name) || '@example.nl' WHERE id IN (%lld, %lld);"
				   "UPDATE person SET unit_id = %lld, email = 'drie@example.nl' WHERE id = %lld;"
				   "UPDATE person SET unit_id = %lld WHERE id = %lld;"
				   "UPDATE person SET unit_id = %lld, email = 'vijf@example.nl' WHERE id = %lld;"
				   "INSERT INTO account(organisation_id, person_id, email, display_name) VALUES (%lld, %lld, 'vijf@example.nl', 'Vijf');",
				   unit, ids[0], ids[1], sub, ids[2], unit, ids[3], unit, ids[4], f.org_a, ids[4]), 0);
	struct invite_preview p;
	CHECK_INT(invitation_bulk_preview(&f.c, unit, 0, &p), D_OK);
	CHECK_INT(p.n, 3);
	CHECK_INT(p.no_email, 1);
	CHECK_INT(invitation_bulk_preview(&f.c, sub, 0, &p), D_OK);
	CHECK_INT(p.n, 1);
	long long before = fixture_query(&f, "SELECT count(*) FROM account");
	struct errors e = { 0 };
	struct invite_link *il;
	size_t n;
	/* the people changed since a preview of 2: nothing */
	CHECK_INT(invitation_bulk(&f.c, unit, 0, ROLE_PARTICIPANT, 2, &by_hand, &e, &il, &n), D_CONFLICT);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM account"), before);
	CHECK_INT(invitation_bulk(&f.c, unit, 0, -1, 3, &by_hand, &e, &il, &n), D_INVALID);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM account"), before);
	CHECK_INT(invitation_bulk(&f.c, unit, 0, ROLE_PARTICIPANT, 3, &by_hand, &e, &il, &n), D_OK);
	CHECK_INT(n, 3);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM account"), before + 3);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM account a JOIN role_grant g ON g.account_id = a.id"
				" WHERE a.person_id IN (%lld, %lld, %lld) AND g.role = 'participant' AND a.password_hash = ''",
				ids[0], ids[1], ids[2]), 3);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM password_reset WHERE kind = 'invite'"), 3);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM audit_log WHERE action = 'account.invite.bulk'"), 1);
	for (size_t i = 0; i < n; i++)
		CHECK(il[i].link && strlen(token_of(il[i].link)) == SECRET_HEX - 1);
	/* done: nobody left */
	CHECK_INT(invitation_bulk_preview(&f.c, unit, 0, &p), D_OK);
	CHECK_INT(p.n, 0);
	memset(&e, 0, sizeof(e));
	CHECK_INT(invitation_bulk(&f.c, unit, 0, ROLE_PARTICIPANT, 0, &by_hand, &e, &il, &n), D_INVALID);
	CHECK(errors_get(&e, "") != NULL);
	/* a unit or group of another organisation, or none */
	CHECK_INT(invitation_bulk_preview(&f.cb, unit, 0, &p), D_NOTFOUND);
	CHECK_INT(invitation_bulk_preview(&f.c, 0, 999, &p), D_NOTFOUND);
	fixture_close(&f);
}

TEST(account_deactivate_ends_sessions_tokens_and_links)
{
	FIXTURE(f);  /* 4 hashes */
	f.c.now = NOW;
	struct errors e = { 0 };
	long long id = 0, who = 0;
	CHECK_INT(account_create(&f.c, "weg@example.nl", "Weg", 0, PASSWORD, ROLE_FACILITATOR, &e, &id), D_OK);
	char s1[SECRET_HEX], c1[SECRET_HEX], tok[SECRET_HEX];
	CHECK_INT(session_start(f.st, id, NOW, s1, c1), ST_OK);
	struct actor cliw = f.who;
	cliw.account_id = 0;
	struct ctx cli = { f.st, &f.a, &cliw, 0 };
	CHECK_INT(api_token_create(&cli, id, "script", 30, "", NOW, tok, &e, NULL, NULL), D_OK);
	char *link = NULL;
	CHECK_INT(password_reset_link(f.st, &f.a, "weg@example.nl", BASE, NOW, &link), D_OK);
	CHECK_INT(try_login(&f, "weg@example.nl", PASSWORD, NOW_MS), LOGIN_OK);

	CHECK_INT(account_deactivate(&f.c, id, &e), D_OK);
	char *csrf;
	CHECK(session_resolve(f.st, &f.a, s1, NOW + 10, &who, &csrf) != ST_OK);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM session WHERE account_id = %lld", id), 0);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM api_token WHERE account_id = %lld", id), 0);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM password_reset WHERE account_id = %lld", id), 0);
	const char *email;
	CHECK_INT(password_reset_open(f.st, &f.a, token_of(link), NOW + 10, &email), D_NOTFOUND);
	/* the same answer as a wrong password */
	CHECK_INT(try_login(&f, "weg@example.nl", PASSWORD, NOW_MS + 1000), LOGIN_BAD);
	CHECK_INT(password_reset_link(f.st, &f.a, "weg@example.nl", BASE, NOW, &link), D_NOTFOUND);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM audit_log WHERE action = 'account.deactivate'"), 1);
	/* off already: nothing more */
	CHECK_INT(account_deactivate(&f.c, id, &e), D_OK);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM audit_log WHERE action = 'account.deactivate'"), 1);

	/* switched on: the old password works again */
	CHECK_INT(account_reactivate(&f.c, id), D_OK);
	CHECK_INT(try_login(&f, "weg@example.nl", PASSWORD, NOW_MS + 2000), LOGIN_OK);
	/* sessions alone */
	CHECK_INT(session_start(f.st, id, NOW, s1, c1), ST_OK);
	CHECK_INT(account_end_sessions(&f.c, id), D_OK);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM session WHERE account_id = %lld", id), 0);
	CHECK_INT(fixture_query(&f, "SELECT active FROM account WHERE id = %lld", id), 1);

	/* never one's own account */
	CHECK_INT(account_end_sessions(&f.c, f.admin_id), D_CONFLICT);
	memset(&e, 0, sizeof(e));
	CHECK_INT(account_deactivate(&f.c, f.admin_id, &e), D_CONFLICT);
	CHECK(errors_get(&e, "") != NULL);
	CHECK_INT(fixture_query(&f, "SELECT active FROM account WHERE id = %lld", f.admin_id), 1);
	fixture_close(&f);
}

TEST(invitation_and_deactivation_refused_across_organisations)
{
	FIXTURE(f);  /* no hashes */
	f.c.now = NOW;
	struct errors e = { 0 };
	struct invite_link il, other;
	CHECK_INT(invitation_create(&f.c, "van-a@example.nl", "Van A", "", ROLE_PARTICIPANT, &by_hand, &e, &il), D_OK);
	long long id = il.account.id;
	/* B's administrator (the command line of B) reaches none of A's accounts */
	CHECK_INT(invitation_resend(&f.cb, id, &by_hand, &other), D_NOTFOUND);
	CHECK_INT(account_deactivate(&f.cb, id, &e), D_NOTFOUND);
	CHECK_INT(account_reactivate(&f.cb, id), D_NOTFOUND);
	CHECK_INT(account_end_sessions(&f.cb, id), D_NOTFOUND);
	CHECK_INT(fixture_query(&f, "SELECT active FROM account WHERE id = %lld", id), 1);
	const char *email;
	CHECK_INT(password_reset_open(f.st, &f.a, token_of(il.link), NOW + 10, &email), D_OK);
	/* B's links do not list A's invitations */
	struct invite_link *all;
	size_t n;
	CHECK_INT(invitation_links_all(&f.cb, &by_hand, &all, &n), D_OK);
	CHECK_INT(n, 0);
	/* and nobody but an administrator */
	struct actor coach = f.who;
	coach.roles = ROLE_BIT(ROLE_COACH);
	struct ctx cc = { f.st, &f.a, &coach, NOW };
	CHECK_INT(invitation_create(&cc, "x@example.nl", "X", "", ROLE_PARTICIPANT, &by_hand, &e, &other), D_FORBIDDEN);
	CHECK_INT(invitation_resend(&cc, id, &by_hand, &other), D_FORBIDDEN);
	CHECK_INT(account_deactivate(&cc, id, &e), D_FORBIDDEN);
	fixture_close(&f);
}
