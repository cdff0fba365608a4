/* survey.c — installing the built-in instruments (their content is in
 * builtin_instruments.c), waves, answering through a link and the response
 * accounting. */
#include "survey.h"
#include "anonymous_mix.h"
#include "domain/person.h"
#include "survey_compare.h"
#include "audit.h"
#include "builtin.h"
#include "schedule.h"
#include "validate.h"
#include "core/die.h"
#include "core/i18n.h"
#include "core/utf8.h"
#include "stats/stats.h"
#include "stats/three60.h"
#include "store/design.h"
#include "store/group.h"
#include "store/instrument.h"
#include "store/store.h"
#include "core/compiler.h"

#include <assert.h>
#include <math.h>

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

/* ---- built-in instruments ---- */

/* The first version of a built-in questionnaire (builtin.h): its sections
 * and items, the points of a scale as options 1..n. A bipolar item's poles
 * label its end points that have no label of their own, so that every
 * scale is labelled at least at its ends wherever its options are shown. */
static void builtin_version(struct arena *a, const struct builtin_questionnaire *q, struct instrument_version *v)
{
	v->nsections = q->nsections;
	v->sections = arena_alloc(a, (q->nsections + 1) * sizeof(*v->sections));
	for (size_t s = 0; s < q->nsections; s++)
		v->sections[s] = (struct instrument_section){ 0, (int)s + 1, (char *)q->sections[s].title,
							      (char *)q->sections[s].intro };
	v->nitems = q->nquestions;
	v->items = arena_alloc(a, (q->nquestions + 1) * sizeof(*v->items));
	for (size_t i = 0; i < q->nquestions; i++) {
		const struct builtin_question *b = &q->questions[i];
		struct instrument_item *it = &v->items[i];
		it->section_id = b->section;
		it->code = (char *)b->code;
		it->kind = (char *)b->kind;
		it->text = (char *)b->text;
		it->scale = (char *)b->scale;
		it->left_label = (char *)(b->left ? b->left : "");
		it->right_label = (char *)(b->right ? b->right : "");
		it->reversed = b->reversed;
		it->required = 0;
		it->allows_dont_know = b->dont_know;
		size_t n = b->points ? (size_t)b->points->n : 0;
		it->noptions = n;
		it->options = arena_alloc(a, (n + 1) * sizeof(*it->options));
		for (size_t k = 0; k < n; k++) {
			const char *label = b->points->labels[k] ? b->points->labels[k] : "";
			if (!*label && !strcmp(b->kind, "bipolar"))
				label = k == 0 ? it->left_label : k + 1 == n ? it->right_label : "";
			it->options[k] = (struct item_option){ (int)k + 1, (int)k + 1, (char *)label, 0 };
		}
	}
}

int instrument_install(struct ctx *c, const char *key, long long now, long long *id)
{
	long long org = c->who->organisation_id;
	/* only a built-in key: an imported questionnaire may have any key */
	const struct builtin_instrument_info *all, *b = NULL;
	size_t n = survey_builtins(&all);
	for (size_t i = 0; key && i < n && !b; i++)
		if (!strcmp(all[i].key, key))
			b = &all[i];
	const struct builtin_questionnaire *q = builtin_questionnaire(key);
	if (!b || !q)
		return D_NOTFOUND;
	struct instrument have;
	int r = store_instrument_by_key(c->st, c->a, org, key, &have);
	if (r == ST_OK) {
		*id = have.id;
		return D_OK;
	}
	if (r != ST_NOTFOUND)
		return D_ERROR;
	struct instrument in = { 0, (char *)b->key, (char *)b->name, "", (char *)b->source, now, 0, 0 };
	struct instrument_version v = { 0 };
	builtin_version(c->a, q, &v);
	v.created_at = now;
	if (store_begin(c->st))
		return D_ERROR;
	r = store_instrument_add(c->st, org, &in, id);
	v.instrument_id = *id;
	if (!r)
		r = store_version_add(c->st, org, &v, NULL);
	if (r || store_commit(c->st)) {
		store_rollback(c->st);
		return D_ERROR;
	}
	audit(c, "instrument.install", "instrument", *id, "%s", key);
	return D_OK;
}

int instrument_by_key(struct ctx *c, const char *key, long long now, struct instrument *out)
{
	long long org = c->who->organisation_id, id;
	if (!key || !*key)
		return D_NOTFOUND;
	int r = store_instrument_by_key(c->st, c->a, org, key, out);
	if (r == ST_OK)
		return D_OK;
	if (r != ST_NOTFOUND)
		return D_ERROR;
	int d = instrument_install(c, key, now, &id);
	if (d)
		return d;
	return store_instrument_get(c->st, c->a, org, id, out) ? D_ERROR : D_OK;
}

static int by_entry_name(const void *a, const void *b)
{
	const struct instrument_entry *x = a, *y = b;
	int d = strcmp(x->name, y->name);
	return d ? d : strcmp(x->key, y->key);
}

int instrument_catalogue(struct ctx *c, struct instrument_entry **out, size_t *n)
{
	struct instrument *in;
	size_t ni;
	const struct builtin_instrument_info *b;
	size_t nb = survey_builtins(&b);
	if (store_instrument_list(c->st, c->a, c->who->organisation_id, &in, &ni))
		return D_ERROR;
	*out = arena_alloc(c->a, (ni + nb + 1) * sizeof(**out));
	*n = 0;
	for (size_t i = 0; i < ni; i++)
		(*out)[(*n)++] = (struct instrument_entry){ in[i].id, in[i].key, in[i].name, in[i].versions };
	for (size_t k = 0; k < nb; k++) {
		bool have = false;
		for (size_t i = 0; i < ni && !have; i++)
			have = !strcmp(in[i].key, b[k].key);
		if (!have)
			(*out)[(*n)++] = (struct instrument_entry){ 0, b[k].key, b[k].name, 1 };
	}
	qsort(*out, *n, sizeof(**out), by_entry_name);
	return D_OK;
}

int instrument_open(struct ctx *c, long long id, struct instrument *in, struct instrument_version *v)
{
	long long org = c->who->organisation_id;
	int r = store_instrument_get(c->st, c->a, org, id, in);
	if (r == ST_NOTFOUND || (!r && !in->latest_version_id))
		return D_NOTFOUND;
	return r || store_version_get(c->st, c->a, org, in->latest_version_id, v) ? D_ERROR : D_OK;
}

int instrument_list(struct ctx *c, struct instrument **out, size_t *n)
{
	return store_instrument_list(c->st, c->a, c->who->organisation_id, out, n) ? D_ERROR : D_OK;
}

/* A wave that has closed (by date: nothing marks the moment) with
 * anonymous hand-ins still waiting gets them mixed in before anything of
 * its results is read (anonymous_mix.h). */
static void wave_settle(struct ctx *c, const struct wave *w)
{
	long long waiting = 0;
	if (!w->anonymous || !anonymous_mix_wanted(c->st) || wave_phase_now(c, w) != WAVE_CLOSED ||
	    store_pending_count(c->st, c->who->organisation_id, w->id, &waiting) || !waiting)
		return;
	if (anonymous_mix(c->st, c->a, c->who->organisation_id, w->id, true, NULL))
		warn("wave %lld: its last anonymous hand-ins could not be mixed in yet: %s", w->id, store_errmsg(c->st));
}

int wave_open(struct ctx *c, long long id, struct wave *w, struct instrument_version *v)
{
	long long org = c->who->organisation_id;
	int r = store_wave_get(c->st, c->a, org, id, w);
	if (r == ST_NOTFOUND)
		return D_NOTFOUND;
	if (r || store_version_get(c->st, c->a, org, w->version_id, v))
		return D_ERROR;
	wave_settle(c, w);
	return D_OK;
}

int wave_list(struct ctx *c, struct wave **out, size_t *n)
{
	/* what lists waves goes on to read their results (reports, the
	 * research overview): the closed ones first get every hand-in */
	if (anonymous_mix_wanted(c->st)) {
		char today[11];
		struct wave_ref *ref;
		size_t nref;
		date_today(ctx_now(c), today);
		if (store_pending_closed_waves(c->st, c->a, c->who->organisation_id, today, &ref, &nref))
			return D_ERROR;
		for (size_t i = 0; i < nref; i++)
			if (anonymous_mix(c->st, c->a, ref[i].organisation_id, ref[i].wave_id, true, NULL))
				warn("wave %lld: its last anonymous hand-ins could not be mixed in yet: %s", ref[i].wave_id,
				     store_errmsg(c->st));
	}
	return store_wave_list(c->st, c->a, c->who->organisation_id, out, n) ? D_ERROR : D_OK;
}

int wave_populations(struct ctx *c, struct population_choices *out)
{
	memset(out, 0, sizeof(*out));
	long long org = c->who->organisation_id;
	struct learning_group *g;
	struct programme *p;
	struct unit *u;
	size_t ng, np, nu;
	if (store_group_list(c->st, c->a, org, 0, 0, &g, &ng) || store_programme_list(c->st, c->a, org, &p, &np) ||
	    store_unit_list(c->st, c->a, org, false, &u, &nu))
		return D_ERROR;
	out->programmes = arena_alloc(c->a, (np + 1) * sizeof(*out->programmes));
	for (size_t i = 0; i < np; i++)
		out->programmes[out->nprogrammes++] = (struct population_choice){
			arena_printf(c->a, "programme:%lld", p[i].id), p[i].name };
	size_t cap = 0;
	for (size_t i = 0; i < np; i++) {
		struct batch *b;
		size_t nb;
		if (store_batch_list(c->st, c->a, org, p[i].id, &b, &nb))
			return D_ERROR;
		for (size_t k = 0; k < nb; k++) {
			if (out->nbatches == cap)
				out->batches = arena_grow(c->a, out->batches, out->nbatches, cap = cap ? 2 * cap : 16,
							  sizeof(*out->batches));
			out->batches[out->nbatches++] = (struct population_choice){
				arena_printf(c->a, "batch:%lld", b[k].id), arena_printf(c->a, "%s · %s", p[i].name, b[k].name) };
		}
	}
	out->groups = arena_alloc(c->a, (ng + 1) * sizeof(*out->groups));
	for (size_t i = 0; i < ng; i++)
		out->groups[out->ngroups++] = (struct population_choice){
			arena_printf(c->a, "group:%lld", g[i].id),
			arena_printf(c->a, "%s · %s · %s", g[i].programme_name, g[i].batch_name, g[i].name) };
	out->units = arena_alloc(c->a, (nu + 1) * sizeof(*out->units));
	for (size_t i = 0; i < nu; i++)
		out->units[out->nunits++] = (struct population_choice){ arena_printf(c->a, "units:%lld", u[i].id), u[i].name };
	return D_OK;
}

/* ---- waves ---- */

void wave_token(const struct wave *w, long long invitation_id, char out[SECRET_HEX])
{
	unsigned char mac[crypto_auth_hmacsha256_BYTES];
	char msg[32];
	int n = snprintf(msg, sizeof(msg), "%lld", invitation_id);
	crypto_auth_hmacsha256(mac, (const unsigned char *)msg, (unsigned long long)n, w->link_key);
	sodium_bin2hex(out, SECRET_HEX, mac, sizeof(mac));
}

/* The enrolments of the population: a group, every group of a batch or of
 * a programme. */
static int population(struct ctx *c, const char *kind, long long id, struct enrolment **out, size_t *n)
{
	long long org = c->who->organisation_id;
	struct learning_group *g = NULL;
	size_t ng = 0;
	*out = NULL;
	*n = 0;
	if (!strcmp(kind, "group")) {
		struct learning_group one;
		if (store_group_get(c->st, c->a, org, id, &one))
			return D_NOTFOUND;
		return store_enrolment_list(c->st, c->a, org, one.id, out, n) ? D_ERROR : D_OK;
	}
	if (!strcmp(kind, "batch")) {
		struct batch b;
		if (store_batch_get(c->st, c->a, org, id, &b) || store_group_list(c->st, c->a, org, 0, id, &g, &ng))
			return D_NOTFOUND;
	} else if (!strcmp(kind, "programme")) {
		struct programme p;
		if (store_programme_get(c->st, c->a, org, id, &p) || store_group_list(c->st, c->a, org, id, 0, &g, &ng))
			return D_NOTFOUND;
	} else if (!strcmp(kind, "units")) {
		/* everyone working in the unit or a unit below it */
		struct unit u;
		struct person *p;
		size_t np;
		long long total;
		struct person_filter f = { NULL, id, 0, 0, 1000000, 0 };
		if (store_unit_get(c->st, c->a, org, id, &u))
			return D_NOTFOUND;
		if (store_person_list(c->st, c->a, org, &f, &p, &np, &total))
			return D_ERROR;
		*out = arena_alloc(c->a, (np + 1) * sizeof(**out));
		for (size_t i = 0; i < np; i++)
			(*out)[(*n)++] = (struct enrolment){ .person_id = p[i].id, .status = "" };
		return D_OK;
	} else {
		return D_NOTFOUND;
	}
	size_t cap = 0;
	for (size_t i = 0; i < ng; i++) {
		struct enrolment *en;
		size_t k;
		if (store_enrolment_list(c->st, c->a, org, g[i].id, &en, &k))
			return D_ERROR;
		for (size_t j = 0; j < k; j++) {
			if (*n == cap)
				*out = arena_grow(c->a, *out, *n, cap = cap ? cap * 2 : 64, sizeof(**out));
			(*out)[(*n)++] = en[j];
		}
	}
	return D_OK;
}

/* The people given, each of the organisation and listed once; D_NOTFOUND
 * when any is not, or none is given. */
static int people_population(struct ctx *c, const long long *people, size_t np, struct enrolment **out, size_t *n)
{
	*n = 0;
	*out = arena_alloc(c->a, (np + 1) * sizeof(**out));
	for (size_t i = 0; i < np; i++) {
		struct person p;
		if (store_person_get(c->st, c->a, c->who->organisation_id, people[i], &p))
			return D_NOTFOUND;
		for (size_t k = 0; k < i; k++)
			if (people[k] == people[i])
				return D_NOTFOUND;
		(*out)[(*n)++] = (struct enrolment){ .person_id = people[i], .status = "" };
	}
	return np ? D_OK : D_NOTFOUND;
}

/* A wave's purpose, as the respondents read it: optional (blank is none,
 * NULL), valid UTF-8 of at most WAVE_PURPOSE_MAX characters. */
static const char *purpose_checked(struct ctx *c, struct errors *e, const char *text)
{
	const char *purpose = text && text[strspn(text, " \t\r\n")] ? text : NULL;
	if (purpose && !utf8_valid(purpose, strlen(purpose)))
		errors_add(c, e, "purpose", _("%s: the text is not valid UTF-8."), _("Purpose"));
	else if (purpose && utf8_length(purpose) > WAVE_PURPOSE_MAX)
		errors_add(c, e, "purpose", _("%s: use at most %d characters."), _("Purpose"), WAVE_PURPOSE_MAX);
	return purpose;
}

static int create(struct ctx *c, const struct wave_new *w, const long long *people, size_t npeople, long long now,
		  struct errors *e, long long *id);

int wave_create(struct ctx *c, const struct wave_new *w, long long now, struct errors *e, long long *id)
{
	return create(c, w, NULL, 0, now, e, id);
}

int wave_create_people(struct ctx *c, const struct wave_new *w, const long long *people, size_t npeople, long long now,
		       struct errors *e, long long *id)
{
	struct wave_new x = *w;
	x.population = "people";
	x.population_id = 0;
	return create(c, &x, people, npeople, now, e, id);
}

static int create(struct ctx *c, const struct wave_new *w, const long long *people, size_t npeople, long long now,
		  struct errors *e, long long *id)
{
	long long org = c->who->organisation_id;
	struct instrument in;
	if (store_instrument_get(c->st, c->a, org, w->instrument_id, &in) || !in.latest_version_id)
		errors_add(c, e, "instrument_id", "%s", _("Choose a questionnaire from the list."));
	check_line(c, e, "name", _("Name"), w->name ? w->name : "", 1, WAVE_NAME_MAX);
	const char *purpose = purpose_checked(c, e, w->purpose);
	if (!w->opens_on || !date_valid(w->opens_on))
		errors_add(c, e, "opens_on", "%s", _("Give the date as YYYY-MM-DD, such as 2026-09-01."));
	if (!w->closes_on || !date_valid(w->closes_on))
		errors_add(c, e, "closes_on", "%s", _("Give the date as YYYY-MM-DD, such as 2026-09-01."));
	else if (w->opens_on && date_valid(w->opens_on) && strcmp(w->closes_on, w->opens_on) < 0)
		errors_add(c, e, "closes_on", "%s", _("The wave closes on or after the day it opens."));
	struct enrolment *en = NULL;
	size_t n = 0;
	int d = w->population && !strcmp(w->population, "people") ? people_population(c, people, npeople, &en, &n)
								    : population(c, w->population ? w->population : "", w->population_id, &en, &n);
	if (d == D_NOTFOUND)
		errors_add(c, e, "population", "%s", _("Choose the group, batch, programme or unit to send the questionnaire to."));
	else if (d)
		return d;
	size_t asked = 0;
	for (size_t i = 0; i < n; i++)
		asked += strcmp(en[i].status, "stopped") != 0;
	if (d == D_OK && w->anonymous && asked < SURVEY_MIN_RESPONSES)
		errors_add(c, e, "population",
			   _("An anonymous wave asks at least %d people: with fewer, no answer could ever be shown without giving someone away. This population has %zu."),
			   SURVEY_MIN_RESPONSES, asked);
	if (e->n)
		return D_INVALID;
	struct wave x = { 0 };
	x.version_id = in.latest_version_id;
	x.name = (char *)w->name;
	x.population = (char *)w->population;
	x.population_id = w->population_id;
	x.opens_on = (char *)w->opens_on;
	x.closes_on = (char *)w->closes_on;
	x.anonymous = w->anonymous;
	x.purpose = (char *)purpose;
	x.created_by = c->who->account_id;
	x.created_at = now;
	randombytes_buf(x.link_key, sizeof(x.link_key));
	if (store_begin(c->st))
		return D_ERROR;
	int r = store_wave_add(c->st, org, &x, id);
	x.id = *id;
	for (size_t i = 0; i < n && !r; i++) {
		/* everyone enrolled is counted; those who stopped are not asked */
		struct invitation inv = { 0 };
		inv.wave_id = *id;
		inv.person_id = en[i].person_id;
		inv.enrolment_status = en[i].status;
		/* the hash is of a token that depends on the invitation's id, so
		 * the row first gets a placeholder hash, then its own */
		unsigned char h[HASH_LEN];
		randombytes_buf(h, sizeof(h));
		long long iid;
		r = store_invitation_add(c->st, org, &inv, h, now, &iid);
		if (!r) {
			char token[SECRET_HEX];
			wave_token(&x, iid, token);
			secret_hash(token, h);
			r = store_invitation_set_hash(c->st, org, iid, h);
		}
	}
	if (!r)
		r = wave_report_cells(c, &x) ? ST_ERROR : ST_OK;
	if (r || store_commit(c->st)) {
		store_rollback(c->st);
		return r == ST_CONFLICT ? D_CONFLICT : D_ERROR;
	}
	audit(c, "wave.create", "wave", *id, "%zu people", n);
	return D_OK;
}

int wave_create_360(struct ctx *c, long long instrument_id, const char *name, const char *purpose_text, long long subject_id,
		    const struct rater *raters, size_t n, const char *opens_on, const char *closes_on, long long now,
		    struct errors *e, long long *id)
{
	long long org = c->who->organisation_id;
	struct instrument in;
	struct person subject;
	if (store_instrument_get(c->st, c->a, org, instrument_id, &in) || !in.latest_version_id)
		errors_add(c, e, "instrument_id", "%s", _("Choose a questionnaire from the list."));
	check_line(c, e, "name", _("Name"), name ? name : "", 1, WAVE_NAME_MAX);
	const char *purpose = purpose_checked(c, e, purpose_text);
	if (!opens_on || !date_valid(opens_on))
		errors_add(c, e, "opens_on", "%s", _("Give the date as YYYY-MM-DD, such as 2026-09-01."));
	if (!closes_on || !date_valid(closes_on))
		errors_add(c, e, "closes_on", "%s", _("Give the date as YYYY-MM-DD, such as 2026-09-01."));
	else if (opens_on && date_valid(opens_on) && strcmp(closes_on, opens_on) < 0)
		errors_add(c, e, "closes_on", "%s", _("The wave closes on or after the day it opens."));
	if (!subject_id || store_person_get(c->st, c->a, org, subject_id, &subject))
		errors_add(c, e, "subject", "%s", _("Choose the person who asks for feedback."));
	if (!n)
		errors_add(c, e, "raters", "%s", _("Invite at least one rater."));
	for (size_t i = 0; i < n; i++) {
		const char *r = raters[i].role ? raters[i].role : "";
		if (strcmp(r, "manager") && strcmp(r, "peer") && strcmp(r, "staff") && strcmp(r, "other")) {
			errors_add(c, e, "raters", _("Line %zu: the category is manager, peer, staff or other."), i + 1);
			break;
		}
		if (!raters[i].person_id) {
			const char *mail = raters[i].email ? raters[i].email : "";
			if (!email_plausible(mail)) {
				errors_add(c, e, "raters", _("Line %zu: give an employee number, or the e-mail address of a rater outside the organisation."), i + 1);
				break;
			}
			if (!strcmp(r, "manager")) {
				errors_add(c, e, "raters", _("Line %zu: the own manager is a person of the organisation, shown by name; a rater from outside is a peer, staff or other."), i + 1);
				break;
			}
			for (size_t k = 0; k < i; k++)
				if (!raters[k].person_id && raters[k].email && !strcasecmp(raters[k].email, mail)) {
					errors_add(c, e, "raters", _("Line %zu: this rater is on the list twice."), i + 1);
					k = i;
					i = n;
				}
			continue;
		}
		/* a rater typed or picked: by name, as the coach chose them */
		struct person rp;
		if (store_person_get(c->st, c->a, org, raters[i].person_id, &rp)) {
			errors_add(c, e, "raters", "%s", _("A rater is not a person of your organisation: choose the raters from the lists."));
			break;
		}
		if (raters[i].person_id == subject_id) {
			errors_add(c, e, "raters", _("%s asks for the feedback and rates themself already: leave them out of the raters."),
				   rp.name);
			break;
		}
		for (size_t k = 0; k < i; k++)
			if (raters[k].person_id == raters[i].person_id) {
				errors_add(c, e, "raters", _("%s is on the list of raters twice: choose each rater once, in one category."),
					   rp.name);
				k = i;
				i = n;
			}
	}
	if (e->n)
		return D_INVALID;
	struct wave x = { 0 };
	x.version_id = in.latest_version_id;
	x.name = (char *)name;
	x.population = "people";
	x.opens_on = (char *)opens_on;
	x.closes_on = (char *)closes_on;
	x.anonymous = 1;
	x.subject_id = subject_id;
	x.purpose = (char *)purpose;
	x.created_by = c->who->account_id;
	x.created_at = now;
	randombytes_buf(x.link_key, sizeof(x.link_key));
	if (store_begin(c->st))
		return D_ERROR;
	int r = store_wave_add(c->st, org, &x, id);
	x.id = *id;
	for (size_t i = 0; i <= n && !r; i++) {
		struct invitation inv = { 0 };
		inv.wave_id = *id;
		inv.person_id = i < n ? raters[i].person_id : subject_id;
		inv.email = (char *)(i < n && !raters[i].person_id ? raters[i].email : "");
		inv.rater_role = (char *)(i < n ? raters[i].role : "self");
		unsigned char h[HASH_LEN];
		randombytes_buf(h, sizeof(h));
		long long iid;
		r = store_invitation_add(c->st, org, &inv, h, now, &iid);
		if (!r) {
			char token[SECRET_HEX];
			wave_token(&x, iid, token);
			secret_hash(token, h);
			r = store_invitation_set_hash(c->st, org, iid, h);
		}
	}
	if (!r)
		r = wave_report_cells(c, &x) ? ST_ERROR : ST_OK;
	if (r || store_commit(c->st)) {
		store_rollback(c->st);
		if (r == ST_INVALID || r == ST_CONFLICT) {
			errors_add(c, e, "raters", "%s", _("A rater is not a person of the organisation, or is on the list twice."));
			return D_INVALID;
		}
		return D_ERROR;
	}
	audit(c, "wave.create", "wave", *id, "360 about person %lld, %zu raters", subject_id, n);
	return D_OK;
}

/* ---- what a response is reported under ---- */

struct person_unit {
	long long id, unit;
};

static int by_person(const void *a, const void *b)
{
	long long x = ((const struct person_unit *)a)->id, y = ((const struct person_unit *)b)->id;
	return (x > y) - (x < y);
}

/* The group of a person in the wave's population, or 0. */
static long long group_in_population(struct ctx *c, const struct wave *w, long long person)
{
	long long org = c->who->organisation_id, group = 0;
	if (!person || w->subject_id)
		return 0;
	if (!strcmp(w->population, "group"))
		return w->population_id;
	if (strcmp(w->population, "batch") && strcmp(w->population, "programme"))
		return 0;  /* a wave to units has no group */
	long long programme = w->population_id;
	struct batch b;
	if (!strcmp(w->population, "batch"))
		programme = store_batch_get(c->st, c->a, org, w->population_id, &b) ? 0 : b.programme_id;
	if (!programme || store_enrolment_in_programme(c->st, org, programme, person, &group))
		return 0;
	return group;
}

int wave_report_cells(struct ctx *c, const struct wave *w)
{
	long long org = c->who->organisation_id;
	struct invitation *inv;
	struct person *people;
	struct unit *units;
	size_t n, np, nu;
	long long total;
	struct person_filter all = { NULL, 0, 1, 0, 10000000, 0 };
	if (store_invitation_list(c->st, c->a, org, w->id, &inv, &n) ||
	    store_person_list(c->st, c->a, org, &all, &people, &np, &total) ||
	    store_unit_list(c->st, c->a, org, false, &units, &nu))
		return D_ERROR;
	struct person_unit *pu = arena_alloc(c->a, (np + 1) * sizeof(*pu));
	for (size_t i = 0; i < np; i++)
		pu[i] = (struct person_unit){ people[i].id, people[i].unit_id };
	qsort(pu, np, sizeof(*pu), by_person);
	struct unit_parent *tree = arena_alloc(c->a, (nu + 1) * sizeof(*tree));
	for (size_t i = 0; i < nu; i++)
		tree[i] = (struct unit_parent){ units[i].id, units[i].parent_id };
	/* the cells of those asked (the stopped ones never answer) */
	struct cell_person *cell = arena_alloc(c->a, (n + 1) * sizeof(*cell));
	size_t *asked = arena_alloc(c->a, (n + 1) * sizeof(*asked)), na = 0;
	for (size_t i = 0; i < n; i++) {
		if (!strcmp(inv[i].enrolment_status, "stopped"))
			continue;
		struct person_unit key = { inv[i].person_id, 0 }, *p = NULL;
		if (inv[i].person_id && !w->subject_id)
			p = bsearch(&key, pu, np, sizeof(*pu), by_person);
		cell[na] = (struct cell_person){ group_in_population(c, w, inv[i].person_id), p ? p->unit : 0 };
		asked[na++] = i;
	}
	if (w->anonymous && !w->subject_id)
		disclosure_cells(cell, na, tree, nu);
	for (size_t k = 0; k < na; k++) {
		const struct invitation *x = &inv[asked[k]];
		const char *role = x->rater_role;
		if (w->subject_id) {
			long long in_role = 0;
			for (size_t j = 0; j < na; j++)
				in_role += !strcmp(inv[asked[j]].rater_role, role);
			role = disclosure_rater_role(role, in_role);
		}
		if (store_invitation_set_cells(c->st, org, x->id, cell[k].group, cell[k].unit, role))
			return D_ERROR;
	}
	return store_wave_set_report_cells(c->st, org, w->id) ? D_ERROR : D_OK;
}

/* ---- open and closed ---- */

enum wave_phase wave_phase(const struct wave *w, const char *today)
{
	if (w->closed_at || strcmp(today, w->closes_on) > 0)
		return WAVE_CLOSED;
	return strcmp(today, w->opens_on) < 0 ? WAVE_NOT_YET : WAVE_OPEN;
}

enum wave_phase wave_phase_now(struct ctx *c, const struct wave *w)
{
	char today[11];
	date_today(ctx_now(c), today);
	return wave_phase(w, today);
}

bool wave_before(const struct wave *a, const struct wave *b)
{
	int d = strcmp(a->opens_on, b->opens_on);
	return d < 0 || (d == 0 && a->id < b->id);
}

int wave_close(struct ctx *c, const struct wave *w)
{
	if (wave_phase_now(c, w) == WAVE_CLOSED)
		return D_CONFLICT;
	int r = store_wave_close(c->st, c->who->organisation_id, w->id, ctx_now(c));
	if (r == ST_NOTFOUND)
		return D_CONFLICT;
	if (r)
		return D_ERROR;
	audit(c, "wave.close", "wave", w->id, "%s", "closed by hand");
	/* the last anonymous hand-ins into the results (anonymous_mix.h) */
	if (w->anonymous && anonymous_mix(c->st, c->a, c->who->organisation_id, w->id, true, NULL))
		warn("wave %lld closed, but its last anonymous hand-ins are not mixed in yet: the daily run will", w->id);
	return D_OK;
}

int raters_parse(struct ctx *c, const char *text, struct rater **out, size_t *n, struct errors *e)
{
	size_t cap = 8;
	for (const char *p = text; *p; p++)
		cap += *p == '\n';
	struct rater *raters = arena_alloc(c->a, cap * sizeof(*raters));
	*n = 0;
	size_t line = 0;
	for (const char *p = text; *p && *n < cap && !e->n;) {
		size_t len = strcspn(p, "\r\n");
		char *l = arena_strndup(c->a, p, len);
		p += len;
		p += strspn(p, "\r\n");
		line++;
		char *save = NULL;
		char *who = strtok_r(l, " \t;,", &save), *role = strtok_r(NULL, " \t;,", &save);
		if (!who)
			continue;
		/* the categories in Dutch too */
		static const char *const nl[][2] = { { "leidinggevende", "manager" }, { "collega", "peer" },
						     { "medewerker", "staff" }, { "ander", "other" }, { "anders", "other" } };
		for (size_t k = 0; role && k < ARRAY_SIZE(nl); k++)
			if (!strcasecmp(role, nl[k][0]))
				role = (char *)nl[k][1];
		long long id;
		if (strchr(who, '@'))  /* a rater from outside, by e-mail address */
			raters[(*n)++] = (struct rater){ 0, role ? role : "", who };
		else if (!(id = person_by_employee_id(c, who)))
			errors_add(c, e, "raters", _("Line %zu: there is nobody with employee number %s."), line, who);
		else
			raters[(*n)++] = (struct rater){ id, role ? role : "", NULL };
	}
	*out = raters;
	return e->n ? D_INVALID : D_OK;
}

const char *rater_role_label(const char *role)
{
	if (!strcmp(role, "self"))
		return _("self");
	if (!strcmp(role, "manager"))
		return _("own manager");
	if (!strcmp(role, "peer"))
		return _("peers");
	if (!strcmp(role, "staff"))
		return _("staff");
	if (!strcmp(role, "others"))
		return _("others (merged)");
	return _("others");
}

int wave_360(struct ctx *c, const struct wave *w, const struct instrument_version *v, struct s360_cell **cells,
	     size_t *n)
{
	*cells = NULL;
	*n = 0;
	/* the report once the round has closed: before, the one who answered
	 * last would be seen in it */
	if (wave_phase_now(c, w) != WAVE_CLOSED)
		return D_OK;
	struct answer_row *rows;
	size_t nrows;
	if (store_answers(c->st, c->a, c->who->organisation_id, w->id, &rows, &nrows))
		return D_ERROR;
	/* per response and dimension: the mean of its answered items there */
	struct s360_rating *r = arena_alloc(c->a, (nrows + 1) * sizeof(*r));
	size_t nr = 0;
	double *x = arena_alloc(c->a, (v->nitems + 1) * sizeof(*x));
	for (size_t i = 0; i < nrows;) {
		size_t j = i;
		while (j < nrows && rows[j].response_id == rows[i].response_id)
			j++;
		for (size_t k = 0; k < v->nitems; k++) {
			const char *dim = v->items[k].scale;
			if (!*dim || strcmp(v->items[k].kind, "likert"))
				continue;
			bool first = true;   /* each dimension once per response */
			for (size_t q = 0; q < k && first; q++)
				first = strcmp(v->items[q].scale, dim) != 0;
			if (!first)
				continue;
			size_t nx = 0;
			for (size_t t = i; t < j; t++)
				for (size_t q = 0; q < v->nitems; q++)
					if (v->items[q].id == rows[t].item_id && !strcmp(v->items[q].scale, dim) && rows[t].has_value)
						x[nx++] = (double)rows[t].value;
			r[nr++] = (struct s360_rating){ w->subject_name, rows[i].rater_role,
							arena_printf(c->a, "%lld", rows[i].response_id), dim,
							nx ? stats_mean(x, nx) : NAN };
		}
		i = j;
	}
	size_t bad;
	const char *why;
	if (!nr)
		return D_OK;
	return stats_360(c->a, r, nr, cells, n, &bad, &why) ? D_ERROR : D_OK;
}

int wave_accounting(struct ctx *c, const struct wave *w, struct accounting *out)
{
	memset(out, 0, sizeof(*out));
	struct invitation *inv;
	size_t n;
	if (store_invitation_list(c->st, c->a, c->who->organisation_id, w->id, &inv, &n))
		return D_ERROR;
	for (size_t i = 0; i < n; i++) {
		const char *s = inv[i].enrolment_status;
		out->registered++;
		if (!strcmp(s, "stopped")) {
			out->stopped++;
			continue;
		}
		if (!strcmp(s, "completed"))
			out->completed++;
		else
			out->active++;
		out->invited++;
		if (inv[i].responded)
			out->responded++;
	}
	out->not_responded = out->invited - out->responded;
	out->rate = out->invited ? (double)out->responded / (double)out->invited : -1;
	return D_OK;
}

static int by_text(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

const char *wave_hidden_reason(struct ctx *c, const struct wave *w, long long responses)
{
	/* answers per question or per rater would show what the merge rule
	 * hides: two peers' answers, once self and the manager are known */
	if (w->subject_id)
		return _("A 360° feedback round shows its report per dimension only: answers per question or per rater would give away categories of fewer than 3 raters.");
	if (responses < SURVEY_MIN_RESPONSES)
		return arena_printf(c->a, ngettext("Results are shown from %d responses, so that nobody's answers can be picked out; there is %lld.",
						   "Results are shown from %d responses, so that nobody's answers can be picked out; there are %lld.",
						   (unsigned long)responses),
				    SURVEY_MIN_RESPONSES, responses);
	if (wave_phase_now(c, w) != WAVE_CLOSED)
		return arena_printf(c->a, _("The results are shown once the wave has closed, after %s: while it is open, comparing them before and after someone answered would show that person's answers."),
				    date_label(c->a, w->closes_on));
	return NULL;
}

int wave_results(struct ctx *c, const struct wave *w, const struct instrument_version *v, struct wave_results *out)
{
	memset(out, 0, sizeof(*out));
	struct answer_row *rows;
	size_t nrows;
	if (store_answers(c->st, c->a, c->who->organisation_id, w->id, &rows, &nrows))
		return D_ERROR;
	long long last = 0;
	for (size_t i = 0; i < nrows; i++)
		if (!i || rows[i].response_id != last) {
			out->responses++;
			last = rows[i].response_id;
		}
	/* anonymous hand-ins waiting to be mixed in count as handed in */
	long long waiting = 0;
	if (w->anonymous && anonymous_mix_wanted(c->st) &&
	    store_pending_count(c->st, c->who->organisation_id, w->id, &waiting))
		return D_ERROR;
	out->responses += waiting;
	if ((out->why_hidden = wave_hidden_reason(c, w, out->responses)))
		return D_OK;
	if (waiting) {
		out->why_hidden = _("The last answers handed in are still being added to the results; look again in a moment.");
		return D_OK;
	}
	out->shown = true;
	out->nitems = v->nitems;
	out->items = arena_alloc(c->a, (v->nitems + 1) * sizeof(*out->items));
	double *x = arena_alloc(c->a, (nrows + 1) * sizeof(*x));
	for (size_t k = 0; k < v->nitems; k++) {
		const struct instrument_item *it = &v->items[k];
		struct item_result *r = &out->items[k];
		r->item = it;
		r->mean = r->sd = NAN;
		r->counts = arena_alloc(c->a, (it->noptions + 1) * sizeof(*r->counts));
		size_t nx = 0;
		if (!strcmp(it->kind, "open")) {
			r->texts = arena_alloc(c->a, (nrows + 1) * sizeof(*r->texts));
			for (size_t i = 0; i < nrows; i++)
				if (rows[i].item_id == it->id && rows[i].text && *rows[i].text)
					r->texts[r->ntexts++] = rows[i].text;
			qsort(r->texts, r->ntexts, sizeof(*r->texts), by_text);
			r->n = r->ntexts;
			continue;
		}
		for (size_t i = 0; i < nrows; i++) {
			if (rows[i].item_id != it->id)
				continue;
			if (rows[i].dont_know) {
				r->dont_know++;   /* missing for every statistic */
				continue;
			}
			if (!strcmp(it->kind, "multiple")) {
				r->n++;
				for (const char *p = rows[i].text ? rows[i].text : ""; *p; p += strspn(p, ",")) {
					long long val = strtoll(p, (char **)&p, 10);
					for (size_t o = 0; o < it->noptions; o++)
						r->counts[o] += it->options[o].value == val;
					if (*p != ',')
						break;
				}
				continue;
			}
			if (!rows[i].has_value)
				continue;
			x[nx++] = (double)rows[i].value;
			for (size_t o = 0; o < it->noptions; o++)
				r->counts[o] += it->options[o].value == rows[i].value;
		}
		if (!strcmp(it->kind, "likert") || !strcmp(it->kind, "bipolar")) {
			struct stats_desc d;
			stats_describe(x, nx, &d);
			r->n = d.n;
			r->mean = d.mean;
			r->sd = d.sd;
		} else if (strcmp(it->kind, "multiple")) {
			r->n = nx;
		}
	}
	return D_OK;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct breakdown_row *)a)->name, ((const struct breakdown_row *)b)->name);
}

static int by_response(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;
	return (x > y) - (x < y);
}

int wave_breakdown(struct ctx *c, const struct wave *w, const struct instrument_version *v, struct wave_breakdown *out)
{
	memset(out, 0, sizeof(*out));
	long long org = c->who->organisation_id;
	struct wave_plan p;
	if (wave_plan(c, w, v, &p))
		return D_ERROR;
	if (!p.shown)
		return D_OK;
	/* the groups as the plan decided them */
	const struct plan_breakdown *pb = plan_find(&p, PLAN_GROUP, 0);
	const struct disclosure *d = &pb->d;
	out->shown = true;
	out->why_not = plan_breakdown_reason(c, &p, pb);
	out->nrows = d->nparts;
	out->hidden = d->nparts - d->shown;
	out->rows = arena_alloc(c->a, (d->nparts + 1) * sizeof(*out->rows));
	for (size_t k = 0; k < d->nparts; k++) {
		struct breakdown_row *g = &out->rows[k];
		struct learning_group lg;
		g->group_id = d->parts[k].label;
		g->name = g->group_id && !store_group_get(c->st, c->a, org, g->group_id, &lg)
				  ? arena_printf(c->a, "%s · %s", lg.batch_name, lg.name)
				  : _("(no group)");
		g->n = d->parts[k].n;
		g->shown = d->parts[k].state == PART_SHOWN;
		g->why_hidden = plan_part_reason(c, &p, pb, k);
	}
	/* the means of the shown groups, per item */
	struct answer_row *rows;
	size_t nrows;
	if (store_answers(c->st, c->a, org, w->id, &rows, &nrows))
		return D_ERROR;
	size_t *part = arena_alloc(c->a, (nrows + 1) * sizeof(*part));
	for (size_t i = 0; i < nrows; i++) {
		const long long *at = bsearch(&rows[i].response_id, p.s.response_id, p.s.n, sizeof(long long), by_response);
		assert(at);
		part[i] = d->part_of[at - p.s.response_id];
	}
	double *x = arena_alloc(c->a, (nrows + 1) * sizeof(*x));
	for (size_t k = 0; k < d->nparts; k++) {
		struct breakdown_row *g = &out->rows[k];
		if (!g->shown)
			continue;
		g->means = arena_alloc(c->a, (v->nitems + 1) * sizeof(*g->means));
		for (size_t j = 0; j < v->nitems; j++) {
			const struct instrument_item *it = &v->items[j];
			size_t nx = 0;
			if (!strcmp(it->kind, "likert") || !strcmp(it->kind, "bipolar"))
				for (size_t i = 0; i < nrows; i++)
					if (rows[i].item_id == it->id && part[i] == k && rows[i].has_value)
						x[nx++] = (double)rows[i].value;
			g->means[j] = nx ? stats_mean(x, nx) : NAN;
		}
	}
	qsort(out->rows, out->nrows, sizeof(*out->rows), by_name);
	return D_OK;
}

double survey_shown(double v)
{
	return isfinite(v) ? round(v * 10) / 10 : v;
}
