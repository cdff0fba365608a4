// Comparing and changing questionnaires in a real browser, in Dutch, with
// axe-core on every page: a researcher goes from the demo's second
// leadership scan to its comparison, chooses "per onderdeel" and the
// first scan, and reads the heat map, the paired change with its chart and
// the benchmark; a coach opens a questionnaire, makes a refused change and
// then a new version. Screenshots: build/check/compare.png,
// build/check/instrument-version.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { startServer, demoEmail } from '../lib/server.mjs';
import { launch, newPage, accessible, login, submit, refused } from '../lib/browser.mjs';

const CHECK = 'build/check';
const AFTER = 'Leiderschapsscan District Noord (nameting)';
const BEFORE = 'Leiderschapsscan District Noord (voormeting)';
let srv, browser;

before(async () => {
  mkdirSync(CHECK, { recursive: true });
  srv = await startServer();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await srv?.stop();
});

test('the researcher compares the scan by unit, with the first wave, and with the benchmark', async () => {
  const page = await newPage(browser);
  await login(page, srv.base, demoEmail('researcher'));
  await page.getByRole('navigation').getByRole('link', { name: 'Vragenlijsten' }).click();
  await page.getByRole('link', { name: AFTER }).click();
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), AFTER);
  // the response week by week, with its table
  assert.ok(await page.locator('figure').filter({ hasText: 'Respons in de tijd' }).count() > 0);
  await accessible(page, 'compare-wave');
  await page.getByRole('link', { name: /^Vergelijken: schaalscores/ }).click();
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), `Vergelijken: ${AFTER}`);
  await page.getByLabel('Vergelijken per').selectOption({ label: 'Onderdeel' });
  const earlier = await page.locator('#f-with option', { hasText: BEFORE }).getAttribute('value');
  await page.getByLabel('En met de meting').selectOption(earlier);
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Tonen' }).click()]);
  assert.match(page.url(), /by=unit/);
  assert.equal(await page.getByRole('heading', { name: 'Per onderdeel' }).count(), 1);
  // the heat map: a figure with an SVG image and its table
  const heat = page.locator('figure').filter({ hasText: 'Schaalscores als heatmap' });
  assert.equal(await heat.locator('svg[role="img"]').count(), 1);
  assert.ok(await heat.locator('table tbody tr').count() >= 2);
  // the two waves: paired, with the means chart
  assert.match(await page.locator('main').innerText(), /Gekoppeld: \d+ mensen vulden beide metingen in\./);
  assert.equal(await page.locator('figure').filter({ hasText: 'Gemiddelden met SD in beide metingen' }).count(), 1);
  // the benchmark: five organisations, none named
  const bench = page.locator('table.benchmark');
  assert.equal(await bench.locator('tbody tr').count(), 3);
  for (const cell of await bench.locator('tbody tr td:last-child').allInnerTexts()) assert.equal(cell, '5');
  assert.doesNotMatch(await page.locator('main').innerText(), /Duinwijk|Westmark|Heuvelrijk/);
  await accessible(page, 'compare');
  await page.screenshot({ path: `${CHECK}/compare.png`, fullPage: true });
  await page.context().close();
});

test('the coach makes a new version of a questionnaire: a refused try, then the change', async () => {
  const page = await newPage(browser);
  await login(page, srv.base, demoEmail('coach'));
  await page.goto(srv.base + '/questionnaires');
  await page.getByRole('link', { name: 'Eindevaluatie LiVe!', exact: true }).click();
  await page.locator('summary').filter({ hasText: 'Een nieuwe versie maken' }).click();
  await accessible(page, 'instrument');
  const form = page.locator('form[action$="/versions"]');
  // a code used twice is refused, with the form open on the error
  await form.getByRole('group', { name: 'Nieuwe vraag 1 (leeg laten voor geen)' }).getByLabel('Code').fill('a');
  await form.getByRole('group', { name: 'Nieuwe vraag 1 (leeg laten voor geen)' }).getByLabel('Tekst').fill('Dubbel');
  const alert = await refused(form.getByRole('button', { name: 'Opslaan als nieuwe versie' }));
  assert.match(alert, /De code a wordt twee keer gebruikt/);
  await accessible(page, 'instrument-refused');
  // now a real change: question b rewritten, a new open question
  const again = page.locator('form[action$="/versions"]');
  await again.getByRole('group', { name: 'Nieuwe vraag 1 (leeg laten voor geen)' }).getByLabel('Code').fill('k1');
  await again.getByRole('group', { name: 'Nieuwe vraag 1 (leeg laten voor geen)' }).getByLabel('Soort').selectOption({ label: 'open vraag' });
  await again.getByRole('group', { name: 'Nieuwe vraag 1 (leeg laten voor geen)' }).getByLabel('Tekst').fill('Wat mist u nog?');
  await again.getByRole('group', { name: /^b\) schaalvraag/ }).getByLabel('Tekst').fill('In hoeverre lukte het u om open te staan?');
  await again.getByLabel('Wat er is veranderd').fill('Vraag b in u-vorm, k1 erbij');
  await submit(again.getByRole('button', { name: 'Opslaan als nieuwe versie' }), /done=version-made/);
  const main = await page.locator('main').innerText();
  assert.match(main, /versie 2/);
  assert.match(main, /In hoeverre lukte het u om open te staan\?/);
  assert.match(main, /k1\) Wat mist u nog\?/);
  await accessible(page, 'instrument-version');
  await page.screenshot({ path: `${CHECK}/instrument-version.png`, fullPage: true });
  await page.context().close();
});
