// db.mjs — the tests' one way to read and write a test server's database
// directly, on either store: `db` is an SQLite file (read with the sqlite3
// shell) or a postgresql:// URI (read with psql). The suite runs on
// PostgreSQL when LEERGANG_TEST_PG is set (see server.mjs).
//
//   sqlRows(db, q)   the rows of a query, as objects (column name -> value);
//                    statements that are no query (UPDATE ...) are run and
//                    give [] on both, as the sqlite3 shell does
//   sqlValue(db, q)  the first column of the first row (undefined: no row)
//   sqlText(db, q)   the rows as the sqlite3 shell lists them: a line a row,
//                    columns joined by '|', NULL as the empty text
//   sqlRun(db, q)    one or more statements that write; returns the output
//
// SQL that the two databases spell differently comes from dialect(db):
// hex of a blob, the unix time now, a date moved by days or years, the
// tables, columns and foreign keys of the schema.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export const isPg = (db) => /^postgres(ql)?:\/\//i.test(String(db));
// true when the suite runs against PostgreSQL
export const PG = Boolean(process.env.LEERGANG_TEST_PG);

function onPath(cmd) {
  return (process.env.PATH || '').split(delimiter).some((d) => d && existsSync(join(d, cmd)));
}

// psql itself: the newest /usr/lib/postgresql/N/bin/psql, else psql from
// PATH; null when neither. (Debian's psql on PATH is pg_wrapper, a Perl
// script that picks a version: it costs some 25 ms of CPU a start, three
// times what psql itself does, and the suite on PostgreSQL starts psql
// over two thousand times.)
function newestPsql() {
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base)
    ? readdirSync(base).filter((v) => /^\d+$/.test(v) && existsSync(join(base, v, 'bin/psql'))).sort((a, b) => b - a)
    : [];
  if (versions.length) return join(base, versions[0], 'bin/psql');
  return onPath('psql') ? 'psql' : null;
}
export const PSQL = newestPsql();
const SQLITE3 = onPath('sqlite3') ? 'sqlite3' : null;

// Why the tests cannot reach the database of the store the suite runs on
// (or `db`'s store): the missing tool, or '' when it is there.
// Why the tests that start a PostgreSQL of their own (scripts/pg-temp)
// and compare it with SQLite cannot run here, or false: initdb found as
// pg-temp finds it (PG_BIN, PATH, /usr/lib/postgresql/N/bin), psql, sqlite3.
export function pgTempToolsMissing() {
  const base = '/usr/lib/postgresql';
  const initdb = process.env.PG_BIN ? existsSync(join(process.env.PG_BIN, 'initdb'))
    : onPath('initdb') || (existsSync(base) && readdirSync(base).some((v) => existsSync(join(base, v, 'bin/initdb'))));
  return [
    !initdb && 'initdb (PostgreSQL server) is not installed',
    !onPath('psql') && 'psql is not installed',
    !onPath('sqlite3') && 'sqlite3 is not installed',
  ].filter(Boolean).join('; ') || false;
}

export function sqlToolMissing(db = PG ? 'postgresql://' : 'test.db') {
  if (isPg(db)) return PSQL ? '' : 'psql is not installed';
  return SQLITE3 ? '' : 'sqlite3 is not installed';
}

function tool(db) {
  const missing = sqlToolMissing(db);
  if (missing) throw new Error(missing);
}

// psql quietly, stopping at the first error, without ~/.psqlrc.
function psql(db, args, input) {
  return execFileSync(PSQL, ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', db, ...args],
    { encoding: 'utf8', input, stdio: ['pipe', 'pipe', 'pipe'] });
}

export function sqlRows(db, q) {
  tool(db);
  if (isPg(db)) {
    if (!/^\s*(SELECT|WITH|VALUES|\()/i.test(q)) {
      psql(db, ['-f', '-'], q);
      return [];
    }
    const inner = q.trim().replace(/;\s*$/, '');
    // (the row's alias is no column name of a test's query: json_agg of a
    // name that is also a column aggregates that column)
    const out = psql(db, ['-A', '-t', '-c', `SELECT coalesce(json_agg(sql_rows_row), '[]') FROM (${inner}) sql_rows_row`]);
    return JSON.parse(out.trim() || '[]');
  }
  const out = execFileSync(SQLITE3, ['-cmd', '.timeout 5000', '-json', db, q], { encoding: 'utf8' });
  return JSON.parse(out || '[]');
}

export function sqlValue(db, q) {
  const [row] = sqlRows(db, q);
  return row === undefined ? undefined : Object.values(row)[0];
}

export function sqlText(db, q) {
  return sqlRows(db, q).map((r) => Object.values(r).map((v) => (v === null ? '' : String(v))).join('|')).join('\n');
}

export function sqlRun(db, q) {
  tool(db);
  if (isPg(db)) return psql(db, ['-f', '-'], q);
  return execFileSync(SQLITE3, ['-cmd', '.timeout 5000', db], { input: q, encoding: 'utf8' });
}

// How many responses a wave has had handed in: those stored and, on
// PostgreSQL, the anonymous ones that wait sealed to be mixed in by fives
// (src/domain/anonymous_mix.h; on SQLite none wait).
export function handedIn(db, wave) {
  return Number(sqlValue(db, `SELECT (SELECT count(*) FROM response WHERE wave_id = ${Number(wave)})`
    + ` + (SELECT count(*) FROM response_pending WHERE wave_id = ${Number(wave)}) AS n`));
}

// SQL fragments that the two databases write differently.
export function dialect(db) {
  const pg = isPg(db);
  const q = (s) => `'${String(s).replace(/'/g, "''")}'`;
  return {
    pg,
    // a blob literal from hexadecimal text
    blob: (hexText) => {
      if (!/^([0-9a-f]{2})*$/i.test(hexText)) throw new Error(`not hexadecimal: ${hexText}`);
      return pg ? `decode('${hexText}', 'hex')` : `x'${hexText}'`;
    },
    // a blob as upper-case hexadecimal text
    hex: (e) => (pg ? `upper(encode(${e}, 'hex'))` : `hex(${e})`),
    // the unix time now, an integer
    now: () => (pg ? 'CAST(extract(epoch FROM now()) AS bigint)' : "CAST(strftime('%s', 'now') AS INTEGER)"),
    // a 'YYYY-MM-DD...' text as unix seconds
    epochOf: (e) => (pg ? `CAST(extract(epoch FROM CAST(${e} AS timestamp)) AS bigint)` : `CAST(strftime('%s', ${e}) AS INTEGER)`),
    // today as 'YYYY-MM-DD'
    today: () => (pg ? "to_char(CURRENT_DATE, 'YYYY-MM-DD')" : "date('now')"),
    // a 'YYYY-MM-DD' text moved by n days or years, as 'YYYY-MM-DD'
    addDays: (e, n) => (pg ? `to_char(CAST(${e} AS date) + ${Number(n)}, 'YYYY-MM-DD')` : `date(${e}, '${Number(n) >= 0 ? '+' : ''}${Number(n)} days')`),
    addYears: (e, n) => (pg ? `to_char(CAST(${e} AS date) + interval '${Number(n)} years', 'YYYY-MM-DD')`
      : `date(${e}, '${Number(n) >= 0 ? '+' : ''}${Number(n)} years')`),
    // the schema: names of the tables, of a table's columns, a table's foreign keys ({ from, table })
    tables: () => (pg
      ? "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
      : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"),
    columns: (t) => (pg
      ? `SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ${q(t)}`
      : `SELECT name FROM pragma_table_info(${q(t)})`),
    foreignKeys: (t) => (pg
      ? `SELECT a.attname AS "from", r.relname AS "table" FROM pg_constraint c
           JOIN pg_class s ON s.oid = c.conrelid JOIN pg_class r ON r.oid = c.confrelid
           JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
          WHERE c.contype = 'f' AND s.relname = ${q(t)} AND s.relnamespace = current_schema()::regnamespace`
      : `SELECT "from", "table" FROM pragma_foreign_key_list(${q(t)})`),
  };
}
