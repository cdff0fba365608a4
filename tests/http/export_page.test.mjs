// One export page per organisation (issue 16): /exports shows each role
// what it may take out (the administrator the people, the coach all, the
// researcher only the questionnaire data), and every export route leaves
// a line in the audit log with who and what, which the log's filter finds.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, demoEmail, cli } from '../lib/server.mjs';

let srv;
const as = {};

before(async () => {
  srv = await startServer();
  for (const role of ['administrator', 'coach', 'researcher', 'owner', 'participant']) {
    as[role] = new Client(srv.base);
    await as[role].login(demoEmail(role));
  }
});
after(async () => { await srv.stop(); });

test('the export page per role', async () => {
  const admin = (await as.administrator.get('/exports')).text;
  assert.match(admin, /href="\/people\.csv"/);
  assert.doesNotMatch(admin, /export\.csv|story\.pdf|calendar\.ics/);
  const coach = (await as.coach.get('/exports')).text;
  for (const re of [/href="\/people\.csv"/, /href="\/waves\/\d+\/export\.csv"/, /href="\/waves\/\d+\/export\.sav"/,
    /href="\/groups\/\d+\/calendar\.ics"/, /href="\/groups\/\d+\/story\.pdf"/])
    assert.match(coach, re);
  // every file the page offers the coach is there to take: a story only once bundled
  for (const m of coach.matchAll(/href="(\/(?:people\.csv|waves\/\d+\/export\.\w+|groups\/\d+\/(?:calendar\.ics|story\.(?:pdf|md))))"/g)) {
    assert.equal((await as.coach.get(m[1])).status, 200, `${m[1]} is offered and answers`);
  }
  assert.match(coach, /nog niet gebundeld/, 'a group without a bundled story says so');
  const researcher = (await as.researcher.get('/exports')).text;
  assert.match(researcher, /href="\/waves\/\d+\/export\.xlsx"/);
  assert.doesNotMatch(researcher, /people\.csv|story\.pdf|calendar\.ics/);
  assert.equal((await as.owner.get('/exports')).status, 403);
  assert.equal((await as.participant.get('/exports')).status, 403);
});

test('every kind of export leaves a line in the audit log with who and what', async () => {
  const page = (await as.coach.get('/exports')).text;
  const wave = page.match(/href="\/waves\/(\d+)\/export\.csv"/)[1];
  const group = page.match(/href="\/groups\/(\d+)\/calendar\.ics"/)[1];
  const facilitator = new Client(srv.base);
  await facilitator.login(demoEmail('facilitator'));
  const story = (await facilitator.get('/groups')).text;
  const downloads = [
    [as.coach, '/people.csv', 'people.export'],
    [as.coach, `/waves/${wave}/export.csv`, 'wave.export'],
    [as.coach, `/waves/${wave}/links.csv`, 'wave.links'],
    [as.coach, `/groups/${group}/calendar.ics`, 'calendar.export'],
  ];
  for (const [c, path, action] of downloads) {
    const before = (await as.administrator.get(`/audit?action=${action}`)).text.split('<tr').length;
    const r = await c.get(path);
    assert.equal(r.status, 200, path);
    const log = (await as.administrator.get(`/audit?action=${action}`)).text;
    assert.equal(log.split('<tr').length, before + 1, `one line more for ${path}`);
    assert.match(log, /coach@politie\.example/, `who, for ${path}`);
  }
  // the learning story: the facilitator of the group where it is bundled
  const groups = [...story.matchAll(/href="\/groups\/(\d+)"/g)].map((m) => m[1]);
  let got = null;
  for (const g of groups) {
    const r = await facilitator.get(`/groups/${g}/story.md`);
    if (r.status === 200) { got = g; break; }
  }
  assert.ok(got, 'a story to download');
  const log = (await as.administrator.get('/audit?action=learning_story.export')).text;
  assert.match(log, /begeleider@politie\.example/);
  assert.match(log, /Leerverhaal gedownload/);
});

// The command line takes files out too: its exports are in the same log,
// by the command line, with what and how many.
test('the command line\'s exports leave a line in the audit log as the pages\' do', async () => {
  const page = (await as.coach.get('/exports')).text;
  const wave = page.match(/href="\/waves\/(\d+)\/export\.csv"/)[1];
  const count = async (action) => (await as.administrator.get(`/audit?action=${action}`)).text.split('<tr').length;
  const people = await count('people.export');
  const rows = cli(srv.db, ['export', 'people', '--org', 'politie-demo']).trim().split('\n').length - 1;
  assert.equal(await count('people.export'), people + 1, 'export people');
  assert.match((await as.administrator.get('/audit?action=people.export')).text, new RegExp(`csv, ${rows} rows`));
  const links = await count('wave.links');
  cli(srv.db, ['wave', 'links', '--wave', wave]);
  assert.equal(await count('wave.links'), links + 1, 'wave links');
  const stories = await count('learning_story.export');
  const facilitator = new Client(srv.base);
  await facilitator.login(demoEmail('facilitator'));
  const groups = [...(await facilitator.get('/groups')).text.matchAll(/href="\/groups\/(\d+)"/g)].map((m) => m[1]);
  let made = false;
  for (const g of groups) {
    try {
      cli(srv.db, ['story', '--email', demoEmail('facilitator'), '--group', g, '--output', `${srv.dir}/story.md`]);
      made = true;
      break;
    } catch { /* not this group's facilitator, or no story yet */ }
  }
  assert.ok(made, 'a story through the command line');
  assert.equal(await count('learning_story.export'), stories + 1, 'story');
});
