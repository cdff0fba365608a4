// The authorisation matrix: every route of the route table (from
// `leergang serve --routes`) x every role x own and other organisation,
// against a real server. A route without an access rule fails the first test.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, ROLES, demoEmail, routes, cli } from '../lib/server.mjs';

let srv;
const table = routes();
const ids = { own: {}, other: {} };

// Ids of things in an organisation, read through its administrator.
async function collectIds(org) {
  const c = new Client(srv.base);
  await c.login(demoEmail('administrator', org));
  const units = (await c.get('/api/v1/units')).json().units;
  const people = (await c.get('/api/v1/people?limit=5')).json().people;
  const page = (await c.get('/accounts')).text;
  // the administrator's own administrator grant: removing it is refused (409),
  // so the matrix does not change the data it walks over
  const m = [...page.matchAll(/action="\/accounts\/(\d+)\/roles\/(\d+)\/delete"/g)];
  const me = cli(srv.db, ['user', 'list', '--org', `${org}-demo`, '--format', 'json']);
  const admin = JSON.parse(me).find((a) => a.email === demoEmail('administrator', org));
  const grant = m.find((x) => Number(x[1]) === admin.id);
  // a unit with people or sub-units: deleting it is refused (409)
  const unit = units.find((u) => u.people > 0 || u.units > 0);
  // programmes, read through the coach: the first group is the one the demo
  // facilitator, mentor and participant are in
  const coach = new Client(srv.base);
  await coach.login(demoEmail('coach', org));
  const first = (text, re) => Number(text.match(re)[1]);
  const programme = first((await coach.get('/programmes')).text, /href="\/programmes\/(\d+)"/);
  const ppage = (await coach.get(`/programmes/${programme}`)).text;
  const group = first(ppage, /href="\/groups\/(\d+)"/);
  const batch = first(ppage, /action="\/batches\/(\d+)\/groups"/);
  const gpage = (await coach.get(`/groups/${group}`)).text;
  const framework = first((await coach.get('/frameworks')).text, /href="\/frameworks\/(\d+)"/);
  const pmeeting = first(ppage, /href="\/programmes\/\d+\/design\/(\d+)"/);
  const element = first((await coach.get(`/frameworks/${framework}`)).text, /href="\/frameworks\/\d+\/elements\/(\d+)"/);
  const menu = (await coach.get(`/programmes/${programme}/menu`)).text;
  // a module programme has no menu card: a number that is nobody's then
  const maybe = (text, re) => { const m = text.match(re); return m ? Number(m[1]) : 999999999; };
  const topic = maybe(menu, /action="\/programmes\/\d+\/menu\/topics\/(\d+)"/);
  const option = maybe(menu, /action="\/programmes\/\d+\/menu\/options\/(\d+)"/);
  // a calendar link of the participant: its token for the public feed, its id for revoking
  const participant = new Client(srv.base);
  await participant.login(demoEmail('participant', org));
  const cal = (await participant.post('/calendar', { group: '0' })).text;
  // a logbook entry of the participant (private: only they read it)
  const logbook = first((await participant.get('/logbook')).text, /href="\/logbook\/(\d+)"/);
  const pair = first((await participant.get('/reverse-mentoring')).text, /action="\/reverse-mentoring\/(\d+)"/);
  // the demo participant's place in the first group: its intake is theirs, their facilitator's and mentor's
  const members = (await coach.get(`/api/v1/groups/${group}`)).json().participants;
  const own = members.find((p) => p.name === 'Jan <script>alert(1)</script>');
  // reports: the first meeting's report (published in the politie demo) is
  // read; writing, publishing and contributing go to the group's last
  // meeting, which has no report, so the walk changes nothing it reads
  const meetings = [...gpage.matchAll(/href="\/meetings\/(\d+)"/g)].map((x) => Number(x[1]));
  // a contribution not placed in the report: "placing" it with an empty form leaves it so
  const facilitator = new Client(srv.base);
  await facilitator.login(demoEmail('facilitator', org));
  const report = await facilitator.get(`/api/v1/meetings/${meetings[0]}/report`);
  const unplaced = report.status === 200 ? report.json().contributions.find((x) => !x.placed) : null;
  // a group whose learning story is bundled (read by the group and the coach), else the first group
  let story = group;
  for (const p of (await coach.get('/api/v1/programmes')).json().programmes) {
    for (const b of (await coach.get(`/api/v1/programmes/${p.id}`)).json().batches) {
      for (const g of b.groups) {
        const s = await coach.get(`/api/v1/groups/${g.id}/story`);
        if (s.status === 200 && s.json().status === 'bundled') story = g.id;
      }
    }
  }
  // a questionnaire and a wave (the politie demo has the LiVe! final
  // evaluation), and a respondent's link of that wave
  const surveys = (await coach.get('/questionnaires')).text;
  const wave = maybe(surveys, /href="\/waves\/(\d+)"/);
  const instrument = maybe(surveys, /href="\/instruments\/(\d+)"/);
  const links = wave < 999999999 ? (await coach.get(`/waves/${wave}/links.csv`)).text : '';
  const respond = (links.match(/respond\?token=([0-9a-f]+)/) || [null, 'none'])[1];
  return {
    wave, instrument, respond,
    unit: unit.id, person: people[0].id, account: admin.id, grant: Number(grant[2]), place: own.enrolment_id,
    programme, batch, group, framework, pmeeting, topic, option, element, logbook, pair,
    meeting: first(gpage, /href="\/meetings\/(\d+)"/), spare: Math.max(...meetings), story,
    contribution: unplaced ? unplaced.id : 999999999,
    enrolment: first(gpage, /action="\/enrolments\/(\d+)"/),
    feed: first(cal, /action="\/calendar\/(\d+)\/revoke"/),
    // an API token of the participant: another account's to anyone else (404)
    apitoken: first((await participant.post('/tokens', { label: 'matrix', days: '1' })).text, /action="\/tokens\/(\d+)\/revoke"/),
    token: cal.match(/calendar\.ics\?token=([0-9a-f]+)/)[1],
  };
}

function fill(pattern, set, method = 'GET') {
  let n = 0;
  const bare = pattern.replace(/^\/api\/v1/, '');
  return pattern.replace(/\{id\}/g, () => {
    n++;
    // the learning story is read in the group where it is bundled, written in the other
    if (bare.startsWith('/groups/{id}/story') && method === 'GET') return set.story;
    // reports are written where there is none yet
    if (/^\/meetings\/\{id\}\/(report|contribution)/.test(bare) && method === 'POST') return set.spare;
    if (bare.startsWith('/contributions/')) return set.contribution;
    if (pattern.startsWith('/units') || pattern.startsWith('/api/v1/units')) return set.unit;
    if (pattern.startsWith('/people') || pattern.startsWith('/api/v1/people')) return set.person;
    if (pattern.startsWith('/accounts')) return n === 1 ? set.account : set.grant;
    const parts = pattern.replace(/^\/api\/v1/, '').split('/');
    if (n === 2) {  // the second id of /programmes/{id}/design/{id}, .../menu/topics/{id}, .../menu/options/{id}
      if (parts[3] === 'design') return set.pmeeting;
      if (parts[4] === 'topics') return set.topic;
      if (parts[4] === 'options') return set.option;
      if (parts[3] === 'elements') return set.element;
    }
    if (pattern.startsWith('/enrolments/{id}/')) return set.place;
    const kinds = { programmes: 'programme', batches: 'batch', groups: 'group', enrolments: 'enrolment',
      meetings: 'meeting', frameworks: 'framework', logbook: 'logbook', 'reverse-mentoring': 'pair',
      waves: 'wave', instruments: 'instrument' };
    const k = kinds[parts[1]];
    if (k) return set[k];
    if (pattern.startsWith('/calendar/')) return set.feed;
    if (pattern.startsWith('/tokens/')) return set.apitoken;
    throw new Error('no id for ' + pattern);
  }) + (pattern === '/calendar.ics' ? `?token=${set.token}` : '') +
    (pattern === '/search' || pattern === '/api/v1/search' ? '?q=leiderschap' : '') +
    (pattern === '/respond' ? `?token=${set.respond}` : '');
}

const allowed = (rt, role) => rt.public || rt.signed_in || rt.roles.includes(role);
// logout ends the session: walk it last
const ordered = [...table].sort((a, b) => (a.pattern === '/logout') - (b.pattern === '/logout'));

before(async () => {
  srv = await startServer();
  ids.own = await collectIds('politie');
  ids.other = await collectIds('gemeente');
});
after(async () => { await srv.stop(); });

// The access policy, written out a second time by hand: a route added to
// src/web/routes.c without an entry here, or with other roles, fails.
const ADMIN = ['administrator'];
const PEOPLE = ['administrator', 'coach'];
const UNITS = ['administrator', 'owner', 'coach', 'manager'];
const PROG_READ = ['coach', 'owner'];
const PROG_WRITE = ['coach'];
const MEMBER = ['coach', 'owner', 'facilitator', 'mentor', 'participant'];
const RUN = ['coach', 'facilitator'];
// group texts: not the owner, not the administrator (SPEC: "programme owners see none of it")
const GROUP_TEXT = ['coach', 'facilitator', 'mentor', 'participant'];
const REPORT_WRITE = ['facilitator', 'mentor'];
// questionnaires: the coach (as coordinator) and the researcher
const SURVEY = ['coach', 'researcher'];
const policy = {
  'GET /healthz': 'public', 'GET /static/leergang.css': 'public', 'GET /login': 'public',
  'POST /login': 'public', 'GET /language': 'public',
  'POST /logout': 'signed_in', 'GET /': 'signed_in', 'GET /password': 'signed_in', 'POST /password': 'signed_in',
  'GET /password/forgot': 'public', 'POST /password/forgot': 'public', 'GET /password/reset': 'public',
  'POST /password/reset': 'public',
  'GET /tokens': 'signed_in', 'POST /tokens': 'signed_in', 'POST /tokens/{id}/revoke': 'signed_in',
  'GET /units': UNITS, 'POST /units': ADMIN, 'GET /units/{id}': UNITS, 'POST /units/{id}': ADMIN,
  'POST /units/{id}/delete': ADMIN,
  'GET /people': PEOPLE, 'GET /people.csv': PEOPLE, 'GET /people/{id}': PEOPLE,
  'GET /accounts': ADMIN, 'POST /accounts': ADMIN, 'POST /accounts/{id}/roles': ADMIN,
  'POST /accounts/{id}/roles/{id}/delete': ADMIN,
  'GET /import': ADMIN, 'POST /import': ADMIN, 'GET /audit': ADMIN,
  'GET /api/v1/organisations': 'signed_in', 'GET /api/v1/units': UNITS, 'GET /api/v1/units/{id}': UNITS,
  'GET /api/v1/people': PEOPLE, 'GET /api/v1/people/{id}': PEOPLE, 'POST /api/v1/people/import': ADMIN,
  'GET /programmes': PROG_READ, 'POST /programmes': PROG_WRITE, 'GET /programmes/{id}': PROG_READ,
  'POST /programmes/{id}': PROG_WRITE, 'POST /programmes/{id}/batches': PROG_WRITE,
  'POST /batches/{id}/groups': PROG_WRITE, 'GET /programmes/{id}/selection': PROG_READ,
  'GET /programmes/{id}/design/{id}': PROG_WRITE, 'POST /programmes/{id}/design/{id}': PROG_WRITE,
  'POST /programmes/{id}/design/{id}/parts': PROG_WRITE, 'POST /programmes/{id}/design': PROG_WRITE,
  'GET /programmes/{id}/menu': PROG_WRITE, 'POST /programmes/{id}/menu/topics': PROG_WRITE,
  'POST /programmes/{id}/menu/topics/{id}': PROG_WRITE, 'POST /programmes/{id}/menu/options': PROG_WRITE,
  'POST /programmes/{id}/menu/options/{id}': PROG_WRITE,
  'POST /frameworks/{id}/elements': PROG_WRITE, 'GET /frameworks/{id}/elements/{id}': PROG_WRITE,
  'POST /frameworks/{id}/elements/{id}': PROG_WRITE,
  'POST /programmes/{id}/selection/criteria': PROG_WRITE, 'POST /programmes/{id}/selection/candidates': PROG_WRITE,
  'POST /programmes/{id}/selection/scores': PROG_WRITE, 'GET /frameworks': PROG_READ, 'GET /frameworks/{id}': PROG_READ,
  'GET /groups': MEMBER, 'GET /groups/{id}': MEMBER, 'POST /groups/{id}/staff': PROG_WRITE,
  'POST /groups/{id}/enrolments': PROG_WRITE, 'POST /enrolments/{id}': PROG_WRITE,
  'POST /groups/{id}/meetings': RUN, 'GET /groups/{id}/calendar.ics': MEMBER, 'GET /meetings/{id}': MEMBER,
  'POST /meetings/{id}': RUN, 'POST /meetings/{id}/choice': RUN, 'POST /meetings/{id}/attendance': RUN,
  'POST /groups/{id}/question': ['participant'], 'GET /groups/{id}/plan': ['participant'],
  'POST /groups/{id}/plan/goals': ['participant'], 'POST /groups/{id}/plan/assignment': ['participant'],
  'POST /groups/{id}/plan/talks': ['participant'], 'GET /enrolments/{id}/intake': ['participant', 'facilitator', 'mentor'],
  'POST /enrolments/{id}/intake': ['facilitator', 'mentor'], 'POST /enrolments/{id}/closing': ['facilitator', 'mentor'],
  'POST /enrolments/{id}/closing/words': ['participant'],
  'GET /reverse-mentoring': 'signed_in', 'POST /reverse-mentoring': ['coach'], 'POST /reverse-mentoring/{id}': 'signed_in',
  'GET /logbook': 'signed_in', 'POST /logbook': 'signed_in', 'GET /logbook/{id}': 'signed_in',
  'POST /logbook/{id}': 'signed_in', 'POST /logbook/{id}/share': 'signed_in',
  'GET /calendar': 'signed_in', 'POST /calendar': 'signed_in', 'POST /calendar/{id}/revoke': 'signed_in',
  'GET /calendar.ics': 'public',
  'GET /api/v1/me': 'signed_in', 'GET /api/v1/programmes': PROG_READ, 'POST /api/v1/programmes': PROG_WRITE, 'GET /api/v1/programmes/{id}': PROG_READ,
  'POST /api/v1/programmes/{id}/batches': PROG_WRITE, 'POST /api/v1/batches/{id}/groups': PROG_WRITE,
  'GET /api/v1/groups/{id}': MEMBER, 'POST /api/v1/groups/{id}/enrolments': PROG_WRITE,
  'POST /api/v1/groups/{id}/meetings': RUN, 'POST /api/v1/meetings/{id}/attendance': RUN,
  'POST /api/v1/meetings/{id}/choice': RUN,
  'GET /meetings/{id}/report': GROUP_TEXT, 'POST /meetings/{id}/report': REPORT_WRITE,
  'POST /meetings/{id}/report/publish': ['facilitator'], 'POST /meetings/{id}/contribution': ['participant'],
  'POST /contributions/{id}/place': ['facilitator'], 'GET /groups/{id}/story': GROUP_TEXT,
  'POST /groups/{id}/story': ['facilitator'], 'GET /groups/{id}/story.pdf': GROUP_TEXT,
  'GET /groups/{id}/story.md': GROUP_TEXT, 'GET /search': 'signed_in',
  'GET /api/v1/meetings/{id}/report': GROUP_TEXT, 'POST /api/v1/meetings/{id}/report': REPORT_WRITE,
  'POST /api/v1/meetings/{id}/report/publish': ['facilitator'], 'POST /api/v1/meetings/{id}/contribution': ['participant'],
  'GET /api/v1/groups/{id}/reports': GROUP_TEXT, 'GET /api/v1/groups/{id}/story': GROUP_TEXT,
  'GET /api/v1/groups/{id}/story.md': GROUP_TEXT, 'GET /api/v1/groups/{id}/story.pdf': GROUP_TEXT,
  'GET /api/v1/search': 'signed_in', 'GET /feedback': 'signed_in',
  'GET /questionnaires': SURVEY, 'POST /instruments': SURVEY, 'GET /instruments/{id}': SURVEY,
  'GET /instruments/import': SURVEY, 'POST /instruments/import': SURVEY,
  'POST /waves': SURVEY, 'POST /instruments/{id}/versions': SURVEY, 'GET /waves/{id}': SURVEY, 'GET /waves/{id}/links.csv': SURVEY, 'POST /waves/{id}/close': SURVEY, 'GET /waves/{id}/compare': SURVEY,
  'POST /waves/{id}/reminders': SURVEY, 'POST /waves/{id}/send': SURVEY, 'POST /waves/360': SURVEY,
  'GET /waves/{id}/export.csv': SURVEY, 'GET /waves/{id}/export.xlsx': SURVEY, 'GET /waves/{id}/export.sav': SURVEY,
  'GET /respond': 'public', 'POST /respond': 'public',
  'GET /api/v1/waves': SURVEY, 'GET /api/v1/waves/{id}': SURVEY, 'GET /api/v1/waves/{id}/compare': SURVEY,
};

test('every route declares who may call it, as the policy says', () => {
  assert.ok(table.length >= 20, 'the route table is dumped');
  for (const rt of table) {
    const key = `${rt.method} ${rt.pattern}`;
    assert.ok(rt.public || rt.signed_in || rt.roles.length > 0, `${key} has an access rule`);
    assert.ok(key in policy, `${key} is in the access policy of this test`);
    const want = policy[key];
    if (want === 'public') assert.ok(rt.public, `${key} is public`);
    else if (want === 'signed_in') assert.ok(rt.signed_in && !rt.public, `${key} is for every signed-in account`);
    else assert.deepEqual([...rt.roles].sort(), [...want].sort(), `${key} roles`);
  }
  assert.equal(Object.keys(policy).length, table.length, 'no stale entries in the policy');
});

test('without logging in, only public routes answer', async () => {
  const c = new Client(srv.base);
  for (const rt of ordered) {
    const path = fill(rt.pattern, ids.own, rt.method);
    const r = rt.method === 'GET' ? await c.get(path) : await c.post(path, {});
    if (rt.public) {
      assert.ok(![401, 403, 404, 405].includes(r.status) && r.status < 500, `${rt.method} ${path}: ${r.status}`);
    } else if (rt.kind === 'api') {
      assert.equal(r.status, 401, `${rt.method} ${path}`);
    } else if (rt.method === 'GET') {
      assert.equal(r.status, 303, `${rt.method} ${path}`);
      assert.match(r.headers.get('location'), /^\/login\?next=/);
    } else {
      assert.ok([401, 403].includes(r.status), `${rt.method} ${path}: ${r.status}`);
    }
  }
});

for (const role of ROLES) {
  test(`pages as ${role}: own organisation allowed or 403, other organisation 404`, async () => {
    const c = new Client(srv.base);
    await c.login(demoEmail(role, 'politie'));
    // a calendar link of one's own, to revoke
    const mine = (await c.post('/calendar', { group: '0' })).text;
    const feeds = [...mine.matchAll(/action="\/calendar\/(\d+)\/revoke"/g)].map((m) => Number(m[1]));
    // and an API token of one's own, to revoke
    const made = (await c.post('/tokens', { label: 'matrix', days: '1' })).text;
    const apitoken = Math.max(...[...made.matchAll(/action="\/tokens\/(\d+)\/revoke"/g)].map((m) => Number(m[1])));
    const own = { ...ids.own, feed: Math.max(...feeds), apitoken };  // the newest: the ones just made
    for (const rt of ordered.filter((r) => r.kind === 'page')) {
      for (const side of rt.pattern.includes('{id}') ? ['own', 'other'] : ['own']) {
        if (rt.pattern === '/logout' && side === 'other') continue;
        const path = fill(rt.pattern, side === 'own' ? own : ids[side], rt.method);
        const r = rt.method === 'GET' ? await c.get(path) : await c.post(path, {});
        const what = `${role} ${rt.method} ${path} (${side})`;
        // a personal text: only its writer (the demo participant) reaches it, others get 404
        const personal = (rt.pattern.startsWith('/logbook/') && role !== 'participant') ||
          (rt.pattern === '/reverse-mentoring/{id}' && !['participant', 'mentor', 'coach'].includes(role));
        if (!allowed(rt, role)) assert.equal(r.status, 403, what);
        else if (side === 'other' || personal) assert.equal(r.status, 404, what);
        else assert.ok(r.status < 500 && ![401, 403, 404, 405].includes(r.status), `${what}: ${r.status}`);
      }
    }
  });

  test(`API as ${role} with a bearer token: allowed or 403, other organisation 404`, async () => {
    const token = cli(srv.db, ['token', 'create', '--email', demoEmail(role, 'politie')]).trim();
    const c = new Client(srv.base);
    c.headers.authorization = `Bearer ${token}`;
    for (const rt of ordered.filter((r) => r.kind === 'api' && !r.public)) {
      for (const side of rt.pattern.includes('{id}') ? ['own', 'other'] : ['own']) {
        const path = fill(rt.pattern, ids[side], rt.method);
        // an empty body of the route's kind: CSV for the import, else an empty JSON object
        const body = rt.pattern.endsWith('/import') ? { body: '', headers: { 'content-type': 'text/csv' } }
          : { body: '{}', headers: { 'content-type': 'application/json' } };
        const r = rt.method === 'GET' ? await c.get(path) : await c.request('POST', path, body);
        const what = `${role} ${rt.method} ${path} (${side})`;
        // the story's files are the file itself when they are given, JSON when refused
        const file = { '.md': /^text\/markdown/, '.pdf': /^application\/pdf/ }[rt.pattern.match(/\.(md|pdf)$/)?.[0]];
        assert.match(r.headers.get('content-type'), file && r.status === 200 ? file : /application\/json/, what);
        if (!allowed(rt, role)) assert.equal(r.status, 403, what);
        else if (side === 'other') assert.equal(r.status, 404, what);
        else assert.ok(r.status < 500 && ![401, 403, 404, 405].includes(r.status), `${what}: ${r.status}`);
        if (r.status >= 400) assert.equal(typeof r.json().error, 'string', `${what}: error message`);
      }
    }
  });
}
