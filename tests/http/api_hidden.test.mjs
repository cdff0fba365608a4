// The API gives no count or figure for a hidden part of a wave: not in the
// groups of GET /api/v1/waves/{id}, not in the parts of
// GET /api/v1/waves/{id}/compare by group, batch or unit. A hidden part is
// its name and that it is hidden, nothing else: a count of 1 or 2 next to
// the shown parts is what the rule of 5 is there to keep back. The demo has
// such parts on purpose (src/demo/municipality.c): in the learning-climate
// scan of the circles, Leercirkel 3 (3 answers) and Leercirkel 2 (hidden
// with it so that the total does not give it away); in the leadership scan
// of Afdeling S, its head alone in the department itself. The test fails
// when the demo has no hidden part, so it never checks nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, demoEmail } from '../lib/server.mjs';

let srv;
const as = {};

before(async () => {
  srv = await startServer();
  for (const [who, email] of [['politie', demoEmail('coach')], ['gemeente', demoEmail('coach', 'gemeente')],
    ['researcher', demoEmail('researcher', 'gemeente')]]) {
    as[who] = new Client(srv.base);
    await as[who].login(email);
  }
});
after(async () => { await srv.stop(); });

// Every number anywhere in a JSON value, with where it is.
function figures(v, at = '') {
  if (typeof v === 'number') return [`${at} = ${v}`];
  if (Array.isArray(v)) return v.flatMap((x, i) => figures(x, `${at}[${i}]`));
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => figures(x, `${at}.${k}`));
  return [];
}

async function waves(c) {
  const r = await c.get('/api/v1/waves');
  assert.equal(r.status, 200);
  return r.json().waves;
}

test('a hidden group of a wave is its name and "hidden", with no count or mean', async () => {
  const hidden = [];
  for (const c of [as.politie, as.gemeente, as.researcher]) {
    for (const w of await waves(c)) {
      const j = (await c.get(`/api/v1/waves/${w.id}`)).json();
      for (const g of j.groups || []) {
        if (g.shown) {
          assert.ok(g.n >= 5, `${w.name} · ${g.group}: shown from 5`);
          continue;
        }
        hidden.push(`${w.name} · ${g.group}`);
        assert.deepEqual(figures(g), [], `${w.name} · ${g.group} is hidden: no figure`);
        assert.equal(typeof g.group, 'string');
      }
    }
  }
  assert.ok(hidden.some((h) => h.includes('Leercirkel 3')), `the small circle is among the hidden: ${hidden}`);
  assert.ok(hidden.some((h) => h.includes('Leercirkel 2')), 'and the circle hidden with it');
});

test('a hidden part of a comparison by group, batch or unit has no count, score or test', async () => {
  const hidden = [];
  for (const c of [as.politie, as.gemeente, as.researcher]) {
    for (const w of await waves(c)) {
      for (const by of ['group', 'batch', 'unit']) {
        const r = await c.get(`/api/v1/waves/${w.id}/compare?by=${by}`);
        if (r.status === 404) continue;  // a 360° round has no comparison
        assert.equal(r.status, 200, `${w.name} by ${by}`);
        const j = r.json();
        for (const p of j.parts) {
          const what = `${w.name} by ${by}: ${p.name}`;
          if (p.shown) {
            assert.ok(p.n >= 5, `${what}: shown from 5`);
            continue;
          }
          hidden.push(what);
          assert.equal(p.n, null, `${what}: no count`);
          assert.equal(p.scores, null, `${what}: no scores`);
          assert.deepEqual(figures(p), [], `${what}: no figure at all`);
        }
        assert.equal(j.hidden_parts, j.parts.filter((p) => !p.shown).length, `${w.name} by ${by}: hidden counted`);
        // the tests are over the shown parts only: one group fewer than there are shown
        const shown = j.parts.filter((p) => p.shown).length;
        for (const t of j.tests) if (shown >= 2) assert.equal(t.anova.df1, shown - 1, `${w.name} by ${by}: ANOVA over the shown`);
      }
    }
  }
  assert.ok(hidden.some((h) => /Leerklimaat.* by group: .*Leercirkel 3/.test(h)), `hidden circles: ${hidden.join('; ')}`);
  // the department itself beside its teams: "Afdeling S (overig)", those of S not in a team shown apart
  assert.ok(hidden.some((h) => /Afdeling S 2026 by unit: Afdeling S \(overig\)$/.test(h)), 'the head of Afdeling S alone');
});

test('the pages say "hidden" where the API hides, and show no count there', async () => {
  const w = (await waves(as.gemeente)).find((x) => x.name === 'Leiderschapsscan Afdeling S 2026');
  const page = (await as.gemeente.get(`/waves/${w.id}/compare?by=unit`)).text;
  const api = (await as.gemeente.get(`/api/v1/waves/${w.id}/compare?by=unit`)).json();
  const hidden = api.parts.filter((p) => !p.shown);
  assert.ok(hidden.length >= 1);
  const literal = (x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const p of hidden) assert.match(page, new RegExp(`${literal(p.name)}</th><td colspan="4">verborgen`), p.name);
});
