// The calendar feed kept per link (domain/feed_cache.c): fetched again
// unchanged it is the same text (the same DTSTAMP a second later), but a
// moved meeting, a group renamed by another process and a participant who
// stopped show at the very next fetch; a revoked link answers 404 even
// while its text is kept; and each link gets its own text, never another's.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, demoEmail } from '../lib/server.mjs';
import { sqlRows, sqlRun } from '../lib/db.mjs';

let srv;
const as = {};
const anon = () => new Client(srv.base);
const sleep = (ms) => new Promise((res) => setTimeout(res, ms));
const rows = (q) => sqlRows(srv.db, q);
const sql = (q) => sqlRun(srv.db, q);
const dtstamp = (ics) => ics.match(/DTSTAMP:(\d{8}T\d{6}Z)/)[1];
const event = (ics, meeting) => ics.split('BEGIN:VEVENT').find((e) => e.includes(`UID:meeting-${meeting}@leergang`));
const uids = (ics) => [...ics.matchAll(/UID:meeting-(\d+)(?:-day2)?@leergang/g)].map((m) => Number(m[1])).sort();

before(async () => {
  srv = await startServer();
  for (const role of ['coach', 'participant', 'mentor']) {
    as[role] = new Client(srv.base);
    await as[role].login(demoEmail(role, 'politie'));
  }
});
after(async () => { await srv.stop(); });

// A new link of the client's (group 0: all their meetings): its path.
async function link(c, group = 0) {
  const r = await c.post('/calendar', { group: String(group) });
  assert.equal(r.status, 200);
  return r.text.match(/value="https?:\/\/[^/"]+(\/calendar\.ics\?token=[0-9a-f]{64})"/)[1];
}

async function feed(path) {
  const r = await anon().get(path);
  assert.equal(r.status, 200, path);
  return r.text;
}

// The participant's group (the first of the form) and its meetings.
async function participantGroup() {
  const page = (await as.participant.get('/calendar')).text;
  const group = Number(page.match(/<option value="([1-9]\d*)">/)[1]);
  const meetings = rows(`SELECT id FROM meeting WHERE group_id = ${group} ORDER BY id`).map((m) => m.id);
  return { group, meetings };
}

test('a feed fetched again unchanged is the kept text; a moved meeting shows at the next fetch', async () => {
  const path = await link(as.participant);
  const first = await feed(path);
  await sleep(1100);
  const again = await feed(path);
  assert.equal(again, first, 'nothing changed: the same text, made once (same DTSTAMP a second later)');

  const { meetings } = await participantGroup();
  const meeting = meetings[5];
  const seq = Number(event(first, meeting).match(/SEQUENCE:(\d+)/)?.[1] ?? 0);
  const r = await as.coach.post(`/meetings/${meeting}`, { date: '2027-05-11', start: '10:00', end: '12:30', venue: 'Zaal Verzet' });
  assert.equal(r.status, 303);
  const moved = await feed(path);
  const e = event(moved, meeting);
  assert.match(e, /DTSTART;TZID=Europe\/Amsterdam:20270511T100000/);
  assert.match(e, /LOCATION:Zaal Verzet/);
  assert.equal(Number(e.match(/SEQUENCE:(\d+)/)[1]), seq + 1);
  assert.notEqual(dtstamp(moved), dtstamp(first), 'made anew');
});

test('a change made by another process (the group renamed in the database) shows at the next fetch', async () => {
  const { group } = await participantGroup();
  const path = await link(as.participant, group);
  const before = await feed(path);
  assert.match(before, /X-WR-CALNAME:leergang: /);
  sql(`UPDATE learning_group SET name = 'Hernoemde groep' WHERE id = ${group}`);
  const after = await feed(path);
  assert.match(after, /X-WR-CALNAME:leergang: Hernoemde groep/);
  assert.match(after, /SUMMARY:Hernoemde groep: /);
});

test('a revoked link answers 404 although its text is kept', async () => {
  const path = await link(as.participant);
  await feed(path);
  await feed(path);
  const id = Math.max(...[...(await as.participant.get('/calendar')).text.matchAll(/action="\/calendar\/(\d+)\/revoke"/g)]
    .map((m) => Number(m[1])));
  const r = await as.participant.post(`/calendar/${id}/revoke`, { confirm: '1' });
  assert.equal(r.status, 303);
  const gone = await anon().get(path);
  assert.equal(gone.status, 404);
  assert.doesNotMatch(gone.text, /BEGIN:VCALENDAR/);
  // revoked behind the server's back (another process): 404 as well
  const other = await link(as.participant);
  await feed(other);
  sql('UPDATE calendar_feed SET revoked_at = 1 WHERE revoked_at IS NULL');
  assert.equal((await anon().get(other)).status, 404);
});

test('each link gets its own text, fetched in turns', async () => {
  const { group, meetings } = await participantGroup();
  const mine = await link(as.participant, group);
  const all = await link(as.participant, 0);
  const mentor = await link(as.mentor, 0);
  const mentorGroups = rows(`SELECT g.id FROM learning_group g JOIN account a ON a.person_id = g.mentor_id
    WHERE a.email = '${demoEmail('mentor', 'politie')}'`).map((g) => g.id);
  const mentorMeetings = rows(`SELECT id FROM meeting WHERE group_id IN (${mentorGroups.join(',') || 0})`).map((m) => m.id).sort();
  for (let round = 0; round < 3; round++) {
    const a = await feed(mine), b = await feed(mentor), c = await feed(all);
    assert.deepEqual(uids(a).filter((v, i, s) => s.indexOf(v) === i), [...meetings].sort(), 'the group link: that group only');
    assert.match(a, /X-WR-CALNAME:leergang: (?!my meetings|mijn bijeenkomsten)/);
    assert.deepEqual(uids(b).filter((v, i, s) => s.indexOf(v) === i), mentorMeetings, "the mentor's link: the mentor's groups");
    assert.match(c, /X-WR-CALNAME:leergang: (my meetings|mijn bijeenkomsten)/);
    for (const m of meetings) assert.ok(uids(c).includes(m), 'the participant sees their group in the link for all');
  }
});

test('a participant who stopped no longer gets the group in the feed, at the next fetch', async () => {
  const { group, meetings } = await participantGroup();
  const path = await link(as.participant, 0);
  const one = await link(as.participant, group);
  assert.ok(uids(await feed(path)).includes(meetings[0]));
  assert.ok(uids(await feed(one)).includes(meetings[0]));
  sql(`UPDATE enrolment SET status = 'stopped' WHERE group_id = ${group} AND person_id =
    (SELECT person_id FROM account WHERE email = '${demoEmail('participant', 'politie')}')`);
  const after = await feed(path);
  assert.ok(!uids(after).some((m) => meetings.includes(m)), 'none of the group\'s meetings');
  // the link of that one group: an empty calendar, no longer the group's
  const empty = await feed(one);
  assert.equal(uids(empty).length, 0);
  assert.match(empty, /X-WR-CALNAME:leergang\r\n/);
});
