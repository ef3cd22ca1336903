/**
 * What separates a callee from its `(`: nothing, one space, other blanks (runs of spaces, tabs, line
 * breaks, or a `#`/`//` comment after a space, as a hashtag in prose could be), a comment written
 * against the name or a block comment, or control characters no keyboard types (`\v`, `\f`).
 */
export type Gap = 'none' | 'space' | 'blank' | 'comment' | 'control';

/** The gap between `from` and `to`, which the tokenizer found to hold only whitespace and comments. */
export function gapBetween(text: string, from: number, to: number): Gap {
  if (from >= to) return 'none';
  if (to - from === 1 && text.charCodeAt(from) === 32) return 'space';
  const first = text.charCodeAt(from);
  if (first === 47 || first === 35) return 'comment';
  let gap: Gap = 'blank';
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 11 || c === 12) return 'control';
    if (c === 47 && text.charCodeAt(i + 1) === 42) gap = 'comment';
  }
  return gap;
}

function isBlank(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

// Before a bare call: nothing but blanks, `@` and `${`, after at most a short breakout that ends the
// statement or string the value lands in (`';`, `");`, `1;`, `'.`), or joins the call to it as an
// operand (`|| phpinfo()`, `1&&system('id')`, `:phpversion()` after a ternary's `?`).
const LEAD = /^[\s@{$]*(?:(?:[\w'"`)\]]{1,16}\s*)?(?:[;.:]|\|\|?|&&?)[\s@{$]*)?$/;
const MAX_LEAD = 32;

/**
 * Whether a call is all a value holds: before it only what `LEAD` allows, after it only blanks, `;`,
 * `}`, `?>`, quotes and `.` reopening a string, subscripts (`get_defined_vars()[0]`) and a comment. `to` is where the call ends; an
 * unclosed call (`base64_decode(`) ends at its `(` and must be the last thing in the value.
 */
export function isBare(text: string, from: number, to: number): boolean {
  if (from > MAX_LEAD || !LEAD.test(text.slice(0, from))) return false;
  let i = to;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    const n = text.charCodeAt(i + 1);
    if (isBlank(c) || c === 59 || c === 125 || c === 39 || c === 34 || c === 46) i++;
    else if (c === 35 || (c === 47 && n === 47)) return true;
    else if (c === 63 && n === 62) i += 2;
    else if (c === 47 && n === 42) {
      const close = text.indexOf('*/', i + 2);
      if (close < 0) return true;
      i = close + 2;
    } else if (c === 91) {
      const close = text.indexOf(']', i + 1);
      if (close < 0 || !/^[\w'" $]*$/.test(text.slice(i + 1, close))) return false;
      i = close + 1;
    } else return false;
  }
  return true;
}

/**
 * A mixed-case spelling PHP accepts but no one types for a built-in: `base64_deCOde`, `curl_iNit`,
 * `GzInFlAtE`. `Print_r` (a capital at the start) and `STRLEN` (all capitals) are ordinary.
 */
export function isOddCase(name: string): boolean {
  return /[A-Z]/.test(name.slice(1)) && /[a-z]/.test(name);
}
