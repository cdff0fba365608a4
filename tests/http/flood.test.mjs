// flood.test.mjs — a server that holds against a flood: a second server on
// the same port refuses to start; a body length given twice or in two ways
// is refused (raw sockets, as a smuggling proxy would send it); a client
// trickling its headers is cut off after the header time limit; one address
// holds a limited number of connections while others are still served;
// a flood of wrong-password sign-ins is answered 422 or 503 "try again
// shortly" (held back a second) while the pages stay responsive. Nothing
// here depends on the machine's speed: the waits are generous upper
// bounds, and the lower bounds are the server's own limits. The trickle
// and the flood run side by side, each waiting on the server's own limit,
// and no timer outlives the connection it bounds.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startServer, Client, BIN, PASSWORD, demoEmail } from '../lib/server.mjs';

const HEADER_SECONDS = 10;     // HTTP_HEADER_SECONDS
const PER_ADDRESS = 64;        // HTTP_PER_ADDRESS, the default of --per-address-connections

let srv, port;
before(async () => {
  srv = await startServer();
  port = Number(new URL(srv.base).port);
});
after(async () => { await srv.stop(); });

// Sends raw bytes from a source address; resolves with everything the
// server sent until it closed (or until `wait` ms passed).
function raw(bytes, { from = '127.0.0.1', wait = 10000 } = {}) {
  return new Promise((res, rej) => {
    const s = net.connect({ host: '127.0.0.1', port, localAddress: from });
    const chunks = [];
    const timer = setTimeout(() => { s.destroy(); res({ text: Buffer.concat(chunks).toString('latin1'), closed: false }); }, wait);
    s.on('connect', () => s.write(bytes));
    s.on('data', (d) => chunks.push(d));
    s.on('error', () => {});
    s.on('close', () => { clearTimeout(timer); res({ text: Buffer.concat(chunks).toString('latin1'), closed: true }); });
    s.on('timeout', rej);
  });
}

const statuses = (text) => [...text.matchAll(/^HTTP\/1\.[01] (\d{3})/gm)].map((m) => Number(m[1]));

// One HTTP request from a given source address, on a connection of its own.
function request(method, path, { from = '127.0.0.1', headers = {}, body, timeout = 30000 } = {}) {
  return new Promise((res, rej) => {
    const t0 = Date.now();
    const req = http.request({ host: '127.0.0.1', port, method, path, localAddress: from, agent: false, headers, timeout },
      (r) => {
        let text = '';
        r.setEncoding('utf8');
        r.on('data', (d) => { text += d; });
        r.on('end', () => res({ status: r.statusCode, headers: r.headers, text, ms: Date.now() - t0 }));
      });
    req.on('timeout', () => req.destroy(new Error(`${method} ${path} from ${from}: no answer in ${timeout} ms`)));
    req.on('error', rej);
    if (body) req.write(body);
    req.end();
  });
}

test('a second leergang serve on a port in use exits non-zero with one line, and the first still serves', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'leergang-second-'));
  const db = join(dir, 'other.db');
  const env = { ...process.env, LEERGANG_LOCALEDIR: resolve(import.meta.dirname, '../../build/locale') };
  const second = spawn(BIN, ['--db', db, 'serve', '--listen', `127.0.0.1:${port}`], { env });
  let stderr = '';
  second.stderr.on('data', (d) => { stderr += d; });
  const code = await new Promise((res) => {
    const t = setTimeout(() => { second.kill('SIGKILL'); res('still running'); }, 20000);
    second.on('exit', (c) => { clearTimeout(t); res(c); });
  });
  assert.notEqual(code, 0, 'the second server must not run');
  assert.notEqual(code, 'still running', 'the second server must not run');
  const lines = stderr.trim().split('\n');
  assert.equal(lines.length, 1, `one line, got:\n${stderr}`);
  assert.match(lines[0], new RegExp(`^leergang: cannot listen on 127\\.0\\.0\\.1:${port}: the port is in use`));
  assert.ok(!existsSync(db), 'it stopped before creating its database');
  rmSync(dir, { recursive: true, force: true });
  // every request still reaches the first server (with SO_REUSEPORT the
  // kernel would have shared them out)
  for (let i = 0; i < 10; i++) assert.equal((await request('GET', '/healthz')).status, 200);
});

test('a body length given twice or in two ways is refused with 400 and closes the connection', async () => {
  const tail = 'GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n';   // would be a smuggled second request
  const cases = {
    'two equal Content-Lengths': 'Content-Length: 5\r\nContent-Length: 5\r\n',
    'two different Content-Lengths': 'Content-Length: 5\r\nContent-Length: 39\r\n',
    'Content-Length and Transfer-Encoding': 'Content-Length: 5\r\nTransfer-Encoding: chunked\r\n',
    'Transfer-Encoding and Content-Length': 'Transfer-Encoding: chunked\r\nContent-Length: 5\r\n',
    'Transfer-Encoding twice': 'Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n',
  };
  for (const [name, framing] of Object.entries(cases)) {
    const r = await raw(`POST /login HTTP/1.1\r\nHost: x\r\n${framing}\r\n0\r\n\r\n${tail}`);
    assert.deepEqual(statuses(r.text), [400], `${name}: one answer, 400`);
    assert.ok(r.closed, `${name}: the connection is closed`);
    assert.match(r.text, /Content-Length en Transfer-Encoding/, `${name}: says why, in Dutch`);
  }
  // Transfer-Encoding in HTTP/1.0 is faulty framing (RFC 9112 §6.1)
  let r = await raw('POST /login HTTP/1.0\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n');
  assert.deepEqual(statuses(r.text), [400]);
  // a coding leergang does not know: 501, where libmicrohttpd would wait for ever
  r = await raw('POST /login HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n');
  assert.deepEqual(statuses(r.text), [501]);
  assert.ok(r.closed);
  // and GET with a doubled length too
  r = await raw('GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nContent-Length: 0\r\n\r\n');
  assert.deepEqual(statuses(r.text), [400]);
  // one length of either kind still works: the form reaches the handler,
  // which refuses it for its missing CSRF token (403), not the server (400)
  r = await raw('POST /login HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nConnection: close\r\n\r\na=b&c');
  assert.deepEqual(statuses(r.text), [403]);
  r = await raw('POST /login HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n5\r\na=b&c\r\n0\r\n\r\n');
  assert.deepEqual(statuses(r.text), [403]);
  r = await raw('GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
  assert.deepEqual(statuses(r.text), [200]);
});

test(`one address holds at most ${PER_ADDRESS} connections; another address is still served`, async () => {
  const from = '127.0.0.9', extra = 20;
  const sockets = [];
  const closedAt = [];
  await Promise.all(Array.from({ length: PER_ADDRESS + extra }, (_, i) => new Promise((res) => {
    const s = net.connect({ host: '127.0.0.1', port, localAddress: from });
    s.on('connect', res);
    s.on('error', () => {});
    s.on('close', () => { closedAt[i] = Date.now(); res(); });
    sockets.push(s);
  })));
  // the ones over the limit are closed as soon as they are accepted
  for (let i = 0; i < 100 && closedAt.filter(Boolean).length < extra; i++) await sleep(50);
  await sleep(300);
  const closed = closedAt.filter(Boolean).length;
  assert.equal(closed, extra, `${extra} of ${PER_ADDRESS + extra} refused`);
  // a request from the same address is refused, one from another is served
  await assert.rejects(request('GET', '/healthz', { from, timeout: 10000 }));
  const other = await request('GET', '/healthz', { from: '127.0.0.10' });
  assert.equal(other.status, 200);
  for (const s of sockets) s.destroy();
  await sleep(300);
  // the limit is on connections at once: with them gone the address is served again
  let again;
  for (let i = 0; i < 50; i++) {
    try { again = await request('GET', '/healthz', { from }); break; } catch { await sleep(100); }
  }
  assert.equal(again?.status, 200);
});

// The two slow ones side by side: the header limit is a wait of its own
// (HTTP_HEADER_SECONDS), and the flood waits for the password gate; the
// trickle is cut off on time even while the flood goes on.
describe('slow clients and a flood of sign-ins, at the same time', { concurrency: true }, () => {
  test(`headers trickled a line at a time are cut off after ${HEADER_SECONDS} s, as is a silent connection`, async () => {
    const started = Date.now();
    const trickle = new Promise((res) => {
      const s = net.connect({ host: '127.0.0.1', port, localAddress: '127.0.0.3' });
      let n = 0, got = '';
      let timer;
      // a bound on the wait, cleared once the server has closed (a timer left
      // running would keep the test process alive for the rest of its 40 s)
      const bound = setTimeout(() => s.destroy(), 40000);
      s.on('connect', () => {
        s.write('GET /healthz HTTP/1.1\r\nHost: x\r\n');
        // a header line every 2 s: never idle long enough for an idle timeout
        timer = setInterval(() => { s.write(`X-Langzaam-${n++}: ja\r\n`); }, 2000);
      });
      s.on('data', (d) => { got += d; });
      s.on('error', () => {});
      s.on('close', () => { clearInterval(timer); clearTimeout(bound); res({ after: (Date.now() - started) / 1000, got, lines: n }); });
    });
    const silent = new Promise((res) => {
      const s = net.connect({ host: '127.0.0.1', port, localAddress: '127.0.0.3' });
      const bound = setTimeout(() => s.destroy(), 40000);
      s.on('error', () => {});
      s.on('close', () => { clearTimeout(bound); res((Date.now() - started) / 1000); });
    });
    // meanwhile others are served
    assert.equal((await request('GET', '/healthz', { from: '127.0.0.4' })).status, 200);
    const t = await trickle, q = await silent;
    assert.ok(t.after >= HEADER_SECONDS - 1, `not before the limit (closed after ${t.after} s)`);
    assert.ok(t.after < 30, `closed by the header limit, not the 30 s idle timeout (after ${t.after} s)`);
    assert.ok(t.lines >= 4, 'it was sending all along');
    assert.equal(statuses(t.got).length, 0, 'no answer to headers that never ended');
    assert.ok(q >= HEADER_SECONDS - 1 && q < 30, `the silent connection too (after ${q} s)`);
  });

  test('a flood of wrong-password sign-ins is answered 422 or 503 while the pages stay responsive', async () => {
    const admin = new Client(srv.base);
    await admin.login(demoEmail('administrator'));
    const pre = randomBytes(32).toString('hex');   // the double-submit CSRF token of the log-in form
    const body = (i) => new URLSearchParams({ csrf: pre, email: `onbekend-${i}@example.org`, password: 'verkeerd-wachtwoord', next: '/' }).toString();
    const N = 160;   // more than the password lane holds (the hashes at once and 32 waiting) on most machines
    const logins = Array.from({ length: N }, (_, i) => request('POST', '/login', {
      from: `127.0.0.${20 + (i % 4)}`,   // 40 from each of four addresses: under the per-address limit
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `lg_pre=${pre}` },
      body: body(i),
      timeout: 60000,
    }));
    // pages and the health check during the flood, one after the other;
    // before the gate 40 sign-ins made /healthz take 23 s
    const pages = [];
    const flood = Promise.allSettled(logins);
    let done = false;
    flood.then(() => { done = true; });
    while (!done) {
      const h = await request('GET', '/healthz', { timeout: 10000 });
      assert.equal(h.status, 200);
      const p = await admin.get('/people');
      assert.equal(p.status, 200);
      pages.push(h.status, p.status);
    }
    const answers = await flood;
    const failed = answers.filter((a) => a.status === 'rejected');
    assert.equal(failed.length, 0, `every sign-in answered: ${failed[0]?.reason}`);
    const got = answers.map((a) => a.value);
    const counts = {};
    for (const r of got) counts[r.status] = (counts[r.status] || 0) + 1;
    assert.deepEqual(Object.keys(counts).filter((s) => s !== '422' && s !== '503'), [], JSON.stringify(counts));
    assert.ok(counts[503] > 0, `some were told to come back: ${JSON.stringify(counts)}`);
    assert.ok(counts[422] > 0, `some were checked: ${JSON.stringify(counts)}`);
    assert.ok(pages.length >= 2);
    for (const r of got.filter((x) => x.status === 503)) {
      // held a second before it is sent, so that refusals cannot be had at the rate the server makes them
      assert.ok(r.ms >= 1000, `a refusal came after ${r.ms} ms`);
      assert.equal(r.headers['retry-after'], '5');
      assert.match(r.text, /Er loggen nu heel veel mensen tegelijk in/);
      assert.match(r.text, /<form method="post" action="\/login">/, 'the form, to try again');
      assert.match(r.text, /value="onbekend-\d+@example\.org"/, 'with the address kept');
    }
    for (const r of got.filter((x) => x.status === 422)) assert.match(r.text, /klopt niet/);
    // when the flood is over, signing in works at once
    const c = new Client(srv.base);
    await c.login(demoEmail('coach'), PASSWORD);
  });
});
