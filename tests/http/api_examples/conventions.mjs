// Examples of the conventions' routes for tests/http/openapi.test.mjs (the
// format: meta.mjs). The PATCH sends the ETag the GET gives.
let etag;

export default {
  'PATCH /api/v1/programmes/{id}': {
    as: 'coach',
    ids: async (ctx) => {
      const id = ctx.one("SELECT p.id FROM programme p JOIN organisation o ON o.id = p.organisation_id WHERE o.slug = 'gemeente-demo' ORDER BY p.id LIMIT 1");
      const r = await (await ctx.client('coach')).get(`/api/v1/programmes/${id}`);
      etag = r.headers.get('etag');
      return [id];
    },
    headers: () => ({ 'if-match': etag }),
    body: { ambition: 'Leidinggevenden die hun team laten groeien', group_min: 8 },
    status: 200,
  },
};
