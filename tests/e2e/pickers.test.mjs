// The people pickers with 5,000 people in the organisation: the coach finds
// one person by each of name, employee number, e-mail and unit, once without
// JavaScript (the search returns a short list of choices) and once with it
// (suggestions while typing, a WAI-ARIA combobox), with the keyboard alone,
// and staffs a group with them. The list never cuts the organisation short
// in silence: the page says how many were found and how many are shown.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, demoEmail, cli, Client } from '../lib/server.mjs';
import { launch, newPage as open, newPageNoJs, accessible, login as loginAt } from '../lib/browser.mjs';

const ORG = ['--org', 'politie-demo'];
const PEOPLE = 5000;
let srv, browser, group;

// person k: a name, number, address and unit each unique to them
const person = (k) => ({
  emp: `PK${String(k).padStart(5, '0')}`,
  name: `Picker ${['Aalbers', 'Bosman', 'Claassen', 'Drost', 'Evers'][k % 5]} ${k}`,
  email: `kiezer.${k}@voorbeeld.example`,
  unit: `Picker/Team ${String(k).padStart(5, '0')}x`,
});

before(async () => {
  srv = await startServer();
  browser = await launch();
  const rows = ['personeelsnummer;naam;e-mail;afdeling'];
  for (let k = 1; k <= PEOPLE; k++) {
    const p = person(k);
    rows.push(`${p.emp};${p.name};${p.email};${k % 500 === 7 ? p.unit : 'Picker/Algemeen'}`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'leergang-pickers-'));
  writeFileSync(join(dir, 'people.csv'), rows.join('\r\n') + '\r\n');
  cli(srv.db, ['import', 'people', ...ORG, join(dir, 'people.csv')]);
  const coach = new Client(srv.base);
  await coach.login(demoEmail('coach'));
  group = (await coach.get('/groups')).text.match(/<a href="\/groups\/(\d+)">Leergroep 3<\/a>/)[1];
});
after(async () => {
  await browser?.close();
  await srv?.stop();
});

// What to type for each field of person k, and the person (k % 500 === 7
// has a unit of their own, so the unit search finds them alone).
const searches = (k) => {
  const p = person(k);
  return [['name', p.name], ['employee number', p.emp], ['e-mail', p.email], ['unit', `Team ${String(k).padStart(5, '0')}x`]];
};

test('without JavaScript: each field finds the person, chosen and saved with the keyboard', async () => {
  const page = await newPageNoJs(browser);
  await loginAt(page, srv.base, demoEmail('coach'));
  const p = person(4507);
  for (const [field, typed] of searches(4507)) {
    await page.goto(`${srv.base}/groups/${group}`);
    const box = page.getByLabel(/Zoek op naam, e-mailadres, personeelsnummer of onderdeel/);
    await box.focus();
    await page.keyboard.type(typed);
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    const status = await page.locator('#find ~ p[role=status]').first().innerText();
    assert.match(status, /^1 persoon gevonden\.$/, `${field}: ${status}`);
    const options = await page.locator('#f-mentor_id option').allTextContents();
    assert.ok(options.includes(`${p.name} (${p.emp})`), `${field}: ${options.join(' | ')}`);
  }
  // the last search (by unit) offers the person: choose them as mentor with the keyboard
  await page.locator('#f-mentor_id').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.locator('#f-mentor_id option:checked').textContent(), `${p.name} (${p.emp})`);
  await page.locator('#f-pair_status').focus();
  await page.keyboard.press('Tab');
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  assert.match(page.url(), /done=/);
  assert.match(await page.locator('main').innerText(), new RegExp(`Mentor\\s+${p.name}`));
  // (axe-core needs JavaScript: the same page is checked with it below)
  // a broad search says how many it found and that it shows the first 50
  await page.goto(`${srv.base}/groups/${group}?q=Picker`);
  assert.match(await page.locator('#find ~ p[role=status]').first().innerText(), /^5\.?000 gevonden; de lijsten hieronder tonen de eerste 50\./);
  await page.context().close();
});

test('with JavaScript: suggestions while typing, a combobox chosen with the arrow keys and Enter', async () => {
  const page = await open(browser);
  await loginAt(page, srv.base, demoEmail('coach'));
  const p = person(2507);  /* another than the mentor chosen above */
  await page.goto(`${srv.base}/groups/${group}`);
  const box = page.getByRole('combobox', { name: 'Zoek een persoon voor: Leergroepbegeleider' });
  for (const [field, typed] of searches(2507)) {
    await box.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(typed);
    const option = page.getByRole('option', { name: new RegExp(`^${p.name} \\(${p.emp}`) });
    await option.waitFor({ timeout: 5000 });
    assert.equal(await box.getAttribute('aria-expanded'), 'true', field);
    assert.equal(await page.getByRole('listbox').filter({ has: option }).getByRole('option').count(), 1, `${field}: one suggestion`);
    assert.equal(await box.getAttribute('aria-activedescendant'), await option.getAttribute('id'), field);
  }
  await accessible(page, 'pickers-js-open');
  await page.keyboard.press('Enter');
  assert.equal(await box.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.locator('#f-facilitator_id option:checked').textContent(), `${p.name} (${p.emp})`);
  assert.match(await page.locator('#f-facilitator_id ~ p[role=status], p[role=status]').allInnerTexts().then((t) => t.join(' ')), /gekozen/);
  await page.locator('form[action$="/staff"] button[type=submit]').focus();
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  assert.match(page.url(), /done=/);
  assert.match(await page.locator('main').innerText(), new RegExp(`Leergroepbegeleider\\s+${p.name}`));
  await page.close();
});

test('with JavaScript at the 360° round: the person asking and two raters chosen with the keyboard alone', async () => {
  const page = await open(browser);
  await loginAt(page, srv.base, demoEmail('coach'));
  await page.goto(`${srv.base}/questionnaires`);
  const form = page.locator('form[action="/waves/360"]');
  // choose through a combobox: type, the one suggestion is active, Enter takes it
  const choose = async (label, typed, p) => {
    const box = page.getByRole('combobox', { name: `Zoek een persoon voor: ${label}` });
    await box.focus();
    await page.keyboard.type(typed);
    const option = page.getByRole('option', { name: new RegExp(`^${p.name} \\(${p.emp}`) });
    await option.waitFor({ timeout: 5000 });
    assert.equal(await box.getAttribute('aria-activedescendant'), await option.getAttribute('id'), label);
    await page.keyboard.press('Enter');
    assert.equal(await box.getAttribute('aria-expanded'), 'false', label);
  };
  const [subject, peer1, peer2] = [person(1207), person(1307), person(1507)];  /* 1507: a unit of their own */
  await choose('Wie om feedback vraagt', subject.email, subject);
  await choose("Beoordelaars: collega's", peer1.emp, peer1);
  await choose("Beoordelaars: collega's", `Team ${String(1507).padStart(5, '0')}x`, peer2);
  assert.equal(await form.locator('#f-subject_id option:checked').textContent(), `${subject.name} (${subject.emp})`);
  assert.deepEqual(await form.locator('#f-rater_peer option:checked').allTextContents(),
    [`${peer1.name} (${peer1.emp})`, `${peer2.name} (${peer2.emp})`], 'both raters kept in the multiple select');
  await accessible(page, 'pickers-360-js');
  await form.getByLabel('Naam van de ronde').focus();
  await page.keyboard.type('360 met de kiezer');
  await form.getByLabel('Sluit op').fill('2030-12-31');  /* a date field's keys differ per browser locale */
  await form.getByRole('button', { name: 'De 360°-feedbackronde starten' }).focus();
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  assert.match(page.url(), /done=wave-created/);
  assert.match(await page.locator('main').innerText(), new RegExp(`360°-feedback over: ${subject.name}\\n`));
  await page.close();
});
