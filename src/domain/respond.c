/* respond.c — answering a questionnaire through a personal link
 * (survey.h): the link's state, the answers checked against the
 * questionnaire, drafts sealed for the respondent's browser, and the
 * hand-in.
 *
 * A draft is readable by its respondent alone. The link is not enough:
 * the coordinator may hold every link (links.csv). So a draft is encrypted
 * (XSalsa20-Poly1305) with a key derived from a secret that only the
 * respondent's browser holds (a cookie, never sent anywhere else) and the
 * invitation; the store keeps the ciphertext and a verifier derived from
 * the same secret, so that the hand-in of a draft can be refused to any
 * other browser. Neither key nor verifier can be worked out from the other
 * or from the database. */
#include "survey.h"
#include "anonymous_mix.h"
#include "answer_rule.h"
#include "answer_lines.h"
#include "audit.h"
#include "schedule.h"
#include "core/i18n.h"
#include "core/die.h"
#include "core/utf8.h"
#include "store/instrument.h"
#include "store/store.h"

#include <assert.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the sealing key ---- */

/* A key of the browser's secret for one purpose and invitation. */
static bool derive(const char *browser_key, const char *purpose, long long invitation_id, unsigned char out[32])
{
	unsigned char secret[32];
	size_t len;
	if (!browser_key || strlen(browser_key) != DRAFT_KEY_HEX ||
	    sodium_hex2bin(secret, sizeof(secret), browser_key, DRAFT_KEY_HEX, NULL, &len, NULL) || len != sizeof(secret))
		return false;
	char msg[64];
	int n = snprintf(msg, sizeof(msg), "leergang draft %s %lld", purpose, invitation_id);
	crypto_generichash(out, 32, (const unsigned char *)msg, (unsigned long long)n, secret, sizeof(secret));
	sodium_memzero(secret, sizeof(secret));
	return true;
}

static int draft_seal(struct store *st, struct respondent *r, const struct answer_value *v, size_t n)
{
	unsigned char key[32];
	struct sealed_draft d;
	if (!derive(r->browser_key, "key", r->inv.id, key) || !derive(r->browser_key, "verifier", r->inv.id, d.verifier))
		return D_INVALID;
	struct buf plain = BUF_INIT;
	answer_lines_write(&plain, v, n);
	d.len = plain.len + crypto_secretbox_MACBYTES;
	d.box = xmalloc(d.len);
	randombytes_buf(d.nonce, sizeof(d.nonce));
	crypto_secretbox_easy(d.box, (const unsigned char *)plain.ptr, plain.len, d.nonce, key);
	sodium_memzero(plain.ptr, plain.len);
	sodium_memzero(key, sizeof(key));
	buf_release(&plain);
	int s = store_draft_put(st, r->org, r->inv.id, &d);
	free(d.box);
	return s == ST_NOTFOUND ? D_CONFLICT : s ? D_ERROR : D_OK;
}

/* Opens the draft of the invitation for this browser, if it has one. */
static int draft_open(struct store *st, struct arena *a, struct respondent *r)
{
	struct sealed_draft d;
	unsigned char verifier[32], key[32];
	bool keyed = derive(r->browser_key, "verifier", r->inv.id, verifier) && derive(r->browser_key, "key", r->inv.id, key);
	int s = store_draft_get(st, a, r->org, r->inv.id, &d);
	if (s == ST_NOTFOUND) {
		r->draft_state = DRAFT_NONE;
		r->draft_lost = keyed && r->inv.draft_discarded &&
				!sodium_memcmp(verifier, r->inv.discarded_verifier, sizeof(verifier));
		return D_OK;
	}
	if (s)
		return D_ERROR;
	r->draft_state = DRAFT_ELSEWHERE;
	if (!keyed || sodium_memcmp(verifier, d.verifier, sizeof(verifier)) || d.len < crypto_secretbox_MACBYTES)
		return D_OK;
	size_t len = d.len - crypto_secretbox_MACBYTES;
	unsigned char *plain = arena_alloc(a, len + 1);
	if (crypto_secretbox_open_easy(plain, d.box, d.len, d.nonce, key) == 0 &&
	    answer_lines_read(a, (const char *)plain, &r->draft, &r->ndraft))
		r->draft_state = DRAFT_MINE;
	sodium_memzero(key, sizeof(key));
	return D_OK;
}

/* ---- the link ---- */

int respond_open(struct store *st, struct arena *a, const char *token, const char *browser_key, const char *today,
		 struct respondent *r)
{
	memset(r, 0, sizeof(*r));
	unsigned char h[HASH_LEN];
	if (!token || secret_hash(token, h) || store_invitation_by_hash(st, a, h, &r->inv, &r->org))
		return D_NOTFOUND;
	struct organisation o;
	if (store_wave_get(st, a, r->org, r->inv.wave_id, &r->w) || store_version_get(st, a, r->org, r->w.version_id, &r->v) ||
	    store_org_get(st, a, r->org, &o))
		return D_ERROR;
	r->org_name = o.name;
	/* a stopped participant's link does nothing */
	if (!strcmp(r->inv.enrolment_status, "stopped"))
		return D_NOTFOUND;
	r->browser_key = browser_key && strlen(browser_key) == DRAFT_KEY_HEX ? browser_key : NULL;
	enum wave_phase phase = wave_phase(&r->w, today);
	if (r->inv.responded)
		r->state = RESPOND_DONE;
	else
		r->state = phase == WAVE_NOT_YET ? RESPOND_NOT_YET : phase == WAVE_CLOSED ? RESPOND_CLOSED : RESPOND_OPEN;
	return draft_open(st, a, r);
}

static bool option_value(const struct instrument_item *it, long long v)
{
	for (size_t k = 0; k < it->noptions; k++)
		if (it->options[k].value == v)
			return true;
	return false;
}

/* How a question is named to its respondent in a message: by its number
 * on the page, never by its code (which is for the data). */
static const char *item_label(struct ctx *c, const struct instrument_version *v, const struct instrument_item *it)
{
	return arena_printf(c->a, "%zu", (size_t)(it - v->items) + 1);
}

/* The answers of the form for every item, checked; errors per field. */
static size_t read_answers(struct ctx *c, const struct instrument_version *v, const struct respond_field *f, size_t n,
			   bool submit, struct answer_value *vals, struct errors *e)
{
	struct arena *a = c->a;
	size_t nv = 0;
	for (size_t i = 0; i < v->nitems; i++) {
		const struct instrument_item *it = &v->items[i];
		/* the field name outlives this loop: errors point at it */
		const char *key = arena_printf(a, "i%lld", it->id);
		struct buf multi = BUF_INIT;
		long long *picked = NULL;
		size_t npicked = 0;
		const char *one = NULL;
		for (size_t k = 0; k < n; k++) {
			if (strcmp(f[k].key, key) || !*f[k].value)
				continue;
			if (!strcmp(it->kind, "multiple")) {
				char *end;
				long long x = strtoll(f[k].value, &end, 10);
				if (*end || !option_value(it, x)) {
					errors_add(c, e, key, _("Question %s: choose from the options."), item_label(c, v, it));
					continue;
				}
				buf_addf(&multi, "%s%lld", multi.len ? "," : "", x);
				if (!picked)
					picked = arena_alloc(a, (n + 1) * sizeof(*picked));
				picked[npicked++] = x;
			} else {
				one = f[k].value;
			}
		}
		struct answer_value x = { it->id, false, 0, NULL, false };
		if (one && !strcmp(one, RESPOND_DONT_KNOW)) {
			/* not a point of the scale: stored apart, counted as missing */
			if (it->allows_dont_know && strcmp(it->kind, "open") && strcmp(it->kind, "multiple"))
				x.dont_know = true;
			else
				errors_add(c, e, key, _("Question %s: choose one of the points of the scale."), item_label(c, v, it));
		} else if (!strcmp(it->kind, "multiple")) {
			/* checked at hand-in, as `required` is: a draft may be half done */
			const char *why = submit ? answer_rule_check(a, it, picked, npicked, item_label(c, v, it)) : NULL;
			if (why)
				errors_add(c, e, key, "%s", why);
			if (multi.len)
				x.text = arena_strdup(a, multi.ptr);
		} else if (one && !strcmp(it->kind, "open")) {
			if (!utf8_valid(one, strlen(one)))
				errors_add(c, e, key, _("Question %s: the text is not valid UTF-8."), item_label(c, v, it));
			else {
				if (utf8_length(one) > OPEN_ANSWER_MAX)
					errors_add(c, e, key, _("Question %s: use at most %d characters."), item_label(c, v, it), OPEN_ANSWER_MAX);
				x.text = (char *)one;   /* shown again as typed, saved only when right */
			}
		} else if (one) {
			char *end;
			long long val = strtoll(one, &end, 10);
			if (*end || !option_value(it, val))
				errors_add(c, e, key, _("Question %s: choose one of the points of the scale."), item_label(c, v, it));
			else {
				x.has_value = true;
				x.value = val;
			}
		}
		buf_release(&multi);
		if (x.has_value || x.text || x.dont_know)
			vals[nv++] = x;
		else if (submit && it->required)
			errors_add(c, e, key, _("Question %s needs an answer before you hand in."), item_label(c, v, it));
	}
	return nv;
}

int respond_minutes(const struct instrument_version *v)
{
	/* leergang's rule of thumb: 8 seconds to read and tick a closed
	 * question, 60 to write an open answer, rounded up to whole minutes */
	int seconds = 0;
	for (size_t i = 0; i < v->nitems; i++)
		seconds += strcmp(v->items[i].kind, "open") ? 8 : 60;
	int minutes = (seconds + 59) / 60;
	return minutes < 1 ? 1 : minutes;
}

int respond_save(struct store *st, struct arena *a, struct respondent *r, const struct respond_field *f, size_t n,
		 enum respond_action action, const char *today, struct errors *e)
{
	bool submit = action != RESPOND_SAVE;
	struct actor nobody = { 0 };
	nobody.organisation_id = r->org;
	nobody.email = "respondent";
	struct ctx c = { st, a, &nobody, 0 };
	if (r->state != RESPOND_OPEN) {
		errors_add(&c, e, "", "%s", r->state == RESPOND_DONE ? _("You have already handed in this questionnaire.")
					   : r->state == RESPOND_CLOSED ? _("This questionnaire has closed.")
					   : _("This questionnaire is not open yet."));
		return D_INVALID;
	}
	if (r->draft_state == DRAFT_ELSEWHERE) {
		errors_add(&c, e, "", "%s", _("Answers to this link were saved in another browser. Only that browser can read them and hand them in. If that was you, go on there; or discard them to start afresh here."));
		return D_INVALID;
	}
	struct answer_value *vals = arena_alloc(a, (r->v.nitems + 1) * sizeof(*vals));
	size_t nv = read_answers(&c, &r->v, f, n, submit, vals, e);
	/* what was typed comes back on the page, whether saved or not */
	r->draft = vals;
	r->ndraft = nv;
	if (e->n)
		return D_INVALID;
	if (action == RESPOND_SUBMIT && nv < r->v.nitems) {
		/* answers are never forced, but the respondent is asked first */
		r->unanswered = arena_alloc(a, (r->v.nitems - nv + 1) * sizeof(*r->unanswered));
		r->nunanswered = 0;
		for (size_t i = 0, k = 0; i < r->v.nitems; i++) {
			if (k < nv && vals[k].item_id == r->v.items[i].id)
				k++;
			else
				r->unanswered[r->nunanswered++] = &r->v.items[i];
		}
		assert(r->nunanswered == r->v.nitems - nv);
		return D_CONFLICT;
	}
	if (!submit) {
		if (!r->browser_key) {
			errors_add(&c, e, "", "%s", _("Your browser keeps no cookie of leergang, so your answers cannot be kept for you alone. Allow cookies for this site, or answer everything and hand in at once."));
			return D_INVALID;
		}
		int d = draft_seal(st, r, vals, nv);
		if (d == D_CONFLICT) {
			errors_add(&c, e, "", "%s", _("You have already handed in this questionnaire."));
			return D_INVALID;
		}
		return d;
	}
	char week[11];
	date_monday(today, week);  /* counted per wave; an anonymous response keeps no time */
	unsigned char verifier[32];
	bool mine = r->draft_state == DRAFT_MINE && derive(r->browser_key, "verifier", r->inv.id, verifier);
	/* the answers go straight into the response: a draft row never
	 * exists for a form handed in at once */
	/* where the database shows which transaction wrote a row, an
	 * anonymous hand-in waits, sealed, to be mixed in with others */
	unsigned char *box = NULL;
	size_t boxlen = 0;
	if (r->w.anonymous && anonymous_mix_wanted(st) && anonymous_seal(a, r->org, &r->inv, vals, nv, &box, &boxlen))
		return D_ERROR;
	int s = store_response_hand_in(st, r->org, r->inv.id, r->w.anonymous, week, mine ? verifier : NULL, vals, nv,
				       box, boxlen);
	if (s == ST_CONFLICT) {
		errors_add(&c, e, "", "%s", _("You have already handed in this questionnaire."));
		return D_INVALID;
	}
	if (s == ST_NOTFOUND) {
		/* a draft was saved from another browser meanwhile */
		r->draft_state = DRAFT_ELSEWHERE;
		errors_add(&c, e, "", "%s", _("Answers to this link were saved in another browser. Only that browser can read them and hand them in. If that was you, go on there; or discard them to start afresh here."));
		return D_INVALID;
	}
	if (s)
		return D_ERROR;
	r->state = RESPOND_DONE;
	/* the hand-in stands whether or not its batch is complete now */
	if (box && anonymous_mix(st, a, r->org, r->w.id, false, NULL))
		warn("anonymous hand-ins of wave %lld: not mixed in now (%s); the next hand-in or the close tries again",
		     r->w.id, store_errmsg(st));
	/* an anonymous response is not in the audit log: the log would tie it
	 * to the link */
	if (!r->w.anonymous)
		audit(&c, "response.submit", "invitation", r->inv.id, "wave %lld", r->w.id);
	return D_OK;
}

int respond_discard(struct store *st, struct arena *a, struct respondent *r)
{
	(void)a;
	if (r->state != RESPOND_OPEN || r->draft_state == DRAFT_NONE)
		return D_OK;
	/* a draft of another browser is remembered, for its respondent to be told */
	int s = store_draft_discard(st, r->org, r->inv.id, r->draft_state == DRAFT_ELSEWHERE);
	if (s && s != ST_NOTFOUND)
		return D_ERROR;
	r->draft_state = DRAFT_NONE;
	r->draft = NULL;
	r->ndraft = 0;
	return D_OK;
}
