// The spread table, lone participants and buddy pairs (issue 18). A
// department of its own is built in the demo municipality before the
// server opens the database: teams Sp1 (three people, its team leader, one
// of them in two circles), Sp2 (one, and one more in a circle outside the
// period), Sp3 (nobody), Sp10 (two), and someone directly in the
// department, over two circles in 2015-2016; the period asked leaves out
// the demo's own circles, so the counts of the department are exact
// whatever else the demo holds. Then: the JSON counts, CSV and XLSX equal
// to the JSON, the page's numbers, lone participants and suggestions with
// their reasons, pairing and ending through page and API, bad input
// refused in Dutch with nothing changed, and the privacy rules, each
// failing when broken.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { startServer, Client, demoEmail, cli } from '../lib/server.mjs';
import { sqlRows, sqlRun } from '../lib/db.mjs';

let srv, coach, researcher, owner, otherCoach;
const sql = (q) => sqlRows(srv.db, q);
const count = (q) => sql(q)[0].n;
const signedIn = async (email) => { const c = new Client(srv.base); await c.login(email); return c; };
const PERIOD = 'from=2015-01-01&to=2016-12-31';
const DEPT = 'Afdeling Spreiding';
const HOSTILE = 'O\'Brien & "Zonen" <b>';
// employee numbers of the people made below
const P = { a1: 'SP1', a2: 'SP2', a3: 'SP3', b1: 'SP4', f1: 'SP5', c1: 'SP6', c2: 'SP7', d1: 'SP8' };
const NAMES = { a1: 'Ada Leider', a2: 'Bram Twee', a3: HOSTILE, b1: 'Bea Alleen', f1: 'Fien Eerder', c1: 'Cas Tien', c2: 'Cor Tien', d1: 'Dirk Direct' };
const id = (k) => sql(`SELECT id FROM person WHERE employee_id = '${P[k]}'`)[0].id;

function build(db) {
  const q = (s) => s.replace(/'/g, "''");
  const org = "(SELECT id FROM organisation WHERE slug = 'gemeente-demo')";
  const unit = (name) => `(SELECT id FROM unit WHERE name = '${name}' AND organisation_id = ${org})`;
  const person = (k, u) => `INSERT INTO person(organisation_id, employee_id, name, email, unit_id) VALUES (${org}, '${P[k]}', '${q(NAMES[k])}', '', ${u});`;
  const circle = (name, period) => `INSERT INTO peer_group(organisation_id, kind, name, period) VALUES (${org}, 'circle', '${name}', '${period}');`;
  const member = (c, k) => `INSERT INTO peer_group_member(peer_group_id, organisation_id, person_id, role) VALUES ((SELECT id FROM peer_group WHERE name = '${c}' AND organisation_id = ${org}), ${org}, (SELECT id FROM person WHERE employee_id = '${P[k]}'), 'member');`;
  const s = [
    `INSERT INTO unit(organisation_id, parent_id, name) VALUES (${org}, NULL, '${DEPT}');`,
    ...['Sp1', 'Sp2', 'Sp3', 'Sp10'].map((t) => `INSERT INTO unit(organisation_id, parent_id, name) VALUES (${org}, ${unit(DEPT)}, '${t}');`),
    person('a1', unit('Sp1')), person('a2', unit('Sp1')), person('a3', unit('Sp1')),
    person('b1', unit('Sp2')), person('f1', unit('Sp2')),
    person('c1', unit('Sp10')), person('c2', unit('Sp10')), person('d1', unit(DEPT)),
    `UPDATE unit SET manager_person_id = (SELECT id FROM person WHERE employee_id = '${P.a1}') WHERE id = ${unit('Sp1')};`,
    circle('TC1', 'vj 2015'), circle('TC2', 'nj 2016'), circle('TC9', 'nj 2030'),
    member('TC1', 'a1'), member('TC1', 'a2'), member('TC1', 'b1'), member('TC1', 'd1'),
    member('TC2', 'a2'), member('TC2', 'a3'), member('TC2', 'c1'), member('TC2', 'c2'),
    member('TC9', 'f1'),
    // Ada encouraged Bram: neither stands alone for want of a link
    `INSERT INTO referral(organisation_id, person_id, kind, by_person_id, by_role, noted_on) VALUES (${org}, (SELECT id FROM person WHERE employee_id = '${P.a2}'), 'person', (SELECT id FROM person WHERE employee_id = '${P.a1}'), 'team_leader', '2015-02-01');`,
  ];
  sqlRun(db, s.join('\n'));
}

before(async () => {
  srv = await startServer({ prepare: build });
  coach = await signedIn(demoEmail('coach', 'gemeente'));
  researcher = await signedIn(demoEmail('researcher', 'gemeente'));
  owner = await signedIn(demoEmail('owner', 'gemeente'));
  otherCoach = await signedIn(demoEmail('coach', 'politie'));
});
after(async () => { await srv.stop(); });

const dept = (t) => t.departments.find((d) => d.name === DEPT);
const team = (t, name) => dept(t).teams.find((x) => x.name === name);

test('the table counts each person once per row and in the total, with team leaders, and every team', async () => {
  const r = await coach.get(`/api/v1/spread?by=circle&${PERIOD}`);
  assert.equal(r.status, 200);
  const t = r.json();
  assert.deepEqual(Object.keys(t), ['columns', 'departments', 'total']);
  const names = t.columns.map((c) => c.name);
  assert.ok(names.indexOf('TC1') >= 0 && names.indexOf('TC1') < names.indexOf('TC2'), 'the circles in time order');
  assert.ok(!names.includes('TC9'), 'a circle starting after the period is left out');
  assert.deepEqual(t.columns.find((c) => c.name === 'TC1'), { name: 'TC1', period: 'vj 2015' });
  const d = dept(t);
  assert.equal(d.n, 7);
  assert.deepEqual(d.teams.map((x) => x.name), ['(direct in de afdeling)', 'Sp1', 'Sp2', 'Sp3', 'Sp10'], 'every team, natural order');
  assert.deepEqual(Object.keys(d.teams[1]), ['name', 'n', 'team_leaders', 'cells']);
  const sp1 = team(t, 'Sp1');
  assert.equal(sp1.n, 3, 'Bram in two circles counts once');
  assert.equal(sp1.team_leaders, 1);
  assert.equal(sp1.cells.TC1, 2);
  assert.equal(sp1.cells.TC2, 2);
  assert.deepEqual([team(t, 'Sp2').n, team(t, 'Sp2').cells.TC1, team(t, 'Sp2').cells.TC2], [1, 1, 0]);
  assert.equal(team(t, 'Sp3').n, 0);
  assert.equal(team(t, 'Sp10').cells.TC2, 2);
  assert.equal(d.teams[0].n, 1, 'someone directly in the department has a row of their own');
  // the total: everyone once
  const sumN = t.departments.reduce((s, x) => s + x.n, 0);
  assert.equal(t.total, sumN);
  const cells = t.departments.flatMap((x) => x.teams).reduce((s, x) => s + Object.values(x.cells).reduce((a, b) => a + b, 0), 0);
  assert.ok(cells > t.total, 'a person in two circles is in two cells, once in the total');
  // the command line gives the same JSON (it speaks English: the words of its own rows are English)
  const fromCli = cli(srv.db, ['spread', '--org', 'gemeente-demo', '--by', 'circle', '--from', '2015-01-01', '--to', '2016-12-31', '--format', 'json'])
    .replaceAll('"(directly in the department)"', '"(direct in de afdeling)"');
  assert.deepEqual(JSON.parse(fromCli), t);
});

test('bad choices are refused in Dutch', async () => {
  const a = await coach.get('/api/v1/spread?by=kleur');
  assert.equal(a.status, 422);
  assert.match(a.json().error.message, /Kies/);
  const b = await coach.get('/spread?from=2016-01-01&to=2015-01-01');
  assert.equal(b.status, 422);
  assert.match(b.text, /einddatum/i);
  const c = await coach.get('/spread.csv?from=morgen');
  assert.equal(c.status, 422);
});

function parseCsv(text) {
  // (fetch's text() drops the BOM that Excel reads; the command line keeps it)
  return text.replace(/^\ufeff/, '').split('\r\n').filter((l) => l).map((l) => l.split(';').map((f) => f.replace(/^"|"$/g, '').replace(/""/g, '"')));
}

test('CSV and XLSX hold what the JSON holds', async () => {
  const t = (await coach.get(`/api/v1/spread?${PERIOD}`)).json();
  const rows = t.departments.flatMap((d) => d.teams.map((x) => [d.name, x.name, x.n, x.team_leaders, ...t.columns.map((c) => x.cells[c.name])]));
  const csv = await coach.get(`/spread.csv?${PERIOD}`);
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('content-type'), /text\/csv/);
  const c = parseCsv(csv.text);
  assert.deepEqual(c[0], ['afdeling', 'team', 'n', 'teamleiders', ...t.columns.map((x) => x.name)]);
  assert.deepEqual(c.slice(1).map((r) => r.map((v, i) => (i < 2 ? v : Number(v)))), rows);
  // the XLSX: the data sheet's rows
  const res = await fetch(`${srv.base}/spread.xlsx?${PERIOD}`, { headers: { cookie: coach.cookieHeader() } });
  assert.equal(res.status, 200);
  const dir = mkdtempSync(join(tmpdir(), 'spread-'));
  writeFileSync(join(dir, 's.xlsx'), Buffer.from(await res.arrayBuffer()));
  execFileSync('unzip', ['-q', '-o', join(dir, 's.xlsx'), '-d', dir]);
  const dec = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  const strings = [...readFileSync(join(dir, 'xl/sharedStrings.xml'), 'utf8').matchAll(/<si>.*?<t(?: [^>]*)?>([^<]*)<\/t>.*?<\/si>/gs)].map((m) => dec(m[1]));
  const sheet = readFileSync(join(dir, 'xl/worksheets/sheet1.xml'), 'utf8');
  const x = [...sheet.matchAll(/<row [^>]*>(.*?)<\/row>/gs)].map((m) => [...m[1].matchAll(/<c r="[A-Z]+\d+"([^>]*)><v>([^<]*)<\/v><\/c>/g)]
    .map((cm) => (/ t="s"/.test(cm[1]) ? strings[Number(cm[2])] : Number(cm[2]))));
  assert.deepEqual(x[0], c[0]);
  assert.deepEqual(x.slice(1), rows);
});

test('the page shows the same numbers, team leaders marked in words, the reading and the downloads', async () => {
  const t = (await coach.get(`/api/v1/spread?${PERIOD}`)).json();
  const page = (await coach.get(`/spread?by=circle&${PERIOD}`)).text;
  const text = (h) => h.replace(/<ul class="cell-names">.*?<\/ul>/gs, '').replace(/<[^>]+>/g, '').trim();
  const rows = [...page.matchAll(/<tr class="team">(.*?)<\/tr>/gs)].map((m) => [...m[1].matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/gs)].map((c) => text(c[1])));
  const mine = rows.filter((r) => r[0] === DEPT);
  assert.equal(mine.length, dept(t).teams.length);
  for (const [i, x] of dept(t).teams.entries()) {
    assert.equal(mine[i][1].replace(/ \(cluster\)$/, ''), x.name);
    assert.deepEqual(mine[i].slice(2).map(Number), [x.n, x.team_leaders, ...t.columns.map((c) => x.cells[c.name])]);
  }
  const total = page.match(/<tr class="total">(.*?)<\/tr>/s)[1];
  assert.equal(Number(text(total.match(/<td>(\d+)<\/td>/)[0])), t.total);
  // names in the cells for the coach, escaped; the team leader marked with words, not colour
  assert.match(page, /<li>Ada Leider <abbr title="teamleider">tl<\/abbr><\/li>/);
  assert.ok(page.includes('O&#39;Brien &amp; &quot;Zonen&quot; &lt;b&gt;') || page.includes('O&#x27;Brien'), 'the hostile name escaped');
  assert.ok(!page.includes(HOSTILE));
  assert.match(page, /teamleider/);
  assert.match(page, /Sp3 \(Afdeling Spreiding\)/, 'the reading names the team with nobody');
  assert.match(page, /clustert/);
  assert.match(page, /href="\/spread\.csv\?by=circle&amp;from=2015-01-01&amp;to=2016-12-31"/);
  assert.match(page, /href="\/spread\.xlsx\?/);
  assert.match(page, /<form method="get" action="\/spread"/);
});

test('the owner sees counts per department only, over all periods: page, API and CSV, no team and no name', async () => {
  const full = (await coach.get('/api/v1/spread')).json();
  const t = (await owner.get('/api/v1/spread')).json();
  assert.equal(dept(t).n, dept(full).n);
  assert.equal(t.total, full.total);
  for (const d of t.departments) assert.deepEqual(d.teams, [], `${d.name}: no teams`);
  const page = (await owner.get('/spread')).text;
  assert.match(page, new RegExp(`<th scope="row">${DEPT}</th><td>${dept(full).n}</td>`));
  for (const s of ['Sp1', 'Sp10', 'Ada Leider', 'Bram Twee', 'tl</abbr>', '/spread/lone', 'name="from"']) {
    assert.ok(!page.includes(s), `no ${s} for the owner`);
  }
  const csv = parseCsv((await owner.get('/spread.csv')).text);
  assert.deepEqual(csv[0], ['afdeling', 'n']);
  assert.ok(csv.some((r) => r[0] === DEPT && r[1] === String(dept(full).n)));
  assert.ok(!csv.flat().some((v) => /Sp1|Ada/.test(v)));
  assert.equal((await owner.get('/spread/lone')).status, 403);
  assert.equal((await owner.get('/api/v1/lone-participants')).status, 403);
  // no period for the owner: one season after another would give each circle's column per department
  for (const path of [`/api/v1/spread?${PERIOD}`, `/spread?${PERIOD}`, `/spread.csv?${PERIOD}`, '/api/v1/spread?from=2016-09-01',
    '/api/v1/spread?to=2016-09-01']) {
    const r = await owner.get(path);
    assert.equal(r.status, 422, path);
    assert.match(r.text, /Alleen de co(ö|\\u00F6)rdinator en de onderzoeker kiezen een periode/, path);
    assert.ok(!/"departments"/.test(r.text), `${path}: no counts`);
  }
});

test('two learning groups of one name in batches of one name keep a column each in the JSON and the CSV', async () => {
  // the police unit's two programmes each have a "Lichting 1"; one group of the second is renamed to
  // the name of one of the first
  const [g] = sql(`SELECT g.id FROM learning_group g JOIN batch b ON b.id = g.batch_id JOIN programme p ON p.id = b.programme_id
    JOIN organisation o ON o.id = p.organisation_id WHERE o.slug = 'politie-demo' AND b.name = 'Lichting 1'
    AND g.name <> 'Leergroep 1' AND p.id <> (SELECT b2.programme_id FROM batch b2 JOIN learning_group g2 ON g2.batch_id = b2.id
      WHERE g2.name = 'Leergroep 1' AND b2.organisation_id = o.id) ORDER BY g.id LIMIT 1`);
  assert.ok(g, 'a group of the other programme');
  sql(`UPDATE learning_group SET name = 'Leergroep 1' WHERE id = ${g.id}`);
  const t = (await otherCoach.get('/api/v1/spread?by=group')).json();
  assert.equal(t.columns.filter((c) => c.name.startsWith('Leergroep 1 (Lichting 1)')).length, 2, 'both, told apart');
  const keys = new Set();
  for (const d of t.departments) for (const x of d.teams) for (const k of Object.keys(x.cells)) keys.add(k);
  const names = t.columns.map((c) => c.name);
  assert.equal(new Set(names).size, names.length, 'every column has a name of its own');
  for (const k of keys) assert.ok(names.includes(k), `${k} is a column`);
  const csv = parseCsv((await otherCoach.get('/spread.csv?by=group')).text);
  assert.equal(new Set(csv[0]).size, csv[0].length, 'no two columns of the CSV share a heading');
});

test('participant, facilitator and mentor get 403; the researcher reads names but pairs nobody', async () => {
  for (const role of ['participant', 'facilitator', 'mentor']) {
    const c = await signedIn(demoEmail(role, 'gemeente'));
    for (const p of ['/spread', '/spread.csv', '/spread.xlsx', '/spread/lone', '/api/v1/spread', '/api/v1/lone-participants'])
      assert.equal((await c.get(p)).status, 403, `${role} ${p}`);
    assert.equal((await c.post('/buddies', { person: String(id('b1')), buddy: String(id('f1')) })).status, 403);
  }
  const page = (await researcher.get(`/spread?${PERIOD}`)).text;
  assert.match(page, /Ada Leider/);
  const lone = (await researcher.get('/spread/lone')).text;
  assert.match(lone, /Bea Alleen/);
  assert.ok(!lone.includes('action="/buddies"'), 'no pairing form for the researcher');
  assert.equal((await researcher.post('/buddies', { person: String(id('b1')), buddy: String(id('f1')) })).status, 403);
});

test('lone participants with suggestions and their reasons', async () => {
  const v = (await coach.get('/api/v1/lone-participants')).json();
  // each id asked once: psql for every row would hold the event loop up
  const ids = Object.fromEntries(Object.keys(P).map((k) => [k, id(k)]));
  const of = (k) => v.lone.find((l) => l.person_id === ids[k]);
  const bea = of('b1');
  assert.ok(bea, 'Bea stands alone');
  assert.equal(bea.unlinked, true);
  assert.equal(bea.only_in_team, false, 'Fien took part from her team too, past or present');
  assert.deepEqual(bea.suggestions[0], { person_id: id('f1'), name: NAMES.f1, reason: 'team' }, 'the same team first');
  assert.ok(bea.suggestions.slice(1).every((s) => s.reason === 'department'));
  assert.ok(bea.suggestions.some((s) => s.person_id === id('a1')));
  assert.ok(of('d1'), 'alone directly in the department');
  assert.ok(!of('a1') && !of('a2'), 'linked by a referral, in a team with others: not alone');
  assert.ok(of('a3') && of('a3').unlinked && !of('a3').only_in_team);
  const page = (await coach.get('/spread/lone')).text;
  assert.match(page, /Bea Alleen/);
  assert.match(page, /Fien Eerder <span class="reason">\(zelfde team\)<\/span>/);
  assert.match(page, /\(zelfde afdeling\)/);
  assert.match(page, /eigen regel/i, 'the rule is marked as leergang\'s own');
});

test('the coach pairs on the page and ends the pair after a confirm page; it stays in the history', async () => {
  const b1 = id('b1'), f1 = id('f1');
  const r = await coach.post('/buddies', { person: String(b1), buddy: String(f1) });
  assert.equal(r.status, 303);
  assert.match(r.headers.get('location'), /^\/spread\/lone\?done=buddy-paired/);
  const row = sql(`SELECT id, reason, ended_on FROM buddy_pair WHERE person_id = ${b1} AND buddy_id = ${f1}`);
  assert.equal(row.length, 1);
  assert.equal(row[0].reason, 'team');
  assert.equal(count(`SELECT count(*) AS n FROM audit_log WHERE action = 'buddy.add' AND object_id = ${row[0].id}`), 1);
  const page = (await coach.get(r.headers.get('location'))).text;
  assert.match(page, /role="status">Het maatje is vastgelegd/);
  assert.match(page, /Heeft een maatje: Fien Eerder/);
  const v = (await coach.get('/api/v1/lone-participants')).json();
  const bea = v.lone.find((l) => l.person_id === b1);
  assert.equal(bea.open_pairs.length, 1);
  assert.ok(!bea.suggestions.some((s) => s.person_id === f1), 'an open buddy is not suggested again');
  // ending: a confirm page first, nothing changed
  const ask = await coach.post(`/buddies/${row[0].id}/end`, {});
  assert.equal(ask.status, 200);
  assert.match(ask.text, /Weet je zeker/);
  assert.equal(sql(`SELECT ended_on FROM buddy_pair WHERE id = ${row[0].id}`)[0].ended_on, '');
  const end = await coach.post(`/buddies/${row[0].id}/end`, { confirm: '1' });
  assert.equal(end.status, 303);
  assert.match(end.headers.get('location'), /done=buddy-ended/);
  assert.match(sql(`SELECT ended_on FROM buddy_pair WHERE id = ${row[0].id}`)[0].ended_on, /^\d{4}-\d\d-\d\d$/);
  const hist = (await coach.get('/spread/lone')).text;
  assert.match(hist, new RegExp(`<tr data-pair="${row[0].id}"><td>Bea Alleen</td><td>Fien Eerder</td><td>zelfde team</td>`));
  assert.equal(count(`SELECT count(*) AS n FROM audit_log WHERE action = 'buddy.end' AND object_id = ${row[0].id}`), 1);
  // ending twice is refused in Dutch
  const again = await coach.post(`/buddies/${row[0].id}/end`, { confirm: '1' });
  assert.equal(again.status, 422);
  assert.match(again.text, /al beëindigd/);
});

test('bad pairs are refused in Dutch and change nothing; another organisation\'s ids are not found', async () => {
  const b1 = id('b1'), a1 = id('a1');
  const first = await coach.postJson('/api/v1/buddies', { person_id: b1, buddy_id: a1 });
  assert.equal(first.status, 201);
  const pair = first.json().id;
  const n = () => count('SELECT count(*) AS n FROM buddy_pair');
  const before = n();
  const same = await coach.post('/buddies', { person: String(b1), buddy: String(b1) });
  assert.equal(same.status, 422);
  assert.match(same.text, /Kies iemand anders/);
  const second = await coach.postJson('/api/v1/buddies', { person_id: a1, buddy_id: b1 });
  assert.equal(second.status, 422, 'a second open pair of the two, in either order');
  assert.match(second.json().error.message, /al maatjes/);
  assert.equal((await coach.post('/buddies', { person: String(b1), buddy: String(a1) })).status, 422);
  assert.equal((await coach.post('/buddies', { person: String(b1), buddy: '99999999' })).status, 404, 'an unknown person');
  const stranger = sql("SELECT p.id FROM person p JOIN organisation o ON o.id = p.organisation_id WHERE o.slug = 'politie-demo' LIMIT 1")[0].id;
  assert.equal((await coach.post('/buddies', { person: String(b1), buddy: String(stranger) })).status, 404, 'a person of another organisation');
  assert.equal((await coach.postJson('/api/v1/buddies', { person_id: stranger, buddy_id: b1 })).status, 404);
  assert.equal((await coach.postJson('/api/v1/buddies', { person_id: b1 })).status, 422);
  assert.equal((await coach.post('/buddies', { csrf: '', person: String(b1), buddy: String(id('c1')) })).status, 403, 'no CSRF token');
  assert.equal(n(), before);
  // the other organisation's coach: the pair is not found, on the page and in the API
  assert.equal((await otherCoach.post(`/buddies/${pair}/end`, { confirm: '1' })).status, 404);
  assert.equal((await otherCoach.postJson(`/api/v1/buddies/${pair}/end`, {})).status, 404);
  assert.equal(sql(`SELECT ended_on FROM buddy_pair WHERE id = ${pair}`)[0].ended_on, '');
  assert.ok(!JSON.stringify((await otherCoach.get('/api/v1/lone-participants')).json()).includes('Bea Alleen'));
  assert.ok(!(await otherCoach.get('/spread')).text.includes(DEPT));
  // ended through the API
  assert.equal((await coach.postJson(`/api/v1/buddies/${pair}/end`, {})).status, 200);
  assert.notEqual(sql(`SELECT ended_on FROM buddy_pair WHERE id = ${pair}`)[0].ended_on, '');
});

test('the command line: buddy add, list and end', () => {
  const out = cli(srv.db, ['buddy', 'add', '--org', 'gemeente-demo', '--person', P.c1, '--buddy', P.c2]).trim();
  assert.match(out, /^\d+$/);
  const list = JSON.parse(cli(srv.db, ['buddy', 'list', '--org', 'gemeente-demo', '--format', 'json']));
  const p = list.pairs.find((x) => x.id === Number(out));
  assert.deepEqual([p.person, p.buddy, p.reason, p.ended_on], [NAMES.c1, NAMES.c2, 'team', '']);
  assert.match(cli(srv.db, ['buddy', 'end', '--org', 'gemeente-demo', '--id', out]), /ended/);
  const csv = cli(srv.db, ['spread', '--org', 'gemeente-demo', '--from', '2015-01-01', '--to', '2016-12-31', '--format', 'csv']);
  assert.ok(csv.split('\r\n').some((l) => l.startsWith(`${DEPT};Sp1;3;1;`)));
});
