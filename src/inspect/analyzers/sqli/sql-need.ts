import { GATE_CALL, GATE_COMPARE, GATE_LOGIC, GATE_WORD, gateWord } from './sql-word-gate.js';

/** How much of the SQL analysis a value needs, from the cheap pre-check. */
export const SQL_NEED = Object.freeze({
  /** Cannot hold SQL injection: no quote, comment, `&&`/`||`, SQL keyword or boolean comparison. */
  none: 0,
  /** May only break out of a literal (quotes, comments, boolean logic): invalid SQL early on settles it. */
  tail: 1,
  /** Holds SQL keywords or calls that rules look for anywhere in the value. */
  full: 2,
});

// Characters that break out of a literal: quotes.
const QUOTE = new Uint8Array(128);
for (const c of `'"\``) QUOTE[c.charCodeAt(0)] = 1;
// Characters that make an expression of boolean words: `1 or 1=1`, `x and 2>1`.
const OPERATOR = new Uint8Array(128);
for (const c of '=<>!~^') OPERATOR[c.charCodeAt(0)] = 1;
const WORD_CHAR = new Uint8Array(128);
for (let c = 48; c < 123; c++) WORD_CHAR[c] = /[0-9A-Za-z_]/.test(String.fromCharCode(c)) ? 1 : 0;

/**
 * Cheap pre-check, one pass without allocation over the first `limit` characters. Ordinary words, numbers,
 * ids, dates, e-mails, UUIDs, base64 tokens, prose and URLs need nothing.
 */
export function sqlNeed(value: string, limit: number): number {
  const n = Math.min(value.length, limit);
  let operator = false;
  let logic = false;
  let breakout = false;
  let wordStart = -1;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? value.charCodeAt(i) : 32;
    if (c < 128 && WORD_CHAR[c] === 1) {
      if (wordStart < 0) wordStart = i;
      continue;
    }
    if (wordStart >= 0) {
      const bits = gateWord(value, wordStart, i);
      if ((bits & GATE_WORD) !== 0 && !isOrderWithoutBy(value, wordStart, i)) return SQL_NEED.full;
      if ((bits & GATE_CALL) !== 0 && isCall(value, i)) return SQL_NEED.full;
      if ((bits & GATE_LOGIC) !== 0) logic = true;
      if ((bits & GATE_COMPARE) !== 0) operator = true;
      wordStart = -1;
    }
    if (c >= 128) continue;
    const next = value.charCodeAt(i + 1);
    if (c === 64 && next === 64) return SQL_NEED.full; // @@version
    // Quotes; `--`, `/*` (not the `*/*` of media ranges), `#` at a word start; `&&`, `||`.
    if (QUOTE[c] === 1) breakout = true;
    else if ((c === 45 || c === 38 || c === 124) && next === c) breakout = true;
    else if (c === 47 && next === 42 && value.charCodeAt(i - 1) !== 42) breakout = true;
    else if (c === 35 && (i === 0 || value.charCodeAt(i - 1) <= 32)) breakout = true;
    else if (OPERATOR[c] === 1) operator = true;
  }
  return breakout || (operator && logic) ? SQL_NEED.tail : SQL_NEED.none;
}

/** Whether a `(` follows position `i`, after optional spaces. */
function isCall(value: string, i: number): boolean {
  while (value.charCodeAt(i) === 32 || value.charCodeAt(i) === 43) i++;
  return value.charCodeAt(i) === 40;
}

/** `order` and `group` are SQL only before `by`. */
function isOrderWithoutBy(value: string, start: number, end: number): boolean {
  const c = value.charCodeAt(start) | 32;
  if (c !== 111 && c !== 103) return false;
  let i = end;
  while (value.charCodeAt(i) === 32 || value.charCodeAt(i) === 43 || value.charCodeAt(i) === 9) i++;
  return !((value.charCodeAt(i) | 32) === 98 && (value.charCodeAt(i + 1) | 32) === 121);
}
