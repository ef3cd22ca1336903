import { describe, expect, it } from 'vitest';
import { sameSha256Hex, sha256Hex } from './digest.js';

const ABC = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';

describe('sha256Hex', () => {
  it('matches the FIPS 180-2 vector for "abc"', () => {
    expect(sha256Hex('abc')).toBe(ABC);
  });
});

describe('sameSha256Hex', () => {
  it('is true for equal digests only', () => {
    expect(sameSha256Hex(ABC, sha256Hex('abc'))).toBe(true);
    expect(sameSha256Hex(ABC, sha256Hex('abd'))).toBe(false);
  });

  it.each([
    ['uppercase', ABC.toUpperCase()],
    ['short', ABC.slice(2)],
    ['non-hex', `${ABC.slice(1)}z`],
    ['empty', ''],
  ])('is false for a %s digest', (_, other) => {
    expect(sameSha256Hex(ABC, other)).toBe(false);
    expect(sameSha256Hex(other, ABC)).toBe(false);
  });
});
