import { type Transform, unchanged } from '../transform.js';
import { CodeUnitBuffer } from './code-unit-buffer.js';
import { hexDigitValue } from './hex-digit.js';

// `\u{…}` may carry leading zeros; past this many digits it is not worth reading.
const MAX_BRACED_DIGITS = 16;

const SINGLE: Readonly<Record<string, string>> = {
  n: '\n',
  r: '\r',
  t: '\t',
  b: '\b',
  f: '\f',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '/': '/',
  '`': '`',
};

const out = new CodeUnitBuffer();
// The text an escape at `at` stands for is left here, so the scan allocates nothing per backslash.
let decoded = '';

function hexValue(s: string, from: number, digits: number): number {
  let value = 0;
  for (let k = 0; k < digits; k++) {
    const digit = hexDigitValue(s.charCodeAt(from + k));
    if (digit < 0) return -1;
    value = value * 16 + digit;
  }
  return value;
}

function bracedEnd(s: string, at: number): number {
  let next = at + 3;
  let value = 0;
  const limit = Math.min(s.length, next + MAX_BRACED_DIGITS);
  for (; next < limit; next++) {
    const digit = hexDigitValue(s.charCodeAt(next));
    if (digit < 0) break;
    value = value * 16 + digit;
  }
  if (next === at + 3 || s.charCodeAt(next) !== 125 || value > 0x10ffff) return -1;
  decoded = String.fromCodePoint(value);
  return next + 1;
}

// Legacy octal: `\0`–`\377`, at most three digits and only when the value fits a byte, as in JS.
function octalEnd(s: string, at: number): number {
  const first = s.charCodeAt(at + 1) - 48;
  const maxDigits = first <= 3 ? 3 : 2;
  let value = 0;
  let next = at + 1;
  for (; next < at + 1 + maxDigits; next++) {
    const digit = s.charCodeAt(next) - 48;
    if (!(digit >= 0 && digit <= 7)) break;
    value = value * 8 + digit;
  }
  decoded = String.fromCharCode(value);
  return next;
}

function escapeEnd(s: string, at: number): number {
  const marker = s.charAt(at + 1);
  const single = SINGLE[marker];
  if (single !== undefined) {
    decoded = single;
    return at + 2;
  }
  if (marker >= '0' && marker <= '7') return octalEnd(s, at);
  if (marker !== 'x' && marker !== 'u') return -1;
  if (marker === 'u' && s.charCodeAt(at + 2) === 123) return bracedEnd(s, at);
  const digits = marker === 'x' ? 2 : 4;
  const value = hexValue(s, at + 2, digits);
  if (value < 0) return -1;
  decoded = String.fromCharCode(value);
  return at + 2 + digits;
}

/**
 * Decodes JavaScript string escapes: `\xNN`, `\uNNNN`, `\u{…}`, legacy octal `\NNN`, `\n`-style letters and
 * escaped quotes, slashes and backslashes. Unknown escapes (`\q`, a Windows path's `\U`) and malformed ones
 * (`\x4`) keep their backslash; lone surrogates stay as the code units a JS engine would produce.
 * @example jsEscapes.apply('\\x3cscript\\u003e').value // '<script>'
 */
export const jsEscapes: Transform = {
  name: 'js-escapes',
  apply(input) {
    let at = input.indexOf('\\');
    if (at === -1) return unchanged(input);
    out.clear();
    let literalStart = 0;
    while (at !== -1 && at < input.length - 1) {
      const end = escapeEnd(input, at);
      if (end === -1) {
        // Skip the escaped char too, so `\\` is never read as the start of a second escape.
        at = input.indexOf('\\', at + 2);
        continue;
      }
      out.pushSlice(input, literalStart, at);
      out.pushSlice(decoded, 0, decoded.length);
      literalStart = end;
      at = input.indexOf('\\', end);
    }
    if (literalStart === 0) return unchanged(input);
    out.pushSlice(input, literalStart, input.length);
    return { value: out.toString(), changed: true };
  },
};
