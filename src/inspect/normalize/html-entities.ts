import { type Transform, unchanged } from '../transform.js';
import { CodeUnitBuffer } from './code-unit-buffer.js';
import { hexDigitValue } from './hex-digit.js';
import { HTML_ENTITY_NAMES, LEGACY_ENTITY_NAMES } from './html-entity-names.js';

const HASH = 35;
const SEMICOLON = 59;
const REPLACEMENT = '\ufffd';
// Longer than any name in the table: stops the scan of `&aaaa…` early.
const MAX_NAME_LENGTH = 32;

const out = new CodeUnitBuffer();
// The text an entity at `at` stands for is left here, so the scan allocates nothing per `&`.
let decoded = '';

function isAlphanumeric(code: number): boolean {
  const lower = code | 0x20;
  return (code >= 48 && code <= 57) || (lower >= 97 && lower <= 122);
}

// Browsers accept any number of digits (`&#0000060`) and turn NUL, surrogates and out-of-range values into
// U+FFFD; the value is clamped while reading so a long digit run cannot overflow.
function numericEnd(s: string, at: number): number {
  let next = at + 2;
  const hex = (s.charCodeAt(next) | 0x20) === 120;
  if (hex) next++;
  const digitsStart = next;
  let value = 0;
  for (; next < s.length; next++) {
    const code = s.charCodeAt(next);
    const digit = hex ? hexDigitValue(code) : code >= 48 && code <= 57 ? code - 48 : -1;
    if (digit < 0) break;
    value = Math.min(value * (hex ? 16 : 10) + digit, 0x110000);
  }
  if (next === digitsStart) return -1;
  const invalid = value === 0 || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff);
  decoded = invalid ? REPLACEMENT : String.fromCodePoint(value);
  return s.charCodeAt(next) === SEMICOLON ? next + 1 : next;
}

function namedEnd(s: string, at: number): number {
  let next = at + 1;
  const limit = Math.min(s.length, at + 1 + MAX_NAME_LENGTH);
  while (next < limit && isAlphanumeric(s.charCodeAt(next))) next++;
  if (next === at + 1) return -1;
  if (s.charCodeAt(next) === SEMICOLON) {
    const text = HTML_ENTITY_NAMES.get(s.slice(at + 1, next));
    if (text !== undefined) {
      decoded = text;
      return next + 1;
    }
  }
  for (const name of LEGACY_ENTITY_NAMES) {
    if (s.startsWith(name, at + 1)) {
      decoded = HTML_ENTITY_NAMES.get(name)!;
      return at + 1 + name.length;
    }
  }
  return -1;
}

/**
 * Decodes HTML character references once, as a browser does: named ones from a short table, decimal and hex
 * ones, with or without the trailing `;`. Unknown or truncated references (`&foo;`, `&#x;`) stay as they are.
 * @example htmlEntities.apply('&lt;img src=x onerror&#x3d;alert(1)&gt').value // '<img src=x onerror=alert(1)>'
 */
export const htmlEntities: Transform = {
  name: 'html-entities',
  apply(input) {
    let at = input.indexOf('&');
    if (at === -1) return unchanged(input);
    out.clear();
    let literalStart = 0;
    while (at !== -1) {
      const end = input.charCodeAt(at + 1) === HASH ? numericEnd(input, at) : namedEnd(input, at);
      if (end === -1) {
        at = input.indexOf('&', at + 1);
        continue;
      }
      out.pushSlice(input, literalStart, at);
      out.pushSlice(decoded, 0, decoded.length);
      literalStart = end;
      at = input.indexOf('&', end);
    }
    if (literalStart === 0) return unchanged(input);
    out.pushSlice(input, literalStart, input.length);
    return { value: out.toString(), changed: true };
  },
};
