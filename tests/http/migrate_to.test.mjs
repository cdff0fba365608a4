// leergang migrate-to: the demo's SQLite database copied into a throw-away
// PostgreSQL (scripts/pg-temp) and verified. Checked from outside the
// program: every table's row count by sqlite3 and psql, the identities set
// past the highest id, a second copy into the now full database refused
// without a change, a row changed afterwards (a text by one accent, a blob
// by one byte) noticed by --verify-only, a role that owns the database but
// is no superuser able to copy, no password of the URI in the output, and
// two servers, one on each database, showing the same pages to the same
// demo user.
//
// Tools from outside: initdb/pg_ctl/psql (PostgreSQL) and the sqlite3 CLI.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BIN, Client, cliResult, demoEmail, spawnServer } from '../lib/server.mjs';
import { PSQL, pgTempToolsMissing } from '../lib/db.mjs';
import { mainText } from '../lib/html.mjs';

const root = resolve(import.meta.dirname, '..', '..');
const env = { ...process.env, LEERGANG_LOCALEDIR: join(root, 'build/locale') };

const missing = pgTempToolsMissing();

let dir = null, pgDir = null, uri = null, db = null, first = null;

const pgTemp = (...args) => execFileSync('sh', [join(root, 'scripts/pg-temp'), ...args], { encoding: 'utf8' });

function psql(sql, target = uri) {
  try {
    return execFileSync(PSQL, [target, '-X', '-q', '-At', '-v', 'ON_ERROR_STOP=1', '-c', sql],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  } catch (e) {
    throw new Error(`psql failed on ${sql}:\n${e.stderr || e.message}`);
  }
}

function sqlite(sql) {
  return execFileSync('sqlite3', ['-readonly', db, sql], { encoding: 'utf8' }).trim();
}

// The URI with a password in it, which no output may show.
const SECRET = 'geheim-wachtwoord-7';
const withPassword = (u) => u.replace(/^postgresql:\/\/([^@/]*)@/, `postgresql://$1:${SECRET}@`);

const migrateTo = (...args) => cliResult(db, ['migrate-to', ...args]);

// SQLite's tables as migrate-to copies them: no SQLite tables, no FTS5 shadows.
function liteTables() {
  return sqlite("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type IN ('table', 'virtual')" +
    " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name").split('\n');
}

// The sqlite3 CLI has no tokenizer "dutch": FTS5's search_text is counted
// in its content table.
const counted = (t, run) => (run === sqlite && t === 'search_text' ? 'search_text_content' : t);
const counts = (tables, run) =>
  Object.fromEntries(run(tables.map((t) => `SELECT '${t}', count(*) FROM "${counted(t, run)}"`).join(' UNION ALL '))
    .split('\n').map((l) => l.split('|')).map(([t, n]) => [t, Number(n)]));

before(() => {
  if (missing) return;
  dir = mkdtempSync(join(tmpdir(), 'lg-migrate-'));
  db = join(dir, 'demo.db');
  execFileSync(BIN, ['--db', db, 'init', '--demo'], { env, stdio: 'ignore' });
  pgDir = mkdtempSync(join(tmpdir(), 'lg-migrate-pg-'));  // pg-temp hands it to the cluster's user
  uri = pgTemp('start', pgDir).trim();
  first = migrateTo(withPassword(uri));
});

after(() => {
  if (pgDir) pgTemp('stop', pgDir);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('migrate-to copies and verifies every table, saying so per table', { skip: missing }, () => {
  assert.equal(first.status, 0, first.stderr);
  const lines = first.stdout.trim().split('\n');
  const tables = liteTables();
  assert.ok(tables.length > 80, `only ${tables.length} tables`);
  const seen = new Map();
  for (const l of lines) {
    const m = /^(\w+)\s+(\d+) rows copied, verified$/.exec(l);
    if (m) seen.set(m[1], Number(m[2]));
  }
  assert.deepEqual([...seen.keys()].sort(), tables);
  const lite = counts(tables, sqlite);
  for (const t of tables) assert.equal(seen.get(t), lite[t], t);
  const total = tables.reduce((n, t) => n + lite[t], 0);
  assert.match(lines.at(-1), new RegExp(`^${tables.length} tables, ${total} rows copied and verified`));
  assert.ok(!first.stdout.includes(SECRET) && !first.stderr.includes(SECRET), 'the password is shown');
  assert.match(lines[0], /^copying .* into postgresql:\/\/[^:@/]*@\//);
});

test('PostgreSQL holds as many rows as SQLite in every table', { skip: missing }, () => {
  const tables = liteTables();
  const lite = counts(tables, sqlite), pg = counts(tables, psql);
  assert.deepEqual(pg, lite);
  assert.ok(lite.person > 100 && lite.search_text > 50 && lite.person_suffix > 1000, JSON.stringify(lite));
  // the same ids, the derived tables as they were (not made again by triggers)
  assert.equal(psql('SELECT string_agg(id::text, \',\' ORDER BY id) FROM person'),
    sqlite('SELECT group_concat(id, \',\') FROM (SELECT id FROM person ORDER BY id)'));
  assert.equal(psql("SELECT encode(key, 'hex') FROM installation_key"), sqlite('SELECT lower(hex(key)) FROM installation_key'));
  // the triggers are on again; the copied text has its search vector
  assert.equal(psql("SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal AND tgenabled <> 'O'"), '0');
  assert.equal(psql("SELECT count(*) FROM search_text WHERE tsv = ''::tsvector AND body ~ '[a-z]{4}'"), '0');
  assert.equal(psql("SELECT string_agg(rowid::text, ',' ORDER BY rowid) FROM search_text"),
    sqlite("SELECT group_concat(id, ',') FROM (SELECT id FROM search_text_content ORDER BY id)"));
});

test('every identity continues past the highest id copied', { skip: missing }, () => {
  const n = psql(`DO $$ DECLARE r record; m bigint; n bigint; BEGIN
    FOR r IN SELECT table_name, column_name FROM information_schema.columns
             WHERE table_schema = current_schema() AND is_identity = 'YES' AND table_name <> 'person_suffix_at' LOOP
      EXECUTE format('SELECT coalesce(max(%I), 0) FROM %I', r.column_name, r.table_name) INTO m;
      n := nextval(pg_get_serial_sequence(quote_ident(r.table_name), r.column_name));
      IF n <= m THEN RAISE EXCEPTION '%: next id % but % was copied', r.table_name, n, m; END IF;
    END LOOP; END $$; SELECT count(*) FROM information_schema.columns
      WHERE table_schema = current_schema() AND is_identity = 'YES'`);
  assert.ok(Number(n) > 50, n);
});

test('a second migrate-to into the full database is refused and changes nothing', { skip: missing }, () => {
  const tables = liteTables();
  const before = counts(tables, psql);
  const r = migrateTo(uri);
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /holds data already/);
  assert.doesNotMatch(r.stdout, /copied, verified/);
  assert.deepEqual(counts(tables, psql), before);
  const v = migrateTo('--verify-only', uri);
  assert.equal(v.status, 0, v.stderr);
  assert.match(v.stdout, new RegExp(`^${tables.length} tables, \\d+ rows compared and verified`, 'm'));
});

async function startOn(target, keyFile) {
  const run = await spawnServer(target, { ...env, LEERGANG_OIDC_KEY: keyFile }, { cwd: dir, threads: 2 });
  return {
    base: run.base,
    async stop() {
      run.proc.kill('SIGTERM');
      const { code } = await run.exited;
      if (/Sanitizer|runtime error/.test(run.stderr())) throw new Error('sanitizer report:\n' + run.stderr());
      assert.equal(code, 0, run.stderr());
    },
  };
}

test('a server on each database shows the same pages to the same user', { skip: missing }, async () => {
  const programme = sqlite("SELECT p.id FROM programme p JOIN organisation o ON o.id = p.organisation_id" +
    " WHERE o.slug = 'politie-demo' ORDER BY p.id LIMIT 1");
  const group = sqlite("SELECT s.group_id FROM learning_story s JOIN organisation o ON o.id = s.organisation_id" +
    " WHERE o.slug = 'politie-demo' ORDER BY s.group_id LIMIT 1");
  const person = sqlite("SELECT p.id FROM person p JOIN organisation o ON o.id = p.organisation_id" +
    " WHERE o.slug = 'politie-demo' ORDER BY p.id LIMIT 1");
  assert.ok(programme && group && person);
  const pages = ['/people', '/people?q=jan', `/people/${person}`, `/programmes/${programme}`, '/groups',
    `/groups/${group}`, `/groups/${group}/story`];
  const lite = await startOn(db, join(dir, 'lite.oidc-key'));
  const pg = await startOn(uri, join(dir, 'pg.oidc-key'));
  try {
    const a = new Client(lite.base), b = new Client(pg.base);
    await a.login(demoEmail('coach'));
    await b.login(demoEmail('coach'));
    for (const p of pages) {
      const [x, y] = [await a.get(p), await b.get(p)];
      assert.equal(x.status, 200, p);
      assert.equal(y.status, 200, p);
      const tx = mainText(x.text), ty = mainText(y.text);
      assert.ok(tx.length > 200, `${p}: ${tx}`);
      assert.equal(ty, tx, p);
    }
  } finally {
    await pg.stop();
    await lite.stop();
  }
});

test('a row changed after the copy is noticed', { skip: missing }, () => {
  // one accent in a name, one byte of the installation key
  psql("UPDATE person SET name = replace(name, 'e', 'é') WHERE id = (SELECT min(id) FROM person WHERE name LIKE '%e%')");
  psql("UPDATE installation_key SET key = set_byte(key, 31, (get_byte(key, 31) + 1) % 256)");
  const r = migrateTo('--verify-only', uri);
  assert.notEqual(r.status, 0);
  const differ = r.stdout.split('\n').filter((l) => /DIFFERENT/.test(l)).map((l) => l.split(/\s+/)[0]);
  assert.ok(differ.includes('person') && differ.includes('installation_key'), r.stdout);
  assert.match(r.stderr, /tables? of \d+ differ/);
  // the rest is still the same
  assert.ok(r.stdout.split('\n').filter((l) => /verified$/.test(l)).length > 80);
});

test('a database owner who is no superuser can copy into an empty database', { skip: missing }, () => {
  psql('CREATE ROLE lg_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE');
  psql('CREATE DATABASE lg_owned OWNER lg_owner');
  const owned = uri.replace(/^postgresql:\/\/[^@/]*@\/leergang/, 'postgresql://lg_owner@/lg_owned');
  assert.notEqual(owned, uri);
  assert.equal(psql('SELECT rolsuper FROM pg_roles WHERE rolname = current_user', owned), 'f');
  const r = migrateTo(owned);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /rows copied and verified/);
  // a role that may write the tables but owns none is told why not
  psql('CREATE ROLE lg_writer LOGIN NOSUPERUSER');
  psql('CREATE DATABASE lg_other OWNER lg_owner');
  const other = owned.replace('/lg_owned', '/lg_other');
  const m = cliResult(other, ['migrate']);
  assert.equal(m.status, 0, m.stderr);
  psql('GRANT ALL ON ALL TABLES IN SCHEMA public TO lg_writer; GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO lg_writer',
    other);
  const w = migrateTo(other.replace('lg_owner@', 'lg_writer@'));
  assert.notEqual(w.status, 0);
  assert.match(w.stderr, /must be owner of table .*needs the owner of the tables/);
  assert.equal(psql('SELECT count(*) FROM person', other), '0');
});
