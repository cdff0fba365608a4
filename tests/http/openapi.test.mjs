// The OpenAPI description (issue 21): served at /api/v1/openapi.json, valid
// OpenAPI 3.1 by @seriousme/openapi-schema-validator, every API route of the
// route table in it; then each documented route is called once, as the
// example in tests/http/api_examples/ says (who, which ids, which body), and
// its answer, status and body, is checked against the description with ajv
// (JSON Schema 2020-12, the dialect of OpenAPI 3.1). The example bodies are
// checked against the described request bodies too, so the description says
// what the server takes. A route without an example fails here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Validator } from '@seriousme/openapi-schema-validator';
import Ajv2020 from 'ajv/dist/2020.js';
import { startServer, Client, demoEmail, routes } from '../lib/server.mjs';
import { sqlRows } from '../lib/db.mjs';

const here = dirname(fileURLToPath(import.meta.url));
let srv, doc;
const clients = new Map();

// the path of a route pattern in the description (openapi_path in src/web/openapi.c)
export function docPath(pattern) {
  let n = 0;
  return pattern.replace(/\{id\}/g, () => (++n === 1 ? '{id}' : `{id${n}}`));
}

async function examples() {
  const all = {};
  for (const f of readdirSync(join(here, 'api_examples')).filter((x) => x.endsWith('.mjs')).sort()) {
    const part = (await import(join(here, 'api_examples', f))).default;
    for (const [k, v] of Object.entries(part)) {
      assert.ok(!(k in all), `${k} has an example in two files (again in ${f})`);
      all[k] = v;
    }
  }
  return all;
}

async function client(as, org = 'gemeente') {
  if (as === 'nobody') return new Client(srv.base);
  const key = `${as}@${org}`;
  if (!clients.has(key)) {
    const c = new Client(srv.base);
    await c.login(demoEmail(as, org));
    clients.set(key, c);
  }
  return clients.get(key);
}

// ajv with the description's schemas as $defs of one schema, 'doc'
function validatorOf(d) {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  const rewrite = (v) => {
    if (Array.isArray(v)) return v.map(rewrite);
    if (v && typeof v === 'object') {
      const o = {};
      for (const [k, x] of Object.entries(v))
        o[k] = k === '$ref' && typeof x === 'string' && x.startsWith('#/components/schemas/')
          ? `doc#/$defs/${x.slice('#/components/schemas/'.length)}` : rewrite(x);
      return o;
    }
    return v;
  };
  ajv.addSchema({ $id: 'doc', $defs: rewrite(d.components.schemas) });
  return (schema) => ajv.compile(rewrite(schema));
}

before(async () => {
  srv = await startServer();
  const r = await new Client(srv.base).get('/api/v1/openapi.json');
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /^application\/json/);
  doc = r.json();
});
after(() => srv?.stop());

// LEERGANG_OPENAPI_AREA=FILE (a name in api_examples/ without .mjs) narrows
// both tests to the routes with an example in that file, while a part of the
// API is being written; make check runs them whole.
const AREA = process.env.LEERGANG_OPENAPI_AREA;

async function apiRoutes(ex) {
  const api = routes().filter((rt) => rt.kind === 'api');
  if (!AREA) return api;
  const mine = new Set(Object.keys((await import(join(here, 'api_examples', `${AREA}.mjs`))).default));
  return api.filter((rt) => mine.has(`${rt.method} ${rt.pattern}`));
}

test('the description is valid OpenAPI 3.1 and holds every API route of the table', async () => {
  const v = new Validator();
  const res = await v.validate(structuredClone(doc));
  assert.ok(res.valid, JSON.stringify(res.errors, null, 1)?.slice(0, 3000));
  assert.equal(v.version, '3.1');
  const api = await apiRoutes();
  if (!AREA) assert.ok(api.length > 100);
  const wrong = [];
  for (const rt of api) {
    const key = `${rt.method} ${rt.pattern}`;
    const op = doc.paths[docPath(rt.pattern)]?.[rt.method.toLowerCase()];
    if (!op) { wrong.push(`${key}: not in the description`); continue; }
    if (!op.summary || !op.responses) wrong.push(`${key}: no summary or answers`);
    // who may call it, as the route table says
    const access = rt.public ? 'public' : rt.signed_in ? 'signed-in' : rt.roles;
    if (JSON.stringify(op['x-leergang-access']) !== JSON.stringify(access)) wrong.push(`${key}: access differs from the table`);
    if (!rt.public && !op.responses['401']) wrong.push(`${key}: 401 not described`);
  }
  assert.deepEqual(wrong, []);
  if (!AREA) {
    const described = Object.values(doc.paths).reduce((n, item) => n + Object.keys(item).length, 0);
    assert.equal(described, api.length, 'nothing is described that has no route');
  }
  // every schema compiles
  const compile = validatorOf(doc);
  for (const [p, item] of Object.entries(doc.paths))
    for (const [m, op] of Object.entries(item))
      for (const [status, resp] of Object.entries(op.responses))
        for (const media of Object.values(resp.content ?? {}))
          if (media.schema) assert.doesNotThrow(() => compile(media.schema), `${m} ${p} ${status}`);
});

// One route, called as its example says; what is wrong, or null.
async function tryRoute(rt, e, ctx, compile) {
  const key = `${rt.method} ${rt.pattern}`;
  const op = doc.paths[docPath(rt.pattern)]?.[rt.method.toLowerCase()];
  if (!op) return 'not in the description';
  const ids = e.ids ? await e.ids(ctx) : [];
  if (ids.length !== (rt.pattern.match(/\{id\}/g) || []).length) return `the example gives ${ids.length} ids`;
  let i = 0;
  // query: a string, or (ctx, ids) => string when it names what the example made
  const query = typeof e.query === 'function' ? await e.query(ctx, ids) : e.query;
  const path = rt.pattern.replace(/\{id\}/g, () => String(ids[i++])) + (query ? `?${query}` : '');
  const c = await client(e.as, e.org);
  const headers = typeof e.headers === 'function' ? await e.headers(ctx, ids) : e.headers ?? {};
  let r;
  if (rt.method === 'GET') {
    r = await c.get(path, { headers });
  } else {
    const body = typeof e.body === 'function' ? await e.body(ctx, ids) : e.body;
    const raw = e.raw ?? JSON.stringify(body ?? {});
    const type = e.contentType ?? 'application/json';
    const schema = type === 'application/json' && op.requestBody?.content?.['application/json']?.schema;
    if (schema) {
      const check = compile(schema);
      if (!check(JSON.parse(raw))) return `the example's body does not fit the description: ${JSON.stringify(check.errors)}`;
    }
    r = await c.request(rt.method, path, { body: raw, headers: { 'content-type': type, ...headers } });
  }
  const status = e.status ?? (rt.method === 'GET' ? 200 : 201);
  if (r.status !== status) return `${path} answered ${r.status}, not ${status}: ${r.text.slice(0, 300)}`;
  const resp = op.responses[String(r.status)];
  if (!resp) return `status ${r.status} is not described`;
  const type = (r.headers.get('content-type') || '').split(';')[0];
  const media = resp.content?.[type];
  if (!media && resp.content) return `${type} is not a described answer (${Object.keys(resp.content)})`;
  if (type === 'application/json' && media?.schema) {
    const check = compile(media.schema);
    if (!check(r.json())) return `the answer does not fit the description: ${JSON.stringify(check.errors)?.slice(0, 800)}\n${r.text.slice(0, 400)}`;
  }
  if (e.after) await e.after(ctx, r, ids);
  assert.ok(key);
  return null;
}

test('each documented route, called once as its example says, answers as described', async () => {
  const ex = await examples();
  const compile = validatorOf(doc);
  const sql = (q) => sqlRows(srv.db, q);
  const ctx = { sql, client, one: (q) => { const rows = sql(q); assert.ok(rows.length, `no row for ${q}`); return Object.values(rows[0])[0]; } };
  const api = await apiRoutes();
  const all = routes().filter((rt) => rt.kind === 'api');
  for (const k of Object.keys(ex)) assert.ok(all.some((rt) => `${rt.method} ${rt.pattern}` === k), `${k}: an example of a route that is not there`);
  const wrong = [];
  let called = 0;
  for (const rt of api) {
    const key = `${rt.method} ${rt.pattern}`;
    if (!ex[key]) { wrong.push(`${key}: no example in tests/http/api_examples/`); continue; }
    try {
      const why = await tryRoute(rt, ex[key], ctx, compile);
      if (why) wrong.push(`${key}: ${why}`); else called++;
    } catch (err) {
      wrong.push(`${key}: ${err.message}`);
    }
  }
  assert.deepEqual(wrong, []);
  assert.equal(called, api.length);
});
