// Examples of the programme and design routes for tests/http/openapi.test.mjs
// (the format is in meta.mjs). What an example changes it makes first,
// through the API as the coach of 'gemeente' would: a programme of its own
// from a template, a batch, a group, a copied method; the demo's programme,
// group and batch are only read.

const ORG = "(SELECT id FROM organisation WHERE slug = 'gemeente-demo')";
const demoProgramme = (ctx) => ctx.one(`SELECT min(id) FROM programme WHERE organisation_id = ${ORG} AND name LIKE 'Leiderschapsprogramma%'`);
const demoGroup = (ctx) => ctx.one(`SELECT min(g.id) FROM learning_group g JOIN batch b ON b.id = g.batch_id WHERE b.programme_id = (SELECT min(id) FROM programme WHERE organisation_id = ${ORG} AND name LIKE 'Leiderschapsprogramma%')`);
const person = (ctx, k = 0) => ctx.sql(`SELECT id FROM person WHERE organisation_id = ${ORG} AND active = 1 ORDER BY id LIMIT 1 OFFSET ${k}`)[0].id;

let seq = 0;
// A call of the coach that must succeed; its answer's id, if any.
async function call(ctx, method, path, body) {
  const c = await ctx.client('coach');
  const r = await c.request(method, path, { body: JSON.stringify(body ?? {}), headers: { 'content-type': 'application/json' } });
  if (r.status !== 200 && r.status !== 201) throw new Error(`${method} ${path} answered ${r.status}: ${r.text.slice(0, 300)}`);
  return r.json().id;
}
const programme = (ctx) => call(ctx, 'POST', '/api/v1/programmes', { template: 'live', name: `Voorbeeld ${++seq}` });
async function group(ctx) {
  const p = await programme(ctx);
  const b = await call(ctx, 'POST', `/api/v1/programmes/${p}/batches`, { name: 'Lichting A' });
  return call(ctx, 'POST', `/api/v1/batches/${b}/groups`, { name: 'Groep A' });
}
async function enrolled(ctx) {
  const g = await group(ctx);
  await call(ctx, 'POST', `/api/v1/groups/${g}/enrolments`, { people: [person(ctx, 3)], date: '2026-01-05' });
  return { g, enrolment: ctx.one(`SELECT id FROM enrolment WHERE group_id = ${g}`) };
}
async function planned(ctx, number = 1) {
  const { g } = await enrolled(ctx);
  const m = await call(ctx, 'POST', `/api/v1/groups/${g}/meetings`, { number, date: '2030-03-04', start: '09:00', end: '17:00', venue: 'Stadhuis' });
  return { g, m };
}
async function ownMethod(ctx) {
  const from = ctx.one(`SELECT min(m.id) FROM session_method m WHERE m.organisation_id = ${ORG} AND (SELECT count(*) FROM session_method_step s WHERE s.method_id = m.id) >= 2`);
  return call(ctx, 'POST', '/api/v1/methods', { name: `Eigen werkvorm ${++seq}`, from });
}
const meetingOf = (ctx, p, n = 1) => ctx.one(`SELECT id FROM programme_meeting WHERE programme_id = ${p} AND number = ${n}`);
const topicOf = (ctx, p) => ctx.one(`SELECT min(id) FROM menu_topic WHERE programme_id = ${p}`);

export default {
  'GET /api/v1/methods': { as: 'coach' },
  'POST /api/v1/methods': {
    as: 'coach', body: (ctx) => ({ name: 'Werkvorm van het voorbeeld', from: ctx.one(`SELECT min(id) FROM session_method WHERE organisation_id = ${ORG}`) }),
  },
  'POST /api/v1/methods/{id}/steps': {
    as: 'coach', ids: async (ctx) => [await ownMethod(ctx)], status: 200,
    body: { name: 'Nabespreken', who: 'begeleider', instruction: 'Vraag wat de groep meeneemt.', minutes: 10 },
  },
  'POST /api/v1/methods/{id}/last-step/remove': { as: 'coach', ids: async (ctx) => [await ownMethod(ctx)], status: 200 },
  'POST /api/v1/methods/{id}/remove': { as: 'coach', ids: async (ctx) => [await ownMethod(ctx)], status: 200 },
  'PATCH /api/v1/method-steps/{id}': {
    as: 'coach', status: 200, body: { minutes: 12, instruction: 'Ieder noemt één ding.' },
    ids: async (ctx) => [ctx.one(`SELECT min(id) FROM session_method_step WHERE method_id = ${await ownMethod(ctx)}`)],
  },

  'GET /api/v1/programmes': { as: 'owner' },
  'POST /api/v1/programmes': { as: 'coach', body: { template: 'live', name: 'Programma van het voorbeeld' } },
  'GET /api/v1/programmes/{id}': { as: 'coach', ids: async (ctx) => [demoProgramme(ctx)] },
  'GET /api/v1/programmes/{id}/impact': { as: 'owner', ids: async (ctx) => [demoProgramme(ctx)] },
  'POST /api/v1/programmes/{id}/impact': {
    as: 'coach', ids: async (ctx) => [await programme(ctx)], status: 200,
    body: { outcomes: [{ level: 'behaviour', text: 'Leidinggevenden voeren elk kwartaal een ontwikkelgesprek.', evidence: '' }] },
  },
  'PATCH /api/v1/programmes/{id}/impact/{id}': {
    as: 'coach', status: 200, body: { text: 'Leidinggevenden geven elke maand feedback.' },
    ids: async (ctx) => {
      const p = await programme(ctx);
      await call(ctx, 'POST', `/api/v1/programmes/${p}/impact`, { outcomes: [{ level: 'behaviour', text: 'Eerst', evidence: '' }] });
      return [p, ctx.one(`SELECT id FROM impact_outcome WHERE programme_id = ${p}`)];
    },
  },
  'DELETE /api/v1/programmes/{id}/impact/{id}': {
    as: 'coach', status: 200,
    ids: async (ctx) => {
      const p = await programme(ctx);
      await call(ctx, 'POST', `/api/v1/programmes/${p}/impact`, { outcomes: [{ level: 'strategic', text: 'Weg ermee', evidence: '' }] });
      return [p, ctx.one(`SELECT id FROM impact_outcome WHERE programme_id = ${p}`)];
    },
  },
  'POST /api/v1/programmes/{id}/batches': { as: 'coach', ids: async (ctx) => [await programme(ctx)], body: { name: 'Voorjaar' } },
  'POST /api/v1/batches/{id}/groups': {
    as: 'coach', body: { name: 'Groep van het voorbeeld' },
    ids: async (ctx) => [await call(ctx, 'POST', `/api/v1/programmes/${await programme(ctx)}/batches`, { name: 'Najaar' })],
  },
  'GET /api/v1/groups/{id}': { as: 'facilitator', ids: async (ctx) => [demoGroup(ctx)] },
  'POST /api/v1/groups/{id}/enrolments': {
    as: 'coach', ids: async (ctx) => [await group(ctx)], status: 200, body: (ctx) => ({ people: [person(ctx, 4)], date: '2026-01-05' }),
  },
  'PATCH /api/v1/groups/{id}/staff': {
    as: 'coach', ids: async (ctx) => [await group(ctx)], status: 200,
    body: (ctx) => ({ mentor_id: person(ctx, 1), facilitator_id: null, pair_status: 'proposed' }),
  },
  'POST /api/v1/groups/{id}/statuses': {
    as: 'coach', status: 200,
    ids: async (ctx) => { ctx.example = await enrolled(ctx); return [ctx.example.g]; },
    body: (ctx) => ({ enrolments: [ctx.example.enrolment], status: 'active', on: '2026-01-12' }),
  },
  'POST /api/v1/enrolments/{id}/status': {
    as: 'coach', status: 200, body: { status: 'active', on: '2026-01-12' },
    ids: async (ctx) => [(await enrolled(ctx)).enrolment],
  },
  'POST /api/v1/groups/{id}/meetings': {
    as: 'coach', ids: async (ctx) => [await group(ctx)],
    body: { number: 1, date: '2030-02-04', start: '09:30', end: '16:30', venue: 'Raadzaal' },
  },
  'PATCH /api/v1/meetings/{id}': {
    as: 'coach', status: 200, body: { venue: 'Bibliotheek', start: '10:00' },
    ids: async (ctx) => [(await planned(ctx)).m],
  },
  'POST /api/v1/meetings/{id}/attendance': {
    as: 'coach', status: 200, body: (ctx) => ({ person_id: person(ctx, 3), status: 'excused' }),
    ids: async (ctx) => [(await planned(ctx)).m],
  },
  'POST /api/v1/meetings/{id}/choice': {
    as: 'coach', status: 200,
    ids: async (ctx) => {
      const p = await programme(ctx);
      const n = ctx.one(`SELECT min(number) FROM programme_meeting WHERE programme_id = ${p} AND from_menu = 1`);
      const b = await call(ctx, 'POST', `/api/v1/programmes/${p}/batches`, { name: 'Keuze' });
      const g = await call(ctx, 'POST', `/api/v1/batches/${b}/groups`, { name: 'Kiezers' });
      const people = [person(ctx, 5), person(ctx, 6)];
      await call(ctx, 'POST', `/api/v1/groups/${g}/enrolments`, { people, date: '2026-01-05' });
      ctx.example = { p, people };
      return [await call(ctx, 'POST', `/api/v1/groups/${g}/meetings`, { number: n, date: '2030-05-06', start: '09:00', end: '17:00', venue: '' })];
    },
    body: (ctx) => ({ topic_id: topicOf(ctx, ctx.example.p), preparers: ctx.example.people, justification: 'Past bij de groep.' }),
  },
  'GET /api/v1/groups/{id}/accounting': { as: 'coach', ids: async (ctx) => [demoGroup(ctx)] },
  'GET /api/v1/batches/{id}/accounting': {
    as: 'owner', query: 'from=2025-01-01',
    ids: async (ctx) => [ctx.one(`SELECT min(id) FROM batch WHERE programme_id = ${demoProgramme(ctx)}`)],
  },
  'GET /api/v1/programmes/{id}/accounting': { as: 'owner', ids: async (ctx) => [demoProgramme(ctx)] },
  'GET /api/v1/programmes/{id}/accounting.pdf': { as: 'coach', ids: async (ctx) => [demoProgramme(ctx)] },
  'GET /api/v1/organisations/{id}/accounting': { as: 'owner', ids: async (ctx) => [ctx.one(`SELECT ${ORG}`)] },

  'GET /api/v1/programmes/{id}/design': { as: 'coach', ids: async (ctx) => [demoProgramme(ctx)] },
  'POST /api/v1/programmes/{id}/design': {
    as: 'coach', ids: async (ctx) => [await programme(ctx)], body: { theme: 'Terugkomdag', days: 1, from_menu: false },
  },
  'PATCH /api/v1/programmes/{id}/design/{id}': {
    as: 'coach', status: 200, body: { theme: 'Aftrap', days: 2 },
    ids: async (ctx) => { const p = await programme(ctx); return [p, meetingOf(ctx, p)]; },
  },
  'DELETE /api/v1/programmes/{id}/design/{id}': {
    as: 'coach', status: 200,
    ids: async (ctx) => { const p = await programme(ctx); return [p, await call(ctx, 'POST', `/api/v1/programmes/${p}/design`, { theme: 'Eenmalig' })]; },
  },
  'POST /api/v1/programmes/{id}/design/{id}/parts': {
    as: 'coach', body: { title: 'Opening', learning_goal: 'Kennismaken', minutes: 30, material: 'Flap', led_by: 'begeleider', tags: '' },
    ids: async (ctx) => { const p = await programme(ctx); return [p, meetingOf(ctx, p)]; },
  },
  'POST /api/v1/programmes/{id}/menu/topics': {
    as: 'coach', ids: async (ctx) => [await programme(ctx)], body: { name: 'Verandering', description: 'Leiden in verandering' },
  },
  'PATCH /api/v1/programmes/{id}/menu/topics/{id}': {
    as: 'coach', status: 200, body: { description: 'Anders beschreven' },
    ids: async (ctx) => { const p = await programme(ctx); return [p, topicOf(ctx, p)]; },
  },
  'DELETE /api/v1/programmes/{id}/menu/topics/{id}': {
    as: 'coach', status: 200,
    ids: async (ctx) => { const p = await programme(ctx); return [p, await call(ctx, 'POST', `/api/v1/programmes/${p}/menu/topics`, { name: 'Tijdelijk' })]; },
  },
  'POST /api/v1/programmes/{id}/menu/options': {
    as: 'coach', ids: async (ctx) => { ctx.example = await programme(ctx); return [ctx.example]; },
    body: (ctx) => ({ topic_id: topicOf(ctx, ctx.example), name: 'Casus uit de eigen organisatie' }),
  },
  'PATCH /api/v1/programmes/{id}/menu/options/{id}': {
    as: 'coach', status: 200, body: { name: 'Nieuwe naam' },
    ids: async (ctx) => {
      const p = await programme(ctx);
      return [p, await call(ctx, 'POST', `/api/v1/programmes/${p}/menu/options`, { topic_id: topicOf(ctx, p), name: 'Oude naam' })];
    },
  },
  'DELETE /api/v1/programmes/{id}/menu/options/{id}': {
    as: 'coach', status: 200,
    ids: async (ctx) => {
      const p = await programme(ctx);
      return [p, await call(ctx, 'POST', `/api/v1/programmes/${p}/menu/options`, { topic_id: topicOf(ctx, p), name: 'Weg' })];
    },
  },

  'GET /api/v1/programmes/{id}/selection': {
    as: 'owner', query: 'role=facilitator',
    ids: async (ctx) => [demoProgramme(ctx)],
  },
  'POST /api/v1/programmes/{id}/selection/criteria': {
    as: 'coach', ids: async (ctx) => [await programme(ctx)], body: { role: 'mentor', name: 'Luistert goed', weight: 3 },
  },
  'POST /api/v1/programmes/{id}/selection/candidates': {
    as: 'coach', ids: async (ctx) => [await programme(ctx)],
    body: (ctx) => ({ role: 'facilitator', employee_id: ctx.one(`SELECT employee_id FROM person WHERE id = ${person(ctx, 2)}`) }),
  },
  'POST /api/v1/programmes/{id}/selection/scores': {
    as: 'coach', status: 200,
    ids: async (ctx) => {
      const p = await programme(ctx);
      const crit = await call(ctx, 'POST', `/api/v1/programmes/${p}/selection/criteria`, { name: 'Reflectie', weight: 2 });
      const cand = await call(ctx, 'POST', `/api/v1/programmes/${p}/selection/candidates`, {
        employee_id: ctx.one(`SELECT employee_id FROM person WHERE id = ${person(ctx, 2)}`),
      });
      ctx.example = { crit, cand };
      return [p];
    },
    body: (ctx) => ({ role: 'facilitator', scores: [{ candidate_id: ctx.example.cand, criterion_id: ctx.example.crit, score: 4 }] }),
  },

  'GET /api/v1/frameworks': { as: 'owner' },
  'GET /api/v1/frameworks/{id}': { as: 'coach', ids: async (ctx) => [ctx.one(`SELECT id FROM framework WHERE organisation_id = ${ORG} AND key = 'vlow'`)] },
  'POST /api/v1/frameworks/{id}/elements': {
    as: 'coach', body: { code: 'EIG-1', name: 'Eigen element', kind: 'thema', description: 'Van de organisatie zelf', parent_id: null },
    ids: async (ctx) => [ctx.one(`SELECT id FROM framework WHERE organisation_id = ${ORG} AND key = 'learning_climate'`)],
  },
  'PATCH /api/v1/frameworks/{id}/elements/{id}': {
    as: 'coach', status: 200, body: { synonyms: 'ander woord' },
    ids: async (ctx) => {
      const f = ctx.one(`SELECT id FROM framework WHERE organisation_id = ${ORG} AND key = 'wwkdm'`);
      return [f, ctx.one(`SELECT min(id) FROM framework_element WHERE framework_id = ${f}`)];
    },
  },
};
