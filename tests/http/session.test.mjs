// Log-in, log-out, password change, cookies and the two languages. The
// delays after failed log-ins (which replaced the lock-out) are in signin.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, demoEmail, PASSWORD } from '../lib/server.mjs';

let srv;
before(async () => { srv = await startServer(); });
after(async () => { await srv.stop(); });

test('the session cookie is HttpOnly and SameSite=Lax', async () => {
  const c = new Client(srv.base);
  await c.get('/login');
  const r = await c.post('/login', { email: demoEmail('coach'), password: PASSWORD, next: '/' });
  const cookie = r.headers.getSetCookie().find((x) => x.startsWith('lg_session='));
  assert.match(cookie, /HttpOnly/);
  assert.match(cookie, /SameSite=Lax/);
  assert.match(cookie, /^lg_session=[0-9a-f]{64};/);
});

test('log-out ends the session on the server', async () => {
  const c = new Client(srv.base);
  await c.login(demoEmail('mentor'));
  const old = c.cookies.get('lg_session');
  const r = await c.post('/logout', {});
  assert.equal(r.status, 303);
  const replay = new Client(srv.base);
  replay.cookies.set('lg_session', old);
  const h = await replay.get('/');
  assert.equal(h.status, 303, 'the old cookie no longer works');
});

test('a password change keeps this session and ends the others', async () => {
  const email = demoEmail('researcher');
  const a = new Client(srv.base), b = new Client(srv.base);
  await a.login(email);
  await b.login(email);
  await a.get('/password');
  let r = await a.post('/password', { current: PASSWORD, password: 'kort', repeat: 'kort' });
  assert.equal(r.status, 422);
  assert.match(r.text, /id="e-password"/);
  r = await a.post('/password', { current: 'fout-wachtwoord', password: 'nieuw-wachtwoord-1', repeat: 'nieuw-wachtwoord-1' });
  assert.equal(r.status, 422);
  assert.match(r.text, /id="e-current"/);
  r = await a.post('/password', { current: PASSWORD, password: 'nieuw-wachtwoord-1', repeat: 'nieuw-wachtwoord-1' });
  assert.equal(r.status, 303);
  assert.equal((await a.get('/')).status, 200, 'this session goes on');
  assert.equal((await b.get('/')).status, 303, 'the other session has ended');
  const c = new Client(srv.base);
  await c.login(email, 'nieuw-wachtwoord-1');
});

test('Dutch by default, English through Accept-Language and through the switch', async () => {
  const c = new Client(srv.base);
  let r = await c.get('/login');
  assert.match(r.text, /<html lang="nl">/);
  assert.match(r.text, /Inloggen/);
  assert.match(r.text, /E-mailadres/);
  r = await c.get('/login', { headers: { 'accept-language': 'en-GB,en;q=0.9' } });
  assert.match(r.text, /<html lang="en">/);
  assert.match(r.text, /Log in/);
  r = await c.get('/language?lang=en&next=%2Flogin');
  assert.equal(r.status, 303);
  assert.equal(r.headers.get('location'), '/login');
  r = await c.get('/login');
  assert.match(r.text, /<html lang="en">/);
  r = await c.get('/language?lang=nl&next=https%3A%2F%2Fevil.example');
  assert.equal(r.headers.get('location'), '/');
  r = await c.get('/login');
  assert.match(r.text, /Inloggen/);
});
