/* lss.c — LimeSurvey survey structure files (.lss) through libxml2's SAX2
 * parser, into the neutral struct lss_survey (lss.h).
 *
 * Why SAX and not a tree: a .lss is a flat run of tables of rows of fields,
 * so a small state machine over element depth reads it, memory stays in
 * proportion to what is kept (not to the number of nodes a hostile file can
 * pack into a few megabytes), and nothing of ours recurses on the input's
 * depth. Why the DOCTYPE is refused outright: LimeSurvey never writes one,
 * and it is the only place where entities can be declared; stopping the
 * parser at its internalSubset callback means no entity declaration is
 * ever read, so neither an entity bomb nor an external entity can act,
 * whatever libxml2's own defences are. XML_PARSE_NOENT (substitution) and
 * XML_PARSE_DTDLOAD stay off, XML_PARSE_NONET is on, XML_PARSE_HUGE is off
 * (libxml2's limits on text and name sizes apply), XInclude is never run,
 * and nesting deeper than LSS_MAX_DEPTH is refused here, as libxml2's push
 * parser does not limit it. Errors go to a structured handler, not stderr.
 *
 * The tables are read row by row into (field, value) pairs; then the
 * survey is put together in the chosen language: the structural row of
 * every group, question and answer once (old files repeat it per
 * language), its texts from the l10n tables or the per-language rows. */
#include "lss.h"
#include "core/buf.h"
#include "core/compiler.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include <ctype.h>
#include <limits.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- the tables and fields that are read ---- */

enum table {
	T_NONE, T_GROUPS, T_GROUP_L10NS, T_QUESTIONS, T_SUBQUESTIONS, T_QUESTION_L10NS, T_ANSWERS,
	T_ANSWER_L10NS, T_ATTRIBUTES, T_SURVEYS, T_LANGSETTINGS, T_CONDITIONS,
	/* only counted, for the report */
	T_DEFAULTVALUES, T_ASSESSMENTS, T_QUOTA,
	NTABLES
};
#define T_COUNTED T_DEFAULTVALUES

static const char *const table_names[NTABLES] = {
	[T_GROUPS] = "groups", [T_GROUP_L10NS] = "group_l10ns", [T_QUESTIONS] = "questions",
	[T_SUBQUESTIONS] = "subquestions", [T_QUESTION_L10NS] = "question_l10ns", [T_ANSWERS] = "answers",
	[T_ANSWER_L10NS] = "answer_l10ns", [T_ATTRIBUTES] = "question_attributes", [T_SURVEYS] = "surveys",
	[T_LANGSETTINGS] = "surveys_languagesettings", [T_CONDITIONS] = "conditions",
	[T_DEFAULTVALUES] = "defaultvalues", [T_ASSESSMENTS] = "assessments", [T_QUOTA] = "quota",
};

enum field {
	F_QID, F_PARENT_QID, F_GID, F_AID, F_TYPE, F_TITLE, F_QUESTION, F_HELP, F_MANDATORY, F_OTHER,
	F_QUESTION_ORDER, F_GROUP_ORDER, F_SCALE_ID, F_RELEVANCE, F_GRELEVANCE, F_LANGUAGE, F_GROUP_NAME,
	F_DESCRIPTION, F_CODE, F_ANSWER, F_SORTORDER, F_ATTRIBUTE, F_VALUE, F_SID, F_ADDITIONAL_LANGUAGES,
	F_LS_LANGUAGE, F_LS_TITLE, F_LS_DESCRIPTION, F_CQID, F_CFIELDNAME, F_METHOD,
	NFIELDS
};

static const char *const field_names[NFIELDS] = {
	"qid", "parent_qid", "gid", "aid", "type", "title", "question", "help", "mandatory", "other",
	"question_order", "group_order", "scale_id", "relevance", "grelevance", "language", "group_name",
	"description", "code", "answer", "sortorder", "attribute", "value", "sid", "additional_languages",
	"surveyls_language", "surveyls_title", "surveyls_description", "cqid", "cfieldname", "method",
};

struct pair {
	unsigned char field;
	char *value;
};

/* A row keeps only the fields it had, so an empty row costs little. */
struct row {
	struct pair *f;
	size_t n;
};

struct rows {
	struct row *items;
	size_t n, cap;
};

static const char *rf(const struct row *r, enum field f)
{
	for (size_t i = 0; i < r->n; i++)
		if (r->f[i].field == f)
			return r->f[i].value;
	return NULL;
}

static const char *rs(const struct row *r, enum field f)
{
	const char *v = rf(r, f);
	return v ? v : "";
}

/* ---- the SAX state machine ---- */

enum top { TOP_NONE, TOP_DOCTYPE, TOP_DBVERSION, TOP_LANGUAGES, TOP_TABLE };

struct state {
	xmlParserCtxtPtr ctxt;
	struct arena *a;
	int depth;               /* elements open */
	enum top top;            /* the element open at depth 1 */
	enum table table;
	bool in_rows, in_row;
	int collect_depth;       /* the depth whose direct text is collected, or -1 */
	int field;               /* the field being read in a row, or -1 */
	bool language;           /* reading <languages><language> */
	struct buf text;
	char *cur[NFIELDS];
	struct rows tables[NTABLES];
	size_t total_rows;
	enum lss_error err;
	bool root;               /* the root element was <document> */
	char *doctype, *dbversion;
	char **langs;
	size_t nlangs, langs_cap;
};

static void stop(struct state *s, enum lss_error e)
{
	if (!s->err)
		s->err = e;
	xmlStopParser(s->ctxt);
}

static bool is(const xmlChar *name, const char *lit)
{
	return !strcmp((const char *)name, lit);
}

static void on_start(void *ctx, const xmlChar *name, const xmlChar *prefix, const xmlChar *uri, int nns,
		     const xmlChar **ns, int nattrs, int ndefaulted, const xmlChar **attrs)
{
	(void)prefix, (void)uri, (void)nns, (void)ns, (void)nattrs, (void)ndefaulted, (void)attrs;
	struct state *s = ctx;
	int d = s->depth++;
	if (s->err)
		return;
	/* LimeSurvey nests five deep; libxml2's push parser has no depth limit of its own */
	if (d >= LSS_MAX_DEPTH) {
		stop(s, LSS_NOT_SURVEY);
		return;
	}
	switch (d) {
	case 0:
		if (!is(name, "document"))
			stop(s, LSS_NOT_SURVEY);
		s->root = true;
		break;
	case 1:
		s->top = TOP_NONE;
		s->table = T_NONE;
		if (is(name, "LimeSurveyDocType"))
			s->top = TOP_DOCTYPE;
		else if (is(name, "DBVersion"))
			s->top = TOP_DBVERSION;
		else if (is(name, "languages"))
			s->top = TOP_LANGUAGES;
		else {
			s->top = TOP_TABLE;
			for (int t = 1; t < NTABLES; t++)
				if (is(name, table_names[t]))
					s->table = (enum table)t;
		}
		if (s->top == TOP_DOCTYPE || s->top == TOP_DBVERSION) {
			buf_reset(&s->text);
			s->collect_depth = d;
		}
		break;
	case 2:
		if (s->top == TOP_LANGUAGES && is(name, "language")) {
			s->language = true;
			buf_reset(&s->text);
			s->collect_depth = d;
		} else if (s->top == TOP_TABLE && is(name, "rows")) {
			s->in_rows = true;
		}
		break;
	case 3:
		if (s->in_rows && is(name, "row")) {
			s->in_row = true;
			memset(s->cur, 0, sizeof(s->cur));
		}
		break;
	case 4:
		s->field = -1;
		if (s->in_row && s->table != T_NONE && s->table < T_COUNTED) {
			for (int f = 0; f < NFIELDS; f++)
				if (is(name, field_names[f]))
					s->field = f;
			if (s->field >= 0) {
				buf_reset(&s->text);
				s->collect_depth = d;
			}
		}
		break;
	default:
		break;
	}
}

static void end_row(struct state *s)
{
	if (++s->total_rows > LSS_MAX_ROWS) {
		stop(s, LSS_TOO_MANY);
		return;
	}
	if (s->table == T_NONE)
		return;
	struct rows *t = &s->tables[s->table];
	if (s->table >= T_COUNTED) {
		t->n++;  /* counted only */
		return;
	}
	struct row r = { 0 };
	for (int f = 0; f < NFIELDS; f++)
		r.n += s->cur[f] != NULL;
	r.f = arena_alloc(s->a, (r.n ? r.n : 1) * sizeof(*r.f));
	r.n = 0;
	for (int f = 0; f < NFIELDS; f++)
		if (s->cur[f])
			r.f[r.n++] = (struct pair){ (unsigned char)f, s->cur[f] };
	if (t->n == t->cap)
		t->items = arena_grow(s->a, t->items, t->n, t->cap = t->cap ? t->cap * 2 : 64, sizeof(*t->items));
	t->items[t->n++] = r;
}

static void on_end(void *ctx, const xmlChar *name, const xmlChar *prefix, const xmlChar *uri)
{
	(void)name, (void)prefix, (void)uri;
	struct state *s = ctx;
	int d = --s->depth;
	if (s->err)
		return;
	bool collected = s->collect_depth == d;
	if (collected)
		s->collect_depth = -1;
	switch (d) {
	case 1:
		if (collected && s->top == TOP_DOCTYPE)
			s->doctype = arena_strndup(s->a, s->text.ptr, s->text.len);
		else if (collected && s->top == TOP_DBVERSION)
			s->dbversion = arena_strndup(s->a, s->text.ptr, s->text.len);
		s->top = TOP_NONE;
		s->table = T_NONE;
		break;
	case 2:
		if (collected && s->language) {
			if (s->nlangs == s->langs_cap)
				s->langs = arena_grow(s->a, s->langs, s->nlangs, s->langs_cap = s->langs_cap ? s->langs_cap * 2 : 8,
						      sizeof(*s->langs));
			s->langs[s->nlangs++] = arena_strndup(s->a, s->text.ptr, s->text.len);
			if (s->nlangs > 1000)
				stop(s, LSS_TOO_MANY);
		}
		s->language = false;
		s->in_rows = false;
		break;
	case 3:
		if (s->in_row)
			end_row(s);
		s->in_row = false;
		break;
	case 4:
		if (collected && s->field >= 0)
			s->cur[s->field] = arena_strndup(s->a, s->text.ptr, s->text.len);
		s->field = -1;
		break;
	default:
		break;
	}
}

static void on_text(void *ctx, const xmlChar *ch, int len)
{
	struct state *s = ctx;
	if (!s->err && len > 0 && s->collect_depth >= 0 && s->depth == s->collect_depth + 1)
		buf_add(&s->text, ch, (size_t)len);
}

/* A DOCTYPE: refused before its internal subset is read. */
static void on_doctype(void *ctx, const xmlChar *name, const xmlChar *external_id, const xmlChar *system_id)
{
	(void)name, (void)external_id, (void)system_id;
	stop(ctx, LSS_DTD);
}

static void on_entity_decl(void *ctx, const xmlChar *name, int type, const xmlChar *public_id,
			   const xmlChar *system_id, xmlChar *content)
{
	(void)name, (void)type, (void)public_id, (void)system_id, (void)content;
	stop(ctx, LSS_DTD);
}

/* No entity but the five predefined ones (which libxml2 resolves itself). */
static xmlEntityPtr on_get_entity(void *ctx, const xmlChar *name)
{
	(void)ctx;
	return xmlGetPredefinedEntity(name);
}

static void on_error(void *ctx, xmlErrorPtr e)
{
	(void)ctx, (void)e;  /* the result is told by wellFormed; nothing on stderr */
}

/* A reference to an entity that is not declared: not well-formed. */
static void on_reference(void *ctx, const xmlChar *name)
{
	(void)name;
	stop(ctx, LSS_NOT_XML);
}

/* ---- helpers for putting the survey together ---- */

static long long num(const char *s)
{
	if (!s)
		return 0;
	while (isspace((unsigned char)*s))
		s++;
	char *end;
	long long v = strtoll(s, &end, 10);
	return end == s ? 0 : v;
}

static int num_int(const char *s)
{
	long long v = num(s);
	return v > INT_MAX ? INT_MAX : v < INT_MIN ? INT_MIN : (int)v;
}

static char *trimmed(struct arena *a, const char *s)
{
	if (!s)
		return arena_strdup(a, "");
	while (isspace((unsigned char)*s))
		s++;
	size_t n = strlen(s);
	while (n && isspace((unsigned char)s[n - 1]))
		n--;
	return arena_strndup(a, s, n);
}

struct builder {
	struct arena *a;
	struct state *s;
	struct lss_survey *out;
	const char *chosen, *base;
};

/* 0 for the chosen language, 1 for the base language, 2 for another. */
static int rank(const struct builder *b, const char *lang)
{
	char l[64];
	size_t n = 0;
	lang = lang ? lang : "";
	while (isspace((unsigned char)*lang))
		lang++;
	while (lang[n] && !isspace((unsigned char)lang[n]) && n < sizeof(l) - 1) {
		l[n] = lang[n];
		n++;
	}
	l[n] = '\0';
	return !strcmp(l, b->chosen) ? 0 : !strcmp(l, b->base) ? 1 : 2;
}

static char *plain(struct builder *b, const char *html)
{
	bool had = false;
	char *t = lss_plain_text(b->a, html ? html : "", &had);
	b->out->html |= had;
	return t;
}

/* The texts of one object in one language: sorted by id (and scale, for
 * the dual scale headers), then language rank, then file order. */
struct text_entry {
	long long id;
	long long scale;
	int rank;
	size_t seq;
	const char *t1, *t2;     /* the texts (title and description, question and help, ...) */
};

static int cmp_key(const struct text_entry *x, const struct text_entry *y)
{
	if (x->id != y->id)
		return x->id < y->id ? -1 : 1;
	return x->scale < y->scale ? -1 : x->scale > y->scale;
}

static int cmp_entry(const void *p, const void *q)
{
	const struct text_entry *x = p, *y = q;
	int c = cmp_key(x, y);
	if (c)
		return c;
	if (x->rank != y->rank)
		return x->rank - y->rank;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

struct entries {
	struct text_entry *items;
	size_t n, cap;
};

static struct text_entry *entry_add(struct builder *b, struct entries *e)
{
	if (e->n == e->cap)
		e->items = arena_grow(b->a, e->items, e->n, e->cap = e->cap ? e->cap * 2 : 64, sizeof(*e->items));
	struct text_entry *x = &e->items[e->n];
	memset(x, 0, sizeof(*x));
	x->seq = e->n++;
	return x;
}

static void entries_sort(struct entries *e)
{
	if (e->n > 1)
		qsort(e->items, e->n, sizeof(*e->items), cmp_entry);
}

/* The first entry with the key of k (the best ranked), or NULL. */
static const struct text_entry *entry_find(const struct entries *e, const struct text_entry *k)
{
	size_t lo = 0, hi = e->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cmp_key(&e->items[mid], k) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < e->n && !cmp_key(&e->items[lo], k) ? &e->items[lo] : NULL;
}

/* The best ranked text of the key with something in it (t1, or t2 when
 * second), or "". */
static const char *entry_text(const struct entries *e, const struct text_entry *first, bool second)
{
	if (!first)
		return "";
	for (const struct text_entry *x = first; x < e->items + e->n && !cmp_key(x, first); x++) {
		const char *t = second ? x->t2 : x->t1;
		if (t && *t)
			return t;
	}
	return "";
}

static const char *text_of(const struct entries *e, long long id, long long scale, bool second)
{
	struct text_entry k = { 0 };
	k.id = id;
	k.scale = scale;
	return entry_text(e, entry_find(e, &k), second);
}

/* ---- languages ---- */

static bool has_lang(struct lss_survey *o, const char *l)
{
	for (size_t i = 0; i < o->nlanguages; i++)
		if (!strcmp(o->languages[i], l))
			return true;
	return false;
}

static void add_lang(struct builder *b, const char *l, size_t n)
{
	struct lss_survey *o = b->out;
	if (!n || n > 40 || o->nlanguages >= 100)
		return;
	char *x = arena_strndup(b->a, l, n);
	if (has_lang(o, x))
		return;
	o->languages = arena_grow(b->a, o->languages, o->nlanguages, o->nlanguages + 1, sizeof(*o->languages));
	o->languages[o->nlanguages++] = x;
}

/* Space-separated language codes ("es " with its trailing space too). */
static void add_langs(struct builder *b, const char *list)
{
	for (const char *p = list ? list : ""; *p;) {
		while (*p && isspace((unsigned char)*p))
			p++;
		size_t n = 0;
		while (p[n] && !isspace((unsigned char)p[n]))
			n++;
		add_lang(b, p, n);
		p += n;
	}
}

static void languages(struct builder *b)
{
	struct lss_survey *o = b->out;
	struct rows *sv = &b->s->tables[T_SURVEYS];
	const struct row *survey = sv->n ? &sv->items[0] : NULL;
	o->base_language = trimmed(b->a, survey ? rf(survey, F_LANGUAGE) : NULL);
	if (strlen(o->base_language) > 40)
		o->base_language[0] = '\0';
	add_lang(b, o->base_language, strlen(o->base_language));
	if (survey)
		add_langs(b, rs(survey, F_ADDITIONAL_LANGUAGES));
	for (size_t i = 0; i < b->s->nlangs; i++)
		add_langs(b, b->s->langs[i]);
	if (!*o->base_language && o->nlanguages)
		o->base_language = o->languages[0];
	o->language = o->base_language;
	if (has_lang(o, "nl"))
		o->language = "nl";
	else if (has_lang(o, "nl-informal"))
		o->language = "nl-informal";
	b->chosen = o->language;
	b->base = o->base_language;
	o->sid = survey ? num(rf(survey, F_SID)) : 0;
}

/* ---- groups ---- */

struct gref {
	long long gid;
	int order, rank;
	size_t seq;
	const struct row *row;
};

static int cmp_gref_id(const void *p, const void *q)
{
	const struct gref *x = p, *y = q;
	if (x->gid != y->gid)
		return x->gid < y->gid ? -1 : 1;
	if (x->rank != y->rank)
		return x->rank - y->rank;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static int cmp_gref_order(const void *p, const void *q)
{
	const struct gref *x = p, *y = q;
	if (x->order != y->order)
		return x->order < y->order ? -1 : 1;
	return x->gid < y->gid ? -1 : x->gid > y->gid;
}

static int cmp_ll(const void *p, const void *q)
{
	long long x = *(const long long *)p, y = *(const long long *)q;
	return x < y ? -1 : x > y;
}

static enum lss_error groups(struct builder *b, long long **gids)
{
	struct rows *g = &b->s->tables[T_GROUPS], *l10n = &b->s->tables[T_GROUP_L10NS];
	struct gref *refs = arena_alloc(b->a, (g->n + 1) * sizeof(*refs));
	struct entries texts = { 0 };
	for (size_t i = 0; i < g->n; i++) {
		const struct row *r = &g->items[i];
		refs[i] = (struct gref){ num(rf(r, F_GID)), num_int(rf(r, F_GROUP_ORDER)), rank(b, rf(r, F_LANGUAGE)), i, r };
		if (rf(r, F_GROUP_NAME) || rf(r, F_LANGUAGE)) {
			struct text_entry *x = entry_add(b, &texts);
			x->id = refs[i].gid;
			x->rank = refs[i].rank;
			x->t1 = rf(r, F_GROUP_NAME);
			x->t2 = rf(r, F_DESCRIPTION);
		}
	}
	for (size_t i = 0; i < l10n->n; i++) {
		const struct row *r = &l10n->items[i];
		struct text_entry *x = entry_add(b, &texts);
		x->id = num(rf(r, F_GID));
		x->rank = rank(b, rf(r, F_LANGUAGE));
		x->t1 = rf(r, F_GROUP_NAME);
		x->t2 = rf(r, F_DESCRIPTION);
	}
	entries_sort(&texts);
	/* one per gid, the chosen language's row first (its order counts) */
	if (g->n > 1)
		qsort(refs, g->n, sizeof(*refs), cmp_gref_id);
	size_t n = 0;
	for (size_t i = 0; i < g->n; i++)
		if (!n || refs[n - 1].gid != refs[i].gid)
			refs[n++] = refs[i];
	if (n > LSS_MAX_GROUPS)
		return LSS_TOO_MANY;
	if (n > 1)
		qsort(refs, n, sizeof(*refs), cmp_gref_order);
	struct lss_survey *o = b->out;
	o->groups = arena_alloc(b->a, (n + 1) * sizeof(*o->groups));
	o->ngroups = n;
	*gids = arena_alloc(b->a, (n + 1) * sizeof(**gids));
	for (size_t i = 0; i < n; i++) {
		struct lss_group *x = &o->groups[i];
		x->gid = refs[i].gid;
		x->title = plain(b, text_of(&texts, x->gid, 0, false));
		x->description = plain(b, text_of(&texts, x->gid, 0, true));
		x->relevance = trimmed(b->a, rf(refs[i].row, F_GRELEVANCE));
		(*gids)[i] = x->gid;
	}
	return LSS_OK;
}

/* ---- questions, subquestions, answers ---- */

struct qref {
	long long qid, parent, gid;
	int group, order, scale, rank;
	size_t seq;
	const struct row *row;
};

static int cmp_qref_id(const void *p, const void *q)
{
	const struct qref *x = p, *y = q;
	if (x->qid != y->qid)
		return x->qid < y->qid ? -1 : 1;
	if (x->rank != y->rank)
		return x->rank - y->rank;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Questions by group (a missing group last), then order; subquestions
 * by parent, scale and order. */
static int cmp_qref_order(const void *p, const void *q)
{
	const struct qref *x = p, *y = q;
	if (x->parent != y->parent)
		return x->parent < y->parent ? -1 : 1;
	if (x->parent == 0) {
		unsigned gx = (unsigned)x->group, gy = (unsigned)y->group;  /* -1 sorts last */
		if (gx != gy)
			return gx < gy ? -1 : 1;
	} else if (x->scale != y->scale) {
		return x->scale < y->scale ? -1 : 1;
	}
	if (x->order != y->order)
		return x->order < y->order ? -1 : 1;
	return x->qid < y->qid ? -1 : x->qid > y->qid;
}

struct aref {
	long long qid, aid;      /* aid 0 in old files */
	int scale, order, rank;
	const char *code;
	const char *text;        /* the chosen text, once known */
	size_t seq;
	const struct row *row;
};

static int cmp_aref_key(const void *p, const void *q)
{
	const struct aref *x = p, *y = q;
	if (x->qid != y->qid)
		return x->qid < y->qid ? -1 : 1;
	if (x->scale != y->scale)
		return x->scale < y->scale ? -1 : 1;
	int c = strcmp(x->code, y->code);
	if (c)
		return c;
	if (x->rank != y->rank)
		return x->rank - y->rank;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static int cmp_aref_order(const void *p, const void *q)
{
	const struct aref *x = p, *y = q;
	if (x->qid != y->qid)
		return x->qid < y->qid ? -1 : 1;
	if (x->scale != y->scale)
		return x->scale < y->scale ? -1 : 1;
	if (x->order != y->order)
		return x->order < y->order ? -1 : 1;
	return strcmp(x->code, y->code);
}

/* The index of question qid in byid (pairs of qid and index, by qid), or -1. */
static long long qindex(const long long *byid, size_t n, long long qid)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (byid[2 * mid] < qid)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && byid[2 * lo] == qid ? byid[2 * lo + 1] : -1;
}

/* The rows of questions and subquestions (one per language in old files),
 * each with its group's index; their texts into texts. */
static struct qref *question_rows(struct builder *b, const long long *gids, struct entries *texts, size_t *total)
{
	struct lss_survey *o = b->out;
	struct state *s = b->s;
	/* the groups by gid */
	struct gref *gsorted = arena_alloc(b->a, (o->ngroups + 1) * sizeof(*gsorted));
	for (size_t i = 0; i < o->ngroups; i++)
		gsorted[i] = (struct gref){ gids[i], (int)i, 0, i, NULL };
	if (o->ngroups > 1)
		qsort(gsorted, o->ngroups, sizeof(*gsorted), cmp_gref_id);

	*total = s->tables[T_QUESTIONS].n + s->tables[T_SUBQUESTIONS].n;
	struct qref *refs = arena_alloc(b->a, (*total + 1) * sizeof(*refs));
	size_t k = 0;
	for (int t = T_QUESTIONS; t <= T_SUBQUESTIONS; t++) {
		struct rows *q = &s->tables[t];
		for (size_t i = 0; i < q->n; i++, k++) {
			const struct row *r = &q->items[i];
			struct qref *x = &refs[k];
			x->qid = num(rf(r, F_QID));
			x->parent = num(rf(r, F_PARENT_QID));
			if (x->parent < 0)
				x->parent = 0;
			x->gid = num(rf(r, F_GID));
			x->order = num_int(rf(r, F_QUESTION_ORDER));
			x->scale = num_int(rf(r, F_SCALE_ID));
			x->rank = rank(b, rf(r, F_LANGUAGE));
			x->seq = k;
			x->row = r;
			x->group = -1;
			size_t lo = 0, hi = o->ngroups;
			while (lo < hi) {
				size_t mid = lo + (hi - lo) / 2;
				if (gsorted[mid].gid < x->gid)
					lo = mid + 1;
				else
					hi = mid;
			}
			if (lo < o->ngroups && gsorted[lo].gid == x->gid)
				x->group = gsorted[lo].order;
			if (rf(r, F_QUESTION) || rf(r, F_LANGUAGE)) {
				struct text_entry *e = entry_add(b, texts);
				e->id = x->qid;
				e->rank = x->rank;
				e->t1 = rf(r, F_QUESTION);
				e->t2 = rf(r, F_HELP);
			}
		}
	}
	struct rows *l10n = &s->tables[T_QUESTION_L10NS];
	for (size_t i = 0; i < l10n->n; i++) {
		const struct row *r = &l10n->items[i];
		struct text_entry *e = entry_add(b, texts);
		e->id = num(rf(r, F_QID));
		e->rank = rank(b, rf(r, F_LANGUAGE));
		e->t1 = rf(r, F_QUESTION);
		e->t2 = rf(r, F_HELP);
	}
	entries_sort(texts);
	return refs;
}

/* The headers of dual scale questions, per question (scale 0 for A, 1 for
 * B) and language. */
static struct entries dual_headers(struct builder *b)
{
	struct entries headers = { 0 };
	struct rows *at = &b->s->tables[T_ATTRIBUTES];
	for (size_t i = 0; i < at->n; i++) {
		const struct row *r = &at->items[i];
		const char *name = rs(r, F_ATTRIBUTE);
		if (strcmp(name, "dualscale_headerA") && strcmp(name, "dualscale_headerB"))
			continue;
		struct text_entry *e = entry_add(b, &headers);
		e->id = num(rf(r, F_QID));
		e->scale = name[16] == 'B';
		e->rank = rank(b, rf(r, F_LANGUAGE));
		e->t1 = rf(r, F_VALUE);
	}
	entries_sort(&headers);
	return headers;
}

static void question_fill(struct builder *b, struct lss_question *q, const struct qref *x, const struct entries *texts,
			  const struct entries *headers)
{
	q->qid = x->qid;
	q->group = x->group;
	q->code = trimmed(b->a, rf(x->row, F_TITLE));
	const char *type = rs(x->row, F_TYPE);
	while (isspace((unsigned char)*type))
		type++;
	q->type = *type ? *type : '?';
	q->text = plain(b, text_of(texts, x->qid, 0, false));
	q->help = plain(b, text_of(texts, x->qid, 0, true));
	const char *m = rs(x->row, F_MANDATORY);
	while (isspace((unsigned char)*m))
		m++;
	q->mandatory = *m == 'Y' || *m == 'S' ? *m : 'N';
	const char *other = rs(x->row, F_OTHER);
	while (isspace((unsigned char)*other))
		other++;
	q->other = *other == 'Y';
	q->relevance = trimmed(b->a, rf(x->row, F_RELEVANCE));
	for (int h = 0; h < 2; h++)
		q->header[h] = plain(b, text_of(headers, x->qid, h, false));
}

/* A text that was only an image (<img> and nothing readable around it):
 * *text becomes the image's alt text (or stays ""); true then. */
static bool only_image(struct builder *b, const char *raw, char **text)
{
	if (**text || !raw)
		return false;
	const char *img = NULL;
	for (const char *p = strchr(raw, '<'); p && !img; p = strchr(p + 1, '<'))
		if (!strncasecmp(p + 1, "img", 3) && !isalnum((unsigned char)p[4]))
			img = p;
	if (!img)
		return false;
	const char *end = strchr(img, '>');
	size_t n = end ? (size_t)(end - img) : strlen(img);
	for (size_t i = 4; i + 4 < n; i++) {
		if (strncasecmp(img + i, "alt", 3) || isalnum((unsigned char)img[i - 1]))
			continue;
		size_t k = i + 3;
		while (k < n && isspace((unsigned char)img[k]))
			k++;
		if (k >= n || img[k] != '=')
			continue;
		k++;
		while (k < n && isspace((unsigned char)img[k]))
			k++;
		char q = k < n && (img[k] == '"' || img[k] == '\'') ? img[k++] : 0;
		size_t v = k;
		while (k < n && (q ? img[k] != q : !isspace((unsigned char)img[k])))
			k++;
		*text = lss_plain_text(b->a, arena_strndup(b->a, img + v, k - v), NULL);
		break;
	}
	return true;
}

/* The subquestions (sorted by parent, scale and order) to their questions. */
static void attach_subquestions(struct builder *b, const struct qref *subs, size_t n, const long long *byid, size_t nq,
				const struct entries *texts)
{
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && subs[j].parent == subs[i].parent)
			j++;
		long long qi = qindex(byid, nq, subs[i].parent);
		if (qi >= 0) {
			struct lss_question *q = &b->out->questions[qi];
			q->subs = arena_alloc(b->a, (j - i) * sizeof(*q->subs));
			for (size_t t = i; t < j; t++) {
				struct lss_subquestion *sq = &q->subs[q->nsubs++];
				sq->code = trimmed(b->a, rf(subs[t].row, F_TITLE));
				const char *raw = text_of(texts, subs[t].qid, 0, false);
				sq->text = plain(b, raw);
				sq->image = only_image(b, raw, &sq->text);
				sq->relevance = trimmed(b->a, rf(subs[t].row, F_RELEVANCE));
				sq->scale_id = subs[t].scale;
			}
		}
		i = j;
	}
}

/* The answer options to their questions: new files have an aid and l10n
 * rows, old ones a row per language. */
static enum lss_error attach_answers(struct builder *b, const long long *byid, size_t nq)
{
	struct state *s = b->s;
	struct rows *an = &s->tables[T_ANSWERS], *al = &s->tables[T_ANSWER_L10NS];
	struct entries texts = { 0 };
	for (size_t i = 0; i < al->n; i++) {
		const struct row *r = &al->items[i];
		struct text_entry *e = entry_add(b, &texts);
		e->id = num(rf(r, F_AID));
		e->rank = rank(b, rf(r, F_LANGUAGE));
		e->t1 = rf(r, F_ANSWER);
	}
	entries_sort(&texts);
	struct aref *ar = arena_alloc(b->a, (an->n + 1) * sizeof(*ar));
	for (size_t i = 0; i < an->n; i++) {
		const struct row *r = &an->items[i];
		ar[i] = (struct aref){ num(rf(r, F_QID)), num(rf(r, F_AID)), num_int(rf(r, F_SCALE_ID)),
				       num_int(rf(r, F_SORTORDER)), rank(b, rf(r, F_LANGUAGE)), trimmed(b->a, rf(r, F_CODE)),
				       NULL, i, r };
	}
	if (an->n > 1)
		qsort(ar, an->n, sizeof(*ar), cmp_aref_key);
	/* one per question, scale and code: the best ranked row */
	size_t na = 0;
	for (size_t i = 0; i < an->n;) {
		size_t j = i + 1;
		while (j < an->n && ar[j].qid == ar[i].qid && ar[j].scale == ar[i].scale && !strcmp(ar[j].code, ar[i].code))
			j++;
		/* the text: the l10n row of the aid, else the best ranked row with one */
		struct aref x = ar[i];
		const char *text = x.aid ? text_of(&texts, x.aid, 0, false) : "";
		for (size_t t = i; t < j && !*text; t++)
			if (rf(ar[t].row, F_ANSWER))
				text = rs(ar[t].row, F_ANSWER);
		x.text = text;
		ar[na++] = x;
		i = j;
	}
	if (na > LSS_MAX_ANSWERS)
		return LSS_TOO_MANY;
	if (na > 1)
		qsort(ar, na, sizeof(*ar), cmp_aref_order);
	for (size_t i = 0; i < na;) {
		size_t j = i;
		while (j < na && ar[j].qid == ar[i].qid)
			j++;
		long long qi = qindex(byid, nq, ar[i].qid);
		if (qi >= 0) {
			struct lss_question *q = &b->out->questions[qi];
			q->answers = arena_alloc(b->a, (j - i) * sizeof(*q->answers));
			for (size_t t = i; t < j; t++) {
				struct lss_answer *x = &q->answers[q->nanswers++];
				*x = (struct lss_answer){ (char *)ar[t].code, plain(b, ar[t].text), ar[t].order, ar[t].scale, false };
				x->image = only_image(b, ar[t].text, &x->text);
			}
		}
		i = j;
	}
	return LSS_OK;
}

/* The attributes that change who sees a question or what may be
 * answered (the first value of a question that says something). */
static void attributes(struct builder *b, const long long *byid, size_t nq)
{
	struct rows *at = &b->s->tables[T_ATTRIBUTES];
	for (size_t i = 0; i < nq; i++) {
		struct lss_question *q = &b->out->questions[i];
		q->array_filter = q->array_filter_exclude = q->min_answers = q->max_answers = q->exclude_all_others = "";
	}
	for (size_t i = 0; i < at->n; i++) {
		const struct row *r = &at->items[i];
		long long qi = qindex(byid, nq, num(rf(r, F_QID)));
		if (qi < 0)
			continue;
		struct lss_question *q = &b->out->questions[qi];
		const char *name = rs(r, F_ATTRIBUTE);
		char *v = trimmed(b->a, rf(r, F_VALUE));
		bool set = *v && strcmp(v, "0");
		if (!strcmp(name, "hidden"))
			q->hidden |= set;
		else if (!strcmp(name, "exclude_all_others_auto"))
			q->exclude_all_others_auto |= set;
		else if (!set)
			continue;
		else if (!strcmp(name, "array_filter") && !*q->array_filter)
			q->array_filter = v;
		else if (!strcmp(name, "array_filter_exclude") && !*q->array_filter_exclude)
			q->array_filter_exclude = v;
		else if (!strcmp(name, "min_answers") && !*q->min_answers)
			q->min_answers = v;
		else if (!strcmp(name, "max_answers") && !*q->max_answers)
			q->max_answers = v;
		else if (!strcmp(name, "exclude_all_others") && !*q->exclude_all_others)
			q->exclude_all_others = v;
	}
}

/* The rows of the old conditions table, as text per question: "CODE ==
 * value", the question named by its code where the file has it. */
static void conditions(struct builder *b, const long long *byid, size_t nq)
{
	struct rows *co = &b->s->tables[T_CONDITIONS];
	struct buf *texts = arena_alloc(b->a, (nq + 1) * sizeof(*texts));
	for (size_t i = 0; i < nq; i++)
		texts[i] = (struct buf)BUF_INIT;
	for (size_t i = 0; i < co->n; i++) {
		const struct row *r = &co->items[i];
		long long qi = qindex(byid, nq, num(rf(r, F_QID)));
		if (qi < 0)
			continue;
		struct lss_question *q = &b->out->questions[qi];
		long long ci = qindex(byid, nq, num(rf(r, F_CQID)));
		const char *field = trimmed(b->a, rf(r, F_CFIELDNAME));
		const char *on = field;
		if (ci >= 0) {
			/* "+SIDXGIDXQIDsub": an option of a multiple choice, named as the Expression Manager does */
			const char *p = field + (*field == '+');
			for (int k = 0; k < 3 && *p; k++) {
				p += strspn(p, "0123456789");
				if (k < 2 && *p == 'X')
					p++;
			}
			on = *p ? arena_printf(b->a, "%s_%s", b->out->questions[ci].code, p) : b->out->questions[ci].code;
		}
		const char *method = trimmed(b->a, rf(r, F_METHOD));
		if (texts[qi].len < 2000)
			buf_addf(&texts[qi], "%s%s %s \"%s\"", texts[qi].len ? "; " : "", on, *method ? method : "==",
				 trimmed(b->a, rf(r, F_VALUE)));
		q->nconditions++;
	}
	for (size_t i = 0; i < nq; i++) {
		struct lss_question *q = &b->out->questions[i];
		q->conditions = texts[i].len ? arena_strndup(b->a, texts[i].ptr, texts[i].len) : "";
		buf_release(&texts[i]);
	}
}

static enum lss_error questions(struct builder *b, const long long *gids)
{
	struct lss_survey *o = b->out;
	struct entries texts = { 0 };
	size_t total;
	struct qref *refs = question_rows(b, gids, &texts, &total);
	struct entries headers = dual_headers(b);

	/* one structural row per qid, the chosen language's first */
	if (total > 1)
		qsort(refs, total, sizeof(*refs), cmp_qref_id);
	size_t n = 0;
	for (size_t i = 0; i < total; i++)
		if (!n || refs[n - 1].qid != refs[i].qid)
			refs[n++] = refs[i];
	if (n > LSS_MAX_QUESTIONS)
		return LSS_TOO_MANY;
	/* the questions (parent 0) in display order, then subquestions by parent */
	if (n > 1)
		qsort(refs, n, sizeof(*refs), cmp_qref_order);
	size_t nq = 0;
	while (nq < n && refs[nq].parent == 0)
		nq++;
	o->questions = arena_alloc(b->a, (nq + 1) * sizeof(*o->questions));
	long long *byid = arena_alloc(b->a, (nq + 1) * 2 * sizeof(*byid));
	for (size_t i = 0; i < nq; i++) {
		question_fill(b, &o->questions[o->nquestions++], &refs[i], &texts, &headers);
		byid[2 * i] = refs[i].qid;
		byid[2 * i + 1] = (long long)i;
	}
	if (nq > 1)
		qsort(byid, nq, 2 * sizeof(*byid), cmp_ll);
	attach_subquestions(b, refs + nq, n - nq, byid, nq, &texts);
	enum lss_error e = attach_answers(b, byid, nq);
	if (!e) {
		attributes(b, byid, nq);
		conditions(b, byid, nq);
	}
	return e;
}

static void survey_texts(struct builder *b)
{
	struct rows *ls = &b->s->tables[T_LANGSETTINGS];
	struct entries e = { 0 };
	for (size_t i = 0; i < ls->n; i++) {
		const struct row *r = &ls->items[i];
		struct text_entry *x = entry_add(b, &e);
		x->rank = rank(b, rf(r, F_LS_LANGUAGE));
		x->t1 = rf(r, F_LS_TITLE);
		x->t2 = rf(r, F_LS_DESCRIPTION);
	}
	entries_sort(&e);
	b->out->title = plain(b, text_of(&e, 0, 0, false));
	b->out->description = plain(b, text_of(&e, 0, 0, true));
}

/* libxml2 wants its initialisation once, before threads use it. */
static pthread_once_t xml_once = PTHREAD_ONCE_INIT;

static void xml_init(void)
{
	xmlInitParser();
}

enum lss_error lss_parse(struct arena *a, const char *data, size_t len, struct lss_survey *out)
{
	memset(out, 0, sizeof(*out));
	if (len > LSS_MAX_BYTES)
		return LSS_TOO_BIG;
	size_t blank = 0;
	while (blank < len && data[blank] && strchr(" \t\r\n", data[blank]))
		blank++;
	if (blank == len)
		return LSS_EMPTY;
	if (len > INT_MAX)
		return LSS_TOO_BIG;

	xmlSAXHandler sax;
	memset(&sax, 0, sizeof(sax));
	sax.initialized = XML_SAX2_MAGIC;
	sax.startElementNs = on_start;
	sax.endElementNs = on_end;
	sax.characters = on_text;
	sax.cdataBlock = on_text;
	sax.internalSubset = on_doctype;
	sax.externalSubset = on_doctype;
	sax.entityDecl = on_entity_decl;
	sax.getEntity = on_get_entity;
	sax.getParameterEntity = on_get_entity;
	sax.reference = on_reference;
	sax.serror = on_error;

	pthread_once(&xml_once, xml_init);
	struct state s;
	memset(&s, 0, sizeof(s));
	s.a = a;
	s.collect_depth = -1;
	s.field = -1;
	buf_init(&s.text, 256);

	/* the first bytes tell the encoding */
	int first = len < 4 ? (int)len : 4;
	s.ctxt = xmlCreatePushParserCtxt(&sax, &s, data, first, NULL);
	if (!s.ctxt) {
		buf_release(&s.text);
		return LSS_NOT_XML;
	}
	xmlCtxtUseOptions(s.ctxt, XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
	/* in pieces, so that a refusal stops the work early */
	enum { PIECE = 64 * 1024 };
	for (size_t off = (size_t)first; off < len && !s.err && !s.ctxt->disableSAX;) {
		size_t n = len - off < PIECE ? len - off : PIECE;
		if (xmlParseChunk(s.ctxt, data + off, (int)n, 0))
			break;
		off += n;
	}
	if (!s.err && !s.ctxt->disableSAX)
		xmlParseChunk(s.ctxt, NULL, 0, 1);
	bool wellformed = s.ctxt->wellFormed && !s.ctxt->disableSAX;
	xmlFreeParserCtxt(s.ctxt);
	xmlResetLastError();
	buf_release(&s.text);

	if (s.err)
		return s.err;
	if (!wellformed)
		return LSS_NOT_XML;
	if (!s.root || !s.doctype)
		return LSS_NOT_SURVEY;
	char *dt = trimmed(a, s.doctype);
	if (strcmp(dt, "Survey"))
		return LSS_NOT_SURVEY;

	struct builder b = { a, &s, out, "", "" };
	out->dbversion = num_int(s.dbversion);
	languages(&b);
	long long *gids = NULL;
	enum lss_error e = groups(&b, &gids);
	if (!e)
		e = questions(&b, gids);
	if (e) {
		memset(out, 0, sizeof(*out));
		return e;
	}
	survey_texts(&b);
	out->conditions = s.tables[T_CONDITIONS].n;
	out->default_values = s.tables[T_DEFAULTVALUES].n;
	out->assessments = s.tables[T_ASSESSMENTS].n;
	out->quotas = s.tables[T_QUOTA].n;
	if (!out->nquestions) {
		memset(out, 0, sizeof(*out));
		return LSS_NO_QUESTIONS;
	}
	return LSS_OK;
}

/* ---- HTML to plain text ---- */

struct text_out {
	struct buf b;
	int nl;         /* line breaks waiting: 0, 1 or 2 */
	bool sp;        /* a space waiting */
};

static void put(struct text_out *t, const char *s, size_t n)
{
	if (t->b.len) {
		if (t->nl)
			buf_add(&t->b, "\n\n", (size_t)t->nl);
		else if (t->sp)
			buf_addch(&t->b, ' ');
	}
	t->nl = 0;
	t->sp = false;
	buf_add(&t->b, s, n);
}

static void put_cp(struct text_out *t, unsigned long cp)
{
	if (cp == 0xA0 || cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r') {
		t->sp = true;
		return;
	}
	if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
		return;  /* control characters */
	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = 0xFFFD;
	char u[4];
	size_t n;
	if (cp < 0x80) {
		u[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		u[0] = (char)(0xC0 | (cp >> 6));
		u[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		u[0] = (char)(0xE0 | (cp >> 12));
		u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		u[0] = (char)(0xF0 | (cp >> 18));
		u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	put(t, u, n);
}

static void line_break(struct text_out *t, int n)
{
	t->nl = n > t->nl ? n : t->nl;
	if (t->nl > 2)
		t->nl = 2;
}

/* Tags that end a line before and after them. */
static bool block_tag(const char *name)
{
	static const char *const blocks[] = {
		"p", "div", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
		"pre", "hr", "dd", "dt", "dl", "section", "article", "header", "footer", "center", "form", "address",
		"caption", "thead", "tbody", "tfoot", "figure", "figcaption", "nav", "aside", "main", "fieldset",
	};
	for (size_t i = 0; i < ARRAY_SIZE(blocks); i++)
		if (!strcmp(name, blocks[i]))
			return true;
	return false;
}

/* Decodes a character reference at s ('&'); returns its length in the
 * input, 0 when it is none (a lone '&'). */
static size_t reference(const char *s, size_t n, unsigned long *cp)
{
	size_t i = 1;
	if (i < n && s[i] == '#') {
		i++;
		bool hex = i < n && (s[i] == 'x' || s[i] == 'X');
		if (hex)
			i++;
		unsigned long v = 0;
		size_t start = i;
		while (i < n && (hex ? isxdigit((unsigned char)s[i]) : isdigit((unsigned char)s[i]))) {
			int d = isdigit((unsigned char)s[i]) ? s[i] - '0' : (tolower((unsigned char)s[i]) - 'a' + 10);
			if (v <= 0x10FFFF)
				v = v * (hex ? 16 : 10) + (unsigned long)d;
			i++;
		}
		if (i == start)
			return 0;
		if (i < n && s[i] == ';')
			i++;
		*cp = v == 0 ? 0xFFFD : v;
		return i;
	}
	char name[33];
	size_t k = 0;
	while (i < n && isalnum((unsigned char)s[i]) && k < sizeof(name) - 1)
		name[k++] = s[i++];
	name[k] = '\0';
	if (!k || i >= n || s[i] != ';')
		return 0;
	const htmlEntityDesc *e = htmlEntityLookup((const xmlChar *)name);
	if (!e)
		return 0;
	*cp = e->value;
	return i + 1;
}

/* The end of a tag that starts at s[0] == '<': the index after its '>',
 * quotes respected; n when it never ends. */
static size_t tag_end(const char *s, size_t n)
{
	char quote = 0;
	for (size_t i = 1; i < n; i++) {
		if (quote) {
			if (s[i] == quote)
				quote = 0;
		} else if (s[i] == '"' || s[i] == '\'') {
			quote = s[i];
		} else if (s[i] == '>') {
			return i + 1;
		}
	}
	return n;
}

/* Where "</name" starts in s[0..n), case-insensitive; n when nowhere. */
static size_t find_close(const char *s, size_t n, const char *name)
{
	size_t k = strlen(name);
	for (size_t i = 0; i + 2 + k <= n; i++)
		if (s[i] == '<' && s[i + 1] == '/' && !strncasecmp(s + i + 2, name, k))
			return i;
	return n;
}

char *lss_plain_text(struct arena *a, const char *html, bool *had_html)
{
	struct text_out t = { BUF_INIT, 0, false };
	size_t n = strlen(html);
	bool tags = false;
	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)html[i];
		if (c == '<' && i + 1 < n) {
			unsigned char d = (unsigned char)html[i + 1];
			if (d == '!' && i + 3 < n && html[i + 2] == '-' && html[i + 3] == '-') {
				const char *end = memmem(html + i + 4, n - i - 4, "-->", 3);
				i = end ? (size_t)(end - html) + 3 : n;
				tags = true;
				continue;
			}
			if (d == '!' || d == '?') {
				i += tag_end(html + i, n - i);
				tags = true;
				continue;
			}
			bool closing = d == '/';
			size_t p = i + 1 + closing;
			if (p < n && isalpha((unsigned char)html[p])) {
				char name[16];
				size_t k = 0;
				while (p < n && isalnum((unsigned char)html[p])) {
					if (k < sizeof(name) - 1)
						name[k++] = (char)tolower((unsigned char)html[p]);
					p++;
				}
				name[k] = '\0';
				i += tag_end(html + i, n - i);
				tags = true;
				if (!closing && (!strcmp(name, "script") || !strcmp(name, "style"))) {
					size_t close = find_close(html + i, n - i, name);
					i += close;
					if (i < n)
						i += tag_end(html + i, n - i);
				} else if (!strcmp(name, "br")) {
					line_break(&t, t.nl + 1);
				} else if (block_tag(name)) {
					line_break(&t, 1);
				} else if (!strcmp(name, "td") || !strcmp(name, "th")) {
					t.sp = true;
				}
				continue;
			}
		}
		if (c == '&') {
			unsigned long cp;
			size_t k = reference(html + i, n - i, &cp);
			if (k) {
				put_cp(&t, cp);
				i += k;
				continue;
			}
		}
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
			t.sp = true;
			i++;
			continue;
		}
		if (c == 0xC2 && i + 1 < n && (unsigned char)html[i + 1] == 0xA0) {  /* a no-break space */
			t.sp = true;
			i += 2;
			continue;
		}
		if (c < 0x20 || c == 0x7F) {
			i++;
			continue;
		}
		/* a run of ordinary bytes at once */
		size_t j = i + 1;
		while (j < n && html[j] != '<' && html[j] != '&' && (unsigned char)html[j] > 0x20 && html[j] != 0x7F &&
		       (unsigned char)html[j] != 0xC2)
			j++;
		put(&t, html + i, j - i);
		i = j;
	}
	if (had_html && tags)
		*had_html = true;
	char *out = arena_strndup(a, t.b.ptr, t.b.len);
	buf_release(&t.b);
	return out;
}
