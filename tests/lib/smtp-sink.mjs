// smtp-sink.mjs — a tiny SMTP server on 127.0.0.1 (a random free port) for
// the tests: it accepts every message, except for the recipients it is told
// to refuse (550), and records each envelope (MAIL FROM, RCPT TO) with its
// DATA. parseMessage() reads a recorded message back: the headers unfolded
// and RFC 2047 decoded, the quoted-printable body decoded. With greetDelay
// (ms) it greets each connection that much later, as a slow mail server
// does, so a test can tell whether mail is sent while a page waits.
import { createServer } from 'node:net';

export async function startSmtpSink({ refuse = [], greetDelay = 0 } = {}) {
  const messages = [];
  const history = [];     // every message since the start, never cleared
  const refused = [];     // recipients answered with 550
  const sockets = new Set();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    let buffer = Buffer.alloc(0);
    let inData = false;
    let env = { from: null, to: [] };
    const reply = (line) => socket.write(line + '\r\n');
    if (greetDelay) setTimeout(() => { if (!socket.destroyed) reply('220 sink.test ESMTP'); }, greetDelay);
    else reply('220 sink.test ESMTP');
    socket.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          // the DATA may be empty: then the terminator follows the 354 at once
          const empty = buffer.subarray(0, 3).toString() === '.\r\n';
          if (end < 0 && !empty) return;
          const raw = empty ? '' : buffer.subarray(0, end + 2).toString('utf8');
          buffer = buffer.subarray(empty ? 3 : end + 5);
          inData = false;
          // undo the dot-stuffing of the client
          const data = raw.replace(/^\.\./gm, '.');
          messages.push({ from: env.from, to: env.to, data });
          history.push({ from: env.from, to: env.to, data });
          env = { from: null, to: [] };
          reply('250 2.0.0 queued');
          continue;
        }
        const nl = buffer.indexOf('\r\n');
        if (nl < 0) return;
        const line = buffer.subarray(0, nl).toString('utf8');
        buffer = buffer.subarray(nl + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO') {
          reply('250-sink.test');
          reply('250-8BITMIME');
          reply('250 SIZE 10485760');
        } else if (verb === 'HELO') reply('250 sink.test');
        else if (verb === 'MAIL') {
          env = { from: (line.match(/<([^>]*)>/) || [])[1] ?? null, to: [] };
          reply('250 2.1.0 ok');
        } else if (verb === 'RCPT') {
          const to = (line.match(/<([^>]*)>/) || [])[1] ?? '';
          if (refuse.includes(to)) {
            refused.push(to);
            reply('550 5.1.1 no such mailbox');
          } else {
            env.to.push(to);
            reply('250 2.1.5 ok');
          }
        } else if (verb === 'DATA') {
          if (!env.to.length) reply('503 5.5.1 no recipients');
          else { inData = true; reply('354 go ahead'); }
        } else if (verb === 'RSET') {
          env = { from: null, to: [] };
          reply('250 ok');
        } else if (verb === 'NOOP') reply('250 ok');
        else if (verb === 'QUIT') { reply('221 bye'); socket.end(); return; } else reply('502 5.5.2 not implemented');
      }
    });
  });
  await new Promise((res) => server.listen(0, '127.0.0.1', res));
  const { port } = server.address();
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    history,
    refused,
    clear() { messages.length = 0; refused.length = 0; },
    async stop() {
      for (const s of sockets) s.destroy();
      await new Promise((res) => server.close(res));
    },
  };
}

// RFC 2047 encoded words (B and Q) in a header value; the white space
// between two adjacent words is dropped.
export function decodeWords(v) {
  return v.replace(/\?=\s+=\?/g, '?==?').replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, charset, enc, text) => {
    const bytes = /b/i.test(enc) ? Buffer.from(text, 'base64')
      : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (m, h) => String.fromCharCode(parseInt(h, 16))), 'latin1');
    return bytes.toString(/utf-?8/i.test(charset) ? 'utf8' : 'latin1');
  });
}

// Quoted-printable (RFC 2045) back to UTF-8 text.
export function decodeQuotedPrintable(s) {
  const bytes = [];
  const src = Buffer.from(s.replace(/=\r\n/g, ''), 'latin1');
  for (let i = 0; i < src.length; i++) {
    if (src[i] === 0x3d && /^[0-9A-F]{2}$/.test(src.subarray(i + 1, i + 3).toString('latin1'))) {
      bytes.push(parseInt(src.subarray(i + 1, i + 3).toString('latin1'), 16));
      i += 2;
    } else bytes.push(src[i]);
  }
  return Buffer.from(bytes).toString('utf8');
}

// A recorded message: { raw, headers: [[name, value]], header(name) (decoded),
// rawHeader(name) (undecoded), body (decoded) }.
export function parseMessage(raw) {
  const split = raw.indexOf('\r\n\r\n');
  const head = split < 0 ? raw : raw.slice(0, split);
  const bodyRaw = split < 0 ? '' : raw.slice(split + 4);
  const headers = head.replace(/\r\n[ \t]/g, ' ').split('\r\n').map((l) => {
    const i = l.indexOf(':');
    return [l.slice(0, i), l.slice(i + 1).trim()];
  });
  const get = (name) => headers.filter(([n]) => n.toLowerCase() === name.toLowerCase()).map(([, v]) => v);
  const cte = (get('Content-Transfer-Encoding')[0] || '').toLowerCase();
  return {
    raw,
    headers,
    rawHeader: (name) => get(name)[0],
    header: (name) => (get(name)[0] === undefined ? undefined : decodeWords(get(name)[0])),
    count: (name) => get(name).length,
    body: cte === 'quoted-printable' ? decodeQuotedPrintable(bodyRaw) : bodyRaw,
  };
}
