/* search_fn.c — the FTS5 tokenizer "dutch" and the SQL function md_plain(),
 * registered on every connection of the store (see search_fn.h). md_plain()
 * calls the words function the program handed in (store_use_words): the
 * store keeps the index, the formats layer knows what words a Markdown
 * text has.
 *
 * The tokenizer wraps SQLite's own unicode61 (which splits the text into
 * words, lowercases them and, with remove_diacritics 2, folds every
 * diacritic) and passes each word through the Snowball Dutch stemmer
 * (libstemmer), which expects lowercase input. Every stem is reported with
 * the byte offsets of the original word, so snippet() and highlight() mark
 * the word as written ("vergaderingen"), not its stem ("vergader").
 *
 * Left unstemmed:
 *   - words of more than STEM_MAX bytes (no Dutch word stems usefully
 *     there; it also bounds the work per token) and words with a digit
 *     ("2024", "h2o", "covid19"): codes and numbers are searched as typed;
 *   - the prefix term of a prefix query ("verga*"): stemming a fragment
 *     gives nonsense, so the fragment is looked up as typed against the
 *     stems in the index. A prefix therefore matches a word only while it
 *     is no longer than that word's stem: "vergader*" finds
 *     "vergaderingen" (stem "vergader"), "vergaderingen*" does not. In a
 *     phrase prefix ("goede verga"*) only the last word is a prefix; the
 *     others are stemmed as usual.
 *
 * Apostrophe-s: unicode61 splits "collega's" (also with ’) into "collega"
 * and "s". A lone "s" right after a word and an apostrophe is dropped and
 * the word's offsets are stretched over the "'s", so "collega's" and
 * "collega" index and query alike (Dutch writes the plural and genitive of
 * words ending in a vowel with 's: auto's, foto's, collega's). A leading
 * "'s" ("'s morgens") is left alone. */
#include "search_fn.h"

#include "core/buf.h"
#include "store/store.h"

#include <libstemmer.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* Longest word (in bytes, after folding) that is stemmed. */
#define STEM_MAX 64

/* ---- the tokenizer ---- */

/* One per FTS5 table per connection: FTS5 creates a tokenizer instance
 * when a connection first uses the table and calls it only from that
 * connection. A Snowball stemmer keeps its working state in the object, so
 * it must not be shared between threads; one per instance is safe because
 * the store uses a connection from one thread at a time (every server
 * thread has its own connection, opened SQLITE_OPEN_NOMUTEX). */
struct dutch_tokenizer {
	fts5_tokenizer inner_api;  /* unicode61's methods */
	Fts5Tokenizer *inner;      /* the unicode61 instance */
	struct sb_stemmer *stemmer;
};

/* One call of xTokenize: what the callback needs. */
struct dutch_call {
	struct dutch_tokenizer *t;
	void *ctx;                 /* the caller's context and callback */
	int (*emit)(void *ctx, int tflags, const char *token, int n, int start, int end);
	const char *text;
	int len;
	int skip_s;                /* offset of an "s" after an apostrophe to drop, or -1 */
	bool counting;             /* first pass of a prefix query: only find the last word */
	bool aux;                  /* for snippet() or highlight(): offsets only, no stems */
	int last;                  /* the start offset of the last word (counting), or -1 */
};

static void dutch_delete(Fts5Tokenizer *tok)
{
	struct dutch_tokenizer *t = (struct dutch_tokenizer *)tok;
	if (!t)
		return;
	if (t->inner)
		t->inner_api.xDelete(t->inner);
	sb_stemmer_delete(t->stemmer);
	sqlite3_free(t);
}

/* pCtx is the connection's fts5_api, given at registration. Arguments
 * after the name (tokenize = 'dutch tokenchars -') go to unicode61, after
 * our remove_diacritics 2, so they can override it. */
static int dutch_create(void *pCtx, const char **azArg, int nArg, Fts5Tokenizer **ppOut)
{
	fts5_api *api = pCtx;
	struct dutch_tokenizer *t = sqlite3_malloc(sizeof(*t));
	*ppOut = NULL;
	if (!t)
		return SQLITE_NOMEM;
	memset(t, 0, sizeof(*t));
	void *inner_ctx = NULL;
	int rc = api->xFindTokenizer(api, "unicode61", &inner_ctx, &t->inner_api);
	if (rc == SQLITE_OK) {
		const char **args = sqlite3_malloc64(sizeof(*args) * ((size_t)nArg + 2));
		if (args) {
			args[0] = "remove_diacritics";
			args[1] = "2";
			for (int i = 0; i < nArg; i++)
				args[i + 2] = azArg[i];
			rc = t->inner_api.xCreate(inner_ctx, args, nArg + 2, &t->inner);
			sqlite3_free(args);
		} else {
			rc = SQLITE_NOMEM;
		}
	}
	if (rc == SQLITE_OK && !(t->stemmer = sb_stemmer_new("dutch", "UTF_8")))
		rc = SQLITE_NOMEM;  /* "dutch" is built into every libstemmer */
	if (rc != SQLITE_OK) {
		dutch_delete((Fts5Tokenizer *)t);
		return rc;
	}
	*ppOut = (Fts5Tokenizer *)t;
	return SQLITE_OK;
}

static bool has_digit(const char *s, int n)
{
	for (int i = 0; i < n; i++)
		if (s[i] >= '0' && s[i] <= '9')
			return true;
	return false;
}

/* Whether the byte ends a word as unicode61 sees it, for the byte after
 * "'s": end of text, or an ASCII character other than a letter or digit.
 * (A non-ASCII byte may start a letter: then it is not an 's at all.) */
static bool word_ends(const char *text, int len, int i)
{
	if (i >= len)
		return true;
	unsigned char c = (unsigned char)text[i];
	return c < 0x80 && !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
}

/* The offset of the "s" of an "'s" (or "’s") that follows a word ending at
 * end, or -1. */
static int apostrophe_s(const char *text, int len, int end)
{
	int s;
	if (end < len && text[end] == '\'')
		s = end + 1;
	else if (end + 2 < len && memcmp(text + end, "\xe2\x80\x99", 3) == 0)
		s = end + 3;
	else
		return -1;
	if (s < len && (text[s] == 's' || text[s] == 'S') && word_ends(text, len, s + 1))
		return s;
	return -1;
}

static int dutch_token(void *pCtx, int tflags, const char *token, int n, int start, int end)
{
	struct dutch_call *c = pCtx;
	if (c->skip_s >= 0 && start == c->skip_s && n == 1 && token[0] == 's') {
		c->skip_s = -1;
		return SQLITE_OK;
	}
	c->skip_s = apostrophe_s(c->text, c->len, end);
	if (c->skip_s >= 0)
		end = c->skip_s + 1;
	if (c->counting) {
		c->last = start;
		return SQLITE_OK;
	}
	/* snippet() and highlight() count the tokens and use their offsets,
	 * never their text: the stemmer (most of the cost of re-reading a
	 * whole report for its snippet) is left out */
	if (c->aux || n > STEM_MAX || has_digit(token, n) || start == c->last)
		return c->emit(c->ctx, tflags, token, n, start, end);
	const sb_symbol *stem = sb_stemmer_stem(c->t->stemmer, (const sb_symbol *)token, n);
	if (!stem)
		return SQLITE_NOMEM;
	int sn = sb_stemmer_length(c->t->stemmer);
	if (sn <= 0)
		return c->emit(c->ctx, tflags, token, n, start, end);
	return c->emit(c->ctx, tflags, (const char *)stem, sn, start, end);
}

static int dutch_tokenize(Fts5Tokenizer *tok, void *pCtx, int flags, const char *pText, int nText,
			  int (*xToken)(void *, int, const char *, int, int, int))
{
	struct dutch_tokenizer *t = (struct dutch_tokenizer *)tok;
	struct dutch_call c = { t, pCtx, xToken, pText, nText, -1, false, (flags & FTS5_TOKENIZE_AUX) != 0, -1 };
	/* FTS5 hands over the whole string before the '*' with the prefix
	 * flag; only its last word is the prefix. A first pass finds where
	 * that word starts (query strings are short). */
	if (flags & FTS5_TOKENIZE_PREFIX) {
		c.counting = true;
		int rc = t->inner_api.xTokenize(t->inner, &c, flags, pText, nText, dutch_token);
		if (rc != SQLITE_OK)
			return rc;
		c.counting = false;
		c.skip_s = -1;
	}
	return t->inner_api.xTokenize(t->inner, &c, flags, pText, nText, dutch_token);
}

/* The fts5_api of the connection (the documented way: SELECT fts5(?1)). */
static fts5_api *fts5_api_of(sqlite3 *db)
{
	fts5_api *api = NULL;
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
		sqlite3_step(st);
	}
	sqlite3_finalize(st);
	return api;
}

/* ---- md_plain(text) ---- */

/* Set once, before the first connection is opened (store_use_words). */
static store_words_fn words;

void store_use_words(store_words_fn fn)
{
	words = fn;
}

static void sql_md_plain(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	const char *text = (const char *)sqlite3_value_text(argv[0]);
	if (!text) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	size_t len = (size_t)sqlite3_value_bytes(argv[0]);
	struct buf b = BUF_INIT;
	words(&b, text, len);
	size_t n;
	char *plain = buf_detach(&b, &n);
	sqlite3_result_text64(ctx, plain, n, free, SQLITE_UTF8);
}

/* ---- registration ---- */

int search_functions_register(sqlite3 *db)
{
	if (!words)
		return SQLITE_MISUSE;
	fts5_api *api = fts5_api_of(db);
	if (!api || api->iVersion < 2)
		return SQLITE_ERROR;
	fts5_tokenizer dutch = { dutch_create, dutch_delete, dutch_tokenize };
	int rc = api->xCreateTokenizer(api, "dutch", api, &dutch, NULL);
	if (rc != SQLITE_OK)
		return rc;
	return sqlite3_create_function_v2(db, "md_plain", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
					  NULL, sql_md_plain, NULL, NULL, NULL);
}
