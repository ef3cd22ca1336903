/** One PHP token; strings carry their decoded value, variables their name without `$`. */
export interface PhpToken {
  readonly type: 'ident' | 'var' | 'string' | 'number' | 'punct' | 'backtick';
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** The tokens of a value read as PHP, and how many comments were skipped (comment stuffing is evasion). */
export interface PhpTokens {
  readonly tokens: readonly PhpToken[];
  readonly comments: number;
}

const MAX_TOKENS = 1024;
const IDENT = new Uint8Array(128);
for (let c = 0; c < 128; c++) IDENT[c] = /[A-Za-z0-9_]/.test(String.fromCharCode(c)) ? 1 : 0;

// PHP's integer and float spellings, as far as a token reaches (`0x1A`, `0b1`, `1_000`, `1e5`).
const NUMBER = /^(?:0[xX][\da-fA-F_]*|0[bB][01_]*|0[oO][0-7_]*|\d[\d_]*(?:[eE]\d*)?)$/;

function isIdent(c: number): boolean {
  return c >= 128 ? c !== 0xfeff : IDENT[c] === 1;
}

function isIdentStart(c: number): boolean {
  return isIdent(c) && !(c >= 48 && c <= 57);
}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

const ESCAPES: Readonly<Record<string, string>> = {
  n: '\n',
  t: '\t',
  r: '\r',
  v: '\v',
  f: '\f',
  e: '\x1b',
  '0': '\0',
};

// A quoted string's value, as PHP decodes it (`"\x73y\x73tem"` is `system`); undefined when it never
// closes, so an apostrophe in prose ("don't") does not swallow the rest of the value.
function readString(s: string, i: number, quote: number): { value: string; end: number } | undefined {
  let value = '';
  let j = i + 1;
  while (j < s.length && s.charCodeAt(j) !== quote) {
    const c = s[j]!;
    if (c !== '\\' || j + 1 >= s.length) {
      value += c;
      j++;
      continue;
    }
    const n = s[j + 1]!;
    if (quote === 39) {
      // Single quotes only escape the quote and the backslash.
      value += n === "'" || n === '\\' ? n : `\\${n}`;
      j += 2;
      continue;
    }
    const hex = n === 'x' ? /^[0-9A-Fa-f]{1,2}/.exec(s.slice(j + 2, j + 4)) : null;
    const oct = /^[0-7]{1,3}/.exec(s.slice(j + 1, j + 4));
    if (hex !== null) {
      value += String.fromCharCode(Number.parseInt(hex[0], 16));
      j += 2 + hex[0].length;
    } else if (oct !== null && n !== '0') {
      value += String.fromCharCode(Number.parseInt(oct[0], 8) & 0xff);
      j += 1 + oct[0].length;
    } else {
      value += ESCAPES[n] ?? n;
      j += 2;
    }
  }
  return j < s.length ? { value, end: j + 1 } : undefined;
}

// Skips a comment at `i` and returns where it ends, or -1 when there is none.
function commentEnd(s: string, i: number): number {
  const c = s.charCodeAt(i);
  const n = s.charCodeAt(i + 1);
  if (c === 47 && n === 42) {
    const close = s.indexOf('*/', i + 2);
    return close < 0 ? s.length : close + 2;
  }
  if ((c === 47 && n === 47) || (c === 35 && n !== 91)) {
    let j = i + 1;
    while (j < s.length && s.charCodeAt(j) !== 10 && s.charCodeAt(j) !== 13) j++;
    return j;
  }
  return -1;
}

/**
 * Reads a value as PHP code: identifiers (`\system` as `system`), variables, decoded strings, numbers,
 * `->`/`::` and single-char punctuation, skipping whitespace and comments. Linear; at most 1024 tokens.
 */
export function tokenizePhp(s: string): PhpTokens {
  const tokens: PhpToken[] = [];
  let comments = 0;
  let i = 0;
  // Once a quote of a kind never closes, later ones of that kind cannot either: stay linear.
  let openSingle = false;
  let openDouble = false;
  while (i < s.length && tokens.length < MAX_TOKENS) {
    const c = s.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    const skip = commentEnd(s, i);
    if (skip >= 0) {
      comments++;
      i = skip;
      continue;
    }
    let end = i + 1;
    const open = c === 39 ? openSingle : c === 34 ? openDouble : true;
    const read = open ? undefined : readString(s, i, c);
    if ((c === 39 || c === 34) && read === undefined) {
      if (c === 39) openSingle = true;
      else openDouble = true;
    }
    if (c === 92 && isIdentStart(s.charCodeAt(i + 1))) {
      end = i + 1;
      while (end < s.length && (isIdent(s.charCodeAt(end)) || s.charCodeAt(end) === 92)) end++;
      const name = s.slice(i + 1, end);
      tokens.push({ type: 'ident', text: name.slice(name.lastIndexOf('\\') + 1), start: i, end });
    } else if (isIdentStart(c)) {
      while (end < s.length && isIdent(s.charCodeAt(end))) end++;
      tokens.push({ type: 'ident', text: s.slice(i, end), start: i, end });
    } else if (c >= 48 && c <= 57) {
      while (end < s.length && isIdent(s.charCodeAt(end))) end++;
      const text = s.slice(i, end);
      // `%0Aconsole.log(`: a percent-encoded byte glued to a word is a word, not a number.
      tokens.push({ type: NUMBER.test(text) ? 'number' : 'ident', text, start: i, end });
    } else if (c === 36 && isIdentStart(s.charCodeAt(i + 1))) {
      end = i + 2;
      while (end < s.length && isIdent(s.charCodeAt(end))) end++;
      tokens.push({ type: 'var', text: s.slice(i + 1, end), start: i, end });
    } else if (read !== undefined) {
      end = read.end;
      tokens.push({ type: 'string', text: read.value, start: i, end });
    } else if (c === 96) {
      const close = s.indexOf('`', i + 1);
      end = close < 0 ? s.length : close + 1;
      tokens.push({ type: 'backtick', text: s.slice(i + 1, close < 0 ? s.length : close), start: i, end });
    } else {
      const pair = s.slice(i, i + 2);
      if (pair === '->' || pair === '::') end = i + 2;
      tokens.push({ type: 'punct', text: s.slice(i, end), start: i, end });
    }
    i = end;
  }
  return { tokens, comments };
}
