import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  consumeRecoveryCode,
  generateRecoveryCodes,
  hashRecoveryCode,
  RECOVERY_CODE_ALPHABET,
} from './recovery-codes.js';

describe('generateRecoveryCodes', () => {
  it('makes ten distinct codes of three groups of four by default', () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes)
      expect(code).toMatch(/^[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}$/);
  });

  it('carries at least 60 bits per code', () => {
    expect(new Set(RECOVERY_CODE_ALPHABET).size).toBe(32);
    expect(12 * Math.log2(RECOVERY_CODE_ALPHABET.length)).toBeGreaterThanOrEqual(60);
  });

  it('uses no lookalike letters', () => {
    expect(RECOVERY_CODE_ALPHABET).not.toMatch(/[ilou]/);
  });

  it('uses every symbol of the alphabet', () => {
    const seen = new Set(generateRecoveryCodes(100).join('').replace(/-/g, ''));
    expect(seen.size).toBe(32);
  });

  it('honours count and refuses nonsense', () => {
    expect(generateRecoveryCodes(3)).toHaveLength(3);
    expect(() => generateRecoveryCodes(0)).toThrow(RangeError);
    expect(() => generateRecoveryCodes(2.5)).toThrow(RangeError);
  });
});

describe('hashRecoveryCode', () => {
  const expected = createHash('sha256').update('abcdefghjkmn').digest('hex');

  it('is SHA-256 hex of the normalized code', () => {
    expect(hashRecoveryCode('abcd-efgh-jkmn')).toBe(expected);
  });

  it.each(['ABCD-EFGH-JKMN', 'abcd efgh jkmn', 'abcdefghjkmn', ' abcd-efgh-jkmn '])(
    'normalizes %j',
    (code) => {
      expect(hashRecoveryCode(code)).toBe(expected);
    },
  );

  it('reads o as 0 and i or l as 1', () => {
    expect(hashRecoveryCode('o1ab-cdef-ghjk')).toBe(hashRecoveryCode('01ab-cdef-ghjk'));
    expect(hashRecoveryCode('0Iab-cdef-ghjk')).toBe(hashRecoveryCode('01ab-cdef-ghjk'));
    expect(hashRecoveryCode('0lab-cdef-ghjk')).toBe(hashRecoveryCode('01ab-cdef-ghjk'));
  });
});

describe('consumeRecoveryCode', () => {
  const codes = generateRecoveryCodes(3);
  const hashes = codes.map(hashRecoveryCode);

  it('returns the other hashes when a code matches', () => {
    expect(consumeRecoveryCode(hashes, codes[1]!)).toEqual([hashes[0], hashes[2]]);
    expect(consumeRecoveryCode(hashes, codes[0]!.toUpperCase().replace(/-/g, ' '))).toEqual([
      hashes[1],
      hashes[2],
    ]);
  });

  it('leaves the given list alone', () => {
    consumeRecoveryCode(hashes, codes[0]!);
    expect(hashes).toHaveLength(3);
  });

  it('works once: the remaining list no longer holds the code', () => {
    const remaining = consumeRecoveryCode(hashes, codes[2]!)!;
    expect(consumeRecoveryCode(remaining, codes[2]!)).toBeUndefined();
  });

  it.each([
    ['an unknown code', 'zzzz-zzzz-zzzz'],
    ['an empty code', ''],
    ['a short code', 'abcd-efgh'],
    ['a code with a u', 'abcd-efgh-jkmu'],
    ['a very long string', 'a'.repeat(10_000)],
  ])('answers undefined for %s', (_, code) => {
    expect(consumeRecoveryCode(hashes, code)).toBeUndefined();
  });

  it('answers undefined when there are no codes left', () => {
    expect(consumeRecoveryCode([], codes[0]!)).toBeUndefined();
  });

  it('skips malformed stored hashes without throwing', () => {
    expect(consumeRecoveryCode(['nope', hashes[0]!], codes[0]!)).toEqual(['nope']);
  });
});
