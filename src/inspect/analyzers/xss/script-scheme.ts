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

// Character references for the characters URL parsers strip, as a filter that decodes them (in any case,
// as lenient decoders do) would read them: `ja&Tab;vascript:`, `v&newline;bscript:`, `java&#x0A;script:`.
const JUNK_REFERENCES: ReadonlySet<string> = new Set([
  'tab',
  'newline',
  '#9',
  '#09',
  '#10',
  '#13',
  '#0',
  '#x9',
  '#x09',
  '#xa',
  '#x0a',
  '#xd',
  '#x0d',
  '#x0',
]);
const AMPERSAND = 38;
const SEMICOLON = 59;
const MAX_REFERENCE = 9;

/** Index after the junk reference that starts at the `&` at `at`, or -1. */
function junkReferenceAt(s: string, at: number): number {
  if (s.charCodeAt(at) !== AMPERSAND) return -1;
  const semicolon = s.indexOf(';', at + 1);
  if (semicolon < 0 || semicolon - at > MAX_REFERENCE) return -1;
  return JUNK_REFERENCES.has(s.slice(at + 1, semicolon).toLowerCase()) ? semicolon + 1 : -1;
}

/** Index of the `&` of the junk reference that ends with the `;` at `at`, or -1. */
function junkReferenceBefore(s: string, at: number): number {
  if (s.charCodeAt(at) !== SEMICOLON) return -1;
  const amp = s.lastIndexOf('&', at - 1);
  if (amp < 0 || at - amp > MAX_REFERENCE) return -1;
  return junkReferenceAt(s, amp) === at + 1 ? amp : -1;
}

// Where a scheme may honestly be split by a space: `java script:` is a typo, `ja vascript:` is a tab that
// whitespace folding turned into a space.
const NATURAL_SPLITS: ReadonlySet<string> = new Set(['java script', 'vb script', 'live script']);

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
    else {
      const next = junkReferenceAt(s, i);
      if (next < 0 || letters === '') break;
      obfuscated = true;
      i = next - 1;
    }
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
  let spelled = '';
  let obfuscated = false;
  let references = 0;
  for (let i = colon - 1; i >= 0 && colon - i <= MAX_SCHEME + references; i--) {
    const c = s.charCodeAt(i);
    if (isLetter(c)) {
      letters = s[i] + letters;
      spelled = s[i] + spelled;
    } else if (isJunk(c) && c !== SPACE) obfuscated = true;
    else if (c === SPACE && (letters === '' || isLetter(s.charCodeAt(i - 1)))) spelled = ` ${spelled}`;
    else {
      const amp = junkReferenceBefore(s, i);
      if (amp < 0 || !isLetter(s.charCodeAt(amp - 1))) break;
      obfuscated = true;
      references += i - amp + 1;
      i = amp;
    }
    if (letters.length >= 4 && SCHEMES.has(letters.toLowerCase()) && !isLetter(s.charCodeAt(i - 1))) {
      const split = spelled.trim();
      if (split.includes(' ') && !NATURAL_SPLITS.has(split.toLowerCase())) obfuscated = true;
      return { scheme: letters.toLowerCase(), start: i, colon, obfuscated };
    }
  }
  return undefined;
}

/** True when the last letter before a `:` can end a script scheme: a cheap pre-check for `schemeBefore`. */
export function mayEndScheme(s: string, colon: number): boolean {
  let i = colon - 1;
  while (i >= 0 && isJunk(s.charCodeAt(i))) i--;
  if (s.charCodeAt(i) === SEMICOLON) {
    const amp = junkReferenceBefore(s, i);
    if (amp > 0) i = amp - 1;
  }
  const c = s.charCodeAt(i) | 0x20;
  return c === 116 || c === 97; // t (javascript, vbscript, livescript) or a (data)
}
