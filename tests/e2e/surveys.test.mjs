// Questionnaires in a real browser, in Dutch, with axe-core on every page:
// the coach opens Vragenlijsten, reads the demo wave's response accounting
// and item table, starts a new wave through the form (a refused try first)
// and downloads the personal links; a respondent opens a link in a browser
// with JavaScript off and answers with the keyboard alone (Tab, the arrow
// keys and Space on the scale, typing in the text boxes, Space on "Opslaan
// en later verdergaan", Enter on "Inleveren"). Screenshots for a human to
// look at: build/check/survey-wave.png and build/check/survey-respond.png.
//
// axe-core needs JavaScript in the page: each page of the context without
// it is checked at the same address in a page with JavaScript (the pages
// have no script of their own).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, demoEmail } from '../lib/server.mjs';
import { launch, newPage as open, accessible, login as loginAt, submit, refused, download, newPageNoJs, accessibleNoJs,
  focused, tabTo, chooseWithKeyboard } from '../lib/browser.mjs';

const CHECK = 'build/check';
const DEMO_WAVE = 'Eindevaluatie LiVe! 2025';
const WAVE = 'Tussenevaluatie Leergroep 1';
const GROUP1 = 'LiVe! Westerschelde · Lichting 1 · Leergroep 1';
const CODES = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'];
// the respondent's answers: a point for each question, text for two open ones
const POINTS = { a: 4, b: 1, c: 5, d: 3, e: 2, f: 4, g: 3, h: 5, i: 4, j: 1 };
const OPEN = { open1: 'Doorvragen voordat ik oordeel — “echt” luisteren.', open3: 'Hoe ik ideeën deel in het team.' };

let srv, browser, work;
let link;  // a personal link of the new wave

const newPage = () => open(browser, 'nl-NL');
const login = (page, email) => loginAt(page, srv.base, email);
const shot = (page, name) => page.screenshot({ path: `${CHECK}/${name}.png`, fullPage: true });
const addDays = (d, n) => new Date(Date.parse(d + 'T00:00:00Z') + n * 86400e3).toISOString().slice(0, 10);

before(async () => {
  mkdirSync(CHECK, { recursive: true });
  work = mkdtempSync(join(tmpdir(), 'leergang-surveys-'));
  srv = await startServer();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await srv?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

// ---- the coach ----

test('the coach reads the demo wave: the response accounting and the item table', async () => {
  const page = await newPage();
  await login(page, demoEmail('coach'));
  await page.getByRole('navigation').getByRole('link', { name: 'Vragenlijsten' }).click();
  await page.waitForURL(srv.base + '/questionnaires');
  assert.equal(await page.getAttribute('html', 'lang'), 'nl');
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Vragenlijsten');
  await accessible(page, 'survey-questionnaires');

  await page.getByRole('link', { name: DEMO_WAVE }).click();
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), DEMO_WAVE);
  const acc = page.locator('table.accounting');
  const row = async (label) => acc.getByRole('row', { name: new RegExp(`^${label.replace(/[()]/g, '\\$&')}\\s`) })
    .getByRole('cell').innerText();
  for (const [label, value] of [['Aangemeld', '117'], ['Gestopt', '12'], ['Gevraagd (niet gestopt)', '105'],
    ['Ingevuld', '84'], ['Niet ingevuld', '21'], ['Responspercentage', '80,0%']])
    assert.equal(await row(label), value, label);
  const items = page.locator('table.items');
  assert.equal(await items.locator('caption').innerText(), '84 antwoorden');
  assert.deepEqual(await items.locator('thead th').allInnerTexts(), ['Vraag', 'N', 'Gemiddelde', 'SD', 'Verdeling']);
  assert.equal(await items.locator('tbody tr').count(), 10);
  for (let k = 0; k < 10; k++) {
    const r = items.locator('tbody tr').nth(k);
    assert.match(await r.locator('th').innerText(), new RegExp(`^${CODES[k]}\\) In hoeverre`));
    assert.equal(await r.locator('td').first().innerText(), '84');
  }
  assert.ok(await page.locator('ul.open-answers li').count() > 0, 'the open answers are listed');
  await accessible(page, 'survey-wave-demo');
  await shot(page, 'survey-wave');
  await page.close();
});

test('the coach starts a wave for Leergroep 1 through the form; a refused try first', async () => {
  const page = await newPage();
  await login(page, demoEmail('coach'));
  await page.goto(srv.base + '/questionnaires');
  const form = page.locator('form[action="/waves"]');
  const today = await form.getByLabel('Opent op').inputValue();
  assert.match(today, /^\d{4}-\d\d-\d\d$/, 'the form opens today by default');
  assert.ok(await form.getByLabel(/^Anoniem/).isChecked(), 'anonymous by default');

  // no name, no group, closing before it opens
  await form.getByLabel('Sluit op').fill(addDays(today, -1));
  const alert = await refused(form.getByRole('button', { name: 'De ronde starten' }));
  assert.match(alert, /Naam is verplicht/);
  assert.match(alert, /Kies de leergroep, lichting, het programma of het onderdeel/);
  assert.match(alert, /De ronde sluit op of na de dag waarop ze opent/);
  assert.equal(await form.getByLabel('Naam van de ronde').getAttribute('aria-invalid'), 'true');
  assert.equal(await form.getByLabel('Sturen aan').getAttribute('aria-invalid'), 'true');
  await accessible(page, 'survey-wave-form-refused');

  await form.getByLabel('Naam van de ronde').fill(WAVE);
  await form.getByLabel('Sturen aan').selectOption({ label: GROUP1 });
  await form.getByLabel('Sluit op').fill(addDays(today, 14));
  await submit(page.locator('form[action="/waves"]').getByRole('button', { name: 'De ronde starten' }), /done=wave-created/);
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), WAVE);
  assert.match(await page.getByRole('status').innerText(), /De ronde is gestart/);
  assert.match(await page.locator('main').innerText(), /· anoniem/);
  assert.match(await page.locator('p.note').innerText(), /Uitkomsten worden getoond vanaf 5 antwoorden/);
  await accessible(page, 'survey-wave-new');

  const { path, name } = await download(page.getByRole('link', { name: /persoonlijke links als CSV/ }), work);
  assert.equal(name, 'links.csv');
  const csv = readFileSync(path, 'utf8').replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
  assert.equal(csv[0], 'Naam;E-mailadres;Link;Ingevuld');
  link = csv[1].match(/(http:\/\/[^;]+\/respond\?token=[0-9a-f]{64})/)[1];
  await page.close();
});

// ---- the respondent: no JavaScript, the keyboard only ----

test('a respondent without JavaScript answers with the keyboard alone: saves, comes back, hands in', async () => {
  assert.ok(link, 'the link of the previous test');
  const page = await newPageNoJs(browser);
  try {
    await page.goto(link);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Eindevaluatie LiVe!');
    assert.match(await page.locator('main').innerText(), /Deze vragenlijst is anoniem/);
    await accessibleNoJs(page, 'survey-respond-empty');

    // the questions, in order, as the page names them (legend / label):
    // numbered, never by their code (a-j are for the data)
    const legends = await page.locator('fieldset.question legend').allInnerTexts();
    assert.deepEqual(legends.map((l) => l.split('. ')[0]), CODES.map((_, k) => String(k + 1)),
      'ten scale questions, each a fieldset with a legend');
    assert.ok(legends.every((l) => !/^[a-j]\)/.test(l)), 'no item code');
    const names = await page.locator('fieldset.question').evaluateAll((fs) => fs.map((f) => f.querySelector('input').name));
    const openNames = await page.locator('textarea').evaluateAll((ts) => ts.map((t) => t.name));
    assert.equal(openNames.length, 3);
    // every point has a label that says its number
    assert.equal(await page.getByRole('radio', { name: '1 (helemaal niet)' }).count(), 10);
    assert.equal(await page.getByRole('radio', { name: '5 (heel goed)' }).count(), 10);

    // first pass: questions a-e with the keyboard, the first open question, then Space on "Opslaan"
    const order = [];
    for (let k = 0; k < 5; k++) order.push(...await chooseWithKeyboard(page, names[k], POINTS[CODES[k]]));
    // Tab leaves a group after its choice: on to the next question, f
    order.push(...await tabTo(page, /^radio:|^textarea:/, 1));
    assert.equal(order.at(-1), `radio:${names[5]}:1`, 'from question e, Tab goes to question f');
    // the rest of the scale questions are left for later; Tab passes each once
    const passed = await tabTo(page, new RegExp(`^textarea:${openNames[0]}$`));
    assert.deepEqual(passed.slice(0, -1), names.slice(6).map((n) => `radio:${n}:1`), 'one Tab stop for each question');
    order.push(...passed);
    await page.keyboard.type(OPEN.open1);
    const toSave = await tabTo(page, /^button:Opslaan en later verdergaan$/);
    assert.deepEqual(toSave, [`textarea:${openNames[1]}`, `textarea:${openNames[2]}`, 'button:Opslaan en later verdergaan']);
    order.push(...toSave);
    // the whole Tab order: the header's links, then every question once, in order, then the buttons
    const first = order.findIndex((x) => x.startsWith('radio:'));
    assert.ok(order.slice(0, first).every((x) => x.startsWith('a:')), `before the questions only links: ${order.slice(0, first)}`);
    assert.ok(first <= 3, `at most three links before the first question: ${order.slice(0, first)}`);
    assert.deepEqual(order.slice(first).map((x) => x.replace(/^radio:(i\d+):\d$/, '$1')),
      [...names, ...openNames.map((n) => `textarea:${n}`), 'button:Opslaan en later verdergaan'], 'the Tab order of the form');
    await page.screenshot({ path: `${CHECK}/survey-respond-keyboard.png`, fullPage: false });
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Space')]);
    assert.match(page.url(), /done=answers-saved/);
    assert.match(await page.getByRole('status').innerText(), /Uw antwoorden zijn opgeslagen/);
    await accessibleNoJs(page, 'survey-respond-saved');

    // back to the page: the choices are there; Tab lands on the chosen point
    for (let k = 0; k < 5; k++)
      assert.equal(await page.locator(`input[name="${names[k]}"]:checked`).getAttribute('value'), String(POINTS[CODES[k]]));
    assert.equal(await page.locator(`textarea[name="${openNames[0]}"]`).inputValue(), OPEN.open1);
    const again = await tabTo(page, /^radio:/);
    assert.equal(again.at(-1), `radio:${names[0]}:${POINTS.a}`, 'Tab lands on the chosen point of question a');
    // to question f, and the rest of the questions
    await tabTo(page, new RegExp(`^radio:${names[5]}:`));
    for (let k = 5; k < 10; k++) {
      if (k > 5) await tabTo(page, new RegExp(`^radio:${names[k]}:`), 1);
      assert.equal(await focused(page), `radio:${names[k]}:1`);
      if (POINTS[CODES[k]] === 1) await page.keyboard.press('Space');
      for (let p = 1; p < POINTS[CODES[k]]; p++) await page.keyboard.press('ArrowRight');
      assert.equal(await page.locator(`input[name="${names[k]}"]:checked`).getAttribute('value'), String(POINTS[CODES[k]]),
        `question ${CODES[k]}`);
    }
    await tabTo(page, new RegExp(`^textarea:${openNames[0]}$`), 1);
    await tabTo(page, new RegExp(`^textarea:${openNames[2]}$`), 2);
    await page.keyboard.type(OPEN.open3);
    // every question and both buttons were reached by Tab
    const end = await tabTo(page, /^button:Inleveren$/, 2);
    assert.deepEqual(end, ['button:Opslaan en later verdergaan', 'button:Inleveren']);
    await page.screenshot({ path: `${CHECK}/survey-respond.png`, fullPage: true });
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    // open2 was left open: the page lists it, keeps every answer, and asks
    assert.doesNotMatch(page.url(), /done=/);
    const box = page.locator('#unanswered');
    assert.match(await box.innerText(), /1 vraag is nog niet beantwoord/);
    assert.deepEqual(await box.locator('li a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))), [`#f-${openNames[1]}`]);
    for (let k = 0; k < 10; k++)
      assert.equal(await page.locator(`input[name="${names[k]}"]:checked`).getAttribute('value'), String(POINTS[CODES[k]]));
    assert.equal(await page.locator(`textarea[name="${openNames[2]}"]`).inputValue(), OPEN.open3);
    // (axe checks this page in pages.test.mjs: it is the answer to a POST)
    await page.screenshot({ path: `${CHECK}/survey-respond-confirm.png`, fullPage: true });
    await tabTo(page, /^button:Toch inleveren$/);
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    assert.match(page.url(), /done=handed-in/);
    assert.equal(await page.getByRole('status').innerText(), 'Dank u wel: uw antwoorden zijn ingeleverd.');
    assert.equal(await page.locator('form[action="/respond"]').count(), 0, 'no form after handing in');
    await accessibleNoJs(page, 'survey-respond-thanks');
    await shot(page, 'survey-respond-thanks');
  } finally {
    await page.context().close();
  }

  // the coach sees one response; the answers stay hidden below 5
  const coach = await newPage();
  await login(coach, demoEmail('coach'));
  await coach.goto(srv.base + '/questionnaires');
  await coach.getByRole('link', { name: WAVE }).click();
  assert.equal(await coach.locator('table.accounting').getByRole('row', { name: /^Ingevuld\s/ }).getByRole('cell').innerText(), '1');
  assert.match(await coach.locator('p.note').innerText(), /er is er 1\./);  // one, not "er zijn er 1"
  assert.equal(await coach.locator('table.items').count(), 0);
  await accessible(coach, 'survey-wave-one-response');
  await coach.close();
});
