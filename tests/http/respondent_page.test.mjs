// The respondent's page (issue 15): who asks and why (the organisation, the
// questionnaire, the wave's purpose), how long it takes, who will see what,
// the parts of the questionnaire, no internal item codes, "weet niet /
// n.v.t." stored apart and left out of the mean, and a hand-in with
// unanswered questions that lists them and asks to confirm (never forces
// an answer). Waves are started through the CLI and the coach's form;
// the database is read directly (tests/lib/db.mjs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, cli, demoEmail } from '../lib/server.mjs';
import { PG, handedIn, sqlRows } from '../lib/db.mjs';
import { mainOf as main } from '../lib/html.mjs';

let srv, coach, group1, group2;
const today = new Date().toISOString().slice(0, 10);

const sql = (q) => {
  return sqlRows(srv.db, q);
};
const one = (q) => Object.values(sql(q)[0])[0];
// what a reader sees: the text of the page without its markup
const visible = (html) => main(html).replace(/<[^>]*>/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>')
  .replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ');

// A wave through the CLI; its links as paths, in the order of the CSV.
function wave(instrument, group, { anonymous = true, purpose } = {}) {
  const args = ['wave', 'add', '--org', 'politie-demo', '--instrument', instrument, '--population', `group:${group}`,
    '--opens', today, '--closes', today, '--name', `Golf ${instrument}`];
  if (anonymous) args.push('--anonymous');
  if (purpose !== undefined) args.push('--purpose', purpose);
  const id = +cli(srv.db, args).trim();
  const links = cli(srv.db, ['wave', 'links', '--wave', String(id)]).trim().split('\n').slice(1)
    .map((l) => new URL(l.split(',').pop())).map((u) => ({ path: u.pathname + u.search, token: u.searchParams.get('token') }));
  return { id, links };
}

// The form of a link: the fields of its questions in order, and whether each
// offers "weet niet".
async function open(link) {
  const c = new Client(srv.base);
  const page = await c.get(link.path);
  assert.equal(page.status, 200);
  const questions = [...page.text.matchAll(/<fieldset id="f-(i\d+)" class="question[^"]*"[^>]*>([\s\S]*?)<\/fieldset>|<textarea id="f-(i\d+)"/g)]
    .map((m) => ({ field: m[1] || m[3], open: !!m[3], dk: !!m[2] && m[2].includes('value="dk"') }));
  return { c, page, questions };
}

before(async () => {
  srv = await startServer();
  coach = new Client(srv.base);
  await coach.login(demoEmail('coach'));
  const progs = (await coach.get('/api/v1/programmes')).json().programmes;
  const live = (await coach.get(`/api/v1/programmes/${progs.find((p) => p.name === 'LiVe! Westerschelde').id}`)).json();
  [group1, group2] = [live.batches[0].groups[0].id, live.batches[0].groups[1].id];
});
after(async () => {
  await srv?.stop();
});

test('the page says who asks and why, how long it takes and who sees what; the purpose is text', async () => {
  const hostile = 'Jan <script>alert(1)</script> & "Zonen" wil weten wat LiVe! opleverde';
  const w = wave('live-final', group2, { purpose: hostile });
  const { page } = await open(w.links[0]);
  const text = visible(page.text);
  assert.match(page.text, /<h1>Eindevaluatie LiVe!<\/h1>/, 'the questionnaire');
  assert.match(text, /Politie-eenheid Westerschelde \(demo\) vraagt u deze vragenlijst in te vullen\./, 'who asks');
  assert.ok(text.includes(`Waarom deze vragenlijst: ${hostile}`), 'why, as typed');
  assert.ok(page.text.includes('Jan &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Zonen&quot;'), 'escaped');
  assert.doesNotMatch(page.text, /<script/i, 'no markup from the purpose');
  // 10 closed x 8 s + 3 open x 60 s = 260 s: 5 minutes
  assert.match(text, /Dit duurt ongeveer 5 minuten\./);
  assert.match(text, /zodra u inlevert, worden uw antwoorden bewaard zonder uw naam/);
  assert.match(text, /ziet of u hebt geantwoord, niet wat\. Uitkomsten worden alleen getoond voor groepen van minstens 5 mensen/);
  assert.match(text, /Antwoorden op open vragen worden in de uitkomsten letterlijk getoond/);
  // the parts: listed at the top, each a fieldset with "Deel n van 2"
  assert.match(text, /Deze vragenlijst heeft 2 delen\s+Terugblik op LiVe! \(10 vragen\)\s+Open vragen \(3 vragen\)/);
  assert.equal((page.text.match(/<fieldset class="part" id="part-\d">/g) || []).length, 2);
  assert.match(page.text, /<legend><h2><span class="part-of">Deel 1 van 2<\/span> Terugblik op LiVe!<\/h2><\/legend>/);
  assert.match(page.text, /<legend><h2><span class="part-of">Deel 2 van 2<\/span> Open vragen<\/h2><\/legend>/);

  // a wave that is not anonymous, without a purpose: says so, and no "Waarom"
  const named = wave('live-final', group1, { anonymous: false });
  const n = visible((await open(named.links[0])).page.text);
  assert.match(n, /Deze vragenlijst is niet anoniem: uw antwoorden worden met uw naam bewaard\./);
  assert.match(n, /groepen van minstens 5 mensen.*niemand die ze leest, ziet uw antwoorden bij uw naam/);
  assert.doesNotMatch(n, /Waarom deze vragenlijst/);
});

test('no internal item codes on the page', async () => {
  // the QuickScan's codes (g1..c4, open1..3) are words a reader would notice
  const w = wave('quickscan', group2);
  const { page, questions } = await open(w.links[0]);
  const codes = sql(`SELECT i.code FROM instrument_item i JOIN wave w ON w.version_id = i.version_id WHERE w.id = ${w.id}`)
    .map((r) => r.code);
  assert.equal(codes.length, 15);
  assert.equal(questions.length, 15);
  const text = visible(page.text);
  for (const code of codes) assert.doesNotMatch(text, new RegExp(`(^|[^\\w-])${code}([^\\w-]|$)`), `code ${code} on the page`);
  // numbered instead
  assert.match(page.text, /<legend>1\. Ik laat teamleden zelf beslissen/);
  // a refused answer names the question by its number, not its code
  const { c } = await open(w.links[1]);
  const r = await c.post('/respond', { token: w.links[1].token, action: 'save', [questions[0].field]: '9' });
  assert.equal(r.status, 422);
  assert.ok(visible(r.text).includes('Vraag 1: kies een van de punten van de schaal.'));
  assert.doesNotMatch(visible(r.text), /Vraag g1/);
});

test('a hand-in with unanswered questions lists them, keeps the answers and stores nothing until confirmed', async () => {
  const w = wave('live-final', group1);
  const { c, questions } = await open(w.links[0]);
  const inv = () => one(`SELECT count(*) FROM invitation WHERE wave_id = ${w.id} AND responded = 1`);
  const responses = () => handedIn(srv.db, w.id);
  const partial = { [questions[0].field]: '4', [questions[7].field]: 'dk', [questions[10].field]: 'Luisteren <b>eerst</b>' };
  let r = await c.post('/respond', { token: w.links[0].token, action: 'submit', ...partial });
  assert.equal(r.status, 200, 'a page that asks, not a refusal');
  const box = r.text.match(/<div class="warn" id="unanswered" role="alert">([\s\S]*?)<\/div>/);
  assert.ok(box, 'the list of unanswered questions');
  assert.match(box[1], /<h2>10 vragen zijn nog niet beantwoord<\/h2>/);
  const listed = [...box[1].matchAll(/<li><a href="#f-(i\d+)">Vraag (\d+): ([^<]*)<\/a><\/li>/g)];
  const left = questions.filter((q, k) => ![0, 7, 10].includes(k));
  assert.deepEqual(listed.map((m) => m[1]), left.map((q) => q.field), 'each unanswered question, linked to its field');
  assert.deepEqual(listed.map((m) => +m[2]), [2, 3, 4, 5, 6, 7, 9, 10, 12, 13]);
  assert.equal(listed[0][3], 'In hoeverre is het jou gelukt om een open houding aan te nemen?', 'by its text');
  for (const m of listed) assert.match(r.text, new RegExp(`id="f-${m[1]}"`), `#f-${m[1]} is on the page`);
  assert.match(box[1], /<button type="submit" form="answers" name="confirm_incomplete" value="1">Toch inleveren<\/button>/);
  assert.match(box[1], new RegExp(`<a href="#f-${left[0].field}">Eerst deze vragen beantwoorden</a>`));
  // every answer given comes back
  assert.match(r.text, new RegExp(`name="${questions[0].field}" value="4" checked`));
  assert.match(r.text, new RegExp(`name="${questions[7].field}" value="dk" checked`));
  assert.ok(r.text.includes('Luisteren &lt;b&gt;eerst&lt;/b&gt;</textarea>'));
  assert.match(r.text, /<form method="post" action="\/respond" id="answers">/);
  // nothing stored
  assert.equal(responses(), 0);
  assert.equal(inv(), 0);
  assert.equal(one(`SELECT count(*) FROM draft d JOIN invitation v ON v.id = d.invitation_id WHERE v.wave_id = ${w.id}`), 0);

  // "Toch inleveren": the same answers with confirm_incomplete=1 hand in
  r = await c.post('/respond', { token: w.links[0].token, confirm_incomplete: '1', ...partial });
  assert.equal(r.status, 303);
  assert.match(r.headers.get('location'), /done=handed-in$/);
  assert.equal(responses(), 1);
  assert.equal(inv(), 1);
  // (on PostgreSQL the answers wait sealed until four more hand in)
  assert.equal(one(`SELECT count(*) FROM answer x JOIN response r ON r.id = x.response_id WHERE r.wave_id = ${w.id}`),
    PG ? 0 : 3);
  if (PG) assert.equal(one(`SELECT count(*) FROM response_pending WHERE wave_id = ${w.id}`), 1);

  // a complete form (a "weet niet" counts as an answer) goes straight in
  const other = await open(w.links[1]);
  const all = Object.fromEntries(other.questions.map((q, k) => [q.field, q.open ? `Antwoord ${k}` : q.dk ? 'dk' : '3']));
  r = await other.c.post('/respond', { token: w.links[1].token, action: 'submit', ...all });
  assert.equal(r.status, 303);
  assert.equal(responses(), 2);
});

test('"weet niet / n.v.t." only where the questionnaire offers it, stored apart and left out of the mean', async () => {
  const w = wave('live-final', group2);
  const first = await open(w.links[0]);
  // LiVe!'s h, i and j offer it (questions 8-10); the others do not
  assert.deepEqual(first.questions.map((q) => q.dk), [false, false, false, false, false, false, false, true, true, true,
    false, false, false]);
  assert.match(first.page.text, /<input type="radio" id="(i\d+)-dk" name="\1" value="dk"> <label for="\1-dk" class="inline">Weet niet \/ n\.v\.t\.<\/label>/);
  // refused where it is not offered
  let r = await first.c.post('/respond', { token: w.links[0].token, action: 'submit', confirm_incomplete: '1',
    [first.questions[0].field]: 'dk' });
  assert.equal(r.status, 422);
  assert.equal(one(`SELECT count(*) FROM response WHERE wave_id = ${w.id}`), 0);
  // five hand in: question 8 (h) is "weet niet" for two, 5 for three; question 1 (a) is 2 for all
  const h = first.questions[7].field, a = first.questions[0].field;
  for (let k = 0; k < 5; k++) {
    const { c } = k ? await open(w.links[k]) : first;
    r = await c.post('/respond', { token: w.links[k].token, action: 'submit', confirm_incomplete: '1',
      [a]: '2', [h]: k < 2 ? 'dk' : '5' });
    assert.equal(r.status, 303, `respondent ${k + 1}`);
  }
  const item = h.slice(1);
  assert.deepEqual(sql(`SELECT x.dont_know, x.value, x.text FROM answer x JOIN response r ON r.id = x.response_id
    WHERE r.wave_id = ${w.id} AND x.item_id = ${item} ORDER BY x.dont_know`),
    [{ dont_know: 0, value: 5, text: null }, { dont_know: 0, value: 5, text: null }, { dont_know: 0, value: 5, text: null },
      { dont_know: 1, value: null, text: null }, { dont_know: 1, value: null, text: null }], 'kept apart, not as a point');
  cli(srv.db, ['wave', 'close', '--wave', String(w.id)]);
  const results = (await coach.get(`/waves/${w.id}`)).text;
  const row = results.match(/<tr><th scope="row">h\) [^<]*<\/th><td>(\d+)<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td><\/tr>/);
  assert.ok(row, 'the row of h in the item table');
  assert.equal(row[1], '3', 'N without the "weet niet"');
  assert.equal(row[2], '5,0', 'the mean of the three points alone');
  assert.match(row[4], /5: 3 · weet niet \/ n\.v\.t\.: 2$/, 'counted apart');
  const rowA = results.match(/<tr><th scope="row">a\) [^<]*<\/th><td>(\d+)<\/td><td>([^<]*)<\/td>/);
  assert.deepEqual([rowA[1], rowA[2]], ['5', '2,0']);
  // the export leaves it empty, as a missing value
  const csv = (await coach.get(`/waves/${w.id}/export.csv`)).text.trim().split('\r\n').map((l) => l.split(';'));
  const col = csv[0].indexOf('h');
  assert.deepEqual(csv.slice(1).map((r) => r[col]).sort(), ['', '', '5', '5', '5']);
});

test('the coach gives a wave its purpose in the form; a purpose too long is refused and starts nothing', async () => {
  const page = (await coach.get('/questionnaires')).text;
  assert.match(page, /<label for="f-purpose">Doel van de ronde \(niet verplicht\)<\/label>/);
  const instrument = page.match(/<option value="(\d+)">Eindevaluatie LiVe!<\/option>/)[1];
  const before = one('SELECT count(*) FROM wave');
  let r = await coach.post('/waves', { instrument_id: instrument, name: 'Te lang doel', population: `group:${group2}`,
    opens_on: today, closes_on: today, anonymous: '1', purpose: 'x'.repeat(1001) });
  assert.equal(r.status, 422);
  assert.ok(visible(r.text).includes('Doel: gebruik maximaal 1000 tekens.'));
  assert.equal(one('SELECT count(*) FROM wave'), before, 'no wave');
  r = await coach.post('/waves', { instrument_id: instrument, name: 'Met doel', population: `group:${group2}`,
    opens_on: today, closes_on: today, anonymous: '1', purpose: 'Om de volgende lichting te verbeteren.' });
  assert.equal(r.status, 303);
  const id = +r.headers.get('location').match(/\/waves\/(\d+)/)[1];
  assert.equal(one(`SELECT purpose FROM wave WHERE id = ${id}`), 'Om de volgende lichting te verbeteren.');
  // the coach reads it back on the wave's page and in the API
  assert.ok(visible((await coach.get(`/waves/${id}`)).text).includes('Waarom deze vragenlijst: Om de volgende lichting te verbeteren.'));
  assert.equal((await coach.get(`/api/v1/waves/${id}`)).json().purpose, 'Om de volgende lichting te verbeteren.');
  // left empty: none
  r = await coach.post('/waves', { instrument_id: instrument, name: 'Zonder doel', population: `group:${group2}`,
    opens_on: today, closes_on: today, anonymous: '1', purpose: '  ' });
  assert.equal(r.status, 303);
  const id2 = +r.headers.get('location').match(/\/waves\/(\d+)/)[1];
  assert.equal(one(`SELECT CASE WHEN purpose IS NULL THEN 1 ELSE 0 END AS none FROM wave WHERE id = ${id2}`), 1);
});
