// What the API does alike on the routes it applies to (issue 21):
// ETag / If-Match on PATCH /api/v1/programmes/{id} (and the version in the
// design form), so two editors cannot overwrite each other unseen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, demoEmail } from '../lib/server.mjs';
import { sqlRows } from '../lib/db.mjs';

let srv, coach, coachPolitie;
const sql = (q) => sqlRows(srv.db, q);
const one = (q) => Object.values(sql(q)[0] ?? {})[0];
const row = (id) => sql(`SELECT name, ambition, target_group, group_min, group_max, version FROM programme WHERE id = ${id}`)[0];

before(async () => {
  srv = await startServer();
  coach = new Client(srv.base);
  await coach.login(demoEmail('coach', 'gemeente'));
  coachPolitie = new Client(srv.base);
  await coachPolitie.login(demoEmail('coach', 'politie'));
});
after(() => srv?.stop());

let made = 0;
// A fresh programme of the municipality from template (live: meetings, amsterdam: modules).
async function freshProgramme(template = 'live') {
  const r = await coach.postJson('/api/v1/programmes', { template, name: `Conventies ${template} ${++made}` });
  assert.equal(r.status, 201, r.text);
  return r.json().id;
}
const patch = (c, id, body, etag, extra = {}) => c.request('PATCH', `/api/v1/programmes/${id}`, {
  body: JSON.stringify(body),
  headers: { 'content-type': 'application/json', ...(etag === undefined ? {} : { 'if-match': etag }), ...extra },
});
const etagOf = async (id) => {
  const r = await coach.get(`/api/v1/programmes/${id}`);
  assert.equal(r.status, 200);
  return r.headers.get('etag');
};

test('GET sends the version as a strong ETag; PATCH with it saves, answers the new ETag, and writes the audit entry', async () => {
  const id = await freshProgramme();
  const etag = await etagOf(id);
  assert.match(etag, /^"[1-9][0-9]*"$/, 'a strong validator, no W/');
  assert.equal(etag, `"${row(id).version}"`);
  const r = await patch(coach, id, { ambition: 'Groei <b>& bloei</b>', group_min: 9, rationale_guidance: 'Omdat' }, etag);
  assert.equal(r.status, 200, r.text);
  const body = r.json();
  const stored = row(id);
  assert.equal(stored.ambition, 'Groei <b>& bloei</b>');
  assert.equal(stored.group_min, 9);
  assert.equal(stored.version, Number(etag.slice(1, -1)) + 1, 'the version went up by one');
  assert.equal(r.headers.get('etag'), `"${stored.version}"`);
  assert.equal(body.version, stored.version);
  assert.equal(body.ambition, stored.ambition);
  assert.equal(body.rationale_guidance, 'Omdat');
  assert.equal(one(`SELECT rationale FROM design_element WHERE programme_id = ${id} AND kind = 'guidance'`), 'Omdat');
  assert.equal(await etagOf(id), r.headers.get('etag'), 'GET gives the same ETag as the PATCH answered');
  assert.equal(one(`SELECT count(*) FROM audit_log WHERE action = 'programme.update' AND object_id = ${id}`), 1);
  // fields left out stay as they were
  assert.equal(stored.target_group, one(`SELECT target_group FROM programme WHERE id = ${id}`));
});

test('PATCH without If-Match is 428, with a stale or foreign one 412; nothing changes', async () => {
  const id = await freshProgramme();
  const etag = await etagOf(id);
  const before = row(id);
  for (const h of [undefined, '*', ' ']) {
    const r = await patch(coach, id, { ambition: 'Nee' }, h);
    assert.equal(r.status, 428, `If-Match ${h}`);
    const e = r.json().error;
    assert.equal(e.code, 'precondition_required');
    assert.equal(e.field, 'If-Match');
    assert.match(e.message, /If-Match/);
    assert.match(e.message, /ETag/);
    assert.match(e.message, /Stuur/, 'in Dutch');
  }
  const stale = `"${before.version + 1}"`;
  for (const h of [stale, `W/${etag}`, etag.slice(1, -1), `${etag}, ${stale}`, '"0"', '"abc"', `"${'9'.repeat(25)}"`]) {
    const r = await patch(coach, id, { ambition: 'Nee' }, h);
    assert.equal(r.status, 412, `If-Match ${h}: ${r.text}`);
    assert.equal(r.json().error.code, 'precondition_failed');
    assert.equal(r.json().error.field, 'If-Match');
  }
  assert.deepEqual(row(id), before);
  // a change, then the old ETag again: the second writer sees 412
  assert.equal((await patch(coach, id, { ambition: 'Eerste' }, etag)).status, 200);
  const late = await patch(coach, id, { ambition: 'Tweede' }, etag);
  assert.equal(late.status, 412);
  assert.match(late.json().error.message, /Iemand anders heeft dit programma gewijzigd/);
  assert.equal(row(id).ambition, 'Eerste');
});

test('two concurrent PATCHes with the same ETag: exactly one 200, the other 412, and the winner\'s change is the one stored', async () => {
  const id = await freshProgramme();
  for (let round = 0; round < 12; round++) {
    const etag = await etagOf(id);
    const version = row(id).version;
    const bodies = [{ ambition: `A${round}`, group_max: 13 }, { ambition: `B${round}`, group_max: 15 }];
    const answers = await Promise.all(bodies.map((b) => patch(coach, id, b, etag)));
    const statuses = answers.map((r) => r.status).sort();
    assert.deepEqual(statuses, [200, 412], `round ${round}: ${answers.map((r) => r.text).join(' | ')}`);
    const won = answers.findIndex((r) => r.status === 200);
    const stored = row(id);
    assert.equal(stored.ambition, bodies[won].ambition, 'the winner\'s fields are stored');
    assert.equal(stored.group_max, bodies[won].group_max);
    assert.equal(stored.version, version + 1, 'one change, not two');
    assert.equal(answers[won].headers.get('etag'), `"${version + 1}"`);
    assert.equal(answers[1 - won].json().error.field, 'If-Match');
  }
});

test('bad input is 422 with the field and the Dutch message; nothing changes, the version stays', async () => {
  const id = await freshProgramme('live');
  const modules = await freshProgramme('amsterdam');
  const shapes = sql(`SELECT id, shape FROM programme WHERE id IN (${id}, ${modules})`);
  const shapeOf = (x) => shapes.find((s) => s.id === x).shape;
  assert.equal(shapeOf(id), 'meeting_series');
  assert.equal(shapeOf(modules), 'modules');
  const cases = [
    [id, { name: '' }, 'name', /Naam/],
    [id, { group_min: 12, group_max: 11 }, 'group_max', /kleinste/],
    [id, { group_min: 'tien' }, 'group_min', /geheel getal/],
    [id, { group_min: 1e12 }, 'group_min', /heel getal van 1 tot en met 50/],
    [id, { ambition: 12 }, 'ambition', /als tekst/],
    [id, { menu_justify: 'ja' }, 'menu_justify', /true of false/],
    [id, { ambitie: 'x' }, 'ambitie', /geen veld ambitie/],
    [id, { version: 99 }, 'version', /geen veld version/],
    [id, { followup: 'x'.repeat(4001) }, 'followup', /.+/],
    [modules, { menu_min: 2 }, 'menu_min', /menukaart/],
  ];
  for (const [pid, body, field, message] of cases) {
    const before = row(pid);
    const r = await patch(coach, pid, body, `"${before.version}"`);
    assert.equal(r.status, 422, `${JSON.stringify(body).slice(0, 80)}: ${r.text.slice(0, 200)}`);
    const e = r.json().error;
    assert.equal(e.code, 'invalid');
    assert.equal(e.field, field, JSON.stringify(body).slice(0, 80));
    assert.match(e.message, message);
    assert.ok(e.problems.some((p) => p.field === field));
    assert.deepEqual(row(pid), before, 'nothing changed');
  }
  for (const raw of ['[1]', 'nee', '']) {
    const r = await coach.request('PATCH', `/api/v1/programmes/${id}`, {
      body: raw, headers: { 'content-type': 'application/json', 'if-match': `"${row(id).version}"` },
    });
    assert.equal(r.status, 400, raw);
  }
});

test('another organisation\'s programme is 404, with or without If-Match; a reader without the coach role 403', async () => {
  const id = await freshProgramme();
  const before = row(id);
  assert.equal((await patch(coachPolitie, id, { ambition: 'x' }, `"${before.version}"`)).status, 404);
  assert.equal((await patch(coachPolitie, id, { ambition: 'x' })).status, 404);
  const owner = new Client(srv.base);
  await owner.login(demoEmail('owner', 'gemeente'));
  assert.equal((await owner.get(`/api/v1/programmes/${id}`)).headers.get('etag'), `"${before.version}"`, 'the owner reads the ETag');
  assert.equal((await patch(owner, id, { ambition: 'x' }, `"${before.version}"`)).status, 403);
  assert.deepEqual(row(id), before);
});

test('the design form carries the version: of two coordinators editing at once, the second is told and sees what is stored', async () => {
  const id = await freshProgramme();
  const other = new Client(srv.base);
  await other.login('coach@gemeente.example');
  const formOf = async (c) => {
    const r = await c.get(`/programmes/${id}/edit`);
    assert.equal(r.status, 200);
    const version = r.text.match(/<input type="hidden" name="version" value="(\d+)">/)[1];
    return { version, name: r.text.match(/id="f-name"[^>]*value="([^"]*)"/)[1] };
  };
  const first = await formOf(coach), second = await formOf(other);
  assert.equal(first.version, String(row(id).version));
  assert.equal(second.version, first.version);
  const fields = (ambition) => ({
    name: first.name, ambition, target_group: 'Teamleiders', group_min: '10', group_max: '14', cascade_meeting: '0',
    menu_min: '0', menu_max_free: '0', menu_preparers: '0', followup_meetings: '0',
  });
  const saved = await coach.post(`/programmes/${id}`, { ...fields('Van de eerste'), version: first.version });
  assert.equal(saved.status, 303, saved.text.slice(0, 300));
  const refused = await other.post(`/programmes/${id}`, { ...fields('Van de tweede'), version: second.version });
  assert.equal(refused.status, 409);
  assert.match(refused.text, /Iemand anders heeft dit ontwerp gewijzigd nadat u het opende/);
  assert.match(refused.text, /Van de eerste/, 'the form shows what is stored now');
  assert.doesNotMatch(refused.text, /Van de tweede/);
  const now = refused.text.match(/<input type="hidden" name="version" value="(\d+)">/)[1];
  assert.equal(now, String(row(id).version), 'with the current version, so saving again works');
  assert.equal(row(id).ambition, 'Van de eerste');
  const again = await other.post(`/programmes/${id}`, { ...fields('Van de tweede'), version: now });
  assert.equal(again.status, 303);
  assert.equal(row(id).ambition, 'Van de tweede');
  // the API and the page share the version: a PATCH on the page's version is stale now
  assert.equal((await patch(coach, id, { ambition: 'x' }, `"${first.version}"`)).status, 412);
});
