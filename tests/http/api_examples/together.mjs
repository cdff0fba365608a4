// Examples of the routes of working together (tests/http/openapi.test.mjs):
// sessions with a case and their follow-up actions, peer groups and
// presentations, the recruitment network, the spread table, lone
// participants and buddies, reverse mentoring. Each example makes what it
// changes (a session, a group, a pair) so that it stands on its own and
// leaves the demo's own things as they were.
import assert from 'node:assert/strict';
import { demoEmail } from '../../lib/server.mjs';

const ORG = 2;  // the municipality's organisation id in the demo
const q = (s) => `'${String(s).replace(/'/g, "''")}'`;

export const personOf = (ctx, role, org = 'gemeente') =>
  ctx.one(`SELECT person_id FROM account WHERE email = ${q(demoEmail(role, org))}`);

// A JSON call as a demo role; the answer's body, after checking its status.
export async function call(ctx, role, method, path, body, status) {
  const c = await ctx.client(role);
  const r = method === 'GET' ? await c.get(path) : await c.postJson(path, body ?? {});
  assert.equal(r.status, status ?? (method === 'GET' ? 200 : 201), `${method} ${path}: ${r.text.slice(0, 300)}`);
  return r.json();
}

// People of the municipality who are none of the demo accounts, n of them.
export const others = (ctx, n, skip = 0) => ctx.sql(`SELECT id FROM person WHERE organisation_id = ${ORG}
  AND active = 1 AND id NOT IN (SELECT person_id FROM account WHERE person_id IS NOT NULL)
  ORDER BY id LIMIT ${n} OFFSET ${skip}`).map((r) => r.id);

// The learning group the facilitator leads and the participant takes part in.
export const sessionGroup = (ctx) => ctx.one(`SELECT g.id FROM learning_group g
  JOIN enrolment e ON e.group_id = g.id AND e.status <> 'stopped'
  WHERE g.facilitator_id = ${personOf(ctx, 'facilitator')} AND e.person_id = ${personOf(ctx, 'participant')}
  ORDER BY g.id LIMIT 1`);

// A new session of that group, led by the facilitator, the participant's case.
export async function freshSession(ctx, step) {
  const { id } = await call(ctx, 'facilitator', 'POST', `/api/v1/groups/${sessionGroup(ctx)}/sessions`,
    { method: 'actieleren', case_person: personOf(ctx, 'participant'), case_title: 'Een voorbeeld',
      case_question: 'Hoe begin ik?', case_context: '' });
  if (step) await call(ctx, 'facilitator', 'POST', `/api/v1/sessions/${id}/step`, { to: step }, 200);
  return id;
}

const freshPeerGroup = async (ctx, name) =>
  (await call(ctx, 'coach', 'POST', '/api/v1/peer-groups', { kind: 'intervision', name, period: '' })).id;

const freshPresentation = async (ctx, title) => (await call(ctx, 'coach', 'POST', '/api/v1/presentations',
  { kind: 'other', audience: 'team', held_on: '2026-05-01', title, presenters: others(ctx, 1) })).id;

export default {
  'GET /api/v1/spread': { as: 'coach', query: 'by=circle' },
  'GET /api/v1/lone-participants': { as: 'coach' },
  'POST /api/v1/buddies': {
    as: 'coach',
    body: (ctx) => { const [a, b] = others(ctx, 2, 10); return { person_id: a, buddy_id: b }; },
  },
  'POST /api/v1/buddies/{id}/end': {
    as: 'coach', status: 200,
    ids: async (ctx) => {
      const [a, b] = others(ctx, 2, 20);
      return [(await call(ctx, 'coach', 'POST', '/api/v1/buddies', { person_id: a, buddy_id: b })).id];
    },
    after: (ctx, r, [id]) => assert.notEqual(ctx.one(`SELECT ended_on FROM buddy_pair WHERE id = ${id}`), ''),
  },
  'GET /api/v1/peer-groups': { as: 'coach' },
  'POST /api/v1/peer-groups': { as: 'coach', body: { kind: 'circle', name: 'Voorbeeldcirkel', period: 'vj 2027' } },
  'GET /api/v1/peer-groups/{id}': {
    // the facilitator of a circle: its people, its sessions and the right to start one
    as: 'facilitator',
    ids: (ctx) => [ctx.one(`SELECT peer_group_id FROM peer_group_member
      WHERE person_id = ${personOf(ctx, 'facilitator')} AND role = 'facilitator' ORDER BY peer_group_id LIMIT 1`)],
  },
  'POST /api/v1/peer-groups/{id}/members': {
    as: 'coach', status: 200,
    ids: async (ctx) => [await freshPeerGroup(ctx, 'Voorbeeld: leden')],
    body: (ctx) => ({ person_id: others(ctx, 1)[0], role: 'facilitator', since: '2026-09-01', until: '' }),
  },
  'POST /api/v1/peer-groups/{id}/members/remove': {
    as: 'coach', status: 200,
    ids: async (ctx) => {
      const id = await freshPeerGroup(ctx, 'Voorbeeld: eruit');
      await call(ctx, 'coach', 'POST', `/api/v1/peer-groups/${id}/members`, { person_id: others(ctx, 1)[0] }, 200);
      return [id];
    },
    body: (ctx) => ({ person_id: others(ctx, 1)[0] }),
  },
  'POST /api/v1/peer-groups/{id}/active': {
    as: 'coach', status: 200,
    ids: async (ctx) => [await freshPeerGroup(ctx, 'Voorbeeld: gestopt')],
    body: { active: false },
  },
  'POST /api/v1/peer-groups/{id}/sessions': {
    // the facilitator of a circle starts a session in it, a member's case
    as: 'facilitator',
    ids: (ctx) => [ctx.one(`SELECT g.id FROM peer_group g JOIN peer_group_member m ON m.peer_group_id = g.id
      WHERE m.person_id = ${personOf(ctx, 'facilitator')} AND m.role = 'facilitator' AND g.active = 1
      ORDER BY g.id LIMIT 1`)],
    body: (ctx, [id]) => ({
      method: 'leercirkel', case_title: 'Een casus uit de cirkel', case_question: 'Wat doe ik nu?', case_context: '',
      case_person: ctx.one(`SELECT person_id FROM peer_group_member WHERE peer_group_id = ${id} AND role = 'member'
        ORDER BY person_id LIMIT 1`),
    }),
    after: (ctx, r) => assert.equal(ctx.one(`SELECT leader_id FROM case_session WHERE id = ${r.json().id}`),
      personOf(ctx, 'facilitator')),
  },
  'GET /api/v1/presentations': { as: 'owner' },
  'POST /api/v1/presentations': {
    as: 'coach',
    body: (ctx) => ({ kind: 'pecha_kucha', audience: 'management', held_on: '2026-06-12',
      title: 'Voorbeeld: wat de cirkel ons bracht', group_id: 0, presenters: others(ctx, 2) }),
  },
  // the network of the learning circles' organisation, which has referrals: the graph with names
  'GET /api/v1/network': { as: 'coach', org: 'leercirkels' },
  'GET /api/v1/presentations/{id}/attendees': {
    as: 'coach',
    ids: async (ctx) => {
      const id = await freshPresentation(ctx, 'Voorbeeld: wie was er');
      await call(ctx, 'coach', 'POST', `/api/v1/presentations/${id}/attendees`, { person_id: others(ctx, 1, 3)[0] }, 200);
      return [id];
    },
    after: (ctx, r) => assert.equal(r.json().attendees.length, 1),
  },
  'POST /api/v1/presentations/{id}/attendees': {
    as: 'coach', status: 200,
    ids: async (ctx) => [await freshPresentation(ctx, 'Voorbeeld: erbij')],
    body: (ctx) => ({ person_id: others(ctx, 1, 4)[0] }),
  },
  'POST /api/v1/presentations/{id}/attendees/remove': {
    as: 'coach', status: 200,
    ids: async (ctx) => {
      const id = await freshPresentation(ctx, 'Voorbeeld: toch niet');
      await call(ctx, 'coach', 'POST', `/api/v1/presentations/${id}/attendees`, { person_id: others(ctx, 1, 5)[0] }, 200);
      return [id];
    },
    body: (ctx) => ({ person_id: others(ctx, 1, 5)[0] }),
  },
  'GET /api/v1/groups/{id}/sessions': { as: 'facilitator', ids: (ctx) => [sessionGroup(ctx)] },
  'POST /api/v1/groups/{id}/sessions': {
    as: 'facilitator',
    ids: (ctx) => [sessionGroup(ctx)],
    body: (ctx) => ({ method: 'actieleren', case_person: personOf(ctx, 'participant'),
      case_title: 'Twee teams, één vraag', case_question: 'Hoe krijg ik ze samen?', case_context: 'Een reorganisatie.' }),
  },
  'GET /api/v1/sessions/{id}': {
    // the demo's session of the group, with its roles, notes and answers
    as: 'facilitator',
    ids: (ctx) => [ctx.one(`SELECT s.id FROM case_session s WHERE s.group_id = ${sessionGroup(ctx)}
      AND EXISTS (SELECT 1 FROM case_session_answer a WHERE a.session_id = s.id) ORDER BY s.id LIMIT 1`)],
  },
  'GET /api/v1/sessions/{id}/state': { as: 'participant', ids: async (ctx) => [await freshSession(ctx)] },
  'POST /api/v1/sessions/{id}/answers': {
    as: 'participant', status: 200,
    ids: async (ctx) => [await freshSession(ctx)],
    body: { text: 'Vraag eerst wat de ander nodig heeft.' },
  },
  'POST /api/v1/sessions/{id}/step': {
    as: 'facilitator', status: 200,
    ids: async (ctx) => [await freshSession(ctx)],
    body: { to: 2 },
  },
  'POST /api/v1/sessions/{id}/notes': {
    as: 'facilitator', status: 200,
    ids: async (ctx) => [await freshSession(ctx)],
    body: { n: 1, note: 'De casus is helder.' },
  },
  'POST /api/v1/sessions/{id}/roles': {
    as: 'facilitator', status: 200,
    ids: async (ctx) => [await freshSession(ctx)],
    body: { random: true },
  },
  'POST /api/v1/sessions/{id}/select': {
    as: 'facilitator', status: 200,
    ids: async (ctx) => {
      const id = await freshSession(ctx);
      await call(ctx, 'participant', 'POST', `/api/v1/sessions/${id}/answers`, { text: 'Eén regisseur.' }, 200);
      return [id];
    },
    body: (ctx, [id]) => ({ answer: ctx.one(`SELECT id FROM case_session_answer WHERE session_id = ${id}`), selected: true }),
  },
  'POST /api/v1/sessions/{id}/outcome': {
    as: 'facilitator', status: 200,
    ids: async (ctx) => [await freshSession(ctx)],
    body: { summary: 'Niemand voelt zich eigenaar.', sharpened: 'Eén regisseur zet de partners aan tafel.' },
  },
  'POST /api/v1/sessions/{id}/actions': {
    as: 'facilitator',
    ids: async (ctx) => [await freshSession(ctx)],
    body: (ctx) => ({ owner: personOf(ctx, 'participant'), text: 'De partners uitnodigen.', due_on: '2099-01-15' }),
  },
  'POST /api/v1/actions/{id}': {
    as: 'participant', status: 200,
    ids: async (ctx) => {
      const s = await freshSession(ctx);
      return [(await call(ctx, 'facilitator', 'POST', `/api/v1/sessions/${s}/actions`,
        { owner: personOf(ctx, 'participant'), text: 'Een gesprek plannen.', due_on: '2099-02-01' })).id];
    },
    body: { status: 'done' },
  },
  'GET /api/v1/me/actions': {
    as: 'participant',
    ids: async (ctx) => {
      // at least one action of the caller's, so the list is not empty
      const s = await freshSession(ctx);
      await call(ctx, 'facilitator', 'POST', `/api/v1/sessions/${s}/actions`,
        { owner: personOf(ctx, 'participant'), text: 'Terugkoppelen aan het team.', due_on: '2099-03-01' });
      return [];
    },
    after: (ctx, r) => assert.ok(r.json().actions.length > 0),
  },
  'POST /api/v1/sessions/{id}/share': {
    // the case owner, after the session's last step
    as: 'participant',
    ids: async (ctx) => [await freshSession(ctx, 9)],
    body: (ctx) => ({ title: 'Samen aan tafel', text: 'Eerst vragen wat de ander ziet, dan pas een plan maken.',
      forms: [ctx.one(`SELECT key FROM learning_form WHERE organisation_id = ${ORG} ORDER BY position LIMIT 1`)],
      themes: 'samenwerking', confirm: true }),
  },
  'POST /api/v1/sessions/{id}/consent': {
    as: 'participant', status: 200,
    ids: async (ctx) => [await freshSession(ctx)],
    body: { consent: true },
  },
  'GET /api/v1/reverse-mentoring': { as: 'participant', after: (ctx, r) => assert.ok(r.json().pairs.length > 0) },
  'POST /api/v1/reverse-mentoring': {
    as: 'coach',
    body: (ctx) => { const [a, b] = others(ctx, 2, 30); return { senior_id: a, junior_id: b, question: 'Wat speelt er?', started_on: '2026-11-01' }; },
  },
  'POST /api/v1/reverse-mentoring/{id}': {
    as: 'coach', status: 200,
    ids: async (ctx) => {
      const [a, b] = others(ctx, 2, 40);
      return [(await call(ctx, 'coach', 'POST', '/api/v1/reverse-mentoring',
        { senior_id: a, junior_id: b, started_on: '2026-11-01' })).id];
    },
    body: { step: 2 },
    after: (ctx, r, [id]) => assert.equal(ctx.one(`SELECT step FROM reverse_pair WHERE id = ${id}`), 2),
  },
};
