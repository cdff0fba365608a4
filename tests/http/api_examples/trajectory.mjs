// Examples of the trajectory routes for tests/http/openapi.test.mjs: the
// reports and the learning story, consent, and a participant's learning
// question, plan, intake and closing talk and logbook, in the
// municipality's Groep 1 (the demo participant, facilitator and mentor) and
// its bundled Leercirkel 1. Each finds or makes what it needs; what it
// changes of the demo it sets to what it was, or makes anew.

const ORG = "(SELECT organisation_id FROM account WHERE email = 'deelnemer@gemeente.example')";
const ME = "(SELECT person_id FROM account WHERE email = 'deelnemer@gemeente.example')";
const group = (ctx, name) => Number(ctx.one(`SELECT id FROM learning_group WHERE name = '${name}' AND organisation_id = ${ORG}`));
const G1 = (ctx) => group(ctx, 'Groep 1');
const STORY = (ctx) => group(ctx, 'Leercirkel 1');
const enrolment = (ctx, email) => Number(ctx.one(`SELECT e.id FROM enrolment e JOIN account a ON a.person_id = e.person_id
  WHERE a.email = '${email}' AND e.group_id = ${G1(ctx)}`));
// a meeting of Groep 1 with a published report
const published = (ctx) => ctx.one(`SELECT m.id FROM meeting m JOIN meeting_report r ON r.meeting_id = m.id
  WHERE m.group_id = ${G1(ctx)} AND r.status = 'published' ORDER BY m.starts_on LIMIT 1`);
// the n-th last meeting of Groep 1 without a report
const unreported = (ctx, n) => ctx.one(`SELECT m.id FROM meeting m WHERE m.group_id = ${G1(ctx)}
  AND NOT EXISTS (SELECT 1 FROM meeting_report r WHERE r.meeting_id = m.id) ORDER BY m.starts_on DESC LIMIT 1 OFFSET ${n}`);
const flag = (v) => v === 1 || v === '1' || v === true || v === 't';

// a fresh logbook entry of the demo participant, by the API
async function entry(ctx) {
  const r = await (await ctx.client('participant')).postJson('/api/v1/logbook',
    { entry_date: '2026-11-20', energy_gave: 'Een goed gesprek met mijn team.' });
  if (r.status !== 201) throw new Error(`no entry: ${r.status} ${r.text}`);
  return r.json().id;
}

export default {
  // ---- reports, contributions, the learning story, consent ----
  'GET /api/v1/meetings/{id}/report': { as: 'participant', ids: async (ctx) => [published(ctx)] },
  'POST /api/v1/meetings/{id}/report': {
    as: 'facilitator', ids: async (ctx) => [unreported(ctx, 0)],
    body: { agenda: 'Terugblik en casus', themes: 'Eigenaarschap', learning_moments: 'Vragen voor je oplost.',
      facilitator_reflection: 'Een open gesprek.' },
  },
  'POST /api/v1/meetings/{id}/report/publish': {
    as: 'facilitator', status: 200,
    ids: async (ctx) => {
      const m = unreported(ctx, 1);
      const r = await (await ctx.client('facilitator')).postJson(`/api/v1/meetings/${m}/report`, { themes: 'Samenwerken' });
      if (r.status !== 201) throw new Error(`no report: ${r.status}`);
      return [m];
    },
    body: { publish: true },
  },
  'POST /api/v1/meetings/{id}/report/consent': {
    as: 'facilitator', status: 200, ids: async (ctx) => [published(ctx)],
    // the consent as it was
    body: (ctx, [m]) => ({ consent: flag(ctx.one(`SELECT research_consent FROM meeting_report WHERE meeting_id = ${m}`)) }),
  },
  'POST /api/v1/groups/{id}/story/consent': {
    as: 'coach', status: 200, ids: async (ctx) => [STORY(ctx)],
    body: (ctx, [g]) => ({ consent: flag(ctx.one(`SELECT research_consent FROM learning_story WHERE group_id = ${g}`)) }),
  },
  'POST /api/v1/meetings/{id}/contribution': {
    as: 'participant', status: 200,
    ids: async (ctx) => [ctx.one(`SELECT m.id FROM meeting m JOIN attendance a ON a.meeting_id = m.id
      WHERE m.group_id = ${G1(ctx)} AND a.person_id = ${ME} AND a.status = 'present' ORDER BY m.starts_on LIMIT 1`)],
    body: { text: 'Ik neem mee dat ik eerst vraag wat iemand nodig heeft.' },
  },
  'GET /api/v1/groups/{id}/reports': { as: 'coach', ids: async (ctx) => [G1(ctx)] },
  'GET /api/v1/groups/{id}/story': { as: 'participant', ids: async (ctx) => [STORY(ctx)] },
  'GET /api/v1/groups/{id}/story.md': { as: 'coach', ids: async (ctx) => [STORY(ctx)] },
  'GET /api/v1/groups/{id}/story.pdf': { as: 'participant', ids: async (ctx) => [STORY(ctx)] },
  'POST /api/v1/groups/{id}/story': {
    as: 'facilitator', status: 200, ids: async (ctx) => [G1(ctx)],
    body: { opening: 'Wat we samen leerden.', closing: 'En hoe we verder gaan.', bundle: false },
  },
  'POST /api/v1/contributions/{id}/place': {
    as: 'facilitator', status: 200,
    ids: async (ctx) => [ctx.one(`SELECT c.id FROM contribution c JOIN meeting m ON m.id = c.meeting_id
      WHERE m.group_id = ${G1(ctx)} ORDER BY c.id LIMIT 1`)],
    // placed as it was
    body: (ctx, [c]) => ({ placed: flag(ctx.one(`SELECT placed FROM contribution WHERE id = ${c}`)) }),
  },
  'POST /api/v1/logbook/{id}/consent': { as: 'participant', status: 200, ids: async (ctx) => [await entry(ctx)], body: { consent: true } },

  // ---- the participant's own trajectory ----
  'POST /api/v1/groups/{id}/question': {
    as: 'participant', ids: async (ctx) => [G1(ctx)],
    body: { question: 'Hoe houd ik het gesprek open als ik zelf onzeker ben?' },
  },
  'GET /api/v1/groups/{id}/plan': { as: 'participant', ids: async (ctx) => [G1(ctx)] },
  'POST /api/v1/groups/{id}/plan/goals': {
    as: 'participant', ids: async (ctx) => [G1(ctx)],
    body: { text: 'Ik vraag in elk overleg eerst wat de ander nodig heeft.', measure: 'Mijn team zegt het.',
      due_on: '2027-06-01', element_ids: [], learning_form: '' },
  },
  'DELETE /api/v1/groups/{id}/plan/goals': {
    as: 'participant', status: 200, ids: async (ctx) => [G1(ctx)],
    body: async (ctx, [g]) => {
      const r = await (await ctx.client('participant')).postJson(`/api/v1/groups/${g}/plan/goals`, { text: 'Een doel om weg te halen.' });
      if (r.status !== 201) throw new Error(`no goal: ${r.status}`);
      return { goal_id: r.json().id };
    },
  },
  'POST /api/v1/groups/{id}/plan/assignment': {
    as: 'participant', status: 200, ids: async (ctx) => [G1(ctx)],
    // the assignment as it was
    body: (ctx, [g]) => ({ assignment: ctx.sql(`SELECT assignment FROM development_plan WHERE person_id = ${ME}
      AND group_id = ${g}`)[0]?.assignment ?? '' }),
  },
  'POST /api/v1/groups/{id}/plan/talks': {
    as: 'participant', ids: async (ctx) => [G1(ctx)],
    body: { talk_on: '2026-11-30', agreements: 'Een proef van twee maanden.' },
  },
  'GET /api/v1/enrolments/{id}/intake': { as: 'facilitator', ids: async (ctx) => [enrolment(ctx, 'deelnemer@gemeente.example')] },
  'POST /api/v1/enrolments/{id}/intake': {
    as: 'mentor', status: 200, ids: async (ctx) => [enrolment(ctx, 'deelnemer@gemeente.example')],
    // the intake as it was, or a first one
    body: (ctx, [e]) => {
      const i = ctx.sql(`SELECT held_on, expectations FROM intake WHERE enrolment_id = ${e}`)[0];
      return i ? { held_on: i.held_on, expectations: i.expectations } : { held_on: '2026-10-01', expectations: 'Meer rust in het werk.' };
    },
  },
  'POST /api/v1/enrolments/{id}/closing': {
    as: 'facilitator', status: 200, ids: async (ctx) => [enrolment(ctx, 'deelnemer3@gemeente.example')],
    body: { offered_on: '2026-11-23', outcome: 'held', talk_held_on: '2026-11-30' },
  },
  'POST /api/v1/enrolments/{id}/closing/words': {
    as: 'participant', status: 200,
    ids: async (ctx) => {
      const e = enrolment(ctx, 'deelnemer@gemeente.example');
      // offered first, as it was if it was
      const t = ctx.sql(`SELECT offered_on, outcome, held_on FROM closing_talk WHERE enrolment_id = ${e}`)[0];
      const r = await (await ctx.client('facilitator')).postJson(`/api/v1/enrolments/${e}/closing`,
        t ? { offered_on: t.offered_on, outcome: t.outcome, talk_held_on: t.held_on } : { offered_on: '2026-11-23', outcome: 'open' });
      if (r.status !== 200) throw new Error(`not offered: ${r.status}`);
      return [e];
    },
    body: { learning_yield: 'Ik vraag eerst.', next_steps: 'Een maatje zoeken.' },
  },
  'POST /api/v1/logbook': {
    as: 'participant',
    body: { entry_date: '2026-11-21', energy_gave: 'Het teamoverleg liep goed.', energy_cost: '', body: 'Zie *notities*.', tags: 'team' },
  },
  'GET /api/v1/logbook/{id}': { as: 'participant', ids: async (ctx) => [await entry(ctx)] },
  'POST /api/v1/logbook/{id}': {
    as: 'participant', status: 200, ids: async (ctx) => [await entry(ctx)],
    body: { entry_date: '2026-11-20', energy_gave: 'Een goed gesprek.', energy_cost: 'Te veel mail.', body: '', tags: '' },
  },
  'DELETE /api/v1/logbook/{id}': { as: 'participant', status: 200, ids: async (ctx) => [await entry(ctx)], body: { confirm: true } },
  'POST /api/v1/logbook/{id}/share': {
    as: 'participant', status: 200, ids: async (ctx) => [await entry(ctx)],
    body: (ctx) => ({ shared_with: 'facilitator', group_id: G1(ctx) }),
  },
};
