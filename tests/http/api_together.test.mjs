// The API twins of working together (issue 21): starting a session with a
// case in a learning group or a peer group, the leader's note, roles,
// selected ideas and outcome, a group's sessions, and reverse mentoring.
// Each goes through the page's domain call, so: the good call changes the
// rows as the page does (and writes the page's audit line), bad input is
// refused in Dutch with its field and changes nothing, a field of the
// wrong JSON type is refused rather than read as empty, a member who does
// not lead gets 403, and anyone without a place (the coach and the owner
// of the organisation too, another organisation) 404. One server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, demoEmail } from '../lib/server.mjs';
import { sqlRows } from '../lib/db.mjs';

let srv, group, lead, member, member3, other, coach, owner, mentor, police, policeCoach, peerLead;
let session;  // a session of Groep 1 made through the API, the participant's case
const sql = (q) => sqlRows(srv.db, q);
const one = (q) => Object.values(sql(q)[0] ?? {})[0];
const personOf = (email) => one(`SELECT person_id FROM account WHERE email = '${email}'`);
const signedIn = async (email) => { const c = new Client(srv.base); await c.login(email); return c; };
const count = (table, where = '1 = 1') => Number(one(`SELECT count(*) FROM ${table} WHERE ${where}`));
const audits = (action, id) => count('audit_log', `action = '${action}' AND object_id = ${id}`);

// A refusal: the status, and for 422 the Dutch message and its field.
function refused(r, status, field, message) {
  assert.equal(r.status, status, r.text.slice(0, 300));
  const e = r.json().error;
  if (field !== undefined) assert.equal(e.field, field);
  if (message) assert.match(e.message, message);
}

before(async () => {
  srv = await startServer();
  lead = await signedIn(demoEmail('facilitator', 'gemeente'));
  member = await signedIn(demoEmail('participant', 'gemeente'));
  member3 = await signedIn('deelnemer3@gemeente.example');
  other = await signedIn('deelnemer2@gemeente.example');
  coach = await signedIn(demoEmail('coach', 'gemeente'));
  owner = await signedIn(demoEmail('owner', 'gemeente'));
  mentor = await signedIn(demoEmail('mentor', 'gemeente'));
  police = await signedIn(demoEmail('facilitator', 'politie'));
  policeCoach = await signedIn(demoEmail('coach', 'politie'));
  peerLead = lead;
  group = one(`SELECT g.id FROM learning_group g JOIN enrolment e ON e.group_id = g.id AND e.status <> 'stopped'
    WHERE g.facilitator_id = ${personOf(demoEmail('facilitator', 'gemeente'))}
    AND e.person_id = ${personOf(demoEmail('participant', 'gemeente'))} ORDER BY g.id LIMIT 1`);
});
after(async () => { await srv.stop(); });

const CASE = { method: 'actieleren', case_title: 'Twee teams, één vraag', case_question: 'Hoe krijg ik ze samen?',
  case_context: 'Na de reorganisatie.' };
const COLS = 'group_id, peer_group_id, leader_id, method_id, held_on, step, case_person_id, case_title, case_question, case_context';

test('starting a session: the same row as the page makes, audited; bad input, another group and other people refused', async () => {
  const participant = personOf(demoEmail('participant', 'gemeente'));
  const page = await lead.post(`/groups/${group}/sessions`, { ...CASE, case_person: String(participant) });
  assert.equal(page.status, 303);
  const byPage = Number(page.headers.get('location').match(/^\/sessions\/(\d+)$/)[1]);
  const r = await lead.postJson(`/api/v1/groups/${group}/sessions`, { ...CASE, case_person: participant });
  assert.equal(r.status, 201);
  session = r.json().id;
  assert.ok(session > byPage);
  assert.deepEqual(sql(`SELECT ${COLS} FROM case_session WHERE id = ${session}`),
    sql(`SELECT ${COLS} FROM case_session WHERE id = ${byPage}`), 'the API makes the row the page makes');
  assert.equal(audits('case_session.start', session), 1);

  const before = count('case_session');
  let bad = await lead.postJson(`/api/v1/groups/${group}/sessions`, { method: 'bestaat-niet', case_title: 'x'.repeat(201) });
  refused(bad, 422, 'method', /Kies een van de methoden/);
  assert.deepEqual(bad.json().error.problems.map((p) => p.field).sort(), ['case_title', 'method']);
  refused(await lead.postJson(`/api/v1/groups/${group}/sessions`, { ...CASE, case_person: personOf('deelnemer2@gemeente.example') }),
    422, 'case_person', /deelnemer van de groep/);
  refused(await lead.postJson(`/api/v1/groups/${group}/sessions`, { ...CASE, case_person: String(participant) }),
    422, 'case_person', /geheel getal/);
  refused(await lead.postJson(`/api/v1/groups/${group}/sessions`, { ...CASE, case_title: 7 }), 422, 'case_title', /als tekst/);
  bad = await lead.request('POST', `/api/v1/groups/${group}/sessions`, { body: '[1]', headers: { 'content-type': 'application/json' } });
  assert.equal(bad.status, 400);
  // the route is the facilitators'; another group's facilitator and another organisation's: 404
  refused(await member.postJson(`/api/v1/groups/${group}/sessions`, CASE), 403);
  refused(await signedIn('begeleider2@gemeente.example').then((c) => c.postJson(`/api/v1/groups/${group}/sessions`, CASE)), 404);
  refused(await police.postJson(`/api/v1/groups/${group}/sessions`, CASE), 404);
  assert.equal(count('case_session'), before, 'nothing made');
});

test("a group's sessions: the list for its people, counts for the coach and the owner, 404 for the rest", async () => {
  const mine = (await lead.get(`/api/v1/groups/${group}/sessions`)).json();
  assert.equal(mine.may_start, true);
  assert.ok(mine.sessions.some((s) => s.id === session && s.case_title === CASE.case_title));
  assert.ok(mine.methods.some((m) => m.key === 'actieleren'));
  assert.ok(mine.members.some((m) => m.person_id === personOf(demoEmail('participant', 'gemeente'))));
  const seen = (await member.get(`/api/v1/groups/${group}/sessions`)).json();
  assert.equal(seen.may_start, false);
  assert.ok(seen.sessions.some((s) => s.id === session));
  assert.ok(!('methods' in seen));
  for (const c of [coach, owner]) {
    const r = (await c.get(`/api/v1/groups/${group}/sessions`)).json();
    assert.ok(!('sessions' in r), 'counts only');
    assert.equal(r.counts.sessions, mine.counts.sessions);
    assert.doesNotMatch(JSON.stringify(r), new RegExp(CASE.case_title));
  }
  refused(await other.get(`/api/v1/groups/${group}/sessions`), 404);
  refused(await police.get(`/api/v1/groups/${group}/sessions`), 404);
});

test("starting a peer group's session: its facilitator leads it; a member's case; others 404", async () => {
  const me = personOf(demoEmail('facilitator', 'gemeente'));
  const pg = one(`SELECT g.id FROM peer_group g JOIN peer_group_member m ON m.peer_group_id = g.id
    WHERE m.person_id = ${me} AND m.role = 'facilitator' AND g.active = 1 ORDER BY g.id LIMIT 1`);
  const caseOwner = one(`SELECT person_id FROM peer_group_member WHERE peer_group_id = ${pg} AND role = 'member' ORDER BY person_id LIMIT 1`);
  const before = count('case_session');
  refused(await peerLead.postJson(`/api/v1/peer-groups/${pg}/sessions`, { method: 'leercirkel', case_person: personOf(demoEmail('participant', 'gemeente')) }),
    422, 'case_person');
  refused(await member.postJson(`/api/v1/peer-groups/${pg}/sessions`, { method: 'leercirkel' }), 404);
  refused(await coach.postJson(`/api/v1/peer-groups/${pg}/sessions`, { method: 'leercirkel' }), 404);
  refused(await policeCoach.postJson(`/api/v1/peer-groups/${pg}/sessions`, { method: 'leercirkel' }), 404);
  assert.equal(count('case_session'), before, 'nothing made');
  const r = await peerLead.postJson(`/api/v1/peer-groups/${pg}/sessions`, { method: 'leercirkel', case_person: caseOwner, case_title: 'Nee zeggen' });
  assert.equal(r.status, 201);
  const row = sql(`SELECT peer_group_id, group_id, leader_id, case_person_id, case_title FROM case_session WHERE id = ${r.json().id}`)[0];
  assert.deepEqual(row, { peer_group_id: pg, group_id: null, leader_id: me, case_person_id: caseOwner, case_title: 'Nee zeggen' });
  assert.equal(audits('case_session.start', r.json().id), 1);
});

test("the leader's note: kept per step; a wrong step or type changes nothing; a member 403, others 404", async () => {
  const note = () => sql(`SELECT n, text FROM case_session_note WHERE session_id = ${session} ORDER BY n`);
  let r = await lead.postJson(`/api/v1/sessions/${session}/notes`, { n: 2, note: 'Iedereen schreef mee.' });
  assert.equal(r.status, 200);
  assert.deepEqual(r.json(), { ok: true });
  assert.deepEqual(note(), [{ n: 2, text: 'Iedereen schreef mee.' }]);
  refused(await lead.postJson(`/api/v1/sessions/${session}/notes`, { n: 99, note: 'weg' }), 422, 'n', /Kies een stap van 1 tot en met 9/);
  refused(await lead.postJson(`/api/v1/sessions/${session}/notes`, { n: 2, note: 5 }), 422, 'note', /Geef note als tekst/);
  refused(await lead.postJson(`/api/v1/sessions/${session}/notes`, { n: '2', note: 'weg' }), 422, 'n', /geheel getal/);
  refused(await lead.postJson(`/api/v1/sessions/${session}/notes`, { n: 2, note: 'x'.repeat(4001) }), 422, 'note');
  refused(await member.postJson(`/api/v1/sessions/${session}/notes`, { n: 2, note: 'weg' }), 403);
  for (const c of [coach, owner, mentor, other, police]) refused(await c.postJson(`/api/v1/sessions/${session}/notes`, { n: 2, note: 'weg' }), 404);
  assert.deepEqual(note(), [{ n: 2, text: 'Iedereen schreef mee.' }], 'unchanged');
});

test('the roles: chosen or at random, audited as on the page; the case owner and a double reader refused', async () => {
  const roles = () => sql(`SELECT role, person_id FROM case_session_role WHERE session_id = ${session} ORDER BY role, person_id`);
  const caseOwner = personOf(demoEmail('participant', 'gemeente'));
  const members = (await lead.get(`/api/v1/groups/${group}/sessions`)).json().members.map((m) => m.person_id).filter((p) => p !== caseOwner);
  const [s, r1, r2] = members;
  let r = await lead.postJson(`/api/v1/sessions/${session}/roles`, { summariser: s, reader1: r1, reader2: r2 });
  assert.equal(r.status, 200);
  const chosen = [{ role: 'reader', person_id: Math.min(r1, r2) }, { role: 'reader', person_id: Math.max(r1, r2) }, { role: 'summariser', person_id: s }];
  assert.deepEqual(roles(), chosen);
  assert.equal(count('audit_log', `action = 'case_session.roles' AND object_id = ${session} AND detail = 'chosen'`), 1);
  refused(await lead.postJson(`/api/v1/sessions/${session}/roles`, { summariser: caseOwner }), 422, 'summariser', /niet de casusinbrenger/);
  refused(await lead.postJson(`/api/v1/sessions/${session}/roles`, { reader1: r1, reader2: r1 }), 422, 'reader', /twee verschillende/);
  refused(await lead.postJson(`/api/v1/sessions/${session}/roles`, { random: 'ja' }), 422, 'random', /true of false/);
  refused(await member.postJson(`/api/v1/sessions/${session}/roles`, { random: true }), 403);
  refused(await police.postJson(`/api/v1/sessions/${session}/roles`, { random: true }), 404);
  assert.deepEqual(roles(), chosen, 'unchanged');
  r = await lead.postJson(`/api/v1/sessions/${session}/roles`, { random: true });
  assert.equal(r.status, 200);
  const drawn = roles();
  assert.equal(drawn.length, 3);
  assert.ok(drawn.every((x) => x.person_id !== caseOwner), 'never the case owner');
  assert.equal(count('audit_log', `action = 'case_session.roles' AND object_id = ${session} AND detail = 'at random'`), 1);
});

test('selecting an idea: the leader selects and takes back; bad input 422, a member 403, another session 404', async () => {
  assert.equal((await member3.postJson(`/api/v1/sessions/${session}/answers`, { text: 'Eén regisseur.' })).status, 200);
  // an empty answer is refused under the request's own name of the field
  refused(await member3.postJson(`/api/v1/sessions/${session}/answers`, { text: ' ' }), 422, 'text');
  const answer = one(`SELECT id FROM case_session_answer WHERE session_id = ${session} ORDER BY id DESC LIMIT 1`);
  const selected = () => Number(one(`SELECT selected FROM case_session_answer WHERE id = ${answer}`));
  assert.equal((await lead.postJson(`/api/v1/sessions/${session}/select`, { answer, selected: true })).status, 200);
  assert.equal(selected(), 1);
  refused(await lead.postJson(`/api/v1/sessions/${session}/select`, {}), 422, 'answer', /Kies een antwoord uit deze sessie/);
  refused(await lead.postJson(`/api/v1/sessions/${session}/select`, { answer, selected: 0 }), 422, 'selected', /true of false/);
  refused(await member.postJson(`/api/v1/sessions/${session}/select`, {}), 403);
  refused(await member.postJson(`/api/v1/sessions/${session}/select`, { answer, selected: false }), 403);
  refused(await coach.postJson(`/api/v1/sessions/${session}/select`, {}), 404);
  refused(await police.postJson(`/api/v1/sessions/${session}/select`, { answer, selected: false }), 404);
  // an answer of another session of the group
  const elsewhere = one(`SELECT a.id FROM case_session_answer a JOIN case_session s ON s.id = a.session_id
    WHERE s.group_id = ${group} AND s.id <> ${session} ORDER BY a.id LIMIT 1`);
  const was = one(`SELECT selected FROM case_session_answer WHERE id = ${elsewhere}`);
  refused(await lead.postJson(`/api/v1/sessions/${session}/select`, { answer: elsewhere, selected: !was }), 404);
  assert.equal(one(`SELECT selected FROM case_session_answer WHERE id = ${elsewhere}`), was);
  assert.equal(selected(), 1, 'unchanged');
  assert.equal((await lead.postJson(`/api/v1/sessions/${session}/select`, { answer, selected: false })).status, 200);
  assert.equal(selected(), 0);
});

test('the outcome: both texts kept; too long or not a text changes nothing; a member 403, others 404', async () => {
  const outcome = () => sql(`SELECT summary, sharpened FROM case_session WHERE id = ${session}`)[0];
  const good = { summary: 'Niemand voelt zich eigenaar.', sharpened: 'Eén regisseur zet de partners aan tafel.' };
  assert.equal((await lead.postJson(`/api/v1/sessions/${session}/outcome`, good)).status, 200);
  assert.deepEqual(outcome(), good);
  refused(await lead.postJson(`/api/v1/sessions/${session}/outcome`, { summary: 'x'.repeat(4001), sharpened: '' }), 422, 'summary');
  refused(await lead.postJson(`/api/v1/sessions/${session}/outcome`, { summary: ['a'], sharpened: '' }), 422, 'summary', /als tekst/);
  refused(await member.postJson(`/api/v1/sessions/${session}/outcome`, good), 403);
  for (const c of [coach, owner, police]) refused(await c.postJson(`/api/v1/sessions/${session}/outcome`, { summary: '' }), 404);
  assert.deepEqual(outcome(), good, 'unchanged');
  // what the session's reader gets back
  const s = (await member.get(`/api/v1/sessions/${session}`)).json();
  assert.equal(s.summary, good.summary);
  assert.equal(s.leader, false);
  assert.deepEqual(s.notes, [{ n: 2, text: 'Iedereen schreef mee.' }]);
});

test('reverse mentoring: the coach pairs, one of the two marks the step, as on the page; others refused', async () => {
  const senior = personOf(demoEmail('mentor', 'gemeente')), junior = personOf('deelnemer3@gemeente.example');
  const before = count('reverse_pair');
  refused(await coach.postJson('/api/v1/reverse-mentoring', { senior_id: senior, junior_id: senior, started_on: '2026-11-01' }),
    422, 'junior_id', /twee mensen/);
  refused(await coach.postJson('/api/v1/reverse-mentoring', { senior_id: senior, junior_id: junior, started_on: '1-11-2026' }),
    422, 'started_on', /JJJJ-MM-DD/);
  refused(await coach.postJson('/api/v1/reverse-mentoring', { senior_id: String(senior), junior_id: junior, started_on: '2026-11-01' }),
    422, 'senior_id', /geheel getal/);
  refused(await coach.postJson('/api/v1/reverse-mentoring', { senior_id: personOf(demoEmail('participant', 'politie')), junior_id: junior,
    started_on: '2026-11-01' }), 422, 'senior_id', /uw organisatie/);
  refused(await member.postJson('/api/v1/reverse-mentoring', { senior_id: senior, junior_id: junior, started_on: '2026-11-01' }), 403);
  assert.equal(count('reverse_pair'), before, 'nothing made');

  const r = await coach.postJson('/api/v1/reverse-mentoring', { senior_id: senior, junior_id: junior, question: 'Wat speelt er?', started_on: '2026-11-01' });
  assert.equal(r.status, 201);
  const pair = r.json().id;
  const row = () => sql(`SELECT senior_id, junior_id, question, started_on, step FROM reverse_pair WHERE id = ${pair}`)[0];
  assert.deepEqual(row(), { senior_id: senior, junior_id: junior, question: 'Wat speelt er?', started_on: '2026-11-01', step: 1 });
  assert.equal(audits('reverse.add', pair), 1);

  // the two see their pair, the coach all, anyone else none of them
  const mine = (await member3.get('/api/v1/reverse-mentoring')).json().pairs;
  assert.deepEqual(mine.map((p) => p.id), [pair]);
  assert.deepEqual(mine[0].step, { n: 1, name: 'Een vraag of vraagstuk kiezen als focuspunt', phase: 1, phase_name: 'Het decor bouwen' });
  assert.ok((await mentor.get('/api/v1/reverse-mentoring')).json().pairs.some((p) => p.id === pair));
  assert.ok((await coach.get('/api/v1/reverse-mentoring')).json().pairs.length > mine.length);
  assert.deepEqual((await lead.get('/api/v1/reverse-mentoring')).json().pairs, []);
  assert.deepEqual((await policeCoach.get('/api/v1/reverse-mentoring')).json().pairs.filter((p) => p.id === pair), []);

  assert.equal((await member3.postJson(`/api/v1/reverse-mentoring/${pair}`, { step: 4 })).status, 200);
  assert.equal(row().step, 4);
  assert.equal(count('audit_log', `action = 'reverse.step' AND object_id = ${pair} AND detail = '4'`), 1);
  refused(await member3.postJson(`/api/v1/reverse-mentoring/${pair}`, { step: 10 }), 422, 'step', /negen stappen/);
  refused(await member3.postJson(`/api/v1/reverse-mentoring/${pair}`, { step: '5' }), 422, 'step', /geheel getal/);
  for (const c of [lead, owner, member, policeCoach]) refused(await c.postJson(`/api/v1/reverse-mentoring/${pair}`, { step: 5 }), 404);
  assert.equal(row().step, 4, 'unchanged');
  assert.equal((await coach.postJson(`/api/v1/reverse-mentoring/${pair}`, { step: 9 })).status, 200);
  assert.equal(row().step, 9);
});

test('the older routes of working together refuse a field of the wrong JSON type too, naming it, rather than read it as empty', async () => {
  const pg = one(`SELECT id FROM peer_group WHERE organisation_id = (SELECT organisation_id FROM account
    WHERE email = '${demoEmail('coach', 'gemeente')}') ORDER BY id LIMIT 1`);
  const person = personOf('deelnemer2@gemeente.example');
  const action = one(`SELECT id FROM session_action WHERE person_id = ${personOf(demoEmail('participant', 'gemeente'))} ORDER BY id LIMIT 1`);
  const cases = [
    [coach, `/api/v1/peer-groups`, { kind: 'circle', name: 'Cirkel X', period: 2027 }, 'period', 'peer_group'],
    [coach, `/api/v1/peer-groups/${pg}/members`, { person_id: person, since: 20260901 }, 'since', 'peer_group_member'],
    [coach, `/api/v1/presentations`, { kind: 'other', audience: 'team', held_on: '2026-05-01', title: 'X', group_id: '1',
      presenters: [person] }, 'group_id', 'presentation'],
    [coach, '/api/v1/buddies', { person_id: String(person), buddy_id: personOf('deelnemer3@gemeente.example') }, 'person_id', 'buddy_pair'],
    [member3, `/api/v1/sessions/${session}/answers`, { text: 42 }, 'text', 'case_session_answer'],
    [lead, `/api/v1/sessions/${session}/step`, { to: '3' }, 'to', null],
    [lead, `/api/v1/sessions/${session}/actions`, { owner: String(person), text: 'x', due_on: '2099-01-01' }, 'owner', 'session_action'],
    [member, `/api/v1/actions/${action}`, { status: 'open', due_on: 20990101 }, 'due_on', null],
    [member, `/api/v1/sessions/${session}/share`, { title: 'T', text: 'x', forms: ['a'], themes: 't', confirm: 'ja' }, 'confirm', 'practice_example'],
  ];
  const step = one(`SELECT step FROM case_session WHERE id = ${session}`);
  const due = one(`SELECT due_on FROM session_action WHERE id = ${action}`);
  for (const [c, path, body, field, table] of cases) {
    const n = table && count(table);
    refused(await c.postJson(path, body), 422, field, /Geef \S+ als (tekst|geheel getal|true of false)\./);
    if (table) assert.equal(count(table), n, `${path}: nothing made`);
  }
  assert.equal(one(`SELECT step FROM case_session WHERE id = ${session}`), step);
  assert.equal(one(`SELECT due_on FROM session_action WHERE id = ${action}`), due);
});
