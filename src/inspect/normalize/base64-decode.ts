import { type Transform, unchanged } from '../transform.js';
import { CodeUnitBuffer } from './code-unit-buffer.js';
import { decodeUtf8Strict } from './utf8-decode.js';

// Shorter tokens are too often plain words or ids that happen to use the alphabet: from 4 to 15 chars a
// token counts only when it decodes to printable ASCII holding the syntax of an injection (`O2lk` is `;id`),
// line breaks included (`DQpRVUlUDQo` is a mail command on its own line).
const MIN_LENGTH = 16;
const MIN_SHORT_LENGTH = 4;
const SHORT_TEXT = /^[\x20-\x7e\r\n]+$/;
const SHORT_SYNTAX = /[;|&'"<>()`$\\{}\r\n]/;
const EQUALS = 61;

const out = new CodeUnitBuffer();
let bytes = new Uint8Array(256);

// Sextet of each base64 char, standard (`+/`) and URL-safe (`-_`) alike; -1 for anything else.
const SEXTETS = new Int8Array(128).fill(-1);
for (let i = 0; i < 26; i++) {
  SEXTETS[65 + i] = i;
  SEXTETS[97 + i] = 26 + i;
}
for (let i = 0; i < 10; i++) SEXTETS[48 + i] = 52 + i;
SEXTETS[43] = SEXTETS[45] = 62;
SEXTETS[47] = SEXTETS[95] = 63;

// Encoded text decodes to text: allow one control or C1 char in twenty, so a stray NUL does not hide it.
function isMostlyPrintable(text: string): boolean {
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const control = code < 0x20 ? code !== 9 && code !== 10 && code !== 13 : code >= 0x7f && code <= 0x9f;
    if (control) bad++;
  }
  return bad * 20 <= text.length;
}

// How many continuation bytes follow this byte in well-formed UTF-8; -1 when it cannot start a sequence.
function continuationsAfter(byte: number): number {
  if (byte < 0x80) return 0;
  if (byte >= 0xc2 && byte < 0xe0) return 1;
  if (byte >= 0xe0 && byte < 0xf0) return 2;
  return byte >= 0xf0 && byte < 0xf5 ? 3 : -1;
}

function decode(input: string): string | undefined {
  let end = input.length;
  while (end > input.length - 2 && input.charCodeAt(end - 1) === EQUALS) end--;
  if ((end < input.length && input.length % 4 !== 0) || end % 4 === 1) return undefined;
  if (bytes.length < (end * 3) >> 2) bytes = new Uint8Array((end * 3) >> 2);
  let count = 0;
  let bits = 0;
  let accumulator = 0;
  let standard = false;
  let urlSafe = false;
  let pending = 0;
  for (let i = 0; i < end; i++) {
    const code = input.charCodeAt(i);
    const sextet = code < 128 ? SEXTETS[code]! : -1;
    if (sextet < 0) return undefined;
    if (code === 43 || code === 47) standard = true;
    else if (code === 45 || code === 95) urlSafe = true;
    accumulator = ((accumulator << 6) | sextet) & 0xfff;
    bits += 6;
    if (bits < 8) continue;
    bits -= 8;
    const byte = (accumulator >> bits) & 0xff;
    // Most tokens that only look encoded fail here within a few bytes, before any string is built.
    pending = pending > 0 ? ((byte & 0xc0) === 0x80 ? pending - 1 : -1) : continuationsAfter(byte);
    if (pending < 0) return undefined;
    bytes[count++] = byte;
  }
  // Mixed alphabets, or leftover bits an encoder would have zeroed, mean this is not an encoding.
  if ((standard && urlSafe) || (accumulator & ((1 << bits) - 1)) !== 0) return undefined;
  out.clear();
  if (!decodeUtf8Strict(bytes, count, out)) return undefined;
  const text = out.toString();
  return isMostlyPrintable(text) ? text : undefined;
}

/**
 * Decodes a value that looks base64-encoded (standard or URL-safe): at least 16 chars of one alphabet (or
 * 4 to 15 that decode to ASCII with injection syntax in it), correct padding and canonical trailing bits, decoding to well-formed, mostly printable UTF-8. Anything
 * else, including binary payloads, is left unchanged.
 * @example base64Decode.apply('PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==').value // '<script>alert(1)</script>'
 */
export const base64Decode: Transform = {
  name: 'base64-decode',
  apply(input) {
    if (input.length < MIN_SHORT_LENGTH) return unchanged(input);
    const value = decode(input);
    if (value === undefined) return unchanged(input);
    if (input.length < MIN_LENGTH && !(SHORT_TEXT.test(value) && SHORT_SYNTAX.test(value)))
      return unchanged(input);
    return { value, changed: true };
  },
};
