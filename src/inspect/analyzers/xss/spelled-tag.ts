import { isDigit, isLetter } from './char-class.js';

/**
 * Elements worth spelling out to get past a filter: the ones that run script, load or frame content, or
 * take over the page (forms, dialogs, base URLs).
 */
const TARGETS: ReadonlySet<string> = new Set([
  'script',
  'iframe',
  'frame',
  'object',
  'embed',
  'applet',
  'form',
  'style',
  'svg',
  'math',
  'meta',
  'base',
  'link',
  'vmlframe',
  'dialog',
  'isindex',
]);
const COLON = 58;
const MAX_LEAD = 6;
const MAX_PREFIX = 12;
const MAX_GAP = 2;
const MAX_LETTERS = 12;

// Junk a filter may skip between `<` and a name, or between the letters of a name: anything but a
// letter, a digit, a quote, `=`, the namespace colon or another angle bracket.
function isGap(c: number): boolean {
  if (Number.isNaN(c) || isLetter(c) || isDigit(c)) return false;
  return c !== 60 && c !== 62 && c !== 34 && c !== 39 && c !== 96 && c !== 61 && c !== COLON;
}

function skipGaps(s: string, from: number, end: number, max: number): number {
  let i = from;
  while (i < end && i - from < max && isGap(s.charCodeAt(i))) i++;
  return i;
}

// `x:` before the name: a namespace prefix. Returns the index after the colon and its gap, or -1 when
// there is none or when it is an ordinary one (`<x:script`): an empty prefix right against the name
// (`<:vmlframe`) or a gap around a prefix (`< x: script`) is a spelling; `A <: Object` is a Scala type
// bound.
function prefixEnd(s: string, at: number, from: number, end: number): number {
  let i = from;
  while (i < end && i - from < MAX_PREFIX && isLetter(s.charCodeAt(i))) i++;
  if (s.charCodeAt(i) !== COLON) return -1;
  const next = skipGaps(s, i + 1, end, MAX_LEAD);
  if (i === from) return from === at + 1 && next === i + 1 ? next : -1;
  return from > at + 1 || next > i + 1 ? next : -1;
}

// The longest dangerous name whose letters stand one by one with gaps between them (`f o r m`,
// `o.b.j.e.c.t data=…`, `s/c/r/i/p/t`).
function spreadName(s: string, from: number, end: number): string | undefined {
  let letters = '';
  let found: string | undefined;
  let i = from;
  while (i < end && letters.length < MAX_LETTERS && isLetter(s.charCodeAt(i))) {
    letters += s[i]!.toLowerCase();
    i++;
    if (isLetter(s.charCodeAt(i))) break;
    if (TARGETS.has(letters)) found = letters;
    const next = skipGaps(s, i, end, MAX_GAP + 1);
    if (next === i || next - i > MAX_GAP || !isLetter(s.charCodeAt(next))) break;
    i = next;
  }
  return found;
}

// The name after a prefix; '' when another colon follows, as in chat emoji (`<:link:1234>`).
function wordAt(s: string, from: number, end: number): string {
  let i = from;
  while (i < end && i - from <= MAX_LETTERS && isLetter(s.charCodeAt(i))) i++;
  const next = s.charCodeAt(i);
  return isLetter(next) || next === COLON ? '' : s.slice(from, i).toLowerCase();
}

/**
 * The dangerous element a `<` at `at` opens in a spelling no HTML parser reads but a careless filter or a
 * lenient one might: letters spread out (`<f o r m`, `$<d i a l o g`), or a name behind a spaced or empty
 * namespace prefix (`< x: script`, `<:vmlframe`). Undefined for ordinary tags (the tokenizer's business)
 * and for `a < b`, `<3`, `x <- y`.
 * @example spelledTagAt('<f o r m', 0, 8) // 'form'
 */
export function spelledTagAt(s: string, at: number, end: number): string | undefined {
  const lead = skipGaps(s, at + 1, end, MAX_LEAD);
  const prefixed = prefixEnd(s, at, lead, end);
  if (prefixed >= 0) {
    const word = wordAt(s, prefixed, end);
    if (TARGETS.has(word)) return word;
  }
  return spreadName(s, lead, end);
}
