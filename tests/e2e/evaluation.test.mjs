// The LiVe! final evaluation of a batch, in a real browser, in Dutch, with
// axe-core on every page: the coach starts "Eindevaluatie LiVe!" for
// Lichting 1 of the running programme (not anonymous) through the form and
// downloads the personal links; five participants answer through their own
// link in a browser with JavaScript off, with the keyboard alone; the coach
// sees nothing below 5 responses, then the response accounting (the
// numbers worked out from the batch's enrolments as the API gives them),
// the diverging bars with their table, the item table of seed 000 §9.1 and
// the groups hidden below 5. An anonymous wave for Lichting 2 shows its
// results only once it has closed.
//
// A wave closes at the end of a day, so a test cannot wait for it: after
// the answers are in, the anonymous wave's dates are moved back (directly
// in the test's own database) as if two weeks had passed; the
// rule that hides the results is not touched.
//
// Screenshots: build/check/evaluation-*.png, and build/e2e/ for every page
// axe checked.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, demoEmail } from '../lib/server.mjs';
import { sqlRun } from '../lib/db.mjs';
import { launch, newPage as open, accessible, login as loginAt, submit, download, newPageNoJs, accessibleNoJs,
  answerWithKeyboard } from '../lib/browser.mjs';

const CHECK = 'build/check';
const PROGRAMME = 'LiVe! Westerschelde';   // the demo's running programme
const INSTRUMENT = 'Eindevaluatie LiVe!';
const WAVE = 'Eindevaluatie LiVe! Lichting 1';
const ANON = 'Eindevaluatie LiVe! Lichting 2 (anoniem)';
// the five respondents' points for questions a-j, and what they type in the open questions
const POINTS = [
  [4, 3, 5, 4, 3, 3, 4, 5, 4, 2],
  [3, 4, 4, 4, 3, 2, 3, 4, 5, 1],
  [2, 4, 3, 3, 4, 3, 3, 3, 4, 1],
  [4, 5, 4, 4, 3, 2, 2, 4, 3, 3],
  [3, 4, 4, 5, 4, 3, 3, 5, 4, 2],
];
const INSIGHT = 'Eerst vragen, dan oordelen.';
const TEXTS = [[INSIGHT], [INSIGHT, 'In het teamoverleg.'], [], ['', '', 'Ruimte geven aan “tegenspraak”.'], []];

let srv, browser, work, today;
let programme;      // the running programme as the API gives it
let waveUrl;        // the not-anonymous wave's page
let rows;           // links.csv of that wave: { name, email, link, responded }

const newPage = () => open(browser, 'nl-NL');
const login = (page, email) => loginAt(page, srv.base, email);
const shot = (page, name) => page.screenshot({ path: `${CHECK}/${name}.png`, fullPage: true });
const addDays = (d, n) => new Date(Date.parse(d + 'T00:00:00Z') + n * 86400e3).toISOString().slice(0, 10);
const mean = (x) => x.reduce((s, v) => s + v, 0) / x.length;
const sd = (x) => Math.sqrt(x.reduce((s, v) => s + (v - mean(x)) ** 2, 0) / (x.length - 1));
const nl1 = (v) => (Math.abs(v) < 0.05 ? 0 : v).toFixed(1).replace('.', ',');
const api = async (page, path) => {
  const r = await page.request.get(srv.base + path);
  assert.equal(r.status(), 200, path);
  return r.json();
};

before(async () => {
  mkdirSync(CHECK, { recursive: true });
  work = mkdtempSync(join(tmpdir(), 'leergang-evaluation-'));
  srv = await startServer();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await srv?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

// The value of a row of the accounting table, by its label.
const accounting = async (page, label) => page.locator('table.accounting')
  .getByRole('row', { name: new RegExp(`^${label.replace(/[()]/g, '\\$&')}\\s`) }).getByRole('cell').innerText();

// Starts a wave through the form on Vragenlijsten; returns the wave's address.
async function startWave(page, name, population, anonymous) {
  await page.goto(srv.base + '/questionnaires');
  const form = page.locator('form[action="/waves"]');
  await form.getByLabel('Vragenlijst').selectOption({ label: INSTRUMENT });
  await form.getByLabel('Naam van de ronde').fill(name);
  await form.getByLabel('Sturen aan').selectOption({ label: population });
  today = await form.getByLabel('Opent op').inputValue();
  await form.getByLabel('Sluit op').fill(addDays(today, 14));
  await form.getByLabel(/^Anoniem/).setChecked(anonymous);
  await submit(form.getByRole('button', { name: 'De ronde starten' }), /done=wave-created/);
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), name);
  assert.match(await page.locator('main').innerText(), anonymous ? /· anoniem\n/ : /· niet anoniem\n/);
  return page.url().replace(/\?.*/, '');
}

// links.csv of the wave on the page, as rows.
async function links(page) {
  const { path, name } = await download(page.getByRole('link', { name: /persoonlijke links als CSV/ }), work);
  assert.equal(name, 'links.csv');
  const lines = readFileSync(path, 'utf8').replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
  assert.equal(lines[0], 'Naam;E-mailadres;Link;Ingevuld');
  // a name may hold a ';' or a '"': quoted as Excel reads it
  return lines.slice(1).map((l) => {
    const cells = [...l.matchAll(/("(?:[^"]|"")*"|[^;]*)(;|$)/g)].slice(0, 4).map((m) => m[1].replace(/^"|"$/g, '').replace(/""/g, '"'));
    return { name: cells[0], email: cells[1], link: cells[2], responded: cells[3] };
  });
}

// One respondent: opens their link without JavaScript and answers with the keyboard.
async function respond(link, points, texts, check) {
  const page = await newPageNoJs(browser);
  try {
    await page.goto(link);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), INSTRUMENT);
    if (check) await check(page, 'form');
    await answerWithKeyboard(page, points, texts);
    assert.equal(await page.getByRole('status').innerText(), 'Dank u wel: uw antwoorden zijn ingeleverd.');
    if (check) await check(page, 'thanks');
  } finally {
    await page.context().close();
  }
}

test('the coach starts the final evaluation for Lichting 1, not anonymous, and downloads the links', async () => {
  const page = await newPage();
  await login(page, demoEmail('coach'));
  const list = await api(page, '/api/v1/programmes');
  programme = await api(page, `/api/v1/programmes/${list.programmes.find((p) => p.name === PROGRAMME).id}`);
  waveUrl = await startWave(page, WAVE, `${PROGRAMME} · Lichting 1`, false);
  assert.match(await page.getByRole('status').innerText(), /De ronde is gestart/);
  assert.equal(await accounting(page, 'Ingevuld'), '0');
  assert.match(await page.locator('p.note').innerText(), /Uitkomsten worden getoond vanaf 5 antwoorden.*er zijn er 0\./);
  await accessible(page, 'evaluation-wave-new');

  rows = await links(page);
  // everyone enrolled in the batch who did not stop, once, not yet answered
  const batch = programme.batches.find((b) => b.name === 'Lichting 1');
  const enrolled = [];
  for (const g of batch.groups) enrolled.push(...(await api(page, `/api/v1/groups/${g.id}`)).participants);
  assert.ok(enrolled.some((p) => p.status === 'stopped'), 'the demo batch has someone who stopped');
  assert.deepEqual(rows.map((r) => r.name).sort(), enrolled.filter((p) => p.status !== 'stopped').map((p) => p.name).sort());
  assert.ok(rows.every((r) => /^http:\/\/[^;]+\/respond\?token=[0-9a-f]{64}$/.test(r.link) && r.responded === 'nee'));
  assert.equal(new Set(rows.map((r) => r.link)).size, rows.length, 'a link of their own for everyone');
  await page.close();
});

// the respondents: four of Leergroep 1, one of Leergroep 2
async function respondents(page) {
  const batch = programme.batches.find((b) => b.name === 'Lichting 1');
  const [g1, g2] = await Promise.all(batch.groups.map((g) => api(page, `/api/v1/groups/${g.id}`)));
  const link = (p) => rows.find((r) => r.name === p.name).link;
  const active = (g) => g.participants.filter((p) => p.status !== 'stopped');
  return [...active(g1).slice(0, 4), active(g2)[0]].map(link);
}

test('five participants answer through their links, without JavaScript, with the keyboard alone', async () => {
  assert.ok(rows, 'the links of the previous test');
  const coach = await newPage();
  await login(coach, demoEmail('coach'));
  const who = await respondents(coach);
  for (let k = 0; k < 5; k++) {
    // the first respondent's pages are checked with axe and looked at
    await respond(who[k], POINTS[k], TEXTS[k], k ? null : async (page, step) => {
      if (step === 'form') {
        const main = await page.locator('main').innerText();
        assert.doesNotMatch(main, /Deze vragenlijst is anoniem/, 'no promise of anonymity');
        assert.match(main, /Deze vragenlijst is niet anoniem|This questionnaire is not anonymous/, 'the respondent is told');
        await accessibleNoJs(page, 'evaluation-respond');
        await page.screenshot({ path: `${CHECK}/evaluation-respond.png`, fullPage: true });
      } else {
        await accessibleNoJs(page, 'evaluation-respond-thanks');
      }
    });
    if (k === 3) {
      // four responses: counted, nothing of what they said shown
      await coach.goto(waveUrl);
      assert.equal(await accounting(coach, 'Ingevuld'), '4');
      assert.match(await coach.locator('p.note').innerText(), /er zijn er 4\./);
      assert.equal(await coach.locator('table.items').count(), 0);
      assert.equal(await coach.locator('figure.chart').count(), 0);
      assert.equal(await coach.locator('ul.open-answers').count(), 0);
      await accessible(coach, 'evaluation-wave-four');
    }
  }
  // a link that has been used shows the thanks, and no form
  const again = await newPageNoJs(browser);
  await again.goto(who[0]);
  assert.equal(await again.getByRole('status').innerText(), 'Dank u wel: uw antwoorden zijn ingeleverd.');
  assert.equal(await again.locator('form[action="/respond"]').count(), 0);
  await again.context().close();
  await coach.close();
});

test('the coach sees the response accounting, the chart and the item table of seed 000 §9.1', async () => {
  const page = await newPage();
  await login(page, demoEmail('coach'));
  await page.goto(srv.base + '/questionnaires');
  const listed = page.getByRole('row', { name: new RegExp(`^${WAVE}\\s`) });
  assert.equal(await listed.getByRole('cell').last().innerText(), `5 van ${rows.length}`);
  await listed.getByRole('link', { name: WAVE }).click();
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), WAVE);

  // the accounting, from the batch's enrolments
  const batch = programme.batches.find((b) => b.name === 'Lichting 1');
  const status = { registered: 0, active: 0, completed: 0, stopped: 0 };
  for (const g of batch.groups)
    for (const p of (await api(page, `/api/v1/groups/${g.id}`)).participants) status[p.status]++;
  const registered = status.registered + status.active + status.completed + status.stopped;
  const asked = registered - status.stopped;
  const expect = [['Aangemeld', registered], ['Gestopt', status.stopped], ['Programma afgerond', status.completed],
    ['Nog actief', status.registered + status.active], ['Gevraagd (niet gestopt)', asked], ['Ingevuld', 5],
    ['Niet ingevuld', asked - 5], ['Responspercentage', `${nl1((5 / asked) * 100)}%`]];
  assert.equal(asked, rows.length, 'everyone asked has a link');
  assert.deepEqual(await page.locator('table.accounting th').allInnerTexts(), expect.map(([l]) => l));
  for (const [label, value] of expect) assert.equal(await accounting(page, label), String(value), label);

  // open, the results are not shown (before and after one more answer would
  // show that person's); the coach closes the wave now, with the keyboard
  assert.match(await page.locator('p.note').last().innerText(), /^De uitkomsten worden getoond als de meting gesloten is/);
  assert.equal(await page.locator('table.items').count(), 0);
  const close = page.getByRole('button', { name: 'Sluit de meting nu' });
  await close.focus();
  await page.keyboard.press('Enter');
  await page.waitForLoadState();
  assert.equal(await page.getByRole('status').innerText(),
    'De meting is gesloten: de links nemen geen antwoorden meer aan, en de uitkomsten worden getoond vanaf 5 antwoorden.');
  assert.equal(await page.getByRole('button', { name: 'Sluit de meting nu' }).count(), 0, 'closed: no button');

  // the chart: a picture of the table, named, that sends a screen reader to the table
  const chart = page.getByRole('img', { name: /^De antwoorden per vraag/ });
  assert.equal(await chart.count(), 1);
  assert.match(await chart.locator('desc').textContent(), /De aantallen staan in de tabel onder de grafiek\./);
  const labels = await chart.locator('text').allTextContents();
  for (const code of 'abcdefghij') assert.ok(labels.includes(code), `a bar for question ${code}`);
  const table = page.locator('table.items');
  assert.ok(await page.locator('figure.chart + table.items').count() === 1, 'the table follows the chart');

  // the item table: N, mean and SD as seed 000 §9.1 prints them, and the distribution
  assert.equal(await table.locator('caption').innerText(), '5 antwoorden');
  assert.deepEqual(await table.locator('thead th').allInnerTexts(), ['Vraag', 'N', 'Gemiddelde', 'SD', 'Verdeling']);
  assert.equal(await table.locator('tbody tr').count(), 10);
  for (let q = 0; q < 10; q++) {
    const x = POINTS.map((p) => p[q]);
    const r = table.locator('tbody tr').nth(q);
    assert.match(await r.locator('th').innerText(), new RegExp(`^${'abcdefghij'[q]}\\) In hoeverre`));
    const dist = [1, 2, 3, 4, 5].map((v) => `${v}: ${x.filter((y) => y === v).length}`).join(' · ');
    assert.deepEqual(await r.locator('td').allInnerTexts(), ['5', nl1(mean(x)), nl1(sd(x)), dist], `question ${'abcdefghij'[q]}`);
  }
  // per group: four and one response, both below 5: not shown, and why
  assert.equal(await page.locator('#per-group + p.note').innerText(),
    'Niet getoond bij deze meting: elk deel heeft minder dan 5 antwoorden, of zou de kleine delen prijsgeven.');
  assert.equal(await page.locator('table.breakdown').count(), 0);
  // the open answers, the same one once with how often
  const open = await page.locator('ul.open-answers').allInnerTexts();
  assert.deepEqual(open, [`${INSIGHT} (2×)`, 'In het teamoverleg.', 'Ruimte geven aan “tegenspraak”.']);
  await accessible(page, 'evaluation-wave-results');
  await shot(page, 'evaluation-wave');
  await page.close();
});

test('an anonymous wave for Lichting 2 shows its results only once it has closed', async () => {
  const page = await newPage();
  await login(page, demoEmail('coach'));
  const url = await startWave(page, ANON, `${PROGRAMME} · Lichting 2`, true);
  const anon = await links(page);
  for (let k = 0; k < 5; k++)
    await respond(anon[k].link, POINTS[k], [], k ? null : async (p, step) => {
      if (step === 'form') assert.match(await p.locator('main').innerText(), /Deze vragenlijst is anoniem/);
    });
  await page.goto(url);
  assert.equal(await accounting(page, 'Ingevuld'), '5');
  assert.match(await page.locator('p.note').innerText(),
    /^De uitkomsten worden getoond als de meting gesloten is, na \d+ \S+ \d{4}: zolang ze open is/);
  assert.equal(await page.locator('table.items').count(), 0);
  assert.equal(await page.locator('figure.chart').count(), 0);
  assert.equal(await page.getByRole('button', { name: /herinnering/ }).count(), 1, 'open: reminders can go out');
  await accessible(page, 'evaluation-anonymous-open');

  // two weeks later: the wave closed yesterday
  const id = Number(url.match(/\/waves\/(\d+)$/)[1]);
  sqlRun(srv.db, `UPDATE wave SET opens_on = '${addDays(today, -15)}', closes_on = '${addDays(today, -1)}' WHERE id = ${id}`);
  await page.goto(url);
  assert.equal(await page.locator('table.items caption').innerText(), '5 antwoorden');
  assert.equal(await page.getByRole('img', { name: /^De antwoorden per vraag/ }).count(), 1);
  const a = POINTS.map((p) => p[0]);
  assert.deepEqual((await page.locator('table.items tbody tr').first().locator('td').allInnerTexts()).slice(0, 3),
    ['5', nl1(mean(a)), nl1(sd(a))]);
  // closed: no reminders any more, and a link says so
  assert.equal(await page.getByRole('button', { name: /herinnering/ }).count(), 0);
  const late = await newPageNoJs(browser);
  await late.goto(anon[5].link);
  assert.match(await late.locator('main').innerText(), /Deze vragenlijst is gesloten op/);
  assert.equal(await late.locator('form[action="/respond"]').count(), 0);
  await accessibleNoJs(late, 'evaluation-respond-closed');
  await late.context().close();
  await accessible(page, 'evaluation-anonymous-closed');
  await shot(page, 'evaluation-anonymous-closed');
  await page.close();
});
