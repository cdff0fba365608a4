// Session methods and sessions with cases (issue 17). Methods as data: the
// organisation's copies of the built-in methods, action learning in the
// nine steps of seed 004 word for word (compared with the seed's own text
// when ../shared/seeds is there, and always with the nine kept below), the
// learning circle of seed 002 and two intervision methods marked as
// leergang's. Sessions: the municipality's Groep 1, led by its
// facilitator, walked forward and back; a member answers on a plain form;
// the case is for the session's members only (another group's people 404,
// the coach, the owner and the mentor counts only, another organisation
// 404), every read by another than the writer audited; CSRF and bad input
// refused in Dutch with nothing changed. One server for the whole file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startServer, cli, cliResult, Client, demoEmail } from '../lib/server.mjs';
import { sqlRows } from '../lib/db.mjs';

let srv, group, lead, member, member3, other;
const sql = (q) => sqlRows(srv.db, q);
const personOf = (email) => sql(`SELECT person_id AS id FROM account WHERE email = '${email}'`)[0].id;
const signedIn = async (email) => { const c = new Client(srv.base); await c.login(email); return c; };

before(async () => {
  srv = await startServer();
  lead = await signedIn(demoEmail('facilitator', 'gemeente'));
  member = await signedIn(demoEmail('participant', 'gemeente'));
  member3 = await signedIn('deelnemer3@gemeente.example');
  other = await signedIn('deelnemer2@gemeente.example');
  group = sql(`SELECT g.id FROM learning_group g JOIN account a ON a.person_id = g.facilitator_id
    WHERE a.email = '${demoEmail('facilitator', 'gemeente')}'`)[0].id;
});
after(async () => { await srv.stop(); });

// Seed 004, r. 679-695, word for word.
const NINE = [
  'Een van de teamleden brengt de casus in tijdens een teambespreking.',
  'De casusinbrenger stelt een reflectievraag.',
  'De teamleden vinden antwoorden in één minuut.',
  'Twee personen vertellen wat ze hebben opgeschreven.',
  'De teamleden selecteren ideeën voor nadere uitwerking.',
  'De teamleden voeren een dialoog over het geselecteerde idee.',
  'Een van de teamleden vat het gesprek samen.',
  'De teamleden scherpen het gekozen idee aan en geven aanvullingen.',
  'De teamleden stellen de vervolgacties op.',
];

const methods = (org = 'politie-demo') =>
  JSON.parse(cli(srv.db, ['method', 'list', '--org', org, '--format', 'json'])).methods;

test('method list: the exact JSON names, and action learning in the nine steps kept here', () => {
  const all = methods();
  for (const m of all) {
    for (const k of ['key', 'name', 'source', 'steps']) assert.ok(k in m, `${m.key} has ${k}`);
    assert.ok(m.steps.length > 0, `${m.key} has steps`);
    m.steps.forEach((s, i) => {
      assert.equal(s.n, i + 1);
      assert.equal(typeof s.name, 'string');
      assert.ok(s.name.length > 0);
      assert.ok(s.instruction.length > 0);
      assert.ok(Number.isInteger(s.minutes) && s.minutes >= 0);
    });
  }
  const al = all.find((m) => m.key === 'actieleren');
  assert.ok(al, 'action learning has the key actieleren');
  assert.equal(al.source, 'seed 004, r. 663-695');
  assert.deepEqual(al.steps.map((s) => s.instruction), NINE);
  assert.deepEqual(al.steps.map((s) => s.source), [679, 681, 683, 685, 687, 689, 691, 693, 695].map((l) => `seed 004, r. ${l}`));
  assert.equal(al.steps[2].minutes, 1, 'step 3 takes one minute, as the seed says');
});

test('action learning\'s nine steps equal the seed\'s text word for word', (t) => {
  const dir = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'seeds');
  const file = existsSync(dir) && readdirSync(dir).find((f) => f.startsWith('004_'));
  if (!file) {
    t.skip('skipped: ../shared/seeds/004_*.txt is not there (the seeds live beside the checkout in ../shared)');
    return;
  }
  const text = readFileSync(join(dir, file), 'utf8');
  const from = text.indexOf('bestaat uit negen stappen');
  assert.ok(from > 0, 'the seed names the nine steps');
  const seed = [];
  for (const line of text.slice(from).split('\n')) {
    const m = /^([1-9]) (.+?)\s*$/.exec(line);
    if (m && Number(m[1]) === seed.length + 1) seed.push(m[2]);
    if (seed.length === 9) break;
  }
  assert.equal(seed.length, 9);
  assert.deepEqual(seed, NINE, 'the steps kept in this test are the seed\'s');
  assert.deepEqual(methods().find((m) => m.key === 'actieleren').steps.map((s) => s.instruction), seed);
});

test('the API gives the same methods as the command line, to every account of the organisation', async () => {
  const r = await member.get('/api/v1/methods');
  assert.equal(r.status, 200);
  assert.deepEqual(r.json(), { methods: methods('gemeente-demo') });
  assert.equal((await new Client(srv.base).get('/api/v1/methods')).status, 401);
});

test('the learning circle of seed 002 and two intervision methods marked as leergang\'s', () => {
  const all = methods();
  const lc = all.find((m) => m.key === 'leercirkel');
  assert.match(lc.source, /^seed 002, r\. /);
  assert.match(lc.steps.map((s) => s.instruction).join(' '), /rollenspel feedback/);
  assert.match(lc.steps.at(-1).name, /[Pp]echa kucha/);
  const own = all.filter((m) => m.source === 'leergang');
  assert.ok(own.length >= 2, 'at least two methods of leergang\'s own');
  for (const m of own) {
    assert.match(m.name, /^Intervisie/);
    for (const s of m.steps) assert.equal(s.source, 'leergang');
  }
  assert.deepEqual(own.map((m) => m.key).sort(), ['balintmethode', 'incidentmethode']);
});

test('method list: every organisation has its own copies; bad input is refused', () => {
  const other = methods('gemeente-demo');
  assert.deepEqual(other.find((m) => m.key === 'actieleren').steps.map((s) => s.instruction), NINE);
  const text = cli(srv.db, ['method', 'list', '--org', 'politie-demo']);
  assert.match(text, /^actieleren\tActieleren/m);
  assert.notEqual(cliResult(srv.db, ['method', 'list', '--org', 'geen-organisatie']).status, 0);
  assert.notEqual(cliResult(srv.db, ['method', 'list', '--org', 'politie-demo', '--format', 'xml']).status, 0);
  assert.match(cli(srv.db, ['help', 'method']), /leergang method list --org SLUG/);
});

test('the demo: an action-learning session in a group of each organisation, with a case, answers, roles, a summary and a sharpened idea', () => {
  for (const org of ['politie-demo', 'gemeente-demo']) {
    const [x] = sql(`SELECT s.id, s.step, s.case_title, s.summary, s.sharpened FROM case_session s
      JOIN organisation o ON o.id = s.organisation_id JOIN session_method m ON m.id = s.method_id
      WHERE o.slug = '${org}' AND m.key = 'actieleren' AND s.case_title = 'Een gezin, drie loketten'`);
    assert.ok(x, `${org} has the demo session`);
    assert.equal(x.step, 9);
    assert.ok(x.summary && x.sharpened);
    assert.equal(sql(`SELECT count(*) AS n FROM case_session_answer WHERE session_id = ${x.id}`)[0].n, 3);
    assert.equal(sql(`SELECT count(*) AS n FROM case_session_answer WHERE session_id = ${x.id} AND selected = 1`)[0].n, 1);
    assert.equal(sql(`SELECT count(*) AS n FROM case_session_role WHERE session_id = ${x.id}`)[0].n, 3);
  }
});

// ---- sessions ----

const CASE = 'Casus-Vertrouwelijk-Wijkteam';
let session;
const count = () => sql(`SELECT count(*) AS n FROM case_session WHERE group_id = ${group}`)[0].n;
const stepOf = () => sql(`SELECT step FROM case_session WHERE id = ${session}`)[0].step;

test('a session is started by the group\'s facilitator; bad input and a missing CSRF token change nothing', async () => {
  const page = await lead.get(`/groups/${group}/sessions`);
  assert.equal(page.status, 200);
  assert.match(page.text, /Een sessie beginnen/);
  assert.match(page.text, /<option value="actieleren">Actieleren<\/option>/);
  const before = count();
  const noCsrf = await lead.post(`/groups/${group}/sessions`, { csrf: '', method: 'actieleren', case_title: CASE });
  assert.equal(noCsrf.status, 403);
  const bad = await lead.post(`/groups/${group}/sessions`, { method: 'bestaat-niet', case_person: String(personOf('deelnemer2@gemeente.example')),
    case_title: 'x'.repeat(201) });
  assert.equal(bad.status, 422);
  assert.match(bad.text, /Kies een van de methoden\./);
  assert.match(bad.text, /De casus wordt ingebracht door een deelnemer van de groep\./);
  assert.equal(count(), before, 'nothing was made');
  const made = await lead.post(`/groups/${group}/sessions`, { method: 'actieleren',
    case_person: String(personOf(demoEmail('participant', 'gemeente'))), case_title: CASE,
    case_question: 'Hoe krijg ik de partners aan tafel?', case_context: 'Drie organisaties, één gezin.' });
  assert.equal(made.status, 303);
  session = Number(made.headers.get('location').match(/^\/sessions\/(\d+)$/)[1]);
  assert.equal(count(), before + 1);
  // a participant may not start one
  assert.equal((await member.post(`/groups/${group}/sessions`, { method: 'actieleren' })).status, 403);
});

test('the leader walks the steps forward and back; a late second click changes nothing; a wrong step is refused', async () => {
  let p = await lead.get(`/sessions/${session}`);
  assert.equal(p.status, 200);
  assert.match(p.text, /Stap 1 van 9: Casus inbrengen/);
  assert.match(p.text, /Een van de teamleden brengt de casus in tijdens een teambespreking\./);
  assert.match(p.text, /name="to" value="2">Volgende stap/);
  assert.doesNotMatch(p.text, /Stap terug/, 'no step before the first');
  assert.equal((await lead.post(`/sessions/${session}/step`, { to: '2' })).status, 303);
  assert.equal((await lead.post(`/sessions/${session}/step`, { to: '3' })).status, 303);
  assert.equal((await lead.post(`/sessions/${session}/step`, { to: '3' })).status, 303, 'the double click');
  assert.equal(stepOf(), 3);
  p = await lead.get(`/sessions/${session}`);
  assert.match(p.text, /Stap 3 van 9: Antwoorden in één minuut/);
  assert.match(p.text, /teamleden · 1 min\. · tot \d\d:\d\d/, 'the step\'s timer: the time it ends');
  assert.match(p.text, /name="to" value="2">Stap terug/);
  assert.equal((await lead.post(`/sessions/${session}/step`, { to: '2' })).status, 303, 'back a step');
  assert.equal(stepOf(), 2);
  for (const to of ['0', '10', 'drie']) {
    const r = await lead.post(`/sessions/${session}/step`, { to });
    assert.equal(r.status, 422, to);
    assert.match(r.text, /Kies een stap van 1 tot en met 9\./);
  }
  assert.equal(stepOf(), 2);
  assert.equal((await lead.post(`/sessions/${session}/step`, { csrf: 'f'.repeat(64), to: '5' })).status, 403);
  assert.equal((await member.post(`/sessions/${session}/step`, { to: '5' })).status, 403, 'a member does not step');
  assert.equal(stepOf(), 2);
  await lead.post(`/sessions/${session}/step`, { to: '3' });
  // a note on the step, kept with its number
  assert.equal((await lead.post(`/sessions/${session}/notes`, { n: '3', note: 'Iedereen schrijft.' })).status, 303);
  assert.match((await lead.get(`/sessions/${session}`)).text, /Iedereen schrijft\./);
});

test('a member answers on a plain form without JavaScript; the leader selects the idea and keeps the outcome', async () => {
  const p = await member3.get(`/sessions/${session}`);
  assert.equal(p.status, 200);
  assert.match(p.text, new RegExp(CASE));
  assert.match(p.text, new RegExp(`<form method="post" action="/sessions/${session}/answers">`));
  assert.doesNotMatch(p.text, /Volgende stap/, 'the member does not walk the steps');
  const empty = await member3.post(`/sessions/${session}/answers`, { answer: '   ' });
  assert.equal(empty.status, 422);
  assert.match(empty.text, /is verplicht/);
  const r = await member3.post(`/sessions/${session}/answers`, { answer: 'Bel eerst de huisarts' });
  assert.equal(r.status, 303);
  assert.match((await member3.get(`/sessions/${session}`)).text, /Bel eerst de huisarts/);
  const lp = (await lead.get(`/sessions/${session}`)).text;
  const id = lp.match(/name="answer" value="(\d+)"><input type="hidden" name="selected" value="1">/)[1];
  assert.equal((await lead.post(`/sessions/${session}/select`, { answer: id, selected: '1' })).status, 303);
  assert.equal((await lead.post(`/sessions/${session}/select`, { answer: '999999', selected: '1' })).status, 404);
  assert.equal((await lead.post(`/sessions/${session}/outcome`, { summary: 'Samen bellen.', sharpened: 'Huisarts eerst, dan wijkagent.' })).status, 303);
  const mp = (await member.get(`/sessions/${session}`)).text;
  assert.match(mp, /Geselecteerde ideeën[\s\S]*Bel eerst de huisarts/);
  assert.match(mp, /Huisarts eerst, dan wijkagent\./);
  const pr = await member.get(`/sessions/${session}/projector`);
  assert.equal(pr.status, 200);
  assert.match(pr.text, /class="projector"/);
  assert.match(pr.text, /Bel eerst de huisarts/);
  assert.doesNotMatch(pr.text, /deelnemer3|\(.*Bel eerst/, 'no names beside the ideas');
});

test('roles: chosen by the leader (not the case owner) or at random among the members', async () => {
  const owner = personOf(demoEmail('participant', 'gemeente')), p3 = personOf('deelnemer3@gemeente.example');
  const bad = await lead.post(`/sessions/${session}/roles`, { summariser: String(owner), reader1: '0', reader2: '0' });
  assert.equal(bad.status, 422);
  assert.match(bad.text, /Kies een deelnemer van de groep, niet de casusinbrenger\./);
  assert.equal(sql(`SELECT count(*) AS n FROM case_session_role WHERE session_id = ${session}`)[0].n, 0);
  assert.equal((await lead.post(`/sessions/${session}/roles`, { summariser: String(p3), reader1: '0', reader2: '0' })).status, 303);
  assert.deepEqual(sql(`SELECT role, person_id FROM case_session_role WHERE session_id = ${session}`), [{ role: 'summariser', person_id: p3 }]);
  assert.equal((await lead.post(`/sessions/${session}/roles`, { random: '1' })).status, 303);
  const drawn = sql(`SELECT person_id FROM case_session_role WHERE session_id = ${session}`).map((r) => r.person_id);
  const members = sql(`SELECT person_id FROM enrolment WHERE group_id = ${group} AND status <> 'stopped'`).map((r) => r.person_id);
  assert.ok(drawn.length >= 1);
  for (const d of drawn) {
    assert.ok(members.includes(d), 'a member of the group');
    assert.notEqual(d, owner, 'never the case owner');
  }
});

test('privacy: another group 404, the coach, the owner and the mentor counts only, another organisation 404; reads audited', async () => {
  for (const c of [other, await signedIn('begeleider2@gemeente.example')]) {
    assert.equal((await c.get(`/sessions/${session}`)).status, 404);
    assert.equal((await c.get(`/sessions/${session}/projector`)).status, 404);
    assert.equal((await c.post(`/sessions/${session}/answers`, { answer: 'van buiten' })).status, 404);
  }
  assert.equal((await other.get(`/groups/${group}/sessions`)).status, 404);
  for (const role of ['coach', 'owner', 'mentor']) {
    const c = await signedIn(demoEmail(role, 'gemeente'));
    assert.equal((await c.get(`/sessions/${session}`)).status, 404, role);  // no member: the answer for an id that does not exist
    const g = await c.get(`/groups/${group}/sessions`);
    assert.equal(g.status, 200, role);
    assert.match(g.text, new RegExp(`Gehouden sessies</dt><dd>${count()}</dd>`), role);
    assert.doesNotMatch(g.text, new RegExp(CASE), `${role} sees no case`);
    assert.doesNotMatch(g.text, /\/sessions\/\d+"/, `${role} gets no link to a session`);
  }
  const politie = await signedIn(demoEmail('facilitator', 'politie'));
  assert.equal((await politie.get(`/sessions/${session}`)).status, 404);
  assert.equal((await politie.get(`/groups/${group}/sessions`)).status, 404);
  assert.equal(sql(`SELECT count(*) AS n FROM case_session_answer WHERE text = 'van buiten'`)[0].n, 0);
  // the member's reading of the case and the leader's texts, each writer once a read
  const reader = demoEmail('participant', 'gemeente');
  const before = sql(`SELECT count(*) AS n FROM audit_log WHERE action = 'case_session.read' AND object_id = ${session} AND actor = '${reader}'`)[0].n;
  await member.get(`/sessions/${session}`);
  const rows = sql(`SELECT detail FROM audit_log WHERE action = 'case_session.read' AND object_id = ${session} AND actor = '${reader}' ORDER BY id DESC LIMIT 2`);
  const after = sql(`SELECT count(*) AS n FROM audit_log WHERE action = 'case_session.read' AND object_id = ${session} AND actor = '${reader}'`)[0].n;
  assert.equal(after - before, 2, 'the leader\'s texts and the answer of deelnemer3, not the reader\'s own case');
  const writers = rows.map((r) => Number(r.detail.match(/^writer person (\d+)$/)[1])).sort();
  const leadP = personOf(demoEmail('facilitator', 'gemeente')), p3 = personOf('deelnemer3@gemeente.example');
  assert.deepEqual(writers, [leadP, p3].sort());
});

const postJson = (c, path, body, headers = {}) => c.request('POST', path,
  { body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });

test('the API twin: a member reads and answers, the leader steps; the same rules as the pages', async () => {
  const r = await member.get(`/api/v1/sessions/${session}`);
  assert.equal(r.status, 200);
  const j = r.json();
  assert.equal(j.case.title, CASE);
  assert.equal(j.method.key, 'actieleren');
  assert.equal(j.leader, false);
  assert.equal(j.step.instruction, NINE[j.step.n - 1]);
  assert.equal((await postJson(member, `/api/v1/sessions/${session}/answers`, { text: '' })).status, 422);
  assert.equal((await postJson(member, `/api/v1/sessions/${session}/answers`, { text: 'Via de API' })).status, 200);
  assert.ok((await lead.get(`/api/v1/sessions/${session}`)).json().answers.some((a) => a.text === 'Via de API'));
  assert.equal((await postJson(member, `/api/v1/sessions/${session}/step`, { to: 4 })).status, 403);
  assert.equal((await postJson(lead, `/api/v1/sessions/${session}/step`, { to: 4 })).status, 200);
  assert.equal(stepOf(), 4);
  const bad = await postJson(lead, `/api/v1/sessions/${session}/step`, { to: 12 });
  assert.equal(bad.status, 422);
  assert.match(bad.json().error.message, /Kies een stap van 1 tot en met 9\./);
  assert.equal(stepOf(), 4);
  assert.equal((await postJson(lead, `/api/v1/sessions/${session}/step`, { to: 5 }, { 'x-csrf-token': '0'.repeat(64) })).status, 403);
  assert.equal((await other.get(`/api/v1/sessions/${session}`)).status, 404);
  assert.equal((await (await signedIn(demoEmail('coach', 'gemeente'))).get(`/api/v1/sessions/${session}`)).status, 404);
  assert.equal((await (await signedIn(demoEmail('participant', 'politie'))).get(`/api/v1/sessions/${session}`)).status, 404);
});

test('the state the pages follow: for members and the leader only, no texts, not audited, and it moves with the session', async () => {
  const state = async (c) => c.get(`/api/v1/sessions/${session}/state`);
  const r = await state(member);
  assert.equal(r.status, 200);
  const j = r.json();
  assert.deepEqual(Object.keys(j).sort(), ['answers', 'roles', 'selected', 'sharpened', 'step', 'step_since', 'summary']);
  assert.ok(Object.values(j).every((v) => typeof v === 'number'), 'numbers only: no text of anyone');
  assert.equal(j.step, stepOf());
  const audited = () => sql(`SELECT count(*) AS n FROM audit_log WHERE object_id = ${session} AND action LIKE 'case_session%'`)[0].n;
  const before = audited();
  await state(member);
  await state(lead);
  assert.equal(audited(), before, 'asking for the state reads nobody\'s words');
  // it changes when the session does: a step on, an answer
  assert.equal((await postJson(lead, `/api/v1/sessions/${session}/step`, { to: j.step + 1 })).status, 200);
  const moved = (await state(member)).json();
  assert.equal(moved.step, j.step + 1);
  assert.equal((await postJson(member, `/api/v1/sessions/${session}/answers`, { text: 'Nog een gedachte' })).status, 200);
  assert.equal((await state(lead)).json().answers, moved.answers + 1);
  assert.equal((await postJson(lead, `/api/v1/sessions/${session}/step`, { to: j.step })).status, 200);
  // and it is nobody else's: another group, the coach, the owner, another organisation, a stranger
  for (const c of [other, await signedIn(demoEmail('coach', 'gemeente')), await signedIn(demoEmail('owner', 'gemeente')),
    await signedIn(demoEmail('participant', 'politie'))])
    assert.equal((await state(c)).status, 404);
  assert.equal((await new Client(srv.base).get(`/api/v1/sessions/${session}/state`)).status, 401);
  // the pages carry what the script needs, and the script is served
  const page = (await member.get(`/sessions/${session}`)).text;
  assert.match(page, new RegExp(`data-session="${session}" data-view="member"`));
  assert.match(page, /<script src="\/static\/session.js"><\/script>/);
  assert.match((await lead.get(`/sessions/${session}`)).text, /data-view="leader"/);
  assert.match((await lead.get(`/sessions/${session}/projector`)).text, /data-view="projector"/);
  const js = await new Client(srv.base).get('/static/session.js');
  assert.equal(js.status, 200);
  assert.match(js.headers.get('content-type'), /javascript/);
  assert.match(js.text, /\/state'/);
});

test('inzage and erasure: the case owner sees the case they brought, not others\' answers; an erased member\'s answers are gone', () => {
  const emp = (email) => sql(`SELECT p.employee_id AS e FROM person p JOIN account a ON a.person_id = p.id WHERE a.email = '${email}'`)[0].e;
  const out = JSON.parse(cli(srv.db, ['person', 'export', '--org', 'gemeente-demo', '--employee',
    emp(demoEmail('participant', 'gemeente')), '--format', 'json']));
  const text = JSON.stringify(out);
  assert.ok(text.includes(CASE), 'the case they brought');
  assert.ok(!text.includes('Bel eerst de huisarts'), 'not another member\'s answer');
  const p3 = personOf('deelnemer3@gemeente.example');
  cli(srv.db, ['person', 'erase', '--org', 'gemeente-demo', '--employee', emp('deelnemer3@gemeente.example')]);
  assert.equal(sql(`SELECT count(*) AS n FROM case_session_answer WHERE person_id = ${p3}`)[0].n, 0);
  assert.equal(sql(`SELECT count(*) AS n FROM case_session_answer WHERE text LIKE '%huisarts%'`)[0].n, 0);
  assert.equal(sql(`SELECT count(*) AS n FROM case_session_role WHERE person_id = ${p3}`)[0].n, 0);
});

test('the coach changes a step of a method: kept as the organisation\'s own, bad input refused in Dutch, another organisation 404', async () => {
  const coach = await signedIn(demoEmail('coach', 'gemeente'));
  const page = await coach.get('/methods');
  assert.equal(page.status, 200);
  assert.match(page.text, /Een van de teamleden brengt de casus in tijdens een teambespreking\./);
  assert.match(page.text, /Intervisie: incidentmethode[\s\S]*Bron: leergang/);
  const balint = methods('gemeente-demo').find((m) => m.key === 'balintmethode');
  const step = balint.steps[0];
  const bad = await coach.post(`/method-steps/${step.id}`, { name: '', who: 'inbrenger', instruction: 'x', minutes: '999' });
  assert.equal(bad.status, 422);
  assert.match(bad.text, /Naam is verplicht/);
  assert.match(bad.text, /Minuten: een geheel getal van 0 tot en met 240\./);
  assert.deepEqual(methods('gemeente-demo').find((m) => m.key === 'balintmethode').steps[0], step, 'nothing changed');
  assert.equal((await coach.post(`/method-steps/${step.id}`, { csrf: '', name: 'X', who: 'Y', instruction: 'Z', minutes: '5' })).status, 403);
  const ok = await coach.post(`/method-steps/${step.id}`, { name: 'Casus vertellen', who: 'inbrenger',
    instruction: 'De inbrenger vertelt, de groep luistert.', minutes: '12' });
  assert.equal(ok.status, 303);
  const now = methods('gemeente-demo').find((m) => m.key === 'balintmethode').steps[0];
  assert.equal(now.instruction, 'De inbrenger vertelt, de groep luistert.');
  assert.equal(now.minutes, 12);
  assert.equal(now.source, 'organisatie', 'changed words are no longer leergang\'s');
  assert.equal(methods().find((m) => m.key === 'balintmethode').steps[0].minutes, 10, 'the other organisation keeps its own');
  const politie = await signedIn(demoEmail('coach', 'politie'));
  assert.equal((await politie.post(`/method-steps/${step.id}`, { name: 'a', who: 'b', instruction: 'c', minutes: '1' })).status, 404);
  assert.equal((await member.post(`/method-steps/${step.id}`, { name: 'a', who: 'b', instruction: 'c', minutes: '1' })).status, 403);
});
