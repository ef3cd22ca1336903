import { describe, expect, it } from 'vitest';
import { formatSpan } from './format-span.js';

describe('formatSpan', () => {
  it.each([
    [45_000, '45 s'],
    [60_000, '1 min'],
    [90_000, '90 s'],
    [600_000, '10 min'],
    [3_600_000, '1 h'],
    [86_400_000, '24 h'],
    [604_800_000, '7 d'],
    [5_000_000, '83 min'],
    [100_000_000, '28 h'],
    [null, 'ever'],
  ])('%s ms is %s', (ms, text) => {
    expect(formatSpan(ms)).toBe(text);
  });
});
