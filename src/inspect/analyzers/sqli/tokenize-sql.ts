import type { SqlToken, SqlTokenKind } from './sql-token.js';

/** The literal a value is assumed to be pasted into: none (numeric or bare), single- or double-quoted. */
export type SqlQuote = '' | "'" | '"';

// Character classes for ASCII; everything at or above 0x80 (but NBSP) may appear in identifiers.
const SPACE = 1;
const WORD = 2;
const DIGIT = 4;
const CLASS = new Uint8Array(128);
// Every control character separates tokens: SQL Server reads 0x01-0x1F as white space (`1%01AND%021=1`).
for (let c = 0; c <= 32; c++) CLASS[c] = SPACE;
for (let c = 48; c <= 57; c++) CLASS[c] = WORD | DIGIT;
for (let c = 65; c <= 90; c++) CLASS[c] = WORD;
for (let c = 97; c <= 122; c++) CLASS[c] = WORD;
CLASS[95] = WORD; // _
CLASS[36] = WORD; // $ (MySQL identifiers)

const OPERATORS_3 = new Set(['<=>', '->>', '!<>']);
const OPERATORS_2 = new Set([
  '<>',
  '!=',
  '<=',
  '>=',
  '==',
  '||',
  '&&',
  '<<',
  '>>',
  '::',
  ':=',
  '->',
  '!<',
  '!>',
  '~*',
  '!~',
]);
const SINGLE: Record<string, SqlTokenKind> = {
  '(': 'open',
  ')': 'close',
  ',': 'comma',
  ';': 'semicolon',
};
const OPERATOR_CHARS = '=<>!~+-*/%^|&:';
// Prefixes that turn a following quoted literal into one string: N'..', X'..', B'..', E'..', _utf8'..'.
const STRING_PREFIXES = new Set(['n', 'x', 'b', 'e']);
// Keywords that may follow a number without a space.
const SPLIT_KEYWORDS = new Set([
  'union',
  'and',
  'or',
  'xor',
  'order',
  'group',
  'having',
  'limit',
  'from',
  'div',
]);

const isSpace = (c: number): boolean => (c < 128 ? CLASS[c] === SPACE : c === 0xa0);
// NaN (past the end) is neither.
const isWord = (c: number): boolean => (c < 128 ? (CLASS[c]! & WORD) !== 0 : c >= 128 && c !== 0xa0);
const isDigit = (c: number): boolean => c < 128 && (CLASS[c]! & DIGIT) !== 0;
const isWordStart = (c: number): boolean => isWord(c) && !isDigit(c) && c !== 36;

/**
 * Tokenizes `input` as SQL, as if it followed an opening `quote` (then the first token is the string the value
 * closes). Backslash is not an escape (ANSI), doubled quotes are. MySQL `/*!...*\/` comments count as code.
 * With `nestedComments`, block comments nest as PostgreSQL and SQL Server read them (`/* /* *\/ *\/`).
 */
export function tokenizeSql(
  input: string,
  quote: SqlQuote,
  maxTokens: number,
  nestedComments = false,
): SqlToken[] {
  const tokens: SqlToken[] = [];
  const n = input.length;
  let i = 0;
  let versioned = 0;
  const push = (
    kind: SqlTokenKind,
    start: number,
    end: number,
    text: string,
    q = '',
    closed = true,
  ): void => {
    tokens.push({ kind, text, start, end, quote: q, closed });
  };
  const readString = (start: number, from: number, q: string): number => {
    const code = q.charCodeAt(0);
    let j = from;
    while (j < n) {
      if (input.charCodeAt(j) === code) {
        if (input.charCodeAt(j + 1) !== code) break;
        j += 2;
      } else j++;
    }
    const closed = j < n;
    push('string', start, closed ? j + 1 : n, input.slice(from, j), q, closed);
    return closed ? j + 1 : n;
  };
  // Where the value last names sp_password, looked up once and only for `--1` (see `minusMinus`).
  let spPassword = -2;
  const hidden = (): number => {
    if (spPassword === -2) spPassword = input.lastIndexOf('sp_password');
    return spPassword;
  };
  if (quote !== '') i = readString(0, 0, quote);
  while (i < n && tokens.length < maxTokens) {
    let c = input.charCodeAt(i);
    if (isSpace(c)) {
      // White space is most of prose: skip a run of it before looking at anything else.
      do c = input.charCodeAt(++i);
      while (isSpace(c));
      if (i >= n) break;
    }
    const ch = input[i]!;
    const next = input.charCodeAt(i + 1);
    if (c === 39 || c === 34) {
      i = readString(i, i + 1, ch);
    } else if (isDigit(c) || (c === 46 && isDigit(next))) {
      i = readNumberOrWord(input, i, push);
    } else if (isWordStart(c)) {
      let j = i + 1;
      while (j < n && (isWord(input.charCodeAt(j)) || isQualifier(input, j))) j++;
      const text = input.slice(i, j).toLowerCase();
      if (input.charCodeAt(j) === 39 && (STRING_PREFIXES.has(text) || text.charCodeAt(0) === 95)) {
        i = readString(i, j + 1, "'");
      } else {
        push('word', i, j, text);
        i = j;
      }
    } else if (c === 96) {
      let close = input.indexOf('`', i + 1);
      // `db`.`table`: one qualified name.
      while (close >= 0 && input.charCodeAt(close + 1) === 46 && input.charCodeAt(close + 2) === 96) {
        close = input.indexOf('`', close + 3);
      }
      const end = close < 0 ? n : close;
      push('word', i, close < 0 ? n : close + 1, input.slice(i + 1, end).toLowerCase(), '`', close >= 0);
      i = close < 0 ? n : close + 1;
    } else if (c === 64 && (next === 62 || next === 63)) {
      // PostgreSQL JSON containment and path operators: `@>`, `@?`.
      push('operator', i, i + 2, input.slice(i, i + 2));
      i += 2;
    } else if (c === 64) {
      let j = next === 64 ? i + 2 : i + 1;
      if (input.charCodeAt(j) === 39 || input.charCodeAt(j) === 34 || input.charCodeAt(j) === 96) {
        const close = input.indexOf(input[j]!, j + 1);
        j = close < 0 ? n : close + 1;
      } else {
        while (j < n && (isWord(input.charCodeAt(j)) || input.charCodeAt(j) === 46)) j++;
      }
      push(j > i + 1 ? 'variable' : 'other', i, j, input.slice(i, j).toLowerCase());
      i = j;
    } else if (c === 35 && next === 62) {
      // PostgreSQL JSON path operators `#>`, `#>>` (MySQL would read a comment; they are rare in either).
      const len = input.charCodeAt(i + 2) === 62 ? 3 : 2;
      push('operator', i, i + len, input.slice(i, i + len));
      i += len;
    } else if (c === 63 && isJsonKeyOperator(input, i)) {
      const len = next === 124 || next === 38 ? 2 : 1;
      push('operator', i, i + len, input.slice(i, i + len));
      i += len;
    } else if (
      (c === 45 && next === 45 && !(isDigit(input.charCodeAt(i + 2)) && minusMinus(input, i, hidden()))) ||
      c === 35
    ) {
      const eol = input.indexOf('\n', i);
      const end = eol < 0 ? n : eol;
      push('comment', i, end, input.slice(i, end));
      i = end;
    } else if (c === 47 && next === 42) {
      if (input.charCodeAt(i + 2) === 33) {
        // MySQL executes the content of /*! ... */ (optionally versioned): lex it as code.
        versioned++;
        i += 3;
        while (i < n && isDigit(input.charCodeAt(i))) i++;
      } else {
        const close = nestedComments ? nestedCommentClose(input, i) : input.indexOf('*/', i + 2);
        const end = close < 0 ? n : close + 2;
        push('comment', i, end, input.slice(i, end), '', close >= 0);
        i = end;
      }
    } else if (c === 42 && next === 47 && versioned > 0) {
      versioned--;
      i += 2;
    } else if (c === 36 && next === 36) {
      const close = input.indexOf('$$', i + 2);
      const end = close < 0 ? n : close + 2;
      push('string', i, end, input.slice(i + 2, close < 0 ? n : close), '$', close >= 0);
      i = end;
    } else if (c === 91 && isBracketIdentifier(input, i) && tokens[tokens.length - 1]?.text !== 'array') {
      const close = input.indexOf(']', i);
      push('word', i, close + 1, input.slice(i + 1, close).toLowerCase(), '[');
      i = close + 1;
    } else if (c === 92 && next === 78 && !isWord(input.charCodeAt(i + 2))) {
      // MySQL's `\N` is NULL.
      push('number', i, i + 2, '\\N');
      i += 2;
    } else if (SINGLE[ch] !== undefined) {
      push(SINGLE[ch], i, i + 1, ch);
      i++;
    } else if (c === 37 && isHexDigit(next) && isHexDigit(input.charCodeAt(i + 2))) {
      // `%7C`: a percent-escape in a value as received, not a modulo.
      push('other', i, i + 3, input.slice(i, i + 3));
      i += 3;
    } else if (OPERATOR_CHARS.includes(ch)) {
      const len = operatorLength(input, i);
      push('operator', i, i + len, len === 1 ? ch : input.slice(i, i + len));
      i += len;
    } else {
      push('other', i, i + 1, ch);
      i++;
    }
  }
  return tokens;
}

/** Whether a block comment opens inside another before it closes: PostgreSQL and MySQL read it apart. */
export function hasNestedComment(input: string): boolean {
  const open = input.indexOf('/*');
  if (open < 0) return false;
  const inner = input.indexOf('/*', open + 2);
  return inner >= 0 && inner < input.indexOf('*/', open + 2);
}

/**
 * Where the block comment opened at `i` closes when comments nest: at the `*\/` that brings the depth back
 * to zero, or, when the value never gets there, at the first one (the only reading left).
 */
function nestedCommentClose(input: string, i: number): number {
  let depth = 1;
  let at = i + 2;
  for (;;) {
    const close = input.indexOf('*/', at);
    if (close < 0) return -1;
    const open = input.indexOf('/*', at);
    if (open >= 0 && open < close) {
      depth++;
      at = open + 2;
    } else {
      if (--depth === 0) return close;
      at = close + 2;
    }
    if (at >= input.length) return input.indexOf('*/', i + 2);
  }
}

/**
 * Whether the `--` at `i`, before a digit, is two minus signs: to MySQL, which needs white space after `--`
 * for a comment. To MSSQL it is a comment, the reading kept when the line names `sp_password` (which MSSQL
 * leaves out of its logs); `last` is where the value last names it.
 */
function minusMinus(input: string, i: number, last: number): boolean {
  if (last < i) return true;
  const eol = input.indexOf('\n', i);
  return eol >= 0 && eol < last && input.indexOf('sp_password', i) > eol;
}

/**
 * PostgreSQL's JSON key operators: `?|` and `?&` always; a lone `?` only before a quoted key (`'{..}' ? 'a'`),
 * since elsewhere it is a question mark or a placeholder.
 */
function isJsonKeyOperator(input: string, i: number): boolean {
  const next = input.charCodeAt(i + 1);
  if (next === 124 || next === 38) return true;
  let j = i + 1;
  while (isSpace(input.charCodeAt(j))) j++;
  return j > i + 1 && input.charCodeAt(j) === 39;
}

/** Length of the operator at `i`: the longest of the known three-, two- and one-character operators. */
function operatorLength(input: string, i: number): number {
  const second = input[i + 1];
  if (second === '@' && input[i] === '<') return 2; // PostgreSQL `<@`
  if (second === undefined || !OPERATOR_CHARS.includes(second)) return 1;
  if (OPERATORS_3.has(input.slice(i, i + 3))) return 3;
  return OPERATORS_2.has(input.slice(i, i + 2)) ? 2 : 1;
}

/** `a.b`, `a..b` (MSSQL default schema) and `a.*` continue a qualified name. */
function isQualifier(input: string, j: number): boolean {
  if (input.charCodeAt(j) !== 46) return false;
  const after = input.charCodeAt(j + 1);
  return isWordStart(after) || after === 46 || after === 42 || after === 96;
}

/** `[name]` is an MSSQL quoted identifier; `[` elsewhere (JSON, arrays) is just punctuation. */
function isBracketIdentifier(input: string, i: number): boolean {
  const limit = Math.min(input.length, i + 130);
  if (!isWordStart(input.charCodeAt(i + 1))) return false;
  for (let j = i + 2; j < limit; j++) {
    const c = input.charCodeAt(j);
    if (c === 93) return true;
    if (!isWord(c) && c !== 32) return false;
  }
  return false;
}

type Push = (kind: SqlTokenKind, start: number, end: number, text: string) => void;

/** Numbers: 0x.., 0b.., decimals with exponent; digits running into letters form an identifier (`2nd`). */
function readNumberOrWord(input: string, i: number, push: Push): number {
  const n = input.length;
  let j = i;
  const lower = input.charCodeAt(i + 1) | 32;
  if (input.charCodeAt(i) === 48 && (lower === 120 || lower === 98)) {
    const hex = lower === 120;
    j = i + 2;
    while (j < n && (hex ? isHexDigit(input.charCodeAt(j)) : (input.charCodeAt(j) | 1) === 49)) j++;
    if (j > i + 2 && !isWord(input.charCodeAt(j))) {
      push('number', i, j, input.slice(i, j).toLowerCase());
      return j;
    }
    j = i;
  }
  while (j < n && isDigit(input.charCodeAt(j))) j++;
  let decimal = false;
  if (input.charCodeAt(j) === 46 && isDigit(input.charCodeAt(j + 1))) {
    decimal = true;
    j++;
    while (j < n && isDigit(input.charCodeAt(j))) j++;
  } else if (input.charCodeAt(j) === 46 && !isWord(input.charCodeAt(j + 1))) {
    j++; // `1.` is a number in SQL
    decimal = true;
  } else if (input.charCodeAt(j) === 46 && (input.charCodeAt(j + 1) | 32) === 101) {
    // `1.e3`, and MySQL's `1.e` before a non-word (`1.e(`, `1.e.tables`): a float.
    const after = input.charCodeAt(j + 2);
    const signed = (after === 43 || after === 45) && isDigit(input.charCodeAt(j + 3));
    if (!isWord(after) || isDigit(after) || signed) {
      j++;
      decimal = true;
      if (!isWord(after) && !signed) {
        j++;
        // Before `(`, `)`, `,` or `.` MySQL reads the bare `1.e` as nothing at all (`1.e(ascii 1.e(…`,
        // `1.e.tables`): a spacer that hides the keywords around it from filters.
        if (after === 40 || after === 41 || after === 44 || after === 46) return j;
      }
    }
  }
  if ((input.charCodeAt(j) | 32) === 101) {
    let k = j + 1;
    if (input.charCodeAt(k) === 43 || input.charCodeAt(k) === 45) k++;
    if (isDigit(input.charCodeAt(k))) {
      decimal = true;
      j = k;
      while (j < n && isDigit(input.charCodeAt(j))) j++;
    }
  }
  if (!decimal && isWord(input.charCodeAt(j))) {
    let k = j;
    while (k < n && isWord(input.charCodeAt(k))) k++;
    // `1union`, `5and`: MySQL reads a number and a keyword; `2nd`, `10px` stay one word.
    const word = input.slice(j, k).toLowerCase();
    // `1fUNION`, `1dUNION`: MySQL reads a float or double literal suffix, then the keyword.
    if ((word === 'funion' || word === 'dunion') && k === j + 6) {
      push('number', i, j + 1, input.slice(i, j + 1));
      return j + 1;
    }
    if (!SPLIT_KEYWORDS.has(word)) {
      push('word', i, k, input.slice(i, k).toLowerCase());
      return k;
    }
  }
  push('number', i, j, input.slice(i, j));
  return j;
}

function isHexDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 102);
}
