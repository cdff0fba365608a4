// Examples of the administrator's routes (units, people, accounts and roles,
// retention), the catalogue, referrals, search, one's own data and calendar
// links, for tests/http/openapi.test.mjs (format: meta.mjs). What an example
// removes, switches off or erases it makes first.
const ORG = "(SELECT id FROM organisation WHERE slug = 'gemeente-demo')";
let made = 0;
const fresh = (what) => `${what}-${process.pid}-${++made}`;

const admin = (ctx) => ctx.client('administrator');
async function newUnit(ctx, name = fresh('Voorbeeldafdeling')) {
  const r = await (await admin(ctx)).postJson('/api/v1/units', { name });
  if (r.status !== 201) throw new Error(`no unit: ${r.text}`);
  return r.json().id;
}
// a person imported through the API, by employee number (and the unit path)
async function newPerson(ctx, unit = '') {
  const nr = fresh('VB').replace(/-/g, '');
  const csv = `personeelsnummer;naam;e-mail;afdeling\r\n${nr};Voorbeeld ${nr};${nr}@gemeente.example;${unit}\r\n`;
  const r = await (await admin(ctx)).request('POST', '/api/v1/people/import', { body: csv, headers: { 'content-type': 'text/csv' } });
  if (r.status !== 200) throw new Error(`no person: ${r.text}`);
  return ctx.one(`SELECT id FROM person WHERE employee_id = '${nr}' AND organisation_id = ${ORG}`);
}
async function newAccount(ctx, role = 'participant') {
  const email = `${fresh('uitgenodigd')}@gemeente.example`;
  const r = await (await admin(ctx)).postJson('/api/v1/accounts', { email, display_name: 'Voorbeeld Account', role });
  if (r.status !== 201) throw new Error(`no account: ${r.text}`);
  return r.json().id;
}
// an answer's list must hold something, or the check of its items checks nothing
const nonEmpty = (key) => (ctx, r) => { if (!r.json()[key].length) throw new Error(`the example's ${key} are empty`); };
const aUnit = (ctx) => ctx.one(`SELECT id FROM unit WHERE organisation_id = ${ORG} ORDER BY id LIMIT 1`);
const aPerson = (ctx) => ctx.one(`SELECT id FROM person WHERE organisation_id = ${ORG} AND active = 1 ORDER BY id LIMIT 1`);

export default {
  'GET /api/v1/organisations': { as: 'participant' },
  'GET /api/v1/units': { as: 'administrator', after: nonEmpty('units') },
  'GET /api/v1/units/{id}': { as: 'administrator', ids: async (ctx) => [aUnit(ctx)] },
  'POST /api/v1/units': { as: 'administrator', body: () => ({ name: fresh('Nieuwe afdeling'), parent_id: null }) },
  'POST /api/v1/units/{id}': {
    as: 'administrator', ids: async (ctx) => [await newUnit(ctx)],
    body: (ctx) => ({ name: fresh('Hernoemde afdeling'), parent_id: aUnit(ctx), manager_id: null }), status: 200,
  },
  'DELETE /api/v1/units/{id}': { as: 'administrator', ids: async (ctx) => [await newUnit(ctx)], status: 200 },
  'GET /api/v1/people': { as: 'administrator', query: 'limit=5&q=a', after: nonEmpty('people') },
  'GET /api/v1/people/{id}': { as: 'coach', ids: async (ctx) => [aPerson(ctx)] },
  'POST /api/v1/people/import': {
    as: 'administrator', contentType: 'text/csv', status: 200,
    raw: 'personeelsnummer;naam;e-mail;afdeling\r\nVBI001;Ineke Import;vbi001@gemeente.example;Afdeling Voorbeeld/Team Import\r\n',
  },
  // a dry run: the demo's other people would be marked inactive, but nothing is saved
  'PUT /api/v1/people': {
    as: 'administrator', query: 'dry_run=1', status: 200,
    body: { people: [{ employee_id: 'VBS001', name: 'Sanne Sync', email: 'vbs001@gemeente.example', unit: 'Afdeling Voorbeeld' }] },
  },
  'POST /api/v1/people/{id}/erase': {
    as: 'administrator', ids: async (ctx) => [await newPerson(ctx)], body: { confirm: true }, status: 200,
  },
  'GET /api/v1/accounts': { as: 'administrator', after: nonEmpty('accounts') },
  'POST /api/v1/accounts': {
    as: 'administrator', body: () => ({ email: `${fresh('nieuw')}@gemeente.example`, display_name: 'Nina Nieuw', role: 'participant' }),
  },
  'POST /api/v1/accounts/invitations': { as: 'administrator', status: 200 },
  'POST /api/v1/accounts/bulk': {
    as: 'administrator',
    body: async (ctx) => {
      const path = fresh('Bulkafdeling');
      await newPerson(ctx, path);
      return { unit_id: ctx.one(`SELECT id FROM unit WHERE name = '${path}' AND organisation_id = ${ORG}`), role: 'participant', expected: 1 };
    },
  },
  'POST /api/v1/accounts/{id}/roles': { as: 'administrator', ids: async (ctx) => [await newAccount(ctx)], body: { role: 'mentor' } },
  'DELETE /api/v1/accounts/{id}/roles/{id}': {
    as: 'administrator', status: 200,
    ids: async (ctx) => {
      const id = await newAccount(ctx);
      return [id, ctx.one(`SELECT id FROM role_grant WHERE account_id = ${id}`)];
    },
  },
  'POST /api/v1/accounts/{id}/invite': { as: 'administrator', ids: async (ctx) => [await newAccount(ctx)], status: 200 },
  'POST /api/v1/accounts/{id}/deactivate': {
    as: 'administrator', ids: async (ctx) => [await newAccount(ctx)], body: { confirm: true }, status: 200,
  },
  'POST /api/v1/accounts/{id}/reactivate': {
    as: 'administrator', status: 200,
    ids: async (ctx) => {
      const id = await newAccount(ctx);
      await (await admin(ctx)).postJson(`/api/v1/accounts/${id}/deactivate`, { confirm: true });
      return [id];
    },
  },
  'DELETE /api/v1/accounts/{id}/sessions': { as: 'administrator', ids: async (ctx) => [await newAccount(ctx)], status: 200 },
  'GET /api/v1/settings/retention': { as: 'administrator' },
  'POST /api/v1/settings/retention': { as: 'administrator', body: { texts_months: 24 }, status: 200 },
  'GET /api/v1/calendar': { as: 'participant', after: nonEmpty('groups') },
  'POST /api/v1/calendar': { as: 'participant', body: { group_id: null } },
  'POST /api/v1/calendar/{id}/revoke': {
    as: 'participant', status: 200,
    ids: async (ctx) => [(await (await ctx.client('participant')).postJson('/api/v1/calendar', {})).json().id],
  },
  'GET /api/v1/me': { as: 'participant' },
  'GET /api/v1/catalogue': { as: 'participant' },
  'GET /api/v1/catalogue/match': { as: 'participant', query: 'what=knowledge&who=individual&where=workplace&how=doing' },
  'GET /api/v1/catalogue/examples': { as: 'participant', query: 'form=coaching', after: nonEmpty('examples') },
  'POST /api/v1/catalogue/examples': {
    as: 'coach', body: { applied_at: 'Afdeling Voorbeeld', learning: 'Samen de planning maken.', forms: ['coaching'], themes: ['samenwerken'] },
  },
  'POST /api/v1/catalogue/form': { as: 'coach', body: { key: 'coaching' }, status: 200 },
  'GET /api/v1/people/{id}/referrals': {
    as: 'coach', after: nonEmpty('referrals'),
    ids: async (ctx) => {
      await (await ctx.client('coach')).postJson(`/api/v1/people/${aPerson(ctx)}/referrals`, { kind: 'person', by_name: fresh('Buurman'), by_role: 'outside' });
      return [aPerson(ctx)];
    },
  },
  'POST /api/v1/people/{id}/referrals': { as: 'coach', ids: async (ctx) => [aPerson(ctx)], body: { kind: 'own' } },
  'POST /api/v1/referrals/{id}/remove': {
    as: 'coach', status: 200,
    ids: async (ctx) => [(await (await ctx.client('coach')).postJson(`/api/v1/people/${aPerson(ctx)}/referrals`,
      { kind: 'person', by_name: fresh('Wethouder'), by_role: 'outside' })).json().id],
    body: (ctx, ids) => ({ person_id: ctx.one(`SELECT person_id FROM referral WHERE id = ${ids[0]}`) }),
  },
  'GET /api/v1/me/referrals': {
    as: 'participant', after: nonEmpty('referrals'),
    ids: async (ctx) => {
      await (await ctx.client('participant')).postJson('/api/v1/me/referrals', { kind: 'person', by_name: fresh('Collega'), by_role: 'colleague' });
      return [];
    },
  },
  'POST /api/v1/me/referrals': { as: 'participant', body: { kind: 'own' } },
  'GET /api/v1/search': { as: 'participant', query: 'q=vragen', after: nonEmpty('results') },
};
