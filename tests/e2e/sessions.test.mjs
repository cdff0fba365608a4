// A session with a case in a real browser, in Dutch, checked with axe-core
// on every page: the municipality's facilitator opens the group's sessions
// from the group page, starts an action-learning session with a member's
// case, draws the roles at random and walks a step on and back; a member
// answers on their own page with JavaScript off; the projector view; the
// coach sees counts only and the methods page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, demoEmail } from '../lib/server.mjs';
import { launch, newPage, newPageNoJs, accessible, accessibleNoJs, login, submit } from '../lib/browser.mjs';

let srv, browser, sessionUrl, groupSessionsUrl;
before(async () => {
  srv = await startServer();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await srv?.stop();
});

test('the facilitator starts a session and walks it; roles drawn at random', async () => {
  const page = await newPage(browser);
  await login(page, srv.base, demoEmail('facilitator', 'gemeente'));
  await page.goto(srv.base + '/groups');
  await page.getByRole('link', { name: 'Groep 1' }).first().click();
  await page.getByRole('link', { name: 'Sessies met een casus' }).click();
  groupSessionsUrl = page.url();
  await accessible(page, 'sessions-group');
  await page.getByLabel('Methode').selectOption('actieleren');
  await page.getByLabel('Casusinbrenger').selectOption({ index: 1 });
  await page.getByLabel('Titel van de casus').fill('Casus uit de browser');
  await page.getByLabel('Vraag').fill('Hoe krijg ik de partners aan tafel?');
  await submit(page.getByRole('button', { name: 'Sessie beginnen' }), /\/sessions\/\d+$/);
  sessionUrl = page.url();
  assert.match(await page.locator('#step').innerText(), /Stap 1 van 9: Casus inbrengen/);
  await accessible(page, 'session-leader');
  await submit(page.getByRole('button', { name: 'Willekeurig kiezen' }), /\/sessions\/\d+#roles$/);
  assert.match(await page.locator('main').innerText(), /Rollen: .*\(samenvatter\)/);
  await submit(page.getByRole('button', { name: 'Volgende stap' }), /#step$/);
  assert.match(await page.locator('#step').innerText(), /Stap 2 van 9: Reflectievraag/);
  await submit(page.getByRole('button', { name: 'Stap terug' }), /#step$/);
  assert.match(await page.locator('#step').innerText(), /Stap 1 van 9/);
  await page.goto(sessionUrl + '/projector');
  await accessible(page, 'session-projector');
  await page.context().close();
});

test('a member answers on their own page without JavaScript', async () => {
  const page = await newPageNoJs(browser);
  await login(page, srv.base, 'deelnemer3@gemeente.example');
  await page.goto(sessionUrl);
  await accessibleNoJs(page, 'session-member-nojs');
  await page.getByLabel('Uw antwoord').fill('Eerst de huisarts bellen');
  await submit(page.getByRole('button', { name: 'Antwoord versturen' }), /#answer$/);
  assert.match(await page.locator('main').innerText(), /Eerst de huisarts bellen/);
  await page.context().close();
});

test('the coach sees counts only, and the methods page', async () => {
  const page = await newPage(browser);
  await login(page, srv.base, demoEmail('coach', 'gemeente'));
  await page.goto(groupSessionsUrl);
  const text = await page.locator('main').innerText();
  assert.match(text, /Gehouden sessies\s*[1-9]/);
  assert.doesNotMatch(text, /Casus uit de browser/);
  await accessible(page, 'sessions-group-coach');
  await page.goto(srv.base + '/methods');
  await accessible(page, 'methods');
  assert.match(await page.locator('main').innerText(), /De teamleden vinden antwoorden in één minuut\./);
  // a method of the organisation's own, made from the incident method
  await page.getByLabel('Uitgaan van').selectOption({ label: 'Intervisie: incidentmethode' });
  await page.locator('#own ~ form').getByLabel('Naam', { exact: true }).fill('Incident kort');
  await submit(page.getByRole('button', { name: 'Methode maken' }), /done=method-copied#incident-kort$/);
  assert.match(await page.locator('main').innerText(), /De eigen methode is gemaakt/);
  await accessible(page, 'methods-own');
  await page.context().close();
});
