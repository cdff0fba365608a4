// The trajectory's API twins (issue 21): a participant's learning question,
// development plan, closing words and logbook, the intake and closing talk
// of the facilitator and mentor, placing a contribution and the learning
// story. Each good call changes the database as its page does; bad input is
// refused with the Dutch message under its field and changes nothing; what
// one may not reach (another's trajectory or entry, another group or
// organisation) is 404, as on the pages; the audit entries are the pages'.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, demoEmail } from '../lib/server.mjs';
import { sqlRows } from '../lib/db.mjs';

let srv;
const as = {};
let g1, g2, leercirkel, enr, enr3;
const sql = (q) => sqlRows(srv.db, q);
const one = (q) => { const r = sql(q); return r.length ? Object.values(r[0])[0] : undefined; };
const count = (q) => Number(one(`SELECT count(*) AS n FROM ${q}`));
const ME = "(SELECT person_id FROM account WHERE email = 'deelnemer@gemeente.example')";
const audits = (action) => count(`audit_log WHERE action = '${action}'`);

before(async () => {
  srv = await startServer();
  const who = { participant: 'deelnemer@gemeente.example', facilitator: 'begeleider@gemeente.example',
    mentor: 'mentor@gemeente.example', peer: 'deelnemer3@gemeente.example', other_participant: 'deelnemer2@gemeente.example',
    other_facilitator: 'begeleider2@gemeente.example', coach: demoEmail('coach', 'gemeente'),
    administrator: demoEmail('administrator', 'gemeente'), politie: demoEmail('participant', 'politie'),
    politie_facilitator: demoEmail('facilitator', 'politie') };
  for (const [k, email] of Object.entries(who)) {
    as[k] = new Client(srv.base);
    await as[k].login(email);
  }
  const group = (name) => Number(one(`SELECT g.id FROM learning_group g JOIN organisation o ON o.id = g.organisation_id
    WHERE g.name = '${name}' AND o.slug = 'gemeente-demo'`));
  [g1, g2, leercirkel] = [group('Groep 1'), group('Groep 2'), group('Leercirkel 1')];
  const enrolment = (email) => Number(one(`SELECT e.id FROM enrolment e JOIN account a ON a.person_id = e.person_id
    WHERE a.email = '${email}' AND e.group_id = ${g1}`));
  [enr, enr3] = [enrolment(who.participant), enrolment(who.peer)];
});
after(() => srv?.stop());

// A refusal: the status, and for 422 the field and the Dutch message.
function refused(r, status, field, message) {
  assert.equal(r.status, status, r.text);
  const e = r.json().error;
  if (field !== undefined) assert.equal(e.field, field, r.text);
  if (message) assert.match(e.message, message, r.text);
}

test('the learning question: a new version of one\'s own, refused when empty, 404 in another\'s group', async () => {
  const versions = () => count(`learning_question WHERE person_id = ${ME} AND group_id = ${g1}`);
  const n = versions(), logged = audits('learning_question.write');
  const r = await as.participant.postJson(`/api/v1/groups/${g1}/question`, { question: 'Hoe vraag ik door zonder te oordelen?' });
  assert.equal(r.status, 201, r.text);
  assert.equal(one(`SELECT text FROM learning_question WHERE id = ${r.json().id}`), 'Hoe vraag ik door zonder te oordelen?');
  assert.equal(versions(), n + 1, 'a version is added, the earlier ones kept');
  assert.equal(audits('learning_question.write'), logged + 1);
  refused(await as.participant.postJson(`/api/v1/groups/${g1}/question`, { question: '  ' }), 422, 'question', /Schrijf uw leervraag/);
  refused(await as.participant.postJson(`/api/v1/groups/${g1}/question`, { question: 7 }), 422, 'question', /als tekst/);
  assert.equal(versions(), n + 1, 'nothing saved');
  refused(await as.participant.postJson(`/api/v1/groups/${g2}/question`, { question: 'Elders' }), 404);
  refused(await as.politie.postJson(`/api/v1/groups/${g1}/question`, { question: 'Elders' }), 404);
  refused(await as.facilitator.postJson(`/api/v1/groups/${g1}/question`, { question: 'Elders' }), 403);
});

test('plan goals: added with elements by number, changed, read back, removed; refused input changes nothing', async () => {
  const element = Number(one(`SELECT x.id FROM framework_element x JOIN framework f ON f.id = x.framework_id
    JOIN organisation o ON o.id = f.organisation_id WHERE o.slug = 'gemeente-demo' AND x.kind <> 'question' ORDER BY x.id LIMIT 1`));
  const goals = () => count(`development_goal WHERE person_id = ${ME} AND group_id = ${g1}`);
  const n = goals();
  const add = await as.participant.postJson(`/api/v1/groups/${g1}/plan/goals`,
    { text: 'Ik vraag eerst wat de ander nodig heeft.', measure: 'Mijn team merkt het.', due_on: '2027-05-01', element_ids: [element] });
  assert.equal(add.status, 201, add.text);
  const id = add.json().id;
  assert.equal(goals(), n + 1);
  assert.equal(one(`SELECT due_on FROM development_goal WHERE id = ${id}`), '2027-05-01');
  assert.equal(Number(one(`SELECT element_id FROM development_goal_element WHERE goal_id = ${id}`)), element);
  const change = await as.participant.postJson(`/api/v1/groups/${g1}/plan/goals`, { goal_id: id, text: 'Ik vraag altijd eerst door.' });
  assert.equal(change.status, 200, change.text);
  assert.deepEqual(change.json(), { ok: true });
  assert.equal(one(`SELECT text FROM development_goal WHERE id = ${id}`), 'Ik vraag altijd eerst door.');
  assert.equal(count(`development_goal_element WHERE goal_id = ${id}`), 0, 'the elements are as sent: none');
  const plan = await as.participant.get(`/api/v1/groups/${g1}/plan`);
  assert.equal(plan.status, 200);
  assert.ok(plan.json().goals.some((g) => g.id === id && g.text === 'Ik vraag altijd eerst door.'));

  refused(await as.participant.postJson(`/api/v1/groups/${g1}/plan/goals`, { text: 'Een doel', due_on: '1 mei' }), 422, 'due_on', /JJJJ-MM-DD/);
  refused(await as.participant.postJson(`/api/v1/groups/${g1}/plan/goals`, { text: 'Een doel', element_ids: ['C2'] }), 422, 'elements', /kader uit de lijst/);
  refused(await as.participant.postJson(`/api/v1/groups/${g1}/plan/goals`, { goal_id: id, text: '' }), 422, 'text');
  refused(await as.participant.postJson(`/api/v1/groups/${g1}/plan/goals`, { goal_id: 'een', text: 'Een doel' }), 422, 'goal_id');
  assert.equal(goals(), n + 1, 'nothing added');
  assert.equal(one(`SELECT text FROM development_goal WHERE id = ${id}`), 'Ik vraag altijd eerst door.', 'nothing changed');
  // another's goal, and another group or organisation: as if there were none
  const peerGoal = await as.peer.postJson(`/api/v1/groups/${g1}/plan/goals`, { text: 'Het doel van een ander.' });
  assert.equal(peerGoal.status, 201);
  refused(await as.participant.postJson(`/api/v1/groups/${g1}/plan/goals`, { goal_id: peerGoal.json().id, text: 'Overgenomen' }), 404);
  refused(await as.participant.request('DELETE', `/api/v1/groups/${g1}/plan/goals`,
    { body: JSON.stringify({ goal_id: peerGoal.json().id }), headers: { 'content-type': 'application/json' } }), 404);
  assert.equal(one(`SELECT text FROM development_goal WHERE id = ${peerGoal.json().id}`), 'Het doel van een ander.');
  refused(await as.participant.postJson(`/api/v1/groups/${g2}/plan/goals`, { text: 'Elders' }), 404);
  refused(await as.politie.postJson(`/api/v1/groups/${g1}/plan/goals`, { text: 'Elders' }), 404);
  refused(await as.politie.get(`/api/v1/groups/${g1}/plan`), 404);

  const del = (body) => as.participant.request('DELETE', `/api/v1/groups/${g1}/plan/goals`,
    { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  refused(await del({}), 422, 'goal_id');
  assert.equal((await del({ goal_id: id })).status, 200);
  assert.equal(count(`development_goal WHERE id = ${id}`), 0);
});

test('plan assignment and talks: saved as on the page, refused input changes nothing', async () => {
  const assignment = () => one(`SELECT assignment FROM development_plan WHERE person_id = ${ME} AND group_id = ${g1}`);
  const r = await as.participant.postJson(`/api/v1/groups/${g1}/plan/assignment`, { assignment: 'Een proef met één contactpersoon.' });
  assert.equal(r.status, 200, r.text);
  assert.equal(assignment(), 'Een proef met één contactpersoon.');
  refused(await as.participant.postJson(`/api/v1/groups/${g1}/plan/assignment`, { assignment: 'x'.repeat(4001) }), 422, 'assignment', /4000 tekens/);
  refused(await as.participant.postJson(`/api/v1/groups/${g1}/plan/assignment`, { assignment: ['a'] }), 422, 'assignment');
  assert.equal(assignment(), 'Een proef met één contactpersoon.');
  refused(await as.other_participant.postJson(`/api/v1/groups/${g1}/plan/assignment`, { assignment: 'Elders' }), 404);

  const talks = () => count(`manager_talk WHERE person_id = ${ME} AND group_id = ${g1}`);
  const n = talks();
  const t = await as.participant.postJson(`/api/v1/groups/${g1}/plan/talks`, { talk_on: '2026-11-30', agreements: 'Over zes weken weer.' });
  assert.equal(t.status, 201, t.text);
  assert.equal(one(`SELECT agreements FROM manager_talk WHERE id = ${t.json().id}`), 'Over zes weken weer.');
  refused(await as.participant.postJson(`/api/v1/groups/${g1}/plan/talks`, { talk_on: 'gisteren' }), 422, 'talk_on', /JJJJ-MM-DD/);
  assert.equal(talks(), n + 1);
});

test('intake and closing talk: the group\'s facilitator and mentor record them, the participant writes their own words', async () => {
  const logged = audits('intake.save');
  const r = await as.mentor.postJson(`/api/v1/enrolments/${enr}/intake`, { held_on: '2026-10-02', expectations: 'Meer rust.' });
  assert.equal(r.status, 200, r.text);
  assert.equal(one(`SELECT expectations FROM intake WHERE enrolment_id = ${enr}`), 'Meer rust.');
  assert.equal(audits('intake.save'), logged + 1);
  refused(await as.mentor.postJson(`/api/v1/enrolments/${enr}/intake`, { held_on: '2 oktober', expectations: 'Anders' }), 422, 'held_on', /JJJJ-MM-DD/);
  assert.equal(one(`SELECT expectations FROM intake WHERE enrolment_id = ${enr}`), 'Meer rust.');
  // another group's facilitator and another organisation: as if it did not exist
  refused(await as.other_facilitator.postJson(`/api/v1/enrolments/${enr}/intake`, { held_on: '2026-10-02' }), 404);
  refused(await as.politie_facilitator.postJson(`/api/v1/enrolments/${enr}/intake`, { held_on: '2026-10-02' }), 404);

  // the words wait for the offer
  refused(await as.peer.postJson(`/api/v1/enrolments/${enr3}/closing/words`, { learning_yield: 'Te vroeg' }), 422, 'learning_yield', /nog niet aangeboden/);
  refused(await as.facilitator.postJson(`/api/v1/enrolments/${enr3}/closing`, { offered_on: '2026-11-23', outcome: 'misschien' }), 422, 'outcome', /Kies uit de lijst/);
  assert.equal(count(`closing_talk WHERE enrolment_id = ${enr3}`), 0);
  const c = await as.facilitator.postJson(`/api/v1/enrolments/${enr3}/closing`, { offered_on: '2026-11-23', outcome: 'held', talk_held_on: '2026-11-30' });
  assert.equal(c.status, 200, c.text);
  assert.equal(one(`SELECT held_on FROM closing_talk WHERE enrolment_id = ${enr3}`), '2026-11-30');
  refused(await as.other_facilitator.postJson(`/api/v1/enrolments/${enr3}/closing`, { offered_on: '2026-11-23', outcome: 'open' }), 404);
  const w = await as.peer.postJson(`/api/v1/enrolments/${enr3}/closing/words`, { learning_yield: 'Ik vraag eerst.', next_steps: 'Een maatje.' });
  assert.equal(w.status, 200, w.text);
  assert.equal(one(`SELECT learning_yield FROM closing_talk WHERE enrolment_id = ${enr3}`), 'Ik vraag eerst.');
  // another participant of the same group writes nothing in it
  refused(await as.participant.postJson(`/api/v1/enrolments/${enr3}/closing/words`, { learning_yield: 'Overschreven' }), 404);
  assert.equal(one(`SELECT learning_yield FROM closing_talk WHERE enrolment_id = ${enr3}`), 'Ik vraag eerst.');
});

test('the intake page\'s content through the API: the participant and the group\'s facilitator and mentor, reads by others audited', async () => {
  const mine = await as.participant.get(`/api/v1/enrolments/${enr}/intake`);
  assert.equal(mine.status, 200, mine.text);
  assert.equal(mine.json().mine, true);
  assert.ok(mine.json().questions.length > 0, 'the learning question with its versions');
  const logged = audits('learning_question.read');
  const f = await as.facilitator.get(`/api/v1/enrolments/${enr}/intake`);
  assert.equal(f.status, 200, f.text);
  assert.equal(f.json().mine, false);
  assert.deepEqual(f.json().questions, mine.json().questions);
  assert.equal(audits('learning_question.read'), logged + 1, 'the facilitator\'s read is recorded, the participant\'s own not');
  for (const who of ['peer', 'other_facilitator', 'politie_facilitator']) refused(await as[who].get(`/api/v1/enrolments/${enr}/intake`), 404);
});

test('placing a contribution: the group\'s facilitator only, the audit as on the page', async () => {
  const c = Number(one(`SELECT c.id FROM contribution c JOIN meeting m ON m.id = c.meeting_id WHERE m.group_id = ${g1} ORDER BY c.id LIMIT 1`));
  const placed = () => Number(one(`SELECT placed FROM contribution WHERE id = ${c}`));
  const was = placed();
  const action = was ? 'contribution.unplace' : 'contribution.place';
  const logged = audits(action);
  const r = await as.facilitator.postJson(`/api/v1/contributions/${c}/place`, { placed: !was });
  assert.equal(r.status, 200, r.text);
  assert.equal(placed(), was ? 0 : 1);
  assert.equal(audits(action), logged + 1);
  refused(await as.facilitator.postJson(`/api/v1/contributions/${c}/place`, { placed: 'ja' }), 422, 'placed', /true of false/);
  refused(await as.facilitator.postJson(`/api/v1/contributions/${c}/place`, {}), 422, 'placed');
  assert.equal(placed(), was ? 0 : 1, 'nothing changed');
  refused(await as.other_facilitator.postJson(`/api/v1/contributions/${c}/place`, { placed: !!was }), 404);
  refused(await as.other_facilitator.postJson(`/api/v1/contributions/${c}/place`, {}), 404, undefined, /niets met dit nummer/);
  refused(await as.politie_facilitator.postJson(`/api/v1/contributions/${c}/place`, { placed: !!was }), 404);
  assert.equal(placed(), was ? 0 : 1);
});

test('the learning story: the facilitator writes it; bundling before the last meeting is refused', async () => {
  const r = await as.facilitator.postJson(`/api/v1/groups/${g1}/story`, { opening: 'Zo begon het.', closing: 'Zo gaan we verder.' });
  assert.equal(r.status, 200, r.text);
  assert.equal(one(`SELECT opening FROM learning_story WHERE group_id = ${g1}`), 'Zo begon het.');
  assert.equal(one(`SELECT status FROM learning_story WHERE group_id = ${g1}`), 'draft');
  // Groep 1's last meeting lies ahead
  refused(await as.facilitator.postJson(`/api/v1/groups/${g1}/story`, { opening: 'Anders', closing: '', bundle: true }), 422, null, /op of na de laatste bijeenkomst/);
  refused(await as.facilitator.postJson(`/api/v1/groups/${g1}/story`, { opening: 'Anders', bundle: 'ja' }), 422, 'bundle', /true of false/);
  assert.equal(one(`SELECT opening FROM learning_story WHERE group_id = ${g1}`), 'Zo begon het.');
  assert.equal(one(`SELECT status FROM learning_story WHERE group_id = ${g1}`), 'draft');
  refused(await as.other_facilitator.postJson(`/api/v1/groups/${g1}/story`, { opening: 'Elders' }), 404);
  refused(await as.politie_facilitator.postJson(`/api/v1/groups/${leercirkel}/story`, { opening: 'Elders' }), 404);
});

test('the logbook: add, change, share and remove one\'s own entries; another\'s is 404 and stays as it was', async () => {
  const entries = () => count(`logbook_entry WHERE person_id = ${ME}`);
  const n = entries();
  const add = await as.participant.postJson('/api/v1/logbook', { entry_date: '2026-11-20', energy_gave: 'Goed gesprek.', tags: 'team' });
  assert.equal(add.status, 201, add.text);
  const id = add.json().id;
  assert.equal(entries(), n + 1);
  const row = () => sql(`SELECT entry_date, energy_gave, energy_cost, shared_with, group_id FROM logbook_entry WHERE id = ${id}`)[0];
  assert.equal(row().shared_with, 'private', 'a new entry is private');

  refused(await as.participant.postJson('/api/v1/logbook', { entry_date: '2026-11-20', energy_gave: ' ' }), 422, 'energy_gave', /minstens een van de velden/);
  refused(await as.participant.postJson('/api/v1/logbook', { entry_date: '2099-01-01', energy_gave: 'Vooruit' }), 422, 'date_ahead', /in de toekomst/);
  refused(await as.participant.postJson('/api/v1/logbook', { energy_gave: 'Vooruit', date_ahead: 'ja' }), 422, 'date_ahead', /true of false/);
  refused(await as.administrator.postJson('/api/v1/logbook', { energy_gave: 'Geen persoon' }), 422, null, /niet aan een persoon gekoppeld/);
  assert.equal(entries(), n + 1, 'nothing added');
  const ahead = await as.participant.postJson('/api/v1/logbook', { entry_date: '2099-01-01', energy_gave: 'Vooruit', date_ahead: true });
  assert.equal(ahead.status, 201, 'a date ahead, confirmed');

  const upd = await as.participant.postJson(`/api/v1/logbook/${id}`, { entry_date: '2026-11-19', energy_gave: 'Goed gesprek.', energy_cost: 'Mail.' });
  assert.equal(upd.status, 200, upd.text);
  assert.equal(row().entry_date, '2026-11-19');
  assert.equal(row().energy_cost, 'Mail.');
  refused(await as.participant.postJson(`/api/v1/logbook/${id}`, { entry_date: 'gisteren', energy_gave: 'Anders' }), 422, 'entry_date', /JJJJ-MM-DD/);
  // the date left out: the entry keeps its own
  assert.equal((await as.participant.postJson(`/api/v1/logbook/${id}`, { energy_gave: 'Goed gesprek.', energy_cost: 'Mail.' })).status, 200);
  assert.equal(row().entry_date, '2026-11-19');
  assert.equal(row().energy_gave, 'Goed gesprek.', 'nothing changed');

  const own = await as.participant.get(`/api/v1/logbook/${id}`);
  assert.equal(own.status, 200);
  assert.deepEqual({ ...own.json(), writer: undefined }, { id, entry_date: '2026-11-19', energy_gave: 'Goed gesprek.',
    energy_cost: 'Mail.', body: '', tags: '', shared_with: 'private', group_id: null, mine: true, writer: undefined });
  refused(await as.facilitator.get(`/api/v1/logbook/${id}`), 404, undefined, /niets met dit nummer/);

  const logged = audits('logbook.share');
  const sh = await as.participant.postJson(`/api/v1/logbook/${id}/share`, { shared_with: 'facilitator', group_id: g1 });
  assert.equal(sh.status, 200, sh.text);
  assert.equal(row().shared_with, 'facilitator');
  assert.equal(Number(row().group_id), g1);
  assert.equal(audits('logbook.share'), logged + 1);
  refused(await as.participant.postJson(`/api/v1/logbook/${id}/share`, { shared_with: 'group', group_id: g2 }), 422, 'group_id', /eigen groepen/);
  refused(await as.participant.postJson(`/api/v1/logbook/${id}/share`, { shared_with: 'iedereen', group_id: g1 }), 422, 'shared_with');
  assert.equal(row().shared_with, 'facilitator', 'nothing changed');

  const reads = audits('logbook.read');
  const shared = await as.facilitator.get(`/api/v1/logbook/${id}`);
  assert.equal(shared.status, 200, 'shared with the facilitator: they read it');
  assert.equal(shared.json().mine, false);
  assert.equal(audits('logbook.read'), reads + 1, 'and the read is recorded');
  for (const who of ['peer', 'mentor', 'coach', 'politie']) refused(await as[who].get(`/api/v1/logbook/${id}`), 404);
  // the facilitator reads it, shared with them, but changes, shares or removes nothing; nor does anyone else
  for (const who of ['facilitator', 'peer', 'coach', 'politie']) {
    refused(await as[who].postJson(`/api/v1/logbook/${id}`, { energy_gave: 'Overschreven' }), 404);
    refused(await as[who].postJson(`/api/v1/logbook/${id}/share`, { shared_with: 'private' }), 404);
    refused(await as[who].request('DELETE', `/api/v1/logbook/${id}`,
      { body: JSON.stringify({ confirm: true }), headers: { 'content-type': 'application/json' } }), 404);
  }
  assert.equal(row().energy_gave, 'Goed gesprek.');
  assert.equal(row().shared_with, 'facilitator');

  const del = (body) => as.participant.request('DELETE', `/api/v1/logbook/${id}`, { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  refused(await del({}), 422, 'confirm', /ongedaan/);
  assert.ok(row(), 'kept without the confirm');
  assert.equal((await del({ confirm: true })).status, 200);
  assert.equal(row(), undefined);
  refused(await del({ confirm: true }), 404);
});
