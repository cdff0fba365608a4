// The REFI-QDA format layer from outside, through `leergang qda inspect`
// and `leergang qda convert`: for every file of ../shared/fixtures/refi-qda/
// (skipped when absent) the counts equal those of the XML itself, counted
// here with python3's xml.etree (not with leergang); a round trip writes a
// project.qde valid against Project.xsd (and a .qdc valid against
// Codebook.xsd) with the same counts and the same coded text at every
// selection; hostile files are refused with their reason.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';

const root = resolve(import.meta.dirname, '..', '..');
const DIR = join(path_fixtures(), 'refi-qda');
function path_fixtures() { return resolve(root, '..', 'shared', 'fixtures'); }
const have = existsSync(DIR);
const BIN = process.env.LEERGANG_BIN || join(root, 'build', 'release', 'leergang');
const tmp = mkdtempSync(join(tmpdir(), 'refi-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));

const inspect = (file) => JSON.parse(execFileSync(BIN, ['qda', 'inspect', file], { encoding: 'utf8' }));
const run = (...args) => spawnSync(BIN, args, { encoding: 'utf8' });

// Counts and coded texts from the XML with python3: TextSources, the
// PlainTextSelections directly in them, their Codings, Codes, Users; and
// for every selection (by guid) the text between its positions (code
// points), when the source's text is in the archive.
const PY = String.raw`
import sys, json, zipfile, xml.etree.ElementTree as ET
f = sys.argv[1]
z = zipfile.ZipFile(f) if zipfile.is_zipfile(f) else None
data = z.read('project.qde') if z else open(f, 'rb').read()
r = ET.fromstring(data)
def tag(e): return e.tag.split('}')[-1]
def kids(e, t): return [c for c in e if tag(c) == t]
names = {n.lower(): n for n in (z.namelist() if z else [])}
def text(path):
    if not z or not path: return None
    p = path[11:] if path.startswith('internal://') else path
    n = names.get(('sources/' + p).lower())
    if n is None: return None
    t = z.read(n).decode('utf-8')
    return t[1:] if t.startswith('\ufeff') else t
out = {'codes': 0, 'users': 0, 'sources': 0, 'selections': 0, 'codings': 0, 'coded': {}, 'missing': 0}
for e in r.iter():
    t = tag(e)
    if t == 'Code': out['codes'] += 1
    if t == 'User': out['users'] += 1
    if t == 'TextSource' and tag(r) == 'Project':
        out['sources'] += 1
        txt = text(e.get('plainTextPath'))
        if txt is None: out['missing'] += 1
        for s in kids(e, 'PlainTextSelection'):
            out['selections'] += 1
            out['codings'] += len(kids(s, 'Coding'))
            if txt is not None:
                out['coded'][s.get('guid').upper()] = txt[int(s.get('startPosition')):int(s.get('endPosition'))]
print(json.dumps(out))
`;
const xmlCounts = (file) => JSON.parse(execFileSync('python3', ['-c', PY, file], { encoding: 'utf8', maxBuffer: 1 << 26 }));

const skipped = (j, what) => j.not_carried_over.filter((s) => s.what === what).reduce((n, s) => n + s.count, 0);

const FIXTURES = ['qc_demo_project.qdpx', 'nvivo_mac15_project.qdpx', 'nvivo-win-12.6_oltas0517.qdpx',
  'maxqda-24.7_icls-themes-just10.qdpx', 'atlasti-8.4-mac_standard-project.qde', 'atlasti-win-23.2_target-project.qdpx'];

for (const name of FIXTURES) {
  test(`counts of ${name} equal those of its XML`, (t) => {
    if (!have) return t.skip('skipped: ../shared/fixtures not present');
    const file = join(DIR, name);
    const x = xmlCounts(file);
    const j = inspect(file);
    assert.equal(j.codes, x.codes);
    assert.equal(j.users, x.users);
    // a text source whose text is missing is not carried over, with its
    // selections and codings, each counted with that reason
    assert.equal(j.sources + skipped(j, 'text source'), x.sources);
    assert.equal(skipped(j, 'text source'), x.missing);
    assert.equal(j.selections + skipped(j, 'selection'), x.selections);
    assert.equal(j.codings + skipped(j, 'coding'), x.codings);
    if (!x.missing) {
      assert.equal(j.sources, x.sources);
      assert.equal(j.selections, x.selections);
      assert.equal(j.codings, x.codings);
    }
  });
}

test('the NVivo for Mac project: no codings survived, 1-byte texts, both sources kept', (t) => {
  if (!have) return t.skip('skipped: ../shared/fixtures not present');
  const j = inspect(join(DIR, 'nvivo_mac15_project.qdpx'));
  assert.deepEqual([j.codes, j.sources, j.selections, j.codings, j.users], [262, 2, 0, 0, 2]);
  assert.equal(j.origin, 'NVivo for Mac 15.0.0');
});

test('the ATLAS.ti 8.4 project: other kinds of source, sets, links, a graph and missing media are counted with a reason', (t) => {
  if (!have) return t.skip('skipped: ../shared/fixtures not present');
  const j = inspect(join(DIR, 'atlasti-8.4-mac_standard-project.qde'));
  for (const [what, n] of [['PDF source', 2], ['picture source', 1], ['audio source', 1], ['video source', 2],
    ['set', 16], ['link', 1], ['graph', 1], ['text source', 6]])
    assert.equal(skipped(j, what), n, what);
  assert.equal(j.notes, 2);
  for (const s of j.not_carried_over) assert.ok(s.reason.length > 5, s.what);
});

test('the Taguette codebook is read leniently, with a note on its empty <Sets/>', (t) => {
  if (!have) return t.skip('skipped: ../shared/fixtures not present');
  const file = join(DIR, 'taguette_1.4.1_codebook.qdc');
  const bad = spawnSync('xmllint', ['--noout', '--schema', join(DIR, 'Codebook.xsd'), file], { encoding: 'utf8' });
  assert.notEqual(bad.status, 0, 'the fixture is invalid per the schema');
  const j = inspect(file);
  assert.equal(j.codes, xmlCounts(file).codes);
  assert.equal(j.codes, 3);
  assert.equal(j.codebook_only, true);
  assert.ok(j.not_carried_over.some((s) => s.what === 'empty Sets element' && /Codebook\.xsd/.test(s.reason)));
  const out = join(tmp, 'taguette.qdc');
  assert.equal(run('qda', 'convert', file, out).status, 0);
  const ok = spawnSync('xmllint', ['--noout', '--schema', join(DIR, 'Codebook.xsd'), out], { encoding: 'utf8' });
  assert.equal(ok.status, 0, ok.stderr);
});

for (const name of FIXTURES) {
  test(`round trip of ${name}: valid project.qde and .qdc, same counts, same coded text`, (t) => {
    if (!have) return t.skip('skipped: ../shared/fixtures not present');
    const file = join(DIR, name);
    const out = join(tmp, name + '.out.qdpx');
    let r = run('qda', 'convert', file, out);
    assert.equal(r.status, 0, r.stderr);
    const qde = join(tmp, name + '.project.qde');
    writeFileSync(qde, execFileSync('unzip', ['-p', out, 'project.qde'], { maxBuffer: 1 << 26 }));
    r = spawnSync('xmllint', ['--noout', '--schema', join(DIR, 'Project.xsd'), qde], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const qdc = join(tmp, name + '.qdc');
    assert.equal(run('qda', 'convert', file, qdc).status, 0);
    r = spawnSync('xmllint', ['--noout', '--schema', join(DIR, 'Codebook.xsd'), qdc], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);

    const before = inspect(file), after = inspect(out);
    for (const k of ['codes', 'codings', 'sources', 'users', 'selections', 'notes'])
      assert.equal(after[k], before[k], k);
    assert.deepEqual(after.not_carried_over, [], 'what was written is read back whole');
    const x0 = xmlCounts(file), x1 = xmlCounts(out);
    assert.equal(x1.codes, before.codes);
    assert.equal(x1.selections, before.selections);
    assert.equal(x1.codings, before.codings);
    assert.equal(x1.missing, 0);
    // the text at every selection, before and after, by the selection's guid
    assert.deepEqual(Object.keys(x1.coded).sort(), Object.keys(x0.coded).sort());
    for (const [g, s] of Object.entries(x0.coded)) assert.equal(x1.coded[g], s, g);
    if (name === 'qc_demo_project.qdpx') assert.equal(Object.keys(x1.coded).length, 158);
  });
}

// ---- hostile files ----

// A .qdpx with the given project.qde and source files, zipped by python3.
function qdpx(name, qde, files = {}, big = 0) {
  const out = join(tmp, name);
  const py = String.raw`
import sys, json, zipfile
out, qde, files, big = sys.argv[1], sys.argv[2], json.loads(sys.argv[3]), int(sys.argv[4])
with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('project.qde', qde)
    for k, v in files.items(): z.writestr(k, v)
    if big:
        with z.open('sources/big.txt', 'w') as f:
            chunk = b'\0' * (1 << 20)
            for _ in range(big): f.write(chunk)
`;
  execFileSync('python3', ['-c', py, out, qde, JSON.stringify(files), String(big)]);
  return out;
}
const G = (n) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const project = (sources, extra = '') => `<Project xmlns="urn:QDA-XML:project:1.0" name="t">` +
  `<CodeBook><Codes><Code guid="${G(1)}" name="c" isCodable="true"/></Codes></CodeBook>` +
  `<Sources>${sources}</Sources>${extra}</Project>`;
const sel = (a, b) => `<PlainTextSelection guid="${G(3)}" startPosition="${a}" endPosition="${b}">` +
  `<Coding guid="${G(4)}"><CodeRef targetGUID="${G(1)}"/></Coding></PlainTextSelection>`;

function refused(file, pattern) {
  const r = run('qda', 'inspect', file);
  assert.equal(r.status, 1, r.stdout);
  assert.match(r.stderr, pattern);
  assert.doesNotMatch(r.stderr, /AddressSanitizer|runtime error/);
}

test('a billion-laughs entity bomb is refused at its DOCTYPE', () => {
  let dtd = '<!ENTITY a0 "lol">';
  for (let i = 1; i < 10; i++) dtd += `<!ENTITY a${i} "${`&a${i - 1};`.repeat(10)}">`;
  const f = join(tmp, 'bomb.qde');
  writeFileSync(f, `<?xml version="1.0"?><!DOCTYPE Project [${dtd}]><Project name="&a9;"/>`);
  refused(f, /DOCTYPE/);
  refused(qdpx('bomb.qdpx', readFileSync(f, 'utf8')), /DOCTYPE/);
});

test('an external DTD or entity is refused, never fetched or read', () => {
  const f = join(tmp, 'xxe.qde');
  writeFileSync(f, '<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY x SYSTEM "file:///etc/passwd">]>' +
    '<Project name="&x;"/>');
  refused(f, /DOCTYPE/);
  const g = join(tmp, 'dtd.qde');
  writeFileSync(g, '<?xml version="1.0"?><!DOCTYPE Project SYSTEM "http://127.0.0.1:9/x.dtd"><Project name="x"/>');
  refused(g, /DOCTYPE/);
});

test('a zip bomb entry past the limit is refused', () => {
  const f = qdpx('zipbomb.qdpx', project(`<TextSource guid="${G(2)}" plainTextPath="internal://big.txt"/>`), {}, 40);
  assert.ok(readFileSync(f).length < 1 << 20, 'the archive itself is small');
  refused(f, /larger than the limit/);
});

test('a path with ../ is refused, in a source and as an entry name', () => {
  refused(qdpx('dotdot.qdpx', project(`<TextSource guid="${G(2)}" plainTextPath="internal://../../etc/passwd"/>`)),
    /leaves the archive/);
  refused(qdpx('dotdot2.qdpx', project(''), { '../evil.txt': 'x' }), /leaves the archive/);
});

test('a selection past the end of its text is not carried over, with its reason', () => {
  const src = (a, b) => `<TextSource guid="${G(2)}" plainTextPath="internal://t.txt">${sel(a, b)}</TextSource>`;
  // "héé" is 3 characters, 5 bytes: 0..5 fits bytes only, 0..9 fits nothing
  let j = inspect(qdpx('past.qdpx', project(src(0, 9)), { 'sources/t.txt': 'héé' }));
  assert.deepEqual([j.sources, j.selections, j.codings], [1, 0, 0]);
  assert.ok(j.not_carried_over.some((s) => s.what === 'selection' && s.reason === 'positions outside the text'));
  j = inspect(qdpx('bytes.qdpx', project(src(0, 5)), { 'sources/t.txt': 'héé' }));
  assert.ok(j.not_carried_over.some((s) => s.what === 'selection' && /UTF-16 units or bytes/.test(s.reason)));
  j = inspect(qdpx('fits.qdpx', project(src(1, 3)), { 'Sources/t.txt': 'héé' }));
  assert.deepEqual([j.sources, j.selections, j.codings], [1, 1, 1]);
});

test('colours: #AARRGGBB and bare RRGGBB normalised, nonsense left empty, each noted; a bare path read', () => {
  const code = (n, c) => `<Code guid="${G(n)}" name="c${n}" isCodable="true" color="${c}"/>`;
  const qde = `<Project xmlns="urn:QDA-XML:project:1.0" name="t"><CodeBook><Codes>${code(1, '#80ff0000')}` +
    `${code(5, '00ff00')}${code(6, 'blue')}${code(7, '#0000FF')}</Codes></CodeBook>` +
    `<Sources><TextSource guid="${G(2)}" plainTextPath="t.txt"/></Sources></Project>`;
  const f = qdpx('colours.qdpx', qde, { 'sources/t.txt': 'abc' });
  const j = inspect(f);
  assert.equal(j.sources, 1);
  assert.equal(skipped(j, 'code colour'), 3);
  const out = join(tmp, 'colours.qdc');
  assert.equal(run('qda', 'convert', f, out).status, 0);
  const xml = readFileSync(out, 'utf8');
  assert.match(xml, /name="c1" isCodable="true" color="#FF0000"/);
  assert.match(xml, /name="c5" isCodable="true" color="#00FF00"/);
  assert.match(xml, /name="c6" isCodable="true"\/>/);
  assert.match(xml, /name="c7" isCodable="true" color="#0000FF"/);
});

test('not XML, not a zip, not a project, too deep: refused, nothing crashes', () => {
  const f = join(tmp, 'junk.qde');
  writeFileSync(f, 'PK\x03\x04 not really');
  refused(f, /zip/);
  writeFileSync(f, '<Project name="x"><Users>');
  refused(f, /well-formed/);
  writeFileSync(f, '<Survey/>');
  refused(f, /neither Project nor CodeBook/);
  writeFileSync(f, '<Project name="x">' + '<Description>'.repeat(100) + '</Description>'.repeat(100) + '</Project>');
  refused(f, /deeper/);
  refused(qdpx('noproject.qdpx', '<x/>', {}), /neither/);
});
