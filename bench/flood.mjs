// flood.mjs — the load of bench/flood, on 127.0.0.1 only. Two modes:
//
//   node bench/flood.mjs logins PORT SECONDS CONCURRENCY FIRST_ADDRESS ADDRESSES
//     CONCURRENCY sign-ins with a wrong password at once, without pause,
//     for SECONDS, spread over ADDRESSES loopback source addresses from
//     127.0.0.FIRST_ADDRESS on; each an unknown e-mail address, so that
//     each one costs the server a full argon2id verification.
//
//   node bench/flood.mjs slow PORT SECONDS CONNECTIONS ADDRESS PROBE_ADDRESS
//     CONNECTIONS connections from 127.0.0.ADDRESS that send a request's
//     headers one line every 5 s and never finish them; a connection that
//     the server closes is opened again a second later. Meanwhile one client
//     from 127.0.0.PROBE_ADDRESS asks for /healthz and /login one after
//     the other and times them.
//
// Prints one JSON object with the counts and latencies.
import http from 'node:http';
import net from 'node:net';
import { randomBytes } from 'node:crypto';

const [mode, portArg, secondsArg, nArg, a1, a2] = process.argv.slice(2);
const port = Number(portArg), seconds = Number(secondsArg), n = Number(nArg);
const until = Date.now() + seconds * 1000;

function percentile(sorted, p) {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}
function summary(ms) {
  const s = [...ms].sort((x, y) => x - y);
  const r = (v) => (v == null ? null : Math.round(v * 10) / 10);
  return { n: s.length, p50: r(percentile(s, 0.5)), p90: r(percentile(s, 0.9)), p99: r(percentile(s, 0.99)), max: r(s[s.length - 1]) };
}

function once(agent, from, path, method, headers, body) {
  return new Promise((res) => {
    const t0 = performance.now();
    const req = http.request({ host: '127.0.0.1', port, path, method, agent, localAddress: from, headers, timeout: 30000 }, (r) => {
      r.resume();
      r.on('end', () => res({ status: r.statusCode, ms: performance.now() - t0 }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (e) => res({ status: e.message === 'timeout' ? 'timeout' : 'refused', ms: performance.now() - t0 }));
    if (body) req.write(body);
    req.end();
  });
}

async function logins() {
  const first = Number(a1), addresses = Number(a2);
  const pre = randomBytes(32).toString('hex');
  const agents = Array.from({ length: addresses }, () => new http.Agent({ keepAlive: true, maxSockets: Infinity }));
  const counts = {}, lat = {};
  let k = 0;
  async function worker(w) {
    const a = w % addresses, from = `127.0.0.${first + a}`;
    while (Date.now() < until) {
      const body = new URLSearchParams({ csrf: pre, email: `onbekend-${k++}@example.org`, password: 'verkeerd-wachtwoord' }).toString();
      const r = await once(agents[a], from, '/login', 'POST',
        { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body), cookie: `lg_pre=${pre}` }, body);
      counts[r.status] = (counts[r.status] || 0) + 1;
      (lat[r.status] ||= []).push(r.ms);
      if (r.status === 'refused') await new Promise((s) => setTimeout(s, 20));
    }
  }
  await Promise.all(Array.from({ length: n }, (_, w) => worker(w)));
  for (const a of agents) a.destroy();
  const latency = {};
  for (const [s, ms] of Object.entries(lat)) latency[s] = summary(ms);
  return { mode, seconds, concurrency: n, addresses, answers: counts, per_second: Math.round(Object.values(counts).reduce((x, y) => x + y, 0) / seconds), latency };
}

async function slow() {
  const from = `127.0.0.${a1}`, probeFrom = `127.0.0.${a2}`;
  let opened = 0, open = 0, mostOpen = 0, refused = 0, cut = 0, other = 0;
  const lifetimes = [];
  const sockets = new Set();
  function connect() {
    if (Date.now() >= until) return;
    const s = net.connect({ host: '127.0.0.1', port, localAddress: from });
    let t0, timer, established = false;
    sockets.add(s);
    s.on('connect', () => {
      t0 = Date.now();
      opened++;
      s.write('GET /login HTTP/1.1\r\nHost: 127.0.0.1\r\n');
      let i = 0;
      timer = setInterval(() => { s.write(`X-Langzaam-${i++}: ja\r\n`); }, 5000);
    });
    s.on('error', () => {});
    s.on('close', () => {
      clearInterval(timer);
      sockets.delete(s);
      if (established) open--;
      if (t0) {
        const life = (Date.now() - t0) / 1000;
        lifetimes.push(life);
        if (life < 1) refused++;
        else if (life < 15) cut++;
        else other++;
      }
      setTimeout(connect, 1000);
    });
    // counted as held once it has lived a second: refused ones close at once
    setTimeout(() => { if (!s.destroyed && t0) { established = true; open++; mostOpen = Math.max(mostOpen, open); } }, 1000);
  }
  for (let i = 0; i < n; i++) connect();
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const health = [], page = [], statuses = {};
  while (Date.now() < until) {
    for (const [path, into] of [['/healthz', health], ['/login', page]]) {
      const r = await once(agent, probeFrom, path, 'GET', {});
      statuses[r.status] = (statuses[r.status] || 0) + 1;
      into.push(r.ms);
    }
  }
  for (const s of sockets) s.destroy();
  agent.destroy();
  return {
    mode, seconds, connections: n, opened, held_at_most: mostOpen,
    closed: { refused_at_once: refused, cut_at_header_limit: cut, later: other },
    others: { statuses, healthz_ms: summary(health), login_page_ms: summary(page) },
  };
}

const num = (v) => Number(v).toLocaleString('en');
const ms = (v) => (v == null ? '-' : v >= 1000 ? `${(v / 1000).toFixed(1)} s` : `${v} ms`);
const lat = (l) => `p50 ${ms(l.p50)}, p99 ${ms(l.p99)}, max ${ms(l.max)}`;

function describe(r) {
  if (r.mode === 'logins') {
    const answers = Object.entries(r.answers).map(([s, k]) => `${s} ×${num(k)}`).join(', ');
    const lines = [`sign-ins in ${r.seconds} s: ${answers} (${num(r.per_second)} a second)`];
    for (const [s, l] of Object.entries(r.latency)) lines.push(`time to answer ${s}: ${lat(l)}`);
    return lines;
  }
  const statuses = Object.entries(r.others.statuses).map(([s, k]) => `${s} ×${num(k)}`).join(', ');
  return [
    `${num(r.connections)} slow connections: ${num(r.opened)} opened in ${r.seconds} s, at most ${num(r.held_at_most)} held at once; ` +
      `${num(r.closed.refused_at_once)} refused at once, ${num(r.closed.cut_at_header_limit)} cut at the header limit, ` +
      `${num(r.closed.later)} later`,
    `the client on another address: ${statuses}; /healthz ${lat(r.others.healthz_ms)}; /login ${lat(r.others.login_page_ms)}`,
  ];
}

const result = mode === 'logins' ? await logins() : mode === 'slow' ? await slow() : null;
if (!result) {
  console.error('usage: node bench/flood.mjs logins|slow PORT SECONDS N ...');
  process.exit(2);
}
for (const line of describe(result)) console.log(`  ${line}`);
console.log(`  json: ${JSON.stringify(result)}`);
