// The GraphML export against a schema (issue 18, must-show 3): every
// export leergang writes - the small network of tests/lib/network-data.mjs,
// random graphs, the research (pseudonymised) export and the demo
// organisation leercirkels-demo - validates with xmllint against
// tests/data/graphml-structure.xsd (leergang's own schema of GraphML's
// structural layer, written from the specification), and holds to
// leergang's stricter rules for Gephi and yEd. Both checks are shown to
// refuse broken copies, so neither passes whatever it is given.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer, Client, demoEmail, cli } from '../lib/server.mjs';
import { seedSmall, seedRandom } from '../lib/network-data.mjs';

const root = resolve(import.meta.dirname, '..', '..');
const SCHEMA = join(root, 'tests/data/graphml-structure.xsd');
const RANDOM = [{ slug: 'graphml-a', n: 300, m: 420, seed: 3 }, { slug: 'graphml-b', n: 150, m: 500, seed: 11 }];
let srv, small, tmp;
const as = {};

before(async () => {
  srv = await startServer({
    names: 'ordinary',
    prepare: (db) => {
      small = seedSmall(db, 'gemeente-demo');
      for (const r of RANDOM) seedRandom(db, r.slug, r.n, r.m, r.seed);
    },
  });
  tmp = mkdtempSync(join(tmpdir(), 'leergang-graphml-'));
  for (const role of ['coach', 'researcher']) {
    as[role] = new Client(srv.base);
    await as[role].login(demoEmail(role, 'gemeente'));
  }
});
after(async () => { await srv.stop(); rmSync(tmp, { recursive: true, force: true }); });

// xmllint against the schema: { ok, message }.
let nfile = 0;
function validate(text) {
  const file = join(tmp, `f${nfile++}.graphml`);
  writeFileSync(file, text);
  const r = spawnSync('xmllint', ['--noout', '--schema', SCHEMA, file], { encoding: 'utf8' });
  assert.ok(r.status !== null && !r.error, `xmllint ran: ${r.error}`);
  // xmllint's status: 0 valid, 3 refused by the schema; anything else (1 not
  // well formed, 5 the schema did not compile) is neither a pass nor a refusal
  assert.ok(r.status === 0 || r.status === 3, `xmllint: schema and file read (${r.status}): ${r.stderr}`);
  return { ok: r.status === 0, message: r.stderr };
}

// The structure of a GraphML file as JSON, read by Python's ElementTree
// (a reader of its own, not leergang's): the root, the keys, the graphs,
// each data with the element it sits in, each node's yEd label, each edge.
const READ = `
import json, sys, xml.etree.ElementTree as ET
G = "{http://graphml.graphdrawing.org/xmlns}"
Y = "{http://www.yworks.com/xml/graphml}"
def read(raw):
    root = ET.fromstring(raw)
    out = {"root": root.tag, "keys": [k.attrib for k in root.findall(G + "key")],
           "graphs": [g.attrib for g in root.iter(G + "graph")], "data": [], "nodes": [], "edges": []}
    for parent in root.iter():
        for d in parent.findall(G + "data"):
            out["data"].append({"in": parent.tag.replace(G, ""), "key": d.get("key"), "text": d.text or ""})
    for n in root.iter(G + "node"):
        out["nodes"].append({"id": n.get("id"), "data": {d.get("key"): d.text or "" for d in n.findall(G + "data")},
                             "yed": [l.text or "" for l in n.iter(Y + "NodeLabel")]})
    for e in root.iter(G + "edge"):
        out["edges"].append(e.attrib)
    return out
print(json.dumps([read(t.encode("utf-8")) for t in json.load(sys.stdin)]))
`;
// Reads texts in one run of Python (a run per text made this file slow);
// each text is read once, as the same export is checked by several tests.
const readCache = new Map();
function readAll(texts) {
  const fresh = [...new Set(texts.filter((t) => !readCache.has(t)))];
  if (fresh.length) {
    const out = JSON.parse(execFileSync('python3', ['-c', READ], { input: JSON.stringify(fresh), encoding: 'utf8',
      maxBuffer: 1 << 28 }));
    fresh.forEach((t, i) => readCache.set(t, JSON.stringify(out[i])));
  }
  return texts.map((t) => JSON.parse(readCache.get(t)));
}
const read = (text) => readAll([text])[0];

// Gephi's display properties: a data attribute of one of these names is
// taken for the property, so none may be used unless it is really that.
const GEPHI_DISPLAY = ['label', 'x', 'y', 'z', 'size', 'weight', 'r', 'g', 'b', 'color', 'colour', 'width', 'height',
  'shape', 'id', 'start', 'end'];
const TYPES = ['boolean', 'int', 'long', 'float', 'double', 'string'];

// leergang's stricter rules, beyond the schema; returns what breaks them.
// - every key for="node" or for="edge" (an absent `for` is "all"), with
//   attr.name and attr.type, or yEd's graphics key (yfiles.type);
// - every data sits in the kind of element its key is declared for;
// - no attr.name among Gephi's display properties unless it is that: only
//   "label", on nodes, as text, and on each node the name yEd shows;
// - every edge says its direction (directed="true" or "false").
function strictProblems(text) {
  const f = read(text), bad = [];
  if (f.root !== '{http://graphml.graphdrawing.org/xmlns}graphml') bad.push(`root ${f.root}`);
  const byId = new Map(f.keys.map((k) => [k.id, k]));
  for (const k of f.keys) {
    const dom = k.for ?? 'all';
    if (dom !== 'node' && dom !== 'edge') bad.push(`key ${k.id} for="${dom}"`);
    if (k['yfiles.type']) continue;
    if (!k['attr.name']) bad.push(`key ${k.id} without attr.name`);
    if (!TYPES.includes(k['attr.type'])) bad.push(`key ${k.id} attr.type "${k['attr.type'] ?? ''}"`);
    const name = (k['attr.name'] ?? '').toLowerCase();
    if (GEPHI_DISPLAY.includes(name)) {
      if (name !== 'label' || dom !== 'node' || k['attr.type'] !== 'string') {
        bad.push(`key ${k.id} named "${k['attr.name']}", one of Gephi's display properties`);
        continue;
      }
      for (const n of f.nodes) {
        const value = n.data[k.id];
        if (!value || n.yed.length !== 1 || n.yed[0] !== value)
          bad.push(`node ${n.id}: label "${value ?? ''}" is not the name yEd shows ("${n.yed.join('", "')}")`);
      }
    }
  }
  for (const d of f.data) {
    const k = byId.get(d.key);
    if (k && (k.for ?? 'all') !== d.in) bad.push(`data ${d.key} in <${d.in}>, its key is for ${k.for ?? 'all'}`);
  }
  if (!f.graphs.length || f.graphs.some((g) => g.edgedefault !== 'directed')) bad.push('a graph not directed by default');
  for (const e of f.edges)
    if (e.directed !== 'true' && e.directed !== 'false') bad.push(`edge ${e.id ?? e.source + '->' + e.target} without its direction`);
  return bad;
}

// Every export named, with the number of nodes and edges its JSON gives;
// made once for the file (the tests change no network), each a fresh copy.
let exportsMade;
async function exportsToCheck() {
  exportsMade ??= makeExports();
  return (await exportsMade).map((x) => ({ ...x, json: structuredClone(x.json) }));
}
async function makeExports() {
  const withJson = (name, graphml, json) => ({ name, graphml, json: JSON.parse(json) });
  const list = [
    withJson('the small network (coach)', (await as.coach.get('/network.graphml')).text,
      (await as.coach.get('/network.json')).text),
    withJson('the research export (researcher)', (await as.researcher.get('/network.graphml')).text,
      (await as.researcher.get('/network.json')).text),
    withJson('the research export (command line)',
      cli(srv.db, ['network', '--org', 'gemeente-demo', '--format', 'graphml', '--pseudonyms']),
      cli(srv.db, ['network', '--org', 'gemeente-demo', '--format', 'json', '--pseudonyms'])),
    withJson('leercirkels-demo', cli(srv.db, ['network', '--org', 'leercirkels-demo', '--format', 'graphml']),
      cli(srv.db, ['network', '--org', 'leercirkels-demo', '--format', 'json'])),
  ];
  for (const r of RANDOM)
    list.push(withJson(r.slug, cli(srv.db, ['network', '--org', r.slug, '--format', 'graphml']),
      cli(srv.db, ['network', '--org', r.slug, '--format', 'json'])));
  return list;
}

test('the schema accepts GraphML of the specification beyond what leergang writes', () => {
  // name tokens as ids, an undirected graph, a description, a key for all
  // with a default, ports, a hyperedge, a nested graph, the document's data
  const doc = `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <desc>primer</desc>
  <key id="d0" for="all" attr.name="color" attr.type="string"><default>yellow</default></key>
  <key id="d1" attr.name="weight" attr.type="double"/>
  <data key="d0">blue</data>
  <graph id="G" edgedefault="undirected">
    <node id="1"><data key="d0">green</data><port name="N"/><port name="S"/></node>
    <node id="n1"><graph id="n1:" edgedefault="directed"><node id="n1::n0"/></graph></node>
    <edge source="1" target="n1" sourceport="N"><data key="d1">1.0</data></edge>
    <edge id="e1" source="n1::n0" target="1" directed="true"/>
    <hyperedge><endpoint node="1" port="S"/><endpoint node="n1"/><endpoint node="n1::n0" type="in"/></hyperedge>
  </graph>
</graphml>`;
  const v = validate(doc);
  assert.ok(v.ok, v.message);
});

test('every GraphML export validates against graphml-structure.xsd with xmllint', async () => {
  const list = await exportsToCheck();
  assert.equal(list.length, 4 + RANDOM.length);
  readAll(list.map((x) => x.graphml));
  for (const x of list) {
    const v = validate(x.graphml);
    assert.ok(v.ok, `${x.name}: ${v.message}`);
    // the file validated is the whole graph, not an empty one
    const f = read(x.graphml);
    assert.ok(x.json.nodes.length > 0, `${x.name}: nodes`);
    assert.equal(f.nodes.length, x.json.nodes.length, `${x.name}: every node`);
    assert.equal(f.edges.length, x.json.edges.length, `${x.name}: every edge`);
  }
  const lc = list.find((x) => x.name === 'leercirkels-demo');
  const people = lc.json.nodes.filter((n) => n.kind === 'person' && n.circles);
  assert.equal(people.length, 34, 'the demo\'s 34 participants, each in a circle');
  assert.ok(lc.json.nodes.some((n) => n.kind === 'presentation'), 'the demo has its pecha kuchas');
  assert.ok(lc.json.edges.length >= 30, `the demo's chains of encouragement (${lc.json.edges.length} edges)`);
  const research = list.find((x) => x.name === 'the research export (researcher)');
  assert.ok(research.json.nodes.some((n) => /^P-[0-9a-f]{10}$/.test(n.id)), 'the research export is pseudonymised');
});

test("every GraphML export holds to leergang's stricter rules for Gephi and yEd", async () => {
  const list = await exportsToCheck();
  readAll(list.map((x) => x.graphml));
  for (const x of list) {
    assert.deepEqual(strictProblems(x.graphml), [], x.name);
    const f = read(x.graphml);
    assert.ok(f.keys.some((k) => k['attr.name'] === 'label' && k.for === 'node'), `${x.name}: a label key`);
    assert.ok(f.edges.length === 0 || f.edges.every((e) => e.directed === 'true'), `${x.name}: edges directed`);
  }
});

// A copy of the small network's export with one change, made sure to change.
async function brokenCopy(from, to) {
  const text = (await as.coach.get('/network.graphml')).text;
  const copy = text.replace(from, to);
  assert.notEqual(copy, text, `the copy changes ${from}`);
  return copy;
}

test('the schema refuses an edge to no node, data of an undeclared key and an attr.type "text"', async () => {
  const target = `target="p${small.people.b}"`;
  const cases = [
    [await brokenCopy(target, 'target="p0"'), /keyref '\{[^}]*\}edge\.target'/],
    [await brokenCopy('<data key="n_team">', '<data key="n_teem">'), /keyref '\{[^}]*\}data\.key'/],
    [await brokenCopy('attr.name="department" attr.type="string"', 'attr.name="department" attr.type="text"'),
      /attr\.type.*'text' is not an element of the set/],
  ];
  for (const [copy, why] of cases) {
    const v = validate(copy);
    assert.equal(v.ok, false, `refused: ${why}`);
    assert.match(v.message, why);
  }
  // and the unbroken file passes, so the refusals are the changes'
  assert.ok(validate((await as.coach.get('/network.graphml')).text).ok);
});

test('the stricter rules refuse what the schema lets through', async () => {
  const cases = [
    [await brokenCopy('id="e_kind" for="edge"', 'id="e_kind" for="all"'), /key e_kind for="all"/],
    [await brokenCopy('id="e_date" for="edge" attr.name="date"', 'id="e_date" for="edge" attr.name="weight"'),
      /key e_date named "weight"/],
    [await brokenCopy('id="n_department" for="node" attr.name="department"', 'id="n_department" for="node" attr.name="Size"'),
      /key n_department named "Size"/],
    [await brokenCopy(' attr.name="label"', ' attr.name="name"').then((t) => t.replace(' attr.name="team"', ' attr.name="label"')),
      /label "[^"]*" is not the name yEd shows/],
    [await brokenCopy(' directed="true"', ''), /without its direction/],
    [await brokenCopy('id="n_role" for="node" attr.name="role" attr.type="string"', 'id="n_role" for="node" attr.name="role"'),
      /key n_role attr.type ""/],
    [await brokenCopy('id="n_reach" for="node"', 'id="n_reach" for="edge"'), /data n_reach in <node>, its key is for edge/],
  ];
  readAll(cases.map(([copy]) => copy));
  for (const [copy, why] of cases) {
    assert.ok(validate(copy).ok, `the schema allows it: ${why}`);
    assert.match(strictProblems(copy).join('\n'), why);
  }
});
