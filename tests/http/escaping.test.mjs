// A hostile name shows as text everywhere: pages, attributes, CSV, JSON.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, demoEmail, cli } from '../lib/server.mjs';

const EVIL = 'Jan <script>alert(1)</script>';
const ESCAPED = 'Jan &lt;script&gt;alert(1)&lt;/script&gt;';
let srv, admin, person;

before(async () => {
  srv = await startServer();
  admin = new Client(srv.base);
  await admin.login(demoEmail('administrator', 'politie'));
  person = (await admin.get('/api/v1/people?q=' + encodeURIComponent('<script>'))).json().people[0];
});
after(async () => { await srv.stop(); });

// leergang's own scripts by address (the people pickers) are the only script elements
function noRawMarkup(html, where) {
  assert.ok(!html.includes('<script>alert(1)'), `${where}: no live script tag`);
  const rest = html.replace(/<script src="\/static\/[a-z]+\.js"><\/script>/g, '');
  assert.ok(!/<script\b/i.test(rest), `${where}: no script elements but leergang's own, by address`);
}

test('the name is escaped in lists, the person page and the home page', async () => {
  assert.equal(person.name, EVIL, 'JSON carries the name exactly');
  for (const path of ['/people?q=Jan', `/people?unit=${person.unit_id}`, `/people/${person.id}`, '/accounts', `/people/${person.manager_id}`]) {
    const r = await admin.get(path);
    assert.equal(r.status, 200, path);
    noRawMarkup(r.text, path);
    assert.ok(r.text.includes(ESCAPED), `${path} shows the name as text`);
  }
  const p = new Client(srv.base);
  await p.login(demoEmail('participant', 'politie'));  // this account is the person with the hostile name
  const home = await p.get('/');
  noRawMarkup(home.text, 'home');
  assert.ok(home.text.includes(ESCAPED));
});

test('the name is escaped inside attributes', async () => {
  const r = await admin.get('/accounts');
  // the aria-label of the remove button holds the name
  assert.match(r.text, /aria-label="[^"]*Jan &lt;script&gt;alert\(1\)&lt;\/script&gt;[^"]*"/);
  const q = '"><script>alert(1)</script>';
  const s = await admin.get('/people?q=' + encodeURIComponent(q));
  noRawMarkup(s.text, 'search');
  assert.ok(s.text.includes('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"'));
});

test('CSV and JSON exports carry the name verbatim and guard formulas', async () => {
  const csv = await admin.get('/people.csv');
  assert.match(csv.headers.get('content-type'), /text\/csv/);
  assert.ok(csv.text.includes(`;${EVIL};`), 'CSV holds the name as it is');
  assert.ok(csv.text.includes(`"'=HYPERLINK(""http://example.com"",""klik"")"`), 'a formula is neutralised');
  const cliCsv = cli(srv.db, ['export', 'people', '--org', 'politie-demo', '--format', 'csv']);
  assert.ok(cliCsv.includes(`;${EVIL};`));
  const cliJson = JSON.parse(cli(srv.db, ['export', 'people', '--org', 'politie-demo', '--format', 'json']));
  assert.ok(cliJson.some((p) => p.name === EVIL));
  const users = JSON.parse(cli(srv.db, ['user', 'list', '--org', 'politie-demo', '--format', 'json']));
  assert.ok(users.some((u) => u.name === EVIL));
  const api = await admin.get(`/api/v1/people/${person.id}`);
  assert.match(api.headers.get('content-type'), /application\/json/);
  assert.equal(api.json().name, EVIL);
  assert.equal(api.headers.get('x-content-type-options'), 'nosniff');
});

test('every page carries a strict Content-Security-Policy: scripts only from leergang itself, none inline', async () => {
  const plain = await admin.get('/people');
  assert.ok(!/<script\b/.test(plain.text), 'a page without a people picker has no script');
  const coach = new Client(srv.base);
  await coach.login(demoEmail('coach', 'politie'));
  const r = await coach.get('/reverse-mentoring');  // a page with people pickers
  const csp = r.headers.get('content-security-policy');
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'self'(;|$)/, 'scripts only from leergang itself');
  assert.ok(!/unsafe-inline|unsafe-eval|\*/.test(csp), `nothing inline, evaluated or from anywhere: ${csp}`);
  const scripts = [...r.text.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  assert.ok(scripts.length > 0 && scripts.every((s) => /^<script src="\/static\/[a-z]+\.js">$/.test(s)),
    `only scripts of leergang by address: ${scripts.join(' ')}`);
  assert.ok(!/<script\b[^>]*>[^<]/.test(r.text), 'no inline script');
});
