import type { Config } from '../config/index.js';
import {
  createLadder,
  createRateLimiter,
  createScenarioEngine,
  createSharedRateLimiter,
  type Ladder,
  type RequestRateLimiter,
  type ScenarioEngine,
  type SharedCounters,
} from '../defend/index.js';
import { keepWhileSame } from './keep-while-same.js';

/**
 * The rate limiter of a configuration, kept while `defend.rateLimits` stays the same; counted in the shared
 * store when there is one (a cluster), by this process alone when not.
 */
export function createRateLimiterCache(
  shared?: SharedCounters,
): (config: Config) => RequestRateLimiter | undefined {
  return keepWhileSame(
    (config: Config) =>
      [config.defend.rateLimits, config.defend.maxTrackedClients, config.defend.failMode] as const,
    ([rules, max, failMode]) => {
      if (rules.length === 0) return undefined;
      return shared === undefined
        ? createRateLimiter(rules, max)
        : createSharedRateLimiter(rules, max, shared, failMode);
    },
  );
}

/** The scenario engine of a configuration, kept while `defend.scenarios` stays the same. */
export function createScenarioEngineCache(): (config: Config) => ScenarioEngine | undefined {
  return keepWhileSame(
    (config: Config) => [config.defend.scenarios, config.defend.maxTrackedClients] as const,
    ([scenarios, max]) => (scenarios.length === 0 ? undefined : createScenarioEngine(scenarios, max)),
  );
}

/** The response ladder of a configuration, kept while `defend.ladder` stays the same. */
export function createLadderCache(): (config: Config) => Ladder | undefined {
  return keepWhileSame(
    (config: Config) => [config.defend.ladder, config.defend.maxTrackedClients] as const,
    ([ladder, max]) => (ladder.enabled ? createLadder(ladder, max) : undefined),
  );
}
