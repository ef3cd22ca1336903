import { isLetter } from './char-class.js';

/** A URL scheme that runs script (or, for `data:`, may carry an active document). */
export interface SchemeMatch {
  /** `javascript`, `vbscript`, `livescript` or `data`, lower-cased. */
  readonly scheme: string;
  /** Index of the scheme's first letter. */
  readonly start: number;
  /** Index of the `:`. */
  readonly colon: number;
  /** True when control characters or spaces hide inside or before the scheme (`java\tscript:`, `\x01javascript:`). */
  readonly obfuscated: boolean;
}

const SCHEMES: ReadonlySet<string> = new Set(['javascript', 'vbscript', 'livescript', 'data']);
const COLON = 58;
const SPACE = 32;
const BACKTICK = 96;
const MAX_SCHEME = 24;
// Letters spread out by junk (`j&NewLine;&Tab;a&NewLine;&Tab;&Tab;v…`) are still read this far.
const MAX_SPREAD = 256;

// URL parsers strip tab and newlines anywhere and C0 controls and spaces around a URL: `java\tscript:` and
// `\x01javascript:` both run. U+FFFD stands for a NUL a decoder replaced; normalization folds tabs to spaces.
function isJunk(c: number): boolean {
  return c <= SPACE || c === 0x7f || c === 0xfffd;
}

/**
 * The script scheme a URL value starts at `from`, skipping leading spaces, control characters and IE's
 * backtick quotes as a browser does, and junk inside the scheme; `feed:` in front is read through.
 * @example schemeAt(' java\tscript:alert(1)', 0)?.scheme // 'javascript'
 */
export function schemeAt(s: string, from: number, limit = s.length): SchemeMatch | undefined {
  let i = from;
  let obfuscated = false;
  while (i < limit && (isJunk(s.charCodeAt(i)) || s.charCodeAt(i) === BACKTICK)) {
    if (s.charCodeAt(i) !== SPACE) obfuscated = true;
    i++;
  }
  const start = i;
  let letters = '';
  for (; i < limit && letters.length <= MAX_SCHEME && i - start < MAX_SPREAD; i++) {
    const c = s.charCodeAt(i);
    if (isLetter(c)) letters += s[i];
    else if (isJunk(c)) obfuscated = true;
    else break;
  }
  if (s.charCodeAt(i) !== COLON || i >= limit) return undefined;
  const scheme = letters.toLowerCase();
  if (scheme === 'feed') return schemeAt(s, i + 1, limit);
  return SCHEMES.has(scheme) ? { scheme, start, colon: i, obfuscated } : undefined;
}

/**
 * The script scheme that ends at the `:` at index `colon` in free text, when it is a whole word; single
 * spaces inside it are allowed (`java script:` is what a tab becomes once whitespace is folded).
 * @example schemeBefore('x=javascript:alert(1)', 12)?.start // 2
 */
export function schemeBefore(s: string, colon: number): SchemeMatch | undefined {
  let letters = '';
  let obfuscated = false;
  for (let i = colon - 1; i >= 0 && colon - i <= MAX_SCHEME; i--) {
    const c = s.charCodeAt(i);
    if (isLetter(c)) letters = s[i] + letters;
    else if (isJunk(c) && c !== SPACE) obfuscated = true;
    else if (c !== SPACE || (letters !== '' && !isLetter(s.charCodeAt(i - 1)))) break;
    if (letters.length >= 4 && SCHEMES.has(letters.toLowerCase()) && !isLetter(s.charCodeAt(i - 1))) {
      return { scheme: letters.toLowerCase(), start: i, colon, obfuscated };
    }
  }
  return undefined;
}

/** True when the last letter before a `:` can end a script scheme: a cheap pre-check for `schemeBefore`. */
export function mayEndScheme(s: string, colon: number): boolean {
  let i = colon - 1;
  while (i >= 0 && isJunk(s.charCodeAt(i))) i--;
  const c = s.charCodeAt(i) | 0x20;
  return c === 116 || c === 97; // t (javascript, vbscript, livescript) or a (data)
}
