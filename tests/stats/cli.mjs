// cli.mjs — what the statistics tests share: the binary under test run as a
// command, whether R with psych is there, and how a refused command must
// look (status 1, nothing on stdout, one line on stderr).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readFileSync, readdirSync } from 'node:fs';
import { compare } from './compare.mjs';

export const root = resolve(import.meta.dirname, '..', '..');
export const BIN = process.env.LEERGANG_BIN || join(root, 'build/release/leergang');
export const DATA = join(root, 'tests/stats/data');
const env = { ...process.env, LEERGANG_LOCALEDIR: join(root, 'build/locale') };

export function leergang(args) {
  const r = spawnSync(BIN, args, { env, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, signal: r.signal };
}

export const hasR = spawnSync('Rscript', ['-e', 'suppressPackageStartupMessages(library(psych))'],
  { encoding: 'utf8' }).status === 0;
export const NO_R = 'skipped: Rscript not installed (or psych missing)';

// Runs fn with the path of a file of that content, removed afterwards.
export function withFile(content, fn) {
  const dir = mkdtempSync(join(tmpdir(), 'leergang-stats-in-'));
  try {
    const f = join(dir, 'in.csv');
    writeFileSync(f, content);
    return fn(f);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function rscript(args) {
  const r = spawnSync('Rscript', args, { encoding: 'utf8' });
  assert.equal(r.status, 0, `Rscript ${args.join(' ')} failed:\n${r.stderr}`);
}

// A mistake ends with status 1, nothing on stdout and one line on stderr.
export function refused(args, pattern) {
  const r = leergang(args);
  assert.equal(r.status, 1, `expected a refusal of ${args.join(' ')}, got ${r.status}: ${r.stdout}${r.stderr}`);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr.trimEnd().split('\n').length, 1, `one line: ${r.stderr}`);
  assert.match(r.stderr, pattern);
}

// `leergang stats CMD FILE ARGS...` that succeeds quietly, its JSON parsed
// (which fails on NaN or Infinity).
export function runStats(cmd, file, args) {
  const r = leergang(['stats', cmd, file, ...args]);
  assert.equal(r.status, 0, `leergang stats ${cmd} ${file} ${args.join(' ')} failed: ${r.stderr}`);
  assert.equal(r.stderr, '', 'nothing on stderr');
  return JSON.parse(r.stdout);
}

// The shipped case NAME of `stats CMD` (NAME.csv beside NAME.expected.json,
// made by R, with the command's arguments in its _args, and in _file another
// CSV where several cases share one) agrees with R to tol.
export function agreesWithR(cmd, dir, name, tol) {
  const expected = JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8'));
  const actual = runStats(cmd, join(dir, expected._file ?? `${name}.csv`), expected._args);
  const { errors, compared } = compare(expected, actual, tol, tol);
  assert.deepEqual(errors, [], `${name}: leergang and R differ`);
  assert.ok(compared > 0, `${name}: no numbers compared`);
  return actual;
}

// The shipped cases whose names match re, sorted.
export const shippedCases = (dir, re) => readdirSync(dir).filter((f) => f.endsWith('.expected.json') && re.test(f))
  .map((f) => f.replace(/\.expected\.json$/, '')).sort();
