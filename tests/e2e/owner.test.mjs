// The owner (opdrachtgever) in a browser, in Dutch: from the start page to
// the outcomes of the finished LiVe! run, its accounting page with the
// final evaluation's figures, and its PDF. axe-core on each page; the
// accounting page as build/check/owner-accounting.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, demoEmail } from '../lib/server.mjs';
import { launch, newPage as open, accessible, login as loginAt, download } from '../lib/browser.mjs';

let srv, browser, work;

before(async () => {
  srv = await startServer({ names: 'ordinary' });
  browser = await launch();
  work = mkdtempSync(join(tmpdir(), 'leergang-owner-'));
  mkdirSync('build/check', { recursive: true });
});
after(async () => {
  await browser?.close();
  await srv?.stop();
  rmSync(work, { recursive: true, force: true });
});

test('the owner reaches the outcomes of the programme from the start page and downloads the PDF', async () => {
  const page = await open(browser);
  await loginAt(page, srv.base, demoEmail('owner'));
  await page.goto(srv.base + '/');
  await accessible(page, 'owner-start');
  await page.getByRole('link', { name: 'Uitkomsten van LiVe! Westerschelde 2025' }).click();
  await page.waitForURL(/\/programmes\/\d+\/accounting$/);
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Verantwoording van LiVe! Westerschelde 2025');
  const cell = (label) => page.locator('tr', { has: page.getByRole('rowheader', { name: label, exact: true }) }).first()
    .locator('td').first().textContent();
  assert.equal(await cell('Aangemeld'), '117');
  assert.equal(await cell('Gestopt'), '12');
  assert.equal(await cell('Beantwoord'), '84');
  assert.equal(await cell('Niet beantwoord'), '21');
  await accessible(page, 'owner-accounting');
  await page.screenshot({ path: 'build/check/owner-accounting.png', fullPage: true });
  const { path } = await download(page.getByRole('link', { name: 'Download deze verantwoording als PDF' }), work);
  assert.equal(readFileSync(path).subarray(0, 5).toString(), '%PDF-');
  await page.close();
});
