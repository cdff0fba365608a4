// The bugs found by trying leergang as a new user would (issue 15, "Bugs the
// walk found"), one test each, on the demo: Leergroep 1 of "LiVe!
// Westerschelde" (story not bundled yet) and Leergroep 2 beside it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, Client, demoEmail, cli, cliResult, PASSWORD } from '../lib/server.mjs';

let havePdftotext = true;
try { execFileSync('pdftotext', ['-v'], { stdio: 'ignore' }); } catch { havePdftotext = false; }

let srv, tmp;
let g1, g2;               // Leergroep 1 and 2 of "LiVe! Westerschelde"
let d1;                   // Leergroep 1 as the API gives it
const as = {};

const apiPost = (who, path, body) =>
  as[who].request('POST', path, { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });

before(async () => {
  srv = await startServer();
  tmp = mkdtempSync(join(tmpdir(), 'leergang-walk-'));
  for (const role of ['participant', 'facilitator', 'mentor', 'coach', 'owner', 'administrator']) {
    as[role] = new Client(srv.base);
    await as[role].login(demoEmail(role, 'politie'));
  }
  const progs = (await as.coach.get('/api/v1/programmes')).json().programmes;
  const live = (await as.coach.get(`/api/v1/programmes/${progs.find((p) => p.name === 'LiVe! Westerschelde').id}`)).json();
  [g1, g2] = [live.batches[0].groups[0].id, live.batches[0].groups[1].id];
  d1 = (await as.coach.get(`/api/v1/groups/${g1}`)).json();
});
after(async () => {
  rmSync(tmp, { recursive: true, force: true });
  await srv.stop();
});

test('bug 1: the learning story before it is bundled says so (200), names who bundles it, and shows no draft text', async () => {
  // the facilitator's draft, with a word to look for
  const r = await as.facilitator.post(`/groups/${g1}/story`, { opening: 'Concepttekst Zwaluwstaart.', closing: '', bundle: '0' });
  assert.equal(r.status, 303);
  for (const who of ['coach', 'participant']) {
    const group = await as[who].get(`/groups/${g1}`);
    assert.match(group.text, new RegExp(`href="/groups/${g1}/story"`), `${who} has the link on the group page`);
    const p = await as[who].get(`/groups/${g1}/story`);
    assert.equal(p.status, 200, `${who}: the link leads to a page`);
    assert.match(p.text, /nog niet gebundeld/, `${who}: says it is not bundled yet`);
    assert.match(p.text, /leergroepbegeleider/, `${who}: says who bundles it`);
    assert.ok(p.text.includes(d1.facilitator.replace(/&/g, '&amp;').replace(/</g, '&lt;')), `${who}: names the facilitator`);
    assert.doesNotMatch(p.text, /Zwaluwstaart/, `${who}: none of the draft's text`);
    assert.doesNotMatch(p.text, /story\.pdf|story\.md/, `${who}: nothing to download`);
    for (const f of ['story.pdf', 'story.md']) assert.equal((await as[who].get(`/groups/${g1}/${f}`)).status, 404, `${who} ${f}`);
    assert.equal((await as[who].get(`/api/v1/groups/${g1}/story`)).status, 404, `${who}: the API answers once it is bundled`);
  }
  // the facilitator still sees the draft and its form
  const f = await as.facilitator.get(`/groups/${g1}/story`);
  assert.match(f.text, /Zwaluwstaart/);
  // the owner may not read it at all, nor a participant of another group
  assert.equal((await as.owner.get(`/groups/${g1}/story`)).status, 403);
});

// The text of a PDF download, through pdftotext.
async function pdfText(who, path) {
  const res = await fetch(srv.base + path, { headers: { cookie: as[who].cookieHeader() } });
  assert.equal(res.status, 200, `${who} ${path}`);
  const f = join(tmp, `walk-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(f, Buffer.from(await res.arrayBuffer()));
  return execFileSync('pdftotext', ['-enc', 'UTF-8', f, '-'], { encoding: 'utf8' });
}

test('bug 2: the learning story PDF shows a report\'s text as the page does: raw HTML left out, not printed as tags', { skip: !havePdftotext && 'pdftotext is not installed' }, async () => {
  const m = d1.meetings.find((x) => x.number === 1).id;
  const r = await apiPost('facilitator', `/api/v1/meetings/${m}/report`, {
    agenda: 'Een <b>Kievitsbloem</b> woord',
    themes: '<script>alert(1)</script>\n\nDaarna de Grutto.',
    learning_moments: 'Met <i>schuin</i> en <span style="x">Tureluur</span>.',
    facilitator_reflection: '<div onclick="x()">Blokhtml</div>\n\nEind van de reflectie.',
  });
  assert.ok([200, 201].includes(r.status), r.text);
  // the page: the tags are left out, the words between them stay
  const page = (await as.facilitator.get(`/groups/${g1}/story`)).text;
  assert.match(page, /Kievitsbloem/);
  assert.doesNotMatch(page, /&lt;b&gt;|alert\(1\)|Blokhtml/, 'the page drops raw HTML');
  // the PDF: the same words, no tag
  const text = (await pdfText('facilitator', `/groups/${g1}/story.pdf`)).replace(/\s+/g, ' ');
  for (const w of ['Een Kievitsbloem woord', 'Daarna de Grutto.', 'Met schuin en Tureluur.', 'Eind van de reflectie.']) {
    assert.ok(text.includes(w), `the PDF reads "${w}"`);
  }
  for (const bad of ['<b>', '</b>', '<i>', '<span', '<script', 'alert(1)', '<div', 'Blokhtml']) {
    assert.ok(!text.includes(bad), `the PDF prints no "${bad}"`);
  }
});

test('bug 4: one\'s own logbook entry shared with the group is not listed as "shared with you"; others see it there', async () => {
  const p = as.participant;
  await p.get('/logbook');
  let r = await p.post('/logbook', { entry_date: '2026-11-20', energy_gave: 'Eigen notitie Boomklever', energy_cost: '', body: '', tags: '' });
  assert.equal(r.status, 303);
  const id = Math.max(...[...(await p.get('/logbook')).text.matchAll(/href="\/logbook\/(\d+)"/g)].map((m) => Number(m[1])));
  r = await p.post(`/logbook/${id}/share`, { shared_with: 'group', group_id: String(g1) });
  assert.equal(r.status, 303);
  const section = (text) => (text.match(/<h2 id="logbook">[\s\S]*?<\/ul>/) || [''])[0];
  const mine = section((await p.get(`/groups/${g1}`)).text);
  assert.doesNotMatch(mine, new RegExp(`href="/logbook/${id}"`), 'the writer\'s own entry is not "shared with you"');
  const theirs = section((await as.facilitator.get(`/groups/${g1}`)).text);
  assert.match(theirs, /met u gedeeld/i, 'the facilitator has the section');
  assert.match(theirs, new RegExp(`href="/logbook/${id}"`), 'the facilitator finds it there');
});

test('bug 5: the enrolment search says when everyone it found is in the group already', async () => {
  // a search that finds exactly the group's own participants: their employee numbers, one by one
  const p = d1.participants.find((x) => x.status === 'active');
  const emp = (await as.coach.get(`/api/v1/people/${p.person_id}`)).json().employee_id;
  const page = (await as.coach.get(`/groups/${g1}?q=${encodeURIComponent(emp)}`)).text;
  const status = (page.match(/<p role="status">([^<]*)<\/p>/) || ['', ''])[1];
  assert.match(status, /^1 persoon gevonden, al in deze groep\.$/, `the count says why the list is empty: "${status}"`);
  const options = (page.match(/<select id="f-people"[\s\S]*?<\/select>/) || [''])[0];
  assert.doesNotMatch(options, /<option/, 'nobody offered to enrol');
  // a search that finds people outside the group still only counts them
  const all = (await as.coach.get(`/groups/${g1}?q=`)).text;
  assert.doesNotMatch((all.match(/<p role="status">([^<]*)<\/p>/) || ['', ''])[1], /allen al in deze groep/);
});

test('bug 9: init --demo prints the demo logins, and serve --print-logins is in the help', () => {
  const db = join(tmp, 'init-demo.db');
  const r = cliResult(db, ['init', '--demo']);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(r.stdout.includes(PASSWORD), 'the demo password is printed');
  for (const role of ['administrator', 'coach', 'facilitator', 'participant']) {
    assert.ok(r.stdout.includes(demoEmail(role)), `the ${role}'s login is printed`);
  }
  const again = cliResult(db, ['init', '--demo']);
  assert.ok(again.stdout.includes(demoEmail('coach')), 'and again when the demo is there already');
  const help = cliResult(db, ['help', 'serve']);
  assert.match(help.stdout + help.stderr, /--print-logins/);
});

test('the demo reads like a real organisation: ordinary names; the hostile ones only on request, for the tests', () => {
  const names = (file) => JSON.parse(cli(join(tmp, file), ['export', 'people', '--org', 'politie-demo', '--format', 'json']))
    .map((p) => p.name);
  const hostile = /[<>=&"?+\/]|alert|HYPERLINK|李/;
  const plain = names('init-demo.db');
  assert.ok(plain.length > 100);
  assert.deepEqual(plain.filter((n) => hostile.test(n) || n.length > 40), [], 'no hostile name in the demo');
  assert.ok(plain.includes('Jan de Jong') && plain.includes("Sean O'Brien"), 'ordinary names in their places');
  cliResult(join(tmp, 'hostile.db'), ['init', '--demo', '--hostile-names']);
  const tests = names('hostile.db');
  assert.ok(tests.includes('Jan <script>alert(1)</script>') && tests.some((n) => n.startsWith('=HYPERLINK')), 'the tests\' names');
  assert.equal(tests.length, plain.length, 'the same people otherwise');
});

// ---- the import of people (the municipality's administrator) ----

async function importUpload(admin, content) {
  const form = new FormData();
  form.set('csrf', admin.csrf);
  form.set('file', new Blob([content], { type: 'text/csv' }), 'hr.csv');
  return admin.request('POST', '/import', { body: form });
}
const HEAD = 'personeelsnummer;naam;e-mail;afdeling;leidinggevende;functieniveau';
const problems = (html) => [...html.matchAll(/<tr><td>(\d+)<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td><\/tr>/g)]
  .map((m) => ({ line: Number(m[1]), column: m[2], problem: m[3] }));

test('bug 7: the import preview shows the first rows; an unclosed quote is reported with the other problems of the file', async () => {
  const admin = new Client(srv.base);
  await admin.login(demoEmail('administrator', 'gemeente'));
  await admin.get('/import');
  const rows = [HEAD];
  for (let i = 1; i <= 12; i++) rows.push(`W${String(i).padStart(4, '0')};Wandelaar ${i};w${i}@example.org;Operatiën;;schaal 9`);
  let r = await importUpload(admin, rows.join('\r\n') + '\r\n');
  assert.equal(r.status, 200, r.text);
  const table = (r.text.match(/<table class="preview"[^>]*>[\s\S]*?<\/table>/) || [''])[0];
  assert.match(table, /De eerste 10 van 12 regels/, 'the caption says how many of how many');
  assert.match(table, /<td>Wandelaar 1<\/td>/);
  assert.match(table, /<td>w10@example.org<\/td>/);
  assert.doesNotMatch(table, /Wandelaar 11/, 'the first ten only');

  // line 3 opens a quote it never closes; line 5 has no name, line 7 a bad address
  const bad = [...rows];
  bad[2] = 'W0002;"Wandelaar 2;w2@example.org;Operatiën;;schaal 9';
  bad[4] = 'W0004;;w4@example.org;Operatiën;;schaal 9';
  bad[6] = 'W0006;Wandelaar 6;geen-adres;Operatiën;;schaal 9';
  r = await importUpload(admin, bad.join('\r\n') + '\r\n');
  assert.equal(r.status, 422);
  const found = problems(r.text);
  assert.deepEqual(found.map((p) => p.line), [3, 5, 7], JSON.stringify(found));
  assert.match(found[0].problem, /aanhalingsteken/);
  assert.ok(!r.text.includes('name="action" value="confirm"'), 'nothing to confirm');
});

test('bug 8: counts of one read as one: "1 regel", "1 nieuwe persoon", "1 nieuw onderdeel", "er is er 1"', async () => {
  const admin = new Client(srv.base);
  await admin.login(demoEmail('administrator', 'gemeente'));
  await admin.get('/import');
  let r = await importUpload(admin, `${HEAD}\r\nE0001;Eenling Een;e1@example.org;Eenmansafdeling;;schaal 9\r\n`);
  assert.equal(r.status, 200, r.text);
  assert.match(r.text, /1 regel met een persoon\./);
  assert.match(r.text, /1 nieuwe persoon, 0 gewijzigd, 0 ongewijzigd, 1 nieuw onderdeel\./);
  assert.doesNotMatch(r.text, /\b1 (regels|nieuwe mensen|nieuwe onderdelen)\b/);
  // a line with one cell more than a header of... one
  r = await importUpload(admin, 'naam\r\nA;B\r\n');
  assert.doesNotMatch(r.text, /heeft 1 cellen|heeft er 1 cellen/);
  // a wave with one response
  const today = new Date().toISOString().slice(0, 10);
  const wave = cli(srv.db, ['wave', 'add', '--org', 'politie-demo', '--instrument', 'live-final', '--population', `group:${g2}`,
    '--opens', today, '--closes', today, '--name', 'Een antwoord']).trim();
  const link = new URL(cli(srv.db, ['wave', 'links', '--wave', wave]).trim().split('\n')[1].split(',').pop());
  const c = new Client(srv.base);
  const form = (await c.get(link.pathname + link.search)).text;
  const radios = [...new Set([...form.matchAll(/type="radio" id="[^"]*" name="(i\d+)"/g)].map((m) => m[1]))];
  r = await c.post('/respond', { token: link.searchParams.get('token'), action: 'submit', confirm_incomplete: '1', ...Object.fromEntries(radios.map((x) => [x, '3'])) });
  assert.equal(r.status, 303);
  const page = (await as.coach.get(`/waves/${wave}`)).text;
  assert.match(page, /er is er 1\./);
});

test('bug 6: linking a new account to a person with another name asks for confirmation first', async () => {
  const admin = as.administrator;
  await admin.get('/accounts');
  const [p1, p2] = d1.participants.filter((p) => /^\S{3,} \S{3,}$/.test(p.name)).slice(0, 2);
  const emp = async (p) => (await as.coach.get(`/api/v1/people/${p.person_id}`)).json().employee_id;
  const fields = (over) => ({ display_name: 'Iemand Anders', email: 'iemand.anders@politie.example', employee_id: '',
    role: 'participant', ...over });
  // accounts are made by invitation; the tests' server sends no mail, so
  // the page with the link to hand over answers
  const invited = (r) => {
    assert.equal(r.status, 200, r.text.slice(0, 400));
    assert.match(r.text, /<title>Uitnodiging gemaakt/);
  };
  // another name: refused with both names, nothing made
  let r = await admin.post('/accounts', fields({ employee_id: await emp(p1) }));
  assert.equal(r.status, 422);
  assert.ok(r.text.includes(p1.name) && r.text.includes('Iemand Anders'), 'both names are shown');
  assert.match(r.text, /name="link_anyway"/, 'a box to confirm');
  assert.doesNotMatch((await admin.get('/accounts')).text, /iemand\.anders@politie\.example/, 'no account yet');
  // confirmed: made
  r = await admin.post('/accounts', fields({ employee_id: await emp(p1), link_anyway: '1' }));
  invited(r);
  assert.match((await admin.get('/accounts')).text, /iemand\.anders@politie\.example/);
  // the same name (other case and spaces): made without a question
  r = await admin.post('/accounts', fields({ display_name: `  ${p2.name.toUpperCase()} `, email: 'zelfde.naam@politie.example',
    employee_id: await emp(p2) }));
  invited(r);
});

test('bug 10: a meeting in 1900 or after 2100 is refused with its reason; nothing changes', async () => {
  const m = d1.meetings.find((x) => x.number === 7);
  const before = (await as.coach.get(`/api/v1/groups/${g1}`)).json().meetings.find((x) => x.id === m.id);
  for (const date of ['1900-03-01', '2101-01-01', '2206-05-04']) {
    const r = await as.facilitator.post(`/meetings/${m.id}`, { date, start: '10:00', end: '12:00', venue: 'Zaal 1' });
    assert.equal(r.status, 422, date);
    assert.match(r.text, new RegExp(`in de jaren 2000 tot en met 2100; controleer het jaar van ${date}`), date);
  }
  const after = (await as.coach.get(`/api/v1/groups/${g1}`)).json().meetings.find((x) => x.id === m.id);
  assert.deepEqual(after, before, 'the meeting is as it was');
  // a date within the years is taken
  const r = await as.facilitator.post(`/meetings/${m.id}`, { date: '2099-03-01', start: '10:00', end: '12:00', venue: 'Zaal 1' });
  assert.equal(r.status, 303);
});

test('bug 10: a logbook date in the future is asked about, and saved once confirmed', async () => {
  const p = as.participant;
  await p.get('/logbook');
  const next = new Date(Date.now() + 40 * 86400e3).toISOString().slice(0, 10);
  const entry = { entry_date: next, energy_gave: 'Vooruitgelopen Wielewaal', energy_cost: '', body: '', tags: '' };
  let r = await p.post('/logbook', entry);
  assert.equal(r.status, 422, 'asked, not stored');
  assert.match(r.text, /ligt in de toekomst/);
  assert.match(r.text, /name="date_ahead"/, 'a box to confirm');
  assert.match(r.text, /Vooruitgelopen Wielewaal/, 'the text is kept in the form');
  assert.doesNotMatch((await p.get('/logbook')).text, /href="\/logbook\/\d+">[^<]*<\/a> — Vooruitgelopen/, 'nothing saved');
  r = await p.post('/logbook', { ...entry, date_ahead: '1' });
  assert.equal(r.status, 303);
  assert.match((await p.get('/logbook')).text, /Vooruitgelopen Wielewaal/);
  // today and the past are saved without a question
  r = await p.post('/logbook', { ...entry, entry_date: '2026-01-05', energy_gave: 'Gewoon verleden' });
  assert.equal(r.status, 303);
});
