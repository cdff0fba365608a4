// The PostgreSQL schema in step with SQLite's: a fresh SQLite database made
// by the binary (its migrations 0001-00NN) against a throw-away PostgreSQL
// (scripts/pg-temp) that has loaded postgresql/0037_baseline.sql and every
// later postgresql/ migration. Compared: the tables and views, each table's
// columns (name, type, NOT NULL, whether it has a default, identity for
// SQLite's INTEGER PRIMARY KEY), primary keys, UNIQUE constraints, foreign
// keys (columns, table, ON DELETE), indexes by name, triggers by name; and
// every SQLite migration after 37 has its PostgreSQL twin. Then every
// trigger is run once on a few rows (PL/pgSQL finds a wrong table or column
// of a trigger only when it runs) and what the search and privacy triggers
// leave is checked.
//
// Known differences, allowed here and nowhere else: SQLite's FTS5 table
// (search_text) is a plain table there with rowid and a tsvector column tsv,
// with a GIN index of its own, and its shadow tables have no twin; a UNIQUE
// COLLATE NOCASE column is a unique index on lower(column). The baseline's
// header says why.
//
// Tools from outside: initdb/pg_ctl/psql (PostgreSQL) and the sqlite3 CLI.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cli } from '../lib/server.mjs';
import { PSQL, pgTempToolsMissing, sqlRows } from '../lib/db.mjs';

const root = resolve(import.meta.dirname, '..', '..');
const MIGRATIONS = join(root, 'src/store/migrations');
const PG_MIGRATIONS = join(MIGRATIONS, 'postgresql');
const BASELINE = 37;

const missing = pgTempToolsMissing();

let pgDir = null, sqliteDir = null, uri = null, sqliteDb = null;
let lite = null, pg = null;  // the two schemas, as described below

const pgTemp = (...args) => execFileSync('sh', [join(root, 'scripts/pg-temp'), ...args], { encoding: 'utf8' });

function psql(args, input) {
  try {
    return execFileSync(PSQL, [uri, '-X', '-q', '-v', 'ON_ERROR_STOP=1', ...args],
      { encoding: 'utf8', input, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
  } catch (e) {
    throw new Error(`psql ${args.join(' ')} failed:\n${e.stderr || e.message}`);
  }
}

// The rows of a PostgreSQL query, through json_agg.
function pgRows(sql) {
  return JSON.parse(psql(['-At', '-c', `SELECT coalesce(json_agg(q), '[]') FROM (${sql}) q`]));
}

function liteRows(sql) {
  return sqlRows(sqliteDb, sql);
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

// PL/pgSQL resolves the tables and columns of a trigger's body when it first
// runs, not when the file loads: every trigger is run here once, in a
// transaction that is rolled back, and what the privacy and search triggers
// leave behind is checked. Each check prints a line "name|value".
const EXERCISE = String.raw`
BEGIN;
SET LOCAL track_functions = 'pl';
INSERT INTO organisation(id, slug, name) VALUES (1, 'o', 'Org');
INSERT INTO person(id, organisation_id, employee_id, name, email) VALUES
  (1, 1, 'E1', 'Anouk Jansen', 'A.Jansen@example.nl'), (2, 1, 'E2', 'Émile Bram', ''), (3, 1, 'E3', 'Weg', '');
UPDATE person SET name = 'Anouk de Vries' WHERE id = 1;
DELETE FROM person WHERE id = 3;
SELECT 'suffix_new', count(*) FROM person_suffix WHERE person_id = 1 AND suffix = 'vries';
SELECT 'suffix_old', count(*) FROM person_suffix WHERE person_id = 1 AND suffix LIKE 'jansen%' AND suffix NOT LIKE 'jansen@%';
SELECT 'suffix_ascii', count(*) FROM person_suffix WHERE suffix IN ('a.jansen@example', 'Émile bram');
SELECT 'suffix_gone', count(*) FROM person_suffix WHERE person_id = 3;
INSERT INTO programme(id, organisation_id, name, shape) VALUES (1, 1, 'P', 'modules');
INSERT INTO programme_meeting(id, organisation_id, programme_id, number, theme) VALUES (1, 1, 1, 1, 'Thema');
INSERT INTO batch(id, organisation_id, programme_id, number, name) VALUES (1, 1, 1, 1, 'B');
INSERT INTO learning_group(id, organisation_id, batch_id, name) VALUES (1, 1, 1, 'G');
INSERT INTO meeting(id, organisation_id, group_id, programme_meeting_id, starts_on, start_time, ends_on, end_time, updated_at)
  VALUES (1, 1, 1, 1, '2026-01-01', '10:00', '2026-01-01', '12:00', 0);
INSERT INTO meeting_report(id, organisation_id, meeting_id, group_id, agenda, status, research_consent, updated_at)
  VALUES (1, 1, 1, 1, 'De agenda', 'published', 1, 0);
UPDATE meeting_report SET agenda = 'De vergaderingen' WHERE id = 1;
INSERT INTO contribution(id, organisation_id, meeting_id, group_id, person_id, text, updated_at) VALUES (1, 1, 1, 1, 1, 'x', 0);
UPDATE contribution SET text = 'y';
DELETE FROM contribution;
INSERT INTO learning_story(id, organisation_id, group_id, updated_at) VALUES (1, 1, 1, 0);
UPDATE learning_story SET opening = 'o';
INSERT INTO logbook_entry(id, organisation_id, person_id, entry_date, body, created_at, updated_at, research_consent)
  VALUES (1, 1, 1, '2026-01-01', 'b', 0, 0, 1);
UPDATE logbook_entry SET body = 'Gesprekken met collega''s';
SELECT 'search_report', string_agg(d.kind, ',') FROM search_text t JOIN search_doc d ON d.id = t.rowid
  WHERE t.tsv @@ to_tsquery('dutch', 'vergadering');
SELECT 'search_logbook', string_agg(d.kind, ',') FROM search_text t JOIN search_doc d ON d.id = t.rowid
  WHERE t.tsv @@ to_tsquery('dutch', 'gesprek');
INSERT INTO framework(id, organisation_id, key, name) VALUES (1, 1, 'f', 'F');
INSERT INTO framework_element(id, organisation_id, framework_id, position, code, kind, name)
  VALUES (1, 1, 1, 1, 'c', 'k', 'Omgevingsbewustzijn');
INSERT INTO development_goal(id, organisation_id, person_id, group_id, text, updated_at) VALUES (1, 1, 1, 1, 't', 0), (2, 1, 1, 1, 'u', 0);
UPDATE development_goal SET measure = 'm' WHERE id = 1;
INSERT INTO development_goal_element(goal_id, element_id, organisation_id, position) VALUES (1, 1, 1, 1), (2, 1, 1, 1);
DELETE FROM development_goal_element WHERE goal_id = 2;
UPDATE framework_element SET synonyms = 'Contextbewustzijn';
SELECT 'goal_title', t.title FROM search_text t JOIN search_doc d ON d.id = t.rowid AND d.kind = 'development_plan' AND d.ref_id = 1;
DELETE FROM development_goal WHERE id = 2;
INSERT INTO learning_question(id, organisation_id, person_id, group_id, text, written_at) VALUES (1, 1, 1, 1, 'q', 0);
DELETE FROM learning_question;
INSERT INTO session_method(id, organisation_id, key, name) VALUES (1, 1, 'm', 'M');
INSERT INTO case_session(id, organisation_id, group_id, method_id, held_on, research_consent)
  VALUES (1, 1, 1, 1, '2026-01-01', 1), (2, 1, 1, 1, '2026-01-01', 0);
UPDATE case_session SET case_title = 'Casus' WHERE id = 1;
INSERT INTO session_action(id, organisation_id, session_id, person_id, text, due_on, created_at)
  VALUES (1, 1, 1, 1, 'a', '2026-02-01', 0);
UPDATE session_action SET text = 'b', person_id = 2;
SELECT 'action_owner', d.person_id FROM search_doc d WHERE d.kind = 'session_action' AND d.ref_id = 1;
DELETE FROM session_action;
INSERT INTO instrument(id, organisation_id, key, name, created_at) VALUES (1, 1, 'quickscan', 'Q', 0), (2, 1, 'x', 'X', 0);
SELECT 'own_result', string_agg(key || '=' || own_result, ',' ORDER BY id) FROM instrument;
INSERT INTO instrument_version(id, organisation_id, instrument_id, version, created_at) VALUES (1, 1, 1, 1, 0);
INSERT INTO wave(id, organisation_id, version_id, name, population, opens_on, closes_on, link_key, created_at)
  VALUES (1, 1, 1, 'W', 'people', '2026-01-01', '2026-02-01', '\x00', 0);
INSERT INTO research_project(id, organisation_id, name, guid, created_at) VALUES (1, 1, 'R', 'g', 0);
INSERT INTO research_code(id, project_id, organisation_id, guid, name) VALUES (1, 1, 1, 'c', 'C');
INSERT INTO research_source(id, project_id, organisation_id, kind, ref_id, guid, name, body, chars, added_at) VALUES
  (1, 1, 1, 'report', 1, 's1', 'n', 'b', 1, 0), (2, 1, 1, 'logbook', 1, 's2', 'n', 'b', 1, 0),
  (3, 1, 1, 'case', 1, 's3', 'n', 'b', 1, 0), (4, 1, 1, 'answers', 1, 's4', 'n', 'b', 1, 0),
  (5, 1, 1, 'story', 1, 's5', 'n', 'b', 1, 0), (6, 1, 1, 'document', NULL, 's6', 'n', 'b', 1, 0);
INSERT INTO research_memo(project_id, organisation_id, target, target_id, guid, text, updated_at) VALUES
  (1, 1, 'code', 1, 'm1', 't', 0), (1, 1, 'source', 2, 'm2', 't', 0);
UPDATE logbook_entry SET research_consent = 0;
UPDATE meeting_report SET status = 'draft';
UPDATE case_session SET research_consent = 0 WHERE id = 1;
UPDATE learning_story SET research_consent = 0;
DELETE FROM wave;
SELECT 'sources_left', string_agg(kind, ',' ORDER BY id) FROM research_source;
SELECT 'memos_left', count(*) FROM research_memo WHERE target = 'source';
SELECT 'report_consent', research_consent || ',' || coalesce(research_consent_at::text, 'null') FROM meeting_report;
DELETE FROM research_code;
DELETE FROM research_source;
SELECT 'memos_after', count(*) FROM research_memo;
DELETE FROM logbook_entry;
DELETE FROM meeting_report;
DELETE FROM learning_story;
DELETE FROM case_session;
DELETE FROM development_goal;
SELECT 'docs_left', (SELECT count(*) FROM search_doc) || ',' || (SELECT count(*) FROM search_text);
SELECT 'not_run', coalesce(string_agg(g.tgname, ',' ORDER BY g.tgname), '') FROM pg_trigger g
  WHERE NOT g.tgisinternal AND g.tgfoid NOT IN (SELECT funcid FROM pg_stat_xact_user_functions WHERE calls > 0);
ROLLBACK;
`;

test('every trigger runs, and the search and privacy triggers do what SQLite\'s do', opts, () => {
  const out = psql(['-At', '-f', '-'], EXERCISE);
  const got = Object.fromEntries(out.trim().split('\n').filter((l) => l.includes('|')).map((l) => l.split('|')));
  assert.deepEqual(got, {
    suffix_new: '1',         // the new name's suffixes are in,
    suffix_old: '0',         // the old name's out,
    suffix_ascii: '2',       // folded as SQLite's lower() does (A-Z only), cut to 16 characters,
    suffix_gone: '0',        // and a deleted person's gone
    search_report: 'report', // "vergaderingen" found by its stem
    search_logbook: 'logbook',
    goal_title: 'Omgevingsbewustzijn Contextbewustzijn',
    action_owner: '2',
    own_result: 'quickscan=1,x=0',
    sources_left: 'document', // consent withdrawn, a report back to draft, a wave deleted: their copies gone
    memos_left: '0',
    report_consent: '0,null',
    memos_after: '0',
    docs_left: '0,0',
    not_run: '',              // the names of triggers that never ran
  });
});

test('every SQLite migration after the baseline has its PostgreSQL twin, and none is left over', () => {
  const l = new Set(migrationFiles(MIGRATIONS).filter((f) => Number(f.slice(0, 4)) > BASELINE));
  const p = new Set(migrationFiles(PG_MIGRATIONS));
  assert.ok(p.delete(`${String(BASELINE).padStart(4, '0')}_baseline.sql`), 'postgresql/0037_baseline.sql is missing');
  same('migration files (src/store/migrations and its postgresql/)', l, p);
});
