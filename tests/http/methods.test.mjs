// Session methods of an organisation's own (issue 17: "editable per
// organisation like the frameworks"): the coach makes a method from
// another, adds and removes steps, removes it again; a method that
// sessions use keeps its steps (a session is at one of them); the
// built-in ones stay; another organisation's methods are not found; the
// participant may not; CSRF and bad input change nothing. The page, the
// API and the command line go through the same domain rules. One server
// for the whole file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, cli, cliResult, Client, demoEmail } from '../lib/server.mjs';
import { sqlRows } from '../lib/db.mjs';

let srv, coach, politie, member;
const sql = (q) => sqlRows(srv.db, q);
const methods = (org = 'gemeente-demo') =>
  JSON.parse(cli(srv.db, ['method', 'list', '--org', org, '--format', 'json'])).methods;
const byKey = (key, org) => methods(org).find((m) => m.key === key);
const idOf = (key, org = 'gemeente-demo') =>
  sql(`SELECT m.id FROM session_method m JOIN organisation o ON o.id = m.organisation_id
       WHERE o.slug = '${org}' AND m.key = '${key}'`)[0].id;
const signedIn = async (email) => { const c = new Client(srv.base); await c.login(email); return c; };

before(async () => {
  srv = await startServer();
  coach = await signedIn(demoEmail('coach', 'gemeente'));
  politie = await signedIn(demoEmail('coach', 'politie'));
  member = await signedIn(demoEmail('participant', 'gemeente'));
});
after(async () => { await srv.stop(); });

test('the coach makes a method of the organisation\'s own from another, with all its steps', async () => {
  const from = byKey('incidentmethode');
  const page = await coach.get('/methods');
  assert.equal(page.status, 200);
  assert.match(page.text, /Een eigen methode/);
  const r = await coach.post('/methods', { from: String(idOf('incidentmethode')), name: 'Intervisie à la Ettenwaard' });
  assert.equal(r.status, 303);
  assert.match(r.headers.get('location'), /done=method-copied#intervisie-la-ettenwaard$/);
  const made = byKey('intervisie-la-ettenwaard');
  assert.ok(made, 'the key is made from the name');
  assert.equal(made.name, 'Intervisie à la Ettenwaard');
  assert.equal(made.source, 'organisatie');
  assert.deepEqual(made.steps.map((s) => [s.n, s.name, s.instruction, s.minutes, s.source]),
    from.steps.map((s) => [s.n, s.name, s.instruction, s.minutes, s.source]), 'every step, with where its words came from');
  assert.deepEqual(byKey('incidentmethode'), from, 'the method it came from is unchanged');
  const shown = await coach.get('/methods?done=method-copied');
  assert.match(shown.text, /De eigen methode is gemaakt/);
  assert.match(shown.text, /Intervisie à la Ettenwaard[\s\S]*Bron: eigen methode van de organisatie/);
  assert.ok(!methods('politie-demo').some((m) => m.key === 'intervisie-la-ettenwaard'), 'not in another organisation');
});

test('a second method of the same name is refused; a copy of a copy gets a key of its own', async () => {
  const before = methods().length;
  const same = await coach.post('/methods', { from: String(idOf('incidentmethode')), name: 'INTERVISIE à LA ettenwaard' });
  assert.equal(same.status, 422, 'the same name in other capitals');
  assert.match(same.text, /Naam: de organisatie heeft al een methode met deze naam\./);
  const empty = await coach.post('/methods', { from: String(idOf('incidentmethode')), name: '   ' });
  assert.equal(empty.status, 422);
  assert.match(empty.text, /Naam is verplicht/);
  const long = await coach.post('/methods', { from: String(idOf('incidentmethode')), name: 'x'.repeat(121) });
  assert.equal(long.status, 422);
  assert.equal(methods().length, before, 'nothing made');
  const again = await coach.post('/methods', { from: String(idOf('intervisie-la-ettenwaard')), name: 'Intervisie, a la Ettenwaard!' });
  assert.equal(again.status, 303);
  assert.ok(byKey('intervisie-a-la-ettenwaard'), 'the key of the name');
  const third = JSON.parse(cli(srv.db, ['method', 'list', '--org', 'gemeente-demo', '--format', 'json'])).methods.length;
  const out = cli(srv.db, ['method', 'copy', '--org', 'gemeente-demo', '--from', 'incidentmethode', '--name', 'Intervisie a la Ettenwaard']);
  assert.equal(out.trim(), 'intervisie-a-la-ettenwaard-2', 'a key in use gets -2');
  assert.equal(methods().length, third + 1);
});

test('steps are added after the last and removed from the end; the last one stays', async () => {
  const id = idOf('intervisie-la-ettenwaard');
  const n = byKey('intervisie-la-ettenwaard').steps.length;
  const bad = await coach.post(`/methods/${id}/steps`, { name: '', who: '', instruction: '', minutes: '-3' });
  assert.equal(bad.status, 422);
  assert.match(bad.text, /Naam is verplicht/);
  assert.match(bad.text, /Minuten: een geheel getal van 0 tot en met 240\./);
  assert.equal(byKey('intervisie-la-ettenwaard').steps.length, n, 'nothing added');
  assert.equal((await coach.post(`/methods/${id}/steps`, { csrf: '', name: 'X', who: '', instruction: 'Y', minutes: '5' })).status, 403);
  const ok = await coach.post(`/methods/${id}/steps`, { name: 'Afronding', who: 'iedereen',
    instruction: 'Ieder zegt in één zin wat hij meeneemt.', minutes: '5' });
  assert.equal(ok.status, 303);
  const steps = byKey('intervisie-la-ettenwaard').steps;
  assert.equal(steps.length, n + 1);
  assert.deepEqual([steps[n].n, steps[n].name, steps[n].minutes, steps[n].source], [n + 1, 'Afronding', 5, 'organisatie']);
  assert.equal((await coach.post(`/methods/${id}/last-step/remove`, {})).status, 303);
  assert.equal(byKey('intervisie-la-ettenwaard').steps.length, n);
  for (let k = n; k > 1; k--)
    assert.equal((await coach.post(`/methods/${id}/last-step/remove`, {})).status, 303);
  const last = await coach.post(`/methods/${id}/last-step/remove`, {});
  assert.equal(last.status, 422);
  assert.match(last.text, /Een methode houdt minstens één stap\./);
  assert.equal(byKey('intervisie-la-ettenwaard').steps.length, 1);
});

test('a method that sessions use keeps its steps, and so does a built-in one', async () => {
  // a method of one's own that a session uses (a session started with it by a group's facilitator)
  const own = idOf('intervisie-la-ettenwaard');
  const lead = await signedIn(demoEmail('facilitator', 'gemeente'));
  const group = sql(`SELECT g.id FROM learning_group g JOIN account a ON a.person_id = g.facilitator_id
    WHERE a.email = '${demoEmail('facilitator', 'gemeente')}'`)[0].id;
  assert.equal((await lead.post(`/groups/${group}/sessions`, { method: 'intervisie-la-ettenwaard', case_person: '0',
    case_title: '', case_question: '', case_context: '' })).status, 303);
  const steps = byKey('intervisie-la-ettenwaard').steps;
  for (const path of [`/methods/${own}/steps`, `/methods/${own}/last-step/remove`, `/methods/${own}/remove`]) {
    const r = await coach.post(path, { confirm: '1', name: 'X', who: '', instruction: 'Y', minutes: '5' });
    assert.equal(r.status, 422, path);
    assert.match(r.text, /Sessies gebruiken deze methode/);
  }
  assert.deepEqual(byKey('intervisie-la-ettenwaard').steps, steps, 'nothing changed');
  const page = await coach.get('/methods');
  assert.match(page.text, /In gebruik bij 1 sessie:/);
  const builtin = idOf('balintmethode'), balint = byKey('balintmethode');
  for (const path of [`/methods/${builtin}/remove`, `/methods/${builtin}/steps`, `/methods/${builtin}/last-step/remove`]) {
    const r = await coach.post(path, { confirm: '1', name: 'X', who: '', instruction: 'Y', minutes: '5' });
    assert.equal(r.status, 422, path);
    assert.match(r.text, /Een ingebouwde methode houdt de stappen van haar bron/);
  }
  assert.deepEqual(byKey('balintmethode'), balint, 'the built-in method is as it was');
});

test('removing a method of one\'s own asks first, then removes it with its steps', async () => {
  const id = idOf('intervisie-a-la-ettenwaard');
  const ask = await coach.post(`/methods/${id}/remove`, {});
  assert.equal(ask.status, 200);
  assert.match(ask.text, /Weet u het zeker\?/);
  assert.ok(byKey('intervisie-a-la-ettenwaard'), 'still there after the question');
  assert.equal((await coach.post(`/methods/${id}/remove`, { confirm: '1' })).status, 303);
  assert.equal(byKey('intervisie-a-la-ettenwaard'), undefined);
  assert.equal(sql(`SELECT count(*) AS n FROM session_method_step WHERE method_id = ${id}`)[0].n, 0);
});

test('another organisation, a participant and a stranger change nothing', async () => {
  const id = idOf('intervisie-la-ettenwaard');
  const before = methods();
  for (const path of [`/methods/${id}/steps`, `/methods/${id}/last-step/remove`, `/methods/${id}/remove`]) {
    assert.equal((await politie.post(path, { name: 'X', instruction: 'Y', minutes: '1', confirm: '1' })).status, 404, path);
    assert.equal((await member.post(path, { name: 'X', instruction: 'Y', minutes: '1', confirm: '1' })).status, 403, path);
  }
  const borrowed = await politie.post('/methods', { from: String(id), name: 'Geleend' });
  assert.equal(borrowed.status, 422, 'another organisation\'s method is not one to start from');
  assert.match(borrowed.text, /Uitgaan van: kies een van de methoden van de organisatie\./);
  assert.equal((await member.post('/methods', { from: String(id), name: 'Geleend' })).status, 403);
  assert.equal((await new Client(srv.base).post('/api/v1/methods', { from: id, name: 'x' })).status, 401);
  assert.deepEqual(methods(), before);
  assert.ok(!methods('politie-demo').some((m) => m.name === 'Geleend'));
});

test('the API makes and changes methods under the same rules', async () => {
  const r = await coach.postJson('/api/v1/methods', { from: idOf('balintmethode'), name: 'Balint kort' });
  assert.equal(r.status, 201, r.text);
  const id = r.json().id;
  assert.equal(byKey('balint-kort').steps.length, byKey('balintmethode').steps.length);
  const bad = await coach.postJson(`/api/v1/methods/${id}/steps`, { name: 'X', instruction: '', minutes: 999 });
  assert.equal(bad.status, 422);
  assert.deepEqual(bad.json().error.problems.map((e) => e.field).sort(), ['instruction', 'minutes']);
  assert.equal((await coach.postJson(`/api/v1/methods/${id}/steps`, { name: 'Slot', who: 'iedereen', instruction: 'Kort rondje.', minutes: 3 })).status, 200);
  assert.equal(byKey('balint-kort').steps.at(-1).name, 'Slot');
  assert.equal((await coach.postJson(`/api/v1/methods/${id}/last-step/remove`, {})).status, 200);
  assert.equal((await politie.postJson(`/api/v1/methods/${id}/remove`, {})).status, 404);
  assert.equal((await coach.postJson(`/api/v1/methods/${id}/remove`, {})).status, 200);
  assert.equal(byKey('balint-kort'), undefined);
  const bi = await coach.postJson(`/api/v1/methods/${idOf('actieleren')}/remove`, {});
  assert.equal(bi.status, 422);
  assert.ok(byKey('actieleren'));
});

test('bad command-line input is refused with nothing made', () => {
  const n = methods().length;
  assert.notEqual(cliResult(srv.db, ['method', 'copy', '--org', 'gemeente-demo', '--from', 'bestaat-niet', '--name', 'X']).status, 0);
  assert.notEqual(cliResult(srv.db, ['method', 'copy', '--org', 'gemeente-demo', '--from', 'actieleren', '--name', '']).status, 0);
  assert.notEqual(cliResult(srv.db, ['method', 'copy', '--org', 'gemeente-demo', '--from', 'actieleren']).status, 0);
  assert.equal(methods().length, n);
});

test('the API refuses a number where a text belongs under its name, and nothing changes', async () => {
  const state = () => JSON.stringify([sql('SELECT count(*) AS n FROM session_method'), sql('SELECT * FROM session_method_step ORDER BY id')]);
  const refused = (r, field) => {
    assert.equal(r.status, 422, `${field}: ${r.text}`);
    assert.equal(r.json().error.field, field);
    assert.match(r.json().error.message, new RegExp(`^Geef ${field} als tekst\\.$`));
  };
  const id = idOf('balintmethode');
  const was = state();
  refused(await coach.postJson('/api/v1/methods', { from: id, name: 12 }), 'name');
  const step = { name: 'Slot', who: 'iedereen', instruction: 'Kort rondje.', minutes: 3 };
  const own = (await coach.postJson('/api/v1/methods', { from: id, name: 'Balint soorten' })).json().id;
  const withOwn = state();
  refused(await coach.postJson(`/api/v1/methods/${own}/steps`, { ...step, instruction: 5 }), 'instruction');
  refused(await coach.postJson(`/api/v1/methods/${own}/steps`, { ...step, who: 1 }), 'who');
  const r = await coach.postJson(`/api/v1/methods/${own}/steps`, { ...step, minutes: '3' });
  assert.equal(r.status, 422);
  assert.equal(r.json().error.field, 'minutes');
  assert.equal(state(), withOwn, 'no step added');
  assert.notEqual(withOwn, was, 'the good copy was made');
  assert.equal((await coach.postJson(`/api/v1/methods/${own}/remove`, {})).status, 200);
  assert.equal(state(), was);
});
