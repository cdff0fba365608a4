// agreement.test.mjs — `leergang stats agreement` against R: two coders'
// agreement per code over the characters of coded texts (Cohen's kappa,
// its SE and interval as psych::cohen.kappa gives them on the expanded
// 0/1 vectors, Krippendorff's alpha from the coincidence matrix, the
// percentage agreement and the counts). agreement.R says how the
// reference values are obtained. Every number must agree to 1e-9.
//
// 1. shipped: data/agreement-interviews.csv with its three expected files
//    (with and without the uncoded text, and a subset of the sources);
//    needs no R.
// 2. reproduced: agreement.R run again makes the same files and numbers.
// 3. live: random codings for fixed and fresh seeds, each with and without
//    the uncoded text (Rscript tests/stats/agreement.R DIR SEED repeats one).
// 4. a 1 MB interview with 60 codes: counted as a per-character count in
//    JavaScript counts it, and fast.
// 5. input: bad rows and options refused in one line.
// 2 and 3 need Rscript with psych; without it they are skipped and say so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root, DATA, leergang, hasR, NO_R, withFile, refused, rscript, runStats, agreesWithR, shippedCases } from './cli.mjs';
import { compare } from './compare.mjs';

const TOL = 1e-9;

const run = (file, args) => runStats('agreement', file, args);

const agrees = (dir, name) => agreesWithR('agreement', dir, name, TOL);

const cases = (dir) => shippedCases(dir, /^agreement-/);

for (const name of cases(DATA))
  test(`shipped ${name} agrees with R`, () => { agrees(DATA, name); });

test('the shipped agreement cases cover what they are for', () => {
  assert.deepEqual(cases(DATA), ['agreement-interviews', 'agreement-interviews-subset', 'agreement-interviews-without']);
  const file = join(DATA, 'agreement-interviews.csv');
  const withU = run(file, []), without = run(file, ['--without-uncoded']);
  const subset = run(file, ['--without-uncoded', '--sources', 'interview 03,interview 01']);
  const code = (j, name) => j.codes.find((c) => c.code === name);
  assert.deepEqual(withU.coders.slice().sort(), ['onderzoeker1', 'onderzoeker2']);
  assert.ok(withU.sources.includes('observatie 04'), 'a source nobody coded is counted with the uncoded text');
  assert.ok(without.characters < withU.characters);
  assert.ok(subset.characters < without.characters);
  assert.deepEqual(subset.sources, ['interview 01', 'interview 03'].filter((s) => withU.sources.includes(s))
    .sort((a, b) => withU.sources.indexOf(a) - withU.sources.indexOf(b)));
  for (const c of withU.codes)
    assert.equal(c.a_only + c.b_only + c.both + c.neither, withU.characters);
  // nobody used it: null, and a note saying so
  const unused = code(withU, 'Eigenaarschap');
  assert.equal(unused.a_coded + unused.b_coded, 0);
  assert.equal(unused.kappa, null);
  assert.equal(unused.alpha, null);
  assert.match(unused.note, /neither coder used this code/);
  // one coder only: defined, no better than chance
  const one = code(withU, 'Anaïs Ærø 李');
  assert.ok(one.a_coded === 0 || one.b_coded === 0);
  assert.ok(Math.abs(one.kappa) < 1e-12);
  // leaving out the uncoded text lowers the agreement of a code coded sparsely
  const v1 = code(withU, 'Visie'), v2 = code(without, 'Visie');
  assert.equal(v1.both, v2.both);
  assert.ok(v2.neither < v1.neither && v2.agreement < v1.agreement);
});

test('agreement.R reproduces the committed agreement files', { skip: !hasR && NO_R }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'leergang-agreement-ref-'));
  try {
    rscript([join(root, 'tests/stats/agreement.R'), dir]);
    assert.deepEqual(cases(dir), cases(DATA));
    assert.equal(readFileSync(join(dir, 'agreement-interviews.csv'), 'utf8'),
      readFileSync(join(DATA, 'agreement-interviews.csv'), 'utf8'), 'the CSV differs from what agreement.R makes now');
    for (const name of cases(DATA)) {
      const now = JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8'));
      const committed = JSON.parse(readFileSync(join(DATA, `${name}.expected.json`), 'utf8'));
      assert.deepEqual([now._file, now._args], [committed._file, committed._args]);
      assert.deepEqual(compare(now, committed, TOL, TOL).errors, [], `${name}.expected.json differs from what R gives now`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('live: random codings made by R agree with leergang, with and without the uncoded text',
  { skip: !hasR && NO_R }, async (t) => {
    const fixed = Array.from({ length: 24 }, (_, i) => i + 1);
    const fresh = Array.from({ length: 8 }, () => 1000 + Math.floor(Math.random() * 1e6));
    const dir = mkdtempSync(join(tmpdir(), 'leergang-agreement-live-'));
    try {
      rscript([join(root, 'tests/stats/agreement.R'), dir, ...[...fixed, ...fresh].map(String)]);
      let undefinedSeen = 0, subsets = 0, definedSeen = 0;
      for (const seed of [...fixed, ...fresh])
        for (const kind of ['', '-without'])
          await t.test(`live-agreement-${seed}${kind}${fresh.includes(seed) ? ' (fresh)' : ''}`, () => {
            const j = agrees(dir, `live-agreement-${seed}${kind}`);
            undefinedSeen += j.codes.filter((c) => c.kappa === null).length;
            definedSeen += j.codes.filter((c) => c.kappa !== null && c.kappa < 1).length;
            if (JSON.parse(readFileSync(join(dir, `live-agreement-${seed}${kind}.expected.json`), 'utf8'))._args.includes('--sources'))
              subsets++;
          });
      // the fixed seeds alone reach these; the comparison is not empty
      assert.ok(definedSeen > 40, `${definedSeen} codes with a kappa below 1`);
      assert.ok(undefinedSeen > 0, 'some code nobody used');
      assert.ok(subsets > 0, 'some subset of sources');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

// ---- a long interview ---------------------------------------------------------

// xorshift32: the same file on every run
function rng(seed) {
  let x = seed >>> 0;
  return (n) => {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    return x % n;
  };
}

test('a 1 MB interview with 60 codes and 40,000 selections: counted right, and fast', () => {
  const r = rng(1000000), L = 1_000_000, codes = 60, n = 40000;
  const spans = Array.from({ length: n }, () => {
    const s = r(L - 3000);
    return { code: r(codes), coder: r(2), start: s, end: s + 1 + r(3000) };
  });
  const csv = ['source;length;coder;code;start;end', 'leeg;5000;;;;',
    ...spans.map((p) => `interview;${L};${p.coder ? 'B' : 'A'};code ${p.code};${p.start};${p.end}`)].join('\n');
  // the count per character, code by code
  const any = new Uint8Array(L);
  for (const p of spans) any.fill(1, p.start, p.end);
  const anyCount = any.reduce((s, v) => s + v, 0);
  const want = new Map();
  const a = new Uint8Array(L), b = new Uint8Array(L);
  for (let c = 0; c < codes; c++) {
    a.fill(0); b.fill(0);
    for (const p of spans) if (p.code === c) (p.coder ? b : a).fill(1, p.start, p.end);
    const k = { a_only: 0, b_only: 0, both: 0 };
    for (let i = 0; i < L; i++)
      if (a[i] && b[i]) k.both++; else if (a[i]) k.a_only++; else if (b[i]) k.b_only++;
    want.set(`code ${c}`, k);
  }
  withFile(csv, (f) => {
    for (const without of [false, true]) {
      const t0 = process.hrtime.bigint();
      const j = run(f, ['--coders', 'A,B', ...(without ? ['--without-uncoded'] : [])]);
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      console.log(`# ${without ? 'without' : 'with'} the uncoded text: ${ms.toFixed(0)} ms`);
      assert.ok(ms < 15000, `took ${ms} ms`);
      assert.equal(j.characters, without ? anyCount : L + 5000);
      assert.equal(j.codes.length, codes);
      for (const c of j.codes) {
        const k = want.get(c.code);
        assert.deepEqual({ a_only: c.a_only, b_only: c.b_only, both: c.both }, k, c.code);
        assert.equal(c.neither, j.characters - k.a_only - k.b_only - k.both);
        assert.equal(typeof c.kappa, 'number');
      }
    }
  });
});

// ---- input -------------------------------------------------------------------

const HEAD = 'source,length,coder,code,start,end\n';

test('bad files and arguments are refused in one line', () => {
  withFile(`${HEAD}i1,100,A,Visie,0,20\ni1,100,B,Visie,10,30\n`, (f) => {
    refused(['stats', 'agreement', f, '--bogus'], /--bogus is not an option of stats/);
    refused(['stats', 'agreement', f, 'extra'], /usage: leergang stats/);
    refused(['stats', 'agreement', f, '--coders', 'A'], /--coders needs two coders/);
    refused(['stats', 'agreement', f, '--coders', 'A,A'], /names the column 'A' twice|twice/);
    refused(['stats', 'agreement', f, '--coders', 'A,C'], /coder 'C' \(--coders\) has no coding/);
    refused(['stats', 'agreement', f, '--sources', 'i2'], /there is no source 'i2' \(--sources\)/);
  });
  const bad = [
    ['source,length,coder,code,start\ni1,100,A,Visie,0\n', /there is no column 'end'/],
    [`${HEAD}i1,100,A,Visie,0,20\n`, /1 coders coded; name the two to compare with --coders A,B/],
    [`${HEAD}i1,100,A,V,0,20\ni1,100,B,V,0,20\ni1,100,C,V,0,20\n`, /3 coders coded/],
    [`${HEAD}i1,100,A,V,0,20\ni1,90,B,V,0,20\n`, /row 3: source 'i1' has length 90 here but 100 on row 2/],
    [`${HEAD}i1,100,A,V,0,20\ni1,100,B,V,0,101\n`, /row 3: end 101 is beyond the 100 characters of source 'i1'/],
    [`${HEAD}i1,100,A,V,0,20\ni1,100,B,V,20,20\n`, /row 3: start 20 is not before end 20/],
    [`${HEAD}i1,100,A,V,0,20\ni1,100,B,V,-1,20\n`, /row 3, column 'start': '-1' is not a number of characters/],
    [`${HEAD}i1,100,A,V,0,20\ni1,honderd,B,V,0,20\n`, /row 3, column 'length': 'honderd' is not a number/],
    [`${HEAD}i1,100,A,V,0,20\ni1,100,B,V,2.5,20\n`, /column 'start': '2.5'/],
    [`${HEAD}i1,100,A,V,0,20\ni1,100,B,,0,20\n`, /row 3: a coding needs coder, code, start and end/],
    [`${HEAD}i1,100,A,V,0,20\n,100,B,V,0,20\n`, /row 3: the column 'source' is empty/],
    [`${HEAD}i1,100,A,V,0,20\ni1,2000000000,B,V,0,20\n`, /'2000000000' is not a number of characters/],
  ];
  for (const [content, pattern] of bad)
    withFile(content, (f) => refused(['stats', 'agreement', f], pattern));
  refused(['stats', 'agreement', join(tmpdir(), 'leergang-does-not-exist.csv')], /cannot open/);
  withFile('', (f) => refused(['stats', 'agreement', f], /is empty/));
});

test('a Dutch and an English file give the same output; a third coder is left out with --coders', () => {
  const nl = '\ufeffsource;length;coder;code;start;end\r\ni1;100; A ;Visie;0;20\r\ni1;100;B;Visie;10;30\r\ni1;100;C;Visie;0;100\r\n';
  const en = 'source,length,coder,code,start,end\ni1,100,A,Visie,0,20\ni1,100,B,Visie,10,30\ni1,100,C,Visie,0,100\n';
  const a = withFile(nl, (f) => leergang(['stats', 'agreement', f, '--coders', 'A,B']));
  const b = withFile(en, (f) => leergang(['stats', 'agreement', f, '--coders', 'A,B']));
  assert.equal(a.status, 0, a.stderr);
  assert.equal(a.stdout, b.stdout);
  const j = JSON.parse(a.stdout);
  assert.deepEqual(j.codes.map((c) => [c.a_only, c.b_only, c.both, c.neither]), [[10, 10, 10, 70]]);
  assert.ok(Math.abs(j.codes[0].kappa - 0.375) < 1e-12, 'worked by hand in test_coding_agreement.c');
});

test('help stats explains agreement', () => {
  const r = leergang(['help', 'stats']);
  assert.equal(r.status, 0);
  assert.match(r.stdout, /leergang stats agreement FILE\.csv \[--without-uncoded\]/);
  assert.match(r.stdout, /source,length,coder,code,start,end/);
});
