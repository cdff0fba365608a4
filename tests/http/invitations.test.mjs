// Accounts without typed passwords (issue 15): an invitation by e-mail
// through a local SMTP sink -> link -> own password -> signed in; the same
// link again refused with a clear page; inviting again stops the old link;
// an expired link refused; a bulk invitation of a unit counted first and
// done all at once; switching an account off (after a confirmation) ends
// its sessions and refuses its sign-in like a wrong password; and, on a
// server without mail, the page says so and hands the links over as CSV.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { startServer, Client, demoEmail, cli, cliResult, PASSWORD } from '../lib/server.mjs';
import { startSmtpSink, parseMessage } from '../lib/smtp-sink.mjs';
import { dialect, sqlRows } from '../lib/db.mjs';

const PUBLIC = 'https://leergang.example.nl';
let sink, srv, plain, admin, plainAdmin;

const sqlOn = (db, q) => {
  return sqlRows(db, q);
};
const sql = (q) => sqlOn(srv.db, q);

async function mails(n, ms = 10000) {
  for (let t = 0; t < ms && sink.messages.length < n; t += 50) await sleep(50);
  return sink.messages;
}
const tokenOf = (text) => (text.match(/\/password\/reset\?token=([0-9a-f]{64})/) || [])[1];
// A client with the log-in form's CSRF token, as a visitor from a link has.
const visitor = async (base) => { const c = new Client(base); await c.get('/login'); return c; };
const tryLogin = async (base, email, password) => {
  const c = new Client(base);
  await c.get('/login');
  return c.post('/login', { email, password, next: '/' });
};

before(async () => {
  sink = await startSmtpSink();
  srv = await startServer({ env: { LEERGANG_SMTP_URL: sink.url, LEERGANG_SMTP_FROM: 'leergang@politie.example',
    LEERGANG_PUBLIC_URL: PUBLIC } });
  plain = await startServer();
  admin = new Client(srv.base);
  await admin.login(demoEmail('administrator'));
  plainAdmin = new Client(plain.base);
  await plainAdmin.login(demoEmail('administrator'));
});
after(async () => {
  await srv?.stop();
  await plain?.stop();
  await sink?.stop();
});

test('an invitation by e-mail: link, own password, signed in; the link a second time is refused', async () => {
  const email = 'nieuwe.collega@politie.example';
  const page = await admin.get('/accounts');
  assert.match(page.text, /Iemand uitnodigen/);
  assert.ok(!/type="password"/.test(page.text), 'the administrator types no password');
  sink.clear();
  const r = await admin.post('/accounts', { display_name: "O'Brien & \"Zonen\"", email, employee_id: '', role: 'participant' });
  assert.equal(r.status, 303);
  assert.equal(r.headers.get('location'), '/accounts?done=invited');
  const [env] = await mails(1);
  assert.deepEqual(env.to, [email]);
  const m = parseMessage(env.data);
  assert.equal(m.header('Subject'), 'Uw account in leergang');
  assert.match(m.body, /werkt één keer, zeven dagen lang/);
  const token = tokenOf(m.body);
  assert.ok(token && m.body.includes(`${PUBLIC}/password/reset?token=${token}`), 'the link, on the public address');
  // kept as its hash only, nowhere in the log
  assert.equal(sql(`SELECT count(*) AS n FROM password_reset WHERE kind = 'invite' AND instr(${dialect(srv.db).hex('token_hash')}, upper('${token}')) > 0`)[0].n, 0);
  assert.ok(!srv.stderr().includes(token));
  const listed = await admin.get('/accounts');
  assert.match(listed.text, /uitgenodigd op [^<]+, nog niet aangemeld/);
  // no password yet: nothing signs in
  assert.equal((await tryLogin(srv.base, email, '')).status, 422);

  const me = await visitor(srv.base);
  const form = await me.get(`/password/reset?token=${token}`);
  assert.equal(form.status, 200);
  assert.match(form.text, /Welkom bij leergang: kies uw wachtwoord/);
  assert.ok(form.text.includes(email));
  const set = await me.post('/password/reset', { token, password: 'mijn-eigen-wachtwoord', repeat: 'mijn-eigen-wachtwoord' });
  assert.equal(set.status, 303);
  assert.equal(set.headers.get('location'), '/?done=invitation-accepted');
  const home = await me.get('/?done=invitation-accepted');
  assert.equal(home.status, 200);
  assert.match(home.text, /Uw wachtwoord is ingesteld en u bent ingelogd/);
  assert.equal((await tryLogin(srv.base, email, 'mijn-eigen-wachtwoord')).status, 303);
  assert.equal(sql(`SELECT count(*) AS n FROM audit_log WHERE action = 'account.invite.accepted'`)[0].n, 1);

  // the same link again: a clear page, nothing changed
  const again = await new Client(srv.base).get(`/password/reset?token=${token}`);
  assert.equal(again.status, 410);
  assert.match(again.text, /Deze link werkt niet/);
  const post = await (await visitor(srv.base)).post('/password/reset', { token, password: 'iemand-anders-1', repeat: 'iemand-anders-1' });
  assert.equal(post.status, 410);
  assert.equal((await tryLogin(srv.base, email, 'mijn-eigen-wachtwoord')).status, 303);
  assert.ok(!(await admin.get('/accounts')).text.includes(`${email}</td><td><p>uitgenodigd`));
});

test('bad input changes nothing; a form without its CSRF token is refused', async () => {
  const before = sql('SELECT count(*) AS n FROM account')[0].n;
  let r = await admin.post('/accounts', { display_name: '', email: 'geen-adres', employee_id: '', role: 'participant' });
  assert.equal(r.status, 422);
  assert.match(r.text, /id="e-email"/);
  assert.match(r.text, /value="geen-adres"/);
  r = await admin.post('/accounts', { display_name: 'Dubbel', email: demoEmail('coach'), employee_id: '', role: 'participant' });
  assert.equal(r.status, 422);
  assert.match(r.text, /Er is al een account met het e-mailadres/);
  r = await admin.post('/accounts', { display_name: 'Zonder', email: 'zonder@politie.example', employee_id: 'X-BESTAAT-NIET', role: 'participant' });
  assert.equal(r.status, 422);
  assert.match(r.text, /id="e-person_id"/, 'an unknown number (from a script) is shown at the person picker');
  r = await admin.post('/accounts', { csrf: 'f'.repeat(64), display_name: 'Vals', email: 'vals@politie.example', role: 'participant' });
  assert.equal(r.status, 403);
  assert.equal(sql('SELECT count(*) AS n FROM account')[0].n, before);
  assert.equal((await admin.post('/accounts/999999/invite')).status, 404);
});

test('inviting again stops the old link; an expired link is refused', async () => {
  const email = 'twee.keer@politie.example';
  sink.clear();
  assert.equal((await admin.post('/accounts', { display_name: 'Twee Keer', email, employee_id: '', role: 'mentor' })).status, 303);
  const first = tokenOf(parseMessage((await mails(1))[0].data).body);
  const id = sql(`SELECT id FROM account WHERE email = '${email}'`)[0].id;
  const r = await admin.post(`/accounts/${id}/invite`);
  assert.equal(r.status, 303);
  assert.equal(r.headers.get('location'), '/accounts?done=invited-again');
  const second = tokenOf(parseMessage((await mails(2))[1].data).body);
  assert.notEqual(first, second);
  assert.equal((await new Client(srv.base).get(`/password/reset?token=${first}`)).status, 410, 'the old link stopped');
  assert.equal((await new Client(srv.base).get(`/password/reset?token=${second}`)).status, 200);
  // seven days later
  sql(`UPDATE password_reset SET expires_at = ${dialect(srv.db).now()} - 1 WHERE account_id = ${id}`);
  assert.equal((await new Client(srv.base).get(`/password/reset?token=${second}`)).status, 410);
  const late = await (await visitor(srv.base)).post('/password/reset', { token: second, password: 'te-laat-wachtwoord', repeat: 'te-laat-wachtwoord' });
  assert.equal(late.status, 410);
  assert.match(late.text, /een uitnodiging zeven dagen/);
  assert.equal(sql(`SELECT password_hash FROM account WHERE id = ${id}`)[0].password_hash, '');
});

test('bulk invitation of a unit: counted first, all at once, one mail each', async () => {
  // the smallest unit (with its sub-units) that has people to invite
  const units = sql("SELECT u.id FROM unit u JOIN organisation o ON o.id = u.organisation_id WHERE o.slug = 'politie-demo' ORDER BY u.id");
  let unit = null, count = 0, noEmail = 0;
  for (const u of units) {
    const p = await admin.get(`/accounts/bulk?unit=${u.id}`);
    assert.equal(p.status, 200);
    const m = p.text.match(/(\d+) (?:mensen|persoon) zonder account, (\d+) zonder e-mailadres/);
    assert.ok(m, 'the preview counts');
    if (Number(m[1]) > 0 && (!unit || Number(m[1]) < count)) { unit = u.id; count = Number(m[1]); noEmail = Number(m[2]); }
  }
  assert.ok(unit, 'the demo has a unit with people without an account');
  // the same counts, straight from the database
  const scope = `WITH RECURSIVE sub(id) AS (SELECT CAST(${unit} AS BIGINT) UNION ALL SELECT u.id FROM unit u JOIN sub ON u.parent_id = sub.id)
    SELECT p.* FROM person p WHERE p.active = 1 AND p.unit_id IN (SELECT id FROM sub)
    AND NOT EXISTS (SELECT 1 FROM account a WHERE a.person_id = p.id OR (p.email <> '' AND a.email = p.email))`;
  assert.equal(sql(`SELECT count(*) AS n FROM (${scope}) AS s WHERE email = ''`)[0].n, noEmail);
  assert.equal(sql(`SELECT count(DISTINCT lower(email)) AS n FROM (${scope}) AS s WHERE email <> ''`)[0].n, count);

  const before = sql('SELECT count(*) AS n FROM account')[0].n;
  await admin.get(`/accounts/bulk?unit=${unit}`);
  // a preview that no longer holds: nobody is invited
  let r = await admin.post('/accounts/bulk', { unit, group: 0, expected: count + 1, role: 'participant' });
  assert.equal(r.status, 409);
  assert.match(r.text, /Niemand is uitgenodigd/);
  r = await admin.post('/accounts/bulk', { unit, group: 0, expected: count, role: 'geen-rol' });
  assert.equal(r.status, 422);
  assert.equal(sql('SELECT count(*) AS n FROM account')[0].n, before);
  sink.clear();
  r = await admin.post('/accounts/bulk', { unit, group: 0, expected: count, role: 'participant' });
  assert.equal(r.status, 303);
  assert.equal(r.headers.get('location'), '/accounts?done=bulk-invited');
  assert.equal(sql('SELECT count(*) AS n FROM account')[0].n, before + count);
  assert.equal(sql(`SELECT count(*) AS n FROM audit_log WHERE action = 'account.invite' `)[0].n >= count, true);
  assert.equal(sql(`SELECT count(*) AS n FROM audit_log WHERE action = 'account.invite.bulk' AND object_id = ${unit}`)[0].n, 1);
  await mails(count);
  assert.equal(sink.messages.length, count, 'one mail to each');
  const after = await admin.get(`/accounts/bulk?unit=${unit}`);
  assert.match(after.text, /0 mensen zonder account/);
  // someone else's unit is not found
  assert.equal((await admin.get('/accounts/bulk?unit=999999')).status, 404);
});

test('switching an account off: confirmation, its sessions end, its sign-in refused as a wrong password', async () => {
  const email = demoEmail('facilitator');
  const user = new Client(srv.base);
  await user.login(email);
  assert.equal((await user.get('/')).status, 200);
  const id = sql(`SELECT id FROM account WHERE email = '${email}'`)[0].id;
  const confirm = await admin.get(`/accounts/${id}/deactivate`);
  assert.equal(confirm.status, 200);
  assert.match(confirm.text, /uitschakelen\?/);
  assert.match(confirm.text, /Ja, het account uitschakelen/);
  assert.equal(sql(`SELECT active FROM account WHERE id = ${id}`)[0].active, 1, 'the confirmation page changes nothing');
  const r = await admin.post(`/accounts/${id}/deactivate`);
  assert.equal(r.status, 303);
  assert.equal((await user.get('/')).status, 303, 'the session has ended');
  const off = await tryLogin(srv.base, email, PASSWORD);
  const wrong = await tryLogin(srv.base, demoEmail('mentor'), 'verkeerd-wachtwoord');
  assert.equal(off.status, 422);
  assert.equal(wrong.status, 422);
  const main = (t) => (t.match(/<main[^>]*>([\s\S]*?)<\/main>/) || ['', t])[1].replace(/[0-9a-f]{64}/g, '').replace(/value="[^"]*@[^"]*"/, '');
  assert.equal(main(off.text), main(wrong.text), 'the same answer as a wrong password');
  assert.match((await admin.get('/accounts')).text, /uitgeschakeld/);
  // its reset link does nothing
  sink.clear();
  assert.equal((await (await visitor(srv.base)).post('/password/forgot', { email })).status, 200);
  await sleep(500);
  assert.equal(sink.messages.length, 0);
  // on again: the old password works
  assert.equal((await admin.post(`/accounts/${id}/reactivate`)).status, 303);
  assert.equal((await tryLogin(srv.base, email, PASSWORD)).status, 303);
  // ending sessions alone
  const again = new Client(srv.base);
  await again.login(email);
  assert.equal((await admin.post(`/accounts/${id}/sessions/delete`, { confirm: '1' })).status, 303);
  assert.equal((await again.get('/')).status, 303);
  // never one's own
  const own = sql(`SELECT id FROM account WHERE email = '${demoEmail('administrator')}'`)[0].id;
  const self = await admin.post(`/accounts/${own}/deactivate`);
  assert.equal(self.status, 409);
  assert.match(self.text, /eigen account niet uitschakelen/);
  assert.equal(sql(`SELECT active FROM account WHERE id = ${own}`)[0].active, 1);
  assert.equal((await admin.post(`/accounts/${own}/sessions/delete`, { confirm: '1' })).status, 409);
  assert.equal((await admin.get('/accounts')).status, 200, 'still signed in');
  // an account of another organisation is not found
  const other = sql(`SELECT id FROM account WHERE email = '${demoEmail('facilitator', 'gemeente')}'`)[0].id;
  assert.equal((await admin.post(`/accounts/${other}/deactivate`)).status, 404);
  assert.equal(sql(`SELECT active FROM account WHERE id = ${other}`)[0].active, 1);
});

test('without a mail server: the page says so, the link is shown once, and the links come as CSV', async () => {
  const page = await plainAdmin.get('/accounts');
  assert.match(page.text, /Deze server verstuurt geen e-mail/);
  const email = 'zonder.mail@politie.example';
  const r = await plainAdmin.post('/accounts', { display_name: 'Zonder Mail', email, employee_id: '', role: 'participant' });
  assert.equal(r.status, 200);
  assert.match(r.text, /Geef deze link zelf aan Zonder Mail/);
  const shown = tokenOf(r.text);
  assert.ok(shown);
  assert.equal((await new Client(plain.base).get(`/password/reset?token=${shown}`)).status, 200);
  const list = await plainAdmin.get('/accounts');
  assert.match(list.text, /Nieuwe links voor de \d+ openstaande uitnodiging/);
  const csv = await plainAdmin.post('/accounts/invitations.csv');
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('content-type'), /^text\/csv/);
  assert.match(csv.headers.get('content-disposition'), /invitations\.csv/);
  const lines = csv.text.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  assert.equal(lines[0], 'Naam;E-mailadres;Link');
  const row = lines.find((l) => l.includes(email));
  assert.ok(row, 'the invited account is in the file');
  const token = tokenOf(row);
  assert.equal((await new Client(plain.base).get(`/password/reset?token=${shown}`)).status, 410, 'the earlier link stopped');
  const me = await visitor(plain.base);
  assert.equal((await me.get(`/password/reset?token=${token}`)).status, 200);
  assert.equal((await me.post('/password/reset', { token, password: 'uit-de-csv-gehaald', repeat: 'uit-de-csv-gehaald' })).status, 303);
  assert.equal((await tryLogin(plain.base, email, 'uit-de-csv-gehaald')).status, 303);

  // the bulk invitation hands the links over as CSV too
  const units = sqlOn(plain.db, "SELECT u.id FROM unit u JOIN organisation o ON o.id = u.organisation_id WHERE o.slug = 'politie-demo' ORDER BY u.id");
  for (const u of units) {
    const p = await plainAdmin.get(`/accounts/bulk?unit=${u.id}`);
    const m = p.text.match(/(\d+) (?:mensen|persoon) zonder account/);
    if (!m || Number(m[1]) === 0) continue;
    assert.match(p.text, /u krijgt hun links als CSV-bestand/);
    const b = await plainAdmin.post('/accounts/bulk', { unit: u.id, group: 0, expected: m[1], role: 'participant' });
    assert.equal(b.status, 200);
    assert.match(b.headers.get('content-type'), /^text\/csv/);
    assert.equal(b.text.replace(/^\uFEFF/, '').trim().split(/\r?\n/).length, Number(m[1]) + 1);
    break;
  }

  // the command line prints the link
  const link = cli(plain.db, ['user', 'invite', '--org', 'politie-demo', '--email', 'cli.uitnodiging@politie.example',
    '--url', PUBLIC]).trim();
  assert.match(link, /^https:\/\/leergang\.example\.nl\/password\/reset\?token=[0-9a-f]{64}$/);
  assert.equal(sqlOn(plain.db, "SELECT password_hash FROM account WHERE email = 'cli.uitnodiging@politie.example'")[0].password_hash, '');
  const bad = cliResult(plain.db, ['user', 'invite', '--org', 'politie-demo', '--email', 'geen-adres']);
  assert.notEqual(bad.status, 0);
});
