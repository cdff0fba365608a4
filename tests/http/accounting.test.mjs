// The accounting of a level (domain/level_report.h): the finished demo run
// "LiVe! Westerschelde 2025" accounts as seed 000 §9.1 does (117
// registered, 12 stopped for illness, work or with the manager, 105
// completed, 84 of them answered the final evaluation and 21 did not), and
// the JSON, the page and the PDF say the same as each other and as the
// group and wave figures; a bad period is refused; another organisation's
// ids are not found; and the owner reads no text anybody wrote and no name
// in any of them. One server for the whole file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, Client, demoEmail, cli } from '../lib/server.mjs';
import { sqlRows } from '../lib/db.mjs';

const FINISHED = 'LiVe! Westerschelde 2025';
let srv, tmp, prog, groupA, groups, wave;
const as = {};

let havePdftotext = true;
try { execFileSync('pdftotext', ['-v'], { stdio: 'ignore' }); } catch { havePdftotext = false; }

const sql = (q) => sqlRows(srv.db, q);
const flat = (s) => s.replace(/\s+/g, ' ');
// the text of a page without its markup, entities read
const words = (html) => flat(html.replace(/<[^>]*>/g, ' ').replace(/&#39;/g, "'").replace(/&quot;/g, '"')
  .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));

async function bytes(who, path) {
  const res = await fetch(srv.base + path, { headers: { cookie: as[who].cookieHeader() } });
  return { status: res.status, type: res.headers.get('content-type'), body: Buffer.from(await res.arrayBuffer()) };
}
async function pdf(who, path) {
  const r = await bytes(who, path);
  assert.equal(r.status, 200, `${who} ${path}`);
  assert.match(r.type, /application\/pdf/);
  const f = join(tmp, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(f, r.body);
  return { file: f, text: havePdftotext ? flat(execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', f, '-'], { encoding: 'utf8' })) : '' };
}

before(async () => {
  srv = await startServer();
  tmp = mkdtempSync(join(tmpdir(), 'leergang-accounting-'));
  for (const role of ['coach', 'owner']) {
    as[role] = new Client(srv.base);
    await as[role].login(demoEmail(role));
  }
  as.other = new Client(srv.base);
  await as.other.login(demoEmail('owner', 'gemeente'));
  prog = (await as.coach.get('/api/v1/programmes')).json().programmes.find((p) => p.name === FINISHED).id;
  groups = sql(`SELECT g.id, g.name FROM learning_group g JOIN batch b ON b.id = g.batch_id WHERE b.programme_id = ${prog}`);
  groupA = groups.find((g) => g.name === 'Leergroep A').id;
  wave = sql(`SELECT id FROM wave WHERE population = 'programme' AND population_id = ${prog}`)[0].id;
});

after(async () => {
  rmSync(tmp, { recursive: true, force: true });
  await srv.stop();
});

test('the finished run accounts as seed 000 §9.1: 117 registered, 12 stopped by kind, 105 completed, 84 answered, 21 not', async () => {
  const j = (await as.owner.get(`/api/v1/programmes/${prog}/accounting`)).json();
  assert.deepEqual(j.enrolment, { registered: 117, in_progress: 0, completed: 105, stopped: 12,
    stopped_by_kind: { illness: 5, work: 4, manager: 3, other: 0 } });
  assert.equal(j.waves.length, 1);
  const acc = j.waves[0].accounting;
  assert.deepEqual([acc.registered, acc.stopped, acc.completed, acc.invited, acc.responded, acc.not_responded],
    [117, 12, 105, 105, 84, 21]);
  // the same as the groups' own figures, summed, and the database
  let registered = 0, stopped = 0, completed = 0;
  for (const g of groups) {
    const people = (await as.coach.get(`/api/v1/groups/${g.id}`)).json().participants;
    registered += people.length;
    stopped += people.filter((p) => p.status === 'stopped').length;
    completed += people.filter((p) => p.status === 'completed').length;
  }
  assert.deepEqual([registered, stopped, completed], [117, 12, 105]);
  const kinds = Object.fromEntries(sql(`SELECT e.stop_kind k, count(*) n FROM enrolment e JOIN learning_group g ON g.id = e.group_id
    JOIN batch b ON b.id = g.batch_id WHERE b.programme_id = ${prog} AND e.status = 'stopped' GROUP BY 1`).map((r) => [r.k, r.n]));
  assert.deepEqual(kinds, { illness: 5, manager: 3, work: 4 });
  // the same as the wave's own page and API (the coach reads those)
  const w = (await as.coach.get(`/api/v1/waves/${wave}`)).json();
  assert.deepEqual([w.accounting.registered, w.accounting.stopped, w.accounting.asked, w.accounting.responded, w.accounting.not_responded],
    [acc.registered, acc.stopped, acc.invited, acc.responded, acc.not_responded]);
  for (const it of j.waves[0].items) {
    const same = w.results.find((x) => x.code === it.code);
    assert.equal(same.n, it.n, `n of ${it.code}`);
    assert.equal(same.mean, Math.round(it.mean * 10) / 10, `mean of ${it.code}, as the wave's API rounds it`);
  }
  // the batch and the group read the same way down the levels
  const batch = (await as.owner.get(`/api/v1/batches/${j.trend[0].id}/accounting`)).json();
  assert.deepEqual(batch.enrolment, j.enrolment);
  const a = (await as.owner.get(`/api/v1/groups/${groupA}/accounting`)).json();
  assert.equal(a.enrolment.registered, 9);
  assert.equal(a.meetings.held, 10);
  assert.equal(a.attendance_bands['80_or_more'] + a.attendance_bands['50_to_80'] + a.attendance_bands.below_50, 9);
});

test('the page and the PDF show the JSON\'s figures; page 1 of the PDF is in build/check', async (t) => {
  const j = (await as.owner.get(`/api/v1/programmes/${prog}/accounting`)).json();
  const page = await as.owner.get(`/programmes/${prog}/accounting`);
  assert.equal(page.status, 200);
  const row = (label) => {
    const m = page.text.match(new RegExp(`<th scope="row">${label}</th><td class="num">(\\d+)</td>`));
    assert.ok(m, `the page has a row ${label}`);
    return +m[1];
  };
  assert.equal(row('Aangemeld'), j.enrolment.registered);
  assert.equal(row('Afgerond'), j.enrolment.completed);
  assert.equal(row('Gestopt'), j.enrolment.stopped);
  assert.equal(row('Gestopt: ziekte'), 5);
  assert.equal(row('Gestopt: werkomstandigheden'), 4);
  assert.equal(row('Gestopt: besloten met de leidinggevende'), 3);
  assert.equal(row('Beantwoord'), 84);
  assert.equal(row('Niet beantwoord'), 21);
  assert.match(page.text, /<svg role="img"/, 'a chart as on the wave page');
  assert.match(page.text, new RegExp(`href="/programmes/${prog}/accounting.pdf"`));
  if (!havePdftotext) { t.skip('pdftotext is not installed: the PDF text is not checked'); return; }
  const p = await pdf('owner', `/programmes/${prog}/accounting.pdf`);
  for (const [label, n] of [['Aangemeld', 117], ['Afgerond', 105], ['Gestopt', 12], ['Gestopt: ziekte', 5],
    ['Gestopt: werkomstandigheden', 4], ['Gestopt: besloten met de leidinggevende', 3], ['Uitgenodigd \\(niet gestopt\\)', 105],
    ['Beantwoord', 84], ['Niet beantwoord', 21]]) {
    assert.match(p.text, new RegExp(`(^| )${label} ${n} `), `the PDF: ${label} ${n}`);
  }
  assert.match(p.text, /Regels die golden/);
  // page 1, the one a reviewer looks at, says it in brief
  const one = flat(execFileSync('pdftotext', ['-f', '1', '-l', '1', '-enc', 'UTF-8', p.file, '-'], { encoding: 'utf8' }));
  assert.match(one, /117 aangemeld in 10 groepen: 105 afgerond, 12 gestopt/);
  assert.match(one, /Gestopt: 5 door ziekte, 4 door werkomstandigheden, 3 besloten met de leidinggevende/);
  assert.match(one, /Eindevaluatie LiVe! 2025: 84 van 105 beantwoord, 21 niet\./);
  // the command line makes the same document's figures
  const out = join(tmp, 'cli.json');
  cli(srv.db, ['report', '--org', 'politie-demo', '--level', 'programme', '--id', String(prog), '--format', 'json', '--output', out]);
  const c = JSON.parse(execFileSync('cat', [out], { encoding: 'utf8' }));
  assert.deepEqual(c.enrolment, j.enrolment);
  assert.deepEqual(c.waves[0].accounting, j.waves[0].accounting);
  mkdirSync('build/check', { recursive: true });
  try {
    execFileSync('pdftoppm', ['-png', '-f', '1', '-l', '1', '-r', '60', '-singlefile', p.file, 'build/check/accounting-programme']);
  } catch { /* pdftoppm comes with pdftotext; a missing one is reported above */ }
  copyFileSync(p.file, 'build/check/accounting-programme.pdf');
});

test('a bad period is refused with a Dutch sentence and changes nothing', async () => {
  for (const q of ['from=2026-13-01', 'to=morgen', 'from=2026-05-01&to=2026-04-01']) {
    const r = await as.coach.get(`/programmes/${prog}/accounting?${q}`);
    assert.equal(r.status, 400, q);
    assert.match(r.text, /JJJJ-MM-DD|ligt vóór het begin/, q);
    assert.ok(!r.text.includes('Aangemeld'), `${q}: no figures beside the message`);
    const a = await as.coach.get(`/api/v1/programmes/${prog}/accounting?${q}`);
    assert.equal(a.status, 400, `API ${q}`);
    assert.equal((await bytes('coach', `/programmes/${prog}/accounting.pdf?${q}`)).status, 400, `PDF ${q}`);
  }
  // a period counts what lay in it: before the run nobody was registered
  const early = (await as.coach.get(`/api/v1/programmes/${prog}/accounting?to=2000-01-01`)).json();
  assert.equal(early.enrolment.registered, 0);
  assert.equal(early.meetings.planned, 0);
  assert.equal(early.waves.length, 0);
});

test('another organisation\'s ids are not found, on every channel and level', async () => {
  const progB = sql(`SELECT p.id FROM programme p JOIN organisation o ON o.id = p.organisation_id WHERE o.slug = 'gemeente-demo'`)[0].id;
  const groupB = sql(`SELECT g.id FROM learning_group g JOIN organisation o ON o.id = g.organisation_id WHERE o.slug = 'gemeente-demo'`)[0].id;
  const batchB = sql(`SELECT b.id FROM batch b JOIN organisation o ON o.id = b.organisation_id WHERE o.slug = 'gemeente-demo'`)[0].id;
  const orgB = sql(`SELECT id FROM organisation WHERE slug = 'gemeente-demo'`)[0].id;
  for (const [level, id] of [['programmes', progB], ['groups', groupB], ['batches', batchB], ['organisations', orgB]]) {
    for (const who of ['coach', 'owner']) {
      assert.equal((await as[who].get(`/${level}/${id}/accounting`)).status, 404, `${who} ${level} page`);
      assert.equal((await bytes(who, `/${level}/${id}/accounting.pdf`)).status, 404, `${who} ${level} PDF`);
      assert.equal((await as[who].get(`/api/v1/${level}/${id}/accounting`)).status, 404, `${who} ${level} API`);
    }
  }
  // and the other organisation's owner does not see this one's
  assert.equal((await as.other.get(`/programmes/${prog}/accounting`)).status, 404);
  assert.equal((await as.other.get(`/api/v1/programmes/${prog}/accounting`)).status, 404);
});

// Every text written in the organisation that the owner may never read,
// in pieces long enough to say something (the lines of the texts).
function texts() {
  const org = `(SELECT id FROM organisation WHERE slug = 'politie-demo')`;
  const rows = [
    ...sql(`SELECT agenda t FROM meeting_report WHERE organisation_id = ${org} UNION ALL SELECT themes FROM meeting_report WHERE organisation_id = ${org}
      UNION ALL SELECT learning_moments FROM meeting_report WHERE organisation_id = ${org} UNION ALL SELECT facilitator_reflection FROM meeting_report WHERE organisation_id = ${org}
      UNION ALL SELECT mentor_reflection FROM meeting_report WHERE organisation_id = ${org}`),
    ...sql(`SELECT text t FROM contribution WHERE organisation_id = ${org}`),
    ...sql(`SELECT opening t FROM learning_story WHERE organisation_id = ${org} UNION ALL SELECT closing FROM learning_story WHERE organisation_id = ${org}`),
    ...sql(`SELECT body t FROM logbook_entry WHERE organisation_id = ${org} UNION ALL SELECT energy_gave FROM logbook_entry WHERE organisation_id = ${org}
      UNION ALL SELECT energy_cost FROM logbook_entry WHERE organisation_id = ${org}`),
    ...sql(`SELECT expectations t FROM intake WHERE organisation_id = ${org}`),
    ...sql(`SELECT a.text t FROM answer a JOIN response r ON r.id = a.response_id JOIN wave w ON w.id = r.wave_id WHERE w.organisation_id = ${org} AND a.text <> ''`),
    ...sql(`SELECT stop_reason t FROM enrolment WHERE organisation_id = ${org}`),
    // (a free choice's topic is the meeting's title, in schedules and
    // calendars; why the group chose it is the group's own text)
    ...sql(`SELECT justification t FROM meeting WHERE organisation_id = ${org}`),
  ];
  const pieces = new Set();
  for (const { t } of rows) {
    for (const line of String(t || '').split('\n')) {
      const s = flat(line.replace(/^[\s>#*\-0-9.]+/, '').replace(/[*_]/g, '')).trim();
      if (s.length >= 16) pieces.add(s.slice(0, 40));
    }
  }
  return [...pieces];
}

test('the owner reads no text anybody wrote and no name: page, JSON, PDF, at every level', async (t) => {
  const pieces = texts();
  assert.ok(pieces.length > 40, `the demo has texts to look for (${pieces.length})`);
  // the people of the groups: participants, mentors, facilitators (the
  // owner's own name is in the page's header)
  const names = sql(`SELECT DISTINCT p.name FROM person p JOIN learning_group g ON p.id IN (g.mentor_id, g.facilitator_id)
      OR p.id IN (SELECT person_id FROM enrolment WHERE group_id = g.id)
    WHERE g.organisation_id = (SELECT id FROM organisation WHERE slug = 'politie-demo')`)
    .map((r) => r.name).filter((n) => n.length >= 8);
  assert.ok(names.length > 100, `the names to look for (${names.length})`);
  // the pieces are found where they may be read: the coach's learning story
  const story = words((await as.coach.get(`/groups/${groupA}/story`)).text);
  assert.ok(pieces.some((p) => story.includes(p)), 'the search finds the texts where they are shown');
  const channels = [];
  for (const [level, id] of [['programmes', prog], ['groups', groupA], ['organisations', sql(`SELECT id FROM organisation WHERE slug = 'politie-demo'`)[0].id]]) {
    const page = await as.owner.get(`/${level}/${id}/accounting`);
    assert.equal(page.status, 200, `${level} page`);
    channels.push([`${level} page`, words(page.text)]);
    const api = await as.owner.get(`/api/v1/${level}/${id}/accounting`);
    assert.equal(api.status, 200, `${level} API`);
    channels.push([`${level} JSON`, flat(JSON.stringify(api.json()))]);
    if (havePdftotext) channels.push([`${level} PDF`, (await pdf('owner', `/${level}/${id}/accounting.pdf`)).text]);
  }
  for (const [what, text] of channels) {
    for (const p of pieces) assert.ok(!text.includes(p), `${what} holds "${p}"`);
    for (const n of names) assert.ok(!text.includes(n), `${what} holds the name "${n}"`);
  }
  // the owner's other doors stay shut: the story, the reports, the wave
  assert.equal((await as.owner.get(`/groups/${groupA}/story`)).status, 403);
  assert.equal((await as.owner.get(`/api/v1/waves/${wave}`)).status, 403);
  if (!havePdftotext) t.skip('pdftotext is not installed: the PDFs are not read');
});

// "Anywhere": the owner follows every link the pages offer them, from the
// start page on (pages, JSON, PDFs, downloads), and no answer leads to a
// text anybody wrote. Signing out, switching language and the forms'
// targets are left out; every address is fetched once.
test('the owner, following every link from the start page, never reaches a text anybody wrote', async () => {
  const pieces = texts();
  const seen = new Set(['/logout']);
  const queue = ['/'];
  let pages = 0, pdfs = 0;
  while (queue.length && seen.size < 400) {
    const path = queue.shift();
    if (seen.has(path)) continue;
    seen.add(path);
    const r = await bytes('owner', path);
    if (r.status !== 200) continue;
    let text;
    if (/application\/pdf/.test(r.type)) {
      if (!havePdftotext) continue;
      const f = join(tmp, `crawl-${pdfs++}.pdf`);
      writeFileSync(f, r.body);
      text = flat(execFileSync('pdftotext', ['-enc', 'UTF-8', f, '-'], { encoding: 'utf8' }));
    } else {
      const body = r.body.toString('utf8');
      text = /html/.test(r.type) ? words(body) : flat(body);
      for (const m of body.matchAll(/href="(\/[^"#]*)"/g)) {
        const next = m[1].replace(/&amp;/g, '&');
        if (!seen.has(next) && !/^\/(language|static)\b/.test(next)) queue.push(next);
      }
    }
    pages++;
    for (const p of pieces) assert.ok(!text.includes(p), `${path} holds "${p}"`);
  }
  assert.ok(pages > 20, `the owner's pages were read (${pages})`);
  assert.ok(seen.has(`/programmes/${prog}/accounting`) && seen.has(`/programmes/${prog}/accounting.pdf`),
    'the crawl reached the programme\'s outcomes and their PDF');
});

test('the impact map is a section of the programme report: page, JSON and PDF, with the API\'s figures', async (t) => {
  const api = (await as.owner.get(`/api/v1/programmes/${prog}/impact`)).json();
  assert.ok(api.outcomes.length >= 6, 'the demo has a map');
  const j = (await as.owner.get(`/api/v1/programmes/${prog}/accounting`)).json();
  assert.ok(j.impact, 'the programme report holds the map');
  assert.deepEqual(j.impact.outcomes.map((o) => [o.level, o.text, o.evidence, o.figures]),
    api.outcomes.map((o) => [o.level, o.text, o.evidence, o.figures]));
  // the evidence is the report's own counts, so the two cannot differ
  const reports = api.outcomes.find((o) => o.evidence === 'reports:programme').figures;
  assert.deepEqual(reports, { meetings_held: j.meetings.held, published: j.reports.published });
  const batch = api.outcomes.find((o) => o.evidence.startsWith('attendance:batch:'));
  const bj = (await as.owner.get(`/api/v1/batches/${batch.evidence.split(':')[2]}/accounting`)).json();
  const sum = (k) => bj.attendance_per_meeting.reduce((n, m) => n + m[k], 0);
  assert.deepEqual(batch.figures, { recorded: sum('present') + sum('excused') + sum('absent'), present: sum('present') });
  assert.ok(batch.figures.recorded > 0 && reports.meetings_held > 0, 'figures to compare');
  // the page: a table per level, the outcome, the evidence and its figures in words
  const page = await as.owner.get(`/programmes/${prog}/accounting`);
  const text = words(page.text);
  assert.match(text, /Impactmap/);
  for (const o of api.outcomes) assert.ok(text.includes(o.text), `the page has "${o.text}"`);
  assert.ok(text.includes(`Aanwezig bij ${batch.figures.present} van de ${batch.figures.recorded} geregistreerde keren`));
  assert.ok(text.includes(`${reports.published} van de ${reports.meetings_held} gehouden bijeenkomsten`));
  assert.doesNotMatch(page.text, /impact\/edit/, 'no edit link for the owner');
  if (!havePdftotext) { t.skip('pdftotext is not installed: the PDF text is not checked'); return; }
  const p = await pdf('owner', `/programmes/${prog}/accounting.pdf`);
  assert.match(p.text, /Impactmap/);
  assert.match(p.text, /Werkgedrag/);
  // (a table cell wraps within its column, so only the start of a line is whole in the text)
  assert.ok(p.text.includes('Leidinggevenden nemen een'), 'an outcome in the PDF');
  assert.ok(p.text.includes(`${batch.figures.present} van de ${batch.figures.recorded}`), 'its figures in the PDF');
});

test('a programme without a map says the coach can fill one in; the link is for the coach only', async () => {
  const id = cli(srv.db, ['programme', 'add', '--org', 'politie-demo', '--template', 'live', '--name', 'Zonder kaart']).trim();
  const coach = await as.coach.get(`/programmes/${id}/accounting`);
  assert.equal(coach.status, 200);
  assert.match(words(coach.text), /nog geen impactmap/);
  assert.match(coach.text, new RegExp(`href="/programmes/${id}/impact/edit"`));
  const owner = await as.owner.get(`/programmes/${id}/accounting`);
  assert.match(words(owner.text), /nog geen impactmap/);
  assert.doesNotMatch(owner.text, /impact\/edit/);
  const j = (await as.owner.get(`/api/v1/programmes/${id}/accounting`)).json();
  assert.deepEqual(j.impact.outcomes, []);
  // a group's report has no map
  assert.equal((await as.owner.get(`/api/v1/groups/${groupA}/accounting`)).json().impact, undefined);
});

const postJson = (c, path, body) => c.request('POST', path, { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });

test('a stop through the API and the command line needs its kind, is not found elsewhere, and moves the report\'s counts', async () => {
  const { cliResult } = await import('../lib/server.mjs');
  const org = sql(`SELECT id FROM organisation WHERE slug = 'politie-demo'`)[0].id;
  const active = sql(`SELECT e.id, e.group_id g, p.employee_id emp FROM enrolment e JOIN person p ON p.id = e.person_id
    JOIN learning_group g ON g.id = e.group_id WHERE e.status = 'active' AND g.organisation_id = ${org}
    AND e.group_id = (SELECT group_id FROM enrolment WHERE status = 'active' AND organisation_id = ${org} LIMIT 1) LIMIT 2`);
  assert.equal(active.length, 2, 'two active participants of one group');
  const [one, two] = active;
  const kinds = async () => (await as.coach.get(`/api/v1/groups/${one.g}/accounting`)).json().enrolment.stopped_by_kind;
  const before = await kinds();
  const status = () => sql(`SELECT status FROM enrolment WHERE id = ${one.id}`)[0].status;
  // without a kind: refused in Dutch, nothing changes
  let r = await postJson(as.coach, `/api/v1/enrolments/${one.id}/status`, { status: 'stopped', note: 'Andere functie' });
  assert.equal(r.status, 422);
  assert.ok(r.json().error.problems.some((p) => p.field === 'kind' && /Kies waarom/.test(p.message)), JSON.stringify(r.json()));
  assert.equal(status(), 'active');
  // another organisation's coach: not found, nothing changes
  const elsewhere = new Client(srv.base);
  await elsewhere.login(demoEmail('coach', 'gemeente'));
  r = await postJson(elsewhere, `/api/v1/enrolments/${one.id}/status`, { status: 'stopped', kind: 'work', note: 'x' });
  assert.equal(r.status, 404);
  assert.equal(status(), 'active');
  // the owner may read the report but not change a status
  r = await postJson(as.owner, `/api/v1/enrolments/${one.id}/status`, { status: 'stopped', kind: 'work', note: 'x' });
  assert.equal(r.status, 403);
  r = await postJson(as.coach, `/api/v1/enrolments/${one.id}/status`, { status: 'stopped', kind: 'work', note: 'Andere functie' });
  assert.equal(r.status, 200, r.text);
  assert.equal(status(), 'stopped');
  assert.deepEqual(await kinds(), { ...before, work: before.work + 1 });
  // the command line: the same rule, the same counts
  const args = ['group', 'status', '--org', 'politie-demo', '--group', String(two.g), '--employee', two.emp, '--status', 'stopped', '--note', 'Ziek'];
  const refused = cliResult(srv.db, args);
  assert.notEqual(refused.status, 0);
  assert.match(refused.stderr, /Kies waarom/);
  assert.equal(sql(`SELECT status FROM enrolment WHERE id = ${two.id}`)[0].status, 'active');
  assert.notEqual(cliResult(srv.db, ['group', 'status', '--org', 'gemeente-demo', '--group', String(two.g), '--employee', two.emp,
    '--status', 'stopped', '--kind', 'illness', '--note', 'Ziek']).status, 0, 'another organisation: not found');
  cli(srv.db, [...args, '--kind', 'illness']);
  assert.deepEqual(await kinds(), { ...before, work: before.work + 1, illness: before.illness + 1 });
});

test('a command sees a wave that closed yesterday as closed (its ctx carries the real time)', async () => {
  const { cliResult } = await import('../lib/server.mjs');
  const day = (n) => new Date(Date.now() + n * 864e5).toISOString().slice(0, 10);
  const id = cli(srv.db, ['wave', 'add', '--org', 'politie-demo', '--instrument', 'live-final', '--population', `group:${groupA}`,
    '--opens', day(-10), '--closes', day(-1), '--name', 'Gisteren gesloten']).trim();
  const r = cliResult(srv.db, ['wave', 'close', '--wave', id]);
  assert.notEqual(r.status, 0, 'closing it again is refused');
  assert.match(r.stderr, /has closed already/);
  const open = cli(srv.db, ['wave', 'add', '--org', 'politie-demo', '--instrument', 'live-final', '--population', `group:${groupA}`,
    '--opens', day(-1), '--closes', day(10), '--name', 'Nog open']).trim();
  cli(srv.db, ['wave', 'close', '--wave', open]);
});

// The API's precision: a mean or SD comes out as the page shows it (one
// decimal), never more, in the accounting and in the impact map; more
// decimals times n would give a part's exact sum.
test('no mean or SD in the JSON is more precise than the page shows it', async () => {
  const found = [];
  const walk = (x, path) => {
    if (Array.isArray(x)) x.forEach((y, i) => walk(y, `${path}[${i}]`));
    else if (x && typeof x === 'object') {
      for (const [k, v] of Object.entries(x)) {
        if ((k === 'mean' || k === 'sd') && typeof v === 'number') found.push([`${path}.${k}`, v]);
        walk(v, `${path}.${k}`);
      }
    }
  };
  walk((await as.owner.get(`/api/v1/programmes/${prog}/accounting`)).json(), 'programme');
  walk((await as.coach.get(`/api/v1/groups/${groupA}/accounting`)).json(), 'group');
  walk((await as.owner.get(`/api/v1/programmes/${prog}/impact`)).json(), 'impact');
  assert.ok(found.length > 20, `means to look at (${found.length})`);
  for (const [where, v] of found) assert.equal(Math.round(v * 10) / 10, v, `${where} = ${v}`);
});
