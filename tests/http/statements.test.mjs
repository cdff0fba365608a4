// The privacy and accessibility statements (issue 15): public, linked from
// the foot of every page and from the sign-in page; the privacy statement's
// thresholds and periods are the ones the code applies (read here from the
// sources, so a number written into the page by hand fails), with the
// reader's organisation when signed in.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startServer, Client, demoEmail, cli } from '../lib/server.mjs';

let srv;
before(async () => { srv = await startServer(); });
after(async () => { await srv.stop(); });

const source = (file) => readFileSync(new URL(`../../src/${file}`, import.meta.url), 'utf8');
const define = (file, name) => {
  const m = source(file).match(new RegExp(`#define ${name} (.+)`));
  assert.ok(m, `${name} in ${file}`);
  // the plain products the headers use: (7 * 24 * 3600)
  return Function(`return ${m[1].replace(/\/\*.*$/, '').replace(/[A-Z_]+/g, (k) => define('domain/disclosure.h', k))}`)();
};

test('the privacy statement: public, with the thresholds and periods in force', async () => {
  const r = await new Client(srv.base).get('/privacy');
  assert.equal(r.status, 200);
  assert.match(r.text, /<h1>Privacyverklaring<\/h1>/);
  const min = define('domain/disclosure.h', 'DISCLOSURE_MIN');
  const raters = define('stats/three60.h', 'S360_MIN_RATERS');
  const orgs = define('domain/survey_compare.h', 'SURVEY_MIN_ORGS');
  assert.ok(r.text.includes(`groep van minstens ${min} mensen die antwoordden`));
  assert.ok(r.text.includes(`minder dan ${raters} mensen`));
  assert.ok(r.text.includes(`minstens ${orgs} organisaties`));
  const hours = define('domain/account.h', 'SESSION_SECONDS') / 3600;
  assert.ok(r.text.includes(`hoogstens ${hours} uur ingelogd`));
  assert.ok(r.text.includes(`werkt ${define('domain/invitation.h', 'INVITE_SECONDS') / 86400} dagen`));
  assert.ok(r.text.includes(`werkt ${define('domain/password_reset.h', 'RESET_SECONDS') / 3600} uur`));
  assert.ok(r.text.includes(`werkt ${define('domain/api_token.h', 'API_TOKEN_DAYS')} dagen`));
  // who reads what, by kind, as the privacy rules say
  for (const kind of ['Uw account', 'Logboek', 'Verslagen van bijeenkomsten', 'anoniem', 'op naam', 'Auditlog'])
    assert.match(r.text, new RegExp(kind));
  assert.match(r.text, /De opdrachtgever en de beheerder lezen ze nooit/);
  assert.match(r.text, /leest mee zonder namen/);
  // research: a copy with consent only, and who could undo the pseudonyms
  assert.match(r.text, /Teksten in onderzoeksprojecten<\/th><td>Alleen als u[^<]*ermee instemde: een kopie/);
  assert.match(r.text, /wie de database heeft kan ze herleiden, wie een export heeft niet/);
  assert.match(r.text, /vraag het de beheerder|Vraag het de beheerder/i);
  assert.match(r.text, /Log in om hier de naam van uw organisatie te zien/);
});

test('signed in: the organisation by name, and whether it shares in the benchmark', async () => {
  const c = new Client(srv.base);
  await c.login(demoEmail('participant'));
  let r = await c.get('/privacy');
  const name = JSON.parse(cli(srv.db, ['org', 'list', '--format', 'json'])).find((o) => o.slug === 'politie-demo').name;
  assert.ok(r.text.includes(`${name} is verantwoordelijk voor uw gegevens`));
  assert.ok(r.text.includes(`de beheerder van leergang bij ${name}`));
  cli(srv.db, ['org', 'benchmark', 'politie-demo', 'off']);
  r = await c.get('/privacy');
  assert.ok(r.text.includes(`${name} doet niet mee aan de benchmark`));
  cli(srv.db, ['org', 'benchmark', 'politie-demo', 'on']);
  r = await c.get('/privacy');
  assert.ok(r.text.includes(`${name} doet mee aan de benchmark`));
  // the other organisation's reader sees their own
  const g = new Client(srv.base);
  await g.login(demoEmail('coach', 'gemeente'));
  assert.doesNotMatch((await g.get('/privacy')).text, new RegExp(name));
});

test('the accessibility statement: public, the model\'s parts', async () => {
  const r = await new Client(srv.base).get('/accessibility');
  assert.equal(r.status, 200);
  assert.match(r.text, /<h1>Toegankelijkheidsverklaring<\/h1>/);
  assert.match(r.text, /WCAG 2\.1/);
  assert.match(r.text, /EN 301 549/);
  assert.match(r.text, /voldoet gedeeltelijk/);
  assert.match(r.text, /axe-core/);
  assert.match(r.text, /<h2>Wat nog niet goed werkt<\/h2>/);
  assert.match(r.text, /pdf/i);
  assert.match(r.text, /<h2>Een probleem melden<\/h2>/);
  assert.match(r.text, /gemaakt op \d+ \S+ 20\d\d/);
});

test('both linked from the foot of every page and from the sign-in page', async () => {
  const anon = new Client(srv.base);
  const login = (await anon.get('/login')).text;
  assert.match(login, /<a href="\/privacy">Privacyverklaring: wat leergang over je bewaart/);
  const c = new Client(srv.base);
  await c.login(demoEmail('coach'));
  for (const path of ['/login', '/', '/programmes', '/bestaat-niet', '/privacy']) {
    const t = (path === '/login' ? await anon.get(path) : await c.get(path)).text;
    const foot = t.slice(t.indexOf('<footer>'));
    assert.match(foot, /<a href="\/privacy">Privacyverklaring<\/a>/, `${path}: privacy in the foot`);
    assert.match(foot, /<a href="\/accessibility">Toegankelijkheidsverklaring<\/a>/, `${path}: accessibility in the foot`);
  }
});
