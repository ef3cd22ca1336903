import type { SqlView } from '../sql-view.js';

/**
 * How the words or operators `from`..`to` sit between two strings: `quoted` when the quotes touch them and
 * no word precedes the first, as prose and searches quote a word or a symbol (`"LIKE" STAMP`,
 * `BROWNING "MOD"`, `q="MOD"`, `'or'1`, `'NOT LIKE'`, `type '=' to assign`); `glued` when the first quote is
 * glued to a word or a backslash too (`a'or'a`, `aa'LIKE'0`, `\'or'1`), which only an injection writes;
 * `spaced` otherwise (`a' or 'b`), or when they are not between strings.
 */
export function quoteJoin(view: SqlView, from: number, to = from): 'quoted' | 'glued' | 'spaced' {
  const { tokens, input } = view;
  const before = tokens[from - 1];
  const after = tokens[to + 1];
  if (before?.kind !== 'string' || after?.kind !== 'string') return 'spaced';
  for (let k = from; k <= to; k++) {
    const kind = tokens[k]!.kind;
    if (kind !== 'word' && kind !== 'operator') return 'spaced';
  }
  if (before.end !== tokens[from]!.start || after.start !== tokens[to]!.end) return 'spaced';
  // `before` ends with the quote that opens the quotes; what precedes that quote is outside them.
  const c = before.end < 2 ? 32 : input.charCodeAt(before.end - 2);
  const glued = (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122) || c === 95 || c === 92;
  return glued ? 'glued' : 'quoted';
}

/** Whether the word or operator at `k` (or `not` and the word after it) is quoted as prose quotes one. */
export function isQuotedWord(view: SqlView, k: number): boolean {
  if (quoteJoin(view, k) === 'quoted') return true;
  return view.tokens[k]?.text === 'not' && quoteJoin(view, k, k + 1) === 'quoted';
}
