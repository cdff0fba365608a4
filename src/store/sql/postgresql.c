/* postgresql.c — the PostgreSQL connection (libpq): opening by URI, the
 * queries prepared once per connection with their ?N parameters turned
 * into $N, run with the values as text (bytea as binary), rows read from
 * the result, errors mapped to store_rc by SQLSTATE.
 *
 * Two habits of SQLite the queries count on are kept here:
 * - a failed statement inside a transaction fails alone (SQLite undoes
 *   just that statement; PostgreSQL would abort the whole transaction), so
 *   a statement that writes runs inside its own savepoint there;
 * - one writer at a time (db.c store_begin takes an advisory lock). */
#include "internal.h"
#include "backend.h"

#include <stdio.h>
#include "core/die.h"

#include <assert.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

enum { OID_BOOL = 16, OID_BYTEA = 17, OID_INT8 = 20, OID_INT2 = 21, OID_INT4 = 23, OID_TEXT = 25, OID_FLOAT4 = 700,
       OID_FLOAT8 = 701, OID_NUMERIC = 1700 };

static void quiet(void *arg, const char *message)
{
	(void)arg;
	(void)message;
}

static void set_error(struct store *s, const char *msg)
{
	free(s->pg_error);
	s->pg_error = xstrdup(msg ? msg : "");
}

/* A failed result as a store_rc, by its SQLSTATE. */
static int error_rc(struct store *s, const PGresult *res)
{
	set_error(s, res ? PQresultErrorMessage(res) : PQerrorMessage(s->pg));
	const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	if (!state)
		return ST_ERROR;
	if (!strcmp(state, "23505"))
		return ST_CONFLICT;
	if (!strcmp(state, "23503") || !strcmp(state, "23514") || !strcmp(state, "23502"))
		return ST_INVALID;
	if (!strcmp(state, "40001") || !strcmp(state, "40P01") || !strcmp(state, "55P03"))
		return ST_BUSY;
	return ST_ERROR;
}

/* What every connection is told first: no notices on stderr, times in UTC. */
static int session_setup(struct store *s, struct buf *err)
{
	PQsetNoticeProcessor(s->pg, quiet, NULL);
	return postgresql_exec(s, "SET client_min_messages = warning; SET TIME ZONE 'UTC'", err);
}

int postgresql_open(struct store *s, struct buf *err)
{
	s->pg = PQconnectdb(s->path);
	if (!s->pg || PQstatus(s->pg) != CONNECTION_OK) {
		buf_addf(err, "cannot connect to the PostgreSQL database: %s",
			 s->pg ? PQerrorMessage(s->pg) : "out of memory");
		return ST_ERROR;
	}
	return session_setup(s, err);
}

/* Whether table has an id drawn from an identity (asked once per
 * connection, after the migrations, on the first INSERT prepared). */
static bool has_identity(struct store *s, const char *table, size_t len)
{
	if (!s->pg_identity) {
		PGresult *res = PQexec(s->pg, "SELECT string_agg(' ' || table_name || ' ', '') FROM information_schema.columns"
				       " WHERE table_schema = current_schema() AND column_name = 'id' AND is_identity = 'YES'");
		s->pg_identity = xstrdup(PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1 ?
					 PQgetvalue(res, 0, 0) : "");
		PQclear(res);
	}
	char key[80];
	if (len + 3 > sizeof(key))
		return false;
	snprintf(key, sizeof(key), " %.*s ", (int)len, table);
	return strstr(s->pg_identity, key) != NULL;
}

void postgresql_close(struct store *s)
{
	PQfinish(s->pg);
	free(s->pg_error);
	free(s->pg_identity);
}

/* A connection the server closed (a restart, a fail-over) is opened
 * again before the next statement, its statements to be prepared anew; a
 * transaction it was in is lost, and the statement fails: false. */
static bool reconnected(struct store *s)
{
	if (PQstatus(s->pg) == CONNECTION_OK)
		return true;
	PQreset(s->pg);
	if (PQstatus(s->pg) != CONNECTION_OK)
		return false;
	for (size_t i = 0; i < s->cache_slots; i++)
		if (s->cache[i].q) {
			s->cache[i].q->prepared = false;
			if (s->cache[i].q->desc)
				PQclear(s->cache[i].q->desc);
			s->cache[i].q->desc = NULL;
		}
	bool was_in_transaction = s->txn_depth > 0;
	s->txn_depth = 0;
	s->reading = false;
	(void)session_setup(s, NULL);
	return !was_in_transaction;
}

int postgresql_exec(struct store *s, const char *sql, struct buf *err)
{
	if (!reconnected(s)) {
		set_error(s, "the connection to the database was lost");
		if (err)
			buf_addf(err, "%s", s->pg_error);
		return ST_ERROR;
	}
	PGresult *res = PQexec(s->pg, sql);
	ExecStatusType st = PQresultStatus(res);
	if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK && PQstatus(s->pg) == CONNECTION_BAD &&
	    !s->txn_depth && reconnected(s)) {  /* closed by the server meanwhile: once more */
		PQclear(res);
		res = PQexec(s->pg, sql);
		st = PQresultStatus(res);
	}
	int r = ST_OK;
	if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
		r = error_rc(s, res);
		if (err)
			buf_addf(err, "%s", s->pg_error);
	} else if (!strcmp(PQcmdStatus(res), "ROLLBACK") && strstr(sql, "COMMIT")) {
		/* a COMMIT of a transaction that had failed */
		set_error(s, "the transaction failed and was rolled back");
		if (err)
			buf_addf(err, "%s", s->pg_error);
		r = ST_ERROR;
	}
	PQclear(res);
	return r;
}

int postgresql_schema_version(struct store *s)
{
	PGresult *res = PQexec(s->pg, "SELECT to_regclass('schema_migration') IS NOT NULL");
	bool have = PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1 && *PQgetvalue(res, 0, 0) == 't';
	PQclear(res);
	if (!have)
		return 0;
	res = PQexec(s->pg, "SELECT coalesce(max(number), 0) FROM schema_migration");
	int v = PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1 ? atoi(PQgetvalue(res, 0, 0)) : 0;
	PQclear(res);
	return v;
}

/* The query's text with SQLite's parameters (?N, or ? for the next
 * number) as PostgreSQL's $N, outside quotes; *n the highest number. */
static char *translate(const char *sql, int *n)
{
	struct buf b = BUF_INIT;
	int high = 0;
	char quote = 0;
	for (const char *p = sql; *p; p++) {
		if (quote) {
			buf_addch(&b, *p);
			if (*p == quote)
				quote = 0;
			continue;
		}
		if (*p == '\'' || *p == '"') {
			quote = *p;
			buf_addch(&b, *p);
			continue;
		}
		if (*p != '?') {
			buf_addch(&b, *p);
			continue;
		}
		int k;
		if (isdigit((unsigned char)p[1])) {
			k = (int)strtol(p + 1, (char **)&p, 10);
			p--;
		} else {
			k = high + 1;
		}
		if (k > high)
			high = k;
		buf_addf(&b, "$%d", k);
	}
	*n = high;
	return buf_detach(&b, NULL);
}

/* Whether a statement may change rows (then it runs in a savepoint inside
 * a transaction). */
static bool writes(const char *sql)
{
	while (isspace((unsigned char)*sql) || *sql == '(')
		sql++;
	if (!strncasecmp(sql, "SELECT", 6) || !strncasecmp(sql, "VALUES", 6))
		return false;
	if (!strncasecmp(sql, "WITH", 4))
		return strcasestr(sql, "INSERT ") || strcasestr(sql, "UPDATE ") || strcasestr(sql, "DELETE ");
	return true;
}

/* SQLite tells the id of the row an INSERT made (sqlite3_last_insert_rowid),
 * not counting rows its triggers made; lastval() would count them (a
 * report's search entry). So an INSERT into a table with an identity
 * returns its ids, and run() keeps the last as the connection's. */
static bool returns_id(struct store *s, const char *sql)
{
	while (isspace((unsigned char)*sql))
		sql++;
	if (strncasecmp(sql, "INSERT INTO ", 12) || strcasestr(sql, " RETURNING "))
		return false;
	const char *t = sql + 12;
	size_t n = strcspn(t, " (");
	return has_identity(s, t, n);
}

void postgresql_prepare(struct store *s, struct query *q, const char *sql)
{
	q->sql = translate(sql, &q->nparams);
	if ((q->returning = returns_id(s, sql))) {
		struct buf b = BUF_INIT;
		buf_addf(&b, "%s RETURNING id", q->sql);
		free(q->sql);
		q->sql = buf_detach(&b, NULL);
	}
	snprintf(q->name, sizeof(q->name), "q%u", ++s->pg_queries);
	q->writes = writes(sql);
	size_t n = q->nparams ? (size_t)q->nparams : 1;
	q->types = xcalloc(n, sizeof(*q->types));
	q->vals = xcalloc(n, sizeof(*q->vals));
	q->lens = xcalloc(n, sizeof(*q->lens));
	q->fmts = xcalloc(n, sizeof(*q->fmts));
	q->blobrow = -1;
}

static void free_blobs(struct query *q)
{
	if (!q->blobs)
		return;
	int nf = q->res ? PQnfields(q->res) : 0;
	for (int i = 0; i < nf; i++)
		PQfreemem(q->blobs[i]);
	free(q->blobs);
	free(q->bloblens);
	q->blobs = NULL;
	q->bloblens = NULL;
	q->blobrow = -1;
}

void query_free(struct query *q)
{
	if (q->lite) {
		sqlite3_finalize(q->lite);
		return;
	}
	pgq_reset(q);
	pgq_clear(q);
	if (q->desc)
		PQclear(q->desc);
	free(q->sql);
	free(q->types);
	free(q->vals);
	free(q->lens);
	free(q->fmts);
}

void pgq_reset(struct query *q)
{
	free_blobs(q);
	if (q->res)
		PQclear(q->res);
	q->res = NULL;
	q->ran = false;
	q->row = -1;
	q->nrows = 0;
}

void pgq_clear(struct query *q)
{
	for (int i = 0; i < q->nparams; i++) {
		free(q->vals[i]);
		q->vals[i] = NULL;
		q->lens[i] = 0;
		q->fmts[i] = 0;
	}
}

void pgq_bind(struct query *q, int i, Oid type, const char *v, int len, int fmt)
{
	assert(i >= 1 && i <= q->nparams);
	i--;
	free(q->vals[i]);
	q->vals[i] = NULL;
	if (v) {
		size_t n = fmt ? (size_t)len : strlen(v);
		q->vals[i] = xmalloc(n + 1);
		memcpy(q->vals[i], v, n);
		q->vals[i][n] = 0;
	}
	q->lens[i] = len;
	q->fmts[i] = fmt;
	if (!q->prepared)
		q->types[i] = type;
}

void pgq_bind_int64(struct query *q, int i, long long v)
{
	char t[24];
	snprintf(t, sizeof(t), "%lld", v);
	pgq_bind(q, i, OID_INT8, t, 0, 0);
}

void pgq_bind_double(struct query *q, int i, double v)
{
	char t[40];
	snprintf(t, sizeof(t), "%.17g", v);
	pgq_bind(q, i, OID_FLOAT8, t, 0, 0);
}

/* Prepares the statement on its first run (inside a transaction in a
 * savepoint: a failed PREPARE would abort the transaction). A parameter
 * only ever NULL so far where nothing tells its type ("? IS NULL"), or one
 * not used at all, is text the second time, as SQLite would not mind. A
 * failure is not fatal as on SQLite: the server may have gone away; the
 * statement fails, and says why on stderr with its text. */
static int ensure_prepared(struct query *q)
{
	if (q->prepared)
		return ST_OK;
	bool savepoint = !autocommit(q->s);
	if (savepoint && postgresql_exec(q->s, "SAVEPOINT lgp", NULL))
		return ST_ERROR;
	PGresult *res = PQprepare(q->s->pg, q->name, q->sql, q->nparams, q->types);
	const char *state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
	if (PQresultStatus(res) != PGRES_COMMAND_OK && state && !strcmp(state, "42P18")) {
		PQclear(res);
		if (savepoint)
			(void)postgresql_exec(q->s, "ROLLBACK TO SAVEPOINT lgp", NULL);
		for (int i = 0; i < q->nparams; i++)
			if (!q->types[i])
				q->types[i] = OID_TEXT;
		res = PQprepare(q->s->pg, q->name, q->sql, q->nparams, q->types);
	}
	int r = ST_OK;
	if (PQresultStatus(res) != PGRES_COMMAND_OK) {
		r = error_rc(q->s, res);
		fprintf(stderr, "leergang: store: cannot prepare statement: %s%s\n", q->s->pg_error, q->sql);
		if (!r)
			r = ST_ERROR;
		if (savepoint)
			(void)postgresql_exec(q->s, "ROLLBACK TO SAVEPOINT lgp", NULL);
	} else {
		q->prepared = true;
	}
	PQclear(res);
	if (savepoint)
		(void)postgresql_exec(q->s, "RELEASE SAVEPOINT lgp", NULL);
	return r;
}

/* A write inside a transaction runs in a savepoint of its own, as SQLite
 * undoes a failed statement alone and leaves its transaction going. The
 * savepoint, the statement and its release go in one pipeline: one round
 * trip, not three. The statement's result; when it failed the release
 * was skipped (the pipeline aborts) and the caller rolls back to the
 * savepoint. */
static PGresult *exec_in_savepoint(struct query *q)
{
	PGconn *pg = q->s->pg;
	if (!PQenterPipelineMode(pg))
		return PQmakeEmptyPGresult(pg, PGRES_FATAL_ERROR);
	bool sent = PQsendQueryParams(pg, "SAVEPOINT lgq", 0, NULL, NULL, NULL, NULL, 0) &&
		    PQsendQueryPrepared(pg, q->name, q->nparams, (const char *const *)q->vals, q->lens, q->fmts, 0) &&
		    PQsendQueryParams(pg, "RELEASE SAVEPOINT lgq", 0, NULL, NULL, NULL, NULL, 0) && PQpipelineSync(pg);
	/* three results, each followed by NULL, then the sync's */
	PGresult *got[3] = { NULL, NULL, NULL }, *res;
	for (int k = 0; sent && k < 3; k++)
		while ((res = PQgetResult(pg))) {
			if (got[k])
				PQclear(got[k]);
			got[k] = res;
		}
	while (sent && (res = PQgetResult(pg))) {
		bool sync = PQresultStatus(res) == PGRES_PIPELINE_SYNC;
		PQclear(res);
		if (sync)
			break;
	}
	bool left = PQexitPipelineMode(pg);
	/* the savepoint's failure is the statement's */
	int which = got[0] && PQresultStatus(got[0]) != PGRES_COMMAND_OK ? 0 : 1;
	PGresult *out = got[which];
	for (int k = 0; k < 3; k++)
		if (k != which)
			PQclear(got[k]);
	if (!left || !out) {
		PQclear(out);
		out = PQmakeEmptyPGresult(pg, PGRES_FATAL_ERROR);
	}
	return out;
}

static int run_once(struct query *q)
{
	struct store *s = q->s;
	if (!reconnected(s)) {
		set_error(s, "the connection to the database was lost");
		return ST_ERROR;
	}
	int r = ensure_prepared(q);
	if (r)
		return r;
	bool savepoint = q->writes && !autocommit(s);
	q->res = savepoint ? exec_in_savepoint(q)
			   : PQexecPrepared(s->pg, q->name, q->nparams, (const char *const *)q->vals, q->lens, q->fmts, 0);
	ExecStatusType st = PQresultStatus(q->res);
	if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
		r = error_rc(s, q->res);
		/* not a rule of the data: say what failed (LEERGANG_SQL_TRACE:
		 * every failed statement, for finding a query's fault) */
		if (r == ST_ERROR || getenv("LEERGANG_SQL_TRACE"))
			fprintf(stderr, "leergang: store: %s%s\n", s->pg_error, q->sql);
		if (savepoint)
			(void)postgresql_exec(s, "ROLLBACK TO SAVEPOINT lgq; RELEASE SAVEPOINT lgq", NULL);
		return r;
	}
	const char *changed = PQcmdTuples(q->res);
	if (*changed)
		s->pg_changes = atoll(changed);
	q->nrows = PQntuples(q->res);
	if (q->returning) {  /* the ids are the connection's, not rows of the statement */
		if (q->nrows)
			s->pg_last_id = atoll(PQgetvalue(q->res, q->nrows - 1, 0));
		q->nrows = 0;
	}
	q->row = -1;
	return ST_OK;
}

/* Runs the statement; outside a transaction once more when the server
 * had closed the connection (libpq learns that only when it is used). */
static int run(struct query *q)
{
	bool outside = autocommit(q->s) && !q->s->txn_depth;
	int r = run_once(q);
	if (r && outside && PQstatus(q->s->pg) == CONNECTION_BAD) {
		PQclear(q->res);
		q->res = NULL;
		r = run_once(q);
	}
	return r;
}

int pgq_step(struct query *q)
{
	if (!q->ran) {
		q->ran = true;
		q->err = run(q);
	}
	if (q->err)
		return q->err;
	if (q->row < q->nrows)
		q->row++;
	return q->row < q->nrows ? Q_ROW : Q_DONE;
}

static const char *value(struct query *q, int i)
{
	assert(q->res && q->row >= 0 && q->row < q->nrows && i < PQnfields(q->res));
	return PQgetisnull(q->res, q->row, i) ? NULL : PQgetvalue(q->res, q->row, i);
}

long long pgq_int64(struct query *q, int i)
{
	const char *v = value(q, i);
	if (!v)
		return 0;
	if (*v == 't' || *v == 'f')  /* a comparison's boolean */
		return *v == 't';
	return strchr(v, '.') || strchr(v, 'e') ? (long long)strtod(v, NULL) : strtoll(v, NULL, 10);
}

double pgq_double(struct query *q, int i)
{
	const char *v = value(q, i);
	if (!v)
		return 0;
	if (*v == 't' || *v == 'f')
		return *v == 't';
	return strtod(v, NULL);
}

const char *pgq_text(struct query *q, int i)
{
	if (PQftype(q->res, i) == OID_BYTEA)
		return pgq_blob(q, i);
	return value(q, i);
}

/* A bytea column of the current row, decoded once. */
const void *pgq_blob(struct query *q, int i)
{
	const char *v = value(q, i);
	if (!v)
		return NULL;
	if (PQftype(q->res, i) != OID_BYTEA)
		return v;
	int nf = PQnfields(q->res);
	if (q->blobrow != q->row) {
		free_blobs(q);
		q->blobs = xcalloc((size_t)nf, sizeof(*q->blobs));
		q->bloblens = xcalloc((size_t)nf, sizeof(*q->bloblens));
		q->blobrow = q->row;
	}
	if (!q->blobs[i]) {
		q->blobs[i] = PQunescapeBytea((const unsigned char *)v, &q->bloblens[i]);
		if (!q->blobs[i])
			die("store: out of memory");
	}
	return q->blobs[i];
}

int pgq_bytes(struct query *q, int i)
{
	const char *v = value(q, i);
	if (!v)
		return 0;
	if (PQftype(q->res, i) != OID_BYTEA)
		return PQgetlength(q->res, q->row, i);
	(void)pgq_blob(q, i);
	return (int)q->bloblens[i];
}

/* The description of the result, before or after a run. */
static const PGresult *shape(struct query *q)
{
	if (q->res)
		return q->res;
	if (!q->desc && !ensure_prepared(q))
		q->desc = PQdescribePrepared(q->s->pg, q->name);
	if (!q->desc)
		q->desc = PQmakeEmptyPGresult(q->s->pg, PGRES_FATAL_ERROR);
	return q->desc;
}

int pgq_column_count(struct query *q)
{
	return PQnfields(shape(q));
}

const char *pgq_column_name(struct query *q, int i)
{
	return PQfname(shape(q), i);
}

bool pgq_is_numeric(struct query *q, int i)
{
	Oid t = PQftype(shape(q), i);
	return !PQgetisnull(q->res, q->row, i) && (t == OID_INT2 || t == OID_INT4 || t == OID_INT8 ||
						   t == OID_FLOAT4 || t == OID_FLOAT8 || t == OID_NUMERIC);
}
