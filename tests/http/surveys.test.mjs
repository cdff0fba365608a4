// Questionnaires in waves (SPEC C7; seed 000 §9.1): the demo's LiVe! final
// evaluation with its response accounting and item table, who may see it,
// the personal links as CSV for a mail merge, a new wave started through
// the form, answering through a link without an account (save, hand in,
// refused input), the threshold of 5 before results are shown, and what an
// anonymous wave keeps in the database (read directly, read
// only) against a wave that is not anonymous. Last the links of a closed
// wave and of one that is not open yet.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createHmac } from 'node:crypto';
import { startServer, Client, demoEmail } from '../lib/server.mjs';
import { PG, dialect, handedIn, sqlRows } from '../lib/db.mjs';
import { mainOf as main } from '../lib/html.mjs';

const DEMO_WAVE = 'Eindevaluatie LiVe! 2025';
const GROUP1 = 'LiVe! Westerschelde · Lichting 1 · Leergroep 1';
const GROUP2 = 'LiVe! Westerschelde · Lichting 1 · Leergroep 2';
const CODES = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'];
const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober',
  'november', 'december'];
const NOTE5 = 'Uitkomsten worden getoond vanaf 5 antwoorden';
const BAD_LINK = 'Deze link is niet (meer) geldig';

let srv;
const as = {};
let demoWave;             // the id of the demo's wave
let instrumentId;         // the built-in LiVe! final evaluation
let group1, group2;       // population values "group:N" of Leergroep 1 and 2 of the current programme
let today;                // the server's today (the form's default opening date)
let anonWave;             // the anonymous wave started in (c)

// ---- helpers ----

const sql = (q) => {
  return sqlRows(srv.db, q);
};
const one = (q) => Object.values(sql(q)[0])[0];
const addDays = (d, n) => new Date(Date.parse(d + 'T00:00:00Z') + n * 86400e3).toISOString().slice(0, 10);
const dutchDate = (d) => `${+d.slice(8)} ${MONTHS[+d.slice(5, 7) - 1]} ${+d.slice(0, 4)}`;
const decode = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'")
  .replace(/&amp;/g, '&');
const dutch1 = (x) => x.toFixed(1).replace('.', ',');

// The response accounting of a wave page: [[label, value], ...] in order.
function accounting(html) {
  const t = html.match(/<table class="accounting"[^>]*>([\s\S]*?)<\/table>/);
  assert.ok(t, 'the page has the response accounting');
  return [...t[1].matchAll(/<tr><th scope="row">([^<]*)<\/th><td>([^<]*)<\/td><\/tr>/g)].map((m) => [m[1], m[2]]);
}

// The item table: { code: { text, n, mean, sd, dist: [count of 1..5] } } and its caption.
function items(html) {
  const t = html.match(/<table class="items"[^>]*><caption>([^<]*)<\/caption>([\s\S]*?)<\/table>/);
  if (!t) return null;
  const rows = {};
  for (const m of t[2].matchAll(/<tr><th scope="row">(\w+)\) ([^<]*)<\/th><td>(\d+)<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td><\/tr>/g)) {
    const dist = [...m[6].matchAll(/(\d+): (\d+)/g)].map((d) => [+d[1], +d[2]]);
    rows[m[1]] = { text: m[2], n: +m[3], mean: m[4], sd: m[5], dist };
  }
  return { caption: t[1], rows };
}

// The open answers under the item table: { code: [texts] } (null: "Geen antwoorden.").
function openAnswers(html) {
  const out = {};
  for (const m of html.matchAll(/<h3>(open\d)\) [^<]*<\/h3>(?:<ul class="open-answers">([\s\S]*?)<\/ul>|<p>([^<]*)<\/p>)/g)) {
    // equal answers are listed once with "(n×)": counted back here
    out[m[1]] = m[2] ? [...m[2].matchAll(/<li>([\s\S]*?)(?: <span class="muted">\((\d+)×\)<\/span>)?<\/li>/g)]
      .flatMap((x) => Array(Number(x[2] || 1)).fill(decode(x[1]))) : null;
  }
  return out;
}

// A CSV as Dutch Excel reads it: ';', fields in double quotes doubled inside.
function parseCsv(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (ch === '"') quoted = false; else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ';') { row.push(field); field = ''; } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field); rows.push(row); row = []; field = ''; i++;
    } else if (ch === '\n') { row.push(field); rows.push(row); row = []; field = ''; } else field += ch;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

// links.csv of a wave as bytes (Response.text() would drop the BOM).
async function linksCsv(who, wave) {
  const res = await fetch(`${srv.base}/waves/${wave}/links.csv`, { headers: { cookie: as[who].cookieHeader() } });
  const body = Buffer.from(await res.arrayBuffer());
  return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), body };
}
async function links(wave) {
  const r = await linksCsv('coach', wave);
  assert.equal(r.status, 200);
  const [head, ...rows] = parseCsv(r.body.subarray(3).toString('utf8'));
  return { head, rows: rows.map(([name, email, link, responded]) => ({ name, email, link, responded, token: link.split('token=')[1] })) };
}

// The personal token of each invitation of a wave, computed as leergang does
// (HMAC-SHA256 of the invitation id under the wave's key): token -> invitation row.
function invitationsByToken(wave) {
  const key = Buffer.from(one(`SELECT ${dialect(srv.db).hex('link_key')} FROM wave WHERE id = ${wave}`), 'hex');
  const map = new Map();
  for (const inv of sql(`SELECT id, enrolment_status, responded FROM invitation WHERE wave_id = ${wave}`)) {
    map.set(createHmac('sha256', key).update(String(inv.id)).digest('hex'), inv);
  }
  return map;
}

// A respondent without an account: opens the link, reads the form.
async function respondent(token) {
  const c = new Client(srv.base);
  const page = await c.get(`/respond?token=${token}`);
  return { c, page };
}
// The form's fields by item code: { a: 'i12', ..., open1: 'i21' }. The page
// shows no item codes: the scale questions are LiVe!'s a-j in order.
function fields(html, codes = CODES) {
  const out = {};
  for (const [k, m] of [...html.matchAll(/<fieldset id="f-(i\d+)" class="question[^"]*"[^>]*><legend>\d+\. [^<]*<\/legend>/g)].entries())
    out[codes[k]] = m[1];
  // open questions are asked by their text alone: open1, open2, ... in order
  for (const [k, m] of [...html.matchAll(/<textarea id="f-(i\d+)"/g)].entries()) out[`open${k + 1}`] = m[1];
  return out;
}
// The form fields for answers { a: 4, open1: 'text' }.
const answerFields = (f, answers) => Object.fromEntries(Object.entries(answers).map(([code, v]) => [f[code], String(v)]));
const checked = (html, field) => (html.match(new RegExp(`name="${field}" value="(\\d+)" checked`)) || [])[1];
const textarea = (html, field) => decode((html.match(new RegExp(`<textarea id="f-${field}"[^>]*>([\\s\\S]*?)</textarea>`)) || [])[1] ?? '');

async function login(who, role, org = 'politie') {
  as[who] = new Client(srv.base);
  await as[who].login(demoEmail(role, org));
}

before(async () => {
  srv = await startServer();
  for (const role of ['coach', 'researcher', 'owner', 'facilitator', 'participant', 'mentor', 'administrator'])
    await login(role, role);
  await login('gemeente', 'coach', 'gemeente');
  const q = await as.coach.get('/questionnaires');
  assert.equal(q.status, 200);
  demoWave = +q.text.match(new RegExp(`<a href="/waves/(\\d+)">${DEMO_WAVE}</a>`))[1];
  instrumentId = q.text.match(/<option value="(\d+)">Eindevaluatie LiVe!<\/option>/)[1];
  group1 = q.text.match(new RegExp(`<option value="(group:\\d+)">${GROUP1}</option>`))[1];
  group2 = q.text.match(new RegExp(`<option value="(group:\\d+)">${GROUP2}</option>`))[1];
  today = q.text.match(/id="f-opens_on" name="opens_on" type="date" value="(\d{4}-\d\d-\d\d)"/)[1];
});
after(async () => {
  await srv?.stop();
});

// ---- (a) the demo's wave ----

test('the demo wave: the response accounting of seed 000 §9.1 and the item table, for the coach and the researcher', async () => {
  for (const who of ['coach', 'researcher']) {
    const page = await as[who].get(`/waves/${demoWave}`);
    assert.equal(page.status, 200, who);
    assert.deepEqual(accounting(page.text), [
      ['Aangemeld', '117'], ['Gestopt', '12'], ['Programma afgerond', '105'], ['Gevraagd (niet gestopt)', '105'],
      ['Ingevuld', '84'], ['Niet ingevuld', '21'], ['Responspercentage', '80,0%'],
    ], `${who}: the accounting (no "Nog actief" row: the programme has finished)`);
    assert.match(page.text, /· anoniem<\/p>/);
    assert.match(page.text, /<h2>Uitkomsten per vraag<\/h2>/);
    assert.doesNotMatch(page.text, new RegExp(NOTE5));
    const t = items(page.text);
    assert.ok(t, `${who}: the item table is shown`);
    assert.equal(t.caption, '84 antwoorden');
    assert.deepEqual(Object.keys(t.rows), CODES, 'ten items, a to j');
    assert.match(t.rows.a.text, /^In hoeverre is het jou gelukt om jouw leerdoelen te behalen\?$/);
    for (const [code, r] of Object.entries(t.rows)) {
      assert.equal(r.n, 84, `item ${code}: N`);
      assert.match(r.mean, /^[1-5],\d$/, `item ${code}: the mean with one decimal and a Dutch comma`);
      assert.match(r.sd, /^\d,\d$/, `item ${code}: the SD with one decimal and a Dutch comma`);
      assert.deepEqual(r.dist.map((d) => d[0]), [1, 2, 3, 4, 5], `item ${code}: the distribution over the points`);
      assert.equal(r.dist.reduce((s, d) => s + d[1], 0), 84, `item ${code}: the distribution adds up to N`);
      // the mean agrees with the distribution
      const mean = r.dist.reduce((s, d) => s + d[0] * d[1], 0) / 84;
      assert.equal(r.mean, dutch1(mean), `item ${code}: the mean of the distribution`);
    }
    const open = openAnswers(page.text);
    assert.deepEqual(Object.keys(open), ['open1', 'open2', 'open3']);
    assert.ok(open.open1.length > 0, 'the open answers are listed');
    assert.deepEqual(open.open1, [...open.open1].sort(), 'the open answers are sorted');
    assert.ok(open.open1.includes('Vragen stellen voordat ik oordeel.'));
    assert.equal(open.open2, null, 'no answers: said so');
    assert.match(page.text, /<h3>open2\) [^<]*<\/h3><p>Geen antwoorden\.<\/p>/);
  }
});

test('the owner, the facilitator, the participant, the mentor and the administrator get 403 on every questionnaire page', async () => {
  const paths = ['/questionnaires', `/waves/${demoWave}`, `/waves/${demoWave}/links.csv`, `/instruments/${instrumentId}`];
  for (const who of ['owner', 'facilitator', 'participant', 'mentor', 'administrator']) {
    for (const p of paths) {
      const r = await as[who].get(p);
      assert.equal(r.status, 403, `${who} GET ${p}`);
      assert.match(r.text, /Uw rol geeft geen toegang tot deze pagina\./, `${who} GET ${p}`);
      assert.doesNotMatch(r.text, /token=[0-9a-f]{64}|Responspercentage/, `${who} GET ${p}: nothing of the wave`);
    }
    const r = await as[who].post('/waves', { instrument_id: instrumentId, name: 'Niet van mij', population: group1,
      opens_on: today, closes_on: addDays(today, 14), anonymous: '1' });
    assert.equal(r.status, 403, `${who} POST /waves`);
    assert.equal((await as[who].post('/instruments', { key: 'live-final' })).status, 403, `${who} POST /instruments`);
  }
  // the demo has fourteen waves: in the politie the LiVe! final evaluation, a
  // 360° round and the two leadership scans of District Noord; one scan in
  // each of the five benchmark partners; in the gemeente the learning-climate
  // scan of the circles, a 360° round, the scan of Afdeling S and the two
  // measurements of the two-wave study
  assert.equal(one('SELECT count(*) FROM wave'), 14, 'no wave was started');
});

test('the coach of another organisation gets 404 on the politie wave and cannot send to its groups', async () => {
  for (const p of [`/waves/${demoWave}`, `/waves/${demoWave}/links.csv`, `/instruments/${instrumentId}`]) {
    const r = await as.gemeente.get(p);
    assert.equal(r.status, 404, `gemeente coach GET ${p}`);
    assert.doesNotMatch(r.text, /Eindevaluatie LiVe! 2025|token=/);
  }
  const list = await as.gemeente.get('/questionnaires');
  assert.equal(list.status, 200);
  assert.doesNotMatch(list.text, new RegExp(DEMO_WAVE), 'the politie wave is not listed');
  const listed = [...main(list.text).matchAll(/<a href="\/waves\/\d+">([^<]+)<\/a>/g)].map((m) => m[1]).sort();
  assert.deepEqual(listed, ['360°-feedback afdelingshoofd O', 'Leerklimaat na de leercirkels',
    'Leiderschapsscan Afdeling S 2026', 'Veranderleiderschap teamleiders — meting 1',
    'Veranderleiderschap teamleiders — meting 2'], 'only the gemeente\'s own waves');
  // a wave of the politie's questionnaire, or to a politie group, is refused
  await as.gemeente.post('/instruments', { key: 'live-final' });
  const own = (await as.gemeente.get('/questionnaires')).text.match(/<option value="(\d+)">Eindevaluatie LiVe!<\/option>/)[1];
  assert.notEqual(own, instrumentId, 'the gemeente gets a questionnaire of its own');
  const waves = one('SELECT count(*) FROM wave');
  let r = await as.gemeente.post('/waves', { instrument_id: own, name: 'Over de grens', population: group1,
    opens_on: today, closes_on: addDays(today, 14), anonymous: '1' });
  assert.equal(r.status, 422, 'a politie group');
  assert.match(r.text, /Kies de leergroep, lichting, het programma of het onderdeel waaraan u de vragenlijst stuurt\./);
  r = await as.gemeente.post('/waves', { instrument_id: instrumentId, name: 'Over de grens', population: '',
    opens_on: today, closes_on: addDays(today, 14), anonymous: '1' });
  assert.equal(r.status, 422, "the politie's questionnaire");
  assert.match(r.text, /Kies een vragenlijst uit de lijst\./);
  assert.equal(one('SELECT count(*) FROM wave'), waves, 'nothing started');
});

// ---- (b) the personal links ----

test('links.csv: a BOM, ";", a Dutch header, one personal link for each of the 105 asked, none for those who stopped', async () => {
  const r = await linksCsv('coach', demoWave);
  assert.equal(r.status, 200);
  assert.match(r.type, /^text\/csv; charset=utf-8$/);
  assert.match(r.disposition, /^attachment; filename="links\.csv"$/);
  assert.deepEqual([...r.body.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a UTF-8 BOM, so that Excel reads the names right');
  const text = r.body.subarray(3).toString('utf8');
  assert.match(text, /^Naam;E-mailadres;Link;Ingevuld\r\n/);
  const { head, rows } = await links(demoWave);
  assert.deepEqual(head, ['Naam', 'E-mailadres', 'Link', 'Ingevuld']);
  assert.equal(rows.length, 105, 'the 105 asked, not the 12 who stopped');
  const host = srv.base.replace(/[.]/g, '\\.');
  for (const row of rows) {
    assert.match(row.link, new RegExp(`^${host}/respond\\?token=[0-9a-f]{64}$`), row.name);
    assert.ok(['ja', 'nee'].includes(row.responded), row.responded);
    assert.ok(row.name, 'every row has a name');
    // no cell that Excel would run as a formula
    for (const cell of [row.name, row.email]) assert.doesNotMatch(cell, /^[=+\-@]/, `a formula in ${cell}`);
  }
  assert.equal(rows.filter((x) => x.responded === 'ja').length, 84);
  assert.equal(rows.filter((x) => x.responded === 'nee').length, 21);
  assert.equal(new Set(rows.map((x) => x.token)).size, 105, 'every link its own token');
  // the tokens are exactly those of the invitations of people who did not stop
  const inv = invitationsByToken(demoWave);
  const stopped = [...inv].filter(([, v]) => v.enrolment_status === 'stopped');
  assert.equal(stopped.length, 12);
  for (const [t] of stopped) assert.ok(!rows.some((x) => x.token === t), 'a stopped person is not in the list');
  for (const row of rows) {
    const v = inv.get(row.token);
    assert.ok(v, `${row.name}: the token is of an invitation of this wave`);
    assert.notEqual(v.enrolment_status, 'stopped');
    assert.equal(row.responded, v.responded ? 'ja' : 'nee');
  }
  // and by name: a stopped person whose name nobody asked shares is not listed
  const stoppedNames = sql(`SELECT p.name FROM invitation v JOIN person p ON p.id = v.person_id
    WHERE v.wave_id = ${demoWave} AND v.enrolment_status = 'stopped' AND p.name NOT IN (SELECT p2.name FROM invitation v2
    JOIN person p2 ON p2.id = v2.person_id WHERE v2.wave_id = ${demoWave} AND v2.enrolment_status <> 'stopped')`).map((x) => x.name);
  for (const n of stoppedNames) assert.ok(!rows.some((x) => x.name === n), `${n} stopped and is not listed`);
  // a stopped person's link does nothing
  const [stoppedToken] = stopped[0];
  const s = await new Client(srv.base).get(`/respond?token=${stoppedToken}`);
  assert.equal(s.status, 404);
  assert.match(s.text, new RegExp(BAD_LINK.replace(/[()]/g, '\\$&')));
});

// Found while writing these: the column is there, but empty for every row,
// although every person of the demo has an e-mail address (person.email):
// wave_create never fills invitation.email and links.csv prints only that.
test('links.csv: the e-mail address of each person, for the mail merge', async () => {
  const { rows } = await links(demoWave);
  const inv = invitationsByToken(demoWave);
  const emails = new Map(sql(`SELECT v.id, p.email FROM invitation v JOIN person p ON p.id = v.person_id
    WHERE v.wave_id = ${demoWave}`).map((x) => [x.id, x.email]));
  const want = (row) => emails.get(inv.get(row.token).id);
  const empty = rows.filter((x) => !x.email);
  assert.equal(empty.length, 0, `${empty.length} of ${rows.length} rows have no e-mail address, e.g. ${rows[1].name}, whose address is ${want(rows[1])}`);
  for (const row of rows) assert.equal(row.email, want(row), row.name);
});

// Found while writing these: the list of waves says "84 van 117" (stopped
// people counted as asked) while the wave's accounting says 84 of 105 asked,
// 80,0%.
test('the list of waves counts the response against those asked, as the accounting does', async () => {
  const list = await as.coach.get('/questionnaires');
  const row = list.text.match(new RegExp(`<a href="/waves/${demoWave}">[^<]*</a></td><td>[^<]*</td><td>[^<]*</td><td>([^<]*)</td>`));
  assert.equal(row[1], '84 van 105');
});

// ---- (c) a new anonymous wave, through the form ----

test('starting a wave: bad input is refused with Dutch messages and starts nothing', async () => {
  const waves = one('SELECT count(*) FROM wave'), invitations = one('SELECT count(*) FROM invitation');
  const good = { instrument_id: instrumentId, name: 'Tussenevaluatie Leergroep 1', population: group1,
    opens_on: today, closes_on: addDays(today, 14), anonymous: '1' };
  const cases = [
    [{ closes_on: addDays(today, -1) }, 'closes_on', 'De ronde sluit op of na de dag waarop ze opent.'],
    [{ population: '' }, 'population', 'Kies de leergroep, lichting, het programma of het onderdeel waaraan u de vragenlijst stuurt.'],
    [{ population: 'group:999999' }, 'population', 'Kies de leergroep, lichting, het programma of het onderdeel waaraan u de vragenlijst stuurt.'],
    [{ population: 'eenheid:1' }, 'population', 'Kies de leergroep, lichting, het programma of het onderdeel waaraan u de vragenlijst stuurt.'],
    [{ name: '' }, 'name', 'Naam is verplicht. Vul dit in.'],
    [{ name: 'Ronde\nmet regelovergang' }, 'name', 'Naam mag geen regeleinden of stuurtekens bevatten.'],
    [{ name: 'x'.repeat(121) }, 'name', 'Naam is te lang'],
    [{ opens_on: '1-12-2026' }, 'opens_on', 'Geef de datum als JJJJ-MM-DD, bijvoorbeeld 2026-09-01.'],
    [{ closes_on: addDays(today, 14).slice(0, 8) + '32' }, 'closes_on', 'Geef de datum als JJJJ-MM-DD, bijvoorbeeld 2026-09-01.'],
    [{ instrument_id: '999999' }, 'instrument_id', 'Kies een vragenlijst uit de lijst.'],
  ];
  for (const [bad, field, message] of cases) {
    await as.coach.get('/questionnaires');
    const r = await as.coach.post('/waves', { ...good, ...bad });
    const what = JSON.stringify(bad);
    assert.equal(r.status, 422, what);
    const alert = r.text.match(/<div class="error" role="alert">([\s\S]*?)<\/div>/);
    assert.ok(alert, `${what}: the page has an alert`);
    assert.ok(decode(alert[1]).includes(message), `${what}: "${message}" in ${alert[1]}`);
    assert.match(r.text, /<h1>Vragenlijsten<\/h1>/, `${what}: the form comes back`);
    if (field !== 'population' && field !== 'instrument_id')
      assert.match(r.text, new RegExp(`id="f-${field}"[^>]*aria-invalid="true"|<span class="field-error" id="e-${field}">`), `${what}: the field is marked`);
    // what was typed comes back
    if (field !== 'name') assert.match(r.text, /value="Tussenevaluatie Leergroep 1"/, `${what}: the name is kept`);
    if (field !== 'population') assert.match(r.text, new RegExp(`<option value="${group1}" selected>`), `${what}: the group is kept`);
  }
  // all three at once: three messages
  const r = await as.coach.post('/waves', { ...good, name: '', population: '', closes_on: addDays(today, -1) });
  assert.equal(r.status, 422);
  assert.match(r.text, /Verbeter deze punten:/);
  for (const m of ['De ronde sluit op of na de dag waarop ze opent.', 'Kies de leergroep, lichting, het programma of het onderdeel',
    'Naam is verplicht.']) assert.ok(r.text.includes(m), m);
  assert.equal(one('SELECT count(*) FROM wave'), waves, 'no wave was started');
  assert.equal(one('SELECT count(*) FROM invitation'), invitations, 'nobody was invited');
});

let anon;  // { rows: links, f: fields by code, inv: token -> invitation, people: participants of Leergroep 1 }

test('the coach starts an anonymous wave for Leergroep 1, open today until +14 days', async () => {
  await as.coach.get('/questionnaires');
  const r = await as.coach.post('/waves', { instrument_id: instrumentId, name: 'Tussenevaluatie Leergroep 1',
    population: group1, opens_on: today, closes_on: addDays(today, 14), anonymous: '1' });
  assert.equal(r.status, 303, r.text.match(/role="alert"[\s\S]*?<\/div>/)?.[0]);
  const loc = r.headers.get('location');
  assert.match(loc, /^\/waves\/\d+\?done=wave-created$/);
  anonWave = +loc.match(/\d+/)[0];
  const page = await as.coach.get(loc);
  assert.match(page.text, /De ronde is gestart; download hieronder de persoonlijke links voor de mailing\./);
  assert.match(page.text, new RegExp(`${dutchDate(today)} – ${dutchDate(addDays(today, 14))} · anoniem`));
  // the accounting agrees with the group's enrolments
  const g = (await as.coach.get(`/api/v1/groups/${group1.split(':')[1]}`)).json();
  const stopped = g.participants.filter((p) => p.status === 'stopped').length;
  const asked = g.participants.length - stopped;
  const acc = Object.fromEntries(accounting(page.text));
  assert.equal(acc['Aangemeld'], String(g.participants.length));
  assert.equal(acc['Gestopt'], String(stopped));
  assert.equal(acc['Gevraagd (niet gestopt)'], String(asked));
  assert.equal(acc['Nog actief'], String(asked), 'a running programme: "Nog actief" is shown');
  assert.equal(acc['Ingevuld'], '0');
  assert.equal(acc['Niet ingevuld'], String(asked));
  assert.equal(acc['Responspercentage'], '0,0%');
  assert.match(page.text, new RegExp(`<p class="note">${NOTE5}[^<]*er zijn er 0\\.</p>`));
  assert.equal(items(page.text), null, 'no item table yet');
  // the list shows it
  assert.match((await as.coach.get('/questionnaires')).text, new RegExp(`<a href="/waves/${anonWave}">Tussenevaluatie Leergroep 1</a>`));
  const { rows } = await links(anonWave);
  assert.equal(rows.length, asked);
  assert.ok(asked >= 6, 'enough people to pass the threshold of 5');
  anon = { rows, inv: invitationsByToken(anonWave), asked };
});

test('a respondent without an account saves part, finds the draft back, hands in once; a second hand-in is refused', async () => {
  const token = anon.rows[0].token;
  const { c, page } = await respondent(token);
  assert.equal(page.status, 200);
  assert.doesNotMatch(page.text, /<script/i, 'no JavaScript');
  assert.match(page.text, /<h1>Eindevaluatie LiVe!<\/h1>/);
  assert.match(page.text, new RegExp(`Open tot en met ${dutchDate(addDays(today, 14))}\\.`));
  assert.match(page.text, /Deze vragenlijst is anoniem/);
  const f = fields(page.text);
  assert.deepEqual(Object.keys(f), [...CODES, 'open1', 'open2', 'open3'], 'ten scale questions and three open ones');
  anon.f = f;
  for (const code of CODES) {
    assert.equal((page.text.match(new RegExp(`type="radio" id="${f[code]}-\\d" name="${f[code]}"`, 'g')) || []).length, 5,
      `question ${code}: five points`);
    assert.equal(checked(page.text, f[code]), undefined, `question ${code}: nothing chosen yet`);
  }
  assert.match(page.text, /<button type="submit" name="action" value="save"[^>]*>Opslaan en later verdergaan<\/button>/);
  assert.match(page.text, /<button type="submit" name="action" value="submit">Inleveren<\/button>/);

  // save part
  const open1 = 'Eerst vragen, dan “oordelen” — één <b>inzicht</b> & meer';
  let r = await c.post('/respond', { token, action: 'save', ...answerFields(f, { a: 4, b: 2, open1 }) });
  assert.equal(r.status, 303);
  assert.equal(r.headers.get('location'), `/respond?token=${token}&done=answers-saved`);
  const inv = anon.inv.get(token);
  // one sealed draft with the link: no answer of it as text in the database
  assert.equal(one(`SELECT count(*) FROM draft WHERE invitation_id = ${inv.id}`), 1, 'the draft is kept with the link');
  const box = Buffer.from(one(`SELECT ${dialect(srv.db).hex('box')} FROM draft WHERE invitation_id = ${inv.id}`), 'hex');
  assert.ok(!box.includes(Buffer.from('inzicht')) && !box.includes(Buffer.from('oordelen')), 'the draft is sealed');
  r = await c.get(r.headers.get('location'));
  assert.match(r.text, /Uw antwoorden zijn opgeslagen in deze browser\. U kunt via deze link terugkomen tot de vragenlijst sluit\./);
  assert.match(r.text, /op slot met een sleutel die alleen deze browser heeft/, 'the respondent is told what the draft means');
  assert.match(r.text, /zodra u inlevert, worden uw antwoorden bewaard zonder uw naam/);
  assert.equal(checked(r.text, f.a), '4', 'the draft comes back checked');
  assert.equal(checked(r.text, f.b), '2');
  for (const code of CODES.slice(2)) assert.equal(checked(r.text, f[code]), undefined, code);
  assert.equal(textarea(r.text, f.open1), open1, 'the open answer comes back as written');
  assert.doesNotMatch(r.text, /<b>inzicht<\/b>/, 'escaped');

  // save again, changing an answer: the draft follows
  r = await c.post('/respond', { token, action: 'save', ...answerFields(f, { a: 5, b: 2, open1 }) });
  assert.equal(r.status, 303);
  assert.equal(checked((await c.get(`/respond?token=${token}`)).text, f.a), '5');

  // whoever holds the link alone (the coordinator with links.csv, another
  // browser) reads nothing of the draft and cannot hand it in
  const holder = new Client(srv.base);
  const seen = await holder.get(`/respond?token=${token}`);
  assert.equal(seen.status, 200);
  assert.match(seen.text, /Voor deze link zijn antwoorden bewaard in een andere browser/);
  assert.ok(!seen.text.includes('inzicht') && !seen.text.includes('oordelen'), 'the open answer is not shown');
  assert.doesNotMatch(seen.text, /type="radio"|checked/, 'nor the chosen points');
  for (const action of ['submit', 'save']) {
    const x = await holder.post('/respond', { token, action, ...answerFields(f, { a: 1, b: 1 }) });
    assert.equal(x.status, 409, `${action} with the link alone`);
    assert.match(x.text, /Alleen die browser kan ze lezen en inleveren/);
  }
  assert.equal(one(`SELECT responded FROM invitation WHERE id = ${inv.id}`), 0, 'not handed in');
  assert.equal(handedIn(srv.db, anonWave), 0);
  assert.equal(Buffer.from(one(`SELECT ${dialect(srv.db).hex('box')} FROM draft WHERE invitation_id = ${inv.id}`), 'hex').length > 0, true);
  assert.equal(checked((await c.get(`/respond?token=${token}`)).text, f.a), '5', 'the respondent\'s draft is as it was');

  // hand in
  anon.answers = [{ a: 5, b: 2, c: 3, d: 5, e: 1, f: 3, g: 4, h: 2, i: 5, j: 1, open1 }];
  r = await c.post('/respond', { token, action: 'submit', confirm_incomplete: '1', ...answerFields(f, anon.answers[0]) });
  assert.equal(r.status, 303);
  assert.equal(r.headers.get('location'), `/respond?token=${token}&done=handed-in`);
  r = await c.get(r.headers.get('location'));
  assert.equal(r.status, 200);
  assert.match(r.text, /<p class="done" role="status">Dank u wel: uw antwoorden zijn ingeleverd\.<\/p>/);
  assert.doesNotMatch(r.text, /<form method="post" action="\/respond"/, 'no form after handing in');
  // the link shows the thanks from now on, also without the done= argument
  assert.match((await new Client(srv.base).get(`/respond?token=${token}`)).text, /Dank u wel: uw antwoorden zijn ingeleverd\./);
  assert.equal(handedIn(srv.db, anonWave), 1);
  assert.equal(one(`SELECT responded FROM invitation WHERE id = ${inv.id}`), 1);

  // a second hand-in is refused and changes nothing
  // (on PostgreSQL the answers wait sealed in response_pending: the same box)
  const stored = () => [sql(`SELECT x.item_id, x.value, x.text FROM answer x JOIN response r ON r.id = x.response_id WHERE r.wave_id = ${anonWave} ORDER BY 1`),
    sql(`SELECT ${dialect(srv.db).hex('box')} AS box FROM response_pending WHERE wave_id = ${anonWave} ORDER BY 1`)];
  const before = stored();
  r = await c.post('/respond', { token, action: 'submit', ...answerFields(f, { a: 1, b: 1 }) });
  assert.equal(r.status, 422);
  assert.equal(handedIn(srv.db, anonWave), 1);
  assert.deepEqual(stored(), before);
  // found while writing these: the 422 page shows only the thanks, not why the answers just sent were not taken
  const text = main(r.text);
  assert.ok(text.includes('U hebt deze vragenlijst al ingeleverd.'), `the second hand-in says why it is refused: ${text}`);
});

test('a value off the scale is refused with a Dutch message and changes nothing', async () => {
  const token = anon.rows[1].token, f = anon.f;
  const { c } = await respondent(token);
  anon.second = c;  // the same respondent's browser, for the next test
  let r = await c.post('/respond', { token, action: 'save', ...answerFields(f, { a: 3, c: 4 }) });
  assert.equal(r.status, 303);
  const inv = anon.inv.get(token);
  const draft = () => sql(`SELECT ${dialect(srv.db).hex('nonce')} AS nonce, ${dialect(srv.db).hex('box')} AS box FROM draft WHERE invitation_id = ${inv.id}`);
  const before = draft();
  assert.equal(before.length, 1);
  for (const [action, value] of [['submit', '7'], ['save', '0'], ['submit', '3.5'], ['submit', 'drie'], ['save', '-1']]) {
    r = await c.post('/respond', { token, action, ...answerFields(f, { a: value, b: 4 }) });
    assert.equal(r.status, 422, `${action} a=${value}`);
    assert.match(r.text, /<div class="error" role="alert">/);
    assert.ok(r.text.includes('Vraag 1: kies een van de punten van de schaal.'), `${action} a=${value}`);
    assert.deepEqual(draft(), before, `${action} a=${value}: the draft is unchanged`);
    assert.equal(one(`SELECT responded FROM invitation WHERE id = ${inv.id}`), 0, `${action} a=${value}: not handed in`);
  }
  assert.equal(handedIn(srv.db, anonWave), 1);
  // the form comes back: what was sent for b is not lost silently, the link still works
  r = await c.get(`/respond?token=${token}`);
  assert.equal(checked(r.text, f.a), '3');
  assert.equal(checked(r.text, f.c), '4');
});

// Found while writing these: respond_save (src/domain/survey.c) passes
// errors_add() its stack buffer `key` as the field name, and errors_add
// keeps the pointer. The page is written after respond_save returned, so
// every error names whatever that stack holds then (a stack-use-after-return
// that ASan reports with detect_stack_use_after_return=1): the summary links
// all point to "#f-i<last item>", and no question is marked. Even with the
// name kept, "#f-i<id>" is no element of a scale question (its radios are
// "i<id>-1".."i<id>-5"), so the fieldset needs that id.
test('a refused answer: the summary links to the question, and the question is marked', async () => {
  const token = anon.rows[1].token, f = anon.f;
  const c = anon.second;  // the browser that saved this link's draft
  const r = await c.post('/respond', { token, action: 'save', ...answerFields(f, { a: '9', b: '8' }) });
  assert.equal(r.status, 422);
  // a question is named by its number on the page (a = 1, b = 2), not its code
  const hrefs = [...r.text.matchAll(/<li><a href="#([^"]+)">Vraag (\d+):/g)].map((m) => [CODES[m[2] - 1], m[1]]);
  assert.deepEqual(hrefs.map((h) => h[0]), ['a', 'b']);
  for (const [code, id] of hrefs) {
    assert.equal(id, `f-${f[code]}`, `question ${code}: the summary links to question ${code}, not to #${id}`);
    assert.match(r.text, new RegExp(`id="${id}"`), `question ${code}: the summary's link #${id} goes to an element of the page`);
    assert.match(r.text, new RegExp(`<fieldset id="f-${f[code]}" class="question invalid" aria-describedby="e-${f[code]}"><legend>${CODES.indexOf(code) + 1}\\. `),
      `question ${code}: its fieldset is marked invalid`);
  }
});

test('a link that does not exist: 404 with a Dutch message', async () => {
  const c = new Client(srv.base);
  for (const q of ['token=' + '0'.repeat(64), 'token=' + anon.rows[2].token.slice(0, 63), 'token=', '']) {
    const r = await c.get(`/respond?${q}`);
    assert.equal(r.status, 404, q);
    assert.ok(r.text.includes('Deze link is niet (meer) geldig. Controleer of u de hele link hebt gekopieerd.'), q);
  }
  await c.get('/login');  // a CSRF token before log-in
  const r = await c.post('/respond', { token: 'f'.repeat(64), action: 'submit', [anon.f.a]: '3' });
  assert.equal(r.status, 404);
  assert.ok(r.text.includes('Deze link is niet (meer) geldig.'));
  // without the form's CSRF token a real link takes nothing
  const bare = await fetch(`${srv.base}/respond`, { method: 'POST', redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token: anon.rows[2].token, action: 'submit', [anon.f.a]: '3' }).toString() });
  assert.equal(bare.status, 403);
  assert.equal(handedIn(srv.db, anonWave), 1);
});

test('results are shown from 5 responses; the anonymous wave keeps no link to anyone in the database', async () => {
  const f = anon.f;
  const auditBefore = one('SELECT count(*) FROM audit_log');
  const wavePage = async () => (await as.coach.get(`/waves/${anonWave}`)).text;
  const more = [
    { a: 4, b: 3, c: 4, d: 4, e: 2, f: 2, g: 5, h: 3, i: 4, j: 2, open1: 'Samen met de groep <script>alert(1)</script>', open2: 'In elk overleg.' },
    { a: 3, b: 4, c: 5, d: 3, e: 3, f: 1, g: 4, h: 4, i: 3, j: 1 },
    { a: 2, b: 5, c: 4, d: 4, e: 4, f: 2, g: 3, h: 5, i: 4, j: 2, open3: 'Hoe ik feedback vraag.' },
    { a: 5, b: 4, c: 3, d: 5, e: 2, f: 3, g: 4, h: 4, i: 5 },  // j left open
  ];
  for (let k = 0; k < more.length; k++) {
    const page = await wavePage();
    assert.equal(items(page), null, `${1 + k} responses: no item table`);
    // Dutch plurals: "er is er 1", "er zijn er 2"
    assert.match(page, new RegExp(`${NOTE5}, zodat niemands antwoorden te herkennen zijn; ${k === 0 ? 'er is er' : 'er zijn er'} ${1 + k}\\.`));
    assert.doesNotMatch(page, /open-answers|Geen antwoorden/, 'no open answers either');
    // a draft first, then the hand-in, each by a link of its own
    const token = anon.rows[2 + k].token;
    const { c } = await respondent(token);
    let r = await c.post('/respond', { token, action: 'save', ...answerFields(f, { a: more[k].a }) });
    assert.equal(r.status, 303);
    r = await c.post('/respond', { token, action: 'submit', confirm_incomplete: '1', ...answerFields(f, more[k]) });
    assert.equal(r.status, 303, `respondent ${2 + k}`);
    anon.answers.push(more[k]);
  }
  // at 5 responses an anonymous wave still shows no results while it is
  // open: comparing them before and after one more person answered (whose
  // name links.csv marks) would show that person's answers. The numbers
  // themselves are checked on the demo's closed wave above, and on a
  // closed wave in tests/unit/test_survey.c.
  const page = await wavePage();
  assert.doesNotMatch(page, new RegExp(NOTE5), 'the 5-response note is gone at 5');
  assert.match(page, /De uitkomsten worden getoond als de meting gesloten is/);
  assert.equal(items(page), null, 'no item table while the anonymous wave is open');
  assert.doesNotMatch(page, /open-answers/, 'no open answers either');
  assert.doesNotMatch(page, /<script>alert/, 'an open answer is nowhere raw');
  assert.equal((await as.coach.get(`/waves/${anonWave}/export.csv`)).status, 422, 'no export while it is open');
  const acc = Object.fromEntries(accounting(page));
  assert.equal(acc['Ingevuld'], '5');
  assert.equal(acc['Niet ingevuld'], String(anon.asked - 5));
  assert.equal(acc['Responspercentage'], dutch1(500 / anon.asked) + '%');

  // in the database: no invitation, a random id, no time: the week is
  // only counted for the wave, apart from the responses
  const rows = sql(`SELECT CAST(id AS TEXT) AS id, invitation_id, submitted_week FROM response WHERE wave_id = ${anonWave}`);
  assert.equal(rows.length, 5);
  for (const r of rows) {
    assert.equal(r.invitation_id, null, 'an anonymous response keeps no invitation');
    assert.equal(r.submitted_week, '', 'an anonymous response keeps no week');
  }
  const weeks = sql(`SELECT week, n FROM response_week WHERE wave_id = ${anonWave}`);
  assert.equal(weeks.reduce((s, w) => s + w.n, 0), 5);
  for (const w of weeks) {
    assert.equal(new Date(w.week + 'T00:00:00Z').getUTCDay(), 1, `${w.week} is a Monday`);
    assert.ok(w.week <= today && w.week > addDays(today, -7), `${w.week}: the week of ${today}`);
  }
  const ids = rows.map((r) => BigInt(r.id)).sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  for (const id of ids) assert.ok(id > 2n ** 40n, `the id ${id} is large (random)`);
  for (let i = 1; i < ids.length; i++) assert.ok(ids[i] - ids[i - 1] > 1n, 'the ids are not sequential');
  const maxOther = BigInt(one(`SELECT CAST(coalesce(max(id), 0) AS TEXT) FROM response WHERE wave_id <> ${anonWave}`));
  assert.ok(!ids.includes(maxOther + 1n), 'no id follows the last one of another wave');
  // no exact time anywhere in the row
  assert.deepEqual(Object.keys(sql('SELECT * FROM response LIMIT 1')[0]).sort(),
    // rater_role: the 360° category (self, manager, peer, ...), '' in other waves
    ['group_id', 'id', 'invitation_id', 'organisation_id', 'rater_role', 'submitted_week', 'unit_id', 'wave_id']);
  // the answers moved, the drafts are gone (only the refused respondent's is left)
  assert.equal(one(`SELECT count(*) FROM answer x JOIN response r ON r.id = x.response_id WHERE r.wave_id = ${anonWave}`),
    anon.answers.reduce((s, a) => s + Object.keys(a).length, 0));
  const responded = sql(`SELECT id FROM invitation WHERE wave_id = ${anonWave} AND responded = 1`).map((x) => x.id);
  assert.equal(responded.length, 5);
  assert.equal(one(`SELECT count(*) FROM draft WHERE invitation_id IN (${responded.join(',')})`), 0, 'no draft left of a hand-in');
  assert.equal(one(`SELECT count(*) FROM draft d JOIN invitation v ON v.id = d.invitation_id WHERE v.wave_id = ${anonWave}`),
    1, 'only the draft of the one who has not handed in');
  // and no audit row: neither for the hand-ins nor for the drafts
  assert.equal(one(`SELECT count(*) FROM audit_log WHERE action LIKE 'response.%' AND detail = 'wave ${anonWave}'`), 0);
  assert.equal(one('SELECT count(*) FROM audit_log'), auditBefore, 'answering wrote nothing to the audit log');
});

// ---- (d) a wave that is not anonymous ----

test('a wave that is not anonymous: each response keeps its invitation and is in the audit log once', async () => {
  await as.coach.get('/questionnaires');
  const r = await as.coach.post('/waves', { instrument_id: instrumentId, name: 'Evaluatie op naam Leergroep 2',
    population: group2, opens_on: today, closes_on: addDays(today, 7) });  // no anonymous field
  assert.equal(r.status, 303);
  const wave = +r.headers.get('location').match(/\d+/)[0];
  assert.equal(one(`SELECT anonymous FROM wave WHERE id = ${wave}`), 0);
  assert.match((await as.coach.get(`/waves/${wave}`)).text, /· niet anoniem<\/p>/);
  const { rows } = await links(wave);
  const inv = invitationsByToken(wave);
  const handedIn = [];
  for (const row of rows.slice(0, 3)) {
    const { c, page } = await respondent(row.token);
    assert.doesNotMatch(page.text, /Deze vragenlijst is anoniem/, 'no promise of anonymity');
    const f = fields(page.text);
    const s = await c.post('/respond', { token: row.token, action: 'submit', confirm_incomplete: '1', ...answerFields(f, { a: 3, b: 4, open1: 'Op naam.' }) });
    assert.equal(s.status, 303);
    const thanks = await c.get(s.headers.get('location'));
    assert.match(thanks.text, /Dank u wel: uw antwoorden zijn ingeleverd\./);
    assert.doesNotMatch(thanks.text, /anoniem/);
    handedIn.push(inv.get(row.token).id);
  }
  const responses = sql(`SELECT invitation_id, submitted_week FROM response WHERE wave_id = ${wave} ORDER BY invitation_id`);
  assert.deepEqual(responses.map((x) => x.invitation_id), [...handedIn].sort((x, y) => x - y), 'each response keeps its invitation');
  const audit = sql(`SELECT object_kind, object_id, detail FROM audit_log WHERE action = 'response.submit' AND detail = 'wave ${wave}' ORDER BY object_id`);
  assert.equal(audit.length, 3, 'one audit row per response');
  assert.deepEqual(audit.map((a) => a.object_id), [...handedIn].sort((x, y) => x - y));
  for (const a of audit) {
    assert.equal(a.object_kind, 'invitation');
    assert.equal(a.detail, `wave ${wave}`);
  }
  assert.equal(one(`SELECT count(*) FROM draft d JOIN invitation v ON v.id = d.invitation_id WHERE v.wave_id = ${wave}`), 0);
});

// ---- (e) closed and not yet open ----

test('the links of a closed wave show when it closed and take no answers', async () => {
  const closes = one(`SELECT closes_on FROM wave WHERE id = ${demoWave}`);
  assert.ok(closes < today, 'the demo wave has closed');
  const { rows } = await links(demoWave);
  const open = rows.find((x) => x.responded === 'nee'), done = rows.find((x) => x.responded === 'ja');
  const inv = invitationsByToken(demoWave).get(open.token);
  const { c, page } = await respondent(open.token);
  assert.equal(page.status, 200);
  assert.ok(main(page.text).includes(`Deze vragenlijst is gesloten op ${dutchDate(closes)}.`), main(page.text));
  assert.doesNotMatch(page.text, /action="\/respond"|type="radio"/, 'no form');
  const f = fields((await respondent(anon.rows[5].token)).page.text);  // the same questionnaire's field names
  await c.get('/login');  // the page has no form: a CSRF token before log-in
  for (const action of ['save', 'submit']) {
    const r = await c.post('/respond', { token: open.token, action, [f.a]: '3' });
    assert.notEqual(r.status, 303, `${action} on a closed wave`);
    assert.ok(r.status >= 400, `${action}: ${r.status}`);
    assert.match(main(r.text), /gesloten/);
  }
  assert.equal(one(`SELECT count(*) FROM draft WHERE invitation_id = ${inv.id}`), 0, 'no draft kept');
  assert.equal(one(`SELECT responded FROM invitation WHERE id = ${inv.id}`), 0);
  assert.equal(one(`SELECT count(*) FROM response WHERE wave_id = ${demoWave}`), 84);
  // who answered sees the thanks, not that it closed
  assert.match((await respondent(done.token)).page.text, /Dank u wel: uw antwoorden zijn ingeleverd\./);
});

test('the links of a wave that is not open yet say when it opens and take no answers', async () => {
  await as.coach.get('/questionnaires');
  const opens = addDays(today, 3);
  const r = await as.coach.post('/waves', { instrument_id: instrumentId, name: 'Later', population: group2,
    opens_on: opens, closes_on: addDays(today, 10), anonymous: '1' });
  assert.equal(r.status, 303);
  const wave = +r.headers.get('location').match(/\d+/)[0];
  const { rows } = await links(wave);
  const { c, page } = await respondent(rows[0].token);
  assert.ok(main(page.text).includes(`Deze vragenlijst gaat open op ${dutchDate(opens)}.`), main(page.text));
  assert.doesNotMatch(page.text, /type="radio"/);
  await c.get('/login');  // the page has no form: a CSRF token before log-in
  const s = await c.post('/respond', { token: rows[0].token, action: 'submit', [anon.f.a]: '3' });
  assert.ok(s.status >= 400, `${s.status}`);
  assert.equal(one(`SELECT count(*) FROM response WHERE wave_id = ${wave}`), 0);
  assert.equal(one(`SELECT count(*) FROM draft d JOIN invitation v ON v.id = d.invitation_id WHERE v.wave_id = ${wave}`), 0);
});

// ---- found while writing these ----

// The textarea has no maxlength; an answer over 4000 is refused (right),
// but the page that says so shows the draft saved before, not what was
// sent: the long text and every other answer of that post are gone.
test('an open answer that is too long is refused, and what the respondent typed comes back', async () => {
  const token = anon.rows[7].token, f = anon.f;
  const { c } = await respondent(token);
  const long = 'Lang verhaal. '.repeat(300);  // 4200 characters
  const r = await c.post('/respond', { token, action: 'submit', ...answerFields(f, { a: 4, b: 3, open1: long, open2: 'Kort.' }) });
  assert.equal(r.status, 422);
  assert.ok(r.text.includes('Vraag 11: gebruik hoogstens 4000 tekens.'), 'the limit is said (open1 is question 11)');
  assert.equal(one(`SELECT responded FROM invitation WHERE id = ${anon.inv.get(token).id}`), 0);
  assert.equal(checked(r.text, f.a), '4', 'the chosen point of question a comes back');
  assert.equal(textarea(r.text, f.open2), 'Kort.', 'the other open answer comes back');
  assert.equal(textarea(r.text, f.open1), long, 'the long answer comes back, to be shortened');
});

// The limit is said in characters ("hoogstens 4000 tekens") but counted in
// bytes (strlen): 2500 "é" are 2500 characters and 5000 bytes.
test('the limit of an open answer is in characters, as the message says', async () => {
  const token = anon.rows[8].token, f = anon.f;
  const { c } = await respondent(token);
  const r = await c.post('/respond', { token, action: 'save', ...answerFields(f, { open1: 'é'.repeat(2500) }) });
  assert.equal(r.status, 303, (r.text.match(/role="alert"[\s\S]*?<\/div>/) || [''])[0]);
});

// check_line counts spaces as text: a wave named "   " is started and
// listed as a link without text.
test('a wave named with spaces only is refused', async () => {
  await as.coach.get('/questionnaires');
  const waves = one('SELECT count(*) FROM wave');
  const r = await as.coach.post('/waves', { instrument_id: instrumentId, name: '   ', population: group1,
    opens_on: today, closes_on: addDays(today, 14), anonymous: '1' });
  assert.equal(r.status, 422, `a wave named "   ": ${r.status} ${r.headers.get('location')}`);
  assert.ok(r.text.includes('Naam is verplicht. Vul dit in.'));
  assert.equal(one('SELECT count(*) FROM wave'), waves);
});

// The respondent's page has the link to the other language, as every page;
// it keeps the path but drops the query, so the token is lost and the
// respondent lands on "This link is not (or no longer) valid".
test('switching the respondent\'s page to English keeps the link', async () => {
  const token = anon.rows[10].token;
  const { c, page } = await respondent(token);
  const href = decode(page.text.match(/<a href="(\/language\?[^"]*)" lang="en">English<\/a>/)[1]);
  const r = await c.get(href);
  assert.equal(r.status, 303);
  const next = r.headers.get('location');
  const back = await c.get(next);
  assert.equal(back.status, 200, `the English link leads to ${next}: ${back.status}`);
  assert.match(back.text, /<html lang="en">/);
  assert.match(back.text, /Hand in/);
});

// "Anoniem: antwoorden houden geen verband met de persoon, ook niet in de
// database". A draft is sealed (never text in any file), and once handed
// in its sealed row is gone from the database file and its write-ahead log
// (test.db-wal, part of the database as long as it has not been reset).
test('after an anonymous hand-in, no file of the database ties the answers to the invitation', async (t) => {
  const token = anon.rows[9].token, f = anon.f;
  const inv = anon.inv.get(token).id;
  const { c } = await respondent(token);
  const draft = `Kladversie-${inv}-nog-niet-af`, final = `Eindversie-${inv}-ingeleverd`;
  assert.equal((await c.post('/respond', { token, action: 'save', ...answerFields(f, { open1: draft }) })).status, 303);
  const sealed = Buffer.from(one(`SELECT ${dialect(srv.db).hex('box')} FROM draft WHERE invitation_id = ${inv}`), 'hex');
  assert.ok(sealed.length > 16);
  assert.equal((await c.post('/respond', { token, action: 'submit', confirm_incomplete: '1', ...answerFields(f, { a: 2, open1: final }) })).status, 303);
  assert.equal(one(`SELECT count(*) FROM draft WHERE invitation_id = ${inv}`), 0, 'the draft is deleted');
  if (PG) {
    // PostgreSQL stamps each row with the (sub)transaction that wrote it,
    // in order: a response written with the hand-in sits right after its
    // invitation's "answered". The hand-in waits sealed instead, and goes
    // in with at least four others: after this invitation's mark, either
    // no response of the wave was written, or a batch of five or more.
    const near = Number(one(`SELECT count(*) FROM response r, invitation v WHERE v.id = ${inv} AND r.wave_id = v.wave_id`
      + ' AND r.xmin::text::bigint > v.xmin::text::bigint AND r.xmin::text::bigint <= v.xmin::text::bigint + 1000'));
    assert.ok(near === 0 || near >= 5, `${near} response(s) written just after invitation ${inv} was marked answered`);
    const hex = Buffer.from(final).toString('hex');
    assert.equal(one(`SELECT count(*) FROM response_pending WHERE position(convert_to('${final}', 'UTF8') IN box) > 0`
      + ` OR position(convert_to('${hex}', 'UTF8') IN box) > 0`), 0, 'a waiting hand-in is sealed');
    return;
  }
  const found = [];
  for (const file of [srv.db, `${srv.db}-wal`]) {
    if (!existsSync(file)) continue;
    const bytes = readFileSync(file);
    const where = file.endsWith('-wal') ? 'the write-ahead log' : 'the database file';
    if (bytes.includes(draft)) found.push(`${where} holds the draft "${draft}" of invitation ${inv} as text`);
    if (bytes.includes(sealed)) found.push(`${where} still holds the sealed draft of invitation ${inv}`);
  }
  assert.deepEqual(found, []);
});

// ---- the API: the same numbers and the same rules as the page ----

test('GET /api/v1/waves/{id}: the accounting, the results and the groups under the rules of the page', async () => {
  const r = await as.coach.get(`/api/v1/waves/${demoWave}`);
  assert.equal(r.status, 200);
  const j = r.json();
  assert.deepEqual(j.accounting, { registered: 117, stopped: 12, completed: 105, active: 0, asked: 105, responded: 84,
    not_responded: 21, response_rate: 0.8 });
  assert.equal(j.responses, 84);
  const a = j.results.find((x) => x.code === 'a');
  assert.equal(a.n, 84);
  assert.equal(a.counts.reduce((s, c) => s + c.n, 0), 84);
  // the page shows the same mean to one decimal
  const page = items((await as.coach.get(`/waves/${demoWave}`)).text);
  assert.equal(page.rows.a.mean, a.mean.toFixed(1).replace('.', ','));
  // ten groups of the programme, each with 5 or more answers: all shown, summing to 84
  assert.equal(j.groups.length, 10);
  assert.equal(j.groups.filter((g) => g.shown).reduce((s, g) => s + g.n, 0), 84);
  assert.ok(j.groups.every((g) => g.shown && g.n >= 5));
  const list = (await as.researcher.get('/api/v1/waves')).json().waves;
  assert.ok(list.some((w) => w.id === demoWave && w.asked === 105 && w.responded === 84));
  assert.equal((await as.gemeente.get(`/api/v1/waves/${demoWave}`)).status, 404);
});

test('a reminder round: the links of those who have not answered, each counted; only while the wave is open', async () => {
  const before = (await links(anonWave)).rows;
  const pending = before.filter((r) => r.responded === 'nee');
  assert.ok(pending.length > 0 && pending.length < before.length, 'some answered, some did not');
  const remind = async () => {
    const r = await as.coach.post(`/waves/${anonWave}/reminders`, {});
    assert.equal(r.status, 200, r.text.slice(0, 200));
    const [head, ...rows] = parseCsv(r.text.replace(/^\uFEFF/, ''));
    return { head, rows };
  };
  let { head, rows } = await remind();
  assert.deepEqual(head, ['Naam', 'E-mailadres', 'Link', 'Herinneringen']);
  assert.deepEqual(rows.map((r) => r[2]).sort(), pending.map((r) => r.link).sort(), 'exactly the links of those who did not answer');
  assert.ok(rows.every((r) => r[3] === '1'));
  ({ rows } = await remind());
  assert.ok(rows.every((r) => r[3] === '2'), 'a second round counts twice');
  assert.equal(Number(one("SELECT count(*) FROM audit_log WHERE action = 'wave.remind'")) >= 2, true);
  // the demo's wave has closed: no reminders
  const closed = await as.coach.post(`/waves/${demoWave}/reminders`, {});
  assert.equal(closed.status, 422);
  assert.match(closed.text, /Herinneringen gaan uit zolang de ronde open is/);
  assert.equal((await as.gemeente.post(`/waves/${anonWave}/reminders`, {})).status, 404);
});

// ---- 360° feedback ----

test('a 360° round: the demo report shows the merge rule at work; starting one checks its raters', async () => {
  const q = (await as.coach.get('/questionnaires')).text;
  const id = +q.match(/<a href="\/waves\/(\d+)">360°-feedback districtschef<\/a>/)[1];
  const page = (await as.coach.get(`/waves/${id}`)).text;
  assert.match(page, /360°-feedback over: <strong>/);
  // two peers and one other: merged into "anderen (samengevoegd)" of 3; four staff by themselves; the manager by name
  assert.match(page, /eigen leidinggevende: \d,\d \(1\)<br>medewerkers: \d,\d \(4\)<br>anderen \(samengevoegd\): \d,\d \(3\)/);
  assert.doesNotMatch(page, /collega&#39;s: /, 'two peers are not shown as a category');
  assert.equal((await as.owner.get(`/waves/${id}`)).status, 403);
  // starting a round: bad raters are refused by line, nothing is made
  const before = (q.match(/href="\/waves\/\d+"/g) || []).length;
  const people = (await as.coach.get('/api/v1/people?limit=10')).json().people;
  const emp = async (p) => (await as.coach.get(`/api/v1/people/${p.id}`)).json().employee_id;
  const [s, m, x] = [await emp(people[0]), await emp(people[1]), await emp(people[2])];
  const instrument = q.match(/<option value="(\d+)" selected>Leiderschapsscan<\/option>/)[1];
  const form = { form: '360', instrument_id: instrument, name: '360 test', subject: s, opens_on: '2026-01-01', closes_on: '2026-12-31' };
  let r = await as.coach.post('/waves/360', { ...form, raters: `${m} manager\n${x} baas` });
  assert.equal(r.status, 422);
  assert.match(r.text, /Regel 2: de categorie is manager, peer, staff of other\./);
  r = await as.coach.post('/waves/360', { ...form, raters: `${m} manager\nX-BESTAAT-NIET staff` });
  assert.equal(r.status, 422);
  assert.match(r.text, /Regel 2: er is niemand met personeelsnummer X-BESTAAT-NIET\./);
  r = await as.coach.post('/waves/360', { ...form, raters: `${s} peer` });
  assert.equal(r.status, 422);
  assert.match(r.text, /beoordeelt zichzelf al/);
  const after = ((await as.coach.get('/questionnaires')).text.match(/href="\/waves\/\d+"/g) || []).length;
  assert.equal(after, before, 'nothing was made');
  r = await as.coach.post('/waves/360', { ...form, raters: `${m} manager\n${x} staff` });
  assert.equal(r.status, 303);
  const open = (await as.coach.get(r.headers.get('location'))).text;
  assert.match(open, /Het rapport wordt getoond als de ronde gesloten is/);
});

// ---- the built-in questionnaires ----

const BUILTINS = [['live-final', 'Eindevaluatie LiVe!'], ['leadership-scan-360', 'Leiderschapsscan'],
  ['quickscan', 'Leiderschap QuickScan'], ['learning-climate', 'Leerklimaatscan'],
  ['abd-evaluation', 'Evaluatie leergang (ABD, met impactmap)'], ['member-check', 'Member check']];
const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('the questionnaires page lists all six built-in questionnaires, installed or to add', async () => {
  const text = main((await as.coach.get('/questionnaires')).text);
  for (const [key, name] of BUILTINS) {
    const installed = new RegExp(`<a href="/instruments/\\d+">${esc(name)}</a>`).test(text);
    const offered = new RegExp(`<input type="hidden" name="key" value="${key}"><p>${esc(name)} <span class="muted">`).test(text);
    assert.ok(installed !== offered, `${name}: listed once, as installed (${installed}) or to add (${offered})`);
  }
  // the demo installed the first two; the other four are offered
  for (const [key] of BUILTINS.slice(2)) assert.match(text, new RegExp(`name="key" value="${key}"`), key);
});

test('a bipolar question of the learning-climate scan: both poles, for the keyboard and a screen reader; answered and counted', async () => {
  await as.coach.get('/questionnaires');
  let r = await as.coach.post('/instruments', { key: 'learning-climate' });
  assert.equal(r.status, 303);
  const id = +r.headers.get('location').match(/^\/instruments\/(\d+)\?done=instrument-added$/)[1];
  const shown = (await as.coach.get(`/instruments/${id}`)).text;
  assert.match(shown, /<strong>nu1\)<\/strong> Doel: [^<]*<br><span class="muted">1 = organisatiedoelen · 2 · 3 · 4 · 5 = persoonlijke doelen<\/span>/);
  r = await as.coach.post('/waves', { instrument_id: id, name: 'Leerklimaat Leergroep 2', population: group2,
    opens_on: today, closes_on: addDays(today, 14) });
  assert.equal(r.status, 303, r.text.match(/role="alert"[\s\S]*?<\/div>/)?.[0]);
  const wave = +r.headers.get('location').match(/\d+/)[0];
  const { rows } = await links(wave);
  const token = rows[0].token;
  const { c, page } = await respondent(token);
  assert.equal(page.status, 200);
  const q = page.text.match(/<fieldset id="f-(i\d+)" class="question" aria-describedby="p-\1"><legend>1\. Doel: [^<]*<\/legend><p class="muted" id="p-\1">1 = organisatiedoelen · 5 = persoonlijke doelen<\/p><div class="scale">([\s\S]*?)<\/div><\/fieldset>/);
  assert.ok(q, 'the question is described by its poles');
  const f = q[1];
  const points = [...q[2].matchAll(/<input type="radio" id="([^"]+)" name="([^"]+)" value="(\d)"> <label for="([^"]+)" class="inline">([^<]*)<\/label>/g)];
  assert.deepEqual(points.map((p) => p[5]), ['1 (organisatiedoelen)', '2', '3', '4', '5 (persoonlijke doelen)']);
  for (const p of points) {
    assert.equal(p[2], f, 'one group of radios');
    assert.equal(p[1], p[4], 'each point has its label');
  }
  assert.equal((page.text.match(/aria-describedby="p-i\d+"><legend>\d+\. /g) || []).length, 10, 'ten bipolar questions');
  // off the scale: refused, the question marked and still described by its poles
  r = await c.post('/respond', { token, action: 'save', [f]: '6' });
  assert.equal(r.status, 422);
  assert.match(r.text, new RegExp(`<fieldset id="f-${f}" class="question invalid" aria-describedby="e-${f} p-${f}"><legend>1\\. `));
  assert.ok(r.text.includes('Vraag 1: kies een van de punten van de schaal.'));
  r = await c.post('/respond', { token, action: 'submit', confirm_incomplete: '1', [f]: '2' });
  assert.equal(r.status, 303);
  assert.equal(one(`SELECT x.value FROM answer x JOIN response r ON r.id = x.response_id WHERE r.wave_id = ${wave} AND x.item_id = ${f.slice(1)}`), 2);
});
