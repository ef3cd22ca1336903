import { type Transform, unchanged } from '../transform.js';
import { CodeUnitBuffer } from './code-unit-buffer.js';
import { hexDigitValue } from './hex-digit.js';
import { decodeUtf8Lenient } from './utf8-decode.js';

// Three rounds reveal double and triple encoding; more would let one value cost unbounded work.
const MAX_ROUNDS = 3;
const PERCENT = 37;

const out = new CodeUnitBuffer();
let bytes = new Uint8Array(256);

function byteAt(s: string, at: number): number {
  if (s.charCodeAt(at) !== PERCENT) return -1;
  const high = hexDigitValue(s.charCodeAt(at + 1));
  const low = hexDigitValue(s.charCodeAt(at + 2));
  return high < 0 || low < 0 ? -1 : high * 16 + low;
}

// IIS-style `%uXXXX`: one UTF-16 code unit, so a `%uD83D%uDE00` pair still forms one character.
function codeUnitAt(s: string, at: number): number {
  if ((s.charCodeAt(at + 1) | 0x20) !== 117) return -1;
  let value = 0;
  for (let k = 2; k <= 5; k++) {
    const digit = hexDigitValue(s.charCodeAt(at + k));
    if (digit < 0) return -1;
    value = value * 16 + digit;
  }
  return value;
}

// Decodes one run of `%XX` starting at `at` as one UTF-8 byte sequence; returns where the run ends.
function decodeByteRun(s: string, at: number): number {
  if (bytes.length * 3 < s.length) bytes = new Uint8Array(Math.ceil(s.length / 3));
  let count = 0;
  let next = at;
  for (let byte = byteAt(s, next); byte >= 0; byte = byteAt(s, next)) {
    bytes[count++] = byte;
    next += 3;
  }
  decodeUtf8Lenient(bytes, count, out);
  return next;
}

function decodeOnce(s: string): string {
  let at = s.indexOf('%');
  let literalStart = 0;
  out.clear();
  while (at !== -1) {
    if (byteAt(s, at) >= 0) {
      out.pushSlice(s, literalStart, at);
      literalStart = decodeByteRun(s, at);
    } else {
      const unit = codeUnitAt(s, at);
      if (unit < 0) {
        at = s.indexOf('%', at + 1);
        continue;
      }
      out.pushSlice(s, literalStart, at);
      out.push(unit);
      literalStart = at + 6;
    }
    at = s.indexOf('%', literalStart);
  }
  if (literalStart === 0) return s;
  out.pushSlice(s, literalStart, s.length);
  return out.toString();
}

/**
 * Percent-decoding (`%XX` as UTF-8, `%uXXXX`), repeated up to three rounds to undo double encoding.
 * Malformed escapes (`%zz`, `%u00`) stay as they are; `+` is left alone (see `plus-space`).
 * @example urlDecode.apply('%253Cscript%253E').value // '<script>'
 */
export const urlDecode: Transform = {
  name: 'url-decode',
  apply(input) {
    let value = input;
    for (let round = 0; round < MAX_ROUNDS && value.includes('%'); round++) {
      const next = decodeOnce(value);
      if (next === value) break;
      value = next;
    }
    return value === input ? unchanged(input) : { value, changed: true };
  },
};
