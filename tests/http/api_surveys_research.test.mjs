// The API twins of the questionnaires pages and the research project pages
// (issue 21), and the command line beside them: each good call changes the
// database as its page does (with the same audit entry), bad input gets the
// domain's Dutch message with its field and changes nothing, and another
// organisation's number is 404. The wave exports under /api/v1 are the
// pages' files under the pages' rules (no export while results are hidden);
// invitations and reminders go out by e-mail through a local SMTP sink.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, Client, demoEmail, cliResult } from '../lib/server.mjs';
import { startSmtpSink } from '../lib/smtp-sink.mjs';
import { sqlRows } from '../lib/db.mjs';
import { LSS } from './api_examples/research.mjs';

let srv, sink, coach, researcher, politie, work;
const sql = (q) => sqlRows(srv.db, q);
const one = (q) => { const r = sql(q); assert.ok(r.length, `no row for ${q}`); return Object.values(r[0])[0]; };
const count = (q) => Number(one(`SELECT count(*) AS n FROM ${q}`));
const GEMEENTE = "(SELECT id FROM organisation WHERE slug = 'gemeente-demo')";
const POLITIE = "(SELECT id FROM organisation WHERE slug = 'politie-demo')";
const today = () => new Date().toISOString().slice(0, 10);
const addDays = (d, n) => new Date(Date.parse(d + 'T00:00:00Z') + n * 86400e3).toISOString().slice(0, 10);
const audits = (action, kind, id) => count(`audit_log WHERE action = '${action}' AND object_kind = '${kind}' AND object_id = ${id}`);

// a refusal: the status, the Dutch message and its field
function refused(r, field, message, status = 422) {
  assert.equal(r.status, status, r.text);
  const e = r.json().error;
  if (field !== undefined) assert.equal(e.field, field, r.text);
  if (message) assert.match(e.message, message);
}

before(async () => {
  sink = await startSmtpSink();
  srv = await startServer({ env: { LEERGANG_SMTP_URL: sink.url, LEERGANG_SMTP_FROM: 'leergang@gemeente.example' } });
  coach = new Client(srv.base);
  await coach.login(demoEmail('coach', 'gemeente'));
  researcher = new Client(srv.base);
  await researcher.login(demoEmail('researcher', 'gemeente'));
  politie = new Client(srv.base);
  await politie.login(demoEmail('researcher', 'politie'));
  work = mkdtempSync(join(tmpdir(), 'leergang-api-surveys-'));
});
after(async () => {
  await srv?.stop();
  await sink?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

const instrumentOf = (org, key) => one(`SELECT id FROM instrument WHERE organisation_id = ${org} AND key = '${key}'`);
const groupNamed = (name) => one(`SELECT g.id FROM learning_group g JOIN batch b ON b.id = g.batch_id
  JOIN programme p ON p.id = b.programme_id WHERE p.organisation_id = ${GEMEENTE} AND g.name = '${name}'`);

async function newWave(name, extra = {}) {
  const r = await coach.postJson('/api/v1/waves', {
    instrument_id: instrumentOf(GEMEENTE, 'learning-climate'), name, population: `group:${groupNamed('Leercirkel 2')}`,
    opens_on: today(), closes_on: addDays(today(), 14), anonymous: false, ...extra,
  });
  assert.equal(r.status, 201, r.text);
  return r.json().id;
}

test('questionnaires: a built-in one added, an .lss imported (dry run first), a new version, the own result', async () => {
  // a built-in questionnaire by its key
  assert.equal(count(`instrument WHERE organisation_id = ${GEMEENTE} AND key = 'live-final'`), 0);
  let r = await coach.postJson('/api/v1/instruments', { key: 'live-final' });
  assert.equal(r.status, 201, r.text);
  assert.equal(one(`SELECT key FROM instrument WHERE id = ${r.json().id} AND organisation_id = ${GEMEENTE}`), 'live-final');
  assert.equal(audits('instrument.install', 'instrument', r.json().id), 1);
  const before = count('instrument');
  refused(await coach.postJson('/api/v1/instruments', { key: 'bestaat-niet' }), 'key', /^Er is geen ingebouwde vragenlijst met die naam\.$/);
  refused(await coach.postJson('/api/v1/instruments', { key: 12 }), 'key');
  assert.equal(count('instrument'), before, 'nothing added');

  // the .lss: a dry run stores nothing, then the import
  const lss = (q) => coach.request('POST', `/api/v1/instruments/import?filename=tevreden.lss${q}`, { body: LSS, headers: { 'content-type': 'application/xml' } });
  r = await lss('&dry_run=true');
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json().id, null);
  assert.equal(r.json().items, 2);
  assert.equal(r.json().name, 'Tevredenheid');
  assert.equal(count('instrument'), before, 'a dry run stores nothing');
  r = await lss('');
  assert.equal(r.status, 201, r.text);
  const imported = r.json().id;
  assert.equal(one(`SELECT name FROM instrument WHERE id = ${imported} AND organisation_id = ${GEMEENTE}`), 'Tevredenheid');
  assert.equal(count(`instrument_item i JOIN instrument_version v ON v.id = i.version_id WHERE v.instrument_id = ${imported}`), 2);
  assert.equal(audits('instrument.import', 'instrument', imported), 1);
  r = await coach.request('POST', '/api/v1/instruments/import', { body: '<document>geen enquête</document>', headers: { 'content-type': 'application/xml' } });
  refused(r, null);
  assert.ok(r.json().error.message.length > 10, 'says why');
  refused(await coach.request('POST', '/api/v1/instruments/import', { body: '', headers: { 'content-type': 'application/xml' } }), null,
    /^Kies het \.lss-bestand/);
  assert.equal(count('instrument'), before + 1, 'only the one import');

  // a new version: one question changed, one added; the rest as it was
  const q2 = one(`SELECT i.id FROM instrument_item i JOIN instrument_version v ON v.id = i.version_id WHERE v.instrument_id = ${imported} AND i.code = 'Q2'`);
  const versions = () => count(`instrument_version WHERE instrument_id = ${imported}`);
  r = await coach.postJson(`/api/v1/instruments/${imported}/versions`,
    { items: [{ id: q2, text: 'Waarom precies?' }], new: [{ code: 'Q3', kind: 'open', text: 'Wat kan beter?' }], note: 'Duidelijker' });
  assert.equal(r.status, 201, r.text);
  assert.deepEqual(r.json(), { id: imported, version: 2 });
  const v2 = one(`SELECT id FROM instrument_version WHERE instrument_id = ${imported} AND version = 2`);
  assert.deepEqual(sql(`SELECT code, text FROM instrument_item WHERE version_id = ${v2} ORDER BY position`).map((x) => [x.code, x.text]),
    [['Q1', 'Hoe tevreden bent u?'], ['Q2', 'Waarom precies?'], ['Q3', 'Wat kan beter?']]);
  assert.equal(audits('instrument.version', 'instrument', imported), 1);
  // the questions of the newest version have ids of their own
  assert.equal(sql(`SELECT id FROM instrument_item WHERE version_id = ${v2} AND id = ${q2}`).length, 0);
  refused(await coach.postJson(`/api/v1/instruments/${imported}/versions`, { items: [{ id: q2, text: 'x' }] }), 'items',
    /^Noem een vraag van de nieuwste versie bij haar id\.$/);
  const q2b = one(`SELECT id FROM instrument_item WHERE version_id = ${v2} AND code = 'Q2'`);
  refused(await coach.postJson(`/api/v1/instruments/${imported}/versions`, { items: [{ id: 999999, text: 'x' }] }), 'items',
    /^Noem een vraag van de nieuwste versie bij haar id\.$/);
  refused(await coach.postJson(`/api/v1/instruments/${imported}/versions`, { items: [{ id: q2b, text: 7 }] }), `text-${q2b}`);
  refused(await coach.postJson(`/api/v1/instruments/${imported}/versions`, { items: [{ id: q2b, required: 'ja' }] }), 'items',
    /^Geef required als true of false\.$/);
  refused(await coach.postJson(`/api/v1/instruments/${imported}/versions`, { new: [{ code: 'Q4', text: 4 }] }), 'new-1',
    /^Geef text als tekst\.$/);
  refused(await coach.postJson(`/api/v1/instruments/${imported}/versions`, { new: [{ code: 'Q1', text: 'Dubbel' }] }), 'items', /Q1/);
  assert.equal(versions(), 2, 'a refusal makes no version');
  const theirs = instrumentOf(POLITIE, 'live-final');
  assert.equal((await coach.postJson(`/api/v1/instruments/${theirs}/versions`, { note: 'x' })).status, 404);

  // own result on and off
  const own = () => Number(one(`SELECT own_result FROM instrument WHERE id = ${imported}`));
  r = await coach.postJson(`/api/v1/instruments/${imported}/own-result`, { on: true });
  assert.equal(r.status, 200, r.text);
  assert.equal(own(), 1);
  assert.equal(audits('instrument.own_result.on', 'instrument', imported), 1);
  refused(await coach.postJson(`/api/v1/instruments/${imported}/own-result`, { on: 'ja' }), 'on');
  assert.equal(own(), 1);
  assert.equal((await coach.postJson(`/api/v1/instruments/${theirs}/own-result`, { on: true })).status, 404);
  assert.equal(Number(one(`SELECT own_result FROM instrument WHERE id = ${theirs}`)), 0);
});

test('waves: started, a 360° round and a study; bad input refused with its field and nothing made', async () => {
  const waves = () => count('wave');
  const n = waves();
  const id = await newWave('Leerklimaat via de API', { purpose: 'Hoe leren de teams?' });
  const w = sql(`SELECT population, population_id, anonymous, purpose FROM wave WHERE id = ${id} AND organisation_id = ${GEMEENTE}`)[0];
  assert.deepEqual([w.population, Number(w.population_id), Number(w.anonymous), w.purpose], ['group', groupNamed('Leercirkel 2'), 0, 'Hoe leren de teams?']);
  assert.ok(count(`invitation WHERE wave_id = ${id}`) >= 5, 'the group is asked');
  assert.equal(audits('wave.create', 'wave', id), 1);
  const good = { instrument_id: instrumentOf(GEMEENTE, 'learning-climate'), name: 'x', population: `group:${groupNamed('Leercirkel 2')}`,
    opens_on: today(), closes_on: addDays(today(), 7) };
  refused(await coach.postJson('/api/v1/waves', { ...good, name: '' }), 'name', /verplicht/);
  refused(await coach.postJson('/api/v1/waves', { ...good, instrument_id: instrumentOf(POLITIE, 'live-final') }), 'instrument_id',
    /^Kies een vragenlijst uit de lijst\.$/);
  refused(await coach.postJson('/api/v1/waves', { ...good, instrument_id: '3' }), 'instrument_id');
  refused(await coach.postJson('/api/v1/waves', { ...good, population: 'iedereen' }), 'population');
  refused(await coach.postJson('/api/v1/waves', { ...good, anonymous: 'ja' }), 'anonymous', /^Geef anonymous als true of false\.$/);
  refused(await coach.postJson('/api/v1/waves', { ...good, opens_on: 20260101 }), 'opens_on', /^Geef opens_on als tekst\.$/);
  refused(await coach.postJson('/api/v1/waves', { ...good, closes_on: addDays(today(), -3) }), 'closes_on');
  refused(await coach.request('POST', '/api/v1/waves', { body: '[1]', headers: { 'content-type': 'application/json' } }), null, undefined, 400);
  assert.equal(waves(), n + 1, 'only the good one');

  // 360°: the subject and raters by number, one from outside by address
  const people = sql(`SELECT id FROM person WHERE organisation_id = ${GEMEENTE} AND active = 1 ORDER BY id LIMIT 5`).map((x) => Number(x.id));
  const round = { instrument_id: instrumentOf(GEMEENTE, 'leadership-scan-360'), name: '360 via de API', subject_id: people[0],
    raters: [{ person_id: people[1], role: 'manager' }, { person_id: people[2], role: 'peer' }, { email: 'buiten@example.nl', role: 'other' }],
    opens_on: today(), closes_on: addDays(today(), 14) };
  let r = await coach.postJson('/api/v1/waves/360', round);
  assert.equal(r.status, 201, r.text);
  assert.equal(Number(one(`SELECT subject_id FROM wave WHERE id = ${r.json().id}`)), people[0]);
  assert.deepEqual(sql(`SELECT rater_role FROM invitation WHERE wave_id = ${r.json().id} ORDER BY rater_role`).map((x) => x.rater_role),
    ['manager', 'other', 'peer', 'self']);
  assert.equal(audits('wave.create', 'wave', r.json().id), 1);
  refused(await coach.postJson('/api/v1/waves/360', { ...round, raters: [{ person_id: people[1], role: 'baas' }] }), 'raters');
  refused(await coach.postJson('/api/v1/waves/360', { ...round, raters: [{ role: 'peer' }] }), 'raters',
    /^Geef elke beoordelaar een person_id/);
  refused(await coach.postJson('/api/v1/waves/360', { ...round, raters: 5 }), 'raters');
  // the page's text form of the raters works too
  const employee = one(`SELECT employee_id FROM person WHERE id = ${people[3]}`);
  r = await coach.postJson('/api/v1/waves/360', { ...round, name: '360 met tekst', raters: `${employee} peer` });
  assert.equal(r.status, 201, r.text);
  assert.equal(waves(), n + 3);

  // a two-wave study: two measurements of exactly its people
  const arms = sql(`SELECT id FROM person WHERE organisation_id = ${GEMEENTE} AND active = 1 ORDER BY id DESC LIMIT 8`).map((x) => Number(x.id));
  const study = { name: 'Studie via de API', instrument_id: instrumentOf(GEMEENTE, 'learning-climate'), assignment: 'Geloot',
    wave1_opens: today(), wave1_closes: addDays(today(), 14), wave2_opens: addDays(today(), 280), wave2_closes: addDays(today(), 294),
    intervention: 'Coaching', intervention_from: addDays(today(), 20), intervention_to: addDays(today(), 200),
    intervention_ids: arms.slice(0, 4), comparison_ids: arms.slice(4) };
  const studies = count('study');
  r = await researcher.postJson('/api/v1/studies', study);
  assert.equal(r.status, 201, r.text);
  assert.equal(one(`SELECT name FROM study WHERE id = ${r.json().id} AND organisation_id = ${GEMEENTE}`), 'Studie via de API');
  assert.equal(count(`study_member WHERE study_id = ${r.json().id}`), 8);
  assert.equal(audits('study.create', 'study', r.json().id), 1);
  refused(await researcher.postJson('/api/v1/studies', { ...study, wave2_opens: addDays(today(), 30), wave2_closes: addDays(today(), 40) }), 'wave2_opens');
  refused(await researcher.postJson('/api/v1/studies', { ...study, comparison_ids: ['x'] }), 'comparison');
  refused(await researcher.postJson('/api/v1/studies', { ...study, override: 'ja' }), 'override');
  assert.equal(count('study'), studies + 1);
  assert.equal(waves(), n + 5, 'the study\'s two waves');
});

test('a wave\'s invitations and reminders by e-mail, and closing it; another organisation\'s wave is 404', async () => {
  const id = await newWave('Mail via de API');
  const asked = count(`invitation WHERE wave_id = ${id}`);
  sink.clear();
  let r = await coach.postJson(`/api/v1/waves/${id}/send`, {});
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.json(), { by: 'mail', sent: asked, failed: 0, no_address: 0, unreachable: false });
  assert.equal(sink.messages.length, asked, 'one message per person asked');
  assert.equal(count(`invitation WHERE wave_id = ${id} AND mailed_at IS NOT NULL AND mailed_at > 0`), asked);
  assert.equal(count(`audit_log WHERE action = 'wave.mail' AND object_id = ${id}`), 1);
  r = await coach.postJson(`/api/v1/waves/${id}/send`, {});
  assert.equal(r.json().sent, 0, 'nobody is invited twice');

  sink.clear();
  r = await coach.postJson(`/api/v1/waves/${id}/reminders`, {});
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json().sent, asked);
  assert.equal(count(`invitation WHERE wave_id = ${id} AND reminders = 1`), asked);
  assert.equal(count(`audit_log WHERE action = 'wave.remind' AND object_id = ${id}`), 1);

  const theirs = one(`SELECT id FROM wave WHERE organisation_id = ${POLITIE} ORDER BY id LIMIT 1`);
  for (const what of ['send', 'reminders', 'close']) {
    r = await coach.postJson(`/api/v1/waves/${theirs}/${what}`, {});
    assert.equal(r.status, 404, `${what}: ${r.text}`);
  }
  assert.equal(count(`invitation WHERE wave_id = ${theirs} AND reminders > 0`), 0);

  r = await coach.postJson(`/api/v1/waves/${id}/close`, {});
  assert.equal(r.status, 200, r.text);
  assert.ok(Number(one(`SELECT closed_at FROM wave WHERE id = ${id}`)) > 0);
  assert.equal(audits('wave.close', 'wave', id), 1);
  refused(await coach.postJson(`/api/v1/waves/${id}/close`, {}), null, /^Deze meting is al gesloten\.$/, 409);
  refused(await coach.postJson(`/api/v1/waves/${id}/reminders`, {}), null, /^Herinneringen gaan uit zolang de ronde open is\.$/);
  assert.equal(count(`invitation WHERE wave_id = ${id} AND reminders > 1`), 0, 'no reminder after closing');
});

test('the wave exports under /api/v1 are the page\'s files under its rules, in the audit log', async () => {
  const closed = one(`SELECT id FROM wave WHERE organisation_id = ${GEMEENTE} AND name = 'Leiderschapsscan Afdeling S 2026'`);
  const types = { csv: /^text\/csv/, xlsx: /^application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet/, sav: /^application\/x-spss-sav/ };
  for (const ext of ['csv', 'xlsx', 'sav']) {
    const before = count(`audit_log WHERE object_kind = 'wave' AND object_id = ${closed} AND detail LIKE '%${ext}%'`);
    const api = await researcher.get(`/api/v1/waves/${closed}/export.${ext}`);
    assert.equal(api.status, 200, api.text.slice(0, 200));
    assert.match(api.headers.get('content-type'), types[ext]);
    const page = await researcher.get(`/waves/${closed}/export.${ext}`);
    assert.equal(page.status, 200);
    if (ext === 'csv') assert.equal(api.text, page.text, 'the same file');
    else assert.equal(api.text.length, page.text.length, 'the same file');
    assert.equal(count(`audit_log WHERE object_kind = 'wave' AND object_id = ${closed} AND detail LIKE '%${ext}%'`), before + 2,
      'each export is in the audit log');
  }
  // an open wave shows no results: no export, as on the page, in JSON
  const open = await newWave('Nog open');
  for (const ext of ['csv', 'xlsx', 'sav']) {
    const api = await researcher.get(`/api/v1/waves/${open}/export.${ext}`);
    refused(api, null);
    assert.match(api.headers.get('content-type'), /^application\/json/);
    const page = await researcher.get(`/waves/${open}/export.${ext}`);
    assert.equal(page.status, 422);
    assert.ok(page.text.includes(api.json().error.message), 'the page\'s reason');
  }
  const theirs = one(`SELECT id FROM wave WHERE organisation_id = ${POLITIE} ORDER BY id LIMIT 1`);
  const r = await researcher.get(`/api/v1/waves/${theirs}/export.csv`);
  assert.equal(r.status, 404);
  assert.match(r.headers.get('content-type'), /^application\/json/);
  // the study's data
  const study = one(`SELECT id FROM study WHERE organisation_id = ${GEMEENTE} ORDER BY id LIMIT 1`);
  const api = await researcher.get(`/api/v1/studies/${study}/data.csv`);
  const page = await researcher.get(`/studies/${study}/data.csv`);
  assert.equal(api.status, page.status);
  if (api.status === 200) assert.equal(api.text, page.text);
  assert.equal((await politie.get(`/api/v1/studies/${study}/data.csv`)).status, 404);
});

test('research projects: framework codes, a code removed, memos, terms, fieldwork, a consented text, passages of a source', async () => {
  let r = await researcher.postJson('/api/v1/research', { name: 'Twins', purpose: 'De tweelingen van de pagina' });
  const p = r.json().id;
  r = await researcher.postJson(`/api/v1/research/${p}/sources`, { kind: 'interview', name: 'Gesprek', held_on: today(), text: 'Ik leer van collega\'s. Zeker weten.' });
  const source = r.json().id;

  const framework = one(`SELECT id FROM framework WHERE organisation_id = ${GEMEENTE} AND name = 'Leiderschapskompas'`);
  r = await researcher.postJson(`/api/v1/research/${p}/codes/framework`, { framework_id: framework });
  assert.equal(r.status, 200, r.text);
  const codes = count(`research_code WHERE project_id = ${p}`);
  assert.ok(r.json().added > 1);
  assert.equal(r.json().added, codes);
  assert.equal(count(`audit_log WHERE action = 'research.codes_framework' AND object_id = ${p}`), 1);
  const theirFramework = one(`SELECT id FROM framework WHERE organisation_id = ${POLITIE} ORDER BY id LIMIT 1`);
  refused(await researcher.postJson(`/api/v1/research/${p}/codes/framework`, { framework_id: theirFramework }), 'framework',
    /^Kies een referentiekader van de organisatie\.$/);
  refused(await researcher.postJson(`/api/v1/research/${p}/codes/framework`, { framework_id: 'kompas' }), 'framework');
  assert.equal(count(`research_code WHERE project_id = ${p}`), codes);

  // a code removed with the codes under it
  const top = one(`SELECT id FROM research_code WHERE project_id = ${p} AND parent_id IS NULL`);
  r = await researcher.request('DELETE', `/api/v1/research/${p}/codes/${top}`);
  assert.equal(r.status, 200, r.text);
  assert.equal(count(`research_code WHERE project_id = ${p}`), 0);
  assert.equal(audits('research.code_remove', 'research_code', top), 1);
  assert.equal((await researcher.request('DELETE', `/api/v1/research/${p}/codes/${top}`)).status, 404);
  const theirs = one('SELECT id FROM research_project ORDER BY id LIMIT 1');   // the learning circles' project
  const theirCode = one(`SELECT id FROM research_code WHERE project_id = ${theirs} LIMIT 1`);
  assert.equal((await researcher.request('DELETE', `/api/v1/research/${theirs}/codes/${theirCode}`)).status, 404);
  assert.equal(count(`research_code WHERE id = ${theirCode}`), 1);

  // memos and terms
  r = await researcher.postJson(`/api/v1/research/${p}/memos`, { text: 'Eerste indruk' });
  assert.equal(r.status, 201, r.text);
  assert.deepEqual(sql(`SELECT target, target_id, text FROM research_memo WHERE id = ${r.json().id}`).map((x) => [x.target, Number(x.target_id), x.text]),
    [['project', p, 'Eerste indruk']]);
  r = await researcher.postJson(`/api/v1/research/${p}/memos`, { target: 'source', target_id: source, text: 'Over dit gesprek' });
  assert.equal(r.status, 201, r.text);
  refused(await researcher.postJson(`/api/v1/research/${p}/memos`, { target: 'boek', text: 'x' }), 'target');
  refused(await researcher.postJson(`/api/v1/research/${p}/memos`, { text: '' }), 'text');
  assert.equal(count(`research_memo WHERE project_id = ${p}`), 2);
  r = await researcher.postJson(`/api/v1/research/${p}/terms`, { term: 'Stadskantoor', replacement: '[werkplek]' });
  assert.equal(r.status, 201, r.text);
  assert.equal(one(`SELECT replacement FROM research_term WHERE id = ${r.json().id}`), '[werkplek]');
  refused(await researcher.postJson(`/api/v1/research/${p}/terms`, { term: '' }), 'term');
  assert.equal(count(`research_term WHERE project_id = ${p}`), 1);
  assert.equal((await researcher.postJson(`/api/v1/research/${theirs}/terms`, { term: 'x', replacement: 'y' })).status, 404);

  // fieldwork removed
  r = await researcher.postJson(`/api/v1/research/${p}/fieldwork`, { kind: 'interview', held_on: today(), minutes: 30, team: 'Afdeling B' });
  const entry = r.json().id;
  r = await researcher.request('DELETE', `/api/v1/research/${p}/fieldwork/${entry}`);
  assert.equal(r.status, 200, r.text);
  assert.equal(count(`research_fieldwork WHERE id = ${entry}`), 0);
  assert.equal((await researcher.request('DELETE', `/api/v1/research/${p}/fieldwork/${entry}`)).status, 404);
  const theirEntry = sql(`SELECT id FROM research_fieldwork WHERE project_id = ${theirs} LIMIT 1`)[0]?.id;
  if (theirEntry) assert.equal((await researcher.request('DELETE', `/api/v1/research/${theirs}/fieldwork/${theirEntry}`)).status, 404);

  // a text of the organisation only with its authors' consent
  const report = one(`SELECT id FROM meeting_report WHERE organisation_id = ${GEMEENTE} AND research_consent = 0 LIMIT 1`);
  const sources = count(`research_source WHERE project_id = ${p}`);
  // a text without consent is not there for the researcher (the domain says 404, as the page does)
  assert.equal((await researcher.postJson(`/api/v1/research/${p}/sources/take`, { kind: 'report', ref: report })).status, 404);
  refused(await researcher.postJson(`/api/v1/research/${p}/sources/take`, { kind: 'brief', ref: report }), 'ref',
    /^Kies een tekst van de organisatie uit de lijst\.$/);
  assert.equal(count(`research_source WHERE project_id = ${p}`), sources, 'nothing taken without consent');
  const pp = (await politie.postJson('/api/v1/research', { name: 'Eindevaluatie' })).json().id;
  const wave = one(`SELECT id FROM wave WHERE organisation_id = ${POLITIE} AND name = 'Eindevaluatie LiVe! 2025'`);
  r = await politie.postJson(`/api/v1/research/${pp}/sources/take`, { kind: 'answers', ref: wave });
  assert.equal(r.status, 201, r.text);
  assert.equal(one(`SELECT kind FROM research_source WHERE id = ${r.json().id} AND project_id = ${pp}`), 'answers');
  refused(await politie.postJson(`/api/v1/research/${pp}/sources/take`, { kind: 'answers', ref: wave }), 'ref');

  // a passage of the source of the path
  const code = (await researcher.postJson(`/api/v1/research/${p}/codes`, { name: 'Collega\'s' })).json().id;
  r = await researcher.postJson(`/api/v1/research/${p}/sources/${source}/passages`, { start: 0, end: 21, codes: [code], memo: 'kern' });
  assert.equal(r.status, 201, r.text);
  assert.deepEqual(sql(`SELECT source_id, start_char, end_char FROM research_selection WHERE id = ${r.json().id}`)
    .map((x) => [Number(x.source_id), Number(x.start_char), Number(x.end_char)]), [[source, 0, 21]]);
  refused(await researcher.postJson(`/api/v1/research/${p}/sources/${source}/passages`, { start: 5, end: 2, codes: [code] }), undefined);
  refused(await researcher.postJson(`/api/v1/research/${p}/sources/${source}/passages`, { start: 0, end: 5, codes: [] }), undefined);
  refused(await researcher.postJson(`/api/v1/research/${p}/sources/${source}/passages`, { start: '0', end: 5, codes: [code] }), undefined);
  assert.equal(count(`research_selection WHERE source_id = ${source}`), 1);
  const theirSource = one(`SELECT id FROM research_source WHERE project_id = ${theirs} LIMIT 1`);
  assert.equal((await researcher.postJson(`/api/v1/research/${theirs}/sources/${theirSource}/passages`, { start: 0, end: 5, codes: [code] })).status, 404);
});

test('member checks: started, a contact with their link once, the link renewed', async () => {
  const p = (await researcher.postJson('/api/v1/research', { name: 'Toetsing' })).json().id;
  let r = await researcher.postJson(`/api/v1/research/${p}/member-checks`, { title: 'Bevindingen', findings: 'Collega\'s zijn de bron.', held_on: today() });
  assert.equal(r.status, 201, r.text);
  const m = r.json().id;
  assert.equal(one(`SELECT title FROM member_check WHERE id = ${m} AND project_id = ${p}`), 'Bevindingen');
  assert.equal(audits('member_check.create', 'member_check', m), 1);
  refused(await researcher.postJson(`/api/v1/research/${p}/member-checks`, { title: '', findings: 'x' }), 'title');
  assert.equal(count(`member_check WHERE project_id = ${p}`), 1);

  r = await researcher.postJson(`/api/v1/research/${p}/member-checks/${m}/contacts`, { name: 'Jet de Vries', affiliation: 'OR', email: 'jet@example.nl' });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json().mailed, false, 'this server has no public address to mail from');
  const link = r.json().link;
  assert.match(link, /\/member-check\?token=[0-9a-f]{64}$/);
  assert.equal((await new Client(srv.base).get(new URL(link).pathname + new URL(link).search)).status, 200, 'the link opens the check');
  const contact = Number(one(`SELECT id FROM member_check_contact WHERE check_id = ${m}`));
  assert.equal(audits('member_check.contact', 'member_check', m), 1);
  refused(await researcher.postJson(`/api/v1/research/${p}/member-checks/${m}/contacts`, { name: '', email: 'x' }), undefined);
  assert.equal(count(`member_check_contact WHERE check_id = ${m}`), 1);

  r = await researcher.postJson(`/api/v1/research/${p}/member-checks/${m}/renew`, { contact_id: contact });
  assert.equal(r.status, 200, r.text);
  assert.notEqual(r.json().link, link, 'a new link');
  assert.notEqual((await new Client(srv.base).get(new URL(link).pathname + new URL(link).search)).status, 200, 'the old one works no more');
  assert.equal(audits('member_check.renew', 'member_check', m), 1);
  refused(await researcher.postJson(`/api/v1/research/${p}/member-checks/${m}/renew`, { contact_id: 'een' }), 'contact_id', /^Kies een contactpersoon\.$/);
  const theirs = one('SELECT id FROM research_project ORDER BY id LIMIT 1');
  assert.equal((await researcher.postJson(`/api/v1/research/${theirs}/member-checks`, { title: 'x', findings: 'y' })).status, 404);
});

test('the command line: wave send, remind and close, and a wave\'s export, through the same rules', async () => {
  const id = await newWave('Via de opdrachtregel');
  const asked = count(`invitation WHERE wave_id = ${id}`);
  // without LEERGANG_SMTP_URL the command says so and sends nothing
  let r = cliResult(srv.db, ['wave', 'send', '--org', 'gemeente-demo', '--wave', String(id)]);
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /no invitations sent/);
  assert.equal(count(`invitation WHERE wave_id = ${id} AND mailed_at > 0`), 0);
  // another organisation's wave is not found
  r = cliResult(srv.db, ['wave', 'close', '--org', 'politie-demo', '--wave', String(id)]);
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /no wave \d+ in politie-demo/);
  // reminders without mail: the links as CSV, each counted
  r = cliResult(srv.db, ['wave', 'remind', '--org', 'gemeente-demo', '--wave', String(id)]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.trim().split('\n').length, asked + 1, 'a header and a line per person asked');
  assert.equal(count(`invitation WHERE wave_id = ${id} AND reminders = 1`), asked);
  r = cliResult(srv.db, ['wave', 'close', '--org', 'gemeente-demo', '--wave', String(id)]);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(Number(one(`SELECT closed_at FROM wave WHERE id = ${id}`)) > 0);
  assert.equal(audits('wave.close', 'wave', id), 1);
  // the export: no export of a wave whose results are hidden
  r = cliResult(srv.db, ['export', 'wave', '--org', 'gemeente-demo', '--wave', String(id), '--format', 'csv']);
  assert.notEqual(r.status, 0);
  assert.equal(r.stdout, '');
  const closed = one(`SELECT id FROM wave WHERE organisation_id = ${GEMEENTE} AND name = 'Leiderschapsscan Afdeling S 2026'`);
  r = cliResult(srv.db, ['export', 'wave', '--org', 'gemeente-demo', '--wave', String(closed), '--format', 'csv']);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.replace(/^\uFEFF/, ''), (await researcher.get(`/waves/${closed}/export.csv`)).text, 'the page\'s file');
  const file = join(work, 'w.sav');
  const before = count(`audit_log WHERE object_kind = 'wave' AND object_id = ${closed}`);
  r = cliResult(srv.db, ['export', 'wave', '--org', 'gemeente-demo', '--wave', String(closed), '--format', 'sav', '--out', file]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(readFileSync(file).subarray(0, 4).toString('latin1'), '$FL2', 'an SPSS file');
  assert.equal(count(`audit_log WHERE object_kind = 'wave' AND object_id = ${closed}`), before + 1, 'in the audit log');
  r = cliResult(srv.db, ['export', 'wave', '--org', 'politie-demo', '--wave', String(closed)]);
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /no wave/);
});

test('research: a number where a text belongs is refused under its name, and nothing is made', async () => {
  const p = (await researcher.postJson('/api/v1/research', { name: 'Soorten' })).json().id;
  const source = (await researcher.postJson(`/api/v1/research/${p}/sources`, { kind: 'interview', name: 'Gesprek', text: 'Een tekst om te coderen.' })).json().id;
  const code = (await researcher.postJson(`/api/v1/research/${p}/codes`, { name: 'Code' })).json().id;
  const report = one(`SELECT id FROM meeting_report WHERE organisation_id = ${GEMEENTE} LIMIT 1`);
  const state = () => ['research_project', `research_source WHERE project_id = ${p}`, `research_code WHERE project_id = ${p}`,
    `research_selection WHERE source_id = ${source}`, `research_memo WHERE project_id = ${p}`, `research_term WHERE project_id = ${p}`,
    `research_coder WHERE project_id = ${p}`, `research_fieldwork WHERE project_id = ${p}`].map(count);
  const was = state();
  const asText = (field) => new RegExp(`^Geef ${field} als tekst\\.$`);
  refused(await researcher.postJson('/api/v1/research', { name: 'Twee', purpose: 5 }), 'purpose', asText('purpose'));
  refused(await researcher.postJson(`/api/v1/research/${p}/members`, { email: 5 }), 'email', asText('email'));
  refused(await researcher.postJson(`/api/v1/research/${p}/sources`, { kind: 'interview', name: 'G', text: 't', place: 3 }), 'place', asText('place'));
  refused(await researcher.postJson(`/api/v1/research/${p}/codes`, { name: 'Rood', color: 255 }), 'color', asText('color'));
  refused(await researcher.postJson(`/api/v1/research/${p}/sources/${source}/passages`, { start: 0, end: 5, codes: [code], memo: 1 }), 'memo', asText('memo'));
  refused(await researcher.postJson(`/api/v1/research/${p}/sources/${source}/passages`, { start: '0', end: 5, codes: [code] }), 'start',
    /^Geef start als geheel getal/);
  refused(await researcher.postJson(`/api/v1/research/${p}/memos`, { text: 7 }), 'text', asText('text'));
  refused(await researcher.postJson(`/api/v1/research/${p}/terms`, { term: 'Stadhuis', replacement: 1 }), 'replacement', asText('replacement'));
  refused(await researcher.postJson(`/api/v1/research/${p}/sources/take`, { kind: 3, ref: report }), 'kind', asText('kind'));
  const visit = { kind: 'interview', held_on: today(), minutes: 30, team: 'Afdeling B' };
  refused(await researcher.postJson(`/api/v1/research/${p}/fieldwork`, { ...visit, held_on: 20260601 }), 'held_on', asText('held_on'));
  refused(await researcher.postJson(`/api/v1/research/${p}/fieldwork`, { ...visit, team: 2 }), 'team', asText('team'));
  refused(await researcher.postJson(`/api/v1/research/${p}/fieldwork`, { ...visit, note: 1 }), 'note', asText('note'));
  assert.deepEqual(state(), was, 'nothing made');
});

test('questionnaires and 360° rounds: a number where a text belongs is refused under its name, and nothing is made', async () => {
  const made = () => [count('instrument'), count('wave')];
  const was = made();
  refused(await coach.postJson('/api/v1/instruments', { key: 12 }), 'key', /^Geef key als tekst\.$/);
  const people = sql(`SELECT id FROM person WHERE organisation_id = ${GEMEENTE} AND active = 1 ORDER BY id LIMIT 3`).map((x) => Number(x.id));
  const round = { instrument_id: instrumentOf(GEMEENTE, 'leadership-scan-360'), name: '360 met soorten', subject_id: people[0],
    raters: [{ person_id: people[1], role: 'manager' }], opens_on: today(), closes_on: addDays(today(), 14) };
  refused(await coach.postJson('/api/v1/waves/360', { ...round, purpose: 1 }), 'purpose', /^Geef purpose als tekst\.$/);
  refused(await coach.postJson('/api/v1/waves/360', { ...round, closes_on: 20270101 }), 'closes_on', /^Geef closes_on als tekst\.$/);
  refused(await coach.postJson('/api/v1/waves/360', { ...round, raters: [{ person_id: people[1], role: 5 }] }), 'raters', /^Geef role als tekst\.$/);
  refused(await coach.postJson('/api/v1/waves/360', { ...round, raters: [{ email: 9, role: 'peer' }] }), 'raters', /^Geef email als tekst\.$/);
  assert.deepEqual(made(), was, 'nothing made');
});
