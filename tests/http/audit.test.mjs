// The audit log's filters (issue 15): by who, by kind of action, by a range
// of days, kept in the page links; a date that is not one, or an action not
// in the list, is said and left out while the other filters apply; a
// hostile filter value stays text; another organisation's lines never show.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, demoEmail } from '../lib/server.mjs';
import { sqlRows } from '../lib/db.mjs';

let srv, admin;
const sql = (q) => {
  return sqlRows(srv.db, q);
};
// The detail column of the rows shown (the test's lines carry a marker there).
const shown = (text) => [...text.matchAll(/<td>(mark-[a-z0-9-]+)<\/td><\/tr>/g)].map((m) => m[1]);

before(async () => {
  srv = await startServer();
  const org = (slug) => sql(`SELECT id FROM organisation WHERE slug = '${slug}'`)[0].id;
  const [pol, gem] = [org('politie-demo'), org('gemeente-demo')];
  // lines at midday (no day changes between the clocks), with markers
  const rows = [
    [pol, '2020-03-09T12:00:00Z', 'zoek.mij@politie.example', 'unit.rename', 'mark-a'],
    [pol, '2020-03-10T12:00:00Z', 'zoek.mij@politie.example', 'unit.create', 'mark-b'],
    [pol, '2020-03-11T12:00:00Z', 'iemand@politie.example', 'unit.rename', 'mark-c'],
    [pol, '2020-03-12T12:00:00Z', 'iemand@politie.example', 'logbook.read', 'mark-d'],
    [gem, '2020-03-10T12:00:00Z', 'zoek.mij@gemeente.example', 'unit.rename', 'mark-other-org'],
  ];
  // and 60 of one kind, to page through
  for (let i = 0; i < 60; i++) rows.push([pol, `2020-04-01T12:${String(i).padStart(2, '0')}:00Z`, 'pager@politie.example', 'person.update', `mark-p${i}`]);
  sql('INSERT INTO audit_log(organisation_id, at, actor, action, object_kind, object_id, detail) VALUES ' +
    rows.map(([o, at, who, action, mark]) => `(${o}, '${at}', '${who}', '${action}', 'test', 1, '${mark}')`).join(', '));
  admin = new Client(srv.base);
  await admin.login(demoEmail('administrator'));
});
after(async () => { await srv.stop(); });

test('by who: part of an e-mail address, any case; never another organisation\'s line', async () => {
  const r = await admin.get('/audit?who=ZOEK.MIJ');
  assert.equal(r.status, 200);
  assert.deepEqual(shown(r.text), ['mark-b', 'mark-a']);
  assert.match(r.text, /2 regels passen bij het filter/);
  assert.match(r.text, /<input id="f-who" name="who" type="search" value="ZOEK.MIJ"/);
});

test('by kind of action: the list of readable labels, the choice kept', async () => {
  const r = await admin.get('/audit?action=unit.rename');
  assert.equal(r.status, 200);
  assert.deepEqual(shown(r.text), ['mark-c', 'mark-a']);
  assert.match(r.text, /<option value="unit.rename" selected>Onderdeel hernoemd<\/option>/);
  assert.match(r.text, /<option value="logbook.read">/);
});

test('by days: from and up to, both included; with who and action together', async () => {
  let r = await admin.get('/audit?from=2020-03-10&to=2020-03-11');
  assert.deepEqual(shown(r.text), ['mark-c', 'mark-b']);
  r = await admin.get('/audit?from=2020-03-11&to=2020-03-31');
  assert.deepEqual(shown(r.text), ['mark-d', 'mark-c']);
  r = await admin.get('/audit?from=2020-04-01&to=2020-04-30');
  assert.ok(shown(r.text).length === 50 && shown(r.text).every((m) => /^mark-p\d+$/.test(m)), 'April: the pager\'s lines');
  r = await admin.get('/audit?to=2020-03-09');
  assert.deepEqual(shown(r.text), ['mark-a']);
  r = await admin.get('/audit?who=zoek&action=unit.rename&from=2020-03-01&to=2020-03-31');
  assert.deepEqual(shown(r.text), ['mark-a']);
});

test('the page links keep the filters', async () => {
  const r = await admin.get('/audit?who=pager&action=person.update');
  assert.equal(shown(r.text).length, 50);
  assert.match(r.text, /Pagina 1 van 2/);
  const next = r.text.match(/<a href="([^"]*)" rel="next">/)[1].replace(/&amp;/g, '&');
  assert.equal(next, '/audit?page=2&who=pager&action=person.update');
  const p2 = await admin.get(next);
  assert.equal(shown(p2.text).length, 10);
  assert.ok(shown(p2.text).every((m) => /^mark-p\d+$/.test(m)));
  assert.match(p2.text, /<a href="\/audit\?page=1&amp;who=pager&amp;action=person.update" rel="prev">/);
});

test('a date that is not one: a clear message, and the list unfiltered by it', async () => {
  let r = await admin.get('/audit?from=2020-13-45&to=2020-03-10&who=zoek.mij');
  assert.equal(r.status, 422);
  assert.match(r.text, /role="alert"/);
  assert.match(r.text, /De datum ‘vanaf’ is geen datum/);
  assert.deepEqual(shown(r.text), ['mark-b', 'mark-a'], 'who and to still apply');
  r = await admin.get('/audit?from=2020-03-12&to=2020-03-10&who=zoek.mij');
  assert.equal(r.status, 422);
  assert.match(r.text, /ligt vóór de datum ‘vanaf’/);
  assert.deepEqual(shown(r.text), [], 'from applies: nothing of zoek.mij from the 12th');
  r = await admin.get('/audit?action=nonsense.action&who=zoek.mij');
  assert.equal(r.status, 422);
  assert.match(r.text, /Kies een soort actie uit de lijst/);
  assert.deepEqual(shown(r.text), ['mark-b', 'mark-a']);
});

test('a hostile filter value stays text, in the field and in the links', async () => {
  const evil = '"><script>alert(1)</script>&x=1';
  // enough lines to page through: the links carry it too
  const r = await admin.get('/audit?who=' + encodeURIComponent(evil) + '&action=unit.rename');
  assert.equal(r.status, 200);
  assert.doesNotMatch(r.text, /<script>alert/);
  assert.ok(r.text.includes('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;x=1"'));
  const all = await admin.get('/audit?who=' + encodeURIComponent(evil));
  assert.doesNotMatch(all.text, /<script>alert/);
  const long = await admin.get('/audit?who=' + 'a'.repeat(201));
  assert.equal(long.status, 422);
  assert.match(long.text, /hoogstens 200 tekens/);
});

test('only the administrator reads it, and only their own organisation\'s', async () => {
  const other = new Client(srv.base);
  await other.login(demoEmail('administrator', 'gemeente'));
  const r = await other.get('/audit?who=zoek.mij');
  assert.deepEqual(shown(r.text), ['mark-other-org']);
  const coach = new Client(srv.base);
  await coach.login(demoEmail('coach'));
  assert.equal((await coach.get('/audit?who=zoek')).status, 403);
});
