// 360° feedback with raters from outside the organisation (SPEC C7: they
// answer through a one-time link without an account): invited by e-mail
// address, with the categories in Dutch; refused when the address is not
// one, when the own manager would be an outsider, or when an address is on
// the list twice. The outsider's link works without an account, once; what
// they are told about anonymity depends on their category. The person a
// round is about reads its report on /feedback, under the same merge rule,
// and nobody else's.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, demoEmail } from '../lib/server.mjs';
import { sqlRows } from '../lib/db.mjs';

let srv, coach, form, subject, manager, waveId;
const rows = (q) => sqlRows(srv.db, q);

before(async () => {
  srv = await startServer();
  coach = new Client(srv.base);
  await coach.login(demoEmail('coach'));
  const q = (await coach.get('/questionnaires')).text;
  const instrument = q.match(/<option value="(\d+)"[^>]*>Leiderschapsscan<\/option>/)[1];
  const people = (await coach.get('/api/v1/people?limit=5')).json().people;
  const emp = async (p) => (await coach.get(`/api/v1/people/${p.id}`)).json().employee_id;
  [subject, manager] = [await emp(people[0]), await emp(people[1])];
  const today = new Date().toISOString().slice(0, 10);
  form = { instrument_id: instrument, name: 'Extern 360', subject, opens_on: today, closes_on: today };
});
after(async () => { await srv?.stop(); });

test('refused: an address that is not one, an outsider as own manager, an address twice; nothing is made', async () => {
  const before = rows('SELECT count(*) AS n FROM wave')[0].n;
  for (const [raters, message] of [
    [`${manager} leidinggevende\nklant@voorbeeld ander`, /Regel 2: geef een personeelsnummer, of het e-mailadres/],
    [`baas@example.nl leidinggevende`, /Regel 1: de eigen leidinggevende is iemand van de organisatie/],
    [`a.b@example.nl ander\nA.B@example.nl collega`, /Regel 2: deze beoordelaar staat twee keer op de lijst\./],
  ]) {
    const r = await coach.post('/waves/360', { ...form, raters });
    assert.equal(r.status, 422, raters);
    assert.match(r.text, message);
  }
  assert.equal(rows('SELECT count(*) AS n FROM wave')[0].n, before);
});

test('an outsider by e-mail, categories in Dutch: invited without a person, answers through the link without an account', async () => {
  // why the round is held, as the raters will read it; too long is refused
  const bad = await coach.post('/waves/360', { ...form, form: '360', purpose: 'x'.repeat(1001), raters: `${manager} leidinggevende` });
  assert.equal(bad.status, 422);
  assert.match(bad.text, /<span class="field-error" id="e-purpose360">Doel: gebruik maximaal 1000 tekens\.<\/span>/);
  const r = await coach.post('/waves/360', { ...form, purpose: 'Voor het ontwikkelplan van <b>de teamchef</b>.',
    raters: `${manager} leidinggevende\nk.klant@example.nl ander\nl.leverancier@example.nl collega` });
  assert.equal(r.status, 303);
  waveId = +r.headers.get('location').match(/\d+/)[0];
  const inv = rows(`SELECT person_id, email, rater_role FROM invitation WHERE wave_id = ${waveId} ORDER BY id`);
  assert.deepEqual(inv.map((x) => x.rater_role).sort(), ['manager', 'other', 'peer', 'self']);
  const outsiders = inv.filter((x) => x.person_id === null);
  assert.deepEqual(outsiders.map((x) => x.email).sort(), ['k.klant@example.nl', 'l.leverancier@example.nl']);
  // the link, from links.csv, opens without an account
  const csv = (await coach.get(`/waves/${waveId}/links.csv`)).text;
  const line = csv.split('\n').find((l) => l.includes('k.klant@example.nl'));
  const token = line.match(/token=([0-9a-f]+)/)[1];
  const anon = new Client(srv.base);
  const page = await anon.get(`/respond?token=${token}`);
  assert.equal(page.status, 200);
  assert.match(page.text, /360°-feedback over: <strong>/);
  assert.ok(page.text.includes('Voor het ontwikkelplan van &lt;b&gt;de teamchef&lt;/b&gt;.'), 'the purpose, as text');
  assert.match(page.text, /tellen ze alleen mee samen met die van minstens twee andere beoordelaars/);
  const field = page.text.match(/name="(i\d+)" value="4"/)[1];
  const s = await anon.post('/respond', { token, action: 'submit', confirm_incomplete: '1', [field]: '4' });
  assert.equal(s.status, 303);
  assert.equal((await anon.post('/respond', { token, action: 'submit', [field]: '2' })).status, 422, 'once');
  // the manager is told the rating is not anonymous
  const texts = [];
  for (const l of csv.split('\n').filter((x) => /token=/.test(x))) {
    const t = l.match(/token=([0-9a-f]+)/)[1];
    texts.push((await new Client(srv.base).get(`/respond?token=${t}`)).text);
  }
  assert.ok(texts.some((t) => /U antwoordt als eigen leidinggevende/.test(t)), 'the manager is told');
  assert.ok(texts.some((t) => /U beoordeelt uzelf/.test(t)), 'the subject is told');
});

test('the person asked about reads the closed round on /feedback; others see only that there is none about them', async () => {
  const mentor = new Client(srv.base);
  await mentor.login(demoEmail('mentor'));   // the district chief of the demo's round
  const home = (await mentor.get('/')).text;
  assert.match(home, /<a href="\/feedback">Mijn 360°-feedback<\/a>/);
  const page = (await mentor.get('/feedback')).text;
  assert.match(page, /<h2>360°-feedback districtschef<\/h2>/);
  assert.match(page, /9 van 9 beoordelaars hebben geantwoord/);
  // the same rule as the coach's report: 2 peers and 1 other merged into 3
  assert.match(page, /eigen leidinggevende: \d,\d \(1\)<br>medewerkers: \d,\d \(4\)<br>anderen \(samengevoegd\): \d,\d \(3\)/);
  assert.doesNotMatch(page, /collega&#39;s: /);
  assert.match(page, /<svg[^>]*role="img"/, 'the radar');
  // somebody else: no round, no card
  const participant = new Client(srv.base);
  await participant.login(demoEmail('participant'));
  assert.doesNotMatch((await participant.get('/')).text, /href="\/feedback"/);
  const none = (await participant.get('/feedback')).text;
  assert.match(none, /Er is geen 360°-feedbackronde over u\./);
  assert.doesNotMatch(none, /districtschef/);
  // the coach is not the subject either
  assert.match((await coach.get('/feedback')).text, /Er is geen 360°-feedbackronde over u\./);
});

test('a 360° round has no answers per question or per rater: not in the API, not in any export', async () => {
  const id = (await coach.get('/api/v1/waves')).json().waves.find((w) => w.name === '360°-feedback districtschef').id;
  const api = (await coach.get(`/api/v1/waves/${id}`)).json();
  assert.equal(api.results, null);
  assert.match(api.results_hidden, /alleen het rapport per dimensie/);
  assert.equal(api.groups, undefined);
  // the report, as the page shows it: the manager apart, 4 staff, 2 peers and 1 other merged into 3
  assert.equal(api.report_360.length, 3);
  for (const d of api.report_360) {
    assert.deepEqual(d.categories.map((c) => [c.category, c.raters]), [['manager', 1], ['staff', 4], ['others', 3]]);
    assert.ok(!d.categories.some((c) => c.category === 'peer'), 'two peers are not a category of their own');
    assert.equal(d.others_n, 8);
    assert.equal(typeof d.gap, 'number');
  }
  for (const ext of ['csv', 'xlsx', 'sav']) {
    const r = await coach.get(`/waves/${id}/export.${ext}`);
    assert.equal(r.status, 422, ext);
    assert.match(r.text, /alleen het rapport per dimensie/, ext);
  }
});
