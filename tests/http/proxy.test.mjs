// Behind a reverse proxy (LEERGANG_TRUST_PROXY=1) every connection comes
// from the proxy; the client is the address the proxy added last to
// X-Forwarded-For. Sign-in delays count per client (throttle.h), so one
// client's failures must not make every other client wait, and a client
// cannot escape its count by sending an X-Forwarded-For of its own (the
// proxy appends the real address after whatever the client sent). Without
// the setting the header is ignored.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
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

// Failures past the 20 free ones of a client address, until the client
// is told to wait with at least 3 s to go. The 21st failure starts a delay
// of 1 s, and on a busy machine the next try may come after it; a 429
// with less time to go is waited out, and the next failure doubles the
// delay. So the tries end in a 429 with time to ask again while it runs,
// whatever the machine's speed. chain(i): the X-Forwarded-For of try i,
// each typing an address of its own so that only the client's count grows.
// Returns the failures counted and the last answer.
async function flood(srv, chain) {
  let failures = 0;
  for (let i = 0; i < 40; i++) {
    const r = await signIn(srv, chain(i), `poging-${i}@example.org`);
    if (r.status === 429) {
      const wait = Number(r.headers.get('retry-after'));
      if (wait >= 3) return { failures, status: r.status };
      await sleep(wait * 1000 + 20);
      continue;
    }
    assert.equal(r.status, 422, `try ${i + 1}: a failure`);
    failures++;
  }
  return { failures, status: 422 };
}

test('trusted: the client is the last address of X-Forwarded-For', async () => {
  const srv = await startServer({ env: { LEERGANG_TRUST_PROXY: '1' } });
  servers.push(srv);
  const f = await flood(srv, () => '203.0.113.7');
  assert.equal(f.status, 429, 'the flooding client waits');
  assert.ok(f.failures >= 21, `after its free failures (${f.failures})`);
  // the flooding client cannot hide behind an address it makes up: the
  // proxy appends the real one, and that one counts (asked at once, while
  // the delay runs)
  assert.equal((await signIn(srv, '192.0.2.99, 203.0.113.7', 'nog-iemand@example.org')).status, 429);
  // another client behind the same proxy does not wait
  assert.equal((await signIn(srv, '198.51.100.20', 'iemand@example.org')).status, 422);
});

test('not trusted: X-Forwarded-For is the client\'s word and ignored', async () => {
  const srv = await startServer();
  servers.push(srv);
  // every try comes from 127.0.0.1, whatever the header says: tries with
  // a header of their own each are counted together until one must wait
  const f = await flood(srv, (i) => `203.0.113.${i}`);
  assert.equal(f.status, 429, 'the tries of every header counted as one client');
  assert.ok(f.failures >= 21, `after the free failures (${f.failures})`);
  assert.equal((await signIn(srv, '198.51.100.20', 'iemand@example.org')).status, 429);
});
