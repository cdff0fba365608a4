// network-data.mjs — referrals written into a test database (db.mjs)
// before the server opens it, and the graph they must give
// by the rules of src/domain/referral_network.h, worked out here on their
// own (node ids p<person>, o<k>, x<presentation>; one edge per pair and
// kind). Used by tests/http/network.test.mjs.
import { sqlRows, sqlRun } from './db.mjs';

export const sqlJson = (db, q) => sqlRows(db, q);
export { sqlRun };
const lit = (s) => `'${String(s).replaceAll("'", "''")}'`;

// A small network in an existing organisation (the demo municipality):
// a chain of four, a side branch, an outside person written two ways
// (one node), a presentation with its presenter, someone who came both
// through a person and a presentation, someone on their own initiative,
// and a separate pair; people without an account, so that a name on a
// page is the network's and not the signed-in person's own. Returns what it wrote and the graph expected.
export function seedSmall(db, slug) {
  const org = sqlJson(db, `SELECT id FROM organisation WHERE slug = ${lit(slug)}`)[0].id;
  const people = sqlJson(db, `SELECT id FROM person WHERE organisation_id = ${org} AND active = 1
    AND id NOT IN (SELECT person_id FROM account WHERE person_id IS NOT NULL) ORDER BY id LIMIT 14`)
    .map((r) => r.id);
  const [a, b, c, d, e, f, g, h, i, j, k, l] = people;
  // whatever the demo recorded is replaced: the expected graph is this one alone
  const q = [`DELETE FROM referral WHERE organisation_id = ${org};`];
  const ref = (to, by, date) => q.push(`INSERT INTO referral(organisation_id, person_id, kind, by_person_id, by_role, noted_on)
    VALUES (${org}, ${to}, 'person', ${by}, 'colleague', '${date}');`);
  ref(b, a, '2015-03-01'); ref(c, b, '2015-09-01'); ref(d, c, '2016-03-01'); ref(e, a, '2015-04-01'); ref(k, j, '2017-01-01');
  ref(d, c, '2016-04-01');   // twice the same pair: one edge, the earliest date
  q.push(`INSERT INTO referral(organisation_id, person_id, kind, by_name, by_role, noted_on) VALUES
    (${org}, ${f}, 'person', '  Wethouder   Jansen ', 'outside', '2016-01-01'),
    (${org}, ${g}, 'person', 'wethouder jansen', 'outside', '2016-02-01');`);
  q.push(`INSERT INTO presentation(organisation_id, kind, audience, held_on, title) VALUES
    (${org}, 'pecha_kucha', 'department', '2016-05-01', 'Pecha kucha netwerktest');`);
  q.push(`INSERT INTO presentation_presenter(presentation_id, organisation_id, person_id)
    SELECT max(id), ${org}, ${d} FROM presentation WHERE organisation_id = ${org};`);
  q.push(`INSERT INTO referral(organisation_id, person_id, kind, presentation_id, noted_on)
    SELECT ${org}, p, 'presentation', (SELECT max(id) FROM presentation WHERE organisation_id = ${org}), '2016-06-01'
    FROM (SELECT ${h} AS p UNION ALL SELECT ${e}) AS x;`);
  q.push(`INSERT INTO referral(organisation_id, person_id, kind, noted_on) VALUES (${org}, ${i}, 'own', '2017-02-01');`);
  sqlRun(db, q.join('\n'));
  const x = sqlJson(db, `SELECT max(id) AS id FROM presentation WHERE organisation_id = ${org}`)[0].id;
  const P = (n) => `p${n}`;
  const edges = [
    [P(a), P(b), 'person'], [P(b), P(c), 'person'], [P(c), P(d), 'person'], [P(a), P(e), 'person'],
    [P(j), P(k), 'person'], ['o1', P(f), 'person'], ['o1', P(g), 'person'],
    [`x${x}`, P(h), 'presentation'], [`x${x}`, P(e), 'presentation'], [P(d), `x${x}`, 'presented'],
  ];
  const personIds = [a, b, c, d, e, f, g, h, i, j, k].sort((m, n) => m - n);
  const nodes = [...personIds.map((n) => ({ id: P(n), kind: 'person' })), { id: 'o1', kind: 'outside' },
    { id: `x${x}`, kind: 'presentation' }];
  return { org, nodes, edges, people: { a, b, c, d, e, f, g, h, i, j, k, l }, presentation: x };
}

// A seeded generator (mulberry32): the same seed, the same graph.
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6D2B79F5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// A new organisation `slug` with n people and about m random person ->
// person referrals (no self-loops; pairs may repeat, the graph keeps one).
export function seedRandom(db, slug, n, m, seed) {
  const r = rng(seed);
  const q = [`INSERT INTO organisation(slug, name) VALUES (${lit(slug)}, ${lit('Netwerk ' + slug)});`];
  q.push(`WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < ${n})
    INSERT INTO person(organisation_id, employee_id, name) SELECT (SELECT id FROM organisation WHERE slug = ${lit(slug)}),
    '${slug}-' || i, 'Persoon ' || i FROM k;`);
  sqlRun(db, q.join('\n'));
  const org = sqlJson(db, `SELECT id FROM organisation WHERE slug = ${lit(slug)}`)[0].id;
  const ids = sqlJson(db, `SELECT id FROM person WHERE organisation_id = ${org} ORDER BY id`).map((x) => x.id);
  const pairs = new Map();
  const rows = [];
  for (let k = 0; k < m; k++) {
    const to = ids[Math.floor(r() * n)], by = ids[Math.floor(r() * n)];
    if (to === by) continue;
    rows.push(`(${org}, ${to}, 'person', ${by}, '2020-01-01')`);
    pairs.set(`${by} ${to}`, [`p${by}`, `p${to}`, 'person']);
  }
  sqlRun(db, `INSERT INTO referral(organisation_id, person_id, kind, by_person_id, noted_on) VALUES ${rows.join(',\n')};`);
  const used = new Set();
  for (const [from, to] of pairs.values()) { used.add(Number(from.slice(1))); used.add(Number(to.slice(1))); }
  const nodes = [...used].sort((x, y) => x - y).map((id) => ({ id: `p${id}`, kind: 'person' }));
  return { org, nodes, edges: [...pairs.values()] };
}
