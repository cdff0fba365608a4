// Organisations are strictly apart: a user of organisation A cannot see,
// change or guess anything of organisation B, through pages, API or ids.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, demoEmail, cli } from '../lib/server.mjs';

let srv, a, b, bApi;

before(async () => {
  srv = await startServer();
  a = new Client(srv.base);
  await a.login(demoEmail('administrator', 'politie'));
  b = new Client(srv.base);
  await b.login(demoEmail('administrator', 'gemeente'));
  bApi = (await b.get('/api/v1/people?limit=1000')).json();
});
after(async () => { await srv.stop(); });

test('lists, search, CSV and API of A hold nothing of B', async () => {
  const bPerson = bApi.people.find((p) => !p.name.includes('<'));
  const list = await a.get('/people?q=' + encodeURIComponent(bPerson.employee_id));
  assert.equal(list.status, 200);
  assert.match(list.text, /0 (people found|mensen gevonden)/);
  const csv = await a.get('/people.csv');
  assert.ok(csv.text.includes('P1'), 'A sees its own people');
  assert.ok(!/\bG\d{5}\b/.test(csv.text), 'no employee number of B in the CSV of A');
  const api = (await a.get('/api/v1/people?limit=1000')).json();
  assert.ok(api.total > 100);
  // P: the police unit's staff, X: its external facilitators; G would be B's
  assert.ok(api.people.every((p) => /^[PX]\d/.test(p.employee_id)));
  const units = await a.get('/units');
  assert.ok(!units.text.includes('Afdeling O'), 'the units of B are not in the tree of A');
  const orgs = (await a.get('/api/v1/organisations')).json().organisations;
  assert.equal(orgs.length, 1);
  assert.equal(orgs[0].slug, 'politie-demo');
});

test('ids of B answer exactly like ids that do not exist', async () => {
  const bUnits = (await b.get('/api/v1/units')).json().units;
  const bPerson = bApi.people[0].id, bUnit = bUnits[0].id;
  for (const [theirs, none] of [[`/people/${bPerson}`, '/people/99999999'], [`/units/${bUnit}`, '/units/99999999'],
    [`/api/v1/people/${bPerson}`, '/api/v1/people/99999999'], [`/api/v1/units/${bUnit}`, '/api/v1/units/99999999']]) {
    const r1 = await a.get(theirs), r2 = await a.get(none);
    assert.equal(r1.status, 404, theirs);
    assert.equal(r2.status, 404, none);
    // the same page, apart from the address itself in the language link
    const norm = (t, path) => t.replaceAll(encodeURIComponent(path), 'PATH');
    assert.equal(norm(r1.text, theirs), norm(r2.text, none), `${theirs} reveals nothing`);
  }
});

test('A cannot change units, accounts or roles of B', async () => {
  const bUnits = (await b.get('/api/v1/units')).json().units;
  const target = bUnits.find((u) => u.people === 0 && u.units === 0) || bUnits[0];
  let r = await a.post(`/units/${target.id}`, { name: 'Overgenomen', parent_id: '0', manager: '' });
  assert.equal(r.status, 404);
  r = await a.post(`/units/${target.id}/delete`, { confirm: '1' });
  assert.equal(r.status, 404);
  const after = (await b.get(`/api/v1/units/${target.id}`)).json();
  assert.equal(after.name, target.name, 'the unit of B is unchanged');

  // a unit of A under a parent of B is refused
  r = await a.post('/units', { name: 'Onder B', parent_id: String(target.id) });
  assert.equal(r.status, 422);
  assert.ok(!(await b.get('/units')).text.includes('Onder B'));
  assert.ok(!(await a.get('/units')).text.includes('>Onder B<'));

  const bAccounts = JSON.parse(cli(srv.db, ['user', 'list', '--org', 'gemeente-demo', '--format', 'json']));
  const victim = bAccounts.find((x) => x.roles === 'participant');
  r = await a.post(`/accounts/${victim.id}/roles`, { role: 'administrator' });
  assert.equal(r.status, 404);
  const again = JSON.parse(cli(srv.db, ['user', 'list', '--org', 'gemeente-demo', '--format', 'json']));
  assert.equal(again.find((x) => x.id === victim.id).roles, 'participant', 'no role was given across organisations');
});

test('A cannot link an account or a manager to a person of B', async () => {
  const bNumber = bApi.people[0].employee_id;
  const r = await a.post('/accounts', { display_name: 'Indringer', email: 'indringer@example.org', employee_id: bNumber,
    password: 'een-lang-wachtwoord', role: 'participant' });
  assert.equal(r.status, 422);
  const accounts = JSON.parse(cli(srv.db, ['user', 'list', '--org', 'politie-demo', '--format', 'json']));
  assert.ok(!accounts.some((x) => x.email === 'indringer@example.org'));

  const csv = `personeelsnummer;naam;leidinggevende\r\nX1;Nieuwe Collega;${bNumber}\r\n`;
  const imp = await a.request('POST', '/api/v1/people/import', { body: csv, headers: { 'content-type': 'text/csv' } });
  assert.equal(imp.status, 422);
  assert.equal(imp.json().issues[0].line, 2);
  assert.equal(imp.json().issues[0].column, 'manager_employee_id');
});

test('the audit log of A shows nothing of B', async () => {
  const log = await a.get('/audit');
  assert.equal(log.status, 200);
  assert.ok(!log.text.includes('gemeente.example'));
  assert.ok(log.text.includes('politie.example'));
});
