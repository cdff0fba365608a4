// rights.test.mjs — the rights of the people in the data (issue 16): the
// inzage holds every table that links to a person and nothing of anyone
// else; after an erasure no byte of the database files holds the person's
// name, e-mail or employee number, and the group's counts still add up.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, cliResult } from '../lib/server.mjs';
import { dialect, sqlRows } from '../lib/db.mjs';

const dir = mkdtempSync(join(tmpdir(), 'leergang-rights-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const sql = (db, q) => sqlRows(db, q);

// Tables whose person data is a derived copy of another table's, named
// here on purpose: the inzage says which section holds their data.
const DERIVED = new Set(['person_suffix', 'search_doc']);
// Columns that name a person or an account without a foreign key.
const LINK_NAMES = /^(person_id|account_id|actor_id|.*_person_id|subject_id|written_by|recorded_by|created_by|author|rater)$/;

// Every (table, column, target) with a link to a person or an account, from the schema.
function personLinks(db) {
  const d = dialect(db);
  const tables = sql(db, `SELECT name FROM (${d.tables()}) t WHERE name NOT LIKE 'search_text%'`).map((r) => r.name);
  const links = [];
  for (const t of tables) {
    const fks = sql(db, d.foreignKeys(t));
    const seen = new Set();
    for (const fk of fks) {
      if (fk.table === 'person' || fk.table === 'account') {
        links.push({ table: t, column: fk.from, target: fk.table });
        seen.add(fk.from);
      }
    }
    for (const c of sql(db, d.columns(t))) {
      if (!seen.has(c.name) && LINK_NAMES.test(c.name)) {
        links.push({ table: t, column: c.name, target: /account|actor|created_by/.test(c.name) ? 'account' : 'person' });
      }
    }
  }
  links.push({ table: 'person', column: 'id', target: 'person' });
  return links;
}

function freshDemo(name, hostile) {
  const db = join(dir, name);
  cli(db, ['init', '--demo', ...(hostile ? ['--hostile-names'] : [])]);
  return db;
}

test('must-show 3: the inzage of a demo participant covers every table with a link to a person, and nobody else', () => {
  const db = freshDemo('inzage.db', true);
  const [me] = sql(db, "SELECT p.id, p.name, p.manager_id FROM person p JOIN account a ON a.person_id = p.id " +
    "WHERE a.email = 'deelnemer@politie.example'");
  const accounts = sql(db, `SELECT id FROM account WHERE person_id = ${me.id}`).map((r) => r.id);
  const out = JSON.parse(cli(db, ['person', 'export', '--org', 'politie-demo', '--employee',
    sql(db, `SELECT employee_id FROM person WHERE id = ${me.id}`)[0].employee_id, '--format', 'json']));
  const links = personLinks(db);
  assert.ok(links.length > 20, 'the schema has its person links');
  let withRows = 0;
  for (const l of links) {
    const sections = out.sources[l.table];
    assert.ok(sections, `table ${l.table} (${l.column}) links to a person but the inzage does not name it`);
    const ids = l.target === 'account' ? accounts : [me.id];
    if (!ids.length) continue;
    const [{ n }] = sql(db, `SELECT count(*) AS n FROM "${l.table}" WHERE "${l.column}" IN (${ids.join(',')})`);
    if (!n) continue;
    withRows++;
    if (DERIVED.has(l.table)) {
      assert.ok(sections.some((s) => s in out.sections || s === 'the texts above'), l.table);
      continue;
    }
    assert.ok(sections.some((s) => out.sections[s]?.length > 0),
      `${n} rows of ${l.table}.${l.column} are the participant's, but no section of the inzage shows them`);
  }
  assert.ok(withRows >= 8, `the demo participant has data in ${withRows} linked tables`);
  // the texts of every kind, row for row
  for (const [section, table] of [['logbook', 'logbook_entry'], ['learning_questions', 'learning_question'],
    ['attendance', 'attendance'], ['enrolments', 'enrolment']]) {
    const [{ n }] = sql(db, `SELECT count(*) AS n FROM ${table} WHERE person_id = ${me.id}`);
    assert.equal(out.sections[section].length, n, section);
  }
  assert.ok(out.sections.enrolment_history.length > 0, 'the status history of the enrolments');
  assert.match(out.not_included, /Anonieme antwoorden staan niet in dit document/);
  // nothing about anyone else: the other members of their groups, and the
  // logbooks of everyone else in the organisation
  const text = JSON.stringify(out);
  const others = sql(db, `SELECT DISTINCT p.name FROM enrolment e JOIN person p ON p.id = e.person_id WHERE e.group_id IN ` +
    `(SELECT group_id FROM enrolment WHERE person_id = ${me.id}) AND p.id <> ${me.id} AND p.id IS NOT ${me.manager_id ?? 0} ` +
    `AND p.name <> '${me.name.replace(/'/g, "''")}'`);
  assert.ok(others.length >= 5);
  for (const o of others) assert.ok(!text.includes(JSON.stringify(o.name).slice(1, -1)), `another member's name: ${o.name}`);
  const logs = sql(db, `SELECT energy_gave FROM logbook_entry WHERE person_id <> ${me.id} AND energy_gave <> '' ` +
    `AND energy_gave NOT IN (SELECT energy_gave FROM logbook_entry WHERE person_id = ${me.id})`);
  assert.ok(logs.length > 0);
  for (const l of logs) assert.ok(!text.includes(JSON.stringify(l.energy_gave).slice(1, -1)), 'another logbook');
  // the readable document, and each download in the audit log
  const pdf = join(dir, 'inzage.pdf');
  cli(db, ['person', 'export', '--org', 'politie-demo', '--employee', 'P13796', '--format', 'pdf', '--output', pdf]);
  assert.equal(readFileSync(pdf).subarray(0, 5).toString(), '%PDF-');
  const [{ n }] = sql(db, `SELECT count(*) AS n FROM audit_log WHERE action = 'person.export' AND object_id = ${me.id}`);
  assert.equal(n, 2);
});

// The raw bytes of the database and its WAL, shared memory and journal.
export function dbBytes(db) {
  return Buffer.concat(['', '-wal', '-shm', '-journal'].filter((s) => existsSync(db + s))
    .map((s) => readFileSync(db + s)));
}
export function assertGone(db, p) {
  const bytes = dbBytes(db);
  // as written, and as the search index and the people search keep them (lower case)
  for (const s of new Set([p.name, p.email, p.employee_id, p.name.toLowerCase(), p.email.toLowerCase(),
    p.employee_id.toLowerCase()])) {
    assert.equal(bytes.indexOf(Buffer.from(s, 'utf8')), -1, `"${s}" is still in the database files`);
  }
}
export function groupCounts(db, personId) {
  return sql(db, `SELECT g.id, (SELECT count(*) FROM enrolment e WHERE e.group_id = g.id) AS enrolled, ` +
    `(SELECT count(*) FROM enrolment e WHERE e.group_id = g.id AND e.status = 'completed') AS completed, ` +
    `(SELECT count(*) FROM attendance a JOIN meeting m ON m.id = a.meeting_id WHERE m.group_id = g.id) AS recorded, ` +
    `(SELECT count(*) FROM attendance a JOIN meeting m ON m.id = a.meeting_id WHERE m.group_id = g.id AND a.status = 'present') AS present ` +
    `FROM learning_group g WHERE g.id IN (SELECT group_id FROM enrolment WHERE person_id = ${personId}) ORDER BY g.id`);
}

test('must-show 4: after leergang person erase no database file holds the name, e-mail or number; the counts add up', () => {
  const db = freshDemo('erase.db', false);
  // a participant with contributions placed in a group's learning story
  const [p] = sql(db, 'SELECT p.id, p.name, p.email, p.employee_id FROM person p WHERE p.organisation_id = 1 AND ' +
    '(SELECT count(*) FROM contribution c WHERE c.person_id = p.id AND c.placed = 1) > 0 AND ' +
    '(SELECT count(*) FROM person q WHERE q.name = p.name) = 1 ORDER BY p.id LIMIT 1');
  assert.ok(p, 'a demo participant who contributed to a learning story');
  assert.notEqual(dbBytes(db).indexOf(Buffer.from(p.name)), -1, 'the name is there before');
  const [{ group_id: group }] = sql(db, `SELECT group_id FROM contribution WHERE person_id = ${p.id} AND placed = 1 LIMIT 1`);
  const before = groupCounts(db, p.id);
  const dry = cli(db, ['person', 'erase', '--org', 'politie-demo', '--employee', p.employee_id, '--dry-run']);
  assert.match(dry, /contribution: text replaced by the note/);
  assert.match(dry, /would stay/);
  assert.equal(sql(db, `SELECT name FROM person WHERE id = ${p.id}`)[0].name, p.name, 'a dry run changes nothing');
  cli(db, ['person', 'erase', '--org', 'politie-demo', '--employee', p.employee_id]);
  assertGone(db, p);
  assert.deepEqual(groupCounts(db, p.id), before);
  const story = cli(db, ['story', '--email', 'begeleider@politie.example', '--group', String(group), '--format', 'md']);
  assert.match(story, /Tekst verwijderd op verzoek van de schrijver/);
  const [{ n }] = sql(db, `SELECT count(*) AS n FROM audit_log WHERE action = 'person.erase' AND object_id = ${p.id}`);
  assert.equal(n, 1, 'the erasure itself is in the audit log');
  // the number is gone: asking again says so
  const again = cliResult(db, ['person', 'erase', '--org', 'politie-demo', '--employee', p.employee_id]);
  assert.notEqual(again.status, 0);
  assert.match(again.stderr, /Nobody in this organisation has employee number/);
});

test('HTTP: a participant downloads only their own data; an administrator of another organisation gets 404', async () => {
  const { startServer, Client, demoEmail } = await import('../lib/server.mjs');
  const srv = await startServer();
  try {
    const me = new Client(srv.base);
    await me.login(demoEmail('participant'));
    assert.match((await me.get('/')).text, /href="\/me\/data.pdf"/);
    const own = await me.get('/me/data.json');
    assert.equal(own.status, 200);
    const [p] = sql(srv.db, "SELECT p.id, p.employee_id FROM person p JOIN account a ON a.person_id = p.id " +
      "WHERE a.email = 'deelnemer@politie.example'");
    assert.equal(own.json().sections.person[0].employee_id, p.employee_id);
    assert.equal((await me.get('/me/data.pdf')).text.slice(0, 5), '%PDF-');
    const other = sql(srv.db, `SELECT id FROM person WHERE organisation_id = 1 AND id <> ${p.id} LIMIT 1`)[0].id;
    assert.equal((await me.get(`/people/${other}/data.json`)).status, 403, "a participant has no one else's");
    const admin = new Client(srv.base);
    await admin.login(demoEmail('administrator'));
    const theirs = await admin.get(`/people/${p.id}/data.json`);
    assert.equal(theirs.status, 200);
    assert.equal(theirs.json().sections.person[0].employee_id, p.employee_id);
    const stranger = new Client(srv.base);
    await stranger.login(demoEmail('administrator', 'gemeente'));
    assert.equal((await stranger.get(`/people/${p.id}/data.json`)).status, 404);
    const [{ n }] = sql(srv.db, `SELECT count(*) AS n FROM audit_log WHERE action = 'person.export' AND object_id = ${p.id}`);
    assert.equal(n, 3, 'each download is in the audit log');
  } finally {
    await srv.stop();
  }
});

// The 360° report about a person is theirs to see: the inzage holds it per
// dimension as the round's own report (wave_360, the same rules) gives it,
// and the raw ratings of no rater.
test('the inzage of the subject of a 360° round holds its report per dimension, as the round\'s page shows it', () => {
  const db = freshDemo('inzage360.db', false);
  const [round] = sql(db, "SELECT w.id, w.name, p.employee_id FROM wave w JOIN person p ON p.id = w.subject_id " +
    "WHERE w.organisation_id = (SELECT id FROM organisation WHERE slug = 'politie-demo') AND w.closes_on < " + dialect(db).today());
  assert.ok(round, 'the demo has a closed 360° round');
  const out = JSON.parse(cli(db, ['person', 'export', '--org', 'politie-demo', '--employee', round.employee_id, '--format', 'json']));
  const rows = out.sections.feedback_reports.filter((r) => r.round === round.name);
  const dims = sql(db, `SELECT DISTINCT it.scale FROM instrument_item it JOIN wave w ON w.version_id = it.version_id
    WHERE w.id = ${round.id} AND it.scale <> '' AND it.kind = 'likert'`).map((r) => r.scale);
  assert.deepEqual(rows.map((r) => r.dimension).sort(), dims.sort(), 'a row per dimension of the round');
  // the own score is the mean of the subject's own answers on the dimension
  const self = sql(db, `SELECT it.scale, avg(a.value) AS m FROM answer a JOIN response r ON r.id = a.response_id
    JOIN instrument_item it ON it.id = a.item_id WHERE r.wave_id = ${round.id} AND r.rater_role = 'self'
    AND a.value IS NOT NULL GROUP BY it.scale`);
  assert.equal(self.length, dims.length, 'the subject rated themselves on every dimension');
  for (const s of self) {
    const row = rows.find((r) => r.dimension === s.scale);
    assert.equal(row.self, s.m.toFixed(1).replace('.', ','), `${s.scale}: the own score`);
  }
  assert.ok(rows.every((r) => /\(\d+\)/.test(r.categories)), 'each category with its number of raters');
  assert.ok(!JSON.stringify(out.sections.feedback_reports).match(/"value"/), 'no single rating');
});
