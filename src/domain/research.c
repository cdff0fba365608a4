/* research.c — research projects: who may work on them, and the rules for
 * their members, sources, code book, passages, memos and replaced terms,
 * for pages, API and command line alike. */
#include "research.h"
#include "audit.h"
#include "framework.h"
#include "research_consent.h"
#include "role.h"
#include "schedule.h"
#include "survey.h"
#include "store_rc.h"
#include "validate.h"
#include "core/i18n.h"
#include "core/utf8.h"
#include "formats/doc_text.h"
#include "formats/refi.h"
#include "store/research.h"
#include "store/store.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

const char *const RESEARCH_OWN_KINDS[] = { "interview", "observation", NULL };

const char *research_kind_label(const char *kind)
{
	if (!strcmp(kind, "report"))
		return _("meeting report");
	if (!strcmp(kind, "story"))
		return _("learning story");
	if (!strcmp(kind, "logbook"))
		return _("logbook entry");
	if (!strcmp(kind, "case"))
		return _("case");
	if (!strcmp(kind, "answers"))
		return _("open answers of a questionnaire");
	if (!strcmp(kind, "interview"))
		return _("interview");
	if (!strcmp(kind, "observation"))
		return _("observation notes");
	return _("document from another tool");
}

bool research_may(const struct ctx *c)
{
	return actor_has(c->who, ROLE_BIT(ROLE_RESEARCHER));
}

/* The project, when the actor may work on it: a member (a coder with the
 * actor's account), or the command line. *coder the actor's coder (0 on
 * the command line). */
static int member_of(struct ctx *c, long long project, long long *coder)
{
	long long org = c->who->organisation_id;
	*coder = 0;
	if (!research_may(c))
		return D_NOTFOUND;
	struct research_project p;
	int r = d_from_store(store_research_project_get(c->st, c->a, org, project, &p));
	if (r || !c->who->account_id)
		return r;
	return d_from_store(store_research_coder_of(c->st, org, project, c->who->account_id, coder));
}

int research_member_of(struct ctx *c, long long project)
{
	long long coder;
	return member_of(c, project, &coder);
}

static bool check_project(struct ctx *c, struct errors *e, const char *name, const char *purpose)
{
	check_line(c, e, "name", _("Name"), name, 1, RESEARCH_NAME_MAX);
	check_long_text(c, e, "purpose", _("Purpose"), purpose, 0, RESEARCH_MEMO_MAX);
	return !e->n;
}

int research_project_create(struct ctx *c, const char *name, const char *purpose, struct errors *e, long long *id)
{
	if (!research_may(c))
		return D_FORBIDDEN;
	char *n = str_trim(arena_strdup(c->a, name ? name : ""));
	purpose = purpose ? purpose : "";
	if (!check_project(c, e, n, purpose))
		return D_INVALID;
	long long org = c->who->organisation_id, now = ctx_now(c);
	struct research_project p = { .name = n, .purpose = (char *)purpose, .guid = refi_new_guid(c->a) };
	if (store_begin(c->st))
		return D_ERROR;
	int r = store_research_project_add(c->st, org, &p, c->who->account_id, now, id);
	long long coder;
	if (!r && c->who->account_id)
		r = store_research_coder_add(c->st, org, *id, c->who->account_id, c->who->display_name,
					     refi_new_guid(c->a), &coder);
	if (!r)
		r = audit(c, "research.create", "research_project", *id, "%s", n);
	if (r || store_commit(c->st)) {
		store_rollback(c->st);
		return D_ERROR;
	}
	return D_OK;
}

int research_projects(struct ctx *c, struct research_project **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if (!research_may(c))
		return D_FORBIDDEN;
	return d_from_store(store_research_projects(c->st, c->a, c->who->organisation_id, c->who->account_id, out, n));
}

/* Codes in tree order (a parent before its children, siblings by position
 * and name), each with its depth; codes whose parent is missing are not
 * possible (the parent's removal takes them along). */
static void code_tree(struct arena *a, struct research_code *in, size_t n, struct research_code **out)
{
	struct research_code *t = arena_alloc(a, (n ? n : 1) * sizeof(*t));
	size_t k = 0;
	/* a stack of (parent id, depth) walked depth first; in is ordered by
	 * parent, then position, so each parent's children are contiguous */
	long long *stack = arena_alloc(a, (n + 1) * sizeof(*stack));
	int *depth = arena_alloc(a, (n + 1) * sizeof(*depth));
	size_t *next = arena_alloc(a, (n + 1) * sizeof(*next));
	size_t sp = 0;
	stack[0] = 0;
	depth[0] = 0;
	next[0] = 0;
	while (k < n) {
		size_t i = next[sp];
		while (i < n && in[i].parent_id != stack[sp])
			i++;
		if (i == n) {
			if (!sp)
				break;
			sp--;
			continue;
		}
		next[sp] = i + 1;
		t[k] = in[i];
		t[k].depth = depth[sp];
		k++;
		sp++;
		stack[sp] = in[i].id;
		depth[sp] = depth[sp - 1] + 1;
		next[sp] = 0;
	}
	assert(k == n);
	*out = t;
}

/* research_project_open, with the sources' texts or without. */
static int project_open(struct ctx *c, long long id, bool texts, struct research_view *v)
{
	memset(v, 0, sizeof(*v));
	long long org = c->who->organisation_id;
	int r = member_of(c, id, &v->my_coder);
	if (r)
		return r;
	struct research_code *codes;
	if (store_research_project_get(c->st, c->a, org, id, &v->p) ||
	    store_research_coders(c->st, c->a, org, id, &v->coders, &v->ncoders) ||
	    (texts ? store_research_sources_full(c->st, c->a, org, id, &v->sources, &v->nsources)
		   : store_research_sources(c->st, c->a, org, id, &v->sources, &v->nsources)) ||
	    store_research_codes(c->st, c->a, org, id, &codes, &v->ncodes) ||
	    store_research_memos(c->st, c->a, org, id, &v->memos, &v->nmemos) ||
	    store_research_terms(c->st, c->a, org, id, &v->terms, &v->nterms))
		return D_ERROR;
	code_tree(c->a, codes, v->ncodes, &v->codes);
	return D_OK;
}

int research_project_open(struct ctx *c, long long id, struct research_view *v)
{
	return project_open(c, id, false, v);
}

int research_project_open_texts(struct ctx *c, long long id, struct research_view *v)
{
	return project_open(c, id, true, v);
}

int research_project_update(struct ctx *c, long long id, const char *name, const char *purpose, struct errors *e)
{
	long long coder;
	int r = member_of(c, id, &coder);
	if (r)
		return r;
	char *n = str_trim(arena_strdup(c->a, name ? name : ""));
	purpose = purpose ? purpose : "";
	if (!check_project(c, e, n, purpose))
		return D_INVALID;
	if (store_begin(c->st))
		return D_ERROR;
	r = d_from_store(store_research_project_update(c->st, c->who->organisation_id, id, n, purpose));
	if (!r && audit(c, "research.update", "research_project", id, "%s", n))
		r = D_ERROR;
	if (r || store_commit(c->st)) {
		store_rollback(c->st);
		return r ? r : D_ERROR;
	}
	return D_OK;
}

int research_project_remove(struct ctx *c, long long id)
{
	long long coder;
	int r = member_of(c, id, &coder);
	if (r)
		return r;
	struct research_project p;
	if (store_begin(c->st))
		return D_ERROR;
	/* the project's own rows go with it (the schema's ON DELETE CASCADE:
	 * members, sources, which are copies, codes, passages, memos, terms,
	 * fieldwork, member checks, partners); nothing points from a copy back
	 * to its original, so the organisation's texts stay. What went is
	 * read in the same transaction, for the audit line. */
	r = d_from_store(store_research_project_get(c->st, c->a, c->who->organisation_id, id, &p));
	if (!r)
		r = d_from_store(store_research_project_remove(c->st, c->who->organisation_id, id));
	if (!r && audit(c, "research.remove", "research_project", id, "%s (sources %lld, codes %lld, passages %lld)",
			p.name, p.sources, p.codes, p.selections))
		r = D_ERROR;
	if (r || store_commit(c->st)) {
		store_rollback(c->st);
		return r ? r : D_ERROR;
	}
	return D_OK;
}

int research_member_add(struct ctx *c, long long project, const char *email, struct errors *e)
{
	long long coder;
	int r = member_of(c, project, &coder);
	if (r)
		return r;
	long long org = c->who->organisation_id;
	struct account acc;
	r = check_email(c, e, "email", email, true) ? store_account_by_email(c->st, c->a, email, &acc) : ST_INVALID;
	if (r == ST_INVALID)
		return D_INVALID;
	if (r == ST_NOTFOUND || (!r && acc.organisation_id != org)) {
		errors_add(c, e, "email", "%s", _("There is no account with this e-mail address in the organisation."));
		return D_INVALID;
	}
	if (r)
		return D_ERROR;
	long long id;
	r = store_research_coder_add(c->st, org, project, acc.id, acc.display_name, refi_new_guid(c->a), &id);
	if (r == ST_CONFLICT) {
		errors_add(c, e, "email", "%s", _("This researcher is a member already."));
		return D_INVALID;
	}
	if (r == ST_INVALID) {
		errors_add(c, e, "email", "%s", _("Only a researcher of the organisation can be a member."));
		return D_INVALID;
	}
	if (r)
		return D_ERROR;
	audit(c, "research.member", "research_project", project, "%s", acc.email);
	return D_OK;
}

/* ---- sources ------------------------------------------------------------- */

/* The text with \r\n and lone \r made \n, trailing white space at the
 * ends of the whole text removed. */
static char *normalise_text(struct arena *a, const char *s)
{
	size_t n = strlen(s), k = 0;
	char *t = arena_alloc(a, n + 1);
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\r') {
			t[k++] = '\n';
			if (s[i + 1] == '\n')
				i++;
		} else {
			t[k++] = s[i];
		}
	}
	t[k] = '\0';
	return str_trim(t);
}

int research_source_add_text(struct ctx *c, long long project, const char *kind, const char *name,
			     const char *held_on, const char *place, long long unit_id, const char *text,
			     struct errors *e, long long *id)
{
	long long coder;
	int r = member_of(c, project, &coder);
	if (r)
		return r;
	kind = kind ? kind : "";
	char *n = str_trim(arena_strdup(c->a, name ? name : ""));
	char *pl = str_trim(arena_strdup(c->a, place ? place : ""));
	held_on = held_on ? held_on : "";
	text = text ? text : "";
	if (!value_one_of(kind, RESEARCH_OWN_KINDS))
		errors_add(c, e, "kind", "%s", _("Choose what the text is: an interview or observation notes."));
	check_line(c, e, "name", _("Name"), n, 1, RESEARCH_NAME_MAX);
	if (*held_on && !date_valid(held_on))
		errors_add(c, e, "held_on", "%s", _("Enter the date as YYYY-MM-DD."));
	check_line(c, e, "place", _("Place where it was held"), pl, 0, RESEARCH_NAME_MAX);
	if (unit_id < 0)
		errors_add(c, e, "unit", "%s", _("Choose a team of the organisation."));
	if (strlen(text) > RESEARCH_TEXT_MAX)
		errors_add(c, e, "text", "%s", _("The text is too long: at most 2 MB."));
	else
		check_long_text(c, e, "text", _("Text"), text, 1, RESEARCH_TEXT_MAX);
	if (e->n)
		return D_INVALID;
	char *body = normalise_text(c->a, text);
	struct research_source s = { .kind = (char *)kind, .guid = refi_new_guid(c->a), .name = n, .body = body,
				     .chars = (long long)utf8_length(body), .held_on = (char *)held_on, .place = pl,
				     .unit_id = unit_id };
	r = store_research_source_add(c->st, c->who->organisation_id, project, &s, c->who->account_id, ctx_now(c), id);
	if (r == ST_INVALID) {
		errors_add(c, e, "unit", "%s", _("Choose a team of the organisation."));
		return D_INVALID;
	}
	if (r)
		return D_ERROR;
	audit(c, "research.source", "research_source", *id, "%s", kind);
	return D_OK;
}

/* The open answers of a wave as one text: each open question with its
 * answers below it, one paragraph each, in the sorted order the results
 * show them in (which says nothing of who or when), nothing else of the
 * respondents; only when the wave's results may be shown (closed, at least
 * SURVEY_MIN_RESPONSES responses: survey.h), D_INVALID with the reason
 * otherwise. */
static int wave_answers_text(struct ctx *c, long long wave, struct errors *e, struct consented_text *out)
{
	struct wave w;
	struct instrument_version v;
	struct wave_results res;
	int r = wave_open(c, wave, &w, &v);
	if (!r && w.subject_id)
		r = D_NOTFOUND;   /* a 360-degree round's answers are about one person: its report is what is shown */
	if (!r)
		r = wave_results(c, &w, &v, &res);
	if (r)
		return r;
	if (!res.shown) {
		errors_add(c, e, "ref", "%s", res.why_hidden ? res.why_hidden : _("The answers of this wave are not shown."));
		return D_INVALID;
	}
	struct buf b = BUF_INIT;
	for (size_t i = 0; i < res.nitems; i++) {
		const struct item_result *it = &res.items[i];
		if (!it->ntexts)
			continue;
		buf_addf(&b, "%s%s\n", b.len ? "\n" : "", it->item->text);
		for (size_t k = 0; k < it->ntexts; k++)
			buf_addf(&b, "%s\n", it->texts[k]);
	}
	if (!b.len) {
		buf_release(&b);
		errors_add(c, e, "ref", "%s", _("This wave has no open answers."));
		return D_INVALID;
	}
	*out = (struct consented_text){ .kind = "answers", .id = wave, .title = arena_printf(c->a, _("Open answers: %s"), w.name),
					.date = w.closes_on, .text = arena_strndup(c->a, b.ptr, b.len) };
	buf_release(&b);
	return D_OK;
}

int research_answer_waves(struct ctx *c, struct wave **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if (!research_may(c))
		return D_FORBIDDEN;
	struct wave *all;
	size_t nall;
	int r = wave_list(c, &all, &nall);
	if (r)
		return r;
	char today[11];
	date_today(ctx_now(c), today);
	*out = arena_alloc(c->a, (nall + 1) * sizeof(**out));
	for (size_t i = 0; i < nall; i++)
		if (!all[i].subject_id && (all[i].closed_at || strcmp(all[i].closes_on, today) < 0))
			(*out)[(*n)++] = all[i];
	return D_OK;
}

int research_source_take(struct ctx *c, long long project, const char *kind, long long ref, struct errors *e,
			 long long *id)
{
	long long coder;
	int r = member_of(c, project, &coder);
	if (r)
		return r;
	static const char *const TAKEN[] = { "report", "story", "logbook", "case", "answers", NULL };
	if (!value_one_of(kind, TAKEN) || ref <= 0) {
		errors_add(c, e, "ref", "%s", _("Choose a text of the organisation from the list."));
		return D_INVALID;
	}
	struct consented_text t;
	if (!strcmp(kind, "answers"))
		r = wave_answers_text(c, ref, e, &t);
	else
		r = consented_text_get(c, kind, ref, &t);
	if (r)
		return r;
	char *body = normalise_text(c->a, t.text);
	struct research_source s = { .kind = (char *)t.kind, .ref_id = t.id, .guid = refi_new_guid(c->a),
				     .name = arena_strndup(c->a, t.title, utf8_cut(t.title, RESEARCH_NAME_MAX * 4)),
				     .body = body, .chars = (long long)utf8_length(body), .held_on = t.date ? t.date : "",
				     .place = "", .group_id = t.group_id };
	r = store_research_source_add(c->st, c->who->organisation_id, project, &s, c->who->account_id, ctx_now(c), id);
	if (r == ST_CONFLICT) {
		errors_add(c, e, "ref", "%s", _("This text is a source of the project already."));
		return D_INVALID;
	}
	if (r)
		return D_ERROR;
	audit(c, "research.source", "research_source", *id, "%s %lld", t.kind, t.id);
	return D_OK;
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && !strcasecmp(s + n - m, suffix);
}

int research_upload_text(struct ctx *c, const char *filename, const char *data, size_t len, struct errors *e,
			 char **text)
{
	*text = NULL;
	filename = filename ? filename : "";
	if (ends_with(filename, ".txt")) {
		/* a byte order mark is no text */
		if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3)) {
			data += 3;
			len -= 3;
		}
		if (!utf8_valid(data, len)) {
			errors_add(c, e, "file", "%s", _("The text file is not in UTF-8: save it as UTF-8 and try again."));
			return D_INVALID;
		}
		*text = arena_strndup(c->a, data, len);
		return D_OK;
	}
	if (!ends_with(filename, ".docx") && !ends_with(filename, ".odt")) {
		errors_add(c, e, "file", "%s", _("Choose a .txt, .docx or .odt file, or paste the text."));
		return D_INVALID;
	}
	if (doc_text(c->a, data, len, text)) {
		errors_add(c, e, "file", "%s",
			   _("The text could not be read from this document. Save it again as .docx or .odt, or paste the "
			     "text."));
		return D_INVALID;
	}
	return D_OK;
}

int research_source_open(struct ctx *c, long long project, long long id, struct research_source_view *v)
{
	memset(v, 0, sizeof(*v));
	long long coder, org = c->who->organisation_id;
	int r = member_of(c, project, &coder);
	if (!r)
		r = d_from_store(store_research_source_get(c->st, c->a, org, project, id, true, &v->s));
	if (!r)
		r = d_from_store(store_research_selections(c->st, c->a, org, project, id, &v->sels, &v->nsels));
	if (r)
		return r;
	/* a person's own text, read by someone else (SPEC: logged) */
	if (!strcmp(v->s.kind, "logbook") || !strcmp(v->s.kind, "case"))
		audit(c, "read.research_source", "research_source", id, "%s %lld", v->s.kind, v->s.ref_id);
	return D_OK;
}

int research_source_remove(struct ctx *c, long long project, long long id)
{
	long long coder;
	int r = member_of(c, project, &coder);
	if (!r)
		r = d_from_store(store_research_source_remove(c->st, c->who->organisation_id, project, id));
	if (!r)
		audit(c, "research.source_remove", "research_source", id, "%s", "");
	return r;
}

/* ---- codes --------------------------------------------------------------- */

static bool color_valid(const char *s)
{
	if (!*s)
		return true;
	if (strlen(s) != 7 || s[0] != '#')
		return false;
	for (int i = 1; i < 7; i++)
		if (!strchr("0123456789ABCDEF", s[i]))
			return false;
	return true;
}

/* The colour as the store keeps it: #RRGGBB in capitals, or "". */
static char *color_norm(struct arena *a, const char *s)
{
	char *t = str_trim(arena_strdup(a, s ? s : ""));
	for (char *p = t; *p; p++)
		if (*p >= 'a' && *p <= 'f')
			*p = (char)(*p - 'a' + 'A');
	return t;
}

static bool sibling_named(const struct research_code *codes, size_t n, long long parent, long long self,
			  const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (codes[i].parent_id == parent && codes[i].id != self && !strcmp(codes[i].name, name))
			return true;
	return false;
}

static int check_code(struct ctx *c, long long project, long long parent, long long self, const char *name,
		      const char *color, const char *description, struct errors *e)
{
	struct research_code *codes;
	size_t n;
	if (store_research_codes(c->st, c->a, c->who->organisation_id, project, &codes, &n))
		return D_ERROR;
	check_line(c, e, "name", _("Name"), name, 1, RESEARCH_NAME_MAX);
	if (!color_valid(color))
		errors_add(c, e, "color", "%s", _("Choose a colour as #RRGGBB, for example #1F77B4, or none."));
	check_long_text(c, e, "description", _("Description"), description, 0, RESEARCH_MEMO_MAX);
	bool parent_found = !parent;
	for (size_t i = 0; i < n && !parent_found; i++)
		parent_found = codes[i].id == parent;
	if (!parent_found)
		errors_add(c, e, "parent", "%s", _("Choose a code of this project to put it under, or none."));
	/* a code cannot go under itself or under a code below it */
	for (long long p = parent; p && self;) {
		if (p == self) {
			errors_add(c, e, "parent", "%s", _("A code cannot go under itself or a code below it."));
			break;
		}
		long long up = 0;
		for (size_t i = 0; i < n; i++)
			if (codes[i].id == p)
				up = codes[i].parent_id;
		p = up;
	}
	if (*name && sibling_named(codes, n, parent, self, name))
		errors_add(c, e, "name", "%s", _("There is a code with this name at this place already."));
	return e->n ? D_INVALID : D_OK;
}

int research_code_add(struct ctx *c, long long project, long long parent, const char *name, const char *color,
		      const char *description, struct errors *e, long long *id)
{
	long long coder;
	int r = member_of(c, project, &coder);
	if (r)
		return r;
	char *n = str_trim(arena_strdup(c->a, name ? name : ""));
	char *col = color_norm(c->a, color);
	description = description ? description : "";
	if ((r = check_code(c, project, parent, 0, n, col, description, e)))
		return r;
	struct research_code k = { .parent_id = parent, .position = 0, .guid = refi_new_guid(c->a), .name = n,
				   .color = col, .description = (char *)description, .codable = true };
	r = d_from_store(store_research_code_add(c->st, c->who->organisation_id, project, &k, id));
	if (!r)
		audit(c, "research.code", "research_code", *id, "%s", n);
	return r;
}

int research_code_update(struct ctx *c, long long project, long long id, const char *name, const char *color,
			 const char *description, struct errors *e)
{
	long long coder;
	int r = member_of(c, project, &coder);
	if (r)
		return r;
	struct research_code *codes;
	size_t n;
	if (store_research_codes(c->st, c->a, c->who->organisation_id, project, &codes, &n))
		return D_ERROR;
	const struct research_code *old = NULL;
	for (size_t i = 0; i < n; i++)
		if (codes[i].id == id)
			old = &codes[i];
	if (!old)
		return D_NOTFOUND;
	char *nm = str_trim(arena_strdup(c->a, name ? name : ""));
	char *col = color_norm(c->a, color);
	description = description ? description : "";
	if ((r = check_code(c, project, old->parent_id, id, nm, col, description, e)))
		return r;
	struct research_code k = *old;
	k.name = nm;
	k.color = col;
	k.description = (char *)description;
	r = d_from_store(store_research_code_update(c->st, c->who->organisation_id, project, &k));
	if (!r)
		audit(c, "research.code_update", "research_code", id, "%s", nm);
	return r;
}

int research_code_remove(struct ctx *c, long long project, long long id)
{
	long long coder;
	int r = member_of(c, project, &coder);
	if (!r)
		r = d_from_store(store_research_code_remove(c->st, c->who->organisation_id, project, id));
	if (!r)
		audit(c, "research.code_remove", "research_code", id, "%s", "");
	return r;
}

int research_codes_from_framework(struct ctx *c, long long project, long long framework, struct errors *e,
				  long long *added)
{
	*added = 0;
	long long coder;
	int r = member_of(c, project, &coder);
	if (r)
		return r;
	struct framework_view f;
	r = framework_open(c, framework, &f);
	if (r == D_NOTFOUND) {
		errors_add(c, e, "framework", "%s", _("Choose a framework of the organisation."));
		return D_INVALID;
	}
	if (r)
		return r;
	long long org = c->who->organisation_id;
	struct research_code *codes;
	size_t n;
	if (store_research_codes(c->st, c->a, org, project, &codes, &n))
		return D_ERROR;
	if (sibling_named(codes, n, 0, 0, f.f.name)) {
		errors_add(c, e, "framework", "%s", _("The code book has this framework already."));
		return D_INVALID;
	}
	if (store_begin(c->st))
		return D_ERROR;
	long long top;
	struct research_code k = { .guid = refi_new_guid(c->a), .name = f.f.name, .color = "",
				   .description = f.f.description ? f.f.description : "", .codable = false };
	r = store_research_code_add(c->st, org, project, &k, &top);
	/* elements come parent first; map each element to its code */
	long long *ids = arena_alloc(c->a, (f.nelements + 1) * sizeof(*ids));
	for (size_t i = 0; i < f.nelements && !r; i++) {
		const struct framework_element *el = &f.elements[i];
		long long parent = top;
		for (size_t j = 0; j < i; j++)
			if (f.elements[j].id == el->parent_id)
				parent = ids[j];
		struct research_code x = { .parent_id = parent, .position = el->position, .guid = refi_new_guid(c->a),
					   .name = arena_printf(c->a, "%s %s", el->code, el->name), .color = "",
					   .description = el->description ? el->description : "", .codable = true };
		r = store_research_code_add(c->st, org, project, &x, &ids[i]);
	}
	if (!r)
		r = audit(c, "research.codes_framework", "research_project", project, "%s", f.f.name);
	if (r || store_commit(c->st)) {
		store_rollback(c->st);
		return D_ERROR;
	}
	*added = (long long)f.nelements + 1;
	return D_OK;
}

/* ---- passages ------------------------------------------------------------ */

int research_passage_add(struct ctx *c, long long project, long long source, long long start, long long end,
			 const long long *codes, size_t ncodes, const char *memo, struct errors *e, long long *id)
{
	long long coder, org = c->who->organisation_id;
	int r = member_of(c, project, &coder);
	if (r)
		return r;
	if (!coder) {
		errors_add(c, e, "", "%s", _("Only a member of the project codes passages."));
		return D_INVALID;
	}
	if (source <= 0) {
		errors_add(c, e, "source", "%s", _("Choose a source of the project."));
		return D_INVALID;
	}
	struct research_source s;
	/* its length only: the passage's end is checked against it */
	if ((r = d_from_store(store_research_source_get(c->st, c->a, org, project, source, false, &s))))
		return r;
	struct research_code *all;
	size_t nall;
	if (store_research_codes(c->st, c->a, org, project, &all, &nall))
		return D_ERROR;
	memo = memo ? memo : "";
	if (start < 0 || end <= start || end > s.chars)
		errors_add(c, e, "start", "%s", _("Choose a passage of the text: one or more sentences or paragraphs."));
	if (!ncodes)
		errors_add(c, e, "codes", "%s", _("Choose at least one code for the passage."));
	struct research_coding *k = arena_alloc(c->a, (ncodes ? ncodes : 1) * sizeof(*k));
	size_t nk = 0;
	for (size_t i = 0; i < ncodes; i++) {
		const struct research_code *code = NULL;
		for (size_t j = 0; j < nall; j++)
			if (all[j].id == codes[i])
				code = &all[j];
		bool twice = false;
		for (size_t j = 0; j < nk; j++)
			twice |= k[j].code_id == codes[i];
		if (!code || !code->codable) {
			errors_add(c, e, "codes", "%s", _("Choose codes of this project's code book."));
			break;
		}
		if (!twice)
			k[nk++] = (struct research_coding){ .code_id = codes[i], .guid = refi_new_guid(c->a) };
	}
	check_long_text(c, e, "memo", _("Memo"), memo, 0, RESEARCH_MEMO_MAX);
	if (e->n)
		return D_INVALID;
	struct research_selection sel = { .source_id = source, .coder_id = coder, .guid = refi_new_guid(c->a),
					  .start = start, .end = end, .memo = (char *)memo, .codings = k,
					  .ncodings = nk };
	if (store_begin(c->st))
		return D_ERROR;
	r = store_research_selection_add(c->st, org, project, &sel, ctx_now(c), id);
	if (r || store_commit(c->st)) {
		store_rollback(c->st);
		return r == ST_INVALID ? D_NOTFOUND : D_ERROR;
	}
	return D_OK;
}

int research_passage_remove(struct ctx *c, long long project, long long source, long long id, struct errors *e)
{
	long long coder;
	int r = member_of(c, project, &coder);
	if (r)
		return r;
	if (source < 0) {
		errors_add(c, e, "source_id", "%s", _("Name the source of the passage (source_id)."));
		return D_INVALID;
	}
	return d_from_store(store_research_selection_remove(c->st, c->who->organisation_id, project, source, id));
}

/* ---- memos and terms ----------------------------------------------------- */

static const char *const MEMO_TARGETS[] = { "project", "code", "source", NULL };

int research_memo_add(struct ctx *c, long long project, const char *target, long long target_id, const char *text,
		      struct errors *e, long long *id)
{
	long long coder;
	int r = member_of(c, project, &coder);
	if (r)
		return r;
	if (!value_one_of(target, MEMO_TARGETS))
		errors_add(c, e, "target", "%s", _("A memo belongs to the project, a code or a source."));
	check_long_text(c, e, "text", _("Memo"), text ? text : "", 1, RESEARCH_MEMO_MAX);
	if (e->n)
		return D_INVALID;
	struct research_memo m = { .target = (char *)target, .target_id = target_id, .guid = refi_new_guid(c->a),
				   .text = normalise_text(c->a, text), .coder_id = coder, .updated_at = ctx_now(c) };
	r = store_research_memo_add(c->st, c->who->organisation_id, project, &m, id);
	if (!r)
		audit(c, "research.memo", "research_memo", *id, "%s in project %lld", target, project);
	return r == ST_INVALID ? D_NOTFOUND : d_from_store(r);
}

int research_memo_remove(struct ctx *c, long long project, long long id)
{
	long long coder;
	int r = member_of(c, project, &coder);
	if (!r)
		r = d_from_store(store_research_memo_remove(c->st, c->who->organisation_id, project, id));
	if (!r)
		audit(c, "research.memo_remove", "research_memo", id, "project %lld", project);
	return r;
}

int research_term_add(struct ctx *c, long long project, const char *term, const char *replacement, struct errors *e,
		      long long *id)
{
	long long coder;
	int r = member_of(c, project, &coder);
	if (r)
		return r;
	char *t = str_trim(arena_strdup(c->a, term ? term : ""));
	char *rep = str_trim(arena_strdup(c->a, replacement ? replacement : ""));
	check_line(c, e, "term", _("Word or name"), t, 2, RESEARCH_NAME_MAX);
	check_line(c, e, "replacement", _("Replace with"), rep, 1, RESEARCH_NAME_MAX);
	if (e->n)
		return D_INVALID;
	r = store_research_term_add(c->st, c->who->organisation_id, project, t, rep, id);
	if (r == ST_CONFLICT) {
		errors_add(c, e, "term", "%s", _("This word is replaced already."));
		return D_INVALID;
	}
	if (!r)   /* not the word itself: it may be a person's name */
		audit(c, "research.term", "research_term", *id, "project %lld", project);
	return d_from_store(r);
}

int research_term_remove(struct ctx *c, long long project, long long id)
{
	long long coder;
	int r = member_of(c, project, &coder);
	if (!r)
		r = d_from_store(store_research_term_remove(c->st, c->who->organisation_id, project, id));
	if (!r)
		audit(c, "research.term_remove", "research_term", id, "project %lld", project);
	return r;
}

int research_units(struct ctx *c, struct unit **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if (!research_may(c))
		return D_FORBIDDEN;
	return d_from_store(store_unit_list(c->st, c->a, c->who->organisation_id, false, out, n));
}

const struct research_code *research_code_find(const struct research_view *v, long long id)
{
	for (size_t i = 0; i < v->ncodes; i++)
		if (v->codes[i].id == id)
			return &v->codes[i];
	return NULL;
}
