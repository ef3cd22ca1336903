import { describe, expect, it } from 'vitest';
import { capacityFlag } from './capacity-flag.js';
import { forecastTraffic, type TrafficForecast } from './forecast-traffic.js';
import { asBuckets, syntheticTraffic } from './synthetic-traffic.testing.js';

/** A forecast of 60-second buckets with the given upper band (requests per bucket). */
const withUpper = (uppers: readonly number[]): TrafficForecast => ({
  method: 'holt-winters',
  bucketMs: 60_000,
  period: 24,
  history: 48,
  parameters: { alpha: 0.1, beta: 0, gamma: 0.1 },
  rmse: 1,
  points: uppers.map((upper, i) => ({
    time: 1000 + i * 60_000,
    value: upper * 0.8,
    lower: upper * 0.6,
    upper,
  })),
});

describe('capacityFlag', () => {
  it('flags the first bucket whose upper band comes within withinPct of capacity, and the one over it', () => {
    // 100 req/s capacity, flagged from 80 req/s (4,800 a minute); over from 6,000 a minute.
    const flag = capacityFlag(withUpper([3000, 4700, 4800, 5500, 6000, 5000]), { capacityRps: 100 });
    expect(flag).toEqual({
      flagged: true,
      at: 1000 + 2 * 60_000,
      overAt: 1000 + 4 * 60_000,
      capacityRps: 100,
      thresholdRps: 80,
      peakRps: 100,
      peakAt: 1000 + 4 * 60_000,
    });
  });

  it('does not flag a band that stays under the threshold', () => {
    const flag = capacityFlag(withUpper([3000, 4700, 4000]), { capacityRps: 100 });
    expect(flag).toMatchObject({ flagged: false, at: null, overAt: null, peakRps: 4700 / 60 });
    expect(capacityFlag(withUpper([4700]), { capacityRps: 100, withinPct: 25 }).flagged).toBe(true);
  });

  it('flags a seasonal forecast at its crest, not its trough', () => {
    const day = 86_400_000;
    const shape = { period: 24, base: 360_000, amplitude: 180_000, trend: 0, noise: 5_000, seed: 9 };
    const forecast = forecastTraffic(asBuckets(syntheticTraffic(shape, 24 * 5), 0, day / 24), {
      bucketMs: day / 24,
      period: 24,
    });
    // Hourly buckets: the crest is about 540,000 an hour, 150 req/s; the trough about 50 req/s.
    const flag = capacityFlag(forecast, { capacityRps: 170, withinPct: 20 });
    expect(flag.flagged).toBe(true);
    const hour = ((flag.at! - 5 * day) / (day / 24)) % 24;
    expect(hour).toBeGreaterThanOrEqual(3);
    expect(hour).toBeLessThanOrEqual(9);
    expect(capacityFlag(forecast, { capacityRps: 400 }).flagged).toBe(false);
  });

  it('refuses a capacity of 0 and a percentage out of 0..100', () => {
    expect(() => capacityFlag(withUpper([1]), { capacityRps: 0 })).toThrow(/capacityRps/);
    expect(() => capacityFlag(withUpper([1]), { capacityRps: 10, withinPct: 120 })).toThrow(/withinPct/);
  });
});
