// own_result.test.mjs — "respondent ziet eigen uitkomst": the QuickScan
// shows whoever hands in a wave that is not anonymous their own score per
// facet, once, on the page that answers the hand-in; not through the link
// afterwards (whoever else holds it must not read it), not in an anonymous
// wave, and not once the setting is off.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, demoEmail, cli } from '../lib/server.mjs';

let srv, coach, quickscan, unit;

before(async () => {
  srv = await startServer();
  coach = new Client(srv.base);
  await coach.login(demoEmail('coach', 'gemeente'));
  const page = (await coach.get('/questionnaires')).text;
  quickscan = Number(page.match(/href="\/instruments\/(\d+)">Leiderschap QuickScan</)[1]);
  const admin = new Client(srv.base);
  await admin.login(demoEmail('administrator', 'gemeente'));
  unit = (await admin.get('/api/v1/units')).json().units.filter((u) => u.people >= 6)[0].id;
});
after(async () => { await srv.stop(); });

async function wave(name, anonymous) {
  const today = new Date().toISOString().slice(0, 10);
  const r = await coach.post('/waves', { instrument_id: String(quickscan), name, purpose: '', population: `units:${unit}`,
    opens_on: today, closes_on: today, ...(anonymous ? { anonymous: '1' } : {}) });
  assert.equal(r.status, 303, r.text);
  const id = Number(r.headers.get('location').match(/\/waves\/(\d+)/)[1]);
  return Object.values(Object.fromEntries(cli(srv.db, ['wave', 'links', '--wave', String(id)]).trim().split('\n').slice(1)
    .map((l) => l.split(',')).map((f) => [f[0], new URL(f[f.length - 1])])));
}

// hands in with every point question answered 3
async function handIn(link) {
  const c = new Client(srv.base);
  const form = await c.get(link.pathname + link.search);
  const radios = [...new Set([...form.text.matchAll(/type="radio" id="[^"]*" name="(i\d+)"/g)].map((m) => m[1]))];
  const r = await c.post('/respond', { token: link.searchParams.get('token'), action: 'submit', confirm_incomplete: '1',
    ...Object.fromEntries(radios.map((x) => [x, '3'])) });
  return { c, form: form.text, r };
}

test('the QuickScan shows the respondent their own score per facet, once', async () => {
  const links = await wave('QuickScan met eigen uitkomst', false);
  const { c, form, r } = await handIn(links[0]);
  assert.match(form, /id="own-result-note"/, 'the form says so beforehand');
  assert.equal(r.status, 200);
  assert.match(r.text, /Uw eigen uitkomst/);
  const rows = [...r.text.matchAll(/<tr><th scope="row">([^<]+)<\/th><td>([^ <]+) /g)].map((m) => [m[1], m[2]]);
  assert.deepEqual(rows, [['Gedeeld leiderschap', '3,0'], ['Verbindend leiderschap', '3,0'], ['Veranderleiderschap', '3,0']]);
  // through the link afterwards: handed in, no scores (the link is not only the respondent's)
  for (const who of [c, new Client(srv.base)]) {
    const again = await who.get(links[0].pathname + links[0].search);
    assert.match(again.text, /ingeleverd/);
    assert.doesNotMatch(again.text, /Uw eigen uitkomst|3,0/);
  }
});

test('not in an anonymous wave, and not once the setting is off', async () => {
  const anon = await wave('QuickScan anoniem', true);
  const a = await handIn(anon[0]);
  assert.equal(a.r.status, 303);
  assert.doesNotMatch(a.form, /own-result-note/);
  const links = await wave('QuickScan zonder eigen uitkomst', false);
  const off = await coach.post(`/instruments/${quickscan}/own-result`, { on: '0' });
  assert.equal(off.status, 303);
  assert.match((await coach.get(`/instruments/${quickscan}`)).text, /zien hun eigen uitkomst niet/);
  const b = await handIn(links[0]);
  assert.equal(b.r.status, 303);
  assert.doesNotMatch(b.form, /own-result-note/);
  await coach.post(`/instruments/${quickscan}/own-result`, { on: '1' });
  const c = await handIn(links[1]);
  assert.equal(c.r.status, 200);
  assert.match(c.r.text, /Uw eigen uitkomst/);
  // another organisation's questionnaire: not found
  const other = new Client(srv.base);
  await other.login(demoEmail('coach', 'politie'));
  assert.equal((await other.post(`/instruments/${quickscan}/own-result`, { on: '0' })).status, 404);
});
