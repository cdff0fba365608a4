// Member checks (issue 19, seed 003 §7): a researcher puts findings to an
// outside contact, who answers by personal link without an account; the
// form says it is not anonymous; the answer shows on the researcher's page
// with the contact's name, and who has not answered; a wrong or expired
// link gets a clear page and changes nothing; the answer changes until the
// check is closed; the form needs its CSRF token; another organisation's
// researcher and a researcher who is no member of the project reach nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { startServer, Client, demoEmail, cli } from '../lib/server.mjs';
import { startSmtpSink, parseMessage } from '../lib/smtp-sink.mjs';
import { sqlRows, sqlRun } from '../lib/db.mjs';

let srv, researcher, project, check, link, token;
const sql = (q) => sqlRows(srv.db, q);
const contactRow = () => sql(`SELECT * FROM member_check_contact WHERE check_id = ${check} AND name = 'Anna Buiten'`)[0];

before(async () => {
  srv = await startServer();
  researcher = new Client(srv.base);
  await researcher.login(demoEmail('researcher'));
  let r = await researcher.post('/research', { name: 'Member check proef', purpose: '' });
  project = Number(r.headers.get('location').match(/^\/research\/(\d+)/)[1]);
  r = await researcher.post(`/research/${project}/member-checks`,
    { title: 'Eerste inzichten', findings: 'Teamleiders **delen** leiderschap.', held_on: '2026-03-10' });
  assert.equal(r.status, 303);
  check = Number(r.headers.get('location').match(/member-checks\/(\d+)$/)[1]);
});
after(async () => { await srv.stop(); });

test('an outside contact gets a personal link, shown once to copy when the server sends no mail', async () => {
  const r = await researcher.post(`/research/${project}/member-checks/${check}/contacts`,
    { employee_id: '', name: 'Anna Buiten', affiliation: 'Gemeente Elders', email: 'anna@elders.example' });
  assert.equal(r.status, 200);
  const m = r.text.match(/(\/member-check\?token=([0-9a-f]{64}))/);
  assert.ok(m, 'the link is on the page');
  link = m[1];
  token = m[2];
  const row = contactRow();
  assert.ok(row, 'the contact is kept');
  assert.ok(!JSON.stringify(row).includes(token), 'only the hash of the link is kept');
  // a second contact who will not answer
  await researcher.post(`/research/${project}/member-checks/${check}/contacts`,
    { employee_id: '', name: 'Bert Zwijgt', affiliation: '', email: '' });
  // bad input: no name, a wrong address
  const bad = await researcher.post(`/research/${project}/member-checks/${check}/contacts`,
    { employee_id: '', name: '', affiliation: '', email: 'geen-adres' });
  assert.equal(bad.status, 422);
  assert.equal(sql(`SELECT count(*) AS n FROM member_check_contact WHERE check_id = ${check}`)[0].n, 2);
});

test('a contact inside the organisation is a person of the people list, by employee number', async () => {
  const [p] = sql(`SELECT employee_id, name FROM person WHERE organisation_id = (SELECT organisation_id FROM research_project
    WHERE id = ${project}) AND email <> '' LIMIT 1`);
  let r = await researcher.post(`/research/${project}/member-checks/${check}/contacts`,
    { employee_id: p.employee_id, name: '', affiliation: '', email: '' });
  assert.equal(r.status, 200);
  assert.match(r.text, /\/member-check\?token=[0-9a-f]{64}/);
  const row = sql(`SELECT person_id, name FROM member_check_contact WHERE check_id = ${check} AND person_id IS NOT NULL`)[0];
  assert.equal(row.name, p.name);
  r = await researcher.post(`/research/${project}/member-checks/${check}/contacts`,
    { employee_id: 'bestaat-niet', name: '', affiliation: '', email: '' });
  assert.equal(r.status, 422);
  assert.match(r.text, /Niemand in de personenlijst heeft dit personeelsnummer/);
  // another organisation's person is not found by number either
  const [q] = sql(`SELECT employee_id FROM person WHERE organisation_id <> (SELECT organisation_id FROM research_project
    WHERE id = ${project}) AND employee_id NOT IN (SELECT employee_id FROM person WHERE organisation_id =
    (SELECT organisation_id FROM research_project WHERE id = ${project})) LIMIT 1`);
  r = await researcher.post(`/research/${project}/member-checks/${check}/contacts`,
    { employee_id: q.employee_id, name: '', affiliation: '', email: '' });
  assert.equal(r.status, 422);
  assert.equal(sql(`SELECT count(*) AS n FROM member_check_contact WHERE check_id = ${check} AND person_id IS NOT NULL`)[0].n, 1);
});

test('the contact answers by link without an account; the form says it is not anonymous', async () => {
  const c = new Client(srv.base);
  let r = await c.get(link);
  assert.equal(r.status, 200);
  assert.match(r.text, /Dit is niet anoniem/);
  assert.match(r.text, /met uw naam bewaard/);
  assert.match(r.text, /Herkent u de bevindingen\?/);
  assert.match(r.text, /Zijn er bevindingen die u niet in uw praktijk kunt plaatsen\? Welke\?/);
  assert.match(r.text, /<strong>delen<\/strong>/, 'the findings as Markdown');
  // no CSRF token: refused, nothing stored
  r = await c.post('/member-check', { token, recognised: 'partly', recognised_note: 'x', not_fitting: '', csrf: '' });
  assert.ok([400, 403].includes(r.status), `without CSRF: ${r.status}`);
  assert.equal(contactRow().answered_at, null);
  // a choice that is not one of the three
  r = await c.post('/member-check', { token, recognised: 'misschien', recognised_note: '', not_fitting: '' });
  assert.equal(r.status, 422);
  assert.equal(contactRow().answered_at, null);
  r = await c.post('/member-check', { token, recognised: 'partly', recognised_note: 'Herkenbaar voor teams',
    not_fitting: 'De rol van de directie' });
  assert.equal(r.status, 303);
  const row = contactRow();
  assert.equal(row.recognised, 'partly');
  assert.equal(row.not_fitting, 'De rol van de directie');
  // changed while the check is open
  r = await c.post('/member-check', { token, recognised: 'yes', recognised_note: 'Toch herkenbaar',
    not_fitting: 'De rol van de directie' });
  assert.equal(r.status, 303);
  assert.equal(contactRow().recognised, 'yes');
});

test('the researcher sees the answer with the name, and who has not answered; the CSV is an export', async () => {
  let r = await researcher.get(`/research/${project}/member-checks/${check}`);
  assert.equal(r.status, 200);
  const row = r.text.match(/<tr><td>Anna Buiten[\s\S]*?<\/tr>/);
  assert.ok(row, 'the contact by name');
  assert.match(row[0], /Ja/);
  assert.match(row[0], /Toch herkenbaar/);
  assert.match(row[0], /De rol van de directie/);
  assert.match(r.text.match(/<tr><td>Bert Zwijgt[\s\S]*?<\/tr>/)[0], /Heeft nog niet geantwoord/);
  r = await researcher.get(`/research/${project}/member-checks/${check}/answers.csv`);
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /text\/csv/);
  assert.match(r.text, /Anna Buiten/);
  assert.match(r.text, /Toch herkenbaar/);
  assert.equal(sql(`SELECT count(*) AS n FROM audit_log WHERE action = 'member_check.export' AND object_id = ${check}`)[0].n, 1);
  // the outcome: leergang's addition, said so
  r = await researcher.get(`/research/${project}/member-checks/${check}`);
  assert.match(r.text, /Toevoeging van leergang/);
  r = await researcher.post(`/research/${project}/member-checks/${check}/outcome`,
    { implications: 'Meer ruimte voor teams', more_research: 'unknown', more_research_note: 'Na de zomer' });
  assert.equal(r.status, 303);
  r = await researcher.post(`/research/${project}/member-checks/${check}/outcome`,
    { implications: '', more_research: 'misschien', more_research_note: '' });
  assert.equal(r.status, 422);
  const m = sql(`SELECT implications, more_research FROM member_check WHERE id = ${check}`)[0];
  assert.deepEqual(m, { implications: 'Meer ruimte voor teams', more_research: 'unknown' });
  // the API twin: the same answers, by name
  const api = new Client(srv.base);
  api.headers.authorization = `Bearer ${cli(srv.db, ['token', 'create', '--email', demoEmail('researcher')]).trim()}`;
  r = await api.get(`/api/v1/research/${project}/member-checks/${check}`);
  assert.equal(r.status, 200);
  const j = r.json();
  const anna = j.contacts.find((k) => k.name === 'Anna Buiten');
  assert.equal(anna.recognised, 'yes');
  assert.equal(anna.explanation, 'Toch herkenbaar');
  assert.equal(j.contacts.find((k) => k.name === 'Bert Zwijgt').answered, false);
  assert.equal(j.more_research, 'unknown');
});

test('a wrong or expired link gets a clear page and changes nothing', async () => {
  const c = new Client(srv.base);
  let r = await c.get(`/member-check?token=${'a'.repeat(64)}`);
  assert.equal(r.status, 404);
  assert.match(r.text, /Deze link is niet \(meer\) geldig/);
  r = await c.get('/member-check?token=kort');
  assert.equal(r.status, 404);
  // expired: the link of the second contact, renewed to get it, then put in the past
  const page = (await researcher.post(`/research/${project}/member-checks/${check}/renew`,
    { contact: String(sql(`SELECT id FROM member_check_contact WHERE name = 'Bert Zwijgt'`)[0].id) })).text;
  const t2 = page.match(/\/member-check\?token=([0-9a-f]{64})/)[1];
  sqlRun(srv.db, `UPDATE member_check_contact SET expires_at = 1000 WHERE name = 'Bert Zwijgt'`);
  r = await c.get(`/member-check?token=${t2}`);
  assert.equal(r.status, 410);
  assert.match(r.text, /verlopen/);
  assert.doesNotMatch(r.text, /Eerste inzichten/, 'an expired link shows nothing of the check');
  await c.get(link);   // a CSRF token of this browser
  r = await c.post('/member-check', { token: t2, recognised: 'no', recognised_note: '', not_fitting: '' });
  assert.equal(r.status, 410);
  assert.equal(sql(`SELECT answered_at FROM member_check_contact WHERE name = 'Bert Zwijgt'`)[0].answered_at, null);
});

test('another organisation\'s researcher and a researcher who is no member reach nothing', async () => {
  cli(srv.db, ['user', 'add', '--org', 'politie-demo', '--email', 'onderzoeker2@politie.example', '--role', 'researcher',
    '--name', 'Tweede Onderzoeker'], 'wachtwoord-lang-genoeg\n');
  const other = new Client(srv.base);
  await other.login(demoEmail('researcher', 'gemeente'));
  const outsider = new Client(srv.base);
  await outsider.login('onderzoeker2@politie.example', 'wachtwoord-lang-genoeg');
  for (const c of [other, outsider]) {
    for (const path of [`/research/${project}/member-checks`, `/research/${project}/member-checks/${check}`,
      `/research/${project}/member-checks/${check}/answers.csv`]) {
      const r = await c.get(path);
      assert.equal(r.status, 404, path);
      assert.doesNotMatch(r.text, /Anna Buiten/);
    }
    for (const [path, body] of [
      [`/research/${project}/member-checks`, { title: 'X', findings: 'Y', held_on: '2026-01-01' }],
      [`/research/${project}/member-checks/${check}/contacts`, { employee_id: '', name: 'Indringer', affiliation: '', email: '' }],
      [`/research/${project}/member-checks/${check}/close`, { close: '1' }],
      [`/research/${project}/member-checks/${check}/outcome`, { implications: 'weg', more_research: 'no', more_research_note: '' }]]) {
      const r = await c.post(path, body);
      assert.equal(r.status, 404, path);
    }
  }
  for (const email of [demoEmail('researcher', 'gemeente'), 'onderzoeker2@politie.example']) {
    const api = new Client(srv.base);
    api.headers.authorization = `Bearer ${cli(srv.db, ['token', 'create', '--email', email]).trim()}`;
    const r = await api.get(`/api/v1/research/${project}/member-checks/${check}`);
    assert.equal(r.status, 404, email);
    assert.doesNotMatch(r.text, /Anna Buiten/);
    assert.equal((await api.postJson(`/api/v1/research/${project}/member-checks/${check}/close`, {})).status, 404);
  }
  assert.equal(sql(`SELECT count(*) AS n FROM member_check_contact WHERE name = 'Indringer'`)[0].n, 0);
  assert.equal(sql(`SELECT count(*) AS n FROM member_check WHERE project_id = ${project}`)[0].n, 1);
  assert.equal(sql(`SELECT closed_at FROM member_check WHERE id = ${check}`)[0].closed_at, null);
});

// The start page: "De member check ... heeft 1 antwoord (van 3 gevraagden)".
const startItem = (html) => html.match(/<a href="\/research\/(\d+)\/member-checks\/(\d+)">De member check &quot;([^<]*?)&quot; heeft (\d+) antwoord(?:en)? \(van (\d+) gevraagden\)/);

test('the start page asks a member of the project to read the answers, and nobody else', async () => {
  const home = await researcher.get('/');
  const m = startItem(home.text);
  assert.ok(m, 'the item on the researcher\'s start page');
  assert.deepEqual([Number(m[1]), Number(m[2]), m[3], Number(m[4]), Number(m[5])], [project, check, 'Eerste inzichten', 1, 3]);
  assert.match(home.text, /Onderzoeksproject Member check proef\./);
  // a researcher of the organisation who is no member of the project does not see it
  const outsider = new Client(srv.base);
  await outsider.login('onderzoeker2@politie.example', 'wachtwoord-lang-genoeg');
  assert.doesNotMatch((await outsider.get('/')).text, /Eerste inzichten/);
});

test('once the researcher closes the check, the answer can no longer change', async () => {
  const c = new Client(srv.base);
  await c.get(link);   // the form, with this browser's CSRF token
  let r = await researcher.post(`/research/${project}/member-checks/${check}/close`, { close: '1' });
  assert.equal(r.status, 303);
  r = await c.get(link);
  assert.equal(r.status, 200);
  assert.match(r.text, /gesloten/);
  assert.match(r.text, /Uw antwoord: Ja/, 'the contact still sees what they answered');
  assert.doesNotMatch(r.text, /delen/, 'a held link no longer shows the findings');
  r = await c.post('/member-check', { token, recognised: 'no', recognised_note: 'anders', not_fitting: '' });
  assert.equal(r.status, 409);
  assert.equal(contactRow().recognised, 'yes');
  assert.equal(startItem((await researcher.get('/')).text), null, 'a closed check asks nothing on the start page');
});

test('with mail, the link goes to the contact by e-mail and is not shown', async () => {
  const PUBLIC = 'https://leergang.example';
  const sink = await startSmtpSink();
  const mailing = await startServer({ env: { LEERGANG_SMTP_URL: sink.url, LEERGANG_SMTP_FROM: 'leergang@politie.example',
    LEERGANG_PUBLIC_URL: PUBLIC } });
  try {
    const c = new Client(mailing.base);
    await c.login(demoEmail('researcher'));
    let r = await c.post('/research', { name: 'Per post', purpose: '' });
    const pr = Number(r.headers.get('location').match(/^\/research\/(\d+)/)[1]);
    r = await c.post(`/research/${pr}/member-checks`, { title: 'Per post', findings: 'Iets', held_on: '2026-03-10' });
    const ck = Number(r.headers.get('location').match(/member-checks\/(\d+)$/)[1]);
    r = await c.post(`/research/${pr}/member-checks/${ck}/contacts`,
      { employee_id: '', name: 'Carla Post', affiliation: 'Elders', email: 'carla@elders.example' });
    assert.equal(r.status, 303);
    assert.match(r.headers.get('location'), /done=mailed/);
    // (the demo's own jobs may mail others meanwhile)
    const hers = () => sink.messages.filter((x) => x.to.includes('carla@elders.example'));
    for (let t = 0; t < 10000 && !hers().length; t += 50) await sleep(50);
    assert.equal(hers().length, 1);
    assert.deepEqual(hers()[0].to, ['carla@elders.example']);
    const m = parseMessage(hers()[0].data);
    const token = (m.body.match(/\/member-check\?token=([0-9a-f]{64})/) || [])[1];
    assert.ok(token && m.body.includes(`${PUBLIC}/member-check?token=${token}`), 'the link, on the public address');
    assert.match(m.body, /niet anoniem/);
    const page = await c.get(`/research/${pr}/member-checks/${ck}`);
    assert.ok(!page.text.includes(token), 'the mailed link is not on the page');
    assert.equal((await new Client(mailing.base).get(`/member-check?token=${token}`)).status, 200);
  } finally {
    await mailing.stop();
    await sink.stop();
  }
});
