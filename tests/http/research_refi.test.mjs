// A research project to and from REFI-QDA through the command line
// (`leergang qda import|export|codebook --org`), on demo databases: every
// fixture of ../shared/fixtures/refi-qda/ (skipped when absent) imports
// with the counts `qda inspect` says are carried over, and lands in the
// database with them; an export is valid against Project.xsd (a code book
// against Codebook.xsd), reads back with the same counts and the same
// coded text at every selection; names of the organisation's people are
// replaced by the same "[P-…]" in every export of every project, by
// another one in another installation, and a passage over a name covers
// its whole pseudonym; bad input is refused and imports nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, writeFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { sqlRows } from '../lib/db.mjs';

const root = resolve(import.meta.dirname, '..', '..');
const DIR = join(resolve(root, '..', 'shared', 'fixtures'), 'refi-qda');
const have = existsSync(DIR);
const BIN = process.env.LEERGANG_BIN || join(root, 'build', 'release', 'leergang');
const tmp = mkdtempSync(join(tmpdir(), 'research-refi-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));
const ORG = 'gemeente-demo';

const run = (db, ...args) => spawnSync(BIN, ['--db', db, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
function ok(r) {
  assert.equal(r.status, 0, r.stderr);
  assert.doesNotMatch(r.stderr, /AddressSanitizer|runtime error/);
  return JSON.parse(r.stdout);
}
const inspect = (file) => JSON.parse(execFileSync(BIN, ['qda', 'inspect', file], { encoding: 'utf8', maxBuffer: 1 << 26 }));
const sql = (db, q) => sqlRows(db, q);
const projects = (db) => sql(db, 'SELECT count(*) AS n FROM research_project')[0].n;

// A fresh demo database (one installation, with its own pseudonym key).
let ndb = 0;
function demo() {
  const db = join(tmp, `demo-${++ndb}.db`);
  const r = spawnSync(BIN, ['--db', db, 'init', '--demo'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return db;
}
let shared = null;
const db0 = () => (shared ??= demo());

const importFile = (db, file, ...opts) => ok(run(db, 'qda', 'import', '--org', ORG, ...opts, file));
function exportProject(db, id, name) {
  const out = join(tmp, name);
  const j = ok(run(db, 'qda', 'export', '--org', ORG, '--project', String(id), '--output', out));
  assert.equal(j.project, id);
  return out;
}

// Every file of a .qdpx, unzipped into a directory of its own.
function unzip(file) {
  const d = join(tmp, 'unzipped-' + file.replace(/[^A-Za-z0-9]/g, '_'));
  rmSync(d, { recursive: true, force: true });
  mkdirSync(d);
  execFileSync('unzip', ['-q', '-o', file, '-d', d]);
  return d;
}
function filesUnder(d) {
  return readdirSync(d, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
    .map((e) => join(e.parentPath ?? e.path, e.name));
}

// The selections of a .qdpx/.qde with the text of their source, read by
// python3 (not by leergang); the text at each is cut in JS by code points.
const PY = String.raw`
import sys, json, zipfile, xml.etree.ElementTree as ET
f = sys.argv[1]
z = zipfile.ZipFile(f) if zipfile.is_zipfile(f) else None
r = ET.fromstring(z.read('project.qde') if z else open(f, 'rb').read())
def tag(e): return e.tag.split('}')[-1]
names = {n.lower(): n for n in (z.namelist() if z else [])}
def text(path):
    if not z or not path: return None
    p = path[11:] if path.startswith('internal://') else path
    n = names.get(('sources/' + p).lower())
    if n is None: return None
    t = z.read(n).decode('utf-8')
    return t[1:] if t.startswith('\ufeff') else t
out = {'texts': [], 'sels': []}
for e in r.iter():
    if tag(e) != 'TextSource': continue
    t = text(e.get('plainTextPath'))
    if t is None: continue
    out['texts'].append(t)
    for s in e:
        if tag(s) == 'PlainTextSelection':
            out['sels'].append({'guid': s.get('guid').upper(), 'start': int(s.get('startPosition')),
                                'end': int(s.get('endPosition')), 'text': len(out['texts']) - 1})
print(json.dumps(out))
`;
function codedText(file) {
  const x = JSON.parse(execFileSync('python3', ['-c', PY, file], { encoding: 'utf8', maxBuffer: 1 << 28 }));
  const texts = x.texts.map((t) => [...t]);   // code points, as REFI-QDA counts
  const m = {};
  for (const s of x.sels) m[s.guid] = texts[s.text].slice(s.start, s.end).join('');
  return m;
}

const COUNTS = ['codes', 'codings', 'sources', 'selections'];
const FIXTURES = ['qc_demo_project.qdpx', 'nvivo_mac15_project.qdpx', 'nvivo-win-12.6_oltas0517.qdpx',
  'maxqda-24.7_icls-themes-just10.qdpx', 'atlasti-8.4-mac_standard-project.qde', 'atlasti-win-23.2_target-project.qdpx',
  'taguette_1.4.1_codebook.qdc'];

// What the database holds of project id: codes, codings, sources, selections.
function stored(db, id) {
  return sql(db, `SELECT (SELECT count(*) FROM research_code WHERE project_id = ${id}) AS codes,
    (SELECT count(*) FROM research_coding WHERE selection_id IN
       (SELECT id FROM research_selection WHERE project_id = ${id})) AS codings,
    (SELECT count(*) FROM research_source WHERE project_id = ${id}) AS sources,
    (SELECT count(*) FROM research_selection WHERE project_id = ${id}) AS selections`)[0];
}

const imported = new Map();   // fixture name -> project id in db0()

for (const name of FIXTURES) {
  test(`qda import of ${name}: the counts qda inspect carries over, in the database`, (t) => {
    if (!have) return t.skip('skipped: ../shared/fixtures not present');
    const file = join(DIR, name);
    const db = db0();
    const want = inspect(file);
    const before = projects(db);
    const j = importFile(db, file);
    assert.equal(projects(db), before + 1);
    for (const k of COUNTS) assert.equal(j[k], want[k], k);
    assert.deepEqual(j.not_carried_over, want.not_carried_over);
    assert.deepEqual(stored(db, j.project), Object.fromEntries(COUNTS.map((k) => [k, want[k]])));
    if (name === 'nvivo_mac15_project.qdpx') {
      assert.equal(j.codings, 0);
      assert.ok(j.codes > 0 && j.sources === 2);
    }
    if (name === 'taguette_1.4.1_codebook.qdc') {
      assert.equal(j.codes, 3);
      assert.equal(j.sources, 0);
      assert.ok(j.not_carried_over.some((s) => s.what === 'empty Sets element' && /Codebook\.xsd/.test(s.reason)),
        JSON.stringify(j.not_carried_over));
    }
    if (name === 'qc_demo_project.qdpx') assert.ok(j.selections > 100 && j.codings >= j.selections);
    imported.set(name, j.project);
  });
}

const xmllint = (xsd, file) => spawnSync('xmllint', ['--noout', '--schema', join(DIR, xsd), file], { encoding: 'utf8' });

for (const name of FIXTURES.filter((n) => n.endsWith('.qdpx') || n.endsWith('.qde'))) {
  test(`qda export of ${name}: valid, read back with the same counts and the same coded text`, (t) => {
    if (!have) return t.skip('skipped: ../shared/fixtures not present');
    const db = db0();
    const file = join(DIR, name);
    const id = imported.get(name) ?? importFile(db, file).project;
    const out = exportProject(db, id, `${name}.export.qdpx`);
    const d = unzip(out);
    let r = xmllint('Project.xsd', join(d, 'project.qde'));
    assert.equal(r.status, 0, r.stderr);
    const qdc = join(tmp, `${name}.qdc`);
    ok(run(db, 'qda', 'codebook', '--org', ORG, '--project', String(id), '--output', qdc));
    r = xmllint('Codebook.xsd', qdc);
    assert.equal(r.status, 0, r.stderr);

    const first = stored(db, id);
    const again = importFile(db, out);
    for (const k of COUNTS) assert.equal(again[k], first[k], k);
    assert.deepEqual(again.not_carried_over, [], 'what was written is read back whole');
    assert.deepEqual(stored(db, again.project), first);

    // the text at every selection, in the fixture and in the export, by guid
    const before = codedText(file), after = codedText(out);
    assert.deepEqual(Object.keys(after).sort(), Object.keys(before).sort());
    assert.equal(Object.keys(after).length, first.selections);
    const differ = Object.keys(before).filter((g) => before[g] !== after[g]);
    assert.deepEqual(differ.map((g) => [before[g], after[g]]), [], 'coded text changed');
    if (name === 'qc_demo_project.qdpx') assert.equal(Object.keys(after).length, 158);
  });
}

// ---- pseudonyms ----------------------------------------------------------

const G = (n) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
// A .qdpx with one text source and selections [start, end) (code points),
// each coded with the one code; zipped by python3.
function qdpx(file, text, sels, code = 'leiderschap') {
  const selXml = sels.map(([a, b], i) => `<PlainTextSelection guid="${G(100 + i)}" startPosition="${a}" ` +
    `endPosition="${b}"><Coding guid="${G(200 + i)}"><CodeRef targetGUID="${G(1)}"/></Coding></PlainTextSelection>`).join('');
  const qde = `<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="Gesprekken">` +
    `<CodeBook><Codes><Code guid="${G(1)}" name="${code}" isCodable="true"><Description>${code}</Description></Code></Codes></CodeBook>` +
    `<Sources><TextSource guid="${G(2)}" name="gesprek" plainTextPath="internal://${G(2)}.txt">${selXml}` +
    `</TextSource></Sources></Project>`;
  const py = String.raw`
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('project.qde', sys.argv[2])
    z.writestr('sources/' + sys.argv[3] + '.txt', sys.argv[4])
`;
  execFileSync('python3', ['-c', py, file, qde, G(2), text]);
  return file;
}
const cpIndex = (s, sub) => [...s.slice(0, s.indexOf(sub))].length;
const cpLen = (s) => [...s].length;

// Two people of the demo organisation with full names of two words or
// more, the first one's first name shared with nobody in the organisation
// when the demo has such a person.
function twoPeople(db) {
  const rows = sql(db, `SELECT p.id, p.name FROM person p JOIN organisation o ON o.id = p.organisation_id
    WHERE o.slug = '${ORG}' AND p.name LIKE '% %' ORDER BY p.id`);
  assert.ok(rows.length >= 2);
  const first = (n) => n.split(' ')[0];
  const count = (f) => rows.filter((r) => first(r.name) === f).length;
  const a = rows.find((r) => count(first(r.name)) === 1) ?? rows[0];
  const b = rows.find((r) => r.id !== a.id && first(r.name) !== first(a.name));
  return [a, b];
}

const PSEUDO = /\[P-[0-9a-f]{10}\]/g;
// The selection text of an export by guid, and every file of it as text.
function exported(file) {
  const d = unzip(file);
  return { coded: codedText(file), files: filesUnder(d).map((f) => readFileSync(f, 'utf8')) };
}

test('pseudonyms: the same person the same [P-…] in every export of every project, no name left, passages over a name cover its pseudonym', (t) => {
  const db = db0();
  const [a, b] = twoPeople(db);
  // a's first name alone is a's; b's is shared, so it says nobody
  const firstA = a.name.split(' ')[0], firstB = b.name.split(' ')[0];
  assert.equal(sql(db, `SELECT count(*) AS n FROM person p JOIN organisation o ON o.id = p.organisation_id
    WHERE o.slug = '${ORG}' AND p.name LIKE '${firstA} %'`)[0].n, 1, 'the demo has a unique first name');
  assert.ok(sql(db, `SELECT count(*) AS n FROM person p JOIN organisation o ON o.id = p.organisation_id
    WHERE o.slug = '${ORG}' AND p.name LIKE '${firstB} %'`)[0].n > 1);
  const text = `Verslag van het gesprek met ${a.name}. Daarna sprak ${b.name} over leiderschap; ` +
    `${a.name} vond dat een goed idee, en ${firstA} zei dat ${firstB} gelijk had. ${a.name.toUpperCase()} IN DE KOP. Café-gesprek, één uur.`;
  const at = cpIndex(text, a.name), len = cpLen(a.name);
  const bt = cpIndex(text, b.name);
  // a selection inside a's name, one ending inside b's name, one of the
  // text after both names (whose text must not change)
  const tail = 'Café-gesprek, één uur.';
  const sels = [[at + 1, at + len - 1], [bt - 7, bt + 2], [cpIndex(text, tail), cpIndex(text, tail) + cpLen(tail)]];
  // a code named after a person is replaced as the texts are
  const one = importFile(db, qdpx(join(tmp, 'p1.qdpx'), text, sels, `Uitspraken van ${a.name}`), '--name', 'Pseudoniemen 1');
  assert.deepEqual([one.sources, one.selections, one.codings], [1, 3, 3]);
  const text2 = `Een ander gesprek, met alleen ${a.name} erin.`;
  const at2 = cpIndex(text2, a.name);
  const two = importFile(db, qdpx(join(tmp, 'p2.qdpx'), text2, [[at2, at2 + cpLen(a.name)]]), '--name', 'Pseudoniemen 2');

  const e1 = exported(exportProject(db, one.project, 'p1-a.qdpx'));
  const e1b = exported(exportProject(db, one.project, 'p1-b.qdpx'));
  const e2 = exported(exportProject(db, two.project, 'p2.qdpx'));

  const qdc = join(tmp, 'p1.qdc');
  ok(run(db, 'qda', 'codebook', '--org', ORG, '--project', String(one.project), '--output', qdc));
  e1.files.push(readFileSync(qdc, 'utf8'));
  // no real name in any exported file
  for (const e of [e1, e1b, e2])
    for (const f of e.files)
      for (const n of [a.name, b.name]) assert.ok(!f.toLowerCase().includes(n.toLowerCase()), `${n} left in an export`);

  // the passage inside a's name now covers a's whole pseudonym, exactly
  const pa = e1.coded[G(100)];
  assert.match(pa, /^\[P-[0-9a-f]{10}\]$/);
  // the passage ending inside b's name ends at the end of b's pseudonym
  const pb = e1.coded[G(101)];
  assert.match(pb, /^ sprak \[P-[0-9a-f]{10}\]$/);
  const pbName = pb.slice(' sprak '.length);
  assert.notEqual(pbName, pa, 'two people, two pseudonyms');
  // the text after the names is coded as before
  assert.equal(e1.coded[G(102)], tail);
  // the same pseudonym in the second export and in the other project
  assert.deepEqual(e1b.coded, e1.coded);
  assert.equal(e2.coded[G(100)], pa);
  // every occurrence of a's name in the source text is that pseudonym
  const src1 = e1.files.find((f) => f.startsWith('Verslag van het gesprek'));
  assert.ok(src1, 'the source text is in the export');
  assert.deepEqual(src1.match(PSEUDO), [pa, pbName, pa, pa, pa], 'the name in capitals too');
  assert.ok(src1.includes(`en ${pa} zei dat [name] gelijk had.`), src1);
  for (const w of [firstA, firstB]) assert.doesNotMatch(src1, new RegExp(`\\b${w}\\b`));
  assert.ok(src1.endsWith(tail));
  const qde = e1.files.find((f) => f.includes('<Project'));
  assert.ok(qde.includes(`name="Uitspraken van ${pa}"`), 'the code is named by the pseudonym');

  // another installation: another key, so another pseudonym for the same person
  const other = demo();
  const [a2] = twoPeople(other);
  assert.deepEqual(a2, a, 'the demo has the same person with the same id');
  const three = importFile(other, qdpx(join(tmp, 'p3.qdpx'), text2, [[at2, at2 + cpLen(a.name)]]));
  const e3 = exported(exportProject(other, three.project, 'p3.qdpx'));
  assert.match(e3.coded[G(100)], /^\[P-[0-9a-f]{10}\]$/);
  assert.notEqual(e3.coded[G(100)], pa);
  for (const f of e3.files) assert.ok(!f.includes(a.name));
});

// ---- bad input -----------------------------------------------------------

function refused(db, args, pattern) {
  const before = projects(db);
  const r = run(db, 'qda', ...args);
  assert.notEqual(r.status, 0, r.stdout);
  assert.match(r.stderr, pattern);
  assert.doesNotMatch(r.stderr, /AddressSanitizer|runtime error/);
  assert.equal(r.stdout, '');
  assert.equal(projects(db), before, 'nothing imported');
}

test('bad input: a missing file, a .qdpx that is no zip, an unknown organisation or project: refused, nothing imported', () => {
  const db = db0();
  const good = qdpx(join(tmp, 'good.qdpx'), 'Een korte tekst.', [[0, 4]]);
  refused(db, ['import', '--org', ORG, join(tmp, 'does-not-exist.qdpx')], /does-not-exist\.qdpx.*(No such file|not found|cannot|open)/i);
  const junk = join(tmp, 'junk.qdpx');
  writeFileSync(junk, 'this is not a zip archive at all');
  refused(db, ['import', '--org', ORG, junk], /junk\.qdpx: refused: .*(zip|XML|well-formed)/i);
  refused(db, ['import', '--org', 'no-such-org', good], /no-such-org/);
  // an export of a project that does not exist (or of another organisation)
  const out = join(tmp, 'never.qdpx');
  refused(db, ['export', '--org', ORG, '--project', '999999', '--output', out], /no research project 999999 in gemeente-demo/);
  assert.ok(!existsSync(out), 'no file written');
  const id = importFile(db, good).project;
  refused(db, ['export', '--org', 'politie-demo', '--project', String(id), '--output', out], /no research project/);
  assert.ok(!existsSync(out), 'no file written');
  refused(db, ['codebook', '--org', ORG, '--project', '999999', '--output', out], /no research project 999999/);
  refused(db, ['export', '--org', ORG, '--project', 'abc', '--output', out], /--project/);
});
