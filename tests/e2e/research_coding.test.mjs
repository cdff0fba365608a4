// Coding a source in a real browser, both ways a researcher can: with
// JavaScript by selecting the passage in the text (the start and end the
// script sends are code points of the source, as the server counts them),
// and without it by ticking sentences. On the learning-circles demo's
// project, in Dutch, with axe-core on every page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { launch, newPage, newPageNoJs, accessible, accessibleNoJs, login } from '../lib/browser.mjs';
import { sqlRows } from '../lib/db.mjs';

let srv, browser;
const RESEARCHER = 'onderzoeker@leercirkels.example';
const sql = (q) => sqlRows(srv.db, q);
const passages = (source) => sql(`SELECT x.start_char AS s, x.end_char AS e, c.name AS code FROM research_selection x
  JOIN research_coding k ON k.selection_id = x.id JOIN research_code c ON c.id = k.code_id
  WHERE x.source_id = ${source} ORDER BY x.id`);

before(async () => {
  srv = await startServer();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await srv?.stop();
});

test('with JavaScript: the researcher selects a passage in the text and codes it', async () => {
  const [src] = sql("SELECT id, project_id AS p, body FROM research_source WHERE name = 'Interview collega Anja'");
  const before = passages(src.id).length;
  const page = await newPage(browser);
  await login(page, srv.base, RESEARCHER);
  await page.goto(`${srv.base}/research/${src.p}/sources/${src.id}`);
  await page.locator('#source-text').waitFor({ state: 'visible' });
  assert.ok(await page.locator('fieldset.segments').isHidden(), 'the sentences to tick give way to the text');
  await accessible(page, 'research-coding-js');
  const want = 'Dat merk je in het teamoverleg.';
  await page.evaluate((want) => {
    const el = document.getElementById('source-text');
    const t = el.firstChild;
    const i = t.data.indexOf(want);
    const r = document.createRange();
    r.setStart(t, i);
    r.setEnd(t, i + want.length);
    getSelection().removeAllRanges();
    getSelection().addRange(r);
  }, want);
  await page.locator('#selection-status', { hasText: want }).waitFor();
  await page.getByRole('checkbox', { name: 'Toepassen in het werk', exact: true }).check();
  await page.getByLabel('Memo (niet verplicht)').fill('Gezien door een collega');
  await page.getByRole('button', { name: 'Codering opslaan' }).click();
  await page.getByText('De codering is opgeslagen.').waitFor();
  await accessible(page, 'research-coding-js-saved');
  const now = passages(src.id);
  assert.equal(now.length, before + 1);
  const made = now.at(-1);
  // the positions are code points of the stored text: the same slice
  assert.equal([...src.body].slice(made.s, made.e).join(''), want);
  assert.equal(made.code, 'Toepassen in het werk');
});

test('with JavaScript: saving without a selection says what to do and sends nothing', async () => {
  const [src] = sql("SELECT id, project_id AS p FROM research_source WHERE name = 'Verslag meelopen met Paul'");
  const before = passages(src.id).length;
  const page = await newPage(browser);
  await login(page, srv.base, RESEARCHER);
  await page.goto(`${srv.base}/research/${src.p}/sources/${src.id}`);
  await page.getByRole('checkbox', { name: 'Belemmeringen', exact: true }).check();
  await page.getByRole('button', { name: 'Codering opslaan' }).click();
  await page.locator('#selection-status', { hasText: 'Selecteer eerst een fragment van de tekst.' }).waitFor();
  assert.equal(passages(src.id).length, before);
});

test('without JavaScript: ticked sentences in a row become one passage; none ticked is refused', async () => {
  const [src] = sql("SELECT id, project_id AS p, body FROM research_source WHERE name = 'Verslag meelopen met Paul'");
  const before = passages(src.id).length;
  const page = await newPageNoJs(browser);
  await login(page, srv.base, RESEARCHER);
  await page.goto(`${srv.base}/research/${src.p}/sources/${src.id}`);
  await accessibleNoJs(page, 'research-coding-nojs');
  // nothing ticked: a message, nothing saved
  await page.getByRole('checkbox', { name: 'Belemmeringen', exact: true }).check();
  await page.getByRole('button', { name: 'Codering opslaan' }).click();
  await page.getByText('Vink een of meer zinnen van de tekst aan.').first().waitFor();
  assert.equal(passages(src.id).length, before);
  // (the refusal answers the POST: it has no address of its own for axe's twin page to open)
  // two sentences in a row
  const one = 'Twee medewerkers noemen een klantgesprek dat ze willen oefenen.';
  const two = 'Paul laat de stilte even vallen voordat hij zelf iets zegt.';
  await page.getByRole('checkbox', { name: one }).check();
  await page.getByRole('checkbox', { name: new RegExp('^' + two.replace(/\./g, '\\.')) }).check();
  await page.getByRole('checkbox', { name: 'Belemmeringen', exact: true }).check();
  await page.getByRole('button', { name: 'Codering opslaan' }).click();
  await page.getByText('De codering is opgeslagen.').waitFor();
  const now = passages(src.id);
  assert.equal(now.length, before + 1, 'one passage for the two sentences');
  assert.equal([...src.body].slice(now.at(-1).s, now.at(-1).e).join(''), `${one} ${two}`);
});
