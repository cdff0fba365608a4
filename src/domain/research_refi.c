/* research_refi.c — a research project to the REFI-QDA model (always
 * pseudonymised) and a project or code book from it (research_refi.h). */
#include "research_refi.h"
#include "audit.h"
#include "export_audit.h"
#include "research.h"
#include "research_analysis.h"
#include "research_pseudonym.h"
#include "role.h"
#include "store_rc.h"
#include "core/i18n.h"
#include "core/utf8.h"
#include "store/research.h"
#include "store/store.h"

#include <assert.h>
#include <string.h>

#define PASSAGE_NAME_MAX 60   /* code points of a passage's text in its name */

/* The first code points of s[start, end) (code points), as a passage's name. */
static char *passage_name(struct arena *a, const struct research_text *t, long long start, long long end)
{
	char *name = research_cut(a, t, start, end - start < PASSAGE_NAME_MAX ? end : start + PASSAGE_NAME_MAX);
	for (char *x = name; *x; x++)
		if (*x == '\n' || *x == '\t')
			*x = ' ';
	return name;
}

/* Where the source came from, in its name: "Interview Team Noord — interview, 2025-03-04, Team Noord". */
static char *source_name(struct arena *a, const struct research_source *s, const char *name)
{
	struct buf b = BUF_INIT;
	buf_addf(&b, "%s — %s", name, research_kind_label(s->kind));
	if (*s->held_on)
		buf_addf(&b, ", %s", s->held_on);
	if (*s->unit_name)
		buf_addf(&b, ", %s", s->unit_name);
	if (*s->group_name)
		buf_addf(&b, ", %s", s->group_name);
	char *out = arena_strndup(a, b.ptr, b.len);
	buf_release(&b);
	return out;
}

static const char *memo_title(struct ctx *c, const struct research_view *v, const struct research_memo *m)
{
	if (!strcmp(m->target, "code")) {
		const struct research_code *k = research_code_find(v, m->target_id);
		return arena_printf(c->a, _("Memo on code %s"), k ? k->name : "?");
	}
	if (!strcmp(m->target, "source"))
		for (size_t i = 0; i < v->nsources; i++)
			if (v->sources[i].id == m->target_id)
				return arena_printf(c->a, _("Memo on source %s"), v->sources[i].name);
	return _("Memo on the project");
}

int research_export(struct ctx *c, long long project, const char *format, struct refi_project *out)
{
	memset(out, 0, sizeof(*out));
	struct research_view v;
	int r = research_project_open_texts(c, project, &v);
	if (r)
		return r;
	long long org = c->who->organisation_id;
	const struct research_source *src = v.sources;
	size_t nsrc = v.nsources;
	struct research_selection *sels;
	size_t nsels;
	struct research_pseudo *ps;
	if (store_research_selections(c->st, c->a, org, project, 0, &sels, &nsels) ||
	    research_pseudo_make(c, project, &ps))
		return D_ERROR;
	struct arena *a = c->a;
	out->name = research_pseudo_apply(a, ps, v.p.name, &(struct research_shift *){ 0 }, &(size_t){ 0 });
	out->origin = "leergang";
	out->users = arena_alloc(a, (v.ncoders + 1) * sizeof(*out->users));
	for (size_t i = 0; i < v.ncoders; i++)
		out->users[out->nusers++] = (struct refi_user){ .guid = v.coders[i].guid, .name = v.coders[i].name };
	out->codes = arena_alloc(a, (v.ncodes + 1) * sizeof(*out->codes));
	for (size_t i = 0; i < v.ncodes; i++) {
		const struct research_code *k = &v.codes[i];
		int parent = -1;
		for (size_t j = 0; j < i; j++)
			if (v.codes[j].id == k->parent_id)
				parent = (int)j;
		/* a code may be named after someone ("Uitspraken van ..."): replaced as in the texts */
		struct research_shift *sh;
		size_t nsh;
		out->codes[out->ncodes++] = (struct refi_code){
			.guid = k->guid, .name = research_pseudo_apply(a, ps, k->name, &sh, &nsh), .color = k->color,
			.description = research_pseudo_apply(a, ps, k->description, &sh, &nsh), .codable = k->codable,
			.parent = parent };
	}
	out->sources = arena_alloc(a, (nsrc + 1) * sizeof(*out->sources));
	size_t si = 0;
	for (size_t i = 0; i < nsrc; i++) {
		struct research_shift *sh, *nsh;
		size_t nshift, nn;
		struct refi_source *o = &out->sources[out->nsources++];
		o->guid = src[i].guid;
		o->name = source_name(a, &src[i], research_pseudo_apply(a, ps, src[i].name, &nsh, &nn));
		o->text = research_pseudo_apply(a, ps, src[i].body, &sh, &nshift);
		o->len = strlen(o->text);
		o->chars = utf8_length(o->text);
		struct research_text cut;
		research_text_index(a, o->text, &cut);
		/* the passages of this source (sels are by source, then start) */
		while (si < nsels && sels[si].source_id < src[i].id)
			si++;
		size_t first = si;
		while (si < nsels && sels[si].source_id == src[i].id)
			si++;
		o->sels = arena_alloc(a, (si - first + 1) * sizeof(*o->sels));
		for (size_t k = first; k < si; k++) {
			const struct research_selection *x = &sels[k];
			struct refi_selection *y = &o->sels[o->nsels++];
			long long start = research_pseudo_pos(sh, nshift, x->start, false);
			long long end = research_pseudo_pos(sh, nshift, x->end, true);
			assert(start >= 0 && end > start && (size_t)end <= o->chars);
			y->guid = x->guid;
			y->start = (size_t)start;
			y->end = (size_t)end;
			y->name = passage_name(a, &cut, start, end);
			y->user = "";
			for (size_t u = 0; u < v.ncoders; u++)
				if (v.coders[u].id == x->coder_id)
					y->user = v.coders[u].guid;
			y->codings = arena_alloc(a, (x->ncodings + 1) * sizeof(*y->codings));
			for (size_t j = 0; j < x->ncodings; j++) {
				const struct research_code *code = research_code_find(&v, x->codings[j].code_id);
				assert(code);
				y->codings[y->ncodings++] = (struct refi_coding){ .guid = x->codings[j].guid,
										  .code = code->guid, .user = y->user };
			}
		}
	}
	/* memos (and the memos of passages) as notes, names replaced as in the texts */
	size_t nnotes = v.nmemos;
	for (size_t i = 0; i < nsels; i++)
		nnotes += *sels[i].memo != '\0';
	out->notes = arena_alloc(a, (nnotes + 1) * sizeof(*out->notes));
	for (size_t i = 0; i < v.nmemos; i++) {
		struct research_shift *sh;
		size_t nsh;
		out->notes[out->nnotes++] = (struct refi_note){
			.guid = v.memos[i].guid,
			.name = research_pseudo_apply(a, ps, memo_title(c, &v, &v.memos[i]), &sh, &nsh),
			.text = research_pseudo_apply(a, ps, v.memos[i].text, &sh, &nsh) };
	}
	for (size_t i = 0; i < nsels; i++) {
		if (!*sels[i].memo)
			continue;
		struct research_shift *sh;
		size_t nsh;
		out->notes[out->nnotes++] = (struct refi_note){
			.guid = refi_new_guid(a), .name = arena_printf(a, _("Memo on passage %s"), sels[i].guid),
			.text = research_pseudo_apply(a, ps, sels[i].memo, &sh, &nsh) };
	}
	out->codebook_only = !strcmp(format, "qdc");
	export_record(c, EXPORT_RESEARCH, "research_project", project, format, out->codebook_only ? out->ncodes
											   : out->nsources);
	return D_OK;
}

/* ---- import ---------------------------------------------------------------- */

static int add_members(struct ctx *c, long long project, const char *const *members, size_t n, struct errors *e)
{
	long long org = c->who->organisation_id, id;
	if (c->who->account_id)
		return store_research_coder_add(c->st, org, project, c->who->account_id, c->who->display_name,
						refi_new_guid(c->a), &id) ? D_ERROR : D_OK;
	if (!n)
		return store_research_coders_all(c->st, org, project) ? D_ERROR : D_OK;
	for (size_t i = 0; i < n; i++) {
		int r = research_member_add(c, project, members[i], e);
		if (r)
			return r;
	}
	return D_OK;
}

static long long find_guid(const char *const *guids, const long long *ids, size_t n, const char *g)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(guids[i], g))
			return ids[i];
	return 0;
}

int research_import(struct ctx *c, const struct refi_project *p, const char *name, const char *const *members,
		    size_t nmembers, struct errors *e, struct research_import_result *out)
{
	memset(out, 0, sizeof(*out));
	if (!research_may(c))
		return D_FORBIDDEN;
	long long org = c->who->organisation_id, now = ctx_now(c);
	struct arena *a = c->a;
	const char *pname = name && *name ? name : p->name && *p->name ? p->name : _("Imported project");
	char *n = arena_strndup(a, pname, utf8_cut(pname, RESEARCH_NAME_MAX));
	struct research_project rp = { .name = n, .purpose = "", .guid = refi_new_guid(a) };
	struct refi_skip *skips = arena_alloc(a, (p->nskips + 4) * sizeof(*skips));
	if (p->nskips)   /* p->skips is NULL when nothing was skipped */
		memcpy(skips, p->skips, p->nskips * sizeof(*skips));
	size_t nskips = p->nskips;
	if (store_begin(c->st))
		return D_ERROR;
	int r = d_from_store(store_research_project_add(c->st, org, &rp, c->who->account_id, now, &out->project));
	if (!r)
		r = add_members(c, out->project, members, nmembers, e);
	/* users, codes, sources: guid -> id */
	const char **ug = arena_alloc(a, (p->nusers + 1) * sizeof(*ug));
	long long *uid = arena_alloc(a, (p->nusers + 1) * sizeof(*uid));
	for (size_t i = 0; i < p->nusers && !r; i++) {
		ug[i] = p->users[i].guid;
		r = d_from_store(store_research_coder_add(c->st, org, out->project, 0,
							  *p->users[i].name ? p->users[i].name : p->users[i].guid,
							  p->users[i].guid, &uid[i]));
		out->users += !r;
	}
	long long *cid = arena_alloc(a, (p->ncodes + 1) * sizeof(*cid));
	const char **cg = arena_alloc(a, (p->ncodes + 1) * sizeof(*cg));
	for (size_t i = 0; i < p->ncodes && !r; i++) {
		const struct refi_code *k = &p->codes[i];
		assert(k->parent < (int)i);
		struct research_code x = { .parent_id = k->parent >= 0 ? cid[k->parent] : 0, .position = (int)i,
					   .guid = k->guid, .name = k->name,
					   .color = k->color ? k->color : "", .description = k->description ? k->description : "",
					   .codable = k->codable };
		/* a name the store cannot hold (too long) is cut, as a tool may write any length */
		x.name = arena_strndup(a, k->name, utf8_cut(k->name, RESEARCH_NAME_MAX * 4));
		cg[i] = k->guid;
		r = d_from_store(store_research_code_add(c->st, org, out->project, &x, &cid[i]));
		out->codes += !r;
	}
	/* an imported selection by nobody named is the importer's, or a coder "unknown" */
	long long anon = 0;
	for (size_t i = 0; i < p->nsources && !r; i++) {
		const struct refi_source *s = &p->sources[i];
		struct research_source x = { .kind = "document", .guid = s->guid, .name = s->name, .body = s->text,
					     .chars = (long long)s->chars };
		long long sid;
		r = d_from_store(store_research_source_add(c->st, org, out->project, &x, c->who->account_id, now, &sid));
		out->sources += !r;
		for (size_t k = 0; k < s->nsels && !r; k++) {
			const struct refi_selection *sel = &s->sels[k];
			long long coder = *sel->user ? find_guid(ug, uid, p->nusers, sel->user) : 0;
			if (!coder && !anon && c->who->account_id)
				r = d_from_store(store_research_coder_of(c->st, org, out->project, c->who->account_id, &anon));
			if (!coder && !anon && !r)
				r = d_from_store(store_research_coder_add(c->st, org, out->project, 0, _("unknown"),
									  refi_new_guid(a), &anon));
			if (!coder)
				coder = anon;
			struct research_coding *kc = arena_alloc(a, (sel->ncodings + 1) * sizeof(*kc));
			size_t nk = 0;
			for (size_t j = 0; j < sel->ncodings; j++) {
				long long code = find_guid(cg, cid, p->ncodes, sel->codings[j].code);
				bool twice = false;
				for (size_t q = 0; q < nk; q++)
					twice |= kc[q].code_id == code;
				if (code && !twice)
					kc[nk++] = (struct research_coding){ .code_id = code, .guid = sel->codings[j].guid };
			}
			struct research_selection y = { .source_id = sid, .coder_id = coder, .guid = sel->guid,
							.start = (long long)sel->start, .end = (long long)sel->end,
							.memo = "", .codings = kc, .ncodings = nk };
			long long yid;
			if (!r)
				r = d_from_store(store_research_selection_add(c->st, org, out->project, &y, now, &yid));
			out->selections += !r;
			out->codings += r ? 0 : nk;
		}
	}
	for (size_t i = 0; i < p->nnotes && !r; i++) {
		const char *text = *p->notes[i].text ? p->notes[i].text : p->notes[i].name;
		if (!*text)
			continue;
		struct research_memo m = { .target = "project", .target_id = out->project, .guid = p->notes[i].guid,
					   .text = (char *)text, .updated_at = now };
		long long mid;
		r = d_from_store(store_research_memo_add(c->st, org, out->project, &m, &mid));
		out->notes += !r;
	}
	if (!r)
		r = audit(c, "research.import", "research_project", out->project, "%s", n) ? D_ERROR : D_OK;
	if (r || store_commit(c->st)) {
		store_rollback(c->st);
		return r ? r : D_ERROR;
	}
	out->skips = skips;
	out->nskips = nskips;
	return D_OK;
}
