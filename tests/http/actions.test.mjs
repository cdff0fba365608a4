// Follow-up actions of a session with a case (issue 17): made by the
// session's leader with an owner among its members and a due date; bad
// input refused in Dutch with nothing made; the owner sees them on the
// start page (overdue ones marked), in the calendar feed of all their
// meetings (not in a group's feed), in the API and on the command line;
// the group's next session opens with the open ones ("Wat is ervan
// geworden"), each reviewed there (done or carried on) and the review
// recorded. Privacy: a member of another group, the coach, the owner and
// another organisation never read an action's text (pages, API, CLI); the
// coach and the owner see counts only. One server for the whole file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, cli, cliResult, Client, demoEmail } from '../lib/server.mjs';
import { sqlRows } from '../lib/db.mjs';

let srv, group, lead, owner, member3, other, first, second, ownerId;
const sql = (q) => sqlRows(srv.db, q);
const personOf = (email) => sql(`SELECT person_id AS id FROM account WHERE email = '${email}'`)[0].id;
const signedIn = async (email) => { const c = new Client(srv.base); await c.login(email); return c; };
const postJson = (c, path, body) => c.request('POST', path,
  { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
const OWNER = demoEmail('participant', 'gemeente');
const TEXT = 'Actie-Geheim: de huisarts bellen <b>vóór</b> vrijdag';
const iso = (d) => d.toISOString().slice(0, 10);
const day = (n) => { const d = new Date(); d.setUTCDate(d.getUTCDate() + n); return iso(d); };
const actions = () => sql(`SELECT * FROM session_action WHERE session_id IN (${first}, ${second || 0}) ORDER BY id`);

async function startSession(title) {
  const r = await lead.post(`/groups/${group}/sessions`, { method: 'actieleren', case_person: String(ownerId),
    case_title: title, case_question: 'Hoe?', case_context: '' });
  assert.equal(r.status, 303);
  return Number(r.headers.get('location').match(/^\/sessions\/(\d+)$/)[1]);
}

before(async () => {
  srv = await startServer();
  lead = await signedIn(demoEmail('facilitator', 'gemeente'));
  owner = await signedIn(OWNER);
  member3 = await signedIn('deelnemer3@gemeente.example');
  other = await signedIn('deelnemer2@gemeente.example');
  ownerId = personOf(OWNER);
  group = sql(`SELECT g.id FROM learning_group g JOIN account a ON a.person_id = g.facilitator_id
    WHERE a.email = '${demoEmail('facilitator', 'gemeente')}'`)[0].id;
  // the demo's own sessions' actions out of the owner's way and out of the
  // review: this file counts its own (given to the leader and done, not
  // deleted: the sqlite3 shell cannot touch the search index, which has
  // leergang's tokenizer)
  sql(`UPDATE session_action SET status = 'done',
    person_id = (SELECT person_id FROM account WHERE email = '${demoEmail('facilitator', 'gemeente')}')`);
  first = await startSession('Casus-Acties-Een');
  await lead.post(`/sessions/${first}/step`, { to: '9' });
});
after(async () => { await srv.stop(); });

test('the leader makes an action in step 9; bad input is refused in Dutch and makes nothing; a member may not', async () => {
  const page = await lead.get(`/sessions/${first}`);
  assert.match(page.text, /<h2>Vervolgacties<\/h2>/);
  assert.match(page.text, new RegExp(`<form method="post" action="/sessions/${first}/actions">`));
  const bad = await lead.post(`/sessions/${first}/actions`, { text: '', owner: String(personOf('deelnemer2@gemeente.example')),
    due_on: '2020-01-01' });
  assert.equal(bad.status, 422);
  assert.match(bad.text, /Actie is verplicht/);
  assert.match(bad.text, /Kies een lid van de sessie als eigenaar van de actie\./);
  assert.match(bad.text, /De einddatum kan niet voor de sessie liggen\./);
  const long = await lead.post(`/sessions/${first}/actions`, { text: 'x'.repeat(501), owner: String(ownerId), due_on: '31-12-2099' });
  assert.equal(long.status, 422);
  assert.match(long.text, /Geef de einddatum als datum, bijvoorbeeld 2027-03-01\./);
  assert.match(long.text, /500/);
  assert.equal((await lead.post(`/sessions/${first}/actions`, { csrf: '', text: 'x', owner: String(ownerId), due_on: day(3) })).status, 403);
  assert.equal((await member3.post(`/sessions/${first}/actions`, { text: 'x', owner: String(ownerId), due_on: day(3) })).status, 403);
  assert.equal((await other.post(`/sessions/${first}/actions`, { text: 'x', owner: String(ownerId), due_on: day(3) })).status, 404, 'not a member: not found');
  assert.equal(actions().length, 0, 'nothing was made');
  const ok = await lead.post(`/sessions/${first}/actions`, { text: TEXT, owner: String(ownerId), due_on: day(5) });
  assert.equal(ok.status, 303);
  assert.equal(ok.headers.get('location'), `/sessions/${first}#actions`);
  // through the API too: an overdue one is made by writing its date back afterwards
  const api = await postJson(lead, `/api/v1/sessions/${first}/actions`, { owner: ownerId, text: 'Te-laat-actie', due_on: day(1) });
  assert.equal(api.status, 201);
  sql(`UPDATE session_action SET due_on = '${day(-2)}' WHERE id = ${api.json().id}`);
  const bad2 = await postJson(lead, `/api/v1/sessions/${first}/actions`, { owner: 999999, text: 'x', due_on: day(1) });
  assert.equal(bad2.status, 422);
  assert.match(bad2.json().error.message, /eigenaar/);
  assert.equal(actions().length, 2);
  const member = (await member3.get(`/sessions/${first}`)).text;
  assert.ok(member.includes('Actie-Geheim: de huisarts bellen &lt;b&gt;vóór&lt;/b&gt; vrijdag'), 'members read it, escaped');
  assert.doesNotMatch(member, /action="\/sessions\/\d+\/actions"/, 'a member gets no form');
});

test('the owner: start page with "Mijn acties" (overdue marked, link to the session), API and command line', async () => {
  const home = (await owner.get('/')).text;
  assert.match(home, /<h2 id="actions">Mijn acties<\/h2>/);
  assert.ok(home.includes('Actie-Geheim: de huisarts bellen &lt;b&gt;vóór&lt;/b&gt; vrijdag'));
  assert.match(home, /<li class="late"><span class="action-text">Te-laat-actie<\/span>[^]*?te laat/);
  assert.match(home, new RegExp(`href="/sessions/${first}"`));
  const api = await owner.get('/api/v1/me/actions');
  assert.equal(api.status, 200);
  const list = api.json().actions;
  assert.deepEqual(list.map((a) => [a.text, a.status, a.overdue]), [['Te-laat-actie', 'open', true], [TEXT, 'open', false]]);
  for (const a of list) {
    assert.equal(a.session.id, first);
    assert.match(a.session.held_on, /^\d{4}-\d\d-\d\d$/);
    assert.equal(typeof a.session.group, 'string');
  }
  const out = JSON.parse(cli(srv.db, ['action', 'list', '--email', OWNER, '--format', 'json']));
  assert.deepEqual(out.actions.map((a) => a.id), list.map((a) => a.id));
  for (const k of ['id', 'text', 'status', 'due_on', 'overdue', 'session']) assert.ok(k in out.actions[0], k);
  assert.match(cli(srv.db, ['help', 'action']), /leergang action list --email E/);
  assert.notEqual(cliResult(srv.db, ['action', 'list', '--email', 'niemand@nergens.example']).status, 0);
  assert.notEqual(cliResult(srv.db, ['action', 'list', '--email', OWNER, '--format', 'xml']).status, 0);
});

test('the calendar feed of all the owner\'s meetings carries the open actions as all-day items; a group feed does not', async () => {
  const link = async (g) => (await owner.post('/calendar', { group: String(g) })).text
    .match(/value="https?:\/\/[^/"]+(\/calendar\.ics\?token=[0-9a-f]{64})"/)[1];
  const all = (await new Client(srv.base).get(await link(0))).text;
  const id = actions()[0].id;
  assert.match(all, new RegExp(`UID:action-${id}@leergang`));
  assert.match(all, new RegExp(`DTSTART;VALUE=DATE:${day(5).replaceAll('-', '')}`));
  assert.match(all, /SUMMARY:Actie: Actie-Geheim/);
  const one = (await new Client(srv.base).get(await link(group))).text;
  assert.match(one, /BEGIN:VCALENDAR/);
  assert.doesNotMatch(one, /action-\d+@leergang|Actie-Geheim/);
  // another participant's feed has none of them
  const theirs = (await other.post('/calendar', { group: '0' })).text.match(/(\/calendar\.ics\?token=[0-9a-f]{64})/)[1];
  assert.doesNotMatch((await new Client(srv.base).get(theirs)).text, /Actie-Geheim|Te-laat-actie/);
});

test('the next session opens with what became of it: each open action reviewed there, the review recorded', async () => {
  second = await startSession('Casus-Acties-Twee');
  const page = (await lead.get(`/sessions/${second}`)).text;
  const review = page.indexOf('Wat is ervan geworden'), step = page.indexOf('id="step"');
  assert.ok(review > 0 && review < step, 'the block comes first on the leader\'s screen');
  assert.match(page, /Te-laat-actie/);
  // members see no review forms
  assert.doesNotMatch((await member3.get(`/sessions/${second}`)).text, /Wat is ervan geworden/);
  const [late, kept] = [actions().find((a) => a.text === 'Te-laat-actie'), actions().find((a) => a.text === TEXT)];
  // carrying on needs a date from today on
  const bad = await lead.post(`/actions/${late.id}`, { review: String(second), status: 'open', due_on: day(-1), back: `/sessions/${second}#review` });
  assert.equal(bad.status, 422);
  assert.match(bad.text, /Kies een nieuwe einddatum vanaf vandaag\./);
  const worse = await lead.post(`/actions/${late.id}`, { review: String(second), status: 'weg' });
  assert.equal(worse.status, 422);
  assert.equal(actions().find((a) => a.id === late.id).status, 'open');
  const done = await lead.post(`/actions/${late.id}`, { review: String(second), status: 'done', back: `/sessions/${second}#review` });
  assert.equal(done.status, 303);
  assert.equal(done.headers.get('location'), `/sessions/${second}#review`);
  const carried = await lead.post(`/actions/${kept.id}`, { review: String(second), status: 'open', due_on: day(20), back: 'https://elders.example/' });
  assert.equal(carried.status, 303);
  assert.equal(carried.headers.get('location'), '/', 'never back to another site');
  const now = actions();
  assert.deepEqual(now.map((a) => [a.text, a.status, a.reviewed_in_session_id]),
    [[TEXT, 'open', second], ['Te-laat-actie', 'done', second]]);
  assert.equal(now[0].due_on, day(20));
  assert.equal(now[0].carried, 1);
  // the first session cannot review the second's (not earlier), and a member cannot review
  const mine = await postJson(lead, `/api/v1/sessions/${second}/actions`, { owner: ownerId, text: 'Nieuw', due_on: day(3) });
  assert.equal(mine.status, 201);
  assert.equal((await postJson(lead, `/api/v1/actions/${mine.json().id}`, { review_session_id: first, status: 'done' })).status, 404);
  assert.equal((await postJson(member3, `/api/v1/actions/${kept.id}`, { review_session_id: second, status: 'done' })).status, 403);
  assert.equal((await postJson(member3, `/api/v1/actions/${kept.id}`, { status: 'done' })).status, 404);
  // the owner closes their own through the API
  assert.equal((await postJson(owner, `/api/v1/actions/${kept.id}`, { status: 'done' })).status, 200);
  assert.equal(actions().find((a) => a.id === kept.id).status, 'done');
  assert.doesNotMatch((await lead.get(`/sessions/${second}`)).text, /Wat is ervan geworden/, 'nothing left to review');
});

test('privacy: another group, the coach, the owner and another organisation never read an action\'s text; counts only', async () => {
  const id = actions()[0].id;
  const politie = await signedIn(demoEmail('facilitator', 'politie'));
  for (const c of [other, await signedIn('begeleider2@gemeente.example'), politie]) {
    assert.equal((await c.get(`/sessions/${first}`)).status, 404);
    assert.doesNotMatch((await c.get('/')).text, /Actie-Geheim|Te-laat-actie/);
    assert.doesNotMatch(JSON.stringify((await c.get('/api/v1/me/actions')).json()), /Actie-Geheim|Te-laat-actie/);
    assert.equal((await postJson(c, `/api/v1/actions/${id}`, { status: 'dropped' })).status, 404);
  }
  for (const role of ['coach', 'owner']) {
    const c = await signedIn(demoEmail(role, 'gemeente'));
    const g = await c.get(`/groups/${group}/sessions`);
    assert.equal(g.status, 200);
    assert.match(g.text, /Acties open<\/dt><dd>\d+<\/dd><dt>Acties gedaan<\/dt><dd>[1-9]\d*<\/dd>/, role);
    assert.doesNotMatch(g.text, /Actie-Geheim|Te-laat-actie|Nieuw</, role);
    assert.equal((await c.get(`/sessions/${first}`)).status, 404, role);
    assert.doesNotMatch(JSON.stringify((await c.get('/api/v1/me/actions')).json()), /Actie-Geheim/);
    const cl = cli(srv.db, ['action', 'list', '--email', demoEmail(role, 'gemeente'), '--format', 'json']);
    assert.doesNotMatch(cl, /Actie-Geheim|Te-laat-actie/, `${role} on the command line`);
  }
  for (const email of ['deelnemer2@gemeente.example', demoEmail('participant', 'politie')])
    assert.doesNotMatch(cli(srv.db, ['action', 'list', '--email', email, '--format', 'json']), /Actie-Geheim|Te-laat-actie/);
  assert.equal(actions().find((a) => a.id === id).status, 'done', 'nobody outside changed it');
  // a member's read of the leader's action is in the audit log
  const n = () => sql(`SELECT count(*) AS n FROM audit_log WHERE action = 'session_action.read' AND object_id = ${id}
    AND actor = 'deelnemer3@gemeente.example'`)[0].n;
  const before = n();
  await member3.get(`/sessions/${first}`);
  assert.equal(n(), before + 1);
});

test('inzage and erasure: the owner\'s actions are in their export and gone after erasure', () => {
  const emp = sql(`SELECT p.employee_id AS e FROM person p WHERE p.id = ${ownerId}`)[0].e;
  const out = cli(srv.db, ['person', 'export', '--org', 'gemeente-demo', '--employee', emp, '--format', 'json']);
  assert.ok(out.includes('Actie-Geheim'));
  cli(srv.db, ['person', 'erase', '--org', 'gemeente-demo', '--employee', emp]);
  assert.equal(sql(`SELECT count(*) AS n FROM session_action WHERE person_id = ${ownerId}`)[0].n, 0);
});
