// Peer groups (issue 17): intervision groups, teams and learning circles,
// made and staffed by the coordinator (the coach). In an intervision group
// without a facilitator a member starts a session and leads it (even one
// whose only role is manager); a non-member gets 404; the coach and the
// owner see counts only; another organisation 404; CSRF and bad input
// refused in Dutch with nothing changed; a circle with its period and the
// pecha kucha that closes it. One server for the whole file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, demoEmail } from '../lib/server.mjs';
import { sqlRows } from '../lib/db.mjs';

let srv, coach, owner, lead, member, outsider, otherOrg, intervision, circle, session;
const sql = (q) => sqlRows(srv.db, q);
const count = (q) => sql(q)[0].n;
const personOf = (email) => sql(`SELECT person_id AS id FROM account WHERE email = '${email}'`)[0].id;
const signedIn = async (email) => { const c = new Client(srv.base); await c.login(email); return c; };
const idOf = (r, re) => Number((r.headers.get('location') || '').match(re)?.[1]);
const CASE = 'Een lastig gesprek met de wethouder';

before(async () => {
  srv = await startServer();
  coach = await signedIn(demoEmail('coach', 'gemeente'));
  owner = await signedIn(demoEmail('owner', 'gemeente'));
  lead = await signedIn(demoEmail('manager', 'gemeente'));        // a member whose only role is manager
  member = await signedIn(demoEmail('participant', 'gemeente'));
  outsider = await signedIn('deelnemer2@gemeente.example');
  otherOrg = await signedIn(demoEmail('coach', 'politie'));
});
after(async () => { await srv.stop(); });

test('the coordinator makes an intervision group and a circle with its period and sets their people', async () => {
  await coach.get('/peer-groups/new');
  const a = await coach.post('/peer-groups', { kind: 'intervision', name: 'Intervisie Noord', period: '' });
  assert.equal(a.status, 303);
  intervision = idOf(a, /^\/peer-groups\/(\d+)$/);
  const b = await coach.post('/peer-groups', { kind: 'circle', name: 'LC1', period: 'vj 2015' });
  circle = idOf(b, /^\/peer-groups\/(\d+)$/);
  assert.ok(intervision > 0 && circle > 0);
  for (const email of [demoEmail('manager', 'gemeente'), demoEmail('participant', 'gemeente')]) {
    const r = await coach.post(`/peer-groups/${intervision}/members`, { person: String(personOf(email)), role: 'member', since: '', until: '' });
    assert.equal(r.status, 303, email);
  }
  const f = await coach.post(`/peer-groups/${circle}/members`, { person: String(personOf(demoEmail('facilitator', 'gemeente'))), role: 'facilitator', since: '2015-01-01', until: '' });
  assert.equal(f.status, 303);
  await coach.post(`/peer-groups/${circle}/members`, { person: String(personOf(demoEmail('participant', 'gemeente'))), role: 'member', since: '', until: '' });
  const list = (await coach.get('/peer-groups')).text;
  assert.match(list, /<h2>vj 2015<\/h2>/);
  assert.match(list, /LC1<\/a><\/td><td>leercirkel<\/td><td>1<\/td><td>1<\/td>/);
  assert.match(list, /Intervisie Noord<\/a><\/td><td>intervisiegroep<\/td><td>2<\/td><td>0<\/td>/);
});

test('bad input gets a Dutch message and changes nothing; CSRF is refused', async () => {
  const before = count('SELECT count(*) AS n FROM peer_group');
  const empty = await coach.post('/peer-groups', { kind: 'intervision', name: '', period: '' });
  assert.equal(empty.status, 422);
  assert.match(empty.text, /Naam/);
  const noPeriod = await coach.post('/peer-groups', { kind: 'circle', name: 'LC2', period: '' });
  assert.equal(noPeriod.status, 422);
  const noCsrf = await coach.post('/peer-groups', { csrf: '', kind: 'team', name: 'Team Zuid', period: '' });
  assert.equal(noCsrf.status, 403);
  assert.equal(count('SELECT count(*) AS n FROM peer_group'), before);
  const members = count(`SELECT count(*) AS n FROM peer_group_member WHERE peer_group_id = ${intervision}`);
  const unknown = await coach.post(`/peer-groups/${intervision}/members`, { person: '99999999', role: 'member', since: '', until: '' });
  assert.equal(unknown.status, 422);
  assert.match(unknown.text, /persoon van de organisatie/);
  const politie = sql(`SELECT p.id FROM person p JOIN organisation o ON o.id = p.organisation_id WHERE o.slug = 'politie-demo' LIMIT 1`)[0].id;
  const foreign = await coach.post(`/peer-groups/${intervision}/members`, { person: String(politie), role: 'member', since: '', until: '' });
  assert.equal(foreign.status, 422);
  const badDate = await coach.post(`/peer-groups/${intervision}/members`, { person: String(personOf('deelnemer2@gemeente.example')), role: 'member', since: '2015-02-30', until: '' });
  assert.equal(badDate.status, 422);
  assert.match(badDate.text, /JJJJ-MM-DD|YYYY-MM-DD/);
  assert.equal(count(`SELECT count(*) AS n FROM peer_group_member WHERE peer_group_id = ${intervision}`), members);
});

test('in a group without a facilitator a member starts the session and leads it', async () => {
  const page = (await lead.get(`/peer-groups/${intervision}`)).text;
  assert.match(page, /Een sessie beginnen/);
  const r = await lead.post(`/peer-groups/${intervision}/sessions`, { method: 'incidentmethode',
    case_person: String(personOf(demoEmail('participant', 'gemeente'))), case_title: CASE, case_question: 'Hoe nu?', case_context: '' });
  assert.equal(r.status, 303);
  session = idOf(r, /^\/sessions\/(\d+)$/);
  assert.deepEqual(sql(`SELECT group_id, peer_group_id, leader_id FROM case_session WHERE id = ${session}`),
    [{ group_id: null, peer_group_id: intervision, leader_id: personOf(demoEmail('manager', 'gemeente')) }]);
  // the starter leads: the step moves; the other member answers but does not lead
  assert.equal((await lead.post(`/sessions/${session}/step`, { to: '2' })).status, 303);
  assert.equal(sql(`SELECT step FROM case_session WHERE id = ${session}`)[0].step, 2);
  await member.get(`/sessions/${session}`);
  assert.equal((await member.post(`/sessions/${session}/step`, { to: '3' })).status, 403);
  assert.equal(sql(`SELECT step FROM case_session WHERE id = ${session}`)[0].step, 2);
  assert.equal((await member.post(`/sessions/${session}/answers`, { answer: 'Eerst luisteren.' })).status, 303);
  assert.match((await lead.get(`/sessions/${session}`)).text, /Eerst luisteren\./);
});

test('in a circle its facilitator leads; a member may not start a session there', async () => {
  const r = await member.post(`/peer-groups/${circle}/sessions`, { method: 'leercirkel', case_person: '0', case_title: 'x' });
  assert.equal(r.status, 403);
  const fac = await signedIn(demoEmail('facilitator', 'gemeente'));
  const ok = await fac.post(`/peer-groups/${circle}/sessions`, { method: 'leercirkel',
    case_person: String(personOf(demoEmail('participant', 'gemeente'))), case_title: 'Casus kring', case_question: '', case_context: '' });
  assert.equal(ok.status, 303);
});

test('a non-member gets 404; the coach and the owner see counts only; another organisation 404', async () => {
  assert.equal((await outsider.get(`/peer-groups/${intervision}`)).status, 404);
  assert.equal((await outsider.get(`/sessions/${session}`)).status, 404);
  assert.equal((await outsider.post(`/peer-groups/${intervision}/sessions`, { method: 'incidentmethode', case_person: '0' })).status, 404);
  for (const c of [coach, owner]) {
    const p = await c.get(`/peer-groups/${intervision}`);
    assert.equal(p.status, 200);
    assert.match(p.text, /<dt>Gehouden sessies<\/dt><dd>1<\/dd>/);
    assert.doesNotMatch(p.text, new RegExp(CASE));
    assert.equal((await c.get(`/sessions/${session}`)).status, 404);
    const api = (await c.get(`/api/v1/peer-groups/${intervision}`)).json();
    assert.equal(api.counts.sessions, 1);
    assert.equal(api.sessions, undefined);
  }
  assert.doesNotMatch((await owner.get(`/peer-groups/${intervision}`)).text, /Een sessie beginnen/);
  assert.equal((await otherOrg.get(`/peer-groups/${intervision}`)).status, 404);
  assert.equal((await otherOrg.get(`/sessions/${session}`)).status, 404);
  assert.equal((await otherOrg.get(`/api/v1/peer-groups/${intervision}`)).status, 404);
  // a member sees their groups in the list, a non-member none of them
  assert.match((await member.get('/peer-groups')).text, /Intervisie Noord/);
  assert.doesNotMatch((await outsider.get('/peer-groups')).text, /Intervisie Noord/);
});

test('a pecha kucha before the management team is recorded and shown on the circle page', async () => {
  await coach.get('/presentations');
  const before = count('SELECT count(*) AS n FROM presentation');
  const bad = await coach.post('/presentations', [['kind', 'pecha_kucha'], ['audience', 'management'], ['held_on', '2015-13-01'],
    ['title', 'Wat wij leerden'], ['group', String(circle)], ['presenters', String(personOf(demoEmail('participant', 'gemeente')))]]);
  assert.equal(bad.status, 422);
  const none = await coach.post('/presentations', [['kind', 'pecha_kucha'], ['audience', 'management'], ['held_on', '2015-06-01'],
    ['title', 'Wat wij leerden'], ['group', String(circle)]]);
  assert.equal(none.status, 422);
  assert.equal(count('SELECT count(*) AS n FROM presentation'), before);
  const ok = await coach.post('/presentations', [['kind', 'pecha_kucha'], ['audience', 'management'], ['held_on', '2015-06-01'],
    ['title', 'Wat wij leerden'], ['group', String(circle)], ['presenters', String(personOf(demoEmail('participant', 'gemeente')))]]);
  assert.equal(ok.status, 303);
  const page = (await member.get(`/peer-groups/${circle}`)).text;
  assert.match(page, /Wat wij leerden/);
  assert.match(page, /pecha kucha/);
  assert.match(page, /managementteam/);
  const api = (await coach.get('/api/v1/presentations')).json().presentations.find((p) => p.title === 'Wat wij leerden');
  assert.equal(api.group_id, circle);
  assert.equal(api.presenters.length, 1);
});

test('the coordinator takes a person out of a group after the question; the sessions stay; nobody else can', async () => {
  const g = (await coach.post('/peer-groups', { kind: 'team', name: 'Team Tijdelijk', period: '' }));
  const team = idOf(g, /^\/peer-groups\/(\d+)$/);
  const p = personOf(demoEmail('participant', 'gemeente'));
  await coach.post(`/peer-groups/${team}/members`, { person: String(p), role: 'member', since: '', until: '' });
  const inTeam = () => count(`SELECT count(*) AS n FROM peer_group_member WHERE peer_group_id = ${team} AND person_id = ${p}`);
  assert.equal(inTeam(), 1);
  const page = (await coach.get(`/peer-groups/${team}`)).text;
  assert.match(page, new RegExp(`action="/peer-groups/${team}/members/remove"`));
  // strangers, the member themself and another organisation change nothing
  assert.equal((await member.post(`/peer-groups/${team}/members/remove`, { person: String(p), confirm: '1' })).status, 403);
  assert.equal((await otherOrg.post(`/peer-groups/${team}/members/remove`, { person: String(p), confirm: '1' })).status, 404);
  assert.equal((await coach.post(`/peer-groups/${team}/members/remove`, { csrf: '', person: String(p), confirm: '1' })).status, 403);
  const nobody = await coach.post(`/peer-groups/${team}/members/remove`, { person: '999999', confirm: '1' });
  assert.equal(nobody.status, 422, 'a person not in the group');
  assert.match(nobody.text, /Kies een persoon uit de groep\./);
  // the question first, then out
  const ask = await coach.post(`/peer-groups/${team}/members/remove`, { person: String(p) });
  assert.equal(ask.status, 200);
  assert.match(ask.text, /Weet u het zeker\?/);
  assert.equal(inTeam(), 1, 'still in the group after the question');
  const done = await coach.post(`/peer-groups/${team}/members/remove`, { person: String(p), confirm: '1' });
  assert.equal(done.status, 303);
  assert.match(done.headers.get('location'), /done=peer-member-removed/);
  assert.equal(inTeam(), 0);
  assert.match((await coach.get(done.headers.get('location'))).text, /is niet langer in de groep/);
  // and through the API
  await coach.post(`/peer-groups/${team}/members`, { person: String(p), role: 'member', since: '', until: '' });
  assert.equal((await otherOrg.postJson(`/api/v1/peer-groups/${team}/members/remove`, { person_id: p })).status, 404);
  assert.equal((await coach.postJson(`/api/v1/peer-groups/${team}/members/remove`, { person_id: p })).status, 200);
  assert.equal(inTeam(), 0);
});

test('a group marked no longer active keeps its sessions for its people and starts no new one; the coordinator alone', async () => {
  const g = await coach.post('/peer-groups', { kind: 'intervision', name: 'Intervisie Oud', period: '' });
  const old = idOf(g, /^\/peer-groups\/(\d+)$/);
  await coach.post(`/peer-groups/${old}/members`, { person: String(personOf(demoEmail('manager', 'gemeente'))), role: 'member', since: '', until: '' });
  const active = () => count(`SELECT active AS n FROM peer_group WHERE id = ${old}`);
  assert.equal((await lead.post(`/peer-groups/${old}/active`, { active: '0' })).status, 403, 'a member may not');
  assert.equal((await otherOrg.post(`/peer-groups/${old}/active`, { active: '0' })).status, 404);
  assert.equal((await coach.post(`/peer-groups/${old}/active`, { active: 'nee' })).status, 422);
  assert.equal(active(), 1, 'nothing changed');
  const off = await coach.post(`/peer-groups/${old}/active`, { active: '0' });
  assert.equal(off.status, 303);
  assert.equal(active(), 0);
  const page = (await lead.get(`/peer-groups/${old}`)).text;
  assert.match(page, /Deze groep is niet meer actief/);
  assert.doesNotMatch(page, /Sessie beginnen/, 'no form to start one');
  const start = await lead.post(`/peer-groups/${old}/sessions`, { method: 'incidentmethode', case_person: '0', case_title: 'Te laat',
    case_question: '', case_context: '' });
  assert.equal(start.status, 403, 'and no start by posting either');
  assert.match((await coach.get('/peer-groups')).text, /Intervisie Oud<\/a> \(niet meer actief\)/);
  assert.equal((await coach.postJson(`/api/v1/peer-groups/${old}/active`, { active: 'ja' })).status, 422);
  assert.equal((await coach.postJson(`/api/v1/peer-groups/${old}/active`, { active: true })).status, 200);
  assert.equal(active(), 1);
});
