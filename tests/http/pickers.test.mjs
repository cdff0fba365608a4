// The people pickers without JavaScript at the places beyond the group page:
// the 360° round (the person asking and the raters per category) and the
// administrator's invitation (the person an account signs in as). Each finds
// a person by name, employee number, e-mail and unit, says how many it found
// when the list shows only the first 50, and never offers or accepts a
// person of another organisation. And a plan goal's framework elements:
// chosen by name from a list grouped by framework, shown by name, an element
// of another organisation refused. The e2e test pickers.test.mjs does the
// same with JavaScript and 5,000 people.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, demoEmail } from '../lib/server.mjs';
import { sqlRows } from '../lib/db.mjs';

let srv, coach, admin, other, one, own, stranger;
const rows = (q) => sqlRows(srv.db, q);
const count = (q) => rows(q)[0].n;
const today = new Date().toISOString().slice(0, 10);

// The text of a select on a page, and of its status sentence.
const select = (page, name) => (page.match(new RegExp(`<select id="f-${name}"[\\s\\S]*?</select>`)) || [''])[0];
const status = (page) => (page.match(/role="search">[\s\S]*?<\/form><p role="status">([^<]*)<\/p>/) || ['', ''])[1];
const values = (sel) => [...sel.matchAll(/<option value="(\d+)"/g)].map((m) => Number(m[1])).filter((v) => v > 0);

before(async () => {
  srv = await startServer();
  coach = new Client(srv.base);
  await coach.login(demoEmail('coach'));
  admin = new Client(srv.base);
  await admin.login(demoEmail('administrator'));
  other = new Client(srv.base);
  await other.login(demoEmail('administrator', 'gemeente'));
  own = (await coach.get('/api/v1/people?limit=1000')).json().people.filter((p) => /^[A-Za-z ]+$/.test(p.name));
  one = own.find((p) => p.name === 'Anouk Dekker') || own[0];
  stranger = (await other.get('/api/v1/people?limit=5')).json().people[0];
  assert.ok(one && stranger, 'a person of each organisation');
});
after(async () => { await srv?.stop(); });

// What to type for each field of a person.
const searches = (p) => [['name', p.name], ['employee number', p.employee_id], ['e-mail', p.email],
  ['unit', p.unit.split('/').pop()]];

for (const [place, path, field] of [['360° round', '/questionnaires', 'subject_id'], ['new account', '/accounts', 'person_id']]) {
  test(`${place} without JavaScript: the search finds the person by each field; a broad one says it shows the first 50`, async () => {
    const as = path === '/accounts' ? admin : coach;
    for (const [what, typed] of searches(one)) {
      const page = (await as.get(`${path}?q=${encodeURIComponent(typed)}`)).text;
      assert.match(status(page), /^\d+ (persoon|mensen) gevonden\.$/, `${what}: ${status(page)}`);
      const sel = select(page, field);
      assert.ok(sel.includes(`<option value="${one.id}">${one.name} (${one.employee_id})</option>`), `${what}: offered`);
      assert.ok(/data-picker="Zoek een persoon voor: /.test(sel), `${what}: a combobox with JavaScript`);
      if (path === '/questionnaires') assert.ok(values(select(page, 'rater_peer')).includes(one.id), `${what}: offered as rater`);
    }
    const all = (await as.get(path)).text;
    assert.match(status(all), /^\d+ gevonden; de lijsten hieronder tonen de eerste 50\. Zoek om ze kleiner te maken\.$/);
    assert.equal(values(select(all, field)).length, 50, 'the first 50, said so above');
    // another organisation's people are never offered, not even when searched for by number
    const theirs = (await as.get(`${path}?q=${encodeURIComponent(stranger.employee_id)}`)).text;
    assert.equal(status(theirs), '0 mensen gevonden.');
    assert.ok(!values(select(theirs, field)).includes(stranger.id));
  });
}

test('360° round from the pickers: the person asking and the raters by category, as chosen', async () => {
  const q = (await coach.get('/questionnaires')).text;
  const instrument = q.match(/<option value="(\d+)"[^>]*>Leiderschapsscan<\/option>/)[1];
  const [subject, boss, p1, p2, s1] = own.slice(10, 15);
  const base = [['form', '360'], ['instrument_id', instrument], ['name', 'Gekozen 360'], ['opens_on', today], ['closes_on', today]];
  const waves = () => count('SELECT count(*) AS n FROM wave');
  const before = waves();
  for (const [fields, message, what] of [
    [[['subject_id', String(stranger.id)], ['rater_peer', String(p1.id)]], /Kies wie om feedback vraagt/, 'a person asking of another organisation'],
    [[['subject_id', String(subject.id)], ['rater_peer', String(stranger.id)]], /Een beoordelaar is geen persoon van uw organisatie/, 'a rater of another organisation'],
    [[['subject_id', String(subject.id)], ['rater_peer', String(p1.id)], ['rater_staff', String(p1.id)]],
      new RegExp(`${p1.name} staat twee keer op de lijst van beoordelaars`), 'one rater in two categories'],
    [[['subject_id', String(subject.id)], ['rater_peer', String(subject.id)]], new RegExp(`${subject.name} vraagt om de feedback en beoordeelt zichzelf al`), 'the person asking as rater'],
    [[['subject_id', String(subject.id)], ['rater_peer', 'x12']], /Kies iemand van uw organisatie uit de lijst/, 'a value that is no id'],
  ]) {
    const r = await coach.post('/waves/360', [...base, ...fields]);
    assert.equal(r.status, 422, what);
    assert.match(r.text, message, what);
    assert.equal(waves(), before, `${what}: nothing made`);
  }
  // refused, the form keeps who was chosen, even outside the list the page shows
  const back = await coach.post('/waves/360', [...base, ['subject_id', String(subject.id)], ['rater_peer', String(p1.id)], ['rater_peer', String(subject.id)]]);
  assert.ok(select(back.text, 'subject_id').includes(`<option value="${subject.id}" selected>`), 'the person asking kept');
  assert.match(select(back.text, 'rater_peer'), new RegExp(`<option value="${p1.id}"[^>]* selected>`), 'the rater kept');
  const r = await coach.post('/waves/360', [...base, ['subject_id', String(subject.id)], ['rater_manager', String(boss.id)],
    ['rater_peer', String(p1.id)], ['rater_peer', String(p2.id)], ['rater_staff', String(s1.id)], ['raters', 'k.klant@example.nl ander']]);
  assert.equal(r.status, 303, r.text.slice(0, 300));
  const id = +r.headers.get('location').match(/\d+/)[0];
  const inv = rows(`SELECT person_id, email, rater_role FROM invitation WHERE wave_id = ${id}`);
  const role = (p) => inv.find((x) => x.person_id === p.id)?.rater_role;
  assert.deepEqual([role(subject), role(boss), role(p1), role(p2), role(s1)], ['self', 'manager', 'peer', 'peer', 'staff']);
  assert.deepEqual(inv.filter((x) => x.person_id === null).map((x) => [x.email, x.rater_role]), [['k.klant@example.nl', 'other']]);
});

test('new account from the picker: linked to the person chosen; another organisation\'s person refused, nothing made', async () => {
  const accounts = () => count('SELECT count(*) AS n FROM account');
  const before = accounts();
  let r = await admin.post('/accounts', { display_name: '', email: 'vreemd@politie.example', person_id: String(stranger.id), role: 'participant' });
  assert.equal(r.status, 422);
  assert.match(r.text, /Kies iemand van uw organisatie uit de lijst\./);
  assert.match(r.text, /href="#f-person_id"/, 'the error summary leads to the picker');
  r = await admin.post('/accounts', { display_name: '', email: 'vreemd@politie.example', person_id: 'abc', role: 'participant' });
  assert.equal(r.status, 422, 'a value that is no id');
  assert.equal(accounts(), before, 'nothing made');
  const p = own.find((x) => !rows(`SELECT id FROM account WHERE person_id = ${x.id}`).length);
  // a name that is not the person's is asked about, the person kept in the form
  r = await admin.post('/accounts', { display_name: 'Iemand Anders', email: 'gekozen@politie.example', person_id: String(p.id), role: 'participant' });
  assert.equal(r.status, 422);
  assert.match(r.text, new RegExp(`Personeelsnummer ${p.employee_id} is van ${p.name}, niet van Iemand Anders`));
  assert.ok(select(r.text, 'person_id').includes(`<option value="${p.id}" selected>`), 'the chosen person kept');
  assert.equal(accounts(), before);
  r = await admin.post('/accounts', { display_name: '', email: 'gekozen@politie.example', person_id: String(p.id), role: 'participant' });
  assert.ok(r.status === 303 || r.status === 200, `invited: ${r.status}`);
  assert.deepEqual(rows("SELECT person_id FROM account WHERE email = 'gekozen@politie.example'"), [{ person_id: p.id }]);
});

test('plan goal: framework elements chosen by name from a list per framework, read by name; another organisation\'s refused', async () => {
  const pa = new Client(srv.base);
  await pa.login(demoEmail('participant'));
  const group = (await pa.get('/api/v1/me')).json().groups.find((g) => g.role === 'participant' || g.development_plan).id;
  const page = (await pa.get(`/groups/${group}/plan`)).text;
  const sel = (page.match(/<select id="g0-elements"[\s\S]*?<\/select>/) || [''])[0];
  const groups = [...sel.matchAll(/<optgroup label="([^"]*)">/g)].map((m) => m[1]);
  assert.ok(groups.length >= 3, `grouped by framework: ${groups.join(' | ')}`);
  assert.match(groups[0], /VLOW/, 'the programme\'s own framework first');
  const option = (label) => Number((sel.match(new RegExp(`<option value="(\\d+)">${label}</option>`)) || [])[1]);
  const listen = option('Luisteren'), anchor = option('Verschil toelaten: Verdragen');
  assert.ok(listen && anchor, 'options by name, a behaviour under its anchor');
  assert.doesNotMatch(sel, />[A-Z]\d(\.[A-Z]\d)?</, 'no codes for a name');
  assert.doesNotMatch(sel, /Welke vraag heb ik nog niet gesteld/, 'question cards are not elements to choose');
  const theirs = rows("SELECT e.id FROM framework_element e JOIN organisation o ON o.id = e.organisation_id WHERE o.slug = 'gemeente-demo' LIMIT 1")[0].id;
  const goals = async () => (await pa.get('/api/v1/me')).json().groups.find((g) => g.id === group).development_plan.goals;
  const before = await goals();
  const text = 'Ik luister in elk overleg eerst en vat samen wat ik hoorde.';
  let r = await pa.post(`/groups/${group}/plan/goals`, [['goal_id', '0'], ['text', text], ['element_id', String(listen)], ['element_id', String(theirs)]]);
  assert.equal(r.status, 422, 'an element of another organisation');
  assert.match(r.text, /Kies de onderdelen van het kader uit de lijst\./);
  assert.match(r.text, new RegExp(`<option value="${listen}" selected>Luisteren</option>`), 'what was chosen is kept');
  assert.deepEqual(await goals(), before, 'nothing saved');
  r = await pa.post(`/groups/${group}/plan/goals`, [['goal_id', '0'], ['text', text], ['element_id', String(anchor)], ['element_id', String(listen)]]);
  assert.equal(r.status, 303);
  const mine = (await pa.get(`/groups/${group}/plan`)).text;
  assert.match(mine, /<li>Verdragen <span class="muted">\(VLOW[^)]*\)<\/span><\/li><li>Luisteren <span class="muted">/, 'shown by name, in the order chosen');
  const saved = (await goals()).at(-1);
  assert.deepEqual(saved.framework_elements.map((x) => x.id), [anchor, listen]);
  // changing the goal to another organisation's element leaves it as it was
  const gid = rows(`SELECT id FROM development_goal WHERE text = '${text}'`)[0].id;
  r = await pa.post(`/groups/${group}/plan/goals`, [['goal_id', String(gid)], ['text', text], ['element_id', String(theirs)]]);
  assert.equal(r.status, 422);
  assert.deepEqual((await goals()).at(-1).framework_elements.map((x) => x.id), [anchor, listen], 'unchanged');
  // the facilitator reads the same names on the intake page
  const fa = new Client(srv.base);
  await fa.login(demoEmail('facilitator'));
  const place = (await coach.get(`/api/v1/groups/${group}`)).json().participants
    .find((x) => rows(`SELECT 1 AS x FROM account a WHERE a.person_id = ${x.person_id} AND a.email = '${demoEmail('participant')}'`).length);
  const intake = (await fa.get(`/enrolments/${place.enrolment_id}/intake`)).text;
  assert.match(intake, /<li>Verdragen <span class="muted">/);
});

test('the researcher, who may not read the people register, gets no list of people on the 360° form', async () => {
  const re = new Client(srv.base);
  await re.login(demoEmail('researcher'));
  const page = (await re.get(`/questionnaires?q=${encodeURIComponent(one.name)}`)).text;
  assert.equal(page.match(/<form method="post" action="\/waves\/360">/g)?.length, 1, 'the 360° form is there');
  assert.ok(!page.includes(one.employee_id) && !page.includes(one.name), 'nobody of the register on the page');
  assert.equal(select(page, 'subject_id'), '', 'no picker');
  assert.match(page, /<input id="f-subject" name="subject" type="text"/, 'the person asking by employee number');
});
