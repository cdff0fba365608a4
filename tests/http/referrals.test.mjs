// Referrals (issue 18): how a person came to take part — encouraged by
// someone on the people list or outside it, in a role; through a
// presentation; or of their own accord; several for one person — recorded
// by the coach on the person's page, through the API and the command line,
// and by a participant for themselves on /me/referral, who never sees where
// someone else named them. Bad input is refused in Dutch and changes
// nothing; another organisation's person or presentation is 404; the
// owner, facilitator, mentor and manager have no route to anyone's
// referrals. Who attended a presentation, and the department meeting as an
// audience. Every write is audited. One server for the whole file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, demoEmail, cli, cliResult } from '../lib/server.mjs';
import { sqlRows } from '../lib/db.mjs';

const ORG = 'gemeente-demo';
let srv, coach, admin, participant, other, politieCoach;
let me, third, manager, facilitator, politiePerson, pres, politiePres;
const sql = (q) => sqlRows(srv.db, q);
const count = (q) => sql(q)[0].n;
const personOf = (email) => sql(`SELECT person_id AS id FROM account WHERE email = '${email}'`)[0].id;
const employeeOf = (id) => sql(`SELECT employee_id AS e FROM person WHERE id = ${id}`)[0].e;
const nameOf = (id) => sql(`SELECT name FROM person WHERE id = ${id}`)[0].name;
const referrals = (person) => count(`SELECT count(*) AS n FROM referral WHERE person_id = ${person}`);
const audits = (action) => count(`SELECT count(*) AS n FROM audit_log WHERE action = '${action}'`);
const signedIn = async (email) => { const c = new Client(srv.base); await c.login(email); return c; };
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
const form = (f) => ({ kind: 'person', by_person: '0', by_name: '', by_role: '', presentation: '0', noted_on: '', ...f });

before(async () => {
  srv = await startServer();
  coach = await signedIn(demoEmail('coach', 'gemeente'));
  admin = await signedIn(demoEmail('administrator', 'gemeente'));
  participant = await signedIn(demoEmail('participant', 'gemeente'));
  other = await signedIn('deelnemer3@gemeente.example');
  politieCoach = await signedIn(demoEmail('coach', 'politie'));
  me = personOf(demoEmail('participant', 'gemeente'));
  third = personOf('deelnemer3@gemeente.example');
  manager = personOf(demoEmail('manager', 'gemeente'));
  facilitator = personOf(demoEmail('facilitator', 'gemeente'));
  politiePerson = personOf(demoEmail('participant', 'politie'));
  const made = await coach.postJson('/api/v1/presentations', { kind: 'pecha_kucha', audience: 'department',
    held_on: '2015-06-01', title: 'Wat wij leerden in LC1', presenters: [facilitator] });
  assert.equal(made.status, 201, made.text);
  pres = made.json().id;
  const theirs = await politieCoach.postJson('/api/v1/presentations', { kind: 'other', audience: 'team',
    held_on: '2015-06-02', title: 'Elders', presenters: [politiePerson] });
  assert.equal(theirs.status, 201, theirs.text);
  politiePres = theirs.json().id;
});
after(async () => { await srv.stop(); });

test('the coach records each kind on the person page, several for one person, and sees them listed', async () => {
  const page = await coach.get(`/people/${third}`);
  assert.equal(page.status, 200);
  assert.match(page.text, /<h2 id="referral">Hoe kwam deze persoon erbij\?<\/h2>/);
  assert.match(page.text, /Nog niets vastgelegd\./);
  assert.match(page.text, /action="\/people\/\d+\/referrals"/);
  assert.match(page.text, new RegExp(`<option value="${pres}">`), 'the presentation is offered');
  assert.doesNotMatch(page.text, new RegExp(`<option value="${third}"`), 'not offered as their own encourager');
  const was = audits('referral.add');
  for (const f of [
    { kind: 'person', by_person: String(manager), by_role: 'team_leader', noted_on: '2015-02-01' },
    { kind: 'person', by_name: '  De wethouder  ', by_role: 'outside', noted_on: '2015-02-03' },
    { kind: 'presentation', presentation: String(pres), noted_on: '2015-06-01' },
    { kind: 'own' },
  ]) {
    const r = await coach.post(`/people/${third}/referrals`, form(f));
    assert.equal(r.status, 303, `${f.kind}: ${r.text.slice(0, 300)}`);
    assert.equal(r.headers.get('location'), `/people/${third}?done=referral-saved#referral`);
  }
  assert.equal(referrals(third), 4);
  assert.equal(audits('referral.add'), was + 4, 'every referral audited');
  const rows = sql(`SELECT kind, coalesce(by_person_id, 0) AS b, by_name, by_role, coalesce(presentation_id, 0) AS x, noted_on,
    CASE WHEN recorded_by IS NOT NULL THEN 1 ELSE 0 END AS rec FROM referral WHERE person_id = ${third} ORDER BY id`);
  assert.deepEqual(rows.slice(0, 3), [
    { kind: 'person', b: manager, by_name: '', by_role: 'team_leader', x: 0, noted_on: '2015-02-01', rec: 1 },
    { kind: 'person', b: 0, by_name: 'De wethouder', by_role: 'outside', x: 0, noted_on: '2015-02-03', rec: 1 },
    { kind: 'presentation', b: 0, by_name: '', by_role: '', x: pres, noted_on: '2015-06-01', rec: 1 },
  ]);
  assert.equal(rows[3].kind, 'own');
  assert.match(rows[3].noted_on, /^\d{4}-\d\d-\d\d$/, 'an empty date is today');
  const shown = (await coach.get(`/people/${third}`)).text;
  assert.match(shown, /De wethouder \(iemand van buiten\)/);
  assert.match(shown, /eigen initiatief/);
  assert.match(shown, new RegExp(`<a href="/presentations/${pres}">Wat wij leerden in LC1 \\(2015-06-01\\)</a>`));
  // and on the page of the one who encouraged: whom they encouraged
  assert.match((await coach.get(`/people/${manager}`)).text, /<h3>Deze persoon moedigde aan<\/h3>/);
});

test('bad input is refused in Dutch and changes nothing; another organisation is 404', async () => {
  const was = referrals(third);
  const cases = [
    [{ kind: 'person', by_person: String(third) }, /Niemand moedigt zichzelf aan/],
    [{ kind: 'person', by_person: String(manager), by_role: 'team_leader', noted_on: '2015-02-01' }, /al vastgelegd/],
    [{ kind: 'person', by_name: 'de wethouder', by_role: 'outside' }, /al vastgelegd/],
    [{ kind: 'own' }, /al vastgelegd/],
    [{ kind: 'person', by_person: String(manager), by_name: 'Iemand' }, /niet allebei/],
    [{ kind: 'person' }, /Kies wie deze persoon aanmoedigde/],
    [{ kind: 'person', by_name: 'Iemand', by_role: 'koning' }, /Kies de rol/],
    [{ kind: 'own', noted_on: '2015-02-30' }, /JJJJ-MM-DD/],
    [{ kind: 'beide' }, /Kies hoe deze persoon erbij kwam/],
    [{ kind: 'presentation' }, /Kies een presentatie/],
    [{ kind: 'own', by_name: 'Iemand' }, /aangemoedigd door iemand/],
    [{ kind: 'person', by_name: 'Iemand\u0007' }, /Naam van iemand buiten de lijst/],
    [{ kind: 'person', by_name: 'x'.repeat(101) }, /Naam van iemand buiten de lijst/],
    [{ kind: 'person', by_person: 'twaalf' }, /Kies een persoon van de organisatie uit de lijst/],
  ];
  for (const [f, re] of cases) {
    const r = await coach.post(`/people/${third}/referrals`, form(f));
    assert.equal(r.status, 422, JSON.stringify(f));
    assert.match(r.text, re, JSON.stringify(f));
    assert.match(r.text, /<h2 id="referral">/, 'the person page again, with the form');
  }
  // another organisation's person, who encouraged, or presentation: 404
  for (const [path, f] of [
    [`/people/${politiePerson}/referrals`, { kind: 'own' }],
    [`/people/${third}/referrals`, { kind: 'person', by_person: String(politiePerson) }],
    [`/people/${third}/referrals`, { kind: 'presentation', presentation: String(politiePres) }],
  ]) assert.equal((await coach.post(path, form(f))).status, 404, `${path} ${JSON.stringify(f)}`);
  assert.equal((await coach.postJson(`/api/v1/people/${third}/referrals`, { kind: 'presentation', presentation_id: politiePres })).status, 404);
  assert.equal((await politieCoach.get(`/api/v1/people/${third}/referrals`)).status, 404);
  // the API: the same rules, 422 with the Dutch message
  const api = await coach.postJson(`/api/v1/people/${third}/referrals`, { kind: 'person', by_person_id: manager, by_name: 'Iemand' });
  assert.equal(api.status, 422);
  assert.match(api.json().error.message, /niet allebei/);
  const noCsrf = await coach.post(`/people/${third}/referrals`, { ...form({ kind: 'person', by_name: 'Nieuw' }), csrf: '' });
  assert.equal(noCsrf.status, 403);
  assert.equal(referrals(third), was, 'nothing changed');
});

test('the API adds and lists a person\'s referrals and whom they encouraged', async () => {
  const r = await coach.postJson(`/api/v1/people/${me}/referrals`, { kind: 'person', by_person_id: manager, by_role: 'manager', noted_on: '2016-01-10' });
  assert.equal(r.status, 201, r.text);
  const id = r.json().id;
  const p = await coach.postJson(`/api/v1/people/${me}/referrals`, { kind: 'presentation', presentation_id: pres });
  assert.equal(p.status, 201, p.text);
  const list = (await coach.get(`/api/v1/people/${me}/referrals`)).json();
  const got = list.referrals.find((x) => x.id === id);
  assert.equal(got.kind, 'person');
  assert.equal(got.by_person_id, manager);
  assert.equal(got.by_role, 'manager');
  assert.equal(got.noted_on, '2016-01-10');
  assert.equal(list.referrals.length, 2);
  const given = (await coach.get(`/api/v1/people/${manager}/referrals`)).json().encouraged;
  assert.deepEqual(given.map((x) => x.person_id).sort(), [me, third].sort());
});

test('the command line adds each kind, lists and removes, and refuses bad input with nothing changed', () => {
  const p = employeeOf(facilitator), by = employeeOf(manager);
  const ids = [
    ['--by', by, '--role', 'head_of_department', '--date', '2014-11-01'],
    ['--by-name', 'Gemeentesecretaris', '--role', 'top'],
    ['--presentation', String(pres)],
    ['--own'],
  ].map((args) => Number(cli(srv.db, ['referral', 'add', '--org', ORG, '--person', p, ...args]).trim()));
  assert.ok(ids.every((id) => id > 0));
  const json = JSON.parse(cli(srv.db, ['referral', 'list', '--org', ORG, '--person', p, '--format', 'json']));
  assert.deepEqual(json.referrals.map((r) => r.kind).sort(), ['own', 'person', 'person', 'presentation']);
  assert.equal(json.referrals.find((r) => r.by_name === 'Gemeentesecretaris').by_role, 'top');
  assert.ok(JSON.parse(cli(srv.db, ['referral', 'list', '--org', ORG, '--format', 'json'])).referrals.length >= 10);
  assert.match(cli(srv.db, ['referral', 'list', '--org', ORG, '--person', p]), /\tGemeentesecretaris \(/);
  const was = referrals(facilitator);
  for (const args of [
    ['--by', p],                                     // oneself
    ['--own'],                                       // twice
    ['--by', by, '--by-name', 'Iemand'],             // both
    ['--by-name', 'Iemand', '--role', 'koning'],     // unknown role
    ['--own', '--date', '2015-13-01'],               // bad date
    ['--presentation', String(politiePres)],         // another organisation's
  ]) {
    const r = cliResult(srv.db, ['referral', 'add', '--org', ORG, '--person', p, ...args]);
    assert.notEqual(r.status, 0, args.join(' '));
    assert.match(r.stderr, /referral not added|no presentation/, args.join(' '));
  }
  assert.notEqual(cliResult(srv.db, ['referral', 'add', '--org', ORG, '--person', p]).status, 0, 'neither');
  assert.equal(referrals(facilitator), was);
  const was2 = audits('referral.remove');
  assert.match(cli(srv.db, ['referral', 'remove', '--org', ORG, '--id', String(ids[3])]), /removed/);
  assert.equal(referrals(facilitator), was - 1);
  assert.equal(audits('referral.remove'), was2 + 1);
  assert.notEqual(cliResult(srv.db, ['referral', 'remove', '--org', 'politie-demo', '--id', String(ids[0])]).status, 0,
    "another organisation's referral is not found");
});

test('a participant records their own and sees them, never where someone else named them', async () => {
  // the coach records that the participant encouraged deelnemer3
  const named = await coach.post(`/people/${third}/referrals`, form({ kind: 'person', by_person: String(me), by_role: 'colleague' }));
  assert.equal(named.status, 303);
  const start = (await participant.get('/')).text;
  assert.match(start, /href="\/me\/referral"/, 'reachable from the start page');
  const page = await participant.get('/me/referral');
  assert.equal(page.status, 200);
  assert.match(page.text, /Hoe bent u erbij gekomen\?/);
  const before = referrals(me);
  const r = await participant.post('/me/referral', { kind: 'person', by_name: 'Mijn teamleider', by_role: 'team_leader', presentation: '0', noted_on: '' });
  assert.equal(r.status, 303, r.text.slice(0, 400));
  const api = await participant.postJson('/api/v1/me/referrals', { kind: 'own' });
  assert.equal(api.status, 201, api.text);
  assert.equal(referrals(me), before + 2);
  const bad = await participant.post('/me/referral', { kind: 'person', by_name: '', by_role: '', presentation: '0', noted_on: '' });
  assert.equal(bad.status, 422);
  assert.match(bad.text, /Kies wie/);
  assert.equal(referrals(me), before + 2);
  // what they see: their own, all of them, and nothing of deelnemer3
  const mine = (await participant.get('/api/v1/me/referrals')).json().referrals;
  assert.equal(mine.length, referrals(me));
  assert.ok(mine.every((x) => x.person_id === me));
  const text = (await participant.get('/me/referral')).text;
  assert.match(text, /Mijn teamleider \(teamleider\)/);
  const name = nameOf(third);
  for (const t of [text, JSON.stringify(mine)]) {
    assert.ok(!t.includes(name) && !t.includes(esc(name)), 'the one who named them is not shown');
  }
  assert.ok(!(await participant.get('/me/data.json')).text.includes(JSON.stringify(name).slice(1, -1)),
    'nor in their inzage');
  // nor does naming someone by their id tell a participant who that is: only the
  // coordinator chooses from the people list (it would open it, and draw arrows
  // between other people in the network)
  const count0 = referrals(me);
  const byId = await participant.postJson('/api/v1/me/referrals', { kind: 'person', by_person_id: third, by_role: 'colleague' });
  assert.equal(byId.status, 422, byId.text);
  assert.match(byId.json().error.message, /alleen de coördinator kiest uit de lijst met mensen/);
  assert.ok(!byId.text.includes(name) && !byId.text.includes(esc(name)));
  const byForm = await participant.post('/me/referral', { kind: 'person', by_person: String(third), by_name: '',
    by_role: 'colleague', presentation: '0', noted_on: '' });
  assert.equal(byForm.status, 422);
  assert.ok(!byForm.text.includes(esc(name)));
  const elsewhere = await participant.postJson('/api/v1/me/referrals', { kind: 'person', by_person_id: politiePerson });
  assert.equal(elsewhere.status, 422, 'another organisation\'s id answers the same: nothing to count through');
  assert.equal(referrals(me), count0, 'nothing stored');
  assert.ok(!JSON.stringify((await participant.get('/api/v1/me/referrals')).json()).includes(name));
});

test('a participant cannot touch someone else\'s referrals; removes their own', async () => {
  const theirs = sql(`SELECT id FROM referral WHERE person_id = ${third} LIMIT 1`)[0].id;
  const was = referrals(third);
  assert.equal((await participant.post(`/referrals/${theirs}/remove`, { confirm: '1' })).status, 404);
  assert.equal((await participant.postJson(`/api/v1/referrals/${theirs}/remove`, { person_id: third })).status, 404);
  assert.equal((await participant.postJson(`/api/v1/people/${third}/referrals`, { kind: 'own' })).status, 403);
  assert.equal((await participant.post(`/people/${third}/referrals`, form({ kind: 'own' }))).status, 403);
  assert.equal((await participant.get(`/api/v1/people/${third}/referrals`)).status, 403);
  assert.equal(referrals(third), was);
  // their own: the page asks first, then removes
  const own = sql(`SELECT id FROM referral WHERE person_id = ${me} AND kind = 'own'`)[0].id;
  const ask = await participant.post(`/referrals/${own}/remove`, {});
  assert.equal(ask.status, 200);
  assert.match(ask.text, /Weet u het zeker\?/);
  assert.equal(sql(`SELECT count(*) AS n FROM referral WHERE id = ${own}`)[0].n, 1, 'asking changes nothing');
  const done = await participant.post(`/referrals/${own}/remove`, { confirm: '1' });
  assert.equal(done.status, 303);
  assert.equal(done.headers.get('location'), '/me/referral?done=referral-removed');
  assert.equal(sql(`SELECT count(*) AS n FROM referral WHERE id = ${own}`)[0].n, 0);
  // through the API the body names the person: a wrong one is refused
  const next = sql(`SELECT id FROM referral WHERE person_id = ${me} LIMIT 1`)[0].id;
  const wrong = await participant.postJson(`/api/v1/referrals/${next}/remove`, {});
  assert.equal(wrong.status, 422);
  assert.match(wrong.json().error.message, /person_id/);
  assert.equal((await participant.postJson(`/api/v1/referrals/${next}/remove`, { person_id: me })).status, 200);
  assert.equal(sql(`SELECT count(*) AS n FROM referral WHERE id = ${next}`)[0].n, 0);
});

test('the coach removes a referral after the question; another organisation gets 404', async () => {
  const id = sql(`SELECT id FROM referral WHERE person_id = ${third} AND by_name = 'De wethouder'`)[0].id;
  assert.equal((await politieCoach.post(`/referrals/${id}/remove`, { confirm: '1' })).status, 404);
  assert.equal((await politieCoach.postJson(`/api/v1/referrals/${id}/remove`, { person_id: third })).status, 404);
  const was = audits('referral.remove');
  const r = await coach.post(`/referrals/${id}/remove`, { confirm: '1' });
  assert.equal(r.status, 303);
  assert.equal(r.headers.get('location'), `/people/${third}?done=referral-removed#referral`);
  assert.equal(sql(`SELECT count(*) AS n FROM referral WHERE id = ${id}`)[0].n, 0);
  assert.equal(audits('referral.remove'), was + 1);
});

test('the owner, facilitator, mentor and manager have no route to anyone\'s referrals', async () => {
  const any = sql(`SELECT id FROM referral WHERE person_id = ${third} LIMIT 1`)[0].id;
  // the administrator keeps the people list, not who encouraged whom: the person page without the section
  const adminPage = await admin.get(`/people/${third}`);
  assert.equal(adminPage.status, 200);
  assert.doesNotMatch(adminPage.text, /Hoe kwam deze persoon erbij\?/);
  assert.equal((await admin.post(`/people/${third}/referrals`, form({ kind: 'own' }))).status, 403);
  assert.equal((await admin.get(`/api/v1/people/${third}/referrals`)).status, 403);
  assert.equal((await admin.postJson(`/api/v1/people/${third}/referrals`, { kind: 'own' })).status, 403);
  assert.equal((await admin.post(`/referrals/${any}/remove`, { confirm: '1' })).status, 403);
  for (const role of ['owner', 'facilitator', 'mentor', 'manager']) {
    const c = await signedIn(demoEmail(role, 'gemeente'));
    assert.equal((await c.get(`/people/${third}`)).status, 403, role);
    assert.equal((await c.post(`/people/${third}/referrals`, form({ kind: 'own' }))).status, 403, role);
    assert.equal((await c.get(`/api/v1/people/${third}/referrals`)).status, 403, role);
    assert.equal((await c.postJson(`/api/v1/people/${third}/referrals`, { kind: 'own' })).status, 403, role);
    assert.equal((await c.post(`/referrals/${any}/remove`, { confirm: '1' })).status, 403, role);
    assert.equal((await c.postJson(`/api/v1/referrals/${any}/remove`, { person_id: third })).status, 403, role);
    assert.equal((await c.get('/me/referral')).status, 403, role);
    assert.equal((await c.get('/api/v1/me/referrals')).status, 403, role);
    assert.equal((await c.get(`/presentations/${pres}`)).status, 403, role);
    assert.equal((await c.get(`/api/v1/presentations/${pres}/attendees`)).status, 403, role);
  }
  assert.ok(sql(`SELECT count(*) AS n FROM referral WHERE id = ${any}`)[0].n === 1);
});

test('who attended a presentation: added and removed on its page, through the API and the command line', async () => {
  const page = await coach.get(`/presentations/${pres}`);
  assert.equal(page.status, 200);
  assert.match(page.text, /<dt>Publiek<\/dt><dd>afdelingsoverleg<\/dd>/);
  assert.match(page.text, /<dt>Mensen die erdoor meededen<\/dt><dd>3<\/dd>/,
    'deelnemer3, the participant (page, API) and the facilitator (command line) came in through it');
  assert.match(page.text, /Nog niemand vastgelegd/);
  const attendees = () => count(`SELECT count(*) AS n FROM presentation_attendee WHERE presentation_id = ${pres}`);
  const was = audits('presentation.attendee');
  assert.equal((await coach.post(`/presentations/${pres}/attendees`, { person: String(third) })).status, 303);
  assert.equal((await coach.post(`/presentations/${pres}/attendees`, { person: String(third) })).status, 303, 'twice is no error');
  assert.equal(attendees(), 1);
  const api = await admin.postJson(`/api/v1/presentations/${pres}/attendees`, { person_id: me });
  assert.equal(api.status, 200, api.text);
  cli(srv.db, ['presentation', 'attendee', '--org', ORG, '--id', String(pres), '--person', employeeOf(manager)]);
  assert.equal(attendees(), 3);
  const list = (await coach.get(`/api/v1/presentations/${pres}/attendees`)).json();
  assert.deepEqual(list.attendees.map((a) => a.person_id).sort(), [me, third, manager].sort());
  assert.equal(list.joined, 3);
  // bad input: nobody, another organisation's person or presentation
  assert.equal((await coach.post(`/presentations/${pres}/attendees`, { person: '0' })).status, 422);
  assert.equal((await coach.post(`/presentations/${pres}/attendees`, { person: String(politiePerson) })).status, 404);
  assert.equal((await coach.post(`/presentations/${politiePres}/attendees`, { person: String(third) })).status, 404);
  assert.equal((await coach.get(`/presentations/${politiePres}`)).status, 404);
  assert.equal((await coach.postJson(`/api/v1/presentations/${politiePres}/attendees`, { person_id: third })).status, 404);
  assert.equal(attendees(), 3);
  // removed: the page asks first
  const ask = await coach.post(`/presentations/${pres}/attendees/remove`, { person: String(third) });
  assert.equal(ask.status, 200);
  assert.match(ask.text, /Weet u het zeker\?/);
  assert.equal(attendees(), 3);
  assert.equal((await coach.post(`/presentations/${pres}/attendees/remove`, { person: String(third), confirm: '1' })).status, 303);
  assert.equal((await admin.postJson(`/api/v1/presentations/${pres}/attendees/remove`, { person_id: me })).status, 200);
  const gone = await admin.postJson(`/api/v1/presentations/${pres}/attendees/remove`, { person_id: me });
  assert.equal(gone.status, 422, 'not listed any more');
  cli(srv.db, ['presentation', 'attendee', '--org', ORG, '--id', String(pres), '--person', employeeOf(manager), '--remove']);
  assert.equal(attendees(), 0);
  assert.equal(audits('presentation.attendee'), was + 7, 'every change audited (the second add too)');
});

test('the department meeting as an audience: in the form, the list and the command line', async () => {
  const page = (await coach.get('/presentations')).text;
  assert.match(page, /<option value="department">afdelingsoverleg<\/option>/);
  assert.match(page, new RegExp(`<a href="/presentations/${pres}">Wat wij leerden in LC1</a>`));
  const made = await coach.post('/presentations', { kind: 'other', audience: 'department', held_on: '2016-03-01',
    title: 'Afdelingsoverleg C', group: '0', presenters: String(facilitator) });
  assert.equal(made.status, 303, made.text.slice(0, 300));
  const id = Number(cli(srv.db, ['presentation', 'add', '--org', ORG, '--title', 'Overleg S', '--date', '2016-04-01',
    '--audience', 'department', '--presenter', employeeOf(facilitator)]).trim());
  assert.equal(sql(`SELECT audience FROM presentation WHERE id = ${id}`)[0].audience, 'department');
  assert.equal(count(`SELECT count(*) AS n FROM presentation WHERE audience = 'department'
    AND organisation_id = (SELECT id FROM organisation WHERE slug = '${ORG}')`), 3);
  const bad = await coach.postJson('/api/v1/presentations', { kind: 'other', audience: 'raad', held_on: '2016-03-01',
    title: 'X', presenters: [facilitator] });
  assert.equal(bad.status, 422);
  assert.match(bad.json().error.message, /afdelingsoverleg/);
});

test('after enrolment the group page links to recording how each came in', async () => {
  const groups = (await coach.get('/api/v1/programmes')).json().programmes;
  let found = false;
  for (const p of groups) {
    for (const b of (await coach.get(`/api/v1/programmes/${p.id}`)).json().batches) {
      for (const g of b.groups) {
        const text = (await coach.get(`/groups/${g.id}`)).text;
        if (/Hoe erbij gekomen/.test(text)) {
          assert.match(text, /<a href="\/people\/\d+#referral" aria-label="Hoe kwam .+ erbij\?">Vastleggen<\/a>/);
          found = true;
        }
      }
    }
  }
  assert.ok(found, 'a group with participants has the column');
});

test('the inzage shows the person\'s referrals and attendance; erasure keeps the counts', async () => {
  await coach.post(`/presentations/${pres}/attendees`, { person: String(third) });
  const data = (await admin.get(`/people/${third}/data.json`)).json();
  assert.ok(data.sections.referrals.length >= 3, 'how they came in');
  assert.ok(data.sections.referrals.some((r) => r.kind === 'presentation' && r.presentation === 'Wat wij leerden in LC1'));
  assert.equal(data.sections.presentations_attended.length, 1);
  const enc = (await admin.get(`/people/${manager}/data.json`)).json().sections.named_as_encourager;
  assert.ok(enc.length >= 2);
  assert.deepEqual(Object.keys(enc[0]).sort(), ['by_role', 'noted_on'], 'not who named them');
  // the erasure: the referrals and the attendance stay, pointing at the tombstone; a name outside the list goes
  await coach.post(`/people/${third}/referrals`, form({ kind: 'person', by_name: 'Buurman Jansen', by_role: 'outside' }));
  const n = referrals(third);
  const r = await admin.post(`/people/${third}/erase`, { confirm: '1' });
  assert.equal(r.status, 303, r.text.slice(0, 300));
  assert.match(sql(`SELECT employee_id FROM person WHERE id = ${third}`)[0].employee_id, /^erased-/);
  assert.equal(referrals(third), n, 'the referrals stay as counts with the tombstone');
  assert.equal(count(`SELECT count(*) AS n FROM referral WHERE person_id = ${third} AND by_name LIKE '%Jansen%'`), 0);
  assert.equal(count(`SELECT count(*) AS n FROM referral WHERE person_id = ${third} AND by_name <> ''`), 1);
  assert.equal(count(`SELECT count(*) AS n FROM presentation_attendee WHERE person_id = ${third}`), 1);
});
