import { type BucketSeries, bucketSeries, type CountBucket } from './bucket-series.js';
import { fitHoltWinters } from './fit-holt-winters.js';
import { MIN_SEASONS } from './holt-winters.js';
import { fitSimpleExponentialSmoothing, simpleExponentialSmoothing } from './simple-exponential-smoothing.js';
import type { SmoothingModel, SmoothingParameters } from './smoothing-model.js';

/** How to forecast. */
export interface ForecastOptions {
  /** Width of a bucket, milliseconds. Default 300,000 (5 minutes). */
  readonly bucketMs: number;
  /** Buckets in a season. Default one day's worth (288 at 5 minutes). */
  readonly period: number;
  /** Buckets to forecast. Default one season. At most 10,000. */
  readonly horizon: number;
  /** Half-width of the band in standard deviations of the forecast error. Default 1.96 (95%). */
  readonly z: number;
  /** Smoothing weights to keep as given (each 0..1); the others are fitted. Default none. */
  readonly parameters: Partial<SmoothingParameters>;
}

/** Defaults of the forecast options; `period` and `horizon` default from `bucketMs` (one day). */
export const FORECAST_DEFAULTS: Pick<ForecastOptions, 'bucketMs' | 'z' | 'parameters'> = {
  bucketMs: 300_000,
  z: 1.96,
  parameters: {},
};

/** One forecast bucket: the expected count and the band around it, never below 0. */
export interface TrafficPoint {
  /** Bucket start, epoch milliseconds. */
  readonly time: number;
  readonly value: number;
  readonly lower: number;
  readonly upper: number;
}

/** A traffic forecast. */
export interface TrafficForecast {
  /** `holt-winters` with two seasons of history or more, `simple` with less, `none` without any. */
  readonly method: 'holt-winters' | 'simple' | 'none';
  readonly bucketMs: number;
  readonly period: number;
  /** Buckets of history the forecast rests on. */
  readonly history: number;
  readonly parameters: SmoothingParameters;
  /** Root mean square of the one-step errors in sample, requests per bucket. */
  readonly rmse: number;
  readonly points: readonly TrafficPoint[];
}

/** The options with their defaults, refused (RangeError) when out of bounds. */
export function resolveForecastOptions(options: Partial<ForecastOptions> = {}): ForecastOptions {
  const bucketMs = options.bucketMs ?? FORECAST_DEFAULTS.bucketMs;
  if (!(bucketMs >= 1000) || !Number.isFinite(bucketMs))
    throw new RangeError('forecast: bucketMs must be at least 1000');
  const period = options.period ?? Math.max(2, Math.round(86_400_000 / bucketMs));
  const horizon = options.horizon ?? period;
  const z = options.z ?? FORECAST_DEFAULTS.z;
  const parameters = options.parameters ?? FORECAST_DEFAULTS.parameters;
  if (!Number.isInteger(period) || period < 2 || period > 100_000)
    throw new RangeError('forecast: period must be a whole number from 2 to 100000');
  if (!Number.isInteger(horizon) || horizon < 1 || horizon > 10_000)
    throw new RangeError('forecast: horizon must be a whole number from 1 to 10000');
  if (!(z >= 0) || !Number.isFinite(z)) throw new RangeError('forecast: z must be 0 or more');
  for (const [name, value] of Object.entries(parameters))
    if (value !== undefined && !(value >= 0 && value <= 1))
      throw new RangeError(`forecast: ${name} must be from 0 to 1`);
  return { bucketMs, period, horizon, z, parameters };
}

function model(series: BucketSeries, o: ForecastOptions): SmoothingModel {
  if (series.values.length >= MIN_SEASONS * o.period)
    return fitHoltWinters(series.values, o.period, o.parameters);
  const alpha = o.parameters.alpha;
  return alpha === undefined
    ? fitSimpleExponentialSmoothing(series.values)
    : simpleExponentialSmoothing(series.values, alpha);
}

/**
 * Forecasts request counts per bucket for the next `horizon` buckets after the last one given: additive
 * Holt-Winters once there are two seasons of history, simple exponential smoothing before. Pure. Give whole
 * buckets only: a bucket still filling reads as a drop in traffic.
 * @example forecastTraffic((await store.stats({ site, from, to, bucketMs: 300_000 })).buckets)
 */
export function forecastTraffic(
  buckets: readonly CountBucket[],
  options: Partial<ForecastOptions> = {},
): TrafficForecast {
  const o = resolveForecastOptions(options);
  const series = bucketSeries(buckets, o.bucketMs);
  const base = { bucketMs: o.bucketMs, period: o.period, history: series.values.length };
  if (series.values.length === 0)
    return { ...base, method: 'none', parameters: { alpha: 0, beta: 0, gamma: 0 }, rmse: 0, points: [] };
  const fitted = model(series, o);
  const last = series.start + (series.values.length - 1) * o.bucketMs;
  const points = Array.from({ length: o.horizon }, (_, i) => {
    const h = i + 1;
    const value = fitted.predict(h);
    const half = o.z * fitted.spread(h);
    return {
      time: last + h * o.bucketMs,
      value: Math.max(0, value),
      lower: Math.max(0, value - half),
      upper: Math.max(0, value + half),
    };
  });
  return { ...base, method: fitted.method, parameters: fitted.parameters, rmse: fitted.sigma, points };
}
