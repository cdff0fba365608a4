// The bugs found by trying leergang as a new user would (issue 15, "Bugs the
// walk found"), one test each, on the demo: Leergroep 1 of "LiVe!
// Westerschelde" (story not bundled yet) and Leergroep 2 beside it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, demoEmail } from '../lib/server.mjs';

let srv;
let g1, g2;               // Leergroep 1 and 2 of "LiVe! Westerschelde"
let d1;                   // Leergroep 1 as the API gives it
const as = {};

const apiPost = (who, path, body) =>
  as[who].request('POST', path, { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });

before(async () => {
  srv = await startServer();
  for (const role of ['participant', 'facilitator', 'mentor', 'coach', 'owner', 'administrator']) {
    as[role] = new Client(srv.base);
    await as[role].login(demoEmail(role, 'politie'));
  }
  const progs = (await as.coach.get('/api/v1/programmes')).json().programmes;
  const live = (await as.coach.get(`/api/v1/programmes/${progs.find((p) => p.name === 'LiVe! Westerschelde').id}`)).json();
  [g1, g2] = [live.batches[0].groups[0].id, live.batches[0].groups[1].id];
  d1 = (await as.coach.get(`/api/v1/groups/${g1}`)).json();
});
after(async () => {
  await srv.stop();
});

test('bug 1: the learning story before it is bundled says so (200), names who bundles it, and shows no draft text', async () => {
  // the facilitator's draft, with a word to look for
  const r = await as.facilitator.post(`/groups/${g1}/story`, { opening: 'Concepttekst Zwaluwstaart.', closing: '', bundle: '0' });
  assert.equal(r.status, 303);
  for (const who of ['coach', 'participant']) {
    const group = await as[who].get(`/groups/${g1}`);
    assert.match(group.text, new RegExp(`href="/groups/${g1}/story"`), `${who} has the link on the group page`);
    const p = await as[who].get(`/groups/${g1}/story`);
    assert.equal(p.status, 200, `${who}: the link leads to a page`);
    assert.match(p.text, /nog niet gebundeld/, `${who}: says it is not bundled yet`);
    assert.match(p.text, /leergroepbegeleider/, `${who}: says who bundles it`);
    assert.ok(p.text.includes(d1.facilitator.replace(/&/g, '&amp;').replace(/</g, '&lt;')), `${who}: names the facilitator`);
    assert.doesNotMatch(p.text, /Zwaluwstaart/, `${who}: none of the draft's text`);
    assert.doesNotMatch(p.text, /story\.pdf|story\.md/, `${who}: nothing to download`);
    for (const f of ['story.pdf', 'story.md']) assert.equal((await as[who].get(`/groups/${g1}/${f}`)).status, 404, `${who} ${f}`);
    assert.equal((await as[who].get(`/api/v1/groups/${g1}/story`)).status, 404, `${who}: the API answers once it is bundled`);
  }
  // the facilitator still sees the draft and its form
  const f = await as.facilitator.get(`/groups/${g1}/story`);
  assert.match(f.text, /Zwaluwstaart/);
  // the owner may not read it at all, nor a participant of another group
  assert.equal((await as.owner.get(`/groups/${g1}/story`)).status, 403);
});
