// kappa.test.mjs — `leergang stats kappa` against R: Cohen's kappa, its
// standard error and confidence interval as psych::cohen.kappa gives them,
// and Krippendorff's alpha from its definition (kappa.R says how). Every
// number must agree to 1e-9 (relative, or absolute below 1e-9: kappa, its
// SE and bounds lie near [-1, 1]).
//
// 1. shipped: data/kappa-*.csv with their kappa-*.expected.json (kappa.R);
//    needs no R. kappa-hand's values are also checked against the numbers
//    worked by hand in kappa.R.
// 2. reproduced: kappa.R run again makes the same files and numbers.
// 3. live: random coding tables for fixed and fresh seeds (the seed is in
//    the test name: Rscript tests/stats/kappa.R DIR SEED repeats it).
// 4. input: empty files, unknown raters, bad options; no NaN ever.
// 2 and 3 need Rscript with psych; without it they are skipped and say so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root, DATA, leergang, hasR, NO_R, withFile, refused, rscript, runStats, agreesWithR, shippedCases } from './cli.mjs';
import { compare } from './compare.mjs';

const TOL = 1e-9;

const run = (file, args) => runStats('kappa', file, args);

const agrees = (dir, name) => agreesWithR('kappa', dir, name, TOL);

const cases = (dir) => shippedCases(dir, /kappa-/);

for (const name of cases(DATA))
  test(`shipped ${name}.csv agrees with R`, () => { agrees(DATA, name); });

test('the shipped kappa cases cover what they are for', () => {
  assert.deepEqual(cases(DATA), ['kappa-hand', 'kappa-missing', 'kappa-one', 'kappa-perfect', 'kappa-raters3', 'kappa-three']);
  const j = (n) => run(join(DATA, `${n}.csv`), JSON.parse(readFileSync(join(DATA, `${n}.expected.json`), 'utf8'))._args);
  const miss = j('kappa-missing');
  assert.equal(miss.missing, 6, 'fragments 3, 8, 15, 21, 30, 31 lack a code');
  assert.equal(miss.n + miss.missing, miss.rows);
  assert.equal(miss.krippendorff_alpha.units, 34);
  const three = j('kappa-three');
  assert.deepEqual(three.categories, ['laag', 'midden', 'hoog'], 'the order given, not the bytes\'');
  assert.ok(three.weighted.kappa > three.kappa - 1 && three.weighted.kappa !== three.kappa);
  const perfect = j('kappa-perfect');
  assert.ok(Math.abs(perfect.kappa - 1) < 1e-12, 'perfect agreement: kappa 1');
  assert.equal(perfect.se, 0, 'exactly 0, not the rounding of its terms');
  assert.equal(perfect.ci.lower, perfect.kappa);
  assert.equal(perfect.weighted.se, 0);
  const one = j('kappa-one');
  assert.equal(one.kappa, null);
  assert.equal(one.se, null);
  assert.match(one.note, /one category/);
  assert.equal(one.krippendorff_alpha.alpha, null);
  assert.match(one.krippendorff_alpha.note, /one category/);
  assert.equal(one.missing, 2);
  const r3 = j('kappa-raters3');
  assert.deepEqual(r3.categories, ['1', '2', '10'], 'numbers by number');
  assert.deepEqual(r3.pairs.map((p) => p.raters.join('-')), ['c1-c2', 'c1-c3', 'c2-c3']);
});

test('kappa-hand: the values worked by hand in kappa.R', () => {
  const h = run(join(DATA, 'kappa-hand.csv'), ['--raters', 'A,B']);
  const near = (a, b, what) => assert.ok(Math.abs(a - b) < 5e-9, `${what}: ${a}, by hand ${b}`);
  assert.deepEqual(h.categories, ['ja', 'nee']);
  assert.deepEqual(h.confusion, [[4, 2], [1, 3]]);
  assert.equal(h.n, 10);
  assert.equal(h.missing, 0);
  near(h.observed_agreement, 0.7, 'po');
  near(h.expected_agreement, 0.5, 'pc');
  near(h.kappa, 0.4, 'kappa');
  near(h.se, Math.sqrt(0.08064), 'se');
  near(h.ci.lower, 0.4 - 1.959963984540054 * Math.sqrt(0.08064), 'lower');
  near(h.ci.upper, 0.4 + 1.959963984540054 * Math.sqrt(0.08064), 'upper');
  near(h.krippendorff_alpha.alpha, 14 / 33, 'alpha');
  assert.equal(h.krippendorff_alpha.values, 20);
});

test('kappa.R reproduces the committed kappa files', { skip: !hasR && NO_R }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'leergang-kappa-ref-'));
  try {
    rscript([join(root, 'tests/stats/kappa.R'), dir]);
    assert.deepEqual(cases(dir), cases(DATA));
    for (const name of cases(DATA)) {
      assert.equal(readFileSync(join(dir, `${name}.csv`), 'utf8'), readFileSync(join(DATA, `${name}.csv`), 'utf8'),
        `${name}.csv differs from what kappa.R makes now`);
      const now = JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8'));
      const committed = JSON.parse(readFileSync(join(DATA, `${name}.expected.json`), 'utf8'));
      assert.deepEqual(now._args, committed._args);
      assert.deepEqual(compare(now, committed, TOL, TOL).errors, [], `${name}.expected.json differs from what R gives now`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('live: random codings made by R agree with leergang', { skip: !hasR && NO_R }, async (t) => {
  const fixed = Array.from({ length: 24 }, (_, i) => i + 1);
  const fresh = Array.from({ length: 8 }, () => 1000 + Math.floor(Math.random() * 1e6));
  const dir = mkdtempSync(join(tmpdir(), 'leergang-kappa-live-'));
  try {
    rscript([join(root, 'tests/stats/kappa.R'), dir, ...[...fixed, ...fresh].map(String)]);
    for (const seed of [...fixed, ...fresh])
      await t.test(`live-kappa-${seed}${fresh.includes(seed) ? ' (fresh)' : ''}`, () => { agrees(dir, `live-kappa-${seed}`); });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// ---- input -----------------------------------------------------------------

test('bad files and arguments are refused in one line', () => {
  withFile('A;B;memo\nja;nee;x\n', (f) => {
    refused(['stats', 'kappa', f], /needs --raters A,B/);
    refused(['stats', 'kappa', f, '--raters', 'A'], /two columns or more/);
    refused(['stats', 'kappa', f, '--raters', 'A,C'], /there is no column 'C' \(--raters\); the header has: A, B, memo/);
    refused(['stats', 'kappa', f, '--raters', 'A,A'], /names the column 'A' twice/);
    refused(['stats', 'kappa', f, '--raters', 'A,B', '--weights', 'cubic'], /--weights must be none, linear or quadratic, not 'cubic'/);
    refused(['stats', 'kappa', f, '--raters', 'A,B', '--categories', 'ja'], /row 2, column 'B': 'nee' is not one of --categories/);
    refused(['stats', 'kappa', f, '--raters', 'A,B', '--bogus'], /--bogus is not an option of stats/);
    refused(['stats', 'kappa', f, 'extra', '--raters', 'A,B'], /usage: leergang stats/);
  });
  refused(['stats', 'kappa', join(tmpdir(), 'leergang-does-not-exist.csv'), '--raters', 'A,B'], /cannot open/);
  withFile('', (f) => refused(['stats', 'kappa', f, '--raters', 'A,B'], /is empty/));
  withFile('A;B\n"ja;nee\n', (f) => refused(['stats', 'kappa', f, '--raters', 'A,B'], /line 2/));
});

test('no units, or none coded by both: null with a note, never NaN', () => {
  for (const content of ['A;B\n', 'A;B\nja;\n;nee\n;\n']) {
    const j = withFile(content, (f) => run(f, ['--raters', 'A,B', '--weights', 'linear']));
    assert.equal(j.n, 0);
    assert.equal(j.kappa, null);
    assert.equal(j.se, null);
    assert.equal(j.ci.lower, null);
    assert.match(j.note, /no unit was coded by both/);
    assert.equal(j.weighted.kappa, null);
    assert.ok(j.weighted.note);
    assert.equal(j.krippendorff_alpha.alpha, null);
    assert.match(j.krippendorff_alpha.note, /no unit/);
    assert.equal(j.missing, j.rows);
  }
});

test('a Dutch and an English file give the same output; spaces around codes do not count', () => {
  const nl = '\ufeffid;A;B\r\n1; ja ;ja\r\n2;nee;ja\r\n3;nee;nee\r\n4;;nee\r\n';
  const en = 'id,A,B\n1,ja,ja\n2,nee,ja\n3,nee,nee\n4,,nee\n';
  const a = withFile(nl, (f) => leergang(['stats', 'kappa', f, '--raters', 'A,B']));
  const b = withFile(en, (f) => leergang(['stats', 'kappa', f, '--raters', 'A,B']));
  assert.equal(a.status, 0, a.stderr);
  assert.equal(a.stdout, b.stdout);
  const j = JSON.parse(a.stdout);
  assert.deepEqual(j.confusion, [[1, 0], [1, 1]]);
  assert.equal(j.missing, 1);
});

test('help stats explains kappa', () => {
  const r = leergang(['help', 'stats']);
  assert.equal(r.status, 0);
  assert.match(r.stdout, /leergang stats kappa FILE\.csv --raters A,B/);
  assert.match(r.stdout, /psych::cohen\.kappa/);
  assert.match(r.stdout, /Krippendorff/);
});
