import { describe, expect, it } from 'vitest';
import { forecastTraffic } from './forecast-traffic.js';
import { asBuckets, syntheticTraffic, type TrafficShape, truth } from './synthetic-traffic.testing.js';

const DAY = 86_400_000;
const START = Date.UTC(2025, 2, 1);

/** Mean absolute percentage error of the forecast against the noiseless truth, and how many noisy values the band holds. */
function score(shape: TrafficShape, seasons: number, bucketMs: number) {
  const n = shape.period * seasons;
  const all = syntheticTraffic(shape, n + shape.period);
  const forecast = forecastTraffic(asBuckets(all.slice(0, n), START, bucketMs), {
    bucketMs,
    period: shape.period,
  });
  let ape = 0;
  let inside = 0;
  forecast.points.forEach((point, i) => {
    const expected = truth(shape, n + i);
    ape += Math.abs(point.value - expected) / expected;
    const actual = all[n + i]!;
    if (actual >= point.lower && actual <= point.upper) inside++;
  });
  return { forecast, mape: ape / forecast.points.length, coverage: inside / forecast.points.length };
}

describe('forecastTraffic', () => {
  it('forecasts a day of half-hour buckets (sine, trend and noise) within a few percent', () => {
    const shape = { period: 48, base: 600, amplitude: 250, trend: 0.8, noise: 25, seed: 11 };
    const { forecast, mape, coverage } = score(shape, 6, DAY / 48);
    expect(forecast.method).toBe('holt-winters');
    expect(forecast.points).toHaveLength(48);
    expect(forecast.points[0]?.time).toBe(START + 6 * DAY);
    expect(forecast.points[47]?.time).toBe(START + 7 * DAY - DAY / 48);
    expect(mape).toBeLessThan(0.05);
    expect(coverage).toBeGreaterThanOrEqual(0.85);
    expect(forecast.rmse).toBeGreaterThan(15);
    expect(forecast.rmse).toBeLessThan(40);
  });

  it('forecasts a day of 5-minute buckets, the default, within a few percent', () => {
    const shape = { period: 288, base: 3000, amplitude: 1200, trend: 0.3, noise: 120, seed: 5 };
    const { forecast, mape, coverage } = score(shape, 3, 300_000);
    expect(forecast.method).toBe('holt-winters');
    expect(forecast.points).toHaveLength(288);
    expect(mape).toBeLessThan(0.05);
    expect(coverage).toBeGreaterThanOrEqual(0.85);
  });

  it('keeps the band around the value and never below 0', () => {
    const shape = { period: 24, base: 30, amplitude: 28, trend: 0, noise: 10, seed: 3 };
    const { forecast } = score(shape, 4, 3_600_000);
    for (const p of forecast.points) {
      expect(p.lower).toBeGreaterThanOrEqual(0);
      expect(p.lower).toBeLessThanOrEqual(p.value);
      expect(p.upper).toBeGreaterThanOrEqual(p.value);
    }
    // The band widens with the horizon.
    const width = (i: number) => forecast.points[i]!.upper - forecast.points[i]!.value;
    expect(width(23)).toBeGreaterThan(width(0));
  });

  it('falls back to simple exponential smoothing with less than two seasons', () => {
    const shape = { period: 48, base: 600, amplitude: 250, trend: 0, noise: 25, seed: 2 };
    const values = syntheticTraffic(shape, 71);
    const forecast = forecastTraffic(asBuckets(values, START, DAY / 48), {
      bucketMs: DAY / 48,
      period: 48,
      horizon: 6,
    });
    expect(forecast.method).toBe('simple');
    expect(forecast.history).toBe(71);
    expect(new Set(forecast.points.map((p) => p.value)).size).toBe(1);
    expect(forecast.points[0]!.value).toBeGreaterThan(Math.min(...values));
    expect(forecast.points[0]!.value).toBeLessThan(Math.max(...values));
    const withTwo = forecastTraffic(asBuckets(syntheticTraffic(shape, 96), START, DAY / 48), {
      bucketMs: DAY / 48,
      period: 48,
    });
    expect(withTwo.method).toBe('holt-winters');
  });

  it('gives no points without history', () => {
    expect(forecastTraffic([])).toMatchObject({ method: 'none', points: [], history: 0 });
    expect(forecastTraffic(asBuckets([0, 0, 0], START, 300_000)).method).toBe('none');
  });

  it('defaults to 5-minute buckets and a day-long season and horizon', () => {
    const forecast = forecastTraffic(asBuckets([5, 6, 7], START, 300_000));
    expect(forecast).toMatchObject({ bucketMs: 300_000, period: 288, method: 'simple' });
    expect(forecast.points).toHaveLength(288);
  });

  it('refuses options out of bounds', () => {
    expect(() => forecastTraffic([], { bucketMs: 10 })).toThrow(/bucketMs/);
    expect(() => forecastTraffic([], { period: 1 })).toThrow(/period/);
    expect(() => forecastTraffic([], { horizon: 20_000 })).toThrow(/horizon/);
    expect(() => forecastTraffic([], { z: -1 })).toThrow(/z/);
    expect(() => forecastTraffic([], { parameters: { alpha: 2 } })).toThrow(/alpha/);
  });
});
