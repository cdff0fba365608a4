// A questionnaire changed into a new version through its page: the form
// as the browser would send it, a refused try (Dutch messages, nothing
// changed), then a real change; the wave sent before keeps version 1 and
// its page its questions; a new wave gets version 2. Who may: the coach and
// the researcher of the organisation, nobody else.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, demoEmail } from '../lib/server.mjs';
import { sqlText } from '../lib/db.mjs';
import { formFields as fieldsOf } from '../lib/html.mjs';

let srv, coach, other, owner, instrument;
const sqlite = (q) => sqlText(srv.db, q);

// The fields of the new-version form as a browser would send them.
const formFields = (html) => fieldsOf(html, '/instruments/');

before(async () => {
  srv = await startServer();
  coach = new Client(srv.base);
  await coach.login(demoEmail('coach'));
  other = new Client(srv.base);
  await other.login(demoEmail('coach', 'gemeente'));
  owner = new Client(srv.base);
  await owner.login(demoEmail('owner'));
  const list = (await coach.get('/questionnaires')).text;
  instrument = +list.match(/<a href="\/instruments\/(\d+)">Eindevaluatie LiVe!<\/a>/)[1];
});
after(async () => { await srv?.stop(); });

test('the page of a questionnaire offers a new version, with a field for every question', async () => {
  const page = (await coach.get(`/instruments/${instrument}`)).text;
  assert.match(page, /<h2 id="new-version">Een nieuwe versie maken<\/h2>/);
  const f = formFields(page);
  assert.ok(f.csrf, 'a CSRF token');
  const texts = Object.keys(f).filter((k) => /^text-\d+$/.test(k));
  assert.equal(texts.length, 13, 'one text per question');
  assert.equal(f[texts[0]], 'In hoeverre is het jou gelukt om jouw leerdoelen te behalen?');
});

test('bad input is refused in Dutch, the form keeps what was typed, and no version is made', async () => {
  const page = (await coach.get(`/instruments/${instrument}`)).text;
  const f = formFields(page);
  const texts = Object.keys(f).filter((k) => /^text-\d+$/.test(k));
  const before = sqlite(`SELECT count(*) FROM instrument_version WHERE instrument_id = ${instrument}`);
  const r = await coach.post(`/instruments/${instrument}/versions`, { ...f, [texts[1]]: '', 'code-1': 'a', 'new-1': 'Dubbel <b>vet</b>',
    'code-2': '9x', 'new-2': 'Slechte code' });
  assert.equal(r.status, 422);
  assert.match(r.text, /role="alert"/);
  assert.match(r.text, /De code a wordt twee keer gebruikt/);
  assert.match(r.text, /Nieuwe vraag 2: de code is een letter/);
  assert.match(r.text, /<details open>/, 'the form is open on the errors');
  assert.match(r.text, /Dubbel &lt;b&gt;vet&lt;\/b&gt;<\/textarea>/, 'what was typed comes back, escaped');
  assert.equal(sqlite(`SELECT count(*) FROM instrument_version WHERE instrument_id = ${instrument}`), before);
});

test('a new version: the old wave keeps version 1, a new wave gets version 2', async () => {
  const demoWave = +sqlite("SELECT id FROM wave WHERE name = 'Eindevaluatie LiVe! 2025'");
  const page = (await coach.get(`/instruments/${instrument}`)).text;
  const f = formFields(page);
  const texts = Object.keys(f).filter((k) => /^text-\d+$/.test(k));
  const open3 = texts[12].replace('text-', '');
  const r = await coach.post(`/instruments/${instrument}/versions`, { ...f, [texts[0]]: 'Hoe goed lukte het om uw leerdoelen te halen?',
    [`del-${open3}`]: '1', 'code-1': 'k1', 'kind-1': 'likert', 'new-1': 'Ik raad LiVe! aan bij collega’s.',
    note: 'Vraag a in u-vorm; k1 erbij' });
  assert.equal(r.status, 303);
  const now = await coach.get(r.headers.get('location'));
  assert.match(now.text, /De nieuwe versie is opgeslagen/);
  assert.match(now.text, /versie 2/);
  assert.match(now.text, /Hoe goed lukte het om uw leerdoelen te halen\?/);
  assert.match(now.text, /<strong>k1\)<\/strong> Ik raad LiVe! aan bij collega’s\./);
  assert.doesNotMatch(now.text, /<strong>open3\)/);
  assert.match(now.text, /Wat er is veranderd: Vraag a in u-vorm; k1 erbij/);
  // the demo wave: still version 1, its item table as it was
  const wave = (await coach.get(`/waves/${demoWave}`)).text;
  assert.match(wave, /versie 1/);
  assert.match(wave, /In hoeverre is het jou gelukt om jouw leerdoelen te behalen\?/);
  assert.equal(sqlite(`SELECT v.version FROM wave w JOIN instrument_version v ON v.id = w.version_id WHERE w.id = ${demoWave}`), '1');
  // a new wave: version 2
  const api = (await coach.get('/api/v1/waves')).json();
  const group = (await coach.get('/questionnaires')).text.match(/<option value="(group:\d+)">/)[1];
  const today = new Date().toISOString().slice(0, 10);
  const w = await coach.post('/waves', { instrument_id: instrument, name: 'Na de wijziging', population: group,
    opens_on: today, closes_on: today });
  assert.equal(w.status, 303);
  const made = (await coach.get('/api/v1/waves')).json().waves.find((x) => x.name === 'Na de wijziging');
  assert.equal(made.version, 2);
  assert.equal(api.waves.find((x) => x.id === demoWave).version, 1);
});

test('another organisation gets 404, the owner 403, and nothing changes', async () => {
  const before = sqlite(`SELECT count(*) FROM instrument_version WHERE instrument_id = ${instrument}`);
  assert.equal((await other.get(`/instruments/${instrument}`)).status, 404);
  assert.equal((await other.post(`/instruments/${instrument}/versions`, { note: 'x' })).status, 404);
  assert.equal((await owner.post(`/instruments/${instrument}/versions`, { note: 'x' })).status, 403);
  assert.equal(sqlite(`SELECT count(*) FROM instrument_version WHERE instrument_id = ${instrument}`), before);
});
