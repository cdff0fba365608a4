// The logbook's privacy rule (SPEC: "A logbook is private to its writer
// unless they share it"; "Every read of a personal text by someone other
// than its writer is logged"), one test per case, through pages: private,
// shared with the facilitator, shared with the group, taken back; who else
// never reads it; and the audit log of the reads.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, demoEmail, cli } from '../lib/server.mjs';

let srv;
const as = {};
let g1, g2;  // the demo participant's group, and another group of the programme

async function account(email, employee) {
  cli(srv.db, ['user', 'add', '--org', 'politie-demo', '--email', email, '--role', 'participant', '--person', employee], 'wachtwoord-lang-genoeg\n');
  const c = new Client(srv.base);
  await c.login(email, 'wachtwoord-lang-genoeg');
  return c;
}

before(async () => {
  srv = await startServer();
  for (const role of ['participant', 'facilitator', 'mentor', 'coach', 'owner', 'administrator']) {
    as[role] = new Client(srv.base);
    await as[role].login(demoEmail(role, 'politie'));
  }
  as.other_org = new Client(srv.base);
  await as.other_org.login(demoEmail('participant', 'gemeente'));
  const progs = (await as.coach.get('/api/v1/programmes')).json().programmes;
  const live = (await as.coach.get(`/api/v1/programmes/${progs.find((p) => p.template === 'live').id}`)).json();
  [g1, g2] = [live.batches[0].groups[0].id, live.batches[0].groups[1].id];
  // a second participant of group 1 and one of group 2, with accounts of their own
  const number = async (g, k) => {
    const p = (await as.coach.get(`/api/v1/groups/${g}`)).json().participants.filter((x) => !x.name.includes('<'))[k];
    return (await as.coach.get(`/api/v1/people/${p.person_id}`)).json().employee_id;
  };
  as.peer = await account('collega@politie.example', await number(g1, 1));
  as.stranger = await account('andere-groep@politie.example', await number(g2, 1));
});
after(async () => { await srv.stop(); });

async function write(text) {
  const p = as.participant;
  await p.get('/logbook');
  const r = await p.post('/logbook', { entry_date: '2026-11-20', energy_gave: text, energy_cost: '', body: '', tags: '' });
  assert.equal(r.status, 303);
  const page = (await p.get('/logbook')).text;
  return Math.max(...[...page.matchAll(/href="\/logbook\/(\d+)"/g)].map((m) => Number(m[1])));
}

const share = (id, shared_with) => as.participant.post(`/logbook/${id}/share`, { shared_with, group_id: String(g1) });
const reads = async (id) => (await as.administrator.get('/audit?limit=200')).text.split('logbook.read').length - 1;
const status = async (who, id) => (await as[who].get(`/logbook/${id}`)).status;

test('a private entry is read by its writer only', async () => {
  const id = await write('Alleen voor mij: <b>geheim</b>');
  const mine = await as.participant.get(`/logbook/${id}`);
  assert.equal(mine.status, 200);
  // Markdown in safe mode: the words stay, the raw HTML never becomes markup
  assert.ok(mine.text.includes('Alleen voor mij: '), 'the text is shown');
  assert.ok(mine.text.includes('geheim') && !mine.text.includes('<b>geheim'), 'raw HTML is not markup');
  for (const who of ['facilitator', 'mentor', 'coach', 'owner', 'administrator', 'peer', 'stranger', 'other_org']) {
    assert.equal(await status(who, id), 404, who);
  }
  assert.doesNotMatch((await as.facilitator.get(`/groups/${g1}`)).text, /Alleen voor mij/);
});

test('shared with the facilitator: the facilitator reads it, nobody else; the read is logged', async () => {
  const id = await write('Voor de begeleider');
  const before = await reads(id);
  assert.equal((await share(id, 'facilitator')).status, 303);
  const f = await as.facilitator.get(`/logbook/${id}`);
  assert.equal(f.status, 200);
  assert.match(f.text, /Voor de begeleider/);
  assert.match((await as.facilitator.get(`/groups/${g1}`)).text, /Voor de begeleider/);
  for (const who of ['mentor', 'coach', 'owner', 'administrator', 'peer', 'stranger', 'other_org']) {
    assert.equal(await status(who, id), 404, who);
  }
  assert.ok(await reads(id) >= before + 2, 'the page and the group page: two reads logged');
  // the writer's own reads are not logged
  const mineBefore = await reads(id);
  await as.participant.get(`/logbook/${id}`);
  assert.equal(await reads(id), mineBefore);
});

test('shared with the group: its participants, mentor and facilitator read it; not another group, not the coach', async () => {
  const id = await write('Voor de hele groep');
  assert.equal((await share(id, 'group')).status, 303);
  for (const who of ['facilitator', 'mentor', 'peer']) assert.equal(await status(who, id), 200, who);
  for (const who of ['coach', 'owner', 'administrator', 'stranger', 'other_org']) assert.equal(await status(who, id), 404, who);
  assert.match((await as.peer.get(`/groups/${g1}`)).text, /Voor de hele groep/);
  assert.doesNotMatch((await as.coach.get(`/groups/${g1}`)).text, /Voor de hele groep/);
});

test('taken back, it is private again', async () => {
  const id = await write('Even gedeeld');
  await share(id, 'group');
  assert.equal(await status('peer', id), 200);
  assert.equal((await share(id, 'private')).status, 303);
  for (const who of ['peer', 'facilitator', 'mentor']) assert.equal(await status(who, id), 404, who);
});

test('only the writer shares or changes an entry; sharing in someone else\'s group is refused', async () => {
  const id = await write('Van mij');
  for (const who of ['facilitator', 'peer', 'coach']) {
    assert.equal((await as[who].post(`/logbook/${id}/share`, { shared_with: 'group', group_id: String(g1) })).status, 404, who);
    assert.equal((await as[who].post(`/logbook/${id}`, { entry_date: '2026-11-20', energy_gave: 'overschreven' })).status, 404, who);
  }
  let r = await as.participant.post(`/logbook/${id}/share`, { shared_with: 'group', group_id: String(g2) });
  assert.equal(r.status, 422);
  r = await as.participant.post(`/logbook/${id}/share`, { shared_with: 'everyone', group_id: String(g1) });
  assert.equal(r.status, 422);
  r = await as.participant.post('/logbook', { entry_date: '2026-02-30', energy_gave: '' });
  assert.equal(r.status, 422, 'a bad date and nothing written');
  assert.match((await as.participant.get(`/logbook/${id}`)).text, /Van mij/);
});
