// How a person came to take part, in a real browser as a new user would:
// the coach records on the person's page that someone outside the list and
// a presentation brought them in, sees a refusal, and records who attended
// the presentation; the participant records their own on /me/referral,
// reached from the start page. Each page is checked with axe-core.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, demoEmail, cli } from '../lib/server.mjs';
import { launch, newPage, accessible, login, submit, refused } from '../lib/browser.mjs';
import { sqlRows } from '../lib/db.mjs';

let srv, browser, third, pres;
const sql = (q) => sqlRows(srv.db, q);

before(async () => {
  srv = await startServer({ names: 'ordinary' });
  browser = await launch();
  third = sql("SELECT person_id AS id FROM account WHERE email = 'deelnemer3@gemeente.example'")[0].id;
  const presenter = sql(`SELECT p.employee_id AS e FROM account a JOIN person p ON p.id = a.person_id
    WHERE a.email = '${demoEmail('facilitator', 'gemeente')}'`)[0].e;
  pres = Number(cli(srv.db, ['presentation', 'add', '--org', 'gemeente-demo', '--title', 'Pecha kucha LC1',
    '--date', '2015-06-01', '--audience', 'department', '--presenter', presenter]).trim());
});
after(async () => {
  await browser?.close();
  await srv?.stop();
});

test('the coach records how a person came in, on the person page and the presentation page', async () => {
  const page = await newPage(browser);
  await login(page, srv.base, demoEmail('coach', 'gemeente'));
  await page.goto(`${srv.base}/people/${third}`);
  await page.getByRole('heading', { name: 'Hoe kwam deze persoon erbij?' }).waitFor();
  await accessible(page, 'referral-person');
  // nothing chosen: refused, with the page still whole
  await page.getByLabel('Hoe', { exact: true }).selectOption('person');
  const alert = await refused(page.getByRole('button', { name: 'Vastleggen' }));
  assert.match(alert, /Kies wie deze persoon aanmoedigde/);
  await accessible(page, 'referral-person-refused');
  await page.getByLabel(/Of de naam van iemand buiten de lijst/).fill('De wethouder');
  await page.getByLabel('Rol').selectOption('outside');
  await submit(page.getByRole('button', { name: 'Vastleggen' }), /done=referral-saved/);
  await page.getByLabel('Hoe', { exact: true }).selectOption('presentation');
  await page.getByLabel('Door een presentatie: welke').selectOption(String(pres));
  await submit(page.getByRole('button', { name: 'Vastleggen' }), /done=referral-saved/);
  const table = await page.locator('#referral + p + table').innerText();
  assert.match(table, /De wethouder \(iemand van buiten\)/);
  assert.match(table, /Pecha kucha LC1/);
  // the presentation's page: one came in through it; add who was there
  await page.getByRole('link', { name: /Pecha kucha LC1/ }).click();
  await page.getByRole('heading', { name: 'Pecha kucha LC1' }).waitFor();
  assert.match(await page.locator('dl').innerText(), /Mensen die erdoor meededen\s+1/);
  await accessible(page, 'presentation-page');
  await page.close();
});

test('the participant records their own, reached from the start page', async () => {
  const page = await newPage(browser);
  await login(page, srv.base, demoEmail('participant', 'gemeente'));
  await page.getByRole('link', { name: 'Hoe bent u erbij gekomen?' }).click();
  await page.getByRole('heading', { name: 'Hoe bent u erbij gekomen?', level: 1 }).waitFor();
  await accessible(page, 'referral-me');
  await page.getByLabel('Hoe', { exact: true }).selectOption('own');
  await submit(page.getByRole('button', { name: 'Vastleggen' }), /done=referral-saved/);
  assert.match(await page.locator('table').innerText(), /eigen initiatief/);
  await accessible(page, 'referral-me-saved');
  await page.close();
});
