// mail_queue.test.mjs — mail that goes in the background (a reset link, an
// invitation to an account, a member check's link) waits in the database
// (src/domain/mail_queue.h): sealed, so that neither the link nor the
// address can be read from the database or its file; kept while no mail
// server can be reached, tried again, and sent by the server once it is
// started again with a mail server that answers. On either database (with
// LEERGANG_TEST_PG the server's database is PostgreSQL); that another
// server of the installation sends it is in two_servers.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { startServer, Client, demoEmail } from '../lib/server.mjs';
import { startSmtpSink, parseMessage } from '../lib/smtp-sink.mjs';
import { dialect, sqlRows, sqlValue } from '../lib/db.mjs';

const PUBLIC = 'https://leergang.example.nl';
const FROM = 'leergang@politie.example';
let sink, srv;

// A port on which nothing listens (a server just closed).
const closedPort = () => new Promise((res) => {
  const s = createServer();
  s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => res(port)); });
});

before(async () => {
  sink = await startSmtpSink();
  srv = await startServer({ env: { LEERGANG_SMTP_URL: `smtp://127.0.0.1:${await closedPort()}`,
    LEERGANG_SMTP_FROM: FROM, LEERGANG_PUBLIC_URL: PUBLIC, LEERGANG_SMTP_RETRY_SECONDS: '1' } });
});

after(async () => {
  await srv?.stop();
  await sink?.stop();
});

const resets = () => sink.history.filter((e) => /^Subject: Een nieuw wachtwoord voor leergang/m.test(e.data));

test('a reset link waits sealed while no mail server answers, and goes when the server is back with one', async () => {
  const email = demoEmail('mentor');
  const c = new Client(srv.base);
  await c.get('/password/forgot');
  const ask = await c.post('/password/forgot', { email });
  assert.equal(ask.status, 200);
  assert.match(ask.text, /Als er een account/, 'the same answer for any address');
  // the server tried and found no mail server: the message waits, tried again
  let tries = 0;
  for (let i = 0; i < 200 && tries < 2; i++) {
    tries = Number(sqlValue(srv.db, 'SELECT coalesce(max(tries), 0) AS n FROM mail_queue'));
    if (tries < 2) await sleep(50);
  }
  assert.ok(tries >= 2, `tried at least twice (${tries}): after a second, as LEERGANG_SMTP_RETRY_SECONDS says`);
  assert.equal(Number(sqlValue(srv.db, 'SELECT count(*) AS n FROM mail_queue')), 1, 'one message waits');
  // sealed: neither the link nor the address in the box
  const boxes = sqlRows(srv.db, `SELECT ${dialect(srv.db).hex('box')} AS h FROM mail_queue`)
    .map((r) => Buffer.from(r.h, 'hex').toString('latin1'));
  assert.equal(boxes.length, 1);
  for (const needle of ['password/reset?token=', email, 'leergang.example.nl', 'Een nieuw wachtwoord'])
    assert.ok(!boxes[0].includes(needle), `"${needle}" is not readable in the database`);
  // nor anywhere in SQLite's files
  if (!dialect(srv.db).pg) {
    for (const f of [srv.db, `${srv.db}-wal`].filter(existsSync))
      assert.ok(!readFileSync(f).includes('password/reset?token='), `no reset link in ${f}`);
  }
  assert.equal(resets().length, 0);
  const firstLog = srv.stderr();
  assert.match(firstLog, /mail server could not be reached; 1 queued message\(s\) wait/);
  assert.doesNotMatch(firstLog, new RegExp(email.replace(/\./g, '\\.')), 'the log never names the address');
  // the server starts again, now with a mail server: the waiting message goes
  await srv.restart({ LEERGANG_SMTP_URL: sink.url, LEERGANG_SMTP_FROM: FROM, LEERGANG_PUBLIC_URL: PUBLIC });
  for (let i = 0; i < 400 && !resets().length; i++) await sleep(50);
  assert.equal(resets().length, 1, 'the message queued before the restart was sent');
  assert.deepEqual(resets()[0].to, [email]);
  const link = parseMessage(resets()[0].data).body.match(/https:\/\/leergang\.example\.nl\/password\/reset\?token=([0-9a-f]{64})/);
  assert.ok(link, 'the reset link, on the public address');
  const form = await new Client(srv.base).get(`/password/reset?token=${link[1]}`);
  assert.equal(form.status, 200, 'the link works');
  assert.ok(form.text.includes(email));
  assert.equal(Number(sqlValue(srv.db, 'SELECT count(*) AS n FROM mail_queue')), 0, 'sent, then removed');
  assert.match(srv.stderr(), /sending e-mail through smtp:/);
});
