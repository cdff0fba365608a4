// Anonymity in the browser, in Dutch, with axe-core on every page: a
// respondent saves answers in one browser and is told what that means; the
// same link opened in another browser (the coordinator with links.csv)
// shows nothing of them and can only discard them, which the respondent's
// browser then says; and the coach, after closing a wave by hand, finds the
// breakdown per team refused beside the one per group, with the reason.
// Screenshots: build/check/draft-*.png, build/check/compare-refused.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { startServer, Client, cli } from '../lib/server.mjs';
import { launch, newPage, accessible } from '../lib/browser.mjs';

const CHECK = 'build/check';
const SLUG = 'proefdorp';
const COACH = 'coach@proefdorp.example';
const PASSWORD = 'een-lang-proefwachtwoord';
const today = new Date().toISOString().slice(0, 10);
let srv, browser, wave, links;

const run = (...args) => cli(srv.db, args).trim();

before(async () => {
  mkdirSync(CHECK, { recursive: true });
  srv = await startServer({ demo: false });
  browser = await launch();
  run('org', 'add', '--slug', SLUG, '--name', 'Gemeente Proefdorp');
  cli(srv.db, ['user', 'add', '--org', SLUG, '--email', COACH, '--role', 'coach', '--name', 'Coach Proefdorp'], PASSWORD + '\n');
  const rows = ['personeelsnummer;naam;e-mail;afdeling'];
  for (let i = 1; i <= 10; i++) rows.push(`N${i};Medewerker N${i};n${i}@proefdorp.example;Dienst/Team Noord`);
  for (let i = 1; i <= 10; i++) rows.push(`Z${i};Medewerker Z${i};z${i}@proefdorp.example;Dienst/Team Zuid`);
  const file = `${srv.dir}/mensen.csv`;
  writeFileSync(file, rows.join('\r\n') + '\r\n');
  run('import', 'people', '--org', SLUG, file);
  const p = run('programme', 'add', '--org', SLUG, '--template', 'live', '--name', 'Leiderschap Proefdorp');
  const b = run('batch', 'add', '--org', SLUG, '--programme', p, '--name', 'Lichting 1');
  const a = run('group', 'add', '--org', SLUG, '--batch', b, '--name', 'Groep A');
  run('enrol', '--org', SLUG, '--group', a, 'N1', 'N2', 'N3', 'N4', 'N5', 'Z1', 'Z2', 'Z3', 'Z4', 'Z5');
  const g = run('group', 'add', '--org', SLUG, '--batch', b, '--name', 'Groep B');
  run('enrol', '--org', SLUG, '--group', g, 'Z6', 'Z7', 'Z8', 'Z9', 'Z10');
  wave = run('wave', 'add', '--org', SLUG, '--instrument', 'live-final', '--population', `programme:${p}`, '--opens', today,
    '--closes', today, '--anonymous', '--name', 'Tussenevaluatie Proefdorp');
  links = Object.fromEntries(run('wave', 'links', '--wave', wave).split('\n').slice(1).map((l) => l.split(','))
    .map((f) => [f[0], new URL(f[f.length - 1])]));
});
after(async () => {
  await browser?.close();
  await srv?.stop();
});

const path = (emp) => links[emp].pathname + links[emp].search;

test('a saved draft is the browser\'s own: another browser sees nothing of it and can only discard it', async () => {
  const mine = await newPage(browser);
  await mine.goto(srv.base + path('N1'));
  assert.match(await mine.locator('main').innerText(),
    /Als u tussendoor opslaat, gaan uw antwoorden op slot met een sleutel die alleen deze browser heeft/);
  await mine.getByRole('group', { name: /^1\. / }).getByLabel('4').check();
  await mine.getByLabel('Wat zijn voor jou de belangrijkste inzichten uit LiVe!?').fill('Een concept dat niemand mag lezen');
  await Promise.all([mine.waitForNavigation(), mine.getByRole('button', { name: 'Opslaan en later verdergaan' }).click()]);
  assert.match(await mine.getByRole('status').innerText(), /Uw antwoorden zijn opgeslagen in deze browser\./);
  assert.match(await mine.locator('main').innerText(), /Tot u inlevert, hoort het concept bij uw link/);
  await accessible(mine, 'draft-saved');
  await mine.screenshot({ path: `${CHECK}/draft-saved.png`, fullPage: true });

  // the same link in another browser
  const other = await newPage(browser);
  await other.goto(srv.base + path('N1'));
  const text = await other.locator('main').innerText();
  assert.match(text, /Voor deze link zijn antwoorden bewaard in een andere browser\. Alleen die browser kan ze lezen en inleveren\./);
  assert.doesNotMatch(text, /Een concept dat niemand mag lezen/);
  assert.equal(await other.getByRole('radio').count(), 0, 'no questions to fill in or hand in');
  assert.equal(await other.getByRole('button', { name: 'Inleveren' }).count(), 0);
  await accessible(other, 'draft-elsewhere');
  await other.screenshot({ path: `${CHECK}/draft-elsewhere.png`, fullPage: true });
  await Promise.all([other.waitForNavigation(),
    other.getByRole('button', { name: 'Gooi de bewaarde antwoorden weg en begin opnieuw' }).click()]);
  assert.match(await other.getByRole('status').innerText(), /De bewaarde antwoorden zijn weggegooid/);
  await other.context().close();

  // the respondent's browser is told
  await mine.goto(srv.base + path('N1'));
  assert.match(await mine.locator('main').innerText(),
    /De antwoorden die u in deze browser had bewaard, zijn vanuit een andere browser weggegooid\. Was u dat niet, dan heeft iemand anders uw link gebruikt/);
  assert.equal(await mine.getByLabel('Wat zijn voor jou de belangrijkste inzichten uit LiVe!?').inputValue(), '');
  await accessible(mine, 'draft-lost');
  await mine.context().close();
});

test('the coach closes the wave and finds the breakdown per team refused beside the one per group', async () => {
  // group A: the five of Noord and one of Zuid answer; group B: all five (of Zuid)
  for (const emp of ['N1', 'N2', 'N3', 'N4', 'N5', 'Z1', 'Z6', 'Z7', 'Z8', 'Z9', 'Z10']) {
    const c = new Client(srv.base);
    const page = await c.get(path(emp));
    const radios = [...new Set([...page.text.matchAll(/type="radio" id="[^"]*" name="(i\d+)"/g)].map((m) => m[1]))];
    const r = await c.post('/respond', { token: links[emp].searchParams.get('token'), action: 'submit', confirm_incomplete: '1',
      ...Object.fromEntries(radios.map((x, i) => [x, String(1 + ((emp.length + i) % 5))])) });
    assert.equal(r.status, 303);
  }
  const page = await newPage(browser);
  await page.goto(srv.base + '/login');
  await page.getByLabel('E-mailadres').fill(COACH);
  await page.getByLabel(/^Wachtwoord$/).fill(PASSWORD);
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Inloggen' }).click()]);
  await page.goto(`${srv.base}/waves/${wave}`);
  assert.match(await page.locator('main').innerText(), /De uitkomsten worden getoond als de meting gesloten is/);
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Sluit de meting nu' }).click()]);
  assert.match(await page.getByRole('status').innerText(), /De meting is gesloten/);
  assert.equal(await page.locator('table.items caption').innerText(), '11 antwoorden');
  await page.getByRole('link', { name: /^Vergelijken: schaalscores/ }).click();
  const choice = page.getByLabel('Vergelijken per');
  assert.equal(await choice.locator('option[value="unit"]').innerText(), 'Onderdeel (niet getoond bij deze meting)');
  await choice.selectOption('unit');
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Tonen' }).click()]);
  assert.equal(await page.locator('#why-not').innerText(),
    'Niet getoond bij deze meting: naast de uitsplitsing per groep, die wel getoond wordt, zou het aftrekken van het ene cijfer van het andere de antwoorden van minder dan 5 mensen prijsgeven.');
  assert.doesNotMatch(await page.locator('main').innerText(), /Team Noord|Team Zuid/);
  // and what is shown instead, one step away
  const instead = page.getByRole('link', { name: 'Per groep' });
  assert.equal(await instead.count(), 1);
  await accessible(page, 'compare-refused');
  await page.screenshot({ path: `${CHECK}/compare-refused.png`, fullPage: true });
  await Promise.all([page.waitForNavigation(), instead.click()]);
  assert.equal(await page.locator('table.compare tbody tr').count(), 2, 'the two groups');
  await page.context().close();
});
