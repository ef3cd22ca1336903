import {
  GATE_CALL,
  GATE_COMPARE,
  GATE_LOGIC,
  GATE_WORD,
  gatePrefixes,
  gateWord,
  gateWords,
} from './sql-word-gate.js';

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

// The native pre-screen of long plain text. Anything the loop below may act on alone: quotes, comparison
// characters, parentheses (calls, `endsOpen`, `startsClosing`), comment and logic pairs, `@@` (found by
// `indexOf`, far cheaper than a per-character loop), then strong words and prefixes. A value without any of
// them needs a reading only through a comparison word (`is`, `in`, `like`).
const ACTIVE_MARKS = [
  "'",
  '"',
  '`',
  '=',
  '<',
  '>',
  '!',
  '~',
  '^',
  '(',
  ')',
  '#',
  '--',
  '&&',
  '||',
  '::',
  '/*',
  '@@',
];
const WORD = '[A-Za-z0-9_]';
const words = (list: readonly string[]): string => list.join('|');
const START = `(?:^|[^A-Za-z0-9_])`;
const ACTIVE_WORD = new RegExp(
  `${START}(?:(?:${words(gateWords(GATE_WORD))})(?!${WORD})|${words(gatePrefixes())})`,
  'i',
);
const GATED_WORD = new RegExp(
  `${START}(?:(?:${words(gateWords(GATE_WORD | GATE_COMPARE))})(?!${WORD})|${words(gatePrefixes())})`,
  'i',
);
const LOGIC_WORD = new RegExp(`${START}(?:${words(gateWords(GATE_LOGIC))})(?!${WORD})`, 'i');
// A word that is no gate word nor literal (the loop's `prose`), or a non-ASCII character.
const PROSE_WORD = new RegExp(
  `${START}(?![0-9])(?!(?:${words(gateWords(GATE_LOGIC | GATE_COMPARE | GATE_CALL))}|null|true|false)(?!${WORD}))${WORD}|[^\\x00-\\x7f]`,
  'i',
);
const LISTED_CASE = /,[ \t]{0,3}\([ \t]{0,3}case[ \t(]/i;
// Shorter values take the loop directly: the pre-screen only pays off over many characters.
const SCREEN_LENGTH = 256;

// A value this short ending in `(` may be a call cut open (`concat(`, `sleep (`): worth a full reading.
const OPEN_CALL_LENGTH = 64;

/**
 * Cheap pre-check, one pass without allocation over the first `limit` characters. Ordinary words, numbers,
 * ids, dates, e-mails, UUIDs, base64 tokens, prose and URLs need nothing.
 */
export function sqlNeed(value: string, limit: number): number {
  const n = Math.min(value.length, limit);
  if (n >= SCREEN_LENGTH) {
    const text = n < value.length ? value.slice(0, n) : value;
    if (!hasMark(text) && !startsCase(text, n) && !stacksOnNumber(text, n, 0)) {
      if (!GATED_WORD.test(text)) return SQL_NEED.none;
      // Without comparison characters, breakouts or strong words: `operator && (logic || !prose)` alone.
      if (!ACTIVE_WORD.test(text))
        return LOGIC_WORD.test(text) || !PROSE_WORD.test(text) ? SQL_NEED.tail : SQL_NEED.none;
    }
  }
  return scanNeed(value, n);
}

function hasMark(text: string): boolean {
  for (const mark of ACTIVE_MARKS) if (text.includes(mark)) return true;
  return false;
}

/** The pre-check's loop over the first `n` characters (exported for the pre-screen's equivalence test). */
export function scanNeed(value: string, n: number): number {
  let operator = false;
  let logic = false;
  let breakout = false;
  // Words that are neither numbers, SQL literals nor gate words: `1=1` and `42 like 42` have none, `x = 5` one.
  let prose = false;
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
      else if (bits === 0 && !prose) prose = !isLiteralWord(value, wordStart, i);
      wordStart = -1;
    }
    if (c >= 128) {
      prose = true;
      continue;
    }
    const next = value.charCodeAt(i + 1);
    if (c === 64 && next === 64) return SQL_NEED.full; // @@version
    // Quotes; `--`, `/*` (not the `*/*` of media ranges), `#` starting a comment; `&&`, `||`; `::` casts.
    if (QUOTE[c] === 1) breakout = true;
    else if ((c === 45 || c === 38 || c === 124 || c === 58) && next === c) breakout = true;
    else if (c === 47 && next === 42 && value.charCodeAt(i - 1) !== 42) breakout = true;
    else if (c === 35 && (i === 0 || isCommentLead(value.charCodeAt(i - 1)))) breakout = true;
    else if (OPERATOR[c] === 1) operator = true;
  }
  if (n <= OPEN_CALL_LENGTH && endsOpen(value, n)) return SQL_NEED.full;
  // `) as x from`: a value that closes a parenthesis first continues the application's SQL.
  if (startsClosing(value, n) || startsCase(value, n) || stacksOnNumber(value, n, 0)) return SQL_NEED.full;
  // `1',(case when 1=1 then 1 end)`: a CASE added to the list the value closes.
  if (logic && operator && LISTED_CASE.test(n < value.length ? value.slice(0, n) : value))
    return SQL_NEED.full;
  return breakout || (operator && (logic || !prose)) ? SQL_NEED.tail : SQL_NEED.none;
}

/** `#` starts a MySQL comment after white space, a number or a parenthesis (`1#`, `)#`), not in `c#` or `a#b`. */
function isCommentLead(c: number): boolean {
  return c <= 32 || (c >= 48 && c <= 57) || c === 41;
}

/** Whether the first `n` characters end in `(`, after optional white space. */
function endsOpen(value: string, n: number): boolean {
  let i = n - 1;
  while (i >= 0 && value.charCodeAt(i) <= 32) i--;
  return value.charCodeAt(i) === 40;
}

/** Whether the first `n` characters start with `)`, after optional white space. */
function startsClosing(value: string, n: number): boolean {
  let i = 0;
  while (i < n && value.charCodeAt(i) <= 32) i++;
  return value.charCodeAt(i) === 41;
}

/** Whether the first `n` characters start (after white space and `(`) with `case` or with `from` and a `` ` ``. */
function startsCase(value: string, n: number): boolean {
  let i = 0;
  while (i < n && (value.charCodeAt(i) <= 32 || value.charCodeAt(i) === 40)) i++;
  if (i + 4 >= n || WORD_CHAR[value.charCodeAt(i + 4)] === 1) return false;
  if (sameWord(value, i, 'case')) return true;
  // `` from `db`.`t` ``: a query's FROM with MySQL's quoted names.
  let j = i + 4;
  while (j < n && value.charCodeAt(j) <= 32) j++;
  return j > i + 4 && value.charCodeAt(j) === 96 && sameWord(value, i, 'from');
}

/** `10;drop`, `1; call`, `;set @x`: a number or nothing, then `;` and a word. */
function stacksOnNumber(value: string, n: number, from: number): boolean {
  let i = from;
  while (i < n && value.charCodeAt(i) >= 48 && value.charCodeAt(i) <= 57) i++;
  if (value.charCodeAt(i) !== 59) return false;
  i++;
  while (i < n && value.charCodeAt(i) === 32) i++;
  const c = value.charCodeAt(i) | 32;
  return c >= 97 && c <= 122;
}

/** A number, or one of SQL's literal words (`null`, `true`, `false`). */
function isLiteralWord(value: string, start: number, end: number): boolean {
  const first = value.charCodeAt(start);
  if (first >= 48 && first <= 57) return true;
  const length = end - start;
  return (
    (length === 4 && (sameWord(value, start, 'null') || sameWord(value, start, 'true'))) ||
    (length === 5 && sameWord(value, start, 'false'))
  );
}

/** Whether `value` holds the lower-case `word` at `start`, in any case, without allocating. */
function sameWord(value: string, start: number, word: string): boolean {
  for (let k = 0; k < word.length; k++)
    if ((value.charCodeAt(start + k) | 32) !== word.charCodeAt(k)) return false;
  return true;
}

/** Whether a `(` follows position `i`, after optional spaces. */
function isCall(value: string, i: number): boolean {
  while (value.charCodeAt(i) === 32 || value.charCodeAt(i) === 43) i++;
  return value.charCodeAt(i) === 40;
}

/** `order` and `group` are SQL only before `by`. */
function isOrderWithoutBy(value: string, start: number, end: number): boolean {
  const c = value.charCodeAt(start) | 32;
  // `order` and `group`, not `outfile` or `gtid_subset`.
  if ((c !== 111 && c !== 103) || end - start !== 5) return false;
  let i = end;
  while (value.charCodeAt(i) === 32 || value.charCodeAt(i) === 43 || value.charCodeAt(i) === 9) i++;
  return !((value.charCodeAt(i) | 32) === 98 && (value.charCodeAt(i + 1) | 32) === 121);
}
