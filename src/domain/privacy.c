/* privacy.c — the read rules of personal texts. A text's reader is found
 * through the group's own rows (its staffing and enrolment), as for every
 * other question of who belongs where (domain/group.c). */
#include "privacy.h"
#include "audit.h"

#include "role.h"
#include "core/i18n.h"
#include "core/buf.h"
#include "core/utf8.h"
#include "store/group.h"

#include <assert.h>
#include <ctype.h>
#include <string.h>

void privacy_group_init(struct privacy_group *pg, long long group_id)
{
	memset(pg, 0, sizeof(*pg));
	pg->id = group_id;
}

const struct learning_group *privacy_group_get(struct ctx *c, struct privacy_group *pg)
{
	if (!pg->have_group) {
		pg->have_group = true;
		pg->found = pg->id && !store_group_get(c->st, c->a, c->who->organisation_id, pg->id, &pg->g);
	}
	return pg->found ? &pg->g : NULL;
}

/* The group's enrolments, or NULL (with *n 0) when they cannot be read. */
static const struct enrolment *enrolments(struct ctx *c, struct privacy_group *pg, size_t *n)
{
	if (!pg->have_enrolments) {
		pg->have_enrolments = true;
		pg->enrolments_ok = !store_enrolment_list(c->st, c->a, c->who->organisation_id, pg->id, &pg->en, &pg->nen);
		if (!pg->enrolments_ok)
			pg->nen = 0;
	}
	*n = pg->nen;
	return pg->enrolments_ok ? pg->en : NULL;
}

/* The actor's place in the group, by person, whatever their roles: a coach
 * who is not the facilitator does not read what was shared with the
 * facilitator. */
static bool in_group_pg(struct ctx *c, struct privacy_group *pg, bool facilitator_only)
{
	long long me = c->who->person_id;
	const struct learning_group *g;
	if (!me || !pg->id || !(g = privacy_group_get(c, pg)))
		return false;
	if (g->facilitator_id == me)
		return true;
	if (facilitator_only)
		return false;
	if (g->mentor_id == me)
		return true;
	size_t n;
	const struct enrolment *en = enrolments(c, pg, &n);
	for (size_t i = 0; en && i < n; i++)
		if (en[i].person_id == me && strcmp(en[i].status, "stopped"))
			return true;
	return false;
}

static bool in_group(struct ctx *c, long long group_id, bool facilitator_only)
{
	struct privacy_group pg;
	privacy_group_init(&pg, group_id);
	return in_group_pg(c, &pg, facilitator_only);
}

bool privacy_may_read_logbook(struct ctx *c, const struct logbook_entry *e)
{
	if (c->who->person_id && e->person_id == c->who->person_id)
		return true;
	if (!strcmp(e->shared_with, "facilitator"))
		return in_group(c, e->group_id, true);
	if (!strcmp(e->shared_with, "group"))
		return in_group(c, e->group_id, false);
	return false;
}

int privacy_log_read(struct ctx *c, const char *kind, long long id, long long writer_person_id)
{
	if (c->who->person_id && c->who->person_id == writer_person_id)
		return D_OK;
	int r = audit(c, arena_printf(c->a, "%s.read", kind), kind, id, "writer person %lld", writer_person_id);
	return r ? D_ERROR : D_OK;
}

bool privacy_holds_intake(struct ctx *c, long long group_id)
{
	long long me = c->who->person_id;
	struct learning_group g;
	if (!me || store_group_get(c->st, c->a, c->who->organisation_id, group_id, &g))
		return false;
	return g.facilitator_id == me || g.mentor_id == me;
}

bool privacy_may_read_trajectory(struct ctx *c, long long person_id, long long group_id)
{
	if (c->who->person_id && c->who->person_id == person_id)
		return true;
	return privacy_holds_intake(c, group_id);
}

/* ---- reports, contributions, the learning story ---- */

enum place { PLACE_NONE, PLACE_PARTICIPANT, PLACE_MENTOR, PLACE_FACILITATOR };

static enum place place_in_pg(struct ctx *c, struct privacy_group *pg)
{
	long long me = c->who->person_id;
	const struct learning_group *g;
	if (!me || !pg->id || !(g = privacy_group_get(c, pg)))
		return PLACE_NONE;
	if (g->facilitator_id == me)
		return PLACE_FACILITATOR;
	if (g->mentor_id == me)
		return PLACE_MENTOR;
	return in_group_pg(c, pg, false) ? PLACE_PARTICIPANT : PLACE_NONE;
}

static enum place place_in(struct ctx *c, long long group_id)
{
	struct privacy_group pg;
	privacy_group_init(&pg, group_id);
	return place_in_pg(c, &pg);
}

static bool reads_along(struct ctx *c)
{
	return actor_has(c->who, ROLE_BIT(ROLE_COACH));
}

enum privacy_read privacy_report(struct ctx *c, const struct meeting_report *r)
{
	struct privacy_group pg;
	privacy_group_init(&pg, r->group_id);
	return privacy_report_in(c, &pg, r);
}

enum privacy_read privacy_report_in(struct ctx *c, struct privacy_group *pg, const struct meeting_report *r)
{
	assert(pg->id == r->group_id);
	bool published = !strcmp(r->status, "published");
	switch (place_in_pg(c, pg)) {
	case PLACE_FACILITATOR:
	case PLACE_MENTOR:
		return PRIVACY_FULL;
	case PLACE_PARTICIPANT:
		return published ? PRIVACY_FULL : PRIVACY_NONE;
	case PLACE_NONE:
		break;
	}
	return published && reads_along(c) ? PRIVACY_ANONYMISED : PRIVACY_NONE;
}

enum privacy_read privacy_contribution(struct ctx *c, const struct contribution *x, const struct meeting_report *r)
{
	if (c->who->person_id && c->who->person_id == x->person_id)
		return PRIVACY_FULL;
	if (place_in(c, x->group_id) == PLACE_FACILITATOR)
		return PRIVACY_FULL;
	if (!x->placed || !r)
		return PRIVACY_NONE;
	return privacy_report(c, r);
}

enum privacy_read privacy_story(struct ctx *c, const struct learning_story *s)
{
	bool bundled = !strcmp(s->status, "bundled");
	switch (place_in(c, s->group_id)) {
	case PLACE_FACILITATOR:
	case PLACE_MENTOR:
		return PRIVACY_FULL;
	case PLACE_PARTICIPANT:
		return bundled ? PRIVACY_FULL : PRIVACY_NONE;
	case PLACE_NONE:
		break;
	}
	return bundled && reads_along(c) ? PRIVACY_ANONYMISED : PRIVACY_NONE;
}

/* ---- anonymising for the coach ---- */

static bool word_byte(unsigned char ch)
{
	return ch >= 0x80 || isalnum(ch);
}

/* Particles of Dutch (and a few other) names, which are words of their
 * own elsewhere: "van", "der", "de" are never hidden on their own. */
static bool particle(const char *p, size_t n)
{
	static const char *const words[] = { "van", "der", "den", "de", "het", "ter", "ten", "te", "in", "op", "aan",
					     "uit", "von", "vom", "zu", "la", "le", "du", "da", "di", "dos", "del",
					     "el", "al", "bin", "ben", "mc", NULL };
	for (const char *const *w = words; *w; w++)
		if (strlen(*w) == n && !strncasecmp(p, *w, n))
			return true;
	return false;
}

/* The names to hide: every participant's full name (any case), and each
 * part of it of three letters or more that is not a particle, as written
 * (with its capital: "Meer" in a name, not "meer" in a sentence). Longest
 * first so that a full name goes before its parts. */
struct privacy_name {
	const char *text;
	bool any_case;
};

static size_t group_names(struct ctx *c, struct privacy_group *pg, struct privacy_name **out)
{
	if (pg->have_names) {
		*out = pg->names;
		return pg->nnames;
	}
	size_t n, k = 0;
	*out = NULL;
	const struct enrolment *en = enrolments(c, pg, &n);
	if (!en)
		return 0;
	size_t cap = 8;
	for (size_t i = 0; i < n; i++)
		cap += 2 + strlen(en[i].person_name) / 2;
	struct privacy_name *names = arena_alloc(c->a, cap * sizeof(*names));
	for (size_t i = 0; i < n; i++) {
		const char *full = en[i].person_name;
		names[k++] = (struct privacy_name){ full, true };
		const char *p = full;
		while (*p && k < cap) {
			while (*p == ' ')
				p++;
			const char *e = p;
			while (*e && *e != ' ')
				e++;
			size_t len = (size_t)(e - p);
			if (len >= 3 && len < strlen(full) && !particle(p, len))
				names[k++] = (struct privacy_name){ arena_strndup(c->a, p, len), false };
			p = e;
		}
	}
	for (size_t i = 1; i < k; i++)   /* longest first (insertion sort; groups are small) */
		for (size_t j = i; j > 0 && strlen(names[j].text) > strlen(names[j - 1].text); j--) {
			struct privacy_name t = names[j];
			names[j] = names[j - 1];
			names[j - 1] = t;
		}
	pg->have_names = true;
	pg->names = names;
	pg->nnames = k;
	*out = names;
	return k;
}

/* Does the name occur at p as a whole word? The bytes of text it spans
 * (in another case a letter may take more or fewer bytes: "İ", "i"). A
 * full name in any case is compared letter by letter beyond ASCII too:
 * strncasecmp let "ANAÏS ÆRØ" through to the coach as a name unlike
 * "Anaïs Ærø". */
static size_t name_at(const char *text, const char *p, const struct privacy_name *name)
{
	size_t len = strlen(name->text);
	if (!len)
		return 0;
	if (name->any_case)
		len = utf8_caseless_prefix(p, name->text);
	else if (strncmp(p, name->text, len))
		len = 0;
	if (!len)
		return 0;
	if (p > text && word_byte((unsigned char)p[-1]))
		return 0;
	if (word_byte((unsigned char)p[len]))
		return 0;
	return len;
}

char *privacy_anonymise(struct ctx *c, long long group_id, const char *text)
{
	struct privacy_group pg;
	privacy_group_init(&pg, group_id);
	return privacy_anonymise_in(c, &pg, text);
}

char *privacy_anonymise_in(struct ctx *c, struct privacy_group *pg, const char *text)
{
	struct privacy_name *names;
	size_t k = group_names(c, pg, &names);
	if (!text)
		return NULL;
	const char *mark = _("[participant]");
	struct buf b = BUF_INIT;
	for (const char *p = text; *p;) {
		size_t hit = 0;
		/* a name begins a word: inside one no name is looked for */
		bool word_start = p == text || !word_byte((unsigned char)p[-1]);
		for (size_t i = 0; word_start && i < k && !hit; i++)
			hit = name_at(text, p, &names[i]);
		if (hit) {
			buf_adds(&b, mark);
			p += hit;
		} else {
			buf_addch(&b, *p++);
		}
	}
	char *out = arena_strdup(c->a, b.ptr);
	buf_release(&b);
	return out;
}

/* Could the query word find the name word? A prefix query ("Esth*")
 * that begins it, or an inflected form ("Dekkers", "Esthers") that
 * differs only in a short ending: the stemmer may join them. Without
 * regard to case. */
static bool may_find(const char *q, size_t nq, bool prefix, const char *name, size_t nn)
{
	if (prefix)
		return nq >= 1 && nq <= nn && !strncasecmp(q, name, nq);
	size_t n = nq < nn ? nq : nn, longer = nq < nn ? nn : nq;
	return n >= 3 && longer - n <= 3 && !strncasecmp(q, name, n);
}

bool privacy_names_participant(struct ctx *c, long long group_id, const char *query)
{
	struct privacy_group pg;
	privacy_group_init(&pg, group_id);
	return privacy_names_participant_in(c, &pg, query);
}

bool privacy_names_participant_in(struct ctx *c, struct privacy_group *pg, const char *query)
{
	struct privacy_name *names;
	size_t k = group_names(c, pg, &names);
	/* every word of the query against every word of every name: a prefix
	 * query or a stemmed form reaches a name as well as the name itself */
	for (const char *q = query; *q;) {
		while (*q && !word_byte((unsigned char)*q))
			q++;
		const char *qe = q;
		while (*qe && word_byte((unsigned char)*qe))
			qe++;
		for (size_t i = 0; i < k && qe > q; i++)
			for (const char *p = names[i].text; *p;) {
				while (*p == ' ')
					p++;
				const char *pe = p;
				while (*pe && *pe != ' ')
					pe++;
				if (pe > p && !particle(p, (size_t)(pe - p)) &&
				    may_find(q, (size_t)(qe - q), *qe == '*', p, (size_t)(pe - p)))
					return true;
				p = pe;
			}
		q = qe;
	}
	return false;
}
