// Examples of the API's own routes for tests/http/openapi.test.mjs: who
// calls (a demo role, of 'gemeente' unless org says otherwise; 'nobody' for
// no sign-in), ids: async (ctx) => [the {id}s], body or body(ctx, ids),
// query (or query(ctx, ids)), headers (or headers(ctx, ids)), status (200 for GET, 201 otherwise, unless given), and
// after(ctx, answer, ids) for checks of one's own.
export default {
  'GET /healthz': { as: 'nobody' },
  'GET /api/v1/openapi.json': { as: 'nobody' },
};
