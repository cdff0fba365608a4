// The browser side of the end-to-end tests: the system Chromium through
// Playwright, pages in a locale, axe-core with the WCAG 2.1 A and AA rules
// (no violations allowed) and a screenshot of every page checked.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { PASSWORD } from './server.mjs';

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

export async function accessible(page, name) {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  const res = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
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
