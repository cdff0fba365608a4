// Changing and removing what a researcher made, on the pages and through
// the API twins: a project's name and purpose, a code, a memo, a word
// replaced in exports, the whole project. Bad input gets a Dutch message
// under its field and changes nothing; a researcher who is no member and
// one of another organisation get 404 and change nothing; each change is
// in the audit log; a removed project takes its own rows and leaves the
// organisation's text it had copied.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, Client, cli, demoEmail } from '../lib/server.mjs';
import { sqlRows } from '../lib/db.mjs';
import { mainOf } from '../lib/html.mjs';

let srv, work;
const as = {}, api = {};
const sql = (q) => sqlRows(srv.db, q);
const one = (q) => Object.values(sql(q)[0] ?? {})[0];
const audited = (action, id) => Number(one(`SELECT count(*) FROM audit_log WHERE action = '${action}' AND object_id = ${id}`));
const fieldError = (html, field) => (mainOf(html).match(new RegExp(`class="field-error" id="e-${field}[^"]*">([^<]+)<`)) || [])[1];

function token(email) {
  const c = new Client(srv.base);
  c.headers.authorization = `Bearer ${cli(srv.db, ['token', 'create', '--email', email]).trim()}`;
  return c;
}
const json = (c, method, path, body) => c.request(method, path, body === undefined ? {}
  : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });

before(async () => {
  srv = await startServer();
  work = mkdtempSync(join(tmpdir(), 'research-edit-'));
  cli(srv.db, ['user', 'add', '--org', 'gemeente-demo', '--email', 'onderzoeker2@gemeente.example', '--role', 'researcher',
    '--name', 'Tweede onderzoeker'], 'leergang-demo\n');
  const logins = { researcher: demoEmail('researcher', 'gemeente'), nonmember: 'onderzoeker2@gemeente.example',
    other_org: demoEmail('researcher', 'politie'), participant: demoEmail('participant', 'gemeente') };
  for (const [k, email] of Object.entries(logins)) {
    as[k] = new Client(srv.base);
    await as[k].login(email);
    api[k] = token(email);
  }
});
after(async () => {
  await srv?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

// A project of the researcher with a source, a code and a memo on each of project and code.
async function project(name = `Project ${Math.random().toString(36).slice(2, 8)}`) {
  const post = async (path, body) => {
    const r = await json(api.researcher, 'POST', path, body);
    assert.equal(r.status, 201, `${path}: ${r.text.slice(0, 200)}`);
    return r.json().id;
  };
  const p = await post('/api/v1/research', { name, purpose: 'Wat leidinggevenden van elkaar leren' });
  const source = await post(`/api/v1/research/${p}/sources`, { kind: 'interview', name: 'Gesprek', text: 'Ik leer het meest van mijn collega\'s.' });
  const code = await post(`/api/v1/research/${p}/codes`, { name: 'Leren van collega\'s' });
  const memo = await post(`/api/v1/research/${p}/memos`, { text: 'Memo bij het project: eerste indruk.' });
  const codeMemo = await post(`/api/v1/research/${p}/memos`, { target: 'code', target_id: code, text: 'Memo bij de code: vaak genoemd.' });
  const term = await post(`/api/v1/research/${p}/terms`, { term: 'Stadskantoor', replacement: '[werkplek]' });
  return { p, source, code, memo, codeMemo, term };
}

const projectRow = (p) => sql(`SELECT name, purpose FROM research_project WHERE id = ${p}`)[0];

// the project's .qdpx, its project.qde as text
async function qde(p) {
  const r = await fetch(`${srv.base}/research/${p}/export.qdpx`, { headers: { cookie: as.researcher.cookieHeader() } });
  assert.equal(r.status, 200);
  const file = join(work, `p${p}-${Date.now()}.qdpx`);
  writeFileSync(file, Buffer.from(await r.arrayBuffer()));
  return execFileSync('python3', ['-c', 'import sys,zipfile; print(zipfile.ZipFile(sys.argv[1]).read("project.qde").decode())', file],
    { encoding: 'utf8' });
}

test('the name and purpose change on the page, show on the list, are audited; bad input and outsiders change nothing', async () => {
  const { p } = await project('Leren op de werkvloer');
  let r = await as.researcher.get(`/research/${p}`);
  assert.match(mainOf(r.text), new RegExp(`<form method="post" action="/research/${p}">`));
  r = await as.researcher.post(`/research/${p}`, { name: '   ', purpose: 'Iets anders' });
  assert.equal(r.status, 422);
  assert.match(fieldError(r.text, 'name') ?? '', /Naam/, 'a Dutch message under the name');
  assert.deepEqual(projectRow(p), { name: 'Leren op de werkvloer', purpose: 'Wat leidinggevenden van elkaar leren' });
  for (const who of ['nonmember', 'other_org']) {
    await as[who].get('/research');
    r = await as[who].post(`/research/${p}`, { name: 'Overgenomen', purpose: '' });
    assert.equal(r.status, 404, who);
  }
  assert.equal(projectRow(p).name, 'Leren op de werkvloer');
  assert.equal(audited('research.update', p), 0);
  await as.researcher.get(`/research/${p}`);
  r = await as.researcher.post(`/research/${p}`, { name: 'Leren van elkaar', purpose: 'Voor het programmateam' });
  assert.equal(r.status, 303);
  assert.deepEqual(projectRow(p), { name: 'Leren van elkaar', purpose: 'Voor het programmateam' });
  assert.equal(audited('research.update', p), 1);
  const list = mainOf((await as.researcher.get('/research')).text);
  assert.match(list, new RegExp(`<a href="/research/${p}">Leren van elkaar</a>`));
  assert.doesNotMatch(list, /Leren op de werkvloer/);
});

test('PATCH /api/v1/research/{id}: a field left out keeps its value; bad input 422 with its field; outsiders 404', async () => {
  const { p } = await project('API-project');
  let r = await json(api.researcher, 'PATCH', `/api/v1/research/${p}`, { name: '' });
  assert.equal(r.status, 422);
  assert.equal(r.json().error.field, 'name');
  assert.match(r.json().error.message, /Naam/);
  r = await json(api.researcher, 'PATCH', `/api/v1/research/${p}`, { name: 7 });
  assert.equal(r.status, 422);
  assert.equal(r.json().error.field, 'name');
  for (const who of ['nonmember', 'other_org']) {
    r = await json(api[who], 'PATCH', `/api/v1/research/${p}`, { name: 'Overgenomen' });
    assert.equal(r.status, 404, who);
  }
  assert.equal(projectRow(p).name, 'API-project');
  r = await json(api.researcher, 'PATCH', `/api/v1/research/${p}`, { purpose: 'Alleen het doel' });
  assert.equal(r.status, 200);
  assert.deepEqual(r.json(), { ok: true });
  assert.deepEqual(projectRow(p), { name: 'API-project', purpose: 'Alleen het doel' });
  assert.equal(audited('research.update', p), 1);
});

test('a code changes on its page and through PATCH; a bad colour or a taken name changes nothing', async () => {
  const { p, code } = await project();
  const codeRow = () => sql(`SELECT name, color, description FROM research_code WHERE id = ${code}`)[0];
  const before = codeRow();
  let r = await as.researcher.get(`/research/${p}/codes/${code}`);
  assert.match(mainOf(r.text), new RegExp(`<form method="post" action="/research/${p}/codes/${code}">`));
  r = await as.researcher.post(`/research/${p}/codes/${code}`, { name: 'Nieuw', color: 'blauw', description: '' });
  assert.equal(r.status, 422);
  assert.match(fieldError(r.text, 'color') ?? '', /#RRGGBB/);
  assert.match(fieldError(r.text, 'color'), /Kies|kleur/i, 'in Dutch');
  assert.deepEqual(codeRow(), before);
  for (const who of ['nonmember', 'other_org']) {
    await as[who].get('/research');
    r = await as[who].post(`/research/${p}/codes/${code}`, { name: 'Overgenomen', color: '', description: '' });
    assert.equal(r.status, 404, who);
    r = await json(api[who], 'PATCH', `/api/v1/research/${p}/codes/${code}`, { name: 'Overgenomen' });
    assert.equal(r.status, 404, who);
  }
  assert.deepEqual(codeRow(), before);
  await as.researcher.get(`/research/${p}/codes/${code}`);
  r = await as.researcher.post(`/research/${p}/codes/${code}`, { name: 'Leren van elkaar', color: '#1f77b4', description: 'Als iemand iets van een collega leert' });
  assert.equal(r.status, 303);
  assert.deepEqual(codeRow(), { name: 'Leren van elkaar', color: '#1F77B4', description: 'Als iemand iets van een collega leert' });
  assert.equal(audited('research.code_update', code), 1);
  // the API: a sibling's name is refused under name; a field left out stays
  const other = (await json(api.researcher, 'POST', `/api/v1/research/${p}/codes`, { name: 'Feedback' })).json().id;
  r = await json(api.researcher, 'PATCH', `/api/v1/research/${p}/codes/${other}`, { name: 'Leren van elkaar' });
  assert.equal(r.status, 422);
  assert.equal(r.json().error.field, 'name');
  r = await json(api.researcher, 'PATCH', `/api/v1/research/${p}/codes/${code}`, { color: 'rood' });
  assert.equal(r.status, 422);
  assert.equal(r.json().error.field, 'color');
  r = await json(api.researcher, 'PATCH', `/api/v1/research/${p}/codes/${code}`, { color: '' });
  assert.equal(r.status, 200);
  assert.deepEqual(codeRow(), { name: 'Leren van elkaar', color: '', description: 'Als iemand iets van een collega leert' });
  // another project's code through this project: not found
  const theirs = await project();
  r = await json(api.researcher, 'PATCH', `/api/v1/research/${p}/codes/${theirs.code}`, { name: 'Gekaapt' });
  assert.equal(r.status, 404);
});

test('a memo is removed after a question, from its page and the .qdpx; the other memo stays; audited', async () => {
  const { p, code, memo, codeMemo } = await project();
  let page = mainOf((await as.researcher.get(`/research/${p}`)).text);
  assert.match(page, /Memo bij het project: eerste indruk\./);
  assert.match(page, /Memo verwijderen/, 'the button says what goes');
  let export1 = await qde(p);
  assert.match(export1, /Memo bij het project: eerste indruk\./);
  for (const who of ['nonmember', 'other_org']) {
    await as[who].get('/research');
    const r = await as[who].post(`/research/${p}/memos/${memo}/remove`, { confirm: '1' });
    assert.equal(r.status, 404, who);
    assert.equal((await json(api[who], 'DELETE', `/api/v1/research/${p}/memos/${memo}`)).status, 404, who);
  }
  await as.researcher.get(`/research/${p}`);
  let r = await as.researcher.post(`/research/${p}/memos/${memo}/remove`);
  assert.equal(r.status, 200, 'asks first');
  assert.match(mainOf(r.text), /Weet u zeker/);
  assert.equal(Number(one(`SELECT count(*) FROM research_memo WHERE id = ${memo}`)), 1);
  r = await as.researcher.post(`/research/${p}/memos/${memo}/remove`, { confirm: '1' });
  assert.equal(r.status, 303);
  assert.match(r.headers.get('location'), new RegExp(`^/research/${p}\\?done=research-memo-removed`));
  page = mainOf((await as.researcher.get(`/research/${p}`)).text);
  assert.doesNotMatch(page, /eerste indruk/);
  export1 = await qde(p);
  assert.doesNotMatch(export1, /eerste indruk/);
  assert.match(export1, /Memo bij de code: vaak genoemd\./, 'the code\'s memo stays');
  assert.equal(audited('research.memo_remove', memo), 1);
  // the code's memo, through the API, and it is gone from the code's page
  r = await json(api.researcher, 'DELETE', `/api/v1/research/${p}/memos/${codeMemo}`);
  assert.equal(r.status, 200);
  assert.doesNotMatch(mainOf((await as.researcher.get(`/research/${p}/codes/${code}`)).text), /vaak genoemd/);
  assert.equal(audited('research.memo_remove', codeMemo), 1);
  assert.equal((await json(api.researcher, 'DELETE', `/api/v1/research/${p}/memos/${codeMemo}`)).status, 404, 'gone');
  // a memo on a source: removed from the source's page, and back there
  const source = Number(one(`SELECT id FROM research_source WHERE project_id = ${p}`));
  const onSource = (await json(api.researcher, 'POST', `/api/v1/research/${p}/memos`, { target: 'source', target_id: source, text: 'Memo bij de bron.' })).json().id;
  assert.match(mainOf((await as.researcher.get(`/research/${p}/sources/${source}`)).text),
    new RegExp(`action="/research/${p}/memos/${onSource}/remove"`));
  r = await as.researcher.post(`/research/${p}/memos/${onSource}/remove`, { confirm: '1' });
  assert.equal(r.status, 303);
  assert.match(r.headers.get('location'), new RegExp(`^/research/${p}/sources/${source}\\?done=research-memo-removed`));
  assert.doesNotMatch(mainOf((await as.researcher.get(`/research/${p}/sources/${source}`)).text), /Memo bij de bron/);
});

test('a replaced word is removed on the page and through DELETE; outsiders 404; audited', async () => {
  const { p, term } = await project();
  const other = (await json(api.researcher, 'POST', `/api/v1/research/${p}/terms`, { term: 'Zwolle', replacement: '[plaats]' })).json().id;
  for (const who of ['nonmember', 'other_org']) {
    await as[who].get('/research');
    assert.equal((await as[who].post(`/research/${p}/terms/${term}/remove`)).status, 404, who);
    assert.equal((await json(api[who], 'DELETE', `/api/v1/research/${p}/terms/${term}`)).status, 404, who);
  }
  assert.equal(Number(one(`SELECT count(*) FROM research_term WHERE project_id = ${p}`)), 2);
  const page = mainOf((await as.researcher.get(`/research/${p}`)).text);
  assert.match(page, /aria-label="Stadskantoor niet meer vervangen"/);
  let r = await as.researcher.post(`/research/${p}/terms/${term}/remove`);
  assert.equal(r.status, 303);
  assert.deepEqual(sql(`SELECT term FROM research_term WHERE project_id = ${p}`), [{ term: 'Zwolle' }]);
  assert.equal(audited('research.term_remove', term), 1);
  r = await json(api.researcher, 'DELETE', `/api/v1/research/${p}/terms/${other}`);
  assert.equal(r.status, 200);
  assert.equal(Number(one(`SELECT count(*) FROM research_term WHERE project_id = ${p}`)), 0);
  assert.equal(audited('research.term_remove', other), 1);
});

test('a project is removed with all its own rows after a question naming what goes; the logbook entry it copied stays', async () => {
  const { p } = await project('Weg ermee');
  // a logbook entry of the participant, consented, taken as a source and coded
  await as.participant.get('/logbook');
  let r = await as.participant.post('/logbook', { entry_date: '2026-11-20', energy_gave: 'Het overleg met mijn team.',
    energy_cost: '', body: 'Tijdens het overleg zei niemand iets.', tags: '' });
  assert.equal(r.status, 303);
  const entry = Number(one(`SELECT max(id) FROM logbook_entry WHERE person_id = (SELECT person_id FROM account
    WHERE email = '${demoEmail('participant', 'gemeente')}')`));
  await as.participant.get(`/logbook/${entry}`);
  assert.equal((await as.participant.post(`/logbook/${entry}/consent`, { consent: '1' })).status, 303);
  r = await json(api.researcher, 'POST', `/api/v1/research/${p}/sources/take`, { kind: 'logbook', ref: entry });
  assert.equal(r.status, 201, r.text);
  const taken = r.json().id;
  const code = Number(one(`SELECT id FROM research_code WHERE project_id = ${p}`));
  r = await json(api.researcher, 'POST', `/api/v1/research/${p}/passages`, { source_id: taken, start: 0, end: 10, codes: [code] });
  assert.equal(r.status, 201, r.text);
  // a second member, who loses the project too
  await as.researcher.get(`/research/${p}`);
  assert.equal((await as.researcher.post(`/research/${p}/members`, { email: 'onderzoeker2@gemeente.example' })).status, 303);
  const tables = ['research_coder', 'research_source', 'research_code', 'research_selection', 'research_memo', 'research_term'];
  const counts = () => Object.fromEntries(tables.map((t) => [t, Number(one(`SELECT count(*) FROM ${t} WHERE project_id = ${p}`))]));
  const had = counts();
  assert.ok(Object.values(had).every((n) => n > 0), JSON.stringify(had));
  // others: 404, and nothing goes
  for (const who of ['other_org']) {
    await as[who].get('/research');
    assert.equal((await as[who].post(`/research/${p}/remove`, { confirm: '1' })).status, 404, who);
    assert.equal((await json(api[who], 'DELETE', `/api/v1/research/${p}`)).status, 404, who);
  }
  const outsider = await project();
  await as.nonmember.get('/research');
  assert.equal((await as.nonmember.post(`/research/${outsider.p}/remove`, { confirm: '1' })).status, 404, 'no member');
  assert.equal((await json(api.nonmember, 'DELETE', `/api/v1/research/${outsider.p}`)).status, 404, 'no member');
  assert.equal(Number(one(`SELECT count(*) FROM research_project WHERE id = ${outsider.p}`)), 1);
  assert.deepEqual(counts(), had);
  // the question: what goes, who else loses it, what stays
  await as.researcher.get(`/research/${p}`);
  r = await as.researcher.post(`/research/${p}/remove`);
  assert.equal(r.status, 200);
  const q = mainOf(r.text);
  assert.match(q, /Weet u zeker dat u het onderzoeksproject Weg ermee/);
  assert.match(q, /2 bronnen/);
  assert.match(q, /1 gecodeerd fragment/);
  assert.match(q, /Tweede onderzoeker/);
  assert.match(q, /blijven waar ze zijn/);
  assert.equal(Number(one(`SELECT count(*) FROM research_project WHERE id = ${p}`)), 1, 'the question changes nothing');
  r = await as.researcher.post(`/research/${p}/remove`, { confirm: '1' });
  assert.equal(r.status, 303);
  assert.equal(r.headers.get('location'), '/research?done=research-removed');
  assert.equal(Number(one(`SELECT count(*) FROM research_project WHERE id = ${p}`)), 0);
  assert.deepEqual(counts(), Object.fromEntries(tables.map((t) => [t, 0])));
  assert.equal(Number(one(`SELECT count(*) FROM logbook_entry WHERE id = ${entry} AND research_consent = 1`)), 1, 'the original stays');
  assert.equal(Number(one(`SELECT count(*) FROM audit_log WHERE action = 'research.remove' AND object_id = ${p}
    AND detail = 'Weg ermee (sources 2, codes 1, passages 1)'`)), 1);
  assert.doesNotMatch(mainOf((await as.researcher.get('/research')).text), /Weg ermee/);
  assert.equal((await as.researcher.get(`/research/${p}`)).status, 404);
  // the API twin
  const second = await project();
  r = await json(api.researcher, 'DELETE', `/api/v1/research/${second.p}`);
  assert.equal(r.status, 200);
  assert.equal(Number(one(`SELECT count(*) FROM research_project WHERE id = ${second.p}`)), 0);
  assert.equal(audited('research.remove', second.p), 1);
  assert.equal((await json(api.researcher, 'DELETE', `/api/v1/research/${second.p}`)).status, 404);
});
