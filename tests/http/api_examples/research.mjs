// Examples of the research and questionnaire routes for
// tests/http/openapi.test.mjs (see meta.mjs for the format). Each makes
// what it needs through the API itself (a project of its own, a wave of its
// own), so that it stands whatever ran before; what an example removes it
// made first.

const ORG = "(SELECT id FROM organisation WHERE slug = 'gemeente-demo')";
const today = () => new Date().toISOString().slice(0, 10);
const addDays = (d, n) => new Date(Date.parse(d + 'T00:00:00Z') + n * 86400e3).toISOString().slice(0, 10);
const uniq = () => `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;

async function post(ctx, role, path, body, org = 'gemeente') {
  const c = await ctx.client(role, org);
  const r = await c.postJson(path, body);
  if (r.status !== 201 && r.status !== 200) throw new Error(`${path}: ${r.status} ${r.text.slice(0, 300)}`);
  return r.json();
}

// A project of the researcher's own with a source of text and a code.
async function project(ctx, org = 'gemeente') {
  const p = (await post(ctx, 'researcher', '/api/v1/research', { name: `Voorbeeldproject ${uniq()}`, purpose: 'Voorbeelden van de API' }, org)).id;
  if (org !== 'gemeente') return { p };
  const source = (await post(ctx, 'researcher', `/api/v1/research/${p}/sources`, {
    kind: 'interview', name: 'Gesprek met een teamleider', held_on: today(), place: 'Stadskantoor',
    text: 'Ik leer het meest van mijn collega\'s. Feedback krijg ik zelden, maar als het komt helpt het.',
  })).id;
  const code = (await post(ctx, 'researcher', `/api/v1/research/${p}/codes`, { name: 'Leren van collega\'s' })).id;
  return { p, source, code };
}

// A minimal LimeSurvey survey structure: one group, a list question and free text.
const row = (fields) => `<row>${Object.entries(fields).map(([k, v]) => `<${k}><![CDATA[${v}]]></${k}>`).join('')}</row>`;
export const LSS = `<?xml version="1.0" encoding="UTF-8"?>
<document><LimeSurveyDocType>Survey</LimeSurveyDocType><DBVersion>600</DBVersion>
<languages><language>nl</language></languages>
<groups><rows>${row({ gid: 1, sid: 9, group_order: 1 })}</rows></groups>
<group_l10ns><rows>${row({ gid: 1, group_name: 'Vragen', language: 'nl' })}</rows></group_l10ns>
<questions><rows>${row({ qid: 10, parent_qid: 0, sid: 9, gid: 1, type: 'L', title: 'Q1', mandatory: 'Y', other: 'N', question_order: 1, scale_id: 0, relevance: 1 })}${row({ qid: 11, parent_qid: 0, sid: 9, gid: 1, type: 'T', title: 'Q2', mandatory: 'N', other: 'N', question_order: 2, scale_id: 0, relevance: 1 })}</rows></questions>
<question_l10ns><rows>${row({ qid: 10, question: 'Hoe tevreden bent u?', language: 'nl' })}${row({ qid: 11, question: 'Waarom?', language: 'nl' })}</rows></question_l10ns>
<answers><rows>${row({ aid: 1, qid: 10, code: 'A1', sortorder: 1, scale_id: 0 })}${row({ aid: 2, qid: 10, code: 'A2', sortorder: 2, scale_id: 0 })}</rows></answers>
<answer_l10ns><rows>${row({ aid: 1, answer: 'Ontevreden', language: 'nl' })}${row({ aid: 2, answer: 'Tevreden', language: 'nl' })}</rows></answer_l10ns>
<surveys><rows>${row({ sid: 9, language: 'nl' })}</rows></surveys>
<surveys_languagesettings><rows>${row({ surveyls_survey_id: 9, surveyls_language: 'nl', surveyls_title: 'Tevredenheid' })}</rows></surveys_languagesettings>
</document>
`;

const QDC = `<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="voorbeeld">
 <Codes>
  <Code guid="7c1a3a0e-3d6e-4b8a-9a43-1f0c2b7d5e01" name="Vertrouwen" isCodable="true">
   <Code guid="7c1a3a0e-3d6e-4b8a-9a43-1f0c2b7d5e02" name="In de leidinggevende" isCodable="true"/>
  </Code>
 </Codes>
</CodeBook>
`;

// A REFI-QDA project with two coders who coded one text, partly alike.
const QDE = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Twee codeurs" origin="voorbeeld">
 <Users>
  <User guid="0a6c1f52-7a39-4f0e-9a51-000000000001" name="Codeur A"/>
  <User guid="0a6c1f52-7a39-4f0e-9a51-000000000002" name="Codeur B"/>
 </Users>
 <CodeBook><Codes><Code guid="0a6c1f52-7a39-4f0e-9a51-000000000010" name="Leren van collega's" isCodable="true"/></Codes></CodeBook>
 <Sources>
  <TextSource guid="0a6c1f52-7a39-4f0e-9a51-000000000020" name="Interview">
   <PlainTextContent>Ik leer het meest van mijn collega's. Feedback krijg ik zelden.</PlainTextContent>
   <PlainTextSelection guid="0a6c1f52-7a39-4f0e-9a51-000000000030" startPosition="0" endPosition="36" creatingUser="0a6c1f52-7a39-4f0e-9a51-000000000001">
    <Coding guid="0a6c1f52-7a39-4f0e-9a51-000000000040" creatingUser="0a6c1f52-7a39-4f0e-9a51-000000000001"><CodeRef targetGUID="0a6c1f52-7a39-4f0e-9a51-000000000010"/></Coding>
   </PlainTextSelection>
   <PlainTextSelection guid="0a6c1f52-7a39-4f0e-9a51-000000000031" startPosition="0" endPosition="20" creatingUser="0a6c1f52-7a39-4f0e-9a51-000000000002">
    <Coding guid="0a6c1f52-7a39-4f0e-9a51-000000000041" creatingUser="0a6c1f52-7a39-4f0e-9a51-000000000002"><CodeRef targetGUID="0a6c1f52-7a39-4f0e-9a51-000000000010"/></Coding>
   </PlainTextSelection>
  </TextSource>
 </Sources>
</Project>
`;

// A questionnaire of its own, imported, for the routes that change one.
async function instrument(ctx) {
  const c = await ctx.client('coach');
  const r = await c.request('POST', '/api/v1/instruments/import?filename=voorbeeld.lss', { body: LSS, headers: { 'content-type': 'application/xml' } });
  if (r.status !== 201) throw new Error(`import: ${r.status} ${r.text.slice(0, 300)}`);
  return r.json().id;
}

const group = (ctx, name) => ctx.one(`SELECT g.id FROM learning_group g JOIN batch b ON b.id = g.batch_id
  JOIN programme p ON p.id = b.programme_id WHERE p.organisation_id = ${ORG} AND g.name = '${name}'`);
const installed = (ctx, key) => ctx.one(`SELECT id FROM instrument WHERE organisation_id = ${ORG} AND key = '${key}'`);
const waveNamed = (ctx, name) => ctx.one(`SELECT id FROM wave WHERE organisation_id = ${ORG} AND name = '${name}'`);
// a closed wave with enough responses for its results and exports
const closedWave = (ctx) => waveNamed(ctx, 'Leiderschapsscan Afdeling S 2026');

// A wave of its own, open today, not anonymous, to a learning circle.
async function openWave(ctx) {
  return (await post(ctx, 'coach', '/api/v1/waves', {
    instrument_id: await installed(ctx, 'learning-climate'), name: `Voorbeeldmeting ${uniq()}`,
    population: `group:${await group(ctx, 'Leercirkel 2')}`, opens_on: today(), closes_on: addDays(today(), 14), anonymous: false,
  })).id;
}

async function memberCheck(ctx, p) {
  return (await post(ctx, 'researcher', `/api/v1/research/${p}/member-checks`, {
    title: 'Terugkoppeling eerste bevindingen', findings: 'Teamleiders leren vooral van elkaar.', held_on: today(),
  })).id;
}

export default {
  // ---- research projects ----
  'GET /api/v1/research': { as: 'researcher', ids: async (ctx) => { await project(ctx); return []; } },
  'POST /api/v1/research': { as: 'researcher', body: { name: 'Onderzoek naar leerklimaat', purpose: 'Wat helpt teams leren?' } },
  'POST /api/v1/research/import': { as: 'researcher', query: 'name=Codeboek%20vertrouwen', raw: QDC, contentType: 'application/xml' },
  'GET /api/v1/research/{id}': {
    as: 'researcher',
    ids: async (ctx) => {
      const { p } = await project(ctx);
      await post(ctx, 'researcher', `/api/v1/research/${p}/memos`, { text: 'Eerste indruk: veel leren van collega\'s.' });
      await post(ctx, 'researcher', `/api/v1/research/${p}/terms`, { term: 'Stadskantoor', replacement: '[werkplek]' });
      return [p];
    },
    after: async (ctx, r) => { const v = r.json(); if (v.memos.length !== 1 || v.replaced.length !== 1) throw new Error('memo or word missing'); },
  },
  'PATCH /api/v1/research/{id}': {
    as: 'researcher', status: 200, ids: async (ctx) => [(await project(ctx)).p],
    body: { name: `Leren op de werkvloer ${uniq()}`, purpose: 'Wat leidinggevenden van elkaar leren, voor het programmateam' },
  },
  'DELETE /api/v1/research/{id}': { as: 'researcher', status: 200, ids: async (ctx) => [(await project(ctx)).p] },
  // the gemeente has one researcher, a member of their own project already: the refusal says so
  'POST /api/v1/research/{id}/members': {
    as: 'researcher', status: 422, ids: async (ctx) => [(await project(ctx)).p], body: { email: 'onderzoeker@gemeente.example' },
    after: async (ctx, r) => { if (r.json().error.field !== 'email') throw new Error(r.text); },
  },
  'POST /api/v1/research/{id}/sources': {
    as: 'researcher', ids: async (ctx) => [(await project(ctx)).p],
    body: { kind: 'observation', name: 'Teamoverleg', held_on: today(), place: 'Afdeling S', text: 'Het team bespreekt een fout openlijk.' },
  },
  // the open answers of a closed wave (the politie's final evaluation has them)
  'POST /api/v1/research/{id}/sources/take': {
    as: 'researcher', org: 'politie', ids: async (ctx) => [(await project(ctx, 'politie')).p],
    body: async (ctx) => ({ kind: 'answers', ref: await ctx.one(`SELECT id FROM wave WHERE organisation_id = (SELECT id FROM organisation
      WHERE slug = 'politie-demo') AND name = 'Eindevaluatie LiVe! 2025'`) }),
  },
  'POST /api/v1/research/{id}/codes': {
    as: 'researcher', ids: async (ctx) => [(await project(ctx)).p], body: { name: 'Feedback', color: '#336699', description: 'Feedback geven en krijgen' },
  },
  'POST /api/v1/research/{id}/codes/framework': {
    as: 'researcher', status: 200, ids: async (ctx) => [(await project(ctx)).p],
    body: async (ctx) => ({ framework_id: await ctx.one(`SELECT id FROM framework WHERE organisation_id = ${ORG} AND name = 'Leiderschapskompas'`) }),
    after: async (ctx, r) => { if (!(r.json().added > 0)) throw new Error('no codes added'); },
  },
  'PATCH /api/v1/research/{id}/codes/{id}': {
    as: 'researcher', status: 200, ids: async (ctx) => { const x = await project(ctx); return [x.p, x.code]; },
    body: { name: 'Leren van elkaar', color: '#1F77B4', description: 'Wat iemand van een collega leert' },
  },
  'DELETE /api/v1/research/{id}/codes/{id}': { as: 'researcher', status: 200, ids: async (ctx) => { const x = await project(ctx); return [x.p, x.code]; } },
  'POST /api/v1/research/{id}/memos': {
    as: 'researcher', ids: async (ctx) => [(await project(ctx)).p], body: { text: 'Collega\'s zijn de eerste bron van leren.' },
  },
  'POST /api/v1/research/{id}/terms': {
    as: 'researcher', ids: async (ctx) => [(await project(ctx)).p], body: { term: 'Stadskantoor', replacement: '[werkplek]' },
  },
  'DELETE /api/v1/research/{id}/memos/{id}': {
    as: 'researcher', status: 200,
    ids: async (ctx) => {
      const { p } = await project(ctx);
      return [p, (await post(ctx, 'researcher', `/api/v1/research/${p}/memos`, { text: 'Een memo om weg te halen.' })).id];
    },
  },
  'DELETE /api/v1/research/{id}/terms/{id}': {
    as: 'researcher', status: 200,
    ids: async (ctx) => {
      const { p } = await project(ctx);
      return [p, (await post(ctx, 'researcher', `/api/v1/research/${p}/terms`, { term: 'Stadskantoor', replacement: '[werkplek]' })).id];
    },
  },
  'POST /api/v1/research/{id}/passages': {
    as: 'researcher', ids: async (ctx) => { const x = await project(ctx); return [x.p]; },
    body: async (ctx, [p]) => {
      const source = await ctx.one(`SELECT id FROM research_source WHERE project_id = ${p}`);
      const code = await ctx.one(`SELECT id FROM research_code WHERE project_id = ${p}`);
      return { source_id: source, start: 0, end: 34, codes: [code], memo: 'Leren van collega\'s' };
    },
  },
  'POST /api/v1/research/{id}/sources/{id}/passages': {
    as: 'researcher', ids: async (ctx) => { const x = await project(ctx); return [x.p, x.source]; },
    body: async (ctx, [p]) => ({ start: 35, end: 60, codes: [await ctx.one(`SELECT id FROM research_code WHERE project_id = ${p}`)] }),
  },
  'POST /api/v1/research/{id}/passages/{id}/remove': {
    as: 'researcher', status: 200,
    ids: async (ctx) => {
      const x = await project(ctx);
      const passage = (await post(ctx, 'researcher', `/api/v1/research/${x.p}/passages`, { source_id: x.source, start: 0, end: 10, codes: [x.code] })).id;
      return [x.p, passage];
    },
    body: async (ctx, [p]) => ({ source_id: await ctx.one(`SELECT id FROM research_source WHERE project_id = ${p}`) }),
  },
  'GET /api/v1/research/{id}/analysis': { as: 'researcher', query: 'by=kind', ids: async (ctx) => [(await project(ctx)).p] },
  // two coders of an imported project, each having coded the same text
  'GET /api/v1/research/{id}/agreement': {
    as: 'researcher',
    ids: async (ctx) => {
      const c = await ctx.client('researcher');
      const r = await c.request('POST', `/api/v1/research/import?name=Twee%20codeurs%20${uniq()}`, { body: QDE, headers: { 'content-type': 'application/xml' } });
      if (r.status !== 201) throw new Error(`import: ${r.status} ${r.text}`);
      return [r.json().project];
    },
    query: async (ctx, [p]) => {
      const [a, b] = (await ctx.sql(`SELECT id FROM research_coder WHERE project_id = ${p} AND account_id IS NULL ORDER BY id`)).map((x) => x.id);
      return `coder_a=${a}&coder_b=${b}`;
    },
    after: async (ctx, r) => { if (r.json().codes.length !== 1 || r.json().codes[0].both < 1) throw new Error(r.text); },
  },
  'GET /api/v1/research/{id}/fieldwork': { as: 'researcher', ids: async (ctx) => [(await project(ctx)).p] },
  'POST /api/v1/research/{id}/fieldwork': {
    as: 'researcher', ids: async (ctx) => [(await project(ctx)).p],
    body: { kind: 'observation', held_on: today(), minutes: 90, team: 'Afdeling S', who: 'Onderzoeker', note: 'Teamoverleg bijgewoond' },
  },
  'DELETE /api/v1/research/{id}/fieldwork/{id}': {
    as: 'researcher', status: 200,
    ids: async (ctx) => {
      const { p } = await project(ctx);
      const f = (await post(ctx, 'researcher', `/api/v1/research/${p}/fieldwork`, { kind: 'interview', held_on: today(), minutes: 45, team: 'Afdeling B' })).id;
      return [p, f];
    },
  },
  'GET /api/v1/research/{id}/export.qdpx': { as: 'researcher', ids: async (ctx) => [(await project(ctx)).p] },
  'GET /api/v1/research/{id}/codebook.qdc': { as: 'researcher', ids: async (ctx) => [(await project(ctx)).p] },
  // four-phase feedback
  'GET /api/v1/research/{id}/feedback': {
    as: 'researcher', ids: async (ctx) => {
      const { p } = await project(ctx);
      await post(ctx, 'researcher', `/api/v1/research/${p}/feedback/partners`, { name: 'Afdeling S', contact: 'De afdelingsmanager' });
      return [p];
    },
  },
  'POST /api/v1/research/{id}/feedback/partners': {
    as: 'researcher', ids: async (ctx) => [(await project(ctx)).p], body: { name: 'Afdeling B', contact: 'Het MT' },
  },
  'POST /api/v1/research/{id}/feedback/partners/{id}/data': {
    as: 'researcher', status: 200,
    ids: async (ctx) => {
      const { p } = await project(ctx);
      return [p, (await post(ctx, 'researcher', `/api/v1/research/${p}/feedback/partners`, { name: 'Afdeling C' })).id];
    },
    body: { what: 'data_in', on: today() },
  },
  'POST /api/v1/research/{id}/feedback/partners/{id}/release': {
    as: 'researcher', status: 422,   // phase 1 needs its data first: the refusal says what is missing
    ids: async (ctx) => {
      const { p } = await project(ctx);
      return [p, (await post(ctx, 'researcher', `/api/v1/research/${p}/feedback/partners`, { name: 'Afdeling O' })).id];
    },
    body: { phase: 2, shared: 'De eerste bevindingen', deliverable: 'Een notitie' },
  },
  // member checks
  'POST /api/v1/research/{id}/member-checks': {
    as: 'researcher', ids: async (ctx) => [(await project(ctx)).p],
    body: { title: 'Toets van de bevindingen', findings: 'Feedback komt zelden, maar helpt.', held_on: today() },
  },
  'GET /api/v1/research/{id}/member-checks/{id}': {
    as: 'researcher', ids: async (ctx) => { const { p } = await project(ctx); return [p, await memberCheck(ctx, p)]; },
  },
  'POST /api/v1/research/{id}/member-checks/{id}/contacts': {
    as: 'researcher', ids: async (ctx) => { const { p } = await project(ctx); return [p, await memberCheck(ctx, p)]; },
    body: { name: 'Jet de Vries', affiliation: 'Gemeente Leurdonk, ondernemingsraad', email: 'jet.devries@example.nl' },
  },
  'POST /api/v1/research/{id}/member-checks/{id}/renew': {
    as: 'researcher', status: 200,
    ids: async (ctx) => { const { p } = await project(ctx); return [p, await memberCheck(ctx, p)]; },
    body: async (ctx, [p, m]) => {
      await post(ctx, 'researcher', `/api/v1/research/${p}/member-checks/${m}/contacts`, { name: 'Ali Yilmaz', affiliation: 'Extern', email: 'ali@example.nl' });
      return { contact_id: await ctx.one(`SELECT id FROM member_check_contact WHERE check_id = ${m}`) };
    },
  },
  'POST /api/v1/research/{id}/member-checks/{id}/outcome': {
    as: 'researcher', status: 200,
    ids: async (ctx) => { const { p } = await project(ctx); return [p, await memberCheck(ctx, p)]; },
    body: { implications: 'De feedbackcultuur krijgt aandacht in de leergang.', more_research: 'yes', more_research_note: 'Volgend jaar opnieuw' },
  },
  'POST /api/v1/research/{id}/member-checks/{id}/close': {
    as: 'researcher', status: 200,
    ids: async (ctx) => { const { p } = await project(ctx); return [p, await memberCheck(ctx, p)]; },
  },

  // ---- questionnaires ----
  'GET /api/v1/waves': { as: 'coach' },
  'GET /api/v1/waves/{id}': { as: 'coach', ids: async (ctx) => [await closedWave(ctx)] },
  'GET /api/v1/waves/{id}/compare': { as: 'researcher', query: 'by=unit', ids: async (ctx) => [await closedWave(ctx)] },
  'GET /api/v1/studies/{id}/analysis': {
    as: 'researcher', ids: async (ctx) => [await ctx.one(`SELECT id FROM study WHERE organisation_id = ${ORG} ORDER BY id LIMIT 1`)],
  },
  'POST /api/v1/instruments': { as: 'coach', body: { key: 'quickscan' } },
  'POST /api/v1/instruments/import': { as: 'coach', query: 'filename=tevredenheid.lss', raw: LSS, contentType: 'application/xml' },
  'POST /api/v1/instruments/{id}/versions': {
    as: 'coach', ids: async (ctx) => [await instrument(ctx)],
    body: async (ctx, [id]) => {
      const q2 = await ctx.one(`SELECT i.id FROM instrument_item i JOIN instrument_version v ON v.id = i.version_id
        WHERE v.instrument_id = ${id} AND i.code = 'Q2'`);
      return { items: [{ id: q2, text: 'Waarom bent u (on)tevreden?' }], new: [{ code: 'Q3', kind: 'open', text: 'Wat kan beter?' }], note: 'Vraag 2 verduidelijkt' };
    },
  },
  'POST /api/v1/instruments/{id}/own-result': { as: 'coach', status: 200, ids: async (ctx) => [await instrument(ctx)], body: { on: true } },
  'POST /api/v1/waves': {
    as: 'coach',
    body: async (ctx) => ({
      instrument_id: await installed(ctx, 'learning-climate'), name: 'Leerklimaat najaar', purpose: 'Hoe leren de teams?',
      population: `group:${await group(ctx, 'Leercirkel 2')}`, opens_on: today(), closes_on: addDays(today(), 21), anonymous: false,
    }),
  },
  'POST /api/v1/waves/360': {
    as: 'coach',
    body: async (ctx) => {
      const people = (await ctx.sql(`SELECT id FROM person WHERE organisation_id = ${ORG} AND active = 1 ORDER BY id LIMIT 6`)).map((x) => x.id);
      return {
        instrument_id: await installed(ctx, 'leadership-scan-360'), name: 'Feedback voor een teamleider', subject_id: people[0],
        raters: [{ person_id: people[1], role: 'manager' }, ...people.slice(2, 5).map((id) => ({ person_id: id, role: 'peer' })),
          { email: 'extern@example.nl', role: 'other' }],
        opens_on: today(), closes_on: addDays(today(), 14),
      };
    },
  },
  'POST /api/v1/studies': {
    as: 'researcher',
    body: async (ctx) => {
      const people = (await ctx.sql(`SELECT id FROM person WHERE organisation_id = ${ORG} AND active = 1 ORDER BY id DESC LIMIT 8`)).map((x) => x.id);
      return {
        name: `Voorbeeldstudie ${uniq()}`, instrument_id: await installed(ctx, 'learning-climate'), assignment: 'Geloot per afdeling',
        wave1_opens: today(), wave1_closes: addDays(today(), 14), wave2_opens: addDays(today(), 280), wave2_closes: addDays(today(), 294),
        intervention: 'Coaching op de werkplek', intervention_from: addDays(today(), 20), intervention_to: addDays(today(), 200),
        intervention_ids: people.slice(0, 4), comparison_ids: people.slice(4, 8),
      };
    },
  },
  'POST /api/v1/waves/{id}/close': { as: 'coach', status: 200, ids: async (ctx) => [await openWave(ctx)] },
  'POST /api/v1/waves/{id}/reminders': { as: 'coach', status: 200, ids: async (ctx) => [await openWave(ctx)] },
  // the test server sends no e-mail: the refusal says so (tests/http/api_surveys_research.test.mjs sends for real)
  'POST /api/v1/waves/{id}/send': { as: 'coach', status: 422, ids: async (ctx) => [await openWave(ctx)] },
  'GET /api/v1/waves/{id}/export.csv': { as: 'researcher', ids: async (ctx) => [await closedWave(ctx)] },
  'GET /api/v1/waves/{id}/export.xlsx': { as: 'researcher', ids: async (ctx) => [await closedWave(ctx)] },
  'GET /api/v1/waves/{id}/export.sav': { as: 'researcher', ids: async (ctx) => [await closedWave(ctx)] },
  'GET /api/v1/studies/{id}/data.csv': {
    as: 'researcher', ids: async (ctx) => [await ctx.one(`SELECT id FROM study WHERE organisation_id = ${ORG} ORDER BY id LIMIT 1`)],
  },
};
