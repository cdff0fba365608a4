// Sharing a case as a practice example (issue 17): after the session, the
// case owner alone may offer an anonymised version, in their own words, to
// the organisation's register. A name of a member of the session or of any
// person of the organisation is refused (without saying whose); the
// example is marked as shared by a participant, found in the register like
// the others, and does not lead back to the session, which stays hidden to
// a non-member. One server for the whole file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, demoEmail } from '../lib/server.mjs';
import { sqlRows } from '../lib/db.mjs';

let srv, lead, owner, member3, outsider, session;
const sql = (q) => sqlRows(srv.db, q);
const personOf = (email) => sql(`SELECT person_id AS id FROM account WHERE email = '${email}'`)[0].id;
const nameOf = (email) => sql(`SELECT p.name FROM person p JOIN account a ON a.person_id = p.id WHERE a.email = '${email}'`)[0].name;
const signedIn = async (email) => { const c = new Client(srv.base); await c.login(email); return c; };
const postJson = (c, path, body) => c.request('POST', path,
  { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
const examples = () => sql(`SELECT e.title, e.learning, e.origin FROM practice_example e
  JOIN organisation o ON o.id = e.organisation_id WHERE o.slug = 'gemeente-demo' ORDER BY e.id`);
const good = () => [['title', 'Samenwerken over loketten heen'],
  ['text', 'Een team dat langs elkaar heen werkte; door samen één vraag te stellen kwam het gesprek op gang.'],
  ['forms', 'intervisie'], ['themes', 'samenwerking, dienstverlening'], ['confirm', '1']];
const withField = (name, value) => good().map(([k, v]) => [k, k === name ? value : v]);

before(async () => {
  srv = await startServer();
  lead = await signedIn(demoEmail('facilitator', 'gemeente'));
  owner = await signedIn(demoEmail('participant', 'gemeente'));
  member3 = await signedIn('deelnemer3@gemeente.example');
  outsider = await signedIn('deelnemer2@gemeente.example');  // a participant of Groep 2
  const group = sql(`SELECT g.id FROM learning_group g JOIN account a ON a.person_id = g.facilitator_id
    WHERE a.email = '${demoEmail('facilitator', 'gemeente')}'`)[0].id;
  await lead.get(`/groups/${group}/sessions`);
  const r = await lead.post(`/groups/${group}/sessions`, { method: 'actieleren',
    case_person: String(personOf(demoEmail('participant', 'gemeente'))),
    case_title: 'Mijn team en de loketten', case_question: 'Hoe krijg ik mijn team mee?',
    case_context: 'Vertrouwelijke achtergrond die nergens anders mag komen.' });
  assert.equal(r.status, 303);
  session = Number(r.headers.get('location').match(/^\/sessions\/(\d+)$/)[1]);
});
after(async () => { await srv.stop(); });

test('the form suggests the title and the question only, never the context', async () => {
  const r = await owner.get(`/sessions/${session}/share`);
  assert.equal(r.status, 200);
  assert.match(r.text, /value="Mijn team en de loketten"/);
  assert.match(r.text, /Hoe krijg ik mijn team mee\?/);
  assert.doesNotMatch(r.text, /Vertrouwelijke achtergrond/);
  assert.match(r.text, /in uw eigen woorden/i);
});

test('not before the session is over: refused in Dutch, nothing saved', async () => {
  const before = examples().length;
  const r = await owner.post(`/sessions/${session}/share`, good());
  assert.equal(r.status, 422);
  assert.match(r.text, /na de sessie/);
  assert.equal(examples().length, before);
  assert.doesNotMatch((await owner.get(`/sessions/${session}`)).text, /\/sessions\/\d+\/share/, 'no link yet');
});

test('only the case owner: the leader, another member and a non-member get 404, through page and API', async () => {
  await lead.get(`/sessions/${session}`);
  assert.equal((await lead.post(`/sessions/${session}/step`, { to: '9' })).status, 303);
  const before = examples().length;
  for (const c of [lead, member3, outsider]) {
    assert.equal((await c.get(`/sessions/${session}/share`)).status, 404);
    await c.get('/');
    assert.equal((await c.post(`/sessions/${session}/share`, good())).status, 404);
    assert.equal((await postJson(c, `/api/v1/sessions/${session}/share`,
      { title: 'X', text: 'Y', forms: ['intervisie'], themes: 'z', confirm: true })).status, 404);
  }
  assert.equal(examples().length, before);
  // the owner sees the way to share, the other member does not
  assert.match((await owner.get(`/sessions/${session}`)).text, new RegExp(`href="/sessions/${session}/share"`));
  assert.doesNotMatch((await member3.get(`/sessions/${session}`)).text, /\/share"/);
});

test('a name of a member of the session, or of anyone in the organisation, is refused without saying whose', async () => {
  const before = examples().length;
  await owner.get(`/sessions/${session}/share`);
  const memberName = nameOf('deelnemer3@gemeente.example');
  const someone = sql(`SELECT p.name FROM person p JOIN organisation o ON o.id = p.organisation_id
    WHERE o.slug = 'gemeente-demo' AND p.id NOT IN (SELECT person_id FROM enrolment) LIMIT 1`)[0].name;
  for (const [field, text] of [['text', `Samen met ${memberName} kwam het gesprek op gang.`],
    ['text', `Ik vroeg ${someone.toUpperCase()} om raad.`], ['title', `Casus van ${memberName}`]]) {
    const r = await owner.post(`/sessions/${session}/share`, withField(field, text));
    assert.equal(r.status, 422, text);
    assert.match(r.text, /bevat een naam/);
    const message = r.text.match(/<ul class="errors"[\s\S]*?<\/ul>|role="alert"[\s\S]*?<\/div>/)?.[0] ?? '';
    assert.doesNotMatch(message, new RegExp(memberName.split(' ').at(-1)), 'the message names no one');
  }
  const api = await postJson(owner, `/api/v1/sessions/${session}/share`,
    { title: 'Zonder namen', text: `Met ${memberName} erbij.`, forms: ['intervisie'], themes: 'x', confirm: true });
  assert.equal(api.status, 422);
  assert.equal(examples().length, before, 'nothing saved');
});

test('the suggestion must be rewritten and the owner must confirm', async () => {
  const before = examples().length;
  await owner.get(`/sessions/${session}/share`);
  let r = await owner.post(`/sessions/${session}/share`, withField('text', 'Hoe krijg ik mijn team mee?'));
  assert.equal(r.status, 422);
  assert.match(r.text, /eigen woorden/);
  r = await owner.post(`/sessions/${session}/share`, good().filter(([k]) => k !== 'confirm'));
  assert.equal(r.status, 422);
  r = await owner.post(`/sessions/${session}/share`, good().filter(([k]) => k !== 'forms'));
  assert.equal(r.status, 422);
  assert.equal(examples().length, before);
});

test('shared: marked as a participant\'s, found in the register, no way back to the session for others', async () => {
  await owner.get(`/sessions/${session}/share`);
  const r = await owner.post(`/sessions/${session}/share`, good());
  assert.equal(r.status, 303);
  assert.equal(r.headers.get('location'), '/catalogue/examples?done=example-shared');
  const [x] = examples().filter((e) => e.title === 'Samenwerken over loketten heen');
  assert.equal(x.origin, 'participant');
  // the register, as someone outside the session, searched by theme and by form
  const page = await outsider.get('/catalogue/examples?theme=dienstverlening');
  assert.equal(page.status, 200);
  assert.match(page.text, /Samenwerken over loketten heen/);
  assert.match(page.text, /gedeeld door een deelnemer/);
  assert.doesNotMatch(page.text, /\/sessions\//);
  assert.doesNotMatch(page.text, new RegExp(nameOf(demoEmail('participant', 'gemeente'))));
  assert.doesNotMatch(page.text, /Vertrouwelijke achtergrond/);
  assert.match((await outsider.get('/catalogue/examples?form=intervisie')).text, /Samenwerken over loketten heen/);
  const api = (await outsider.get('/api/v1/catalogue/examples?theme=dienstverlening')).json().examples;
  const e = api.find((y) => y.title === 'Samenwerken over loketten heen');
  assert.equal(e.origin, 'participant');
  assert.doesNotMatch(JSON.stringify(e), /session|Mijn team/);
  // the session itself stays hidden to a non-member
  assert.equal((await outsider.get(`/sessions/${session}`)).status, 404);
  assert.equal((await outsider.get(`/api/v1/sessions/${session}`)).status, 404);
  // the API twin for the owner
  const j = await postJson(owner, `/api/v1/sessions/${session}/share`, { title: 'Tweede versie', text: 'Anders verteld, zonder namen.',
    forms: ['intervisie'], themes: 'samenwerking', confirm: true });
  assert.equal(j.status, 201, 'a new example: 201 with its id');
  assert.equal(examples().at(-1).origin, 'participant');
  assert.equal(j.json().id, sql('SELECT max(id) AS id FROM practice_example')[0].id);
});
