// compare.mjs — compares what `leergang stats` printed with what R computed
// (an *.expected.json made by lib.R). Used by stats.test.mjs, and from the
// command line to look at one case:
//   node tests/stats/compare.mjs EXPECTED.json ACTUAL.json
//
// The rules: every key R gave must be there with the same value — numbers
// to REL relative difference (6 significant digits; below ABS both count
// as zero), null where R gives no number, strings and booleans equal,
// arrays of the same length — and leergang may print no key R did not
// give, so nothing escapes the comparison. A "note" (or "*_note") key
// only has to be present on both sides or on neither: the wording is
// leergang's. Keys starting with "_" are instructions to the test (the
// arguments), not results.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export const REL = 1e-6;
export const ABS = 1e-13;

const isNote = (k) => k === 'note' || k.endsWith('_note');

// Returns { errors: [...], compared: number of numbers compared, worst: the
// largest relative difference seen }. rel and abs replace REL and ABS (the
// kappa suite compares to 1e-9).
export function compare(expected, actual, rel = REL, abs = ABS) {
  const errors = [];
  let compared = 0, worst = 0;
  const walk = (e, a, path) => {
    if (e === null) {
      if (a !== null) errors.push(`${path}: R gives no number, leergang printed ${JSON.stringify(a)}`);
      return;
    }
    if (typeof e === 'number') {
      if (typeof a !== 'number') { errors.push(`${path}: R gives ${e}, leergang printed ${JSON.stringify(a)}`); return; }
      compared++;
      const d = Math.abs(e - a);
      if (d === 0) return;
      const r = d / Math.max(Math.abs(e), Math.abs(a));
      worst = Math.max(worst, r);
      if (d > abs && r > rel) errors.push(`${path}: R gives ${e}, leergang printed ${a} (relative difference ${r.toExponential(2)})`);
      return;
    }
    if (typeof e !== 'object') {
      if (e !== a) errors.push(`${path}: R gives ${JSON.stringify(e)}, leergang printed ${JSON.stringify(a)}`);
      return;
    }
    if (Array.isArray(e)) {
      if (!Array.isArray(a) || a.length !== e.length) {
        errors.push(`${path}: R gives ${e.length} entries, leergang printed ${JSON.stringify(a)}`);
        return;
      }
      e.forEach((v, i) => walk(v, a[i], `${path}[${i}]`));
      return;
    }
    if (a === null || typeof a !== 'object' || Array.isArray(a)) {
      errors.push(`${path}: R gives an object, leergang printed ${JSON.stringify(a)}`);
      return;
    }
    for (const k of Object.keys(e)) {
      if (k.startsWith('_')) continue;
      if (isNote(k)) {
        if (!(k in a)) errors.push(`${path}.${k}: R gives no number here, and leergang does not say why`);
        continue;
      }
      if (!(k in a)) { errors.push(`${path}.${k}: missing from leergang's output`); continue; }
      walk(e[k], a[k], `${path}.${k}`);
    }
    for (const k of Object.keys(a))
      if (!(k in e)) errors.push(isNote(k) ? `${path}.${k}: leergang has a note (${JSON.stringify(a[k])}) where R gives a number`
        : `${path}.${k}: printed by leergang but not computed by R`);
  };
  walk(expected, actual, '$');
  return { errors, compared, worst };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [exp, act] = process.argv.slice(2).map((f) => JSON.parse(readFileSync(f, 'utf8')));
  const r = compare(exp, act);
  for (const e of r.errors) console.log(e);
  console.log(`${r.compared} numbers compared, ${r.errors.length} differences, worst relative difference ${r.worst.toExponential(2)}`);
  process.exit(r.errors.length ? 1 : 0);
}
