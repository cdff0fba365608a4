// The API twins of the coach's design pages (issue 21), as a script with a
// bearer token uses them: each good call changes the rows the page's form
// changes and writes the same audit entry; bad input is refused with the
// Dutch message of the page and its field, and changes nothing; a thing of
// another organisation is 404. And the command line's `leergang framework`,
// through the same domain calls.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, cli, cliResult } from '../lib/server.mjs';
import { sqlRows } from '../lib/db.mjs';

let srv, coach, other, prog, theirs;
const sql = (q) => sqlRows(srv.db, q);
const one = (q) => Object.values(sql(q)[0] ?? {})[0];
const ORG = "(SELECT id FROM organisation WHERE slug = 'politie-demo')";
const GEMEENTE = "(SELECT id FROM organisation WHERE slug = 'gemeente-demo')";

function client(email) {
  const c = new Client(srv.base);
  c.headers.authorization = `Bearer ${cli(srv.db, ['token', 'create', '--email', email]).trim()}`;
  return c;
}
const call = (c, method, path, body) =>
  c.request(method, path, { body: body === undefined ? undefined : JSON.stringify(body), headers: { 'content-type': 'application/json' } });
const audits = (action) => Number(one(`SELECT count(*) FROM audit_log WHERE action = '${action}'`));

// A refusal: the status, the field, a Dutch message; and the rows of q as before.
async function refused(c, method, path, body, field, q, status = 422) {
  const before = JSON.stringify(sql(q));
  const r = await call(c, method, path, body);
  assert.equal(r.status, status, `${method} ${path} ${JSON.stringify(body)}: ${r.text}`);
  const e = r.json().error;
  if (field) assert.equal(e.field, field, r.text);
  assert.ok(e.message.length > 5);
  assert.doesNotMatch(e.message, /\b(the|this|send|choose|give)\b/i, `Dutch: ${e.message}`);
  assert.equal(JSON.stringify(sql(q)), before, 'nothing changed');
  return e;
}

before(async () => {
  srv = await startServer();
  coach = client('coach@politie.example');
  other = client('coach@gemeente.example');
  let r = await call(coach, 'POST', '/api/v1/programmes', { template: 'live', name: 'API-ontwerp' });
  assert.equal(r.status, 201);
  prog = r.json().id;
  r = await call(other, 'POST', '/api/v1/programmes', { template: 'live', name: 'Van de gemeente' });
  theirs = r.json().id;
});
after(async () => { await srv?.stop(); });

test('a meeting of the design: added, changed (what is not sent kept), removed; bad input and other organisations refused', async () => {
  const rows = `SELECT id, number, theme, description, days, from_menu FROM programme_meeting WHERE programme_id = ${prog} ORDER BY id`;
  const n = Number(one(`SELECT count(*) FROM programme_meeting WHERE programme_id = ${prog}`));
  const added = audits('design.meeting.add');
  let r = await call(coach, 'POST', `/api/v1/programmes/${prog}/design`, { theme: 'Terugkomdag', from_menu: true });
  assert.equal(r.status, 201, r.text);
  const m = r.json().id;
  assert.deepEqual(sql(`SELECT number, theme, days, from_menu FROM programme_meeting WHERE id = ${m}`),
    [{ number: n + 1, theme: 'Terugkomdag', days: 1, from_menu: 1 }]);
  assert.equal(audits('design.meeting.add'), added + 1);
  await refused(coach, 'POST', `/api/v1/programmes/${prog}/design`, { theme: '' }, 'theme', rows);
  // a wrong type in the wording every area gives
  assert.match((await refused(coach, 'POST', `/api/v1/programmes/${prog}/design`, { theme: 7 }, 'theme', rows)).message,
    /^Geef theme als tekst\.$/);
  await refused(coach, 'POST', `/api/v1/programmes/${prog}/design`, 'not an object', null, rows, 400);

  r = await call(coach, 'PATCH', `/api/v1/programmes/${prog}/design/${m}`, { description: 'Een dag terug', days: 2 });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.json(), { ok: true });
  assert.deepEqual(sql(`SELECT theme, description, days, from_menu FROM programme_meeting WHERE id = ${m}`),
    [{ theme: 'Terugkomdag', description: 'Een dag terug', days: 2, from_menu: 1 }]);
  await refused(coach, 'PATCH', `/api/v1/programmes/${prog}/design/${m}`, { days: 3 }, 'days', rows);
  assert.match((await refused(coach, 'PATCH', `/api/v1/programmes/${prog}/design/${m}`, { from_menu: 'ja' }, 'from_menu', rows)).message,
    /^Geef from_menu als true of false\.$/);
  // null is a field left out: the stored value kept
  r = await call(coach, 'PATCH', `/api/v1/programmes/${prog}/design/${m}`, { theme: null, days: 1 });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(sql(`SELECT theme, days FROM programme_meeting WHERE id = ${m}`), [{ theme: 'Terugkomdag', days: 1 }]);
  // another organisation's programme, and a meeting of another programme
  await refused(other, 'PATCH', `/api/v1/programmes/${prog}/design/${m}`, { theme: 'Van hen' }, null, rows, 404);
  await refused(other, 'POST', `/api/v1/programmes/${prog}/design`, { theme: 'Van hen' }, null, rows, 404);
  await refused(other, 'DELETE', `/api/v1/programmes/${prog}/design/${m}`, undefined, null, rows, 404);
  await refused(coach, 'PATCH', `/api/v1/programmes/${theirs}/design/${m}`, { theme: 'Mis' }, null, rows, 404);

  const removed = audits('design.meeting.remove');
  r = await call(coach, 'DELETE', `/api/v1/programmes/${prog}/design/${m}`);
  assert.equal(r.status, 200, r.text);
  assert.equal(Number(one(`SELECT count(*) FROM programme_meeting WHERE id = ${m}`)), 0);
  assert.equal(audits('design.meeting.remove'), removed + 1);
});

test('a script part: added at the end, changed, removed through the meeting it belongs to', async () => {
  const m = one(`SELECT id FROM programme_meeting WHERE programme_id = ${prog} AND number = 1`);
  const rows = `SELECT id, title, learning_goal, minutes, material, led_by FROM script_part WHERE programme_meeting_id = ${m} ORDER BY id`;
  let r = await call(coach, 'POST', `/api/v1/programmes/${prog}/design/${m}/parts`, { title: 'Check-in', minutes: 15, led_by: 'begeleider' });
  assert.equal(r.status, 201, r.text);
  const part = r.json().id;
  assert.deepEqual(sql(`SELECT title, minutes, led_by FROM script_part WHERE id = ${part}`), [{ title: 'Check-in', minutes: 15, led_by: 'begeleider' }]);
  r = await call(coach, 'POST', `/api/v1/programmes/${prog}/design/${m}/parts`, { part_id: part, learning_goal: 'Aankomen' });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(sql(`SELECT title, learning_goal, minutes FROM script_part WHERE id = ${part}`), [{ title: 'Check-in', learning_goal: 'Aankomen', minutes: 15 }]);
  await refused(coach, 'POST', `/api/v1/programmes/${prog}/design/${m}/parts`, { part_id: part, minutes: 'lang' }, 'minutes', rows);
  await refused(coach, 'POST', `/api/v1/programmes/${prog}/design/${m}/parts`, { part_id: part, minutes: -5 }, 'minutes', rows);
  await refused(coach, 'POST', `/api/v1/programmes/${prog}/design/${m}/parts`, { title: '' }, 'title', rows);
  await refused(coach, 'POST', `/api/v1/programmes/${prog}/design/${m}/parts`, { remove: true }, 'part_id', rows);
  // the part through another meeting of the programme: not found
  const m2 = one(`SELECT id FROM programme_meeting WHERE programme_id = ${prog} AND number = 2`);
  await refused(coach, 'POST', `/api/v1/programmes/${prog}/design/${m2}/parts`, { part_id: part, remove: true }, null, rows, 404);
  await refused(other, 'POST', `/api/v1/programmes/${prog}/design/${m}/parts`, { title: 'Van hen' }, null, rows, 404);
  // the design as the API reads it
  const design = async () => (await coach.get(`/api/v1/programmes/${prog}/design`)).json();
  let d = await design();
  assert.equal(d.id, prog);
  assert.deepEqual(d.meetings.find((x) => x.id === m).parts.filter((p) => p.id === part).map((p) => [p.title, p.learning_goal, p.minutes]),
    [['Check-in', 'Aankomen', 15]]);
  assert.ok(d.topics.length > 0 && d.topics.every((t) => Array.isArray(t.options)));
  assert.equal((await other.get(`/api/v1/programmes/${prog}/design`)).status, 404);
  const removed = audits('design.part.remove');
  r = await call(coach, 'POST', `/api/v1/programmes/${prog}/design/${m}/parts`, { part_id: part, remove: true });
  assert.equal(r.status, 200, r.text);
  assert.equal(Number(one(`SELECT count(*) FROM script_part WHERE id = ${part}`)), 0);
  assert.equal(audits('design.part.remove'), removed + 1);
  d = await design();
  assert.ok(!d.meetings.find((x) => x.id === m).parts.some((p) => p.id === part));
});

test('the menu card: topics and options added, changed and removed', async () => {
  const rows = `SELECT t.id, t.name, t.description, o.id AS oid, o.name AS oname FROM menu_topic t LEFT JOIN menu_option o ON o.topic_id = t.id WHERE t.programme_id = ${prog} ORDER BY t.id, o.id`;
  let r = await call(coach, 'POST', `/api/v1/programmes/${prog}/menu/topics`, { name: 'Verandering', description: 'Leiden in verandering' });
  assert.equal(r.status, 201, r.text);
  const t = r.json().id;
  assert.deepEqual(sql(`SELECT name, description FROM menu_topic WHERE id = ${t}`), [{ name: 'Verandering', description: 'Leiden in verandering' }]);
  await refused(coach, 'POST', `/api/v1/programmes/${prog}/menu/topics`, { name: '' }, 'topic_name', rows);
  r = await call(coach, 'PATCH', `/api/v1/programmes/${prog}/menu/topics/${t}`, { name: 'Verandering leiden' });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(sql(`SELECT name, description FROM menu_topic WHERE id = ${t}`), [{ name: 'Verandering leiden', description: 'Leiden in verandering' }]);
  await refused(other, 'PATCH', `/api/v1/programmes/${prog}/menu/topics/${t}`, { name: 'Van hen' }, null, rows, 404);

  r = await call(coach, 'POST', `/api/v1/programmes/${prog}/menu/options`, { topic_id: t, name: 'Casus' });
  assert.equal(r.status, 201, r.text);
  const o = r.json().id;
  assert.deepEqual(sql(`SELECT topic_id, name FROM menu_option WHERE id = ${o}`), [{ topic_id: t, name: 'Casus' }]);
  const theirTopic = one(`SELECT min(id) FROM menu_topic WHERE programme_id = ${theirs}`);
  await refused(coach, 'POST', `/api/v1/programmes/${prog}/menu/options`, { topic_id: theirTopic, name: 'Mis' }, 'topic_id', rows);
  await refused(coach, 'POST', `/api/v1/programmes/${prog}/menu/options`, { topic_id: 'een', name: 'Mis' }, 'topic_id', rows);
  r = await call(coach, 'PATCH', `/api/v1/programmes/${prog}/menu/options/${o}`, { name: 'Eigen casus' });
  assert.equal(r.status, 200, r.text);
  assert.equal(one(`SELECT name FROM menu_option WHERE id = ${o}`), 'Eigen casus');
  await refused(coach, 'PATCH', `/api/v1/programmes/${prog}/menu/options/${o}`, { name: '' }, 'option_name', rows);
  await refused(other, 'DELETE', `/api/v1/programmes/${prog}/menu/options/${o}`, undefined, null, rows, 404);

  const removed = [audits('design.option.remove'), audits('design.topic.remove')];
  assert.equal((await call(coach, 'DELETE', `/api/v1/programmes/${prog}/menu/options/${o}`)).status, 200);
  assert.equal(Number(one(`SELECT count(*) FROM menu_option WHERE id = ${o}`)), 0);
  assert.equal((await call(coach, 'DELETE', `/api/v1/programmes/${prog}/menu/topics/${t}`)).status, 200);
  assert.equal(Number(one(`SELECT count(*) FROM menu_topic WHERE id = ${t}`)), 0);
  assert.deepEqual([audits('design.option.remove'), audits('design.topic.remove')], [removed[0] + 1, removed[1] + 1]);
});

test('an impact outcome changed and removed one at a time', async () => {
  let r = await call(coach, 'POST', `/api/v1/programmes/${prog}/impact`, { outcomes: [{ level: 'behaviour', text: 'Eerst', evidence: '' }] });
  assert.equal(r.status, 200, r.text);
  const o = one(`SELECT id FROM impact_outcome WHERE programme_id = ${prog}`);
  const rows = `SELECT id, level, text, evidence FROM impact_outcome WHERE programme_id = ${prog}`;
  const updated = audits('impact.update');
  r = await call(coach, 'PATCH', `/api/v1/programmes/${prog}/impact/${o}`, { text: 'Daarna' });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(sql(`SELECT level, text FROM impact_outcome WHERE id = ${o}`), [{ level: 'behaviour', text: 'Daarna' }]);
  assert.equal(audits('impact.update'), updated + 1);
  await refused(coach, 'PATCH', `/api/v1/programmes/${prog}/impact/${o}`, { level: 'wereldvrede' }, 'level', rows);
  await refused(coach, 'PATCH', `/api/v1/programmes/${prog}/impact/${o}`, { evidence: 'wave:999999' }, 'evidence', rows);
  await refused(other, 'PATCH', `/api/v1/programmes/${prog}/impact/${o}`, { text: 'Van hen' }, null, rows, 404);
  await refused(other, 'DELETE', `/api/v1/programmes/${prog}/impact/${o}`, undefined, null, rows, 404);
  const removed = audits('impact.remove');
  assert.equal((await call(coach, 'DELETE', `/api/v1/programmes/${prog}/impact/${o}`)).status, 200);
  assert.equal(Number(one(`SELECT count(*) FROM impact_outcome WHERE id = ${o}`)), 0);
  assert.equal(audits('impact.remove'), removed + 1);
  assert.equal((await call(coach, 'DELETE', `/api/v1/programmes/${prog}/impact/${o}`)).status, 404);
});

test('the selection: a criterion, a candidate and their scores; refusals change nothing', async () => {
  const rows = `SELECT c.id, c.role, c.name, c.weight, (SELECT count(*) FROM selection_candidate k WHERE k.programme_id = ${prog}) AS k,
    (SELECT group_concat(v, ',') FROM (SELECT CAST(s.score AS TEXT) AS v FROM selection_score s
      WHERE s.criterion_id = c.id ORDER BY s.candidate_id) x) AS s FROM selection_criterion c WHERE c.programme_id = ${prog} ORDER BY c.id`;
  let r = await call(coach, 'POST', `/api/v1/programmes/${prog}/selection/criteria`, { role: 'mentor', name: 'Luistert', weight: 3 });
  assert.equal(r.status, 201, r.text);
  const crit = r.json().id;
  assert.deepEqual(sql(`SELECT role, name, weight FROM selection_criterion WHERE id = ${crit}`), [{ role: 'mentor', name: 'Luistert', weight: 3 }]);
  await refused(coach, 'POST', `/api/v1/programmes/${prog}/selection/criteria`, { role: 'mentor', name: 'Te zwaar', weight: 11 }, 'weight', rows);
  await refused(coach, 'POST', `/api/v1/programmes/${prog}/selection/criteria`, { role: 'trainer', name: 'Rol', weight: 1 }, 'role', rows);
  await refused(other, 'POST', `/api/v1/programmes/${prog}/selection/criteria`, { name: 'Van hen', weight: 1 }, null, rows, 404);
  const emp = one(`SELECT employee_id FROM person WHERE organisation_id = ${ORG} AND active = 1 ORDER BY id LIMIT 1 OFFSET 7`);
  r = await call(coach, 'POST', `/api/v1/programmes/${prog}/selection/candidates`, { role: 'mentor', employee_id: emp });
  assert.equal(r.status, 201, r.text);
  const cand = r.json().id;
  assert.equal(one(`SELECT role FROM selection_candidate WHERE id = ${cand}`), 'mentor');
  await refused(coach, 'POST', `/api/v1/programmes/${prog}/selection/candidates`, { role: 'mentor', employee_id: emp }, 'employee_id', rows);
  await refused(coach, 'POST', `/api/v1/programmes/${prog}/selection/candidates`, { role: 'mentor', employee_id: 'niemand' }, 'employee_id', rows);

  r = await call(coach, 'POST', `/api/v1/programmes/${prog}/selection/scores`, { role: 'mentor', scores: [{ candidate_id: cand, criterion_id: crit, score: 4 }] });
  assert.equal(r.status, 200, r.text);
  assert.equal(one(`SELECT score FROM selection_score WHERE candidate_id = ${cand} AND criterion_id = ${crit}`), 4);
  await refused(coach, 'POST', `/api/v1/programmes/${prog}/selection/scores`, { role: 'mentor', scores: [{ candidate_id: cand, criterion_id: crit, score: 6 }] }, 'scores', rows);
  // the criterion is the mentors': not of the facilitators' selection
  await refused(coach, 'POST', `/api/v1/programmes/${prog}/selection/scores`, { scores: [{ candidate_id: cand, criterion_id: crit, score: 2 }] }, 'scores', rows);
  const s = (await coach.get(`/api/v1/programmes/${prog}/selection?role=mentor`)).json();
  assert.deepEqual(s.candidates.map((k) => [k.id, k.score, k.rank]), [[cand, 4, 1]]);
  // a pair left out keeps its score; null removes it
  r = await call(coach, 'POST', `/api/v1/programmes/${prog}/selection/scores`, { role: 'mentor', scores: [] });
  assert.equal(r.status, 200);
  assert.equal(one(`SELECT score FROM selection_score WHERE candidate_id = ${cand}`), 4);
  r = await call(coach, 'POST', `/api/v1/programmes/${prog}/selection/scores`, { role: 'mentor', scores: [{ candidate_id: cand, criterion_id: crit, score: null }] });
  assert.equal(r.status, 200);
  assert.equal(Number(one(`SELECT count(*) FROM selection_score WHERE candidate_id = ${cand}`)), 0);
});

test('framework elements: added under a parent or at the top, changed; another organisation\'s framework is not found', async () => {
  const f = one(`SELECT id FROM framework WHERE organisation_id = ${ORG} AND key = 'vlow'`);
  const rows = `SELECT id, parent_id, code, name, kind, description, synonyms FROM framework_element WHERE framework_id = ${f} ORDER BY id`;
  const parent = one(`SELECT min(id) FROM framework_element WHERE framework_id = ${f}`);
  const added = audits('framework.element.add');
  let r = await call(coach, 'POST', `/api/v1/frameworks/${f}/elements`, { code: 'API-1', name: 'Via de API', kind: 'thema', parent_id: parent });
  assert.equal(r.status, 201, r.text);
  const el = r.json().id;
  assert.deepEqual(sql(`SELECT parent_id, code, name, kind, source FROM framework_element WHERE id = ${el}`),
    [{ parent_id: parent, code: 'API-1', name: 'Via de API', kind: 'thema', source: '' }]);
  assert.equal(audits('framework.element.add'), added + 1);
  await refused(coach, 'POST', `/api/v1/frameworks/${f}/elements`, { code: 'API-1', name: 'Nog eens', kind: 'thema' }, 'code', rows);
  await refused(coach, 'POST', `/api/v1/frameworks/${f}/elements`, { code: 'API-2', name: 'Los', kind: 'thema', parent_id: 'boven' }, 'parent_id', rows);
  await refused(other, 'POST', `/api/v1/frameworks/${f}/elements`, { code: 'X', name: 'Van hen' }, null, rows, 404);
  r = await call(coach, 'PATCH', `/api/v1/frameworks/${f}/elements/${el}`, { synonyms: 'api, script' });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(sql(`SELECT name, synonyms FROM framework_element WHERE id = ${el}`), [{ name: 'Via de API', synonyms: 'api, script' }]);
  await refused(coach, 'PATCH', `/api/v1/frameworks/${f}/elements/${el}`, { name: '' }, 'name', rows);
  await refused(other, 'PATCH', `/api/v1/frameworks/${f}/elements/${el}`, { name: 'Van hen' }, null, rows, 404);
  const got = (await coach.get(`/api/v1/frameworks/${f}`)).json();
  assert.equal(got.elements.find((x) => x.id === el).parent_id, parent);
  assert.ok((await coach.get('/api/v1/frameworks')).json().frameworks.some((x) => x.id === f));
  assert.equal((await other.get(`/api/v1/frameworks/${f}`)).status, 404);
});

test('a group\'s staff and statuses, a meeting moved and cancelled', async () => {
  let r = await call(coach, 'POST', `/api/v1/programmes/${prog}/batches`, { name: 'API-lichting' });
  const b = r.json().id;
  r = await call(coach, 'POST', `/api/v1/batches/${b}/groups`, { name: 'API-groep' });
  const g = r.json().id;
  const people = sql(`SELECT id FROM person WHERE organisation_id = ${ORG} AND active = 1 ORDER BY id LIMIT 3 OFFSET 20`).map((x) => x.id);
  assert.equal((await call(coach, 'POST', `/api/v1/groups/${g}/enrolments`, { people: people.slice(0, 2), date: '2026-01-05' })).status, 200);
  const grow = `SELECT mentor_id, facilitator_id, pair_status FROM learning_group WHERE id = ${g}`;
  r = await call(coach, 'PATCH', `/api/v1/groups/${g}/staff`, { mentor_id: people[2], pair_status: 'proposed' });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(sql(grow), [{ mentor_id: people[2], facilitator_id: null, pair_status: 'proposed' }]);
  await refused(coach, 'PATCH', `/api/v1/groups/${g}/staff`, { pair_status: 'getrouwd' }, 'pair_status', grow);
  assert.match((await refused(coach, 'PATCH', `/api/v1/groups/${g}/staff`, { mentor_id: 'jan' }, 'mentor_id', grow)).message,
    /^Geef mentor_id als geheel getal boven 0, of null voor geen\.$/);
  await refused(other, 'PATCH', `/api/v1/groups/${g}/staff`, { pair_status: 'none' }, null, grow, 404);
  r = await call(coach, 'PATCH', `/api/v1/groups/${g}/staff`, { mentor_id: null });
  assert.deepEqual(sql(grow), [{ mentor_id: null, facilitator_id: null, pair_status: 'proposed' }]);

  const enrolments = sql(`SELECT id FROM enrolment WHERE group_id = ${g} ORDER BY id`).map((x) => x.id);
  const erow = `SELECT id, status, stopped_on, stop_kind FROM enrolment WHERE group_id = ${g} ORDER BY id`;
  r = await call(coach, 'POST', `/api/v1/groups/${g}/statuses`, { enrolments, status: 'active', on: '2026-01-12' });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(sql(`SELECT DISTINCT status FROM enrolment WHERE group_id = ${g}`), [{ status: 'active' }]);
  const demoEnrolment = one(`SELECT min(e.id) FROM enrolment e JOIN learning_group g ON g.id = e.group_id WHERE g.organisation_id = ${ORG} AND e.group_id <> ${g}`);
  await refused(coach, 'POST', `/api/v1/groups/${g}/statuses`, { enrolments: [enrolments[0], demoEnrolment], status: 'completed', on: '2026-06-01' }, 'enrolment', erow);
  await refused(coach, 'POST', `/api/v1/groups/${g}/statuses`, { enrolments, status: 'vakantie' }, 'status', erow);
  await refused(coach, 'POST', `/api/v1/groups/${g}/statuses`, { enrolments: 'allemaal', status: 'completed' }, 'enrolments', erow);
  r = await call(coach, 'POST', `/api/v1/groups/${g}/statuses`, { enrolments: [enrolments[1]], status: 'stopped', kind: 'work', on: '2026-02-01', note: 'Nieuwe baan' });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(sql(`SELECT status, stopped_on FROM enrolment WHERE id = ${enrolments[1]}`), [{ status: 'stopped', stopped_on: '2026-02-01' }]);

  r = await call(coach, 'POST', `/api/v1/groups/${g}/meetings`, { number: 1, date: '2030-03-04', start: '09:00', end: '17:00', venue: 'Stadhuis' });
  assert.equal(r.status, 201, r.text);
  const m = r.json().id;
  const mrow = `SELECT starts_on, start_time, end_time, venue, cancelled FROM meeting WHERE id = ${m}`;
  r = await call(coach, 'PATCH', `/api/v1/meetings/${m}`, { date: '2030-03-11', venue: 'Bibliotheek' });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(sql(mrow), [{ starts_on: '2030-03-11', start_time: '09:00', end_time: '17:00', venue: 'Bibliotheek', cancelled: 0 }]);
  await refused(coach, 'PATCH', `/api/v1/meetings/${m}`, { date: '11 maart' }, 'date', mrow);
  await refused(coach, 'PATCH', `/api/v1/meetings/${m}`, { cancelled: 1 }, 'cancelled', mrow);
  await refused(other, 'PATCH', `/api/v1/meetings/${m}`, { venue: 'Van hen' }, null, mrow, 404);
  r = await call(coach, 'PATCH', `/api/v1/meetings/${m}`, { cancelled: true });
  assert.equal(r.status, 200, r.text);
  assert.equal(one(`SELECT cancelled FROM meeting WHERE id = ${m}`), 1);
});

test('a method\'s step changed; a built-in method\'s words and another organisation\'s step refused', async () => {
  const from = one(`SELECT min(m.id) FROM session_method m WHERE m.organisation_id = ${ORG} AND (SELECT count(*) FROM session_method_step s WHERE s.method_id = m.id) >= 2`);
  let r = await call(coach, 'POST', '/api/v1/methods', { name: 'API-werkvorm', from });
  assert.equal(r.status, 201, r.text);
  const step = one(`SELECT min(id) FROM session_method_step WHERE method_id = ${r.json().id}`);
  const srow = `SELECT name, who, instruction, minutes, source FROM session_method_step WHERE id = ${step}`;
  const was = sql(srow)[0];
  r = await call(coach, 'PATCH', `/api/v1/method-steps/${step}`, { instruction: 'Ieder noemt één ding.', minutes: 12 });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(sql(srow), [{ ...was, instruction: 'Ieder noemt één ding.', minutes: 12, source: 'organisatie' }]);
  await refused(coach, 'PATCH', `/api/v1/method-steps/${step}`, { minutes: 999 }, 'minutes', srow);
  await refused(coach, 'PATCH', `/api/v1/method-steps/${step}`, { name: '' }, 'name', srow);
  await refused(other, 'PATCH', `/api/v1/method-steps/${step}`, { name: 'Van hen' }, null, srow, 404);
});

test('the command line lists the frameworks, shows one, and adds an element as the page does', async () => {
  const list = JSON.parse(cli(srv.db, ['framework', 'list', '--org', 'politie-demo', '--format', 'json']));
  const vlow = list.find((f) => f.key === 'vlow');
  assert.equal(vlow.id, one(`SELECT id FROM framework WHERE organisation_id = ${ORG} AND key = 'vlow'`));
  assert.equal(vlow.elements, Number(one(`SELECT count(*) FROM framework_element WHERE framework_id = ${vlow.id}`)));
  const shown = JSON.parse(cli(srv.db, ['framework', 'show', '--org', 'politie-demo', '--framework', 'wwkdm', '--format', 'json']));
  const f = one(`SELECT id FROM framework WHERE organisation_id = ${ORG} AND key = 'wwkdm'`);
  assert.deepEqual(shown.map((e) => e.id).sort((a, b) => a - b), sql(`SELECT id FROM framework_element WHERE framework_id = ${f} ORDER BY id`).map((x) => x.id));
  // tree order: a parent before its children
  shown.forEach((e, i) => assert.ok(e.parent_id === 0 || shown.findIndex((p) => p.id === e.parent_id) < i));
  const parent = shown.find((e) => e.parent_id === 0);
  const added = audits('framework.element.add');
  const id = Number(cli(srv.db, ['framework', 'element', 'add', '--org', 'politie-demo', '--framework', 'wwkdm', '--code', 'CLI-1',
    '--name', 'Vanaf de opdrachtregel', '--kind', 'thema', '--parent', parent.code, '--description', 'Eigen']).trim());
  assert.deepEqual(sql(`SELECT framework_id, parent_id, code, name, kind, description FROM framework_element WHERE id = ${id}`),
    [{ framework_id: f, parent_id: parent.id, code: 'CLI-1', name: 'Vanaf de opdrachtregel', kind: 'thema', description: 'Eigen' }]);
  assert.equal(audits('framework.element.add'), added + 1);
  // the same code again: refused by the domain, nothing added
  const rows = `SELECT id FROM framework_element WHERE framework_id = ${f}`;
  const before = JSON.stringify(sql(rows));
  let r = cliResult(srv.db, ['framework', 'element', 'add', '--org', 'politie-demo', '--framework', 'wwkdm', '--code', 'CLI-1', '--name', 'Nog eens', '--kind', 'thema']);
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /CLI-1/);
  r = cliResult(srv.db, ['framework', 'element', 'add', '--org', 'politie-demo', '--framework', 'wwkdm', '--code', 'CLI-2', '--name', 'Los', '--kind', 'thema', '--parent', 'NIET-ER']);
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /NIET-ER/);
  r = cliResult(srv.db, ['framework', 'show', '--org', 'politie-demo', '--framework', 'bestaat-niet']);
  assert.notEqual(r.status, 0);
  assert.equal(JSON.stringify(sql(rows)), before);
  // another organisation's framework by number is not found
  const theirs = one(`SELECT id FROM framework WHERE organisation_id = ${GEMEENTE} AND key = 'wwkdm'`);
  r = cliResult(srv.db, ['framework', 'element', 'add', '--org', 'politie-demo', '--framework', String(theirs), '--code', 'CLI-3', '--name', 'Mis', '--kind', 'thema']);
  assert.notEqual(r.status, 0);
  assert.equal(Number(one(`SELECT count(*) FROM framework_element WHERE code = 'CLI-3'`)), 0);
});
