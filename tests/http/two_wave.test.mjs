// two_wave.test.mjs — two-wave studies (seed 003 §5) over HTTP: the 9–10
// months rule and its recorded override, answers paired by a pseudonym
// that holds across both measurements, no names in the researcher's data,
// a group under 5 pairs hidden with everything that would give it away, a
// study of another organisation not found, and the respondent told that
// their answers are paired under a pseudonym.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, demoEmail, cli } from '../lib/server.mjs';
import { sqlRun, sqlText } from '../lib/db.mjs';

let srv, coach, researcher, people, instrument;
const sqlite = (q, write = false) => (write ? sqlRun(srv.db, q) : sqlText(srv.db, q));

// "YYYY-MM-DD" of today plus months and days (UTC)
function day(months = 0, days = 0) {
  const d = new Date();
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, d.getUTCDate() + days));
  return t.toISOString().slice(0, 10);
}

before(async () => {
  srv = await startServer();
  coach = new Client(srv.base);
  await coach.login(demoEmail('coach', 'gemeente'));
  researcher = new Client(srv.base);
  await researcher.login(demoEmail('researcher', 'gemeente'));
  people = (await coach.get('/api/v1/people?limit=40')).json().people;
  assert.ok(people.length >= 24, 'the demo municipality has people enough');
  const page = (await coach.get('/studies')).text;
  // a questionnaire with scales: the learning-climate scan of the demo
  const opts = [...page.matchAll(/<option value="(\d+)"[^>]*>([^<]*)<\/option>/g)];
  instrument = Number((opts.find((m) => /leerklimaat/i.test(m[2])) || opts[0])[1]);
});
after(async () => { await srv.stop(); });

const studies = () => Number(sqlite('SELECT count(*) FROM study'));

function form(name, inter, comp, w2, extra = {}) {
  const fields = [
    ['name', name], ['instrument_id', String(instrument)],
    ...inter.map((p) => ['intervention_ids', String(p.id)]), ...comp.map((p) => ['comparison_ids', String(p.id)]),
    ['intervention_numbers', ''], ['comparison_numbers', ''], ['intervention_unit', ''], ['comparison_unit', ''],
    ['assignment', 'Door loting per team'], ['wave1_opens', day()], ['wave1_closes', day(0, 14)],
    ['wave2_opens', w2], ['wave2_closes', day(10, 20)], ['intervention', 'Coaching van teamleiders'],
    ['intervention_from', day(1)], ['intervention_to', day(8)], ['override_reason', ''],
  ].filter(([k]) => !(k in extra));
  return [...fields, ...Object.entries(extra)];
}

// b has the keys and values of a, numbers to 1e-9 (the command line prints
// them with other rounding in the last digit)
function same(a, b, path = '$') {
  if (typeof a === 'number') {
    assert.equal(typeof b, 'number', path);
    assert.ok(Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a)), `${path}: ${a} vs ${b}`);
  } else if (a && typeof a === 'object') {
    assert.deepEqual(Object.keys(b).sort(), Object.keys(a).sort(), path);
    for (const k of Object.keys(a)) same(a[k], b[k], `${path}.${k}`);
  } else assert.equal(b, a, path);
}

async function create(client, fields) {
  const r = await client.post('/studies', fields);
  const m = (r.headers.get('location') || '').match(/^\/studies\/(\d+)/);
  return { r, id: m ? Number(m[1]) : null };
}

test('a second measurement less than 9 or more than 10 months later is refused unless overridden, which is kept',
  async () => {
    const before = studies();
    const waves = Number(sqlite('SELECT count(*) FROM wave'));
    const inter = people.slice(0, 2), comp = people.slice(2, 4);
    for (const w2 of [day(8, 20), day(10, 5)]) {
      const { r } = await create(researcher, form('Te kort of te lang', inter, comp, w2));
      assert.equal(r.status, 422, w2);
      assert.match(r.text, /9 à 10 maanden/);
      assert.match(r.text, /minder dan 9 maanden|meer dan 10 maanden/);
    }
    // the override needs a reason
    const noReason = await create(researcher, form('Zonder reden', inter, comp, day(7), { override: '1' }));
    assert.equal(noReason.r.status, 422);
    assert.match(noReason.r.text, /waarom/i);
    assert.equal(studies(), before, 'nothing made');
    assert.equal(Number(sqlite('SELECT count(*) FROM wave')), waves, 'no waves made either');
    // a person in both groups
    const both = await create(researcher, form('Dubbel', inter, [inter[0]], day(9, 15)));
    assert.equal(both.r.status, 422);
    assert.match(both.r.text, /in beide groepen/);
    // overridden with a reason: made, and the override is recorded
    const over = await create(researcher, form('Korter ontwerp', inter, comp, day(7), { override: '1',
      override_reason: 'De partner wil voor de zomer meten' }));
    assert.equal(over.r.status, 303, (over.r.text.match(/<div class="error"[^]*?<\/div>/) || [''])[0]);
    assert.equal(sqlite(`SELECT interval_override || '|' || override_reason FROM study WHERE id = ${over.id}`),
      '1|De partner wil voor de zomer meten');
    const page = (await researcher.get(`/studies/${over.id}`)).text;
    assert.match(page, /De partner wil voor de zomer meten/);
    // 9.5 months: no override needed, none recorded
    const ok = await create(researcher, form('Op tijd', inter, comp, day(9, 15), { override_reason: 'genegeerd' }));
    assert.equal(ok.r.status, 303);
    assert.equal(sqlite(`SELECT interval_override || '|' || override_reason FROM study WHERE id = ${ok.id}`), '0|');
    // both waves: not anonymous, the same version, to exactly the four people
    const [w1, w2] = sqlite(`SELECT wave1_id || ' ' || wave2_id FROM study WHERE id = ${ok.id}`).split(' ').map(Number);
    assert.equal(sqlite(`SELECT count(DISTINCT version_id) || ' ' || sum(anonymous) FROM wave WHERE id IN (${w1}, ${w2})`), '1 0');
    assert.equal(sqlite(`SELECT count(*) FROM invitation WHERE wave_id = ${w2}`), '4');
  });

// Answers every question of the wave of the link with value(k) (1..5).
async function answer(link, value) {
  const c = new Client(srv.base);
  const page = await c.get(link.pathname + link.search);
  assert.equal(page.status, 200);
  const radios = [...new Set([...page.text.matchAll(/type="radio" id="[^"]*" name="(i\d+)"/g)].map((m) => m[1]))];
  assert.ok(radios.length > 0, 'questions to answer');
  const r = await c.post('/respond', { token: link.searchParams.get('token'), action: 'submit', confirm_incomplete: '1',
    ...Object.fromEntries(radios.map((x) => [x, String(value)])) });
  assert.equal(r.status, 303);
  return page.text;
}

const linksOf = (wave) => Object.fromEntries(cli(srv.db, ['wave', 'links', '--wave', String(wave)]).trim().split('\n')
  .slice(1).map((l) => l.split(',')).map((f) => [f[0], new URL(f[f.length - 1])]));

// A study of 6 + 6 people, wave 1 answered by all, wave 2 (moved to today)
// by those answering(k, arm) says, both closed.
async function run(name, inter, comp, w1value, w2value, answersWave2 = () => true) {
  const { r, id } = await create(researcher, form(name, inter, comp, day(9, 15)));
  assert.equal(r.status, 303, r.text);
  const [w1, w2] = sqlite(`SELECT wave1_id || ' ' || wave2_id FROM study WHERE id = ${id}`).split(' ').map(Number);
  const l1 = linksOf(w1);
  let formText = '';
  for (const [k, p] of inter.entries()) formText = await answer(l1[p.employee_id], w1value(k, 0));
  for (const [k, p] of comp.entries()) await answer(l1[p.employee_id], w1value(k, 1));
  sqlite(`UPDATE wave SET opens_on = '${day()}', closes_on = '${day(0, 3)}' WHERE id = ${w2}`, true);
  const l2 = linksOf(w2);
  // wave 2 answered in the other order: pairing must follow the person, not the order
  for (const [k, p] of [...comp.entries()].reverse()) if (answersWave2(k, 1)) await answer(l2[p.employee_id], w2value(k, 1));
  for (const [k, p] of [...inter.entries()].reverse()) if (answersWave2(k, 0)) await answer(l2[p.employee_id], w2value(k, 0));
  cli(srv.db, ['wave', 'close', '--wave', String(w1)]);
  cli(srv.db, ['wave', 'close', '--wave', String(w2)]);
  return { id, w1, w2, formText };
}

test('answers pair by pseudonym across the two measurements; the researcher sees pseudonyms, never names', async () => {
  const inter = people.slice(4, 10), comp = people.slice(10, 16);
  // intervention: +1 or +2 each (mean +1.5); comparison: 0 or -1 (mean -0.5)
  const { id, formText } = await run('Veranderleiderschap', inter, comp,
    (k, arm) => (arm === 0 ? 1 + (k % 3) : 2 + (k % 3)),
    (k, arm) => (arm === 0 ? 1 + (k % 3) + 1 + (k % 2) : 2 + (k % 3) - (k % 2)));
  // the respondent was told
  assert.match(formText, /id="paired"/);
  assert.match(formText, /pseudoniem/);
  assert.match(formText, /niet anoniem/);
  const api = await researcher.get(`/api/v1/studies/${id}/analysis`);
  assert.equal(api.status, 200);
  const a = api.json();
  assert.equal(a.shown, true, a.why_hidden);
  assert.deepEqual(a.groups, { intervention: { people: 6, pairs: 6 }, comparison: { people: 6, pairs: 6 } });
  assert.ok(a.dimensions.length > 0);
  for (const d of a.dimensions) {
    assert.equal(d.shown, true, d.name);
    assert.equal(d.intervention.n, 6);
    assert.equal(d.intervention.mean_change, 1.5, `${d.name}: paired by the person`);
    assert.equal(d.comparison.mean_change, -0.5, `${d.name}: paired by the person`);
    assert.equal(d.difference.difference, 2);
    assert.ok(d.difference.ci_lower < 2 && d.difference.ci_upper > 2);
    assert.ok(d.difference.p < 0.001 && d.difference.hedges_g > 0.8);
  }
  // the page: the sentence in plain words, pseudonyms, no names
  const page = (await researcher.get(`/studies/${id}`)).text;
  assert.match(page, /class="readings"/);
  assert.match(page, /veranderde .* gemiddeld met \+1,50/);
  const pseudonyms = [...page.matchAll(/<td>(P-[0-9a-f]{10})<\/td>/g)].map((m) => m[1]);
  assert.equal(new Set(pseudonyms).size, 12, 'one pseudonym per person');
  assert.equal((page.match(/<td>P-[0-9a-f]{10}<\/td><td>Interventiegroep<\/td>/g) || []).length, 6, 'six pairs a group');
  const cliJson = cli(srv.db, ['study', 'analysis', '--org', 'gemeente-demo', '--study', String(id)]);
  same(a, JSON.parse(cliJson));  // the command line gives what the API gives
  for (const p of [...inter, ...comp]) {
    for (const [what, text] of [['page', page], ['API', api.text], ['CLI', cliJson]]) {
      assert.ok(!text.includes(p.name), `${what}: no name (${p.name})`);
      assert.ok(p.employee_id.length < 4 || !text.includes(`"${p.employee_id}"`) && !text.includes(`>${p.employee_id}<`),
        `${what}: no employee number (${p.employee_id})`);
    }
  }
  // the data under pseudonyms: the same pseudonyms as the page, a row each, no names
  const csv = await researcher.get(`/studies/${id}/data.csv`);
  assert.equal(csv.status, 200);
  const lines = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
  assert.match(lines[0], /^pseudoniem;groep;s1_m1;s1_m2/);
  assert.equal(lines.length, 13);
  assert.deepEqual(lines.slice(1).map((l) => l.split(';')[0]).sort(), [...pseudonyms].sort());
  assert.equal(lines.filter((l) => /;interventie;/.test(l)).length, 6);
  for (const p of [...inter, ...comp]) assert.ok(!csv.text.includes(p.name), `CSV: no name (${p.name})`);
  // the coordinator reads the same, the other organisation nothing
  assert.equal((await coach.get(`/api/v1/studies/${id}/analysis`)).status, 200);
  const other = new Client(srv.base);
  await other.login(demoEmail('researcher', 'politie'));
  assert.equal((await other.get(`/studies/${id}`)).status, 404);
  assert.equal((await other.get(`/api/v1/studies/${id}/analysis`)).status, 404);
  assert.equal((await other.get(`/studies/${id}/data.csv`)).status, 404);
  const otherCoach = new Client(srv.base);
  await otherCoach.login(demoEmail('coach', 'politie'));
  assert.equal((await otherCoach.get(`/studies/${id}`)).status, 404);
  assert.doesNotMatch((await other.get('/studies')).text, /Veranderleiderschap/);
});

test('a group with fewer than 5 pairs is not shown, nor the other group or the difference', async () => {
  const inter = people.slice(16, 22), comp = people.slice(22, 28).length >= 6 ? people.slice(22, 28) : people.slice(0, 6);
  // all 12 answer wave 1; only 4 of the comparison group answer wave 2
  const { id } = await run('Te weinig paren', inter, comp, () => 3, (k) => 2 + (k % 3), (k, arm) => arm === 0 || k < 4);
  const a = (await researcher.get(`/api/v1/studies/${id}/analysis`)).json();
  assert.equal(a.shown, false);
  assert.deepEqual(a.groups.comparison, { people: 6, pairs: 4 });
  assert.match(a.why_hidden, /minstens 5/);
  assert.equal(a.dimensions, undefined, 'no figure of either group');
  const page = (await researcher.get(`/studies/${id}`)).text;
  assert.match(page, /id="why-hidden"/);
  assert.doesNotMatch(page, /P-[0-9a-f]{10}/, 'no pseudonyms listed before the analysis is shown');
  assert.doesNotMatch(page, /Gemiddelde verandering|t\(\d/);
  const cliJson = JSON.parse(cli(srv.db, ['study', 'analysis', '--org', 'gemeente-demo', '--study', String(id)]));
  assert.equal(cliJson.shown, false);
  const csv = await researcher.get(`/studies/${id}/data.csv`);
  assert.equal(csv.status, 409, 'no data either');
  assert.doesNotMatch(csv.text, /P-[0-9a-f]{10}/);
  assert.equal(cliJson.dimensions, undefined);
});

test('nothing is shown while a measurement is open', async () => {
  const inter = people.slice(0, 5), comp = people.slice(5, 10);
  const { id } = await create(researcher, form('Nog open', inter, comp, day(9, 15)));
  const a = (await researcher.get(`/api/v1/studies/${id}/analysis`)).json();
  assert.equal(a.shown, false);
  assert.ok(a.why_hidden);
});

test('the demo municipality has a study with both measurements closed, 9.5 months apart, and an analysis', async () => {
  const list = (await researcher.get('/studies')).text;
  const id = Number(list.match(/href="\/studies\/(\d+)">Veranderleiderschap teamleiders</)[1]);
  const a = (await researcher.get(`/api/v1/studies/${id}/analysis`)).json();
  assert.equal(a.study.interval_override, false);
  assert.deepEqual(a.groups, { intervention: { people: 12, pairs: 11 }, comparison: { people: 12, pairs: 10 } });
  assert.equal(a.shown, true, a.why_hidden);
  assert.deepEqual(a.dimensions.map((d) => d.name), ['Gedeeld leiderschap', 'Verbindend leiderschap', 'Veranderleiderschap']);
  assert.ok(a.dimensions.every((d) => d.shown && d.difference.difference > 0), 'the coached rise more, as the demo made them');
});
