// two_wave.test.mjs — `leergang stats twowave` against R: the paired change
// per group (t.test(w2, w1, paired = TRUE) with its 95% interval and d_z)
// and the difference between the groups in change (Welch's t.test on the
// change scores with its interval, Hedges' g). two_wave.R says how each
// reference value was made. Every number must agree to 1e-9.
//
// 1. shipped: data/twowave-*.csv with their expected values; needs no R.
// 2. reproduced: two_wave.R run again makes the same files and numbers.
// 3. live: random studies for 16 fixed seeds and 4 fresh ones (the seed is
//    in the test name: Rscript tests/stats/two_wave.R DIR SEED repeats it).
// 4. input: bad arguments and cells are refused in one line.
// 2 and 3 need Rscript; without it they are skipped and say so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root, DATA, leergang, hasR, NO_R, withFile, rscript, runStats, agreesWithR, shippedCases } from './cli.mjs';
import { compare } from './compare.mjs';

const TOL = 1e-9;
const SCRIPT = join(root, 'tests/stats/two_wave.R');

const run = (file, args) => runStats('twowave', file, args);

const agrees = (dir, name) => agreesWithR('twowave', dir, name, TOL);

const cases = (dir) => shippedCases(dir, /twowave-/);

for (const name of cases(DATA))
  test(`shipped ${name}.csv agrees with R`, () => { agrees(DATA, name); });

test('the shipped cases show what they are for', () => {
  assert.deepEqual(cases(DATA), ['twowave-demo', 'twowave-one', 'twowave-small']);
  const demo = agrees(DATA, 'twowave-demo');
  assert.ok(demo.intervention.n >= 5 && demo.comparison.n >= 5, 'the demo has pairs enough in both groups');
  assert.equal(demo.difference.n_intervention, demo.intervention.n, 'the difference uses the same pairs');
  const small = agrees(DATA, 'twowave-small');
  assert.equal(small.intervention.n, 3, 'a person without wave 2 is no pair');
  assert.equal(small.comparison.t, null, 'every change equal: no t');
  assert.match(small.comparison.note, /same|difference/);
  assert.equal(small.comparison.mean_change, 0.5);
  const one = agrees(DATA, 'twowave-one');
  assert.equal(one.difference.t, null);
  assert.ok(one.difference.note);
});

test('two_wave.R reproduces the committed files', { skip: !hasR && NO_R }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'leergang-twowave-ref-'));
  try {
    rscript([SCRIPT, dir]);
    assert.deepEqual(cases(dir), cases(DATA));
    for (const name of cases(DATA)) {
      assert.equal(readFileSync(join(dir, `${name}.csv`), 'utf8'), readFileSync(join(DATA, `${name}.csv`), 'utf8'),
        `${name}.csv differs from what two_wave.R makes now`);
      const now = JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8'));
      const committed = JSON.parse(readFileSync(join(DATA, `${name}.expected.json`), 'utf8'));
      assert.deepEqual(compare(now, committed, TOL, TOL).errors, [], `${name}.expected.json differs from what R gives now`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('live: random studies made by R agree with leergang', { skip: !hasR && NO_R }, async (t) => {
  const fixed = Array.from({ length: 16 }, (_, i) => i + 1);
  const fresh = Array.from({ length: 4 }, () => 1000 + Math.floor(Math.random() * 1e6));
  const dir = mkdtempSync(join(tmpdir(), 'leergang-twowave-live-'));
  try {
    rscript([SCRIPT, dir, ...[...fixed, ...fresh].map(String)]);
    for (const seed of [...fixed, ...fresh])
      await t.test(`live-twowave-${seed}${fresh.includes(seed) ? ' (fresh)' : ''}`, () => { agrees(dir, `live-twowave-${seed}`); });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('bad files and arguments are refused in one line', () => {
  const args = ['--group', 'groep', '--groups', 'a,b', '--paired', 'm1,m2'];
  const refused = (r, re) => {
    assert.equal(r.status, 1, r.stdout);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, re);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  };
  withFile('groep;m1;m2\na;3;4\nb;2;x\n', (f) => refused(leergang(['stats', 'twowave', f, ...args]), /row 3.*'x' is not a number/));
  withFile('groep;m1;m2\nc;3;4\n', (f) => refused(leergang(['stats', 'twowave', f, ...args]), /'c' is neither a nor b/));
  withFile('groep;m1\na;3\n', (f) => refused(leergang(['stats', 'twowave', f, ...args]), /no column 'm2'/));
  withFile('groep;m1;m2\na;3;4\n', (f) => {
    refused(leergang(['stats', 'twowave', f, '--group', 'groep', '--groups', 'a,a', '--paired', 'm1,m2']), /two different/);
    refused(leergang(['stats', 'twowave', f, '--group', 'groep', '--paired', 'm1,m2']), /usage/);
  });
});
