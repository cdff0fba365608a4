// The learning-forms catalogue through pages, API and command line, on one
// server: the fourteen forms with every value marked as leergang's
// judgement; the matcher's GET form without JavaScript, its results with
// why, and a wrong answer refused in Dutch; the coach's change of a form
// (CSRF, bad input refused with nothing changed, afterwards marked as the
// organisation's own and only in that organisation); who may change it; the
// command line's JSON names that outside checks use.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, demoEmail, cli, cliResult } from '../lib/server.mjs';
import { sqlText } from '../lib/db.mjs';

let srv, coach, participant, otherCoach;
const sqlite = (q) => sqlText(srv.db, q);
const MATCH = ['--what', 'skills', '--who', 'team', '--where', 'workplace', '--how', 'doing'];

before(async () => {
  srv = await startServer();
  coach = new Client(srv.base);
  await coach.login(demoEmail('coach'));
  participant = new Client(srv.base);
  await participant.login(demoEmail('participant'));
  otherCoach = new Client(srv.base);
  await otherCoach.login(demoEmail('coach', 'gemeente'));
});
after(async () => { await srv?.stop(); });

test('the catalogue page lists the fourteen forms, each marked as leergang\'s judgement with the seed line', async () => {
  const r = await participant.get('/catalogue');
  assert.equal(r.status, 200);
  assert.match(r.text, /<h1[^>]*>Leervormen<\/h1>/);
  const marks = [...r.text.matchAll(/data-source="leergang">Waarden: oordeel van leergang \(de bron noemt de leervorm, seed 004, r\. \d+(-\d+)?, maar geeft geen waarden\)/g)];
  assert.equal(marks.length, 14);
  assert.match(r.text, /Actieleren/);
  assert.doesNotMatch(r.text, /href="\/catalogue\/form/, 'a participant gets no edit links');
});

test('the command line lists the forms with the agreed JSON names', () => {
  const j = JSON.parse(cli(srv.db, ['catalogue', 'list', '--org', 'politie-demo', '--format', 'json']));
  assert.equal(j.forms.length, 14);
  for (const f of j.forms) {
    assert.equal(typeof f.key, 'string');
    assert.equal(typeof f.name, 'string');
    assert.ok([70, 20, 10].includes(f.seventy_twenty_ten));
    assert.ok(['knowledge', 'skills'].includes(f.aim));
    assert.equal(typeof f.social, 'boolean');
    assert.match(f.source, /^(leergang|organisatie)$/);
    assert.match(f.name_source, /^seed 004, r\. \d+/);
  }
  assert.ok(j.forms.some((f) => f.key === 'actieleren' && f.name === 'Actieleren'));
});

test('the command line matches best first with score and a Dutch why; a wrong answer is refused', () => {
  const j = JSON.parse(cli(srv.db, ['catalogue', 'match', '--org', 'politie-demo', ...MATCH, '--format', 'json']));
  assert.equal(j.matches.length, 14);
  for (let i = 1; i < j.matches.length; i++) assert.ok(j.matches[i - 1].score >= j.matches[i].score);
  assert.deepEqual(Object.keys(j.matches[0]).sort(), ['key', 'name', 'score', 'why']);
  assert.ok(['actieleren', 'zelfsturende_teams'].includes(j.matches[0].key));
  assert.match(j.matches[0].why, /gericht op nieuwe vaardigheden en nieuw gedrag/);
  const bad = cliResult(srv.db, ['catalogue', 'match', '--org', 'politie-demo', ...MATCH.slice(0, 7), 'singing']);
  assert.notEqual(bad.status, 0);
  assert.match(bad.stderr, /--how must be one of watching\|doing\|acquiring/);
  const noOrg = cliResult(srv.db, ['catalogue', 'list', '--org', 'nergens', '--format', 'json']);
  assert.notEqual(noOrg.status, 0);
});

test('the matcher page works as a plain GET form and gives ranked forms with why', async () => {
  const form = await participant.get('/catalogue/match');
  assert.equal(form.status, 200);
  assert.match(form.text, /<form method="get" action="\/catalogue\/match">/);
  for (const q of ['what', 'who', 'where', 'how']) assert.match(form.text, new RegExp(`<select id="f-${q}" name="${q}"`));
  assert.doesNotMatch(form.text, /id="results"/);
  const r = await participant.get('/catalogue/match?what=knowledge&who=individual&where=online&how=acquiring');
  assert.equal(r.status, 200);
  const keys = [...r.text.matchAll(/<li data-key="([a-z_]+)">/g)].map((m) => m[1]);
  assert.equal(keys.length, 14);
  assert.equal(keys[0], 'e_learning');
  assert.match(r.text, /vindt online plaats/);
  assert.match(r.text, /<option value="online" selected>/, 'the answers stay chosen');
});

test('a wrong answer on the matcher page is refused in Dutch without results', async () => {
  const r = await participant.get('/catalogue/match?what=knowledge&who=iedereen&where=online&how=acquiring');
  assert.equal(r.status, 422);
  assert.match(r.text, /Wiens leerdoel is het: kies een van de gegeven antwoorden\./);
  assert.doesNotMatch(r.text, /id="results"/);
});

test('the API twins give the same shapes, and a wrong answer 422 with the problem', async () => {
  const list = await participant.get('/api/v1/catalogue');
  assert.equal(list.status, 200);
  assert.equal(list.json().forms.length, 14);
  const m = await participant.get('/api/v1/catalogue/match?what=skills&who=team&where=workplace&how=doing');
  assert.equal(m.status, 200);
  const cl = JSON.parse(cli(srv.db, ['catalogue', 'match', '--org', 'politie-demo', ...MATCH, '--format', 'json']));
  assert.deepEqual(m.json().matches.map((x) => x.key), cl.matches.map((x) => x.key));
  const bad = await participant.get('/api/v1/catalogue/match?what=skills&who=team&where=maan&how=doing');
  assert.equal(bad.status, 422);
  assert.equal(bad.json().error.problems[0].field, 'where');
});

test('the coach changes a form: bad input refused in Dutch with nothing changed, then saved and marked as the organisation\'s', async () => {
  const page = await coach.get('/catalogue/form?key=trainingen');
  assert.equal(page.status, 200);
  assert.match(page.text, /name="csrf"/);
  const row = () => sqlite("SELECT f.name, f.seventy_twenty_ten, f.source FROM learning_form f JOIN organisation o ON o.id = f.organisation_id WHERE o.slug = 'politie-demo' AND f.key = 'trainingen'");
  const before = row();
  assert.equal(before, 'Trainingen|10|leergang');
  const fields = { key: 'trainingen', name: 'Trainingen op de werkplek', description: '', seventy_twenty_ten: '50', aim: 'skills',
    social: '1', level: 'team', setting: 'workplace', preference: 'doing' };
  const bad = await coach.post('/catalogue/form', fields);
  assert.equal(bad.status, 422);
  assert.match(bad.text, /Plaats in 70\/20\/10: kies 70, 20 of 10\./);
  assert.equal(row(), before, 'nothing changed');
  const badSocial = await coach.post('/catalogue/form', { ...fields, seventy_twenty_ten: '70', social: 'soms' });
  assert.equal(badSocial.status, 422);
  assert.equal(row(), before, 'nothing changed');
  const noCsrf = await coach.post('/catalogue/form', { ...fields, seventy_twenty_ten: '70', csrf: 'x'.repeat(64) });
  assert.equal(noCsrf.status, 403);
  assert.equal(row(), before, 'nothing changed without the CSRF token');
  const ok = await coach.post('/catalogue/form', { ...fields, seventy_twenty_ten: '70' });
  assert.equal(ok.status, 303);
  assert.equal(ok.headers.get('location'), '/catalogue?done=catalogue-saved');
  assert.equal(row(), 'Trainingen op de werkplek|70|organisatie');
  const list = await coach.get('/catalogue?done=catalogue-saved');
  assert.match(list.text, /data-source="organisatie">Waarden: gekozen door uw organisatie \(de bron noemt de leervorm, seed 004, r\. 844\)/);
  const j = JSON.parse(cli(srv.db, ['catalogue', 'list', '--org', 'politie-demo', '--format', 'json']));
  assert.equal(j.forms.find((f) => f.key === 'trainingen').source, 'organisatie');
  // the other organisation keeps leergang's values
  const other = JSON.parse(cli(srv.db, ['catalogue', 'list', '--org', 'gemeente-demo', '--format', 'json']));
  const t = other.forms.find((f) => f.key === 'trainingen');
  assert.equal(t.source, 'leergang');
  assert.equal(t.seventy_twenty_ten, 10);
});

test('only the coach may change a form, and an unknown form is not found', async () => {
  const fields = { key: 'intervisie', name: 'Intervisie!', description: '', seventy_twenty_ten: '70', aim: 'skills', social: '1',
    level: 'team', setting: 'workplace', preference: 'doing' };
  const p = await participant.post('/catalogue/form', fields);
  assert.equal(p.status, 403);
  assert.equal((await participant.get('/catalogue/form?key=intervisie')).status, 403);
  assert.equal((await coach.get('/catalogue/form?key=bestaat_niet')).status, 404);
  assert.equal(sqlite("SELECT count(*) FROM learning_form WHERE name = 'Intervisie!'"), '0');
});

test('the edit page without a form leads back to the list; a post without one is refused in Dutch', async () => {
  const r = await coach.get('/catalogue/form');
  assert.equal(r.status, 303);
  assert.equal(r.headers.get('location'), '/catalogue');
  const p = await coach.post('/catalogue/form', { name: 'x' });
  assert.equal(p.status, 400);
  assert.match(p.text, /Kies de leervorm die u wilt wijzigen/);
});

test('the register of practice examples is searched by form, theme and organisation on the page, the API and the command line', async () => {
  const all = await participant.get('/catalogue/examples');
  assert.equal(all.status, 200);
  assert.equal([...all.text.matchAll(/<article class="example" data-number="\d+">/g)].length, 18);
  assert.match(all.text, /18 voorbeelden gevonden\./);
  const r = await participant.get('/catalogue/examples?form=intervisie&theme=wijkteams&organisation=');
  const numbers = [...r.text.matchAll(/data-number="(\d+)"/g)].map((m) => +m[1]);
  assert.deepEqual(numbers, [7, 8, 18]);
  assert.match(r.text, /<option value="intervisie" selected>/);
  assert.match(r.text, /Leervormen \(lezing van leergang\):/);
  const api = await participant.get('/api/v1/catalogue/examples?organisation=den%20haag');
  assert.equal(api.status, 200);
  const ex = api.json().examples;
  assert.equal(ex.length, 1);
  assert.equal(ex[0].number, 18);
  assert.equal(ex[0].forms_source, 'leergang');
  assert.match(ex[0].source, /^seed 004, r\. 1839/);
  const c = JSON.parse(cli(srv.db, ['catalogue', 'examples', '--form', 'intervisie', '--theme', 'wijkteams', '--format', 'json']));
  assert.deepEqual(c.examples.map((e) => e.number), numbers);
});

test('a development-plan goal names the learning form it will be learned by; an unknown form is refused in Dutch', async () => {
  const progs = (await coach.get('/api/v1/programmes')).json().programmes;
  const live = (await coach.get(`/api/v1/programmes/${progs.find((p) => p.template === 'live').id}`)).json();
  const g1 = live.batches[0].groups[0].id;
  const plan = (await participant.get(`/groups/${g1}/plan`)).text;
  assert.match(plan, /<select id="g0-learning_form" name="learning_form"><option value="">\(nog niet gekozen\)<\/option>/);
  assert.match(plan, /<option value="actieleren">Actieleren<\/option>/);
  const goals = () => sqlite(`SELECT count(*) FROM development_goal WHERE group_id = ${g1}`);
  const before = goals();
  const bad = await participant.post(`/groups/${g1}/plan/goals`, { goal_id: '0', text: 'Feedback geven in het team', learning_form: 'dansen' });
  assert.equal(bad.status, 422);
  assert.match(bad.text, /Kies de leervorm uit de lijst\./);
  assert.equal(goals(), before, 'nothing saved');
  const ok = await participant.post(`/groups/${g1}/plan/goals`, { goal_id: '0', text: 'Feedback geven in het team', learning_form: 'actieleren' });
  assert.equal(ok.status, 303);
  assert.equal(sqlite(`SELECT learning_form FROM development_goal WHERE group_id = ${g1} AND text = 'Feedback geven in het team'`), 'actieleren');
  const page = (await participant.get(`/groups/${g1}/plan`)).text;
  assert.match(page, /<p class="learning-form">Leervorm: Actieleren<\/p>/);
});

test('the coach adds an example of the organisation\'s own: refused in Dutch with nothing saved, then found by form and theme in that organisation only', async () => {
  const count = () => sqlite('SELECT count(*) FROM practice_example');
  const before = count();
  const fields = [['applied_at', 'Team Handhaving'], ['learning', 'Elke maand intervisie over lastige meldingen.'],
    ['context', ''], ['forms', 'intervisie'], ['forms', 'dansen'], ['themes', 'handhaving, meldingen']];
  const bad = await coach.post('/catalogue/examples', fields);
  assert.equal(bad.status, 422);
  assert.match(bad.text, /Kies de leervormen uit de lijst\./);
  assert.equal(count(), before, 'nothing saved');
  const empty = await coach.post('/catalogue/examples', [['applied_at', ''], ['learning', ''], ['themes', '']]);
  assert.equal(empty.status, 422);
  assert.match(empty.text, /Schrijf op wat er geleerd werd, en hoe\./);
  assert.equal(count(), before, 'nothing saved');
  assert.equal((await participant.post('/catalogue/examples', fields.filter(([k, v]) => v !== 'dansen'))).status, 403);
  const ok = await coach.post('/catalogue/examples', fields.filter(([k, v]) => v !== 'dansen'));
  assert.equal(ok.status, 303);
  assert.equal(ok.headers.get('location'), '/catalogue/examples?done=example-added');
  const found = await participant.get('/catalogue/examples?form=intervisie&theme=meldingen');
  assert.match(found.text, /<article class="example" data-own="\d+"><h2>Team Handhaving/);
  assert.match(found.text, /1 voorbeeld gevonden\./);
  const api = (await participant.get('/api/v1/catalogue/examples?form=intervisie')).json().examples;
  assert.equal(api.length, 8);
  assert.equal(api[7].forms_source, 'organisatie');
  const cl = JSON.parse(cli(srv.db, ['catalogue', 'examples', '--org', 'politie-demo', '--theme', 'handhaving', '--format', 'json']));
  assert.equal(cl.examples.length, 1);
  // another organisation sees the seed's 18 only
  assert.doesNotMatch((await otherCoach.get('/catalogue/examples')).text, /Team Handhaving/);
  assert.equal((await otherCoach.get('/api/v1/catalogue/examples?theme=handhaving')).json().examples.length, 0);
});
