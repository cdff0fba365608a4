// Signing in without a lock-out (issue 13, point 5): failed log-ins slow
// down per client address and per address typed, and answer the same, in
// status, body and time, for an address with an account and one without,
// also once they must wait; 40 parallel failures are each counted once; a
// stranger's failures do not keep the owner out, who gets in through a
// reset link; the link works once, expires, and bad input changes nothing;
// asking for a link answers the same for every address, and the mail goes
// out in the background. Clients come from their own loopback addresses
// (127.0.x.y, all routed to lo on Linux), so that each counts on its own.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { startServer, Client, demoEmail, cli, cliResult, PASSWORD } from '../lib/server.mjs';
import { startSmtpSink, parseMessage } from '../lib/smtp-sink.mjs';
import { dialect, sqlRows } from '../lib/db.mjs';
import { mainOf as main } from '../lib/html.mjs';

const PUBLIC = 'https://leergang.example.nl';
const GREET = 400;   // the sink greets this late: a mail sent while the page waits would show
let sink, srv;

const sql = (q) => {
  return sqlRows(srv.db, q);
};

// A new client address for every caller that asks: 127.0.<n>.<m>.
let nextAddress = 0;
const address = () => { nextAddress++; return `127.0.${1 + (nextAddress >> 8)}.${1 + (nextAddress & 0xff)}`; };

// The Client of the other HTTP tests, from a loopback address of its own.
class Remote extends Client {
  constructor(base, localAddress = address()) {
    super(base);
    this.localAddress = localAddress;
    // the log-in form's double-submit token, without a page to read it from
    const pre = [...Array(64)].map(() => '0123456789abcdef'[Math.floor(Math.random() * 16)]).join('');
    this.cookies.set('lg_pre', pre);
    this.csrf = pre;
  }
  async request(method, path, { body, headers = {} } = {}) {
    const h = { ...this.headers, ...headers };
    if (this.cookies.size) h.cookie = this.cookieHeader();
    const url = new URL(this.base + path);
    const started = performance.now();
    const res = await new Promise((resolve, reject) => {
      const req = http.request({ host: url.hostname, port: url.port, path: url.pathname + url.search, method,
        headers: h, localAddress: this.localAddress, agent: false }, resolve);
      req.on('error', reject);
      req.end(body);
    });
    let text = '';
    res.setEncoding('utf8');
    for await (const chunk of res) text += chunk;
    const ms = performance.now() - started;
    const hd = new Headers();
    for (const [k, v] of Object.entries(res.headers)) for (const x of [v].flat()) hd.append(k, x);
    this.keep({ headers: hd });
    const m = text.match(/name="csrf" value="([0-9a-f]{64})"/);
    if (m) this.csrf = m[1];
    return { status: res.statusCode, headers: hd, text, ms, json: () => JSON.parse(text) };
  }
}

const tryLogin = (email, password, from = address()) => new Remote(srv.base, from).post('/login', { email, password });
// One more failure counted for the address typed: a try that meets the
// delay of an earlier failure (429, counted as nothing) waits it out and
// tries again. Waits for the server's own Retry-After, not for a guessed
// time, so that a slow machine takes longer but answers the same.
async function failOnce(email, password = 'verkeerd-wachtwoord', from = address()) {
  for (let tries = 0; tries < 20; tries++) {
    const r = await tryLogin(email, password, from);
    if (r.status !== 429) {
      assert.equal(r.status, 422, `a failure for ${email}`);
      return r;
    }
    await sleep(Number(r.headers.get('retry-after')) * 1000 + 20);
  }
  assert.fail(`${email}: still waiting after 20 tries`);
}
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
// The page without the address typed (the form shows it back) and the
// CSRF token of the client.
const scrub = (text, email) => text.split(email).join('ADDRESS').replace(/[0-9a-f]{64}/g, 'TOKEN');

// The failure counts in the database as { hex key: failures }.
const counts = () => Object.fromEntries(sql(`SELECT ${dialect(srv.db).hex('key_hash')} AS k, failures AS n FROM login_throttle`).map((r) => [r.k, r.n]));

// Waits until the sink holds n messages (mail goes out in the background).
async function mails(n, ms = 10000) {
  for (let t = 0; t < ms && sink.messages.length < n; t += 50) await sleep(50);
  return sink.messages;
}

before(async () => {
  sink = await startSmtpSink({ greetDelay: GREET });
  srv = await startServer({ env: { LEERGANG_SMTP_URL: sink.url, LEERGANG_SMTP_FROM: 'leergang@politie.example',
    LEERGANG_PUBLIC_URL: PUBLIC } });
  // the first unknown address makes the dummy hash: not part of a measurement
  await tryLogin('opwarmen@example.org', 'verkeerd-wachtwoord');
});
after(async () => {
  await srv?.stop();
  await sink?.stop();
});

test('a wrong password and an unknown address: the same status, page and time', async () => {
  const known = demoEmail('rater'), unknown = 'niemand@politie.example';
  const tk = [], tu = [];
  // five tries each, in turns, each from a client of its own: within the
  // free allowance of the address typed, so every answer hashes
  for (let i = 0; i < 5; i++) {
    const k = await tryLogin(known, 'verkeerd-wachtwoord');
    const u = await tryLogin(unknown, 'verkeerd-wachtwoord');
    assert.equal(k.status, 422);
    assert.equal(u.status, 422);
    assert.equal(scrub(main(k.text), known), scrub(main(u.text), unknown));
    assert.match(k.text, /Het e-mailadres of het wachtwoord klopt niet/);
    tk.push(k.ms);
    tu.push(u.ms);
  }
  const mk = median(tk), mu = median(tu);
  // generous for a slow or busy machine; an answer for an unknown address
  // without the dummy hash takes a few ms against the hash's tens or hundreds
  const ratio = Math.min(mk, mu) / Math.max(mk, mu);
  assert.ok(ratio > 0.5, `medians ${mk.toFixed(1)} ms (account) and ${mu.toFixed(1)} ms (none) differ too much`);
  console.log(`# wrong password: median ${mk.toFixed(1)} ms with an account, ${mu.toFixed(1)} ms without`);
});

test('once it must wait: the same 429, page and time for an address with an account and one without', async () => {
  const known = demoEmail('researcher'), unknown = 'nergens@politie.example';
  // six failures each (five free, the sixth starts a delay of 1 s), then
  // one after that second (2 s), one more (4 s) and a ninth (8 s), each
  // failure waiting out the delay before it (failOnce): the last delay is
  // long enough to ask both addresses in turns while both still run,
  // however slow the other address's hashing on a busy machine
  for (const email of [known, unknown]) {
    for (let i = 0; i < 6; i++) assert.equal((await tryLogin(email, 'verkeerd-wachtwoord')).status, 422);
  }
  for (const email of [known, unknown]) await failOnce(email);
  for (const email of [known, unknown]) await failOnce(email);
  const hashed = [];
  for (const email of [known, unknown]) hashed.push((await failOnce(email)).ms);
  const tk = [], tu = [];
  let pages = null;
  for (let i = 0; i < 5; i++) {
    const k = await tryLogin(known, PASSWORD);   // the right password waits too
    const u = await tryLogin(unknown, PASSWORD);
    assert.equal(k.status, 429);
    assert.equal(u.status, 429);
    assert.ok(!k.headers.getSetCookie().some((c) => c.startsWith('lg_session=')), 'no session while waiting');
    assert.match(k.headers.get('retry-after'), /^[1-8]$/);
    assert.match(u.headers.get('retry-after'), /^[1-8]$/);
    assert.equal(scrub(main(k.text), known), scrub(main(u.text), unknown));
    pages = k.text;
    tk.push(k.ms);
    tu.push(u.ms);
  }
  assert.match(pages, /Wacht hooguit 8 seconden/);
  assert.match(pages, /href="\/password\/forgot"/);
  const mk = median(tk), mu = median(tu);
  assert.ok(Math.abs(mk - mu) < Math.max(25, 0.5 * Math.max(mk, mu)),
    `medians ${mk.toFixed(1)} ms and ${mu.toFixed(1)} ms while waiting`);
  // refused before any hashing: well under the time of a hashed answer
  assert.ok(Math.max(mk, mu) < 0.5 * Math.min(...hashed), `waiting ${mk.toFixed(1)}/${mu.toFixed(1)} ms, hashed ${hashed}`);
  console.log(`# waiting: median ${mk.toFixed(1)} ms with an account, ${mu.toFixed(1)} ms without; hashed ${hashed.map((x) => x.toFixed(0))} ms`);
});

test('the delay grows with every failure past the free ones', async () => {
  const email = demoEmail('owner');
  const [account] = sql(`SELECT id FROM account WHERE email = '${email}'`);
  // eight failures, each try that meets a delay waiting it out
  for (let failures = 0; failures < 8;) {
    const r = await tryLogin(email, 'verkeerd-wachtwoord');
    if (r.status === 429) await sleep(Number(r.headers.get('retry-after')) * 1000 + 20);
    else assert.equal(r.status, 422, `failure ${++failures}`);
  }
  // the delay each failure started, as the audit log records it
  const details = sql(`SELECT detail FROM audit_log WHERE action = 'login.failed' AND object_id = ${account.id} ORDER BY id`)
    .map((x) => x.detail);
  assert.deepEqual(details, ['', '', '', '', '', 'wait 1 s', 'wait 2 s', 'wait 4 s']);
  const w = await tryLogin(email, PASSWORD);
  assert.equal(w.status, 429);
  assert.match(main(w.text), /Wacht hooguit 4 seconden/);
});

test('40 parallel wrong passwords: each answered as a failure is counted once', async () => {
  const email = demoEmail('manager');
  const [account] = sql(`SELECT id FROM account WHERE email = '${email}'`);
  const before = counts();
  const answers = await Promise.all([...Array(40)].map(() => tryLogin(email, 'verkeerd-wachtwoord')));
  const failed = answers.filter((r) => r.status === 422).length, waited = answers.filter((r) => r.status === 429).length;
  // 503: the password gate had no room (a busy machine); such a try is
  // neither checked nor counted
  const busy = answers.filter((r) => r.status === 503).length;
  assert.equal(failed + waited + busy, 40, `answers: ${answers.map((r) => r.status)}`);
  assert.ok(failed >= 6, 'at least the free ones and the one that started the delay');
  const after = counts();
  const fresh = Object.entries(after).filter(([k]) => !(k in before));
  // one row per client address, each with its one failure or none ...
  assert.equal(fresh.filter(([, n]) => n === 1).length, failed, 'each failing client counted once');
  // ... and one for the address typed, with every failure
  const typed = fresh.filter(([, n]) => n > 1);
  assert.equal(typed.length, 1);
  assert.equal(typed[0][1], failed, `stored ${typed[0][1]}, answered as failures ${failed}`);
  assert.equal(sql(`SELECT count(*) AS n FROM audit_log WHERE action = 'login.failed' AND object_id = ${account.id}`)[0].n, failed);
  console.log(`# 40 parallel: ${failed} failures counted, ${waited} met the delay, ${busy} found the gate full`);
});

test("a stranger's failures do not keep the owner out: the reset link lets them in", async () => {
  const email = demoEmail('administrator');
  const stranger = address(), owner = address();
  // the stranger keeps trying the administrator's address: eight failures,
  // each waiting out the delay before it, the last one just made, so that
  // its delay (4 s) runs when the owner comes
  for (let i = 0; i < 8; i++) await failOnce(email, `raden-${i}`, stranger);
  const blocked = await tryLogin(email, PASSWORD, owner);
  assert.equal(blocked.status, 429, 'the owner has to wait now, at most a minute');
  assert.ok(Number(blocked.headers.get('retry-after')) <= 60);
  // nothing on the account locks it: the administrator of the other side is not asked
  assert.equal(sql(`SELECT count(*) AS n FROM (${dialect(srv.db).columns('account')}) c WHERE name LIKE '%lock%'`)[0].n, 0);

  // the owner asks for a link from their own address
  sink.clear();
  const me = new Remote(srv.base, owner);
  const ask = await me.post('/password/forgot', { email });
  assert.equal(ask.status, 200);
  const [env] = await mails(1);
  assert.ok(env, 'a message arrives');
  assert.deepEqual(env.to, [email]);
  const m = parseMessage(env.data);
  assert.equal(m.header('Subject'), 'Een nieuw wachtwoord voor leergang');
  const link = m.body.match(/(https:\/\/leergang\.example\.nl\/password\/reset\?token=([0-9a-f]{64}))/);
  assert.ok(link, 'the link, on the public address');
  assert.match(m.body, /werkt één keer, een uur lang/);
  const token = link[2];
  const form = await me.get(`/password/reset?token=${token}`);
  assert.equal(form.status, 200);
  assert.ok(form.text.includes(email));
  const set = await me.post('/password/reset', { token, password: 'mijn-nieuwe-wachtwoord', repeat: 'mijn-nieuwe-wachtwoord' });
  assert.equal(set.status, 303);
  assert.equal(set.headers.get('location'), '/?done=password-reset');
  assert.ok(set.headers.getSetCookie().some((c) => /^lg_session=[0-9a-f]{64};/.test(c)), 'signed in');
  const home = await me.get('/?done=password-reset');
  assert.equal(home.status, 200);
  assert.match(home.text, /Uw nieuwe wachtwoord is ingesteld en u bent ingelogd/);
  // the wait on the address is gone: the owner signs in at once, anywhere
  assert.equal((await tryLogin(email, 'mijn-nieuwe-wachtwoord')).status, 303);
  assert.equal((await tryLogin(email, PASSWORD)).status, 422, 'the old password no longer works');
});

test('asking for a link: the same page for every address, a mail only to an account, sent in the background', async () => {
  const known = ['coach', 'facilitator', 'participant'].map((r) => demoEmail(r)), unknown = 'onbekend-adres@politie.example';
  sink.clear();
  const tk = [], tu = [];
  for (const email of known) {
    const k = await new Remote(srv.base).post('/password/forgot', { email });
    const u = await new Remote(srv.base).post('/password/forgot', { email: unknown });
    assert.equal(k.status, 200);
    assert.equal(u.status, 200);
    assert.equal(k.text.replace(/[0-9a-f]{64}/g, ''), u.text.replace(/[0-9a-f]{64}/g, ''), 'the same page');
    assert.ok(!k.text.includes(email), 'the page does not repeat the address');
    assert.match(k.text, /Als er een account is met het adres dat u hebt ingevuld/);
    tk.push(k.ms);
    tu.push(u.ms);
  }
  // every request for an account queues a mail, and the mail server
  // greets GREET ms late: a page that waited for it would show
  assert.ok(median(tk) < GREET / 2, `asking took ${median(tk).toFixed(1)} ms with an account`);
  assert.ok(Math.abs(median(tk) - median(tu)) < GREET / 4, `medians ${median(tk).toFixed(1)} and ${median(tu).toFixed(1)} ms`);
  await mails(3);
  assert.deepEqual(sink.messages.map((m) => m.to[0]).sort(), [...known].sort(), 'one mail to each account, none elsewhere');
  // asking again within five minutes mails nothing more
  await new Remote(srv.base).post('/password/forgot', { email: known[0] });
  await sleep(GREET * 3);
  assert.equal(sink.messages.length, 3, 'at most one mail per five minutes');
  assert.equal(sql(`SELECT count(*) AS n FROM password_reset r JOIN account a ON a.id = r.account_id WHERE a.email = '${known[0]}'`)[0].n, 1);
  // the link is in the message and nowhere in the database or the log
  const token = parseMessage(sink.messages[0].data).body.match(/token=([0-9a-f]{64})/)[1];
  assert.equal(sql(`SELECT count(*) AS n FROM password_reset WHERE instr(${dialect(srv.db).hex('token_hash')}, upper('${token}')) > 0`)[0].n, 0);
  assert.ok(!srv.stderr().includes(token));
  assert.ok(!sql("SELECT group_concat(detail, ',') AS d FROM audit_log")[0].d.includes(token));
});

test('asking for links is counted per client address', async () => {
  const me = new Remote(srv.base);
  const answers = [];
  for (let i = 0; i < 7; i++) answers.push((await me.post('/password/forgot', { email: `iemand${i}@politie.example` })).status);
  assert.deepEqual(answers, [200, 200, 200, 200, 200, 200, 429]);
  const r = await me.post('/password/forgot', { email: 'nog-iemand@politie.example' });
  assert.equal(r.status, 429);
  assert.match(r.text, /te vaak links aangevraagd/);
  assert.ok(Number(r.headers.get('retry-after')) >= 1);
  // another client is not held up
  assert.equal((await new Remote(srv.base).post('/password/forgot', { email: 'iemand@politie.example' })).status, 200);
});

test('a reset link works once, expires, and bad input changes nothing', async () => {
  const email = demoEmail('mentor');
  const link = () => cli(srv.db, ['user', 'reset-link', '--email', email, '--url', PUBLIC]).trim();
  const first = link();
  assert.match(first, /^https:\/\/leergang\.example\.nl\/password\/reset\?token=[0-9a-f]{64}$/);
  const token = first.split('token=')[1];
  const me = new Remote(srv.base);
  assert.equal((await me.get(`/password/reset?token=${token}`)).status, 200);
  // bad input: the form again, the link still good, the old password still in use
  let r = await me.post('/password/reset', { token, password: 'kort', repeat: 'kort' });
  assert.equal(r.status, 422);
  assert.match(r.text, /id="e-password"/);
  r = await me.post('/password/reset', { token, password: 'een-nieuw-wachtwoord', repeat: 'een-ander-wachtwoord' });
  assert.equal(r.status, 422);
  assert.match(r.text, /id="e-repeat"/);
  r = await me.post('/password/reset', { token, password: 'een-nieuw-wachtwoord', repeat: 'een-nieuw-wachtwoord', csrf: 'f'.repeat(64) });
  assert.equal(r.status, 403, 'a form from elsewhere');
  for (const bad of ['', 'abc', token.slice(0, 63), token.toUpperCase(), `${token}0`]) {
    r = await me.post('/password/reset', { token: bad, password: 'een-nieuw-wachtwoord', repeat: 'een-nieuw-wachtwoord' });
    assert.equal(r.status, 410, `token ${bad}`);
  }
  assert.equal((await me.get(`/password/reset?token=${token}`)).status, 200, 'still good');
  assert.equal((await tryLogin(email, PASSWORD)).status, 303, 'the old password still works');
  // a session from before, to be ended
  const old = new Remote(srv.base);
  await old.post('/login', { email, password: PASSWORD });
  assert.equal((await old.get('/')).status, 200);

  r = await me.post('/password/reset', { token, password: 'een-nieuw-wachtwoord', repeat: 'een-nieuw-wachtwoord' });
  assert.equal(r.status, 303);
  assert.equal((await old.get('/')).status, 303, 'the session from before has ended');
  // spent
  assert.equal((await me.get(`/password/reset?token=${token}`)).status, 410);
  r = await new Remote(srv.base).post('/password/reset', { token, password: 'nog-een-wachtwoord', repeat: 'nog-een-wachtwoord' });
  assert.equal(r.status, 410);
  assert.match(r.text, /Deze link werkt niet/);
  assert.equal((await tryLogin(email, 'een-nieuw-wachtwoord')).status, 303);

  // expired: an hour after it was made
  const late = link().split('token=')[1];
  sql(`UPDATE password_reset SET expires_at = ${dialect(srv.db).now()} - 1`);
  assert.equal((await me.get(`/password/reset?token=${late}`)).status, 410);
  r = await new Remote(srv.base).post('/password/reset', { token: late, password: 'nog-een-wachtwoord', repeat: 'nog-een-wachtwoord' });
  assert.equal(r.status, 410);
  assert.equal((await tryLogin(email, 'een-nieuw-wachtwoord')).status, 303, 'the password is as it was');
  // no link for an address without an account
  const none = cliResult(srv.db, ['user', 'reset-link', '--email', 'niemand@politie.example', '--url', PUBLIC]);
  assert.notEqual(none.status, 0);
  assert.match(none.stderr, /no active account with address niemand@politie\.example/);
});
