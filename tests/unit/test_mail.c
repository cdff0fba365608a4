/* test_mail.c — the e-mail message writer (src/mail/message.c): addresses
 * that pass and fail, RFC 2047 encoded subjects and names that decode back
 * to the text, CRLF and nothing else as line end, a quoted-printable body
 * that decodes back, header injection refused; and the checks of the mail
 * server settings (src/mail/smtp.c). */
#include "test.h"
#include "core/buf.h"
#include "mail/message.h"
#include "mail/smtp.h"
#include "core/compiler.h"

#include <sodium.h>
#include <stdlib.h>

/* The value of header name (unfolded), or NULL; in a static buffer. */
static const char *header(const char *msg, const char *name)
{
	static char out[4096];
	size_t nl = strlen(name);
	const char *end = strstr(msg, "\r\n\r\n");
	for (const char *p = msg; p && p < end; p = strstr(p, "\r\n"), p = p ? p + 2 : NULL) {
		if (strncmp(p, name, nl) || p[nl] != ':')
			continue;
		size_t n = 0;
		for (const char *q = p + nl + 1 + (p[nl + 1] == ' '); q < end && n + 1 < sizeof(out); q++) {
			if (q[0] == '\r' && q[1] == '\n') {
				if (q[2] != ' ' && q[2] != '\t')
					break;
				q++;        /* folding: CRLF before white space is dropped */
				continue;
			}
			out[n++] = *q;
		}
		out[n] = '\0';
		return out;
	}
	return NULL;
}

/* Decodes the RFC 2047 "B" words of a header value (white space between
 * two words dropped); NULL when a word is malformed. */
static const char *decode_words(const char *v)
{
	static char out[4096];
	size_t n = 0;
	bool after_word = false;
	while (*v) {
		if (!strncmp(v, "=?UTF-8?B?", 10)) {
			const char *end = strstr(v + 10, "?=");
			if (!end)
				return NULL;
			size_t got;
			if (sodium_base642bin((unsigned char *)out + n, sizeof(out) - n - 1, v + 10, (size_t)(end - v - 10), NULL,
					      &got, NULL, sodium_base64_VARIANT_ORIGINAL))
				return NULL;
			n += got;
			v = end + 2;
			after_word = true;
		} else if (after_word && *v == ' ' && !strncmp(v + strspn(v, " "), "=?", 2)) {
			v += strspn(v, " ");
		} else {
			out[n++] = *v++;
			after_word = false;
		}
	}
	out[n] = '\0';
	return out;
}

/* Decodes a quoted-printable body; NULL on a malformed escape. */
static char *decode_qp(const char *s)
{
	struct buf b = BUF_INIT;
	while (*s) {
		if (*s == '=' && s[1] == '\r' && s[2] == '\n') {
			s += 3;
		} else if (*s == '=') {
			unsigned v;
			if (sscanf(s + 1, "%2X", &v) != 1 || !strchr("0123456789ABCDEF", s[1]) || !strchr("0123456789ABCDEF", s[2])) {
				buf_release(&b);
				return NULL;
			}
			buf_addch(&b, (char)v);
			s += 3;
		} else {
			buf_addch(&b, *s++);
		}
	}
	return buf_detach(&b, NULL);
}

/* Every CR is followed by LF and every LF follows a CR; no line is longer
 * than max (without its CRLF). */
static bool crlf_only(const char *s, size_t max)
{
	size_t col = 0;
	for (const char *p = s; *p; p++) {
		if (*p == '\r') {
			if (p[1] != '\n')
				return false;
		} else if (*p == '\n') {
			if (p == s || p[-1] != '\r')
				return false;
			col = 0;
			continue;
		}
		if (*p != '\r' && ++col > max)
			return false;
	}
	return true;
}

TEST(mail_address_valid)
{
	const char *good[] = { "jan@example.nl", "P0012@politie.example", "a.b+c-d_e@sub.example.org",
			       "o'brien@x-y.nl", "x@a.b" };
	for (size_t i = 0; i < ARRAY_SIZE(good); i++)
		CHECK(mail_address_valid(good[i]));
	char long_local[80];
	memset(long_local, 'a', 65);
	memcpy(long_local + 65, "@x.nl", 6);
	const char *bad[] = { "", "jan", "@x.nl", "jan@", "jan@x", "jan@@x.nl", "jan@x@y.nl", "ja n@x.nl",
			      "jan@x.nl\r\nBcc: y@z.nl", "jan@x.nl\n", "jan.@x.nl", ".jan@x.nl", "j..an@x.nl",
			      "jan@-x.nl", "jan@x-.nl", "jan@x..nl", "jan@x.nl.", "\"jan\"@x.nl", "jan<x>@x.nl",
			      "<jan@x.nl>", "j\xC3\xA4n@x.nl", "jan@x.nl,piet@y.nl", "jan@x_y.nl", long_local };
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++)
		if (mail_address_valid(bad[i]))
			test_fail(__FILE__, __LINE__, "\"%s\" taken as an address", bad[i]);
		else
			test_pass();
	CHECK(!mail_address_valid(NULL));
}

TEST(mail_message_headers_and_body)
{
	struct buf b = BUF_INIT;
	const char *subject = "Vragenlijst: Eindevaluatie Anaïs Ærø 李 — een heel lange naam die over meer dan één regel gaat";
	const char *body = "Beste Anaïs,\n\nUw link:\n\nhttp://127.0.0.1:8080/respond?token=0123456789abcdef\n"
			   "Een regel met spatie aan het eind \n"
			   "= en . en \xE2\x82\xAC 3,50 en een hele lange regel die langer is dan zesenzeventig tekens om de zachte regeleinden te zien\n"
			   ".\n\nMet vriendelijke groet,\nOrganisatie\n";
	struct mail_message m = { "leergang@example.nl", "Politie & \"Zonen\"", "jan@example.nl",
				  "Jan <script>alert(1)</script>", subject, body, 1767225600 /* 2026-01-01 */ };
	CHECK_INT(mail_write(&b, &m), MAIL_OK);
	CHECK(crlf_only(b.ptr, 78));
	const char *sep = strstr(b.ptr, "\r\n\r\n");
	CHECK(sep != NULL);
	if (!sep) {
		buf_release(&b);
		return;
	}
	CHECK_STR(header(b.ptr, "Date"), "Thu, 01 Jan 2026 00:00:00 +0000");
	CHECK_STR(header(b.ptr, "MIME-Version"), "1.0");
	CHECK_STR(header(b.ptr, "Content-Type"), "text/plain; charset=UTF-8");
	CHECK_STR(header(b.ptr, "Content-Transfer-Encoding"), "quoted-printable");
	const char *id = header(b.ptr, "Message-ID");
	CHECK(id && id[0] == '<' && strlen(id) == 1 + 32 + strlen("@example.nl>") && !strcmp(id + 33, "@example.nl>"));
	/* the subject: encoded words over several folded lines, decoding to the text */
	const char *raw = header(b.ptr, "Subject");
	CHECK(raw && !strncmp(raw, "=?UTF-8?B?", 10));
	CHECK_STR(decode_words(raw ? raw : ""), subject);
	const char *s = strstr(b.ptr, "\r\nSubject: ");
	CHECK(s && strstr(s + 2, "\r\n ") && strstr(s + 2, "\r\n ") < strstr(s + 2, "\r\nMessage-ID"));
	/* names with markup, quotes or non-ASCII only as encoded words */
	CHECK(!strstr(b.ptr, "<script>") && !strstr(b.ptr, "\"Zonen\""));
	const char *to = header(b.ptr, "To");
	CHECK_STR(decode_words(to ? to : ""), "Jan <script>alert(1)</script> <jan@example.nl>");
	const char *from = header(b.ptr, "From");
	CHECK_STR(decode_words(from ? from : ""), "Politie & \"Zonen\" <leergang@example.nl>");
	/* the body: quoted-printable lines of at most 76, decoding to the text with CRLF */
	CHECK(crlf_only(sep + 4, 76));
	CHECK(strstr(sep, "token=3D0123456789abcdef") != NULL);
	CHECK(strstr(sep, "eind=20\r\n") != NULL);
	char *plain = decode_qp(sep + 4);
	struct buf want = BUF_INIT;
	for (const char *p = body; *p; p++)
		buf_adds(&want, *p == '\n' ? "\r\n" : (char[]){ *p, 0 });
	CHECK_STR(plain, want.ptr);
	free(plain);
	buf_release(&want);
	buf_release(&b);
}

TEST(mail_message_plain_ascii_stays_plain)
{
	struct buf b = BUF_INIT;
	struct mail_message m = { "leergang@example.nl", "Politie", "jan@example.nl", "Jan Jansen", "Vragenlijst: Eindevaluatie",
				  "Regel een\r\nRegel twee\rRegel drie", 0 };
	CHECK_INT(mail_write(&b, &m), MAIL_OK);
	CHECK_STR(header(b.ptr, "Subject"), "Vragenlijst: Eindevaluatie");
	CHECK_STR(header(b.ptr, "To"), "Jan Jansen <jan@example.nl>");
	CHECK_STR(header(b.ptr, "Date"), "Thu, 01 Jan 1970 00:00:00 +0000");
	CHECK(crlf_only(b.ptr, 78));
	const char *sep = strstr(b.ptr, "\r\n\r\n");
	CHECK_STR(sep ? sep + 4 : NULL, "Regel een\r\nRegel twee\r\nRegel drie\r\n");
	/* no name: the address alone */
	buf_reset(&b);
	m.to_name = "";
	m.from_name = NULL;
	CHECK_INT(mail_write(&b, &m), MAIL_OK);
	CHECK_STR(header(b.ptr, "To"), "jan@example.nl");
	CHECK_STR(header(b.ptr, "From"), "leergang@example.nl");
	buf_release(&b);
}

TEST(mail_message_refuses_header_injection)
{
	struct buf b = BUF_INIT;
	struct mail_message ok = { "leergang@example.nl", "Politie", "jan@example.nl", "Jan", "Vragenlijst", "Tekst\n", 0 };
	struct mail_message m = ok;
	m.subject = "Vragenlijst\r\nBcc: spion@example.org";
	CHECK_INT(mail_write(&b, &m), MAIL_BAD_HEADER);
	m.subject = "Vragenlijst\nBcc: spion@example.org";
	CHECK_INT(mail_write(&b, &m), MAIL_BAD_HEADER);
	m.subject = "Tab\there";
	CHECK_INT(mail_write(&b, &m), MAIL_BAD_HEADER);
	m.subject = "bad \xC3\x28 utf-8";
	CHECK_INT(mail_write(&b, &m), MAIL_BAD_HEADER);
	m = ok;
	m.to_name = "Jan\r\nBcc: spion@example.org";
	CHECK_INT(mail_write(&b, &m), MAIL_BAD_HEADER);
	m = ok;
	m.from_name = "Politie\r";
	CHECK_INT(mail_write(&b, &m), MAIL_BAD_HEADER);
	m = ok;
	m.to = "jan@example.nl\r\nBcc: spion@example.org";
	CHECK_INT(mail_write(&b, &m), MAIL_BAD_ADDRESS);
	m = ok;
	m.from = "leergang@example.nl>\r\nRCPT TO:<spion@example.org";
	CHECK_INT(mail_write(&b, &m), MAIL_BAD_ADDRESS);
	m = ok;
	m.body = "\xFF\xFE";
	CHECK_INT(mail_write(&b, &m), MAIL_BAD_BODY);
	CHECK_INT(b.len, 0);  /* nothing written on a refusal */
	/* a subject that looks like an encoded word is encoded itself */
	m = ok;
	m.subject = "=?UTF-8?B?QmNjOg==?=";
	CHECK_INT(mail_write(&b, &m), MAIL_OK);
	CHECK_STR(decode_words(header(b.ptr, "Subject")), "=?UTF-8?B?QmNjOg==?=");
	buf_release(&b);
}

TEST(mail_smtp_settings)
{
	char err[256];
	struct smtp_config c = { "smtp://127.0.0.1:2525", "leergang@example.nl", NULL, NULL, false };
	CHECK_INT(smtp_config_check(&c, err, sizeof(err)), 0);
	c.url = "smtps://mail.example.nl";
	CHECK_INT(smtp_config_check(&c, err, sizeof(err)), 0);
	c.user = "leergang";
	c.password = "geheim";
	CHECK_INT(smtp_config_check(&c, err, sizeof(err)), 0);
	/* a password over plain SMTP to another machine: only with STARTTLS */
	c.url = "smtp://mail.example.nl:587";
	CHECK_INT(smtp_config_check(&c, err, sizeof(err)), -1);
	CHECK(strstr(err, "STARTTLS") != NULL);
	c.starttls = true;
	CHECK_INT(smtp_config_check(&c, err, sizeof(err)), 0);
	c.password = NULL;
	CHECK_INT(smtp_config_check(&c, err, sizeof(err)), -1);
	c = (struct smtp_config){ "smtp://jan:geheim@mail.example.nl", "leergang@example.nl", NULL, NULL, false };
	CHECK_INT(smtp_config_check(&c, err, sizeof(err)), -1);
	CHECK(strstr(err, "LEERGANG_SMTP_USER") != NULL && !strstr(err, "geheim"));
	c.url = "http://mail.example.nl";
	CHECK_INT(smtp_config_check(&c, err, sizeof(err)), -1);
	c.url = "smtp://";
	CHECK_INT(smtp_config_check(&c, err, sizeof(err)), -1);
	c.url = "smtp://mail.example.nl\r\n";
	CHECK_INT(smtp_config_check(&c, err, sizeof(err)), -1);
	c.url = "smtp://mail.example.nl";
	c.from = "leergang";
	CHECK_INT(smtp_config_check(&c, err, sizeof(err)), -1);
	c.from = NULL;
	CHECK_INT(smtp_config_check(&c, err, sizeof(err)), -1);
}

TEST(mail_message_long_name_folds_before_the_address)
{
	struct buf b = BUF_INIT;
	struct mail_message m = { "leergang@example.nl", NULL, "iemand.met.een.lang.adres@afdeling.example.nl",
				  "Anaïs Ærø 李 van der Berg", "Vragenlijst", "Tekst\n", 0 };
	CHECK_INT(mail_write(&b, &m), MAIL_OK);
	CHECK(crlf_only(b.ptr, 78));
	CHECK(strstr(b.ptr, "?=\r\n <iemand.met.een.lang.adres@afdeling.example.nl>\r\n") != NULL);
	CHECK_STR(decode_words(header(b.ptr, "To")), "Anaïs Ærø 李 van der Berg <iemand.met.een.lang.adres@afdeling.example.nl>");
	buf_release(&b);
}
