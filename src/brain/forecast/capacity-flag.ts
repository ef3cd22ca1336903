import type { TrafficForecast } from './forecast-traffic.js';

/** The capacity a forecast is held against. */
export interface CapacityOptions {
  /** Requests per second the site was measured to take (a load test, say). Required, above 0. */
  readonly capacityRps: number;
  /** Flag when the band's upper edge comes within this many percent of it (0..100). Default 20. */
  readonly withinPct: number;
}

/** Defaults of the capacity check (`capacityRps` has none). */
export const CAPACITY_DEFAULTS = { withinPct: 20 } as const;

/** Whether, and when, expected load comes near capacity. */
export interface CapacityFlag {
  /** True when the upper band reaches the threshold within the horizon. */
  readonly flagged: boolean;
  /** Start of the first bucket whose upper band reaches the threshold; null when none does. */
  readonly at: number | null;
  /** Start of the first bucket whose upper band reaches the capacity itself; null when none does. */
  readonly overAt: number | null;
  readonly capacityRps: number;
  /** `capacityRps × (1 − withinPct / 100)`. */
  readonly thresholdRps: number;
  /** Highest upper band over the horizon, requests per second, and the start of its bucket (null: no points). */
  readonly peakRps: number;
  readonly peakAt: number | null;
}

/**
 * Holds a forecast's upper band, as requests per second, against a measured capacity: flagged, with when,
 * as soon as it comes within `withinPct` percent of it. Pure.
 * @example capacityFlag(forecastTraffic(buckets), { capacityRps: 2000 }).at
 */
export function capacityFlag(
  forecast: TrafficForecast,
  options: Partial<CapacityOptions> & Pick<CapacityOptions, 'capacityRps'>,
): CapacityFlag {
  const { capacityRps, withinPct } = { ...CAPACITY_DEFAULTS, ...options };
  if (!(capacityRps > 0) || !Number.isFinite(capacityRps))
    throw new RangeError('forecast: capacityRps must be above 0');
  if (!(withinPct >= 0 && withinPct <= 100))
    throw new RangeError('forecast: withinPct must be from 0 to 100');
  const thresholdRps = capacityRps * (1 - withinPct / 100);
  const seconds = forecast.bucketMs / 1000;
  let at: number | null = null;
  let overAt: number | null = null;
  let peakRps = 0;
  let peakAt: number | null = null;
  for (const point of forecast.points) {
    const rps = point.upper / seconds;
    if (peakAt === null || rps > peakRps) {
      peakRps = rps;
      peakAt = point.time;
    }
    if (at === null && rps >= thresholdRps) at = point.time;
    if (overAt === null && rps >= capacityRps) overAt = point.time;
  }
  return { flagged: at !== null, at, overAt, capacityRps, thresholdRps, peakRps, peakAt };
}
