// html.mjs — reading pages in tests and tools: the part of a page that is
// its own (<main>), as markup or as plain text.

// The markup inside <main>, or the whole text when there is none.
export const mainOf = (html) => (html.match(/<main[^>]*>([\s\S]*?)<\/main>/) || ['', html])[1];

// The text of <main> without markup and the forms' CSRF tokens, its
// spaces collapsed: what two servers must agree on for the same user.
export function mainText(html) {
  const m = /<main[^>]*>([\s\S]*?)<\/main>/.exec(html);
  if (!m) throw new Error('no <main> in the page');
  return m[1].replace(/<input[^>]*name="csrf"[^>]*>/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
}

// Text of HTML with its five escapes undone.
export const decodeHtml = (s) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>')
  .replace(/&amp;/g, '&');

// The fields of the first form whose action starts with `action`, as a
// browser sends them: unticked boxes left out, a select's chosen option,
// and a textarea's line breaks as CR LF (HTML's form submission does so).
export function formFields(html, action) {
  const at = html.indexOf(`action="${action}`);
  if (at < 0) throw new Error(`no form with action ${action}`);
  const form = html.slice(at, html.indexOf('</form>', at));
  const f = {};
  for (const m of form.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([^<]*)<\/textarea>/g))
    f[m[1]] = decodeHtml(m[2]).replace(/\r?\n/g, '\r\n');
  for (const m of form.matchAll(/<input([^>]*)>/g)) {
    const name = m[1].match(/name="([^"]+)"/)?.[1];
    const value = m[1].match(/value="([^"]*)"/)?.[1] ?? '';
    if (!name) continue;
    if (/type="(checkbox|radio)"/.test(m[1]) && !/ checked/.test(m[1])) continue;
    f[name] = decodeHtml(value);
  }
  for (const m of form.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g))
    f[m[1]] = (m[2].match(/<option value="([^"]*)" selected/) || m[2].match(/<option value="([^"]*)"/))[1];
  return f;
}
