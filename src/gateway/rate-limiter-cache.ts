import type { Config } from '../config/index.js';
import { createRateLimiter, type RateLimiter } from '../defend/index.js';

/**
 * The rate limiter of a configuration, reused while the rules stay the same: a reload that changes something
 * else keeps every client's counters instead of forgiving them all.
 */
export function createRateLimiterCache(): (config: Config) => RateLimiter | undefined {
  let rules = '';
  let limiter: RateLimiter | undefined;
  return (config) => {
    const { rateLimits, maxTrackedClients } = config.defend;
    if (rateLimits.length === 0) {
      rules = '';
      limiter = undefined;
      return undefined;
    }
    const next = JSON.stringify([rateLimits, maxTrackedClients]);
    if (next !== rules || limiter === undefined) {
      limiter = createRateLimiter(rateLimits, maxTrackedClients);
      rules = next;
    }
    return limiter;
  };
}
