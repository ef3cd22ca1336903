import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode } from './base32.js';

// RFC 4648 §10, padding removed.
const VECTORS: [string, string][] = [
  ['', ''],
  ['f', 'MY'],
  ['fo', 'MZXQ'],
  ['foo', 'MZXW6'],
  ['foob', 'MZXW6YQ'],
  ['fooba', 'MZXW6YTB'],
  ['foobar', 'MZXW6YTBOI'],
];

describe('base32', () => {
  it.each(VECTORS)('encodes %j as %j', (plain, encoded) => {
    expect(base32Encode(Buffer.from(plain))).toBe(encoded);
  });

  it.each(VECTORS)('decodes %j from %j', (plain, encoded) => {
    expect(base32Decode(encoded).toString()).toBe(plain);
  });

  it('decodes lowercase, spaces and RFC padding', () => {
    expect(base32Decode('mzxw 6ytb oi').toString()).toBe('foobar');
    expect(base32Decode('MZXW6YTBOI======').toString()).toBe('foobar');
  });

  it('round-trips every byte value', () => {
    const bytes = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    expect(base32Decode(base32Encode(bytes))).toEqual(bytes);
  });

  it.each([
    ['a digit outside the alphabet', 'MZXW0YTB'],
    ['a 1', 'MZXW1YTB'],
    ['punctuation', 'MZXW-YTB'],
    ['padding in the middle', 'MY=MZXQ'],
    ['a tab', 'MZXW\t6YTB'],
    ['an impossible length', 'MZX'],
  ])('refuses %s', (_, text) => {
    expect(() => base32Decode(text)).toThrow(/base32/);
  });
});
