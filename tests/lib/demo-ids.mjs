// demo-ids.mjs — the ids of the demo's objects that the web interface has
// an address for, read through the pages and the API as its own people
// would, in sets: the objects of one group and its people (the group, its
// meetings, a report, a contribution, the learning story, one participant's
// intake, logbook entry, reverse mentoring pair and calendar link) with the
// organisation's own (units, people, programmes, questionnaires). Each set
// says who is who in it, so that a test can say who may reach what. Used
// by the authorisation matrix and the walk with bad numbers.
import { Client, demoEmail, cli } from './server.mjs';

// The groups of the demo (src/demo/): where the demo accounts are, and
// the finished group with the bundled learning story they take part in.
export const SETS = {
  politie: [{
    name: 'politie', org: 'politie', programme: 'LiVe! Westerschelde', group: 'Leergroep 1', story: 'Leergroep A',
    facilitator: demoEmail('facilitator', 'politie'), mentor: demoEmail('mentor', 'politie'),
    participants: [demoEmail('participant', 'politie')], writer: demoEmail('participant', 'politie'),
    storyParticipants: [demoEmail('participant', 'politie')],
  }],
  gemeente: [{
    name: 'gemeente Groep 1', org: 'gemeente', programme: 'Leiderschapsprogramma Ettenwaard', group: 'Groep 1',
    story: 'Leercirkel 1',
    facilitator: demoEmail('facilitator', 'gemeente'), mentor: demoEmail('mentor', 'gemeente'),
    participants: [demoEmail('participant', 'gemeente'), 'deelnemer3@gemeente.example'],
    writer: demoEmail('participant', 'gemeente'), storyParticipants: [demoEmail('participant', 'gemeente')],
  }, {
    name: 'gemeente Groep 2', org: 'gemeente', programme: 'Leiderschapsprogramma Ettenwaard', group: 'Groep 2',
    story: 'Leercirkel 2',
    facilitator: 'begeleider2@gemeente.example', mentor: 'mentor2@gemeente.example',
    participants: ['deelnemer2@gemeente.example'], writer: 'deelnemer2@gemeente.example',
    storyParticipants: ['deelnemer2@gemeente.example'],
  }],
};

// A wave of each organisation that is not a 360° round (those have no comparison).
const WAVES = { politie: 'Eindevaluatie LiVe! 2025', gemeente: 'Leerklimaat na de leercirkels' };

// The second accounts of the municipality (src/demo/demo.c), by role.
export const SECOND = [
  { email: 'begeleider2@gemeente.example', role: 'facilitator' },
  { email: 'mentor2@gemeente.example', role: 'mentor' },
  { email: 'deelnemer2@gemeente.example', role: 'participant' },
  { email: 'deelnemer3@gemeente.example', role: 'participant' },
];

const NOBODY = 999999999;  // an id that is nobody's
const first = (text, re, what) => {
  const m = text.match(re);
  if (!m) throw new Error(`no ${what} found`);
  return Number(m[1]);
};

// One signed-in client per server and address for the whole collection:
// a sign-in is a password hash, the slowest request there is.
const clients = new Map();
function signedIn(base, email) {
  const key = `${base} ${email}`;
  if (!clients.has(key)) {
    const c = new Client(base);
    clients.set(key, c.login(email).then(() => c));
  }
  return clients.get(key);
}

// The ids of the organisation (the same in every set of it).
async function orgIds(srv, org) {
  const admin = await signedIn(srv.base, demoEmail('administrator', org));
  const units = (await admin.get('/api/v1/units')).json().units;
  const people = (await admin.get('/api/v1/people?limit=5')).json().people;
  const page = (await admin.get('/accounts')).text;
  // the administrator's own administrator grant: removing it is refused (409),
  // so a walk does not change the data it walks over
  const m = [...page.matchAll(/action="\/accounts\/(\d+)\/roles\/(\d+)\/delete"/g)];
  const me = JSON.parse(cli(srv.db, ['user', 'list', '--org', `${org}-demo`, '--format', 'json']))
    .find((a) => a.email === demoEmail('administrator', org));
  const grant = m.find((x) => Number(x[1]) === me.id);
  // a token of the administrator's own account, for the pages of an account's tokens
  const madeToken = await admin.post(`/accounts/${me.id}/tokens`, { label: 'walk', scope: 'read', days: '1' });
  const adminToken = Math.max(...[...madeToken.text.matchAll(/action="\/accounts\/\d+\/tokens\/(\d+)\/revoke"/g)]
    .map((x) => Number(x[1])));
  // a unit with people or sub-units: deleting it is refused (409)
  const unit = units.find((u) => u.people > 0 || u.units > 0);
  const coach = await signedIn(srv.base, demoEmail('coach', org));
  const framework = first((await coach.get('/frameworks')).text, /href="\/frameworks\/(\d+)"/, 'framework');
  const element = first((await coach.get(`/frameworks/${framework}`)).text, /href="\/frameworks\/\d+\/elements\/(\d+)"/,
    'framework element');
  // the menu card of the first programme that has one, with its programme
  let menu = { programme: NOBODY, topic: NOBODY, option: NOBODY };
  for (const p of (await coach.get('/api/v1/programmes')).json().programmes) {
    const text = (await coach.get(`/programmes/${p.id}/menu`)).text;
    const t = text.match(/action="\/programmes\/\d+\/menu\/topics\/(\d+)"/);
    const o = text.match(/action="\/programmes\/\d+\/menu\/options\/(\d+)"/);
    if (t && o) { menu = { programme: p.id, topic: Number(t[1]), option: Number(o[1]) }; break; }
  }
  // a topic and an option of the card's for the API's DELETE to take away, so that the walk
  // removes nothing another probe reads
  const madeOn = async (path, body) => {
    const r = await coach.request('POST', path, { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
    return r.status === 201 ? r.json().id : NOBODY;
  };
  menu.spareTopic = menu.programme === NOBODY ? NOBODY : await madeOn(`/api/v1/programmes/${menu.programme}/menu/topics`, { name: 'Matrix' });
  menu.spareOption = menu.programme === NOBODY ? NOBODY
    : await madeOn(`/api/v1/programmes/${menu.programme}/menu/options`, { topic_id: menu.topic, name: 'Matrix' });
  // a questionnaire and a wave, and a respondent's link of that wave
  const surveys = (await coach.get('/questionnaires')).text;
  const wave = first(surveys, new RegExp(`href="/waves/(\\d+)">${WAVES[org]}<`), 'wave');
  const instrument = first(surveys, /href="\/instruments\/(\d+)"/, 'questionnaire');
  const links = (await coach.get(`/waves/${wave}/links.csv`)).text;
  const organisation = (await coach.get('/api/v1/organisations')).json().organisations[0].id;
  const respond = (links.match(/respond\?token=([0-9a-f]+)/) || [null, 'none'])[1];
  // a research project of the organisation's researcher, with a code, a source and a coded passage
  const researcher = await signedIn(srv.base, demoEmail('researcher', org));
  const madeProject = await researcher.post('/research', { name: `Matrix ${org}`, purpose: '' });
  const research = Number((madeProject.headers.get('location') || '').match(/^\/research\/(\d+)/)?.[1] ?? NOBODY);
  await researcher.post(`/research/${research}/codes`, { name: 'Matrixcode', parent: '0', color: '', description: '' });
  const madeSource = await researcher.post(`/research/${research}/sources`, { kind: 'interview', name: 'Matrix',
    held_on: '', place: '', unit: '0', text: 'Een zin om te coderen. En nog een.' });
  const researchSource = Number((madeSource.headers.get('location') || '').match(/sources\/(\d+)/)?.[1] ?? NOBODY);
  const sourcePage = (await researcher.get(`/research/${research}/sources/${researchSource}`)).text;
  const researchCode = first(sourcePage, /name="code" value="(\d+)"/, 'research code');
  await researcher.post(`/research/${research}/sources/${researchSource}/passages`,
    [['segment', sourcePage.match(/name="segment" value="([\d-]+)"/)[1]], ['code', String(researchCode)]]);
  const researchPassage = first((await researcher.get(`/research/${research}/sources/${researchSource}`)).text,
    /action="\/research\/\d+\/passages\/(\d+)\/remove"/, 'coded passage');
  await researcher.post(`/research/${research}/fieldwork`, { kind: 'interview', held_on: '2026-01-05', minutes: '60',
    unit: '0', team: 'Matrixteam', who: 'teamleider', source: String(researchSource), note: '' });
  const researchFieldwork = first((await researcher.get(`/research/${research}/fieldwork`)).text,
    /action="\/research\/\d+\/fieldwork\/(\d+)\/remove"/, 'fieldwork entry');
  // a code and a fieldwork entry of their own for the API's DELETE, so that the walk removes nothing another
  // account's walk reads
  const spare = async (path, body) => (await researcher.postJson(`/api/v1/research/${research}/${path}`, body)).json().id ?? NOBODY;
  const researchCodeSpare = await spare('codes', { name: 'Matrixcode om te verwijderen' });
  const researchFieldworkSpare = await spare('fieldwork', { kind: 'interview', held_on: '2026-01-06', minutes: 30, team: 'Matrixteam' });
  // a memo and a replaced word (the page removes the word without asking) and a spare of each for the API's
  // DELETE; a spare project for the API's DELETE of a project (the page asks first, so the walk's stays)
  const researchMemo = await spare('memos', { text: 'Matrixmemo' });
  const researchMemoSpare = await spare('memos', { text: 'Matrixmemo om te verwijderen' });
  const researchTerm = await spare('terms', { term: 'Matrixplaats', replacement: '[plaats]' });
  const researchTermSpare = await spare('terms', { term: 'Matrixstad', replacement: '[stad]' });
  const researchSpare = (await researcher.postJson('/api/v1/research', { name: `Matrix ${org} om te verwijderen` })).json().id ?? NOBODY;
  // a member check with an outside contact (its link shown on the page: the demo sends no mail), and a partner
  const madeCheck = await researcher.post(`/research/${research}/member-checks`,
    { title: 'Matrix', findings: 'Bevinding', held_on: '2026-03-01' });
  const memberCheck = Number((madeCheck.headers.get('location') || '').match(/member-checks\/(\d+)/)?.[1] ?? NOBODY);
  const contactPage = (await researcher.post(`/research/${research}/member-checks/${memberCheck}/contacts`,
    { employee_id: '', name: 'Matrix Contact', affiliation: 'Elders', email: '' })).text;
  const memberCheckToken = contactPage.match(/\/member-check\?token=([0-9a-f]{64})/)?.[1] ?? '0'.repeat(64);
  await researcher.post(`/research/${research}/feedback/partners`, { name: `Partner ${org}`, contact: '' });
  const researchPartner = first((await researcher.get(`/research/${research}/feedback`)).text,
    /action="\/research\/\d+\/feedback\/partners\/(\d+)\/release"/, 'research partner');
  // a two-wave study of the organisation, made by the coordinator (measurement 2 in 9.5 months)
  const at = (months, days) => {
    const d = new Date();
    return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, d.getUTCDate() + days)).toISOString().slice(0, 10);
  };
  const madeStudy = await coach.post('/studies', [['name', `Matrix ${org}`], ['instrument_id', String(instrument)],
    ['intervention_ids', String(people[0].id)], ['intervention_ids', String(people[1].id)],
    ['comparison_ids', String(people[2].id)], ['comparison_ids', String(people[3].id)],
    ['wave1_opens', at(0, 0)], ['wave1_closes', at(0, 14)], ['wave2_opens', at(9, 15)], ['wave2_closes', at(10, 0)]]);
  const study = Number((madeStudy.headers.get('location') || '').match(/^\/studies\/(\d+)/)?.[1] ?? NOBODY);
  return {
    study,
    research, researchCode, researchSource, researchPassage, researchFieldwork, memberCheck, memberCheckToken,
    researchCodeSpare, researchFieldworkSpare, researchMemo, researchMemoSpare, researchTerm, researchTermSpare, researchSpare,
    researchPartner,
    unit: unit.id, person: people[0].id, account: me.id, grant: Number(grant[2]), adminToken,
    framework, element, menuProgramme: menu.programme, topic: menu.topic, option: menu.option,
    spareTopic: menu.spareTopic, spareOption: menu.spareOption,
    wave, instrument, respond, organisation,
  };
}

// The ids of one set: its group and what its people wrote.
async function setIds(srv, set, org) {
  const coach = await signedIn(srv.base, demoEmail('coach', set.org));
  const progs = (await coach.get('/api/v1/programmes')).json().programmes;
  const groupNamed = async (name) => {
    for (const p of progs)
      for (const b of (await coach.get(`/api/v1/programmes/${p.id}`)).json().batches)
        for (const g of b.groups) if (g.name === name) return { programme: p.id, batch: b.id, group: g.id };
    throw new Error(`no group ${name} in ${set.org}`);
  };
  const { programme, batch, group } = await groupNamed(set.group);
  const story = (await groupNamed(set.story)).group;
  const ppage = (await coach.get(`/programmes/${programme}`)).text;
  // an outcome of the programme's impact map: the coach makes a map of one
  // through the API when the programme has none yet
  let map = (await coach.get(`/api/v1/programmes/${programme}/impact`)).json();
  if (!map.outcomes.length) {
    await coach.request('POST', `/api/v1/programmes/${programme}/impact`, {
      body: JSON.stringify({ outcomes: [{ level: 'behaviour', text: 'Open houding in het werk', evidence: '' }] }),
      headers: { 'content-type': 'application/json' } });
    map = (await coach.get(`/api/v1/programmes/${programme}/impact`)).json();
  }
  const pmeeting = first(ppage, /href="\/programmes\/\d+\/design\/(\d+)"/, 'programme meeting');
  // an outcome and a meeting of the design for the API's DELETE to take away
  await coach.post(`/programmes/${programme}/impact`, { level: 'strategic', text: `Matrix ${set.group}`, evidence: '' });
  const spareOutcome = (await coach.get(`/api/v1/programmes/${programme}/impact`)).json().outcomes
    .find((x) => x.text === `Matrix ${set.group}`)?.id ?? NOBODY;
  const madeMeeting = await coach.request('POST', `/api/v1/programmes/${programme}/design`, {
    body: JSON.stringify({ theme: `Matrix ${set.group}` }), headers: { 'content-type': 'application/json' } });
  const spareMeeting = madeMeeting.status === 201 ? madeMeeting.json().id : NOBODY;
  const gpage = (await coach.get(`/groups/${group}`)).text;
  const meetings = [...gpage.matchAll(/href="\/meetings\/(\d+)"/g)].map((x) => Number(x[1]));
  // the writer's place in the group: their intake is theirs, their facilitator's and mentor's
  const writerAccount = JSON.parse(cli(srv.db, ['user', 'list', '--org', `${set.org}-demo`, '--format', 'json']))
    .find((a) => a.email === set.writer);
  const members = (await coach.get(`/api/v1/groups/${group}`)).json().participants;
  const place = members.find((p) => p.name === writerAccount.name);
  // the first meeting's report (published) is read; writing, publishing and
  // contributing go to the group's last meeting, which has no report, so
  // the walk changes nothing it reads. A contribution not placed in the
  // report: "placing" it with an empty form leaves it so.
  const facilitator = await signedIn(srv.base, set.facilitator);
  const report = await facilitator.get(`/api/v1/meetings/${meetings[0]}/report`);
  const unplaced = report.status === 200 ? report.json().contributions.find((x) => !x.placed) : null;
  // a session with a case in the group, started by its facilitator
  const started = await facilitator.post(`/groups/${group}/sessions`, { method: 'actieleren', case_person: '0',
    case_title: 'Matrix', case_question: '', case_context: '' });
  const session = Number((started.headers.get('location') || '').match(/^\/sessions\/(\d+)$/)?.[1]);
  // a follow-up action of that session, owned by the writer (due in a year)
  await facilitator.post(`/sessions/${session}/step`, { to: '9' });
  const due = `${new Date().getFullYear() + 1}-06-01`;
  const madeAction = await facilitator.request('POST', `/api/v1/sessions/${session}/actions`, {
    body: JSON.stringify({ owner: place.person_id, text: 'Matrix-actie', due_on: due }),
    headers: { 'content-type': 'application/json', 'x-csrf-token': facilitator.csrf } });
  const action = madeAction.status === 201 ? madeAction.json().id : NOBODY;
  // a peer group of the set's own, made by the coordinator, without people
  const made0 = await coach.post('/peer-groups', { kind: 'team', name: `Matrix ${set.group}`, period: '' });
  const peerGroup = Number((made0.headers.get('location') || '').match(/^\/peer-groups\/(\d+)$/)?.[1]);
  // a buddy pair of two of the group's participants, recorded by the coach
  const madePair = await coach.request('POST', '/api/v1/buddies', {
    body: JSON.stringify({ person_id: members[0].person_id, buddy_id: members[1].person_id }),
    headers: { 'content-type': 'application/json', 'x-csrf-token': coach.csrf } });
  const buddy = madePair.status === 201 ? madePair.json().id : NOBODY;
  // a presentation of the set's own (its writer presents), and how the writer came to take part (their own
  // initiative, recorded by the coordinator): the writer reaches it, and the coordinator and the administrator
  const madePres = await coach.request('POST', '/api/v1/presentations', {
    body: JSON.stringify({ kind: 'other', audience: 'department', held_on: '2015-06-01', title: `Matrix ${set.group}`,
      presenters: [place.person_id] }),
    headers: { 'content-type': 'application/json', 'x-csrf-token': coach.csrf } });
  const presentation = madePres.status === 201 ? madePres.json().id : NOBODY;
  const madeRef = await coach.request('POST', `/api/v1/people/${place.person_id}/referrals`, {
    body: JSON.stringify({ kind: 'own' }), headers: { 'content-type': 'application/json', 'x-csrf-token': coach.csrf } });
  const referral = madeRef.status === 201 ? madeRef.json().id : NOBODY;
  // the writer's own: a private logbook entry (the newest), a reverse
  // mentoring pair, a calendar link of all their groups
  const writer = await signedIn(srv.base, set.writer);
  const logbook = first((await writer.get('/logbook')).text, /href="\/logbook\/(\d+)"/, 'logbook entry');
  const pair = first((await writer.get('/reverse-mentoring')).text, /action="\/reverse-mentoring\/(\d+)"/, 'pair');
  const cal = (await writer.post('/calendar', { group: '0' })).text;
  // and an API token of the writer's, made on the page
  const made = (await writer.post('/tokens', { label: 'matrix', days: '1' })).text;
  return {
    ...org, programme, batch, group, pmeeting, spareMeeting, spareOutcome, story, logbook, pair, session, action, peerGroup, buddy, presentation,
    referral,
    methodStep: (await facilitator.get('/api/v1/methods')).json().methods.at(-1).steps.at(-1).id,
    method: (await facilitator.get('/api/v1/methods')).json().methods.at(-1).id, outcome: map.outcomes[0].id,
    meeting: meetings[0], spare: Math.max(...meetings),
    place: place.enrolment_id,
    contribution: unplaced ? unplaced.id : NOBODY,
    enrolment: first(gpage, /name="enrolment" value="(\d+)"/, 'enrolment'),
    feed: first(cal, /action="\/calendar\/(\d+)\/revoke"/, 'calendar link'),
    apitoken: Math.max(...[...made.matchAll(/action="\/tokens\/(\d+)\/revoke"/g)].map((m) => Number(m[1]))),
    token: cal.match(/calendar\.ics\?token=([0-9a-f]+)/)[1],
  };
}

// { politie: [set], gemeente: [set1, set2] }, each set its description
// (SETS) with .ids.
export async function collectIds(srv) {
  clients.clear();   // a server of another test may have had the same port
  const out = {};
  for (const org of Object.keys(SETS)) {
    const o = await orgIds(srv, org);
    out[org] = [];
    for (const set of SETS[org]) out[org].push({ ...set, ids: await setIds(srv, set, o) });
  }
  return out;
}

// The path of a route pattern with the ids of a set; method decides the
// id where reading and writing use different objects.
export function fill(pattern, set, method = 'GET') {
  let n = 0;
  // the one route with an organisation's slug (sign-in through its identity provider)
  pattern = pattern.replace('{slug}', 'politie-demo');
  const bare = pattern.replace(/^\/api\/v1/, '');
  const parts = bare.split('/');
  return pattern.replace(/\{id\}/g, () => {
    n++;
    // the learning story is read in the group where it is bundled, written in the other
    if (bare.startsWith('/groups/{id}/story') && method === 'GET') return set.story;
    // reports are written where there is none yet
    if (/^\/meetings\/\{id\}\/(report|contribution)/.test(bare) && method === 'POST') return set.spare;
    if (bare.startsWith('/contributions/')) return set.contribution;
    if (bare.startsWith('/units')) return set.unit;
    if (bare.startsWith('/people')) return set.person;
    if (bare.startsWith('/accounts/{id}/tokens')) return n === 1 ? set.account : set.adminToken;
    if (bare.startsWith('/accounts')) return n === 1 ? set.account : set.grant;
    if (bare.startsWith('/programmes/{id}/menu')) {
      if (n === 1) return set.menuProgramme;
      // the API's DELETE takes away a spare one, made for it
      if (method === 'DELETE') return parts[4] === 'topics' ? set.spareTopic : set.spareOption;
      return parts[4] === 'topics' ? set.topic : set.option;
    }
    if (bare === '/research/{id}' && method === 'DELETE') return set.researchSpare;
    if (bare.startsWith('/research/') && n === 2 && method === 'DELETE')
      return { codes: set.researchCodeSpare, fieldwork: set.researchFieldworkSpare, memos: set.researchMemoSpare,
        terms: set.researchTermSpare }[parts[3]];
    if (bare.startsWith('/research/') && n === 2)
      return { codes: set.researchCode, sources: set.researchSource, passages: set.researchPassage,
        fieldwork: set.researchFieldwork, 'member-checks': set.memberCheck, feedback: set.researchPartner,
        memos: set.researchMemo, terms: set.researchTerm }[parts[3]];
    if (n === 2) {  // the second id of /programmes/{id}/design/{id}, /frameworks/{id}/elements/{id}
      if (parts[3] === 'design') return method === 'DELETE' ? set.spareMeeting : set.pmeeting;
      if (parts[3] === 'elements') return set.element;
      if (parts[3] === 'impact') return method === 'DELETE' ? set.spareOutcome : set.outcome;
    }
    if (bare.startsWith('/enrolments/{id}/')) return set.place;
    const kinds = { programmes: 'programme', batches: 'batch', groups: 'group', enrolments: 'enrolment',
      meetings: 'meeting', frameworks: 'framework', logbook: 'logbook', 'reverse-mentoring': 'pair',
      waves: 'wave', instruments: 'instrument', calendar: 'feed', tokens: 'apitoken', organisations: 'organisation',
      sessions: 'session', 'method-steps': 'methodStep', methods: 'method', actions: 'action', 'peer-groups': 'peerGroup',
      buddies: 'buddy', presentations: 'presentation', referrals: 'referral', research: 'research', studies: 'study' };
    const k = kinds[parts[1]];
    if (k) return set[k];
    throw new Error('no id for ' + pattern);
  }) + (pattern === '/calendar.ics' ? `?token=${set.token}` : '') +
    (bare === '/search' ? '?q=leiderschap' : '') +
    (pattern === '/respond' ? `?token=${set.respond}` : '') +
    (pattern === '/member-check' ? `?token=${set.memberCheckToken}` : '');
}
