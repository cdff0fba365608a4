// Confirmation before deleting (issue 15): a destructive form posted without
// confirm=1 answers with a page that names the thing and asks, and changes
// nothing; the page's own form (every field kept, escaped, with a fresh
// CSRF token and confirm=1) then deletes. Whoever may not reach the thing
// gets 404 and is not told its name. (The API has no delete; an API client
// would confirm by calling.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, demoEmail } from '../lib/server.mjs';
import { sqlRows } from '../lib/db.mjs';

let srv;
const sql = (q) => {
  return sqlRows(srv.db, q);
};
const count = (q) => Object.values(sql(q)[0])[0];
const unescape = (s) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>')
  .replace(/&amp;/g, '&');

before(async () => { srv = await startServer(); });
after(async () => { await srv.stop(); });

const login = async (role, org = 'politie') => { const c = new Client(srv.base); await c.login(demoEmail(role, org)); return c; };

// Posts without confirm: the question, naming `name`, and nothing changed
// (`exists` still true); then posts the page's own form: done (303) and
// `exists` false. Returns the question page.
async function askThenDelete(c, path, fields, name, exists) {
  const ask = await c.post(path, fields);
  assert.equal(ask.status, 200, `${path}: the question`);
  assert.match(ask.text, /<h1>Weet u het zeker\?<\/h1>/);
  assert.ok(ask.text.includes(name), `${path}: the page names ${name}`);
  assert.match(ask.text, /Dit kan niet ongedaan worden gemaakt|Die wordt meteen uitgelogd|wilt afnemen\?/);
  assert.ok(ask.text.includes(`<form method="post" action="${path}">`), `${path}: the same address`);
  assert.match(ask.text, /<a href="\/[^"]*">Nee, terug<\/a>/);
  assert.ok(await exists(), `${path}: nothing changed before the answer`);
  const form = ask.text.slice(ask.text.indexOf(`action="${path}"`));
  const hidden = [...form.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)].map((m) => [unescape(m[1]), unescape(m[2])]);
  assert.deepEqual(hidden.filter(([k]) => k === 'confirm'), [['confirm', '1']]);
  assert.deepEqual(hidden.filter(([k]) => k === 'csrf').map(([, v]) => v), [c.csrf], 'the session\'s CSRF token');
  for (const [k, v] of Object.entries(fields)) assert.ok(hidden.some(([hk, hv]) => hk === k && hv === v), `${path}: ${k} kept`);
  const done = await c.request('POST', path, {
    body: new URLSearchParams(hidden).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  assert.equal(done.status, 303, `${path}: done after yes`);
  assert.ok(!(await exists()), `${path}: deleted`);
  return ask;
}

test('a unit: asked about by name (escaped), every posted field kept escaped, removed only after yes', async () => {
  const admin = await login('administrator');
  const name = 'Team <b onmouseover=alert(1)> O\'Brien & "Zonen"';
  assert.equal((await admin.post('/units', { name, parent_id: '0' })).status, 303);
  const [{ id }] = sql(`SELECT id FROM unit WHERE name = '${name.replace(/'/g, "''")}'`);
  const exists = async () => count(`SELECT count(*) FROM unit WHERE id = ${id}`) === 1;
  // a hostile extra field is carried as a value, never as markup
  const hostile = '"><script>alert(2)</script>';
  const ask = await askThenDelete(admin, `/units/${id}/delete`, { note: hostile }, 'het organisatieonderdeel Team &lt;b onmouseover=alert(1)&gt; O&#39;Brien &amp; &quot;Zonen&quot;', exists);
  assert.doesNotMatch(ask.text, /<script>alert|<b onmouseover/);
  assert.ok(ask.text.includes('value="&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;"'));
});

test('an administrator of another organisation: 404, no question, no name', async () => {
  const admin = await login('administrator');
  assert.equal((await admin.post('/units', { name: 'Eenheid Noord-Oost', parent_id: '0' })).status, 303);
  const [{ id }] = sql("SELECT id FROM unit WHERE name = 'Eenheid Noord-Oost'");
  const other = await login('administrator', 'gemeente');
  for (const fields of [{}, { confirm: '1' }]) {
    const r = await other.post(`/units/${id}/delete`, fields);
    assert.equal(r.status, 404);
    assert.doesNotMatch(r.text, /Noord-Oost|Weet u het zeker/);
  }
  assert.equal(count(`SELECT count(*) FROM unit WHERE id = ${id}`), 1);
});

test('a logbook entry: its writer is asked; another reader, even one it is shared with, gets 404', async () => {
  const writer = await login('participant', 'gemeente');
  const list = (await writer.get('/logbook')).text;
  const ids = [...list.matchAll(/href="\/logbook\/(\d+)"/g)].map((m) => Number(m[1]));
  let shared;
  for (const id of ids) if (/<option value="group" selected>/.test((await writer.get(`/logbook/${id}`)).text)) shared = id;
  assert.ok(shared, 'an entry shared with the group');
  const reader = await login('facilitator', 'gemeente');
  assert.equal((await reader.get(`/logbook/${shared}`)).status, 200, 'the facilitator reads it');
  const reads = count("SELECT count(*) FROM audit_log WHERE action = 'logbook.read'");
  for (const fields of [{ action: 'delete' }, { action: 'delete', confirm: '1' }]) {
    const r = await reader.post(`/logbook/${shared}`, fields);
    assert.equal(r.status, 404);
    assert.doesNotMatch(r.text, /Weet u het zeker/);
  }
  assert.equal(count("SELECT count(*) FROM audit_log WHERE action = 'logbook.read'"), reads, 'no read recorded for a refusal');
  const [{ entry_date: date }] = sql(`SELECT entry_date FROM logbook_entry WHERE id = ${shared}`);
  const [y, m, d] = date.split('-').map(Number);
  await askThenDelete(writer, `/logbook/${shared}`, { action: 'delete' }, `uw logboeknotitie van ${d} `,
    async () => count(`SELECT count(*) FROM logbook_entry WHERE id = ${shared}`) === 1);
  assert.ok(y > 2000);
});

test('an API token, a calendar link, a role and the sessions of an account', async () => {
  const c = await login('researcher');
  const made = (await c.post('/tokens', { label: 'Analyse <b>R</b>', days: '30' })).text;
  const token = Math.max(...[...made.matchAll(/action="\/tokens\/(\d+)\/revoke"/g)].map((m) => Number(m[1])));
  const working = async () => count(`SELECT count(*) FROM api_token WHERE id = ${token}`) === 1;
  await askThenDelete(c, `/tokens/${token}/revoke`, {}, 'het API-token Analyse &lt;b&gt;R&lt;/b&gt; wilt intrekken', working);

  const cal = (await c.post('/calendar', { group: '0' })).text;
  const feed = Math.max(...[...cal.matchAll(/action="\/calendar\/(\d+)\/revoke"/g)].map((m) => Number(m[1])));
  await askThenDelete(c, `/calendar/${feed}/revoke`, {}, 'de agendalink voor al uw bijeenkomsten',
    async () => count(`SELECT count(*) FROM calendar_feed WHERE id = ${feed} AND revoked_at IS NULL`) === 1);

  const admin = await login('administrator');
  const [{ id: acc }] = sql(`SELECT id FROM account WHERE email = '${demoEmail('researcher')}'`);
  assert.equal((await admin.post(`/accounts/${acc}/roles`, { role: 'owner' })).status, 303);
  const [{ id: grant }] = sql(`SELECT id FROM role_grant WHERE account_id = ${acc} AND role = 'owner'`);
  await askThenDelete(admin, `/accounts/${acc}/roles/${grant}/delete`, {}, 'de rol opdrachtgever van',
    async () => count(`SELECT count(*) FROM role_grant WHERE id = ${grant}`) === 1);

  await askThenDelete(admin, `/accounts/${acc}/sessions/delete`, {}, demoEmail('researcher'),
    async () => count(`SELECT count(*) FROM session WHERE account_id = ${acc}`) > 0);
  assert.equal((await c.get('/')).status, 303, 'logged out');
});

test('the design: a topic of the menu card, asked about by name', async () => {
  const coach = await login('coach');
  const progs = (await coach.get('/programmes')).text;
  const prog = Number(progs.match(/href="\/programmes\/(\d+)">/)[1]);
  assert.equal((await coach.post(`/programmes/${prog}/menu/topics`, { topic_name: 'Weg <i>ermee</i>' })).status, 303);
  const [{ id: topic }] = sql("SELECT id FROM menu_topic WHERE name = 'Weg <i>ermee</i>'");
  await askThenDelete(coach, `/programmes/${prog}/menu/topics/${topic}`, { action: 'delete', topic_name: 'x', topic_description: '' },
    'het onderwerp ‘Weg &lt;i&gt;ermee&lt;/i&gt;’', async () => count(`SELECT count(*) FROM menu_topic WHERE id = ${topic}`) === 1);
});
