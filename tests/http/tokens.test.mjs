// API tokens (issue 13, point 8): made, listed and revoked on the page
// /tokens and on the command line; a list never shows a token; a revoked
// token, an expired one and one from before a password change (page, CLI,
// reset link) get 401 from /api/v1/me; bad input changes nothing. And a
// server without mail sends people who forgot their password to the
// administrator.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, demoEmail, cli, cliResult, PASSWORD } from '../lib/server.mjs';
import { dialect, sqlRows } from '../lib/db.mjs';

let srv;
const sql = (q) => {
  return sqlRows(srv.db, q);
};
const me = (token) => {
  const c = new Client(srv.base);
  c.headers.authorization = `Bearer ${token}`;
  return c.get('/api/v1/me');
};
const accountOf = (email) => sql(`SELECT id FROM account WHERE email = '${email}'`)[0].id;
const tokensOf = (email) => sql(`SELECT count(*) AS n FROM api_token WHERE account_id = ${accountOf(email)}`)[0].n;

before(async () => { srv = await startServer(); });
after(async () => { await srv.stop(); });

test('the page: make a token (shown once), use it, see it listed without the secret, revoke it', async () => {
  const email = demoEmail('participant');
  const c = new Client(srv.base);
  await c.login(email);
  let page = await c.get('/tokens');
  assert.equal(page.status, 200);
  assert.match(page.text, /U hebt geen API-tokens/);
  assert.match((await c.get('/password')).text, /href="\/tokens"/, 'the password page leads there');
  const made = await c.post('/tokens', { label: 'Rapportage <script>', days: '30' });
  assert.equal(made.status, 200);
  const token = made.text.match(/id="f-token" type="text" readonly size="70" value="([0-9a-f]{64})"/)[1];
  assert.match(made.text, /alleen nu te zien/);
  const r = await me(token);
  assert.equal(r.status, 200);
  assert.equal(r.json().email, email);

  page = await c.get('/tokens');
  assert.ok(!page.text.includes(token), 'the list never shows the token');
  assert.ok(page.text.includes('Rapportage &lt;script&gt;'), 'the label, escaped');
  const [, id] = page.text.match(/action="\/tokens\/(\d+)\/revoke"/);
  const expires = sql(`SELECT expires_at - ${dialect(srv.db).epochOf('created_at')} AS d FROM api_token WHERE id = ${id}`)[0].d;
  assert.equal(expires, 30 * 86400, 'works for the days asked');

  // another signed-in user cannot revoke it
  const other = new Client(srv.base);
  await other.login(demoEmail('mentor'));
  await other.get('/tokens');
  assert.equal((await other.post(`/tokens/${id}/revoke`, { confirm: '1' })).status, 404);
  assert.equal((await me(token)).status, 200);
  // nor can a form from elsewhere
  assert.equal((await c.post(`/tokens/${id}/revoke`, { csrf: 'f'.repeat(64), confirm: '1' })).status, 403);
  assert.equal((await me(token)).status, 200);

  const rv = await c.post(`/tokens/${id}/revoke`, { confirm: '1' });
  assert.equal(rv.status, 303);
  assert.equal(rv.headers.get('location'), '/tokens?done=token-revoked');
  assert.match((await c.get('/tokens?done=token-revoked')).text, /Het API-token is ingetrokken en werkt niet meer/);
  const gone = await me(token);
  assert.equal(gone.status, 401, 'a revoked token');
  assert.equal(typeof gone.json().error.message, 'string');
  assert.equal((await c.post(`/tokens/${id}/revoke`, { confirm: '1' })).status, 404, 'revoked already');
});

test('the page: bad input changes nothing', async () => {
  const email = demoEmail('facilitator');
  const c = new Client(srv.base);
  await c.login(email);
  await c.get('/tokens');
  const before = tokensOf(email);
  for (const [label, days, field] of [['ok', '0', 'days'], ['ok', '366', 'days'], ['ok', 'abc', 'days'], ['ok', '', 'days'],
    ['ok', '99999999999999999999', 'days'], ['regel\neen', '30', 'label'], ['x'.repeat(101), '30', 'label']]) {
    const r = await c.post('/tokens', { label, days });
    assert.equal(r.status, 422, `${JSON.stringify(label)} ${days}`);
    assert.match(r.text, new RegExp(`id="e-${field}"`));
    assert.doesNotMatch(r.text, /id="f-token"/);
  }
  assert.equal((await c.post('/tokens', { label: 'x', days: '30', csrf: 'f'.repeat(64) })).status, 403);
  assert.equal(tokensOf(email), before);
});

test('the command line: create with a label and days, list without the secret, revoke', async () => {
  const email = demoEmail('coach');
  const token = cli(srv.db, ['token', 'create', '--email', email, '--label', 'koppeling HR', '--days', '7']).trim();
  assert.match(token, /^[0-9a-f]{64}$/);
  assert.equal((await me(token)).status, 200);
  const list = JSON.parse(cli(srv.db, ['token', 'list', '--email', email, '--format', 'json']));
  assert.equal(list.length, 1);
  const [t] = list;
  assert.deepEqual(Object.keys(t).sort(), ['created', 'expires', 'id', 'label', 'scope', 'status']);
  assert.equal(t.label, 'koppeling HR');
  assert.equal(t.scope, 'all');
  assert.equal(t.status, 'active');
  assert.equal(Date.parse(t.expires) - Date.parse(t.created), 7 * 86400e3);
  const csv = cli(srv.db, ['token', 'list', '--email', email, '--format', 'csv']);
  assert.match(csv, /^id,label,scope,created,expires,status\r?\n/);
  for (const out of [JSON.stringify(list), csv, cli(srv.db, ['token', 'list', '--email', email])]) {
    assert.ok(!out.includes(token), 'no list shows the token');
  }
  // the default: 90 days
  cli(srv.db, ['token', 'create', '--email', email]);
  const two = JSON.parse(cli(srv.db, ['token', 'list', '--email', email, '--format', 'json']));
  assert.equal(Date.parse(two[0].expires) - Date.parse(two[0].created), 90 * 86400e3);
  // bad input: a message, a non-zero exit, nothing made or revoked
  for (const args of [['--days', '0'], ['--days', '366'], ['--days', 'veel'], ['--label', 'a\nb']]) {
    const r = cliResult(srv.db, ['token', 'create', '--email', email, ...args]);
    assert.notEqual(r.status, 0, args.join(' '));
    assert.match(r.stderr, /^leergang: /m);
    assert.equal(r.stdout, '');
  }
  assert.notEqual(cliResult(srv.db, ['token', 'create', '--email', 'niemand@politie.example']).status, 0);
  const wrong = cliResult(srv.db, ['token', 'revoke', '--email', demoEmail('owner'), '--id', String(t.id)]);
  assert.notEqual(wrong.status, 0, "another account's token");
  assert.match(wrong.stderr, /has no token/);
  assert.equal((await me(token)).status, 200);
  assert.equal(JSON.parse(cli(srv.db, ['token', 'list', '--email', email, '--format', 'json'])).length, 2);
  assert.match(cli(srv.db, ['token', 'revoke', '--email', email, '--id', String(t.id)]), /revoked/);
  assert.equal((await me(token)).status, 401, 'revoked on the command line');
});

test('an expired token gets 401', async () => {
  const email = demoEmail('researcher');
  const token = cli(srv.db, ['token', 'create', '--email', email, '--days', '1']).trim();
  assert.equal((await me(token)).status, 200);
  sql(`UPDATE api_token SET expires_at = ${dialect(srv.db).now()} - 1 WHERE account_id = ${accountOf(email)}`);
  assert.equal((await me(token)).status, 401);
  const [t] = JSON.parse(cli(srv.db, ['token', 'list', '--email', email, '--format', 'json']));
  assert.equal(t.status, 'expired', 'listed as expired');
  const c = new Client(srv.base);
  await c.login(email);
  assert.match((await c.get('/tokens')).text, /\(verlopen\)/);
});

test('a new password ends every token: on the page, on the command line, through a reset link', async () => {
  // the page
  let email = demoEmail('manager');
  let tokens = [0, 1].map(() => cli(srv.db, ['token', 'create', '--email', email]).trim());
  const c = new Client(srv.base);
  await c.login(email);
  await c.get('/password');
  const r = await c.post('/password', { current: PASSWORD, password: 'nieuw-wachtwoord-1', repeat: 'nieuw-wachtwoord-1' });
  assert.equal(r.status, 303);
  for (const t of tokens) assert.equal((await me(t)).status, 401, 'after a change on the page');
  assert.match((await c.get('/?done=password-changed')).text, /uw API-tokens werken niet meer/);
  assert.equal(tokensOf(email), 0);
  // the command line
  email = demoEmail('mentor');
  tokens = [cli(srv.db, ['token', 'create', '--email', email]).trim()];
  assert.equal((await me(tokens[0])).status, 200);
  cli(srv.db, ['user', 'passwd', '--email', email], 'nieuw-wachtwoord-2\n');
  assert.equal((await me(tokens[0])).status, 401, 'after user passwd');
  // a reset link
  email = demoEmail('rater');
  tokens = [cli(srv.db, ['token', 'create', '--email', email]).trim()];
  const link = cli(srv.db, ['user', 'reset-link', '--email', email, '--url', srv.base]).trim();
  const token = link.split('token=')[1];
  const b = new Client(srv.base);
  await b.get(`/password/reset?token=${token}`);
  const set = await b.post('/password/reset', { token, password: 'nieuw-wachtwoord-3', repeat: 'nieuw-wachtwoord-3' });
  assert.equal(set.status, 303);
  assert.equal((await me(tokens[0])).status, 401, 'after a reset link');
});

test('without a mail server, "forgot your password?" sends people to the administrator', async () => {
  const c = new Client(srv.base);
  const login = await c.get('/login');
  assert.match(login.text, /<a href="\/password\/forgot">Wachtwoord vergeten\?<\/a>/);
  const page = await c.get('/password/forgot');
  assert.equal(page.status, 200);
  assert.match(page.text, /Deze server verstuurt geen e-mail\. Vraag de beheerder/);
  assert.doesNotMatch(page.text, /name="email"/);
  const r = await c.post('/password/forgot', { email: demoEmail('owner') });
  assert.equal(r.status, 200);
  assert.match(r.text, /Vraag de beheerder/);
  assert.equal(sql('SELECT count(*) AS n FROM password_reset')[0].n, 0, 'no link made');
});
