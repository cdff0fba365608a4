// The demo organisation of seed 002 (`leercirkels-demo`, issue 18
// must-show 1): `leergang spread` gives Table 1's totals per team and
// department, its team leaders and 34 participants in all over its eleven
// circles, and the spread page shows the same table. The expected numbers
// are the seed's own (seed note 002 §6: the n column of Table 1, seed lines
// 1152–1178, its legend "totaal aantal deelnemers: 34", line 1100, and the
// columns LC1 … LC19 with their periods, lines 1102–1150); they are written
// here by hand, not read from leergang.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, cli, Client } from '../lib/server.mjs';

const ORG = 'leercirkels-demo';
const COLUMNS = [
  ['LC1', 'vj 2015'], ['LC3', 'vj 2016'], ['LC5', 'nj 2016'], ['LC8', 'vj 2017'], ['LC11', 'zo-nj 2017'],
  ['LC12', 'zo-nj 2017'], ['LC14', 'nj-wi 2017'], ['LC15', 'nj-wi 2017'], ['LC16', 'wi-vj 2018'],
  ['LC18', 'vj-zo 2018'], ['LC19', 'zo-nj 2018'],
];
// department -> [team, n, team leaders among them]
const TABLE1 = {
  'Afdeling O': [['T1', 1, 0], ['T2', 0, 0], ['T3', 2, 1]],
  'Afdeling C': [['T4', 6, 0], ['T5', 2, 0], ['T6', 2, 0], ['T7', 2, 0]],
  'Afdeling S': [['T8', 9, 1], ['T9', 1, 1], ['T10', 1, 0], ['T11', 5, 0]],
  'Afdeling B': [['T12', 0, 0], ['T13', 0, 0], ['T14', 3, 1]],
};
const DEPARTMENTS = { 'Afdeling O': 3, 'Afdeling C': 12, 'Afdeling S': 16, 'Afdeling B': 3 };

let srv;
before(async () => { srv = await startServer({ names: 'ordinary' }); });
after(async () => { await srv.stop(); });

test('must-show 1: leergang spread gives Table 1 of seed 002: the totals per team and department, the team leaders, 34 in all', () => {
  const t = JSON.parse(cli(srv.db, ['spread', '--org', ORG, '--format', 'json']));
  assert.deepEqual(t.columns.map((c) => [c.name, c.period]), COLUMNS, 'the eleven circles in order, with their periods');
  assert.equal(t.total, 34);
  const depts = Object.fromEntries(t.departments.map((d) => [d.name, d]));
  for (const [name, n] of Object.entries(DEPARTMENTS)) {
    assert.ok(depts[name], `${name} is in the table`);
    assert.equal(depts[name].n, n, `${name}: ${n} participants`);
    const teams = depts[name].teams.map((x) => [x.name, x.n, x.team_leaders]);
    assert.deepEqual(teams, TABLE1[name], `${name}: its teams, their totals and team leaders`);
    for (const team of depts[name].teams) {
      const sum = Object.values(team.cells).reduce((a, b) => a + b, 0);
      assert.equal(sum, team.n, `${team.name}: nobody sits in two circles, so the cells add up to n`);
      for (const col of Object.keys(team.cells)) assert.ok(COLUMNS.some(([c]) => c === col), `${col} is a column`);
    }
  }
  // what the seed's text says of when people came (seed note 002 §6)
  const cell = (team, col) => t.departments.flatMap((d) => d.teams).find((x) => x.name === team).cells[col] ?? 0;
  assert.equal(cell('T8', 'LC1'), 2, "T8's first two in spring 2015");
  assert.equal(cell('T11', 'LC8'), 1, 'Anja, first of T11, in early 2017');
  const before2017 = COLUMNS.slice(0, 3).map(([c]) => c);
  assert.equal(t.departments.flatMap((d) => d.teams).filter((x) => x.name === 'T11')
    .reduce((a, x) => a + before2017.reduce((b, c) => b + (x.cells[c] ?? 0), 0), 0), 0, 'nobody of T11 before Anja');
});

test('the demo organisation has the coordinator, owner, researcher and Anja as accounts, and the four focal participants by name', async () => {
  const coach = new Client(srv.base);
  await coach.login('coach@leercirkels.example');
  const people = (await coach.get('/api/v1/people?q=Moniek')).json();
  assert.ok(JSON.stringify(people).includes('Moniek Verhagen'), 'Moniek, the team leader of T9, is on the people list');
  for (const who of ['opdrachtgever', 'onderzoeker', 'deelnemer', 'beheerder']) {
    const c = new Client(srv.base);
    await c.login(`${who}@leercirkels.example`);
  }
});

test('the recruitment network of the demo: the chains of seed 002 §7 counted by hand, team leaders as the spread table marks them', () => {
  const g = JSON.parse(cli(srv.db, ['network', '--org', ORG, '--format', 'json']));
  const node = (label) => g.nodes.find((n) => n.label === label);
  const byId = Object.fromEntries(g.nodes.map((n) => [n.id, n]));
  // The municipal secretary introduced T8's first two; their department meeting's pecha kucha brought T8's
  // team leader, who brought six of his team and, with his own pecha kucha, Moniek: 2 + 1 + 6 + 1 = 10 people.
  // The head of Afdeling C asked two of T4, one of T6 and one of T7, who each brought colleagues: 10 as well.
  const reachOf = (n) => n.reach;
  const top = g.starters.slice(0, 2).map((s) => byId[s.id]);
  assert.deepEqual(top.map(reachOf), [10, 10]);
  assert.deepEqual(top.map((n) => n.department).sort(), ['Afdeling C', 'Gemeentesecretaris']);
  // Anja brought four of T11 and presented to her team
  assert.equal(node('Anja Willems').reach, 4);
  assert.equal(node('Anja Willems').out_degree, 5);
  // team leaders: Moniek (T9) and Paul (T14) are, the secretary and the heads of department are not
  assert.equal(node('Moniek Verhagen').team_leader, true);
  assert.equal(node('Paul Bosman').team_leader, true);
  for (const n of top) assert.equal(n.team_leader, false, `${n.label} leads no team`);
  // a person's circles are those they sat in as a member, in order
  assert.equal(node('Moniek Verhagen').circles, 'LC5');
  assert.equal(node('Chris Hoekstra').circles, 'LC12');
  // Chris came in through two people outside the people list
  const outside = g.edges.filter((e) => e.to === node('Chris Hoekstra').id).map((e) => byId[e.from]);
  assert.deepEqual(outside.map((n) => n.kind), ['outside', 'outside']);
});

test('must-show 1: the spread page shows the same table: every team with its n and team leaders, 34 in all', async () => {
  const coach = new Client(srv.base);
  await coach.login('coach@leercirkels.example');
  const page = (await coach.get('/spread')).text;
  for (const [dept, teams] of Object.entries(TABLE1)) {
    for (const [team, n, tl] of teams) {
      const m = page.match(new RegExp(`<tr class="team"><td>${dept}</td><th scope="row">${team}(?: \\(cluster\\))?</th><td>(\\d+)</td><td>(\\d+)</td>`));
      assert.ok(m, `${team} is a row of ${dept}`);
      assert.deepEqual([Number(m[1]), Number(m[2])], [n, tl], `${team}: n and team leaders`);
    }
  }
  assert.match(page, /<th scope="row">Totaal<\/th><td>34<\/td>/);
  for (const [name, period] of COLUMNS) assert.ok(page.includes(`${name}`) && page.includes(period), `${name} ${period}`);
});
