// The recruitment network (issue 18): who encouraged whom, its measures,
// its GraphML and its pseudonyms, against a real server.
//
// Reference for the measures: R's igraph (tests/stats/network.R:
// degree(mode = "in"/"out"), betweenness(directed = TRUE),
// components(mode = "weak"), subcomponent(mode = "out")) on the edge list
// this test works out from the rows it wrote itself (tests/lib/
// network-data.mjs), not from leergang's output: a small network in the
// demo municipality and random graphs of a few hundred people (fixed
// seeds). The GraphML is read back by R's igraph (read_graph(format =
// "graphml")) and by networkx (nx.read_graphml), every node, edge and
// attribute checked against the JSON. The privacy rules each have a test
// that fails when the rule breaks.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer, Client, demoEmail, cli } from '../lib/server.mjs';
import { seedSmall, seedRandom, sqlJson } from '../lib/network-data.mjs';
import { dialect } from '../lib/db.mjs';

const root = resolve(import.meta.dirname, '..', '..');
const RANDOM = [{ slug: 'netwerk-a', n: 300, m: 420, seed: 1 }, { slug: 'netwerk-b', n: 250, m: 600, seed: 7 },
  { slug: 'netwerk-c', n: 400, m: 380, seed: 2018 }];
let srv, small, randoms, tmp;
const as = {};

before(async () => {
  srv = await startServer({
    names: 'ordinary',
    prepare: (db) => {
      small = seedSmall(db, 'gemeente-demo');
      randoms = RANDOM.map((r) => ({ ...r, ...seedRandom(db, r.slug, r.n, r.m, r.seed) }));
    },
  });
  tmp = mkdtempSync(join(tmpdir(), 'leergang-network-'));
  for (const role of ['coach', 'researcher', 'owner', 'participant', 'facilitator', 'mentor', 'manager', 'rater',
    'administrator']) {
    as[role] = new Client(srv.base);
    await as[role].login(demoEmail(role, 'gemeente'));
  }
  as.politieCoach = new Client(srv.base);
  await as.politieCoach.login(demoEmail('coach', 'politie'));
});
after(async () => { await srv.stop(); rmSync(tmp, { recursive: true, force: true }); });

// R's measures for the expected graph.
function rMeasures(name, nodes, edges) {
  const v = join(tmp, `${name}.v.csv`), e = join(tmp, `${name}.e.csv`), o = join(tmp, `${name}.o.csv`);
  writeFileSync(v, 'id,kind\n' + nodes.map((n) => `${n.id},${n.kind}`).join('\n') + '\n');
  writeFileSync(e, 'from,to\n' + edges.map(([f, t]) => `${f},${t}`).join('\n') + '\n');
  execFileSync('Rscript', [join(root, 'tests/stats/network.R'), v, e, o]);
  const [head, ...rows] = readFileSync(o, 'utf8').trim().split('\n');
  const cols = head.split(',');
  return new Map(rows.map((r) => {
    const c = r.split(',');
    return [c[0], Object.fromEntries(cols.slice(1).map((k, i) => [k, Number(c[i + 1])]))];
  }));
}

function sameGraph(json, nodes, edges, what) {
  assert.deepEqual(json.nodes.map((n) => n.id), nodes.map((n) => n.id), `${what}: nodes in order`);
  const key = (e) => e.join(' ');
  assert.deepEqual(json.edges.map((e) => key([e.from, e.to, e.kind])).sort(), edges.map(key).sort(), `${what}: edges`);
}

function sameMeasures(json, ref, what) {
  for (const n of json.nodes) {
    const r = ref.get(n.id);
    assert.ok(r, `${what}: ${n.id} in R's graph`);
    for (const k of ['in_degree', 'out_degree', 'component', 'reach'])
      assert.equal(n[k], r[k], `${what}: ${k} of ${n.id}`);
    assert.ok(Math.abs(n.betweenness - r.betweenness) < 1e-6, `${what}: betweenness of ${n.id}: ${n.betweenness} vs ${r.betweenness}`);
  }
}

test('the small network: the nodes and edges the referrals give, measures equal to R igraph', async () => {
  const r = await as.coach.get('/api/v1/network');
  assert.equal(r.status, 200);
  const j = r.json();
  sameGraph(j, small.nodes, small.edges, 'small');
  const d = j.edges.find((e) => e.from === `p${small.people.c}` && e.to === `p${small.people.d}`);
  assert.equal(d.date, '2016-03-01', 'a pair recorded twice keeps its earliest date');
  const outside = j.nodes.find((n) => n.id === 'o1');
  assert.equal(outside.label, 'Wethouder Jansen', 'the outside name as first written, spaces tidied');
  sameMeasures(j, rMeasures('small', small.nodes, small.edges), 'small');
  const a = j.nodes.find((n) => n.id === `p${small.people.a}`);
  assert.equal(j.starters[0].id, a.id, 'who started the most chains');
  assert.equal(a.reach, 5, 'b, c, d, e and h (through the presentation d gave)');
  assert.ok(j.components >= 3);
});

test('random graphs of a few hundred people: measures equal to R igraph (fixed seeds)', () => {
  for (const g of randoms) {
    const j = JSON.parse(cli(srv.db, ['network', '--org', g.slug, '--format', 'json']));
    sameGraph(j, g.nodes, g.edges, g.slug);
    sameMeasures(j, rMeasures(g.slug, g.nodes, g.edges), g.slug);
  }
});

test('the CLI refuses a format it does not know and an unknown organisation', () => {
  assert.throws(() => cli(srv.db, ['network', '--org', 'gemeente-demo', '--format', 'csv']));
  assert.throws(() => cli(srv.db, ['network', '--org', 'bestaat-niet']));
});

// ---- GraphML ----

const GEPHI_RESERVED = ['x', 'y', 'z', 'size', 'weight', 'r', 'g', 'b', 'color', 'colour', 'id', 'start', 'end'];

test('GraphML: well formed, keys for node or edge with name and type, directed edges, yEd labels', async () => {
  const r = await as.coach.get('/network.graphml');
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /graphml/);
  const file = join(tmp, 'net.graphml');
  writeFileSync(file, r.text);
  execFileSync('xmllint', ['--noout', file]);   // well formed
  const keys = [...r.text.matchAll(/<key ([^>]*)\/>/g)].map((m) => Object.fromEntries(
    [...m[1].matchAll(/([\w.:]+)="([^"]*)"/g)].map((a) => [a[1], a[2]])));
  assert.ok(keys.length > 10);
  for (const k of keys) {
    assert.ok(k.for === 'node' || k.for === 'edge', `key ${k.id} for node or edge`);
    if (k['yfiles.type']) continue;
    assert.ok(k['attr.name'] && ['string', 'int', 'double', 'boolean'].includes(k['attr.type']), `key ${k.id}`);
    assert.ok(!GEPHI_RESERVED.includes(k['attr.name']), `${k['attr.name']} is one of Gephi's display properties`);
  }
  assert.ok(keys.some((k) => k['yfiles.type'] === 'nodegraphics' && k.for === 'node'));
  assert.match(r.text, /xmlns:y="http:\/\/www\.yworks\.com\/xml\/graphml"/);
  assert.match(r.text, /<graph [^>]*edgedefault="directed"/);
  const edges = [...r.text.matchAll(/<edge [^>]*>/g)];
  assert.ok(edges.length > 0 && edges.every((e) => /directed="true"/.test(e[0])), 'each edge says it is directed');
  assert.ok(r.text.includes(`<y:NodeLabel>Wethouder Jansen</y:NodeLabel>`), 'names show in yEd');
});

test('GraphML read back by R igraph and by networkx: every node, edge and attribute as in the JSON', async () => {
  const j = (await as.coach.get('/network.json')).json();
  const text = (await as.coach.get('/network.graphml')).text;
  const file = join(tmp, 'back.graphml');
  writeFileSync(file, text);
  const py = JSON.parse(execFileSync('python3', ['-c', `
import json, sys, networkx as nx
g = nx.read_graphml(sys.argv[1])
print(json.dumps({"directed": g.is_directed(),
  "nodes": [dict(id=n, **d) for n, d in g.nodes(data=True)],
  "edges": [dict(source=u, target=v, **d) for u, v, d in g.edges(data=True)]}))`, file], { encoding: 'utf8' }));
  const r = JSON.parse(execFileSync('Rscript', ['-e', `
suppressMessages(library(igraph))
g <- read_graph(commandArgs(trailingOnly = TRUE)[1], format = "graphml")
q <- function(x) if (is.null(x)) "null" else if (is.character(x)) paste0('"', gsub('"', '\\\\\\\\"', x), '"') else if (is.logical(x)) tolower(as.character(x)) else format(x, digits = 17)
va <- vertex_attr(g); ea <- edge_attr(g); el <- as_edgelist(g, names = FALSE)
ids <- V(g)$id
nodes <- sapply(seq_len(vcount(g)), function(i) paste0("{", paste(sapply(names(va), function(k) paste0('"', k, '":', q(va[[k]][i]))), collapse = ","), "}"))
edges <- sapply(seq_len(ecount(g)), function(i) paste0("{", paste(c(paste0('"source":', q(ids[el[i, 1]])), paste0('"target":', q(ids[el[i, 2]])), sapply(names(ea), function(k) paste0('"', k, '":', q(ea[[k]][i])))), collapse = ","), "}"))
cat(paste0('{"directed":', tolower(is_directed(g)), ',"nodes":[', paste(nodes, collapse = ","), '],"edges":[', paste(edges, collapse = ","), ']}'))
`, file], { encoding: 'utf8' }));
  const byId = new Map(j.nodes.map((n) => [n.id, n]));
  const attrs = { label: 'label', kind: 'kind', department: 'department', team: 'team', role: 'role',
    team_leader: 'team_leader', circle: 'circles', period: 'periods', in_degree: 'in_degree', out_degree: 'out_degree',
    betweenness: 'betweenness', component: 'component', reach: 'reach' };
  for (const [who, g] of [['networkx', py], ['igraph', r]]) {
    assert.equal(g.directed, true, `${who}: directed`);
    assert.equal(g.nodes.length, j.nodes.length, `${who}: every node`);
    for (const n of g.nodes) {
      const want = byId.get(n.id);
      assert.ok(want, `${who}: node ${n.id}`);
      for (const [k, jk] of Object.entries(attrs)) {
        const got = n[k] ?? '';   // an empty string reads back as absent in networkx
        if (typeof want[jk] === 'number') assert.ok(Math.abs(Number(got) - want[jk]) < 1e-9, `${who}: ${k} of ${n.id}`);
        else assert.equal(got, want[jk], `${who}: ${k} of ${n.id}`);
      }
    }
    const key = (e) => [e.source ?? e.from, e.target ?? e.to, e.kind, e.date].join(' ');
    assert.deepEqual(g.edges.map(key).sort(), j.edges.map(key).sort(), `${who}: every edge with kind and date`);
  }
});

// ---- privacy ----

const networkPeople = () => sqlJson(srv.db, `SELECT name, email, employee_id FROM person WHERE id IN
  (${Object.values(small.people).slice(0, 11).join(',')})`);

test('the owner gets counts per department only: no names in the page, the picture, the API or a file', async () => {
  const page = await as.owner.get('/network');
  assert.equal(page.status, 200);
  assert.match(page.text, /<table/);
  assert.doesNotMatch(page.text, /<svg/, 'no picture');
  const api = await as.owner.get('/api/v1/network');
  assert.equal(api.status, 200);
  const j = api.json();
  assert.ok(Array.isArray(j.departments) && j.departments.length > 0 && !j.nodes);
  assert.equal(j.participants, 9, 'nine people with a recorded way in (b to i and k)');
  const json = await as.owner.get('/network.json');
  for (const p of networkPeople())
    for (const text of [page.text, api.text, json.text])
      assert.ok(!text.includes(p.name) && !text.includes(p.employee_id), `${p.name} hidden from the owner`);
  assert.ok(!page.text.includes('Wethouder Jansen') && !api.text.includes('Wethouder Jansen'));
  assert.equal((await as.owner.get('/network.graphml')).status, 403);
});

test('participant, facilitator, mentor, manager, rater and administrator get no network', async () => {
  for (const role of ['participant', 'facilitator', 'mentor', 'manager', 'rater', 'administrator'])
    for (const path of ['/network', '/network.json', '/network.graphml', '/api/v1/network']) {
      const r = await as[role].get(path);
      assert.ok(r.status === 403 || r.status === 404, `${role} ${path}: ${r.status}`);
      assert.ok(!r.text.includes('Wethouder Jansen'));
    }
});

test('another organisation sees nothing of this one', async () => {
  const j = (await as.politieCoach.get('/api/v1/network')).json();
  const mine = new Set(small.nodes.map((n) => n.id));
  assert.ok(j.nodes.every((n) => !mine.has(n.id)), 'no node of the municipality');
  const page = (await as.politieCoach.get('/network')).text;
  for (const p of networkPeople()) assert.ok(!page.includes(p.name), `${p.name} not in the police's page`);
  assert.ok(!page.includes('Wethouder Jansen'));
});

test('the research export: pseudonyms under the installation key, no name, e-mail or employee number, the same twice', async () => {
  const key = Buffer.from(sqlJson(srv.db, `SELECT ${dialect(srv.db).hex('key')} AS k FROM installation_key WHERE purpose = 'pseudonym'`)[0].k, 'hex');
  const expect = (person) => 'P-' + createHmac('sha256', key).update(`${small.org}:${person}`).digest('hex').slice(0, 10);
  const files = [(await as.researcher.get('/network.graphml')).text, (await as.researcher.get('/network.json')).text,
    (await as.researcher.get('/api/v1/network')).text, (await as.coach.get('/network.graphml?pseudonyms=1')).text,
    cli(srv.db, ['network', '--org', 'gemeente-demo', '--format', 'graphml', '--pseudonyms'])];
  for (const text of files) {
    for (const p of networkPeople()) {
      assert.ok(!text.includes(p.name), `no name ${p.name}`);
      assert.ok(!p.email || !text.includes(p.email), `no e-mail ${p.email}`);
      assert.ok(!text.includes(p.employee_id), `no employee number ${p.employee_id}`);
    }
    assert.ok(!text.includes('Wethouder') && !text.includes('Pecha kucha netwerktest'), 'neutral labels for the rest');
    assert.ok(text.includes(expect(small.people.a)), 'the pseudonym of a');
  }
  const one = (await as.researcher.get('/network.json')).json(), two = (await as.researcher.get('/network.json')).json();
  const ids = (x) => x.nodes.filter((n) => n.kind === 'person').map((n) => n.id);
  assert.deepEqual(ids(one), ids(two), 'the same pseudonyms in two exports');
  assert.ok(ids(one).every((id) => /^P-[0-9a-f]{10}$/.test(id)));
  assert.equal(new Set(ids(one)).size, ids(one).length, 'one pseudonym per person');
});

test('the coach and the researcher see the picture with names and the table; the layout is the same twice', async () => {
  for (const role of ['coach', 'researcher']) {
    const one = (await as[role].get('/network')).text, two = (await as[role].get('/network')).text;
    const svg = (t) => t.match(/<svg role="img"[\s\S]*?<\/svg>/)[0];
    assert.equal(svg(one), svg(two), `${role}: the same drawing twice`);
    assert.match(svg(one), /<title id="net-t">/);
    assert.ok(svg(one).includes('Wethouder Jansen'), 'names as labels');
    assert.match(one, /<table[^>]*id="network-table"/);
    assert.match(one, /href="\/network\.graphml"/);
    const xs = [...svg(one).matchAll(/<circle cx="(\d+)" cy="(\d+)" r="8"/g)].map((m) => m[1] + ',' + m[2]);
    assert.ok(new Set(xs).size > 5, 'nodes in different places');
  }
});
