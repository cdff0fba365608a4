// A session with a case in a real browser, in Dutch, checked with axe-core
// on every page: the municipality's facilitator opens the group's sessions
// from the group page, starts an action-learning session with a member's
// case, draws the roles at random and walks a step on and back; a member
// answers on their own page with JavaScript off; the projector view; the
// coach sees counts only and the methods page. Then must-show 1 of issue
// 17 end to end: a session walked through all nine steps with three
// members answering on their own pages (one without JavaScript), roles at
// random, an action made for a member; the owner finds it on the start
// page and in the calendar feed; the group's next session opens with it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, demoEmail, cli, PASSWORD } from '../lib/server.mjs';
import { launch, newPage, newPageNoJs, accessible, accessibleNoJs, login, submit } from '../lib/browser.mjs';
import { sqlRows } from '../lib/db.mjs';

let srv, browser, sessionUrl, groupSessionsUrl;
before(async () => {
  srv = await startServer();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await srv?.stop();
});

test('the facilitator starts a session and walks it; roles drawn at random', async () => {
  const page = await newPage(browser);
  await login(page, srv.base, demoEmail('facilitator', 'gemeente'));
  await page.goto(srv.base + '/groups');
  await page.getByRole('link', { name: 'Groep 1' }).first().click();
  await page.getByRole('link', { name: 'Sessies met een casus' }).click();
  groupSessionsUrl = page.url();
  await accessible(page, 'sessions-group');
  await page.getByLabel('Methode').selectOption('actieleren');
  await page.getByLabel('Casusinbrenger').selectOption({ index: 1 });
  await page.getByLabel('Titel van de casus').fill('Casus uit de browser');
  await page.getByLabel('Vraag').fill('Hoe krijg ik de partners aan tafel?');
  await submit(page.getByRole('button', { name: 'Sessie beginnen' }), /\/sessions\/\d+$/);
  sessionUrl = page.url();
  assert.match(await page.locator('#step').innerText(), /Stap 1 van 9: Casus inbrengen/);
  await accessible(page, 'session-leader');
  await submit(page.getByRole('button', { name: 'Willekeurig kiezen' }), /\/sessions\/\d+#roles$/);
  assert.match(await page.locator('main').innerText(), /Rollen: .*\(samenvatter\)/);
  await submit(page.getByRole('button', { name: 'Volgende stap' }), /#step$/);
  assert.match(await page.locator('#step').innerText(), /Stap 2 van 9: Reflectievraag/);
  await submit(page.getByRole('button', { name: 'Stap terug' }), /#step$/);
  assert.match(await page.locator('#step').innerText(), /Stap 1 van 9/);
  await page.goto(sessionUrl + '/projector');
  await accessible(page, 'session-projector');
  await page.context().close();
});

test('with JavaScript the projector follows the leader, the time of the step counts down, and a member typing keeps their words', async () => {
  const page = await newPage(browser);
  await login(page, srv.base, demoEmail('facilitator', 'gemeente'));
  const room = await page.context().newPage();
  await room.goto(sessionUrl + '/projector');
  await room.locator('#step-clock').filter({ hasText: /^nog \d+:\d\d$/ }).waitFor({ timeout: 5000 });
  const member = await newPage(browser);
  await login(member, srv.base, demoEmail('participant', 'gemeente'));
  await member.goto(sessionUrl);
  await member.getByLabel('Uw antwoord').fill('Half geschreven');
  await page.goto(sessionUrl);
  await submit(page.getByRole('button', { name: 'Volgende stap' }), /#step$/);
  // within a few seconds the room shows the new step by itself
  await room.locator('#step h2').filter({ hasText: 'Stap 2 van 9' }).waitFor({ timeout: 15000 });
  // the member's page is not taken from under them: a notice, their words kept
  await member.locator('#session-changed').waitFor({ state: 'visible', timeout: 15000 });
  assert.equal(await member.getByLabel('Uw antwoord').inputValue(), 'Half geschreven');
  assert.match(await member.locator('#step h2').innerText(), /Stap 1 van 9/);
  await accessible(member, 'session-member-changed');
  // back to step 1 for the tests after this one: the form's own request,
  // sent without a navigation, since the leader's page reloads itself
  // whenever the session changes and a click could race that reload
  const csrf = await page.locator('form.steps input[name=csrf]').getAttribute('value');
  const back = await page.request.post(`${sessionUrl.replace(/#.*$/, '')}/step`, { form: { csrf, to: '1' }, maxRedirects: 0 });
  assert.equal(back.status(), 303);
  assert.equal(sqlRows(srv.db, `SELECT step FROM case_session WHERE id = ${Number(sessionUrl.match(/\/sessions\/(\d+)/)[1])}`)[0].step, 1);
  await member.context().close();
  await page.context().close();
});

test('a member answers on their own page without JavaScript', async () => {
  const page = await newPageNoJs(browser);
  await login(page, srv.base, 'deelnemer3@gemeente.example');
  await page.goto(sessionUrl);
  await accessibleNoJs(page, 'session-member-nojs');
  await page.getByLabel('Uw antwoord').fill('Eerst de huisarts bellen');
  await submit(page.getByRole('button', { name: 'Antwoord versturen' }), /#answer$/);
  assert.match(await page.locator('main').innerText(), /Eerst de huisarts bellen/);
  await page.context().close();
});

test('the coach sees counts only, and the methods page', async () => {
  const page = await newPage(browser);
  await login(page, srv.base, demoEmail('coach', 'gemeente'));
  await page.goto(groupSessionsUrl);
  const text = await page.locator('main').innerText();
  assert.match(text, /Gehouden sessies\s*[1-9]/);
  assert.doesNotMatch(text, /Casus uit de browser/);
  await accessible(page, 'sessions-group-coach');
  await page.goto(srv.base + '/methods');
  await accessible(page, 'methods');
  assert.match(await page.locator('main').innerText(), /De teamleden vinden antwoorden in één minuut\./);
  // a method of the organisation's own, made from the incident method
  await page.getByLabel('Uitgaan van').selectOption({ label: 'Intervisie: incidentmethode' });
  await page.locator('#own ~ form').getByLabel('Naam', { exact: true }).fill('Incident kort');
  await submit(page.getByRole('button', { name: 'Methode maken' }), /done=method-copied#incident-kort$/);
  assert.match(await page.locator('main').innerText(), /De eigen methode is gemaakt/);
  await accessible(page, 'methods-own');
  await page.context().close();
});

// ---- must-show 1: nine steps, three members, an action, the next session ----

const THIRD = 'derde.lid@gemeente.example';
const ACTION = 'Voor de volgende sessie de wijkagent en de huisarts samen uitnodigen';

// A third member of Groep 1 with an account, as the administrator would add one.
function addThirdMember() {
  const file = join(srv.dir, 'derde.csv');
  writeFileSync(file, `personeelsnummer;naam;e-mail;afdeling\r\nE2E4;Derde Lid;${THIRD};\r\n`);
  cli(srv.db, ['import', 'people', '--org', 'gemeente-demo', file]);
  cli(srv.db, ['user', 'invite', '--email', THIRD, '--person', 'E2E4', '--role', 'participant', '--org', 'gemeente-demo']);
  cli(srv.db, ['user', 'passwd', '--email', THIRD], PASSWORD + '\n');
  const [g] = sqlRows(srv.db,
    "SELECT g.id FROM learning_group g JOIN organisation o ON o.id = g.organisation_id WHERE o.slug = 'gemeente-demo' AND g.name = 'Groep 1'");
  cli(srv.db, ['enrol', '--org', 'gemeente-demo', '--group', String(g.id), 'E2E4']);
}

async function answerAs(email, url, text, js) {
  const page = js ? await newPage(browser) : await newPageNoJs(browser);
  await login(page, srv.base, email);
  await page.goto(url);
  if (js) await accessible(page, `actions-member-${email.split('@')[0]}`);
  else await accessibleNoJs(page, 'actions-member-nojs');
  await page.getByLabel('Uw antwoord').fill(text);
  await submit(page.getByRole('button', { name: 'Antwoord versturen' }), /#answer$/);
  await page.context().close();
}

test('must-show 1: nine steps, three members answer, an action; the owner sees it; the next session opens with it', async () => {
  addThirdMember();
  const lead = await newPage(browser);
  await login(lead, srv.base, demoEmail('facilitator', 'gemeente'));
  await lead.goto(groupSessionsUrl);
  await lead.getByLabel('Methode').selectOption('actieleren');
  await lead.getByLabel('Casusinbrenger').selectOption({ index: 1 });
  await lead.getByLabel('Titel van de casus').fill('Casus met acties');
  await lead.getByLabel('Vraag').fill('Hoe houd ik de partners betrokken?');
  await submit(lead.getByRole('button', { name: 'Sessie beginnen' }), /\/sessions\/\d+$/);
  const url = lead.url();
  await submit(lead.getByRole('button', { name: 'Willekeurig kiezen' }), /#roles$/);
  assert.match(await lead.locator('main').innerText(), /Rollen: .*\(samenvatter\)/);
  await submit(lead.getByRole('button', { name: 'Volgende stap' }), /#step$/);
  await submit(lead.getByRole('button', { name: 'Volgende stap' }), /#step$/);
  assert.match(await lead.locator('#step').innerText(), /Stap 3 van 9/);
  // three members on their own pages, one of them without JavaScript; the
  // leader's page meanwhile on the group (the session page reloads itself
  // when an answer comes in, which would abort the test's own navigation)
  await lead.goto(groupSessionsUrl);
  await answerAs(demoEmail('participant', 'gemeente'), url, 'Samen een agenda maken', true);
  await answerAs('deelnemer3@gemeente.example', url, 'Elke maand kort bellen', false);
  await answerAs(THIRD, url, 'Een gezamenlijk doel kiezen', true);
  await lead.goto(url);
  const answers = await lead.locator('#answers + ul').innerText();
  for (const a of ['Samen een agenda maken', 'Elke maand kort bellen', 'Een gezamenlijk doel kiezen']) assert.match(answers, new RegExp(a));
  await submit(lead.getByRole('button', { name: 'Idee selecteren' }).first(), /#answers$/);
  for (let n = 4; n <= 9; n++) {
    await submit(lead.getByRole('button', { name: 'Volgende stap' }), /#step$/);
    assert.match(await lead.locator('#step').innerText(), new RegExp(`Stap ${n} van 9`));
  }
  assert.equal(await lead.getByRole('button', { name: 'Volgende stap' }).count(), 0, 'step 9 is the last');
  await lead.getByLabel('Samenvatting', { exact: true }).fill('De partners willen wel, maar weten niet wanneer.');
  await lead.getByLabel('Het aangescherpte idee').fill('Een vaste maandelijkse belronde.');
  await submit(lead.locator('#outcome + form').getByRole('button', { name: 'Opslaan' }), /#outcome$/);
  // the action, for the third member, due in a week
  const due = new Date(Date.now() + 7 * 86400e3).toISOString().slice(0, 10);
  await lead.getByLabel('Actie', { exact: true }).fill(ACTION);
  await lead.getByLabel('Eigenaar').selectOption({ label: 'Derde Lid' });
  await lead.getByLabel('Einddatum', { exact: true }).fill(due);
  await submit(lead.getByRole('button', { name: 'Actie toevoegen' }), /#actions$/);
  assert.match(await lead.locator('#actions').innerText(), new RegExp(ACTION));
  await accessible(lead, 'actions-session-step9');

  // the owner: the start page and the calendar feed
  const owner = await newPage(browser);
  await login(owner, srv.base, THIRD);
  const mine = await owner.locator('#actions + ul').innerText();
  assert.match(mine, new RegExp(ACTION));
  assert.equal(await owner.locator('#actions + ul a[href^="/sessions/"]').count(), 1, 'a link to the session');
  await accessible(owner, 'actions-home-owner');
  await owner.goto(srv.base + '/calendar');
  await submit(owner.getByRole('button', { name: 'Link maken' }), /\/calendar$/);
  await accessible(owner, 'actions-calendar');
  const feed = await (await owner.request.get(await owner.getByLabel('Agendalink').inputValue())).text();
  assert.match(feed, new RegExp(`DTSTART;VALUE=DATE:${due.replaceAll('-', '')}`));
  assert.match(feed, /SUMMARY:Actie: Voor de volgende sessie/);
  await owner.context().close();

  // the group's next session opens with it
  await lead.goto(groupSessionsUrl);
  await lead.getByLabel('Methode').selectOption('actieleren');
  await lead.getByLabel('Titel van de casus').fill('Volgende casus');
  await submit(lead.getByRole('button', { name: 'Sessie beginnen' }), /\/sessions\/\d+$/);
  const review = lead.locator('#review');
  assert.match(await review.innerText(), /Wat is ervan geworden/);
  assert.match(await review.innerText(), new RegExp(ACTION));
  await accessible(lead, 'actions-next-session-review');
  // the demo's own open actions of this group are reviewed here too; ours is marked done
  await submit(review.locator('li', { hasText: ACTION }).getByRole('button', { name: 'Klaar' }), /#review$/);
  assert.doesNotMatch(await lead.locator('main').innerText(), new RegExp(`Wat is ervan geworden[\\s\\S]*${ACTION}`),
    'reviewed: no longer among what is to be reviewed');
  await lead.context().close();
});

test('peer groups in the browser: the coordinator\'s overview, a circle and the presentations; a team leader starts an intervision session', async () => {
  const coach = await newPage(browser);
  await login(coach, srv.base, demoEmail('coach', 'gemeente'));
  await coach.getByRole('link', { name: 'Intervisie en teams' }).click();
  assert.match(await coach.locator('main').innerText(), /nj 2026[\s\S]*LC1[\s\S]*Intervisie teamleiders/);
  await accessible(coach, 'peer-groups');
  await coach.getByRole('link', { name: 'LC1' }).click();
  assert.match(await coach.locator('main').innerText(), /Gehouden sessies\s*1/);
  assert.doesNotMatch(await coach.locator('main').innerText(), /Nee zeggen tegen de wethouder/, 'counts only for the coordinator');
  await accessible(coach, 'peer-group-circle-coordinator');
  await coach.goto(srv.base + '/presentations');
  assert.match(await coach.locator('main').innerText(), /Pecha kucha van Leercirkel 1/);
  await accessible(coach, 'presentations');
  await coach.context().close();
  // the demo manager, a team leader without a facilitator role, starts and leads a session
  const lead = await newPage(browser);
  await login(lead, srv.base, demoEmail('manager', 'gemeente'));
  await lead.getByRole('link', { name: 'Intervisie en teams' }).click();
  await lead.getByRole('link', { name: 'Intervisie teamleiders' }).click();
  await accessible(lead, 'peer-group-member');
  await lead.getByLabel('Casusinbrenger').selectOption({ index: 1 });
  await lead.getByLabel('Titel van de casus').fill('Een team dat niet meer meldt');
  await submit(lead.getByRole('button', { name: 'Sessie beginnen' }), /\/sessions\/\d+$/);
  assert.match(await lead.locator('#step').innerText(), /Stap 1 van 6/);
  assert.equal(await lead.getByRole('button', { name: 'Volgende stap' }).count(), 1, 'the member who started it leads it');
  await accessible(lead, 'peer-session-leader');
  await lead.context().close();
});
