// Importing people from an HR export, through the pages (upload, preview,
// confirm), the API and the command line: all or nothing, with a report per line.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, Client, demoEmail, cliResult } from '../lib/server.mjs';

let srv, admin;

// 100 people as Dutch Excel writes them: BOM, ';', CRLF, Dutch headers, a
// quoted unit with a separator in it; bad: lines where `bad` says so.
function hrFile(bad = {}) {
  const rows = ['\uFEFFpersoneelsnummer;naam;e-mail;afdeling;leidinggevende;functieniveau'];
  for (let i = 1; i <= 100; i++) {
    const nr = `H${String(i).padStart(4, '0')}`;
    let name = i === 7 ? 'Jan <script>alert(1)</script>' : `Medewerker ${i}`;
    let email = `m${i}@example.org`;
    let manager = i <= 5 ? '' : `H${String(((i - 1) % 5) + 1).padStart(4, '0')}`;
    const unit = i <= 5 ? 'Operatiën' : `"Operatiën/Team ${['Noord', 'Zuid; Oost'][i % 2]}"`;
    if (bad[i] === 'name') name = '';
    if (bad[i] === 'email') email = 'geen-adres';
    if (bad[i] === 'manager') manager = 'H9999';
    rows.push([nr, name, email, unit, manager, 'schaal 10'].join(';'));
  }
  return rows.join('\r\n') + '\r\n';
}
const BAD = { 12: 'name', 40: 'email', 77: 'manager' };

async function total() {
  return (await admin.get('/api/v1/people?limit=1')).json().total;
}

// Uploads a file through the import page; returns the preview.
async function upload(content, filename = 'hr-export.csv') {
  const form = new FormData();
  form.set('csrf', admin.csrf);
  form.set('file', new Blob([content], { type: 'text/csv' }), filename);
  return admin.request('POST', '/import', { body: form });
}

before(async () => {
  srv = await startServer();
  admin = new Client(srv.base);
  await admin.login(demoEmail('administrator', 'gemeente'));
  await admin.get('/import');
});
after(async () => { await srv.stop(); });

test('3 bad lines among 100: nothing imported, the 3 lines reported with what to do', async () => {
  const before = await total();
  const r = await upload(hrFile(BAD));
  assert.equal(r.status, 422);
  // the report: line numbers (header is line 1, person i on line i+1), the column as the file names it, problem, fix
  const rows = [...r.text.matchAll(/<tr><td>(\d+)<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td><\/tr>/g)];
  assert.deepEqual(rows.map((m) => [Number(m[1]), m[2]]), [[13, 'naam'], [41, 'e-mail'], [78, 'leidinggevende']]);
  for (const m of rows) assert.ok(m[4].length > 10, 'each line says what to do');
  assert.ok(!r.text.includes('name="action" value="confirm"'), 'no confirm button while there are problems');
  assert.equal(await total(), before, 'nothing was imported');
});

test('the fixed file: preview, confirm imports all 100, again changes nothing', async () => {
  const before = await total();
  const file = hrFile();
  let r = await upload(file);
  assert.equal(r.status, 200);
  assert.match(r.text, /100 (new people|nieuwe mensen)/);
  assert.equal(await total(), before, 'the preview changes nothing');
  const upl = r.text.match(/name="upload" value="(\d+)"/)[1];
  const fields = { upload: upl, action: 'confirm' };
  for (const m of r.text.matchAll(/name="(map_[a-z_]+)" value="(-?\d+)"/g)) fields[m[1]] = m[2];
  r = await admin.post('/import', fields);
  assert.equal(r.status, 200);
  assert.equal(await total(), before + 100);
  const people = (await admin.get('/api/v1/people?q=H00&limit=1000')).json().people;
  const p12 = people.find((p) => p.employee_id === 'H0012');
  assert.equal(p12.unit, 'Operatiën/Team Noord');
  assert.ok(people.find((p) => p.employee_id === 'H0013').unit.endsWith('Team Zuid; Oost'));

  // the same file again: nothing new, nothing changed
  const auditBefore = (await admin.get('/audit')).text.match(/import\.people/g)?.length ?? 0;
  r = await upload(file);
  assert.match(r.text, /0 (new people|nieuwe mensen), 0 (changed|gewijzigd), 100 (unchanged|ongewijzigd)/);
  const upl2 = r.text.match(/name="upload" value="(\d+)"/)[1];
  r = await admin.post('/import', { ...fields, upload: upl2 });
  assert.equal(r.status, 200);
  assert.equal(await total(), before + 100);
  const auditAfter = (await admin.get('/audit')).text.match(/import\.people/g)?.length ?? 0;
  assert.equal(auditAfter, auditBefore, 'an import that changes nothing writes nothing');

  // an updated file updates by employee number
  r = await upload(file.replace('Medewerker 50;', 'Medewerker Vijftig;'));
  assert.match(r.text, /0 (new people|nieuwe mensen), 1 (changed|gewijzigd), 99 (unchanged|ongewijzigd)/);
  // and says who, on which line, and what
  const table = r.text.match(/<caption>Wat zou veranderen, per persoon<\/caption>[\s\S]*?<\/table>/);
  assert.ok(table, 'the table of changes');
  assert.deepEqual([...table[0].matchAll(/<tr><td>(\d+)<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td><\/tr>/g)].map((m) => m.slice(1)),
    [['51', 'H0050', 'Medewerker Vijftig', 'gewijzigd', 'Naam']]);
});

test('an upload of another account cannot be confirmed', async () => {
  const r = await upload(hrFile());
  const upl = r.text.match(/name="upload" value="(\d+)"/)[1];
  const other = new Client(srv.base);
  await other.login(demoEmail('administrator', 'politie'));
  const r2 = await other.post('/import', { upload: upl, action: 'confirm' });
  assert.equal(r2.status, 410);
});

test('the API and the command line report the same lines', async () => {
  const file = hrFile(BAD).replaceAll('H0', 'K0');
  let r = await admin.request('POST', '/api/v1/people/import?dry_run=1', { body: file, headers: { 'content-type': 'text/csv' } });
  assert.equal(r.status, 422);
  assert.deepEqual(r.json().issues.map((i) => [i.line, i.column, i.header]),
    [[13, 'name', 'naam'], [41, 'email', 'e-mail'], [78, 'manager_employee_id', 'leidinggevende']]);
  const path = join(srv.dir, 'bad.csv');
  writeFileSync(path, file);
  const cli = cliResult(srv.db, ['import', 'people', '--org', 'gemeente-demo', path]);
  assert.notEqual(cli.status, 0);
  assert.match(cli.stderr, /bad\.csv:13: naam /);
  assert.match(cli.stderr, /bad\.csv:41: e-mail /);
  assert.match(cli.stderr, /bad\.csv:78: leidinggevende /);
  assert.match(cli.stderr, /nothing imported: 3 problems/);
});

test('Windows-1252 files are converted; a binary file is refused clearly', async () => {
  const latin = Buffer.from('personeelsnummer;naam;afdeling\r\nW1;Ren\xe9e Fran\xe7ois;Operati\xebn\r\n', 'latin1');
  let r = await upload(latin);
  assert.equal(r.status, 200);
  assert.match(r.text, /Windows-1252/);
  r = await upload(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0x14, 0]), 'people.xlsx');
  assert.equal(r.status, 422);
  assert.match(r.text, /UTF-8/);
});
