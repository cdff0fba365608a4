// server.mjs — starts a real leergang server on a fresh database with the
// demo data, and a small HTTP client that keeps cookies and CSRF tokens.
// Used by tests/http and tests/e2e. The binary is $LEERGANG_BIN (make check
// passes the sanitizer build), else build/release/leergang.
import { spawn, execFileSync } from 'node:child_process';
import { constants as fsConstants, appendFileSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { PSQL } from './db.mjs';

const root = resolve(import.meta.dirname, '..', '..');
export const BIN = process.env.LEERGANG_BIN || join(root, 'build/release/leergang');
export const PASSWORD = 'leergang-demo';
const env = { ...process.env, LEERGANG_LOCALEDIR: join(root, 'build/locale') };

// On PostgreSQL the key of the identity providers' client secrets cannot
// lie beside the database (LEERGANG_OIDC_KEY says where): each test
// database has its own in the server's folder, for the server and the CLI.
const oidcKeys = new Map();  // PostgreSQL URI -> key file

export function cli(db, args, input) {
  const e = oidcKeys.has(db) ? { ...env, LEERGANG_OIDC_KEY: oidcKeys.get(db) } : env;
  return execFileSync(BIN, ['--db', db, ...args], { env: e, input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
}

// Runs the CLI and returns { status, stdout, stderr } without throwing.
export function cliResult(db, args, input) {
  try {
    return { status: 0, stdout: cli(db, args, input), stderr: '' };
  } catch (e) {
    return { status: e.status, stdout: String(e.stdout || ''), stderr: String(e.stderr || '') };
  }
}

// The demo database, made once per binary, kind of names and day (its
// dates are relative to today) and copied for each server: every test
// file runs in a process of its own, so the copy is kept in a folder of
// the temporary directory, made under another name and renamed into place
// (two test processes making it at once both end with a whole file).
// Templates of other days or binaries are removed when a new one is made.
function templateKey(names) {
  const st = statSync(BIN);
  const day = new Date().toISOString().slice(0, 10);
  return createHash('sha256').update([BIN, st.size, st.mtimeMs, env.LEERGANG_LOCALEDIR, names, day].join('\0'))
    .digest('hex').slice(0, 20);
}

function demoTemplate(names) {
  const key = templateKey(names);
  const dir = join(tmpdir(), 'leergang-test-demo');
  const file = join(dir, `${key}.db`);
  if (existsSync(file)) return file;
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(dir)) {
    if (statSync(join(dir, f)).mtimeMs < Date.now() - 86400e3) rmSync(join(dir, f), { force: true });
  }
  const made = join(dir, `${key}.${process.pid}.making`);
  rmSync(made, { force: true });
  cli(made, ['init', '--demo', ...(names === 'hostile' ? ['--hostile-names'] : [])]);
  renameSync(made, file);
  return file;
}

// On PostgreSQL (LEERGANG_TEST_PG: the URI of a throw-away cluster, as
// scripts/pg-temp start prints it) every server gets a database of its own,
// lgt_<random>, copied from a template database with the demo: made once
// per binary, kind of names and day like the SQLite file, under a name of
// its own and renamed into place (of two processes making it at once, the
// second rename fails and that copy is dropped). The cluster is thrown away
// after the run, so old templates are not looked for.
const PG_URI = process.env.LEERGANG_TEST_PG || '';
const pgUri = (name) => PG_URI.replace(/^(postgres(?:ql)?:\/\/[^/?]*)(\/[^?]*)?/, `$1/${name}`);

function psqlAdmin(statement, flags = []) {
  if (!PSQL) throw new Error('LEERGANG_TEST_PG is set but psql is not installed');
  return execFileSync(PSQL, ['-X', '-q', '-v', 'ON_ERROR_STOP=1', ...flags, '-d', PG_URI, '-c', statement],
    { encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
}

// CREATE DATABASE ... TEMPLATE fails while any session is connected to the
// template (PostgreSQL copies it only when nobody is in it): tried again
// for five seconds.
function pgCreate(name, template) {
  for (let attempt = 0; ; attempt++) {
    try {
      // FILE_COPY: the template's files copied as they are, half the time of
      // the default (every block through the write-ahead log) on the
      // tests' cluster, which does not sync
      psqlAdmin(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template} STRATEGY FILE_COPY` : ''}`);
      return;
    } catch (e) {
      if (attempt < 50 && /being accessed by other users/.test(String(e.stderr))) {
        execFileSync('sleep', ['0.1']);
        continue;
      }
      throw e;
    }
  }
}

// Where the key file of a PostgreSQL demo template lies: beside the
// cluster's socket folder, which lives as long as the templates do.
function templateKeyFile(name) {
  const host = /[?&]host=([^&]*)/.exec(PG_URI);
  return join(host ? decodeURIComponent(host[1]) : tmpdir(), `${name}.oidc-key`);
}

function pgDemoTemplate(names) {
  const key = templateKey(names);
  const name = `lgt_tpl_${key}`;
  if (psqlAdmin(`SELECT count(*) FROM pg_database WHERE datname = '${name}'`, ['-A', '-t']).trim() === '1') return name;
  const made = `lgt_mk_${key}_${process.pid}`;
  psqlAdmin(`DROP DATABASE IF EXISTS ${made}`);
  pgCreate(made);
  // the template's own key file, copied with each copy of it (what is
  // sealed in it, such as anonymous hand-ins waiting to be mixed in, opens
  // with that key only); made anew with the template
  rmSync(templateKeyFile(made), { force: true });
  oidcKeys.set(pgUri(made), templateKeyFile(made));
  cli(pgUri(made), ['init', '--demo', ...(names === 'hostile' ? ['--hostile-names'] : [])]);
  oidcKeys.delete(pgUri(made));
  // the key file first, claimed by one maker only: a copy of the template
  // never goes without its key; the other maker waits for the template
  let first = true;
  try {
    // (no file: the demo sealed nothing)
    if (existsSync(templateKeyFile(made))) copyFileSync(templateKeyFile(made), templateKeyFile(name), fsConstants.COPYFILE_EXCL);
  } catch (e) {
    if (e.code !== 'EEXIST') throw e;
    first = false;
  }
  rmSync(templateKeyFile(made), { force: true });
  if (first) {
    psqlAdmin(`ALTER DATABASE ${made} RENAME TO ${name}`);
    return name;
  }
  psqlAdmin(`DROP DATABASE ${made} WITH (FORCE)`);
  for (let i = 0; i < 600; i++) {
    if (psqlAdmin(`SELECT count(*) FROM pg_database WHERE datname = '${name}'`, ['-A', '-t']).trim() === '1') break;
    execFileSync('sleep', ['0.1']);
  }
  return name;
}

// extraEnv: more environment for the server process (the mail settings).
// prepare(db): changes the fresh database before the server opens it.
// names: 'hostile' (the demo with the tests' hostile names: markup, a
// formula, a very long name) or 'ordinary' (the demo as people see it).
export async function startServer({ demo = true, names = 'hostile', env: extraEnv = {}, prepare = null } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'leergang-test-'));
  let db, pgName = null;
  if (PG_URI) {
    pgName = `lgt_${randomBytes(8).toString('hex')}`;
    db = pgUri(pgName);
    oidcKeys.set(db, join(dir, 'oidc-key'));
    if (demo) {
      const template = pgDemoTemplate(names);
      pgCreate(pgName, template);
      if (existsSync(templateKeyFile(template))) copyFileSync(templateKeyFile(template), oidcKeys.get(db));
    }
    else { pgCreate(pgName); cli(db, ['init']); }
  } else {
    db = join(dir, 'test.db');
    if (demo) copyFileSync(demoTemplate(names), db); else cli(db, ['init']);
  }
  if (prepare) prepare(db);
  const oidcKey = pgName ? oidcKeys.get(db) : `${db}.oidc-key`;
  const keyEnv = pgName ? { LEERGANG_OIDC_KEY: oidcKey } : {};
  let run = null;
  try {
    run = await spawnServer(db, { ...env, ...keyEnv, ...extraEnv });
  } catch (e) {
    if (pgName) psqlAdmin(`DROP DATABASE IF EXISTS ${pgName} WITH (FORCE)`);
    throw e;
  }
  // Stops the running process; its stderr checked, kept in the log file.
  const halt = async () => {
    run.proc.kill('SIGTERM');
    const { code } = await run.exited;
    const stderr = run.stderr();
    // LEERGANG_TEST_SERVER_LOG: a file that collects every server's stderr
    // (with LEERGANG_SQL_TRACE=1 every statement the store could not run)
    if (process.env.LEERGANG_TEST_SERVER_LOG && stderr) {
      appendFileSync(process.env.LEERGANG_TEST_SERVER_LOG, `--- ${process.argv[1] || ''} ${db}\n${stderr}`);
    }
    if (/Sanitizer|runtime error|LeakSanitizer/.test(stderr)) {
      throw new Error('sanitizer report from the server:\n' + stderr);
    }
    if (code !== 0) throw new Error(`server exited with ${code}:\n${stderr}`);
  };
  const server = {
    base: run.base, db, dir, oidcKey,
    stderr: () => run.stderr(),
    // The server stopped and started again on its database (and key), with
    // extraEnv in place of the first start's: on a new address (base).
    async restart(againEnv = {}) {
      await halt();
      run = await spawnServer(db, { ...env, ...keyEnv, ...againEnv });
      server.base = run.base;
      return server;
    },
    async stop() {
      try {
        await halt();
      } finally {
        rmSync(dir, { recursive: true, force: true });
        if (pgName) {
          psqlAdmin(`DROP DATABASE IF EXISTS ${pgName} WITH (FORCE)`);
          oidcKeys.delete(db);
        }
      }
    },
  };
  return server;
}

// `leergang serve` on db on a free port with the environment serverEnv,
// up when /healthz answers: { base, proc, exited (resolves to { code,
// signal }), stderr() }. Stopping it is the caller's.
export async function spawnServer(db, serverEnv, { cwd = undefined, threads = 4 } = {}) {
  for (let attempt = 0; attempt < 20; attempt++) {
    const port = 20000 + Math.floor(Math.random() * 20000);
    const proc = spawn(BIN, ['--db', db, 'serve', '--listen', `127.0.0.1:${port}`, '--threads', String(threads)],
      { env: serverEnv, cwd });
    let stderr = '';
    proc.stderr.on('data', (d) => { stderr += d; });
    const exited = new Promise((res) => proc.on('exit', (code, signal) => res({ code, signal })));
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 200; i++) {
      if (proc.exitCode !== null) break;
      try {
        const r = await fetch(base + '/healthz');
        if (r.status === 200) return { base, proc, exited, stderr: () => stderr };
      } catch { /* not up yet */ }
      await sleep(50);
    }
    proc.kill('SIGKILL');
    if (!/cannot listen/.test(stderr)) throw new Error('server did not start:\n' + stderr);
  }
  throw new Error('no free port found');
}

// Whether the event loop stood still for 9 s or more just now (not yet seen
// by the ticker) or lately (seen less than 5 s ago, before fetch's own timers
// had the time to drop the sockets that died meanwhile).
const TICK_MS = 500, BLOCKED_MS = 9000;
let lastTick = Date.now(), lastBlockSeen = -Infinity;
setInterval(() => {
  const now = Date.now();
  if (now - lastTick >= BLOCKED_MS) lastBlockSeen = now;
  lastTick = now;
}, TICK_MS).unref();
function loopWasBlocked() {
  const now = Date.now();
  return now - lastTick >= BLOCKED_MS || now - lastBlockSeen < 5000;
}

// A client with a cookie jar; follows no redirects, so tests see them.
export class Client {
  constructor(base) {
    this.base = base;
    this.cookies = new Map();
    this.csrf = null;
    this.headers = {};
  }
  cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  keep(res) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      const name = pair.slice(0, i), value = pair.slice(i + 1);
      if (/Max-Age=0/i.test(c)) this.cookies.delete(name); else this.cookies.set(name, value);
    }
  }
  async request(method, path, { body, headers = {} } = {}) {
    const h = { ...this.headers, ...headers };
    if (this.cookies.size) h.cookie = this.cookieHeader();
    // the API with a session cookie wants the session's CSRF token as a header
    if (method !== 'GET' && this.csrf && path.startsWith('/api/') && !('x-csrf-token' in h)) h['x-csrf-token'] = this.csrf;
    let res;
    for (let attempt = 1; !res; attempt++) try {
      res = await fetch(this.base + path, { method, headers: h, body, redirect: 'manual' });
    } catch (e) {
      // The server shuts a connection that stays idle for 10 s (HTTP_HEADER_SECONDS),
      // and only while no request is being handled on it. fetch keeps one pool of
      // sockets for every client and closes an idle one after 4 s, but only when
      // its timers run: a test that blocks the event loop that long (synchronous
      // psql or CLI calls on a busy machine) leaves dead sockets in the pool, and
      // the next requests, of any client, may go out on them. Such a request never
      // reached the server's handler, so it is sent once more. Any other failure
      // stands.
      const code = e?.cause?.code;
      if (!(attempt < 4 && loopWasBlocked() && ['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE', 'UND_ERR_CLOSED'].includes(code))) throw e;
    }
    this.keep(res);
    const text = await res.text();
    const m = text.match(/name="csrf" value="([0-9a-f]{64})"/);
    if (m) this.csrf = m[1];
    return { status: res.status, headers: res.headers, text, json: () => JSON.parse(text) };
  }
  get(path, opts) { return this.request('GET', path, opts); }
  // Posts a form with this client's CSRF token (unless fields.csrf is given).
  // fields: an object, or a list of [name, value] pairs for repeated names.
  post(path, fields = {}, opts = {}) {
    const f = Array.isArray(fields) ? [['csrf', this.csrf || ''], ...fields] : { csrf: this.csrf || '', ...fields };
    return this.request('POST', path, {
      body: new URLSearchParams(f).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(opts.headers || {}) },
    });
  }
  // Posts a JSON body to the API (with the session's CSRF header).
  postJson(path, body, headers = {}) {
    return this.request('POST', path, { body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });
  }
  async login(email, password = PASSWORD) {
    await this.get('/login');
    const r = await this.post('/login', { email, password, next: '/' });
    if (r.status !== 303) throw new Error(`login of ${email} failed: ${r.status}`);
    await this.get('/');  // picks up the session's CSRF token
    return r;
  }
}

export const ROLES = ['administrator', 'owner', 'coach', 'facilitator', 'mentor', 'participant', 'manager', 'rater', 'researcher'];
const local = { administrator: 'beheerder', owner: 'opdrachtgever', coach: 'coach', facilitator: 'begeleider', mentor: 'mentor',
  participant: 'deelnemer', manager: 'leidinggevende', rater: 'beoordelaar', researcher: 'onderzoeker' };
export function demoEmail(role, org = 'politie') {
  return `${local[role]}@${org}.example`;
}

export function routes() {
  return JSON.parse(execFileSync(BIN, ['serve', '--routes'], { env, encoding: 'utf8' }));
}
