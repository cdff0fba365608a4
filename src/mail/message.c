/* message.c — one e-mail as RFC 5322 text: headers (RFC 2047 encoded words
 * for anything that is not plain ASCII) and a quoted-printable body (RFC
 * 2045), CRLF line endings throughout. See message.h for what is refused. */
#include "mail/message.h"
#include "core/utf8.h"

#include <sodium.h>
#include <string.h>
#include <time.h>

/* RFC 5322 atext: what a dot-atom local part is made of */
static bool atext(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       (c && strchr("!#$%&'*+-/=?^_`{|}~", c));
}

static bool label_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
}

bool mail_address_valid(const char *addr)
{
	if (!addr)
		return false;
	size_t len = strlen(addr);
	const char *at = strchr(addr, '@');
	if (len > 254 || !at || at == addr || at - addr > 64 || strchr(at + 1, '@'))
		return false;
	/* local part: atoms separated by single dots */
	for (const char *p = addr; p < at; p++) {
		if (*p == '.') {
			if (p == addr || p + 1 == at || p[1] == '.')
				return false;
		} else if (!atext((unsigned char)*p)) {
			return false;
		}
	}
	/* domain: labels of letters, digits and inner hyphens, at least two */
	const char *d = at + 1;
	int labels = 0;
	while (*d) {
		size_t n = 0;
		while (label_char((unsigned char)d[n]))
			n++;
		if (!n || n > 63 || d[0] == '-' || d[n - 1] == '-')
			return false;
		labels++;
		d += n;
		if (*d == '.') {
			if (!d[1])
				return false;
			d++;
		} else if (*d) {
			return false;
		}
	}
	return labels >= 2;
}

/* A header value: one line of valid UTF-8 without control characters. */
static bool header_value_ok(const char *s)
{
	if (!s)
		return true;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			return false;
	return utf8_valid(s, strlen(s));
}

/* Bytes of UTF-8 text in one encoded word: 39 give 52 base64 characters,
 * a word of 64, so that "Subject: " and a word stay within 78 columns. */
#define WORD_BYTES 39

/* s as RFC 2047 "B" encoded words, folded between words. */
static void encoded_words(struct buf *out, const char *s)
{
	size_t len = strlen(s);
	bool first = true;
	do {
		size_t n = len > WORD_BYTES ? utf8_cut(s, WORD_BYTES) : len;
		char b64[sodium_base64_ENCODED_LEN(WORD_BYTES, sodium_base64_VARIANT_ORIGINAL)];
		sodium_bin2base64(b64, sizeof(b64), (const unsigned char *)s, n, sodium_base64_VARIANT_ORIGINAL);
		buf_addf(out, "%s=?UTF-8?B?%s?=", first ? "" : "\r\n ", b64);
		first = false;
		s += n;
		len -= n;
	} while (len);
}

static bool plain_ascii(const char *s, size_t max)
{
	size_t n = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++, n++)
		if (*p >= 0x80)
			return false;
	return n <= max && !strstr(s, "=?");
}

/* A display name and its address: plain when the name is letters, digits
 * and single inner spaces only, else an encoded word (which also keeps
 * quotes, commas and angle brackets of a name out of the syntax). */
static void mailbox(struct buf *out, const char *name, const char *addr)
{
	if (!name || !*name) {
		buf_adds(out, addr);
		return;
	}
	bool plain = name[0] != ' ' && name[strlen(name) - 1] != ' ' && !strstr(name, "  ");
	for (const unsigned char *p = (const unsigned char *)name; *p && plain; p++)
		plain = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == ' ';
	if (plain && strlen(name) <= 64)
		buf_adds(out, name);
	else
		encoded_words(out, name);
	/* the address on a line of its own when it would pass column 78 */
	const char *line = out->ptr + out->len;
	while (line > out->ptr && line[-1] != '\n')
		line--;
	size_t col = (size_t)(out->ptr + out->len - line);
	buf_addf(out, "%s<%s>", col + strlen(addr) + 3 > 78 ? "\r\n " : " ", addr);
}

/* The body as quoted-printable: literal printable ASCII, "=XX" for the
 * rest, '=' and white space before a line end; soft breaks keep lines
 * within 76 columns. A CRLF, a lone LF or a lone CR ends a line. */
static void quoted_printable(struct buf *out, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	while (*s) {
		size_t n = strcspn(s, "\r\n");
		size_t col = 0;
		for (size_t i = 0; i < n; i++) {
			unsigned char c = (unsigned char)s[i];
			bool last = i + 1 == n;
			bool literal = (c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !last);
			size_t w = literal ? 1 : 3;
			if (col + w > 75) {
				buf_adds(out, "=\r\n");
				col = 0;
			}
			if (literal) {
				buf_addch(out, (char)c);
			} else {
				buf_addch(out, '=');
				buf_addch(out, hex[c >> 4]);
				buf_addch(out, hex[c & 15]);
			}
			col += w;
		}
		buf_adds(out, "\r\n");
		s += n;
		if (*s == '\r' && s[1] == '\n')
			s += 2;
		else if (*s)
			s++;
	}
}

enum mail_error mail_write(struct buf *out, const struct mail_message *m)
{
	if (!mail_address_valid(m->from) || !mail_address_valid(m->to))
		return MAIL_BAD_ADDRESS;
	if (!header_value_ok(m->from_name) || !header_value_ok(m->to_name) || !m->subject ||
	    !header_value_ok(m->subject))
		return MAIL_BAD_HEADER;
	if (!m->body || !utf8_valid(m->body, strlen(m->body)))
		return MAIL_BAD_BODY;

	static const char *const days[] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
	static const char *const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
					      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	time_t t = (time_t)m->date;
	struct tm tm;
	gmtime_r(&t, &tm);
	buf_addf(out, "Date: %s, %02d %s %04d %02d:%02d:%02d +0000\r\n", days[tm.tm_wday], tm.tm_mday,
		 months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
	buf_adds(out, "From: ");
	mailbox(out, m->from_name, m->from);
	buf_adds(out, "\r\nTo: ");
	mailbox(out, m->to_name, m->to);
	buf_adds(out, "\r\nSubject: ");
	if (plain_ascii(m->subject, 78 - strlen("Subject: ")))
		buf_adds(out, m->subject);
	else
		encoded_words(out, m->subject);
	unsigned char id[16];
	char idhex[sizeof(id) * 2 + 1];
	randombytes_buf(id, sizeof(id));
	sodium_bin2hex(idhex, sizeof(idhex), id, sizeof(id));
	buf_addf(out, "\r\nMessage-ID: <%s@%s>\r\n", idhex, strchr(m->from, '@') + 1);
	buf_adds(out, "MIME-Version: 1.0\r\n"
		      "Content-Type: text/plain; charset=UTF-8\r\n"
		      "Content-Transfer-Encoding: quoted-printable\r\n"
		      /* RFC 3834: no out-of-office replies to a mailing */
		      "Auto-Submitted: auto-generated\r\n"
		      "\r\n");
	quoted_printable(out, m->body);
	return MAIL_OK;
}
