// The exports of a wave (SPEC C7, C11; privacy rules): the demo's anonymous
// LiVe! final evaluation downloaded by the coach as CSV (UTF-8 with BOM,
// ';'), XLSX (sheets "Gegevens" and "Labels") and SPSS .sav; the .sav read
// by PSPP, whose N and means must be the wave page's (one decimal) and the
// CSV's (6 significant digits); none of the three files holding a name or
// e-mail address of the organisation, a personal link's token, or a
// response id; who may download (coach and researcher; 403 for the others,
// 404 across organisations) and no export below 5 responses (422).
//
// Tools from outside: `unzip` (XLSX), `pspp`/`pspp-convert` (SAV) and the
// `sqlite3` CLI (response ids, read only). A test whose tool is missing
// makes the checks it can and then reports itself skipped, with the tool
// (t.skip only at its end: what it checked must still pass).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, Client, demoEmail } from '../lib/server.mjs';
import { sqlRows, sqlToolMissing } from '../lib/db.mjs';

const DEMO_WAVE = 'Eindevaluatie LiVe! 2025';
const FILE = 'eindevaluatie-live-2025';
const CODES = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'];
// no week: an anonymous response keeps no time, not even the week
const HEADER = ['respondent', ...CODES, 'open1', 'open2', 'open3'];
const TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  sav: 'application/x-spss-sav',
};

let srv, dir, demoWave;
const as = {};
const files = {};   // ext -> Buffer of the coach's download of the demo wave

const has = (tool) => {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const sql = (q) => sqlRows(srv.db, q);
const dutch1 = (x) => x.toFixed(1).replace('.', ',');
const decodeXml = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'")
  .replace(/&amp;/g, '&');

// A CSV as Dutch Excel reads it: ';', CRLF, fields in double quotes doubled inside.
function parseCsv(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (ch === '"') quoted = false; else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ';') { row.push(field); field = ''; } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field); rows.push(row); row = []; field = ''; i++;
    } else field += ch;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

// A download as bytes, with its status and headers.
async function download(who, path) {
  const res = await fetch(srv.base + path, { headers: { cookie: as[who].cookieHeader() } });
  return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'),
    body: Buffer.from(await res.arrayBuffer()) };
}

// Every member of a zip file as text (unpacked into a directory of its
// own: `unzip -p` takes "[Content_Types].xml" for a pattern), and the names.
function unzip(path) {
  const names = execFileSync('unzip', ['-Z1', path], { encoding: 'utf8' }).trim().split('\n');
  const out = mkdtempSync(join(dir, 'unzip-'));
  execFileSync('unzip', ['-q', '-o', path, '-d', out]);
  const text = {};
  for (const n of names) text[n] = readFileSync(join(out, n), 'utf8');
  return { names, text };
}

async function login(who, role, org = 'politie') {
  as[who] = new Client(srv.base);
  await as[who].login(demoEmail(role, org));
}

before(async () => {
  srv = await startServer();
  dir = mkdtempSync(join(tmpdir(), 'leergang-exports-'));
  for (const role of ['coach', 'researcher', 'owner', 'facilitator', 'participant'])
    await login(role, role);
  await login('gemeente', 'coach', 'gemeente');
  const q = await as.coach.get('/questionnaires');
  assert.equal(q.status, 200);
  demoWave = +q.text.match(new RegExp(`<a href="/waves/(\\d+)">${DEMO_WAVE}</a>`))[1];
  for (const ext of ['csv', 'xlsx', 'sav']) {
    const r = await download('coach', `/waves/${demoWave}/export.${ext}`);
    assert.equal(r.status, 200, `the coach downloads the ${ext}`);
    files[ext] = r.body;
    writeFileSync(join(dir, `wave.${ext}`), r.body);
  }
});
after(async () => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  await srv?.stop();
});

test('three downloads of the demo wave: status, type, file name and the magic of each format', async () => {
  for (const who of ['coach', 'researcher']) {
    for (const ext of ['csv', 'xlsx', 'sav']) {
      const r = await download(who, `/waves/${demoWave}/export.${ext}`);
      assert.equal(r.status, 200, `${who} ${ext}`);
      assert.equal(r.type, TYPES[ext], `${who} ${ext}: content type`);
      assert.equal(r.disposition, `attachment; filename="${FILE}.${ext}"`, `${who} ${ext}: an attachment with a name`);
    }
  }
  assert.deepEqual([...files.csv.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the CSV starts with the UTF-8 BOM');
  assert.equal(files.xlsx.subarray(0, 2).toString('latin1'), 'PK', 'the XLSX is a zip file');
  assert.equal(files.sav.subarray(0, 4).toString('latin1'), '$FL2', 'the SAV is an SPSS system file');
});

test('the CSV: a header of codes, 84 rows numbered 1..84 in an order that is not the order of the responses', async (t) => {
  const text = files.csv.subarray(3).toString('utf8');
  assert.ok(text.endsWith('\r\n'), 'rows end in CRLF');
  const [head, ...rows] = parseCsv(text);
  assert.deepEqual(head, HEADER, 'respondent, a..j, open1..open3: no name, e-mail, token, id or time column');
  assert.equal(rows.length, 84);
  assert.deepEqual(rows.map((r) => r[0]), rows.map((_, i) => String(i + 1)), 'the respondents are numbered 1..84');
  for (const r of rows) {
    assert.equal(r.length, HEADER.length);
    for (const v of r.slice(1, 11)) assert.match(v, /^[1-5]$/, 'a Likert point, a number');
  }
  const open1 = rows.map((r) => r[11]).filter((x) => x);
  assert.ok(open1.includes('Vragen stellen voordat ik oordeel.'), 'open answers as text');
  assert.ok(rows.every((r) => r[12] === '' && r[13] === ''), 'no answer: an empty field');
  // the rows are not in the order of the response ids (which is random
  // anyway in an anonymous wave): match them up through the answers
  if (sqlToolMissing()) {
    t.skip(`${sqlToolMissing()}: the row order against the response ids is not checked`);
    return;
  }
  // each response's Likert points in the questions' order (an ordered
  // subquery: a join gives them to group_concat in no set order)
  const answers = sql(`SELECT r.id AS id, (SELECT group_concat(p.v, ',') FROM (SELECT CAST(x.value AS TEXT) AS v
    FROM answer x JOIN instrument_item i ON i.id = x.item_id WHERE x.response_id = r.id AND i.kind = 'likert'
    ORDER BY i.position) p) AS v FROM response r WHERE r.wave_id = ${demoWave} ORDER BY r.id`);
  assert.equal(answers.length, 84);
  const csvOrder = rows.map((r) => r.slice(1, 11).join(','));
  assert.notDeepEqual(csvOrder, answers.map((a) => a.v), 'not in the order of the response ids');
  assert.deepEqual([...csvOrder].sort(), answers.map((a) => a.v).sort(), 'the same answers as stored');
});

test('the XLSX: a sheet "Gegevens" with the data and a sheet "Labels" with questions and value labels', async (t) => {
  if (!has('unzip')) {
    t.skip('unzip is not installed: the workbook is not read');
    return;
  }
  const { names, text } = unzip(join(dir, 'wave.xlsx'));
  assert.ok(names.includes('xl/workbook.xml') && names.includes('xl/sharedStrings.xml'));
  const sheets = [...text['xl/workbook.xml'].matchAll(/<sheet name="([^"]*)"/g)].map((m) => m[1]);
  assert.deepEqual(sheets, ['Gegevens', 'Labels']);
  const strings = [...text['xl/sharedStrings.xml'].matchAll(/<t(?: [^>]*)?>([^<]*)<\/t>/g)].map((m) => decodeXml(m[1]));
  for (const s of HEADER) assert.ok(strings.includes(s), `the code ${s}`);
  assert.ok(strings.includes('1 = helemaal niet; 5 = heel goed'), 'the value labels of a Likert item');
  assert.ok(strings.includes('In hoeverre is het jou gelukt om jouw leerdoelen te behalen?'), 'the question');
  assert.ok(strings.includes('Likertschaal') && strings.includes('Variabele') && strings.includes('Waardelabels'));
  // the data sheet: numbers as numbers, 85 rows (header and 84)
  const data = text['xl/worksheets/sheet1.xml'];
  assert.match(data, /<c r="C2"><v>[1-5]<\/v><\/c>/, 'a Likert point is a number cell');
  assert.match(data, /<row r="85"/);
  assert.doesNotMatch(data, /<row r="86"/);
  assert.doesNotMatch(data, /<f>/, 'no formulas');
});

test('the SAV read by PSPP: variables and value labels, N = 84 and the means of the page and of the CSV', async (t) => {
  if (!has('pspp')) {
    t.skip('pspp is not installed: the .sav is not read');
    return;
  }
  const sps = join(dir, 'check.sps');
  writeFileSync(sps, [
    'SET TVARS=NAMES.',
    `GET FILE='${join(dir, 'wave.sav')}'.`,
    'DISPLAY DICTIONARY.',
    'DESCRIPTIVES a TO j.',
    'COMPUTE one = 1.',
    `AGGREGATE OUTFILE=* MODE=REPLACE /BREAK=one /${CODES.map((c) => 'm_' + c).join(' ')} = MEAN(${CODES.join(' ')})` +
      ` /${CODES.map((c) => 'n_' + c).join(' ')} = N(${CODES.join(' ')}).`,
    'FORMATS m_a TO m_j (F16.12).',
    'LIST.',
    `SYSFILE INFO FILE='${join(dir, 'wave.sav')}'.`,
    '',
  ].join('\n'));
  const out = execFileSync('pspp', ['-O', 'format=csv', sps], { encoding: 'utf8' });
  assert.doesNotMatch(out, /error|warning/i, 'PSPP reads the file without complaint');
  // the dictionary: names, labels, declared missing values, value labels
  const vars = out.match(/Table: Variables\n([\s\S]*?)\n\n/)[1].split('\n').slice(1).map((l) => l.split(','));
  assert.deepEqual(vars.map((v) => v[0]), HEADER, 'the variables by code');
  const a = vars.find((v) => v[0] === 'a');
  assert.equal(a[2], 'In hoeverre is het jou gelukt om jouw leerdoelen te behalen?', 'variable label: the question');
  assert.equal(a.at(-1), '-9', 'a: -9 declared missing');
  assert.equal(vars.find((v) => v[0] === 'respondent').at(-1), '', 'the respondent has no missing value');
  const labels = out.match(/Table: Value Labels\n([\s\S]*?)\n\n/)[1];
  const ofA = labels.split(/\n(?=[^,])/).find((b) => b.startsWith('a,'));
  assert.ok(ofA, 'item a has value labels');
  assert.match(ofA, /,1,helemaal niet$/m);
  assert.match(ofA, /,5,heel goed$/m);
  assert.match(ofA, /,-9\[a\],geen antwoord$/m, 'the missing code is labelled');
  assert.match(out, /^Label,Eindevaluatie LiVe! 2025$/m, 'the file label: the wave');
  assert.match(out, /^Encoding,UTF-8$/m);
  // N per item and the means with one decimal, as the page
  const desc = out.match(/Table: Descriptive Statistics\n([\s\S]*?)\n\n/)[1].split('\n').slice(1);
  const page = (await as.coach.get(`/waves/${demoWave}`)).text;
  const list = out.match(/Table: Data List\n([^\n]*)\n([^\n]*)/);
  const agg = Object.fromEntries(list[1].split(',').map((k, i) => [k, Number(list[2].split(',')[i])]));
  // the means of the CSV export, computed here
  const [head, ...rows] = parseCsv(files.csv.subarray(3).toString('utf8'));
  for (const code of CODES) {
    const row = desc.find((l) => l.startsWith(code + ','));
    assert.ok(row, `DESCRIPTIVES has ${code}`);
    assert.equal(row.split(',')[1], '84', `${code}: N = 84`);
    assert.equal(agg['n_' + code], 84, `${code}: N = 84 (AGGREGATE)`);
    const col = head.indexOf(code);
    const values = rows.map((r) => r[col]).filter((v) => v !== '').map(Number);
    const csvMean = values.reduce((s, v) => s + v, 0) / values.length;
    assert.equal(agg['m_' + code].toPrecision(6), csvMean.toPrecision(6), `${code}: PSPP's mean is the CSV's to 6 digits`);
    const shown = page.match(new RegExp(`<tr><th scope="row">${code}\\) [^<]*</th><td>(\\d+)</td><td>([^<]*)</td>`));
    assert.ok(shown, `the page shows ${code}`);
    assert.equal(shown[1], '84');
    assert.equal(shown[2], dutch1(agg['m_' + code]), `${code}: the page's mean, one decimal`);
  }
  if (has('pspp-convert')) {
    execFileSync('pspp-convert', [join(dir, 'wave.sav'), join(dir, 'sav.csv')]);
    const conv = readFileSync(join(dir, 'sav.csv'), 'utf8').trim().split('\n');
    assert.equal(conv[0], HEADER.join(','));
    assert.equal(conv.length, 85);
  } else {
    t.skip('pspp-convert is not installed: the .sav is not converted back to CSV');
  }
});

test('no file holds a name or e-mail address of the organisation, a link token or a response id', async (t) => {
  const missing = [];
  // everything the files say, as text: the CSV, the XLSX's XML (decoded),
  // the SAV's bytes and PSPP's reading of it
  const texts = { csv: files.csv.toString('utf8'), sav: files.sav.toString('latin1') + files.sav.toString('utf8') };
  if (has('unzip')) texts.xlsx = Object.values(unzip(join(dir, 'wave.xlsx')).text).map(decodeXml).join('\n');
  else missing.push('unzip is not installed: the XLSX is searched as zip bytes only');
  texts.xlsxBytes = files.xlsx.toString('latin1');
  if (has('pspp-convert')) {
    execFileSync('pspp-convert', [join(dir, 'wave.sav'), join(dir, 'all.csv')]);
    texts.savCsv = readFileSync(join(dir, 'all.csv'), 'utf8');
  } else {
    missing.push('pspp-convert is not installed: the .sav is searched as bytes only');
  }
  const found = (needle) => Object.entries(texts).filter(([, t]) => t.includes(needle)).map(([k]) => k);

  // the people of the organisation, active or not
  const people = [];
  for (let offset = 0; ; offset += 1000) {
    const r = (await as.coach.get(`/api/v1/people?inactive=1&limit=1000&offset=${offset}`)).json();
    people.push(...r.people);
    if (people.length >= r.total || !r.people.length) break;
  }
  assert.ok(people.length > 100, 'the demo organisation has its people');
  for (const p of people) {
    for (const v of [p.name, p.email]) {
      if (v && v.length >= 5) assert.deepEqual(found(v), [], `"${v}" is in no file`);
    }
  }
  // the tokens of the wave's personal links
  const links = (await download('coach', `/waves/${demoWave}/links.csv`)).body.toString('utf8');
  const tokens = [...links.matchAll(/token=([0-9a-f]{64})/g)].map((m) => m[1]);
  assert.equal(tokens.length, 105, 'the links of everyone asked');
  for (const tok of tokens) {
    assert.deepEqual(found(tok), [], 'a token is in no file');
    assert.deepEqual(found(tok.slice(0, 16)), [], 'nor a piece of one');
  }
  if (sqlToolMissing()) {
    t.skip([...missing, `${sqlToolMissing()}: response ids are not looked for`].join('; '));
    return;
  }
  const ids = sql(`SELECT id FROM response WHERE wave_id = ${demoWave}`).map((r) => String(r.id));
  assert.equal(ids.length, 84);
  for (const id of ids) {
    assert.ok(id.length > 6, 'an anonymous response has a random (long) id');
    assert.deepEqual(found(id), [], `response id ${id} is in no file`);
  }
  if (missing.length) t.skip(missing.join('; '));
});

test('only the coach and the researcher; another organisation gets 404', async () => {
  for (const ext of ['csv', 'xlsx', 'sav']) {
    for (const who of ['owner', 'facilitator', 'participant']) {
      const r = await as[who].get(`/waves/${demoWave}/export.${ext}`);
      assert.equal(r.status, 403, `${who} ${ext}`);
      assert.match(r.text, /Uw rol geeft geen toegang tot deze pagina\./);
    }
    const r = await as.gemeente.get(`/waves/${demoWave}/export.${ext}`);
    assert.equal(r.status, 404, `gemeente coach ${ext}`);
    assert.doesNotMatch(r.text, /helemaal niet|In hoeverre/);
    const none = await as.coach.get(`/waves/999999999/export.${ext}`);
    assert.equal(none.status, 404);
  }
});

test('a wave with fewer than 5 responses: no export (422) with a Dutch message', async () => {
  const q = (await as.coach.get('/questionnaires')).text;
  const instrument = q.match(/<option value="(\d+)">Eindevaluatie LiVe!<\/option>/)[1];
  const group = q.match(/<option value="(group:\d+)">/)[1];
  const today = q.match(/id="f-opens_on" name="opens_on" type="date" value="(\d{4}-\d\d-\d\d)"/)[1];
  const closes = new Date(Date.parse(today + 'T00:00:00Z') + 14 * 86400e3).toISOString().slice(0, 10);
  const r = await as.coach.post('/waves', { instrument_id: instrument, name: 'Nog geen antwoorden', population: group,
    opens_on: today, closes_on: closes, anonymous: '1' });
  assert.equal(r.status, 303);
  const wave = r.headers.get('location').match(/^\/waves\/(\d+)/)[1];
  for (const ext of ['csv', 'xlsx', 'sav']) {
    const x = await download('coach', `/waves/${wave}/export.${ext}`);
    assert.equal(x.status, 422, ext);
    assert.match(x.type, /^text\/html/, `${ext}: a page, not a file`);
    assert.equal(x.disposition, null, `${ext}: no attachment`);
    assert.match(x.body.toString('utf8'),
      /Uitkomsten worden getoond vanaf 5 antwoorden, zodat niemands antwoorden te herkennen zijn; er zijn er 0\./);
  }
});

test('every download is in the audit log, without names', async () => {
  const admin = new Client(srv.base);
  await admin.login(demoEmail('administrator', 'politie'));
  const page = (await admin.get('/audit')).text;
  assert.match(page, /wave\.export/);
  assert.match(page, /sav, 84 rows/);
});
