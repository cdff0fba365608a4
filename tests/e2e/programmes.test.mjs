// The coordinator's journey in a real browser, in Dutch, with axe-core on
// every page: a LiVe! programme from the template, a batch and a group of
// 12 with mentor and facilitator, meetings 1-10 planned, three choices from
// the menu card and two free choices, a third free choice refused with the
// rule; the facilitator records attendance; a participant subscribes to
// their calendar. Screenshots in build/e2e/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, demoEmail } from '../lib/server.mjs';
import { launch, newPage as open, accessible, login as loginAt } from '../lib/browser.mjs';

let srv, browser;

before(async () => {
  srv = await startServer();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await srv?.stop();
});

const newPage = (locale) => open(browser, locale);
const login = (page, email) => loginAt(page, srv.base, email);

let groupUrl;

// Clicks a submit button and waits for the answer's page; `done` is the
// status the redirect must carry (so a refused form fails here, not later).
async function submit(button, done) {
  const page = button.page();
  await Promise.all([page.waitForNavigation(), button.click()]);
  const alert = await page.locator('[role=alert]').allTextContents();
  assert.match(page.url(), done, `after submitting: ${page.url()} ${alert.join(' ')}`);
}

test('the coordinator designs, staffs and plans a LiVe! group; the menu card keeps its rules', async () => {
  const page = await newPage();
  await login(page, demoEmail('coach'));
  await accessible(page, 'home-coach');
  await page.getByRole('navigation').getByRole('link', { name: "Programma's", exact: true }).click();
  await accessible(page, 'programmes');
  // the demo programme's selection of facilitators, and the frameworks
  await page.getByRole('link', { name: 'LiVe! Westerschelde', exact: true }).click();
  await accessible(page, 'programme-demo');
  await page.getByRole('link', { name: /Leergroepbegeleiders selecteren/ }).click();
  await accessible(page, 'selection');
  await page.goto(srv.base + '/frameworks');
  await accessible(page, 'frameworks');
  await page.getByRole('link', { name: /VLOW/ }).click();
  await accessible(page, 'framework-vlow');
  await page.locator('a[href*="/elements/"]').first().click();
  await accessible(page, 'framework-element');
  // the finished programme's impact map, read and changed, and the export page
  await page.goto(srv.base + '/programmes');
  await page.getByRole('link', { name: 'LiVe! Westerschelde 2025', exact: true }).click();
  await page.getByRole('link', { name: 'Impactmap', exact: true }).click();
  await accessible(page, 'impact-map');
  await page.getByRole('link', { name: 'Impactmap wijzigen', exact: true }).click();
  await accessible(page, 'impact-map-edit');
  await page.getByRole('navigation').getByRole('link', { name: 'Exports', exact: true }).click();
  await accessible(page, 'exports');
  await page.goto(srv.base + '/programmes');

  // the demo programme's first group: its mentor, facilitator and the demo participant
  const demo = await (await page.request.get(srv.base + '/api/v1/programmes')).json();
  const live = demo.programmes.find((p) => p.template === 'live');
  const detail = await (await page.request.get(`${srv.base}/api/v1/programmes/${live.id}`)).json();
  const g1 = detail.batches[0].groups[0];
  const g1detail = await (await page.request.get(`${srv.base}/api/v1/groups/${g1.id}`)).json();
  const participant = g1detail.participants.find((p) => p.name === 'Jan <script>alert(1)</script>').person_id;

  await page.getByLabel('Sjabloon').selectOption('live');
  await page.getByLabel(/^Naam$/).fill('LiVe! Proef');
  await page.getByRole('button', { name: /Programma maken/ }).click();
  await page.waitForURL(/\/programmes\/\d+/);
  assert.equal(await page.locator('h1').textContent(), 'LiVe! Proef');
  await accessible(page, 'programme');
  // the script of meeting 1 and the menu card, as the coach edits them
  const programmeUrl = page.url();
  await page.locator('a[href*="/design/"]').first().click();
  await accessible(page, 'design-meeting');
  await page.getByLabel(/^Titel$/).last().fill('Eigen opening');
  await page.getByLabel(/^Minuten$/).last().fill('veel');
  await page.getByRole('button', { name: /Onderdeel toevoegen/ }).click();
  assert.ok(await page.getByRole('alert').isVisible());
  await accessible(page, 'design-part-error');
  await page.goto(programmeUrl);
  await page.getByRole('link', { name: /De menukaart aanpassen/ }).click();
  await accessible(page, 'design-menu');
  await page.goto(programmeUrl);
  // the design is read on the programme's page and changed on a page of its own
  assert.equal(await page.locator(`form[action="/programmes/${programmeUrl.match(/programmes\/(\d+)/)[1]}"]`).count(), 0,
    'no design form on the programme page');
  await page.getByRole('link', { name: 'Ontwerp wijzigen' }).click();
  await page.waitForURL(/\/edit$/);
  await accessible(page, 'programme-design-edit');
  // a bad design: refused with a message per field, nothing saved
  await page.getByLabel(/Kleinste groep/).fill('20');
  await page.getByLabel(/Grootste groep/).fill('8');
  await page.getByRole('button', { name: /Ontwerp opslaan/ }).click();
  assert.ok(await page.getByRole('alert').isVisible());
  await accessible(page, 'programme-design-error');
  await page.getByLabel(/Kleinste groep/).fill('10');
  await page.getByLabel(/Grootste groep/).fill('14');
  await page.getByRole('button', { name: /Ontwerp opslaan/ }).click();
  await page.waitForURL(/done=programme-updated/);
  assert.match(await page.locator('#design ~ dl').first().textContent(), /Groepen van 10 tot 14 deelnemers/);
  await page.getByRole('button', { name: /Lichting toevoegen/ }).click();
  await page.getByLabel(/Nieuwe leergroep in Lichting 1/).fill('Leergroep Proef');
  await page.getByRole('button', { name: /Leergroep toevoegen/ }).click();
  await page.waitForURL(/\/groups\/\d+/);
  groupUrl = page.url().replace(/\?.*$/, '');
  await accessible(page, 'group-new');

  // mentor and facilitator, found by searching, then 12 participants
  const search = async (q) => {
    await page.locator('#f-q').fill(q);
    await page.getByRole('button', { name: /^Zoeken$/ }).click();
    await page.waitForURL(/\?q=/);
  };
  await search(g1detail.mentor);
  await page.getByLabel(/^Mentor$/).selectOption(String(g1.mentor_id));
  await submit(page.getByRole('button', { name: /^Opslaan$/ }).first(), /done=staff-saved/);
  await search(g1detail.facilitator);
  await accessible(page, 'group-search');
  await page.getByLabel(/^Leergroepbegeleider$/).selectOption(String(g1.facilitator_id));
  await page.getByLabel(/^Het duo$/).selectOption('proposed');
  await submit(page.getByRole('button', { name: /^Opslaan$/ }).first(), /done=staff-saved/);
  const staff = await page.locator('dl').first().textContent();
  assert.ok(staff.includes(g1detail.mentor) && staff.includes(g1detail.facilitator), 'mentor and facilitator saved');
  await search('script');
  await page.locator('#f-people').selectOption(String(participant));
  await submit(page.getByRole('button', { name: /^Inschrijven$/ }), /done=enrolled/);
  const options = await page.locator('#f-people option').evaluateAll((os) => os.map((o) => o.value));
  await page.locator('#f-people').selectOption(options.slice(0, 11));
  await submit(page.getByRole('button', { name: /^Inschrijven$/ }), /done=enrolled/);
  assert.equal(await page.locator('#participants + table tbody tr').count(), 12);
  await accessible(page, 'group-enrolled');
  // three made active at once: tick, choose, save
  const boxes = page.locator('input[form="bulk-status"]');
  assert.equal(await boxes.count(), 12);
  for (let i = 0; i < 3; i++) await boxes.nth(i).check();
  await page.getByLabel(/^Nieuwe status$/).selectOption('active');
  await submit(page.getByRole('button', { name: /^Status wijzigen$/ }), /done=statuses-changed/);
  assert.equal(await page.locator('#participants + table tbody td', { hasText: /^actief$/ }).count(), 3);

  // meetings 1-10; meeting 1 lasts two days
  for (let n = 1; n <= 10; n++) {
    await page.locator('#f-number').selectOption(String(n));
    await page.getByLabel(/^Datum$/).fill(`2027-${String(2 + Math.floor(n / 4)).padStart(2, '0')}-${String(3 + (n % 4) * 7).padStart(2, '0')}`);
    await page.getByLabel(/^Begintijd$/).fill('09:00');
    await page.getByLabel(/^Eindtijd$/).fill('17:00');
    await page.getByLabel(/^Locatie$/).fill('Leergebouw');
    await submit(page.getByRole('button', { name: /^Plannen$/ }), /done=meeting-planned/);
  }
  await accessible(page, 'group-planned');

  // the menu meetings 6-10: three from the card, two free
  const meetings = await page.locator('a[href^="/meetings/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.equal(meetings.length, 10);
  for (let k = 0; k < 5; k++) {
    await page.goto(srv.base + meetings[5 + k]);
    const free = k >= 3;
    if (free) {
      await page.getByLabel(/^Onderwerp$/).selectOption('free');
      await page.getByLabel(/^Vrije keuze$/).fill(`Eigen onderwerp ${k - 2}`);
    } else {
      const values = await page.locator('#f-pick option').evaluateAll((os) => os.map((o) => o.value).filter((v) => v.startsWith('o:')));
      await page.getByLabel(/^Onderwerp$/).selectOption(values[k * 3]);
    }
    await page.getByLabel(/Onderbouwing/).fill('Dit sluit aan op de leervragen van de groep.');
    await page.locator('input[name="preparers"]').nth(k).check();
    await page.locator('input[name="preparers"]').nth(k + 1).check();
    await submit(page.getByRole('button', { name: /Keuze opslaan/ }), /done=choice-saved/);
    if (k === 0)
      await accessible(page, 'meeting-menu-choice');
  }
  // a third free choice: refused, the rule and the count named
  await page.goto(srv.base + meetings[5]);
  await page.getByLabel(/^Onderwerp$/).selectOption('free');
  await page.getByLabel(/^Vrije keuze$/).fill('Nog een vrije keuze');
  await page.getByRole('button', { name: /Keuze opslaan/ }).click();
  const alert = page.getByRole('alert');
  assert.match(await alert.textContent(), /De menukaart staat hoogstens 2 vrije keuzes toe; deze groep heeft er al 2 gemaakt/);
  await accessible(page, 'meeting-third-free-choice');
  await page.close();
});

test('the facilitator records attendance at meeting 1', async () => {
  const page = await newPage();
  await login(page, demoEmail('facilitator'));
  await page.getByRole('navigation').getByRole('link', { name: /Mijn leergroepen/ }).click();
  await accessible(page, 'my-groups-facilitator');
  await page.goto(groupUrl);
  await page.locator('a[href^="/meetings/"]').first().click();
  await accessible(page, 'meeting-facilitator');
  const fieldsets = page.locator('fieldset.attendance');
  const n = await fieldsets.count();
  assert.equal(n, 12);
  for (let i = 0; i < n; i++)
    await fieldsets.nth(i).getByLabel(i === 2 ? /afgemeld/ : /^aanwezig$/).check();
  await submit(page.getByRole('button', { name: /Aanwezigheid opslaan/ }), /done=attendance-saved/);
  await page.goto(groupUrl);
  await accessible(page, 'group-attendance');
  await page.close();
});

test('a participant subscribes to their calendar', async () => {
  const page = await newPage();
  await login(page, demoEmail('participant'));
  await page.getByRole('navigation').getByRole('link', { name: /Mijn leergroepen/ }).click();
  await accessible(page, 'my-groups-participant');
  await page.getByRole('link', { name: /eigen agenda/ }).click();
  await accessible(page, 'calendar');
  await page.getByRole('button', { name: /Link maken/ }).click();
  const url = await page.getByLabel(/Agendalink/).inputValue();
  assert.match(url, /\/calendar\.ics\?token=[0-9a-f]{64}$/);
  await accessible(page, 'calendar-link');
  const ics = await (await page.request.get(url)).text();
  assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
  assert.match(ics, /Leergroep Proef/);
  assert.match(ics, /Leergroep 1/);
  await page.close();
});

test('a participant keeps a logbook and shares an entry; the facilitator reads it', async () => {
  const page = await newPage();
  await login(page, demoEmail('participant'));
  await page.getByRole('navigation').getByRole('link', { name: /Mijn logboek/ }).click();
  await accessible(page, 'logbook');
  // nothing written: refused with a message
  await page.getByRole('button', { name: /Notitie opslaan/ }).click();
  assert.ok(await page.getByRole('alert').isVisible());
  await accessible(page, 'logbook-error');
  await page.getByLabel(/Waar kreeg u vandaag energie van/).fill('Een goed gesprek met de wijkagent.');
  await page.getByLabel(/Wat kostte u vandaag energie/).fill('Te veel vergaderingen.');
  await submit(page.getByRole('button', { name: /Notitie opslaan/ }), /done=logbook-saved/);
  await page.locator('a[href^="/logbook/"]').first().click();
  await accessible(page, 'logbook-entry');
  await page.getByLabel(/Wie deze notitie mag lezen/).selectOption('facilitator');
  await submit(page.getByRole('button', { name: /Delen opslaan/ }), /done=logbook-shared/);
  const entry = page.url().replace(/\?.*$/, '');
  await page.close();

  const f = await newPage();
  await login(f, demoEmail('facilitator'));
  await f.goto(entry);
  assert.match(await f.locator('main').textContent(), /Een goed gesprek met de wijkagent/);
  await accessible(f, 'logbook-shared-read');
  await f.close();
});

test('the participant revises their learning question; the facilitator records the intake', async () => {
  const page = await newPage();
  await login(page, demoEmail('participant'));
  await page.getByRole('navigation').getByRole('link', { name: /Mijn leergroepen/ }).click();
  await page.getByRole('link', { name: 'Leergroep 1', exact: true }).click();
  await page.getByLabel(/Uw leervraag bijstellen/).fill('Hoe houd ik het gesprek open als het spannend wordt?');
  await submit(page.getByRole('button', { name: /Leervraag opslaan/ }), /done=question-saved/);
  await accessible(page, 'group-participant-question');
  const group = page.url().replace(/\?.*$/, '');
  await page.getByRole('link', { name: /Mijn ontwikkelplan/ }).click();
  await page.locator('#g0-text').fill('Beter luisteren');
  await submit(page.getByRole('button', { name: /Doel toevoegen/ }), /done=plan-saved/);
  assert.match(await page.locator('main').textContent(), /Tips om het doel SMART te maken/);
  await accessible(page, 'plan');
  await page.goto(group);
  await page.getByRole('link', { name: /Uw intake en slotgesprek/ }).click();
  await accessible(page, 'intake-participant');
  await page.close();

  const f = await newPage();
  await login(f, demoEmail('facilitator'));
  await f.goto(group);
  await f.getByRole('link', { name: /Intake en leervraag van Jan/ }).click();
  assert.match(await f.locator('main').textContent(), /Hoe houd ik het gesprek open/);
  await accessible(f, 'intake');
  await f.getByLabel(/Verwachtingen van de deelnemer/).fill('Wil leren van collega\'s uit andere teams.');
  await submit(f.getByRole('button', { name: /Intake opslaan/ }), /done=intake-saved/);
  await f.close();
});

test('reverse mentoring: the pair marks its step', async () => {
  const page = await newPage();
  await login(page, demoEmail('participant'));
  await page.goto(srv.base + '/reverse-mentoring');
  assert.match(await page.locator('main').textContent(), /Stap 5 van 9/);
  await accessible(page, 'reverse-participant');
  await page.getByLabel(/De stap waar het duo is/).selectOption('6');
  await submit(page.getByRole('button', { name: /Stap opslaan/ }), /done=pair-saved/);
  await page.close();
  const c = await newPage();
  await login(c, demoEmail('coach'));
  await c.goto(srv.base + '/reverse-mentoring');
  await accessible(c, 'reverse-coach');
  await c.close();
});
