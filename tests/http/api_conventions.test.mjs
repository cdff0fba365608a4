// What the API does alike on the routes it applies to (issue 21):
// ETag / If-Match on PATCH /api/v1/programmes/{id} (and the version in the
// design form), so two editors cannot overwrite each other unseen; tokens
// with a scope, made by the administrator for an account or with the
// command line, held to their scope, each use in the audit log.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, demoEmail, cli, cliResult } from '../lib/server.mjs';
import { dialect, sqlRows } from '../lib/db.mjs';

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

// ---- tokens with scopes ----------------------------------------------------

const accountId = (email) => one(`SELECT id FROM account WHERE email = '${email}'`);
const bearer = (token) => {
  const c = new Client(srv.base);
  c.headers.authorization = `Bearer ${token}`;
  return c;
};
const tokenOnPage = (text) => text.match(/id="f-token" type="text" readonly size="70" value="([0-9a-f]{64})"/)?.[1];
const uses = (tokenId) => sql(`SELECT detail, actor_id FROM audit_log WHERE action = 'token.use' AND object_kind = 'api_token' AND object_id = ${tokenId} ORDER BY id`);

let admin;
async function adminClient() {
  if (!admin) {
    admin = new Client(srv.base);
    await admin.login(demoEmail('administrator', 'gemeente'));
  }
  return admin;
}

// An account that holds no role but administrator's, such as the link with
// the HR system: the only kind, besides their own, an administrator makes
// tokens for.
const SERVICE = 'hr-koppeling@gemeente.example';
function serviceAccount() {
  if (!sql(`SELECT id FROM account WHERE email = '${SERVICE}'`).length)
    cli(srv.db, ['user', 'add', '--org', 'gemeente-demo', '--email', SERVICE, '--role', 'administrator', '--name', 'Koppeling HR'], 'een-lang-wachtwoord-van-de-koppeling\n');
  return SERVICE;
}

// A token the account's holder makes on their own page /tokens.
async function ownToken(email, scope) {
  const c = new Client(srv.base);
  await c.login(email);
  await c.get('/tokens');
  const r = await c.post('/tokens', { label: `${scope} eigen`, scope, days: '10' });
  assert.equal(r.status, 200, r.text.slice(0, 400));
  const token = tokenOnPage(r.text);
  assert.ok(token, 'the new token is shown once');
  return { token, id: one(`SELECT max(id) FROM api_token WHERE account_id = ${accountId(email)}`) };
}

// A token made by the administrator on the account's page; its id and secret.
async function adminToken(email, scope, days = '10', label = `${scope} ${email}`) {
  const a = await adminClient();
  const acc = accountId(email);
  const page = await a.get(`/accounts/${acc}/tokens`);
  assert.equal(page.status, 200);
  const r = await a.post(`/accounts/${acc}/tokens`, { label, scope, days });
  assert.equal(r.status, 200, r.text.slice(0, 400));
  const token = tokenOnPage(r.text);
  assert.ok(token, 'the new token is shown once');
  const id = one(`SELECT max(id) FROM api_token WHERE account_id = ${acc}`);
  return { token, id, acc };
}

test('the administrator makes a token with a scope and an expiry for an account of the organisation, and revokes it', async () => {
  const a = await adminClient();
  const email = serviceAccount();
  const { token, id, acc } = await adminToken(email, 'read', '10', 'Rapportage <i>BI</i>');
  const stored = sql(`SELECT scope, label, expires_at - ${dialect(srv.db).epochOf('created_at')} AS d FROM api_token WHERE id = ${id}`)[0];
  assert.equal(stored.scope, 'read');
  assert.equal(stored.d, 10 * 86400, 'works for the days asked');
  assert.equal(stored.label, 'Rapportage <i>BI</i>');
  const page = await a.get(`/accounts/${acc}/tokens`);
  assert.ok(!page.text.includes(token), 'the list never shows the token');
  assert.match(page.text, /Rapportage &lt;i&gt;BI&lt;\/i&gt;/);
  assert.match(page.text, /alleen lezen/, 'the scope, in words');
  assert.match((await a.get('/accounts')).text, new RegExp(`href="/accounts/${acc}/tokens"`), 'the accounts page leads there');
  assert.equal(one(`SELECT count(*) FROM audit_log WHERE action = 'token.create' AND object_id = ${acc} AND actor_id = ${accountId(demoEmail('administrator', 'gemeente'))}`), 1);
  // the token works as the account
  const me = await bearer(token).get('/api/v1/me');
  assert.equal(me.status, 200);
  assert.equal(me.json().email, email);
  // a bad scope or days: 422, nothing made
  const n = one(`SELECT count(*) FROM api_token WHERE account_id = ${acc}`);
  for (const [scope, days, field] of [['write', '10', 'scope'], ['', '10', null], ['read', '0', 'days']]) {
    const r = await a.post(`/accounts/${acc}/tokens`, { label: 'x', scope, days });
    if (field === null) { assert.equal(r.status, 200, 'no scope sent: all'); continue; }
    assert.equal(r.status, 422, `${scope} ${days}`);
    assert.match(r.text, new RegExp(`id="e-${field}"`));
    assert.ok(!tokenOnPage(r.text));
  }
  assert.equal(one(`SELECT count(*) FROM api_token WHERE account_id = ${acc}`), n + 1);
  assert.equal(one(`SELECT scope FROM api_token WHERE account_id = ${acc} ORDER BY id DESC LIMIT 1`), 'all');
  // revoked by the administrator, after the question
  const ask = await a.post(`/accounts/${acc}/tokens/${id}/revoke`, {});
  assert.equal(ask.status, 200);
  assert.match(ask.text, /<h1>Weet u het zeker\?<\/h1>/);
  assert.equal((await bearer(token).get('/api/v1/me')).status, 200, 'asking changes nothing');
  const rv = await a.post(`/accounts/${acc}/tokens/${id}/revoke`, { confirm: '1' });
  assert.equal(rv.status, 303);
  assert.equal(rv.headers.get('location'), `/accounts/${acc}/tokens?done=token-revoked`);
  assert.equal((await bearer(token).get('/api/v1/me')).status, 401);
  assert.equal((await a.post(`/accounts/${acc}/tokens/${id}/revoke`, { confirm: '1' })).status, 404);
});

test('an administrator makes no token for an account with another role: it would read what that role reads', async () => {
  const a = await adminClient();
  for (const role of ['coach', 'researcher', 'participant', 'mentor']) {
    const acc = accountId(demoEmail(role, 'gemeente'));
    const n = one(`SELECT count(*) FROM api_token WHERE account_id = ${acc}`);
    const page = await a.get(`/accounts/${acc}/tokens`);
    assert.match(page.text, /U maakt geen tokens voor dit account/, 'the page says so instead of offering the form');
    assert.ok(!page.text.includes('name="scope"'));
    for (const scope of ['all', 'read', 'research-export']) {
      const r = await a.post(`/accounts/${acc}/tokens`, { label: 'x', scope, days: '5' });
      assert.equal(r.status, 422, `${role} ${scope}`);
      assert.match(r.text, /U maakt geen tokens voor dit account: het heeft andere rollen dan beheerder/);
      assert.ok(!tokenOnPage(r.text));
    }
    assert.equal(one(`SELECT count(*) FROM api_token WHERE account_id = ${acc}`), n, `${role}: nothing made`);
  }
});

test('only the administrator of the account\'s own organisation manages its tokens on the page', async () => {
  const acc = accountId(serviceAccount());
  const before = one(`SELECT count(*) FROM api_token WHERE account_id = ${acc}`);
  const other = new Client(srv.base);
  await other.login(demoEmail('administrator', 'politie'));
  assert.equal((await other.get(`/accounts/${acc}/tokens`)).status, 404);
  assert.equal((await other.post(`/accounts/${acc}/tokens`, { label: 'x', scope: 'all', days: '5' })).status, 404);
  const coachC = await coach.get(`/accounts/${acc}/tokens`);
  assert.equal(coachC.status, 403);
  assert.equal((await coach.post(`/accounts/${acc}/tokens`, { label: 'x', scope: 'all', days: '5' })).status, 403);
  assert.equal(one(`SELECT count(*) FROM api_token WHERE account_id = ${acc}`), before);
  // a token of the account, revoked through the other organisation's path: not found, still there
  const { id } = await adminToken(serviceAccount(), 'read');
  assert.equal((await other.post(`/accounts/${acc}/tokens/${id}/revoke`, { confirm: '1' })).status, 404);
  assert.equal(one(`SELECT count(*) FROM api_token WHERE id = ${id}`), 1);
});

test('a read token reads and changes nothing; the refusal names its scope; every use is in the audit log without the secret', async () => {
  const { token, id } = await ownToken(demoEmail('coach', 'gemeente'), 'read');
  const c = bearer(token);
  assert.equal((await c.get('/api/v1/programmes')).status, 200);
  const progs = one('SELECT count(*) FROM programme');
  const r = await c.postJson('/api/v1/programmes', { template: 'live', name: 'Via een leestoken' });
  assert.equal(r.status, 403);
  const e = r.json().error;
  assert.equal(e.code, 'forbidden');
  assert.match(e.message, /bereik read/);
  assert.equal(one('SELECT count(*) FROM programme'), progs, 'nothing made');
  const pid = one("SELECT p.id FROM programme p JOIN organisation o ON o.id = p.organisation_id WHERE o.slug = 'gemeente-demo' ORDER BY p.id LIMIT 1");
  const g = await c.get(`/api/v1/programmes/${pid}`);
  assert.equal((await patch(c, pid, { ambition: 'x' }, g.headers.get('etag'))).status, 403);
  const log = uses(id);
  assert.deepEqual(log.map((l) => l.detail), ['GET /api/v1/programmes', 'POST /api/v1/programmes',
    `GET /api/v1/programmes/${pid}`, `PATCH /api/v1/programmes/${pid}`]);
  assert.ok(log.every((l) => l.actor_id === accountId(demoEmail('coach', 'gemeente'))), 'in the account\'s name');
  assert.equal(one(`SELECT count(*) FROM audit_log WHERE detail LIKE '%${token.slice(0, 16)}%'`), 0, 'never the secret');
  // the query is not recorded (it may hold a search for a name)
  await c.get('/api/v1/search?q=Jansen');
  assert.equal(uses(id).at(-1).detail, 'GET /api/v1/search');
  // a session is no token: nothing recorded
  const before = one("SELECT count(*) FROM audit_log WHERE action = 'token.use'");
  await coach.get('/api/v1/programmes');
  assert.equal(one("SELECT count(*) FROM audit_log WHERE action = 'token.use'"), before);
});

test('a people-sync token reaches the people sync and import only; a research-export token the exports only', async () => {
  const { token } = await adminToken(demoEmail('administrator', 'gemeente'), 'people-sync');
  const c = bearer(token);
  assert.equal((await c.get('/api/v1/people')).status, 200);
  const put = await c.request('PUT', '/api/v1/people', { body: '', headers: { 'content-type': 'text/csv' } });
  assert.equal(put.status, 400, 'past the scope: the sync itself answers (an empty export)');
  const imp = await c.request('POST', '/api/v1/people/import', { body: '', headers: { 'content-type': 'text/csv' } });
  assert.notEqual(imp.status, 403, imp.text);
  for (const path of ['/api/v1/units', '/api/v1/me', '/api/v1/organisations']) {
    const r = await c.get(path);
    assert.equal(r.status, 403, path);
    assert.match(r.json().error.message, /bereik people-sync/);
  }
  // research-export: the researcher's project export, nothing else
  const researcher = new Client(srv.base);
  await researcher.login(demoEmail('researcher', 'gemeente'));
  const made = await researcher.postJson('/api/v1/research', { name: 'Scopes', purpose: 'Wat een exporttoken mag' });
  assert.equal(made.status, 201, made.text);
  const pid = made.json().id;
  const exp = bearer((await ownToken(demoEmail('researcher', 'gemeente'), 'research-export')).token);
  const qdpx = await exp.get(`/api/v1/research/${pid}/export.qdpx`);
  assert.equal(qdpx.status, 200, qdpx.text.slice(0, 200));
  for (const path of ['/api/v1/research', `/api/v1/research/${pid}`, '/api/v1/me']) {
    const r = await exp.get(path);
    assert.equal(r.status, 403, path);
    assert.match(r.json().error.message, /bereik research-export/);
  }
  // a token's scope does not widen its roles: the researcher's export token on the people is 403 by role
  assert.equal((await exp.get('/api/v1/people')).status, 403);
});

test('the command line makes a token with a scope; an unknown scope is refused and makes nothing', async () => {
  const email = demoEmail('owner', 'gemeente');
  const token = cli(srv.db, ['token', 'create', '--email', email, '--scope', 'read', '--days', '5']).trim();
  assert.match(token, /^[0-9a-f]{64}$/);
  const [t] = JSON.parse(cli(srv.db, ['token', 'list', '--email', email, '--format', 'json']));
  assert.equal(t.scope, 'read');
  assert.equal(Date.parse(t.expires) - Date.parse(t.created), 5 * 86400e3);
  assert.equal((await bearer(token).get('/api/v1/programmes')).status, 200);
  assert.equal((await bearer(token).postJson('/api/v1/programmes', { template: 'live', name: 'CLI' })).status, 403);
  const n = one(`SELECT count(*) FROM api_token WHERE account_id = ${accountId(email)}`);
  for (const scope of ['write', 'READ', '']) {
    const r = cliResult(srv.db, ['token', 'create', '--email', email, '--scope', scope]);
    assert.notEqual(r.status, 0, scope);
    assert.match(r.stderr, /--scope/);
    assert.equal(r.stdout, '');
  }
  assert.equal(one(`SELECT count(*) FROM api_token WHERE account_id = ${accountId(email)}`), n);
});

test('the user\'s own token page offers the scopes too', async () => {
  const c = new Client(srv.base);
  await c.login(demoEmail('facilitator', 'gemeente'));
  const page = await c.get('/tokens');
  for (const s of ['all', 'read', 'people-sync', 'research-export']) assert.match(page.text, new RegExp(`<option value="${s}"`));
  const r = await c.post('/tokens', { label: 'lezen', scope: 'read', days: '3' });
  assert.equal(r.status, 200);
  const token = tokenOnPage(r.text);
  assert.equal(one(`SELECT scope FROM api_token WHERE account_id = ${accountId(demoEmail('facilitator', 'gemeente'))}`), 'read');
  assert.equal((await bearer(token).get('/api/v1/me')).status, 200);
});

// ---- idempotency keys --------------------------------------------------------

const create = (c, name, key, extra = {}) => c.request('POST', '/api/v1/programmes', {
  body: JSON.stringify({ template: 'live', name, ...extra }),
  headers: { 'content-type': 'application/json', ...(key === undefined ? {} : { 'idempotency-key': key }) },
});
const programmesNamed = (name) => one(`SELECT count(*) FROM programme WHERE name = '${name.replace(/'/g, "''")}'`);

test('a repeat with the same Idempotency-Key and body answers the kept answer and makes one row, not two', async () => {
  const key = `sleutel-${Date.now()} {met spaties & tekens}~`;
  const first = await create(coach, 'Eenmalig', key);
  assert.equal(first.status, 201, first.text);
  assert.equal(first.headers.get('idempotent-replayed'), null);
  const again = await create(coach, 'Eenmalig', key);
  assert.equal(again.status, 201);
  assert.equal(again.text, first.text, 'the same answer, the same id');
  assert.equal(again.headers.get('idempotent-replayed'), 'true');
  assert.match(again.headers.get('content-type'), /^application\/json/);
  assert.equal(programmesNamed('Eenmalig'), 1);
  const kept = sql(`SELECT account_id, status FROM idempotency_key WHERE key = '${key.replace(/'/g, "''")}'`);
  assert.deepEqual(kept, [{ account_id: accountId(demoEmail('coach', 'gemeente')), status: 201 }]);
  // without a key, the same body makes a thing (and is refused here by the domain: the name is taken)
  assert.equal((await create(coach, 'Eenmalig')).status, 422);
  assert.equal(programmesNamed('Eenmalig'), 1);
});

test('the same key with another body or address is 422 on Idempotency-Key; a bad key is refused; nothing made', async () => {
  const key = `ander-${Date.now()}`;
  assert.equal((await create(coach, 'Eerste verzoek', key)).status, 201);
  const other = await create(coach, 'Tweede verzoek', key);
  assert.equal(other.status, 422);
  assert.equal(other.json().error.field, 'Idempotency-Key');
  assert.match(other.json().error.message, /Idempotency-Key is de afgelopen 24 uur gebruikt voor een ander verzoek/);
  assert.equal(programmesNamed('Tweede verzoek'), 0);
  const pid = one("SELECT p.id FROM programme p JOIN organisation o ON o.id = p.organisation_id WHERE o.slug = 'gemeente-demo' ORDER BY p.id LIMIT 1");
  const batches = one('SELECT count(*) FROM batch');
  const elsewhere = await coach.request('POST', `/api/v1/programmes/${pid}/batches`, {
    body: JSON.stringify({ template: 'live', name: 'Eerste verzoek' }), headers: { 'content-type': 'application/json', 'idempotency-key': key },
  });
  assert.equal(elsewhere.status, 422, 'the same body to another address is another request');
  assert.equal(one('SELECT count(*) FROM batch'), batches);
  for (const bad of ['', 'x'.repeat(256), 'sleutel\u00e9']) {
    const r = await create(coach, 'Slechte sleutel', bad);
    assert.equal(r.status, 422, JSON.stringify(bad));
    assert.equal(r.json().error.field, 'Idempotency-Key');
  }
  assert.equal((await create(coach, 'Lange sleutel', 'k'.repeat(255))).status, 201, '255 characters are fine');
  assert.equal(programmesNamed('Slechte sleutel'), 0);
});

test('keys are per account: another account\'s request with the same key is its own', async () => {
  const key = `gedeeld-${Date.now()}`;
  assert.equal((await create(coach, 'Van de coach', key)).status, 201);
  // another account (the politie's coach), the same key: done, not refused as another request
  const r = await create(coachPolitie, 'Van de politie', key);
  assert.equal(r.status, 201, r.text);
  assert.equal(r.headers.get('idempotent-replayed'), null);
  assert.equal(programmesNamed('Van de politie'), 1);
  assert.equal(one(`SELECT count(*) FROM idempotency_key WHERE key = '${key}'`), 2);
});

test('two concurrent requests with one key make one row; a refusal (422) is kept and given again', async () => {
  for (let round = 0; round < 6; round++) {
    const key = `gelijktijdig-${Date.now()}-${round}`;
    const name = `Gelijktijdig ${round}`;
    const answers = await Promise.all([create(coach, name, key), create(coach, name, key)]);
    const statuses = answers.map((a) => a.status).sort();
    assert.ok(['201,201', '201,409'].includes(statuses.join()), statuses.join());
    assert.equal(programmesNamed(name), 1, 'one row, not two');
    const busy = answers.find((a) => a.status === 409);
    if (busy) assert.equal(busy.json().error.field, 'Idempotency-Key');
    const late = await create(coach, name, key);
    assert.equal(late.status, 201);
    assert.equal(late.headers.get('idempotent-replayed'), 'true');
  }
  const key = `fout-${Date.now()}`;
  const bad = await create(coach, '', key);
  assert.equal(bad.status, 422);
  const again = await create(coach, '', key);
  assert.equal(again.status, 422);
  assert.equal(again.text, bad.text);
  assert.equal(again.headers.get('idempotent-replayed'), 'true');
});

test('a key older than a day is free again, and the daily retention run removes it', async () => {
  const key = `oud-${Date.now()}`;
  const first = await create(coach, 'Gisteren', key);
  assert.equal(first.status, 201);
  sql(`UPDATE idempotency_key SET created_at = created_at - 86401 WHERE key = '${key}'`);
  // past its day the key is taken again: the request is done again (the name is taken now)
  const again = await create(coach, 'Gisteren', key);
  assert.equal(again.status, 422);
  assert.equal(again.headers.get('idempotent-replayed'), null);
  sql(`UPDATE idempotency_key SET created_at = created_at - 86401 WHERE key = '${key}'`);
  const fresh = `vers-${Date.now()}`;
  assert.equal((await create(coach, 'Vandaag', fresh)).status, 201);
  const out = cli(srv.db, ['retention', 'run']);
  assert.match(out, /1 idempotency keys older than a day removed/);
  assert.equal(one(`SELECT count(*) FROM idempotency_key WHERE key = '${key}'`), 0);
  assert.equal(one(`SELECT count(*) FROM idempotency_key WHERE key = '${fresh}'`), 1, 'a key of today stays');
});

// ---- pagination with Link headers ---------------------------------------------

// The links of a Link header by rel (RFC 8288: <uri>; rel="x", ...).
function links(header) {
  const out = {};
  for (const m of (header ?? '').matchAll(/<([^>]*)>\s*;\s*rel="([^"]+)"/g)) out[m[2]] = m[1];
  return out;
}

test('a list with limit and offset links its first, previous, next and last pages; following next walks every item once', async () => {
  const admin = await adminClient();
  const all = await admin.get('/api/v1/people?limit=1000');
  assert.equal(all.status, 200);
  const total = all.json().total;
  assert.ok(total > 7 && total <= 1000, `${total} people`);
  assert.equal(all.headers.get('link'), null, 'all on one page: no links');
  const seen = [];
  let url = '/api/v1/people?limit=3', pages = 0, prev = null;
  while (url) {
    const r = await admin.get(url);
    assert.equal(r.status, 200, url);
    const body = r.json();
    seen.push(...body.people.map((p) => p.id));
    const l = links(r.headers.get('link'));
    const base = new URL(l.first);
    assert.equal(base.pathname, '/api/v1/people');
    assert.equal(base.searchParams.get('offset'), '0');
    assert.equal(base.searchParams.get('limit'), '3');
    assert.equal(new URL(l.last).searchParams.get('offset'), String(Math.floor((total - 1) / 3) * 3));
    if (body.offset === 0) assert.equal(l.prev, undefined, 'no page before the first');
    else assert.equal(new URL(l.prev).searchParams.get('offset'), String(prev));
    if (body.offset + 3 < total) assert.equal(new URL(l.next).searchParams.get('offset'), String(body.offset + 3));
    else assert.equal(l.next, undefined, 'no page after the last');
    prev = body.offset;
    url = l.next ? new URL(l.next).pathname + new URL(l.next).search : null;
    pages++;
  }
  assert.equal(pages, Math.ceil(total / 3));
  assert.equal(seen.length, total);
  assert.equal(new Set(seen).size, total, 'every one once');
  assert.deepEqual([...seen].sort((a, b) => a - b), all.json().people.map((p) => p.id).sort((a, b) => a - b));
});

test('the links keep the other arguments, encoded, and a page past the end leads back', async () => {
  const admin = await adminClient();
  const q = 'e';  // in many names
  const r = await admin.get(`/api/v1/people?q=${q}&inactive=1&limit=2&offset=2`);
  assert.equal(r.status, 200);
  const total = r.json().total;
  assert.ok(total > 4, `${total} found`);
  const l = links(r.headers.get('link'));
  for (const rel of ['first', 'prev', 'next', 'last']) {
    const u = new URL(l[rel]);
    assert.equal(u.searchParams.get('q'), q, rel);
    assert.equal(u.searchParams.get('inactive'), '1', rel);
    assert.equal(u.searchParams.getAll('limit').length, 1, 'one limit');
  }
  const next = await admin.get(new URL(l.next).pathname + new URL(l.next).search);
  assert.equal(next.json().total, total, 'the same filter');
  assert.equal(next.json().offset, 4);
  // a search text with the characters a URL treats apart stays one text
  const odd = 'foo+bar/baz?x=1&y=2 #';
  const o = await admin.get(`/api/v1/people?q=${encodeURIComponent(odd)}&limit=1&offset=1`);
  assert.equal(o.status, 200);
  const ol = links(o.headers.get('link'));
  assert.equal(new URL(ol.first).searchParams.get('q'), odd);
  // past the end: first and a prev that is the last page, no next
  const past = await admin.get(`/api/v1/people?limit=2&offset=100000`);
  const pl = links(past.headers.get('link'));
  assert.deepEqual(past.json().people, []);
  assert.equal(pl.next, undefined);
  assert.equal(new URL(pl.prev).searchParams.get('offset'), new URL(pl.last).searchParams.get('offset'));
});
