// Signing in, in a real browser, checked with axe-core for WCAG 2.1 AA:
// the page after too many failed log-ins, "forgot your password?" (on a
// server without mail), the page of a reset link with a mistake and with
// success, and the page of one's API tokens.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, demoEmail, cli } from '../lib/server.mjs';
import { launch, newPage, accessible, login } from '../lib/browser.mjs';

let srv, browser;

before(async () => {
  srv = await startServer();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await srv?.stop();
});

test('too many failed log-ins: the page says how long to wait and where to go', async () => {
  const page = await newPage(browser);
  // five free failures, then each starts a longer delay: a try meets one
  // soon, however slow the machine
  let alert = '';
  for (let i = 0; i < 12 && !/Wacht hooguit/.test(alert); i++) {
    await page.goto(srv.base + '/login');
    await page.getByLabel(/E-mailadres/).fill('wie-ben-ik@politie.example');
    await page.getByLabel(/^Wachtwoord$/).fill('fout-wachtwoord');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    alert = await page.getByRole('alert').textContent();
  }
  assert.match(alert, /Wacht hooguit \d+ seconde/);
  await accessible(page, 'login-wait');
  await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
  assert.match(await page.locator('main').textContent(), /Deze server verstuurt geen e-mail/);
  await accessible(page, 'password-forgot');
  await page.context().close();
});

test('a reset link: a mistake, then the new password, and signed in', async () => {
  const email = demoEmail('mentor');
  const link = cli(srv.db, ['user', 'reset-link', '--email', email, '--url', srv.base]).trim();
  const page = await newPage(browser);
  await page.goto(link);
  await accessible(page, 'password-reset');
  await page.getByLabel(/^Nieuw wachtwoord \(/).fill('kort');
  await page.getByLabel(/^Nieuw wachtwoord nog een keer$/).fill('kort');
  await page.getByRole('button', { name: 'Nieuw wachtwoord instellen' }).click();
  assert.ok(await page.getByRole('alert').isVisible());
  await accessible(page, 'password-reset-error');
  await page.getByLabel(/^Nieuw wachtwoord \(/).fill('een-goed-nieuw-wachtwoord');
  await page.getByLabel(/^Nieuw wachtwoord nog een keer$/).fill('een-goed-nieuw-wachtwoord');
  await page.getByRole('button', { name: 'Nieuw wachtwoord instellen' }).click();
  await page.waitForURL(srv.base + '/?done=password-reset');
  assert.match(await page.getByRole('status').first().textContent(), /u bent ingelogd/);
  await page.goto(link);
  assert.match(await page.locator('h1').textContent(), /Deze link werkt niet/);
  await accessible(page, 'password-reset-gone');
  await page.context().close();
});

test('API tokens: make one, see the list, revoke it', async () => {
  const page = await newPage(browser);
  await login(page, srv.base, demoEmail('researcher'));
  await page.goto(srv.base + '/password');
  await page.getByRole('link', { name: 'Uw API-tokens' }).click();
  await accessible(page, 'tokens-empty');
  await page.getByLabel(/^Omschrijving/).fill('Analyse in R');
  await page.getByLabel(/^Werkt zoveel dagen/).fill('0');
  await page.getByRole('button', { name: 'Token maken' }).click();
  assert.ok(await page.getByRole('alert').isVisible());
  await accessible(page, 'tokens-error');
  await page.getByLabel(/^Werkt zoveel dagen/).fill('30');
  await page.getByRole('button', { name: 'Token maken' }).click();
  assert.match(await page.getByLabel('API-token').inputValue(), /^[0-9a-f]{64}$/);
  await accessible(page, 'tokens-made');
  await page.getByRole('button', { name: 'Het token Analyse in R intrekken' }).click();
  await page.getByRole('button', { name: 'Ja, intrekken' }).click();   // the question before revoking
  await page.waitForURL(srv.base + '/tokens?done=token-revoked');
  await accessible(page, 'tokens-revoked');
  await page.context().close();
});
