// 360° feedback in a real browser, in Dutch, with axe-core on every page:
// the coach reads the demo's closed round, finds a team chief and the
// people around them on Mensen, and starts a round through the form on
// Vragenlijsten (a refused try first): the team chief rates themself, their
// own manager, two peers, four staff and one other rate them, each through
// their own link in a browser with JavaScript off, with the keyboard
// alone. The report per dimension shows self, the own manager, the staff
// as a category of their own (4 ≥ 3), the two peers and the one other
// merged into "anderen (samengevoegd)" (3), everyone together and the gap.
// A second round, with one peer and one other, shows why a merged group of
// 2 is not shown, nor everyone together and the gap (they would give it
// away by subtraction).
//
// The report is shown once a round has closed, and a round closes at the
// end of a day, so a test cannot wait for it: after the answers are in,
// the round's dates are moved back (directly in the test's own
// database) as if two weeks had passed; the rule is not touched, and the
// page is checked to hold the report back before.
//
// Screenshots: build/check/feedback360-*.png, and build/e2e/ for every page
// axe checked.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, demoEmail } from '../lib/server.mjs';
import { sqlRun } from '../lib/db.mjs';
import { launch, newPage as open, accessible, login as loginAt, submit, refused, download, newPageNoJs, accessibleNoJs,
  answerWithKeyboard } from '../lib/browser.mjs';

const CHECK = 'build/check';
const SCAN = 'Leiderschapsscan';
const DIMENSIONS = ['Gedeeld leiderschap', 'Verbindend leiderschap', 'Veranderleiderschap'];  // items 1-3, 4-6, 7-9
const NOTE = 'De eigen leidinggevende staat er apart in: die beoordeling is nooit anoniem. Elke andere categorie staat er vanaf 3 beoordelaars; kleinere zijn ' +
  'samengevoegd tot ‘anderen (samengevoegd)’, getoond vanaf 3. De anderen samen en het verschil blijven weg als ze de ' +
  'scores van minder dan 3 beoordelaars zouden verraden.';
// the points each rater gives the nine statements
const SELF = [5, 4, 5, 4, 4, 5, 5, 5, 4];
const MANAGER = [4, 3, 4, 3, 4, 3, 4, 4, 3];
const STAFF = [[3, 4, 4, 3, 3, 4, 2, 3, 3], [4, 4, 3, 2, 3, 3, 3, 3, 4], [3, 3, 3, 3, 2, 3, 2, 2, 3], [5, 4, 4, 3, 4, 4, 3, 4, 4]];
const PEERS = [[3, 3, 4, 4, 4, 5, 3, 4, 3], [4, 3, 3, 4, 5, 4, 3, 3, 3]];
const OTHER = [2, 3, 3, 4, 4, 4, 3, 3, 2];

let srv, browser, work, today;
let people;   // the people of District Noord as Mensen lists them
let instrumentLabel;

const newPage = () => open(browser, 'nl-NL');
const login = (page, email) => loginAt(page, srv.base, email);
const shot = (page, name) => page.screenshot({ path: `${CHECK}/${name}.png`, fullPage: true });
const addDays = (d, n) => new Date(Date.parse(d + 'T00:00:00Z') + n * 86400e3).toISOString().slice(0, 10);
const mean = (x) => x.reduce((s, v) => s + v, 0) / x.length;
const nl1 = (v) => (Math.abs(v) < 0.05 ? 0 : v).toFixed(1).replace('.', ',');
// a rater's score on dimension d: the mean of its three statements
const score = (points, d) => mean(points.slice(3 * d, 3 * d + 3));

before(async () => {
  mkdirSync(CHECK, { recursive: true });
  work = mkdtempSync(join(tmpdir(), 'leergang-360-'));
  srv = await startServer();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await srv?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

// The report's rows: { dimension, self, categories: [lines], others, gap }.
async function report(page) {
  const rows = [];
  for (const tr of await page.locator('table.three60 tbody tr').all()) {
    const [self, cats, others, gap] = await tr.locator('td').allInnerTexts();
    rows.push({ dimension: await tr.locator('th').innerText(), self, categories: cats.split('\n'), others, gap });
  }
  return rows;
}

test('the coach reads the demo round: two peers and one other merged, four staff by themselves', async () => {
  const page = await newPage();
  await login(page, demoEmail('coach'));
  await page.getByRole('navigation').getByRole('link', { name: 'Vragenlijsten' }).click();
  await page.getByRole('link', { name: '360°-feedback districtschef' }).click();
  assert.match(await page.locator('main').innerText(), /360°-feedback over: \S+/);
  assert.equal(await page.getByRole('heading', { level: 2, name: 'Zelf en anderen per dimensie' }).count(), 1);
  assert.equal(await page.locator('#report-360 + p.note').innerText(), NOTE);
  assert.deepEqual(await page.locator('table.three60 thead th').allInnerTexts(),
    ['Dimensie', 'Zelf', 'Categorieën (beoordelaars)', 'Anderen samen (beoordelaars)', 'Verschil zelf − anderen']);
  const rows = await report(page);
  assert.deepEqual(rows.map((r) => r.dimension), DIMENSIONS);
  for (const r of rows) {
    assert.match(r.self, /^\d,\d$/);
    assert.deepEqual(r.categories.map((c) => c.replace(/: \d,\d /, ': # ')),
      ['eigen leidinggevende: # (1)', 'medewerkers: # (4)', 'anderen (samengevoegd): # (3)'], r.dimension);
    assert.match(r.others, /^\d,\d \(8\)$/);
    assert.match(r.gap, /^-?\d,\d$/);
  }
  assert.doesNotMatch(await page.locator('table.three60').innerText(), /collega/, 'two peers are not a category');
  await accessible(page, 'feedback360-demo');
  await shot(page, 'feedback360-demo');
  await page.close();
});

// People of District Noord, as the table on Mensen shows them.
async function findPeople(page) {
  await page.getByRole('navigation').getByRole('link', { name: 'Mensen' }).click();
  await page.getByLabel('Onderdeel (met de onderliggende onderdelen)').selectOption({ label: 'District Noord' });
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Zoeken' }).click()]);
  const found = Number((await page.getByRole('status').innerText()).match(/^(\d+) mensen gevonden/)[1]);
  assert.deepEqual(await page.locator('main table thead th').allInnerTexts(),
    ['Naam', 'Personeelsnummer', 'Onderdeel', 'Leidinggevende', 'Functieniveau']);
  const list = [];
  for (const tr of await page.locator('main table tbody tr').all()) {
    const [name, employee, unit, manager, level] = await tr.locator('td').allInnerTexts();
    list.push({ name, employee, unit, manager, level });
  }
  assert.equal(list.length, found, 'everyone on one page');
  await accessible(page, 'feedback360-people');
  return list;
}

// Starts a 360° round through the form; returns its address.
async function startRound(page, name, subject, raters) {
  // the search narrows the picker of the person asking to them
  await page.goto(srv.base + '/questionnaires?q=' + encodeURIComponent(subject.employee));
  const form = page.locator('form[action="/waves/360"]');
  assert.equal(await form.getByLabel('Vragenlijst').locator('option:checked').innerText(), SCAN, 'the scan is chosen');
  await form.getByLabel('Naam van de ronde').fill(name);
  await form.getByLabel('Wie om feedback vraagt', { exact: true }).selectOption({ label: `${subject.name} (${subject.employee})` });
  await form.getByLabel(/^Beoordelaars, één per regel/).fill(raters.map(([p, c]) => `${p.employee} ${c}`).join('\n'));
  today = await form.getByLabel('Opent op').inputValue();
  await form.getByLabel('Sluit op').fill(addDays(today, 14));
  await submit(form.getByRole('button', { name: 'De 360°-feedbackronde starten' }), /done=wave-created/);
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), name);
  assert.match(await page.locator('main').innerText(), new RegExp(`360°-feedback over: ${subject.name}\n`));
  return page.url().replace(/\?.*/, '');
}

// The personal links of the round on the page, by name.
async function links(page) {
  const { path } = await download(page.getByRole('link', { name: /persoonlijke links als CSV/ }), work);
  const lines = readFileSync(path, 'utf8').replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
  assert.equal(lines[0], 'Naam;E-mailadres;Link;Ingevuld');
  return new Map(lines.slice(1).map((l) => {
    const [name, , link] = l.split(';');
    return [name, link];
  }));
}

// Each of who ([person, points]) answers through their link with the keyboard.
async function answer(byName, subject, who, check) {
  for (const [person, points] of who) {
    const page = await newPageNoJs(browser);
    try {
      await page.goto(byName.get(person.name));
      assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), SCAN);
      // whom it is about, for every rater
      assert.match(await page.locator('main').innerText(), new RegExp(`360°-feedback over: ${subject.name}\n`));
      if (check) await check(page, 'form');
      await answerWithKeyboard(page, points);
      if (check) await check(page, 'thanks');
      check = null;   // the first one's pages are checked
    } finally {
      await page.context().close();
    }
  }
}

// The round closes: its dates move back as if two weeks had passed.
function closeRound(url) {
  const id = Number(url.match(/\/waves\/(\d+)$/)[1]);
  sqlRun(srv.db, `UPDATE wave SET opens_on = '${addDays(today, -15)}', closes_on = '${addDays(today, -1)}' WHERE id = ${id}`);
}

const accounting = async (page, label) => page.locator('table.accounting')
  .getByRole('row', { name: new RegExp(`^${label.replace(/[()]/g, '\\$&')}\\s`) }).getByRole('cell').innerText();

test('a 360° round about a team chief: staff by themselves, peers and other merged into "others"', async () => {
  const page = await newPage();
  await login(page, demoEmail('coach'));
  people = await findPeople(page);
  // the team chief of Basisteam Havens, their manager, the other team chiefs under that manager, four of their staff
  const subject = people.find((p) => p.unit === 'District Noord/Basisteam Havens' && p.level === 'Teamchef');
  const manager = people.find((p) => p.name === subject.manager);
  const peers = people.filter((p) => p.level === 'Teamchef' && p.manager === manager.name && p !== subject);
  const staff = people.filter((p) => p.manager === subject.name).slice(0, 4);
  const other = people.find((p) => p.manager === peers[0].name);   // someone of a neighbouring team
  assert.equal(manager.level, 'Districtschef');
  assert.equal(peers.length, 2);
  assert.equal(staff.length, 4);

  // refused first: no name, a category that does not exist; nothing is made, what was typed stays
  // the search narrows the picker of the person asking to them
  await page.goto(srv.base + '/questionnaires?q=' + encodeURIComponent(subject.employee));
  const form = page.locator('form[action="/waves/360"]');
  await form.getByLabel('Wie om feedback vraagt', { exact: true }).selectOption({ label: `${subject.name} (${subject.employee})` });
  await form.getByLabel(/^Beoordelaars, één per regel/).fill(`${manager.employee} manager\n${staff[0].employee} baas`);
  await form.getByLabel('Sluit op').fill(addDays(await form.getByLabel('Opent op').inputValue(), 14));
  const before = await page.locator('a[href^="/waves/"]').count();
  const alert = await refused(form.getByRole('button', { name: 'De 360°-feedbackronde starten' }));
  assert.match(alert, /Naam is verplicht/);
  assert.match(alert, /Regel 2: de categorie is manager, peer, staff of other\./);
  // the fields of this form are marked, and the alert's links lead to them (not to the wave form's fields of the same name)
  for (const label of ['Naam van de ronde', /^Beoordelaars, één per regel/]) {
    const field = form.getByLabel(label);
    assert.equal(await field.getAttribute('aria-invalid'), 'true', String(label));
    const id = await field.getAttribute('id');
    assert.equal(await page.locator(`[id="${id}"]`).count(), 1, `${id} is once on the page`);
    assert.equal(await page.getByRole('alert').locator(`a[href="#${id}"]`).count(), 1, `the alert links to ${id}`);
  }
  assert.equal(await page.locator('form[action="/waves"]').getByLabel('Naam van de ronde').getAttribute('aria-invalid'), null);
  assert.equal(await form.locator('#f-subject_id option:checked').textContent(), `${subject.name} (${subject.employee})`,
    'the person asking stays chosen');
  assert.equal(await page.locator('a[href^="/waves/"]').count(), before, 'no round was made');
  await accessible(page, 'feedback360-form-refused');

  const raters = [[manager, 'manager'], ...staff.map((p) => [p, 'staff']), ...peers.map((p) => [p, 'peer']), [other, 'other']];
  const url = await startRound(page, '360° teamchef Havens', subject, raters);
  assert.equal(await accounting(page, 'Gevraagd (niet gestopt)'), '9');
  assert.equal(await page.locator('table.accounting').getByRole('row', { name: /^Aangemeld/ }).count(), 0, 'no programme here');
  await accessible(page, 'feedback360-round-new');

  const byName = await links(page);
  assert.deepEqual([...byName.keys()].sort(), [subject, ...raters.map(([p]) => p)].map((p) => p.name).sort());
  await answer(byName, subject, [[subject, SELF], [manager, MANAGER], ...staff.map((p, k) => [p, STAFF[k]]),
    ...peers.map((p, k) => [p, PEERS[k]]), [other, OTHER]], async (p, step) => {
    if (step === 'form') {
      assert.equal(await p.locator('fieldset.question').count(), 9);
      await accessibleNoJs(p, 'feedback360-respond');
      await p.screenshot({ path: `${CHECK}/feedback360-respond.png`, fullPage: true });
    } else {
      await accessibleNoJs(p, 'feedback360-respond-thanks');
    }
  });

  // all in, the round still open: counted, the report held back
  await page.goto(url);
  assert.equal(await accounting(page, 'Ingevuld'), '9');
  assert.equal(await accounting(page, 'Responspercentage'), '100,0%');
  assert.match(await page.locator('#report-360 + p.note').innerText(), /^Het rapport wordt getoond als de ronde gesloten is, na /);
  assert.equal(await page.locator('table.three60').count(), 0);
  await accessible(page, 'feedback360-round-open');

  closeRound(url);
  await page.goto(url);
  assert.equal(await page.locator('#report-360 + p.note').innerText(), NOTE);
  const rows = await report(page);
  assert.deepEqual(rows.map((r) => r.dimension), DIMENSIONS);
  rows.forEach((r, d) => {
    const s = (pts) => score(pts, d);
    const merged = [...PEERS.map(s), s(OTHER)];
    const all = [s(MANAGER), ...STAFF.map(s), ...merged];
    assert.equal(r.self, nl1(s(SELF)), `${r.dimension}: self`);
    assert.deepEqual(r.categories, [`eigen leidinggevende: ${nl1(s(MANAGER))} (1)`, `medewerkers: ${nl1(mean(STAFF.map(s)))} (4)`,
      `anderen (samengevoegd): ${nl1(mean(merged))} (3)`], `${r.dimension}: the categories`);
    assert.equal(r.others, `${nl1(mean(all))} (8)`, `${r.dimension}: everyone together`);
    assert.equal(r.gap, nl1(s(SELF) - mean(all)), `${r.dimension}: the gap`);
  });
  assert.doesNotMatch(await page.locator('table.three60').innerText(), /collega/, 'two peers are not a category');
  await accessible(page, 'feedback360-report');
  await shot(page, 'feedback360-report');
  await page.close();
});

test('a round where "others" would be two raters: not shown, nor everyone together and the gap', async () => {
  const page = await newPage();
  await login(page, demoEmail('coach'));
  // the team chief of Basisteam Polder: the same manager, three staff, one peer, one other
  const subject = people.find((p) => p.unit === 'District Noord/Basisteam Polder' && p.level === 'Teamchef');
  const manager = people.find((p) => p.name === subject.manager);
  const peer = people.find((p) => p.level === 'Teamchef' && p.manager === manager.name && p !== subject);
  const staff = people.filter((p) => p.manager === subject.name).slice(0, 3);
  const other = people.find((p) => p.manager === peer.name);
  const raters = [[manager, 'manager'], ...staff.map((p) => [p, 'staff']), [peer, 'peer'], [other, 'other']];
  const url = await startRound(page, '360° teamchef Polder', subject, raters);
  const byName = await links(page);
  await answer(byName, subject, [[subject, SELF], [manager, MANAGER], ...staff.map((p, k) => [p, STAFF[k]]),
    [peer, PEERS[0]], [other, OTHER]]);
  closeRound(url);
  await page.goto(url);
  assert.equal(await accounting(page, 'Ingevuld'), '7');
  // why: the note above the report
  assert.equal(await page.locator('#report-360 + p.note').innerText(), NOTE);
  const rows = await report(page);
  assert.deepEqual(rows.map((r) => r.dimension), DIMENSIONS);
  rows.forEach((r, d) => {
    const s = (pts) => score(pts, d);
    assert.equal(r.self, nl1(s(SELF)));
    assert.deepEqual(r.categories, [`eigen leidinggevende: ${nl1(s(MANAGER))} (1)`,
      `medewerkers: ${nl1(mean(staff.map((_, k) => s(STAFF[k]))))} (3)`, 'anderen (samengevoegd): niet getoond (2)'], r.dimension);
    // the manager and the staff shown: everyone together would give away the two by subtraction
    assert.equal(r.others, 'niet getoond (6)');
    assert.equal(r.gap, '—');
  });
  assert.doesNotMatch(await page.locator('table.three60').innerText(), /collega/);
  await accessible(page, 'feedback360-report-small');
  await shot(page, 'feedback360-report-small');
  await page.close();
});

test('the district chief reads the report about themself on Mijn 360°-feedback', async () => {
  const page = await newPage();
  await loginAt(page, srv.base, demoEmail('mentor'));
  await page.getByRole('link', { name: 'Mijn 360°-feedback' }).click();
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Mijn 360°-feedback');
  const round = page.locator('section').filter({ has: page.getByRole('heading', { name: '360°-feedback districtschef' }) });
  assert.match(await round.locator('table.three60').innerText(), /anderen \(samengevoegd\): \d,\d \(3\)/);
  assert.equal(await round.locator('svg[role="img"]').count(), 1, 'the radar');
  await accessible(page, 'feedback-subject');
  await page.context().close();
});
