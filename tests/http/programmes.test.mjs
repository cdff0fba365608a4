// Programmes, groups and meetings through the pages of a real server: the
// coordinator's journey with the LiVe! template, the rules of the menu
// card as users meet them, and who sees what of a group (a mentor of group
// A not group B, a participant their own group only, an owner names and
// status only).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, demoEmail, cli, cliResult } from '../lib/server.mjs';
import { sqlRows } from '../lib/db.mjs';

let srv;
const as = {};
const first = (text, re) => { const m = text.match(re); assert.ok(m, `found ${re}`); return Number(m[1]); };
const all = (text, re) => [...text.matchAll(new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g'))]
  .map((m) => Number(m[1]));

before(async () => {
  srv = await startServer();
  for (const role of ['coach', 'owner', 'facilitator', 'mentor', 'participant']) {
    as[role] = new Client(srv.base);
    await as[role].login(demoEmail(role, 'politie'));
  }
});
after(async () => { await srv.stop(); });

// The demo's LiVe! programme and its groups, as the coach sees them.
async function demoGroups() {
  const list = (await as.coach.get('/programmes')).text;
  const prog = first(list, /href="\/programmes\/(\d+)">LiVe!/);
  const page = (await as.coach.get(`/programmes/${prog}`)).text;
  return { prog, groups: all(page, /href="\/groups\/(\d+)"/) };
}

test('the coordinator makes a LiVe! programme, a batch, a group of 12 with mentor and facilitator, and meetings 1-5', async () => {
  const c = as.coach;
  await c.get('/programmes');
  let r = await c.post('/programmes', { template: 'live', name: 'LiVe! proef' });
  assert.equal(r.status, 303);
  const prog = Number(r.headers.get('location').match(/\/programmes\/(\d+)/)[1]);
  let page = (await c.get(`/programmes/${prog}`)).text;
  assert.match(page, /Oordeelsvorming|oordeel/i, 'the five themes of the template are copied');
  assert.equal(all(page.split('id="meetings"')[1], /<tr><td>(\d+)<\/td><td>/g).length, 10, 'meetings 1-10');
  assert.ok(page.includes('name="batch_name" type="text" value="Lichting 1"') || /name="batch_name"[^>]*value="Lichting 1"/.test(page),
    'the batch is named when it is made: "Lichting 1" proposed');
  r = await c.post(`/programmes/${prog}/batches`, {});
  assert.equal(r.status, 303);
  page = (await c.get(`/programmes/${prog}`)).text;
  const batch = first(page, /action="\/batches\/(\d+)\/groups"/);
  assert.match(page, /value="Lichting 2"/, 'the next one proposed');
  r = await c.post(`/programmes/${prog}/batches`, { batch_name: 'Voorjaar 2027' });
  assert.equal(r.status, 303);
  assert.match((await c.get(`/programmes/${prog}`)).text, /Voorjaar 2027/);
  r = await c.post(`/batches/${batch}/groups`, { name: 'Groep <b>Proef</b>' });
  assert.equal(r.status, 303);
  const group = Number(r.headers.get('location').match(/\/groups\/(\d+)/)[1]);
  page = (await c.get(`/groups/${group}`)).text;
  assert.ok(page.includes('Groep &lt;b&gt;Proef&lt;/b&gt;'), 'the name is escaped');

  // enrol 12 people who are in no other LiVe! group: the options of the enrol list
  const options = all(page.split('id="f-people"')[1].split('</select>')[0], /<option value="(\d+)"/g);
  const people = options.slice(0, 14);
  r = await c.post(`/groups/${group}/staff`, { mentor_id: people[12], facilitator_id: people[13], pair_status: 'proposed' });
  assert.equal(r.status, 303);
  r = await c.post(`/groups/${group}/enrolments`, [...people.slice(0, 12).map((p) => ['people', String(p)]), ['registered_on', '2027-01-04']]);
  assert.equal(r.status, 303);
  page = (await c.get(`/groups/${group}`)).text;
  assert.doesNotMatch(page, /class="warn"/, '12 is within the bounds: no size warning');

  // a person of another group of this programme is refused by name
  const { groups } = await demoGroups();
  const other = (await c.get(`/groups/${groups[0]}`)).text;
  const taken = first(other, /name="enrolment" value="(\d+)"/);
  assert.ok(taken > 0);

  // the status of many at once: tick, choose, save; all or none
  const places = all(page, /name="enrolment" value="(\d+)"/g);
  assert.equal(places.length, 12, 'a box per participant');
  assert.match(page, /form="bulk-status" name="enrolment"/, 'the boxes belong to the form below the table');
  r = await c.post(`/groups/${group}/statuses`, { status: 'active' });
  assert.equal(r.status, 422);
  assert.match(r.text, /Vink de deelnemers aan/);
  r = await c.post(`/groups/${group}/statuses`, [['enrolment', String(places[0])], ['enrolment', String(taken)], ['status', 'active']]);
  assert.equal(r.status, 422, "a place of another group is refused");
  assert.match(r.text, /alleen deelnemers van deze groep/);
  r = await c.post(`/groups/${group}/statuses`, [['enrolment', 'x'], ['status', 'active']]);
  assert.equal(r.status, 422);
  r = await c.post(`/groups/${group}/statuses`, [...places.slice(0, 3).map((p) => ['enrolment', String(p)]), ['status', 'completed'],
    ['date', '2027-06-01']]);
  assert.equal(r.status, 422, 'registered cannot become completed');
  assert.match(r.text, /kan niet afgerond worden|cannot become/);
  page = (await c.get(`/groups/${group}`)).text;
  assert.equal((page.match(/<td>actief<\/td>/g) || []).length, 0, 'nothing changed');
  r = await c.post(`/groups/${group}/statuses`, [...places.slice(0, 3).map((p) => ['enrolment', String(p)]), ['status', 'active']]);
  assert.equal(r.status, 303);
  page = (await c.get(r.headers.get('location'))).text;
  assert.match(page, /De statussen zijn gewijzigd/);
  assert.equal((page.match(/<td>actief<\/td>/g) || []).length, 3, 'three active, nine still registered');
  // another organisation's coach cannot touch them: the group is not theirs to see
  const stranger = new Client(srv.base);
  await stranger.login(demoEmail('coach', 'gemeente'));
  r = await stranger.post(`/groups/${group}/statuses`, [['enrolment', String(places[3])], ['status', 'active']]);
  assert.equal(r.status, 404);
  assert.equal((await c.get(`/groups/${group}`)).text.match(/<td>actief<\/td>/g).length, 3);

  for (let n = 1; n <= 5; n++) {
    r = await c.post(`/groups/${group}/meetings`, { number: String(n), date: `2027-02-${String(n * 2).padStart(2, '0')}`, start: '09:00', end: '17:00', venue: 'Leergebouw' });
    assert.equal(r.status, 303, `meeting ${n}`);
  }
  page = (await c.get(`/groups/${group}`)).text;
  assert.match(page, /2 februari 2027 – 3 februari 2027/, 'meeting 1 lasts two days');
  // bad input: a date that does not exist, an end before the start
  r = await c.post(`/groups/${group}/meetings`, { number: '6', date: '2027-02-30', start: '17:00', end: '09:00', venue: '' });
  assert.equal(r.status, 422);
  assert.match(r.text, /JJJJ-MM-DD|YYYY-MM-DD/);
  assert.match(r.text, /eindigen na|end after/);
  assert.ok(r.text.includes('value="2027-02-30"'), 'the input is shown again');

  // meetings 6-10 in one form, every two weeks: all or none
  const series = (repeat, every) => c.post(`/groups/${group}/meetings`, { number: '6', date: '2027-03-01', start: '13:00',
    end: '17:00', venue: 'Leergebouw', repeat, every });
  r = await series('0', '14');
  assert.equal(r.status, 422);
  assert.match(r.text, /aantal bijeenkomsten om te plannen, van 1 tot en met 100/);
  r = await series('6', '14');  // a meeting 11 the programme does not have: none is planned
  assert.equal(r.status, 422);
  page = (await c.get(`/groups/${group}`)).text;
  assert.doesNotMatch(page, /1 maart 2027/);
  r = await series('5', '14');
  assert.equal(r.status, 303);
  page = (await c.get(`/groups/${group}`)).text;
  for (const day of ['1 maart 2027', '15 maart 2027', '29 maart 2027', '12 april 2027', '26 april 2027'])
    assert.match(page, new RegExp(day), `a meeting on ${day}`);
  assert.match(page, /Alle bijeenkomsten van het programma zijn voor deze groep gepland/);
});

test('menu card: three from the card and two free choices; a third free choice names the rule', async () => {
  const c = as.coach;
  const { groups } = await demoGroups();
  // Leergroep 3 (lichting 2) has made no choices yet
  const group = groups[2];
  let page = (await c.get(`/groups/${group}`)).text;
  const meetings = all(page, /href="\/meetings\/(\d+)"/g);
  assert.equal(meetings.length, 10);
  const mp = (await c.get(`/meetings/${meetings[5]}`)).text;
  const picks = [...mp.matchAll(/<option value="(o:\d+)"/g)].map((m) => m[1]);
  const preparers = all(mp, /name="preparers" value="(\d+)"/g);
  assert.ok(picks.length >= 3 && preparers.length >= 4);
  const choose = (m, fields) => c.post(`/meetings/${m}/choice`, [
    ...Object.entries(fields), ['preparers', String(preparers[0])], ['preparers', String(preparers[1])]]);
  // no justification: refused
  let r = await choose(meetings[5], { pick: picks[0], justification: '' });
  assert.equal(r.status, 422);
  assert.match(r.text, /leervraag|learning need/);
  // one preparer: refused with the count
  r = await c.post(`/meetings/${meetings[5]}/choice`, [['pick', picks[0]], ['justification', 'x'], ['preparers', String(preparers[0])]]);
  assert.equal(r.status, 422);
  assert.match(r.text, /Kies 2 deelnemers|Choose 2 participants/);
  assert.match(r.text, /u koos er 1|you chose 1/);
  for (let k = 0; k < 3; k++) {
    r = await choose(meetings[5 + k], { pick: picks[k], justification: 'Uit de leervragen van de groep.' });
    assert.equal(r.status, 303, `menu choice ${k + 1}`);
  }
  for (let k = 3; k < 5; k++) {
    r = await choose(meetings[5 + k], { pick: 'free', free_topic: `Vrije keuze ${k}`, justification: 'Past bij de leervraag.' });
    assert.equal(r.status, 303, `free choice ${k - 2}`);
  }
  // a third free choice, instead of a card choice: refused, the rule and the count named, nothing changed
  r = await choose(meetings[5], { pick: 'free', free_topic: 'Nog een', justification: 'Waarom niet.' });
  assert.equal(r.status, 422);
  assert.match(r.text, /hoogstens 2 vrije keuzes.*al 2 gemaakt|at most 2 free choices.*2 already/s);
  page = (await c.get(`/meetings/${meetings[5]}`)).text;
  assert.doesNotMatch(page, /Nog een/);
  // the choice is the meeting's title, not "Keuze uit de menukaart"
  assert.doesNotMatch(page.match(/<h1>(.*?)<\/h1>/)[1], /Keuze uit de menukaart/);
  page = (await c.get(`/meetings/${meetings[8]}`)).text;
  assert.match(page.match(/<h1>(.*?)<\/h1>/)[1], /: Vrije keuze 3$/);
});

test('the facilitator records attendance; the participant sees only their own', async () => {
  const { groups } = await demoGroups();
  const f = as.facilitator;
  let page = (await f.get(`/groups/${groups[0]}`)).text;
  const meeting = first(page, /href="\/meetings\/(\d+)"/);
  const mp = (await f.get(`/meetings/${meeting}`)).text;
  const names = all(mp, /name="p(\d+)" value="present"/g);
  assert.ok(names.length >= 10);
  const fields = Object.fromEntries(names.map((p, i) => [`p${p}`, i === 0 ? 'excused' : 'present']));
  let r = await f.post(`/meetings/${meeting}/attendance`, fields);
  assert.equal(r.status, 303);
  page = (await f.get(`/meetings/${meeting}`)).text;
  assert.ok(page.includes(`id="a-${names[0]}-2" name="p${names[0]}" value="excused" checked`));
  // bad status: refused, nothing kept
  r = await f.post(`/meetings/${meeting}/attendance`, { [`p${names[1]}`]: 'gespijbeld' });
  assert.equal(r.status, 422);
  page = (await f.get(`/meetings/${meeting}`)).text;
  assert.ok(page.includes(`name="p${names[1]}" value="present" checked`));

  // the participant: own row of attendance only, no forms
  const p = as.participant;
  page = (await p.get(`/groups/${groups[0]}`)).text;
  const rows = page.split('id="attendance"')[1].split('</table>')[0].match(/<th scope="row">/g) || [];
  assert.equal(rows.length, 1, 'one attendance row: their own');
  assert.doesNotMatch(page, /action="\/groups\/\d+\/meetings"/);
  r = await p.post(`/meetings/${meeting}/attendance`, fields);
  assert.equal(r.status, 403);
});

test('attendance of a meeting without any: everyone set to present, then the exceptions', async () => {
  const { groups } = await demoGroups();
  const f = as.facilitator;
  const page = (await f.get(`/groups/${groups[0]}`)).text;
  const meetings = all(page, /href="\/meetings\/(\d+)"/g);
  const last = meetings[meetings.length - 1];  // meeting 10, still to come: nothing recorded
  let mp = (await f.get(`/meetings/${last}`)).text;
  const people = all(mp, /name="p(\d+)" value="present"/g);
  assert.ok(people.length >= 10);
  assert.equal(all(mp, /name="p(\d+)" value="present" checked/g).length, people.length, 'everyone present');
  assert.match(mp, /Iedereen staat op aanwezig: geef alleen aan wie afgemeld of afwezig was/);
  // saved as it stands but for one exception
  const fields = Object.fromEntries(people.map((p, i) => [`p${p}`, i === 1 ? 'absent' : 'present']));
  assert.equal((await f.post(`/meetings/${last}/attendance`, fields)).status, 303);
  mp = (await f.get(`/meetings/${last}`)).text;
  assert.ok(mp.includes(`name="p${people[1]}" value="absent" checked`));
  assert.doesNotMatch(mp, /Iedereen staat op aanwezig/, 'once recorded, what was recorded is shown');
});

test('a mentor of group A cannot see group B; a participant sees their own group only', async () => {
  const { groups } = await demoGroups();
  for (const role of ['mentor', 'participant', 'facilitator']) {
    const c = as[role];
    assert.equal((await c.get(`/groups/${groups[0]}`)).status, 200, `${role} sees their group`);
    const mine = (await c.get('/groups')).text;
    // of this programme's groups (the demo also has last year's group of the same people)
    assert.deepEqual(all(mine, /href="\/groups\/(\d+)"/g).filter((g) => groups.includes(g)), [groups[0]],
      `${role}: my groups is group A only`);
    for (const g of groups.slice(1)) {
      assert.equal((await c.get(`/groups/${g}`)).status, 404, `${role} group ${g}`);
      assert.equal((await c.get(`/groups/${g}/calendar.ics`)).status, 404, `${role} calendar of group ${g}`);
    }
  }
  // the meetings of group B too, and changing them
  const b = (await as.coach.get(`/groups/${groups[1]}`)).text;
  const mb = first(b, /href="\/meetings\/(\d+)"/);
  for (const role of ['mentor', 'participant', 'facilitator']) {
    assert.equal((await as[role].get(`/meetings/${mb}`)).status, 404, `${role} meeting of group B`);
  }
  const r = await as.facilitator.post(`/meetings/${mb}/attendance`, {});
  assert.equal(r.status, 404, 'the facilitator of A cannot record attendance in B');
});

test('an owner sees counts, names and status, not attendance or reasons', async () => {
  const { prog, groups } = await demoGroups();
  const o = as.owner;
  const page = (await o.get(`/programmes/${prog}`)).text;
  assert.match(page, /<td>45<\/td>|<td>44<\/td>/, 'the counts');
  assert.doesNotMatch(page, /<form method="post" action="\/(programmes|batches)/, 'no forms to change it');
  // group 2 has the participant who stopped
  const g = (await o.get(`/groups/${groups[1]}`)).text;
  assert.match(g, /gestopt|stopped/);
  assert.doesNotMatch(g, /Overgeplaatst/, 'not the reason');
  assert.doesNotMatch(g, /id="attendance"/, 'no attendance');
  const coachView = (await as.coach.get(`/groups/${groups[1]}`)).text;
  assert.match(coachView, /Overgeplaatst/, 'the coach sees the reason');
  const meeting = first(g, /href="\/meetings\/(\d+)"/);
  const m = (await o.get(`/meetings/${meeting}`)).text;
  assert.doesNotMatch(m, /id="attendance"|name="p\d+"/, 'no attendance on the meeting page');
  assert.equal((await o.post(`/meetings/${meeting}/attendance`, {})).status, 403);
});

test('calendar: a participant subscribes; the link works without logging in until revoked', async () => {
  const p = as.participant;
  let r = await p.post('/calendar', { group: '0' });
  assert.equal(r.status, 200);
  const url = r.text.match(/value="(http[^"]+calendar\.ics\?token=[0-9a-f]{64})"/)[1];
  const path = url.replace(/^https?:\/\/[^/]+/, '');
  const anon = new Client(srv.base);
  r = await anon.get(path);
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /text\/calendar/);
  assert.match(r.text, /^BEGIN:VCALENDAR\r\n/);
  assert.match(r.text, /BEGIN:VTIMEZONE\r\nTZID:Europe\/Amsterdam/);
  assert.ok((r.text.match(/BEGIN:VEVENT/g) || []).length >= 10);
  assert.match(r.text, /UID:meeting-\d+@leergang/);
  const id = Math.max(...all((await p.get('/calendar')).text, /action="\/calendar\/(\d+)\/revoke"/g));
  r = await p.post(`/calendar/${id}/revoke`, { confirm: '1' });
  assert.equal(r.status, 303);
  assert.equal((await anon.get(path)).status, 404);
  assert.equal((await anon.get('/calendar.ics?token=nonsense')).status, 404);
});

test('a moved meeting keeps its UID with a higher SEQUENCE; a cancelled one is sent as cancelled', async () => {
  const { groups } = await demoGroups();
  const c = as.coach;
  const page = (await c.get(`/groups/${groups[3]}`)).text;
  const meeting = all(page, /href="\/meetings\/(\d+)"/g)[4];
  const ics = async () => (await c.get(`/groups/${groups[3]}/calendar.ics`)).text;
  const event = (text) => text.split('BEGIN:VEVENT').find((e) => e.includes(`UID:meeting-${meeting}@leergang`));
  const before = event(await ics());
  const seq = Number(before.match(/SEQUENCE:(\d+)/)?.[1] ?? 0);
  let r = await c.post(`/meetings/${meeting}`, { date: '2027-03-15', start: '10:00', end: '12:30', venue: 'Zaal 4' });
  assert.equal(r.status, 303);
  const moved = event(await ics());
  assert.equal(Number(moved.match(/SEQUENCE:(\d+)/)[1]), seq + 1);
  assert.match(moved, /DTSTART;TZID=Europe\/Amsterdam:20270315T100000/);
  assert.match(moved, /LOCATION:Zaal 4/);
  r = await c.post(`/meetings/${meeting}`, { date: '2027-03-15', start: '10:00', end: '12:30', venue: 'Zaal 4', cancelled: '1' });
  assert.equal(r.status, 303);
  const cancelled = event(await ics());
  assert.match(cancelled, /STATUS:CANCELLED/);
  assert.equal(Number(cancelled.match(/SEQUENCE:(\d+)/)[1]), seq + 2);
});

test('the same through the API with a bearer token, and the session needs its CSRF header', async () => {
  const token = cli(srv.db, ['token', 'create', '--email', demoEmail('coach', 'politie')]).trim();
  const api = new Client(srv.base);
  api.headers.authorization = `Bearer ${token}`;
  const post = (path, body) => api.request('POST', path, { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  let r = await post('/api/v1/programmes', { template: 'amsterdam', name: 'Modules via API' });
  assert.equal(r.status, 201);
  const prog = r.json().id;
  r = await api.get(`/api/v1/programmes/${prog}`);
  assert.equal(r.json().shape, 'modules');
  assert.equal(r.json().meetings.filter((m) => m.step === 'kickoff').length, r.json().meetings.length / 7);
  r = await post(`/api/v1/programmes/${prog}/batches`, {});
  const batch = r.json().id;
  r = await post(`/api/v1/batches/${batch}/groups`, { name: 'API-groep' });
  assert.equal(r.status, 201);
  const group = r.json().id;
  const people = (await api.get('/api/v1/people?limit=200')).json().people;
  // bad input: no people, then a person of another organisation: 422 and nothing changed
  r = await post(`/api/v1/groups/${group}/enrolments`, { people: [] });
  assert.equal(r.status, 422);
  assert.equal(typeof r.json().error.message, 'string');
  r = await post(`/api/v1/groups/${group}/enrolments`, { people: [999999] });
  assert.equal(r.status, 422);
  r = await post(`/api/v1/groups/${group}/enrolments`, { people: people.slice(-10).map((p) => p.id), date: '2027-01-04' });
  assert.equal(r.status, 200);
  r = await post(`/api/v1/groups/${group}/meetings`, { number: 1, date: '2027-01-18', start: '13:30', end: '16:30', venue: 'Stadhuis' });
  assert.equal(r.status, 201);
  const meeting = r.json().id;
  r = await post(`/api/v1/meetings/${meeting}/attendance`, { person_id: people.at(-1).id, status: 'present' });
  assert.equal(r.status, 200);
  r = await post(`/api/v1/meetings/${meeting}/attendance`, { person_id: people[0].id, status: 'present' });
  assert.equal(r.status, 422, 'only participants of the group');
  assert.equal(r.json().error.field, 'person_id', 'the problem names the field as the request did');
  r = await api.get(`/api/v1/groups/${group}`);
  assert.equal(r.json().participants.length, 10);
  assert.equal(r.json().meetings[0].starts_on, '2027-01-18');
  r = await post('/api/v1/programmes', 'not json');
  assert.equal(r.status, 400);

  // with the session cookie: without the header refused, with it accepted
  const c = as.coach;
  r = await c.request('POST', '/api/v1/programmes', { body: '{"template":"live","name":"x"}', headers: { 'content-type': 'application/json', 'x-csrf-token': '' } });
  assert.equal(r.status, 403);
  r = await c.request('POST', `/api/v1/programmes/${prog}/batches`, { body: '{}', headers: { 'content-type': 'application/json' } });
  assert.equal(r.status, 201);
});

test('the command line: programme, batch, group, enrol, meeting, attendance, calendar', () => {
  const run = (...args) => cli(srv.db, args).trim();
  const prog = run('programme', 'add', '--org', 'gemeente-demo', '--template', 'live', '--name', 'LiVe! gemeente');
  const batch = run('batch', 'add', '--org', 'gemeente-demo', '--programme', prog);
  const people = JSON.parse(run('export', 'people', '--org', 'gemeente-demo', '--format', 'json'));
  const nums = people.slice(-14).map((p) => p.employee_id);
  const group = run('group', 'add', '--org', 'gemeente-demo', '--batch', batch, '--name', 'CLI-groep', '--mentor', nums[12], '--facilitator', nums[13]);
  assert.match(run('enrol', '--org', 'gemeente-demo', '--group', group, '--date', '2027-01-04', ...nums.slice(0, 12)), /12 enrolled/);
  const meeting = run('meeting', 'plan', '--org', 'gemeente-demo', '--group', group, '--number', '1', '--date', '2027-07-15', '--start', '09:00', '--end', '17:00');
  run('attendance', '--org', 'gemeente-demo', '--meeting', meeting, '--employee', nums[0], '--status', 'excused');
  const list = JSON.parse(run('programme', 'list', '--org', 'gemeente-demo', '--format', 'json'));
  assert.equal(list.find((p) => p.name === 'LiVe! gemeente').registered, 12);
  // bad input: a clear message, exit status not 0
  const bad = cliResult(srv.db, ['meeting', 'plan', '--org', 'gemeente-demo', '--group', group, '--number', '2', '--date', '2027-02-30', '--start', '09:00', '--end', '17:00']);
  assert.notEqual(bad.status, 0);
  assert.match(bad.stderr, /YYYY-MM-DD/);
  assert.notEqual(cliResult(srv.db, ['group', 'add', '--org', 'politie-demo', '--batch', batch, '--name', 'x']).status, 0, 'another organisation\'s batch');
  // the participant demo account of the municipality: their feed
  const ics = run('calendar', '--email', demoEmail('participant', 'gemeente'));
  assert.match(ics, /^BEGIN:VCALENDAR/);
  assert.match(ics, /BEGIN:VEVENT/);
});

test('facilitators are ranked against the weighted competency profile', async () => {
  const { prog } = await demoGroups();
  const c = as.coach;
  let page = (await c.get(`/programmes/${prog}/selection`)).text;
  // the demo profile has four criteria and the four external facilitators, all scored
  assert.equal((page.match(/<th scope="row">/g) || []).length, 4);
  const ranks = [...page.matchAll(/<tr><td>(\d+)<\/td><th scope="row">/g)].map((m) => Number(m[1]));
  assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b), 'best first');
  let r = await c.post(`/programmes/${prog}/selection/criteria`, { role: 'facilitator', criterion: 'Humor', weight: '11' });
  assert.equal(r.status, 422);
  assert.match(r.text, /1 tot (en met )?10|1 to 10/);
  r = await c.post(`/programmes/${prog}/selection/criteria`, { role: 'facilitator', criterion: 'Humor', weight: '10' });
  assert.equal(r.status, 303);
  page = (await c.get(`/programmes/${prog}/selection`)).text;
  // score one candidate on the new criterion: "5 of 5 scored"
  const fields = {};
  for (const m of page.matchAll(/<select id="(s-\d+-\d+)" name="\1">(?:<option value="">—<\/option>)((?:<option(?: selected)?>\d<\/option>)+)/g)) {
    const sel = m[2].match(/<option selected>(\d)<\/option>/);
    fields[m[1]] = sel ? sel[1] : '';
  }
  assert.ok(Object.keys(fields).length >= 20, 'a score field per candidate and criterion');
  const empty = Object.keys(fields).find((k) => fields[k] === '');
  fields[empty] = '9';
  r = await c.post(`/programmes/${prog}/selection/scores`, { role: 'facilitator', ...fields });
  assert.equal(r.status, 422, 'a score of 9 is refused');
  fields[empty] = '5';
  r = await c.post(`/programmes/${prog}/selection/scores`, { role: 'facilitator', ...fields });
  assert.equal(r.status, 303);
  page = (await c.get(`/programmes/${prog}/selection`)).text;
  assert.match(page, /5 van 5 gescoord|5 of 5 scored/);
  // the owner reads the ranking, without forms
  const o = (await as.owner.get(`/programmes/${prog}/selection`)).text;
  assert.doesNotMatch(o, /<select id="s-/);
  assert.equal((await as.owner.post(`/programmes/${prog}/selection/scores`, fields)).status, 403);
});

test('the coach edits the design: a meeting, its script with framework tags, the menu card', async () => {
  const c = as.coach;
  await c.get('/programmes');
  let r = await c.post('/programmes', { template: 'live', name: 'LiVe! ontwerp' });
  const prog = Number(r.headers.get('location').match(/\/programmes\/(\d+)/)[1]);
  let page = (await c.get(`/programmes/${prog}`)).text;
  const designs = all(page, /href="\/programmes\/\d+\/design\/(\d+)"/g);
  assert.equal(designs.length, 10);
  const m3 = designs[2];
  r = await c.post(`/programmes/${prog}/design/${m3}`, { theme: 'Macht en <invloed>', description: 'Eigen tekst', days: '2' });
  assert.equal(r.status, 303);
  page = (await c.get(`/programmes/${prog}/design/${m3}`)).text;
  assert.ok(page.includes('value="Macht en &lt;invloed&gt;"'));
  assert.match(page, /id="f-days2" name="days" value="2" checked/);
  // a part: bad minutes and an unknown tag refused with the messages, nothing added
  const parts = (page.match(/class="part"/g) || []).length;
  r = await c.post(`/programmes/${prog}/design/${m3}/parts`, { part_id: '0', title: 'Casus', minutes: 'veel', tags: 'C1, Z9' });
  assert.equal(r.status, 422);
  assert.match(r.text, /minuten|minutes/);
  assert.match(r.text, /&quot;Z9&quot;/);
  r = await c.post(`/programmes/${prog}/design/${m3}/parts`, { part_id: '0', title: 'Casus', minutes: '45', tags: 'C1, A1.B2' });
  assert.equal(r.status, 303);
  page = (await c.get(`/programmes/${prog}/design/${m3}`)).text;
  assert.equal((page.match(/class="part"/g) || []).length, parts + 1);
  assert.ok(page.includes('value="A1.B2,C1"'), 'the tags, as codes');
  // a meeting a group planned cannot be removed; a new one can
  const { groups } = await demoGroups();
  const demoList = (await c.get('/programmes')).text;
  const demoProg = first(demoList, /href="\/programmes\/(\d+)">LiVe! Westerschelde/);
  const demoPage = (await c.get(`/programmes/${demoProg}`)).text;
  const planned = first(demoPage, /href="\/programmes\/\d+\/design\/(\d+)"/);
  r = await c.post(`/programmes/${demoProg}/design/${planned}`, { action: 'delete', confirm: '1' });
  assert.equal(r.status, 422);
  assert.match(r.text, /ingepland|planned this meeting/);
  r = await c.post(`/programmes/${prog}/design`, { theme: 'Terugkomdag' });
  assert.equal(r.status, 303);
  const added = Number(r.headers.get('location').match(/design\/(\d+)/)[1]);
  r = await c.post(`/programmes/${prog}/design/${added}`, { action: 'delete', confirm: '1' });
  assert.equal(r.status, 303);
  // the menu card: a new topic with an option; an option a group chose stays
  r = await c.post(`/programmes/${prog}/menu/topics`, { topic_name: 'Eigen onderwerp' });
  assert.equal(r.status, 303);
  let menu = (await c.get(`/programmes/${prog}/menu`)).text;
  const topic = Math.max(...all(menu, /action="\/programmes\/\d+\/menu\/topics\/(\d+)"/g));
  r = await c.post(`/programmes/${prog}/menu/options`, { topic_id: String(topic), option_name: '' });
  assert.equal(r.status, 422);
  r = await c.post(`/programmes/${prog}/menu/options`, { topic_id: String(topic), option_name: 'Met een gastspreker' });
  assert.equal(r.status, 303);
  menu = (await c.get(`/programmes/${prog}/menu`)).text;
  assert.match(menu, /value="Met een gastspreker"/);
  const g1 = (await c.get(`/groups/${groups[0]}`)).text;
  const chosenMeeting = all(g1, /href="\/meetings\/(\d+)"/g)[5];
  const mp = (await c.get(`/meetings/${chosenMeeting}`)).text;
  const chosenOption = mp.match(/<option value="o:(\d+)" selected>/);
  if (chosenOption) {
    r = await c.post(`/programmes/${demoProg}/menu/options/${chosenOption[1]}`, { action: 'delete', confirm: '1' });
    assert.equal(r.status, 422);
  } else {
    const chosenTopic = first(mp, /<option value="t:(\d+)" selected>/);
    r = await c.post(`/programmes/${demoProg}/menu/topics/${chosenTopic}`, { action: 'delete', confirm: '1' });
    assert.equal(r.status, 422);
  }
  assert.match(r.text, /gekozen|has chosen/);
  // the owner cannot open the editor
  assert.equal((await as.owner.get(`/programmes/${prog}/design/${m3}`)).status, 403);
});

test('frameworks: the coach renames an element and adds one of the organisation', async () => {
  const c = as.coach;
  const list = (await c.get('/frameworks')).text;
  const names = [...list.matchAll(/<a href="\/frameworks\/\d+">([^<]+)<\/a>/g)].map((m) => m[1]);
  assert.ok(names.length >= 6, 'the built-in frameworks are there: ' + names.join(', '));
  const vlow = first(list, /href="\/frameworks\/(\d+)">VLOW/);
  let page = (await c.get(`/frameworks/${vlow}`)).text;
  assert.match(page, /seed 000, r\. \d+/, 'the source of each element is shown');
  const el = first(page, /href="\/frameworks\/\d+\/elements\/(\d+)"/);
  let r = await c.post(`/frameworks/${vlow}/elements/${el}`, { name: '', kind: 'competence', description: '' });
  assert.equal(r.status, 422);
  r = await c.post(`/frameworks/${vlow}/elements/${el}`, { name: 'Vragen stellen (eigen woorden)', kind: 'competence', description: 'Aangepast' });
  assert.equal(r.status, 303);
  r = await c.post(`/frameworks/${vlow}/elements`, { code: 'C 5', name: 'Nieuw', kind: 'competence', parent: '0' });
  assert.equal(r.status, 422, 'a code with a space');
  r = await c.post(`/frameworks/${vlow}/elements`, { code: 'C5', name: 'Samenwerken', kind: 'competence', parent: '0' });
  assert.equal(r.status, 303);
  r = await c.post(`/frameworks/${vlow}/elements`, { code: 'C5', name: 'Dubbel', kind: 'competence', parent: '0' });
  assert.equal(r.status, 422, 'a code that exists');
  page = (await c.get(`/frameworks/${vlow}`)).text;
  assert.match(page, /Vragen stellen \(eigen woorden\)/);
  assert.match(page, /<strong>C5<\/strong>/);
  // the other organisation's coach does not see it
  const other = new Client(srv.base);
  await other.login(demoEmail('coach', 'gemeente'));
  assert.equal((await other.get(`/frameworks/${vlow}`)).status, 404);
});

test('a programme\'s design changes through its own programme only: another\'s topic, option, part or element is not found and stays', async () => {
  const c = as.coach;
  await c.get('/programmes');
  const make = async (name) => {
    const r = await c.post('/programmes', { template: 'live', name });
    assert.equal(r.status, 303);
    return Number(r.headers.get('location').match(/\/programmes\/(\d+)/)[1]);
  };
  const a = await make('LiVe! eigen A');
  const b = await make('LiVe! eigen B');
  const meetingOf = async (prog) => first((await c.get(`/programmes/${prog}`)).text, /href="\/programmes\/\d+\/design\/(\d+)"/);
  const ma = await meetingOf(a);
  const mb = await meetingOf(b);
  const menuB = (await c.get(`/programmes/${b}/menu`)).text;
  const topicB = first(menuB, /action="\/programmes\/\d+\/menu\/topics\/(\d+)"/);
  const optionB = first(menuB, /action="\/programmes\/\d+\/menu\/options\/(\d+)"/);
  const partsB = () => c.get(`/programmes/${b}/design/${mb}`).then((r) => all(r.text, /name="part_id" value="([1-9]\d*)"/g));
  const partB = (await partsB())[0];
  assert.ok(partB > 0, 'meeting 1 of the template has a script');

  // B's meeting through A's path
  assert.equal((await c.get(`/programmes/${a}/design/${mb}`)).status, 404);
  assert.equal((await c.post(`/programmes/${a}/design/${mb}`, { theme: 'Elders' })).status, 404);
  // B's topic and option through A's menu card
  let r = await c.post(`/programmes/${a}/menu/topics/${topicB}`, { action: 'delete', confirm: '1' });
  assert.equal(r.status, 404);
  r = await c.post(`/programmes/${a}/menu/topics/${topicB}`, { topic_name: 'Elders hernoemd', topic_description: '' });
  assert.equal(r.status, 404);
  r = await c.post(`/programmes/${a}/menu/options/${optionB}`, { action: 'delete', confirm: '1' });
  assert.equal(r.status, 404);
  r = await c.post(`/programmes/${a}/menu/options`, { topic_id: String(topicB), option_name: 'Onder een ander onderwerp' });
  assert.equal(r.status, 422);
  const menuAfter = (await c.get(`/programmes/${b}/menu`)).text;
  assert.ok(menuAfter.includes(`/menu/topics/${topicB}"`), 'B keeps its topic');
  assert.ok(menuAfter.includes(`/menu/options/${optionB}"`), 'B keeps its option');
  assert.doesNotMatch(menuAfter, /Elders hernoemd|Onder een ander onderwerp/);
  // B's script part through a meeting of A
  r = await c.post(`/programmes/${a}/design/${ma}/parts`, { part_id: String(partB), action: 'delete', confirm: '1' });
  assert.equal(r.status, 404);
  assert.ok((await partsB()).includes(partB), 'B keeps its part');

  // an element of one framework through another's path
  const list = (await c.get('/frameworks')).text;
  const fws = all(list, /href="\/frameworks\/(\d+)"/g);
  assert.ok(fws.length >= 2);
  const page = (await c.get(`/frameworks/${fws[0]}`)).text;
  const el = first(page, /href="\/frameworks\/\d+\/elements\/(\d+)"/);
  assert.equal((await c.get(`/frameworks/${fws[1]}/elements/${el}`)).status, 404);
  r = await c.post(`/frameworks/${fws[1]}/elements/${el}`, { name: 'Elders veranderd', kind: 'competence', description: '' });
  assert.equal(r.status, 404);
  assert.doesNotMatch((await c.get(`/frameworks/${fws[0]}`)).text, /Elders veranderd/);
});

test('the list of groups sorts by the heading chosen, both ways, without JavaScript', async () => {
  const c = as.coach;
  const column = (html, k) => [...html.split('<tbody>')[1].matchAll(/<tr>((?:<td>.*?<\/td>)+)<\/tr>/g)]
    .map((m) => [...m[1].matchAll(/<td>(.*?)<\/td>/g)][k][1].replace(/<[^>]*>/g, ''));
  const plain = (await c.get('/groups')).text;
  assert.doesNotMatch(plain, /aria-sort/, 'as listed until a heading is chosen');
  assert.match(plain, /<th scope="col"><a href="\/groups\?sort=mentor&amp;dir=asc">Mentor<\/a><\/th>/);
  const up = (await c.get('/groups?sort=mentor')).text;
  assert.match(up, /<th scope="col" aria-sort="ascending"><a href="\/groups\?sort=mentor&amp;dir=desc">Mentor<\/a> ↑<\/th>/);
  const mentors = column(up, 3);
  assert.ok(mentors.length >= 3);
  const cmp = (a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' });
  assert.deepEqual(mentors, [...mentors].sort(cmp), 'mentors in order');
  const down = (await c.get('/groups?sort=mentor&dir=desc')).text;
  assert.match(down, /aria-sort="descending"/);
  assert.deepEqual(column(down, 3), [...mentors].sort(cmp).reverse());
  assert.equal(column(plain, 0).length, mentors.length, 'the same groups');
  // an unknown column: as listed, and nothing of it on the page
  const odd = (await c.get('/groups?sort=%3Cscript%3E&dir=x')).text;
  assert.doesNotMatch(odd, /aria-sort|<script>/);
  assert.deepEqual(column(odd, 0), column(plain, 0));
  // the waves likewise
  const waves = (q) => c.get(`/questionnaires${q}`).then((r) => r.text.split('<h2>Vragenlijsten</h2>')[0]);
  const byName = column(await waves('?sort=wave'), 0);
  assert.ok(byName.length >= 3);
  assert.deepEqual(byName, [...byName].sort(cmp));
  assert.deepEqual(column(await waves('?sort=wave&dir=desc'), 0), [...byName].sort(cmp).reverse());
  assert.match(await waves('?sort=open'), /aria-sort="ascending"><a href="\/questionnaires\?sort=open&amp;dir=desc">/);
});

test('the API refuses a number where a text belongs under its name, and nothing changes', async () => {
  const c = as.coach;
  const rows = (q) => JSON.stringify(sqlRows(srv.db, q));
  const refused = (r, field) => {
    assert.equal(r.status, 422, field);
    assert.equal(r.json().error.field, field);
    assert.match(r.json().error.message, new RegExp(`^Geef ${field} als tekst\\.$`));
  };
  let r = await c.postJson('/api/v1/programmes', { template: 'live', name: 'Soorten via API' });
  assert.equal(r.status, 201);
  const prog = r.json().id;
  const batch = (await c.postJson(`/api/v1/programmes/${prog}/batches`, {})).json().id;
  const group = (await c.postJson(`/api/v1/batches/${batch}/groups`, { name: 'Soorten-groep' })).json().id;
  const people = (await c.get('/api/v1/people?limit=200')).json().people.slice(-3).map((p) => p.id);
  assert.equal((await c.postJson(`/api/v1/groups/${group}/enrolments`, { people, date: '2027-01-04' })).status, 200);
  r = await c.postJson(`/api/v1/groups/${group}/meetings`, { number: 1, date: '2027-01-18', start: '13:30', end: '16:30', venue: 'Stadhuis' });
  assert.equal(r.status, 201);
  const meeting = r.json().id;
  const enrolment = Number(sqlRows(srv.db, `SELECT id FROM enrolment WHERE group_id = ${group} ORDER BY id LIMIT 1`)[0].id);
  const state = () => [rows('SELECT count(*) AS n FROM programme'), rows(`SELECT count(*) AS n FROM batch WHERE programme_id = ${prog}`),
    rows('SELECT count(*) AS n FROM learning_group'), rows(`SELECT * FROM enrolment WHERE group_id = ${group} ORDER BY id`),
    rows(`SELECT * FROM meeting WHERE group_id = ${group} ORDER BY id`), rows(`SELECT * FROM attendance WHERE meeting_id = ${meeting}`)];
  const was = state();
  refused(await c.postJson('/api/v1/programmes', { template: 'live', name: 7 }), 'name');
  refused(await c.postJson('/api/v1/programmes', { template: 1, name: 'x' }), 'template');
  refused(await c.postJson(`/api/v1/programmes/${prog}/batches`, { name: 2027 }), 'name');
  refused(await c.postJson(`/api/v1/batches/${batch}/groups`, { name: 3 }), 'name');
  r = await c.postJson(`/api/v1/batches/${batch}/groups`, { name: 'G', mentor_id: 'x' });
  assert.equal(r.status, 422);
  assert.equal(r.json().error.field, 'mentor_id');
  refused(await c.postJson(`/api/v1/groups/${group}/enrolments`, { people, date: 20270104 }), 'date');
  refused(await c.postJson(`/api/v1/enrolments/${enrolment}/status`, { status: 'stopped', kind: 'other', note: 1 }), 'note');
  refused(await c.postJson(`/api/v1/enrolments/${enrolment}/status`, { status: 4 }), 'status');
  refused(await c.postJson(`/api/v1/groups/${group}/meetings`, { number: 2, date: 20270201, start: '13:30', end: '16:30', venue: 'x' }), 'date');
  refused(await c.postJson(`/api/v1/groups/${group}/meetings`, { number: 2, date: '2027-02-01', start: '13:30', end: '16:30', venue: 5 }), 'venue');
  r = await c.postJson(`/api/v1/groups/${group}/meetings`, { number: '2', date: '2027-02-01', start: '13:30', end: '16:30', venue: 'x' });
  assert.equal(r.status, 422);
  assert.equal(r.json().error.field, 'number');
  refused(await c.postJson(`/api/v1/meetings/${meeting}/attendance`, { person_id: people[0], status: 1 }), 'status');
  refused(await c.postJson(`/api/v1/meetings/${meeting}/choice`, { free: true, free_topic: 9, justification: 'omdat' }), 'free_topic');
  assert.deepEqual(state(), was, 'nothing changed');
});
