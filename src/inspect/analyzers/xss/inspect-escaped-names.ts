import { isIdentChar, isQuote, isSpace } from './char-class.js';
import { excerpt } from './excerpt.js';
import { GLOBAL_OBJECTS } from './js-sinks.js';
import type { ScanContext } from './scan-context.js';
import { XSS_RULES } from './xss-rules.js';

const BACKSLASH = 92;
const MAX_NAME = 64;
const MAX_ESCAPES = 64;
const MAX_MEMBER = 32;

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const lower = c | 0x20;
  return lower >= 97 && lower <= 102 ? lower - 87 : -1;
}

/** The code point of the `\xHH`, `\uHHHH` or `\u{H…}` escape at `at` and the index after it, or undefined. */
function escapeAt(s: string, at: number): [number, number] | undefined {
  if (s.charCodeAt(at) !== BACKSLASH) return undefined;
  const kind = s.charCodeAt(at + 1);
  if (kind !== 120 && kind !== 117) return undefined;
  const braced = kind === 117 && s.charCodeAt(at + 2) === 123;
  const from = at + (braced ? 3 : 2);
  const digits = braced ? 6 : kind === 120 ? 2 : 4;
  let code = 0;
  let i = from;
  for (; i < from + digits && hexValue(s.charCodeAt(i)) >= 0; i++)
    code = code * 16 + hexValue(s.charCodeAt(i));
  if (i === from || (!braced && i < from + digits)) return undefined;
  if (braced) {
    if (s.charCodeAt(i) !== 125) return undefined;
    i++;
  }
  return [code, i];
}

function report(ctx: ScanContext, text: string, from: number, to: number): void {
  if (!ctx.hits.wants(XSS_RULES.jsObfuscation, 0.9)) return;
  ctx.hits.add({
    rule: XSS_RULES.jsObfuscation,
    confidence: 0.9,
    evidence: excerpt(text, from, to),
    transforms: ctx.transforms,
  });
}

// An identifier written with escapes (`\u0076\u0061l\u0075e\u004F\u0066=`), then assigned or called:
// JavaScript accepts it, and only a writer hiding the name from a filter spells it so.
function escapedIdentifierAt(ctx: ScanContext, text: string, at: number): number {
  let start = at;
  while (start > 0 && at - start < MAX_NAME && isIdentChar(text.charCodeAt(start - 1))) start--;
  let i = start;
  let escapes = 0;
  let length = 0;
  while (i < text.length && length < MAX_NAME) {
    const c = text.charCodeAt(i);
    if (isIdentChar(c)) {
      i++;
      length++;
      continue;
    }
    const decoded = escapeAt(text, i);
    if (decoded === undefined || !isIdentChar(decoded[0])) break;
    escapes++;
    length++;
    i = decoded[1];
  }
  if (escapes === 0 || length < 3) return i;
  // Inside a string literal, an escaped letter is only a letter: the quote before it says so.
  if (isQuote(text.charCodeAt(start - 1))) return i;
  let next = i;
  // Through a member chain: `\u0064ocument.title=`.
  for (
    let hops = 0;
    hops < 4 && text.charCodeAt(next) === 46 && isIdentChar(text.charCodeAt(next + 1));
    hops++
  ) {
    next++;
    while (next < text.length && isIdentChar(text.charCodeAt(next))) next++;
  }
  while (next < text.length && isSpace(text.charCodeAt(next))) next++;
  const c = text.charCodeAt(next);
  if ((c === 61 && text.charCodeAt(next + 1) !== 61) || c === 40 || c === 96)
    report(ctx, text, start, next + 1);
  return i;
}

// A global's member picked by a string written in escapes (`self["\x24"]`, `top['\u0061lert']`): `quote`
// opens the string.
function escapedMemberAt(ctx: ScanContext, text: string, quote: number): void {
  let k = quote - 1;
  while (k >= 0 && isSpace(text.charCodeAt(k))) k--;
  if (text.charCodeAt(k) !== 91) return;
  k--;
  while (k >= 0 && isSpace(text.charCodeAt(k))) k--;
  const wordEnd = k + 1;
  let wordStart = wordEnd;
  while (wordStart > 0 && wordEnd - wordStart < 16 && isIdentChar(text.charCodeAt(wordStart - 1)))
    wordStart--;
  if (GLOBAL_OBJECTS.has(text.slice(wordStart, wordEnd))) report(ctx, text, wordStart, quote + 16);
}

/**
 * Names spelled in JavaScript escapes to get past a filter: an escaped identifier that is assigned or
 * called, and a global's member picked by an escaped string. Escapes inside ordinary strings (`"caf\u00e9"`)
 * pass.
 * @example inspectEscapedNames(ctx, '"in \\u0076\\u0061lueOf=') // xss/js-obfuscation 0.9
 */
export function inspectEscapedNames(ctx: ScanContext, text: string): void {
  let escapes = 0;
  for (let at = text.indexOf('\\'); at >= 0 && escapes < MAX_ESCAPES; at = text.indexOf('\\', at + 1)) {
    const decoded = escapeAt(text, at);
    if (decoded === undefined) continue;
    escapes++;
    let quote = at - 1;
    while (quote >= 0 && at - quote < MAX_MEMBER && !isQuote(text.charCodeAt(quote))) quote--;
    if (quote >= 0 && isQuote(text.charCodeAt(quote))) escapedMemberAt(ctx, text, quote);
    if (isIdentChar(decoded[0])) at = escapedIdentifierAt(ctx, text, at) - 1;
  }
}
