// The intake and the learning question through the pages: the participant
// writes and revises their question (every version kept, nothing to
// approve); the facilitator and mentor of the group hold the intake and read
// the question; nobody else does — not the coach, the owner, another
// group's participant or the other organisation — and reads by others are
// in the audit log.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, demoEmail, cli } from '../lib/server.mjs';

let srv, g1, g2, place;
const as = {};

before(async () => {
  srv = await startServer();
  for (const role of ['participant', 'facilitator', 'mentor', 'coach', 'owner', 'administrator']) {
    as[role] = new Client(srv.base);
    await as[role].login(demoEmail(role, 'politie'));
  }
  as.other_org = new Client(srv.base);
  await as.other_org.login(demoEmail('facilitator', 'gemeente'));
  const progs = (await as.coach.get('/api/v1/programmes')).json().programmes;
  const live = (await as.coach.get(`/api/v1/programmes/${progs.find((p) => p.template === 'live').id}`)).json();
  [g1, g2] = [live.batches[0].groups[0].id, live.batches[0].groups[1].id];
  const members = (await as.coach.get(`/api/v1/groups/${g1}`)).json().participants;
  place = members.find((p) => p.name === 'Jan <script>alert(1)</script>').enrolment_id;
  // a participant of group 2 with an account
  const other = (await as.coach.get(`/api/v1/groups/${g2}`)).json().participants.find((p) => !p.name.includes('<'));
  const emp = (await as.coach.get(`/api/v1/people/${other.person_id}`)).json().employee_id;
  cli(srv.db, ['user', 'add', '--org', 'politie-demo', '--email', 'groep2@politie.example', '--role', 'participant', '--person', emp], 'wachtwoord-lang-genoeg\n');
  as.stranger = new Client(srv.base);
  await as.stranger.login('groep2@politie.example', 'wachtwoord-lang-genoeg');
});
after(async () => { await srv.stop(); });

test('the participant writes and revises their learning question; earlier versions are kept', async () => {
  const p = as.participant;
  let page = (await p.get(`/groups/${g1}`)).text;
  assert.match(page, /ook als ik zelf onzeker ben/, 'the demo question, revised once');
  assert.match(page, /1 eerdere versie|1 earlier version/);
  assert.doesNotMatch(page, /name="(approved?|grade|score|status)_?q/i, 'nothing to approve or grade');
  let r = await p.post(`/groups/${g1}/question`, { question: '   ' });
  assert.equal(r.status, 422);
  r = await p.post(`/groups/${g1}/question`, { question: 'Hoe geef ik <b>ruimte</b> aan verschil?' });
  assert.equal(r.status, 303);
  page = (await p.get(`/groups/${g1}`)).text;
  assert.ok(page.includes('Hoe geef ik &lt;b&gt;ruimte&lt;/b&gt; aan verschil?'));
  assert.match(page, /2 eerdere versies|2 earlier versions/);
  // not in another group
  r = await p.post(`/groups/${g2}/question`, { question: 'Elders' });
  assert.equal(r.status, 404);
});

test('the facilitator and mentor read it and hold the intake; nobody else reads either', async () => {
  for (const who of ['facilitator', 'mentor']) {
    const r = await as[who].get(`/enrolments/${place}/intake`);
    assert.equal(r.status, 200, who);
    assert.match(r.text, /Hoe geef ik &lt;b&gt;ruimte&lt;\/b&gt; aan verschil\?/, who);
    assert.match(r.text, /Wil vooral leren van collega/, `${who}: the demo intake`);
  }
  let r = await as.facilitator.post(`/enrolments/${place}/intake`, { held_on: '2026-02-30', expectations: 'x' });
  assert.equal(r.status, 422);
  r = await as.mentor.post(`/enrolments/${place}/intake`, { held_on: '2026-09-14', expectations: 'Bijgesteld door de mentor' });
  assert.equal(r.status, 303);
  // the participant reads the intake about them, without the form
  r = await as.participant.get(`/enrolments/${place}/intake`);
  assert.equal(r.status, 200);
  assert.match(r.text, /Bijgesteld door de mentor/);
  assert.doesNotMatch(r.text, /action="\/enrolments\/\d+\/intake"/);
  assert.equal((await as.participant.post(`/enrolments/${place}/intake`, { held_on: '2026-09-14' })).status, 403);
  for (const who of ['coach', 'owner', 'administrator', 'stranger', 'other_org']) {
    const s = (await as[who].get(`/enrolments/${place}/intake`)).status;
    assert.ok(s === 404 || s === 403, `${who}: ${s}`);
    assert.doesNotMatch((await as[who].get(`/groups/${g1}`)).text, /Hoe geef ik/, `${who} on the group page`);
  }
  // a facilitator of another group cannot record it either
  assert.equal((await as.other_org.post(`/enrolments/${place}/intake`, { held_on: '2026-09-14' })).status, 404);
});

test('reads by others than the writer are in the audit log', async () => {
  const audit = async () => (await as.administrator.get('/audit?limit=200')).text;
  const before = (await audit()).split('learning_question.read').length;
  await as.mentor.get(`/enrolments/${place}/intake`);
  const after = (await audit()).split('learning_question.read').length;
  assert.equal(after, before + 1);
  await as.participant.get(`/groups/${g1}`);
  assert.equal((await audit()).split('learning_question.read').length, after, 'the writer reading is not logged');
});

test('a participant takes their own data with them as JSON, and only their own', async () => {
  const r = await as.participant.get('/api/v1/me');
  assert.equal(r.status, 200);
  const me = r.json();
  assert.equal(me.email, demoEmail('participant', 'politie'));
  const g = me.groups.find((x) => x.id === g1);
  assert.equal(g.role, 'participant');
  assert.ok(g.learning_questions.length >= 2, 'every version of the learning question');
  assert.equal(typeof g.intake.expectations, 'string');
  assert.ok(me.logbook.length >= 4);
  // nothing of anyone else: the other participant's data has no trace of this one's
  const theirs = (await as.stranger.get('/api/v1/me')).json();
  assert.equal(theirs.logbook.length, 0);
  assert.ok(!JSON.stringify(theirs).includes('Hoe geef ik'));
  // the facilitator's own data lists the groups they facilitate, not the participants' texts
  const fac = (await as.facilitator.get('/api/v1/me')).json();
  assert.equal(fac.groups.find((x) => x.id === g1).role, 'facilitator');
  assert.ok(!JSON.stringify(fac).includes('Hoe geef ik'));
});

test('the closing talk: offered, the participant writes the yield in their own words, held or declined is counted', async () => {
  // not offered yet: the participant cannot write it
  let r = await as.participant.post(`/enrolments/${place}/closing/words`, { form: 'words', learning_yield: 'Te vroeg' });
  assert.equal(r.status, 422);
  assert.match(r.text, /nog niet aangeboden|not been offered yet/);
  // the facilitator records the offer; bad input first
  r = await as.facilitator.post(`/enrolments/${place}/closing`, { form: 'closing', offered_on: '2027-04-17', outcome: 'held', talk_held_on: '2027-04-01' });
  assert.equal(r.status, 422, 'held before it was offered');
  r = await as.facilitator.post(`/enrolments/${place}/closing`, { form: 'closing', offered_on: '2027-04-17', outcome: 'maybe' });
  assert.equal(r.status, 422);
  r = await as.facilitator.post(`/enrolments/${place}/closing`, { form: 'closing', offered_on: '2027-04-17', outcome: 'open' });
  assert.equal(r.status, 303);
  r = await as.participant.post(`/enrolments/${place}/closing/words`, { form: 'words', learning_yield: 'Ik stel eerst vragen, dan oordeel ik.', next_steps: 'Intervisie met twee collega\'s.' });
  assert.equal(r.status, 303);
  r = await as.mentor.post(`/enrolments/${place}/closing`, { form: 'closing', offered_on: '2027-04-17', outcome: 'held', talk_held_on: '2027-05-02' });
  assert.equal(r.status, 303);
  // the facilitator reads the yield (logged); the coach, owner and another group do not
  const before = (await as.administrator.get('/audit?limit=200')).text.split('closing_talk.read').length;
  const f = (await as.facilitator.get(`/enrolments/${place}/intake`)).text;
  assert.match(f, /Ik stel eerst vragen, dan oordeel ik\./);
  assert.match(f, /gehouden op 2 mei 2027|held on 2 May 2027/);
  assert.equal((await as.administrator.get('/audit?limit=200')).text.split('closing_talk.read').length, before + 1);
  for (const who of ['coach', 'owner', 'stranger']) {
    assert.equal((await as[who].get(`/enrolments/${place}/intake`)).status === 200, false, who);
  }
  // the counts on the group page, for those who run the group
  const g = (await as.coach.get(`/groups/${g1}`)).text;
  assert.match(g, /1 aangeboden, 1 gehouden, 0 afgeslagen|1 offered, 1 held, 0 declined/);
  assert.doesNotMatch(g, /Ik stel eerst vragen/, 'the coach sees the count, not the words');
  // only the participant writes their words
  r = await as.facilitator.post(`/enrolments/${place}/closing/words`, { form: 'words', learning_yield: 'Niet van mij' });
  assert.equal(r.status, 403);
});

test('the development plan: a goal the SMART check flags is saved anyway, with the hints; facilitator and mentor read it', async () => {
  const p = as.participant;
  let page = (await p.get(`/groups/${g1}/plan`)).text;
  assert.match(page, /Een nieuw doel|A new goal/);
  // framework codes are those of the programme's framework (VLOW: A1, C2, ...)
  let r = await p.post(`/groups/${g1}/plan/goals`, { goal_id: '0', text: 'Beter luisteren', measure: '', due_on: '', elements: 'C9' });
  assert.equal(r.status, 422, 'an unknown framework code');
  assert.match(r.text, /heeft geen onderdeel C9|has no element C9/);
  assert.match(r.text, /C2/, 'the message lists the codes there are');
  r = await p.post(`/groups/${g1}/plan/goals`, { goal_id: '0', text: 'Beter luisteren', measure: '', due_on: '', elements: 'c2; C2 a1' });
  assert.equal(r.status, 303, 'the check helps, it never blocks');
  page = (await p.get(`/groups/${g1}/plan`)).text;
  // codes from a script are written as the list's elements: once, in order, shown by name
  assert.match(page, /<li>Luisteren <span class="muted">\(VLOW[^)]*\)<\/span><\/li><li>Verschil toelaten <span class="muted">/,
    'the elements by name, once, in the order given');
  assert.doesNotMatch(page.replace(/<form[\s\S]*?<\/form>/g, ''), /\bC2\b|\bA1\b/, 'no codes outside the forms');
  assert.match(page, /Specifiek|Specific/);
  assert.match(page, /Meetbaar|Measurable/);
  assert.match(page, /Tijdgebonden|Time-bound/);
  r = await p.post(`/groups/${g1}/plan/goals`, { goal_id: '0', text: '   ' });
  assert.equal(r.status, 422, 'an empty goal is refused');
  r = await p.post(`/groups/${g1}/plan/goals`, { goal_id: '0', text: 'Ik', due_on: '2027-02-30' });
  assert.equal(r.status, 422, 'a date that does not exist');
  r = await p.post(`/groups/${g1}/plan/assignment`, { assignment: 'Ik leid drie teamoverleggen met een open vraag.' });
  assert.equal(r.status, 303);
  r = await p.post(`/groups/${g1}/plan/talks`, { talk_on: '2026-10-01', agreements: 'Mijn leidinggevende geeft me ruimte in het rooster.' });
  assert.equal(r.status, 303);
  for (const who of ['facilitator', 'mentor']) {
    const t = (await as[who].get(`/enrolments/${place}/intake`)).text;
    assert.match(t, /Beter luisteren/, who);
    assert.match(t, /drie teamoverleggen/, who);
  }
  for (const who of ['coach', 'owner', 'stranger']) {
    assert.notEqual((await as[who].get(`/enrolments/${place}/intake`)).status, 200, who);
    assert.notEqual((await as[who].get(`/groups/${g1}/plan`)).status, 200, who);
  }
  assert.equal((await as.stranger.post(`/groups/${g1}/plan/goals`, { goal_id: '0', text: 'Ik schrijf in andermans plan' })).status, 404);
  const mine = (await p.get('/api/v1/me')).json().groups.find((x) => x.id === g1);
  assert.equal(mine.development_plan.goals[0].text, 'Beter luisteren');
  assert.equal(mine.development_plan.manager_talks.length, 1);
});
