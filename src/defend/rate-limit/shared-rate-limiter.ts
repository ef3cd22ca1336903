import type { RateCounterStore, RateTake } from '../../store/index.js';
import {
  createRateLimiter,
  type RateLimiter,
  type RateRefusal,
  type RateSubject,
  rateKeyOf,
  rateRuleApplies,
} from './create-rate-limiter.js';
import type { RateRule } from './rate-limit-types.js';

/** What a rate limiter says of a request: the first rule it went over, none, or that it cannot be counted. */
export type RateCheck = RateRefusal | undefined | 'store-down';

/** A rate limiter whose answer may take a round trip to shared counters. */
export interface RequestRateLimiter {
  check(subject: RateSubject, now: number): RateCheck | Promise<RateCheck>;
  /** Keys tracked in this process. */
  readonly size: number;
}

/** How the gateways of a cluster share their rate-limit counters; one object for the process's life. */
export interface SharedCounters {
  readonly store: RateCounterStore;
  /** Whether the store is connected now; while it is not, requests are counted here alone. */
  available(): boolean;
  /** Longest a request waits for the store before it is counted here alone. */
  readonly timeoutMs: number;
  /** Requests counted by the store, here alone (store away or late), and refused for want of it. */
  readonly stats: { shared: number; local: number; timeouts: number; refused: number };
}

const LATE = Symbol('late');

/**
 * Rate limits counted in the shared store, so that a limit holds across every gateway. While the store is
 * away (disconnected, failing, or slower than `timeoutMs`) each request is counted by this process's own
 * counters — each gateway then holds the limit alone — or, with fail mode `closed`, answered `store-down`.
 * A request no rule applies to never waits.
 * @example const limiter = createSharedRateLimiter(rules, 100_000, shared, 'open');
 */
export function createSharedRateLimiter(
  rules: readonly RateRule[],
  maxKeys: number,
  shared: SharedCounters,
  failMode: 'open' | 'closed',
): RequestRateLimiter {
  const local: RateLimiter = createRateLimiter(rules, maxKeys);
  const { stats } = shared;
  const alone = (subject: RateSubject, now: number): RateCheck => {
    if (failMode === 'closed') {
      stats.refused++;
      return 'store-down';
    }
    stats.local++;
    return local.check(subject, now);
  };
  return {
    get size() {
      return local.size;
    },
    check(subject, now) {
      let takes: RateTake[] | undefined;
      for (const rule of rules) {
        if (!rateRuleApplies(rule, subject)) continue;
        const take = { rule, key: rateKeyOf(rule, subject) };
        if (takes === undefined) takes = [take];
        else takes.push(take);
      }
      if (takes === undefined) return undefined;
      if (!shared.available()) return alone(subject, now);
      const counted = takes;
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<typeof LATE>((resolve) => {
        timer = setTimeout(resolve, shared.timeoutMs, LATE);
      });
      return Promise.race([shared.store.take(counted, now), late]).then(
        (counts): RateCheck => {
          clearTimeout(timer);
          if (counts === LATE) {
            stats.timeouts++;
            return alone(subject, now);
          }
          stats.shared++;
          const i = counts.findIndex((count) => !count.allowed);
          return i === -1 ? undefined : { rule: counted[i]!.rule as RateRule, outcome: counts[i]! };
        },
        (): RateCheck => {
          clearTimeout(timer);
          return alone(subject, now);
        },
      );
    },
  };
}
