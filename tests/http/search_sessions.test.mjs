// Cases and follow-up actions of sessions found by the site search
// (issue 17): the case (title, question, context) and the actions of a
// session are found through the search page, the API and `leergang
// search` by the session's members and its leader, an action by its
// owner, each hit linking to the session and audited as a read of
// another's text; Dutch word forms count. A member of another group, the
// coach, the owner, the mentor and another organisation find nothing for
// the same words, through every channel. A peer group's session is found
// by its members. One server for the whole file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, cli, Client, demoEmail } from '../lib/server.mjs';
import { sqlRows } from '../lib/db.mjs';

let srv, group, session, peerSession, actionId;
const as = {};
const sql = (q) => sqlRows(srv.db, q);
const personOf = (email) => sql(`SELECT person_id AS id FROM account WHERE email = '${email}'`)[0].id;
const idOf = (r, re) => Number((r.headers.get('location') || '').match(re)?.[1]);
const email = {
  lead: demoEmail('facilitator', 'gemeente'),
  caseOwner: demoEmail('participant', 'gemeente'),
  member: 'deelnemer3@gemeente.example',
  otherGroup: 'deelnemer2@gemeente.example',
  coach: demoEmail('coach', 'gemeente'),
  owner: demoEmail('owner', 'gemeente'),
  mentor: demoEmail('mentor', 'gemeente'),
  otherOrg: demoEmail('facilitator', 'politie'),
  otherOrgCoach: demoEmail('coach', 'politie'),
  peerLead: demoEmail('manager', 'gemeente'),
};
// words that occur only in this file's texts
const QUESTION = 'Hoe houd ik de kwartiermakersvergaderingen kort?';
const CONTEXT = 'Het gaat om de zeldzame Wolkenkrabbertuin van de wijk.';
const ACTION = 'Met de Roerdompwethouder praten over de agenda';
const PEER_CASE = 'Een botsing over de Ijsvogeldienstregeling';

// The results one account gets for q from the API, the search page and the command line.
async function search(who, q) {
  const a = await as[who].get('/api/v1/search?q=' + encodeURIComponent(q));
  assert.equal(a.status, 200, `${who}: API search for ${q}`);
  const p = await as[who].get('/search?q=' + encodeURIComponent(q));
  assert.equal(p.status, 200, `${who}: search page for ${q}`);
  const list = (p.text.match(/<ol class="results">([\s\S]*?)<\/ol>/) || ['', ''])[1];
  const page = [...list.matchAll(/<li><p><a href="([^"]*)">([\s\S]*?)<\/a> <span class="muted">([^<]*)<\/span>/g)]
    .map((m) => ({ href: m[1], title: m[2], kind: m[3] }));
  const c = JSON.parse(cli(srv.db, ['search', '--email', email[who], q])).results;
  return { api: a.json().results, page, cli: c };
}

async function finds(who, q, href) {
  const r = await search(who, q);
  for (const ch of ['api', 'page', 'cli'])
    assert.ok(r[ch].some((x) => x.href === href), `${who} finds ${href} searching "${q}" (${ch}): ${JSON.stringify(r[ch])}`);
  return r;
}

const SESSION_KINDS = ['case_session', 'session_action', 'Casus van een sessie', 'Vervolgactie'];
async function findsNothing(who, q, href) {
  const r = await search(who, q);
  for (const ch of ['api', 'page', 'cli'])
    assert.ok(!r[ch].some((x) => x.href === href || SESSION_KINDS.includes(x.kind)),
      `${who} must not find ${href} searching "${q}" (${ch}): ${JSON.stringify(r[ch])}`);
}

const reads = (action, id, actor) => sql(`SELECT count(*) AS n FROM audit_log WHERE action = '${action}'
  AND object_id = ${id} AND actor = '${actor}'`)[0].n;

before(async () => {
  srv = await startServer();
  for (const [k, e] of Object.entries(email)) { as[k] = new Client(srv.base); await as[k].login(e); }
  group = sql(`SELECT g.id FROM learning_group g JOIN account a ON a.person_id = g.facilitator_id
    WHERE a.email = '${email.lead}'`)[0].id;
  const r = await as.lead.post(`/groups/${group}/sessions`, { method: 'actieleren', case_person: String(personOf(email.caseOwner)),
    case_title: 'Casus-Zoekbaar', case_question: QUESTION, case_context: CONTEXT });
  assert.equal(r.status, 303);
  session = idOf(r, /^\/sessions\/(\d+)$/);
  await as.lead.post(`/sessions/${session}/step`, { to: '9' });
  const a = await as.lead.post(`/sessions/${session}/actions`, { text: ACTION, owner: String(personOf(email.member)), due_on: '2099-01-01' });
  assert.equal(a.status, 303);
  actionId = sql(`SELECT id FROM session_action WHERE session_id = ${session}`)[0].id;
  // a peer group (intervision) of the manager and the case owner, made by the coach
  const pg = idOf(await as.coach.post('/peer-groups', { kind: 'intervision', name: 'Intervisie Zoek', period: '' }), /^\/peer-groups\/(\d+)$/);
  for (const e of [email.peerLead, email.caseOwner])
    assert.equal((await as.coach.post(`/peer-groups/${pg}/members`, { person: String(personOf(e)), role: 'member', since: '', until: '' })).status, 303);
  const p = await as.peerLead.post(`/peer-groups/${pg}/sessions`, { method: 'incidentmethode',
    case_person: String(personOf(email.caseOwner)), case_title: 'Intervisie-casus', case_question: PEER_CASE, case_context: '' });
  assert.equal(p.status, 303);
  peerSession = idOf(p, /^\/sessions\/(\d+)$/);
});
after(async () => { await srv.stop(); });

test('the people outside are who the test says they are', () => {
  const g = sql(`SELECT facilitator_id, mentor_id FROM learning_group WHERE id = ${group}`)[0];
  assert.equal(g.mentor_id, personOf(email.mentor), 'the mentor is the mentor of the session\'s own group');
  const enrolled = (e) => sql(`SELECT count(*) AS n FROM enrolment WHERE group_id = ${group} AND person_id = ${personOf(e)}
    AND status <> 'stopped'`)[0].n;
  assert.equal(enrolled(email.member), 1, 'the member is a participant of the group');
  assert.equal(enrolled(email.otherGroup), 0, 'the other participant is not');
  assert.ok(sql(`SELECT count(*) AS n FROM learning_group WHERE organisation_id = (SELECT organisation_id FROM learning_group WHERE id = ${group})
    AND id <> ${group} AND id IN (SELECT group_id FROM enrolment WHERE person_id = ${personOf(email.otherGroup)})`)[0].n > 0,
    'the other participant is a member of another group');
});

test('a member finds the case by a word of its question, by another form of it and by its context; linked to the session', async () => {
  const href = `/sessions/${session}`;
  const r = await finds('member', 'kwartiermakersvergaderingen', href);
  const hit = r.api.find((x) => x.href === href);
  assert.equal(hit.kind, 'case_session');
  assert.equal(hit.title, 'Casus: Casus-Zoekbaar');
  assert.match(hit.snippet, /kwartiermakersvergaderingen/);
  assert.ok(r.page.some((x) => x.href === href && x.kind === 'Casus van een sessie'), 'labelled in Dutch on the page');
  await finds('member', 'kwartiermakersvergadering', href);       // stemmed: singular finds the plural
  await finds('member', 'wolkenkrabbertuin', href);
  await finds('lead', 'kwartiermakersvergadering', href);          // the leader
  await finds('caseOwner', 'kwartiermakersvergadering', href);     // the case's owner
});

test('the hit is audited as a read of the case owner\'s text, as the session page does', async () => {
  const before = reads('case_session.read', session, email.member);
  const r = await search('member', 'kwartiermakersvergadering');
  assert.ok(r.api.length > 0);
  // API, page and command line: three searches, three reads
  assert.equal(reads('case_session.read', session, email.member), before + 3);
  const row = sql(`SELECT detail FROM audit_log WHERE action = 'case_session.read' AND object_id = ${session}
    AND actor = '${email.member}' ORDER BY id DESC LIMIT 1`)[0];
  assert.match(row.detail, new RegExp(`writer person ${personOf(email.caseOwner)}`));
  // the case owner reading their own case: no read of another's text
  const own = reads('case_session.read', session, email.caseOwner);
  await search('caseOwner', 'kwartiermakersvergadering');
  assert.equal(reads('case_session.read', session, email.caseOwner), own);
});

test('the action\'s owner finds the action, linked to the session, and the read is audited', async () => {
  const href = `/sessions/${session}`;
  const before = reads('session_action.read', actionId, email.member);
  const r = await finds('member', 'roerdompwethouder', href);
  const hit = r.api.find((x) => x.kind === 'session_action');
  assert.ok(hit, JSON.stringify(r.api));
  assert.equal(hit.id, actionId);
  assert.equal(hit.href, href);
  assert.equal(reads('session_action.read', actionId, email.member), before + 3);
  await finds('lead', 'roerdompwethouder', href);
  await finds('caseOwner', 'roerdompwethouder', href);  // another member of the session
});

test('another group\'s member, the coach, the owner, the mentor and another organisation find nothing', async () => {
  const href = `/sessions/${session}`;
  for (const q of ['kwartiermakersvergaderingen', 'wolkenkrabbertuin', 'roerdompwethouder', 'Casus-Zoekbaar'])
    for (const who of ['otherGroup', 'coach', 'owner', 'mentor', 'otherOrg', 'otherOrgCoach'])
      await findsNothing(who, q, href);
  // and the words are there: the member finds every one of them
  for (const q of ['kwartiermakersvergaderingen', 'wolkenkrabbertuin', 'roerdompwethouder', 'Casus-Zoekbaar'])
    await finds('member', q, href);
  for (const who of ['otherGroup', 'coach', 'owner', 'mentor', 'otherOrg'])
    assert.equal(reads('case_session.read', session, email[who]) + reads('session_action.read', actionId, email[who]), 0, who);
});

test('a peer group\'s session is found by its members, not by others', async () => {
  const href = `/sessions/${peerSession}`;
  await finds('caseOwner', 'ijsvogeldienstregeling', href);
  await finds('peerLead', 'ijsvogeldienstregelingen', href);
  for (const who of ['member', 'otherGroup', 'coach', 'owner', 'mentor', 'otherOrgCoach'])
    await findsNothing(who, 'ijsvogeldienstregeling', href);
  const before = reads('case_session.read', peerSession, email.peerLead);
  await search('peerLead', 'ijsvogeldienstregeling');
  assert.equal(reads('case_session.read', peerSession, email.peerLead), before + 3);
});

// ---- the four kinds of awareness: synonyms and questions ----

test('B3 Contextbewustzijn has the synonym omgevingsbewustzijn, shown and editable on the frameworks page', async () => {
  const b3 = sql(`SELECT e.id, e.framework_id AS f, e.synonyms FROM framework_element e JOIN framework f ON f.id = e.framework_id
    JOIN organisation o ON o.id = f.organisation_id WHERE f.key = 'awareness' AND e.code = 'B3' AND o.slug = 'gemeente-demo'`)[0];
  assert.equal(b3.synonyms, 'omgevingsbewustzijn');
  assert.match((await as.coach.get(`/frameworks/${b3.f}`)).text, /Contextbewustzijn<\/a><br><span class="synonyms">Ook genoemd: omgevingsbewustzijn<\/span>/);
  const form = (await as.coach.get(`/frameworks/${b3.f}/elements/${b3.id}`)).text;
  assert.match(form, /name="synonyms"[^>]*value="omgevingsbewustzijn"/);
  const r = await as.coach.post(`/frameworks/${b3.f}/elements/${b3.id}`, { name: 'Contextbewustzijn', kind: 'awareness',
    synonyms: 'omgevingsbewustzijn, situatiebesef', description: 'x' });
  assert.equal(r.status, 303);
  assert.equal(sql(`SELECT synonyms FROM framework_element WHERE id = ${b3.id}`)[0].synonyms, 'omgevingsbewustzijn, situatiebesef');
  await as.coach.post(`/frameworks/${b3.f}/elements/${b3.id}`, { name: 'Contextbewustzijn', kind: 'awareness',
    synonyms: 'omgevingsbewustzijn', description: 'x' });
});

test('search under either name finds a text with the other and a plan goal linked to B3', async () => {
  const b3 = sql(`SELECT e.id, e.framework_id AS f FROM framework_element e JOIN framework f ON f.id = e.framework_id JOIN organisation o
    ON o.id = f.organisation_id WHERE f.key = 'awareness' AND e.code = 'B3' AND o.slug = 'gemeente-demo'`)[0];
  const synonyms = async (v) => assert.equal((await as.coach.post(`/frameworks/${b3.f}/elements/${b3.id}`,
    { name: 'Contextbewustzijn', kind: 'awareness', synonyms: v, description: 'x' })).status, 303);
  // two cases, each naming one of the two; the search names the other
  const start = async (ctx) => idOf(await as.lead.post(`/groups/${group}/sessions`, { method: 'actieleren',
    case_person: String(personOf(email.caseOwner)), case_title: 'Bewustzijnscasus', case_question: 'Hoe?', case_context: ctx }),
  /^\/sessions\/(\d+)$/);
  const withContext = await start('Het draait om contextbewustzijn.');
  const withOmgeving = await start('Het draait om omgevingsbewustzijn.');
  await finds('member', 'omgevingsbewustzijn', `/sessions/${withContext}`);
  await finds('member', 'contextbewustzijn', `/sessions/${withOmgeving}`);
  // without the synonym the other name finds nothing: the test depends on it
  await synonyms('');
  assert.ok(!(await search('member', 'omgevingsbewustzijn')).api.some((x) => x.href === `/sessions/${withContext}`));
  await synonyms('omgevingsbewustzijn');
  // a goal of the case owner linked to B3, its text naming neither
  const r = await as.caseOwner.post(`/groups/${group}/plan/goals`, { goal_id: '0', text: 'Beter luisteren naar de buurt',
    measure: 'De buurt merkt het', due_on: '2099-01-01', element_id: String(b3.id), learning_form: '' });
  assert.ok(r.status === 303, `goal saved: ${r.status}`);
  const goal = sql(`SELECT max(id) AS id FROM development_goal WHERE person_id = ${personOf(email.caseOwner)}`)[0].id;
  assert.equal(sql(`SELECT count(*) AS n FROM development_goal_element WHERE goal_id = ${goal} AND element_id = ${b3.id}`)[0].n, 1);
  for (const q of ['contextbewustzijn', 'omgevingsbewustzijn']) {
    const res = await search('caseOwner', q);
    assert.ok(res.api.some((x) => x.kind === 'development_plan' && x.id === goal), `${q}: ${JSON.stringify(res.api)}`);
  }
});

test('the two awareness questions with their source lines: on the leader\'s screen in the last two steps and on the plan page', async () => {
  const Q1 = 'Hoe ben je de afgelopen tijd gegroeid in je ontwikkeling?';
  const Q2 = 'Realiseer je je dat er andere belangen (contexten) zijn?';
  await as.lead.post(`/sessions/${session}/step`, { to: '8' });
  let page = (await as.lead.get(`/sessions/${session}`)).text;
  assert.ok(page.includes(Q1) && page.includes(Q2), 'step 8');
  assert.match(page, /r\. 572-578/);
  assert.match(page, /r\. 590-596/);
  await as.lead.post(`/sessions/${session}/step`, { to: '9' });
  assert.ok((await as.lead.get(`/sessions/${session}`)).text.includes(Q1), 'step 9');
  await as.lead.post(`/sessions/${session}/step`, { to: '2' });
  assert.ok(!(await as.lead.get(`/sessions/${session}`)).text.includes(Q1), 'not in step 2');
  await as.lead.post(`/sessions/${session}/step`, { to: '9' });
  const plan = (await as.caseOwner.get(`/groups/${group}/plan`)).text;
  assert.ok(plan.includes(Q1) && plan.includes(Q2), 'the plan page');
  assert.match(plan, /Terugkijken op groei/);
});
