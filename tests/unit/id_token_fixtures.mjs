// id_token_fixtures.mjs — makes tests/unit/id_token_fixtures.h: fixed ID
// tokens and a JWKS for the unit tests of src/formats/id_token.c, signed
// with keys made here once (node:crypto, no library of leergang's).
//   node tests/unit/id_token_fixtures.mjs > tests/unit/id_token_fixtures.h
import crypto from 'node:crypto';

const NOW = 1700000000;
const ISS = 'https://idp.example/realms/gemeente';
const CLIENT = 'leergang';
const b64 = (x) => Buffer.from(typeof x === 'string' ? x : JSON.stringify(x)).toString('base64url');

const rsa = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
const rsa2 = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
const ec = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
const jwk = (k, kid, extra = {}) => ({ ...k.publicKey.export({ format: 'jwk' }), kid, ...extra });
const jwks = { keys: [jwk(rsa, 'rsa1', { use: 'sig' }), jwk(ec, 'ec1')] };
const oneKey = { keys: [jwk(rsa, 'rsa1')] };
const encOnly = { keys: [jwk(rsa, 'rsa1', { use: 'enc' })] };
const wrongAlg = { keys: [jwk(rsa, 'rsa1', { alg: 'RS512' })] };

function sign(header, claims, key, alg = header.alg) {
  const input = `${b64(header)}.${b64(claims)}`;
  let sig = '';
  if (alg === 'RS256') sig = crypto.sign('sha256', Buffer.from(input), key.privateKey).toString('base64url');
  else if (alg === 'ES256') sig = crypto.sign('sha256', Buffer.from(input), { key: key.privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64url');
  else if (alg === 'HS256') sig = crypto.createHmac('sha256', key).update(input).digest('base64url');
  return `${input}.${sig}`;
}

const base = { iss: ISS, sub: 'u-42', aud: CLIENT, exp: NOW + 300, iat: NOW - 10, nonce: 'n-0S6_WzA2Mj', email: 'a@gemeente.example' };
const rs = { alg: 'RS256', kid: 'rsa1', typ: 'JWT' };
const es = { alg: 'ES256', kid: 'ec1' };
// the RSA public key as the HMAC secret: the classic confusion attack
const rsaPem = rsa.publicKey.export({ type: 'spki', format: 'pem' });
const good = sign(rs, base, rsa);
const [gh, , gs] = good.split('.');

const tokens = {
  rs256: good,
  es256: sign(es, base, ec),
  nonce_wrong: sign(rs, { ...base, nonce: 'other' }, rsa),
  nonce_missing: sign(rs, { ...base, nonce: undefined }, rsa),
  expired: sign(rs, { ...base, exp: NOW - 120 }, rsa),
  expired_in_skew: sign(rs, { ...base, exp: NOW - 30 }, rsa),
  exp_missing: sign(rs, { ...base, exp: undefined }, rsa),
  iat_future: sign(rs, { ...base, iat: NOW + 300 }, rsa),
  other_key: sign(rs, base, rsa2),
  tampered: `${gh}.${b64({ ...base, sub: 'u-1' })}.${gs}`,
  alg_none: `${b64({ alg: 'none', kid: 'rsa1' })}.${b64(base)}.`,
  alg_none_sig: `${b64({ alg: 'none', kid: 'rsa1' })}.${b64(base)}.${gs}`,
  hs256_pem: sign({ alg: 'HS256', kid: 'rsa1' }, base, rsaPem),
  rs_header_ec_key: sign({ alg: 'RS256', kid: 'ec1' }, base, rsa),
  es_header_rsa_key: sign({ alg: 'ES256', kid: 'rsa1' }, base, ec),
  rs512: sign({ alg: 'RS512', kid: 'rsa1' }, base, rsa, 'none'),
  unknown_kid: sign({ alg: 'RS256', kid: 'rsa9' }, base, rsa),
  no_kid: sign({ alg: 'RS256' }, base, rsa),
  crit: sign({ ...rs, crit: ['exp'] }, base, rsa),
  issuer_slash: sign(rs, { ...base, iss: ISS + '/' }, rsa),
  issuer_case: sign(rs, { ...base, iss: ISS.toUpperCase() }, rsa),
  aud_other: sign(rs, { ...base, aud: 'someone-else' }, rsa),
  aud_array_no_azp: sign(rs, { ...base, aud: [CLIENT, 'api'] }, rsa),
  aud_array_azp: sign(rs, { ...base, aud: [CLIENT, 'api'], azp: CLIENT }, rsa),
  aud_array_one: sign(rs, { ...base, aud: [CLIENT] }, rsa),
  azp_other: sign(rs, { ...base, aud: [CLIENT, 'api'], azp: 'api' }, rsa),
  sub_missing: sign(rs, { ...base, sub: undefined }, rsa),
  sub_empty: sign(rs, { ...base, sub: '' }, rsa),
};

const c = (s) => JSON.stringify(s);
let out = '/* id_token_fixtures.h — fixed ID tokens and key sets for test_id_token.c,\n' +
  ' * made by id_token_fixtures.mjs; do not edit by hand. */\n';
out += `#define FX_NOW ${NOW}LL\n#define FX_ISS ${c(ISS)}\n#define FX_CLIENT ${c(CLIENT)}\n#define FX_NONCE ${c(base.nonce)}\n`;
out += `static const char FX_JWKS[] = ${c(JSON.stringify(jwks))};\n`;
out += `static const char FX_JWKS_ONE[] = ${c(JSON.stringify(oneKey))};\n`;
out += `static const char FX_JWKS_ENC[] = ${c(JSON.stringify(encOnly))};\n`;
out += `static const char FX_JWKS_RS512[] = ${c(JSON.stringify(wrongAlg))};\n`;
for (const [k, v] of Object.entries(tokens)) out += `static const char FX_${k.toUpperCase()}[] = ${c(v)};\n`;
process.stdout.write(out);
