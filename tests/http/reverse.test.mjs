// Reverse mentoring: the coach pairs a senior leader (mentee) with a junior
// colleague (mentor); the two see their pair and mark their step; others
// do not see it; bad input changes nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, demoEmail } from '../lib/server.mjs';

let srv;
const as = {};

before(async () => {
  srv = await startServer();
  for (const role of ['coach', 'mentor', 'participant', 'facilitator', 'owner']) {
    as[role] = new Client(srv.base);
    await as[role].login(demoEmail(role, 'politie'));
  }
  as.other_org = new Client(srv.base);
  await as.other_org.login(demoEmail('coach', 'gemeente'));
});
after(async () => { await srv.stop(); });

test('the pair sees its step and moves it; others do not see the pair', async () => {
  const mine = (await as.participant.get('/reverse-mentoring')).text;
  const pair = Number(mine.match(/action="\/reverse-mentoring\/(\d+)"/)[1]);
  assert.match(mine, /Stap 5 van 9|Step 5 of 9/);
  assert.match(mine, /Open jezelf/);
  assert.match(mine, /Fase 1: Het decor bouwen|Phase 1: Het decor bouwen/);
  assert.match((await as.mentor.get('/reverse-mentoring')).text, new RegExp(`action="/reverse-mentoring/${pair}"`));
  for (const who of ['facilitator', 'owner']) {
    assert.doesNotMatch((await as[who].get('/reverse-mentoring')).text, /action="\/reverse-mentoring\/\d+"/, who);
    assert.equal((await as[who].post(`/reverse-mentoring/${pair}`, { step: '6' })).status, 404, who);
  }
  assert.equal((await as.other_org.post(`/reverse-mentoring/${pair}`, { step: '6' })).status, 404);
  let r = await as.mentor.post(`/reverse-mentoring/${pair}`, { step: '10' });
  assert.equal(r.status, 422);
  r = await as.mentor.post(`/reverse-mentoring/${pair}`, { step: '6' });
  assert.equal(r.status, 303);
  assert.match((await as.participant.get('/reverse-mentoring')).text, /Stap 6 van 9|Step 6 of 9/);
});

test('the coach pairs two people; the same person twice is refused', async () => {
  const page = (await as.coach.get('/reverse-mentoring')).text;
  const people = [...page.split('id="f-senior_id"')[1].split('</select>')[0].matchAll(/<option value="(\d+)">/g)].map((m) => m[1]).filter((v) => v !== '0');
  let r = await as.coach.post('/reverse-mentoring', { senior_id: people[0], junior_id: people[0], question: '', started_on: '2026-11-01' });
  assert.equal(r.status, 422);
  assert.match(r.text, /twee mensen|two people/);
  r = await as.coach.post('/reverse-mentoring', { senior_id: people[0], junior_id: people[1], question: 'Wat speelt er?', started_on: '2026-11-01' });
  assert.equal(r.status, 303);
  assert.equal((await as.mentor.post('/reverse-mentoring', { senior_id: people[0], junior_id: people[2], started_on: '2026-11-01' })).status, 403);
});

// Source notes ("seed 001, r. …") explain provenance on the framework and
// template pages; a participant's pages never show them.
test("a participant's pages carry no source notes", async () => {
  const p = as.participant;
  const home = (await p.get('/')).text;
  const groups = [...home.matchAll(/href="(\/groups\/\d+)[^"]*"/g)].map((m) => m[1]);
  const pages = ['/', '/groups', '/logbook', '/reverse-mentoring', '/calendar', '/feedback', ...new Set(groups)];
  for (const path of pages) {
    const r = await p.get(path);
    assert.equal(r.status, 200, path);
    assert.doesNotMatch(r.text, /seed \d{3}|r\. \d+-\d+/, `${path} shows a source note`);
  }
});
