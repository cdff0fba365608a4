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
