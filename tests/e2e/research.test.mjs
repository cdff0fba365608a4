// A research project tried as new users would, in a real browser, in Dutch,
// each page checked with axe-core: the facilitator records on a published
// report that the group consents to research; the researcher starts a
// project, pastes an interview naming two people of the organisation (with
// date, place and team), adds a code of their own and the codes of a
// framework, selects sentences in the text and codes them with a memo
// (tests/e2e/research_coding.test.mjs codes by ticking sentences, without
// JavaScript), takes the consented report as a source and codes a
// passage in it, reads the counts by kind of source and a code's quotes
// with names and with pseudonyms, and downloads the .qdpx: the names are
// replaced by "[P-…]" there, and a second project naming the same person
// carries the same pseudonym. Bad input (coding with nothing selected, a
// project without a name) is refused in Dutch and changes nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, demoEmail } from '../lib/server.mjs';
import { launch, newPage, accessible, login, submit, refused, download } from '../lib/browser.mjs';
import { sqlRows } from '../lib/db.mjs';

let srv, browser, work, page, meeting, project;
const sql = (q) => sqlRows(srv.db, q);
const count = (q) => sql(q)[0].n;

// Two people of the organisation, named in full in the interview.
const ANNA = 'Zeynep Peters';     // the facilitator of Groep 1
const KARIN = 'Karin El Amrani';  // a participant
const INTERVIEW = [
  `In het gesprek vertelde ${ANNA} dat de leergroep haar rust gaf.`,
  `Ze zei dat ${KARIN} het vertrouwen in het team had teruggebracht.`,
  'Daarna spraken we over de werkdruk op de afdeling.',
].join(' ') + '\n\nTot slot noemde ze de volgende bijeenkomst.';

before(async () => {
  srv = await startServer({ names: 'ordinary' });
  browser = await launch();
  work = mkdtempSync(join(tmpdir(), 'leergang-research-'));
  const fac = sql(`SELECT person_id AS id FROM account WHERE email = '${demoEmail('facilitator', 'gemeente')}'`)[0].id;
  assert.equal(sql(`SELECT name FROM person WHERE id = ${fac}`)[0].name, ANNA, 'the demo facilitator of gemeente');
  assert.equal(count(`SELECT count(*) AS n FROM person WHERE name = '${KARIN}'`), 1, 'the demo participant');
  meeting = sql(`SELECT r.meeting_id AS id FROM meeting_report r JOIN learning_group g ON g.id = r.group_id
    WHERE g.facilitator_id = ${fac} AND r.status = 'published' AND g.name = 'Groep 1'`)[0].id;
});
after(async () => {
  await browser?.close();
  await srv?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

// Selects in the source's text (with JavaScript) the sentences from the one
// with `first` in it to the one with `last`, as a researcher does with the
// mouse; the page's script says what is chosen.
async function selectSentences(page, first, last = first) {
  await page.evaluate(([first, last]) => {
    const el = document.getElementById('source-text');
    const t = el.firstChild, text = t.data;
    let a = text.indexOf(first);
    while (a > 0 && !/[.?!]\s/.test(text.slice(a - 2, a)) && text[a - 1] !== '\n') a--;
    let b = text.indexOf(last, a) + last.length;
    while (b < text.length && !'.?!'.includes(text[b - 1])) b++;
    const r = document.createRange();
    r.setStart(t, a);
    r.setEnd(t, b);
    getSelection().removeAllRanges();
    getSelection().addRange(r);
  }, [first, last]);
  await page.locator('#selection-status', { hasText: first }).waitFor();
}

// The text files of a .qdpx, unzipped with Python's zipfile.
function sourcesOf(file) {
  const dir = join(work, 'unzipped-' + file.replace(/[^A-Za-z0-9]/g, '_'));
  execFileSync('python3', ['-m', 'zipfile', '-e', file, dir]);
  const sub = readdirSync(dir).find((d) => /^sources$/i.test(d));
  assert.ok(sub, 'the .qdpx holds a Sources folder');
  const texts = readdirSync(join(dir, sub)).map((f) => readFileSync(join(dir, sub, f), 'utf8'));
  return { texts, qde: readFileSync(join(dir, 'project.qde'), 'utf8') };
}

test('the facilitator records the group\'s consent on a published report', async () => {
  const p = await newPage(browser);
  await login(p, srv.base, demoEmail('facilitator', 'gemeente'));
  await p.goto(`${srv.base}/meetings/${meeting}/report`);
  await p.getByRole('heading', { name: 'Onderzoek' }).waitFor();
  await accessible(p, 'research-report-consent');
  await p.getByLabel('De groep stemt in met gebruik voor onderzoek').check();
  await submit(p.getByRole('button', { name: 'Toestemming opslaan' }), /done=consent-saved/);
  assert.match(await p.locator('section.consent').innerText(), new RegExp(`Toestemming vastgelegd op .* door ${ANNA}`));
  await accessible(p, 'research-report-consented');
  await p.context().close();
});

test('the researcher starts a project, adds an interview and codes it', async () => {
  page = await newPage(browser);
  page.setDefaultTimeout(8000);
  await login(page, srv.base, demoEmail('researcher', 'gemeente'));
  await page.getByRole('navigation').getByRole('link', { name: 'Onderzoek', exact: true }).click();
  await page.getByRole('heading', { name: 'Onderzoeksprojecten', level: 1 }).waitFor();
  await accessible(page, 'research-list');

  // an empty name: refused in Dutch, no project made
  const before = count('SELECT count(*) AS n FROM research_project');
  assert.match(await refused(page.getByRole('button', { name: 'Project starten' })), /Naam/);
  assert.match(await page.locator('.field-error').first().innerText(), /Naam is verplicht/);
  assert.equal(count('SELECT count(*) AS n FROM research_project'), before);
  await accessible(page, 'research-list-refused');

  await page.getByLabel('Naam', { exact: true }).fill('Rust en vertrouwen');
  await page.getByLabel('Doel').fill('Wat de leergroepen doen voor vertrouwen in teams.');
  await submit(page.getByRole('button', { name: 'Project starten' }), /\/research\/\d+\?done=research-created/);
  project = Number(page.url().match(/\/research\/(\d+)/)[1]);
  await page.getByRole('heading', { name: 'Rust en vertrouwen', level: 1 }).waitFor();
  await accessible(page, 'research-project-new');

  // the interview, pasted, with date, place and team
  await page.getByRole('link', { name: 'Een bron toevoegen' }).click();
  await page.getByRole('heading', { name: 'Een bron toevoegen', level: 1 }).waitFor();
  await accessible(page, 'research-source-new');
  await page.getByRole('radio', { name: 'interview' }).check();
  await page.getByLabel('Naam', { exact: true }).fill('Interview teamleider');
  await page.getByLabel('Datum (JJJJ-MM-DD)').fill('2026-10-05');
  await page.getByLabel('Plaats waar het plaatsvond').fill('Stadhuis');
  await page.getByLabel('Team', { exact: true }).selectOption({ label: 'Afdeling O' });
  await page.getByLabel('Tekst', { exact: true }).fill(INTERVIEW);
  await submit(page.getByRole('button', { name: 'Bron toevoegen', exact: true }), /\/sources\/\d+\?done=research-source/);
  const dl = await page.locator('dl').innerText();
  assert.match(dl, /interview/);
  assert.match(dl, /Stadhuis/);
  assert.match(dl, /Afdeling O/);
  assert.match(dl, /5 oktober 2026/);
  await accessible(page, 'research-source-interview');
  const interview = page.url().replace(/\?.*$/, '');

  // codes: one of their own, and the elements of a framework
  await page.getByRole('link', { name: 'Rust en vertrouwen' }).click();
  await page.getByLabel('Naam', { exact: true }).fill('Vertrouwen');
  await page.getByLabel('Kleur (#RRGGBB, niet verplicht)').fill('#1f77b4');
  await page.getByLabel('Beschrijving').fill('Waar iemand vertrouwen geeft of terugkrijgt.');
  await submit(page.getByRole('button', { name: 'Code toevoegen' }), /done=research-code/);
  await page.getByLabel('Referentiekader').selectOption({ label: 'Vier niveaus van bewustzijn' });
  await submit(page.getByRole('button', { name: 'Neem de onderdelen als codes' }), /done=research-framework/);
  const book = await page.locator('ul.code-tree').innerText();
  for (const c of ['Vertrouwen', 'Zelfbewustzijn', 'Sociaal bewustzijn', 'Contextbewustzijn']) assert.match(book, new RegExp(c));
  await accessible(page, 'research-project-codes');

  // coding with nothing selected: the page says so in Dutch, nothing coded
  await page.goto(interview);
  const codes = page.getByRole('group', { name: 'Codes' });
  await codes.getByRole('checkbox', { name: 'Vertrouwen', exact: true }).check();
  await page.getByRole('button', { name: 'Codering opslaan' }).click();
  await page.locator('#selection-status', { hasText: 'Selecteer eerst een fragment van de tekst.' }).waitFor();
  assert.equal(count(`SELECT count(*) AS n FROM research_selection WHERE project_id = ${project}`), 0);
  await accessible(page, 'research-source-refused');

  // two sentences in a row with two codes and a memo: one passage
  await selectSentences(page, 'dat de leergroep haar rust gaf', 'het vertrouwen in het team had teruggebracht');
  await page.getByRole('group', { name: 'Codes' }).getByRole('checkbox', { name: 'Vertrouwen', exact: true }).check();
  await page.getByRole('group', { name: 'Codes' }).getByRole('checkbox', { name: 'B2 Sociaal bewustzijn', exact: true }).check();
  await page.getByLabel('Memo (niet verplicht)').fill('Rust en vertrouwen hangen samen.');
  await submit(page.getByRole('button', { name: 'Codering opslaan' }), /done=research-passage/);
  const passages = await page.locator('#passages + table').innerText();
  assert.match(passages, new RegExp(`${ANNA} dat de leergroep haar rust gaf\\. Ze zei dat ${KARIN}`));
  assert.match(passages, /\tVertrouwen, B2 Sociaal bewustzijn\t/);
  assert.match(passages, /Rust en vertrouwen hangen samen\./);
  assert.equal(count(`SELECT count(*) AS n FROM research_selection WHERE project_id = ${project}`), 1);
  await accessible(page, 'research-source-coded');
});

test('the researcher takes the consented report as a source and codes a passage in it', async () => {
  await page.goto(`${srv.base}/research/${project}/sources/new`);
  await page.getByRole('heading', { name: 'Een tekst van de organisatie' }).waitFor();
  const add = page.getByRole('button', { name: /^Verslag bijeenkomst 1 - Groep 1, .* als bron toevoegen$/ });
  assert.equal(await add.count(), 1, 'the consented report is offered');
  await submit(add, /\/sources\/\d+\?done=research-source/);
  assert.match(await page.locator('dl').innerText(), /verslag van een bijeenkomst[\s\S]*Groep 1/);
  await accessible(page, 'research-source-report');
  await selectSentences(page, 'zocht naar wat verraste');
  await page.getByRole('group', { name: 'Codes' }).getByRole('checkbox', { name: 'B1 Zelfbewustzijn', exact: true }).check();
  await page.getByRole('group', { name: 'Codes' }).getByRole('checkbox', { name: 'Vertrouwen', exact: true }).check();
  await submit(page.getByRole('button', { name: 'Codering opslaan' }), /done=research-passage/);
  assert.match(await page.locator('#passages + table').innerText(), /zocht naar wat verraste/);
});

test('the analysis counts by kind of source, and a code\'s quotes show with names or with pseudonyms', async () => {
  await page.goto(`${srv.base}/research/${project}`);
  await page.getByRole('link', { name: 'Analyse: aantallen, samen voorkomen' }).click();
  await page.getByLabel('Aantallen uitsplitsen naar').selectOption({ label: 'soort bron' });
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Tonen' }).click()]);
  const table = page.locator('table', { has: page.locator('caption') }).first();
  const heads = (await table.locator('thead th').allInnerTexts()).map((x) => x.trim());
  assert.equal(heads[0], 'Code');
  const col = (name) => heads.indexOf(name);
  assert.ok(col('interview') > 0 && col('verslag van een bijeenkomst') > 0, `columns by kind: ${heads.join(' | ')}`);
  const row = async (code) => (await table.locator('tr', { has: page.getByRole('rowheader', { name: code }) })
    .locator('th, td').allInnerTexts()).map((x) => x.trim());
  const vertrouwen = await row(/^Vertrouwen$/);
  assert.equal(vertrouwen[1], '2', 'Vertrouwen: two passages');
  assert.equal(vertrouwen[2], '2', 'in two sources');
  assert.equal(vertrouwen[col('interview')], '1');
  assert.equal(vertrouwen[col('verslag van een bijeenkomst')], '1');
  const zelf = await row(/^B1 Zelfbewustzijn$/);
  assert.equal(zelf[col('interview')], '0');
  assert.equal(zelf[col('verslag van een bijeenkomst')], '1');
  await accessible(page, 'research-analysis');

  // the quotes of a code, with names, then with pseudonyms
  await table.getByRole('link', { name: 'Vertrouwen', exact: true }).click();
  await page.getByRole('heading', { name: 'Code: Vertrouwen', level: 1 }).waitFor();
  let quotes = await page.locator('figure.quote').allInnerTexts();
  assert.equal(quotes.length, 2);
  assert.ok(quotes.some((q) => q.includes(ANNA) && q.includes(KARIN) && /Interview teamleider/.test(q)), quotes.join('\n'));
  assert.ok(quotes.some((q) => /zocht naar wat verraste/.test(q) && /Verslag bijeenkomst 1/.test(q)), quotes.join('\n'));
  await accessible(page, 'research-code-quotes');
  await page.getByRole('link', { name: 'Toon de citaten met pseudoniemen in plaats van namen' }).click();
  await page.getByRole('link', { name: 'Toon de citaten met namen' }).waitFor();
  quotes = await page.locator('figure.quote blockquote').allInnerTexts();
  const text = quotes.join('\n');
  assert.doesNotMatch(text, /Zeynep|Peters|Karin|Amrani/, 'no name in the pseudonymised quotes');
  assert.match(text, /\[P-[^\]]+\] dat de leergroep haar rust gaf/);
  await accessible(page, 'research-code-quotes-pseudo');
});

let firstPseudonym;

test('the .qdpx carries pseudonyms instead of names, the same in a second project', async () => {
  await page.goto(`${srv.base}/research/${project}`);
  const { path, name } = await download(page.getByRole('link', { name: /Downloaden voor ATLAS\.ti/ }), work);
  assert.match(name, /\.qdpx$/);
  const { texts, qde } = sourcesOf(path);
  assert.equal(texts.length, 2, 'two sources in the export');
  const all = texts.join('\n') + qde;
  assert.doesNotMatch(all, /Zeynep|Peters|Karin|El Amrani/, 'no name of a person in the export');
  const iv = texts.find((t) => /de leergroep haar rust gaf/.test(t));
  const m = iv.match(/In het gesprek vertelde (\[P-[^\]]+\]) dat de leergroep haar rust gaf\. Ze zei dat (\[P-[^\]]+\]) het/);
  assert.ok(m, iv);
  assert.notEqual(m[1], m[2], 'two people, two pseudonyms');
  firstPseudonym = m[2];

  // a second project whose interview names Karin El Amrani again
  await page.goto(`${srv.base}/research`);
  await page.getByLabel('Naam', { exact: true }).fill('Tweede ronde');
  await submit(page.getByRole('button', { name: 'Project starten' }), /done=research-created/);
  await page.getByRole('link', { name: 'Een bron toevoegen' }).click();
  await page.getByLabel('Naam', { exact: true }).fill('Interview collega');
  await page.getByLabel('Tekst', { exact: true }).fill(`Volgens ${KARIN} is er meer ruimte voor twijfel.`);
  await submit(page.getByRole('button', { name: 'Bron toevoegen', exact: true }), /done=research-source/);
  await page.getByRole('link', { name: 'Tweede ronde' }).click();
  const second = await download(page.getByRole('link', { name: /Downloaden voor ATLAS\.ti/ }), work);
  assert.notEqual(second.path, path, 'another file');
  const t2 = sourcesOf(second.path).texts.join('\n');
  assert.doesNotMatch(t2, /Karin|Amrani/);
  assert.match(t2, new RegExp(`Volgens ${firstPseudonym.replace(/[[\]]/g, '\\$&')} is er meer ruimte voor twijfel\\.`));
  await page.context().close();
});
