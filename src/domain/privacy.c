/* privacy.c — the read rules of personal texts. A text's reader is found
 * through the group's own rows (its staffing and enrolment), as for every
 * other question of who belongs where (domain/group.c). */
#include "privacy.h"
#include "audit.h"

#include "role.h"
#include "core/i18n.h"
#include "core/buf.h"

#include <ctype.h>
#include <string.h>

/* The actor's place in the group, by person, whatever their roles: a coach
 * who is not the facilitator does not read what was shared with the
 * facilitator. */
static bool in_group(struct ctx *c, long long group_id, bool facilitator_only)
{
	long long me = c->who->person_id;
	struct learning_group g;
	if (!me || !group_id || store_group_get(c->st, c->a, c->who->organisation_id, group_id, &g))
		return false;
	if (g.facilitator_id == me)
		return true;
	if (facilitator_only)
		return false;
	if (g.mentor_id == me)
		return true;
	struct enrolment *en;
	size_t n;
	if (store_enrolment_list(c->st, c->a, c->who->organisation_id, group_id, &en, &n))
		return false;
	for (size_t i = 0; i < n; i++)
		if (en[i].person_id == me && strcmp(en[i].status, "stopped"))
			return true;
	return false;
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

void privacy_log_read(struct ctx *c, const char *kind, long long id, long long writer_person_id)
{
	if (c->who->person_id && c->who->person_id == writer_person_id)
		return;
	audit(c, arena_printf(c->a, "%s.read", kind), kind, id, "writer person %lld", writer_person_id);
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

static enum place place_in(struct ctx *c, long long group_id)
{
	long long me = c->who->person_id;
	struct learning_group g;
	if (!me || !group_id || store_group_get(c->st, c->a, c->who->organisation_id, group_id, &g))
		return PLACE_NONE;
	if (g.facilitator_id == me)
		return PLACE_FACILITATOR;
	if (g.mentor_id == me)
		return PLACE_MENTOR;
	return in_group(c, group_id, false) ? PLACE_PARTICIPANT : PLACE_NONE;
}

static bool reads_along(struct ctx *c)
{
	return actor_has(c->who, ROLE_BIT(ROLE_COACH));
}

enum privacy_read privacy_report(struct ctx *c, const struct meeting_report *r)
{
	bool published = !strcmp(r->status, "published");
	switch (place_in(c, r->group_id)) {
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

/* The names to hide: every participant's full name and its parts of three
 * letters or more ("Jan de Vries" gives "Jan de Vries", "Jan", "Vries"),
 * longest first so that a full name goes before its parts. */
static size_t group_names(struct ctx *c, long long group_id, const char ***out)
{
	struct enrolment *en;
	size_t n, k = 0;
	*out = NULL;
	if (store_enrolment_list(c->st, c->a, c->who->organisation_id, group_id, &en, &n))
		return 0;
	size_t cap = 8;
	for (size_t i = 0; i < n; i++)
		cap += 2 + strlen(en[i].person_name) / 2;
	const char **names = arena_alloc(c->a, cap * sizeof(*names));
	for (size_t i = 0; i < n; i++) {
		const char *full = en[i].person_name;
		names[k++] = full;
		const char *p = full;
		while (*p && k < cap) {
			while (*p == ' ')
				p++;
			const char *e = p;
			while (*e && *e != ' ')
				e++;
			if (e - p >= 3 && (size_t)(e - p) < strlen(full))
				names[k++] = arena_strndup(c->a, p, (size_t)(e - p));
			p = e;
		}
	}
	for (size_t i = 1; i < k; i++)   /* longest first (insertion sort; groups are small) */
		for (size_t j = i; j > 0 && strlen(names[j]) > strlen(names[j - 1]); j--) {
			const char *t = names[j];
			names[j] = names[j - 1];
			names[j - 1] = t;
		}
	*out = names;
	return k;
}

/* Does name occur at p as a whole word (ASCII letters compared without case)? */
static size_t name_at(const char *text, const char *p, const char *name)
{
	size_t len = strlen(name);
	if (!len || strncasecmp(p, name, len))
		return 0;
	if (p > text && word_byte((unsigned char)p[-1]))
		return 0;
	if (word_byte((unsigned char)p[len]))
		return 0;
	return len;
}

char *privacy_anonymise(struct ctx *c, long long group_id, const char *text)
{
	const char **names;
	size_t k = group_names(c, group_id, &names);
	if (!text)
		return NULL;
	const char *mark = _("[participant]");
	struct buf b = BUF_INIT;
	for (const char *p = text; *p;) {
		size_t hit = 0;
		for (size_t i = 0; i < k && !hit; i++)
			hit = name_at(text, p, names[i]);
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

bool privacy_names_participant(struct ctx *c, long long group_id, const char *query)
{
	const char **names;
	size_t k = group_names(c, group_id, &names);
	for (const char *p = query; *p; p++)
		for (size_t i = 0; i < k; i++)
			if (!strchr(names[i], ' ') && name_at(query, p, names[i]))
				return true;
	return false;
}
