// Every page in a real browser (the system Chromium through Playwright):
// clicked through as a user would, checked with axe-core for WCAG 2.1 AA,
// and screenshotted into build/e2e/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { startServer, demoEmail, Client, cli } from '../lib/server.mjs';
import { AXE_ON, launch, newPage as open, accessible, login as loginAt } from '../lib/browser.mjs';

let srv, browser;

before(async () => {
  srv = await startServer();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await srv?.stop();
});

const newPage = (locale) => open(browser, locale);
const login = (page, email) => loginAt(page, srv.base, email);

test('log-in page, wrong password, and the 404 page', async () => {
  const page = await newPage();
  await page.goto(srv.base + '/login');
  assert.equal(await page.getAttribute('html', 'lang'), 'nl');
  await accessible(page, 'login');
  await page.getByLabel(/E-mailadres|E-mail address/).fill(demoEmail('coach'));
  await page.getByLabel(/^(Wachtwoord|Password)$/).fill('fout-wachtwoord');
  await page.getByRole('button', { name: /Inloggen|Log in/ }).click();
  assert.ok(await page.getByRole('alert').isVisible());
  await accessible(page, 'login-failed');
  await page.goto(srv.base + '/bestaat-niet');
  await accessible(page, 'not-found');
  await page.close();
});

// The check itself can fail: a page with an image without a text
// alternative and a field without a label is refused with both rules named.
test('the accessibility check refuses a page that breaks WCAG',
  { skip: !AXE_ON && 'not for this database: the WCAG check is made in the pass on SQLite (LEERGANG_E2E_AXE=0)' }, async () => {
  const page = await newPage();
  await page.setContent('<!doctype html><html lang="nl"><head><title>t</title></head><body><main>'
    + '<h1>Proef</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><input type="text"></main></body></html>');
  await assert.rejects(accessible(page, 'axe-planted'), (e) => /image-alt/.test(e.message) && /label/.test(e.message));
  await page.close();
});

test('administrator: every page of the foundation', async () => {
  const page = await newPage();
  await login(page, demoEmail('administrator'));
  await accessible(page, 'home-administrator');

  await page.getByRole('link', { name: /^(Organisatie|Organisation)$/ }).first().click();
  await accessible(page, 'units');
  // add a unit with a bad name: the form comes back with the message
  await page.getByLabel(/^(Naam|Name)$/).fill('Team A/B');
  await page.getByRole('button', { name: /toevoegen|Add unit/i }).click();
  assert.ok(await page.getByRole('alert').isVisible());
  await accessible(page, 'units-error');
  await page.getByLabel(/^(Naam|Name)$/).fill('Team Preventie');
  await page.getByRole('button', { name: /toevoegen|Add unit/i }).click();
  await page.getByRole('link', { name: 'Team Preventie', exact: true }).click();
  await accessible(page, 'unit');

  await page.goto(srv.base + '/people');
  await accessible(page, 'people');
  await page.getByLabel(/Zoek|Search/).fill('script');
  await page.getByRole('button', { name: /^(Zoeken|Search)$/ }).click();
  const link = page.getByRole('link', { name: 'Jan <script>alert(1)</script>' });
  assert.equal(await link.count(), 1, 'the hostile name is shown as text');
  await link.click();
  await accessible(page, 'person');
  assert.equal(await page.locator('h1').textContent(), 'Jan <script>alert(1)</script>');

  await page.goto(srv.base + '/accounts');
  await accessible(page, 'accounts');
  // inviting a unit or group at once: the choice, then who would be invited
  await page.goto(srv.base + '/accounts/bulk');
  await accessible(page, 'accounts-bulk');
  await page.locator('#f-group').selectOption({ index: 0 });
  await page.locator('#f-group').locator('xpath=ancestor::form').getByRole('button').click();
  await page.waitForLoadState();
  await accessible(page, 'accounts-bulk-preview');
  // an account's API tokens: for an account with other roles the page says
  // why none can be made; for one that only administers, made with a scope
  await page.goto(srv.base + '/accounts');
  await page.locator('tr', { hasText: demoEmail('coach') }).locator('a[href$="/tokens"]').click();
  await page.waitForURL(/\/accounts\/\d+\/tokens$/);
  assert.equal(await page.locator('#f-scope').count(), 0);
  await accessible(page, 'account-tokens-refused');
  await page.goto(srv.base + '/accounts');
  await page.locator('tr', { hasText: demoEmail('administrator') }).locator('a[href$="/tokens"]').click();
  await page.waitForURL(/\/accounts\/\d+\/tokens$/);
  await accessible(page, 'account-tokens');
  await page.locator('#f-scope').selectOption('read');
  await page.getByRole('button', { name: /^(Token maken|Make token)$/ }).click();
  await page.waitForLoadState();
  await accessible(page, 'account-token-made');
  // switching an account off asks first
  await page.goto(srv.base + '/accounts');
  await page.locator('a[href$="/deactivate"]').first().click();
  await page.waitForURL(/\/deactivate$/);
  await accessible(page, 'account-deactivate');
  await page.goto(srv.base + '/oidc');
  await accessible(page, 'oidc');
  await page.goto(srv.base + '/audit');
  await accessible(page, 'audit');
  await page.goto(srv.base + '/password');
  await accessible(page, 'password');

  await page.goto(srv.base + '/import');
  await accessible(page, 'import');
  const bad = 'personeelsnummer;naam;e-mail\r\nE1;Eerste;geen-adres\r\nE2;;e2@example.org\r\n';
  await page.getByLabel(/CSV/).setInputFiles({ name: 'hr.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  await page.getByRole('button', { name: /Controleer|Check the file/ }).click();
  assert.ok(await page.getByRole('alert').isVisible());
  await accessible(page, 'import-problems');
  await page.goto(srv.base + '/import');
  const good = 'personeelsnummer;naam;afdeling\r\nE1;Eerste Persoon;Nieuw/Team\r\n';
  await page.getByLabel(/CSV/).setInputFiles({ name: 'hr.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
  await page.getByRole('button', { name: /Controleer|Check the file/ }).click();
  await accessible(page, 'import-preview');
  await page.getByRole('button', { name: /Nu importeren|Import now/ }).click();
  await accessible(page, 'import-done');
  await page.close();
});

test('the other roles: home page, and the English interface', async () => {
  for (const role of ['participant', 'coach', 'owner', 'researcher']) {
    const page = await newPage();
    await login(page, demoEmail(role, 'gemeente'));
    await accessible(page, `home-${role}`);
    await page.close();
  }
  const page = await newPage('en-GB');
  await login(page, demoEmail('coach'));
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await page.goto(srv.base + '/people');
  await accessible(page, 'people-en');
  await page.getByRole('link', { name: 'Nederlands' }).click();
  assert.equal(await page.getAttribute('html', 'lang'), 'nl');
  await page.close();
});

test('search: Dutch word forms with the match marked, a coach reading along without names, bad input', async () => {
  const page = await newPage();
  await login(page, demoEmail('participant'));
  await page.getByRole('link', { name: /^(Zoeken|Search)$/ }).first().click();
  await accessible(page, 'search');
  // the demo's reports speak of "leidinggevende"; the inflected form finds them
  await page.getByLabel(/^(Zoeken naar|Search for)$/).fill('leidinggevenden');
  await page.getByRole('button', { name: /^(Zoeken|Search)$/ }).click();
  await accessible(page, 'search-results');
  assert.match(await page.locator('main h2').innerText(), /resultat|result/);
  assert.ok(await page.locator('.snippet mark').count() > 0, 'the matched word is marked');
  assert.ok(await page.locator('ol.results a[href*="/report"]').count() > 0, 'reports are found');
  // a query without words gets a message and a 422
  const r = await page.goto(srv.base + '/search?q=' + encodeURIComponent('*** ;;'));
  assert.equal(r.status(), 422);
  assert.ok(await page.getByRole('alert').isVisible());
  await accessible(page, 'search-error');
  await page.close();

  // the coach reads published reports along: the demo participant's name never shows
  const coach = await newPage('en');
  await login(coach, demoEmail('coach'));
  await coach.goto(srv.base + '/search?q=feedback');
  await accessible(coach, 'search-coach-en');
  const text = await coach.locator('main').innerText();
  assert.match(text, /results?/);
  assert.ok(!text.includes('Jan <script>'), 'no participant name for the coach');
  await coach.close();
});

test('the privacy and accessibility statements, the audit log\'s filters, and the question before deleting', async () => {
  const page = await newPage();
  await page.goto(srv.base + '/login');
  await page.locator('footer').getByRole('link', { name: 'Privacyverklaring' }).click();
  await page.waitForURL(srv.base + '/privacy');
  await accessible(page, 'privacy');
  await page.locator('footer').getByRole('link', { name: 'Toegankelijkheidsverklaring' }).click();
  await page.waitForURL(srv.base + '/accessibility');
  await accessible(page, 'accessibility');

  await login(page, demoEmail('administrator'));
  await page.goto(srv.base + '/privacy');
  await accessible(page, 'privacy-signed-in');
  await page.goto(srv.base + '/audit');
  await page.getByLabel('Soort actie').selectOption('login');
  await page.getByRole('button', { name: 'Tonen' }).click();
  await page.waitForURL(/action=login/);
  await accessible(page, 'audit-filtered');
  await page.goto(srv.base + '/audit?from=2020-13-45');
  assert.ok(await page.getByRole('alert').isVisible());
  await accessible(page, 'audit-bad-date');

  // a unit removed: the question, "no" goes back, "yes" removes
  await page.goto(srv.base + '/units');
  await page.getByLabel(/^Naam$/).fill('Team Tijdelijk');
  await page.getByRole('button', { name: /toevoegen/i }).click();
  await page.getByRole('link', { name: 'Team Tijdelijk', exact: true }).click();
  const unit = page.url();
  await page.getByRole('button', { name: 'Dit onderdeel verwijderen' }).click();
  assert.equal(await page.locator('h1').textContent(), 'Weet u het zeker?');
  assert.match(await page.locator('main').innerText(), /organisatieonderdeel Team Tijdelijk wilt verwijderen\? Dit kan niet ongedaan worden gemaakt/);
  await accessible(page, 'confirm-delete');
  await page.getByRole('link', { name: 'Nee, terug' }).click();
  assert.equal(page.url(), unit);
  await page.getByRole('button', { name: 'Dit onderdeel verwijderen' }).click();
  await page.getByRole('button', { name: 'Ja, verwijderen' }).click();
  await page.waitForURL(srv.base + '/units?done=unit-deleted');
  assert.equal(await page.getByRole('link', { name: 'Team Tijdelijk', exact: true }).count(), 0);
  await page.close();
});

// The respondent's page (no account) and the page that lists the questions
// left open before handing in. A wave of LiVe! with a purpose typed as a
// hostile coordinator would.
test('the respondent: the questionnaire with who asks and why, and the confirmation of an incomplete hand-in', async () => {
  const coach = new Client(srv.base);
  await coach.login(demoEmail('coach'));
  const progs = (await coach.get('/api/v1/programmes')).json().programmes;
  const live = (await coach.get(`/api/v1/programmes/${progs.find((p) => p.name === 'LiVe! Westerschelde').id}`)).json();
  const today = new Date().toISOString().slice(0, 10);
  const purpose = 'Wat <script>alert(1)</script> leverde het op?';
  const wave = cli(srv.db, ['wave', 'add', '--org', 'politie-demo', '--instrument', 'live-final', '--anonymous',
    '--population', `group:${live.batches[0].groups[1].id}`, '--opens', today, '--closes', today, '--name', 'Axe',
    '--purpose', purpose]).trim();
  const url = new URL(cli(srv.db, ['wave', 'links', '--wave', wave]).trim().split('\n')[1].split(',').pop());
  const link = srv.base + url.pathname + url.search;
  mkdirSync('build/check', { recursive: true });
  const page = await newPage();
  await page.goto(link);
  await accessible(page, 'respond');
  const text = await page.locator('main').innerText();
  assert.ok(text.includes(purpose), 'the purpose as text');
  assert.match(text, /Dit duurt ongeveer 5 minuten\./);
  assert.match(text, /Deel 1 van 2/);
  await page.screenshot({ path: 'build/check/respond-page.png', fullPage: true });
  await page.locator('fieldset.question').first().getByRole('radio', { name: /^4/ }).check();
  await page.getByRole('button', { name: 'Inleveren' }).click();
  await page.waitForLoadState();
  assert.match(await page.locator('#unanswered').innerText(), /12 vragen zijn nog niet beantwoord/);
  assert.equal(await page.getByRole('button', { name: 'Opslaan en later verdergaan' }).count(), 1,
    'one save button to see: the one that takes Enter is hidden');
  await accessible(page, 'respond-confirm');
  await page.screenshot({ path: 'build/check/respond-confirm.png', fullPage: true });
  // Enter while answering keeps the answers and hands nothing in
  await page.locator('fieldset.question').nth(1).getByRole('radio', { name: /^3/ }).check();
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  assert.doesNotMatch(page.url(), /done=handed-in/, 'Enter did not hand in');
  assert.match(await page.locator('main').innerText(), /Uw antwoorden zijn opgeslagen in deze browser/, 'saved, not handed in');
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Inleveren', exact: true }).click()]);
  assert.match(await page.locator('#unanswered').innerText(), /11 vragen zijn nog niet beantwoord/, 'both answers kept');
  await page.getByRole('button', { name: 'Toch inleveren' }).click();
  await page.waitForLoadState();
  assert.match(page.url(), /done=handed-in/);
  await page.close();
});
