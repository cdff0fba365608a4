// The command line of peer groups and presentations (issue 17): `leergang
// peer-group list|add|member` and `leergang presentation add|list` work
// through the same domain calls as the pages and the API (what the command
// line makes, the API shows); bad input gets a clear message and a non-zero
// exit with nothing changed. One server for the whole file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, cli, cliResult, Client, demoEmail } from '../lib/server.mjs';
import { sqlRows } from '../lib/db.mjs';

const ORG = 'gemeente-demo';
let srv, coach, group, circle;
const sql = (q) => sqlRows(srv.db, q);
const employee = (email) => sql(`SELECT p.employee_id AS e FROM account a JOIN person p ON p.id = a.person_id
  WHERE a.email = '${email}'`)[0].e;
const personOf = (email) => sql(`SELECT person_id AS id FROM account WHERE email = '${email}'`)[0].id;
const tables = () => sql(`SELECT (SELECT count(*) FROM peer_group) AS g, (SELECT count(*) FROM peer_group_member) AS m,
  (SELECT count(*) FROM presentation) AS p, (SELECT group_concat(role, ',') FROM peer_group_member) AS r`)[0];
const run = (...args) => cliResult(srv.db, args);

before(async () => {
  srv = await startServer();
  coach = new Client(srv.base);
  await coach.login(demoEmail('coach', 'gemeente'));
});
after(async () => { await srv.stop(); });

test('peer-group add and list: the group is made as on its page and listed, in text and JSON and in the API', async () => {
  group = Number(cli(srv.db, ['peer-group', 'add', '--org', ORG, '--kind', 'intervision', '--name', 'Intervisie CLI']).trim());
  circle = Number(cli(srv.db, ['peer-group', 'add', '--org', ORG, '--kind', 'circle', '--name', 'LC7', '--period', 'vj 2026']).trim());
  assert.ok(group > 0 && circle > group);
  const json = JSON.parse(cli(srv.db, ['peer-group', 'list', '--org', ORG, '--format', 'json']));
  const lc = json.peer_groups.find((g) => g.id === circle);
  assert.deepEqual(lc, { id: circle, kind: 'circle', name: 'LC7', period: 'vj 2026', active: true, members: 0, facilitators: 0 });
  assert.match(cli(srv.db, ['peer-group', 'list', '--org', ORG]), new RegExp(`^${group}\\tintervision\\tIntervisie CLI\\t`, 'm'));
  const api = (await coach.get('/api/v1/peer-groups')).json().peer_groups;
  assert.deepEqual(api.find((g) => g.id === circle), lc, 'the API gives the same group');
  const other = JSON.parse(cli(srv.db, ['peer-group', 'list', '--org', 'politie-demo', '--format', 'json']));
  assert.ok(!other.peer_groups.some((g) => g.id === circle), "another organisation's list does not hold it");
});

test('peer-group add with bad input: a message, a non-zero exit, nothing made', () => {
  const was = tables();
  for (const [args, re] of [
    [['--kind', 'club', '--name', 'X'], /intervision group, team or learning circle/i],
    [['--kind', 'circle', '--name', 'LC8'], /Period/],
    [['--kind', 'team', '--name', ''], /Name/],
    [['--kind', 'circle', '--name', 'LC7', '--period', 'vj 2026'], /already/],
  ]) {
    const r = run('peer-group', 'add', '--org', ORG, ...args);
    assert.notEqual(r.status, 0, args.join(' '));
    assert.match(r.stderr, re);
  }
  assert.notEqual(run('peer-group', 'add', '--org', 'nergens', '--kind', 'team', '--name', 'X').status, 0);
  assert.notEqual(run('peer-group', 'list', '--org', ORG, '--format', 'xml').status, 0);
  assert.deepEqual(tables(), was);
});

test('peer-group member: by employee number, with a role, and removed again; bad input changes nothing', async () => {
  const lead = demoEmail('manager', 'gemeente'), member = demoEmail('participant', 'gemeente');
  assert.equal(cli(srv.db, ['peer-group', 'member', '--org', ORG, '--group', String(circle), '--employee', employee(lead),
    '--role', 'facilitator']).trim(), `${employee(lead)} facilitator`);
  cli(srv.db, ['peer-group', 'member', '--org', ORG, '--group', String(circle), '--employee', employee(member)]);
  let people = (await coach.get(`/api/v1/peer-groups/${circle}`)).json().people;
  assert.deepEqual(people.map((p) => [p.person_id, p.role]).sort(),
    [[personOf(lead), 'facilitator'], [personOf(member), 'member']].sort());
  const was = tables();
  for (const [args, re] of [
    [['--group', String(circle), '--employee', employee(member), '--role', 'baas'], /member or facilitator/],
    [['--group', String(circle), '--employee', 'GEEN-NUMMER'], /no person with employee number GEEN-NUMMER/],
    [['--group', '999999', '--employee', employee(member)], /no peer group 999999/],
    [['--group', 'x', '--employee', employee(member)], /--group/],
    // a person of another organisation is no one here
    [['--group', String(circle), '--employee', employee(demoEmail('participant', 'politie')) + '-x'], /no person/],
  ]) {
    const r = run('peer-group', 'member', '--org', ORG, ...args);
    assert.notEqual(r.status, 0, args.join(' '));
    assert.match(r.stderr, re);
  }
  assert.deepEqual(tables(), was, 'nothing changed');
  assert.match(cli(srv.db, ['peer-group', 'member', '--org', ORG, '--group', String(circle), '--employee', employee(member),
    '--remove']), /removed/);
  people = (await coach.get(`/api/v1/peer-groups/${circle}`)).json().people;
  assert.deepEqual(people.map((p) => p.person_id), [personOf(lead)]);
  const again = run('peer-group', 'member', '--org', ORG, '--group', String(circle), '--employee', employee(member), '--remove');
  assert.notEqual(again.status, 0);
  assert.match(again.stderr, /Kies een persoon uit de groep|member not removed/);
});

test('presentation add and list: the pecha kucha that closes the circle, with its presenters; bad input refused', async () => {
  const a = demoEmail('manager', 'gemeente'), b = demoEmail('participant', 'gemeente');
  const was = tables();
  for (const [args, re] of [
    [['--title', 'T', '--date', '2026-13-01', '--audience', 'management', '--presenter', employee(a)], /date/i],
    [['--title', 'T', '--date', '2026-06-01', '--audience', 'raad', '--presenter', employee(a)], /management|audience/i],
    [['--title', 'T', '--date', '2026-06-01', '--audience', 'team', '--kind', 'dans', '--presenter', employee(a)], /pecha/i],
    [['--title', 'T', '--date', '2026-06-01', '--audience', 'team'], /usage|presentation add/i],
    [['--title', 'T', '--date', '2026-06-01', '--audience', 'team', '--presenter', 'NIEMAND'], /no person/],
    [['--title', 'T', '--date', '2026-06-01', '--audience', 'team', '--group', '999999', '--presenter', employee(a)], /group/i],
  ]) {
    const r = run('presentation', 'add', '--org', ORG, ...args);
    assert.notEqual(r.status, 0, args.join(' '));
    assert.match(r.stdout + r.stderr, re, args.join(' '));
  }
  assert.deepEqual(tables(), was, 'nothing made');
  const id = Number(cli(srv.db, ['presentation', 'add', '--org', ORG, '--title', 'Pecha kucha LC7', '--date', '2026-06-01',
    '--audience', 'management', '--group', String(circle), '--presenter', employee(a), '--presenter', employee(b)]).trim());
  assert.ok(id > 0);
  const p = JSON.parse(cli(srv.db, ['presentation', 'list', '--org', ORG, '--format', 'json'])).presentations.find((x) => x.id === id);
  assert.equal(p.kind, 'pecha_kucha');
  assert.equal(p.audience, 'management');
  assert.equal(p.held_on, '2026-06-01');
  assert.equal(p.group_id, circle);
  assert.deepEqual(p.presenters.map((x) => x.person_id).sort(), [personOf(a), personOf(b)].sort());
  const api = (await coach.get('/api/v1/presentations')).json().presentations.find((x) => x.id === id);
  assert.deepEqual(api, p, 'the API gives the same presentation');
  assert.match(cli(srv.db, ['presentation', 'list', '--org', ORG]), new RegExp(`^${id}\\t2026-06-01\\tpecha_kucha\\tmanagement\\tPecha kucha LC7\\tLC7 \\(vj 2026\\)\\t`, 'm'));
});

test('the start page lists the person\'s peer groups with the way to start a session; the navigation shows them to members', async () => {
  const member = demoEmail('participant', 'gemeente'), lead = demoEmail('manager', 'gemeente');
  // the intervision group has no facilitator: any member starts a session; in the circle only its facilitator (lead)
  cli(srv.db, ['peer-group', 'member', '--org', ORG, '--group', String(group), '--employee', employee(member)]);
  const m = new Client(srv.base);
  await m.login(member);
  const home = (await m.get('/')).text;
  assert.match(home, /<h2>Mijn intervisiegroepen, teams en leercirkels<\/h2>/);
  assert.ok(home.includes(`<a href="/peer-groups/${group}">Intervisie CLI</a>`));
  assert.ok(home.includes(`<a href="/peer-groups/${group}#new">Een sessie beginnen</a>`), home.match(/Mijn intervisiegroepen[\s\S]*?<\/ul>/)?.[0]);
  assert.ok(!home.includes(`/peer-groups/${circle}"`), 'not a circle the member left');
  assert.match(home, /<li><a href="\/peer-groups">Intervisie en teams<\/a><\/li>/, 'in the navigation for a member');
  const l = new Client(srv.base);
  await l.login(lead);
  const lh = (await l.get('/')).text;
  assert.ok(lh.includes(`<a href="/peer-groups/${circle}">LC7</a>`));
  assert.ok(lh.includes(`<a href="/peer-groups/${circle}#new">Een sessie beginnen</a>`), 'the facilitator starts the circle\'s sessions');
  const outsider = new Client(srv.base);
  await outsider.login('deelnemer2@gemeente.example');
  const oh = (await outsider.get('/')).text;
  assert.doesNotMatch(oh, /Mijn intervisiegroepen/);
  assert.doesNotMatch(oh, /href="\/peer-groups"/, 'no navigation entry for someone in no peer group');
  assert.match((await coach.get('/')).text, /<li><a href="\/peer-groups">Intervisie en teams<\/a><\/li>/, 'the coordinator');
  // a member of the circle, not its facilitator: the link, no start
  cli(srv.db, ['peer-group', 'member', '--org', ORG, '--group', String(circle), '--employee', employee(member)]);
  const again = (await m.get('/')).text;
  assert.ok(again.includes(`<a href="/peer-groups/${circle}">LC7</a>`));
  assert.ok(!again.includes(`/peer-groups/${circle}#new`));
});
