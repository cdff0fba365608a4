// Pages stay as wide as the window whatever people type (issue 15, "Bugs the
// walk found"): a 5,000-character open answer without spaces once made the
// results page 38,000 px wide; 4,000 is the most a form now takes. Five participants of Leergroep 1 answer a new
// wave of the LiVe! evaluation, one of them with such an answer; the coach's
// results page, in the browser, must not scroll sideways.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, demoEmail, cli } from '../lib/server.mjs';
import { launch, newPage, accessible, login } from '../lib/browser.mjs';

let srv, browser, wave;
const LONG = 'Lang'.repeat(1000);  // 4,000 characters (the most an open answer holds), no space

before(async () => {
  srv = await startServer();
  browser = await launch();
  const coach = new Client(srv.base);
  await coach.login(demoEmail('coach'));
  const progs = (await coach.get('/api/v1/programmes')).json().programmes;
  const live = (await coach.get(`/api/v1/programmes/${progs.find((p) => p.name === 'LiVe! Westerschelde').id}`)).json();
  const g1 = live.batches[0].groups[0].id;
  const today = new Date().toISOString().slice(0, 10);
  wave = cli(srv.db, ['wave', 'add', '--org', 'politie-demo', '--instrument', 'live-final', '--population', `group:${g1}`,
    '--opens', today, '--closes', today, '--name', 'Lange antwoorden']).trim();
  const links = cli(srv.db, ['wave', 'links', '--wave', wave]).trim().split('\n').slice(1)
    .map((l) => new URL(l.split(',').pop()));
  assert.ok(links.length >= 5, 'five to answer');
  for (const [k, link] of links.slice(0, 5).entries()) {
    const c = new Client(srv.base);
    const form = (await c.get(link.pathname + link.search)).text;
    const radios = [...new Set([...form.matchAll(/type="radio" id="[^"]*" name="(i\d+)"/g)].map((m) => m[1]))];
    const open = [...form.matchAll(/<textarea id="f-(i\d+)"/g)].map((m) => m[1]);
    assert.ok(open.length > 0, 'the questionnaire has an open question');
    const r = await c.post('/respond', { token: link.searchParams.get('token'), action: 'submit', confirm_incomplete: '1',
      ...Object.fromEntries(radios.map((x, i) => [x, String(1 + ((k + i) % 5))])),
      [open[0]]: k === 0 ? LONG : `Kort antwoord ${k}` });
    assert.equal(r.status, 303, 'handed in');
  }
  cli(srv.db, ['wave', 'close', '--wave', wave]);
});
after(async () => {
  await browser?.close();
  await srv?.stop();
});

test('a 4,000-character open answer without spaces wraps: the results page is no wider than the window', async () => {
  for (const width of [1280, 375]) {
    const page = await newPage(browser, 'nl-NL');
    await page.setViewportSize({ width, height: 900 });
    await login(page, srv.base, demoEmail('coach'));
    await page.goto(`${srv.base}/waves/${wave}`);
    assert.ok(await page.locator('.open-answers li', { hasText: LONG.slice(0, 40) }).count() > 0, 'the long answer is on the page');
    const { scroll, client, wide } = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth,
      wide: [...document.querySelectorAll('main *')].filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .slice(0, 5).map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`) }));
    assert.ok(scroll <= client, `at ${width} px the page is ${scroll} px wide (window ${client} px): ${wide.join(', ')}`);
    await accessible(page, `wave-long-answer-${width}`);
    await page.context().close();
  }
});

// On a phone (375 px) the long pages fit the window: a table wider than
// the window scrolls inside itself, and a table keeps its semantics.
test('at 375 px the group, programme, people and audit pages are no wider than the window', async () => {
  const page = await newPage(browser, 'nl-NL');
  await page.setViewportSize({ width: 375, height: 800 });
  await login(page, srv.base, demoEmail('coach'));
  const progs = (await (await page.request.get(`${srv.base}/api/v1/programmes`)).json()).programmes;
  const live = progs.find((p) => p.name === 'LiVe! Westerschelde');
  const detail = await (await page.request.get(`${srv.base}/api/v1/programmes/${live.id}`)).json();
  for (const [name, path] of [['group', `/groups/${detail.batches[0].groups[0].id}`], ['programme', `/programmes/${live.id}`],
    ['people', '/people']]) {
    await page.goto(srv.base + path);
    const { scroll, client } = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    assert.ok(scroll <= client, `${name} at 375 px: the page is ${scroll} px wide (window ${client} px)`);
    assert.ok(await page.getByRole('table').count() > 0, `${name}: the tables are still tables`);
    await accessible(page, `phone-${name}`);
  }
  await page.context().close();
});

// Printed, a page keeps its content and drops what only works on screen.
test('printed, the results page shows the results without the menus, forms or buttons', async () => {
  const page = await newPage(browser, 'nl-NL');
  await login(page, srv.base, demoEmail('coach'));
  await page.goto(`${srv.base}/waves/${wave}`);
  for (const shown of ['header.top', 'nav', 'form', 'footer'])
    assert.ok(await page.locator(shown).first().isVisible(), `${shown} is on the screen`);
  await page.emulateMedia({ media: 'print' });
  for (const hidden of ['header.top', 'nav', 'form', 'footer'])
    assert.equal(await page.locator(hidden).first().isVisible(), false, `${hidden} is not printed`);
  assert.ok(await page.locator('main table').first().isVisible(), 'the tables are printed');
  assert.ok(await page.locator('main h1').isVisible());
  assert.ok(await page.locator('figure.chart').first().isVisible(), 'and the charts');
  await page.pdf({ path: 'build/e2e/wave-printed.pdf' });
  await page.context().close();
});
