export type { CountBucket } from './bucket-series.js';
export { CAPACITY_DEFAULTS, type CapacityFlag, type CapacityOptions, capacityFlag } from './capacity-flag.js';
export {
  forecastSiteTraffic,
  SITE_FORECAST_DEFAULTS,
  type SiteForecast,
  type SiteForecastOptions,
} from './forecast-site-traffic.js';
export {
  FORECAST_DEFAULTS,
  type ForecastOptions,
  forecastTraffic,
  type TrafficForecast,
  type TrafficPoint,
} from './forecast-traffic.js';
export type { SmoothingParameters } from './smoothing-model.js';
