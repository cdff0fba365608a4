// The authorisation matrix: every route of the route table (from
// `leergang serve --routes`) x every role x the objects of the own
// organisation and of the other, against a real server. A route without an
// access rule fails the first test.
//
// Both demo organisations have an object of every kind behind every {id}
// (tests/lib/demo-ids.mjs reads them), so a probe of the other organisation
// meets a real object and must still get 404. The municipality has a second
// facilitator, mentor and participant in another group (Groep 2) and a
// second participant in the demo participant's own group: every account of
// it walks every route over the objects of both groups, so that another
// group's facilitator, mentor or participant, and another participant of
// the same group, are refused what is not theirs (horizontal access), with
// 404 as for an id that does not exist.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, ROLES, demoEmail, routes, cli } from '../lib/server.mjs';
import { collectIds, fill, SECOND } from '../lib/demo-ids.mjs';

// the code of each error status (web_error_code in src/web/app.c)
const ERROR_CODES = { 400: 'bad_request', 401: 'unauthenticated', 403: 'forbidden', 404: 'not_found', 405: 'method_not_allowed',
  409: 'conflict', 412: 'precondition_failed', 413: 'too_large', 422: 'invalid', 428: 'precondition_required', 429: 'too_many_requests' };

let srv;
const table = routes();
let sets;   // { politie: [set], gemeente: [set, set] } (demo-ids.mjs)

const allowed = (rt, role) => rt.public || rt.signed_in || rt.roles.includes(role);
// logout ends the session: walk it last
const ordered = [...table].sort((a, b) => (a.pattern === '/logout') - (b.pattern === '/logout'));

before(async () => {
  srv = await startServer();
  sets = await collectIds(srv);
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
// the accounting of a level: aggregates for the coach and the owner, every group of the organisation
const ACCOUNTING = ['coach', 'owner'];
// a session with a case: every account reaches the route, the domain decides (the group's
// facilitator leads, its participants are members; a peer group's people may hold any role)
const PEER = ['administrator', 'coach'];
const PEER_OVERVIEW = ['administrator', 'coach', 'owner'];
// the recruitment network: names for the coach and the researcher, counts for the owner; the GraphML is the graph
const NETWORK = ['coach', 'researcher', 'owner'];
const NETWORK_FILE = ['coach', 'researcher'];
// the spread table: the coach and the researcher in full, the owner counts per department;
// lone participants and buddy pairs: the coach and the researcher read, the coach records
const SPREAD = ['coach', 'researcher', 'owner'];
const SPREAD_NAMES = ['coach', 'researcher'];
const BUDDY = ['coach'];
const RESEARCH = ['researcher'];
const REFERRAL = ['coach', 'participant'];
const policy = {
  'GET /healthz': 'public', 'GET /api/v1/openapi.json': 'public', 'GET /static/leergang.css': 'public', 'GET /static/picker.js': 'public', 'GET /static/session.js': 'public', 'GET /static/research.js': 'public', 'GET /login': 'public',
  'POST /login': 'public', 'GET /language': 'public', 'GET /privacy': 'public', 'GET /accessibility': 'public',
  'GET /login/oidc/callback': 'public', 'GET /login/oidc/{slug}': 'public',
  'POST /logout': 'signed_in', 'GET /': 'signed_in', 'GET /password': 'signed_in', 'POST /password': 'signed_in',
  'GET /password/forgot': 'public', 'POST /password/forgot': 'public', 'GET /password/reset': 'public',
  'POST /password/reset': 'public',
  'GET /me/data.json': 'signed_in', 'GET /me/data.pdf': 'signed_in',
  'GET /tokens': 'signed_in', 'POST /tokens': 'signed_in', 'POST /tokens/{id}/revoke': 'signed_in',
  'GET /units': UNITS, 'POST /units': ADMIN, 'GET /units/{id}': UNITS, 'POST /units/{id}': ADMIN,
  'POST /units/{id}/delete': ADMIN,
  'GET /people': PEOPLE, 'GET /people.csv': PEOPLE, 'GET /people/{id}': PEOPLE,
  'GET /people/{id}/data.json': ADMIN, 'GET /people/{id}/data.pdf': ADMIN, 'POST /people/{id}/erase': ADMIN,
  'GET /settings/retention': ADMIN, 'POST /settings/retention': ADMIN,
  'GET /accounts': ADMIN, 'POST /accounts': ADMIN, 'POST /accounts/{id}/roles': ADMIN,
  'POST /accounts/{id}/roles/{id}/delete': ADMIN, 'POST /accounts/{id}/invite': ADMIN,
  'POST /accounts/invitations.csv': ADMIN, 'GET /accounts/bulk': ADMIN, 'POST /accounts/bulk': ADMIN,
  'GET /accounts/{id}/deactivate': ADMIN, 'POST /accounts/{id}/deactivate': ADMIN,
  'POST /accounts/{id}/reactivate': ADMIN, 'POST /accounts/{id}/sessions/delete': ADMIN,
  'GET /accounts/{id}/tokens': ADMIN, 'POST /accounts/{id}/tokens': ADMIN, 'POST /accounts/{id}/tokens/{id}/revoke': ADMIN,
  'GET /import': ADMIN, 'POST /import': ADMIN, 'GET /audit': ADMIN,
  'GET /exports': ['administrator', 'coach', 'researcher'],
  'GET /programmes/{id}/impact': PROG_READ, 'GET /programmes/{id}/impact/edit': PROG_WRITE,
  'POST /programmes/{id}/impact': PROG_WRITE, 'POST /programmes/{id}/impact/{id}': PROG_WRITE,
  'POST /programmes/{id}/impact/{id}/delete': PROG_WRITE,
  'GET /api/v1/programmes/{id}/impact': PROG_READ, 'POST /api/v1/programmes/{id}/impact': PROG_WRITE, 'GET /oidc': ADMIN,
  'GET /api/v1/organisations': 'signed_in', 'GET /api/v1/units': UNITS, 'GET /api/v1/units/{id}': UNITS,
  'GET /api/v1/people': PEOPLE, 'GET /api/v1/people/{id}': PEOPLE, 'POST /api/v1/people/import': ADMIN, 'PUT /api/v1/people': ADMIN,
  // the administrator's pages in the API, the catalogue's form and examples, one's calendar links
  'POST /api/v1/units': ADMIN, 'POST /api/v1/units/{id}': ADMIN, 'DELETE /api/v1/units/{id}': ADMIN,
  'POST /api/v1/people/{id}/erase': ADMIN, 'GET /api/v1/accounts': ADMIN, 'POST /api/v1/accounts': ADMIN,
  'POST /api/v1/accounts/invitations': ADMIN, 'POST /api/v1/accounts/bulk': ADMIN, 'POST /api/v1/accounts/{id}/roles': ADMIN,
  'DELETE /api/v1/accounts/{id}/roles/{id}': ADMIN, 'POST /api/v1/accounts/{id}/invite': ADMIN,
  'POST /api/v1/accounts/{id}/deactivate': ADMIN, 'POST /api/v1/accounts/{id}/reactivate': ADMIN,
  'DELETE /api/v1/accounts/{id}/sessions': ADMIN, 'GET /api/v1/settings/retention': ADMIN, 'POST /api/v1/settings/retention': ADMIN,
  'POST /api/v1/catalogue/examples': PROG_WRITE, 'POST /api/v1/catalogue/form': PROG_WRITE,
  'GET /api/v1/calendar': 'signed_in', 'POST /api/v1/calendar': 'signed_in', 'POST /api/v1/calendar/{id}/revoke': 'signed_in',
  'GET /programmes': PROG_READ, 'POST /programmes': PROG_WRITE, 'GET /programmes/{id}': PROG_READ,
  'GET /programmes/{id}/edit': PROG_WRITE, 'POST /programmes/{id}': PROG_WRITE, 'POST /programmes/{id}/batches': PROG_WRITE,
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
  // the learning-forms catalogue: reference material for every account, changed by the coach
  'GET /catalogue': 'signed_in', 'GET /catalogue/match': 'signed_in', 'GET /catalogue/examples': 'signed_in', 'POST /catalogue/examples': PROG_WRITE, 'GET /catalogue/form': PROG_WRITE,
  'POST /catalogue/form': PROG_WRITE,
  'GET /api/v1/methods': 'signed_in', 'GET /api/v1/sessions/{id}': 'signed_in',
  'POST /api/v1/sessions/{id}/answers': 'signed_in', 'POST /api/v1/sessions/{id}/step': 'signed_in', 'GET /methods': 'signed_in', 'POST /method-steps/{id}': PROG_WRITE, 'GET /groups/{id}/sessions': MEMBER, 'POST /groups/{id}/sessions': ['facilitator'],
  'GET /sessions/{id}': 'signed_in', 'GET /sessions/{id}/projector': 'signed_in', 'POST /sessions/{id}/answers': 'signed_in',
  'POST /sessions/{id}/step': 'signed_in', 'POST /sessions/{id}/notes': 'signed_in',
  'POST /sessions/{id}/roles': 'signed_in', 'POST /sessions/{id}/select': 'signed_in',
  'POST /sessions/{id}/outcome': 'signed_in',
  // peer groups: made and staffed by the coordinator and the administrator; their pages for every account
  'GET /peer-groups': 'signed_in', 'GET /peer-groups/new': PEER, 'POST /peer-groups': PEER,
  'GET /peer-groups/{id}': 'signed_in', 'POST /peer-groups/{id}/members': PEER, 'POST /peer-groups/{id}/members/remove': PEER, 'POST /peer-groups/{id}/active': PEER,
  'POST /peer-groups/{id}/sessions': 'signed_in', 'GET /presentations': PEER_OVERVIEW, 'POST /presentations': PEER,
  'GET /api/v1/peer-groups': 'signed_in', 'POST /api/v1/peer-groups': PEER, 'GET /api/v1/peer-groups/{id}': 'signed_in',
  'POST /api/v1/peer-groups/{id}/members': PEER, 'POST /api/v1/peer-groups/{id}/members/remove': PEER, 'POST /api/v1/peer-groups/{id}/active': PEER, 'GET /api/v1/presentations': PEER_OVERVIEW,
  'POST /api/v1/presentations': PEER,
  'GET /network': NETWORK, 'GET /network.json': NETWORK, 'GET /network.graphml': NETWORK_FILE, 'GET /api/v1/network': NETWORK,
  'GET /spread': SPREAD, 'GET /spread.csv': SPREAD, 'GET /spread.xlsx': SPREAD, 'GET /spread/lone': SPREAD_NAMES,
  'POST /buddies': BUDDY, 'POST /buddies/{id}/end': BUDDY, 'GET /api/v1/spread': SPREAD,
  'GET /api/v1/lone-participants': SPREAD_NAMES, 'POST /api/v1/buddies': BUDDY, 'POST /api/v1/buddies/{id}/end': BUDDY,
  'GET /presentations/{id}': PEER, 'POST /presentations/{id}/attendees': PEER, 'POST /presentations/{id}/attendees/remove': PEER,
  'GET /api/v1/presentations/{id}/attendees': PEER, 'POST /api/v1/presentations/{id}/attendees': PEER,
  'POST /api/v1/presentations/{id}/attendees/remove': PEER,
  // research projects: researchers, each project its members only (tested in research.test.mjs)
  'GET /research': RESEARCH, 'POST /research': RESEARCH, 'POST /research/import': RESEARCH, 'GET /research/{id}': RESEARCH,
  'POST /research/{id}/members': RESEARCH, 'POST /research/{id}/codes': RESEARCH,
  'POST /research/{id}/codes/framework': RESEARCH, 'GET /research/{id}/codes/{id}': RESEARCH,
  'POST /research/{id}/codes/{id}/remove': RESEARCH, 'POST /research/{id}/memos': RESEARCH,
  'POST /research/{id}/terms': RESEARCH, 'GET /research/{id}/export.qdpx': RESEARCH,
  'GET /research/{id}/codebook.qdc': RESEARCH, 'GET /research/{id}/analysis': RESEARCH,
  'GET /research/{id}/agreement': RESEARCH, 'GET /research/{id}/fieldwork': RESEARCH,
  'POST /research/{id}/fieldwork': RESEARCH, 'GET /research/{id}/fieldwork.csv': RESEARCH,
  'POST /research/{id}/fieldwork/{id}/remove': RESEARCH, 'GET /api/v1/research/{id}/fieldwork': RESEARCH,
  'POST /api/v1/research/{id}/fieldwork': RESEARCH,
  'GET /research/{id}/sources/new': RESEARCH, 'POST /research/{id}/sources': RESEARCH,
  'POST /research/{id}/sources/take': RESEARCH,
  'GET /research/{id}/sources/{id}': RESEARCH, 'POST /research/{id}/sources/{id}/passages': RESEARCH,
  'POST /research/{id}/passages/{id}/remove': RESEARCH,
  'GET /api/v1/research': RESEARCH, 'POST /api/v1/research': RESEARCH, 'POST /api/v1/research/import': RESEARCH,
  'GET /api/v1/research/{id}': RESEARCH, 'POST /api/v1/research/{id}/members': RESEARCH,
  'POST /api/v1/research/{id}/sources': RESEARCH, 'POST /api/v1/research/{id}/codes': RESEARCH,
  'POST /api/v1/research/{id}/passages': RESEARCH, 'POST /api/v1/research/{id}/passages/{id}/remove': RESEARCH,
  'GET /api/v1/research/{id}/analysis': RESEARCH, 'GET /api/v1/research/{id}/agreement': RESEARCH,
  'GET /api/v1/research/{id}/export.qdpx': RESEARCH, 'GET /api/v1/research/{id}/codebook.qdc': RESEARCH,
  // member checks and four-phase feedback: members of the project (tested in member_checks and feedback_phases)
  'GET /research/{id}/feedback': RESEARCH, 'POST /research/{id}/feedback/partners': RESEARCH,
  'POST /research/{id}/feedback/partners/{id}/data': RESEARCH, 'POST /research/{id}/feedback/partners/{id}/release': RESEARCH,
  'GET /research/{id}/member-checks': RESEARCH, 'POST /research/{id}/member-checks': RESEARCH,
  'GET /research/{id}/member-checks/{id}': RESEARCH, 'POST /research/{id}/member-checks/{id}/contacts': RESEARCH,
  'POST /research/{id}/member-checks/{id}/renew': RESEARCH, 'POST /research/{id}/member-checks/{id}/outcome': RESEARCH,
  'POST /research/{id}/member-checks/{id}/close': RESEARCH, 'GET /research/{id}/member-checks/{id}/answers.csv': RESEARCH,
  'GET /api/v1/research/{id}/feedback': RESEARCH, 'POST /api/v1/research/{id}/feedback/partners': RESEARCH,
  'POST /api/v1/research/{id}/feedback/partners/{id}/data': RESEARCH,
  'POST /api/v1/research/{id}/feedback/partners/{id}/release': RESEARCH,
  'GET /api/v1/research/{id}/member-checks/{id}': RESEARCH, 'POST /api/v1/research/{id}/member-checks/{id}/outcome': RESEARCH,
  'POST /api/v1/research/{id}/member-checks/{id}/close': RESEARCH,
  'POST /api/v1/research/{id}/member-checks': RESEARCH, 'POST /api/v1/research/{id}/member-checks/{id}/contacts': RESEARCH,
  'POST /api/v1/research/{id}/member-checks/{id}/renew': RESEARCH,
  'POST /api/v1/research/{id}/codes/framework': RESEARCH, 'DELETE /api/v1/research/{id}/codes/{id}': RESEARCH,
  'POST /api/v1/research/{id}/memos': RESEARCH, 'POST /api/v1/research/{id}/terms': RESEARCH,
  'POST /api/v1/research/{id}/sources/take': RESEARCH, 'POST /api/v1/research/{id}/sources/{id}/passages': RESEARCH,
  'DELETE /api/v1/research/{id}/fieldwork/{id}': RESEARCH,
  // changing and removing what a researcher made (research_edit.test.mjs: members only)
  'POST /research/{id}': RESEARCH, 'POST /research/{id}/remove': RESEARCH, 'POST /research/{id}/codes/{id}': RESEARCH,
  'POST /research/{id}/memos/{id}/remove': RESEARCH, 'POST /research/{id}/terms/{id}/remove': RESEARCH,
  'PATCH /api/v1/research/{id}': RESEARCH, 'DELETE /api/v1/research/{id}': RESEARCH,
  'PATCH /api/v1/research/{id}/codes/{id}': RESEARCH, 'DELETE /api/v1/research/{id}/memos/{id}': RESEARCH,
  'DELETE /api/v1/research/{id}/terms/{id}': RESEARCH,
  // how a person came to take part: the coordinator and the administrator for anyone, a participant their own
  'POST /people/{id}/referrals': ['coach'], 'GET /api/v1/people/{id}/referrals': ['coach'],
  'POST /api/v1/people/{id}/referrals': ['coach'],
  'POST /referrals/{id}/remove': REFERRAL, 'POST /api/v1/referrals/{id}/remove': REFERRAL,
  'GET /me/referral': ['participant'], 'POST /me/referral': ['participant'],
  'GET /api/v1/me/referrals': ['participant'], 'POST /api/v1/me/referrals': ['participant'],
  'POST /methods': PROG_WRITE, 'POST /methods/{id}/steps': PROG_WRITE, 'POST /methods/{id}/last-step/remove': PROG_WRITE,
  'POST /methods/{id}/remove': PROG_WRITE, 'POST /api/v1/methods': PROG_WRITE, 'POST /api/v1/methods/{id}/steps': PROG_WRITE,
  'POST /api/v1/methods/{id}/last-step/remove': PROG_WRITE, 'POST /api/v1/methods/{id}/remove': PROG_WRITE,
  'POST /sessions/{id}/actions': 'signed_in', 'POST /actions/{id}': 'signed_in',
  'POST /api/v1/sessions/{id}/actions': 'signed_in', 'POST /api/v1/actions/{id}': 'signed_in',
  'GET /api/v1/groups/{id}/sessions': MEMBER, 'POST /api/v1/groups/{id}/sessions': ['facilitator'],
  'POST /api/v1/peer-groups/{id}/sessions': 'signed_in', 'POST /api/v1/sessions/{id}/notes': 'signed_in',
  'POST /api/v1/sessions/{id}/roles': 'signed_in', 'POST /api/v1/sessions/{id}/select': 'signed_in',
  'POST /api/v1/sessions/{id}/outcome': 'signed_in',
  'GET /api/v1/reverse-mentoring': 'signed_in', 'POST /api/v1/reverse-mentoring': ['coach'],
  'POST /api/v1/reverse-mentoring/{id}': 'signed_in',
  'GET /api/v1/me/actions': 'signed_in', 'GET /api/v1/sessions/{id}/state': 'signed_in',
  'GET /sessions/{id}/share': 'signed_in', 'POST /sessions/{id}/share': 'signed_in',
  'POST /api/v1/sessions/{id}/share': 'signed_in',
  // consent for research: the writer of an entry, the owner of a case, the group's facilitator or the coach
  'POST /logbook/{id}/consent': 'signed_in', 'POST /api/v1/logbook/{id}/consent': 'signed_in',
  'POST /sessions/{id}/consent': 'signed_in', 'POST /api/v1/sessions/{id}/consent': 'signed_in',
  'POST /meetings/{id}/report/consent': RUN, 'POST /api/v1/meetings/{id}/report/consent': RUN,
  'POST /groups/{id}/story/consent': RUN, 'POST /api/v1/groups/{id}/story/consent': RUN,
  'GET /groups': MEMBER, 'GET /groups/{id}': MEMBER, 'POST /groups/{id}/staff': PROG_WRITE,
  'POST /groups/{id}/enrolments': PROG_WRITE, 'POST /enrolments/{id}': PROG_WRITE, 'POST /groups/{id}/statuses': PROG_WRITE,
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
  'GET /api/v1/me': 'signed_in', 'GET /api/v1/catalogue': 'signed_in', 'GET /api/v1/catalogue/match': 'signed_in',
  'GET /api/v1/catalogue/examples': 'signed_in', 'GET /api/v1/programmes': PROG_READ, 'POST /api/v1/programmes': PROG_WRITE, 'GET /api/v1/programmes/{id}': PROG_READ, 'PATCH /api/v1/programmes/{id}': PROG_WRITE,
  'POST /api/v1/programmes/{id}/batches': PROG_WRITE, 'POST /api/v1/batches/{id}/groups': PROG_WRITE,
  'GET /api/v1/groups/{id}': MEMBER, 'POST /api/v1/groups/{id}/enrolments': PROG_WRITE,
  'POST /api/v1/enrolments/{id}/status': PROG_WRITE,
  'POST /api/v1/groups/{id}/meetings': RUN, 'POST /api/v1/meetings/{id}/attendance': RUN,
  'POST /api/v1/meetings/{id}/choice': RUN,
  // the design's API (api_design.c): the twins of the coach's pages
  'PATCH /api/v1/programmes/{id}/impact/{id}': PROG_WRITE, 'DELETE /api/v1/programmes/{id}/impact/{id}': PROG_WRITE,
  'GET /api/v1/programmes/{id}/design': PROG_WRITE, 'POST /api/v1/programmes/{id}/design': PROG_WRITE,
  'PATCH /api/v1/programmes/{id}/design/{id}': PROG_WRITE, 'DELETE /api/v1/programmes/{id}/design/{id}': PROG_WRITE,
  'POST /api/v1/programmes/{id}/design/{id}/parts': PROG_WRITE,
  'POST /api/v1/programmes/{id}/menu/topics': PROG_WRITE, 'PATCH /api/v1/programmes/{id}/menu/topics/{id}': PROG_WRITE,
  'DELETE /api/v1/programmes/{id}/menu/topics/{id}': PROG_WRITE, 'POST /api/v1/programmes/{id}/menu/options': PROG_WRITE,
  'PATCH /api/v1/programmes/{id}/menu/options/{id}': PROG_WRITE, 'DELETE /api/v1/programmes/{id}/menu/options/{id}': PROG_WRITE,
  'GET /api/v1/programmes/{id}/selection': PROG_READ, 'POST /api/v1/programmes/{id}/selection/criteria': PROG_WRITE,
  'POST /api/v1/programmes/{id}/selection/candidates': PROG_WRITE, 'POST /api/v1/programmes/{id}/selection/scores': PROG_WRITE,
  'GET /api/v1/frameworks': PROG_READ, 'GET /api/v1/frameworks/{id}': PROG_READ,
  'POST /api/v1/frameworks/{id}/elements': PROG_WRITE, 'PATCH /api/v1/frameworks/{id}/elements/{id}': PROG_WRITE,
  'PATCH /api/v1/groups/{id}/staff': PROG_WRITE, 'POST /api/v1/groups/{id}/statuses': PROG_WRITE,
  'PATCH /api/v1/meetings/{id}': RUN, 'PATCH /api/v1/method-steps/{id}': PROG_WRITE,
  'GET /meetings/{id}/report': GROUP_TEXT, 'POST /meetings/{id}/report': REPORT_WRITE,
  'POST /meetings/{id}/report/publish': ['facilitator'], 'POST /meetings/{id}/contribution': ['participant'],
  'POST /contributions/{id}/place': ['facilitator'], 'GET /groups/{id}/story': GROUP_TEXT,
  'POST /groups/{id}/story': ['facilitator'], 'GET /groups/{id}/story.pdf': GROUP_TEXT,
  'GET /groups/{id}/story.md': GROUP_TEXT, 'GET /search': 'signed_in',
  'GET /groups/{id}/accounting': ACCOUNTING, 'GET /groups/{id}/accounting.pdf': ACCOUNTING,
  'GET /batches/{id}/accounting': ACCOUNTING, 'GET /batches/{id}/accounting.pdf': ACCOUNTING,
  'GET /programmes/{id}/accounting': ACCOUNTING, 'GET /programmes/{id}/accounting.pdf': ACCOUNTING,
  'GET /organisations/{id}/accounting': ACCOUNTING, 'GET /organisations/{id}/accounting.pdf': ACCOUNTING,
  'GET /api/v1/groups/{id}/accounting': ACCOUNTING, 'GET /api/v1/batches/{id}/accounting': ACCOUNTING,
  'GET /api/v1/programmes/{id}/accounting': ACCOUNTING, 'GET /api/v1/programmes/{id}/accounting.pdf': ACCOUNTING,
  'GET /api/v1/organisations/{id}/accounting': ACCOUNTING,
  'GET /api/v1/meetings/{id}/report': GROUP_TEXT, 'POST /api/v1/meetings/{id}/report': REPORT_WRITE,
  'POST /api/v1/meetings/{id}/report/publish': ['facilitator'], 'POST /api/v1/meetings/{id}/contribution': ['participant'],
  'GET /api/v1/groups/{id}/reports': GROUP_TEXT, 'GET /api/v1/groups/{id}/story': GROUP_TEXT,
  'GET /api/v1/groups/{id}/story.md': GROUP_TEXT, 'GET /api/v1/groups/{id}/story.pdf': GROUP_TEXT,
  'GET /api/v1/search': 'signed_in', 'GET /feedback': 'signed_in',
  'POST /api/v1/groups/{id}/story': ['facilitator'], 'POST /api/v1/contributions/{id}/place': ['facilitator'],
  'POST /api/v1/groups/{id}/question': ['participant'], 'GET /api/v1/groups/{id}/plan': ['participant'],
  'POST /api/v1/groups/{id}/plan/goals': ['participant'], 'DELETE /api/v1/groups/{id}/plan/goals': ['participant'],
  'POST /api/v1/groups/{id}/plan/assignment': ['participant'], 'POST /api/v1/groups/{id}/plan/talks': ['participant'],
  'POST /api/v1/enrolments/{id}/intake': ['facilitator', 'mentor'], 'POST /api/v1/enrolments/{id}/closing': ['facilitator', 'mentor'],
  'POST /api/v1/enrolments/{id}/closing/words': ['participant'],
  'GET /api/v1/enrolments/{id}/intake': ['participant', 'facilitator', 'mentor'], 'GET /api/v1/logbook/{id}': 'signed_in',
  'POST /api/v1/logbook': 'signed_in', 'POST /api/v1/logbook/{id}': 'signed_in', 'DELETE /api/v1/logbook/{id}': 'signed_in',
  'POST /api/v1/logbook/{id}/share': 'signed_in',
  'GET /questionnaires': SURVEY, 'POST /instruments': SURVEY, 'GET /instruments/{id}': SURVEY,
  'GET /instruments/import': SURVEY, 'POST /instruments/import': SURVEY,
  'POST /waves': SURVEY, 'POST /instruments/{id}/versions': SURVEY, 'POST /instruments/{id}/own-result': SURVEY, 'GET /waves/{id}': SURVEY, 'GET /waves/{id}/links.csv': SURVEY, 'POST /waves/{id}/close': SURVEY, 'GET /waves/{id}/compare': SURVEY, 'GET /studies': SURVEY, 'POST /studies': SURVEY, 'GET /studies/{id}': SURVEY, 'GET /studies/{id}/data.csv': SURVEY,
  'POST /waves/{id}/reminders': SURVEY, 'POST /waves/{id}/send': SURVEY, 'POST /waves/360': SURVEY,
  'GET /waves/{id}/export.csv': SURVEY, 'GET /waves/{id}/export.xlsx': SURVEY, 'GET /waves/{id}/export.sav': SURVEY,
  'GET /respond': 'public', 'POST /respond': 'public',
  // a member check's contact person, by personal link
  'GET /member-check': 'public', 'POST /member-check': 'public',
  'GET /api/v1/waves': SURVEY, 'GET /api/v1/waves/{id}': SURVEY, 'GET /api/v1/waves/{id}/compare': SURVEY, 'GET /api/v1/studies/{id}/analysis': SURVEY,
  'POST /api/v1/instruments': SURVEY, 'POST /api/v1/instruments/import': SURVEY, 'POST /api/v1/instruments/{id}/versions': SURVEY,
  'POST /api/v1/instruments/{id}/own-result': SURVEY, 'POST /api/v1/waves': SURVEY, 'POST /api/v1/waves/360': SURVEY,
  'POST /api/v1/studies': SURVEY, 'POST /api/v1/waves/{id}/close': SURVEY, 'POST /api/v1/waves/{id}/reminders': SURVEY,
  'POST /api/v1/waves/{id}/send': SURVEY, 'GET /api/v1/waves/{id}/export.csv': SURVEY, 'GET /api/v1/waves/{id}/export.xlsx': SURVEY,
  'GET /api/v1/waves/{id}/export.sav': SURVEY, 'GET /api/v1/studies/{id}/data.csv': SURVEY,
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

test('the demo ids are real and the sets differ where they must', () => {
  for (const org of ['politie', 'gemeente']) {
    for (const s of sets[org]) {
      for (const [k, v] of Object.entries(s.ids)) {
        if (['respond', 'token', 'memberCheckToken'].includes(k)) assert.match(v, /^[0-9a-f]{64}$/, `${s.name}: ${k}`);
        else assert.ok(Number.isInteger(v) && v > 0 && v < 999999999, `${s.name}: ${k} is an object (${v})`);
      }
    }
  }
  // the two groups of the municipality: every object of a group or a person differs
  const [a, b] = sets.gemeente;
  for (const k of ['group', 'meeting', 'spare', 'story', 'place', 'contribution', 'logbook', 'pair', 'feed', 'enrolment', 'session', 'action', 'referral', 'presentation'])
    assert.notEqual(a.ids[k], b.ids[k], `Groep 1 and Groep 2 have their own ${k}`);
  // and the organisations: nothing shared
  for (const k of Object.keys(a.ids))
    if (!['respond', 'token', 'memberCheckToken'].includes(k)) assert.notEqual(a.ids[k], sets.politie[0].ids[k], `${k} of another organisation`);
});

// ---- who reaches what ----

const bare = (pattern) => pattern.replace(/^\/api\/v1/, '');

// The account's place in the set's group (and in the group of its learning story).
function place(set, email, story = false) {
  if (email === set.facilitator) return 'facilitator';
  if (email === set.mentor) return 'mentor';
  if ((story ? set.storyParticipants : set.participants).includes(email)) return 'participant';
  return null;
}

// Does an account whose role may call the route reach the object behind
// its ids in a set of the account's own organisation? What the rules of
// domain/group.c and domain/privacy.c say, written out again by hand:
// group pages for the coach, the owner (counts only) and the group's own
// people; running a group for the coach and its facilitator; group texts
// for the group's people and the coach reading along; a participant's
// trajectory for them and the group's facilitator and mentor; a logbook
// entry (private), a calendar link for their writer alone; a reverse
// mentoring pair for its two people and the coach. The organisation's own
// things (units, people, programmes, questionnaires) for every role that
// may call the route.
function reaches(rt, who, set) {
  const p = bare(rt.pattern), get = rt.method === 'GET';
  const rel = place(set, who.email);
  const coach = who.role === 'coach', writer = who.email === set.writer;
  if (p.startsWith('/logbook/{id}') || p.startsWith('/calendar/{id}') || p.startsWith('/tokens/{id}')) return writer;
  if (p === '/reverse-mentoring/{id}') return coach || writer || who.email === set.mentor;
  if (p === '/enrolments/{id}/status') return coach;  // a participant's status: the coach, as on the group page
  if (p.startsWith('/enrolments/{id}/')) {  // the writer's place in the group
    if (p.endsWith('/closing/words')) return writer;
    return (get && writer) || rel === 'facilitator' || rel === 'mentor';
  }
  // a session with a case: its content for the group's facilitator and participants, changes for the facilitator
  // a follow-up action: changed by its owner (the set's writer) and the session's leader
  if (p === '/actions/{id}') return rel === 'facilitator' || writer;
  // sharing the case: its owner alone, and the probed session has none
  if (p === '/sessions/{id}/share') return false;
  // consent for research in the case: its owner alone, and the probed session has none
  if (p === '/sessions/{id}/consent') return false;
  if (p.startsWith('/sessions/{id}')) return rel === 'facilitator' || (rel === 'participant' && (get || p.endsWith('/answers')));
  if (p === '/groups/{id}/sessions' && !get) return rel === 'facilitator';
  // the set's peer group has no people: its counts for the coordinator, the administrator and
  // the owner, a session started by nobody
  // a referral of the set's writer: theirs, and the coordinator's
  if (p === '/referrals/{id}/remove') return writer || coach;
  if (p === '/peer-groups/{id}/sessions') return false;
  if (p === '/peer-groups/{id}' && get) return ['coach', 'administrator', 'owner'].includes(who.role);
  if (p.startsWith('/groups/{id}/story') && get) return coach || place(set, who.email, true) !== null;
  if (p === '/groups/{id}/story' || p === '/meetings/{id}/report/publish' || p.startsWith('/contributions/'))
    return rel === 'facilitator';
  if (p === '/groups/{id}/reports' || (p === '/meetings/{id}/report' && get)) return coach || rel !== null;
  if (p === '/meetings/{id}/report') return rel === 'facilitator' || rel === 'mentor';
  if (p === '/meetings/{id}/contribution' || p === '/groups/{id}/question' || p.startsWith('/groups/{id}/plan'))
    return rel === 'participant';
  if (/^\/(groups|meetings)\/\{id\}/.test(p)) return get ? coach || who.role === 'owner' || rel !== null
    : coach || rel === 'facilitator';
  return true;
}

// The expected answer: 403 for a role that may not call the route, 404
// for an object of another organisation or one the account does not reach.
function expected(rt, who, set) {
  if (!allowed(rt, who.role)) return 403;
  if (set.org !== who.org) return 404;
  // a member of a session who does not lead it is refused the leader's changes
  const p = bare(rt.pattern);
  // (sharing the case is the case owner's: 404 for every other member, see reaches)
  if (p.startsWith('/sessions/{id}/') && rt.method === 'POST' && !p.endsWith('/answers') && !p.endsWith('/share') &&
      !p.endsWith('/consent') &&
      place(set, who.email) === 'participant') return 403;
  return reaches(rt, who, set) ? 'ok' : 404;
}

// Markup of leergang's own that went through an escaping %s shows as text ("&lt;th scope=...");
// the demo's names and texts hold no such tags (the hostile names use <script>, which is not listed)
const OWN_TAG = /&lt;\/?(th|td|tr|table|thead|tbody|a|p|ul|ol|li|span|strong|em|abbr|div|form|input|button|label|select|option|h[1-6]|br|dl|dt|dd)[ >/]/;
function noEscapedMarkup(text, what) {
  const m = text.match(OWN_TAG);
  assert.ok(!m, `${what}: markup shown as text: ${m ? text.slice(Math.max(0, m.index - 60), m.index + 60) : ''}`);
}

function judge(r, want, what) {
  if (want === 'ok') assert.ok(r.status < 500 && ![401, 403, 404, 405].includes(r.status), `${what}: ${r.status}`);
  else assert.equal(r.status, want, what);
}

// Every account: the demo account of each role in both organisations, and
// the municipality's second accounts.
const accounts = [
  ...['politie', 'gemeente'].flatMap((org) => ROLES.map((role) => ({ email: demoEmail(role, org), role, org }))),
  ...SECOND.map((a) => ({ ...a, org: 'gemeente' })),
];
// The sets an account walks: its own organisation's, then the other's.
const walk = (who) => [...sets[who.org], ...sets[who.org === 'politie' ? 'gemeente' : 'politie']];

// The sets an account probes a route with: those of walk(who), less a set
// whose request (path with its ids) and expected answer are those of a set
// before it. The municipality's two groups share the organisation's own
// objects (units, people, accounts, programmes, questionnaires, research
// projects): a route whose ids are all the organisation's would send
// Groep 2 the very request of Groep 1. ids(set): the ids the walk fills in.
function probesOf(rt, who, ids = (set) => set.ids) {
  if (!rt.pattern.includes('{id}')) return [sets[who.org][0]];
  const seen = new Set();
  return walk(who).filter((set) => {
    const key = `${rt.method} ${fill(rt.pattern, ids(set), rt.method)} ${expected(rt, who, set)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

test('every account is walked, and each second account has its own place', () => {
  assert.equal(accounts.length, 2 * ROLES.length + SECOND.length);
  const [g1, g2] = sets.gemeente;
  for (const a of SECOND) assert.ok(place(g1, a.email) || place(g2, a.email), `${a.email} is in a group`);
  assert.equal(place(g2, 'begeleider2@gemeente.example'), 'facilitator');
  assert.equal(place(g1, 'deelnemer3@gemeente.example'), 'participant', 'a second participant of Groep 1');
  // a route of the organisation's objects is probed once per organisation, a route of a group's
  // once per group: the probes left out are the same request with the same expected answer
  const route = (key) => table.find((rt) => `${rt.method} ${rt.pattern}` === key);
  for (const who of accounts) {
    const own = who.org === 'gemeente' ? 2 : 1;
    assert.equal(probesOf(route('GET /units/{id}'), who).length, 2, `${who.email}: a unit in each organisation`);
    assert.equal(probesOf(route('GET /programmes/{id}'), who).length, 2, `${who.email}: a programme in each organisation`);
    assert.equal(probesOf(route('GET /groups/{id}'), who).length, 3, `${who.email}: each group`);
    assert.equal(probesOf(route('GET /meetings/{id}'), who).length, 3, `${who.email}: a meeting of each group`);
    assert.equal(probesOf(route('GET /units'), who).length, 1, `${who.email}: a route without an id once`);
    assert.deepEqual(probesOf(route('GET /groups/{id}'), who).map((s) => s.name).slice(0, own),
      sets[who.org].map((s) => s.name), `${who.email}: its own organisation's first`);
  }
});

test('without logging in, only public routes answer', async () => {
  const c = new Client(srv.base);
  for (const rt of ordered) {
    const path = fill(rt.pattern, sets.politie[0].ids, rt.method);
    const r = rt.method === 'GET' ? await c.get(path) : rt.method === 'POST' ? await c.post(path, {})
      : await c.request(rt.method, path, { body: '{}', headers: { 'content-type': 'application/json' } });
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

// The accounts walk side by side, WALKERS at once, each in its own order
// (its own session, calendar link and token; the walk changes nothing
// another account reads), so that the server is kept busy while the test
// reads an answer. The steps of one walk stay one after the other.
const WALKERS = 3;
describe('every account walks every route', { concurrency: WALKERS }, () => {
  for (const who of accounts) {
    test(`pages as ${who.email}: every route over the objects of both groups and of the other organisation`, async () => {
      const c = new Client(srv.base);
      await c.login(who.email);
      // a calendar link of one's own, to revoke: theirs alone
      const mine = (await c.post('/calendar', { group: '0' })).text;
      const feed = Math.max(...[...mine.matchAll(/action="\/calendar\/(\d+)\/revoke"/g)].map((m) => Number(m[1])));
      // the writer revokes the calendar link just made, not the one the others probe
      const idsOf = (set) => (who.email === set.writer ? { ...set.ids, feed } : set.ids);
      for (const rt of ordered.filter((r) => r.kind === 'page')) {
        for (const set of probesOf(rt, who, idsOf)) {
          if (rt.pattern === '/logout' && set !== sets[who.org][0]) continue;
          const ids = idsOf(set);
          const path = fill(rt.pattern, ids, rt.method);
          const r = rt.method === 'GET' ? await c.get(path) : await c.post(path, {});
          judge(r, expected(rt, who, set), `${who.email} ${rt.method} ${path} (${set.name})`);
          if (r.status === 200 && /text\/html/.test(r.headers.get('content-type') ?? '')) {
            noEscapedMarkup(r.text, `${who.email} ${rt.method} ${path}`);
          }
        }
        // (a writer revoked theirs in the walk of their own group)
        if (rt.pattern === '/calendar/{id}/revoke' && !sets[who.org].some((s) => s.writer === who.email)) {
          const r = await c.post(`/calendar/${feed}/revoke`, {});
          judge(r, 'ok', `${who.email} revokes a calendar link of their own`);
        }
      }
    });

    test(`API as ${who.email} with a bearer token: every route over both groups and the other organisation`, async () => {
      const token = cli(srv.db, ['token', 'create', '--email', who.email]).trim();
      const c = new Client(srv.base);
      c.headers.authorization = `Bearer ${token}`;
      // as in the page walk: the writer revokes a calendar link just made, not the one whose feed the others probe
      const made = await c.request('POST', '/api/v1/calendar', { body: '{}', headers: { 'content-type': 'application/json' } });
      assert.equal(made.status, 201, `${who.email} makes a calendar link: ${made.text}`);
      const idsOf = (set) => (who.email === set.writer ? { ...set.ids, feed: made.json().id } : set.ids);
      for (const rt of ordered.filter((r) => r.kind === 'api' && !r.public)) {
        for (const set of probesOf(rt, who, idsOf)) {
          const path = fill(rt.pattern, idsOf(set), rt.method);
          // an empty body of the route's kind: CSV for the import, else an empty JSON object
          const body = rt.pattern.endsWith('/import') ? { body: '', headers: { 'content-type': 'text/csv' } }
            : { body: '{}', headers: { 'content-type': 'application/json' } };
          const r = rt.method === 'GET' ? await c.get(path) : await c.request(rt.method, path, body);
          const what = `${who.email} ${rt.method} ${path} (${set.name})`;
          // the story's, a research project's and a wave's files are the file itself when they are given, JSON when refused
          const file = { '.md': /^text\/markdown/, '.pdf': /^application\/pdf/, '.qdpx': /^application\/zip/,
            '.qdc': /^application\/xml/, '.csv': /^text\/csv/, '.sav': /^application\/x-spss-sav/,
            '.xlsx': /^application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet/ }[rt.pattern.match(/\.(md|pdf|qdpx|qdc|csv|xlsx|sav)$/)?.[0]];
          assert.match(r.headers.get('content-type'), file && r.status === 200 ? file : /application\/json/, what);
          judge(r, expected(rt, who, set), what);
          if (r.status >= 400) {
            // one error shape everywhere: {"error":{"code","message","field"}}
            const e = r.json().error;
            assert.equal(typeof e.message, 'string', `${what}: error message`);
            assert.equal(e.code, ERROR_CODES[r.status] ?? 'error', `${what}: error code`);
            assert.ok('field' in e, `${what}: error field`);
          }
        }
      }
    });
  }
});

// ---- what the walk cannot see from the status alone ----

test('logbook entries shared with the facilitator or the group reach exactly them', async () => {
  const [g1] = sets.gemeente;
  const writer = new Client(srv.base);
  await writer.login(g1.writer);
  const list = (await writer.get('/logbook')).text;
  // the demo participant shares one entry with the facilitator, one with the group (src/demo/programmes.c)
  const entries = [...list.matchAll(/href="\/logbook\/(\d+)"/g)].map((m) => Number(m[1]));
  const shared = {};
  for (const id of entries) {
    const t = (await writer.get(`/logbook/${id}`)).text;
    const m = t.match(/<option value="(private|facilitator|group)" selected>/);
    if (m) shared[m[1]] = id;
  }
  assert.ok(shared.facilitator && shared.group && shared.private, `the three kinds are there: ${JSON.stringify(shared)}`);
  const reads = {
    [g1.facilitator]: ['facilitator', 'group'], [g1.mentor]: ['group'], 'deelnemer3@gemeente.example': ['group'],
    'begeleider2@gemeente.example': [], 'mentor2@gemeente.example': [], 'deelnemer2@gemeente.example': [],
    [demoEmail('coach', 'gemeente')]: [], [demoEmail('owner', 'gemeente')]: [],
    [demoEmail('administrator', 'gemeente')]: [], [demoEmail('participant', 'politie')]: [],
  };
  for (const [email, may] of Object.entries(reads)) {
    const c = new Client(srv.base);
    await c.login(email);
    for (const [kind, id] of Object.entries(shared)) {
      const r = await c.get(`/logbook/${id}`);
      assert.equal(r.status, may.includes(kind) ? 200 : 404, `${email} reads the entry shared with ${kind}`);
    }
  }
});

test('a 360° report is on /feedback for the person it is about, not for another head of department', async () => {
  const subject = new Client(srv.base), other = new Client(srv.base);
  await subject.login(demoEmail('mentor', 'gemeente'));
  await other.login('mentor2@gemeente.example');
  assert.match((await subject.get('/feedback')).text, /360°-feedback afdelingshoofd O/);
  assert.doesNotMatch((await other.get('/feedback')).text, /360°-feedback afdelingshoofd O/);
});
