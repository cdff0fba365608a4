// Anonymity against an insider (SPEC privacy rules; domain/disclosure.h),
// set up as an organisation would through the command line (`leergang
// wave add|links|close`) and answered through the links like respondents:
//
//  1. the review's differencing attack: an anonymous wave over a programme,
//     6 respondents in group A (5 of them in team X, 1 in team Y) and 5 in
//     group B (all in team Y). Per group and per team every part has 5 or
//     more, and 6·mean(A) − 5·mean(X) would be the one person's answers:
//     the breakdown per team is refused, with the reason on the page and in
//     the API; the same with batches instead of groups; and two waves
//     compared where 11 of 12 answered both (the paired change against the
//     first wave's mean over all 12 would give the twelfth away).
//  2. storage: the database files (the write-ahead log included, copied as
//     they are while the server runs) of every anonymous wave of the demo
//     and of generated waves hold no combination of group and unit that
//     fewer than 5 invited people share, and no draft as text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, Client, cli } from '../lib/server.mjs';
import { PG, sqlRows } from '../lib/db.mjs';

let srv, coach;
const SLUG = 'proefgemeente';
const COACH = 'coach@proefgemeente.example';
const PASSWORD = 'een-lang-proefwachtwoord';
const today = new Date().toISOString().slice(0, 10);
const addDays = (d, n) => new Date(Date.parse(d + 'T00:00:00Z') + n * 86400e3).toISOString().slice(0, 10);

const run = (...args) => cli(srv.db, args).trim();
const sqlite = (db, q) => {
  return sqlRows(db, q);
};

// People as an HR export: [employee id, name, unit path].
function importPeople(rows) {
  const file = join(srv.dir, `people-${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(file, ['personeelsnummer;naam;e-mail;afdeling',
    ...rows.map(([id, name, unit]) => `${id};${name};${id.toLowerCase()}@proefgemeente.example;${unit}`)].join('\r\n') + '\r\n');
  run('import', 'people', '--org', SLUG, file);
}

function programme(name, batches) {
  // batches: [[groupName, [employee ids]], ...] per batch
  const p = run('programme', 'add', '--org', SLUG, '--template', 'live', '--name', name);
  const groups = {};
  for (const [i, groupsOfBatch] of batches.entries()) {
    const b = run('batch', 'add', '--org', SLUG, '--programme', p, '--name', `Lichting ${i + 1}`);
    for (const [g, people] of groupsOfBatch) {
      groups[g] = run('group', 'add', '--org', SLUG, '--batch', b, '--name', g);
      run('enrol', '--org', SLUG, '--group', groups[g], '--date', addDays(today, -30), ...people);
    }
  }
  return { id: p, groups };
}

function wave(population, name, anonymous = true) {
  return run('wave', 'add', '--org', SLUG, '--instrument', 'live-final', '--population', population, '--opens', today,
    '--closes', addDays(today, 14), '--name', name, ...(anonymous ? ['--anonymous'] : []));
}

// The links of a wave by employee id, from `leergang wave links`.
function links(w) {
  const [head, ...rows] = run('wave', 'links', '--wave', w).split(/\r?\n/);
  assert.equal(head, 'employee_id,name,email,link');
  return Object.fromEntries(rows.map((r) => r.split(',')).map((f) => [f[0], new URL(f[f.length - 1]).pathname +
    new URL(f[f.length - 1]).search]));
}

// A respondent answers every scale question with v (and an open answer),
// optionally saving a draft first; hands in unless draftOnly.
async function answer(link, v, { draft, draftOnly = false } = {}) {
  const c = new Client(srv.base);
  const page = await c.get(link);
  assert.equal(page.status, 200);
  const token = new URLSearchParams(link.split('?')[1]).get('token');
  const radios = [...new Set([...page.text.matchAll(/type="radio" id="[^"]*" name="(i\d+)"/g)].map((m) => m[1]))];
  const open = page.text.match(/<textarea id="f-(i\d+)"/)[1];
  const fields = Object.fromEntries(radios.map((r, k) => [r, String(1 + ((v + k) % 5))]));
  if (draft) {
    const s = await c.post('/respond', { token, action: 'save', ...fields, [open]: draft });
    assert.equal(s.status, 303);
  }
  if (draftOnly) return;
  const r = await c.post('/respond', { token, action: 'submit', confirm_incomplete: '1', ...fields, [open]: `Antwoord ${v}` });
  assert.equal(r.status, 303, r.text.slice(0, 300));
}

before(async () => {
  srv = await startServer();
  run('org', 'add', '--slug', SLUG, '--name', 'Gemeente Proefdorp');
  cli(srv.db, ['user', 'add', '--org', SLUG, '--email', COACH, '--role', 'coach', '--name', 'Coach Proef'], PASSWORD + '\n');
  const people = [];
  for (let i = 1; i <= 10; i++) people.push([`X${i}`, `Medewerker X${i}`, 'Dienst Beleid/Team Noord']);
  for (let i = 1; i <= 10; i++) people.push([`Y${i}`, `Medewerker Y${i}`, 'Dienst Beleid/Team Zuid']);
  for (let i = 1; i <= 12; i++) people.push([`Z${i}`, `Medewerker Z${i}`, 'Dienst Uitvoering/Team Oost']);
  importPeople(people);
  coach = new Client(srv.base);
  await coach.login(COACH, PASSWORD);
});
after(async () => { await srv?.stop(); });

const X = (n) => Array.from({ length: n }, (_, i) => `X${i + 1}`);
const Y = (from, n) => Array.from({ length: n }, (_, i) => `Y${from + i}`);

// The stored cells of a wave's responses: "group|unit" -> count.
function storedCells(w) {
  return Object.fromEntries(sqlite(srv.db, `SELECT coalesce(g.name, '-') || '|' || coalesce(u.name, '-') AS cell, count(*) AS n
    FROM response r LEFT JOIN learning_group g ON g.id = r.group_id LEFT JOIN unit u ON u.id = r.unit_id
    WHERE r.wave_id = ${w} GROUP BY 1`).map((x) => [x.cell, x.n]));
}

test('two breakdowns that differenced give one person away: per group shown, per team refused, with the reason', async () => {
  // group A: 10 asked (5 in Noord, 5 in Zuid), group B: 5 in Zuid
  const p = programme('Leiderschap Proef', [[['Groep A', [...X(5), ...Y(1, 5)]], ['Groep B', Y(6, 5)]]]);
  const w = wave(`programme:${p.id}`, 'Eindevaluatie Proef');
  const l = links(w);
  // A: the five of Noord and one of Zuid answer; B: all five
  for (const [k, emp] of [...X(5), 'Y1', ...Y(6, 5)].entries()) await answer(l[emp], k);
  run('wave', 'close', '--wave', w);
  // this is the attack's data, as the store holds it: every invited cell
  // has 5 (so nothing is coarsened), the answered ones do not
  assert.deepEqual(storedCells(w), { 'Groep A|Team Noord': 5, 'Groep A|Team Zuid': 1, 'Groep B|Team Zuid': 5 });

  const byGroup = (await coach.get(`/api/v1/waves/${w}/compare?by=group`)).json();
  // with two groups to show, a comparison asked for no breakdown opens on the groups
  assert.equal((await coach.get(`/api/v1/waves/${w}/compare`)).json().by, 'group');
  assert.deepEqual(byGroup.parts.map((x) => [x.name, x.shown, x.n]),
    [['Lichting 1 · Groep A', true, 6], ['Lichting 1 · Groep B', true, 5]]);
  const byUnit = (await coach.get(`/api/v1/waves/${w}/compare?by=unit`)).json();
  assert.equal(byUnit.parts.length, 2);
  for (const x of byUnit.parts) {
    assert.equal(x.shown, false, `${x.name} is not shown`);
    assert.equal(x.n, null, `${x.name}: no count`);
    assert.equal(x.scores, null, `${x.name}: no scores`);
    assert.match(x.why_hidden, /naast de uitsplitsing per groep/);
  }
  assert.match(byUnit.why_not_shown, /^Niet getoond bij deze meting: naast de uitsplitsing per groep, die wel getoond wordt/);
  // the page says so, and marks the choice in the form
  const page = (await coach.get(`/waves/${w}/compare?by=unit`)).text;
  assert.match(page, /<p class="note" id="why-not">Niet getoond bij deze meting: naast de uitsplitsing per groep, die wel getoond wordt, zou het aftrekken van het ene cijfer van het andere de antwoorden van minder dan 5 mensen prijsgeven\.<\/p>/);
  assert.match(page, /<option value="unit" selected>Onderdeel \(niet getoond bij deze meting\)<\/option>/);
  assert.doesNotMatch(page, /Team Noord|Team Zuid/, 'no team is named with a figure');
  // the wave page's table per group shows both groups
  const wavePage = (await coach.get(`/waves/${w}`)).text;
  assert.match(wavePage, /<h2 id="per-group">Per groep<\/h2>/);
});

test('the same with batches: per batch shown, per team refused', async () => {
  // a wave that knows who answered (so nothing is coarsened in storage):
  // batch 1 = groups of 3 and 3 (5 of Noord, 1 of Zuid), batch 2 = groups
  // of 3 and 2 (all Zuid). No group reaches 5, both batches do, and so do
  // both teams; batch 1 minus Noord would be the one of Zuid.
  const p = programme('Leiderschap Proef 2', [[['Groep C1', ['X6', 'X7', 'X8']], ['Groep C2', ['X9', 'X10', 'Y1']]],
    [['Groep E1', ['Y2', 'Y3', 'Y4']], ['Groep E2', ['Y5', 'Y6']]]]);
  const w = wave(`programme:${p.id}`, 'Evaluatie per lichting', false);
  const l = links(w);
  for (const [k, emp] of ['X6', 'X7', 'X8', 'X9', 'X10', 'Y1', 'Y2', 'Y3', 'Y4', 'Y5', 'Y6'].entries()) await answer(l[emp], k + 2);
  run('wave', 'close', '--wave', w);
  const group = (await coach.get(`/api/v1/waves/${w}/compare?by=group`)).json();
  assert.ok(group.parts.every((x) => !x.shown && x.n === null), 'no group has 5');
  const batch = (await coach.get(`/api/v1/waves/${w}/compare?by=batch`)).json();
  assert.deepEqual(batch.parts.map((x) => [x.name, x.shown, x.n]),
    [['Leiderschap Proef 2 · Lichting 1', true, 6], ['Leiderschap Proef 2 · Lichting 2', true, 5]]);
  const unit = (await coach.get(`/api/v1/waves/${w}/compare?by=unit`)).json();
  assert.equal(unit.parts.length, 2);
  assert.ok(unit.parts.every((x) => !x.shown && x.n === null && x.scores === null), 'no team shown beside the batches');
  assert.match(unit.why_not_shown, /^Niet getoond bij deze meting: naast de uitsplitsing per lichting, die wel getoond wordt/);
  assert.match((await coach.get(`/waves/${w}/compare?by=unit`)).text,
    /id="why-not">Niet getoond bij deze meting: naast de uitsplitsing per lichting/);
  // asked for no breakdown, the page and the API open on the batches: the
  // first breakdown with two parts to set side by side
  const opening = (await coach.get(`/api/v1/waves/${w}/compare`)).json();
  assert.equal(opening.by, 'batch');
  assert.deepEqual(opening.parts.map((x) => [x.name, x.shown]), batch.parts.map((x) => [x.name, x.shown]));
  const openPage = (await coach.get(`/waves/${w}/compare`)).text;
  assert.match(openPage, /<option value="batch" selected>/);
  assert.match(openPage, /<h2 id="by">Per lichting<\/h2>/);
});

test('two waves compared: 11 of 12 answered both, so they are not paired; 7 of 12 with 5 others, they are', async () => {
  const p = programme('Leiderschap Proef 3', [[['Groep Oost', Array.from({ length: 12 }, (_, i) => `Z${i + 1}`)]]]);
  const group = `group:${p.groups['Groep Oost']}`;
  const first = wave(group, 'Voormeting Oost', false), second = wave(group, 'Nameting Oost', false),
    third = wave(group, 'Derde meting Oost', false);
  const [l1, l2, l3] = [links(first), links(second), links(third)];
  for (let i = 1; i <= 12; i++) await answer(l1[`Z${i}`], i);
  for (let i = 1; i <= 11; i++) await answer(l2[`Z${i}`], i + 1);
  for (let i = 1; i <= 7; i++) await answer(l3[`Z${i}`], i + 2);
  for (const w of [first, second, third]) run('wave', 'close', '--wave', w);

  const api = (await coach.get(`/api/v1/waves/${second}/compare?with=${first}`)).json();
  assert.equal(api.waves.shown, true);
  assert.equal(api.waves.paired, false, 'not paired: the one who answered only the first would be given away');
  assert.match(api.waves.why_unpaired, /11 vulden beide in, 1 alleen de eerste meting en 0 alleen de tweede/);
  assert.ok(api.waves.dimensions.every((d) => d.paired === undefined), 'no paired change at all');
  const page = (await coach.get(`/waves/${second}/compare?with=${first}`)).text;
  assert.doesNotMatch(page, /Gekoppeld:/);
  assert.match(page, /11 vulden beide in, 1 alleen de eerste meting en 0 alleen de tweede; daarom worden de twee metingen vergeleken als onafhankelijke groepen\./);
  // 7 answered both and 5 only the first: paired
  const ok = (await coach.get(`/api/v1/waves/${third}/compare?with=${first}`)).json();
  assert.equal(ok.waves.paired, true);
  assert.equal(ok.waves.pairs, 7);
  assert.match((await coach.get(`/waves/${third}/compare?with=${first}`)).text, /Gekoppeld: 7 mensen vulden beide metingen in\./);
});

// ---- storage ----

// A small deterministic random sequence, so every run generates the same.
function rng(seed) {
  let s = seed >>> 0;
  return (n) => { s = (s * 1664525 + 1013904223) >>> 0; return s % n; };
}

test('no stored combination of an anonymous response is shared by fewer than 5 invited people: the demo and generated waves, from the database files with their write-ahead log', async (t) => {
  // generated: teams of random sizes, programmes with random groups, an
  // anonymous wave each, and a wave to a department; some answer (some
  // after a draft), some only save a draft, the rest nothing
  const r = rng(20261206);
  const people = [];
  for (let t = 1; t <= 8; t++) {
    const size = 1 + r(9);
    for (let i = 1; i <= size; i++) people.push([`G${t}-${i}`, `Collega ${t}-${i}`, `Sector ${1 + (t % 3)}/Team ${t}`]);
  }
  importPeople(people);
  const markers = [];
  const order = people.map((p) => p[0]).sort((a, b) => (r(3) - 1) || a.localeCompare(b));
  for (let k = 0; k < 3; k++) {
    const groups = [];
    let at = 0;
    for (let g = 0; g < 2 + r(3) && at < order.length; g++) {
      const size = 3 + r(8);
      groups.push([`Kring ${k}-${g}`, order.slice(at, at + size)]);
      at += size;
    }
    const p = programme(`Leercirkels ${k}`, [groups]);
    const w = wave(`programme:${p.id}`, `Evaluatie leercirkels ${k}`);
    const l = links(w);
    for (const [emp, link] of Object.entries(l)) {
      const roll = r(10);
      const marker = `Concept-${w}-${emp}-nog-geheim`;
      if (roll < 5) await answer(link, roll);
      else if (roll < 7) { markers.push(marker); await answer(link, roll, { draft: marker }); }
      else if (roll < 8) { markers.push(marker); await answer(link, roll, { draft: marker, draftOnly: true }); }
    }
  }
  const sector = sqlite(srv.db, `SELECT u.id FROM unit u JOIN organisation o ON o.id = u.organisation_id
    WHERE o.slug = '${SLUG}' AND u.name = 'Sector 1'`)[0].id;
  const w = wave(`unit:${sector}`, 'Scan Sector 1');
  for (const [k, link] of Object.values(links(w)).entries()) if (k % 4) await answer(link, k);

  // the files as they are, the write-ahead log with them (SQLite's: on
  // PostgreSQL the database is read as the server left it, its files are
  // the cluster's own)
  const dir = mkdtempSync(join(tmpdir(), 'leergang-copy-'));
  try {
    let copy = srv.db;
    if (!PG) {
      copy = join(dir, 'copy.db');
      copyFileSync(srv.db, copy);
      if (existsSync(`${srv.db}-wal`)) copyFileSync(`${srv.db}-wal`, `${copy}-wal`);
      for (const file of [copy, `${copy}-wal`]) {
        if (!existsSync(file)) continue;
        const bytes = readFileSync(file);
        for (const m of markers) assert.ok(!bytes.includes(m), `${file} holds the draft "${m}" as text`);
      }
    }
    assert.ok(markers.length > 0, 'some drafts were saved');
    const waves = sqlite(copy, 'SELECT id, name, subject_id FROM wave WHERE anonymous = 1');
    assert.ok(waves.filter((x) => !x.subject_id).length >= 5, 'the demo\'s and the generated anonymous waves');
    let checked = 0;
    for (const wv of waves) {
      // nothing that ties a response to its invitation or to a time
      assert.equal(sqlite(copy, `SELECT count(*) AS n FROM response WHERE wave_id = ${wv.id}
        AND (invitation_id IS NOT NULL OR submitted_week <> '')`)[0].n, 0, `${wv.name}: no link, no time`);
      if (wv.subject_id) {
        // a 360° round: no group or unit; self and the own manager by their
        // category (never anonymous), any other from 3 invited raters
        for (const c of sqlite(copy, `SELECT r.rater_role AS role, r.group_id AS g, r.unit_id AS u,
          (SELECT count(*) FROM invitation v WHERE v.wave_id = ${wv.id} AND v.report_role = r.rater_role) AS asked
          FROM response r WHERE r.wave_id = ${wv.id} GROUP BY 1, 2, 3`)) {
          assert.equal(c.g, null);
          assert.equal(c.u, null);
          if (c.role !== 'self' && c.role !== 'manager') assert.ok(c.asked >= 3, `${wv.name}: ${c.role} of ${c.asked}`);
        }
        continue;
      }
      // every stored combination is that of at least 5 people asked: those
      // whose invitation carries the same cells, as an operator sees them
      for (const c of sqlite(copy, `SELECT r.group_id AS g, r.unit_id AS u, count(*) AS answered,
        (SELECT count(*) FROM invitation v WHERE v.wave_id = ${wv.id} AND v.enrolment_status <> 'stopped'
           AND v.report_group_id IS NOT DISTINCT FROM r.group_id AND v.report_unit_id IS NOT DISTINCT FROM r.unit_id) AS asked
        FROM response r WHERE r.wave_id = ${wv.id} GROUP BY 1, 2`)) {
        assert.ok(c.asked >= 5, `${wv.name}: group ${c.g}, unit ${c.u} is shared by ${c.asked} people asked`);
        checked++;
      }
      // and the cells are true of each person: their own group or none,
      // their unit or one above it, or none
      const wrong = sqlite(copy, `WITH RECURSIVE up(person, unit) AS (
          SELECT p.id, p.unit_id FROM person p UNION SELECT up.person, u.parent_id FROM up JOIN unit u ON u.id = up.unit
          WHERE u.parent_id IS NOT NULL)
        SELECT count(*) AS n FROM invitation v WHERE v.wave_id = ${wv.id} AND v.enrolment_status <> 'stopped' AND (
          (v.report_unit_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM up WHERE up.person = v.person_id AND up.unit = v.report_unit_id))
          OR (v.report_group_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM enrolment e WHERE e.person_id = v.person_id
            AND e.group_id = v.report_group_id)))`)[0].n;
      assert.equal(wrong, 0, `${wv.name}: every cell is true of its person`);
    }
    assert.ok(checked >= 5, `${checked} stored combinations checked`);
    if (PG) t.skip('not for this database: on PostgreSQL the database files are not read for the drafts\' text (they are the cluster\'s)');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
