// The PostgreSQL schema in step with SQLite's: a fresh SQLite database made
// by the binary (its migrations 0001-00NN) against a throw-away PostgreSQL
// (scripts/pg-temp) that has loaded postgresql/0037_baseline.sql and every
// later postgresql/ migration. Compared: the tables and views, each table's
// columns (name, type, NOT NULL, whether it has a default, identity for
// SQLite's INTEGER PRIMARY KEY), primary keys, UNIQUE constraints, foreign
// keys (columns, table, ON DELETE), indexes by name, triggers by name; and
// every SQLite migration after 37 has its PostgreSQL twin.
//
// Known differences, allowed here and nowhere else: SQLite's FTS5 table
// (search_text) is a plain table there with rowid and a tsvector column tsv,
// indexed as PostgreSQL likes, and its shadow tables have no twin; a UNIQUE
// COLLATE NOCASE column is a unique index on lower(column). The baseline's
// header says why.
//
// Tools from outside: initdb/pg_ctl/psql (PostgreSQL) and the sqlite3 CLI.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cli } from '../lib/server.mjs';

const root = resolve(import.meta.dirname, '..', '..');
const MIGRATIONS = join(root, 'src/store/migrations');
const PG_MIGRATIONS = join(MIGRATIONS, 'postgresql');
const BASELINE = 37;

function onPath(cmd) {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

// What scripts/pg-temp would use, in its order: PG_BIN, PATH, /usr/lib/postgresql/N/bin.
function haveInitdb() {
  if (process.env.PG_BIN) return existsSync(join(process.env.PG_BIN, 'initdb'));
  if (onPath('initdb')) return true;
  const base = '/usr/lib/postgresql';
  return existsSync(base) && readdirSync(base).some((v) => existsSync(join(base, v, 'bin/initdb')));
}

const missing = [
  !haveInitdb() && 'initdb (PostgreSQL server) is not installed',
  !onPath('psql') && 'psql is not installed',
  !onPath('sqlite3') && 'sqlite3 is not installed',
].filter(Boolean).join('; ') || false;

let pgDir = null, sqliteDir = null, uri = null, sqliteDb = null;
let lite = null, pg = null;  // the two schemas, as described below

const pgTemp = (...args) => execFileSync('sh', [join(root, 'scripts/pg-temp'), ...args], { encoding: 'utf8' });

function psql(args) {
  try {
    return execFileSync('psql', [uri, '-X', '-q', '-v', 'ON_ERROR_STOP=1', ...args],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    throw new Error(`psql ${args.join(' ')} failed:\n${e.stderr || e.message}`);
  }
}

// The rows of a PostgreSQL query, through json_agg.
function pgRows(sql) {
  return JSON.parse(psql(['-At', '-c', `SELECT coalesce(json_agg(q), '[]') FROM (${sql}) q`]));
}

function liteRows(sql) {
  const out = execFileSync('sqlite3', ['-readonly', '-json', sqliteDb, sql], { encoding: 'utf8' });
  return out.trim() ? JSON.parse(out) : [];
}

const migrationFiles = (dir) => readdirSync(dir).filter((f) => /^\d{4}_.*\.sql$/.test(f)).sort();

// A schema as both sides are compared:
//   tables:  Map name -> { columns: Map name -> {type, notnull, dflt, identity}, pk: [cols] }
//   views, triggers, indexes: Map name -> description
//   fks, uniques: Set of descriptions
//   nocase: [[table, column]] (SQLite only); fts: Map name -> [columns] (SQLite only)
const LITE_TYPES = { INTEGER: 'bigint', TEXT: 'text', BLOB: 'bytea', REAL: 'double precision' };
const ON_DELETE = { a: 'NO ACTION', r: 'RESTRICT', c: 'CASCADE', n: 'SET NULL', d: 'SET DEFAULT' };
const FTS_SHADOWS = ['data', 'idx', 'content', 'docsize', 'config'];

function readSqlite() {
  const master = liteRows("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'");
  const fts = new Map();
  for (const m of master) {
    const v = m.type === 'table' && /^CREATE VIRTUAL TABLE \w+ USING fts5\((.*)\)$/is.exec(m.sql);
    if (v) fts.set(m.name, v[1].split(',').map((s) => s.trim()).filter((s) => !s.includes('=')));
  }
  const shadow = new Set([...fts.keys()].flatMap((t) => FTS_SHADOWS.map((s) => `${t}_${s}`)));
  const plain = master.filter((m) => m.type === 'table' && m.name !== 'schema_migration' &&
    !fts.has(m.name) && !shadow.has(m.name));
  const tables = new Map(), fks = new Set(), uniques = new Set(), nocase = [];
  for (const { name, sql } of plain) {
    const cols = liteRows(`SELECT * FROM pragma_table_xinfo('${name}')`);
    const fkRows = liteRows(`SELECT * FROM pragma_foreign_key_list('${name}')`);
    const pk = cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
    const rowid = !/WITHOUT\s+ROWID\s*;?\s*$/i.test(sql);
    const columns = new Map();
    for (const c of cols) {
      const alias = rowid && pk.length === 1 && pk[0] === c.name && c.type.toUpperCase() === 'INTEGER';
      columns.set(c.name, {
        type: LITE_TYPES[c.type.toUpperCase()] ?? null,
        // a key column is never NULL in PostgreSQL (SQLite lets a rowid table's non-integer key be NULL)
        notnull: c.notnull === 1 || c.pk > 0,
        dflt: c.dflt_value !== null,
        identity: alias && !fkRows.some((f) => f.from === c.name),
      });
    }
    tables.set(name, { columns, pk });
    for (const id of new Set(fkRows.map((f) => f.id))) {
      const rows = fkRows.filter((f) => f.id === id).sort((a, b) => a.seq - b.seq);
      // REFERENCES t without columns: t's primary key
      const to = rows.map((r) => r.to ?? liteRows(`SELECT name FROM pragma_table_info('${r.table}') WHERE pk = ${r.seq + 1}`)[0].name);
      fks.add(`${name}(${rows.map((r) => r.from)}) -> ${rows[0].table}(${to}) ON DELETE ${rows[0].on_delete}`);
    }
    for (const m of sql.matchAll(/(?:^|[,(])\s*(\w+)\s+[^,()]*?\bCOLLATE\s+NOCASE\b/gim)) nocase.push([name, m[1]]);
    for (const ix of liteRows(`SELECT * FROM pragma_index_list('${name}') WHERE origin = 'u'`)) {
      const ic = liteRows(`SELECT name FROM pragma_index_info('${ix.name}') ORDER BY seqno`).map((r) => r.name);
      uniques.add(`${name}(${ic})`);
    }
  }
  const indexes = new Map(master.filter((m) => m.type === 'index' && m.sql)
    .map((m) => [m.name, `on ${m.tbl_name}${/^CREATE UNIQUE/i.test(m.sql) ? ', unique' : ''}`]));
  const triggers = new Map(master.filter((m) => m.type === 'trigger').map((m) => [m.name, `on ${m.tbl_name}`]));
  const views = new Set(master.filter((m) => m.type === 'view').map((m) => m.name));
  return { tables, fts, fks, uniques, nocase, indexes, triggers, views };
}

function readPostgres() {
  const rel = (kinds) => pgRows(`SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN (${kinds})`).map((r) => r.relname);
  const tableNames = rel("'r', 'p'").filter((t) => t !== 'schema_migration');
  const cols = pgRows(`SELECT table_name, column_name, data_type, is_nullable, column_default, is_identity, is_generated
    FROM information_schema.columns WHERE table_schema = 'public' ORDER BY ordinal_position`);
  const cons = pgRows(`SELECT c.contype, t.relname AS tbl, f.relname AS ref, c.confdeltype,
      (SELECT array_agg(a.attname ORDER BY k.i) FROM unnest(c.conkey) WITH ORDINALITY k(n, i)
        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n) AS cols,
      (SELECT array_agg(a.attname ORDER BY k.i) FROM unnest(c.confkey) WITH ORDINALITY k(n, i)
        JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n) AS refcols
    FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
    LEFT JOIN pg_class f ON f.oid = c.confrelid
    WHERE n.nspname = 'public' AND c.contype IN ('p', 'u', 'f')`);
  const tables = new Map(tableNames.map((t) => [t, { columns: new Map(), pk: [] }]));
  for (const c of cols) {
    const t = tables.get(c.table_name);
    if (!t) continue;  // a view's
    t.columns.set(c.column_name, {
      type: c.data_type,
      notnull: c.is_nullable === 'NO',
      dflt: c.column_default !== null,
      identity: c.is_identity === 'YES',
      generated: c.is_generated === 'ALWAYS',
    });
  }
  const fks = new Set(), uniques = new Set();
  for (const c of cons) {
    if (c.contype === 'p' && tables.has(c.tbl)) tables.get(c.tbl).pk = c.cols;
    if (c.contype === 'u') uniques.add(`${c.tbl}(${c.cols})`);
    if (c.contype === 'f') fks.add(`${c.tbl}(${c.cols}) -> ${c.ref}(${c.refcols}) ON DELETE ${ON_DELETE[c.confdeltype]}`);
  }
  const indexes = pgRows(`SELECT i.relname AS name, t.relname AS tbl, x.indisunique AS uniq, pg_get_indexdef(i.oid) AS def,
      EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.oid AND c.contype IN ('p', 'u')) AS of_constraint
    FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = 'public'`);
  const triggers = new Map(pgRows(`SELECT g.tgname, t.relname FROM pg_trigger g JOIN pg_class t ON t.oid = g.tgrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = 'public' AND NOT g.tgisinternal`)
    .map((r) => [r.tgname, `on ${r.relname}`]));
  const views = new Set(rel("'v', 'm'"));
  return { tables, fks, uniques, indexes, triggers, views };
}

// Fails naming what is on one side only, or described differently.
function same(what, liteMap, pgMap) {
  const l = liteMap instanceof Map ? liteMap : new Map([...liteMap].map((k) => [k, '']));
  const p = pgMap instanceof Map ? pgMap : new Map([...pgMap].map((k) => [k, '']));
  const lines = [];
  for (const [k, v] of l) {
    if (!p.has(k)) lines.push(`  only in SQLite: ${k}${v ? ` (${v})` : ''}`);
    else if (p.get(k) !== v) lines.push(`  ${k}: SQLite ${v}, PostgreSQL ${p.get(k)}`);
  }
  for (const [k, v] of p) if (!l.has(k)) lines.push(`  only in PostgreSQL: ${k}${v ? ` (${v})` : ''}`);
  assert.ok(lines.length === 0, `${what} differ:\n${lines.sort().join('\n')}`);
}

const describe = (c) => [c.type ?? 'untyped', c.notnull ? 'NOT NULL' : 'NULL', c.dflt ? 'default' : 'no default',
  ...(c.identity ? ['identity'] : [])].join(', ');

before(() => {
  if (missing) return;
  sqliteDir = mkdtempSync(join(tmpdir(), 'leergang-schema-'));
  sqliteDb = join(sqliteDir, 'fresh.db');
  cli(sqliteDb, ['init']);
  pgDir = mkdtempSync(join(tmpdir(), 'leergang-pg-'));
  uri = pgTemp('start', pgDir).trim();
  // The runner's way: the baseline, then each later migration, each in one transaction.
  for (const f of migrationFiles(PG_MIGRATIONS)) psql(['-1', '-f', join(PG_MIGRATIONS, f)]);
  lite = readSqlite();
  pg = readPostgres();
});

after(() => {
  if (pgDir) {
    try {
      pgTemp('stop', pgDir);
    } finally {
      rmSync(pgDir, { recursive: true, force: true });
    }
  }
  if (sqliteDir) rmSync(sqliteDir, { recursive: true, force: true });
});

const opts = { skip: missing };

test('the tables and views are the same', opts, () => {
  // both sides were read at all (an empty read would compare equal)
  for (const [side, s] of [['SQLite', lite], ['PostgreSQL', pg]]) {
    for (const part of ['tables', 'fks', 'uniques', 'indexes', 'triggers', 'views']) {
      assert.ok((s[part].size ?? s[part].length) > 0, `no ${part} read from ${side}`);
    }
  }
  same('tables', new Set([...lite.tables.keys(), ...lite.fts.keys()]), new Set(pg.tables.keys()));
  same('views', lite.views, pg.views);
});

test('every table has the same columns: name, type, NOT NULL, default, identity; and primary key', opts, () => {
  const l = new Map(), p = new Map();
  for (const [t, { columns, pk }] of lite.tables) {
    for (const [c, d] of columns) l.set(`${t}.${c}`, describe(d));
    l.set(`${t} primary key`, `(${pk})`);
  }
  for (const [t, { columns, pk }] of pg.tables) {
    if (lite.fts.has(t)) continue;  // the next test's
    for (const [c, d] of columns) {
      // a column SQLite gives no type, or one it does not map, is not compared by type
      const lc = lite.tables.get(t)?.columns.get(c);
      p.set(`${t}.${c}`, describe({ ...d, type: lc && lc.type === null ? null : d.type }));
    }
    p.set(`${t} primary key`, `(${pk})`);
  }
  same('columns', l, p);
});

test('the full-text table has the FTS5 columns, rowid as its key and a generated tsvector', opts, () => {
  for (const [t, cols] of lite.fts) {
    const table = pg.tables.get(t);
    assert.ok(table, `${t} is missing in PostgreSQL`);
    assert.deepEqual([...table.columns.keys()].sort(), ['rowid', ...cols, 'tsv'].sort(), `the columns of ${t}`);
    assert.deepEqual(table.pk, ['rowid'], `the primary key of ${t}`);
    assert.equal(table.columns.get('tsv').type, 'tsvector');
    assert.ok(table.columns.get('tsv').generated, `${t}.tsv is generated from the columns`);
    assert.ok(pg.indexes.some((i) => i.tbl === t && /USING gin \(tsv\)/.test(i.def)), `${t} has a GIN index on tsv`);
  }
});

test('the same foreign keys: columns, table, ON DELETE', opts, () => {
  same('foreign keys', lite.fks, pg.fks);
});

test('the same UNIQUE constraints; a NOCASE one is a unique index on lower()', opts, () => {
  const l = new Set(lite.uniques), p = new Set(pg.uniques);
  for (const [t, c] of lite.nocase) {
    if (!l.delete(`${t}(${c})`)) continue;
    const ix = pg.indexes.find((i) => i.tbl === t && i.uniq && new RegExp(`\\(lower\\(${c}\\)\\)$`).test(i.def));
    assert.ok(ix, `${t}.${c} is UNIQUE COLLATE NOCASE in SQLite: PostgreSQL needs a unique index on lower(${c})`);
  }
  same('UNIQUE constraints', l, p);
});

test('the same indexes by name, table and uniqueness', opts, () => {
  const nocase = (i) => lite.nocase.some(([t, c]) => i.tbl === t && new RegExp(`\\(lower\\(${c}\\)\\)$`).test(i.def));
  const p = new Map(pg.indexes.filter((i) => !i.of_constraint && !lite.fts.has(i.tbl) && !nocase(i))
    .map((i) => [i.name, `on ${i.tbl}${i.uniq ? ', unique' : ''}`]));
  same('indexes', lite.indexes, p);
});

test('the same triggers by name and table', opts, () => {
  same('triggers', lite.triggers, pg.triggers);
});

test('every SQLite migration after the baseline has its PostgreSQL twin, and none is left over', () => {
  const l = new Set(migrationFiles(MIGRATIONS).filter((f) => Number(f.slice(0, 4)) > BASELINE));
  const p = new Set(migrationFiles(PG_MIGRATIONS));
  assert.ok(p.delete(`${String(BASELINE).padStart(4, '0')}_baseline.sql`), 'postgresql/0037_baseline.sql is missing');
  same('migration files (src/store/migrations and its postgresql/)', l, p);
});
