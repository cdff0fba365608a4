// Session methods and sessions with cases (issue 17). Methods as data: the
// organisation's copies of the built-in methods, action learning in the
// nine steps of seed 004 word for word (compared with the seed's own text
// when ../shared/seeds is there, and always with the nine kept below), the
// learning circle of seed 002 and two intervision methods marked as
// leergang's. One server for the whole file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startServer, cli, cliResult } from '../lib/server.mjs';

let srv;
before(async () => { srv = await startServer(); });
after(async () => { await srv.stop(); });

// Seed 004, r. 679-695, word for word.
const NINE = [
  'Een van de teamleden brengt de casus in tijdens een teambespreking.',
  'De casusinbrenger stelt een reflectievraag.',
  'De teamleden vinden antwoorden in één minuut.',
  'Twee personen vertellen wat ze hebben opgeschreven.',
  'De teamleden selecteren ideeën voor nadere uitwerking.',
  'De teamleden voeren een dialoog over het geselecteerde idee.',
  'Een van de teamleden vat het gesprek samen.',
  'De teamleden scherpen het gekozen idee aan en geven aanvullingen.',
  'De teamleden stellen de vervolgacties op.',
];

const methods = (org = 'politie-demo') =>
  JSON.parse(cli(srv.db, ['method', 'list', '--org', org, '--format', 'json'])).methods;

test('method list: the exact JSON names, and action learning in the nine steps kept here', () => {
  const all = methods();
  for (const m of all) {
    for (const k of ['key', 'name', 'source', 'steps']) assert.ok(k in m, `${m.key} has ${k}`);
    assert.ok(m.steps.length > 0, `${m.key} has steps`);
    m.steps.forEach((s, i) => {
      assert.equal(s.n, i + 1);
      assert.equal(typeof s.name, 'string');
      assert.ok(s.name.length > 0);
      assert.ok(s.instruction.length > 0);
      assert.ok(Number.isInteger(s.minutes) && s.minutes >= 0);
    });
  }
  const al = all.find((m) => m.key === 'actieleren');
  assert.ok(al, 'action learning has the key actieleren');
  assert.equal(al.source, 'seed 004, r. 663-695');
  assert.deepEqual(al.steps.map((s) => s.instruction), NINE);
  assert.deepEqual(al.steps.map((s) => s.source), [679, 681, 683, 685, 687, 689, 691, 693, 695].map((l) => `seed 004, r. ${l}`));
  assert.equal(al.steps[2].minutes, 1, 'step 3 takes one minute, as the seed says');
});

test('action learning\'s nine steps equal the seed\'s text word for word', (t) => {
  const dir = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'seeds');
  const file = existsSync(dir) && readdirSync(dir).find((f) => f.startsWith('004_'));
  if (!file) {
    t.skip('skipped: ../shared/seeds/004_*.txt is not there (the seeds live beside the checkout in ../shared)');
    return;
  }
  const text = readFileSync(join(dir, file), 'utf8');
  const from = text.indexOf('bestaat uit negen stappen');
  assert.ok(from > 0, 'the seed names the nine steps');
  const seed = [];
  for (const line of text.slice(from).split('\n')) {
    const m = /^([1-9]) (.+?)\s*$/.exec(line);
    if (m && Number(m[1]) === seed.length + 1) seed.push(m[2]);
    if (seed.length === 9) break;
  }
  assert.equal(seed.length, 9);
  assert.deepEqual(seed, NINE, 'the steps kept in this test are the seed\'s');
  assert.deepEqual(methods().find((m) => m.key === 'actieleren').steps.map((s) => s.instruction), seed);
});

test('the learning circle of seed 002 and two intervision methods marked as leergang\'s', () => {
  const all = methods();
  const lc = all.find((m) => m.key === 'leercirkel');
  assert.match(lc.source, /^seed 002, r\. /);
  assert.match(lc.steps.map((s) => s.instruction).join(' '), /rollenspel feedback/);
  assert.match(lc.steps.at(-1).name, /[Pp]echa kucha/);
  const own = all.filter((m) => m.source === 'leergang');
  assert.ok(own.length >= 2, 'at least two methods of leergang\'s own');
  for (const m of own) {
    assert.match(m.name, /^Intervisie/);
    for (const s of m.steps) assert.equal(s.source, 'leergang');
  }
  assert.deepEqual(own.map((m) => m.key).sort(), ['balintmethode', 'incidentmethode']);
});

test('method list: every organisation has its own copies; bad input is refused', () => {
  const other = methods('gemeente-demo');
  assert.deepEqual(other.find((m) => m.key === 'actieleren').steps.map((s) => s.instruction), NINE);
  const text = cli(srv.db, ['method', 'list', '--org', 'politie-demo']);
  assert.match(text, /^actieleren\tActieleren/m);
  assert.notEqual(cliResult(srv.db, ['method', 'list', '--org', 'geen-organisatie']).status, 0);
  assert.notEqual(cliResult(srv.db, ['method', 'list', '--org', 'politie-demo', '--format', 'xml']).status, 0);
  assert.match(cli(srv.db, ['help', 'method']), /leergang method list --org SLUG/);
});
