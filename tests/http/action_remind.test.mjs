// The reminder mail of due follow-up actions (issue 17), against a local
// SMTP sink (tests/lib/smtp-sink.mjs): the server's daily job mails each
// owner of open actions due today or before one message, in Dutch, with
// due dates and links but never an action's text (which is confidential to
// the session; mail leaves the installation); done, dropped and later
// actions get none; a second run the same day sends nothing; `leergang
// action remind` with --now and --dry-run; without mail set up nothing is
// sent or changed and there is no error. Every reminder is audited. One
// server for the whole file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, demoEmail, BIN } from '../lib/server.mjs';
import { startSmtpSink, parseMessage } from '../lib/smtp-sink.mjs';
import { dialect, sqlRows, sqlRun } from '../lib/db.mjs';

const FROM = 'leergang@politie.example';
const PUBLIC = 'https://leergang.example.nl';
const P1 = demoEmail('participant');
const P2 = demoEmail('participant', 'gemeente');
const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const iso = (d) => d.toISOString().slice(0, 10);
const day = (n) => { const d = new Date(); d.setUTCDate(d.getUTCDate() + n); return iso(d); };
const sql = (db, q) => sqlRows(db, q);
const byText = (db) => Object.fromEntries(sql(db, 'SELECT text, reminded_on FROM session_action')
  .map((r) => [r.text, r.reminded_on]));

let sink, srv;

// Runs the command line on the server's database, with mail set up or not
// (without blocking: the SMTP sink answers in this process).
function remind(args, mail = true) {
  const env = { ...process.env, LEERGANG_LOCALEDIR: join(root, 'build/locale'), LEERGANG_PUBLIC_URL: PUBLIC };
  delete env.LEERGANG_SMTP_URL;
  if (mail) Object.assign(env, { LEERGANG_SMTP_URL: sink.url, LEERGANG_SMTP_FROM: FROM });
  const p = spawn(BIN, ['--db', srv.db, 'action', 'remind', ...args], { env });
  let stdout = '', stderr = '';
  p.stdout.on('data', (d) => { stdout += d; });
  p.stderr.on('data', (d) => { stderr += d; });
  return new Promise((res) => p.on('close', (status) => res({ status, stdout, stderr })));
}

// The demo's sessions with actions of every kind: for P1 one due today,
// one overdue, one done and one dropped (both past their date) and one
// due in five days; for P2 one overdue in the other organisation.
function prepare(db) {
  const person = (email) => sql(db, `SELECT person_id AS id, organisation_id AS org FROM account WHERE email = '${email}'`)[0];
  const session = (org) => sql(db, `SELECT id FROM case_session WHERE organisation_id = ${org} ORDER BY id LIMIT 1`)[0].id;
  const p1 = person(P1), p2 = person(P2);
  const s1 = session(p1.org), s2 = session(p2.org);
  const rows = [
    [p1, s1, 'Geheim-Vandaag: de wethouder bellen', day(0), 'open'],
    [p1, s1, 'Geheim-Te-laat: het dossier van mevrouw X', day(-3), 'open'],
    [p1, s1, 'Geheim-Klaar', day(-3), 'done'],
    [p1, s1, 'Geheim-Gestopt', day(-3), 'dropped'],
    [p1, s1, 'Geheim-Later', day(5), 'open'],
    [p2, s2, 'Geheim-Gemeente', day(-1), 'open'],
  ];
  const d = dialect(db);
  const values = rows.map(([p, s, text, due, status]) =>
    `(${p.org}, ${s}, ${p.id}, '${text}', '${due}', '${status}', ${d.now()})`).join(', ');
  const write = `DELETE FROM session_action; INSERT INTO session_action
    (organisation_id, session_id, person_id, text, due_on, status, created_at) VALUES ${values};`;
  // PostgreSQL's search triggers are its own (PL/pgSQL): they run.
  if (d.pg) { sqlRun(db, write); return; }
  // the sqlite3 shell has not leergang's Dutch tokenizer, which the search
  // index's triggers on session_action need: they are set aside for these
  // writes and put back (these rows are not in the search index, which
  // this test does not use)
  const triggers = sql(db, "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'session_action'");
  assert.ok(triggers.length > 0, 'the search index has its triggers on session_action');
  sqlRun(db, `${triggers.map((t) => `DROP TRIGGER ${t.name};`).join('\n')}
    ${write}
    ${triggers.map((t) => `${t.sql};`).join('\n')}`);
}

before(async () => {
  sink = await startSmtpSink();
  srv = await startServer({ prepare, env: { LEERGANG_SMTP_URL: sink.url, LEERGANG_SMTP_FROM: FROM,
    LEERGANG_PUBLIC_URL: PUBLIC } });
});
after(async () => {
  await srv?.stop();
  await sink?.stop();
});

test('the daily job at the start of the server: one Dutch message per owner of due actions, without their text', async () => {
  for (let i = 0; i < 200 && sink.messages.length < 2; i++) await new Promise((r) => setTimeout(r, 50));
  await new Promise((r) => setTimeout(r, 200));   // and nothing more comes
  assert.equal(sink.messages.length, 2, 'one message for each of the two owners');
  const to = Object.fromEntries(sink.messages.map((m) => [m.to[0], parseMessage(m.data)]));
  assert.deepEqual(Object.keys(to).sort(), [P2, P1].sort());
  const s1 = sql(srv.db, "SELECT session_id AS id FROM session_action WHERE text LIKE 'Geheim-Vandaag%'")[0].id;
  const m1 = to[P1];
  assert.equal(m1.header('Subject'), 'Herinnering: 2 vervolgacties staan open');
  assert.match(m1.body, /^Beste /);
  assert.equal(m1.body.match(new RegExp(`${PUBLIC}/sessions/${s1}\\b`, 'g')).length, 2, 'a link to the session per action');
  assert.match(m1.body, /\(vandaag\)/);
  assert.match(m1.body, /\(te laat\)/);
  assert.ok(m1.body.includes(`${PUBLIC}/`), 'the start page');
  assert.equal(to[P2].header('Subject'), 'Herinnering: een vervolgactie staat open');
  for (const m of sink.messages) {
    assert.doesNotMatch(m.data, /Geheim|wethouder|dossier/, "never the action's text, not even encoded");
    assert.doesNotMatch(Buffer.from(m.data).toString('latin1'), /R2VoZWlt/, 'nor in base64');
  }
  const r = byText(srv.db);
  for (const t of ['Geheim-Vandaag: de wethouder bellen', 'Geheim-Te-laat: het dossier van mevrouw X', 'Geheim-Gemeente'])
    assert.equal(r[t], day(0), `${t}: reminded today`);
  for (const t of ['Geheim-Klaar', 'Geheim-Gestopt', 'Geheim-Later']) assert.equal(r[t], '', `${t}: no reminder`);
  const audit = sql(srv.db, "SELECT organisation_id, object_id, detail FROM audit_log WHERE action = 'session_action.remind'");
  assert.equal(audit.length, 3, 'each action reminded is audited');
  assert.ok(audit.every((a) => !/Geheim/.test(a.detail)), 'the audit line holds no text');
  assert.doesNotMatch(srv.stderr(), new RegExp(P1.replace('.', '\\.')), 'the log names no address');
});

test('a second run the same day sends nothing; --dry-run says who would get one and sends nothing', async () => {
  sink.clear();
  const again = await remind([]);
  assert.equal(again.status, 0, again.stderr);
  assert.equal(sink.messages.length, 0, 'at most one reminder per action per day');
  assert.match(again.stdout, /0 sent, 0 not sent/);
  const before = byText(srv.db);
  const dry = await remind(['--now', day(1), '--dry-run']);
  assert.equal(dry.status, 0, dry.stderr);
  assert.match(dry.stdout, new RegExp(`^${P1}\\t.*\\t2 due\\twould get a reminder$`, 'm'));
  assert.match(dry.stdout, new RegExp(`^${P2}\\t.*\\t1 due\\twould get a reminder$`, 'm'));
  assert.equal(sink.messages.length, 0);
  assert.deepEqual(byText(srv.db), before, 'a dry run changes nothing');
});

test('on a later day the open actions due by then are mailed once more, done and dropped ones never', async () => {
  sink.clear();
  const r = await remind(['--now', day(5)]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /2 sent, 0 not sent/);
  assert.equal(sink.messages.length, 2);
  const m1 = parseMessage(sink.messages.find((m) => m.to[0] === P1).data);
  assert.equal(m1.header('Subject'), 'Herinnering: 3 vervolgacties staan open', 'today, overdue and the one due on day 5');
  const after = byText(srv.db);
  assert.equal(after['Geheim-Later'], day(5));
  assert.equal(after['Geheim-Klaar'], '');
  assert.equal(after['Geheim-Gestopt'], '');
  sink.clear();
  assert.equal((await remind(['--now', day(5)])).status, 0);
  assert.equal(sink.messages.length, 0, 'not twice on that day');
});

test('without mail set up: nothing sent, nothing changed, no error', async () => {
  sink.clear();
  const before = byText(srv.db);
  const r = await remind(['--now', day(6)], false);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /no LEERGANG_SMTP_URL: no reminders sent/);
  assert.equal(sink.messages.length, 0);
  assert.deepEqual(byText(srv.db), before);
  const bad = await remind(['--now', '6-12-2026']);
  assert.notEqual(bad.status, 0);
  assert.match(bad.stderr, /YYYY-MM-DD/);
});
