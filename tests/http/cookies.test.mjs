// Secure cookies: when people reach leergang over https, every cookie it
// sets (the log-in form's token, the session, the language, the session's
// removal) carries Secure, so that a browser never sends it over plain
// http. Over https means: LEERGANG_PUBLIC_URL begins with https://, or a
// reverse proxy that the operator trusts (LEERGANG_TRUST_PROXY=1) says
// X-Forwarded-Proto: https. Over plain http no cookie carries Secure (a
// browser would drop it), and an X-Forwarded-Proto from an untrusted client
// changes nothing.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { startServer, Client, demoEmail, PASSWORD, BIN } from '../lib/server.mjs';

const servers = [];
async function server(env) {
  const s = await startServer({ env });
  servers.push(s);
  return s;
}
after(async () => { for (const s of servers) await s.stop(); });

// Every Set-Cookie of a visit: the log-in page, signing in, choosing a
// language, a calendar link (whose address shows the scheme), signing out.
async function visit(base, headers = {}) {
  const c = new Client(base);
  c.headers = { ...headers };
  const set = [];
  const keep = (r) => { set.push(...r.headers.getSetCookie()); return r; };
  keep(await c.get('/login'));
  const r = keep(await c.post('/login', { email: demoEmail('participant'), password: PASSWORD, next: '/' }));
  assert.equal(r.status, 303, 'signed in');
  await c.get('/');
  keep(await c.get('/language?lang=en&next=/'));
  const feed = (await c.post('/calendar', { group: '0' })).text;
  const link = feed.match(/(\w+):\/\/[^"<\s]*\/calendar\.ics\?token=/);
  keep(await c.post('/logout', {}));
  const names = set.map((x) => x.split('=')[0]);
  for (const n of ['lg_pre', 'lg_session', 'lg_lang']) assert.ok(names.includes(n), `${n} was set`);
  assert.ok(set.some((x) => /^lg_session=;/.test(x)), 'the session cookie was removed at log-out');
  return { cookies: set, scheme: link && link[1] };
}

const secure = (c) => /;\s*Secure(;|$)/i.test(c);

test('over plain http no cookie carries Secure, whatever a client says in X-Forwarded-Proto', async () => {
  const srv = await server({});
  for (const headers of [{}, { 'x-forwarded-proto': 'https' }]) {
    const v = await visit(srv.base, headers);
    for (const c of v.cookies) assert.ok(!secure(c), `${JSON.stringify(headers)}: ${c}`);
    assert.equal(v.scheme, 'http', 'the calendar link stays http');
  }
});

test('LEERGANG_PUBLIC_URL with https: every cookie carries Secure', async () => {
  const srv = await server({ LEERGANG_PUBLIC_URL: 'https://leergang.example.nl' });
  assert.match(srv.stderr(), /Secure/);
  const v = await visit(srv.base);
  assert.ok(v.cookies.length >= 4);
  for (const c of v.cookies) assert.ok(secure(c), c);
  assert.equal(v.scheme, 'https');
});

test('LEERGANG_TRUST_PROXY=1: Secure exactly when the proxy says X-Forwarded-Proto: https', async () => {
  const srv = await server({ LEERGANG_TRUST_PROXY: '1' });
  const https = await visit(srv.base, { 'x-forwarded-proto': 'https' });
  for (const c of https.cookies) assert.ok(secure(c), c);
  assert.equal(https.scheme, 'https', 'links take the scheme the browser used');
  // proxies that append: the last value is the one of the proxy nearest to leergang
  const chain = await visit(srv.base, { 'x-forwarded-proto': 'http, HTTPS' });
  for (const c of chain.cookies) assert.ok(secure(c), c);
  for (const headers of [{}, { 'x-forwarded-proto': 'http' }, { 'x-forwarded-proto': 'https, http' },
    { 'x-forwarded-proto': 'httpsx' }]) {
    const v = await visit(srv.base, headers);
    for (const c of v.cookies) assert.ok(!secure(c), `${JSON.stringify(headers)}: ${c}`);
    assert.equal(v.scheme, 'http');
  }
});

test('a LEERGANG_TRUST_PROXY that is not 1 or 0 stops the start with a message', () => {
  const r = spawnSync(BIN, ['--db', '/nonexistent/never.db', 'serve', '--listen', '127.0.0.1:1'],
    { env: { ...process.env, LEERGANG_TRUST_PROXY: 'misschien' }, encoding: 'utf8', timeout: 20000 });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /LEERGANG_TRUST_PROXY wants 1 or 0, not "misschien"/);
});
