// The start page of every role in a real browser: signed in, the first thing
// the start page asks is followed to the page where it is done, done there,
// and the start page no longer asks it. axe-core on every page on the way;
// a screenshot of every start page, before and after, in build/check/ for a
// reviewer to page through.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { startServer, demoEmail, cli } from '../lib/server.mjs';
import { launch, newPage as open, accessible, login as loginAt, submit } from '../lib/browser.mjs';

const CHECK = 'build/check';
const ORG = ['--org', 'politie-demo'];
let srv, browser;

before(async () => {
  srv = await startServer({ names: 'ordinary' });  // the screenshots show the demo as people see it
  browser = await launch();
  mkdirSync(CHECK, { recursive: true });
});
after(async () => {
  await browser?.close();
  await srv?.stop();
});

// Signs in as the role and returns the page, on the start page.
async function signIn(role) {
  const page = await open(browser);
  await loginAt(page, srv.base, demoEmail(role));
  return page;
}

// The start page, checked and kept as build/check/start-NAME.png; returns
// the texts of the things it asks, in order.
async function startPage(page, name) {
  await page.goto(srv.base + '/');
  assert.equal(await page.getByRole('heading', { level: 2, name: 'Wat u nu kunt doen' }).count(), 1);
  await accessible(page, `start-${name}`);
  await page.screenshot({ path: `${CHECK}/start-${name}.png`, fullPage: true });
  return page.locator('ul.tasks > li > a').allTextContents();
}

// Follows the start page's first task, which must match re.
async function followFirst(page, tasks, re) {
  assert.ok(tasks.length > 0, 'the start page asks something');
  assert.match(tasks[0], re);
  await page.locator('ul.tasks > li > a').first().click();
}

test('participant: the development plan asked, made, no longer asked', async () => {
  const page = await signIn('participant');
  const tasks = await startPage(page, 'participant');
  await followFirst(page, tasks, /^Maak uw ontwikkelplan voor Leergroep 1\.$/);
  await accessible(page, 'start-participant-plan');
  await page.locator('#g0-text').fill('Elke week één collega om feedback vragen over mijn gesprekken');
  await submit(page.getByRole('button', { name: /Doel toevoegen/ }), /done=plan-saved/);
  const now = await startPage(page, 'participant-after');
  assert.ok(!now.some((t) => /ontwikkelplan/.test(t)), `still asked: ${now.join(' | ')}`);
  await page.close();
});

test('facilitator: the report of the last meeting asked, written and published, no longer asked', async () => {
  const page = await signIn('facilitator');
  const tasks = await startPage(page, 'facilitator');
  await followFirst(page, tasks, /^Schrijf en publiceer het verslag van bijeenkomst (\d+) van Leergroep 1\.$/);
  const asked = tasks[0];
  await accessible(page, 'start-facilitator-report');
  await page.locator('#f-themes').fill('Vertrouwen in het team; het lastige gesprek oefenen met een casus.');
  await page.locator('#f-learning_moments').fill('- Doorvragen voordat je oordeelt.');
  await submit(page.locator('form[action$="/report"] button[type=submit]'), /done=report-saved/);
  await submit(page.locator('form[action$="/report/publish"] button[type=submit]'), /done=report-published/);
  const now = await startPage(page, 'facilitator-after');
  assert.ok(!now.includes(asked), `still asked: ${asked}`);
  await page.close();
});

test('mentor: an intake asked, held and recorded, no longer asked', async () => {
  const page = await signIn('mentor');
  const tasks = await startPage(page, 'mentor');
  await followFirst(page, tasks, /^Houd het intakegesprek met .+ \(Leergroep 1\)\.$/);
  const asked = tasks[0];
  await accessible(page, 'start-mentor-intake');
  await page.getByLabel(/Gehouden op/).fill('2026-11-02');
  await page.getByLabel(/Verwachtingen van de deelnemer/).fill('Wil leren lastige gesprekken rustig te voeren.');
  await submit(page.getByRole('button', { name: /Intake opslaan/ }), /done=intake-saved/);
  const now = await startPage(page, 'mentor-after');
  assert.ok(!now.includes(asked), `still asked: ${asked}`);
  await page.close();
});

test('coach: a pair to confirm asked, confirmed, no longer asked', async () => {
  const page = await signIn('coach');
  const tasks = await startPage(page, 'coach');
  await followFirst(page, tasks, /^Bevestig het duo van mentor en leergroepbegeleider van (Leergroep \d+): de eerste bijeenkomst is geweest\.$/);
  const asked = tasks[0];
  await accessible(page, 'start-coach-staff');
  await page.locator('#f-pair_status').selectOption('confirmed');
  await submit(page.locator('form[action$="/staff"] button[type=submit]'), /done=/);
  const now = await startPage(page, 'coach-after');
  assert.ok(!now.includes(asked), `still asked: ${asked}`);
  await page.close();
});

test('administrator: people without an account asked, one invited, one fewer asked', async () => {
  const page = await signIn('administrator');
  const tasks = await startPage(page, 'administrator');
  await followFirst(page, tasks, /^(\d+) personen met een e-mailadres hebben nog geen account\.$/);
  const before = Number(tasks[0].match(/^(\d+)/)[1]);
  await accessible(page, 'start-administrator-accounts');
  const accounts = new Set(JSON.parse(cli(srv.db, ['user', 'list', ...ORG, '--format', 'json'])).map((a) => a.email.toLowerCase()));
  const people = JSON.parse(cli(srv.db, ['export', 'people', ...ORG, '--format', 'json']));
  const p = people.find((x) => x.email && x.active !== false && !accounts.has(x.email.toLowerCase()));
  assert.ok(p, 'a person with an address and no account');
  // the person found through the search of the invitation form, then chosen in its picker
  await page.getByLabel(/^Zoek op naam, e-mailadres, personeelsnummer of onderdeel$/).fill(p.employee_id);
  await Promise.all([page.waitForNavigation(), page.getByLabel(/^Zoek op naam/).press('Enter')]);
  await page.getByLabel(/^Naam/).fill(p.name);
  await page.getByLabel(/^E-mailadres$/).fill(p.email);
  await page.getByLabel('De persoon in het personeelsbestand (niet verplicht)', { exact: true })
    .selectOption({ label: `${p.name} (${p.employee_id})` });
  // no mail server in the tests: the invitation's link is shown to hand over
  await submit(page.getByRole('button', { name: /^Uitnodigen$/ }), /\/accounts$/);
  assert.match(await page.locator('main').innerText(), /Geef deze link zelf aan/);
  await accessible(page, 'start-administrator-invited');
  const now = await startPage(page, 'administrator-after');
  assert.match(now[0] || '', new RegExp(`^${before - 1} personen? met een e-mailadres`), now.join(' | '));
  await page.close();
});

test('researcher and owner: a start page that says there is nothing to do now', async () => {
  for (const role of ['researcher', 'owner']) {
    const page = await signIn(role);
    const tasks = await startPage(page, role);
    assert.deepEqual(tasks, []);
    assert.match(await page.locator('main').innerText(), /Er is nu niets wat u hoeft te doen\./);
    await page.close();
  }
});
