// Sign-in through an organisation's identity provider (issue 15, must-show
// 3), end to end: leergang against a real OpenID Connect provider run here
// (the npm package oidc-provider, its own login form driven over HTTP), and,
// for the tokens a real provider will not issue (expired, badly signed,
// HS256, none), a second small issuer in this file that signs tokens of
// its own with a key the test holds. Every refusal must say in Dutch what
// happened and leave no session behind.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import crypto from 'node:crypto';
import { writeFileSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Provider from 'oidc-provider';
import { startServer, Client, demoEmail, cli, cliResult, PASSWORD } from '../lib/server.mjs';
import { PG, dialect, sqlRows, sqlValue } from '../lib/db.mjs';

const SECRET = `geheim-${crypto.randomBytes(12).toString('hex')}`;
const FAKE_SECRET = `nep-${crypto.randomBytes(12).toString('hex')}`;
const MEMBER = demoEmail('participant', 'gemeente');     // has an account in the municipality
const UNKNOWN = 'onbekend@gemeente.example';             // known to the provider only
const POLICE_MEMBER = demoEmail('participant', 'politie');
const EMPLOYEE_CLAIM = 'http://schemas.microsoft.com/ws/2008/06/identity/claims/employeeid';
let srv, idp, idpServer, fake;

const sql = (q) => {
  return sqlRows(srv.db, q);
};

const listen = (server) => new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));

// ---- the real provider ----

async function startProvider(redirect) {
  const server = http.createServer();
  const port = await listen(server);
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: [{
      client_id: 'leergang', client_secret: SECRET, redirect_uris: [redirect],
      grant_types: ['authorization_code'], response_types: ['code'], token_endpoint_auth_method: 'client_secret_basic',
    }],
    // the login form accepts any name: the name is the e-mail address
    async findAccount(ctx, id) {
      return { accountId: id, async claims() { return { sub: id, email: id, email_verified: true }; } };
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    // the claims of the scopes in the ID token itself, as Entra ID and Keycloak do
    conformIdTokenClaims: false,
    // no consent screen: the organisation's own application
    async loadExistingGrant(ctx) {
      const id = ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      const found = id && await ctx.oidc.provider.Grant.find(id);
      if (found) return found;
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
    cookies: { keys: [crypto.randomBytes(16).toString('hex')] },
    features: { devInteractions: { enabled: true } },
  });
  provider.on('server_error', (ctx, err) => console.error('provider:', err));
  server.on('request', provider.callback());
  return { issuer, server, provider };
}

// ---- a small issuer of its own tokens ----

function startFake(redirect) {
  const key = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const other = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const codes = new Map();
  const f = { mode: 'good', key, other };
  const b64 = (x) => Buffer.from(JSON.stringify(x)).toString('base64url');
  const token = (req) => {
    const now = Math.floor(Date.now() / 1000);
    const claims = { iss: f.issuer, sub: 'p-1', aud: 'leergang-nep', email: POLICE_MEMBER, nonce: req.nonce, iat: now - 5, exp: now + 300 };
    // as ADFS names it: the employee number under a claim URI, the e-mail address one leergang does not know
    if (f.mode === 'employee') Object.assign(claims, { email: 'elders@example.org', [EMPLOYEE_CLAIM]: f.employee });
    const header = { alg: 'RS256', kid: 'k1', typ: 'JWT' };
    if (f.mode === 'expired') Object.assign(claims, { iat: now - 3600, exp: now - 1800 });
    if (f.mode === 'none') header.alg = 'none';
    if (f.mode === 'hs256') header.alg = 'HS256';
    const input = `${b64(header)}.${b64(claims)}`;
    const signer = f.mode === 'badsig' ? other : key;
    if (f.mode === 'none') return `${input}.`;
    if (f.mode === 'hs256') {
      // the provider's public key as the HMAC secret: the confusion attack
      const pem = key.publicKey.export({ type: 'spki', format: 'pem' });
      return `${input}.${crypto.createHmac('sha256', pem).update(input).digest('base64url')}`;
    }
    return `${input}.${crypto.sign('sha256', Buffer.from(input), signer.privateKey).toString('base64url')}`;
  };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, f.issuer);
    const json = (status, body) => { res.writeHead(status, { 'content-type': 'application/json' }); res.end(JSON.stringify(body)); };
    if (url.pathname === '/.well-known/openid-configuration') {
      return json(200, { issuer: f.issuer, authorization_endpoint: `${f.issuer}/auth`, token_endpoint: `${f.issuer}/token`,
        jwks_uri: `${f.issuer}/jwks`, authorization_response_iss_parameter_supported: true });
    }
    if (url.pathname === '/jwks') return json(200, { keys: [{ ...key.publicKey.export({ format: 'jwk' }), kid: 'k1', use: 'sig' }] });
    if (url.pathname === '/auth') {
      const q = url.searchParams;
      if (q.get('redirect_uri') !== redirect) { res.writeHead(400); return res.end('redirect_uri'); }
      const code = crypto.randomBytes(16).toString('hex');
      codes.set(code, { nonce: q.get('nonce'), challenge: q.get('code_challenge'), method: q.get('code_challenge_method') });
      res.writeHead(303, { location: `${redirect}?code=${code}&state=${encodeURIComponent(q.get('state'))}&iss=${encodeURIComponent(f.issuer)}` });
      return res.end();
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      let body = '';
      req.on('data', (d) => { body += d; });
      req.on('end', () => {
        const p = new URLSearchParams(body);
        const auth = Buffer.from((req.headers.authorization || '').replace(/^Basic /, ''), 'base64').toString();
        const c = codes.get(p.get('code'));
        codes.delete(p.get('code'));
        const verifier = p.get('code_verifier') || '';
        if (auth !== `leergang-nep:${FAKE_SECRET}` || !c || c.method !== 'S256' ||
            crypto.createHash('sha256').update(verifier).digest('base64url') !== c.challenge ||
            p.get('redirect_uri') !== redirect) return json(400, { error: 'invalid_grant' });
        json(200, { access_token: 'x', token_type: 'Bearer', id_token: token(c) });
      });
      return;
    }
    res.writeHead(404);
    res.end();
  });
  return listen(server).then((port) => { f.issuer = `http://127.0.0.1:${port}`; f.server = server; return f; });
}

// ---- a browser: one cookie jar per origin, redirects followed by hand ----

class Browser {
  constructor() { this.leergang = new Client(srv.base); this.jars = new Map(); }
  jar(origin) { if (!this.jars.has(origin)) this.jars.set(origin, new Map()); return this.jars.get(origin); }
  async fetch(url, { method = 'GET', form } = {}) {
    const u = new URL(url);
    const jar = this.jar(u.origin);
    const headers = {};
    if (jar.size) headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    if (form) headers['content-type'] = 'application/x-www-form-urlencoded';
    const res = await fetch(url, { method, headers, body: form && new URLSearchParams(form).toString(), redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
    return { status: res.status, location: res.headers.get('location'), text: await res.text(), url };
  }
  // Starts at leergang's /login/oidc/SLUG and walks the provider (its login
  // form filled with login) until it sends the browser back to leergang.
  // tamper(url) may change the request to the provider. The callback URL.
  async toCallback(slug, login, tamper = (u) => u) {
    const start = await this.leergang.get(`/login/oidc/${slug}`);
    assert.equal(start.status, 303, `the start sends the browser on: ${start.text.slice(0, 300)}`);
    let url = tamper(new URL(start.headers.get('location')));
    this.request = new URL(url);
    for (let i = 0; i < 20; i++) {
      if (url.toString().startsWith(srv.base)) return new URL(url);
      const r = await this.fetch(url);
      if (r.status >= 300 && r.status < 400) { url = new URL(r.location, url); continue; }
      assert.equal(r.status, 200, `provider page ${url}: ${r.text.slice(0, 500)}`);
      const action = r.text.match(/<form[^>]*action="([^"]+)"/)[1].replace(/&amp;/g, '&');
      const prompt = r.text.match(/name="prompt" value="(\w+)"/)[1];
      const form = prompt === 'login' ? { prompt, login, password: 'wat-dan-ook' } : { prompt };
      const p = await this.fetch(new URL(action, url).toString(), { method: 'POST', form });
      assert.ok(p.status >= 300 && p.status < 400, `provider form: ${p.status} ${p.text.slice(0, 300)}`);
      url = new URL(p.location, url);
    }
    throw new Error('the provider never sent the browser back');
  }
  callback(url) { return this.leergang.get(url.pathname + url.search); }
  async signedIn() {
    const r = await this.leergang.get('/');
    return r.status === 200;
  }
}

// No session: no session cookie set, and the start page sends to the log-in.
async function assertRefused(b, r, status, message, what) {
  assert.equal(r.status, status, `${what}: ${r.status} ${r.text.slice(0, 400)}`);
  assert.match(r.text, message, `${what}: the Dutch message`);
  assert.match(r.text, /role="alert"/, `${what}: shown as an alert`);
  assert.ok(!b.leergang.cookies.has('lg_session'), `${what}: no session cookie`);
  assert.equal(await b.signedIn(), false, `${what}: not signed in`);
}

before(async () => {
  srv = await startServer();
  const redirect = `${srv.base}/login/oidc/callback`;
  idp = await startProvider(redirect);
  fake = await startFake(redirect);
  const secretFile = join(srv.dir, 'client-secret');
  writeFileSync(secretFile, `${SECRET}\n`);
  cli(srv.db, ['oidc', 'set', '--org', 'gemeente-demo', '--issuer', idp.issuer, '--client-id', 'leergang',
    '--client-secret-file', secretFile, '--claim', 'email']);
  writeFileSync(secretFile, `${FAKE_SECRET}\n`);
  cli(srv.db, ['oidc', 'set', '--org', 'politie-demo', '--issuer', fake.issuer, '--client-id', 'leergang-nep',
    '--client-secret-file', secretFile, '--claim', 'email']);
});
after(async () => {
  idp?.server.close();
  fake?.server.close();
  await srv.stop();
});

test('the client secret is not in the database in clear; its key file is the owner\'s alone', () => {
  // the file itself is read on SQLite; PostgreSQL's files are its own
  if (!PG) assert.equal(readFileSync(srv.db).includes(Buffer.from(SECRET)), false, 'not in the database file');
  const rows = sql(`SELECT ${dialect(srv.db).hex('secret_box')} AS box FROM oidc_provider`);
  assert.equal(rows.length, 2);
  for (const r of rows) assert.equal(r.box.includes(Buffer.from(SECRET).toString('hex').toUpperCase()), false);
  assert.equal(statSync(srv.oidcKey).mode & 0o777, 0o600);
  const shown = cli(srv.db, ['oidc', 'show']);
  assert.match(shown, /gemeente-demo/);
  assert.equal(shown.includes(SECRET), false, 'show never prints the secret');
});

test('a backup carries the key of the client secrets beside it, readable by its owner alone',
  { skip: PG && 'not for this database: leergang backup copies an SQLite file; PostgreSQL is backed up with pg_dump' }, () => {
  const file = join(srv.dir, 'backup.db');
  const r = cliResult(srv.db, ['backup', file]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /backup\.db\.oidc-key/);
  assert.equal(readFileSync(`${file}.oidc-key`, 'utf8'), readFileSync(srv.oidcKey, 'utf8'));
  assert.equal(statSync(`${file}.oidc-key`).mode & 0o777, 0o600);
  // the secret in the backup is the sealed one, never the secret itself
  const sealed = sqlValue(file, 'SELECT hex(secret_box) AS box FROM oidc_provider');
  assert.ok(sealed.length > 0 && !Buffer.from(sealed, 'hex').toString('latin1').includes(SECRET));
});

test('oidc set refuses what it cannot use, and changes nothing', () => {
  const before = sql('SELECT issuer, updated_at FROM oidc_provider ORDER BY organisation_id');
  for (const [args, why] of [
    [['--issuer', 'http://idp.example/realm'], /issuer/i],           // plain http to another machine
    [['--issuer', 'ftp://127.0.0.1/x'], /issuer/i],
    [['--claim', 'name'], /claim/i],
  ]) {
    const base = { '--issuer': idp.issuer, '--client-id': 'leergang', '--claim': 'email' };
    for (let i = 0; i < args.length; i += 2) base[args[i]] = args[i + 1];
    const r = cliResult(srv.db, ['oidc', 'set', '--org', 'gemeente-demo', '--client-secret-file', join(srv.dir, 'client-secret'),
      ...Object.entries(base).flat()]);
    assert.notEqual(r.status, 0, `${args.join(' ')} is refused`);
    assert.match(r.stderr, why);
  }
  assert.deepEqual(sql('SELECT issuer, updated_at FROM oidc_provider ORDER BY organisation_id'), before);
});

test('the log-in page offers the organisations\' providers', async () => {
  const r = await new Client(srv.base).get('/login');
  assert.match(r.text, /href="\/login\/oidc\/gemeente-demo\?next=%2F"/);
  assert.match(r.text, /Inloggen via /);
});

test('success: the real provider signs the member in, with PKCE S256, a nonce and the iss parameter', async () => {
  const b = new Browser();
  const start = await b.leergang.get('/login/oidc/gemeente-demo');
  const cookie = start.headers.getSetCookie().find((c) => c.startsWith('lg_oidc='));
  assert.match(cookie, /; Path=\/login\/oidc; HttpOnly; SameSite=Lax; Max-Age=600/, 'the browser cookie');
  const cb = await b.toCallback('gemeente-demo', MEMBER);
  const q = b.request.searchParams;
  assert.equal(q.get('code_challenge_method'), 'S256');
  assert.match(q.get('code_challenge'), /^[A-Za-z0-9_-]{43}$/);
  assert.match(q.get('state'), /^[0-9a-f]{64}$/);
  assert.ok(q.get('nonce').length >= 32);
  assert.equal(q.get('redirect_uri'), `${srv.base}/login/oidc/callback`);
  assert.equal(cb.searchParams.get('iss'), idp.issuer, 'RFC 9207: the provider sends iss');
  // the state is kept as a hash only
  assert.equal(sql(`SELECT count(*) AS n FROM oidc_login WHERE state_hash = ${dialect(srv.db).blob(q.get('state'))}`)[0].n, 0);
  const r = await b.callback(cb);
  assert.equal(r.status, 303, r.text.slice(0, 400));
  assert.equal(r.headers.get('location'), '/');
  assert.ok(b.leergang.cookies.has('lg_session'));
  assert.equal(await b.signedIn(), true);
  // the same answer again is spent
  const b2 = new Browser();
  b2.leergang.cookies = new Map([...b.leergang.cookies].filter(([k]) => k !== 'lg_session'));
  await assertRefused(b2, await b2.callback(cb), 400, /al gebruikt/, 'the callback replayed');
});

test('a wrong state is refused, and so is the right state in another browser', async () => {
  const b = new Browser();
  const cb = await b.toCallback('gemeente-demo', MEMBER);
  const wrong = new URL(cb);
  wrong.searchParams.set('state', crypto.randomBytes(32).toString('hex'));
  await assertRefused(b, await b.callback(wrong), 400, /niet in deze browser begonnen/, 'a wrong state');
  // another browser, with a sign-in and a cookie of its own, and with none
  const other = new Browser();
  await other.leergang.get('/login/oidc/gemeente-demo');
  assert.match(other.leergang.cookies.get('lg_oidc') || '', /^[0-9a-f]{64}$/);
  await assertRefused(other, await other.callback(cb), 400, /niet in deze browser begonnen/, 'another browser');
  const bare = new Browser();
  await assertRefused(bare, await bare.callback(cb), 400, /niet in deze browser begonnen/, 'a browser without the cookie');
  // neither spent the sign-in: its own browser still finishes it
  const r = await b.callback(cb);
  assert.equal(r.status, 303, r.text.slice(0, 300));
  assert.equal(await b.signedIn(), true);
});

test('a wrong nonce in the ID token is refused', async () => {
  const b = new Browser();
  // the provider puts the nonce it was sent into the ID token: send another
  const cb = await b.toCallback('gemeente-demo', MEMBER, (u) => { u.searchParams.set('nonce', 'een-andere-nonce-van-32-tekens-lang'); return u; });
  await assertRefused(b, await b.callback(cb), 400, /hoort niet bij deze inlogpoging/, 'a wrong nonce');
});

test('PKCE: a code obtained with another challenge is not exchanged', async () => {
  const b = new Browser();
  const other = crypto.createHash('sha256').update('een ander geheim').digest('base64url');
  const cb = await b.toCallback('gemeente-demo', MEMBER, (u) => { u.searchParams.set('code_challenge', other); return u; });
  await assertRefused(b, await b.callback(cb), 502, /geen bruikbaar antwoord/, 'a code of another challenge');
});

test('the iss response parameter must be the issuer, and is required when the provider announces it', async () => {
  const b = new Browser();
  const cb = await b.toCallback('gemeente-demo', MEMBER);
  const wrong = new URL(cb);
  wrong.searchParams.set('iss', `${idp.issuer}/`);
  await assertRefused(b, await b.callback(wrong), 400, /kwam niet van de inlogdienst/, 'another iss');
  const b2 = new Browser();
  const cb2 = await b2.toCallback('gemeente-demo', MEMBER);
  cb2.searchParams.delete('iss');
  await assertRefused(b2, await b2.callback(cb2), 400, /kwam niet van de inlogdienst/, 'no iss');
});

test('an unknown user is refused and nothing is created', async () => {
  const accounts = sql('SELECT count(*) AS n FROM account')[0].n;
  const b = new Browser();
  const cb = await b.toCallback('gemeente-demo', UNKNOWN);
  await assertRefused(b, await b.callback(cb), 403, /Er is geen account voor u in leergang; vraag de beheerder/, 'unknown user');
  assert.equal(sql('SELECT count(*) AS n FROM account')[0].n, accounts);
  // an account of another organisation is not found through this one
  const b2 = new Browser();
  const cb2 = await b2.toCallback('gemeente-demo', POLICE_MEMBER);
  await assertRefused(b2, await b2.callback(cb2), 403, /Er is geen account voor u/, 'an account of another organisation');
});

test('several tabs: each sign-in under way finishes on its own; the oldest beyond the bound are dropped', async () => {
  const b = new Browser();
  const first = await b.toCallback('gemeente-demo', MEMBER);
  const second = await b.toCallback('gemeente-demo', MEMBER);
  // the second tab first, then (after logging out) the first: the back button
  assert.equal((await b.callback(second)).status, 303);
  b.leergang.cookies.delete('lg_session');
  const late = await b.callback(first);
  assert.equal(late.status, 303, srv.stderr().split('\n').filter((l) => /oidc/.test(l)).join('\n'));
  // ten started in one browser: eight kept, the two oldest gone
  const c = new Browser();
  const starts = [];
  for (let i = 0; i < 10; i++) {
    const r = await c.leergang.get('/login/oidc/gemeente-demo');
    starts.push(new URL(r.headers.get('location')).searchParams.get('state'));
  }
  const browser = c.leergang.cookies.get('lg_oidc');
  const kept = sql(`SELECT count(*) AS n FROM oidc_login WHERE browser_hash = (SELECT browser_hash FROM oidc_login
    ORDER BY id DESC LIMIT 1)`)[0].n;
  assert.ok(browser);
  assert.equal(kept, 8);
  const dropped = await c.leergang.get(`/login/oidc/callback?state=${starts[0]}&code=x&iss=${encodeURIComponent(idp.issuer)}`);
  await assertRefused(c, dropped, 400, /duurde te lang|al gebruikt/, 'the oldest beyond the bound');
});

// ---- the tokens a real provider will not issue, from the small issuer ----

async function fakeSignIn(mode) {
  fake.mode = mode;
  const b = new Browser();
  const cb = await b.toCallback('politie-demo', POLICE_MEMBER);
  return { b, r: await b.callback(cb) };
}

test('the small issuer\'s good token signs in: the refusals below are the token\'s', async () => {
  const { b, r } = await fakeSignIn('good');
  assert.equal(r.status, 303, r.text.slice(0, 400));
  assert.equal(await b.signedIn(), true);
});

test('accounts found by employee number in the claim the organisation names (an ADFS claim URI)', async () => {
  fake.employee = sql(`SELECT p.employee_id FROM account a JOIN person p ON p.id = a.person_id WHERE a.email = '${POLICE_MEMBER}'`)[0].employee_id;
  assert.ok(fake.employee);
  const secretFile = join(srv.dir, 'client-secret');
  writeFileSync(secretFile, `${FAKE_SECRET}\n`);
  const set = (...more) => cliResult(srv.db, ['oidc', 'set', '--org', 'politie-demo', '--issuer', fake.issuer,
    '--client-id', 'leergang-nep', '--client-secret-file', secretFile, ...more]);
  try {
    // a claim name with a space: refused, nothing changed
    const bad = set('--claim', 'employee_id', '--employee-claim', 'employee id');
    assert.notEqual(bad.status, 0);
    assert.match(bad.stderr, /zonder spaties of aanhalingstekens|without spaces or quotes/);
    assert.equal(JSON.parse(cli(srv.db, ['oidc', 'show', '--org', 'politie-demo', '--format', 'json']))[0].claim, 'email');
    // by employee number in the default claim: the token has none there, so nobody is found
    assert.equal(set('--claim', 'employee_id').status, 0);
    let { b, r } = await fakeSignIn('employee');
    await assertRefused(b, r, 403, /onbekend|geen account|not known/i, 'the number in another claim than employee_id');
    // in the claim named: signed in
    assert.equal(set('--claim', 'employee_id', '--employee-claim', EMPLOYEE_CLAIM).status, 0);
    const shown = JSON.parse(cli(srv.db, ['oidc', 'show', '--org', 'politie-demo', '--format', 'json']))[0];
    assert.equal(shown.employee_claim, EMPLOYEE_CLAIM);
    ({ b, r } = await fakeSignIn('employee'));
    assert.equal(r.status, 303, r.text.slice(0, 400));
    assert.equal(await b.signedIn(), true);
  } finally {
    assert.equal(set('--claim', 'email').status, 0);
  }
});

test('an expired ID token is refused', async () => {
  const { b, r } = await fakeSignIn('expired');
  await assertRefused(b, r, 400, /is verlopen/, 'expired');
});

test('a badly signed ID token is refused', async () => {
  const { b, r } = await fakeSignIn('badsig');
  await assertRefused(b, r, 400, /kon niet worden gecontroleerd/, 'badly signed');
});

test('an ID token whose header says HS256 or none is refused', async () => {
  for (const mode of ['hs256', 'none']) {
    const { b, r } = await fakeSignIn(mode);
    await assertRefused(b, r, 400, /kon niet worden gecontroleerd/, mode);
  }
});

test('the settings page shows the administrator the provider, never the secret', async () => {
  const c = new Client(srv.base);
  await c.login(demoEmail('administrator', 'gemeente'));
  assert.match((await c.get('/accounts')).text, /<a href="\/oidc">Inloggen via de eigen inlogdienst/, 'found from the accounts page');
  const r = await c.get('/oidc');
  assert.equal(r.status, 200);
  assert.ok(r.text.includes(idp.issuer));
  assert.ok(r.text.includes(`${srv.base}/login/oidc/callback`));
  assert.equal(r.text.includes(SECRET), false);
});

test('passwords off: the password form refuses the organisation\'s accounts, others log in as before', async () => {
  const secretFile = join(srv.dir, 'client-secret');
  writeFileSync(secretFile, `${SECRET}\n`);
  cli(srv.db, ['oidc', 'set', '--org', 'gemeente-demo', '--issuer', idp.issuer, '--client-id', 'leergang',
    '--client-secret-file', secretFile, '--claim', 'email', '--passwords', 'off']);
  const c = new Client(srv.base);
  await c.get('/login');
  const r = await c.post('/login', { email: MEMBER, password: PASSWORD, next: '/' });
  assert.equal(r.status, 403, r.text.slice(0, 300));
  assert.match(r.text, /heeft wachtwoorden in leergang uitgezet/);
  assert.match(r.text, /Inloggen via /);
  assert.ok(!c.cookies.has('lg_session'));
  assert.equal((await c.get('/')).status, 303);
  // a wrong password says nothing about it
  const wrong = await c.post('/login', { email: MEMBER, password: 'niet-het-wachtwoord', next: '/' });
  assert.equal(wrong.status, 422);
  assert.doesNotMatch(wrong.text, /uitgezet/);
  // the police still log in with a password, and the member through the provider
  await new Client(srv.base).login(demoEmail('participant', 'politie'));
  const b = new Browser();
  assert.equal((await b.callback(await b.toCallback('gemeente-demo', MEMBER))).status, 303);
  assert.equal(await b.signedIn(), true);
});
