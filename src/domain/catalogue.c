/* catalogue.c — the catalogue of learning forms: the built-in forms copied
 * into the organisation on first use, the coach's changes, and the matcher.
 * The matcher weighs seed 004's prior questions as its notes put them: what
 * must be learned (knowledge, or skills and behaviour) and whose goal it is
 * (individual, team, organisation) count most, where and how (the learning
 * preference) next, and the form's place in 70/20/10 breaks ties in favour
 * of learning by working, which the seed calls the more effective
 * (r. 266-276). */
#include "catalogue.h"
#include "audit.h"
#include "validate.h"
#include "core/buf.h"
#include "core/i18n.h"
#include "store/learning_form.h"
#include "store/store.h"
#include "store_rc.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#define W_WHAT 30
#define W_WHO 30
#define W_WHO_SOCIAL 10   /* a social form for a team or organisation goal of another level */
#define W_WHERE 20
#define W_HOW 20

static const char *const what_answers[] = { "knowledge", "skills", NULL };
static const char *const who_answers[] = { "individual", "team", "organisation", NULL };
static const char *const where_answers[] = { "workplace", "classroom", "online", NULL };
static const char *const how_answers[] = { "watching", "doing", "acquiring", NULL };

const char *const *const catalogue_answers[CQ_COUNT] = { what_answers, who_answers, where_answers, how_answers };
const char *const catalogue_question_key[CQ_COUNT] = { "what", "who", "where", "how" };

const char *catalogue_question_label(enum catalogue_question q)
{
	switch (q) {
	case CQ_WHAT: return _("What must be learned");
	case CQ_WHO: return _("Whose learning goal is it");
	case CQ_WHERE: return _("Where will it be learned");
	case CQ_HOW: return _("Learning preference");
	default: return "";
	}
}

const char *catalogue_answer_label(enum catalogue_question q, const char *v)
{
	static const char *const labels[][2] = {
		{ "knowledge", N_("new knowledge") },
		{ "skills", N_("new skills and behaviour") },
		{ "individual", N_("an individual goal") },
		{ "team", N_("a team goal") },
		{ "organisation", N_("an organisation goal") },
		{ "workplace", N_("at the workplace") },
		{ "classroom", N_("in a classroom") },
		{ "online", N_("online") },
		{ "watching", N_("watching others at work") },
		{ "doing", N_("taking part, just doing it") },
		{ "acquiring", N_("acquiring knowledge, practising and discovering") },
	};
	if (!catalogue_answer_valid(q, v))
		return v ? v : "";
	for (size_t i = 0; i < sizeof(labels) / sizeof(labels[0]); i++)
		if (!strcmp(labels[i][0], v))
			return _(labels[i][1]);
	return v;
}

bool catalogue_answer_valid(enum catalogue_question q, const char *v)
{
	if (q >= CQ_COUNT || !v)
		return false;
	for (const char *const *a = catalogue_answers[q]; *a; a++)
		if (!strcmp(*a, v))
			return true;
	return false;
}

static const char *placement_why(int ttt)
{
	return ttt == 70 ? _("70: learning by working") :
	       ttt == 20 ? _("20: learning through coaching and feedback") :
			   _("10: learning through formal training and courses");
}

static void add_part(struct buf *b, const char *s)
{
	if (b->len)
		buf_adds(b, "; ");
	buf_adds(b, s);
}

static char *why_of(struct arena *a, const struct learning_form *f, const char *const q[CQ_COUNT])
{
	struct buf b;
	buf_init(&b, 128);
	if (!strcmp(f->aim, q[CQ_WHAT]))
		add_part(&b, !strcmp(f->aim, "knowledge") ? _("aims at new knowledge")
							   : _("aims at new skills and behaviour"));
	if (!strcmp(f->level, q[CQ_WHO]))
		add_part(&b, !strcmp(f->level, "individual") ? _("suits an individual learning goal")
			     : !strcmp(f->level, "team")     ? _("suits a team's learning goal")
							     : _("suits a goal of the whole organisation"));
	else if (f->social && strcmp(q[CQ_WHO], "individual"))
		add_part(&b, _("people learn together in it"));
	if (!strcmp(f->setting, q[CQ_WHERE]))
		add_part(&b, !strcmp(f->setting, "workplace") ? _("takes place at the workplace")
			     : !strcmp(f->setting, "classroom") ? _("takes place in a classroom")
								: _("takes place online"));
	if (!strcmp(f->preference, q[CQ_HOW]))
		add_part(&b, !strcmp(f->preference, "watching") ? _("fits learning by watching others")
			     : !strcmp(f->preference, "doing")  ? _("fits learning by doing")
								: _("fits acquiring knowledge, practising and discovering"));
	add_part(&b, placement_why(f->seventy_twenty_ten));
	char *s = arena_strndup(a, b.ptr, b.len);
	buf_release(&b);
	return s;
}

static int score_of(const struct learning_form *f, const char *const q[CQ_COUNT])
{
	int s = 0;
	if (!strcmp(f->aim, q[CQ_WHAT]))
		s += W_WHAT;
	if (!strcmp(f->level, q[CQ_WHO]))
		s += W_WHO;
	else if (f->social && strcmp(q[CQ_WHO], "individual"))
		s += W_WHO_SOCIAL;
	if (!strcmp(f->setting, q[CQ_WHERE]))
		s += W_WHERE;
	if (!strcmp(f->preference, q[CQ_HOW]))
		s += W_HOW;
	s += f->seventy_twenty_ten == 70 ? 3 : f->seventy_twenty_ten == 20 ? 2 : 1;
	return s;
}

static int by_score(const void *x, const void *y)
{
	const struct catalogue_match *a = x, *b = y;
	if (a->score != b->score)
		return b->score - a->score;
	return (a->form > b->form) - (a->form < b->form);   /* catalogue order */
}

void catalogue_rank(struct arena *a, const struct learning_form *forms, size_t n, const char *const q[CQ_COUNT],
		    struct catalogue_match **out, size_t *nout)
{
	assert(out && nout);
	struct catalogue_match *m = arena_alloc(a, (n + 1) * sizeof(*m));
	for (size_t i = 0; i < n; i++) {
		m[i].form = &forms[i];
		m[i].score = score_of(&forms[i], q);
		m[i].why = why_of(a, &forms[i], q);
	}
	qsort(m, n, sizeof(*m), by_score);
	*out = m;
	*nout = n;
}

int catalogue_install_all(struct ctx *c)
{
	long long org = c->who->organisation_id;
	for (size_t i = 0; i < builtin_nlearning_forms; i++) {
		const struct builtin_learning_form *b = &builtin_learning_forms[i];
		struct learning_form f = {
			.position = (int)i + 1,
			.key = (char *)b->key,
			.name = (char *)b->name,
			.description = (char *)b->description,
			.seventy_twenty_ten = b->seventy_twenty_ten,
			.aim = (char *)b->aim,
			.social = b->social,
			.level = (char *)b->level,
			.setting = (char *)b->setting,
			.preference = (char *)b->preference,
			.name_source = (char *)b->name_source,
			.source = BUILTIN_OWN,
		};
		int r = store_learning_form_add(c->st, org, &f);
		if (r && r != ST_CONFLICT)
			return d_from_store(r);
	}
	return D_OK;
}

int catalogue_list(struct ctx *c, struct learning_form **out, size_t *n)
{
	assert(out && n);
	long long org = c->who->organisation_id;
	return d_from_store(store_learning_form_list(c->st, c->a, org, out, n));
}

int catalogue_form(struct ctx *c, const char *key, struct learning_form *out)
{
	struct learning_form *all;
	size_t n;
	int d = catalogue_list(c, &all, &n);
	if (d)
		return d;
	for (size_t i = 0; key && i < n; i++)
		if (!strcmp(all[i].key, key)) {
			*out = all[i];
			return D_OK;
		}
	return D_NOTFOUND;
}

int catalogue_match(struct ctx *c, const char *const q[CQ_COUNT], struct errors *errs, struct catalogue_match **out,
		    size_t *n)
{
	for (int i = 0; i < CQ_COUNT; i++)
		if (!catalogue_answer_valid((enum catalogue_question)i, q[i]))
			errors_add(c, errs, catalogue_question_key[i], _("%s: choose one of the answers given."),
				   catalogue_question_label((enum catalogue_question)i));
	if (errs->n)
		return D_INVALID;
	struct learning_form *forms;
	size_t nf;
	int d = catalogue_list(c, &forms, &nf);
	if (d)
		return d;
	catalogue_rank(c->a, forms, nf, q, out, n);
	return D_OK;
}

int catalogue_form_save(struct ctx *c, const struct learning_form *f, struct errors *errs)
{
	struct learning_form old;
	int d = catalogue_form(c, f->key, &old);
	if (d)
		return d;
	check_line(c, errs, "name", _("Name"), f->name, 1, 200);
	if (f->description && strlen(f->description) > 2000)
		errors_add(c, errs, "description", _("%s: use at most %d characters."), _("Description"), 2000);
	if (f->seventy_twenty_ten != 70 && f->seventy_twenty_ten != 20 && f->seventy_twenty_ten != 10)
		errors_add(c, errs, "seventy_twenty_ten", "%s", _("Place in 70/20/10: choose 70, 20 or 10."));
	if (!catalogue_answer_valid(CQ_WHAT, f->aim))
		errors_add(c, errs, "aim", _("%s: choose one of the answers given."), _("Aim"));
	if (!catalogue_answer_valid(CQ_WHO, f->level))
		errors_add(c, errs, "level", _("%s: choose one of the answers given."), _("Suits the goal of"));
	if (!catalogue_answer_valid(CQ_WHERE, f->setting))
		errors_add(c, errs, "setting", _("%s: choose one of the answers given."), _("Place of learning"));
	if (!catalogue_answer_valid(CQ_HOW, f->preference))
		errors_add(c, errs, "preference", _("%s: choose one of the answers given."), _("Learning preference"));
	if (errs->n)
		return D_INVALID;
	struct learning_form nf = *f;
	nf.source = CATALOGUE_SOURCE_OWN;
	int r = store_learning_form_update(c->st, c->who->organisation_id, &nf);
	if (r)
		return d_from_store(r);
	audit(c, "catalogue.form", "learning_form", old.id, "%s", f->key);
	return D_OK;
}
