// retention.test.mjs — retention periods (issue 16, must-show 5): with the
// clock past one group's period, `leergang retention run` removes exactly
// that group's personal texts, by kind, and nothing of a group still inside
// its period; a dry run changes nothing; the audit holds the counts. The
// server's daily job removes what expired when it starts and stops cleanly.
// The administrator's settings page refuses bad input, touches no other
// organisation and the privacy statement shows the periods.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { cli, cliResult, startServer, Client, demoEmail } from '../lib/server.mjs';
import { dialect, sqlRows, sqlRun } from '../lib/db.mjs';

const dir = mkdtempSync(join(tmpdir(), 'leergang-retention-'));
const sql = (db, q) => sqlRows(db, q);
const one = (db, q) => Object.values(sql(db, q)[0])[0];

const ORG = 'gemeente-demo';
const groupId = (db, name) => one(db, `SELECT g.id FROM learning_group g JOIN organisation o ON o.id = g.organisation_id ` +
  `WHERE o.slug = '${ORG}' AND g.name = '${name}'`);
const waveId = (db) => one(db, `SELECT w.id FROM wave w JOIN organisation o ON o.id = w.organisation_id ` +
  `WHERE o.slug = '${ORG}' AND w.anonymous = 0 AND w.name = 'Leerklimaat na de leercirkels'`);

// The texts of group g per kind, as the retention run names them.
function groupTexts(db, g) {
  const n = (q) => one(db, q);
  const enr = `(SELECT id FROM enrolment WHERE group_id = ${g})`;
  return {
    learning_question: n(`SELECT count(*) FROM learning_question WHERE group_id = ${g}`),
    intake: n(`SELECT count(*) FROM intake WHERE expectations <> '' AND enrolment_id IN ${enr}`),
    closing_talk: n(`SELECT count(*) FROM closing_talk WHERE (learning_yield <> '' OR next_steps <> '') AND enrolment_id IN ${enr}`),
    development_plan: n(`SELECT count(*) FROM development_plan WHERE group_id = ${g}`),
    development_goal: n(`SELECT count(*) FROM development_goal WHERE group_id = ${g}`),
    manager_talk: n(`SELECT count(*) FROM manager_talk WHERE group_id = ${g}`),
    contribution: n(`SELECT count(*) FROM contribution WHERE group_id = ${g}`),
    // the logbooks of writers enrolled in this group and no other
    logbook_entry: n(`SELECT count(*) FROM logbook_entry WHERE person_id IN (SELECT person_id FROM enrolment ` +
      `GROUP BY person_id HAVING count(*) = 1 AND max(group_id) = ${g})`),
  };
}
const waveNames = (db, w) => one(db, `SELECT count(*) FROM invitation WHERE wave_id = ${w} AND person_id IS NOT NULL`);
// Every table's rows in the organisation, to see that nothing else changed.
const TABLES = ['learning_question', 'intake', 'closing_talk', 'development_plan', 'development_goal', 'manager_talk',
  'contribution', 'logbook_entry', 'meeting_report', 'learning_story', 'enrolment', 'attendance', 'response'];
function orgRows(db) {
  const out = {};
  for (const t of TABLES) out[t] = one(db, `SELECT count(*) FROM ${t} WHERE organisation_id = (SELECT id FROM organisation WHERE slug = '${ORG}')`);
  out.intake_texts = one(db, "SELECT count(*) FROM intake WHERE expectations <> ''");
  out.named_invitations = one(db, 'SELECT count(*) FROM invitation WHERE person_id IS NOT NULL');
  return out;
}
// Moves a group's meetings (and a wave) back by years, as if they were held then.
function ageGroup(db, g, years) {
  const d = dialect(db);
  sqlRun(db, `UPDATE meeting SET starts_on = ${d.addYears('starts_on', -years)}, ` +
    `ends_on = ${d.addYears('ends_on', -years)} WHERE group_id = ${g}`);
}
function ageWave(db, w, years) {
  const d = dialect(db);
  sqlRun(db, `UPDATE wave SET opens_on = ${d.addYears('opens_on', -years)}, ` +
    `closes_on = ${d.addYears('closes_on', -years)} WHERE id = ${w}`);
}
// "  3        learning_question" lines of the command's output.
function printed(out) {
  const m = {};
  for (const [, n, kind] of out.matchAll(/^\s+(\d+)\s+(\w+)$/gm)) m[kind] = Number(n);
  return m;
}
const addMonths = (d, n) => {
  const t = new Date(d + 'T12:00:00Z');
  t.setUTCMonth(t.getUTCMonth() + n);
  return t.toISOString().slice(0, 10);
};

let server;
after(async () => {
  rmSync(dir, { recursive: true, force: true });
  if (server) await server.stop();
});

test('must-show 5: past one group\'s period, exactly its texts go, by kind; a dry run changes nothing; the audit counts', () => {
  const db = join(dir, 'run.db');
  cli(db, ['init', '--demo']);
  const old = groupId(db, 'Groep 1'), inside = groupId(db, 'Groep 2'), wave = waveId(db);
  ageGroup(db, old, 6);
  ageWave(db, wave, 6);
  const finished = one(db, `SELECT max(ends_on) FROM meeting WHERE group_id = ${old} AND cancelled = 0`);
  const waveClosed = one(db, `SELECT closes_on FROM wave WHERE id = ${wave}`);
  // the clock: 25 months after the old group finished, past the default
  // 24 months for texts and 12 for logbooks; every other group of the
  // organisation has not even met by then
  const now = addMonths(finished, 25);
  assert.ok(addMonths(waveClosed, 24) <= now, 'the named wave closed more than 24 months before');

  const oldBefore = groupTexts(db, old), insideBefore = groupTexts(db, inside), rowsBefore = orgRows(db);
  const namesBefore = waveNames(db, wave);
  for (const k of ['learning_question', 'intake', 'development_plan', 'development_goal', 'manager_talk', 'contribution', 'logbook_entry']) {
    assert.ok(oldBefore[k] > 0, `the old group has ${k} to remove`);
  }
  assert.ok(insideBefore.learning_question > 0 && insideBefore.development_goal > 0 && insideBefore.contribution > 0,
    'the group inside its period has texts too');
  assert.ok(namesBefore > 0, 'the named wave has invitations on name');

  const dry = cli(db, ['retention', 'run', '--org', ORG, '--now', now, '--dry-run']);
  assert.match(dry, /nothing changed/);
  assert.deepEqual(orgRows(db), rowsBefore, 'a dry run changes nothing');
  const dryCounts = printed(dry);
  assert.equal(one(db, "SELECT count(*) FROM audit_log WHERE action = 'retention.apply'"), 0, 'a dry run leaves no audit line');

  const out = cli(db, ['retention', 'run', '--org', ORG, '--now', now]);
  const counts = printed(out);
  assert.deepEqual(counts, dryCounts, 'the dry run said what the run removed');
  for (const [k, n] of Object.entries(oldBefore)) assert.equal(counts[k], n, `${k}: the old group's ${n} removed`);
  assert.equal(counts.invitation, namesBefore, 'the named wave\'s invitations lost their name');
  assert.deepEqual(groupTexts(db, old), Object.fromEntries(Object.keys(oldBefore).map((k) => [k, 0])), 'the old group keeps no text');
  assert.deepEqual(groupTexts(db, inside), insideBefore, 'the group inside its period keeps every text');
  assert.equal(waveNames(db, wave), 0);
  // exactly: the organisation lost these rows and no others
  const rowsAfter = orgRows(db);
  for (const t of ['learning_question', 'development_plan', 'development_goal', 'manager_talk', 'contribution', 'logbook_entry']) {
    assert.equal(rowsBefore[t] - rowsAfter[t], oldBefore[t], `${t}: only the old group's rows went`);
  }
  assert.equal(rowsBefore.intake_texts - rowsAfter.intake_texts, oldBefore.intake);
  for (const t of ['intake', 'closing_talk', 'meeting_report', 'learning_story', 'enrolment', 'attendance', 'response']) {
    assert.equal(rowsAfter[t], rowsBefore[t], `${t}: rows that reports count stay`);
  }
  assert.equal(rowsBefore.named_invitations - rowsAfter.named_invitations, namesBefore);

  const [a] = sql(db, "SELECT actor, detail FROM audit_log WHERE action = 'retention.apply'");
  assert.ok(a, 'the run is audited');
  for (const [k, n] of Object.entries(counts)) if (n) assert.match(a.detail, new RegExp(`\\b${k} ${n}\\b`));
  assert.doesNotMatch(a.detail, /[A-Z][a-z]+ [a-z]+ [a-z]+ [a-z]+/, 'counts, never a text');
  // a second run finds nothing more
  assert.ok(Object.values(printed(cli(db, ['retention', 'run', '--org', ORG, '--now', now]))).every((n) => n === 0));
  assert.equal(one(db, "SELECT count(*) FROM audit_log WHERE action = 'retention.apply'"), 1, 'a run that removes nothing is not audited');
});

test('retention on the command line: a bad date or organisation is refused with a clear message', () => {
  const db = join(dir, 'cli.db');
  cli(db, ['init']);
  const bad = cliResult(db, ['retention', 'run', '--now', '2027-02-30']);
  assert.notEqual(bad.status, 0);
  assert.match(bad.stderr, /--now wants a date as YYYY-MM-DD/);
  const org = cliResult(db, ['retention', 'show', '--org', 'nergens']);
  assert.notEqual(org.status, 0);
  assert.match(org.stderr, /no organisation with slug 'nergens'/);
});

test('the server\'s daily job removes what expired when it starts, logs counts, and stops cleanly', async () => {
  let old, inside, insideBefore;
  server = await startServer({
    names: 'ordinary',
    prepare(db) {
      old = groupId(db, 'Groep 1');
      inside = groupId(db, 'Groep 2');
      ageGroup(db, old, 6);
      insideBefore = groupTexts(db, inside);
    },
  });
  // one line per organisation, politie-demo's last (the organisations by slug)
  for (let i = 0; i < 200 && !/retention politie-demo/.test(server.stderr()); i++) await sleep(100);
  const line = server.stderr().match(/leergang: retention gemeente-demo on \d{4}-\d\d-\d\d: removed ([^\n]*)/);
  assert.ok(line, 'the job logged its run:\n' + server.stderr());
  assert.match(line[1], /learning_question \d+/);
  assert.match(server.stderr(), /retention politie-demo on [\d-]+: removed nothing\n/, 'nothing expired in the other organisation');
  assert.deepEqual(groupTexts(server.db, old), Object.fromEntries(Object.keys(insideBefore).map((k) => [k, 0])));
  assert.deepEqual(groupTexts(server.db, inside), insideBefore);
});

test('the settings page refuses bad input and changes nothing; a good change is audited and touches no other organisation', async () => {
  const admin = new Client(server.base);
  await admin.login(demoEmail('administrator', 'gemeente'));
  const shown = await admin.get('/settings/retention');
  assert.equal(shown.status, 200);
  assert.match(shown.text, /<h1[^>]*>Bewaartermijnen<\/h1>/);
  assert.match(shown.text, /name="texts_months"[^>]*value="24"/);
  assert.match(shown.text, /standaardtermijnen van leergang/);
  const stored = () => sql(server.db, 'SELECT organisation_id, texts_months, logbook_months, answers_months FROM retention');
  const good = { texts_months: '36', logbook_months: '6', answers_months: '18' };
  for (const bad of ['-1', '0', '241', 'abc', '1.5', '12 ', '99999999999999999999', '']) {
    for (const field of Object.keys(good)) {
      const r = await admin.post('/settings/retention', { ...good, [field]: bad });
      assert.equal(r.status, 422, `${field}=${JSON.stringify(bad)}`);
      assert.match(r.text, /(heel getal|aantal maanden)/, `a Dutch message for ${field}=${JSON.stringify(bad)}`);
      assert.deepEqual(stored(), [], `${field}=${JSON.stringify(bad)} changed nothing`);
    }
  }
  const noCsrf = await admin.post('/settings/retention', { ...good, csrf: '' });
  assert.equal(noCsrf.status, 403);
  assert.deepEqual(stored(), [], 'without the CSRF token nothing changed');

  const ok = await admin.post('/settings/retention', good);
  assert.equal(ok.status, 303);
  const gemeente = one(server.db, "SELECT id FROM organisation WHERE slug = 'gemeente-demo'");
  assert.deepEqual(stored(), [{ organisation_id: gemeente, texts_months: 36, logbook_months: 6, answers_months: 18 }],
    'only this organisation has periods of its own');
  assert.match(cli(server.db, ['retention', 'show', '--org', 'politie-demo']), /texts_months\t24\nlogbook_months\t12\nanswers_months\t24\nsource\tleergang's defaults/);
  const [a] = sql(server.db, "SELECT detail FROM audit_log WHERE action = 'retention.set'");
  assert.equal(a.detail, 'texts 24 -> 36, logbook 12 -> 6, answers 24 -> 18 months');
});

test('the privacy statement shows the reader\'s organisation\'s periods, a visitor the defaults', async () => {
  const mine = new Client(server.base);
  await mine.login(demoEmail('participant', 'gemeente'));
  const g = (await mine.get('/privacy')).text;
  assert.match(g, /<h2 id="retention">Bewaartermijnen<\/h2>/);
  assert.match(g, /36 maanden nadat uw groep is afgerond/);
  assert.match(g, /6 maanden nadat de laatste groep waaraan u deelnam is afgerond: uw hele logboek/);
  assert.match(g, /18 maanden nadat een vragenlijst op naam is gesloten/);
  const other = new Client(server.base);
  await other.login(demoEmail('participant'));
  const p = (await other.get('/privacy')).text;
  assert.match(p, /24 maanden nadat uw groep is afgerond/);
  assert.match(p, /geen eigen termijnen ingesteld/);
  assert.doesNotMatch(p, /36 maanden/, 'never another organisation\'s settings');
  const visitor = (await new Client(server.base).get('/privacy')).text;
  assert.match(visitor, /Elke organisatie stelt haar eigen termijnen in/);
  assert.match(visitor, /24 maanden nadat uw groep is afgerond/);
  assert.match(visitor, /12 maanden nadat de laatste groep/);
  assert.doesNotMatch(visitor, /36 maanden/);
});

test('erasure from the person page: the confirm page shows the dry run, no CSRF is refused, then a tombstone', async () => {
  const admin = new Client(server.base);
  await admin.login(demoEmail('administrator'));
  const [p] = sql(server.db, "SELECT p.id, p.name, p.employee_id FROM person p JOIN enrolment e ON e.person_id = p.id " +
    "JOIN organisation o ON o.id = p.organisation_id WHERE o.slug = 'politie-demo' " +
    "AND p.id IN (SELECT person_id FROM logbook_entry) ORDER BY p.id LIMIT 1");
  const page = await admin.get(`/people/${p.id}`);
  assert.match(page.text, new RegExp(`<form method="post" action="/people/${p.id}/erase">`));
  assert.match(page.text, />Persoon wissen<\/button>/);
  assert.match(page.text, new RegExp(`href="/people/${p.id}/data.pdf"`));
  assert.match(page.text, new RegExp(`href="/people/${p.id}/data.json"`));
  const logbook = one(server.db, `SELECT count(*) FROM logbook_entry WHERE person_id = ${p.id}`);

  const ask = await admin.post(`/people/${p.id}/erase`);
  assert.equal(ask.status, 200);
  assert.match(ask.text, /Wat het wissen doet/);
  assert.match(ask.text, new RegExp(`<td>logboekaantekeningen: verwijderd</td><td>${logbook}</td>`), 'the dry run counts the logbook');
  assert.match(ask.text, /Wat blijft/);
  assert.match(ask.text, /name="confirm" value="1"/);
  assert.equal(one(server.db, `SELECT name FROM person WHERE id = ${p.id}`), p.name, 'the dry run changed nothing');
  assert.equal(one(server.db, `SELECT count(*) FROM logbook_entry WHERE person_id = ${p.id}`), logbook);

  const forged = await admin.post(`/people/${p.id}/erase`, { confirm: '1', csrf: '' });
  assert.equal(forged.status, 403);
  assert.equal(one(server.db, `SELECT name FROM person WHERE id = ${p.id}`), p.name, 'without the CSRF token nothing changed');

  const done = await admin.post(`/people/${p.id}/erase`, { confirm: '1' });
  assert.equal(done.status, 303);
  assert.equal(done.headers.get('location'), `/people/${p.id}?done=person-erased`);
  const [t] = sql(server.db, `SELECT name, email, employee_id FROM person WHERE id = ${p.id}`);
  assert.deepEqual(t, { name: 'Verwijderde persoon', email: '', employee_id: `erased-${p.id}` });
  assert.equal(one(server.db, `SELECT count(*) FROM logbook_entry WHERE person_id = ${p.id}`), 0);
  assert.match((await admin.get(`/people/${p.id}?done=person-erased`)).text, /De persoon is gewist/);
});

test('an unknown or bad employee number on the command line gets a clear message and erases nobody', () => {
  const db = join(dir, 'erase.db');
  cli(db, ['init', '--demo']);
  const before = one(db, "SELECT count(*) FROM person WHERE employee_id LIKE 'erased-%'");
  const unknown = cliResult(db, ['person', 'erase', '--org', 'politie-demo', '--employee', 'NIEMAND-1']);
  assert.notEqual(unknown.status, 0);
  assert.match(unknown.stderr, /Nobody in this organisation has employee number NIEMAND-1; check the number/);
  const empty = cliResult(db, ['person', 'erase', '--org', 'politie-demo', '--employee', '']);
  assert.notEqual(empty.status, 0);
  assert.match(empty.stderr, /Give an employee number of 1 to 64 characters/);
  assert.equal(one(db, "SELECT count(*) FROM person WHERE employee_id LIKE 'erased-%'"), before);
});
