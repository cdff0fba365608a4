// Research projects through the JSON API with a bearer token, as a script
// of a researcher would use them: a project, a source, codes, coded
// passages at code-point positions, the counts, the .qdpx and an import;
// bad bodies get a Dutch message and change nothing. And the agreement
// of the learning-circles demo's two coders, per code, against R: the
// passages are read from the database, expanded into 0/1 per character of
// each source here, and psych::cohen.kappa computes kappa from the same
// vectors (Krippendorff's alpha from the coincidence formula, as
// tests/stats/agreement.R does).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, Client, cli } from '../lib/server.mjs';
import { sqlRows } from '../lib/db.mjs';

let srv, api, work;
const sql = (q) => sqlRows(srv.db, q);
const hasR = spawnSync('Rscript', ['-e', 'suppressPackageStartupMessages(library(psych))']).status === 0;

function client(email) {
  const c = new Client(srv.base);
  c.headers.authorization = `Bearer ${cli(srv.db, ['token', 'create', '--email', email]).trim()}`;
  return c;
}
const post = (c, path, body) => c.request('POST', path, { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });

before(async () => {
  srv = await startServer();
  api = client('onderzoeker@gemeente.example');
  work = mkdtempSync(join(tmpdir(), 'leergang-research-api-'));
});
after(async () => {
  await srv?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

test('a project, a source, codes and a coded passage through the API', async () => {
  let r = await post(api, '/api/v1/research', { name: '', purpose: '' });
  assert.equal(r.status, 422);
  assert.match(r.json().error.message, /Naam/);
  r = await post(api, '/api/v1/research', { name: 'API-project', purpose: 'Scripts' });
  assert.equal(r.status, 201);
  const p = r.json().id;
  const text = 'Eerste zin over één ding. Tweede zin.';
  r = await post(api, `/api/v1/research/${p}/sources`, { kind: 'interview', name: 'Gesprek', held_on: '2026-02-03', text });
  assert.equal(r.status, 201);
  const src = r.json().id;
  r = await post(api, `/api/v1/research/${p}/codes`, { name: 'Thema', color: '#aabbcc' });
  assert.equal(r.status, 201);
  const code = r.json().id;
  r = await post(api, `/api/v1/research/${p}/codes`, { name: 'Thema' });
  assert.equal(r.status, 422, 'a sibling with the same name is refused');
  // "één" is three code points and five bytes: positions are code points
  const start = [...text].indexOf('T'), end = [...text].length;
  r = await post(api, `/api/v1/research/${p}/passages`, { source_id: src, start, end, codes: [code], memo: 'm' });
  assert.equal(r.status, 201);
  const [row] = sql(`SELECT start_char AS s, end_char AS e FROM research_selection WHERE id = ${r.json().id}`);
  assert.deepEqual([row.s, row.e], [start, end]);
  for (const bad of [{ source_id: src, start: 5, end: end + 1, codes: [code] }, { source_id: src, start: 3, end: 3, codes: [code] },
    { source_id: src, start: 0, end: 4, codes: [] }, { source_id: src, start: 0, end: 4, codes: ['x'] }, { start: 0, end: 4, codes: [code] }]) {
    r = await post(api, `/api/v1/research/${p}/passages`, bad);
    assert.equal(r.status, 422, JSON.stringify(bad));
    assert.equal(typeof r.json().error.message, 'string');
  }
  assert.equal(sql(`SELECT count(*) AS n FROM research_selection WHERE project_id = ${p}`)[0].n, 1, 'nothing more saved');
  r = await api.get(`/api/v1/research/${p}`);
  const v = r.json();
  assert.equal(v.name, 'API-project');
  assert.equal(v.sources[0].chars, [...text].length);
  assert.equal(v.code_book[0].color, '#AABBCC');
  r = await api.get(`/api/v1/research/${p}/analysis?by=kind`);
  assert.deepEqual(r.json().columns, ['interview']);
  assert.deepEqual(r.json().codes.map((c) => [c.name, c.passages, c.cells[0]]), [['Thema', 1, 1]]);
  r = await api.get(`/api/v1/research/${p}/analysis?by=nonsense`);
  assert.equal(r.status, 422);
  r = await api.get(`/api/v1/research/${p}/export.qdpx`);
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /^application\/zip/);
  // removing a passage names its source
  const pid = sql(`SELECT id FROM research_selection WHERE project_id = ${p}`)[0].id;
  r = await post(api, `/api/v1/research/${p}/passages/${pid}/remove`, {});
  assert.equal(r.status, 422);
  r = await post(api, `/api/v1/research/${p}/passages/${pid}/remove`, { source_id: src });
  assert.equal(r.status, 200);
  assert.equal(sql(`SELECT count(*) AS n FROM research_selection WHERE project_id = ${p}`)[0].n, 0);
});

test('a .qdpx sent to the API becomes a project; a file that is none is refused with its reason', async () => {
  const p = sql("SELECT id FROM research_project WHERE name = 'API-project'")[0].id;
  const file = join(work, 'p.qdpx');
  cli(srv.db, ['qda', 'codebook', '--org', 'gemeente-demo', '--project', String(p), '--output', join(work, 'p.qdc')]);
  execFileSync(process.env.LEERGANG_BIN || 'build/release/leergang', ['--db', srv.db, 'qda', 'export', '--org', 'gemeente-demo',
    '--project', String(p), '--output', file]);
  const { readFileSync } = await import('node:fs');
  let r = await api.request('POST', '/api/v1/research/import?name=Terug', { body: readFileSync(file), headers: { 'content-type': 'application/zip' } });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json().sources, 1);
  assert.equal(sql(`SELECT name FROM research_project WHERE id = ${r.json().project}`)[0].name, 'Terug');
  const n = sql('SELECT count(*) AS n FROM research_project')[0].n;
  r = await api.request('POST', '/api/v1/research/import', { body: 'geen zip', headers: { 'content-type': 'application/zip' } });
  assert.equal(r.status, 422);
  assert.match(r.json().error.message, /REFI-QDA/);
  assert.equal(sql('SELECT count(*) AS n FROM research_project')[0].n, n, 'nothing imported');
});

test('the demo coders\' agreement per code equals psych::cohen.kappa on the same characters', async (t) => {
  if (!hasR) return t.skip('skipped: Rscript not installed (or psych missing)');
  const c = client('onderzoeker@leercirkels.example');
  const [{ id: p }] = sql("SELECT id FROM research_project WHERE name LIKE 'Leercirkels Leurdonk%'");
  const coders = sql(`SELECT id FROM research_coder WHERE project_id = ${p} ORDER BY id`).map((x) => x.id);
  assert.equal(coders.length, 2);
  for (const uncoded of ['with', 'without']) {
    const r = await c.get(`/api/v1/research/${p}/agreement?coder_a=${coders[0]}&coder_b=${coders[1]}&uncoded=${uncoded}`);
    assert.equal(r.status, 200);
    const got = r.json();
    // the characters: every source, 0/1 per code and coder
    const sources = sql(`SELECT id, chars FROM research_source WHERE project_id = ${p} ORDER BY id`);
    const spans = sql(`SELECT x.source_id AS s, x.coder_id AS k, x.start_char AS a, x.end_char AS b, c.code_id AS code
      FROM research_selection x JOIN research_coding c ON c.selection_id = x.id WHERE x.project_id = ${p}`);
    const any = new Map();  // source -> chars coded by either with any code
    for (const s of sources) any.set(s.id, new Uint8Array(s.chars));
    for (const sp of spans) for (let i = sp.a; i < sp.b; i++) any.get(sp.s)[i] = 1;
    const lines = ['code,a,b'];
    for (const code of got.codes) {
      for (const s of sources) {
        const va = new Uint8Array(s.chars), vb = new Uint8Array(s.chars);
        for (const sp of spans.filter((x) => x.s === s.id && x.code === code.id))
          for (let i = sp.a; i < sp.b; i++) (sp.k === coders[0] ? va : vb)[i] = 1;
        for (let i = 0; i < s.chars; i++)
          if (uncoded === 'with' || any.get(s.id)[i]) lines.push(`${code.id},${va[i]},${vb[i]}`);
      }
    }
    const csv = join(work, `chars-${uncoded}.csv`);
    writeFileSync(csv, lines.join('\n') + '\n');
    const out = execFileSync('Rscript', ['-e', `suppressPackageStartupMessages(library(psych));
      d <- read.csv("${csv}")
      for (k in unique(d$code)) { x <- d[d$code == k, ]
        if (length(unique(c(x$a, x$b))) < 2) { cat(k, "NA NA\\n"); next }
        ck <- suppressWarnings(cohen.kappa(cbind(x$a, x$b)))
        o <- table(factor(c(x$a, x$b), levels = 0:1), factor(c(x$b, x$a), levels = 0:1)); n <- sum(o); nc <- rowSums(o)
        alpha <- 1 - (n - 1) * (o[1, 2] + o[2, 1]) / (nc[1] * nc[2] * 2)
        cat(k, sprintf("%.12f", ck$kappa), sprintf("%.12f", alpha), "\\n") }`], { encoding: 'utf8' });
    const ref = new Map(out.trim().split('\n').map((l) => { const [k, kap, al] = l.trim().split(/\s+/); return [Number(k), [kap, al]]; }));
    let compared = 0;
    for (const code of got.codes) {
      const [kap, al] = ref.get(code.id);
      if (kap === 'NA') { assert.equal(code.kappa, null, `${code.name}: undefined`); continue; }
      assert.ok(Math.abs(code.kappa - Number(kap)) < 1e-9, `${code.name} (${uncoded}): kappa ${code.kappa} vs R ${kap}`);
      assert.ok(Math.abs(code.alpha - Number(al)) < 1e-9, `${code.name} (${uncoded}): alpha ${code.alpha} vs R ${al}`);
      compared++;
    }
    assert.ok(compared >= 5, `codes compared with R (${uncoded}): ${compared}`);
  }
});

test('the open answers of a wave as a source: only with enough responses, and nothing of who gave them', async () => {
  const c = client('onderzoeker@politie.example');
  const p = (await post(c, '/api/v1/research', { name: 'Open antwoorden' })).json().id;
  const waves = sql(`SELECT w.id, w.name, (SELECT count(*) FROM response r WHERE r.wave_id = w.id) AS n FROM wave w
    JOIN organisation o ON o.id = w.organisation_id WHERE o.slug = 'politie-demo' AND w.subject_id IS NULL`);
  let taken = 0, refused = 0;
  for (const w of waves) {
    const r = await post(c, `/api/v1/research/${p}/sources`, { kind: 'answers', ref: w.id });
    if (r.status === 201) {
      taken++;
      assert.ok(w.n >= 5, `${w.name}: taken with ${w.n} responses`);
      const [src] = sql(`SELECT body, name FROM research_source WHERE id = ${r.json().id}`);
      assert.match(src.name, /^(Open antwoorden|Open answers): /);
      // no invitee of the wave, by name, e-mail or employee number
      const people = sql(`SELECT p.name, p.email, p.employee_id FROM invitation i JOIN person p ON p.id = i.person_id
        WHERE i.wave_id = ${w.id}`);
      assert.ok(people.length >= 5);
      for (const x of people)
        for (const v of [x.name, x.email, x.employee_id]) if (v) assert.ok(!src.body.includes(v), `${w.name}: ${v} in the source`);
      // the same answers as the wave's results page shows, no more
      const texts = sql(`SELECT a.text FROM answer a JOIN response r ON r.id = a.response_id WHERE r.wave_id = ${w.id}
        AND a.text IS NOT NULL AND a.text <> ''`).map((x) => x.text.replace(/\r\n?/g, '\n').trim());
      for (const t of texts) assert.ok(src.body.includes(t.split('\n')[0]), `an answer of ${w.name} is in the source`);
    } else {
      refused++;
      assert.equal(r.status, 422, `${w.name}: ${r.status} ${r.text}`);
    }
  }
  assert.ok(taken >= 1, 'a wave with enough responses is taken');
  assert.ok(refused >= 1, 'a wave still open or with too few responses is refused');
  // a 360-degree round about one person is never a source
  const [round] = sql(`SELECT w.id FROM wave w JOIN organisation o ON o.id = w.organisation_id
    WHERE o.slug = 'politie-demo' AND w.subject_id IS NOT NULL LIMIT 1`);
  if (round) assert.equal((await post(c, `/api/v1/research/${p}/sources`, { kind: 'answers', ref: round.id })).status, 404);
});
