/* copy.c — moving an installation from SQLite to PostgreSQL: every table
 * of an SQLite store copied into a PostgreSQL store whose schema is
 * migrated and which holds no data yet, in one transaction, then verified
 * table by table (row count and a SHA-256 over every row, read in
 * primary-key order from both and rendered the same way).
 *
 * The tables and their columns are read from SQLite's schema and checked
 * against PostgreSQL's (same tables, same columns by name; PostgreSQL's
 * generated columns, search_text.tsv, are left to PostgreSQL). The rows go
 * in as they are, derived tables too (search_doc, search_text,
 * person_suffix), so the target's triggers must not fire and its foreign
 * keys cannot be checked row by row (person and unit refer to each other,
 * a manager may have a higher id than the people who report to them):
 * inside the transaction the foreign keys are dropped and added again
 * after the copy (which checks every row at once), and the user triggers
 * are switched off and on by name. Both need the owner of the tables, not
 * a superuser (session_replication_role would). Then every identity
 * sequence is set past the highest id copied (and past SQLite's
 * sqlite_sequence, where a table has one).
 *
 * Tables the migrations fill (schema_migration, installation_key,
 * person_suffix_at) are the only ones that may hold rows in the target;
 * theirs are replaced by SQLite's (the installation key must stay the same,
 * or every pseudonym changes).
 *
 * The file is in three parts: values and the checksum, which both sides
 * share; the SQLite side (schema, reading rows); the PostgreSQL side
 * (schema, reading and writing rows, the transaction's DDL). */
#include "internal.h"

#include "core/die.h"

#include <sodium.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Tables that the migrations fill: their rows in the target are replaced. */
static const char *const filled_by_migrations[] = { "schema_migration", "installation_key", "person_suffix_at", NULL };

enum { OID_BOOL = 16, OID_BYTEA = 17, OID_INT8 = 20, OID_INT2 = 21, OID_INT4 = 23, OID_TEXT = 25,
       OID_FLOAT4 = 700, OID_FLOAT8 = 701, OID_VARCHAR = 1043 };

/* ---- values and the checksum ------------------------------------------ */

enum vtype { V_NULL, V_INT, V_REAL, V_TEXT, V_BLOB };

struct value {
	enum vtype type;
	long long i;
	double r;
	const unsigned char *p;  /* text (not NUL-terminated) or blob */
	size_t len;
};

struct digest {
	crypto_hash_sha256_state st;
	long long rows;
};

static void digest_init(struct digest *d)
{
	crypto_hash_sha256_init(&d->st);
	d->rows = 0;
}

static void put_u64(unsigned char out[8], uint64_t v)
{
	for (int k = 7; k >= 0; k--, v >>= 8)
		out[k] = (unsigned char)(v & 0xff);
}

/* One row in the canonical rendering: per value a type tag, then for a
 * number its 8 bytes (two's complement or IEEE 754, big-endian), for a
 * text or blob its length in 8 bytes and its bytes. */
static void digest_row(struct digest *d, const struct value *v, int n)
{
	for (int k = 0; k < n; k++) {
		unsigned char head[9];
		uint64_t bits;
		size_t hl = 9;
		switch (v[k].type) {
		case V_NULL:
			head[0] = 'n';
			hl = 1;
			break;
		case V_INT:
			head[0] = 'i';
			put_u64(head + 1, (uint64_t)v[k].i);
			break;
		case V_REAL:
			head[0] = 'r';
			memcpy(&bits, &v[k].r, sizeof(bits));
			put_u64(head + 1, bits);
			break;
		case V_TEXT: case V_BLOB:
			head[0] = v[k].type == V_TEXT ? 't' : 'b';
			put_u64(head + 1, v[k].len);
			break;
		}
		crypto_hash_sha256_update(&d->st, head, hl);
		if ((v[k].type == V_TEXT || v[k].type == V_BLOB) && v[k].len)
			crypto_hash_sha256_update(&d->st, v[k].p, v[k].len);
	}
	d->rows++;
}

static void digest_hex(struct digest *d, char out[65])
{
	unsigned char h[crypto_hash_sha256_BYTES];
	crypto_hash_sha256_final(&d->st, h);
	sodium_bin2hex(out, 65, h, sizeof(h));
}

/* ---- the plan: which tables, which columns, in which order ------------- */

struct table {
	char *name;
	char **cols;      /* SQLite's order; rowid first for a virtual table */
	int ncols;
	char **key;       /* the order rows are read in: the primary key, else
			   * every column */
	int nkey;
	/* PostgreSQL's side */
	Oid *types;       /* per column */
	bool *collatable; /* per key column: text, compared as bytes ("C") */
	char *identity;   /* the identity column, or NULL */
	long long sequence; /* SQLite's sqlite_sequence for the table, or 0 */
	bool filled;      /* one of filled_by_migrations */
	struct digest from, to;
};

struct plan {
	struct arena a;
	struct table *t;
	size_t n;
};

/* "name" with its quotes doubled: an identifier in either database. */
static void add_ident(struct buf *b, const char *name)
{
	buf_addch(b, '"');
	for (const char *p = name; *p; p++) {
		if (*p == '"')
			buf_addch(b, '"');
		buf_addch(b, *p);
	}
	buf_addch(b, '"');
}

/* SELECT the columns FROM the table ORDER BY its key; on PostgreSQL a text
 * key is ordered as SQLite's BINARY does (bytes: "C") and NULL first. */
static void select_sql(struct buf *b, const struct table *t, bool postgresql)
{
	buf_adds(b, "SELECT ");
	for (int k = 0; k < t->ncols; k++) {
		if (k)
			buf_adds(b, ", ");
		add_ident(b, t->cols[k]);
	}
	buf_adds(b, " FROM ");
	add_ident(b, t->name);
	buf_adds(b, " ORDER BY ");
	for (int k = 0; k < t->nkey; k++) {
		if (k)
			buf_adds(b, ", ");
		add_ident(b, t->key[k]);
		if (postgresql)
			buf_adds(b, t->collatable[k] ? " COLLATE \"C\" NULLS FIRST" : " NULLS FIRST");
	}
}

static bool is_filled(const char *name)
{
	for (const char *const *f = filled_by_migrations; *f; f++)
		if (!strcmp(*f, name))
			return true;
	return false;
}

/* ---- the SQLite side --------------------------------------------------- */

static int lite_fail(struct store *s, struct buf *err, const char *what)
{
	buf_addf(err, "SQLite: %s: %s", what, sqlite3_errmsg(s->db));
	return ST_ERROR;
}

/* The columns and primary key of one table (pragma table_info). */
static int lite_columns(struct store *s, struct arena *a, struct table *t, bool virtual, struct buf *err)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, "SELECT name, pk FROM pragma_table_info(?1) ORDER BY cid", -1, &st, NULL))
		return lite_fail(s, err, "reading the columns");
	sqlite3_bind_text(st, 1, t->name, -1, SQLITE_STATIC);
	size_t cap = 8;
	t->cols = arena_alloc(a, (cap + 1) * sizeof(char *));
	int *pk = arena_alloc(a, (cap + 1) * sizeof(int));
	if (virtual) {  /* an FTS5 table: its rowid is the document's id */
		t->cols[t->ncols] = "rowid";
		pk[t->ncols++] = 1;
	}
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((size_t)t->ncols == cap) {
			t->cols = arena_grow(a, t->cols, (size_t)t->ncols, cap * 2 + 1, sizeof(char *));
			pk = arena_grow(a, pk, (size_t)t->ncols, cap * 2 + 1, sizeof(int));
			cap *= 2;
		}
		t->cols[t->ncols] = arena_strdup(a, (const char *)sqlite3_column_text(st, 0));
		pk[t->ncols++] = sqlite3_column_int(st, 1);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return lite_fail(s, err, "reading the columns");
	t->key = arena_alloc(a, (size_t)t->ncols * sizeof(char *));
	for (int order = 1; order <= t->ncols; order++)
		for (int k = 0; k < t->ncols; k++)
			if (pk[k] == order)
				t->key[t->nkey++] = t->cols[k];
	if (!t->nkey) {  /* no primary key: every column */
		memcpy(t->key, t->cols, (size_t)t->ncols * sizeof(char *));
		t->nkey = t->ncols;
	}
	return ST_OK;
}

/* SQLite's tables: ordinary and virtual ones, not SQLite's own nor the
 * shadow tables of a virtual one (FTS5's search_text_data and the like). */
static int lite_tables(struct store *s, struct plan *p, struct buf *err)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, "SELECT name, type FROM pragma_table_list WHERE schema = 'main'"
			       " AND type IN ('table', 'virtual') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
			       " ORDER BY name", -1, &st, NULL))
		return lite_fail(s, err, "reading the tables");
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct table *t = ROW_PUSH(&p->a, p->t, p->n, cap);
		memset(t, 0, sizeof(*t));
		t->name = arena_strdup(&p->a, (const char *)sqlite3_column_text(st, 0));
		t->filled = is_filled(t->name);
		bool virtual = !strcmp((const char *)sqlite3_column_text(st, 1), "virtual");
		int r = lite_columns(s, &p->a, t, virtual, err);
		if (r) {
			sqlite3_finalize(st);
			return r;
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? ST_OK : lite_fail(s, err, "reading the tables");
}

/* The highest id each AUTOINCREMENT table has given (sqlite_sequence):
 * PostgreSQL's identity must not give those of deleted rows again. */
static int lite_sequences(struct store *s, struct plan *p, struct buf *err)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, "SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'", -1, &st, NULL))
		return lite_fail(s, err, "reading the sequences");
	bool have = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	if (!have)
		return ST_OK;
	if (sqlite3_prepare_v2(s->db, "SELECT name, seq FROM sqlite_sequence", -1, &st, NULL))
		return lite_fail(s, err, "reading the sequences");
	while (sqlite3_step(st) == SQLITE_ROW)
		for (size_t k = 0; k < p->n; k++)
			if (!strcmp(p->t[k].name, (const char *)sqlite3_column_text(st, 0)))
				p->t[k].sequence = sqlite3_column_int64(st, 1);
	sqlite3_finalize(st);
	return ST_OK;
}

/* Reads a table's rows in key order, each handed to row(). */
typedef int (*row_fn)(void *arg, const struct value *v, int n, struct buf *err);

static int lite_rows(struct store *s, const struct table *t, row_fn row, void *arg, struct buf *err)
{
	struct buf sql = BUF_INIT;
	select_sql(&sql, t, false);
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(s->db, sql.ptr, -1, &st, NULL);
	buf_release(&sql);
	if (rc)
		return lite_fail(s, err, t->name);
	struct value *v = xcalloc((size_t)t->ncols, sizeof(*v));
	int r = ST_OK;
	while (!r && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (int k = 0; k < t->ncols; k++) {
			memset(&v[k], 0, sizeof(v[k]));
			switch (sqlite3_column_type(st, k)) {
			case SQLITE_INTEGER:
				v[k].type = V_INT;
				v[k].i = sqlite3_column_int64(st, k);
				break;
			case SQLITE_FLOAT:
				v[k].type = V_REAL;
				v[k].r = sqlite3_column_double(st, k);
				break;
			case SQLITE_TEXT:
				v[k].type = V_TEXT;
				v[k].p = sqlite3_column_text(st, k);
				v[k].len = (size_t)sqlite3_column_bytes(st, k);
				break;
			case SQLITE_BLOB:
				v[k].type = V_BLOB;
				v[k].p = sqlite3_column_blob(st, k);
				v[k].len = (size_t)sqlite3_column_bytes(st, k);
				break;
			default:
				v[k].type = V_NULL;
			}
		}
		r = row(arg, v, t->ncols, err);
	}
	if (!r && rc != SQLITE_DONE)
		r = lite_fail(s, err, t->name);
	free(v);
	sqlite3_finalize(st);
	return r;
}

/* ---- the PostgreSQL side ----------------------------------------------- */

/* PostgreSQL's message without its closing newline. */
static void add_error(struct buf *err, const char *what, const char *msg)
{
	size_t n = strlen(msg);
	while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		n--;
	buf_addf(err, "PostgreSQL%s%s: %.*s", what ? ", " : "", what ? what : "", (int)n, msg);
}

/* A statement's result, or NULL with the message in err. */
static PGresult *pg_run(struct store *s, const char *sql, int nparams, const char *const *vals, struct buf *err)
{
	PGresult *res = PQexecParams(s->pg, sql, nparams, NULL, vals, NULL, NULL, 0);
	ExecStatusType st = PQresultStatus(res);
	if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK)
		return res;
	add_error(err, NULL, PQresultErrorMessage(res));
	PQclear(res);
	return NULL;
}

/* One or more statements without parameters. */
static int pg_exec(struct store *s, const char *sql, struct buf *err)
{
	PGresult *res = PQexec(s->pg, sql);
	ExecStatusType st = PQresultStatus(res);
	int r = st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK ? ST_OK : ST_ERROR;
	if (r)
		add_error(err, NULL, PQresultErrorMessage(res));
	PQclear(res);
	return r;
}

static struct table *find_table(struct plan *p, const char *name)
{
	for (size_t k = 0; k < p->n; k++)
		if (!strcmp(p->t[k].name, name))
			return &p->t[k];
	return NULL;
}

static int column_of(const struct table *t, const char *name)
{
	for (int k = 0; k < t->ncols; k++)
		if (!strcmp(t->cols[k], name))
			return k;
	return -1;
}

#define PG_COLUMNS \
	"SELECT c.relname, a.attname, a.atttypid, t.typcollation <> 0, a.attgenerated <> '', a.attidentity <> ''" \
	" FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid JOIN pg_type t ON t.oid = a.atttypid" \
	" WHERE c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())" \
	" AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped ORDER BY c.relname, a.attnum"

/* PostgreSQL's tables and columns checked against SQLite's: the same
 * tables, the same columns by name (a generated column aside); fills in
 * the types, the key's collations and the identities. Every difference is
 * listed in err. */
static int pg_match(struct store *s, struct plan *p, struct buf *err)
{
	PGresult *res = pg_run(s, PG_COLUMNS, 0, NULL, err);
	if (!res)
		return ST_ERROR;
	for (size_t k = 0; k < p->n; k++) {
		p->t[k].types = arena_alloc(&p->a, (size_t)p->t[k].ncols * sizeof(Oid));
		p->t[k].collatable = arena_alloc(&p->a, (size_t)p->t[k].nkey * sizeof(bool));
	}
	bool *seen_table = arena_alloc(&p->a, p->n + 1);
	size_t problems = 0;
	for (int row = 0; row < PQntuples(res); row++) {
		const char *tn = PQgetvalue(res, row, 0), *cn = PQgetvalue(res, row, 1);
		bool generated = *PQgetvalue(res, row, 4) == 't';
		struct table *t = find_table(p, tn);
		if (!t) {
			if (row == 0 || strcmp(tn, PQgetvalue(res, row - 1, 0)))
				buf_addf(err, "%stable %s is in PostgreSQL but not in SQLite", problems++ ? "; " : "", tn);
			continue;
		}
		seen_table[t - p->t] = true;
		int c = column_of(t, cn);
		if (c < 0) {
			if (!generated)
				buf_addf(err, "%scolumn %s.%s is in PostgreSQL but not in SQLite", problems++ ? "; " : "", tn, cn);
			continue;
		}
		if (t->types[c]) {
			buf_addf(err, "%scolumn %s.%s twice", problems++ ? "; " : "", tn, cn);
			continue;
		}
		if (generated) {
			buf_addf(err, "%scolumn %s.%s is generated in PostgreSQL", problems++ ? "; " : "", tn, cn);
			continue;
		}
		t->types[c] = (Oid)strtoul(PQgetvalue(res, row, 2), NULL, 10);
		for (int k = 0; k < t->nkey; k++)
			if (!strcmp(t->key[k], cn))
				t->collatable[k] = *PQgetvalue(res, row, 3) == 't';
		if (*PQgetvalue(res, row, 5) == 't')
			t->identity = arena_strdup(&p->a, cn);
	}
	PQclear(res);
	for (size_t k = 0; k < p->n; k++) {
		if (!seen_table[k]) {
			buf_addf(err, "%stable %s is in SQLite but not in PostgreSQL", problems++ ? "; " : "", p->t[k].name);
			continue;
		}
		for (int c = 0; c < p->t[k].ncols; c++)
			if (!p->t[k].types[c])
				buf_addf(err, "%scolumn %s.%s is in SQLite but not in PostgreSQL", problems++ ? "; " : "",
					 p->t[k].name, p->t[k].cols[c]);
	}
	return problems ? ST_INVALID : ST_OK;
}

/* Refuses a target with rows in any table but those the migrations fill. */
static int pg_empty(struct store *s, struct plan *p, struct buf *err)
{
	struct buf sql = BUF_INIT, full = BUF_INIT;
	int r = ST_OK, nfull = 0;
	for (size_t k = 0; k < p->n && !r; k++) {
		if (p->t[k].filled)
			continue;
		buf_reset(&sql);
		buf_adds(&sql, "SELECT EXISTS (SELECT 1 FROM ");
		add_ident(&sql, p->t[k].name);
		buf_adds(&sql, ")");
		PGresult *res = pg_run(s, sql.ptr, 0, NULL, err);
		if (!res)
			r = ST_ERROR;
		else if (*PQgetvalue(res, 0, 0) == 't' && nfull++ < 5)
			buf_addf(&full, "%s%s", full.len ? ", " : "", p->t[k].name);
		PQclear(res);
	}
	if (!r && nfull) {
		if (nfull > 5)
			buf_addf(&full, " and %d more table%s", nfull - 5, nfull > 6 ? "s" : "");
		buf_addf(err, "the PostgreSQL database holds data already (in %s): migrate-to copies only into a database "
			 "that has nothing but its schema", full.ptr);
		r = ST_CONFLICT;
	}
	buf_release(&sql);
	buf_release(&full);
	return r;
}

static uint64_t get_u64(const unsigned char *p, int n)
{
	uint64_t v = 0;
	for (int k = 0; k < n; k++)
		v = v << 8 | p[k];
	return v;
}

/* One value of a binary result by its column's type. */
static int pg_value(const PGresult *res, int c, struct value *v, struct buf *err)
{
	memset(v, 0, sizeof(*v));
	if (PQgetisnull(res, 0, c)) {
		v->type = V_NULL;
		return ST_OK;
	}
	const unsigned char *p = (const unsigned char *)PQgetvalue(res, 0, c);
	int len = PQgetlength(res, 0, c);
	switch (PQftype(res, c)) {
	case OID_INT8: case OID_INT4: case OID_INT2: case OID_BOOL: {
		uint64_t u = get_u64(p, len);
		int bits = 8 * len;  /* sign-extended from its width */
		v->type = V_INT;
		v->i = bits < 64 && (u >> (bits - 1)) ? (long long)(u | ~((UINT64_C(1) << bits) - 1)) : (long long)u;
		return ST_OK;
	}
	case OID_FLOAT8: {
		uint64_t u = get_u64(p, 8);
		v->type = V_REAL;
		memcpy(&v->r, &u, sizeof(u));
		return ST_OK;
	}
	case OID_FLOAT4: {
		uint32_t u = (uint32_t)get_u64(p, 4);
		float f;
		memcpy(&f, &u, sizeof(f));
		v->type = V_REAL;
		v->r = f;
		return ST_OK;
	}
	case OID_TEXT: case OID_VARCHAR: case OID_BYTEA:
		v->type = PQftype(res, c) == OID_BYTEA ? V_BLOB : V_TEXT;
		v->p = p;
		v->len = (size_t)len;
		return ST_OK;
	}
	buf_addf(err, "column %s has a type (oid %u) the copy does not know", PQfname(res, c), PQftype(res, c));
	return ST_ERROR;
}

/* Reads a table's rows in key order, one at a time (single-row mode, binary
 * values), each handed to row(). */
static int pg_rows(struct store *s, const struct table *t, row_fn row, void *arg, struct buf *err)
{
	struct buf sql = BUF_INIT;
	select_sql(&sql, t, true);
	int ok = PQsendQueryParams(s->pg, sql.ptr, 0, NULL, NULL, NULL, NULL, 1) && PQsetSingleRowMode(s->pg);
	buf_release(&sql);
	if (!ok) {
		add_error(err, NULL, PQerrorMessage(s->pg));
		return ST_ERROR;
	}
	struct value *v = xcalloc((size_t)t->ncols, sizeof(*v));
	int r = ST_OK;
	PGresult *res;
	while ((res = PQgetResult(s->pg))) {
		ExecStatusType st = PQresultStatus(res);
		if (st == PGRES_SINGLE_TUPLE && !r) {
			for (int k = 0; k < t->ncols && !r; k++)
				r = pg_value(res, k, &v[k], err);
			if (!r)
				r = row(arg, v, t->ncols, err);
		} else if (st != PGRES_SINGLE_TUPLE && st != PGRES_TUPLES_OK && !r) {
			add_error(err, NULL, PQresultErrorMessage(res));
			r = ST_ERROR;
		}
		PQclear(res);  /* on to the end of the results, whatever happened */
	}
	free(v);
	return r;
}

/* Rows waiting to go into a table in one INSERT of many VALUES. */
struct batch {
	struct store *s;
	const struct table *t;
	struct digest *d;  /* the source's checksum, made on the way */
	int rows, max_rows;
	struct buf data;   /* the parameters' bytes, one after the other */
	size_t *offs;
	Oid *types;
	int *lens, *fmts;
	bool *null;
	long long copied;
};

/* A value as a parameter of its own type: a number as text, a text or blob
 * as its bytes (binary); NULL with the column's type. */
static void batch_param(struct batch *b, int i, const struct value *v, Oid column_type)
{
	b->offs[i] = b->data.len;
	b->null[i] = false;
	b->fmts[i] = 0;
	switch (v->type) {
	case V_NULL:
		b->null[i] = true;
		b->types[i] = column_type;
		b->lens[i] = 0;
		return;
	case V_INT:
		buf_addf(&b->data, "%lld", v->i);
		b->types[i] = OID_INT8;
		break;
	case V_REAL:
		buf_addf(&b->data, "%.17g", v->r);
		b->types[i] = OID_FLOAT8;
		break;
	case V_TEXT: case V_BLOB:
		buf_add(&b->data, v->p, v->len);
		b->types[i] = v->type == V_TEXT ? OID_TEXT : OID_BYTEA;
		b->fmts[i] = 1;
		break;
	}
	b->lens[i] = (int)(b->data.len - b->offs[i]);
	buf_addch(&b->data, 0);
}

static int batch_flush(struct batch *b, struct buf *err)
{
	if (!b->rows)
		return ST_OK;
	const struct table *t = b->t;
	struct buf sql = BUF_INIT;
	buf_adds(&sql, "INSERT INTO ");
	add_ident(&sql, t->name);
	buf_adds(&sql, " (");
	for (int k = 0; k < t->ncols; k++) {
		if (k)
			buf_adds(&sql, ", ");
		add_ident(&sql, t->cols[k]);
	}
	buf_adds(&sql, ") VALUES ");
	int n = b->rows * t->ncols;
	const char **vals = xcalloc((size_t)n, sizeof(*vals));
	for (int row = 0, i = 0; row < b->rows; row++) {
		buf_adds(&sql, row ? ", (" : "(");
		for (int k = 0; k < t->ncols; k++, i++) {
			buf_addf(&sql, k ? ", $%d" : "$%d", i + 1);
			vals[i] = b->null[i] ? NULL : b->data.ptr + b->offs[i];
		}
		buf_addch(&sql, ')');
	}
	PGresult *res = PQexecParams(b->s->pg, sql.ptr, n, b->types, vals, b->lens, b->fmts, 0);
	int r = ST_OK;
	if (PQresultStatus(res) != PGRES_COMMAND_OK) {
		add_error(err, t->name, PQresultErrorMessage(res));
		r = ST_ERROR;
	}
	PQclear(res);
	free(vals);
	buf_release(&sql);
	b->copied += b->rows;
	b->rows = 0;
	buf_reset(&b->data);
	return r;
}

static int batch_row(void *arg, const struct value *v, int n, struct buf *err)
{
	struct batch *b = arg;
	digest_row(b->d, v, n);
	for (int k = 0; k < n; k++)
		batch_param(b, b->rows * n + k, &v[k], b->t->types[k]);
	return ++b->rows == b->max_rows ? batch_flush(b, err) : ST_OK;
}

/* Copies one table from SQLite (its checksum made on the way). */
static int copy_table(struct store *from, struct store *to, struct table *t, struct buf *err)
{
	if (t->filled) {
		struct buf sql = BUF_INIT;
		buf_adds(&sql, "DELETE FROM ");
		add_ident(&sql, t->name);
		int r = pg_exec(to, sql.ptr, err);
		buf_release(&sql);
		if (r)
			return r;
	}
	struct batch b = { .s = to, .t = t, .d = &t->from };
	/* PostgreSQL takes at most 65,535 parameters a statement */
	b.max_rows = 60000 / t->ncols < 1000 ? 60000 / t->ncols : 1000;
	size_t n = (size_t)b.max_rows * (size_t)t->ncols;
	b.offs = xcalloc(n, sizeof(*b.offs));
	b.types = xcalloc(n, sizeof(*b.types));
	b.lens = xcalloc(n, sizeof(*b.lens));
	b.fmts = xcalloc(n, sizeof(*b.fmts));
	b.null = xcalloc(n, sizeof(*b.null));
	digest_init(&t->from);
	int r = lite_rows(from, t, batch_row, &b, err);
	if (!r)
		r = batch_flush(&b, err);
	buf_release(&b.data);
	free(b.offs);
	free(b.types);
	free(b.lens);
	free(b.fmts);
	free(b.null);
	return r;
}

/* DDL run inside the transaction and its undoing afterwards: the foreign
 * keys (dropped, added again) and the enabled user triggers (off, on). */
struct ddl {
	struct buf before, after;
};

#define PG_FOREIGN_KEYS \
	"SELECT c.conrelid::regclass::text, quote_ident(c.conname), pg_get_constraintdef(c.oid)" \
	" FROM pg_constraint c JOIN pg_class r ON r.oid = c.conrelid" \
	" WHERE c.contype = 'f' AND r.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())" \
	" ORDER BY 1, 2"
#define PG_TRIGGERS \
	"SELECT g.tgrelid::regclass::text, quote_ident(g.tgname)" \
	" FROM pg_trigger g JOIN pg_class r ON r.oid = g.tgrelid" \
	" WHERE NOT g.tgisinternal AND g.tgenabled = 'O'" \
	" AND r.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())" \
	" ORDER BY 1, 2"

static int pg_ddl(struct store *s, struct ddl *d, struct buf *err)
{
	PGresult *res = pg_run(s, PG_FOREIGN_KEYS, 0, NULL, err);
	if (!res)
		return ST_ERROR;
	for (int k = 0; k < PQntuples(res); k++) {
		buf_addf(&d->before, "ALTER TABLE %s DROP CONSTRAINT %s;\n", PQgetvalue(res, k, 0), PQgetvalue(res, k, 1));
		buf_addf(&d->after, "ALTER TABLE %s ADD CONSTRAINT %s %s;\n", PQgetvalue(res, k, 0), PQgetvalue(res, k, 1),
			 PQgetvalue(res, k, 2));
	}
	PQclear(res);
	if (!(res = pg_run(s, PG_TRIGGERS, 0, NULL, err)))
		return ST_ERROR;
	for (int k = 0; k < PQntuples(res); k++) {
		buf_addf(&d->before, "ALTER TABLE %s DISABLE TRIGGER %s;\n", PQgetvalue(res, k, 0), PQgetvalue(res, k, 1));
		buf_addf(&d->after, "ALTER TABLE %s ENABLE TRIGGER %s;\n", PQgetvalue(res, k, 0), PQgetvalue(res, k, 1));
	}
	PQclear(res);
	return ST_OK;
}

static int pg_ddl_run(struct store *s, const char *sql, const char *what, struct buf *err)
{
	if (!pg_exec(s, sql, err))
		return ST_OK;
	buf_addf(err, " (%s; this needs the owner of the tables, the role that ran the migrations)", what);
	return ST_ERROR;
}

/* Every identity set past the highest id copied and past the highest
 * SQLite ever gave (sqlite_sequence). */
static int pg_sequences(struct store *s, struct plan *p, struct buf *err)
{
	struct buf sql = BUF_INIT;
	int r = ST_OK;
	for (size_t k = 0; k < p->n && !r; k++) {
		struct table *t = &p->t[k];
		if (!t->identity)
			continue;
		char seq[24];
		snprintf(seq, sizeof(seq), "%lld", t->sequence);
		buf_reset(&sql);
		buf_adds(&sql, "SELECT setval(pg_get_serial_sequence($1, $2), greatest(coalesce(max(");
		add_ident(&sql, t->identity);
		buf_adds(&sql, "), 0), $3::bigint, 1), greatest(coalesce(max(");
		add_ident(&sql, t->identity);
		buf_adds(&sql, "), 0), $3::bigint) > 0) FROM ");
		add_ident(&sql, t->name);
		struct buf q = BUF_INIT;
		add_ident(&q, t->name);
		const char *vals[3] = { q.ptr, t->identity, seq };
		PGresult *res = pg_run(s, sql.ptr, 3, vals, err);
		if (!res)
			r = ST_ERROR;
		PQclear(res);
		buf_release(&q);
	}
	buf_release(&sql);
	return r;
}

static int digest_cb(void *arg, const struct value *v, int n, struct buf *err)
{
	(void)err;
	digest_row(arg, v, n);
	return ST_OK;
}

/* ---- the whole ------------------------------------------------------- */

static void plan_free(struct plan *p)
{
	arena_free(&p->a);
	memset(p, 0, sizeof(*p));
}

/* Both schemas read and matched; the same migrations applied to both. */
static int plan_make(struct store *from, struct store *to, struct plan *p, struct buf *err)
{
	if (from->kind != DB_SQLITE || to->kind != DB_POSTGRESQL) {
		buf_adds(err, "a copy goes from an SQLite store to a PostgreSQL one");
		return ST_INVALID;
	}
	int vf = store_schema_version(from), vt = store_schema_version(to);
	if (vf != vt) {
		buf_addf(err, "the schemas differ: SQLite is at migration %d, PostgreSQL at %d (run 'leergang migrate' on both "
			 "with the same leergang)", vf, vt);
		return ST_INVALID;
	}
	int r = lite_tables(from, p, err);
	if (!r)
		r = lite_sequences(from, p, err);
	if (!r && (r = pg_match(to, p, err)))
		buf_adds(err, " (the two schemas must be the same)");
	return r;
}

/* Verifies every table: rows read from both in key order, counted and
 * hashed; those of the source already hashed when from_done. */
static int verify(struct store *from, struct store *to, struct plan *p, bool from_done, store_copy_report report,
		  void *arg, int *differ, struct buf *err)
{
	*differ = 0;
	for (size_t k = 0; k < p->n; k++) {
		struct table *t = &p->t[k];
		int r;
		if (!from_done) {
			digest_init(&t->from);
			if ((r = lite_rows(from, t, digest_cb, &t->from, err)))
				return r;
		}
		digest_init(&t->to);
		if ((r = pg_rows(to, t, digest_cb, &t->to, err)))
			return r;
		struct store_copy_table c = { .name = t->name, .rows = t->from.rows, .rows_target = t->to.rows };
		digest_hex(&t->from, c.checksum);
		digest_hex(&t->to, c.checksum_target);
		c.same = c.rows == c.rows_target && !strcmp(c.checksum, c.checksum_target);
		if (!c.same)
			(*differ)++;
		if (report)
			report(arg, &c);
	}
	return ST_OK;
}

static int copy_all(struct store *from, struct store *to, struct plan *p, store_copy_report report, void *arg,
		    struct buf *err)
{
	struct ddl d = { BUF_INIT, BUF_INIT };
	int r = pg_empty(to, p, err);
	if (!r)
		r = pg_ddl(to, &d, err);
	if (!r)
		r = pg_ddl_run(to, d.before.ptr, "dropping the foreign keys and switching the triggers off", err);
	for (size_t k = 0; k < p->n && !r; k++)
		r = copy_table(from, to, &p->t[k], err);
	if (!r)
		r = pg_ddl_run(to, d.after.ptr, "adding the foreign keys again and switching the triggers on", err);
	if (!r)
		r = pg_sequences(to, p, err);
	buf_release(&d.before);
	buf_release(&d.after);
	int differ = 0;
	if (!r)
		r = verify(from, to, p, true, report, arg, &differ, err);
	if (!r && differ) {
		buf_addf(err, "%d table%s differ after the copy; nothing was written", differ, differ == 1 ? "" : "s");
		r = ST_ERROR;
	}
	return r;
}

int store_copy(struct store *from, struct store *to, store_copy_report report, void *arg, struct buf *err)
{
	struct plan p = { ARENA_INIT, NULL, 0 };
	int r = store_read_begin(from);
	if (r) {
		buf_addf(err, "SQLite: %s", store_errmsg(from));
		return r;
	}
	if ((r = store_begin(to))) {
		buf_addf(err, "PostgreSQL: %s", store_errmsg(to));
		store_read_end(from);
		return r;
	}
	r = plan_make(from, to, &p, err);
	if (!r)
		r = copy_all(from, to, &p, report, arg, err);
	if (!r && store_commit(to)) {
		buf_addf(err, "PostgreSQL: the commit failed: %s", store_errmsg(to));
		r = ST_ERROR;
	}
	if (r)
		store_rollback(to);
	store_read_end(from);
	plan_free(&p);
	/* statistics for the planner at once: until autovacuum gets to the
	 * new tables it guesses (hash joins over whole tables, JIT) */
	if (!r && exec_sql(to, "ANALYZE", NULL))
		fprintf(stderr, "leergang: migrate-to: the copy stands, but ANALYZE failed (%s); run it yourself\n",
			store_errmsg(to));
	return r;
}

int store_copy_verify(struct store *from, struct store *to, store_copy_report report, void *arg, int *differ,
		      struct buf *err)
{
	struct plan p = { ARENA_INIT, NULL, 0 };
	*differ = 0;
	int r = store_read_begin(from);
	if (r) {
		buf_addf(err, "SQLite: %s", store_errmsg(from));
		return r;
	}
	if ((r = store_read_begin(to))) {
		buf_addf(err, "PostgreSQL: %s", store_errmsg(to));
		store_read_end(from);
		return r;
	}
	r = plan_make(from, to, &p, err);
	if (!r)
		r = verify(from, to, &p, false, report, arg, differ, err);
	store_read_end(to);
	store_read_end(from);
	plan_free(&p);
	return r;
}
