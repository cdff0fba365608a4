// stats.test.mjs — `leergang stats` against R (issue: "every statistic
// agrees with R to at least 6 significant digits"). Run by scripts/check
// with the sanitizer build ($LEERGANG_BIN), or alone:
//   node --test tests/stats/            (uses build/release/leergang)
//
// 1. shipped: every tests/stats/data/NAME.csv through leergang, compared
//    with NAME.expected.json, which R made (reference.R). Needs no R.
// 2. reproduced: reference.R run again into a temporary directory makes
//    the same CSV files and the same numbers as the committed ones.
// 3. live: random questionnaires and 360° files made by R (live.R) for
//    fixed seeds and for a few fresh ones (the seed is in the test name,
//    to repeat a failure: Rscript tests/stats/live.R DIR SEED), compared
//    the same way.
// 2 and 3 need Rscript with psych; without it they are skipped and say so.
// 4. input: the one-line messages for bad files and arguments, and that
//    Dutch and English spreadsheets give the same numbers.
// The comparison rules are in compare.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root, DATA, leergang, hasR, NO_R, withFile, refused, rscript } from './cli.mjs';
import { compare, REL } from './compare.mjs';

if (!hasR) console.log(NO_R);

// Runs leergang on dir/NAME.csv with the arguments in NAME.expected.json
// and compares every number.
function agrees(dir, name) {
  const expected = JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8'));
  const args = expected._args;
  const argv = args[0] === '360' ? ['stats', '360', join(dir, `${name}.csv`), ...args.slice(1)]
    : ['stats', join(dir, `${name}.csv`), ...args];
  const r = leergang(argv);
  assert.equal(r.status, 0, `leergang ${argv.join(' ')} failed: ${r.stderr}`);
  assert.equal(r.stderr, '', 'nothing on stderr');
  const actual = JSON.parse(r.stdout);  // fails on NaN or Infinity: they are not JSON
  const { errors, compared } = compare(expected, actual);
  assert.deepEqual(errors, [], `${name}: leergang and R differ (relative tolerance ${REL})`);
  assert.ok(compared > 0, `${name}: no numbers compared`);
  return compared;
}

// kappa-*: `leergang stats kappa`, compared in kappa.test.mjs (made by kappa.R);
// agreement-* and twowave-*: their own commands, in agreement.test.mjs and two_wave.test.mjs
const cases = (dir) => readdirSync(dir).filter((f) => f.endsWith('.expected.json') && !/^(kappa|agreement|twowave)-/.test(f)).map((f) => f.replace(/\.expected\.json$/, '')).sort();

for (const name of cases(DATA)) {
  test(`shipped ${name}.csv agrees with R`, () => { agrees(DATA, name); });
}

test('the shipped data sets cover the cases the issue names', () => {
  const names = cases(DATA);
  for (const n of ['likert', 'tiny', 'anova', 'welch', 'paired', 'edge', 'singletons', 'flat', 'single', 'three60'])
    assert.ok(names.includes(n), `${n} is missing from tests/stats/data`);
  const likert = JSON.parse(readFileSync(join(DATA, 'likert.expected.json'), 'utf8'));
  assert.ok(likert.items.some((i) => i.reversed), 'a reversed item');
  assert.ok(likert.alpha.excluded.length > 0, 'a constant item');
  assert.ok(likert.items.some((i) => i.n < likert.rows), 'missing answers');
  const tiny = JSON.parse(readFileSync(join(DATA, 'tiny.expected.json'), 'utf8'));
  assert.deepEqual(tiny.groups.map((g) => g.n).sort(), [2, 3], 'tiny groups of 2 and 3');
});

test('reference.R reproduces the committed files', { skip: !hasR && NO_R }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'leergang-stats-ref-'));
  try {
    rscript([join(root, 'tests/stats/reference.R'), dir]);
    for (const name of cases(DATA)) {
      assert.equal(readFileSync(join(dir, `${name}.csv`), 'utf8'), readFileSync(join(DATA, `${name}.csv`), 'utf8'),
        `${name}.csv differs from what reference.R makes now`);
      const now = JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8'));
      const committed = JSON.parse(readFileSync(join(DATA, `${name}.expected.json`), 'utf8'));
      assert.deepEqual(now._args, committed._args);
      assert.deepEqual(compare(now, committed).errors, [], `${name}.expected.json differs from what R gives now`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('live: random data sets made by R agree with leergang', { skip: !hasR && NO_R }, async (t) => {
  const fixed = [1, 2, 3, 5, 8, 13, 21, 34];
  const fresh = Array.from({ length: 4 }, () => 1000 + Math.floor(Math.random() * 1e6));
  const dir = mkdtempSync(join(tmpdir(), 'leergang-stats-live-'));
  try {
    rscript([join(root, 'tests/stats/live.R'), dir, ...fixed.map(String), ...fresh.map(String)]);
    for (const seed of [...fixed, ...fresh]) {
      for (const kind of ['live', 'live360']) {
        const name = `${kind}-${seed}`;
        await t.test(`${name} (seed ${seed}${fresh.includes(seed) ? ', fresh' : ''})`, () => {
          try { readFileSync(join(dir, `${name}.csv`)); } catch { return; }  // live.R made no 360 file
          agrees(dir, name);
        });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// ---- input -----------------------------------------------------------------

test('bad cells are refused with their row and column', () => {
  const good = 'id;a;b;team\n1;1;2;x\n2;3;;y\n';
  withFile(good + '3;6;2;x\n', (f) => refused(['stats', f, '--items', 'a,b'], /row 4, column 'a': 6 is outside the scale 1\.\.5/));
  withFile(good + '3;2;veel;x\n', (f) => refused(['stats', f, '--items', 'a,b'], /row 4, column 'b': 'veel' is not a number/));
  withFile(good + '3;2;NA;x\n', (f) => refused(['stats', f, '--items', 'a,b'], /'NA' is not a number \(leave the cell empty/));
  withFile(good + '3;2,5;1;x\n', (f) => refused(['stats', f, '--items', 'a,b'], /row 4, column 'a': 2,5 is not a point of the scale/));
  withFile(good + '3;0;1;x\n', (f) => refused(['stats', f, '--items', 'a,b'], /0 is outside the scale/));
  // the same 0 is fine on a scale that has it
  withFile(good + '3;0;1;x\n', (f) => assert.equal(leergang(['stats', f, '--items', 'a,b', '--scale-min', '0']).status, 0));
  // a hostile cell stays on one line in the message
  withFile('a;b\n"1\n<script>";2\n', (f) => refused(['stats', f, '--items', 'a,b'], /row 2, column 'a': '1\?<script>' is not a number/));
  withFile(good, (f) => refused(['stats', f, '--items', 'a,zz'], /there is no column 'zz' \(--items\); the header has: id, a, b, team/));
  withFile(good, (f) => refused(['stats', f, '--items', 'a,b', '--group', 'afdeling'], /no column 'afdeling' \(--group\)/));
  withFile(good, (f) => refused(['stats', f, '--paired', 'a,zz'], /no column 'zz' \(--paired\)/));
  withFile('a;a;b\n1;2;3\n', (f) => refused(['stats', f, '--items', 'a,b'], /'a' \(--items\) appears twice in the header/));
});

test('bad arguments and files are refused', () => {
  withFile('a;b\n1;2\n', (f) => {
    refused(['stats', f, '--items', 'a,b', '--reverse', 'c'], /--reverse names 'c', which is not one of --items/);
    refused(['stats', f, '--items', 'a,,b'], /empty column name/);
    refused(['stats', f, '--items', 'a,b,a'], /names the column 'a' twice/);
    refused(['stats', f, '--items', 'a,b', '--scale-min', '5', '--scale-max', '1'], /not usable/);
    refused(['stats', f, '--items', 'a,b', '--scale-max', 'vijf'], /--scale-max needs a whole number/);
    refused(['stats', f, '--paired', 'a'], /--paired needs two columns/);
    refused(['stats', f, '--group', 'a'], /give --items too/);
    refused(['stats', f], /usage: leergang stats/);
    refused(['stats', f, '--items', 'a', '--bogus'], /--bogus is not an option of stats/);
    refused(['stats', f, '--items'], /--items is not an option of stats, or needs a value/);
  });
  refused(['stats', join(tmpdir(), 'leergang-does-not-exist.csv'), '--items', 'a'], /cannot open/);
  withFile('', (f) => refused(['stats', f, '--items', 'a'], /is empty/));
  withFile('a;b\n"1;2\n', (f) => refused(['stats', f, '--items', 'a'], /line 2/));
  withFile('a;b\n1;\x002\n', (f) => refused(['stats', f, '--items', 'a'], /line|encoding|UTF/i));
});

test('360: bad rows are refused with their row', () => {
  const head = 'subject,rater_role,rater_id,dimension,score\n';
  withFile(head + 'Ann,self,,Visie,4\nAnn,staff,s1,Visie,3\nAnn,peer,s1,Koers,2\n',
    (f) => refused(['stats', '360', f], /row 4: this rater_id has another rater_role/));
  withFile(head + 'Ann,staff,,Visie,4\n', (f) => refused(['stats', '360', f], /row 2: the rater_id is empty/));
  withFile(head + 'Ann,staff,s1,Visie,goed\n', (f) => refused(['stats', '360', f], /row 2, column 'score': 'goed' is not a number/));
  withFile('subject,rater_role,dimension,score\n', (f) => refused(['stats', '360', f], /no column 'rater_id'/));
  withFile(head, (f) => refused(['stats', '360', f, 'extra'], /usage/));
  withFile(head, (f) => refused(['stats', '360', f, '--items', 'a'], /--items is not an option/));
});

test('Dutch and English spreadsheets give the same numbers; no NaN ever', () => {
  const nl = '\ufeffid;a;b;c;groep;voor;na\r\n1;1;2;;A;3,5;4\r\n2;4;4;5;B;2;2,75\r\n3;;;;A;;\r\n4;5;3;4;B;4,25;4,5\r\n5;2;1;2;A;1;\r\n';
  const en = 'id,a,b,c,groep,voor,na\n1,1,2,,A,3.5,4\n2,4,4,5,B,2,2.75\n3,,,,A,,\n4,5,3,4,B,4.25,4.5\n5,2,1,2,A,1,\n';
  const args = ['--items', 'a,b,c', '--reverse', 'b', '--group', 'groep', '--paired', 'voor,na'];
  const a = withFile(nl, (f) => leergang(['stats', f, ...args]));
  const b = withFile(en, (f) => leergang(['stats', f, ...args]));
  assert.equal(a.status, 0, a.stderr);
  assert.equal(a.stdout, b.stdout);
  const j = JSON.parse(a.stdout);
  assert.equal(j.rows, 5);
  assert.equal(j.n, 4, 'the respondent who answered nothing has no score');
  assert.equal(j.paired.n, 3);
  assert.equal(j.paired.mean_diff, ((4 - 3.5) + (2.75 - 2) + (4.5 - 4.25)) / 3);
  assert.deepEqual(j.items[1].counts, [0, 1, 1, 1, 1], 'b (2, 4, 3, 1) reversed is 4, 2, 3, 5');
  // every number is finite (JSON.parse would have failed on NaN; check Infinity-like huge values too)
  const walk = (v) => (v && typeof v === 'object' ? Object.values(v).forEach(walk) : typeof v === 'number' && assert.ok(Number.isFinite(v)));
  walk(j);
});

test('help stats explains the command', () => {
  const r = leergang(['help', 'stats']);
  assert.equal(r.status, 0);
  assert.match(r.stdout, /usage: leergang stats FILE\.csv --items/);
  assert.match(r.stdout, /leergang stats 360 FILE\.csv/);
  assert.match(r.stdout, /psych::alpha/);
});
