// The learning-forms catalogue in a real browser, in Dutch, checked with
// axe-core: a participant finds the card on the start page, reads the forms
// (marked as leergang's judgement), answers the matcher's four questions
// (also without JavaScript), reads the practice examples; the coach changes
// a form and adds a practice example of the organisation's own, each first
// with a mistake.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, demoEmail } from '../lib/server.mjs';
import { launch, newPage, newPageNoJs, accessible, accessibleNoJs, login, submit, refused } from '../lib/browser.mjs';

let srv, browser;

before(async () => {
  srv = await startServer();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await srv?.stop();
});

test('a participant reads the catalogue, uses the matcher and reads the practice examples', async () => {
  const page = await newPage(browser);
  await login(page, srv.base, demoEmail('participant'));
  await page.getByRole('link', { name: 'Leervormen' }).first().click();
  await accessible(page, 'catalogue');
  assert.equal(await page.getByText(/Waarden: oordeel van leergang/).count(), 14);
  await page.getByRole('link', { name: 'Zoek de leervormen die bij een leervraag passen' }).click();
  await accessible(page, 'catalogue-match');
  await page.getByLabel('Wat moet er geleerd worden').selectOption('skills');
  await page.getByLabel('Wiens leerdoel is het').selectOption('team');
  await page.getByLabel('Waar wordt het geleerd').selectOption('workplace');
  await page.getByLabel('Leervoorkeur').selectOption('doing');
  await page.getByRole('button', { name: 'Leervormen zoeken' }).click();
  await page.getByRole('heading', { name: 'Leervormen, best passende eerst' }).waitFor();
  await accessible(page, 'catalogue-match-results');
  assert.match(await page.locator('ol.matches li').first().innerText(), /gericht op nieuwe vaardigheden en nieuw gedrag/);
  await page.goto(srv.base + '/catalogue/examples');
  await page.getByLabel('Leervorm').selectOption('intervisie');
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await page.getByText('7 voorbeelden gevonden.').waitFor();
  await accessible(page, 'catalogue-examples');
  await page.close();
});

test('the matcher works without JavaScript', async () => {
  const page = await newPageNoJs(browser);
  await login(page, srv.base, demoEmail('participant'));
  await page.goto(srv.base + '/catalogue/match');
  await page.getByLabel('Waar wordt het geleerd').selectOption('online');
  await page.getByRole('button', { name: 'Leervormen zoeken' }).click();
  await page.getByRole('heading', { name: 'Leervormen, best passende eerst' }).waitFor();
  await accessibleNoJs(page, 'catalogue-match-nojs');
  await page.context().close();
});

test('the coach changes a form and adds an example, each first with a mistake', async () => {
  const page = await newPage(browser);
  await login(page, srv.base, demoEmail('coach'));
  await page.goto(srv.base + '/catalogue');
  await page.getByRole('link', { name: 'Storytelling' }).click();
  await accessible(page, 'catalogue-form');
  await page.getByLabel('Naam').fill('');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  assert.ok(await page.getByRole('alert').isVisible());
  await accessible(page, 'catalogue-form-error');
  await page.getByLabel('Naam').fill('Verhalen vertellen');
  await page.getByLabel('Plaats in 70/20/10').selectOption('70');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await page.getByText(/De leervorm is opgeslagen/).waitFor();
  assert.equal(await page.getByText(/Waarden: gekozen door uw organisatie/).count(), 1);
  await accessible(page, 'catalogue-saved');
  // an example of the organisation's own, first without what was learned
  await page.goto(srv.base + '/catalogue/examples');
  await accessible(page, 'catalogue-examples-coach');
  await page.getByLabel('Toegepast bij').fill('Team Handhaving');
  assert.match(await refused(page.getByRole('button', { name: 'Voorbeeld toevoegen' })), /Schrijf op wat er geleerd werd/);
  await accessible(page, 'catalogue-example-error');
  await page.getByLabel('Informeel leren').fill('Elke maand intervisie over lastige meldingen.');
  await page.getByLabel('Gebruikte leervormen').selectOption(['intervisie', 'casusbesprekingen']);
  await submit(page.getByRole('button', { name: 'Voorbeeld toevoegen' }), /done=example-added/);
  await accessible(page, 'catalogue-example-added');
  await page.close();
});
