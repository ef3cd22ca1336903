import type { EventStore } from '../../store/event-store.js';
import { type CapacityFlag, type CapacityOptions, capacityFlag } from './capacity-flag.js';
import {
  type ForecastOptions,
  forecastTraffic,
  resolveForecastOptions,
  type TrafficForecast,
} from './forecast-traffic.js';

/** How to forecast one site from the event store. */
export interface SiteForecastOptions extends ForecastOptions {
  /** History read, milliseconds; at most 10,000 buckets. Default 14 days (Holt-Winters needs 2 seasons). */
  readonly historyMs: number;
  /** When set, the forecast is held against this measured capacity (see `capacityFlag`). Default none. */
  readonly capacity?: Partial<CapacityOptions> & Pick<CapacityOptions, 'capacityRps'>;
}

/** Default history of a site forecast. */
export const SITE_FORECAST_DEFAULTS = { historyMs: 14 * 86_400_000 } as const;

/** A site's forecast, and its capacity flag when a capacity was given. */
export interface SiteForecast {
  readonly site: string;
  readonly forecast: TrafficForecast;
  readonly capacity?: CapacityFlag;
}

/**
 * Reads a site's request counts per bucket up to the last whole bucket before `now`, and forecasts them.
 * @example await forecastSiteTraffic(events, 'shop', Date.now(), { capacity: { capacityRps: 1500 } })
 */
export async function forecastSiteTraffic(
  store: Pick<EventStore, 'stats'>,
  site: string,
  now: number,
  options: Partial<SiteForecastOptions> = {},
): Promise<SiteForecast> {
  const o = resolveForecastOptions(options);
  const historyMs = options.historyMs ?? SITE_FORECAST_DEFAULTS.historyMs;
  if (!(historyMs >= o.bucketMs) || historyMs / o.bucketMs > 10_000)
    throw new RangeError('forecast: historyMs must hold from 1 to 10000 buckets');
  const to = Math.floor(now / o.bucketMs) * o.bucketMs;
  const stats = await store.stats({ site, from: to - historyMs, to, bucketMs: o.bucketMs, top: 1 });
  const forecast = forecastTraffic(stats.buckets, o);
  if (options.capacity === undefined) return { site, forecast };
  return { site, forecast, capacity: capacityFlag(forecast, options.capacity) };
}
