/* research_pseudonym.c — replacing names in research texts by stable
 * pseudonyms, and carrying passage positions over (research_pseudonym.h). */
#include "research_pseudonym.h"
#include "pseudonym.h"
#include "core/i18n.h"
#include "core/utf8.h"
#include "store/research.h"
#include "store/store.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

struct pattern {
	const char *from, *to;
	size_t flen, first;   /* bytes of from, and of its first word */
};

struct research_pseudo {
	struct pattern *p;
	size_t n;
	struct pattern *full;   /* the full names of people, also matched in any case */
	size_t nfull;
};

/* A byte of a word: a letter or digit in ASCII, or any byte of a UTF-8
 * sequence (é, ë, ï are letters of Dutch names). */
static bool word_byte(unsigned char ch)
{
	return ch >= 0x80 || (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

static size_t word_len(const char *s)
{
	size_t n = 0;
	while (s[n] && word_byte((unsigned char)s[n]))
		n++;
	return n;
}

static int cmp_pattern(const void *x, const void *y)
{
	const struct pattern *a = x, *b = y;
	size_t m = a->first < b->first ? a->first : b->first;
	int d = memcmp(a->from, b->from, m);
	if (d)
		return d;
	if (a->first != b->first)
		return a->first < b->first ? -1 : 1;
	/* the longest first: "Anja de Vries" before "Anja" */
	return a->flen == b->flen ? 0 : a->flen > b->flen ? -1 : 1;
}

static void add(struct arena *a, struct pattern **p, size_t *n, size_t *cap, const char *from, const char *to)
{
	size_t first = word_len(from);
	if (!first)
		return;   /* a name that starts with no letter cannot be found as a word */
	if (*n == *cap)
		*p = arena_grow(a, *p, *n, *cap = *cap ? *cap * 2 : 64, sizeof(**p));
	(*p)[(*n)++] = (struct pattern){ .from = from, .to = to, .flen = strlen(from), .first = first };
}

int research_pseudonym_of(struct ctx *c, long long person, char out[13])
{
	unsigned char key[PSEUDONYM_KEY_LEN];
	if (pseudonym_key(c, key))
		return D_ERROR;
	pseudonym_make(key, c->who->organisation_id, person, out);
	return D_OK;
}

int research_pseudo_make(struct ctx *c, long long project, struct research_pseudo **out)
{
	long long org = c->who->organisation_id;
	unsigned char key[PSEUDONYM_KEY_LEN];
	struct person *people;
	size_t npeople;
	struct research_term *terms;
	size_t nterms;
	struct person_filter f = { .include_inactive = 1, .names_only = 1 };
	long long total;
	if (pseudonym_key(c, key) || store_person_list(c->st, c->a, org, &f, &people, &npeople, &total) ||
	    store_research_terms(c->st, c->a, org, project, &terms, &nterms))
		return D_ERROR;
	struct research_pseudo *r = arena_alloc(c->a, sizeof(*r));
	size_t cap = 0;
	r->p = NULL;
	r->n = 0;
	r->full = arena_alloc(c->a, (npeople + 1) * sizeof(*r->full));
	r->nfull = 0;
	for (size_t i = 0; i < nterms; i++)
		add(c->a, &r->p, &r->n, &cap, terms[i].term, terms[i].replacement);
	/* first names: how many people carry each */
	const char **firsts = arena_alloc(c->a, (npeople + 1) * sizeof(*firsts));
	for (size_t i = 0; i < npeople; i++) {
		char ps[PSEUDONYM_LEN + 1];
		pseudonym_make(key, org, people[i].id, ps);
		const char *to = arena_printf(c->a, "[%s]", ps);
		add(c->a, &r->p, &r->n, &cap, people[i].name, to);
		/* "JAN DE JONG" in a heading is a name as surely as "Jan de Jong";
		 * a single word only as written ("Roos", not "roos") */
		if (strchr(people[i].name, ' ') && word_len(people[i].name))
			r->full[r->nfull++] = r->p[r->n - 1];
		size_t w = word_len(people[i].name);
		firsts[i] = w && people[i].name[w] == ' ' ? arena_strndup(c->a, people[i].name, w) : NULL;
	}
	for (size_t i = 0; i < npeople; i++) {
		if (!firsts[i])
			continue;
		size_t same = 0;
		for (size_t j = 0; j < npeople; j++)
			same += firsts[j] && !strcmp(firsts[i], firsts[j]);
		if (same == 1) {
			char ps[PSEUDONYM_LEN + 1];
			pseudonym_make(key, org, people[i].id, ps);
			add(c->a, &r->p, &r->n, &cap, firsts[i], arena_printf(c->a, "[%s]", ps));
		} else {
			bool seen = false;   /* one "[naam]" pattern per shared first name */
			for (size_t j = 0; j < i && !seen; j++)
				seen = firsts[j] && !strcmp(firsts[i], firsts[j]);
			if (!seen)
				add(c->a, &r->p, &r->n, &cap, firsts[i], _("[name]"));
		}
	}
	if (r->n)
		qsort(r->p, r->n, sizeof(*r->p), cmp_pattern);
	*out = r;
	return D_OK;
}

/* The longest full name at text in any case (text's bytes in *len), or NULL. */
static const struct pattern *full_name_at(const struct research_pseudo *p, const char *text, size_t *len)
{
	const struct pattern *best = NULL;
	*len = 0;
	unsigned char t = (unsigned char)*text;
	for (size_t k = 0; k < p->nfull; k++) {
		unsigned char f = (unsigned char)*p->full[k].from;
		if (t < 0x80 && f < 0x80 && (t | 0x20) != (f | 0x20))
			continue;   /* two ASCII letters that differ in any case: no need to look further */
		size_t n = utf8_caseless_prefix(text, p->full[k].from);
		if (n > *len && !word_byte((unsigned char)text[n])) {
			best = &p->full[k];
			*len = n;
		}
	}
	return best;
}

/* The first pattern whose first word is the word at s (w bytes). */
static size_t lower_bound(const struct research_pseudo *p, const char *s, size_t w)
{
	size_t lo = 0, hi = p->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		const struct pattern *x = &p->p[mid];
		size_t m = x->first < w ? x->first : w;
		int d = memcmp(x->from, s, m);
		if (!d)
			d = x->first < w ? -1 : x->first > w ? 1 : 0;
		if (d < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static size_t cp_count(const char *s, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += ((unsigned char)s[i] & 0xC0) != 0x80;
	return k;
}

char *research_pseudo_apply(struct arena *a, const struct research_pseudo *p, const char *text,
			    struct research_shift **shifts, size_t *nshifts)
{
	struct buf b = BUF_INIT;
	size_t cap = 0, i = 0, cp = 0;
	*shifts = NULL;
	*nshifts = 0;
	while (text[i]) {
		bool at_word = word_byte((unsigned char)text[i]) && (i == 0 || !word_byte((unsigned char)text[i - 1]));
		if (at_word && p->n) {
			size_t w = word_len(text + i);
			const struct pattern *hit = NULL;
			size_t hlen = 0;
			for (size_t k = lower_bound(p, text + i, w); k < p->n && !hit; k++) {
				const struct pattern *x = &p->p[k];
				if (x->first != w || memcmp(x->from, text + i, w))
					break;
				if (!strncmp(text + i, x->from, x->flen) && !word_byte((unsigned char)text[i + x->flen]))
					hit = x, hlen = x->flen;
			}
			size_t flen;
			const struct pattern *full = full_name_at(p, text + i, &flen);
			if (full && flen > hlen)
				hit = full, hlen = flen;
			if (hit) {
				size_t old = cp_count(text + i, hlen);
				buf_add(&b, hit->to, strlen(hit->to));
				if (*nshifts == cap)
					*shifts = arena_grow(a, *shifts, *nshifts, cap = cap ? cap * 2 : 16, sizeof(**shifts));
				(*shifts)[(*nshifts)++] = (struct research_shift){ .start = (long long)cp,
										   .end = (long long)(cp + old),
										   .len = (long long)utf8_length(hit->to) };
				cp += old;
				i += hlen;
				continue;
			}
			buf_add(&b, text + i, w);
			cp += cp_count(text + i, w);
			i += w;
			continue;
		}
		buf_add(&b, text + i, 1);
		cp += ((unsigned char)text[i] & 0xC0) != 0x80;
		i++;
	}
	char *out = arena_strndup(a, b.ptr ? b.ptr : "", b.len);
	buf_release(&b);
	return out;
}

long long research_pseudo_pos(const struct research_shift *s, size_t n, long long pos, bool is_end)
{
	long long delta = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i].end <= pos) {
			delta += s[i].len - (s[i].end - s[i].start);
			continue;
		}
		if (s[i].start < pos)   /* inside a replaced name */
			return s[i].start + delta + (is_end ? s[i].len : 0);
		break;
	}
	return pos + delta;
}
