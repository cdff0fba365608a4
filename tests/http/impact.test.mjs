// The impact map of a programme (issue 16, seed 001 r. 5036-5045): the
// demo's map of LiVe! Westerschelde 2025 on the page with its evidence
// figures; the coach adds, changes and (after a question) removes an
// outcome; bad input is refused with a Dutch message and changes nothing;
// another organisation gets 404; the owner reads the map and its figures
// but cannot change it; a wave whose results may not be shown yet gives
// no mean beside the outcome linked to it, only why.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, demoEmail, cli } from '../lib/server.mjs';
import { sqlValue } from '../lib/db.mjs';

let srv, prog, coach, owner, other;
const DEMO = 'LiVe! Westerschelde 2025';
const map = async (c = coach) => (await c.get(`/api/v1/programmes/${prog}/impact`)).json();
const strip = (html) => html.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'");

before(async () => {
  srv = await startServer();
  coach = new Client(srv.base);
  await coach.login(demoEmail('coach'));
  owner = new Client(srv.base);
  await owner.login(demoEmail('owner'));
  other = new Client(srv.base);
  await other.login(demoEmail('coach', 'gemeente'));
  prog = (await coach.get('/api/v1/programmes')).json().programmes.find((p) => p.name === DEMO).id;
});
after(async () => { await srv.stop(); });

test('the demo map: the seed\'s five levels in Dutch, outcomes linked to the final evaluation with its figures', async () => {
  const r = await coach.get(`/programmes/${prog}/impact`);
  assert.equal(r.status, 200);
  const text = strip(r.text);
  for (const level of ['Leeractiviteit', 'Werkgedrag', 'Indicatoren voor succesvol werkgedrag', 'Operationele doelstellingen',
    'Strategische doelstellingen'])
    assert.match(r.text, new RegExp(`<h2 id="level-\\w+">${level}</h2>`), level);
  assert.match(text, /eigen toevoeging van leergang/, 'the link to evidence is marked as leergang\'s own');
  assert.match(text, /Leidinggevenden nemen een open houding aan/);
  // item b of the closed final evaluation: 84 responses, the mean shown
  const m = await map();
  const b = m.outcomes.find((o) => /open houding/.test(o.text));
  assert.match(b.evidence, /^wave:\d+:item:\d+$/);
  assert.equal(b.figures.responded, 84);
  assert.equal(b.figures.shown, true);
  assert.ok(b.figures.mean >= 1 && b.figures.mean <= 5 && b.figures.n >= 5, JSON.stringify(b.figures));
  assert.match(text, /Gemiddelde \d,\d \(SD \d,\d, n = \d+\) op een schaal van 1 tot 5/);
  const att = m.outcomes.find((o) => o.evidence.startsWith('attendance:'));
  assert.ok(att.figures.recorded > 0 && att.figures.present <= att.figures.recorded);
  const rep = m.outcomes.find((o) => o.evidence === 'reports:programme');
  assert.ok(rep.figures.published >= 10 && rep.figures.published <= rep.figures.meetings_held, JSON.stringify(rep.figures));
  // the programme page links to the map
  assert.match((await coach.get(`/programmes/${prog}`)).text, new RegExp(`href="/programmes/${prog}/impact"`));
});

test('the coach adds, changes and removes an outcome; the removal asks first', async () => {
  const before = (await map()).outcomes.length;
  const edit = await coach.get(`/programmes/${prog}/impact/edit`);
  assert.equal(edit.status, 200);
  const ref = edit.text.match(/<option value="(attendance:group:\d+)"/)[1];
  let r = await coach.post(`/programmes/${prog}/impact`, { level: 'operational', text: 'Minder ziekteverzuim in de teams', evidence: ref });
  assert.equal(r.status, 303);
  let m = await map();
  assert.equal(m.outcomes.length, before + 1);
  const o = m.outcomes.find((x) => x.text === 'Minder ziekteverzuim in de teams');
  assert.equal(o.level, 'operational');
  assert.equal(o.evidence, ref);
  r = await coach.post(`/programmes/${prog}/impact/${o.id}`, { level: 'strategic', text: 'Een gezonde organisatie', evidence: '' });
  assert.equal(r.status, 303);
  const changed = (await map()).outcomes.find((x) => x.id === o.id);
  assert.deepEqual([changed.level, changed.text, changed.evidence], ['strategic', 'Een gezonde organisatie', '']);
  // removing: first the question, nothing gone
  r = await coach.post(`/programmes/${prog}/impact/${o.id}/delete`, {});
  assert.equal(r.status, 200);
  assert.match(r.text, /Een gezonde organisatie/);
  assert.ok((await map()).outcomes.some((x) => x.id === o.id), 'still there after the question');
  r = await coach.post(`/programmes/${prog}/impact/${o.id}/delete`, { confirm: '1' });
  assert.equal(r.status, 303);
  assert.ok(!(await map()).outcomes.some((x) => x.id === o.id), 'gone after yes');
  // each change is in the audit log
  const admin = new Client(srv.base);
  await admin.login(demoEmail('administrator'));
  for (const action of ['impact.add', 'impact.update', 'impact.remove'])
    assert.match((await admin.get(`/audit?action=${action}`)).text, new RegExp(`/programmes/${prog}|programme`), action);
});

test('bad input is refused with a Dutch message and changes nothing', async () => {
  const was = JSON.stringify(await map());
  const otherWave = (await other.get('/api/v1/waves')).json().waves[0].id;
  const first = (await map()).outcomes[0];
  const cases = [
    [{ level: 'behaviour', text: '', evidence: '' }, /Outcome|Uitkomst/],
    [{ level: 'dream', text: 'Iets', evidence: '' }, /Kies een van de vijf niveaus/],
    [{ level: 'behaviour', text: 'Iets', evidence: 'wave:99999999999999999999' }, /Kies het bewijs uit de lijst/],
    [{ level: 'behaviour', text: 'Iets', evidence: 'wave:1:item:' }, /Kies het bewijs uit de lijst/],
    [{ level: 'behaviour', text: 'Iets', evidence: 'reports:everything' }, /Kies het bewijs uit de lijst/],
    [{ level: 'behaviour', text: 'Iets', evidence: `wave:${otherWave}` }, /Kies bewijs van dit programma uit de lijst/],
    [{ level: 'behaviour', text: 'x'.repeat(501), evidence: '' }, /500/],
    [{ level: 'behaviour', text: 'twee\nregels', evidence: '' }, /Uitkomst/],
  ];
  for (const [fields, message] of cases) {
    const r = await coach.post(`/programmes/${prog}/impact`, fields);
    assert.equal(r.status, 422, JSON.stringify(fields));
    assert.match(strip(r.text), message, JSON.stringify(fields));
    const u = await coach.post(`/programmes/${prog}/impact/${first.id}`, fields);
    assert.equal(u.status, 422, 'update: ' + JSON.stringify(fields));
  }
  // an open question of the wave has no figures: refused
  const edit = (await coach.get(`/programmes/${prog}/impact/edit`)).text;
  const wave = edit.match(/<option value="wave:(\d+)"/)[1];
  const open = sqlValue(srv.db, `SELECT i.id FROM instrument_item i JOIN wave w
    ON w.version_id = i.version_id WHERE w.id = ${wave} AND i.kind = 'open' LIMIT 1`);
  assert.ok(Number(open) > 0, 'the final evaluation has an open question');
  const r0 = await coach.post(`/programmes/${prog}/impact`, { level: 'behaviour', text: 'Iets', evidence: `wave:${wave}:item:${open}` });
  assert.equal(r0.status, 422);
  assert.match(strip(r0.text), /Koppel een schaalvraag van de ronde/);
  // the API: the whole map or nothing
  const r = await coach.request('POST', `/api/v1/programmes/${prog}/impact`, {
    body: JSON.stringify({ outcomes: [{ level: 'behaviour', text: 'Goed', evidence: '' }, { level: 'nope', text: 'Fout' }] }),
    headers: { 'content-type': 'application/json' } });
  assert.equal(r.status, 422);
  assert.equal(r.json().error.problems[0].field, 'outcomes[1].level');
  const notList = await coach.request('POST', `/api/v1/programmes/${prog}/impact`, {
    body: JSON.stringify({ outcomes: 'alles' }), headers: { 'content-type': 'application/json' } });
  assert.equal(notList.status, 422);
  // a number where a text belongs: refused under the outcome's field, not read as empty
  for (const key of ['level', 'text', 'evidence']) {
    const outcome = { level: 'behaviour', text: 'Goed', evidence: '', [key]: 3 };
    const t = await coach.request('POST', `/api/v1/programmes/${prog}/impact`, {
      body: JSON.stringify({ outcomes: [{ level: 'behaviour', text: 'Goed', evidence: '' }, outcome] }),
      headers: { 'content-type': 'application/json' } });
    assert.equal(t.status, 422, key);
    assert.equal(t.json().error.field, `outcomes[1].${key}`);
    assert.equal(t.json().error.message, `Geef ${key} als tekst.`);
  }
  assert.equal(JSON.stringify(await map()), was, 'the map is as it was');
});

test('another organisation gets 404 for the map, its edit page, its changes and its API', async () => {
  const first = (await map()).outcomes[0];
  assert.equal((await other.get(`/programmes/${prog}/impact`)).status, 404);
  assert.equal((await other.get(`/programmes/${prog}/impact/edit`)).status, 404);
  assert.equal((await other.post(`/programmes/${prog}/impact`, { level: 'behaviour', text: 'Inbraak', evidence: '' })).status, 404);
  assert.equal((await other.post(`/programmes/${prog}/impact/${first.id}`, { level: 'behaviour', text: 'Inbraak', evidence: '' })).status, 404);
  assert.equal((await other.post(`/programmes/${prog}/impact/${first.id}/delete`, { confirm: '1' })).status, 404);
  assert.equal((await other.get(`/api/v1/programmes/${prog}/impact`)).status, 404);
  const r = await other.request('POST', `/api/v1/programmes/${prog}/impact`, {
    body: JSON.stringify({ outcomes: [] }), headers: { 'content-type': 'application/json' } });
  assert.equal(r.status, 404);
  assert.ok((await map()).outcomes.some((o) => o.id === first.id));
});

test('the owner reads the map and its figures, and cannot change it', async () => {
  const r = await owner.get(`/programmes/${prog}/impact`);
  assert.equal(r.status, 200);
  assert.match(strip(r.text), /Leidinggevenden nemen een open houding aan/);
  assert.doesNotMatch(r.text, /impact\/edit/, 'no link to change it');
  const m = await map(owner);
  assert.equal(m.may_edit, false);
  assert.ok(m.outcomes.find((o) => /open houding/.test(o.text)).figures.mean > 0);
  // figures only: no open answer of the final evaluation reaches the owner
  assert.doesNotMatch(JSON.stringify(m), /texts|answers/);
  const first = m.outcomes[0];
  assert.equal((await owner.get(`/programmes/${prog}/impact/edit`)).status, 403);
  assert.equal((await owner.post(`/programmes/${prog}/impact`, { level: 'behaviour', text: 'Eigen doel', evidence: '' })).status, 403);
  assert.equal((await owner.post(`/programmes/${prog}/impact/${first.id}/delete`, { confirm: '1' })).status, 403);
  const api = await owner.request('POST', `/api/v1/programmes/${prog}/impact`, {
    body: JSON.stringify({ outcomes: [] }), headers: { 'content-type': 'application/json' } });
  assert.equal(api.status, 403);
  assert.equal((await map()).outcomes.length, m.outcomes.length);
});

test('a wave whose results may not be shown yet: no mean beside its outcome, only why', async () => {
  const today = new Date().toISOString().slice(0, 10);
  const later = new Date(Date.now() + 14 * 864e5).toISOString().slice(0, 10);
  cli(srv.db, ['wave', 'add', '--org', 'politie-demo', '--instrument', 'live-final', '--population', `programme:${prog}`,
    '--opens', today, '--closes', later, '--name', 'Tussenmeting open']);
  const edit = (await coach.get(`/programmes/${prog}/impact/edit`)).text;
  const ref = [...edit.matchAll(/<option value="(wave:\d+:item:\d+)">Tussenmeting open, vraag b:/g)][0][1];
  const r = await coach.post(`/programmes/${prog}/impact`, { level: 'indicator', text: 'Tussentijds zichtbaar', evidence: ref });
  assert.equal(r.status, 303);
  for (const c of [coach, owner]) {
    const o = (await map(c)).outcomes.find((x) => x.text === 'Tussentijds zichtbaar');
    assert.equal(o.figures.shown, false);
    assert.ok(o.figures.why_hidden.length > 10, o.figures.why_hidden);
    assert.equal(o.figures.mean, undefined, 'no mean while hidden');
    assert.equal(o.figures.n, undefined);
    const page = strip((await c.get(`/programmes/${prog}/impact`)).text);
    const row = page.slice(page.indexOf('Tussentijds zichtbaar'), page.indexOf('Tussentijds zichtbaar') + 600);
    assert.doesNotMatch(row, /Gemiddelde/);
  }
});

test('leergang impact show gives the API\'s map as JSON and in words; set replaces the whole map or changes nothing', async () => {
  const { cliResult } = await import('../lib/server.mjs');
  const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const api = await map(coach);
  const shown = JSON.parse(cli(srv.db, ['impact', 'show', '--org', 'politie-demo', '--programme', String(prog), '--format', 'json']));
  assert.deepEqual(shown.outcomes, api.outcomes);
  const text = cli(srv.db, ['impact', 'show', '--org', 'politie-demo', '--programme', String(prog)]);
  assert.match(text, /^Impactmap: LiVe! Westerschelde 2025/);
  assert.match(text, /Werkgedrag\n- Leidinggevenden nemen een open houding aan/);
  assert.match(text, /Aanwezig bij \d+ van de \d+ geregistreerde keren/);
  // another organisation's programme is not found
  const elsewhere = cliResult(srv.db, ['impact', 'show', '--org', 'gemeente-demo', '--programme', String(prog)]);
  assert.notEqual(elsewhere.status, 0);
  assert.match(elsewhere.stderr, /no programme/);

  const dir = mkdtempSync(join(tmpdir(), 'leergang-impact-'));
  try {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ outcomes: [
      { level: 'behaviour', text: 'Goed', evidence: '' },
      { level: 'nergens', text: 'Fout niveau', evidence: '' },
      { level: 'strategic', text: 'Fout bewijs', evidence: 'wave:abc' }] }));
    const r = cliResult(srv.db, ['impact', 'set', '--org', 'politie-demo', '--programme', String(prog), '--file', bad]);
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /outcomes\[1\]\.level: Kies een van de vijf niveaus/);
    assert.match(r.stderr, /outcomes\[2\]\.evidence: /);
    assert.match(r.stderr, /niet gewijzigd|not changed/);
    assert.deepEqual((await map(coach)).outcomes, api.outcomes, 'nothing changed');

    const good = join(dir, 'good.json');
    const next = api.outcomes.slice(0, 2).map((o) => ({ level: o.level, text: o.text, evidence: o.evidence }))
      .concat([{ level: 'strategic', text: 'Vanaf de opdrachtregel', evidence: '' }]);
    writeFileSync(good, JSON.stringify({ outcomes: next }));
    cli(srv.db, ['impact', 'set', '--org', 'politie-demo', '--programme', String(prog), '--file', good]);
    const after = await map(coach);
    assert.deepEqual(after.outcomes.map((o) => [o.level, o.text, o.evidence]), next.map((o) => [o.level, o.text, o.evidence]));
    // back as it was, for whoever reads the demo next
    writeFileSync(good, JSON.stringify({ outcomes: api.outcomes.map((o) => ({ level: o.level, text: o.text, evidence: o.evidence })) }));
    cli(srv.db, ['impact', 'set', '--org', 'politie-demo', '--programme', String(prog), '--file', good]);
    assert.equal((await map(coach)).outcomes.length, api.outcomes.length);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  assert.match(cli(srv.db, ['help', 'impact']), /leergang impact set --org SLUG --programme ID --file MAP\.json/);
});
