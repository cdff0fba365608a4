// The nightly people sync of an HR system: PUT /api/v1/people with the
// whole export (CSV or JSON), a dry run first, the same per-line report as
// the import, and people who left marked inactive rather than deleted.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, Client, cli, cliResult, demoEmail, PASSWORD } from '../lib/server.mjs';
import { sqlValue } from '../lib/db.mjs';

const SLUG = 'gemeente-hr';
const ADMIN = 'beheer@hr.example';
let srv, api, other;
// renamed in the second night's export
const renamed = [17, 230, 999, 1500, 2222, 3001, 4100, 4999];

// The export of n people: number, name, e-mail, unit, manager (the first
// ten lead the rest), job level; change(i, row) may alter row i (1-based).
function exportCsv(n, change = () => {}) {
  const rows = [];
  for (let i = 1; i <= n; i++) {
    const row = { nr: `P${String(i).padStart(5, '0')}`, name: `Medewerker ${i}`, email: `m${i}@hr.example`,
      unit: `Directie ${1 + (i % 4)}/Team ${1 + (i % 25)}`, manager: i <= 10 ? '' : `P${String(1 + (i % 10)).padStart(5, '0')}`,
      level: `schaal ${8 + (i % 5)}` };
    change(i, row);
    if (row.gone) continue;
    rows.push([row.nr, row.name, row.email, `"${row.unit}"`, row.manager, row.level].join(';'));
  }
  return ['personeelsnummer;naam;e-mail;afdeling;leidinggevende;functieniveau', ...rows].join('\r\n') + '\r\n';
}

const sync = (body, query = '', type = 'text/csv') =>
  api.request('PUT', `/api/v1/people${query}`, { body, headers: { 'content-type': type } });
const count = (where) => Number(sqlValue(srv.db, `SELECT count(*) FROM person p JOIN organisation o ON o.id = p.organisation_id
  WHERE o.slug = '${SLUG}' AND ${where}`));

before(async () => {
  srv = await startServer();
  cli(srv.db, ['org', 'add', '--slug', SLUG, '--name', 'Gemeente Hoofddorp-West']);
  cli(srv.db, ['user', 'add', '--org', SLUG, '--email', ADMIN, '--role', 'administrator', '--name', 'Beheer HR'], PASSWORD + '\n');
  api = new Client(srv.base);
  api.headers.authorization = `Bearer ${cli(srv.db, ['token', 'create', '--email', ADMIN]).trim()}`;
  other = new Client(srv.base);
  await other.login(ADMIN, PASSWORD);
});
after(async () => { await srv?.stop(); });

test('a nightly sync of 5,000 people with 20 changes reports exactly those 20, after a dry run that changes nothing', async () => {
  const first = await sync(exportCsv(5000));
  assert.equal(first.status, 200, first.text.slice(0, 300));
  assert.equal(first.json().created, 5000);
  assert.equal(count('p.active = 1'), 5000);
  // the next night: 8 renamed, 4 moved, 2 with a new manager, 3 new, 3 left
  const moved = [40, 41, 42, 43], managed = [600, 601];
  const left = [12, 2500, 4444], added = [5001, 5002, 5003];
  const night = exportCsv(5003, (i, row) => {
    if (renamed.includes(i)) row.name = `Medewerker ${i} (getrouwd)`;
    if (moved.includes(i)) row.unit = 'Directie 9/Team Nieuw';
    if (managed.includes(i)) row.manager = 'P00003';
    if (left.includes(i)) row.gone = true;
  });
  const nr = (i) => `P${String(i).padStart(5, '0')}`;
  const expected = [
    ...renamed.map((i) => [nr(i), 'updated', 'name']), ...moved.map((i) => [nr(i), 'updated', 'unit']),
    ...managed.map((i) => [nr(i), 'updated', 'manager']), ...added.map((i) => [nr(i), 'created', '']),
    ...left.map((i) => [nr(i), 'deactivated', 'active']),
  ].sort((a, b) => a[0].localeCompare(b[0]));
  assert.equal(expected.length, 20);
  const seen = (j) => j.changes.map((x) => [x.employee_id, x.change, x.fields]).sort((a, b) => a[0].localeCompare(b[0]));

  const dry = await sync(night, '?dry_run=1');
  assert.equal(dry.status, 200, dry.text.slice(0, 300));
  assert.equal(dry.json().dry_run, true);
  assert.equal(dry.json().applied, false);
  assert.deepEqual(seen(dry.json()), expected, 'the dry run names the same 20');
  assert.equal(count('p.active = 1'), 5000, 'the dry run changed nothing');
  assert.equal(count(`p.name LIKE '%getrouwd%'`), 0);

  const r = await sync(night);
  assert.equal(r.status, 200, r.text.slice(0, 300));
  const j = r.json();
  assert.equal(j.applied, true);
  assert.deepEqual(seen(j), expected);
  assert.deepEqual([j.created, j.updated, j.deactivated, j.unchanged, j.rows], [3, 14, 3, 5000 - 3 - 14, 5000]);
  // each change on its line of the file (the header is line 1; those who left have none)
  const lineOf = (i) => 1 + i - left.filter((l) => l < i).length;
  assert.equal(j.changes.find((x) => x.employee_id === nr(999)).line, lineOf(999));
  assert.equal(j.changes.find((x) => x.employee_id === nr(12)).line, null);
  assert.equal(j.changes.find((x) => x.employee_id === nr(12)).name, 'Medewerker 12', 'named, for the HR adviser');
  assert.equal(j.changes.find((x) => x.employee_id === nr(999)).name, 'Medewerker 999 (getrouwd)');
  // those who left are kept, inactive; the others active; nobody deleted
  assert.equal(count('1 = 1'), 5003);
  assert.equal(count('p.active = 0'), 3);
  assert.equal(count(`p.active = 0 AND p.employee_id IN ('${left.map(nr).join("','")}')`), 3);
  assert.equal(count(`p.name = 'Medewerker 999 (getrouwd)'`), 1);
  // the same export again: nothing to do
  const again = await sync(night);
  assert.deepEqual([again.json().changes.length, again.json().unchanged], [0, 5000]);
  // one line in the audit log per sync that changed something
  assert.equal(Number(sqlValue(srv.db, "SELECT count(*) FROM audit_log WHERE action = 'sync.people'")), 2);
});

test('the sync takes JSON as well: a field nobody has is kept, an empty or broken body changes nothing', async () => {
  const before = count('p.active = 1');
  // JSON with only number and name: e-mail, unit and manager stay as they are
  const people = [];
  for (let i = 1; i <= 5003; i++) {
    const nr = `P${String(i).padStart(5, '0')}`;
    if (nr === 'P00012' || nr === 'P02500' || nr === 'P04444') continue;
    people.push({ employee_id: nr, name: i === 5 ? 'Medewerker 5 "de Wit"' : undefined });
  }
  for (const p of people) if (p.name === undefined) delete p.name;
  // a name missing for all but one is a column with empty cells: refused, since a name is required
  let r = await sync(JSON.stringify({ people }), '', 'application/json');
  assert.equal(r.status, 422, r.text.slice(0, 300));
  assert.ok(r.json().issues.length > 0 && r.json().issues.every((x) => x.column === 'name'));
  assert.equal(count('p.active = 1'), before, 'refused: nothing changed');
  // with every name as it is, and one changed
  const named = people.map((p) => ({ ...p, name: p.employee_id === 'P00005' ? 'Medewerker 5 "de Wit"'
    : renamed.includes(Number(p.employee_id.slice(1))) ? `Medewerker ${Number(p.employee_id.slice(1))} (getrouwd)`
    : `Medewerker ${Number(p.employee_id.slice(1))}` }));
  r = await sync(JSON.stringify(named), '', 'application/json');
  assert.equal(r.status, 200, r.text.slice(0, 300));
  assert.deepEqual(r.json().changes.map((x) => [x.employee_id, x.change, x.fields]), [['P00005', 'updated', 'name']]);
  assert.equal(count(`p.name = 'Medewerker 5 "de Wit"' AND p.email = 'm5@hr.example'`), 1, 'the e-mail is kept');
  // an export with no rows never deactivates everybody; broken JSON is refused
  for (const [body, type] of [['personeelsnummer;naam\r\n', 'text/csv'], ['{"people": 3}', 'application/json'],
    ['{"people": [', 'application/json'], ['', 'text/csv']]) {
    const x = await sync(body, '', type);
    assert.ok([400, 422].includes(x.status), `${JSON.stringify(body)}: ${x.status}`);
    assert.equal(typeof x.json().error.message, 'string');
  }
  assert.equal(count('p.active = 1'), before);
});

test('PUT with the session cookie needs the CSRF header, as a POST does; other roles are refused', async () => {
  const body = exportCsv(3);
  // a page of another site can send the cookie, not the session's token
  let r = await other.request('PUT', '/api/v1/people', { body, headers: { 'content-type': 'text/csv', 'x-csrf-token': 'f'.repeat(64) } });
  assert.equal(r.status, 403);
  assert.match(r.json().error.message, /X-CSRF-Token/);
  assert.equal(count('p.active = 1'), 5000, 'nothing deactivated');
  const coach = new Client(srv.base);
  coach.headers.authorization = `Bearer ${cli(srv.db, ['token', 'create', '--email', demoEmail('coach', 'gemeente')]).trim()}`;
  r = await coach.request('PUT', '/api/v1/people', { body, headers: { 'content-type': 'text/csv' } });
  assert.ok([403, 404].includes(r.status), `coach: ${r.status}`);
  assert.equal(count('p.active = 1'), 5000);
});

test('the command line syncs the same way: --sync lists each change, --dry-run changes nothing', async () => {
  cli(srv.db, ['org', 'add', '--slug', 'hr-cli', '--name', 'Gemeente Nieuw-Vennep']);
  const file = (rows) => {
    const path = join(srv.dir, `sync-${rows.length}.csv`);
    writeFileSync(path, ['personeelsnummer;naam;afdeling', ...rows].join('\r\n') + '\r\n');
    return path;
  };
  const first = file(['C1;Anna de Vries;Team A', 'C2;Bram Jansen;Team A', 'C3;Cor Smit;Team B']);
  let r = cliResult(srv.db, ['import', 'people', '--org', 'hr-cli', '--sync', first]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /3 rows: 3 created, 0 updated, 0 unchanged, 2 units created, 0 deactivated/);
  const night = file(['C1;Anna de Vries;Team A', 'C2;Bram Jansen-de Boer;Team A']);
  r = cliResult(srv.db, ['import', 'people', '--org', 'hr-cli', '--sync', '--dry-run', night]);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(r.stdout.trim().split('\n'), [`${night}:3: C2 updated name`, `${night}: C3 deactivated (not in the file)`,
    'dry run, nothing changed: 2 rows: 0 created, 1 updated, 1 unchanged, 0 units created, 1 deactivated']);
  const active = () => sqlValue(srv.db, "SELECT count(*) FROM person p JOIN organisation o ON o.id = p.organisation_id WHERE o.slug = 'hr-cli' AND p.active = 1");
  assert.equal(Number(active()), 3);
  r = cliResult(srv.db, ['import', 'people', '--org', 'hr-cli', '--sync', night]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(Number(active()), 2);
  // an export without people is refused
  r = cliResult(srv.db, ['import', 'people', '--org', 'hr-cli', '--sync', file([])]);
  assert.notEqual(r.status, 0);
  assert.equal(Number(active()), 2);
});
