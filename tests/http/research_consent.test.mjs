// Consent for research (issue 19) through the pages and the API: the
// writer of a logbook entry gives and withdraws it and nobody else can
// (the facilitator, the coach, the administrator, the researcher, another
// organisation: refused and nothing changed); the case owner alone for
// their case; the group's facilitator or the coach records the group's
// consent for a published report and a bundled story, a draft refuses it
// with a Dutch sentence; each change is in the audit log. Which texts the
// researcher may then take is tested in C (tests/unit/test_research_consent.c).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, demoEmail } from '../lib/server.mjs';
import { sqlRows } from '../lib/db.mjs';
import { mainOf as main } from '../lib/html.mjs';

let srv;
const as = {};
const sql = (q) => sqlRows(srv.db, q);
const personOf = (email) => sql(`SELECT person_id AS id FROM account WHERE email = '${email}'`)[0].id;
const consentOf = (table, id) => sql(`SELECT research_consent AS c, research_consent_at AS at${
  ['meeting_report', 'learning_story'].includes(table) ? ', research_consent_by AS by' : ''} FROM ${table} WHERE id = ${id}`)[0];
const audits = (action, id) => sql(`SELECT count(*) AS n FROM audit_log WHERE action = '${action}' AND object_id = ${id}`)[0].n;

let entry, facilitatorPerson, published, draft, storyGroup, storyId, session;

before(async () => {
  srv = await startServer();
  for (const role of ['participant', 'facilitator', 'mentor', 'coach', 'owner', 'administrator', 'researcher']) {
    as[role] = new Client(srv.base);
    await as[role].login(demoEmail(role, 'politie'));
  }
  as.other_org = new Client(srv.base);
  await as.other_org.login(demoEmail('coach', 'gemeente'));
  // a fresh private entry of the demo participant
  await as.participant.get('/logbook');
  const r = await as.participant.post('/logbook', { entry_date: '2026-11-20', energy_gave: 'Een goed gesprek met mijn team',
    energy_cost: '', body: '', tags: '' });
  assert.equal(r.status, 303);
  entry = sql(`SELECT max(id) AS id FROM logbook_entry WHERE person_id = ${personOf(demoEmail('participant'))}`)[0].id;
  facilitatorPerson = personOf(demoEmail('facilitator'));
  const reps = sql(`SELECT r.id, r.meeting_id, r.status FROM meeting_report r JOIN learning_group g ON g.id = r.group_id
    WHERE g.facilitator_id = ${facilitatorPerson} ORDER BY r.id`);
  published = reps.find((x) => x.status === 'published');
  draft = reps.find((x) => x.status === 'draft');
  const st = sql(`SELECT s.id, s.group_id FROM learning_story s JOIN learning_group g ON g.id = s.group_id
    WHERE g.facilitator_id = ${facilitatorPerson} AND s.status = 'bundled'`)[0];
  [storyId, storyGroup] = [st.id, st.group_id];
  session = sql(`SELECT id FROM case_session WHERE case_person_id = ${personOf(demoEmail('participant'))} ORDER BY id`)[0].id;
  assert.ok(entry && published && draft && storyId && session, 'the demo holds what the tests need');
});
after(async () => { await srv.stop(); });

test('the writer gives consent for an entry on its page, sees it, and withdraws it', async () => {
  const page = await as.participant.get(`/logbook/${entry}`);
  assert.equal(page.status, 200);
  const m = main(page.text);
  assert.match(m, new RegExp(`<form method="post" action="/logbook/${entry}/consent"><input type="hidden" name="csrf"`));
  assert.match(m, /<input type="checkbox" id="f-consent" name="consent" value="1"> <label for="f-consent">Mag gebruikt worden voor onderzoek<\/label>/);
  assert.match(m, /gepseudonimiseerd/);
  assert.match(m, /onderzoekers van je organisatie/);
  assert.match(m, /intrekken haalt de aantekening uit de onderzoeksprojecten/);
  assert.match(m, /Geen toestemming gegeven\./);

  let r = await as.participant.post(`/logbook/${entry}/consent`, { consent: '1' });
  assert.equal(r.status, 303);
  assert.match(r.headers.get('location'), new RegExp(`^/logbook/${entry}\\?done=consent-saved`));
  assert.equal(consentOf('logbook_entry', entry).c, 1);
  assert.ok(consentOf('logbook_entry', entry).at > 0);
  assert.equal(audits('research.consent.give', entry), 1);
  const after = main((await as.participant.get(r.headers.get('location'))).text);
  assert.match(after, /De toestemming voor onderzoek is opgeslagen\./);
  assert.match(after, /Toestemming gegeven op /);
  assert.match(after, /name="consent" value="1" checked>/);

  // the checkbox left empty withdraws it
  r = await as.participant.post(`/logbook/${entry}/consent`, {});
  assert.equal(r.status, 303);
  assert.equal(consentOf('logbook_entry', entry).c, 0);
  assert.equal(consentOf('logbook_entry', entry).at, null);
  assert.equal(audits('research.consent.withdraw', entry), 1);
});

test('a form without its CSRF token changes nothing', async () => {
  const r = await as.participant.post(`/logbook/${entry}/consent`, { consent: '1', csrf: '0'.repeat(64) });
  assert.equal(r.status, 403);
  assert.equal(consentOf('logbook_entry', entry).c, 0);
});

test('nobody but the writer gives or withdraws consent for an entry, by page or API', async () => {
  for (const who of ['facilitator', 'mentor', 'coach', 'owner', 'administrator', 'researcher', 'other_org']) {
    await as[who].get('/');
    const p = await as[who].post(`/logbook/${entry}/consent`, { consent: '1' });
    assert.ok([403, 404].includes(p.status), `${who}: page ${p.status}`);
    const a = await as[who].postJson(`/api/v1/logbook/${entry}/consent`, { consent: true });
    assert.ok([403, 404].includes(a.status), `${who}: API ${a.status}`);
    assert.equal(consentOf('logbook_entry', entry).c, 0, `${who} changed nothing`);
    assert.doesNotMatch((await as[who].get(`/logbook/${entry}`)).text, /Mag gebruikt worden voor onderzoek/, who);
  }
  // and once given, nobody else withdraws it
  assert.equal((await as.participant.postJson(`/api/v1/logbook/${entry}/consent`, { consent: true })).status, 200);
  for (const who of ['facilitator', 'coach', 'administrator', 'researcher']) {
    const a = await as[who].postJson(`/api/v1/logbook/${entry}/consent`, { consent: false });
    assert.ok([403, 404].includes(a.status), `${who}: API ${a.status}`);
  }
  assert.equal(consentOf('logbook_entry', entry).c, 1);
  assert.equal((await as.participant.postJson(`/api/v1/logbook/${entry}/consent`, { consent: false })).status, 200);
  assert.equal(consentOf('logbook_entry', entry).c, 0);
});

test('the API wants a boolean and says so in Dutch', async () => {
  for (const body of [{}, { consent: 'ja' }, { consent: 1 }]) {
    const r = await as.participant.postJson(`/api/v1/logbook/${entry}/consent`, body);
    assert.equal(r.status, 422, JSON.stringify(body));
    assert.match(r.json().error.message, /Stuur "consent": true of false\./);
  }
  // who may not change it is told nothing about their input
  for (const who of ['facilitator', 'researcher']) {
    assert.equal((await as[who].postJson(`/api/v1/logbook/${entry}/consent`, { consent: 'ja' })).status, 404, who);
  }
  assert.equal(consentOf('logbook_entry', entry).c, 0);
});

test('the case owner alone consents for their case', async () => {
  const page = main((await as.participant.get(`/sessions/${session}`)).text);
  assert.match(page, new RegExp(`action="/sessions/${session}/consent"`));
  assert.match(page, /Mijn casus mag gebruikt worden voor onderzoek/);
  // the facilitator who led the session sees no such form and may not
  assert.doesNotMatch((await as.facilitator.get(`/sessions/${session}`)).text, /\/consent"/);
  for (const who of ['facilitator', 'coach', 'administrator', 'researcher']) {
    await as[who].get('/');
    assert.ok([403, 404].includes((await as[who].post(`/sessions/${session}/consent`, { consent: '1' })).status), who);
    assert.ok([403, 404].includes((await as[who].postJson(`/api/v1/sessions/${session}/consent`, { consent: true })).status), who);
  }
  assert.equal(consentOf('case_session', session).c, 0);
  await as.participant.get(`/sessions/${session}`);
  assert.equal((await as.participant.post(`/sessions/${session}/consent`, { consent: '1' })).status, 303);
  assert.equal(consentOf('case_session', session).c, 1);
  assert.equal(audits('research.consent.give', session), 1);
  assert.equal((await as.participant.postJson(`/api/v1/sessions/${session}/consent`, { consent: false })).status, 200);
  assert.equal(consentOf('case_session', session).c, 0);
});

test('a draft report refuses the group\'s consent, in Dutch, and changes nothing', async () => {
  await as.facilitator.get(`/meetings/${draft.meeting_id}/report`);
  assert.doesNotMatch(main((await as.facilitator.get(`/meetings/${draft.meeting_id}/report`)).text), /\/report\/consent"/,
    'no form on a draft');
  const r = await as.facilitator.post(`/meetings/${draft.meeting_id}/report/consent`, { consent: '1' });
  assert.equal(r.status, 422);
  assert.match(r.text, /Een conceptverslag kan geen toestemming van de groep dragen/);
  const a = await as.facilitator.postJson(`/api/v1/meetings/${draft.meeting_id}/report/consent`, { consent: true });
  assert.equal(a.status, 422);
  assert.match(a.json().error.message, /conceptverslag/);
  assert.equal(consentOf('meeting_report', draft.id).c, 0);
});

test('the facilitator records the group\'s consent for a published report, with date and name; the coach may withdraw it', async () => {
  const href = `/meetings/${published.meeting_id}/report`;
  const page = main((await as.facilitator.get(href)).text);
  assert.match(page, new RegExp(`action="${href}/consent"`));
  assert.match(page, /<label for="f-consent">De groep stemt in met gebruik voor onderzoek<\/label>/);
  let r = await as.facilitator.post(`${href}/consent`, { consent: '1' });
  assert.equal(r.status, 303);
  const c = consentOf('meeting_report', published.id);
  assert.equal(c.c, 1);
  assert.equal(c.by, facilitatorPerson);
  const shown = main((await as.facilitator.get(href)).text);
  const name = sql(`SELECT name FROM person WHERE id = ${facilitatorPerson}`)[0].name;
  const esc = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  const line = (shown.match(/<p class="status">(Toestemming vastgelegd op [^<]*)<\/p>/) || [])[1];
  assert.ok(line, 'the date and who recorded it');
  assert.ok(line.endsWith(` door ${esc(name)}.`), `${line} names ${name}`);
  assert.match(shown, /name="consent" value="1" checked>/);
  // neither the mentor, a participant, the owner, the administrator nor the researcher
  for (const who of ['mentor', 'participant', 'owner', 'administrator', 'researcher', 'other_org']) {
    await as[who].get('/');
    assert.ok([403, 404].includes((await as[who].post(`${href}/consent`, {})).status), who);
    assert.ok([403, 404].includes((await as[who].postJson(`/api/v1${href}/consent`, { consent: false })).status), who);
  }
  assert.equal(consentOf('meeting_report', published.id).c, 1, 'nothing changed');
  // the coach reads along and records too
  assert.match(main((await as.coach.get(href)).text), new RegExp(`action="${href}/consent"`));
  r = await as.coach.postJson(`/api/v1${href}/consent`, { consent: false });
  assert.equal(r.status, 200);
  assert.equal(consentOf('meeting_report', published.id).c, 0);
  assert.equal(audits('research.consent.withdraw', published.id) >= 1, true);
});

test('the group\'s consent for a bundled learning story', async () => {
  const href = `/groups/${storyGroup}/story`;
  assert.match(main((await as.facilitator.get(href)).text), new RegExp(`action="${href}/consent"`));
  for (const who of ['mentor', 'participant', 'administrator', 'researcher']) {
    await as[who].get('/');
    assert.ok([403, 404].includes((await as[who].post(`${href}/consent`, { consent: '1' })).status), who);
  }
  assert.equal(consentOf('learning_story', storyId).c, 0);
  assert.equal((await as.facilitator.post(`${href}/consent`, { consent: '1' })).status, 303);
  assert.equal(consentOf('learning_story', storyId).c, 1);
  assert.equal(audits('research.consent.give', storyId) >= 1, true);
  // a story not bundled yet refuses it
  const open = sql(`SELECT g.id FROM learning_group g WHERE g.facilitator_id = ${facilitatorPerson}
    AND g.id NOT IN (SELECT group_id FROM learning_story WHERE status = 'bundled') ORDER BY g.id`)[0].id;
  const r = await as.facilitator.post(`/groups/${open}/story/consent`, { consent: '1' });
  assert.equal(r.status, 422);
  assert.match(r.text, /nog niet gebundeld/);
});
