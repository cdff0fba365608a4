// Comparing questionnaire answers (SPEC C7, seed 003): the demo's leadership
// scan of District Noord in two waves nine months apart, compared by unit
// (small units hidden with what would give them away), the two waves paired
// by person, and the benchmark against the five partner organisations that
// take part — through the page and GET /api/v1/waves/{id}/compare. The
// benchmark rule (at least 5 other organisations, each with at least 5
// responses, only those that take part) is tested by taking one partner out
// in the database and seeing the benchmark go.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, demoEmail, cli } from '../lib/server.mjs';
import { sqlRun, sqlText } from '../lib/db.mjs';

const BEFORE = 'Leiderschapsscan District Noord (voormeting)';
const AFTER = 'Leiderschapsscan District Noord (nameting)';
const PARTNERS = ['Duinwijk', 'Lage Landen', 'Westmark', 'Justitiële', 'Heuvelrijk', 'partner-'];

let srv, coach, researcher, other;
let pre, post, live, round360;

const sqlite = (q, write = false) => (write ? sqlRun(srv.db, q) : sqlText(srv.db, q));

before(async () => {
  srv = await startServer();
  coach = new Client(srv.base);
  await coach.login(demoEmail('coach'));
  researcher = new Client(srv.base);
  await researcher.login(demoEmail('researcher'));
  other = new Client(srv.base);
  await other.login(demoEmail('coach', 'gemeente'));
  const waves = (await coach.get('/api/v1/waves')).json().waves;
  const id = (name) => waves.find((w) => w.name === name)?.id;
  pre = id(BEFORE);
  post = id(AFTER);
  live = id('Eindevaluatie LiVe! 2025');
  round360 = id('360°-feedback districtschef');
  assert.ok(pre && post && live && round360, 'the demo has the two scans, the evaluation and the 360° round');
});
after(async () => { await srv?.stop(); });

test('by unit: the page in Dutch, every team of the demo scan shown, the ANOVA over them', async () => {
  const res = await coach.get(`/waves/${post}/compare?by=unit`);
  assert.equal(res.status, 200);
  assert.match(res.text, /<html lang="nl"/);
  assert.match(res.text, /<h2 id="by">Per onderdeel<\/h2>/);
  assert.match(res.text, /Gedeeld leiderschap/);
  assert.match(res.text, /Eenweg-variantieanalyse/);
  const api = (await coach.get(`/api/v1/waves/${post}/compare?by=unit`)).json();
  assert.equal(api.shown, true);
  assert.deepEqual(api.dimensions, ['Gedeeld leiderschap', 'Verbindend leiderschap', 'Veranderleiderschap']);
  const shown = api.parts.filter((p) => p.shown), hidden = api.parts.filter((p) => !p.shown);
  assert.ok(shown.length >= 2, 'at least two units shown');
  for (const p of shown) {
    assert.ok(p.n >= 5, `${p.name}: shown from 5`);
    assert.equal(p.scores.length, 3);
  }
  for (const p of hidden) {
    assert.equal(p.n, null, `${p.name}: no count`);
    assert.equal(p.scores, null, `${p.name}: no scores`);
  }
  assert.equal(api.hidden_parts, hidden.length);
  // the guard: what the total minus the shown units leaves is 0 or at least 5
  const total = Number(sqlite(`SELECT count(*) FROM response WHERE wave_id = ${post}`));
  const rest = total - shown.reduce((s, p) => s + p.n, 0);
  assert.ok(rest === 0 || rest >= 5, `the hidden units hold ${rest}`);
  for (const t of api.tests) {
    assert.equal(t.anova.df1, shown.length - 1);
    assert.ok(t.anova.p > 0 && t.anova.p < 1);
  }
  for (const p of hidden) assert.match(res.text, new RegExp(`${p.name}</th><td colspan="4">verborgen`));
  // a wave to a unit: each response keeps its person's unit and no learning group
  assert.equal(sqlite(`SELECT count(*) FROM response WHERE wave_id = ${post} AND group_id IS NOT NULL`), '0');
  assert.equal(sqlite(`SELECT count(*) FROM response WHERE wave_id = ${post} AND unit_id IS NULL`), '0');
  // and its page has no programme rows in the accounting
  const page = (await coach.get(`/waves/${post}`)).text;
  assert.doesNotMatch(page, /Programma afgerond|Nog actief/);
  assert.match(page, /Gevraagd \(niet gestopt\)/);
});

test('two waves: paired by person, the change as after minus before', async () => {
  const res = await researcher.get(`/waves/${post}/compare?with=${pre}`);
  assert.equal(res.status, 200);
  assert.match(res.text, /Gekoppeld: \d+ mensen vulden beide metingen in\./);
  const api = (await researcher.get(`/api/v1/waves/${post}/compare?with=${pre}`)).json();
  assert.equal(api.waves.before, pre);
  assert.equal(api.waves.after, post);
  assert.equal(api.waves.paired, true);
  assert.ok(api.waves.pairs >= 5);
  for (const d of api.waves.dimensions) {
    assert.equal(d.paired.df, api.waves.pairs - 1);
    assert.ok(d.paired.mean_diff > 0, 'the demo scores rise');
    assert.ok(Math.abs(d.paired.dz - d.paired.t / Math.sqrt(api.waves.pairs)) < 1e-9, 'dz = t / sqrt(n)');
  }
  // beside the statistics, one sentence per dimension in plain Dutch, by
  // the rules the page states (here computed again from the API's numbers)
  assert.match(res.text, /<h3>In gewone woorden<\/h3>/);
  const size = (x) => (Math.abs(x) < 0.2 ? 'verwaarloosbaar' : Math.abs(x) < 0.5 ? 'klein' : Math.abs(x) < 0.8 ? 'middelgroot' : 'groot');
  const unescape = (t) => t.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  const text = unescape(res.text);
  for (const d of api.waves.dimensions) {
    const by = Math.abs(d.paired.mean_diff).toFixed(1).replace('.', ',');
    const chance = d.paired.p < 0.05 ? ' en waarschijnlijk geen toeval' : ' en het kan toeval zijn';
    const want = `gemiddeld ${by} hoger op ‘${d.dimension}’ dan `;
    assert.ok(text.includes(want) && text.includes(`dat verschil is ${size(d.paired.dz)}${chance}.`),
      `a plain sentence for ${d.dimension}: ${want}… ${size(d.paired.dz)}${chance}`);
  }
});

test('the benchmark: five partners pooled, none named; one partner fewer and it is gone', async () => {
  const api = (await coach.get(`/api/v1/waves/${post}/compare`)).json();
  assert.equal(api.benchmark.shown, true);
  for (const d of api.benchmark.dimensions) {
    assert.equal(d.organisations, 5);
    assert.ok(d.n >= 25);
  }
  const page = (await coach.get(`/waves/${post}/compare`)).text;
  assert.match(page, /Benchmark met andere organisaties/);
  for (const name of PARTNERS) {
    assert.ok(!JSON.stringify(api).includes(name), `the API names no partner (${name})`);
    assert.ok(!page.includes(name), `the page names no partner (${name})`);
  }
  // a partner that stops taking part (leergang org benchmark SLUG off) is
  // out at once; the pool without it beside the one before would give its
  // results away, so nothing is shown until more than five others have new
  // results
  assert.match(cli(srv.db, ['org', 'benchmark', 'partner-5', 'off']), /partner-5 does not take part/);
  try {
    const less = (await coach.get(`/api/v1/waves/${post}/compare`)).json();
    assert.equal(less.benchmark.shown, false);
    assert.match(less.benchmark.why_hidden, /De benchmark wordt vernieuwd: een organisatie doet niet meer mee/);
    assert.ok(less.benchmark.dimensions.every((d) => d.mean === undefined));
    assert.match((await coach.get(`/waves/${post}/compare`)).text, /De benchmark wordt vernieuwd/);
  } finally {
    cli(srv.db, ['org', 'benchmark', 'partner-5', 'on']);
  }
  assert.equal((await coach.get(`/api/v1/waves/${post}/compare`)).json().benchmark.shown, true, 'back at five');
  // an organisation that does not take part sees none
  sqlite("UPDATE organisation SET benchmark = 0 WHERE slug = 'politie-demo'", true);
  try {
    const own = (await coach.get(`/api/v1/waves/${post}/compare`)).json();
    assert.equal(own.benchmark.shown, false);
    assert.match(own.benchmark.why_hidden, /doet niet mee aan de benchmark/);
  } finally {
    sqlite("UPDATE organisation SET benchmark = 1 WHERE slug = 'politie-demo'", true);
  }
});

test('bad input: an unknown breakdown, a wave of another questionnaire, a 360° round, another organisation', async () => {
  let res = await coach.get(`/waves/${post}/compare?by=postcode`);
  assert.equal(res.status, 400);
  assert.match(res.text, /Vergelijk per groep, lichting of onderdeel\./);
  res = await coach.get(`/waves/${post}/compare?with=${live}`);
  assert.equal(res.status, 400);
  assert.match(res.text, /een andere meting van dezelfde vragenlijst/);
  assert.equal((await coach.get(`/api/v1/waves/${post}/compare?with=${live}`)).status, 400);
  assert.equal((await coach.get(`/waves/${round360}/compare`)).status, 404);
  assert.equal((await coach.get(`/api/v1/waves/${round360}/compare`)).status, 404);
  assert.equal((await other.get(`/waves/${post}/compare`)).status, 404);
  assert.equal((await other.get(`/api/v1/waves/${post}/compare`)).status, 404);
  assert.equal((await other.get(`/waves/${live}/compare?with=${post}`)).status, 404);
});

test('a wave for a unit: everyone working there and in the units below it is asked', async () => {
  const form = (await coach.get('/questionnaires')).text;
  const unit = form.match(/<option value="units:(\d+)">District Zuid<\/option>/);
  assert.ok(unit, 'the form offers the units');
  const instrument = form.match(/<option value="(\d+)">Eindevaluatie LiVe!<\/option>/)[1];
  const today = new Date().toISOString().slice(0, 10);
  const r = await coach.post('/waves', { instrument_id: instrument, name: 'Scan District Zuid', population: `units:${unit[1]}`,
    opens_on: today, closes_on: today });
  assert.equal(r.status, 303);
  const wave = +r.headers.get('location').match(/\d+/)[0];
  const people = Number(sqlite(`WITH RECURSIVE u(id) AS (SELECT CAST(${unit[1]} AS BIGINT) UNION ALL SELECT x.id FROM unit x JOIN u ON x.parent_id = u.id)
    SELECT count(*) FROM person WHERE active = 1 AND unit_id IN (SELECT id FROM u)`));
  assert.ok(people > 30);
  assert.equal(Number(sqlite(`SELECT count(*) FROM invitation WHERE wave_id = ${wave}`)), people);
  // a unit of another organisation is refused
  const theirs = Number(sqlite("SELECT min(u.id) FROM unit u JOIN organisation o ON o.id = u.organisation_id WHERE o.slug = 'gemeente-demo'"));
  const bad = await coach.post('/waves', { instrument_id: instrument, name: 'Over de grens', population: `units:${theirs}`,
    opens_on: today, closes_on: today });
  assert.equal(bad.status, 422);
  assert.match(bad.text, /Kies de leergroep, lichting, het programma of het onderdeel/);
});

// The guard with something to hide: a scan of District Zuid (not
// anonymous, so every team is stored as it is) that 6, 6 and 2 people of
// its three teams answer. The team of 2 is hidden, and with it the
// smaller other one, so that the total minus the shown team gives neither
// away; the test runs over the one shown team only.
test('by unit: small units hidden with the guard, and what would give them away', async () => {
  const zuid = sqlite(`SELECT u.id FROM unit u JOIN organisation o ON o.id = u.organisation_id
    WHERE o.slug = 'politie-demo' AND u.name = 'District Zuid'`);
  const today = new Date().toISOString().slice(0, 10);
  const wave = cli(srv.db, ['wave', 'add', '--org', 'politie-demo', '--instrument', 'leadership-scan-360', '--population',
    `unit:${zuid}`, '--opens', today, '--closes', today, '--name', 'Scan District Zuid (proef)']).trim();
  const team = Object.fromEntries(sqlite(`SELECT p.employee_id || '|' || u.name FROM person p JOIN unit u ON u.id = p.unit_id
    WHERE u.parent_id = ${zuid}`).split('\n').map((l) => l.split('|')));
  const byTeam = {};
  for (const [emp, unit] of Object.entries(team)) (byTeam[unit] ||= []).push(emp);
  const teams = Object.keys(byTeam).sort();
  assert.equal(teams.length, 3);
  const answering = [...byTeam[teams[0]].slice(0, 6), ...byTeam[teams[1]].slice(0, 7), ...byTeam[teams[2]].slice(0, 2)];
  const links = Object.fromEntries(cli(srv.db, ['wave', 'links', '--wave', wave]).trim().split('\n').slice(1)
    .map((l) => l.split(',')).map((f) => [f[0], new URL(f[f.length - 1])]));
  for (const [k, emp] of answering.entries()) {
    const c = new Client(srv.base);
    const link = links[emp].pathname + links[emp].search;
    const page = await c.get(link);
    const radios = [...new Set([...page.text.matchAll(/type="radio" id="[^"]*" name="(i\d+)"/g)].map((m) => m[1]))];
    const r = await c.post('/respond', { token: links[emp].searchParams.get('token'), action: 'submit', confirm_incomplete: '1',
      ...Object.fromEntries(radios.map((x, i) => [x, String(1 + ((k + i) % 5))])) });
    assert.equal(r.status, 303);
  }
  cli(srv.db, ['wave', 'close', '--wave', wave]);
  const api = (await coach.get(`/api/v1/waves/${wave}/compare?by=unit`)).json();
  assert.equal(api.shown, true);
  const shown = api.parts.filter((p) => p.shown), hidden = api.parts.filter((p) => !p.shown);
  assert.deepEqual(shown.map((p) => [p.name, p.n]), [[teams[1], 7]], 'the team of 7 is shown');
  assert.deepEqual(hidden.map((p) => p.name).sort(), [teams[0], teams[2]].sort(), 'the team of 2, and the team of 6 with it');
  for (const p of hidden) {
    assert.equal(p.n, null, `${p.name}: no count`);
    assert.equal(p.scores, null, `${p.name}: no scores`);
  }
  assert.match(hidden.find((p) => p.name === teams[2]).why_hidden, /minder dan 5 antwoorden/);
  assert.match(hidden.find((p) => p.name === teams[0]).why_hidden, /verborgen met de kleine delen/);
  assert.equal(api.hidden_parts, 2);
  // the guard: what the total minus the shown teams leaves is 0 or at least 5
  const total = Number(sqlite(`SELECT count(*) FROM response WHERE wave_id = ${wave}`));
  assert.equal(total, 15);
  const rest = total - shown.reduce((s, p) => s + p.n, 0);
  assert.ok(rest === 0 || rest >= 5, `the hidden units hold ${rest}`);
  assert.deepEqual(api.tests, [], 'one shown team: nothing to compare');
  const res = await coach.get(`/waves/${wave}/compare?by=unit`);
  for (const p of hidden) assert.match(res.text, new RegExp(`${p.name}</th><td colspan="4">verborgen: `));
  assert.match(res.text, /Een vergelijking heeft minstens twee getoonde delen nodig\./);
});
