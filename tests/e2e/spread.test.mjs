// How participation spreads, in a real browser as a new coordinator would
// (issue 18 must-show 4), on the demo municipality of seed 002: the coach
// starts a new learning circle with three people from teams where nobody
// took part yet, records how each came in (a colleague, a pecha kucha, her
// own initiative), finds them in the spread table, in the recruitment
// network's picture and its table, and on the lone participants' page,
// where the suggestion for one of them names a former participant of her
// department with the reason, and pairs them. axe-core on every page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { launch, newPage, accessible, login, submit } from '../lib/browser.mjs';
import { sqlRows } from '../lib/db.mjs';

let srv, browser;
const sql = (q) => sqlRows(srv.db, q);
// the first member of a team of the demo municipality
const memberOf = (team) => sql(`SELECT p.id, p.name, p.employee_id AS emp FROM person p JOIN unit u ON u.id = p.unit_id
  JOIN organisation o ON o.id = p.organisation_id
  WHERE o.slug = 'leercirkels-demo' AND u.name = '${team}' AND p.job_level = 'Medewerker' ORDER BY p.id LIMIT 1`)[0];

before(async () => {
  srv = await startServer({ names: 'ordinary' });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await srv?.stop();
});

test("must-show 4: the coach records how three new participants came in, sees the table, the picture and a lone participant's buddy suggestion, and pairs them", async () => {
  // nobody of T2, T12 and T13 took part so far (seed 002, Table 1)
  const [karin, jeroen, tessa] = ['T2', 'T12', 'T13'].map(memberOf);
  const page = await newPage(browser);
  await login(page, srv.base, 'coach@leercirkels.example');

  // a new circle this autumn, with three people
  await page.getByRole('link', { name: 'Intervisie en teams' }).click();
  await accessible(page, 'spread-peer-groups');
  await page.getByRole('link', { name: 'Nieuwe groep' }).click();
  await page.getByLabel('Soort').selectOption('circle');
  await page.getByLabel('Naam').fill('LC20');
  await page.getByLabel('Periode').fill('nj 2026');
  await accessible(page, 'spread-new-circle');
  await submit(page.getByRole('button', { name: 'Groep maken' }), /\/peer-groups\/\d+/);
  const circle = page.url().match(/\/peer-groups\/(\d+)/)[1];
  for (const p of [karin, jeroen, tessa]) {
    const box = page.getByRole('combobox', { name: 'Zoek een persoon voor: Persoon' });
    await box.focus();
    await page.keyboard.type(p.emp);
    const option = page.getByRole('option', { name: new RegExp(`^${p.name} \\(${p.emp}`) });
    await option.waitFor({ timeout: 5000 });
    await page.keyboard.press('Enter');
    await submit(page.getByRole('button', { name: 'Opslaan' }), new RegExp(`/peer-groups/${circle}`));
  }
  assert.match(await page.locator('main').innerText(), /Leden\s+3/);
  await accessible(page, 'spread-circle');

  // how each came in: a colleague of her department, a pecha kucha, her own initiative
  const record = async (p, how) => {
    await page.goto(`${srv.base}/peer-groups/${circle}`);
    await page.getByRole('link', { name: `Hoe kwam ${p.name} erbij?` }).click();
    await page.getByRole('heading', { name: 'Hoe kwam deze persoon erbij?' }).waitFor();
    await how();
    await submit(page.getByRole('button', { name: 'Vastleggen' }), /done=referral-saved/);
  };
  await record(karin, async () => {
    await page.getByLabel('Hoe', { exact: true }).selectOption('person');
    const box = page.getByRole('combobox', { name: 'Zoek een persoon voor: Iemand uit de lijst met mensen' });
    await box.focus();
    await page.keyboard.type('Chris Hoekstra');
    const listbox = page.getByRole('listbox').filter({ has: page.getByRole('option', { name: /^Chris Hoekstra \(/ }) });
    await listbox.waitFor({ timeout: 5000 });
    assert.equal(await box.getAttribute('aria-activedescendant'),
      await listbox.getByRole('option', { name: /^Chris Hoekstra \(/ }).getAttribute('id'));
    await page.keyboard.press('Enter');
    await page.getByLabel('Rol').selectOption('colleague');
    await accessible(page, 'spread-referral-form');
  });
  await record(jeroen, async () => {
    await page.getByLabel('Hoe', { exact: true }).selectOption('presentation');
    const which = page.getByLabel('Door een presentatie: welke');
    await which.selectOption(await which.locator('option', { hasText: 'Alle hokjes opheffen' }).getAttribute('value'));
  });
  await record(tessa, async () => {
    await page.getByLabel('Hoe', { exact: true }).selectOption('own');
  });
  assert.match(await page.locator('#referral ~ table').first().innerText(), /eigen initiatief/i);
  await accessible(page, 'spread-referral-saved');

  // the spread table: the new circle as a column, T2, T12 and T13 one each, 37 in all
  await page.getByRole('link', { name: 'Spreiding', exact: true }).click();
  const table = page.locator('table', { has: page.locator('caption', { hasText: 'Deelnemers per afdeling en team' }) });
  const heads = await table.locator('thead th').allInnerTexts();
  assert.equal(heads.at(-1).replace(/\s+/g, ' ').trim(), 'LC20 nj 2026', 'the new circle is the last column');
  const row = async (team) => (await table.locator('tr', { has: page.getByRole('rowheader', { name: team, exact: true }) })
    .innerText()).split('\t').map((x) => x.trim());
  for (const [team, p] of [['T2', karin], ['T12', jeroen], ['T13', tessa]]) {
    const cells = await row(team);
    assert.equal(cells[2], '1', `${team}: one participant now`);
    assert.match(cells.at(-1), new RegExp(`^1\\s*${p.name}`), `${team}: in LC20, by name for the coach`);
  }
  assert.match(await table.locator('tr', { has: page.getByRole('rowheader', { name: 'Totaal', exact: true }) }).last()
    .innerText(), /^\s*Totaal\s+37\b/);
  await accessible(page, 'spread-table');

  // the recruitment network: Karin drawn with an arrow from Chris, and in its table
  await page.getByRole('link', { name: 'Wervingsnetwerk' }).click();
  const svg = page.locator('svg[role="img"]');
  assert.match(await svg.innerHTML(), new RegExp(karin.name));
  const people = page.locator('table', { has: page.getByRole('columnheader', { name: 'Kwam binnen via' }) });
  const karinRow = people.locator('tr', { has: page.getByRole('rowheader', { name: karin.name, exact: true }) });
  assert.match(await karinRow.innerText(), /Chris Hoekstra/, 'the table says who brought her in');
  const jeroenRow = people.locator('tr', { has: page.getByRole('rowheader', { name: jeroen.name, exact: true }) });
  assert.match(await jeroenRow.innerText(), /Alle hokjes opheffen/);
  await accessible(page, 'spread-network');

  // lone participants: Tessa came by herself and is the only one of T13; a
  // former participant of Afdeling B is suggested, with the reason
  await page.getByRole('link', { name: 'Spreiding', exact: true }).click();
  await page.getByRole('link', { name: 'Eenlingen en maatjes' }).click();
  const lone = page.locator('tr', { has: page.getByRole('rowheader', { name: tessa.name, exact: true }) });
  assert.match(await lone.innerText(), /de enige deelnemer uit het team; niemand die zij aanmoedigden of die hen aanmoedigde/);
  assert.match(await lone.innerText(), /Paul Bosman \(zelfde afdeling\)/);
  await accessible(page, 'spread-lone');
  await submit(page.getByRole('button', { name: `Koppel ${tessa.name} en Paul Bosman als maatjes` }), /done=/);
  const after = await page.locator('main').innerText();
  assert.match(after, new RegExp(`${tessa.name}[\\s\\S]*Paul Bosman`), 'the pair is listed');
  assert.equal(sql(`SELECT count(*) AS n FROM buddy_pair WHERE person_id = ${tessa.id} AND ended_on = ''`)[0].n, 1);
  await accessible(page, 'spread-paired');
  await page.context().close();
});
