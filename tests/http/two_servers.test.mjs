// two_servers.test.mjs — one installation, two leergang servers on one
// PostgreSQL database (issue 20, must show 2): any server answers any
// request. A session made on one is valid on the other (and ended on the
// other, it ends on both), a form's CSRF token from one is taken by the
// other, a questionnaire handed in on one counts in the other's response
// accounting, the delay after wrong passwords on one holds on the
// other, and mail queued on one (a reset link) is sent by the other when
// the first cannot. The PostgreSQL is the run's (LEERGANG_TEST_PG) or a throw-away
// one of this file (scripts/pg-temp); without PostgreSQL's programs the
// tests skip, naming them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { BIN, Client, demoEmail, PASSWORD, spawnServer } from '../lib/server.mjs';
import { startSmtpSink, parseMessage } from '../lib/smtp-sink.mjs';
import { sqlValue } from '../lib/db.mjs';

const root = resolve(import.meta.dirname, '..', '..');
const env = { ...process.env, LEERGANG_LOCALEDIR: join(root, 'build/locale') };
const GROUP1 = 'LiVe! Westerschelde · Lichting 1 · Leergroep 1';
const addDays = (d, n) => new Date(Date.parse(d + 'T00:00:00Z') + n * 86400e3).toISOString().slice(0, 10);

// psql: on PATH, or in Debian's folder of PostgreSQL's programs
function psqlPath() {
  for (const p of ['/usr/bin/psql', ...['17', '16', '15'].map((v) => `/usr/lib/postgresql/${v}/bin/psql`)])
    if (existsSync(p)) return p;
  return null;
}
const psql = psqlPath();
const hasInitdb = ['17', '16', '15'].some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`));
const missing = !psql ? 'psql is not installed' : !process.env.LEERGANG_TEST_PG && !hasInitdb ?
  'initdb (postgresql-15) is not installed' : null;

// The URI of the cluster with another database name.
function uriFor(base, db) {
  const m = base.match(/^([a-z]+:\/\/[^/]*)\/[^?]*(\?.*)?$/);
  assert.ok(m, `a PostgreSQL URI: ${base}`);
  return `${m[1]}/${db}${m[2] || ''}`;
}

let cluster = null, pgdir = null, dbUri = null, dbName = null;
const servers = [];

async function serve(db, extraEnv = {}) {
  const s = await spawnServer(db, { ...env, ...extraEnv });
  servers.push(s);
  return s;
}

let A, B;

before(async () => {
  if (missing) return;
  cluster = process.env.LEERGANG_TEST_PG;
  if (!cluster) {
    pgdir = mkdtempSync(join(tmpdir(), 'leergang-two-'));
    chmodSync(pgdir, 0o755);  // reachable by the user postgres (pg-temp as root)
    cluster = execFileSync('sh', [join(root, 'scripts/pg-temp'), 'start', join(pgdir, 'pg')], { encoding: 'utf8' }).trim();
  }
  dbName = `lg_two_${process.pid}`;
  execFileSync(psql, [uriFor(cluster, 'postgres'), '-qc', `CREATE DATABASE ${dbName}`]);
  dbUri = uriFor(cluster, dbName);
  execFileSync(BIN, ['--db', dbUri, 'init', '--demo'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  A = await serve(dbUri);
  B = await serve(dbUri);
});

after(async () => {
  for (const s of servers) {
    s.proc.kill('SIGTERM');
    const { code } = await s.exited;
    if (/Sanitizer|runtime error/.test(s.stderr())) throw new Error('sanitizer report from a server:\n' + s.stderr());
    assert.equal(code, 0, `a server exited with ${code}:\n${s.stderr()}`);
  }
  if (dbName) execFileSync(psql, [uriFor(cluster, 'postgres'), '-qc', `DROP DATABASE IF EXISTS ${dbName}`]);
  if (pgdir) {
    execFileSync('sh', [join(root, 'scripts/pg-temp'), 'stop', join(pgdir, 'pg')]);
    rmSync(pgdir, { recursive: true, force: true });
  }
});

// A client of server `to` with the cookies (and CSRF token) of `from`.
function sameBrowser(from, to) {
  const c = new Client(to.base);
  c.cookies = new Map(from.cookies);
  c.csrf = from.csrf;
  return c;
}

test('a session made on one server is valid on the other, its CSRF token too, and ended on the other it ends on both', async (t) => {
  if (missing) return t.skip(missing);
  const onA = new Client(A.base);
  await onA.login(demoEmail('participant', 'gemeente'));
  const home = await onA.get('/');
  assert.equal(home.status, 200);
  const onB = sameBrowser(onA, B);
  const seen = await onB.get('/');
  assert.equal(seen.status, 200, 'B knows the session A made');
  assert.doesNotMatch(seen.text, /name="password"/, 'B does not ask to sign in');
  assert.equal(seen.text.match(/<header[\s\S]*?<\/header>/)?.[0], home.text.match(/<header[\s\S]*?<\/header>/)?.[0],
    'the same person, the same header');
  // a form of A handed in on B: the session's CSRF token holds there
  const out = await onB.post('/logout', {});
  assert.equal(out.status, 303, 'B took the CSRF token A gave');
  const afterOnA = await onA.get('/');
  assert.ok(afterOnA.status === 303 || /name="password"/.test(afterOnA.text), 'the session ended on B has ended on A');
  // a forged token is refused on either
  const again = new Client(A.base);
  await again.login(demoEmail('participant', 'gemeente'));
  const forged = sameBrowser(again, B);
  forged.csrf = '0'.repeat(64);
  assert.equal((await forged.post('/logout', {})).status, 403);
});

test('a questionnaire handed in on one server counts in the response accounting that the other shows', async (t) => {
  if (missing) return t.skip(missing);
  const coachA = new Client(A.base), coachB = new Client(B.base);
  await coachA.login(demoEmail('coach'));
  await coachB.login(demoEmail('coach'));
  // a wave started on A, open today for two weeks, for the demo's first group
  const q = await coachA.get('/questionnaires');
  const instrument = q.text.match(/<option value="(\d+)">Eindevaluatie LiVe!<\/option>/)[1];
  const group = q.text.match(new RegExp(`<option value="(group:\\d+)">${GROUP1}</option>`))[1];
  const today = q.text.match(/id="f-opens_on" name="opens_on" type="date" value="(\d{4}-\d\d-\d\d)"/)[1];
  const made = await coachA.post('/waves', { instrument_id: instrument, name: 'Tussenevaluatie op twee servers',
    population: group, opens_on: today, closes_on: addDays(today, 14) });
  assert.equal(made.status, 303, made.text.match(/role="alert"[\s\S]*?<\/div>/)?.[0]);
  const wave = +made.headers.get('location').match(/^\/waves\/(\d+)/)[1];
  const accounting = async () => {
    const r = await coachB.get(`/waves/${wave}`);
    assert.equal(r.status, 200, 'B shows the wave A started');
    const tb = r.text.match(/<table class="accounting"[^>]*>([\s\S]*?)<\/table>/);
    assert.ok(tb, 'B shows the response accounting');
    return Object.fromEntries([...tb[1].matchAll(/<tr><th scope="row">([^<]*)<\/th><td>([^<]*)<\/td><\/tr>/g)]
      .map((m) => [m[1], m[2]]));
  };
  const before = await accounting();
  assert.equal(before['Ingevuld'], '0');
  // the first personal link, from B's list, handed in on A
  const res = await fetch(`${B.base}/waves/${wave}/links.csv`, { headers: { cookie: coachB.cookieHeader() } });
  assert.equal(res.status, 200);
  const token = Buffer.from(await res.arrayBuffer()).toString('utf8').match(/token=([0-9a-f]{64})/)[1];
  const c = new Client(A.base);
  const page = await c.get(`/respond?token=${token}`);
  assert.match(page.text, /value="submit"/, 'the link is open on A');
  const radios = [...new Set([...page.text.matchAll(/type="radio" id="(i\d+)-\d" name="\1"/g)].map((m) => m[1]))];
  assert.ok(radios.length >= 5, 'the form has its scale questions');
  const r = await c.post('/respond', { token, action: 'submit', confirm_incomplete: '1',
    ...Object.fromEntries(radios.map((f) => [f, '4'])) });
  assert.equal(r.status, 303, 'handed in on A');
  const after = await accounting();
  assert.equal(after['Ingevuld'], '1', 'B counts the hand-in A took');
  assert.equal(Number(after['Niet ingevuld']), Number(before['Niet ingevuld']) - 1);
  // and B knows the link is used: a second hand-in there is refused
  const again = await new Client(B.base).get(`/respond?token=${token}`);
  assert.doesNotMatch(again.text, /value="submit"/, 'B does not offer the form again');
});

test('the delay after wrong passwords on one server holds on the other', async (t) => {
  if (missing) return t.skip(missing);
  const email = demoEmail('mentor', 'gemeente');
  const tryOn = async (s, password = 'verkeerd-wachtwoord') => {
    const c = new Client(s.base);
    await c.get('/login');
    return c.post('/login', { email, password });
  };
  // five failures are free; the sixth starts a delay (tests/http/signin.test.mjs)
  for (let i = 0; i < 6; i++) assert.equal((await tryOn(A)).status, 422, `failure ${i + 1} on A`);
  const right = await tryOn(B, PASSWORD);
  assert.equal(right.status, 429, 'B makes even the right password wait');
  assert.match(right.headers.get('retry-after') || '', /^[1-9]\d*$/);
  assert.ok(!right.headers.getSetCookie().some((c) => c.startsWith('lg_session=')), 'no session while waiting');
});

test('mail queued on one server is sent by the other when the first cannot reach its mail server', async (t) => {
  if (missing) return t.skip(missing);
  const sink = await startSmtpSink();
  // a port where no mail server listens: a server that was just closed
  const closed = await new Promise((res) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => res(port)); });
  });
  const PUBLIC = 'https://leergang.example.nl';
  const mail = { LEERGANG_SMTP_FROM: 'leergang@gemeente.example', LEERGANG_PUBLIC_URL: PUBLIC,
    LEERGANG_SMTP_RETRY_SECONDS: '1' };
  const C = await serve(dbUri, { ...mail, LEERGANG_SMTP_URL: `smtp://127.0.0.1:${closed}` });
  const D = await serve(dbUri, { ...mail, LEERGANG_SMTP_URL: sink.url });
  try {
    const email = demoEmail('coach', 'gemeente');
    const asker = new Client(C.base);
    await asker.get('/password/forgot');
    const ask = await asker.post('/password/forgot', { email });
    assert.equal(ask.status, 200);
    // C tried and found no mail server: the message waits in the database, sealed
    let tries = 0;
    for (let i = 0; i < 200 && tries < 1; i++) {
      tries = Number(sqlValue(dbUri, 'SELECT coalesce(max(tries), 0) FROM mail_queue'));
      if (tries < 1) await sleep(50);
    }
    assert.ok(tries >= 1, 'C tried to send and could not');
    // (the daily run of D mails the demo's reminders of due actions: not this)
    const resets = () => sink.history.filter((e) => /Subject: Een nieuw wachtwoord/.test(e.data));
    assert.equal(resets().length, 0, 'no reset mail reached the mail server yet');
    const box = sqlValue(dbUri, 'SELECT count(*) FROM mail_queue WHERE position(convert_to($$reset?token=$$, $$UTF8$$) in box) > 0'
      + ' OR position(convert_to($$' + email + '$$, $$UTF8$$) in box) > 0');
    assert.equal(Number(box), 0, 'neither the link nor the address is readable in the database');
    // C stops; D finds the message when it is due and sends it
    C.proc.kill('SIGTERM');
    assert.equal((await C.exited).code, 0);
    for (let i = 0; i < 400 && !resets().length; i++) await sleep(50);
    assert.equal(resets().length, 1, 'D sent the message C queued');
    assert.deepEqual(resets()[0].to, [email]);
    const m = parseMessage(resets()[0].data);
    const link = m.body.match(/https:\/\/leergang\.example\.nl\/password\/reset\?token=([0-9a-f]{64})/);
    assert.ok(link, 'the reset link');
    assert.equal((await new Client(D.base).get(`/password/reset?token=${link[1]}`)).status, 200, 'the link works');
    assert.equal(Number(sqlValue(dbUri, 'SELECT count(*) FROM mail_queue')), 0, 'sent once, then removed');
    await sleep(1500);
    assert.equal(resets().length, 1, 'and not sent twice');
  } finally {
    await sink.stop();
  }
});
