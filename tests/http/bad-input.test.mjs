// Bad input changes nothing and gets a clear answer: oversized bodies,
// too many headers, invalid UTF-8, unknown routes, wrong methods, forms
// re-shown with a message per field, missing CSRF tokens.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { startServer, Client, demoEmail } from '../lib/server.mjs';

let srv, admin;

// Sends raw bytes and returns the status line and the whole answer.
function raw(bytes) {
  const { port } = new URL(srv.base);
  return new Promise((resolve, reject) => {
    const s = net.connect(Number(port), '127.0.0.1');
    let data = '';
    s.on('data', (d) => { data += d; });
    s.on('end', () => resolve({ status: Number(data.split(' ')[1]), text: data }));
    s.on('error', (e) => (data ? resolve({ status: Number(data.split(' ')[1]), text: data }) : reject(e)));
    s.write(bytes);
  });
}

before(async () => {
  srv = await startServer();
  admin = new Client(srv.base);
  await admin.login(demoEmail('administrator', 'politie'));
});
after(async () => { await srv.stop(); });

test('an oversized body gets 413 and changes nothing', async () => {
  const r = await raw(`POST /api/v1/people/import HTTP/1.1\r\nHost: x\r\nContent-Type: text/csv\r\n` +
    `Content-Length: ${11 * 1024 * 1024}\r\nConnection: close\r\n\r\nabc`);
  assert.equal(r.status, 413);
  const big = 'personeelsnummer;naam\r\n' + 'X;Y\r\n'.repeat(2_300_000);
  const r2 = await admin.request('POST', '/import', { body: big, headers: { 'content-type': 'text/csv' } }).catch(() => ({ status: 413 }));
  assert.equal(r2.status, 413);
});

test('too many headers get 431', async () => {
  let req = 'GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n';
  for (let i = 0; i < 150; i++) req += `X-H${i}: ${i}\r\n`;
  const r = await raw(req + '\r\n');
  assert.equal(r.status, 431);
  const long = await raw(`GET /healthz HTTP/1.1\r\nHost: x\r\nX-Long: ${'a'.repeat(100_000)}\r\nConnection: close\r\n\r\n`);
  assert.ok([413, 431].includes(long.status), `too long header: ${long.status}`);
});

test('invalid UTF-8 in the path, query or form gets 400', async () => {
  let r = await raw('GET /people%FF HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
  assert.equal(r.status, 400);
  r = await admin.get('/people?q=%C3%28');
  assert.equal(r.status, 400);
  assert.match(r.text, /UTF-8/);
  r = await admin.request('POST', '/units', { body: `csrf=${admin.csrf}&name=%FF%FE&parent_id=0`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  assert.equal(r.status, 400);
  assert.ok(!(await admin.get('/units')).text.includes('\uFFFD'));
});

test('unknown routes get a 404 page, wrong methods 405 with Allow', async () => {
  let r = await admin.get('/bestaat-niet');
  assert.equal(r.status, 404);
  assert.match(r.text, /<h1>/);
  r = await admin.get('/people/abc');
  assert.equal(r.status, 404);
  r = await admin.request('DELETE', '/people');
  assert.equal(r.status, 405);
  assert.match(r.headers.get('allow'), /GET/);
  r = await admin.request('DELETE', '/api/v1/people');
  assert.equal(r.status, 405);
  assert.match(r.headers.get('allow'), /GET/);
  assert.match(r.headers.get('allow'), /PUT/);
  assert.equal(typeof r.json().error.message, 'string');
  r = await admin.get('/api/v1/nothing');
  assert.equal(r.status, 404);
  assert.equal(typeof r.json().error.message, 'string');
});

test('a wrong form is shown again with the input and a message per field', async () => {
  await admin.get('/units');
  const r = await admin.post('/units', { name: 'Team A/B <i>', parent_id: '0' });
  assert.equal(r.status, 422);
  assert.match(r.text, /value="Team A\/B &lt;i&gt;"/, 'the input is shown again');
  assert.match(r.text, /aria-invalid="true"/);
  assert.match(r.text, /class="field-error" id="e-name"/);
  assert.ok(!(await admin.get('/units')).text.includes('Team A/B'), 'nothing was added');
  const acc = await admin.post('/accounts', { display_name: '', email: 'geen-adres', password: 'kort', role: 'participant' });
  assert.equal(acc.status, 422);
  // an invitation: no password is typed, so none is checked
  for (const f of ['display_name', 'email']) assert.match(acc.text, new RegExp(`id="e-${f}"`), f);
  assert.match(acc.text, /value="geen-adres"/);
});

test('a form without the CSRF token is refused and changes nothing', async () => {
  const r = await admin.post('/units', { csrf: '', name: 'Zonder token', parent_id: '0' });
  assert.equal(r.status, 403);
  const r2 = await admin.post('/units', { csrf: 'f'.repeat(64), name: 'Vals token', parent_id: '0' });
  assert.equal(r2.status, 403);
  const units = (await admin.get('/units')).text;
  assert.ok(!units.includes('Zonder token') && !units.includes('Vals token'));
});

test('a redirect after log-in stays on this site', async () => {
  const c = new Client(srv.base);
  await c.get('/login');
  const r = await c.post('/login', { email: demoEmail('coach', 'politie'), password: 'leergang-demo', next: '//evil.example/' });
  assert.equal(r.status, 303);
  assert.equal(r.headers.get('location'), '/');
});
