import { describe, expect, it } from 'vitest';
import { parseGoDuration } from './parse-go-duration.js';

describe('parseGoDuration', () => {
  const cases: [string, number | undefined][] = [
    ['3h59m50.1s', 14_390_100],
    ['59m', 3_540_000],
    ['-1m', -60_000],
    ['4h', 14_400_000],
    ['30s', 30_000],
    ['1.5h', 5_400_000],
    ['500ms', 500],
    ['1m30s', 90_000],
    ['2h3m4.5678s', 7_384_568],
    ['1500us', 2],
    ['1500µs', 2],
    ['+.5s', 500],
    ['0', 0],
    ['', undefined],
    ['-', undefined],
    ['1', undefined],
    ['1d', undefined],
    ['h', undefined],
    ['1h 2m', undefined],
    ['1.5.5s', undefined],
    ['9'.repeat(70), undefined],
    ['9999999999999999999h', undefined],
  ];
  it.each(cases)('%s → %s', (text, expected) => {
    expect(parseGoDuration(text)).toBe(expected);
  });
});
