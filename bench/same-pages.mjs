// same-pages.mjs DIR1 DIR2 — whether two servers showed the same pages
// (bench/postgresql: one on SQLite, one on PostgreSQL after migrate-to of
// the same database, each page fetched as the same user). Every file of
// DIR1 is compared with DIR2's of the same name: a page by the text of its
// <main> (tests/lib/html.mjs: without markup and CSRF tokens), a calendar
// feed by its lines without DTSTAMP (the moment it was made). Prints one
// line per page and exits 1 when any differs.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mainText } from '../tests/lib/html.mjs';

const [a, b] = process.argv.slice(2);
if (!a || !b) {
  console.error('usage: node bench/same-pages.mjs DIR1 DIR2');
  process.exit(2);
}
const essence = (name, text) => (name.endsWith('.ics')
  ? text.split(/\r?\n/).filter((l) => !l.startsWith('DTSTAMP')).join('\n')
  : mainText(text));
let differ = 0;
const files = readdirSync(a).sort();
for (const f of files) {
  const x = essence(f, readFileSync(join(a, f), 'utf8'));
  const y = essence(f, readFileSync(join(b, f), 'utf8'));
  if (x.length < 100) {
    console.log(`${f}: too little to compare (${x.length} characters): ${x}`);
    differ++;
  } else if (x === y) {
    console.log(`${f}: the same (${x.length} characters)`);
  } else {
    let i = 0;
    while (i < x.length && x[i] === y[i]) i++;
    console.log(`${f}: DIFFERENT from character ${i}:\n  ${x.slice(Math.max(0, i - 60), i + 60)}\n  ${y.slice(Math.max(0, i - 60), i + 60)}`);
    differ++;
  }
}
console.log(differ ? `${differ} of ${files.length} pages differ` : `all ${files.length} pages the same`);
process.exit(differ ? 1 : 0);
