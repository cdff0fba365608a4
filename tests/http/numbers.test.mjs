// Numbers from a request, on the sanitizer build: every route of the
// route table gets, one at a time, numbers that are too large for any
// integer type, negative, zero, not numbers at all, or empty — in each id
// of its path, in the query arguments that take numbers, in every numeric
// form field of the pages and in the JSON bodies of the API. No answer may
// be a 500, and the server must live through all of it (a signed overflow
// ends the sanitizer build at once: page=99999999999999999999 did so in
// the audit log and the people list). Then the answers of the paging and
// the API's arguments themselves: a page past the end is the last page, a
// bad limit is refused with a message that names it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, demoEmail, routes } from '../lib/server.mjs';
import { collectIds, fill } from '../lib/demo-ids.mjs';

const BAD = ['99999999999999999999', '9223372036854775808', '-9223372036854775809', '-1', '0', 'abc', '',
  '1e3', '0x10', '1.5', ' 7', '٣'];
// the query arguments that take a number somewhere (people, audit, API, compare)
const QUERY = ['page', 'unit', 'offset', 'limit', 'with', 'coder_a', 'coder_b', 'source', 'pseudo'];
// every numeric field of the forms in src/web/ (ids chosen from lists, counts, steps)
const FIELDS = ['parent', 'parent_id', 'group', 'group_id', 'goal_id', 'senior_id', 'junior_id', 'step', 'days',
  'position', 'part_id', 'topic_id', 'option_id', 'preparers', 'upload', 'instrument_id', 'mentor_id',
  'facilitator_id', 'number', 'people', 'group_min', 'group_max', 'cascade_meeting', 'menu_min', 'menu_max_free',
  'menu_preparers', 'followup_meetings', 'map_employee_id', 'map_name', 'map_unit', 'person_id', 'candidate_id',
  'criterion_id', 'weight', 'score', 'minutes', 'repeat', 'every', 'enrolment', 'evidence', 'texts_months',
  'logbook_months', 'answers_months', 'owner', 'review', 'person', 'presenters', 'case_person', 'from', 'active', 'buddy',
  'by_person', 'presentation', 'unit', 'ref', 'target_id', 'framework', 'code', 'coder_a', 'coder_b', 'source',
  'phase', 'contact'];
// the numeric members of the API's JSON bodies
const MEMBERS = ['number', 'person_id', 'mentor_id', 'facilitator_id', 'topic_id', 'option_id', 'people', 'buddy_id',
  'by_person_id', 'presentation_id', 'unit_id', 'ref', 'framework_id', 'source_id', 'start', 'end', 'codes', 'phase'];

// Who calls a route: the first role (in this order) that may, as the demo
// account of the politie, whose ids the probes use.
const ORDER = ['coach', 'administrator', 'facilitator', 'participant', 'mentor', 'researcher', 'owner', 'manager', 'rater'];

let srv, set;
const clients = {};
// not walked: logging out, and changing the password (no numbers in its
// form, and a dozen wrong current passwords end the session)
const table = routes().filter((rt) => rt.pattern !== '/logout' && !(rt.method === 'POST' && rt.pattern === '/password'));

before(async () => {
  srv = await startServer();
  set = (await collectIds(srv)).politie[0].ids;
  for (const role of ORDER) {
    clients[role] = new Client(srv.base);
    await clients[role].login(demoEmail(role));
  }
});
after(async () => { await srv.stop(); });

function caller(rt) {
  if (rt.public) return new Client(srv.base);
  const role = ORDER.find((r) => rt.signed_in || rt.roles.includes(r));
  return clients[role];
}

async function alive(what) {
  const r = await fetch(srv.base + '/healthz').catch((e) => ({ status: `no answer (${e.cause?.code || e.message})` }));
  assert.equal(r.status, 200, `the server is alive after ${what}`);
}

// A request whose failure to get any answer says which request it was
// (the server ended: the sanitizer's report follows when it is stopped).
async function answer(what, req) {
  try {
    return await req;
  } catch (e) {
    throw new Error(`no answer to ${what}: ${e.cause?.code || e.message}`);
  }
}

function send(c, rt, path, form) {
  const what = `${rt.method} ${path}`;
  if (rt.kind === 'api' && rt.method === 'POST') {
    return answer(what, c.request('POST', path, { body: form ?? '{}', headers: { 'content-type': 'application/json' } }));
  }
  return answer(what, rt.method === 'GET' ? c.get(path) : c.post(path, form ?? {}));
}

// The probes of one route side by side, WIDTH at once over as many
// keep-alive connections: they change nothing (a bad id is found by no
// route, a bad query argument is read by a GET), so their order does not
// matter, and the server is checked alive after each route as before.
const WIDTH = 4;
async function inParallel(items, fn) {
  let next = 0;
  const worker = async () => { while (next < items.length) await fn(items[next++]); };
  await Promise.all(Array.from({ length: Math.min(WIDTH, items.length) }, worker));
}

test('every id of every path: too large, negative, zero or not a number is no 500 and no crash', async () => {
  let probes = 0;
  for (const rt of table.filter((r) => r.pattern.includes('{id}'))) {
    const c = caller(rt);
    const n = rt.pattern.split('{id}').length - 1;
    const paths = [];
    for (let k = 0; k < n; k++) {
      for (const bad of BAD) {
        // the k-th id bad, the others real: no route takes it, so 404
        const path = fill(rt.pattern, set, rt.method).split('?')[0].split('/');
        const at = rt.pattern.split('/').map((p, j) => (p === '{id}' ? j : -1)).filter((j) => j >= 0)[k];
        path[at] = encodeURIComponent(bad);
        paths.push(path.join('/'));
      }
    }
    await inParallel(paths, async (p) => {
      const r = await send(c, rt, p);
      assert.equal(r.status, 404, `${rt.method} ${p}`);
      probes++;
    });
    await alive(`${rt.method} ${rt.pattern}`);
  }
  assert.ok(probes > 500, `${probes} probes`);
});

test('the numeric query arguments, on every route that answers GET', async () => {
  for (const rt of table.filter((r) => r.method === 'GET')) {
    const c = caller(rt);
    const base = fill(rt.pattern, set, 'GET');
    await inParallel(BAD, async (bad) => {
      const q = QUERY.map((k) => `${k}=${encodeURIComponent(bad)}`).join('&');
      const path = base + (base.includes('?') ? '&' : '?') + q;
      const r = await answer(`GET ${path}`, c.get(path));
      assert.ok(r.status < 500, `GET ${path}: ${r.status}`);
      assert.ok(rt.public || ![401, 403].includes(r.status), `GET ${path} reaches its handler: ${r.status}`);
    });
    await alive(`GET ${rt.pattern} with bad numbers in the query`);
  }
});

test('every numeric form field and JSON member, on every route that answers POST', async () => {
  for (const rt of table.filter((r) => r.method === 'POST')) {
    const c = caller(rt);
    const path = fill(rt.pattern, set, 'POST');
    for (const bad of BAD) {
      let r;
      if (rt.kind === 'api') {
        if (rt.pattern.endsWith('/import')) continue;  // a CSV body: the import's own tests
        // as JSON numbers where they are numbers, else as strings
        const v = /^-?\d+(\.\d+)?(e\d+)?$/.test(bad) ? bad : JSON.stringify(bad);
        r = await send(c, rt, path, `{${MEMBERS.map((k) => `"${k}": ${v}`).join(', ')}}`);
      } else {
        const form = FIELDS.map((k) => [k, bad]);
        form.push(['pick', `o:${bad}`], ['pick', `t:${bad}`]);
        r = await answer(`POST ${path}`, c.post(path, form));
      }
      assert.ok(r.status < 500, `POST ${path} with ${JSON.stringify(bad)}: ${r.status}`);
      assert.ok(rt.public || ![401, 403].includes(r.status), `POST ${path} reaches its handler: ${r.status}`);
    }
    await alive(`POST ${rt.pattern} with bad numbers in the form`);
  }
});

test('a page number past the end is the last page; below 1 the first', async () => {
  const admin = clients.administrator;
  const last = await admin.get('/people?page=99999999999999999999');
  assert.equal(last.status, 200);
  const m = last.text.match(/Pagina (\d+) van (\d+)/);
  assert.ok(m, 'the pager is shown');
  assert.equal(m[1], m[2], 'the last page');
  assert.match(last.text, /href="\/people\/\d+"/, 'with people on it');
  assert.match((await admin.get('/people?page=-5')).text, /Pagina 1 van/);
  assert.match((await admin.get('/people?page=abc')).text, /Pagina 1 van/);
  const audit = await admin.get('/audit?page=99999999999999999999');
  assert.equal(audit.status, 200);
  const a = audit.text.match(/Pagina (\d+) van (\d+)/);
  assert.ok(a && a[1] === a[2], 'the audit log\'s last page');
});

test('the API refuses a bad limit, offset, unit or wave with 400 and a message that names it', async () => {
  const coach = clients.coach;
  for (const [q, name] of [['limit=0', 'limit'], ['limit=1001', 'limit'], ['limit=99999999999999999999', 'limit'],
    ['limit=abc', 'limit'], ['offset=-1', 'offset'], ['offset=1.5', 'offset'], ['unit=-3', 'unit'],
    ['unit=99999999999999999999', 'unit']]) {
    const r = await coach.get(`/api/v1/people?${q}`);
    assert.equal(r.status, 400, q);
    assert.equal(r.json().error.message, `${name} moet een geheel getal van ${name === 'limit' ? 1 : 0} tot en met ${name === 'limit' ? 1000 : 999999999999999} zijn.`, q);
  }
  const ok = await coach.get('/api/v1/people?limit=2&offset=99999999999');
  assert.equal(ok.status, 200);
  assert.deepEqual(ok.json().people, [], 'an offset past the end: nobody');
  const r = await coach.get(`/api/v1/waves/${set.wave}/compare?with=-1`);
  assert.equal(r.status, 400);
  assert.match(r.json().error.message, /^with moet een geheel getal/);
});
