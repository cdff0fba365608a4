// Issue 5, "must show 1": a group's year told as its learning story, tried
// as a new user would, in a real browser, in Dutch, with axe-core on every
// page. Set up with the command line: a LiVe! programme, a batch, a group
// with the demo mentor and facilitator, the demo participant and three
// others, meetings 1-10 in the past, the participant present at meeting
// 10. Then in the browser: the participant writes a learning question and a
// vague goal (a SMART tip, still saved); the facilitator writes the report
// of meeting 10 as a draft (an empty one cannot be published, an
// unpublished report cannot be bundled) that the participant cannot read
// yet; the participant adds a contribution (an empty one is refused); the
// facilitator places it, publishes and bundles the learning story; the
// participant reads it and downloads the PDF, whose text is checked with
// pdftotext. Screenshots of the key pages and page 1 of the PDF in
// build/check/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, copyFileSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, Client, cli, demoEmail } from '../lib/server.mjs';
import { launch, newPage as open, accessible, login as loginAt, submit, refused, download } from '../lib/browser.mjs';

const CHECK = 'build/check';
const ORG = ['--org', 'politie-demo'];
const PROGRAMME = 'LiVe! Leerverhaal';
const GROUP = 'Leergroep Verhaal';
const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober',
  'november', 'december'];

// The report's texts: Dutch diacritics (ë é ĳ ö), typographic and straight quotes, Markdown.
const REPORT = {
  agenda: '- Opening en check-in\n- Casus: het “lastige” gesprek\n- Reflectie en afsluiting',
  themes: 'Ideeën over vertrouwen; het café-gesprek als werkvorm; de ĳzeren regel “eerst luisteren, dan oordelen”.',
  learning_moments: '- Wie doorvraagt, hoort méér.\n- *Stilte* mag er zijn.',
  facilitator_reflection: 'De groep was **open**; de coöperatie met de mentor maak ik ‘scherper’. Zij zei: "durf te vragen".',
};
const CONTRIBUTION = 'Ik neem mee: “vraag door vóór je oordeelt”. Ideeën genoeg!';
const OPENING = 'Dit is het leerverhaal van één groep: tien bijeenkomsten, veel ideeën.';
const CLOSING = 'Tot ziens, en blijf “doorvragen”.';

let srv, browser, work;
let groupId, meetings;     // the new group and its meeting ids, 1..10
let firstDate, lastDate;   // YYYY-MM-DD of meetings 1 and 10

const newPage = (locale) => open(browser, locale);
const login = (page, email) => loginAt(page, srv.base, email);
const main = (page) => page.locator('main').innerText();
const iso = (ms) => new Date(ms).toISOString().slice(0, 10);
const dutchDate = (d) => `${+d.slice(8)} ${MONTHS[+d.slice(5, 7) - 1]} ${+d.slice(0, 4)}`;
// a screenshot for a human to look at, besides the one accessible() takes
const shot = (page, name) => page.screenshot({ path: `${CHECK}/${name}.png`, fullPage: true });
const has = (cmd) => { try { execFileSync('which', [cmd], { stdio: 'ignore' }); return true; } catch { return false; } };

before(async () => {
  mkdirSync(CHECK, { recursive: true });
  work = mkdtempSync(join(tmpdir(), 'leergang-story-'));
  srv = await startServer();
  browser = await launch();

  // the staff and the demo participant, as the coach reads them through the API
  const coach = new Client(srv.base);
  await coach.login(demoEmail('coach'));
  const { programmes } = (await coach.get('/api/v1/programmes')).json();
  const live = programmes.find((p) => p.template === 'live');
  const g1 = (await coach.get(`/api/v1/programmes/${live.id}`)).json().batches[0].groups[0];
  const employee = async (person) => (await coach.get(`/api/v1/people/${person}`)).json().employee_id;
  const accounts = JSON.parse(cli(srv.db, ['user', 'list', ...ORG, '--format', 'json']));
  const janName = accounts.find((a) => a.email === demoEmail('participant')).name;
  const g1detail = (await coach.get(`/api/v1/groups/${g1.id}`)).json();
  const jan = await employee(g1detail.participants.find((p) => p.name === janName).person_id);
  const mentor = await employee(g1.mentor_id), facilitator = await employee(g1.facilitator_id);
  const others = (await coach.get('/api/v1/people?limit=40')).json().people
    .map((p) => p.employee_id).filter((e) => ![jan, mentor, facilitator].includes(e)).slice(0, 3);

  // the programme, batch and group; meetings every 14 days, the last 24 days ago
  const programme = cli(srv.db, ['programme', 'add', ...ORG, '--template', 'live', '--name', PROGRAMME]).trim();
  const batch = cli(srv.db, ['batch', 'add', ...ORG, '--programme', programme]).trim();
  groupId = cli(srv.db, ['group', 'add', ...ORG, '--batch', batch, '--name', GROUP, '--mentor', mentor,
    '--facilitator', facilitator]).trim();
  assert.match(groupId, /^\d+$/);
  assert.match(cli(srv.db, ['enrol', ...ORG, '--group', groupId, jan, ...others]), /^4 /);
  firstDate = iso(Date.now() - 150 * 86400e3);
  lastDate = iso(Date.now() - 24 * 86400e3);
  meetings = cli(srv.db, ['meeting', 'plan', ...ORG, '--group', groupId, '--number', '1', '--date', firstDate,
    '--start', '09:00', '--end', '17:00', '--venue', 'Leergebouw Vlissingen', '--repeat', '10', '--every', '14'])
    .trim().split('\n');
  assert.equal(meetings.length, 10);
  cli(srv.db, ['attendance', ...ORG, '--meeting', meetings[9], '--employee', jan, '--status', 'present']);
});

after(async () => {
  await browser?.close();
  await srv?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

const reportUrl = () => `${srv.base}/meetings/${meetings[9]}/report`;
const storyUrl = () => `${srv.base}/groups/${groupId}/story`;

test('the participant writes a learning question and a vague goal: a SMART tip, and the goal is saved', async () => {
  const page = await newPage();
  await login(page, demoEmail('participant'));
  await page.getByRole('navigation').getByRole('link', { name: /Mijn leergroepen|My groups/ }).click();
  await accessible(page, 'story-my-groups');
  await page.locator(`a[href="/groups/${groupId}"]`).first().click();
  await accessible(page, 'story-group-participant');
  await page.locator('#f-question').fill('Hoe blijf ik écht luisteren als het gesprek “spannend” wordt?');
  await submit(page.locator('form:has(#f-question) button[type=submit]'), /done=question-saved/);
  assert.match(await page.locator('#f-question').inputValue(), /écht luisteren/);
  await accessible(page, 'story-question-saved');

  await page.locator(`a[href="/groups/${groupId}/plan"]`).click();
  await accessible(page, 'story-plan');
  await page.locator('#g0-text').fill('Beter luisteren');
  await submit(page.locator('form:has(#g0-text) button[type=submit]').first(), /done=plan-saved/);
  const text = await main(page);
  assert.match(text, /Tips om het doel SMART te maken|Tips to make the goal SMART/);
  assert.match(text, /Beter luisteren/, 'the goal is saved despite the tip');
  await accessible(page, 'story-plan-tip');
  await page.close();
});

test('the facilitator writes the report of meeting 10 as a draft; the participant cannot read it yet', async () => {
  const page = await newPage();
  await login(page, demoEmail('facilitator'));
  await page.getByRole('navigation').getByRole('link', { name: /Mijn leergroepen|My groups/ }).click();
  await page.locator(`a[href="/groups/${groupId}"]`).first().click();
  await accessible(page, 'story-group-facilitator');
  await page.locator(`a[href="/meetings/${meetings[9]}"]`).first().click();
  await accessible(page, 'story-meeting10-facilitator');
  await page.locator(`a[href="/meetings/${meetings[9]}/report"]`).click();
  await page.waitForURL(reportUrl());
  await accessible(page, 'story-report-new');

  // an empty draft is saved, but it cannot be published
  await submit(page.locator(`form[action$="/report"] button[type=submit]`), /done=report-saved/);
  assert.match(await refused(page.locator(`form[action$="/report/publish"] button[type=submit]`)),
    /Schrijf het verslag voordat u het publiceert/);
  await accessible(page, 'story-report-publish-empty');

  for (const [field, value] of Object.entries(REPORT))
    await page.locator(`#f-${field}`).fill(value);
  await submit(page.locator(`form[action$="/report"] button[type=submit]`), /done=report-saved/);
  assert.match(await page.getByRole('status').innerText(), /opgeslagen als concept/);
  for (const [field, value] of Object.entries(REPORT))
    assert.equal(await page.locator(`#f-${field}`).inputValue(), value, `${field} kept as written`);
  await accessible(page, 'story-report-draft');

  // a draft is not bundled: the story needs a published report
  await page.locator(`a[href="/groups/${groupId}/story"]`).first().click();
  await accessible(page, 'story-facilitator-empty');
  assert.match(await refused(page.locator('button[name=bundle][value="1"]')), /Publiceer eerst ten minste één verslag/);
  await accessible(page, 'story-bundle-refused');
  await page.close();

  const p = await newPage();
  await login(p, demoEmail('participant'));
  await p.goto(reportUrl());
  const text = await main(p);
  assert.match(text, /Het verslag van deze bijeenkomst is nog niet gepubliceerd/);
  assert.doesNotMatch(text, /ĳzeren regel/);
  await accessible(p, 'story-report-unpublished-participant');
  await p.close();
});

test('the participant adds a contribution to the report of meeting 10; an empty one is refused', async () => {
  const page = await newPage();
  await login(page, demoEmail('participant'));
  await page.goto(reportUrl());
  const save = page.locator(`form[action$="/contribution"] button[type=submit]`);
  assert.match(await refused(save), /Schrijf eerst uw inbreng/);
  await accessible(page, 'story-contribution-empty');
  await page.locator('#f-text').fill(CONTRIBUTION);
  await submit(save, /done=contribution-saved/);
  assert.match(await page.getByRole('status').innerText(), /Uw inbreng is opgeslagen/);
  await accessible(page, 'story-contribution-saved');
  await page.close();
});

// While the report is a draft the participant does not read it, but their
// own contribution is shown back (an empty field would invite them to
// save it empty, which removes it).
test('the participant sees their own contribution back while the report is a draft', async () => {
  const page = await newPage();
  await login(page, demoEmail('participant'));
  await page.goto(reportUrl());
  try {
    assert.equal(await page.locator('#f-text').inputValue(), CONTRIBUTION);
    assert.match(await main(page), /\(Nog\) niet opgenomen in het verslag|Not placed in the report/);
  } finally {
    await page.close();
  }
});

test('the facilitator places the contribution, publishes the report and bundles the learning story', async () => {
  const page = await newPage();
  await login(page, demoEmail('facilitator'));
  await page.goto(reportUrl());
  assert.match(await page.locator('#contributions ~ blockquote').first().innerText(), /vraag door vóór je oordeelt/);
  await submit(page.locator('form[action$="/place"] button[type=submit]').first(), /done=contribution-placed/);
  await submit(page.locator(`form[action$="/report/publish"] button[type=submit]`), /done=report-published/);
  assert.match(await main(page), /gepubliceerd voor de groep/);
  await accessible(page, 'story-report-published');
  await shot(page, 'story-report-facilitator');

  await page.locator(`a[href="/groups/${groupId}/story"]`).first().click();
  await page.locator('#f-opening').fill(OPENING);
  await page.locator('#f-closing').fill(CLOSING);
  await submit(page.locator('button[name=bundle][value="1"]'), /done=story-bundled/);
  assert.match(await page.getByRole('status').innerText(), /gebundeld en aan de groep gegeven/);
  assert.equal(await page.locator('button[name=bundle][value="1"]').count(), 0, 'bundled once');
  await accessible(page, 'story-bundled-facilitator');
  await page.close();
});

test('the participant reads the learning story and downloads it as a PDF', async () => {
  const page = await newPage();
  await login(page, demoEmail('participant'));
  await page.goto(`${srv.base}/groups/${groupId}`);
  await page.locator(`a[href="/groups/${groupId}/story"]`).first().click();
  await page.waitForURL(storyUrl());
  const text = await main(page);
  for (const s of [OPENING, CLOSING, 'ĳzeren regel “eerst luisteren, dan oordelen”', 'Wie doorvraagt, hoort méér',
    '“vraag door vóór je oordeelt”', PROGRAMME, dutchDate(firstDate), dutchDate(lastDate)])
    assert.ok(text.includes(s), `the story page shows ${s}`);
  assert.match(text, /Bijeenkomst 10/);
  // the agenda's Markdown list is a list, the contribution carries its writer's name
  assert.equal(await page.locator('article.story li', { hasText: 'Opening en check-in' }).count(), 1);
  assert.match(await page.locator('article.story blockquote.contribution').innerText(), /— Jan/);
  assert.equal(await page.locator('form').filter({ has: page.locator('#f-opening') }).count(), 0, 'no bundle form');
  await accessible(page, 'story-participant');
  await shot(page, 'story-participant');

  const { path, name } = await download(page.locator(`a[href="/groups/${groupId}/story.pdf"]`), work);
  assert.match(name, /\.pdf$/);
  const pdf = readFileSync(path);
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  if (has('pdftotext')) {
    const all = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
    const flat = all.replace(/\s+/g, ' ');
    for (const s of ['Ideeën over vertrouwen', 'café-gesprek', 'ĳzeren regel', '“eerst luisteren, dan oordelen”',
      'hoort méér', 'coöperatie', '‘scherper’', '“vraag door vóór je oordeelt”', 'Opening en check-in',
      'Tot ziens, en blijf “doorvragen”.', 'één groep'])
      assert.ok(flat.includes(s), `the PDF's text has ${s}:\n${all}`);
    // straight quotes may be set as typographic ones
    assert.match(flat, /["“]durf te vragen["”]/);
    const cover = execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', '1', '-l', '1', path, '-'], { encoding: 'utf8' })
      .replace(/\s+/g, ' ');
    for (const s of [GROUP, PROGRAMME, dutchDate(firstDate), dutchDate(lastDate)])
      assert.ok(cover.includes(s), `the cover shows ${s}:\n${cover}`);
  }
  if (has('pdftoppm')) {
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', path, join(work, 'page1')]);
    copyFileSync(join(work, 'page1.png'), `${CHECK}/story-page1.png`);
    assert.ok(existsSync(`${CHECK}/story-page1.png`));
  }
  copyFileSync(path, `${CHECK}/story.pdf`);

  // the report page tells the participant their contribution was placed
  await page.goto(reportUrl());
  assert.equal(await page.locator('#f-text').inputValue(), CONTRIBUTION);
  assert.match(await main(page), /De leergroepbegeleider heeft uw inbreng opgenomen in het verslag/);
  await accessible(page, 'story-report-published-participant');
  await page.close();
});
