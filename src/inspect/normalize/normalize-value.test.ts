import { describe, expect, it } from 'vitest';
import type { Inspectable } from '../inspectable.js';
import { NORMALIZE_CASES } from './cases.js';
import { normalizeValue } from './normalize-value.js';

const query = (value: string): Inspectable => ({ location: 'query.q', kind: 'query-value', value });

// A small deterministic generator, so a failure is reproducible from its seed.
function randomValue(seed: number): string {
  const alphabet = [
    '%',
    '2',
    '5',
    'u',
    'D',
    '8',
    '&',
    '#',
    'x',
    ';',
    '\\',
    '+',
    '=',
    'A',
    'é',
    '\0',
    ' ',
    '＜',
  ];
  let state = seed;
  let out = '';
  for (let i = 0; i < 40; i++) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    out += alphabet[state % alphabet.length];
  }
  return out;
}

describe('normalizeValue', () => {
  it.each(NORMALIZE_CASES.map((c) => [JSON.stringify(c.item.value).slice(0, 60), c] as const))(
    '%s',
    (_, c) => {
      expect(normalizeValue(c.item)).toEqual(c.variants);
    },
  );

  it('returns the value as received first, then only distinct spellings that name their transforms', () => {
    for (let seed = 1; seed <= 2000; seed++) {
      const value = randomValue(seed);
      const variants = normalizeValue(query(value));
      expect(variants[0]).toEqual({ value, transforms: [] });
      expect(new Set(variants.map((v) => v.value)).size).toBe(variants.length);
      for (const variant of variants.slice(1)) expect(variant.transforms.length).toBeGreaterThan(0);
    }
  });

  it('keeps a long value whole as received but normalizes only its first 64 KiB', () => {
    const value = `${'%41'.repeat(30_000)}tail`;
    const [received, decoded] = normalizeValue(query(value));
    expect(received!.value === value).toBe(true);
    // 64 KiB is 21,845 whole `%41`s and a lone `%`, which stays as it is.
    expect(decoded!.value === `${'A'.repeat(21_845)}%`).toBe(true);
  });
});
