// The browser side of the end-to-end tests: the system Chromium through
// Playwright, pages in a locale, axe-core with the WCAG 2.1 A and AA rules
// (no violations allowed) and a screenshot of every page checked.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { PASSWORD } from './server.mjs';

// axe-core itself, put into the page and run there. (@axe-core/playwright
// was used before: it opens a blank page for every check to finish the
// run in, which cost two thirds of the browser suite's time; leergang's
// pages have no frames, which is what that blank page is for.)
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const SHOTS = 'build/e2e';

export async function launch() {
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
}

// A page in its own context; a script that opens a dialog fails the test.
export async function newPage(browser, locale = 'nl-NL') {
  const ctx = await browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  page.on('dialog', () => { throw new Error('a script ran: a dialog was opened'); });
  return page;
}

// A full-page screenshot of every checked page lands in build/e2e/ for a
// person to look at; `make check` turns them off (LEERGANG_E2E_SHOTS=0):
// nobody looks at them there, and they were a quarter of the suite's time.
const SHOOT = process.env.LEERGANG_E2E_SHOTS !== '0';

// LEERGANG_E2E_AXE=0 leaves axe out: `make check` runs the browser suite
// twice, on SQLite and on PostgreSQL, and the pages' markup is the same
// code's in both; the WCAG check is made in the pass on SQLite (it is a
// third of the suite's time).
export const AXE_ON = process.env.LEERGANG_E2E_AXE !== '0';

export async function accessible(page, name) {
  if (SHOOT) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  assert.equal(await page.locator('iframe, frame').count(), 0, `${name}: a page of leergang has no frames`);
  if (!AXE_ON) return;
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE);
  const res = await page.evaluate((tags) => window.axe.run(document, {
    runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'],
  }), WCAG);
  const msg = res.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
  assert.deepEqual(msg, [], `${name}: WCAG 2.1 AA violations`);
}

// Logs in through the form (Dutch or English labels) and waits for the home page.
export async function login(page, base, email) {
  await page.goto(base + '/login');
  await page.getByLabel(/E-mailadres|E-mail address/).fill(email);
  await page.getByLabel(/^(Wachtwoord|Password)$/).fill(PASSWORD);
  await page.getByRole('button', { name: /Inloggen|Log in/ }).click();
  await page.waitForURL(base + '/');
}

// Clicks a submit button and waits for the answer's page; `done` is the
// status the redirect must carry (so a refused form fails here, with the
// page's alert in the message, not later).
export async function submit(button, done) {
  const page = button.page();
  await Promise.all([page.waitForNavigation(), button.click()]);
  const alert = await page.locator('[role=alert]').allTextContents();
  assert.match(page.url(), done, `after submitting: ${page.url()} ${alert.join(' ')}`);
}

// Clicks a link or button that answers with an attachment and saves it
// under dir; returns { path, name } (name: the server's file name).
export async function download(link, dir) {
  const [dl] = await Promise.all([link.page().waitForEvent('download'), link.click()]);
  const failure = await dl.failure();
  assert.equal(failure, null, `download failed: ${failure}`);
  const name = dl.suggestedFilename();
  const path = `${dir}/${name}`;
  await dl.saveAs(path);
  return { path, name };
}

// Clicks a submit button whose form must be refused: waits for the answer's
// page and returns the text of its alert (failing when there is none).
export async function refused(button) {
  const page = button.page();
  await Promise.all([page.waitForNavigation(), button.click()]);
  const alert = page.getByRole('alert');
  assert.equal(await alert.count(), 1, `after submitting: ${page.url()} shows no alert`);
  return alert.innerText();
}

// ---- pages without JavaScript, used with the keyboard alone ----

// A page in a context of its own with JavaScript off; close it with
// page.context().close().
export async function newPageNoJs(browser, locale = 'nl-NL') {
  const ctx = await browser.newContext({ locale, viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
  return ctx.newPage();
}

// axe on a page of a context without JavaScript: axe-core cannot run
// there (it hangs), so the same address is opened in a page with
// JavaScript and the same cookies (the same browser: a respondent's saved
// answers open only there), which must read the same, and checked there.
// The page has no inline script, and its own scripts (/static/*.js, which
// only enhance it) are not loaded in the twin, so it is the same page.
export async function accessibleNoJs(page, name) {
  assert.equal(await page.locator('script:not([src^="/static/"])').count(), 0, `${name}: the page has no script of its own`);
  const twin = await newPage(page.context().browser(), await page.evaluate(() => navigator.language).catch(() => 'nl-NL'));
  try {
    await twin.route('**/static/*.js', (route) => route.abort());
    await twin.context().addCookies(await page.context().cookies());
    await twin.goto(page.url());
    assert.equal(await twin.locator('main').innerText(), await page.locator('main').innerText(), `${name}: the same page`);
    await accessible(twin, name);
  } finally {
    await twin.context().close();
  }
}

// What has the focus: "radio:i12:3", "textarea:i21", "button:Inleveren", "a:English".
export const focused = (page) => page.evaluate(() => {
  const e = document.activeElement;
  if (!e || e === document.body) return 'body';
  const tag = e.tagName.toLowerCase();
  if (tag === 'input') return `${e.type}:${e.name}:${e.value}`;
  if (tag === 'textarea') return `textarea:${e.name}`;
  return `${tag}:${e.innerText.trim()}`;
});

// Tab until the focus is on what `want` matches (at most `max` presses);
// returns what had the focus on the way, in order.
export async function tabTo(page, want, max = 40) {
  const seen = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    seen.push(f);
    if (want.test(f)) return seen;
  }
  assert.fail(`Tab never reached ${want}: ${seen.join(' → ')}`);
}

// Tabs to the scale question whose radio buttons are named `name`, not
// answered yet (Tab lands on its point 1), and chooses `point` with the
// keyboard: Space on point 1, the arrow keys to the others. At most `max`
// Tab presses; returns what had the focus on the way.
export async function chooseWithKeyboard(page, name, point, max = 40) {
  const seen = await tabTo(page, new RegExp(`^radio:${name}:`), max);
  assert.equal(await focused(page), `radio:${name}:1`, `${name}: Tab lands on point 1`);
  assert.equal(await page.locator(`input[name="${name}"]:checked`).count(), 0, `${name}: nothing chosen yet`);
  if (point === 1) await page.keyboard.press('Space');
  for (let k = 1; k < point; k++) await page.keyboard.press('ArrowRight');
  assert.equal(await focused(page), `radio:${name}:${point}`, `${name}: the arrows move the focus`);
  assert.equal(await page.locator(`input[name="${name}"]:checked`).getAttribute('value'), String(point),
    `${name}: point ${point} chosen with the keyboard`);
  return seen;
}

// Fills in a questionnaire that was just opened, with the keyboard alone,
// from the top: each scale question in page order gets its point of
// `points` (one Tab from the question before), each open question the text
// of `texts` at its position (or is passed), then Enter on "Inleveren"
// (`hand` names the button). Waits for the thank-you page.
export async function answerWithKeyboard(page, points, texts = [], hand = /^button:(Inleveren|Hand in)$/) {
  const names = await page.locator('fieldset.question').evaluateAll((fs) => fs.map((f) => f.querySelector('input').name));
  assert.equal(names.length, points.length, 'a point for every scale question');
  for (let k = 0; k < names.length; k++) await chooseWithKeyboard(page, names[k], points[k], k ? 1 : 40);
  const open = await page.locator('textarea').evaluateAll((ts) => ts.map((t) => t.name));
  for (let k = 0; k < open.length; k++) {
    await tabTo(page, new RegExp(`^textarea:${open[k]}$`), 1);
    if (texts[k]) await page.keyboard.type(texts[k]);
  }
  await tabTo(page, hand, 2);
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  // questions left open: the page lists them and asks first; answers are
  // never forced, so the respondent hands in as it is, with the keyboard
  if (await page.locator('#unanswered').count()) {
    await tabTo(page, /^button:(Toch inleveren|Hand in anyway)$/);
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  }
  const alert = await page.locator('[role=alert]').allTextContents();
  assert.match(page.url(), /done=handed-in/, `after handing in: ${alert.join(' ')}`);
}
