// The administrator's page actions in the API (issue 21): units, accounts
// and roles, invitations, switching accounts off, erasure, retention
// periods; the catalogue's form and examples; one's calendar links. Each
// twin changes the database as its page does and writes the same audit
// line; bad input is refused in Dutch under its field with nothing changed;
// another organisation's number is 404; what the page asks to confirm the
// API wants as "confirm": true. And the command line of units and roles,
// through the same domain calls. One server for the whole file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, demoEmail, cli, cliResult } from '../lib/server.mjs';
import { sqlRows } from '../lib/db.mjs';

const ORG = 'gemeente-demo';
const ORG_ID = `(SELECT id FROM organisation WHERE slug = '${ORG}')`;
const POLITIE_ID = "(SELECT id FROM organisation WHERE slug = 'politie-demo')";
let srv, admin, coach, participant, politieAdmin;
const sql = (q) => sqlRows(srv.db, q);
const one = (q) => { const r = sql(q); return r.length ? Object.values(r[0])[0] : undefined; };
const audits = (action, id) => one(`SELECT count(*) FROM audit_log WHERE action = '${action}'${id ? ` AND object_id = ${id}` : ''}`);
const signedIn = async (email) => { const c = new Client(srv.base); await c.login(email); return c; };
const send = (c, method, path, body) => c.request(method, path, { body: JSON.stringify(body ?? {}), headers: { 'content-type': 'application/json' } });
const post = (c, path, body) => send(c, 'POST', path, body);

// a refusal: its status, its field and a Dutch message
function refused(r, status, field, message) {
  assert.equal(r.status, status, r.text);
  const e = r.json().error;
  assert.equal(e.field, field, r.text);
  if (message) assert.match(e.message, message);
  else assert.match(e.message, /[a-z]/);
}

before(async () => {
  srv = await startServer();
  admin = await signedIn(demoEmail('administrator', 'gemeente'));
  coach = await signedIn(demoEmail('coach', 'gemeente'));
  participant = await signedIn(demoEmail('participant', 'gemeente'));
  politieAdmin = await signedIn(demoEmail('administrator', 'politie'));
});
after(async () => { await srv.stop(); });

test('units: added, changed and removed through the API as on the page, with the same audit lines', async () => {
  const top = one(`SELECT id FROM unit WHERE organisation_id = ${ORG_ID} AND parent_id IS NULL ORDER BY id LIMIT 1`);
  let r = await post(admin, '/api/v1/units', { name: 'API-afdeling', parent_id: top });
  assert.equal(r.status, 201, r.text);
  const id = r.json().id;
  assert.deepEqual(sql(`SELECT name, parent_id FROM unit WHERE id = ${id}`), [{ name: 'API-afdeling', parent_id: top }]);
  assert.equal(audits('unit.create', id), 1);

  const units = () => one(`SELECT count(*) FROM unit WHERE organisation_id = ${ORG_ID}`);
  const before = units();
  refused(await post(admin, '/api/v1/units', { name: '', parent_id: top }), 422, 'name');
  refused(await post(admin, '/api/v1/units', { name: 'X', parent_id: 'boven' }), 422, 'parent_id', /Kies uit de lijst/);
  refused(await post(admin, '/api/v1/units', { name: 42 }), 422, 'name', /Geef name als tekst/);
  refused(await post(admin, '/api/v1/units', { name: 'API-afdeling', parent_id: top }), 422, 'name');
  const politieUnit = one(`SELECT id FROM unit WHERE organisation_id = ${POLITIE_ID} LIMIT 1`);
  refused(await post(admin, '/api/v1/units', { name: 'Elders', parent_id: politieUnit }), 422, 'parent_id');
  assert.equal(units(), before, 'nothing was added');

  // the unit page's form: a new name, the top, a manager by person id or employee number
  const manager = sql(`SELECT id, employee_id FROM person WHERE organisation_id = ${ORG_ID} AND active = 1 ORDER BY id LIMIT 1`)[0];
  r = await post(admin, `/api/v1/units/${id}`, { name: 'API-team', parent_id: null, manager_id: manager.id });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.json(), { id, name: 'API-team', path: 'API-team', parent_id: null, manager_id: manager.id, people: 0, units: 0 });
  assert.deepEqual(sql(`SELECT name, parent_id, manager_person_id AS m FROM unit WHERE id = ${id}`), [{ name: 'API-team', parent_id: null, m: manager.id }]);
  assert.equal(audits('unit.rename', id) + audits('unit.move', id) + audits('unit.manager', id), 3);
  r = await post(admin, `/api/v1/units/${id}`, { manager: '' });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json().manager_id, null);
  r = await post(admin, `/api/v1/units/${id}`, { manager: manager.employee_id });
  assert.equal(r.json().manager_id, manager.id, 'by employee number, as the page');
  r = await post(admin, `/api/v1/units/${id}`, { manager: null });
  assert.equal(r.status, 200, r.text);
  assert.equal(one(`SELECT manager_person_id FROM unit WHERE id = ${id}`), null, 'null says no manager');
  r = await post(admin, `/api/v1/units/${id}`, { manager: manager.employee_id, name: null });
  assert.equal(r.json().name, 'API-team', 'a name sent as null is kept');

  const was = sql(`SELECT name, parent_id, manager_person_id FROM unit WHERE id = ${id}`);
  refused(await post(admin, `/api/v1/units/${id}`, { name: 'Nieuw', manager: 'GEEN-NUMMER' }), 422, 'manager', /GEEN-NUMMER/);
  refused(await post(admin, `/api/v1/units/${id}`, { name: 'Nieuw', parent_id: id }), 422, 'parent_id');
  refused(await post(admin, `/api/v1/units/${id}`, { manager: '', manager_id: null }), 422, 'manager_id');
  const politiePerson = one(`SELECT id FROM person WHERE organisation_id = ${POLITIE_ID} LIMIT 1`);
  refused(await post(admin, `/api/v1/units/${id}`, { name: 'Nieuw', manager_id: politiePerson }), 422, 'manager_id');
  assert.deepEqual(sql(`SELECT name, parent_id, manager_person_id FROM unit WHERE id = ${id}`), was, 'all or nothing');
  assert.equal((await post(admin, `/api/v1/units/${politieUnit}`, { name: 'Gekaapt' })).status, 404);
  assert.equal((await send(admin, 'DELETE', `/api/v1/units/${politieUnit}`)).status, 404);
  assert.equal((await post(coach, `/api/v1/units/${id}`, { name: 'Coach' })).status, 403);

  // removal: a unit with people stays (409), an empty one goes
  const full = one(`SELECT unit_id FROM person WHERE organisation_id = ${ORG_ID} AND unit_id IS NOT NULL LIMIT 1`);
  r = await send(admin, 'DELETE', `/api/v1/units/${full}`);
  assert.equal(r.status, 409, r.text);
  assert.match(r.json().error.message, /onderdelen of mensen/);
  assert.equal(one(`SELECT count(*) FROM unit WHERE id = ${full}`), 1);
  r = await send(admin, 'DELETE', `/api/v1/units/${id}`);
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.json(), { ok: true });
  assert.equal(one(`SELECT count(*) FROM unit WHERE id = ${id}`), 0);
  assert.equal(audits('unit.remove', id), 1);
});

test('erasing a person wants "confirm": true; dry_run only tells; another organisation\'s person is 404', async () => {
  const csv = 'personeelsnummer;naam;e-mail\r\nERA01;Erik Wisbaar;era01@gemeente.example\r\n';
  const imp = await admin.request('POST', '/api/v1/people/import', { body: csv, headers: { 'content-type': 'text/csv' } });
  assert.equal(imp.status, 200, imp.text);
  const id = one(`SELECT id FROM person WHERE employee_id = 'ERA01'`);
  const name = () => one(`SELECT name FROM person WHERE id = ${id}`);
  refused(await post(admin, `/api/v1/people/${id}/erase`, {}), 422, 'confirm', /confirm/);
  refused(await post(admin, `/api/v1/people/${id}/erase`, { confirm: 'ja' }), 422, 'confirm');
  let r = await post(admin, `/api/v1/people/${id}/erase`, { dry_run: true });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json().erased, false);
  assert.ok(r.json().steps.length > 0);
  assert.equal(name(), 'Erik Wisbaar', 'nothing erased yet');
  assert.equal(audits('person.erase', id), 0);
  const politiePerson = one(`SELECT id FROM person WHERE organisation_id = ${POLITIE_ID} LIMIT 1`);
  assert.equal((await post(admin, `/api/v1/people/${politiePerson}/erase`, { confirm: true })).status, 404);
  assert.equal((await post(coach, `/api/v1/people/${id}/erase`, { confirm: true })).status, 403);
  r = await post(admin, `/api/v1/people/${id}/erase`, { confirm: true });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json().erased, true);
  assert.notEqual(name(), 'Erik Wisbaar');
  assert.equal(one(`SELECT count(*) FROM person WHERE employee_id = 'ERA01'`), 0);
  assert.equal(audits('person.erase', id), 1, 'the same audit line as the page');
});

test('accounts: invited, given and relieved of roles, invited again, switched off and on, sessions ended', async () => {
  const accounts = () => one(`SELECT count(*) FROM account`);
  let r = await post(admin, '/api/v1/accounts', { email: 'api.nieuw@gemeente.example', display_name: 'Api Nieuw', role: 'participant' });
  assert.equal(r.status, 201, r.text);
  const inv = r.json();
  assert.equal(inv.email, 'api.nieuw@gemeente.example');
  assert.match(inv.link, /\/password\/reset\?token=[0-9a-f]+/, 'no mail here: the link comes back');
  const id = inv.id;
  assert.deepEqual(sql(`SELECT a.display_name AS n, a.active, g.role FROM account a JOIN role_grant g ON g.account_id = a.id WHERE a.id = ${id}`),
    [{ n: 'Api Nieuw', active: 1, role: 'participant' }]);
  assert.equal(audits('account.invite', id), 1);

  const n = accounts();
  refused(await post(admin, '/api/v1/accounts', { email: 'api.nieuw@gemeente.example', display_name: 'Twee', role: 'participant' }), 422, 'email');
  refused(await post(admin, '/api/v1/accounts', { email: 'x1@gemeente.example', display_name: 'X', role: 'baas' }), 422, 'role', /rol/);
  const politiePerson = one(`SELECT id FROM person WHERE organisation_id = ${POLITIE_ID} LIMIT 1`);
  refused(await post(admin, '/api/v1/accounts', { email: 'x2@gemeente.example', person_id: politiePerson, role: 'participant' }), 422, 'person_id');
  const someone = sql(`SELECT p.id, p.name FROM person p WHERE p.organisation_id = ${ORG_ID} AND p.active = 1
    AND NOT EXISTS (SELECT 1 FROM account a WHERE a.person_id = p.id) ORDER BY p.id LIMIT 1`)[0];
  refused(await post(admin, '/api/v1/accounts', { email: 'x3@gemeente.example', display_name: 'Iemand Anders', person_id: someone.id, role: 'participant' }),
    422, 'link_anyway');
  assert.equal(accounts(), n, 'nothing was made');
  r = await post(admin, '/api/v1/accounts', { email: 'x3@gemeente.example', display_name: 'Iemand Anders', person_id: someone.id, role: 'participant', link_anyway: true });
  assert.equal(r.status, 201, r.text);
  assert.equal(one(`SELECT person_id FROM account WHERE id = ${r.json().id}`), someone.id);

  // roles: given (201, then 200 for one held), taken away, never across organisations
  r = await post(admin, `/api/v1/accounts/${id}/roles`, { role: 'mentor' });
  assert.equal(r.status, 201, r.text);
  const grant = r.json().id;
  assert.equal(one(`SELECT role FROM role_grant WHERE id = ${grant} AND account_id = ${id}`), 'mentor');
  assert.equal(audits('role.grant', id), 1);
  r = await post(admin, `/api/v1/accounts/${id}/roles`, { role: 'mentor' });
  assert.equal(r.status, 200);
  assert.equal(r.json().id, grant);
  refused(await post(admin, `/api/v1/accounts/${id}/roles`, { role: 'keizer' }), 422, 'role');
  refused(await post(admin, `/api/v1/accounts/${id}/roles`, { role: 7 }), 422, 'role');
  const politieAccount = one(`SELECT id FROM account WHERE organisation_id = ${POLITIE_ID} LIMIT 1`);
  assert.equal((await post(admin, `/api/v1/accounts/${politieAccount}/roles`, { role: 'mentor' })).status, 404);
  const listed = (await admin.get('/api/v1/accounts')).json().accounts.find((a) => a.id === id);
  assert.deepEqual(listed.roles.map((g) => g.role).sort(), ['mentor', 'participant']);
  assert.ok(!(await admin.get('/api/v1/accounts')).json().accounts.some((a) => a.id === politieAccount));
  assert.equal((await send(admin, 'DELETE', `/api/v1/accounts/${politieAccount}/roles/${grant}`)).status, 404);
  r = await send(admin, 'DELETE', `/api/v1/accounts/${id}/roles/${grant}`);
  assert.equal(r.status, 200, r.text);
  assert.equal(one(`SELECT count(*) FROM role_grant WHERE id = ${grant}`), 0);
  assert.equal(audits('role.revoke', id), 1);
  const me = one(`SELECT id FROM account WHERE email = '${demoEmail('administrator', 'gemeente')}'`);
  const mine = one(`SELECT id FROM role_grant WHERE account_id = ${me} AND role = 'administrator'`);
  r = await send(admin, 'DELETE', `/api/v1/accounts/${me}/roles/${mine}`);
  assert.equal(r.status, 409, r.text);
  assert.equal(one(`SELECT count(*) FROM role_grant WHERE id = ${mine}`), 1);

  // invited again: a new link, the old one stops; and all waiting at once
  r = await post(admin, `/api/v1/accounts/${id}/invite`, {});
  assert.equal(r.status, 200, r.text);
  assert.notEqual(r.json().link, inv.link);
  assert.equal(audits('account.invite.again', id), 1);
  assert.equal((await post(admin, `/api/v1/accounts/${me}/invite`, {})).status, 409, 'signed in already');
  r = await post(admin, '/api/v1/accounts/invitations', {});
  assert.equal(r.status, 200, r.text);
  assert.ok(r.json().invitations.some((x) => x.id === id && x.link));

  // switched off only when confirmed, never oneself; on again
  refused(await post(admin, `/api/v1/accounts/${id}/deactivate`, {}), 422, 'confirm');
  assert.equal(one(`SELECT active FROM account WHERE id = ${id}`), 1);
  r = await post(admin, `/api/v1/accounts/${id}/deactivate`, { confirm: true });
  assert.equal(r.status, 200, r.text);
  assert.equal(one(`SELECT active FROM account WHERE id = ${id}`), 0);
  assert.equal(audits('account.deactivate', id), 1);
  assert.equal((await post(admin, `/api/v1/accounts/${me}/deactivate`, { confirm: true })).status, 409);
  assert.equal((await post(admin, `/api/v1/accounts/${politieAccount}/deactivate`, { confirm: true })).status, 404);
  r = await post(admin, `/api/v1/accounts/${id}/reactivate`, {});
  assert.equal(r.status, 200, r.text);
  assert.equal(one(`SELECT active FROM account WHERE id = ${id}`), 1);
  assert.equal(audits('account.reactivate', id), 1);

  // sessions: another's end at once, one's own is logging out
  const them = one(`SELECT id FROM account WHERE email = '${demoEmail('participant', 'gemeente')}'`);
  const other = await signedIn(demoEmail('participant', 'gemeente'));
  assert.ok(one(`SELECT count(*) FROM session WHERE account_id = ${them}`) > 0);
  r = await send(admin, 'DELETE', `/api/v1/accounts/${them}/sessions`);
  assert.equal(r.status, 200, r.text);
  assert.equal(one(`SELECT count(*) FROM session WHERE account_id = ${them}`), 0);
  assert.equal(audits('account.sessions.end', them), 1);
  assert.equal((await other.get('/api/v1/me')).status, 401);
  assert.equal((await send(admin, 'DELETE', `/api/v1/accounts/${me}/sessions`)).status, 409);
  assert.equal((await send(admin, 'DELETE', `/api/v1/accounts/${politieAccount}/sessions`)).status, 404);
  participant = await signedIn(demoEmail('participant', 'gemeente'));
});

test('inviting a whole unit: the count expected, or 409 and nobody; everyone then', async () => {
  const csv = 'personeelsnummer;naam;e-mail;afdeling\r\nBLK01;Bea Bulk;blk01@gemeente.example;Bulkteam\r\n'
    + 'BLK02;Bob Bulk;blk02@gemeente.example;Bulkteam\r\n';
  assert.equal((await admin.request('POST', '/api/v1/people/import', { body: csv, headers: { 'content-type': 'text/csv' } })).status, 200);
  const unit = one(`SELECT id FROM unit WHERE name = 'Bulkteam' AND organisation_id = ${ORG_ID}`);
  const made = () => one(`SELECT count(*) FROM account WHERE email LIKE 'blk0%'`);
  refused(await post(admin, '/api/v1/accounts/bulk', { role: 'participant' }), 422, 'unit_id');
  refused(await post(admin, '/api/v1/accounts/bulk', { unit_id: unit, role: 'nobody' }), 422, 'role');
  refused(await post(admin, '/api/v1/accounts/bulk', { unit_id: 'Bulkteam', role: 'participant' }), 422, 'unit_id');
  refused(await post(admin, '/api/v1/accounts/bulk', { unit_id: unit, role: 'participant', expected: -1 }), 422, 'expected', /0 of meer/);
  let r = await post(admin, '/api/v1/accounts/bulk', { unit_id: unit, role: 'participant', expected: 5 });
  assert.equal(r.status, 409, r.text);
  assert.equal(made(), 0);
  const politieUnit = one(`SELECT id FROM unit WHERE organisation_id = ${POLITIE_ID} LIMIT 1`);
  assert.equal((await post(admin, '/api/v1/accounts/bulk', { unit_id: politieUnit, role: 'participant' })).status, 404);
  r = await post(admin, '/api/v1/accounts/bulk', { unit_id: unit, role: 'participant', expected: 2 });
  assert.equal(r.status, 201, r.text);
  assert.deepEqual(r.json().invitations.map((x) => x.email).sort(), ['blk01@gemeente.example', 'blk02@gemeente.example']);
  assert.equal(made(), 2);
  assert.equal(audits('account.invite.bulk', unit), 1);
});

test('retention periods: set in whole months, a bad one refused under its name with nothing changed', async () => {
  let r = await post(admin, '/api/v1/settings/retention', { texts_months: 36 });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual({ ...r.json(), updated_at: 0 }, { texts_months: 36, logbook_months: 12, answers_months: 24, is_default: false, updated_at: 0 });
  const row = () => sql(`SELECT texts_months, logbook_months, answers_months FROM retention WHERE organisation_id = ${ORG_ID}`);
  assert.deepEqual(row(), [{ texts_months: 36, logbook_months: 12, answers_months: 24 }]);
  assert.equal(audits('retention.set'), 1);
  refused(await post(admin, '/api/v1/settings/retention', { texts_months: 12, logbook_months: 0 }), 422, 'logbook_months');
  refused(await post(admin, '/api/v1/settings/retention', { answers_months: 'lang' }), 422, 'answers_months');
  refused(await post(admin, '/api/v1/settings/retention', { texts_months: 2.5 }), 422, 'texts_months');
  assert.deepEqual(row(), [{ texts_months: 36, logbook_months: 12, answers_months: 24 }]);
  assert.equal((await post(coach, '/api/v1/settings/retention', { texts_months: 6 })).status, 403);
  assert.equal((await politieAdmin.get('/api/v1/settings/retention')).json().texts_months, 24, 'the other organisation keeps its own');
});

test('the catalogue: the coach changes a learning form and adds an example, as on the pages', async () => {
  let r = await post(coach, '/api/v1/catalogue/form', { key: 'coaching', description: 'Via de API.', how: 'watching', social: false });
  assert.equal(r.status, 200, r.text);
  const form = () => sql(`SELECT description, preference, social, source FROM learning_form WHERE key = 'coaching' AND organisation_id = ${ORG_ID}`)[0];
  assert.deepEqual(form(), { description: 'Via de API.', preference: 'watching', social: 0, source: 'organisatie' });
  assert.equal(audits('catalogue.form'), 1);
  refused(await post(coach, '/api/v1/catalogue/form', { key: 'coaching', aim: 'wijsheid' }), 422, 'aim');
  refused(await post(coach, '/api/v1/catalogue/form', { key: 'coaching', seventy_twenty_ten: 50 }), 422, 'seventy_twenty_ten');
  refused(await post(coach, '/api/v1/catalogue/form', { key: 'coaching', social: 'ja' }), 422, 'social', /Geef social als true of false/);
  refused(await post(coach, '/api/v1/catalogue/form', {}), 422, 'key');
  assert.deepEqual(form(), { description: 'Via de API.', preference: 'watching', social: 0, source: 'organisatie' });
  assert.equal((await post(coach, '/api/v1/catalogue/form', { key: 'geen_vorm' })).status, 404);
  assert.equal((await post(participant, '/api/v1/catalogue/form', { key: 'coaching' })).status, 403);

  const examples = () => one(`SELECT count(*) FROM practice_example WHERE organisation_id = ${ORG_ID}`);
  r = await post(coach, '/api/v1/catalogue/examples', { applied_at: 'Team API', learning: 'Leren door te doen.', forms: ['coaching', 'intervisie'], themes: ['samenwerken', 'digitaal'] });
  assert.equal(r.status, 201, r.text);
  assert.deepEqual(sql(`SELECT applied_at, forms, themes FROM practice_example WHERE id = ${r.json().id}`),
    [{ applied_at: 'Team API', forms: 'coaching,intervisie', themes: 'samenwerken,digitaal' }]);
  const n = examples();
  refused(await post(coach, '/api/v1/catalogue/examples', { applied_at: 'Team API', learning: '' }), 422, 'learning');
  refused(await post(coach, '/api/v1/catalogue/examples', { applied_at: 'Team API', learning: 'x', forms: 'geen_vorm' }), 422, 'forms');
  refused(await post(coach, '/api/v1/catalogue/examples', { applied_at: 'Team API', learning: 'x', forms: [1] }), 422, 'forms', /lijst van teksten/);
  assert.equal(examples(), n);
});

test('calendar links: made with the address once, revoked, only one\'s own', async () => {
  const group = one(`SELECT e.group_id FROM enrolment e JOIN account a ON a.person_id = e.person_id
    WHERE a.email = '${demoEmail('participant', 'gemeente')}' LIMIT 1`);
  let r = await post(participant, '/api/v1/calendar', { group_id: group });
  assert.equal(r.status, 201, r.text);
  const { id, url } = r.json();
  assert.equal(one(`SELECT group_id FROM calendar_feed WHERE id = ${id} AND revoked_at IS NULL`), group);
  const feed = await new Client(srv.base).get(url.replace(/^https?:\/\/[^/]+/, ''));
  assert.equal(feed.status, 200);
  assert.match(feed.text, /BEGIN:VCALENDAR/);
  assert.ok((await participant.get('/api/v1/calendar')).json().links.some((l) => l.id === id && l.group_id === group));
  const politieGroup = one(`SELECT id FROM learning_group WHERE organisation_id = ${POLITIE_ID} LIMIT 1`);
  const feeds = () => one('SELECT count(*) FROM calendar_feed');
  const n = feeds();
  assert.equal((await post(participant, '/api/v1/calendar', { group_id: politieGroup })).status, 404);
  refused(await post(participant, '/api/v1/calendar', { group_id: 'alle' }), 422, 'group_id', /Geef group_id als geheel getal/);
  assert.equal(feeds(), n);
  assert.equal((await post(coach, `/api/v1/calendar/${id}/revoke`, {})).status, 404, 'another\'s link');
  r = await post(participant, `/api/v1/calendar/${id}/revoke`, {});
  assert.equal(r.status, 200, r.text);
  assert.ok(one(`SELECT revoked_at FROM calendar_feed WHERE id = ${id}`) > 0);
  assert.equal((await new Client(srv.base).get(url.replace(/^https?:\/\/[^/]+/, ''))).status, 404);
});

test('a participant records how they came in through the twin of /me/referral; a field of the wrong type is refused by name', async () => {
  const me = one(`SELECT person_id FROM account WHERE email = '${demoEmail('participant', 'gemeente')}'`);
  const n = one(`SELECT count(*) FROM referral WHERE person_id = ${me}`);
  const r = await post(participant, '/api/v1/me/referrals', { kind: 'person', by_name: 'Mijn teamleider', by_role: 'team_leader' });
  assert.equal(r.status, 201, r.text);
  assert.equal(one(`SELECT count(*) FROM referral WHERE person_id = ${me}`), n + 1);
  refused(await post(participant, '/api/v1/me/referrals', { kind: 'toeval' }), 422, 'kind');
  // a date as a number is refused, not saved as no date
  refused(await post(participant, '/api/v1/me/referrals', { kind: 'own', noted_on: 20150201 }), 422, 'noted_on');
  refused(await post(coach, `/api/v1/people/${me}/referrals`, { kind: 'person', by_person_id: String(me), by_role: 'colleague' }), 422, 'by_person_id');
  assert.equal(one(`SELECT count(*) FROM referral WHERE person_id = ${me}`), n + 1, 'nothing more was recorded');
  const ref = one(`SELECT max(id) FROM referral WHERE person_id = ${me}`);
  refused(await post(coach, `/api/v1/referrals/${ref}/remove`, { person_id: String(me) }), 422, 'person_id');
  assert.equal(one(`SELECT count(*) FROM referral WHERE id = ${ref}`), 1);
});

test('the command line adds, lists, renames and removes units, and gives and takes roles, as the pages do', () => {
  const unit = (...args) => cli(srv.db, ['unit', ...args, '--org', ORG]);
  assert.match(unit('add', '--name', 'CLI-team', '--parent', 'Afdeling B'), /unit CLI-team added \(id \d+\)/);
  const id = one(`SELECT id FROM unit WHERE name = 'CLI-team' AND organisation_id = ${ORG_ID}`);
  assert.equal(one(`SELECT p.name FROM unit u JOIN unit p ON p.id = u.parent_id WHERE u.id = ${id}`), 'Afdeling B');
  assert.equal(audits('unit.create', id), 1);
  let r = cliResult(srv.db, ['unit', 'add', '--org', ORG, '--name', 'CLI-team', '--parent', 'Afdeling B']);
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /CLI-team/);
  assert.equal(one(`SELECT count(*) FROM unit WHERE name = 'CLI-team'`), 1);
  assert.match(unit('rename', '--unit', 'Afdeling B/CLI-team', '--name', 'CLI-team 2'), /renamed/);
  assert.equal(one(`SELECT name FROM unit WHERE id = ${id}`), 'CLI-team 2');
  assert.equal(audits('unit.rename', id), 1);
  const listed = JSON.parse(unit('list', '--format', 'json'));
  assert.deepEqual(listed.find((u) => u.id === id), { id, path: 'Afdeling B/CLI-team 2', parent_id: listed.find((u) => u.path === 'Afdeling B').id,
    manager_id: 0, people: 0, units: 0 });
  assert.equal(listed.length, one(`SELECT count(*) FROM unit WHERE organisation_id = ${ORG_ID}`));
  r = cliResult(srv.db, ['unit', 'delete', '--org', ORG, '--unit', 'Afdeling B']);
  assert.notEqual(r.status, 0, 'a unit with people stays');
  assert.match(r.stderr, /sub-units or people|onderdelen of mensen/);
  assert.equal(one(`SELECT count(*) FROM unit WHERE name = 'Afdeling B' AND organisation_id = ${ORG_ID}`), 1);
  assert.notEqual(cliResult(srv.db, ['unit', 'delete', '--org', 'politie-demo', '--unit', String(id)]).status, 0, 'not another organisation\'s');
  assert.match(unit('delete', '--unit', String(id)), /removed/);
  assert.equal(one(`SELECT count(*) FROM unit WHERE id = ${id}`), 0);
  assert.equal(audits('unit.remove', id), 1);

  const email = demoEmail('facilitator', 'gemeente');
  const account = one(`SELECT id FROM account WHERE email = '${email}'`);
  const roles = () => sql(`SELECT role FROM role_grant WHERE account_id = ${account} ORDER BY role`).map((g) => g.role);
  const before = roles();
  const role = (...args) => cli(srv.db, ['user', 'role', ...args, '--org', ORG, '--email', email]);
  assert.match(role('add', '--role', 'researcher'), /has the role researcher/);
  assert.deepEqual(roles(), [...before, 'researcher'].sort());
  assert.equal(audits('role.grant', account), 1);
  const list = cli(srv.db, ['user', 'list', '--org', ORG, '--format', 'json']);
  assert.match(JSON.parse(list).find((a) => a.email === email).roles, /researcher/);
  assert.match(role('remove', '--role', 'researcher'), /no longer has the role researcher/);
  assert.deepEqual(roles(), before);
  assert.equal(audits('role.revoke', account), 1);
  r = cliResult(srv.db, ['user', 'role', 'remove', '--org', ORG, '--email', email, '--role', 'researcher']);
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /has no role researcher/);
  r = cliResult(srv.db, ['user', 'role', 'add', '--org', ORG, '--email', email, '--role', 'keizer']);
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /unknown role/);
  r = cliResult(srv.db, ['user', 'role', 'add', '--org', 'politie-demo', '--email', email, '--role', 'mentor']);
  assert.notEqual(r.status, 0, 'an account of another organisation');
  assert.deepEqual(roles(), before);
});
