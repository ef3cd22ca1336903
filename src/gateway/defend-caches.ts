import type { Config } from '../config/index.js';
import {
  createLadder,
  createRateLimiter,
  createScenarioEngine,
  type Ladder,
  type RateLimiter,
  type ScenarioEngine,
} from '../defend/index.js';
import { keepWhileSame } from './keep-while-same.js';

/** The rate limiter of a configuration, kept while `defend.rateLimits` stays the same. */
export function createRateLimiterCache(): (config: Config) => RateLimiter | undefined {
  return keepWhileSame(
    (config: Config) => [config.defend.rateLimits, config.defend.maxTrackedClients] as const,
    ([rules, max]) => (rules.length === 0 ? undefined : createRateLimiter(rules, max)),
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
