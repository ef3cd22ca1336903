import { boundedSet } from '../rate-limit/bounded-map.js';
import type { Scenario, ScenarioEvent, ScenarioOverflow } from './scenario-types.js';

interface Bucket {
  level: number;
  at: number;
  /** Paths already counted, for `distinctPaths` scenarios (bounded by the capacity). */
  paths: Set<string> | undefined;
}

/** Scenarios over finished requests; `observe` returns the overflows a request caused. */
export interface ScenarioEngine {
  observe(event: ScenarioEvent, now: number): ScenarioOverflow[];
  readonly size: number;
}

/** `count` when the request counts, `drain` when it matches all but the statuses, else `skip`. */
function matches(scenario: Scenario, event: ScenarioEvent): 'count' | 'drain' | 'skip' {
  if (scenario.methods.length > 0 && !scenario.methods.includes(event.method)) return 'skip';
  if (scenario.paths.length > 0 && !scenario.paths.some((p) => event.path.startsWith(p))) return 'skip';
  if (scenario.analyzers.length > 0 && !scenario.analyzers.some((a) => event.analyzers.includes(a)))
    return 'skip';
  if (scenario.statuses.length > 0 && !scenario.statuses.includes(event.status))
    return (scenario.drainOnOther ?? 0) > 0 ? 'drain' : 'skip';
  return 'count';
}

// A client's record of offences outlives its bucket: repeat offenders are known for a day at least.
const MEMORY_MS = 86_400_000;

/**
 * Creates the scenario engine: a leaky bucket per scenario and client, bounded to `maxKeys` buckets per
 * scenario. An overflow empties the bucket and calls for a decision whose duration grows with each earlier
 * overflow of the same client (fail2ban's `bantime.increment`), capped at the scenario's `maxBanMs`.
 * @example createScenarioEngine([scan404], 100_000).observe({ path: '/x', status: 404, ... }, Date.now())
 */
export function createScenarioEngine(scenarios: readonly Scenario[], maxKeys: number): ScenarioEngine {
  const buckets = scenarios.map(() => new Map<string, Bucket>());
  const offences = scenarios.map(() => new Map<string, { count: number; at: number }>());
  return {
    get size() {
      return buckets.reduce((n, b) => n + b.size, 0);
    },
    observe(event, now) {
      const overflows: ScenarioOverflow[] = [];
      scenarios.forEach((scenario, i) => {
        const match = matches(scenario, event);
        if (match === 'skip') return;
        const key = scenario.key === 'ip' ? event.ip : event.prefix;
        const map = buckets[i]!;
        let bucket = map.get(key);
        if (match === 'drain') {
          if (bucket !== undefined) bucket.level = Math.max(0, bucket.level - scenario.drainOnOther!);
          return;
        }
        if (bucket === undefined) {
          bucket = { level: 0, at: now, paths: scenario.distinctPaths ? new Set() : undefined };
          boundedSet(map, key, bucket, maxKeys);
        } else {
          bucket.level = Math.max(0, bucket.level - (now - bucket.at) / scenario.leakMs);
          bucket.at = now;
          if (bucket.level === 0) bucket.paths?.clear();
        }
        if (bucket.paths !== undefined) {
          if (bucket.paths.has(event.path)) return;
          bucket.paths.add(event.path);
        }
        bucket.level += 1;
        if (bucket.level <= scenario.capacity) return;
        map.delete(key);
        const record = offences[i]!;
        const past = record.get(key);
        const count =
          past !== undefined && now - past.at < Math.max(MEMORY_MS, scenario.maxBanMs) ? past.count : 0;
        boundedSet(record, key, { count: count + 1, at: now }, maxKeys);
        const durationMs = Math.min(scenario.maxBanMs, scenario.banMs * scenario.growth ** count);
        const scope = key.includes('/') ? 'cidr' : 'ip';
        overflows.push({ scenario, value: key, scope, action: scenario.action, durationMs, offences: count });
      });
      return overflows;
    },
  };
}
