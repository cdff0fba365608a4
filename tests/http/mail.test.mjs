// Invitations and reminders of a wave by e-mail (SMTP through libcurl),
// against a local SMTP sink (tests/lib/smtp-sink.mjs): one message per person
// asked, to their address, with the Dutch subject as RFC 2047 and their own
// link in the body, which opens their questionnaire; the token nowhere but
// in the body (not in a header, the server's log or the audit trail);
// reminders only to those who have not answered; a recipient the mail
// server refuses is counted on the page in Dutch while the others arrive,
// and gets the invitation the next time; no header injection through the
// name of a wave; a mail server that cannot be reached; and a server
// without mail settings, which says so and keeps the CSV.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createHmac } from 'node:crypto';
import { startServer, Client, demoEmail, BIN } from '../lib/server.mjs';
import { startSmtpSink, parseMessage } from '../lib/smtp-sink.mjs';
import { dialect, sqlRows } from '../lib/db.mjs';

const FROM = 'leergang@politie.example';
const GROUP1 = 'LiVe! Westerschelde · Lichting 1 · Leergroep 1';
const GROUP2 = 'LiVe! Westerschelde · Lichting 1 · Leergroep 2';
const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober',
  'november', 'december'];
// a name with everything a header must not take raw: non-ASCII, quotes, markup, '&'
const NAME = 'Tussenmeting Anaïs Ærø 李 & "Zonen" <b>';

let sink, srv, coach, instrumentId, group1, group2, today;
const refuse = [];          // addresses the sink answers with 550

const sql = (db, q) => {
  return sqlRows(db, q);
};
const addDays = (d, n) => new Date(Date.parse(d + 'T00:00:00Z') + n * 86400e3).toISOString().slice(0, 10);
const dutchDate = (d) => `${+d.slice(8)} ${MONTHS[+d.slice(5, 7) - 1]} ${+d.slice(0, 4)}`;
const decode = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'")
  .replace(/&amp;/g, '&');
const main = (html) => decode((html.match(/<main[^>]*>([\s\S]*?)<\/main>/) || ['', html])[1].replace(/<[^>]*>/g, ' '))
  .replace(/\s+/g, ' ');

// The people asked in a wave (not stopped): [{ id, email, name, responded }].
const asked = (db, wave) => sql(db, `SELECT v.id, p.email, p.name, v.responded, v.reminders, v.mailed_at FROM invitation v
  JOIN person p ON p.id = v.person_id WHERE v.wave_id = ${wave} AND v.enrolment_status <> 'stopped'`);
// token -> invitation id, computed as leergang does (HMAC of the id under the wave's key)
function tokens(db, wave) {
  const key = Buffer.from(sql(db, `SELECT ${dialect(db).hex('link_key')} AS k FROM wave WHERE id = ${wave}`)[0].k, 'hex');
  return new Map(sql(db, `SELECT id FROM invitation WHERE wave_id = ${wave}`)
    .map(({ id }) => [createHmac('sha256', key).update(String(id)).digest('hex'), id]));
}

async function startWave(client, name, population) {
  await client.get('/questionnaires');
  const r = await client.post('/waves', { instrument_id: instrumentId, name, population, opens_on: today,
    closes_on: addDays(today, 14), anonymous: '1' });
  assert.equal(r.status, 303, r.text.match(/role="alert"[\s\S]*?<\/div>/)?.[0]);
  return +r.headers.get('location').match(/^\/waves\/(\d+)\?/)[1];
}

// Posts a form of the wave page; returns the redirect's location and the page it leads to.
async function press(client, wave, what) {
  await client.get(`/waves/${wave}`);
  const r = await client.post(`/waves/${wave}/${what}`);
  assert.equal(r.status, 303, `POST /waves/${wave}/${what}: ${r.status} ${main(r.text)}`);
  const location = r.headers.get('location');
  return { location, page: await client.get(location) };
}

before(async () => {
  sink = await startSmtpSink({ refuse });
  srv = await startServer({ env: { LEERGANG_SMTP_URL: sink.url, LEERGANG_SMTP_FROM: FROM } });
  coach = new Client(srv.base);
  await coach.login(demoEmail('coach'));
  const q = await coach.get('/questionnaires');
  instrumentId = q.text.match(/<option value="(\d+)">Eindevaluatie LiVe!<\/option>/)[1];
  group1 = q.text.match(new RegExp(`<option value="(group:\\d+)">${GROUP1}</option>`))[1];
  group2 = q.text.match(new RegExp(`<option value="(group:\\d+)">${GROUP2}</option>`))[1];
  today = q.text.match(/id="f-opens_on" name="opens_on" type="date" value="(\d{4}-\d\d-\d\d)"/)[1];
});
after(async () => {
  await srv?.stop();
  await sink?.stop();
});

let wave;       // the wave of Leergroep 1, mailed in the first test
let people;     // its people asked

test('the invitations: one message per person asked, to them, with the Dutch subject and their own working link', async () => {
  wave = await startWave(coach, NAME, group1);
  people = asked(srv.db, wave);
  assert.ok(people.length >= 6, 'a group of several people');
  let page = (await coach.get(`/waves/${wave}`)).text;
  assert.match(main(page), new RegExp(`Uitnodigingen per e-mail verstuurd: 0 van ${people.length}\\.`));
  assert.match(page, new RegExp(`<form method="post" action="/waves/${wave}/send">`));
  assert.match(page, /<button type="submit">Uitnodigingen per e-mail versturen<\/button>/);

  // without the form's CSRF token nothing is sent
  sink.clear();
  const forged = await coach.post(`/waves/${wave}/send`, { csrf: 'f'.repeat(64) });
  assert.equal(forged.status, 403);
  assert.equal(sink.messages.length, 0, 'a forged form sends nothing');

  const { location, page: after } = await press(coach, wave, 'send');
  assert.equal(location, `/waves/${wave}?mailed=invitations&sent=${people.length}&failed=0&noaddress=0&unreachable=0`);
  assert.match(main(after.text), new RegExp(`${people.length} uitnodigingen per e-mail verstuurd\\.`));
  assert.match(main(after.text), new RegExp(`Uitnodigingen per e-mail verstuurd: ${people.length} van ${people.length}\\.`));
  assert.doesNotMatch(after.text, new RegExp(`action="/waves/${wave}/send"`), 'nobody left to send to: no button');

  assert.equal(sink.messages.length, people.length, 'one message per person asked');
  const byToken = tokens(srv.db, wave);
  const seen = new Set();
  for (const env of sink.messages) {
    const m = parseMessage(env.data);
    assert.equal(env.from, FROM, 'the envelope sender');
    assert.equal(env.to.length, 1, 'one recipient per message');
    const person = people.find((p) => p.email === env.to[0]);
    assert.ok(person, `${env.to[0]} is asked in the wave`);
    assert.ok(!seen.has(person.email), `${person.email} gets one message`);
    seen.add(person.email);
    // headers
    assert.equal(m.header('To'), `${person.name} <${person.email}>`, 'To: their name and address');
    assert.match(m.header('From'), new RegExp(`<${FROM}>$`));
    assert.equal(m.header('Subject'), `Vragenlijst: ${NAME}`, 'the Dutch subject, decoded');
    assert.match(m.rawHeader('Subject'), /^=\?UTF-8\?B\?[A-Za-z0-9+/=]+\?=( =\?UTF-8\?B\?[A-Za-z0-9+/=]+\?=)*$/,
      'the subject as RFC 2047 encoded words');
    assert.match(m.header('Date'), /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d [+-]\d{4}$/);
    assert.match(m.header('Message-ID'), /^<[0-9a-f]{32}@politie\.example>$/);
    assert.equal(m.header('MIME-Version'), '1.0');
    assert.equal(m.header('Content-Type'), 'text/plain; charset=UTF-8');
    for (const h of ['To', 'From', 'Subject', 'Date', 'Message-ID']) assert.equal(m.count(h), 1, `one ${h} header`);
    assert.equal(m.count('Bcc') + m.count('Cc'), 0);
    assert.doesNotMatch(env.data, /(^|[^\r])\n/, 'CRLF only, no bare LF');
    assert.doesNotMatch(env.data, /\r(?!\n)/, 'no bare CR');
    // the body: Dutch, the close date, their own link
    assert.match(m.body, /U wordt uitgenodigd om de vragenlijst/);
    assert.ok(m.body.includes(`‘${NAME}’`), 'the name of the wave');
    assert.ok(m.body.includes(`tot en met ${dutchDate(addDays(today, 14))}`), 'the close date in Dutch');
    assert.match(m.body, /anoniem/);
    const links = [...m.body.matchAll(/(http:\/\/[^\s]+\/respond\?token=([0-9a-f]{64}))/g)];
    assert.equal(links.length, 1, 'one link');
    const [, link, token] = links[0];
    assert.ok(link.startsWith(srv.base), 'the link points at the server');
    assert.equal(byToken.get(token), person.id, 'the link is the invitation of this very person');
    const head = env.data.slice(0, env.data.indexOf('\r\n\r\n'));
    assert.ok(!head.includes(token), 'the token is in no header');
  }
  // the links open the questionnaire
  for (const env of sink.messages.slice(0, 3)) {
    const link = parseMessage(env.data).body.match(/http:\/\/\S+/)[0];
    const r = await new Client(srv.base).get(link.slice(srv.base.length));
    assert.equal(r.status, 200, link);
    assert.match(r.text, /<h1>Eindevaluatie LiVe!<\/h1>/);
    assert.match(r.text, /<form method="post" action="\/respond"[ >]/);
  }
  assert.equal(sql(srv.db, `SELECT count(*) AS n FROM invitation WHERE wave_id = ${wave} AND mailed_at IS NULL
    AND enrolment_status <> 'stopped'`)[0].n, 0, 'each invitation is marked as mailed');

  // pressing again sends nothing more
  sink.clear();
  const again = await coach.post(`/waves/${wave}/send`);
  assert.equal(again.status, 303);
  assert.match(main((await coach.get(again.headers.get('location'))).text), /Er was niemand om naar te versturen\./);
  assert.equal(sink.messages.length, 0, 'nobody is mailed twice');
});

test('no token in the server log or the audit trail; the audit counts what was sent', async () => {
  const all = [...tokens(srv.db, wave).keys()];
  const log = srv.stderr();
  for (const t of all) assert.ok(!log.includes(t), 'a token in the server log');
  const audit = sql(srv.db, `SELECT action, detail FROM audit_log WHERE object_kind = 'wave' AND object_id = ${wave}`);
  const text = JSON.stringify(audit);
  for (const t of all) assert.ok(!text.includes(t), 'a token in the audit trail');
  assert.ok(!/token|respond/.test(text), text);
  assert.ok(audit.some((a) => a.action === 'wave.mail' &&
    a.detail === `invitations by e-mail: ${people.length} sent, 0 not sent, 0 without address`), text);
});

test('reminders go only to those who have not answered, and count a reminder round for each', async () => {
  // one person answers through the link of their mail
  const byToken = tokens(srv.db, wave);
  const answered = people[0];
  const token = [...byToken].find(([, id]) => id === answered.id)[0];
  const c = new Client(srv.base);
  const form = await c.get(`/respond?token=${token}`);
  const fields = [...form.text.matchAll(/<input type="radio" id="[^"]*" name="(i\d+)" value="4"/g)].map((m) => [m[1], '4']);
  assert.ok(fields.length >= 10, 'the scale questions');
  const r = await c.post('/respond', [['token', token], ['action', 'submit'], ['confirm_incomplete', '1'], ...fields]);
  assert.equal(r.status, 303);
  assert.match(r.headers.get('location'), /done=handed-in$/);

  sink.clear();
  const { location, page } = await press(coach, wave, 'reminders');
  const others = people.filter((p) => p.id !== answered.id);
  assert.equal(location, `/waves/${wave}?mailed=reminders&sent=${others.length}&failed=0&noaddress=0&unreachable=0`);
  assert.match(main(page.text), new RegExp(`${others.length} herinneringen per e-mail verstuurd\\.`));
  assert.deepEqual(sink.messages.map((m) => m.to[0]).sort(), others.map((p) => p.email).sort(),
    'a reminder to each who has not answered, none to who has');
  for (const env of sink.messages) {
    const m = parseMessage(env.data);
    assert.equal(m.header('Subject'), `Herinnering: vragenlijst ${NAME}`);
    assert.match(m.body, /nog niet ingevuld; dit is een herinnering/);
    const t = m.body.match(/respond\?token=([0-9a-f]{64})/)[1];
    assert.equal(people.find((p) => p.id === byToken.get(t)).email, env.to[0], 'their own link');
  }
  const now = asked(srv.db, wave);
  assert.equal(now.find((p) => p.id === answered.id).reminders, 0, 'who answered is not reminded');
  for (const p of now.filter((x) => x.id !== answered.id)) assert.equal(p.reminders, 1, `${p.email} counted as reminded`);
  const log = srv.stderr();
  for (const t of byToken.keys()) assert.ok(!log.includes(t), 'a token in the server log');
});

test('a recipient the mail server refuses: counted in Dutch, the others arrive, and it is tried again next time', async () => {
  const w2 = await startWave(coach, 'Nameting Leergroep 2', group2);
  const group = asked(srv.db, w2);
  assert.ok(group.length >= 3);
  const refused = group[1];
  refuse.push(refused.email);
  sink.clear();
  const { location, page } = await press(coach, w2, 'send');
  assert.equal(location, `/waves/${w2}?mailed=invitations&sent=${group.length - 1}&failed=1&noaddress=0&unreachable=0`);
  const text = main(page.text);
  assert.match(page.text, /<div class="error" role="alert">/);
  assert.match(text, new RegExp(`${group.length - 1} uitnodigingen per e-mail verstuurd\\.`));
  assert.match(text, /1 bericht kon niet worden verstuurd\. Verstuur de uitnodigingen later opnieuw: alleen wie er nog geen heeft gehad, krijgt er dan een\./);
  assert.match(text, new RegExp(`Uitnodigingen per e-mail verstuurd: ${group.length - 1} van ${group.length}\\.`));
  assert.match(text, /1 persoon heeft nog geen uitnodiging per e-mail gehad\./);
  assert.deepEqual(sink.refused, [refused.email], 'the sink refused that one');
  assert.deepEqual(sink.messages.map((m) => m.to[0]).sort(), group.filter((p) => p !== refused).map((p) => p.email).sort(),
    'everyone else got theirs');
  assert.equal(asked(srv.db, w2).find((p) => p.id === refused.id).mailed_at, null, 'the refused one is not marked as mailed');
  assert.match(srv.stderr(), /mail not sent: .*550/, 'the operator sees why');

  // the mail server takes it now: only that one is sent
  refuse.length = 0;
  sink.clear();
  const second = await press(coach, w2, 'send');
  assert.equal(second.location, `/waves/${w2}?mailed=invitations&sent=1&failed=0&noaddress=0&unreachable=0`);
  assert.match(main(second.page.text), /1 uitnodiging per e-mail verstuurd\./);
  assert.deepEqual(sink.messages.map((m) => m.to[0]), [refused.email]);
});

test('header injection through the name of a wave is impossible', async () => {
  const waves = sql(srv.db, 'SELECT count(*) AS n FROM wave')[0].n;
  await coach.get('/questionnaires');
  for (const name of ['Ronde\r\nBcc: spion@example.org', 'Ronde\nBcc: spion@example.org', 'Ronde\rBcc: spion@example.org']) {
    const r = await coach.post('/waves', { instrument_id: instrumentId, name, population: group1, opens_on: today,
      closes_on: addDays(today, 14), anonymous: '1' });
    assert.equal(r.status, 422, JSON.stringify(name));
    assert.match(main(r.text), /Naam mag geen regeleinden of stuurtekens bevatten\./);
  }
  assert.equal(sql(srv.db, 'SELECT count(*) AS n FROM wave')[0].n, waves, 'no wave was started');
  assert.ok(!sql(srv.db, 'SELECT name FROM wave').some((w) => /[\r\n]/.test(w.name)));
  // and no message so far went to anyone but a person asked (or the owner of a
  // follow-up action reminded at the server's start), or carried a header twice or a Bcc
  const invited = new Set(sql(srv.db, `SELECT p.email FROM invitation v JOIN person p ON p.id = v.person_id
    UNION SELECT u.email FROM session_action a JOIN account u ON u.person_id = a.person_id WHERE a.reminded_on <> ''`)
    .map((x) => x.email));
  assert.ok(sink.history.length > 0);
  for (const env of sink.history) {
    assert.ok(env.to.every((t) => invited.has(t)), env.to.join());
    const m = parseMessage(env.data);
    assert.equal(m.count('Bcc') + m.count('Cc'), 0);
    for (const h of ['To', 'From', 'Subject']) assert.equal(m.count(h), 1, h);
  }
});

test('a person whose name is markup gets it as an encoded word, never raw in the header', async () => {
  // the demo's "Jan <script>alert(1)</script>" is in a group of the programme
  const who = sql(srv.db, `SELECT p.email, p.name, e.group_id FROM person p JOIN enrolment e ON e.person_id = p.id
    WHERE p.name = 'Jan <script>alert(1)</script>' AND e.status <> 'stopped' LIMIT 1`)[0];
  assert.ok(who, 'the demo has him enrolled');
  const w3 = await startWave(coach, 'Ronde van Jan', `group:${who.group_id}`);
  sink.clear();
  await press(coach, w3, 'send');
  const env = sink.messages.find((m) => m.to[0] === who.email);
  assert.ok(env, 'he gets a message');
  const m = parseMessage(env.data);
  assert.equal(m.header('To'), `Jan <script>alert(1)</script> <${who.email}>`);
  assert.ok(!env.data.slice(0, env.data.indexOf('\r\n\r\n')).includes('<script>'), 'no raw markup in a header');
  assert.match(m.body, /^Beste Jan <script>alert\(1\)<\/script>,/, 'the body is plain text');
});

test('a mail server that cannot be reached: nothing is marked as sent, and the page says so', async () => {
  const w4 = await startWave(coach, 'Ronde zonder mailserver', group2);
  const group = asked(srv.db, w4);
  await sink.stop();
  sink = null;
  const { location, page } = await press(coach, w4, 'send');
  assert.equal(location, `/waves/${w4}?mailed=invitations&sent=0&failed=${group.length}&noaddress=0&unreachable=1`);
  assert.match(main(page.text), new RegExp(`De mailserver was niet bereikbaar\\. ${group.length} berichten konden niet worden verstuurd\\.`));
  assert.equal(asked(srv.db, w4).filter((p) => p.mailed_at !== null).length, 0);
  assert.match(page.text, new RegExp(`action="/waves/${w4}/send"`), 'the button is still there');
});

test('a server without mail settings says so, refuses to send, and keeps the CSV', async () => {
  const plain = await startServer();
  try {
    const c = new Client(plain.base);
    await c.login(demoEmail('coach'));
    const q = (await c.get('/questionnaires')).text;
    const w = +q.match(/<a href="\/waves\/(\d+)">Eindevaluatie LiVe! 2025<\/a>/)[1];
    const page = await c.get(`/waves/${w}`);
    assert.match(main(page.text), /Versturen per e-mail is op deze server niet ingesteld; gebruik de links als CSV voor een mailing\./);
    assert.doesNotMatch(page.text, /action="\/waves\/\d+\/send"/);
    assert.match(page.text, new RegExp(`href="/waves/${w}/links.csv"`));
    const r = await c.post(`/waves/${w}/send`);
    assert.equal(r.status, 422);
    assert.match(main(r.text), /Versturen per e-mail is op deze server niet ingesteld/);
    assert.equal(sql(plain.db, 'SELECT count(*) AS n FROM invitation WHERE mailed_at IS NOT NULL')[0].n, 0);
    assert.doesNotMatch(plain.stderr(), /sending e-mail through/);
  } finally {
    await plain.stop();
  }
});

test('mail settings that cannot work stop the server with a message that says what to do', () => {
  for (const [env, message] of [
    [{ LEERGANG_SMTP_URL: 'http://127.0.0.1:25', LEERGANG_SMTP_FROM: FROM }, /must start with smtp:\/\/ or smtps:\/\//],
    [{ LEERGANG_SMTP_URL: 'smtp://127.0.0.1:25', LEERGANG_SMTP_FROM: 'leergang' }, /LEERGANG_SMTP_FROM "leergang" is not a plain e-mail address/],
    [{ LEERGANG_SMTP_URL: 'smtp://mail.example.nl:587', LEERGANG_SMTP_FROM: FROM, LEERGANG_SMTP_USER: 'u',
      LEERGANG_SMTP_PASSWORD: 'geheim-wachtwoord' }, /use smtps:\/\/ or set LEERGANG_SMTP_STARTTLS=1/],
    [{ LEERGANG_SMTP_URL: 'smtp://127.0.0.1:25', LEERGANG_SMTP_FROM: FROM, LEERGANG_SMTP_STARTTLS: 'misschien' }, /LEERGANG_SMTP_STARTTLS wants 1 or 0/],
  ]) {
    const r = spawnSync(BIN, ['--db', `${srv.dir}/other.db`, 'serve', '--listen', '127.0.0.1:1'],
      { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 20000 });
    assert.equal(r.status, 1, `${JSON.stringify(env)}: refused at start`);
    assert.match(r.stderr, message);
    assert.ok(!r.stderr.includes('geheim-wachtwoord'), 'the password is not printed');
  }
  assert.ok(!existsSync(`${srv.dir}/other.db`), 'refused before a database is made');
});

// (the mails take their links from the same web_base_url as links.csv)
test('LEERGANG_PUBLIC_URL: the personal links use it, whatever the request\'s Host says', async () => {
  const pub = await startServer({ env: { LEERGANG_PUBLIC_URL: 'https://leergang.example.nl/' } });
  try {
    const c = new Client(pub.base);
    await c.login(demoEmail('coach'));
    const q = (await c.get('/questionnaires')).text;
    const w = +q.match(/<a href="\/waves\/(\d+)">Eindevaluatie LiVe! 2025<\/a>/)[1];
    const csv = (await c.get(`/waves/${w}/links.csv`)).text;
    const links = [...csv.matchAll(/(\S+)\/respond\?token=/g)].map((m) => m[1].split(';').pop());
    assert.ok(links.length > 0);
    for (const l of links) assert.equal(l, 'https://leergang.example.nl', 'the public address, without the trailing /');
    // a forged Host header changes nothing
    const res = await fetch(`${pub.base}/waves/${w}/links.csv`, { headers: { cookie: c.cookieHeader(), host: 'evil.example' } });
    assert.doesNotMatch(await res.text(), /evil\.example/);
  } finally {
    await pub.stop();
  }
  for (const bad of ['ftp://x.example', 'https://', 'https://a b.example', 'https://x.example/?q=1', 'javascript:alert(1)']) {
    const r = spawnSync(BIN, ['--db', `${srv.dir}/other2.db`, 'serve', '--listen', '127.0.0.1:1'],
      { env: { ...process.env, LEERGANG_PUBLIC_URL: bad }, encoding: 'utf8', timeout: 20000 });
    assert.equal(r.status, 1, `${bad}: refused at start`);
    assert.match(r.stderr, /LEERGANG_PUBLIC_URL must be http:\/\/host\[:port\] or https:\/\/host\[:port\]/);
  }
});
