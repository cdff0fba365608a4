// The privacy rules of research (issue 19), one test per rule: through
// pages, API, search and every download the researcher has (.qdpx, .qdc,
// the files of /exports), the researcher never reaches a logbook entry
// without its writer's consent, a draft report (and a published one taken
// back to draft drops out of the project, its consent cleared), a case
// without its owner's consent, or the person behind an anonymous answer;
// a withdrawn consent takes the source and its coded passages out of the
// project; a researcher who is no member of a project, or of another
// organisation, gets 404 on every route of it; opening a person's own text
// as a source is in the audit log. Each rule is also seen to hold the
// other way (with consent the text is offered and taken), so a test
// cannot pass because it looked in the wrong place.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, Client, demoEmail, cli, routes } from '../lib/server.mjs';
import { sqlRows } from '../lib/db.mjs';
import { mainOf as main } from '../lib/html.mjs';

let srv, work, project;
const as = {};
const sql = (q) => sqlRows(srv.db, q);
const one = (q) => sql(q)[0];
const personOf = (email) => one(`SELECT person_id AS id FROM account WHERE email = '${email}'`).id;
const sourcesOf = (p, kind) => sql(`SELECT id, ref_id, kind FROM research_source WHERE project_id = ${p}${kind ? ` AND kind = '${kind}'` : ''}`);

// Unusual words, so that a hit anywhere is the text itself.
const ENTRY_WORD = 'Kwetterbrugoverleg';
const DRAFT_WORD = 'Zwerfkeienberaad';
const GONE_WORD = 'Lantaarnpaaloverleg';

before(async () => {
  srv = await startServer({ names: 'ordinary' });
  work = mkdtempSync(join(tmpdir(), 'research-privacy-'));
  cli(srv.db, ['user', 'add', '--org', 'gemeente-demo', '--email', 'onderzoeker2@gemeente.example', '--role', 'researcher',
    '--name', 'Tweede onderzoeker'], 'leergang-demo\n');
  const logins = { researcher: demoEmail('researcher', 'gemeente'), participant: demoEmail('participant', 'gemeente'),
    facilitator: demoEmail('facilitator', 'gemeente'), researcher2: 'onderzoeker2@gemeente.example',
    other_org: demoEmail('researcher', 'politie') };
  for (const [k, email] of Object.entries(logins)) {
    as[k] = new Client(srv.base);
    await as[k].login(email);
  }
  await as.researcher.get('/research');
  const r = await as.researcher.post('/research', { name: 'Privacy', purpose: '' });
  assert.equal(r.status, 303);
  project = Number(r.headers.get('location').match(/^\/research\/(\d+)/)[1]);
  await as.researcher.get(`/research/${project}`);
  assert.equal((await as.researcher.post(`/research/${project}/codes`, { name: 'Thema', parent: '0', color: '', description: '' })).status, 303);
});
after(async () => {
  await srv?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

// ---- what the researcher can reach --------------------------------------------

// Every file the researcher can download, as one text: the project's .qdpx
// (unzipped: every file in it) and .qdc, and each file linked from /exports.
let nfile = 0;
async function downloads(client = as.researcher, p = project) {
  const parts = [];
  const q = await fetch(`${srv.base}/research/${p}/export.qdpx`, { headers: { cookie: client.cookieHeader() } });
  assert.equal(q.status, 200, '.qdpx');
  const file = join(work, `export-${++nfile}.qdpx`);
  writeFileSync(file, Buffer.from(await q.arrayBuffer()));
  const dir = join(work, `unzipped-${nfile}`);
  execFileSync('python3', ['-m', 'zipfile', '-e', file, dir]);
  const walk = (d) => readdirSync(d).forEach((f) => {
    const path = join(d, f);
    if (statSync(path).isDirectory()) walk(path); else parts.push(readFileSync(path, 'utf8'));
  });
  walk(dir);
  const qdc = await client.get(`/research/${p}/codebook.qdc`);
  assert.equal(qdc.status, 200, '.qdc');
  parts.push(qdc.text);
  const links = [...main((await client.get('/exports')).text).matchAll(/href="(\/[^"]+)" download/g)].map((m) => m[1]);
  assert.ok(links.length > 0, 'the researcher has downloads on /exports');
  for (const href of links) {
    const r = await fetch(srv.base + href.replace(/&amp;/g, '&'), { headers: { cookie: client.cookieHeader() } });
    const body = Buffer.from(await r.arrayBuffer());
    // an .xlsx is a zip: its strings unpacked too
    if (body[0] === 0x50 && body[1] === 0x4b) {
      const z = join(work, `dl-${++nfile}.zip`);
      writeFileSync(z, body);
      const zd = join(work, `dl-${nfile}`);
      execFileSync('python3', ['-m', 'zipfile', '-e', z, zd]);
      walk(zd);
    } else parts.push(body.toString('latin1'), body.toString('utf8'));
  }
  return { all: parts.join('\n'), links };
}

// The hits of a search, by page and by API, as text.
// (the page's own search field, which repeats the words, left out)
async function searched(client, q) {
  const p = main((await client.get('/search?q=' + encodeURIComponent(q))).text).replace(/<form[\s\S]*?<\/form>/, '');
  const a = await client.get('/api/v1/search?q=' + encodeURIComponent(q));
  assert.equal(a.status, 200);
  return p + '\n' + JSON.stringify(a.json().results);
}

const offered = async (kind, ref) => main((await as.researcher.get(`/research/${project}/sources/new`)).text)
  .includes(`name="kind" value="${kind}"><input type="hidden" name="ref" value="${ref}"`);

async function take(kind, ref, client = as.researcher, p = project) {
  await client.get(`/research/${p}/sources/new`);
  return client.post(`/research/${p}/sources/take`, { kind, ref: String(ref) });
}

// Codes the first sentence of a source with the project's code.
async function codeFirstSentence(source) {
  const page = await as.researcher.get(`/research/${project}/sources/${source}`);
  const seg = page.text.match(/name="segment" value="(\d+-\d+)"/)[1];
  const code = one(`SELECT id FROM research_code WHERE project_id = ${project} AND name = 'Thema'`).id;
  const r = await as.researcher.post(`/research/${project}/sources/${source}/passages`,
    [['segment', seg], ['code', String(code)], ['memo', '']]);
  assert.equal(r.status, 303, r.text.slice(0, 300));
}

async function newEntry(word) {
  await as.participant.get('/logbook');
  const r = await as.participant.post('/logbook', { entry_date: '2026-11-20', energy_gave: `Het ${word} met mijn team.`,
    energy_cost: '', body: `Tijdens het ${word} zei niemand iets.`, tags: '' });
  assert.equal(r.status, 303);
  return one(`SELECT max(id) AS id FROM logbook_entry WHERE person_id = ${personOf(demoEmail('participant', 'gemeente'))}`).id;
}

async function consentEntry(entry, given) {
  await as.participant.get(`/logbook/${entry}`);
  const r = await as.participant.post(`/logbook/${entry}/consent`, given ? { consent: '1' } : {});
  assert.equal(r.status, 303);
}

// ---- the rules ----------------------------------------------------------------

test('a logbook entry without its writer\'s consent: not offered, not taken, not searched, in no download', async () => {
  const entry = await newEntry(ENTRY_WORD);
  assert.equal(one(`SELECT research_consent AS c FROM logbook_entry WHERE id = ${entry}`).c, 0);
  assert.equal(await offered('logbook', entry), false, 'not offered');
  const r = await take('logbook', entry);
  assert.equal(r.status, 404, 'a crafted take is refused');
  assert.equal(sourcesOf(project).length, 0, 'nothing added');
  assert.ok([403, 404].includes((await as.researcher.get(`/logbook/${entry}`)).status), 'its page');
  assert.doesNotMatch(await searched(as.researcher, ENTRY_WORD), new RegExp(ENTRY_WORD), 'search');
  assert.match(await searched(as.participant, ENTRY_WORD), new RegExp(ENTRY_WORD), 'the writer finds it');
  assert.doesNotMatch((await downloads()).all, new RegExp(ENTRY_WORD), 'downloads');

  // with consent it is offered and taken: the checks above look in the right place
  await consentEntry(entry, true);
  assert.equal(await offered('logbook', entry), true);
  assert.equal((await take('logbook', entry)).status, 303);
  assert.match((await downloads()).all, new RegExp(ENTRY_WORD));
  await consentEntry(entry, false);
  assert.equal(sourcesOf(project, 'logbook').length, 0);
});

test('a draft report: not offered, not taken (even with a consent flag set), not searched, in no download', async () => {
  const fac = personOf(demoEmail('facilitator', 'gemeente'));
  const draft = one(`SELECT r.id, r.meeting_id FROM meeting_report r JOIN learning_group g ON g.id = r.group_id
    WHERE g.facilitator_id = ${fac} AND r.status = 'draft' ORDER BY r.id`);
  await as.facilitator.get(`/meetings/${draft.meeting_id}/report`);
  const s = await as.facilitator.post(`/meetings/${draft.meeting_id}/report`, { agenda: '', themes: `Het ${DRAFT_WORD} liep uit.`,
    learning_moments: '', facilitator_reflection: '', mentor_reflection: '' });
  assert.equal(s.status, 303);
  assert.equal(one(`SELECT status FROM meeting_report WHERE id = ${draft.id}`).status, 'draft');
  for (const consent of [0, 1]) {
    // a flag on a draft (which the pages refuse to set) still does not make it a source
    sql(`UPDATE meeting_report SET research_consent = ${consent} WHERE id = ${draft.id}`);
    assert.equal(await offered('report', draft.id), false, `not offered (flag ${consent})`);
    assert.equal((await take('report', draft.id)).status, 404, `a crafted take is refused (flag ${consent})`);
    assert.equal(sourcesOf(project, 'report').length, 0, 'nothing added');
  }
  sql(`UPDATE meeting_report SET research_consent = 0 WHERE id = ${draft.id}`);
  assert.ok([403, 404].includes((await as.researcher.get(`/meetings/${draft.meeting_id}/report`)).status), 'its page');
  assert.ok([403, 404].includes((await as.researcher.get(`/api/v1/meetings/${draft.meeting_id}/report`)).status), 'the API');
  assert.doesNotMatch(await searched(as.researcher, DRAFT_WORD), new RegExp(DRAFT_WORD), 'search');
  assert.match(await searched(as.facilitator, DRAFT_WORD), new RegExp(DRAFT_WORD), 'the facilitator finds it');
  assert.doesNotMatch((await downloads()).all, new RegExp(DRAFT_WORD), 'downloads');
});

test('a published report taken back to draft drops out of the project, and its consent is cleared', async () => {
  const fac = personOf(demoEmail('facilitator', 'gemeente'));
  const rep = one(`SELECT r.id, r.meeting_id FROM meeting_report r JOIN learning_group g ON g.id = r.group_id
    WHERE g.facilitator_id = ${fac} AND r.status = 'published' ORDER BY r.id`);
  await as.facilitator.get(`/meetings/${rep.meeting_id}/report`);
  assert.equal((await as.facilitator.post(`/meetings/${rep.meeting_id}/report/consent`, { consent: '1' })).status, 303);
  assert.equal(await offered('report', rep.id), true);
  assert.equal((await take('report', rep.id)).status, 303);
  const src = sourcesOf(project, 'report').find((x) => x.ref_id === rep.id);
  await codeFirstSentence(src.id);
  const themes = one(`SELECT themes FROM meeting_report WHERE id = ${rep.id}`).themes;
  const word = themes.match(/[A-Za-z]{9,}/)[0];
  assert.match((await downloads()).all, new RegExp(word), 'in the export while published with consent');
  const ofSource = () => one(`SELECT count(*) AS n FROM research_selection WHERE source_id = ${src.id}`).n;
  assert.equal(ofSource(), 1);

  await as.facilitator.get(`/meetings/${rep.meeting_id}/report`);
  const u = await as.facilitator.post(`/meetings/${rep.meeting_id}/report/publish`, { publish: '0' });
  assert.equal(u.status, 303);
  assert.equal(one(`SELECT status FROM meeting_report WHERE id = ${rep.id}`).status, 'draft');
  assert.deepEqual(one(`SELECT research_consent AS c, research_consent_at AS at, research_consent_by AS by
    FROM meeting_report WHERE id = ${rep.id}`), { c: 0, at: null, by: null }, 'consent cleared');
  assert.equal(sourcesOf(project, 'report').filter((x) => x.ref_id === rep.id).length, 0, 'the source is gone');
  assert.equal(ofSource(), 0, 'and its coded passage');
  assert.equal((await as.researcher.get(`/research/${project}/sources/${src.id}`)).status, 404);
  assert.doesNotMatch(main((await as.researcher.get(`/research/${project}`)).text), /Verslag bijeenkomst/);

  // published again, it carries no consent until the group gives it again
  await as.facilitator.get(`/meetings/${rep.meeting_id}/report`);
  assert.equal((await as.facilitator.post(`/meetings/${rep.meeting_id}/report/publish`, { publish: '1' })).status, 303);
  assert.equal(one(`SELECT research_consent AS c FROM meeting_report WHERE id = ${rep.id}`).c, 0);
  assert.equal(await offered('report', rep.id), false);
  assert.equal((await take('report', rep.id)).status, 404);
});

test('a case without its owner\'s consent: not offered, not taken, not read, not searched, in no download', async () => {
  const owner = personOf(demoEmail('participant', 'gemeente'));
  const c = one(`SELECT id, case_title AS title, case_question AS question FROM case_session
    WHERE case_person_id = ${owner} ORDER BY id`);
  assert.equal(one(`SELECT research_consent AS c FROM case_session WHERE id = ${c.id}`).c, 0);
  assert.equal(await offered('case', c.id), false);
  assert.equal((await take('case', c.id)).status, 404);
  assert.equal(sourcesOf(project, 'case').length, 0);
  assert.ok([403, 404].includes((await as.researcher.get(`/sessions/${c.id}`)).status), 'its page');
  assert.ok([403, 404].includes((await as.researcher.get(`/api/v1/sessions/${c.id}`)).status), 'the API');
  const word = c.question.match(/[a-z]{8,}/)[0];
  assert.doesNotMatch(await searched(as.researcher, word), new RegExp(`/sessions/${c.id}\\b`), 'search');
  assert.match(await searched(as.participant, word), new RegExp(`/sessions/${c.id}\\b`), 'the owner finds it');
  const all = (await downloads()).all;
  assert.ok(!all.includes(c.title) && !all.includes(c.question.slice(0, 40)), 'downloads');

  // with the owner's consent it is offered
  await as.participant.get(`/sessions/${c.id}`);
  assert.equal((await as.participant.post(`/sessions/${c.id}/consent`, { consent: '1' })).status, 303);
  assert.equal(await offered('case', c.id), true);
  await as.participant.post(`/sessions/${c.id}/consent`, {});
  assert.equal(await offered('case', c.id), false);
});

test('an anonymous answer\'s person: no download links an answer to a person, and no answer becomes a source', async () => {
  // the police's researcher: the demo police have an anonymous wave whose results may be shown
  const org = one("SELECT id FROM organisation WHERE slug = 'politie-demo'").id;
  await as.other_org.get('/research');
  const made = await as.other_org.post('/research', { name: 'Evaluatie', purpose: '' });
  assert.equal(made.status, 303);
  const theirs = Number(made.headers.get('location').match(/^\/research\/(\d+)/)[1]);
  await as.other_org.get(`/research/${theirs}`);
  assert.equal((await as.other_org.post(`/research/${theirs}/codes`, { name: 'Thema', parent: '0' })).status, 303);
  const waves = sql(`SELECT id FROM wave WHERE organisation_id = ${org} AND anonymous = 1`);
  assert.ok(waves.length > 0, 'the demo has an anonymous wave');
  // the store keeps no link either: an anonymous response names no invitation
  for (const w of waves) {
    assert.equal(one(`SELECT count(*) AS n FROM response WHERE wave_id = ${w.id} AND invitation_id IS NOT NULL`).n, 0);
  }
  const { all, links } = await downloads(as.other_org, theirs);
  const exported = waves.filter((w) => links.some((l) => l.startsWith(`/waves/${w.id}/export`)));
  assert.ok(exported.length > 0, 'the researcher downloads an anonymous wave');
  const invitees = sql(`SELECT DISTINCT p.name, p.employee_id AS emp, i.email, a.email AS account
    FROM invitation i LEFT JOIN person p ON p.id = i.person_id LEFT JOIN account a ON a.person_id = p.id
    WHERE i.wave_id IN (${waves.map((w) => w.id).join(',')})`);
  assert.ok(invitees.length > 0);
  for (const x of invitees) {
    for (const v of [x.name, x.email, x.account, x.emp]) {
      if (v && String(v).length > 3) assert.ok(!all.includes(String(v)), `no ${v} in any download`);
    }
  }
  // the project holds no answer: no kind of source takes one
  const resp = one(`SELECT id FROM response WHERE wave_id = ${waves[0].id} ORDER BY id`).id;
  const inv = one(`SELECT id FROM invitation WHERE wave_id = ${waves[0].id} AND responded = 1 ORDER BY id`).id;
  for (const kind of ['answer', 'response', 'wave', 'invitation']) {
    for (const ref of [resp, inv]) {
      assert.ok([404, 422].includes((await take(kind, ref, as.other_org, theirs)).status), `${kind} ${ref}`);
    }
  }
  assert.equal(sourcesOf(theirs).length, 0, 'nothing added');
  // the coders are the project's only users in its export
  const q = await fetch(`${srv.base}/research/${theirs}/export.qdpx`, { headers: { cookie: as.other_org.cookieHeader() } });
  const file = join(work, 'users.qdpx');
  writeFileSync(file, Buffer.from(await q.arrayBuffer()));
  const qde = execFileSync('python3', ['-c', 'import sys,zipfile; print(zipfile.ZipFile(sys.argv[1]).read("project.qde").decode())', file],
    { encoding: 'utf8' });
  const users = [...qde.matchAll(/<User [^>]*name="([^"]*)"/g)].map((m) => m[1]);
  assert.deepEqual(users, sql(`SELECT name FROM research_coder WHERE project_id = ${theirs} ORDER BY id`).map((x) => x.name));
  assert.equal(users.length, 1, 'the researcher alone');
});

test('a withdrawn consent takes the entry and its coded passages out of the project', async () => {
  const entry = await newEntry(GONE_WORD);
  await consentEntry(entry, true);
  assert.equal((await take('logbook', entry)).status, 303);
  const src = sourcesOf(project, 'logbook').find((x) => x.ref_id === entry);
  await codeFirstSentence(src.id);
  const ofSource = () => one(`SELECT count(*) AS n FROM research_selection WHERE source_id = ${src.id}`).n;
  assert.equal(ofSource(), 1);
  assert.match(main((await as.researcher.get(`/research/${project}/sources/${src.id}`)).text), new RegExp(GONE_WORD));
  assert.match(main((await as.researcher.get(`/research/${project}`)).text), /Logboekaantekening|logboek/i);
  assert.match((await downloads()).all, new RegExp(GONE_WORD));

  await consentEntry(entry, false);
  assert.equal(sourcesOf(project, 'logbook').filter((x) => x.ref_id === entry).length, 0, 'the source is gone');
  assert.equal(ofSource(), 0, 'its coded passage too');
  assert.equal(one(`SELECT count(*) AS n FROM research_memo WHERE target = 'source' AND target_id = ${src.id}`).n, 0);
  assert.equal((await as.researcher.get(`/research/${project}/sources/${src.id}`)).status, 404);
  assert.doesNotMatch(main((await as.researcher.get(`/research/${project}`)).text), new RegExp(`/sources/${src.id}"`));
  const code = one(`SELECT id FROM research_code WHERE project_id = ${project} AND name = 'Thema'`).id;
  assert.doesNotMatch((await as.researcher.get(`/research/${project}/codes/${code}`)).text, new RegExp(GONE_WORD), 'quotes');
  assert.doesNotMatch((await downloads()).all, new RegExp(GONE_WORD), 'downloads');
});

test('a researcher who is no member, or of another organisation, gets 404 on every route of the project', async () => {
  // something of each kind in the project: a source with a passage, a code
  await as.researcher.get(`/research/${project}/sources/new`);
  const add = await as.researcher.post(`/research/${project}/sources`, { kind: 'interview', name: 'Gesprek', held_on: '',
    place: '', unit: '0', text: 'Een eerste zin. Een tweede zin.' });
  assert.equal(add.status, 303, add.text.slice(0, 300));
  const source = Number(add.headers.get('location').match(/sources\/(\d+)/)[1]);
  await codeFirstSentence(source);
  const code = one(`SELECT id FROM research_code WHERE project_id = ${project} AND name = 'Thema'`).id;
  const passage = one(`SELECT max(id) AS id FROM research_selection WHERE project_id = ${project}`).id;
  const ids = { sources: source, codes: code, passages: passage };
  const state = () => JSON.stringify(sql(`SELECT (SELECT count(*) FROM research_source) AS s, (SELECT count(*) FROM research_code) AS c,
    (SELECT count(*) FROM research_selection) AS x, (SELECT count(*) FROM research_memo) AS m,
    (SELECT count(*) FROM research_coder) AS u, (SELECT count(*) FROM research_term) AS t`));
  const before = state();
  const list = routes().filter((r) => r.pattern.startsWith('/research/{id}'));
  assert.ok(list.length >= 15, `the project's routes: ${list.length}`);
  for (const who of ['researcher2', 'other_org']) {
    await as[who].get('/research');
    assert.doesNotMatch(main((await as[who].get('/research')).text), new RegExp(`/research/${project}"`), `${who}: not listed`);
    for (const r of list) {
      // /research/{id}/x/{id}: the first id the project, the second of the segment before it
      const path = r.pattern.replace('{id}', String(project)).replace(/\/(\w+)\/\{id\}/, (_, seg) => `/${seg}/${ids[seg]}`);
      const fields = { kind: 'logbook', ref: '1', name: 'x', text: 'x', email: demoEmail('researcher', 'gemeente'),
        term: 'x', replacement: 'y', framework: '1', target: 'project', target_id: String(project), segment: '0-5', code: String(code) };
      const res = r.method === 'GET' ? await as[who].get(path) : await as[who].post(path, fields);
      assert.equal(res.status, 404, `${who}: ${r.method} ${path}`);
    }
  }
  assert.equal(state(), before, 'nothing changed');
});

test('opening a person\'s own text as a source is in the audit log', async () => {
  const entry = await newEntry('Leesbevestiging');
  await consentEntry(entry, true);
  assert.equal((await take('logbook', entry)).status, 303);
  const src = sourcesOf(project, 'logbook').find((x) => x.ref_id === entry);
  const account = one(`SELECT id FROM account WHERE email = '${demoEmail('researcher', 'gemeente')}'`).id;
  const reads = () => one(`SELECT count(*) AS n FROM audit_log WHERE action = 'read.research_source'
    AND object_id = ${src.id} AND actor_id = ${account}`).n;
  const n = reads();
  assert.equal((await as.researcher.get(`/research/${project}/sources/${src.id}`)).status, 200);
  assert.equal(reads(), n + 1, 'the read is logged');
  assert.match(one(`SELECT detail FROM audit_log WHERE action = 'read.research_source' AND object_id = ${src.id}
    ORDER BY id DESC`).detail, new RegExp(`^logbook ${entry}$`));
  await consentEntry(entry, false);
});
