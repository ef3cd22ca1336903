import type { CodeUnitBuffer } from './code-unit-buffer.js';

// A sequence read from the bytes, packed as `codePoint * 8 + byteLength` so the hot loop allocates nothing;
// -1 when the bytes at this position are not a sequence.
function readSequence(bytes: ArrayLike<number>, at: number, end: number, allowOverlong: boolean): number {
  const lead = bytes[at]!;
  if (lead < 0x80) return lead * 8 + 1;
  let more: number;
  let codePoint: number;
  let min: number;
  if (lead >= 0xc0 && lead < 0xe0) [more, codePoint, min] = [1, lead & 0x1f, 0x80];
  else if (lead >= 0xe0 && lead < 0xf0) [more, codePoint, min] = [2, lead & 0x0f, 0x800];
  else if (lead >= 0xf0 && lead < 0xf5) [more, codePoint, min] = [3, lead & 0x07, 0x10000];
  else return -1;
  if (at + more >= end) return -1;
  for (let k = 1; k <= more; k++) {
    const byte = bytes[at + k]!;
    if ((byte & 0xc0) !== 0x80) return -1;
    codePoint = (codePoint << 6) | (byte & 0x3f);
  }
  if (codePoint < min && !allowOverlong) return -1;
  if (codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return -1;
  return codePoint * 8 + more + 1;
}

/**
 * Decodes bytes the way a lenient server does, appending to `out`: well-formed and overlong sequences become
 * their code point (overlong `C0 AF` is `/`, the old traversal bypass), any other byte becomes the Latin-1
 * char of the same value, so `%E9` from a Latin-1 form still reads `é`.
 */
export function decodeUtf8Lenient(bytes: ArrayLike<number>, length: number, out: CodeUnitBuffer): void {
  let at = 0;
  while (at < length) {
    const sequence = readSequence(bytes, at, length, true);
    if (sequence < 0) {
      out.push(bytes[at]!);
      at++;
    } else {
      out.pushCodePoint(sequence >>> 3);
      at += sequence & 7;
    }
  }
}

/** Decodes well-formed UTF-8 only, appending to `out`; false when a byte is not in a shortest-form sequence. */
export function decodeUtf8Strict(bytes: ArrayLike<number>, length: number, out: CodeUnitBuffer): boolean {
  let at = 0;
  while (at < length) {
    const sequence = readSequence(bytes, at, length, false);
    if (sequence < 0) return false;
    out.pushCodePoint(sequence >>> 3);
    at += sequence & 7;
  }
  return true;
}
