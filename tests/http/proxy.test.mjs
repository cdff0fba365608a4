// Behind a reverse proxy (LEERGANG_TRUST_PROXY=1) every connection comes
// from the proxy; the client is the address the proxy added last to
// X-Forwarded-For. Sign-in delays count per client (throttle.h), so one
// client's failures must not make every other client wait, and a client
// cannot escape its count by sending an X-Forwarded-For of its own (the
// proxy appends the real address after whatever the client sent). Without
// the setting the header is ignored.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client } from '../lib/server.mjs';

const servers = [];
after(async () => { for (const s of servers) await s.stop(); });

// A sign-in as it arrives from the proxy: the client's chain in X-Forwarded-For.
async function signIn(srv, chain, email) {
  const c = new Client(srv.base);
  c.headers['x-forwarded-for'] = chain;
  await c.get('/login');
  return c.post('/login', { email, password: 'verkeerd-wachtwoord' });
}

// 22 failures (past the 20 free ones of a client address), each with an
// address typed of its own so that only the client's count grows.
async function flood(srv, chain) {
  let last;
  for (let i = 0; i < 22; i++) last = await signIn(srv, chain, `poging-${i}@example.org`);
  return last.status;
}

test('trusted: the client is the last address of X-Forwarded-For', async () => {
  const srv = await startServer({ env: { LEERGANG_TRUST_PROXY: '1' } });
  servers.push(srv);
  assert.equal(await flood(srv, '203.0.113.7'), 429, 'the flooding client waits');
  // another client behind the same proxy does not
  assert.equal((await signIn(srv, '198.51.100.20', 'iemand@example.org')).status, 422);
  // the flooding client cannot hide behind an address it makes up: the
  // proxy appends the real one, and that one counts
  assert.equal((await signIn(srv, '192.0.2.99, 203.0.113.7', 'nog-iemand@example.org')).status, 429);
});

test('not trusted: X-Forwarded-For is the client\'s word and ignored', async () => {
  const srv = await startServer();
  servers.push(srv);
  // every try comes from 127.0.0.1, whatever the header says
  for (let i = 0; i < 22; i++) await signIn(srv, `203.0.113.${i}`, `poging-${i}@example.org`);
  assert.equal((await signIn(srv, '198.51.100.20', 'iemand@example.org')).status, 429);
});
