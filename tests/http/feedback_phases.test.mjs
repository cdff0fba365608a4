// Four-phase feedback to partners (issue 19 must-show 5, seed 003 §6): per
// phase, a release before its precondition is refused with a message that
// says what is missing and changes nothing, and allowed after; a phase
// released twice is refused; another organisation's researcher reaches
// nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, demoEmail, cli } from '../lib/server.mjs';
import { sqlRows } from '../lib/db.mjs';

let srv, researcher, project, A, B;
const sql = (q) => sqlRows(srv.db, q);
const releases = (partner) => sql(`SELECT phase FROM feedback_release WHERE partner_id = ${partner} ORDER BY phase`)
  .map((r) => r.phase);
const release = (partner, phase) => researcher.post(`/research/${project}/feedback/partners/${partner}/release`,
  { phase: String(phase), shared: `Fase ${phase} besproken`, deliverable: 'Presentatie' });
const mark = (partner, what, on = '2026-04-01') =>
  researcher.post(`/research/${project}/feedback/partners/${partner}/data`, { what, on });

before(async () => {
  srv = await startServer();
  researcher = new Client(srv.base);
  await researcher.login(demoEmail('researcher'));
  const r = await researcher.post('/research', { name: 'Terugkoppeling proef', purpose: '' });
  project = Number(r.headers.get('location').match(/^\/research\/(\d+)/)[1]);
  for (const name of ['Korps Noord', 'Gemeente Zuid'])
    assert.equal((await researcher.post(`/research/${project}/feedback/partners`, { name, contact: 'Contact' })).status, 303);
  const ids = sql(`SELECT id, name FROM research_partner WHERE project_id = ${project}`);
  A = ids.find((p) => p.name === 'Korps Noord').id;
  B = ids.find((p) => p.name === 'Gemeente Zuid').id;
});
after(async () => { await srv.stop(); });

test('the project page links to feedback and member checks', async () => {
  const r = await researcher.get(`/research/${project}`);
  assert.match(r.text, new RegExp(`href="/research/${project}/feedback"`));
  assert.match(r.text, new RegExp(`href="/research/${project}/member-checks"`));
});

test('phase 1: refused before the first data are in, allowed after, and not twice', async () => {
  let r = await release(A, 1);
  assert.equal(r.status, 422);
  assert.match(r.text, /eerste data van deze partner zijn nog niet binnen/);
  assert.deepEqual(releases(A), []);
  assert.equal((await mark(A, 'data_in')).status, 303);
  r = await release(A, 1);
  assert.equal(r.status, 303);
  assert.deepEqual(releases(A), [1]);
  const row = sql(`SELECT shared, deliverable, released_by_name FROM feedback_release WHERE partner_id = ${A}`)[0];
  assert.equal(row.shared, 'Fase 1 besproken');
  assert.equal(row.deliverable, 'Presentatie');
  assert.ok(row.released_by_name.length > 0, 'by whom');
  r = await release(A, 1);
  assert.equal(r.status, 422);
  assert.match(r.text, /al vrijgegeven/);
  assert.deepEqual(releases(A), [1]);
  // nothing shared: refused too
  assert.equal((await mark(B, 'data_in')).status, 303);
  r = await researcher.post(`/research/${project}/feedback/partners/${B}/release`, { phase: '1', shared: ' ', deliverable: '' });
  assert.equal(r.status, 422);
  assert.deepEqual(releases(B), []);
});

test('phase 2: refused before phase 1 of that partner, allowed after', async () => {
  let r = await release(B, 2);
  assert.equal(r.status, 422);
  assert.match(r.text, /Geef eerst de eerste analyse/);
  assert.deepEqual(releases(B), []);
  assert.equal((await release(A, 2)).status, 303);
  assert.deepEqual(releases(A), [1, 2]);
});

test('phase 3: refused until every partner is collected and analysed, naming who is missing', async () => {
  await mark(A, 'collected');
  await mark(A, 'analysed');
  let r = await release(A, 3);
  assert.equal(r.status, 422);
  assert.match(r.text, /Nog niet alle partners: van Gemeente Zuid zijn nog niet alle data verzameld/);
  assert.match(r.text, /Nog niet alle partners: Gemeente Zuid is nog niet geanalyseerd/);
  await mark(B, 'collected');
  r = await release(A, 3);
  assert.equal(r.status, 422);
  assert.doesNotMatch(r.text, /verzameld\./);
  assert.match(r.text, /Gemeente Zuid is nog niet geanalyseerd/);
  assert.deepEqual(releases(A), [1, 2]);
  await mark(B, 'analysed');
  // every partner ready, but B has not had phase 2: refused for B, allowed for A
  r = await release(B, 3);
  assert.equal(r.status, 422);
  assert.match(r.text, /Geef eerst de uitgebreide analyse/);
  assert.equal((await release(A, 3)).status, 303);
  assert.deepEqual(releases(A), [1, 2, 3]);
  // a date cleared again: the condition no longer holds for the others
  await mark(A, 'analysed', '');
  await release(B, 1);
  await release(B, 2);
  r = await release(B, 3);
  assert.equal(r.status, 422);
  assert.match(r.text, /Korps Noord is nog niet geanalyseerd/);
  assert.deepEqual(releases(B), [1, 2]);
  // a date that is no date
  r = await mark(A, 'analysed', '2026-13-45');
  assert.equal(r.status, 422);
});

test('phase 4: refused before phase 3 of that partner, allowed after, and not twice', async () => {
  let r = await release(B, 4);
  assert.equal(r.status, 422);
  assert.match(r.text, /Geef eerst de complete analyse/);
  assert.deepEqual(releases(B), [1, 2]);
  assert.equal((await release(A, 4)).status, 303);
  assert.deepEqual(releases(A), [1, 2, 3, 4]);
  r = await release(A, 4);
  assert.equal(r.status, 422);
  assert.deepEqual(releases(A), [1, 2, 3, 4]);
  const page = (await researcher.get(`/research/${project}/feedback`)).text;
  assert.match(page, /Vrijgegeven op/);
});

test('another organisation\'s researcher reaches nothing, and a form without CSRF is refused', async () => {
  const other = new Client(srv.base);
  await other.login(demoEmail('researcher', 'gemeente'));
  assert.equal((await other.get(`/research/${project}/feedback`)).status, 404);
  let r = await other.post(`/research/${project}/feedback/partners/${B}/release`, { phase: '3', shared: 'x', deliverable: '' });
  assert.equal(r.status, 404);
  r = await other.post(`/research/${project}/feedback/partners`, { name: 'Indringer', contact: '' });
  assert.equal(r.status, 404);
  r = await researcher.post(`/research/${project}/feedback/partners`, { name: 'Zonder token', contact: '', csrf: '' });
  assert.ok([400, 403].includes(r.status), `without CSRF: ${r.status}`);
  assert.equal(sql(`SELECT count(*) AS n FROM research_partner WHERE project_id = ${project}`)[0].n, 2);
});

test('the API twin: the phases with what each still misses; a release refused before its precondition, allowed after', async () => {
  const api = new Client(srv.base);
  api.headers.authorization = `Bearer ${cli(srv.db, ['token', 'create', '--email', demoEmail('researcher')]).trim()}`;
  let r = await api.postJson(`/api/v1/research/${project}/feedback/partners`, { name: 'Rijk West', contact: '' });
  assert.equal(r.status, 201);
  const C = r.json().id;
  r = await api.get(`/api/v1/research/${project}/feedback`);
  assert.equal(r.status, 200);
  const c = r.json().partners.find((p) => p.id === C);
  assert.equal(c.phases.length, 4);
  assert.match(c.phases[0].missing, /eerste data van deze partner zijn nog niet binnen/);
  r = await api.postJson(`/api/v1/research/${project}/feedback/partners/${C}/release`, { phase: 1, shared: 'x' });
  assert.equal(r.status, 422);
  assert.match(r.json().error.message, /nog niet binnen/);
  assert.deepEqual(releases(C), []);
  assert.equal((await api.postJson(`/api/v1/research/${project}/feedback/partners/${C}/data`,
    { what: 'data_in', on: '2026-05-01' })).status, 200);
  r = await api.postJson(`/api/v1/research/${project}/feedback/partners/${C}/release`, { phase: 1, shared: 'Dia\'s' });
  assert.equal(r.status, 200);
  assert.deepEqual(releases(C), [1]);
  r = await api.postJson(`/api/v1/research/${project}/feedback/partners/${C}/release`, { phase: 1, shared: 'nog eens' });
  assert.equal(r.status, 422);
  // a third partner not collected: the complete analysis names it
  r = await api.get(`/api/v1/research/${project}/feedback`);
  assert.match(r.json().partners.find((p) => p.id === B).phases[2].missing, /Rijk West/);
  const other = new Client(srv.base);
  other.headers.authorization = `Bearer ${cli(srv.db, ['token', 'create', '--email', demoEmail('researcher', 'gemeente')]).trim()}`;
  assert.equal((await other.get(`/api/v1/research/${project}/feedback`)).status, 404);
  assert.equal((await other.postJson(`/api/v1/research/${project}/feedback/partners/${C}/release`,
    { phase: 2, shared: 'x' })).status, 404);
  assert.deepEqual(releases(C), [1]);
});

test('the API refuses a number where a text belongs under its name, and nothing changes', async () => {
  const api = new Client(srv.base);
  api.headers.authorization = `Bearer ${cli(srv.db, ['token', 'create', '--email', demoEmail('researcher')]).trim()}`;
  let r = await api.postJson(`/api/v1/research/${project}/member-checks`, { title: 'Soorten', findings: 'Bevindingen', held_on: '2026-06-01' });
  assert.equal(r.status, 201);
  const check = r.json().id;
  const state = () => JSON.stringify([sql(`SELECT * FROM research_partner WHERE project_id = ${project} ORDER BY id`),
    sql(`SELECT * FROM feedback_release WHERE partner_id IN (${A}, ${B}) ORDER BY partner_id, phase`),
    sql(`SELECT * FROM member_check WHERE project_id = ${project} ORDER BY id`),
    sql(`SELECT count(*) AS n FROM member_check_contact WHERE check_id = ${check}`)]);
  const refused = (r, field) => {
    assert.equal(r.status, 422, field);
    assert.equal(r.json().error.field, field);
    assert.match(r.json().error.message, new RegExp(`^Geef ${field} als tekst\\.$`));
  };
  const was = state();
  const base = `/api/v1/research/${project}`;
  refused(await api.postJson(`${base}/feedback/partners`, { name: 12, contact: 'x' }), 'name');
  refused(await api.postJson(`${base}/feedback/partners`, { name: 'Nieuw', contact: 3 }), 'contact');
  refused(await api.postJson(`${base}/feedback/partners/${B}/data`, { what: 'data_in', on: 20260601 }), 'on');
  refused(await api.postJson(`${base}/feedback/partners/${B}/data`, { what: 1, on: '2026-06-01' }), 'what');
  refused(await api.postJson(`${base}/feedback/partners/${A}/release`, { phase: 4, shared: 5 }), 'shared');
  r = await api.postJson(`${base}/feedback/partners/${A}/release`, { phase: '4', shared: 'x' });
  assert.equal(r.status, 422);
  assert.equal(r.json().error.field, 'phase');
  refused(await api.postJson(`${base}/member-checks`, { title: 'Twee', findings: 7, held_on: '2026-06-01' }), 'findings');
  refused(await api.postJson(`${base}/member-checks/${check}/outcome`, { implications: 1, more_research: 'no' }), 'implications');
  refused(await api.postJson(`${base}/member-checks/${check}/outcome`, { implications: 'x', more_research_note: 2 }), 'more_research_note');
  refused(await api.postJson(`${base}/member-checks/${check}/contacts`, { name: 'Buiten', affiliation: 'Korps', email: 4 }), 'email');
  refused(await api.postJson(`${base}/member-checks/${check}/contacts`, { employee_id: 1001 }), 'employee_id');
  assert.equal(state(), was, 'nothing changed');
});
