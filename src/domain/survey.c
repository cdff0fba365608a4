/* survey.c — built-in instruments, waves, answering through a link and
 * the response accounting. */
#include "survey.h"
#include "audit.h"
#include "schedule.h"
#include "validate.h"
#include "core/i18n.h"
#include "core/utf8.h"
#include "store/programme.h"
#include "stats/stats.h"
#include "stats/three60.h"

#include <math.h>

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ---- built-in instruments ---- */

/* The LiVe! final evaluation, seed 000 §9.1 (seed lines 2297-2323): items
 * a-j verbatim; the scale "1 (helemaal niet) tot 5 (heel goed)" (seed line
 * 2390) labels only its ends, as the seed does. The seed names three open
 * questions (seed line 2340) but not their wording; the three below are
 * leergang's own, after the headings of §9.2.1, §9.2.2 and §9.2.4. */
static const char *const live_items[][2] = {
	{ "a", "In hoeverre is het jou gelukt om jouw leerdoelen te behalen?" },
	{ "b", "In hoeverre is het jou gelukt om een open houding aan te nemen?" },
	{ "c", "In hoeverre is het jou gelukt om kritisch naar je eigen gedrag te kijken?" },
	{ "d", "In hoeverre is het jou gelukt om andere denkbeelden toe te laten?" },
	{ "e", "In hoeverre is het jou gelukt om je oordelen te onderzoeken?" },
	{ "f", "In hoeverre heeft de leergroep bijgedragen aan het vormen van een netwerk buiten de leergang?" },
	{ "g", "In hoeverre hebben de deelnemers in jouw groep jou geholpen?" },
	{ "h", "In hoeverre was de mentor ondersteunend?" },
	{ "i", "In hoeverre was de leergroepbegeleider ondersteunend?" },
	{ "j", "In hoeverre heeft jouw leidinggevende invloed gehad op jouw motivatie om deel te nemen?" },
};
static const char *const live_open[][2] = {
	{ "open1", "Wat zijn voor jou de belangrijkste inzichten uit LiVe!?" },
	{ "open2", "Hoe pas je deze inzichten toe in je werk?" },
	{ "open3", "Met welke vraagstukken ga je verder na LiVe!?" },
};

/* A leadership scan for 360° feedback, after seed 003: the manager rates
 * their own leadership behaviour and others rate how they perceive it
 * (seed lines 371-373). The seed gives neither items nor dimension names;
 * the three dimensions are the LLC's three research lines (seed lines
 * 56-60) and the nine statements are leergang's own. */
static const char *const scan_items[][3] = {
	{ "g1", "Gedeeld leiderschap", "Geeft medewerkers ruimte om zelf beslissingen over hun werk te nemen." },
	{ "g2", "Gedeeld leiderschap", "Bespreekt met het team het waarom van het werk, niet alleen het hoe." },
	{ "g3", "Gedeeld leiderschap", "Vraagt het team om mee te denken over knelpunten." },
	{ "v1", "Verbindend leiderschap", "Zoekt actief samenwerking met andere teams en organisaties." },
	{ "v2", "Verbindend leiderschap", "Stelt het gezamenlijke doel boven het eigen belang van het team." },
	{ "v3", "Verbindend leiderschap", "Brengt mensen met verschillende perspectieven met elkaar in gesprek." },
	{ "c1", "Veranderleiderschap", "Legt uit waarom een verandering nodig is." },
	{ "c2", "Veranderleiderschap", "Betrekt medewerkers bij het vormgeven van veranderingen." },
	{ "c3", "Veranderleiderschap", "Blijft zichtbaar aanwezig wanneer een verandering schuurt." },
};

static void build_live(struct arena *a, struct instrument_version *v);
static void build_scan(struct arena *a, struct instrument_version *v);

static const struct builtin_instrument_info builtins[] = {
	{ "live-final", "Eindevaluatie LiVe!",
	  "Seed 000 §9.1 (items a-j en de schaal 1 = helemaal niet tot 5 = heel goed); de drie open vragen zijn van "
	  "leergang, naar de kopjes van §9.2." },
	{ "leadership-scan-360", "Leiderschapsscan (360°-feedback)",
	  "Naar seed 003 (zelfbeeld van de leidinggevende tegenover de waarneming van anderen); de drie dimensies zijn de "
	  "onderzoekslijnen van het LLC, de negen uitspraken en de schaal zijn van leergang." },
};

static void (*const builders[])(struct arena *, struct instrument_version *) = { build_live, build_scan };

static void build_scan(struct arena *a, struct instrument_version *v)
{
	size_t n = sizeof(scan_items) / sizeof(*scan_items);
	static const char *const labels[5] = { "helemaal oneens", "oneens", "neutraal", "eens", "helemaal eens" };
	v->nsections = 1;
	v->sections = arena_alloc(a, sizeof(*v->sections));
	v->sections[0] = (struct instrument_section){ 0, 1, "Leiderschapsgedrag",
		"Geef bij elke uitspraak aan in hoeverre die past bij het gedrag van de leidinggevende (bij een "
		"zelfbeoordeling: bij uw eigen gedrag)." };
	v->nitems = n;
	v->items = arena_alloc(a, n * sizeof(*v->items));
	for (size_t i = 0; i < n; i++) {
		struct instrument_item *it = &v->items[i];
		it->section_id = 0;
		it->code = (char *)scan_items[i][0];
		it->kind = "likert";
		it->scale = (char *)scan_items[i][1];
		it->text = (char *)scan_items[i][2];
		it->required = 0;
		it->noptions = 5;
		it->options = arena_alloc(a, 5 * sizeof(*it->options));
		for (int k = 0; k < 5; k++)
			it->options[k] = (struct item_option){ k + 1, k + 1, (char *)labels[k] };
	}
}

size_t survey_builtins(const struct builtin_instrument_info **out)
{
	*out = builtins;
	return sizeof(builtins) / sizeof(*builtins);
}

static void build_live(struct arena *a, struct instrument_version *v)
{
	size_t ni = sizeof(live_items) / sizeof(*live_items), no = sizeof(live_open) / sizeof(*live_open);
	v->nsections = 2;
	v->sections = arena_alloc(a, 2 * sizeof(*v->sections));
	v->sections[0] = (struct instrument_section){ 0, 1, "Terugblik op LiVe!",
		"Geef bij elke vraag aan in hoeverre het lukte: van 1 (helemaal niet) tot 5 (heel goed)." };
	v->sections[1] = (struct instrument_section){ 0, 2, "Open vragen", "" };
	v->nitems = ni + no;
	v->items = arena_alloc(a, v->nitems * sizeof(*v->items));
	for (size_t i = 0; i < ni; i++) {
		struct instrument_item *it = &v->items[i];
		it->section_id = 0;
		it->code = (char *)live_items[i][0];
		it->kind = "likert";
		it->text = (char *)live_items[i][1];
		it->scale = "";
		it->noptions = 5;
		it->options = arena_alloc(a, 5 * sizeof(*it->options));
		for (int k = 0; k < 5; k++)
			it->options[k] = (struct item_option){ k + 1, k + 1, k == 0 ? "helemaal niet" : k == 4 ? "heel goed" : "" };
	}
	for (size_t i = 0; i < no; i++) {
		struct instrument_item *it = &v->items[ni + i];
		it->section_id = 1;
		it->code = (char *)live_open[i][0];
		it->kind = "open";
		it->text = (char *)live_open[i][1];
	}
}

int instrument_install(struct ctx *c, const char *key, long long now, long long *id)
{
	long long org = c->who->organisation_id;
	struct instrument have;
	int r = store_instrument_by_key(c->st, c->a, org, key, &have);
	if (r == ST_OK) {
		*id = have.id;
		return D_OK;
	}
	if (r != ST_NOTFOUND)
		return D_ERROR;
	size_t which = sizeof(builtins) / sizeof(*builtins);
	for (size_t i = 0; i < sizeof(builtins) / sizeof(*builtins); i++)
		if (!strcmp(builtins[i].key, key))
			which = i;
	if (which == sizeof(builtins) / sizeof(*builtins))
		return D_NOTFOUND;
	const struct builtin_instrument_info *b = &builtins[which];
	struct instrument in = { 0, (char *)b->key, (char *)b->name, "", (char *)b->source, now, 0, 0 };
	struct instrument_version v = { 0 };
	builders[which](c->a, &v);
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

int wave_create(struct ctx *c, const struct wave_new *w, long long now, struct errors *e, long long *id)
{
	long long org = c->who->organisation_id;
	struct instrument in;
	if (store_instrument_get(c->st, c->a, org, w->instrument_id, &in) || !in.latest_version_id)
		errors_add(c, e, "instrument_id", "%s", _("Choose a questionnaire from the list."));
	check_line(c, e, "name", _("Name"), w->name ? w->name : "", 1, WAVE_NAME_MAX);
	if (!w->opens_on || !date_valid(w->opens_on))
		errors_add(c, e, "opens_on", "%s", _("Give the date as YYYY-MM-DD, such as 2026-09-01."));
	if (!w->closes_on || !date_valid(w->closes_on))
		errors_add(c, e, "closes_on", "%s", _("Give the date as YYYY-MM-DD, such as 2026-09-01."));
	else if (w->opens_on && date_valid(w->opens_on) && strcmp(w->closes_on, w->opens_on) < 0)
		errors_add(c, e, "closes_on", "%s", _("The wave closes on or after the day it opens."));
	struct enrolment *en = NULL;
	size_t n = 0;
	int d = population(c, w->population ? w->population : "", w->population_id, &en, &n);
	if (d == D_NOTFOUND)
		errors_add(c, e, "population", "%s", _("Choose the group, batch or programme to send the questionnaire to."));
	else if (d)
		return d;
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
	if (r || store_commit(c->st)) {
		store_rollback(c->st);
		return r == ST_CONFLICT ? D_CONFLICT : D_ERROR;
	}
	audit(c, "wave.create", "wave", *id, "%zu people", n);
	return D_OK;
}

int wave_create_360(struct ctx *c, long long instrument_id, const char *name, long long subject_id,
		    const struct rater *raters, size_t n, const char *opens_on, const char *closes_on, long long now,
		    struct errors *e, long long *id)
{
	long long org = c->who->organisation_id;
	struct instrument in;
	struct person subject;
	if (store_instrument_get(c->st, c->a, org, instrument_id, &in) || !in.latest_version_id)
		errors_add(c, e, "instrument_id", "%s", _("Choose a questionnaire from the list."));
	check_line(c, e, "name", _("Name"), name ? name : "", 1, WAVE_NAME_MAX);
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
		if (raters[i].person_id == subject_id) {
			errors_add(c, e, "raters", _("Line %zu: the person asking for feedback rates themself already."), i + 1);
			break;
		}
		for (size_t k = 0; k < i; k++)
			if (raters[k].person_id == raters[i].person_id) {
				errors_add(c, e, "raters", _("Line %zu: this rater is on the list twice."), i + 1);
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

const char *wave_hidden_reason(struct ctx *c, const struct wave *w, long long responses, long long now)
{
	if (responses < SURVEY_MIN_RESPONSES)
		return arena_printf(c->a, _("Results are shown from %d responses, so that nobody's answers can be picked out; there are %lld."),
				    SURVEY_MIN_RESPONSES, responses);
	char today[11];
	date_today(now, today);
	if (w->anonymous && strcmp(today, w->closes_on) <= 0)
		return arena_printf(c->a, _("The results of an anonymous wave are shown once it has closed, after %s: while it is open, comparing them before and after someone answered would show that person's answers."),
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
	if ((out->why_hidden = wave_hidden_reason(c, w, out->responses, (long long)time(NULL))))
		return D_OK;
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

static int by_n(const void *a, const void *b)
{
	const struct breakdown_row *x = *(struct breakdown_row *const *)a, *y = *(struct breakdown_row *const *)b;
	return x->n < y->n ? -1 : x->n > y->n;
}

int wave_breakdown(struct ctx *c, const struct wave *w, const struct instrument_version *v, struct wave_breakdown *out)
{
	memset(out, 0, sizeof(*out));
	long long org = c->who->organisation_id;
	struct answer_row *rows;
	size_t nrows;
	if (store_answers(c->st, c->a, org, w->id, &rows, &nrows))
		return D_ERROR;
	long long responses = 0, last = 0;
	for (size_t i = 0; i < nrows; i++)
		if (!i || rows[i].response_id != last) {
			responses++;
			last = rows[i].response_id;
		}
	if (wave_hidden_reason(c, w, responses, (long long)time(NULL)))
		return D_OK;
	out->shown = true;
	/* the groups, with their responses counted once */
	out->rows = arena_alloc(c->a, (size_t)(responses + 1) * sizeof(*out->rows));
	last = 0;
	for (size_t i = 0; i < nrows; i++) {
		struct breakdown_row *g = NULL;
		for (size_t k = 0; k < out->nrows && !g; k++)
			if (out->rows[k].group_id == rows[i].group_id)
				g = &out->rows[k];
		if (!g) {
			g = &out->rows[out->nrows++];
			g->group_id = rows[i].group_id;
			struct learning_group lg;
			g->name = rows[i].group_id && !store_group_get(c->st, c->a, org, rows[i].group_id, &lg)
					  ? arena_printf(c->a, "%s · %s", lg.batch_name, lg.name)
					  : _("(no group)");
		}
		if (i == 0 || rows[i].response_id != rows[i - 1].response_id)
			g->n++;
	}
	/* hide the small groups, then the smallest others until the hidden
	 * ones together are too many to pick anyone out */
	struct breakdown_row **order = arena_alloc(c->a, (out->nrows + 1) * sizeof(*order));
	for (size_t k = 0; k < out->nrows; k++) {
		order[k] = &out->rows[k];
		order[k]->shown = order[k]->n >= SURVEY_MIN_RESPONSES;
	}
	qsort(order, out->nrows, sizeof(*order), by_n);
	long long hidden_n = 0;
	for (size_t k = 0; k < out->nrows; k++)
		if (!order[k]->shown) {
			hidden_n += order[k]->n;
			out->hidden++;
		}
	for (size_t k = 0; k < out->nrows && out->hidden && hidden_n < SURVEY_MIN_RESPONSES; k++)
		if (order[k]->shown) {
			order[k]->shown = false;
			hidden_n += order[k]->n;
			out->hidden++;
		}
	qsort(out->rows, out->nrows, sizeof(*out->rows), by_name);
	/* the means of the shown groups */
	double *x = arena_alloc(c->a, (nrows + 1) * sizeof(*x));
	for (size_t k = 0; k < out->nrows; k++) {
		struct breakdown_row *g = &out->rows[k];
		if (!g->shown)
			continue;
		g->means = arena_alloc(c->a, (v->nitems + 1) * sizeof(*g->means));
		for (size_t j = 0; j < v->nitems; j++) {
			const struct instrument_item *it = &v->items[j];
			size_t nx = 0;
			if (!strcmp(it->kind, "likert") || !strcmp(it->kind, "bipolar"))
				for (size_t i = 0; i < nrows; i++)
					if (rows[i].item_id == it->id && rows[i].group_id == g->group_id && rows[i].has_value)
						x[nx++] = (double)rows[i].value;
			g->means[j] = nx ? stats_mean(x, nx) : NAN;
		}
	}
	return D_OK;
}

/* ---- answering ---- */

int respond_open(struct store *st, struct arena *a, const char *token, const char *today, struct respondent *r)
{
	memset(r, 0, sizeof(*r));
	unsigned char h[HASH_LEN];
	if (!token || secret_hash(token, h) || store_invitation_by_hash(st, a, h, &r->inv, &r->org))
		return D_NOTFOUND;
	if (store_wave_get(st, a, r->org, r->inv.wave_id, &r->w) || store_version_get(st, a, r->org, r->w.version_id, &r->v))
		return D_ERROR;
	/* a stopped participant's link does nothing */
	if (!strcmp(r->inv.enrolment_status, "stopped"))
		return D_NOTFOUND;
	if (r->inv.responded)
		r->state = RESPOND_DONE;
	else if (strcmp(today, r->w.opens_on) < 0)
		r->state = RESPOND_NOT_YET;
	else if (strcmp(today, r->w.closes_on) > 0)
		r->state = RESPOND_CLOSED;
	else
		r->state = RESPOND_OPEN;
	if (r->state == RESPOND_OPEN && store_draft_get(st, a, r->org, r->inv.id, &r->draft, &r->ndraft))
		return D_ERROR;
	return D_OK;
}

static bool option_value(const struct instrument_item *it, long long v)
{
	for (size_t k = 0; k < it->noptions; k++)
		if (it->options[k].value == v)
			return true;
	return false;
}

/* The Monday of the week of day, the only time an anonymous response keeps. */
static void week_of(const char *day, char out[11])
{
	int y, m, d;
	if (sscanf(day, "%d-%d-%d", &y, &m, &d) != 3) {
		snprintf(out, 11, "%s", day);
		return;
	}
	/* Sakamoto's day of the week, 0 = Sunday */
	static const int t[] = { 0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4 };
	int yy = m < 3 ? y - 1 : y;
	int dow = (yy + yy / 4 - yy / 100 + yy / 400 + t[m - 1] + d) % 7;
	date_add_days(day, -((dow + 6) % 7), out);
}

int respond_save(struct store *st, struct arena *a, struct respondent *r, const struct respond_field *f, size_t n,
		 bool submit, const char *today, struct errors *e)
{
	struct actor nobody = { 0 };
	nobody.organisation_id = r->org;
	nobody.email = "respondent";
	struct ctx c = { st, a, &nobody };
	if (r->state != RESPOND_OPEN) {
		errors_add(&c, e, "", "%s", r->state == RESPOND_DONE ? _("You have already handed in this questionnaire.")
					   : r->state == RESPOND_CLOSED ? _("This questionnaire has closed.")
					   : _("This questionnaire is not open yet."));
		return D_INVALID;
	}
	struct answer_value *vals = arena_alloc(a, (r->v.nitems + 1) * sizeof(*vals));
	size_t nv = 0;
	for (size_t i = 0; i < r->v.nitems; i++) {
		const struct instrument_item *it = &r->v.items[i];
		/* the field name outlives this loop: errors point at it */
		const char *key = arena_printf(a, "i%lld", it->id);
		struct buf multi = BUF_INIT;
		const char *one = NULL;
		for (size_t k = 0; k < n; k++) {
			if (strcmp(f[k].key, key) || !*f[k].value)
				continue;
			if (!strcmp(it->kind, "multiple")) {
				char *end;
				long long v = strtoll(f[k].value, &end, 10);
				if (*end || !option_value(it, v)) {
					errors_add(&c, e, key, _("Question %s: choose from the options."), it->code);
					continue;
				}
				buf_addf(&multi, "%s%lld", multi.len ? "," : "", v);
			} else {
				one = f[k].value;
			}
		}
		struct answer_value x = { it->id, false, 0, NULL };
		if (!strcmp(it->kind, "multiple")) {
			if (multi.len)
				x.text = arena_strdup(a, multi.ptr);
		} else if (one && !strcmp(it->kind, "open")) {
			if (!utf8_valid(one, strlen(one)))
				errors_add(&c, e, key, _("Question %s: the text is not valid UTF-8."), it->code);
			else {
				if (utf8_length(one) > OPEN_ANSWER_MAX)
					errors_add(&c, e, key, _("Question %s: use at most %d characters."), it->code, OPEN_ANSWER_MAX);
				x.text = (char *)one;   /* shown again as typed, saved only when right */
			}
		} else if (one) {
			char *end;
			long long v = strtoll(one, &end, 10);
			if (*end || !option_value(it, v))
				errors_add(&c, e, key, _("Question %s: choose one of the points of the scale."), it->code);
			else {
				x.has_value = true;
				x.value = v;
			}
		}
		buf_release(&multi);
		if (x.has_value || x.text)
			vals[nv++] = x;
		else if (submit && it->required)
			errors_add(&c, e, key, _("Question %s needs an answer before you hand in."), it->code);
	}
	/* what was typed comes back on the page, whether saved or not */
	r->draft = vals;
	r->ndraft = nv;
	if (e->n)
		return D_INVALID;
	if (!submit)
		return store_draft_put(st, r->org, r->inv.id, vals, nv) ? D_ERROR : D_OK;
	/* what the breakdowns are by: the group of the person in the wave's
	 * population (kept with the response, shown only from 5 answers) */
	long long group = 0;
	if (r->inv.person_id && !strcmp(r->w.population, "group")) {
		group = r->w.population_id;
	} else if (r->inv.person_id) {
		long long programme = r->w.population_id;
		struct batch b;
		if (!strcmp(r->w.population, "batch"))
			programme = store_batch_get(st, a, r->org, r->w.population_id, &b) ? 0 : b.programme_id;
		if (programme && store_enrolment_in_programme(st, r->org, programme, r->inv.person_id, &group))
			group = 0;
	}
	char week[11];
	week_of(today, week);
	/* the answers go straight into the response: a draft row never
	 * exists for a form handed in at once */
	int s = store_response_submit(st, r->org, r->inv.id, r->w.anonymous, group, 0, week, vals, nv);
	if (s == ST_CONFLICT) {
		errors_add(&c, e, "", "%s", _("You have already handed in this questionnaire."));
		return D_INVALID;
	}
	if (s)
		return D_ERROR;
	r->state = RESPOND_DONE;
	/* an anonymous response is not in the audit log: the log would tie it
	 * to the link */
	if (!r->w.anonymous)
		audit(&c, "response.submit", "invitation", r->inv.id, "wave %lld", r->w.id);
	return D_OK;
}
