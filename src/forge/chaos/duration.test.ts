import { describe, expect, it } from 'vitest';
import { durationField, formatDuration, parseDuration } from './duration.js';

describe('parseDuration', () => {
  it.each([
    ['250ms', 250],
    ['1.5s', 1500],
    ['2m', 120_000],
    ['1h', 3_600_000],
    [' 40 ', 40],
    [75, 75],
  ] as const)('%s is %d ms', (input, ms) => {
    expect(parseDuration(input)).toBe(ms);
  });

  it.each(['', 'fast', '-1s', '5d', '1.s'])('refuses %j', (input) => {
    expect(parseDuration(input)).toBeUndefined();
  });

  it('refuses a negative or infinite number', () => {
    expect(parseDuration(-1)).toBeUndefined();
    expect(parseDuration(Number.POSITIVE_INFINITY)).toBeUndefined();
  });
});

describe('durationField', () => {
  const field = durationField({ min: 100, max: 60_000 });

  it('parses to milliseconds within its bounds', () => {
    expect(field.parse('2s')).toBe(2000);
  });

  it('names the bounds when a value is outside them', () => {
    const result = field.safeParse('2m');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('must be between 100ms and 1m; got 2m');
  });

  it('says what a duration looks like when the text is not one', () => {
    expect(field.safeParse('soon').error?.issues[0]?.message).toMatch(/such as 250ms, 5s or 2m/);
  });
});

describe('formatDuration', () => {
  it('picks the unit people read best', () => {
    expect([formatDuration(20), formatDuration(1500), formatDuration(90_000)]).toEqual([
      '20ms',
      '1.5s',
      '1.5m',
    ]);
  });
});
