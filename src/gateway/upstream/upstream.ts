import type { Pool } from 'undici';
import type { UpstreamConfig } from '../../config/index.js';
import { Balancer } from './balancer.js';
import { Bulkhead } from './bulkhead.js';
import type { FallbackPage } from './fallback-page.js';
import { RetryPolicy } from './retry-policy.js';
import type { Target } from './target.js';

/** A target as one upstream reaches it: the target's shared state and the pool this upstream uses. */
export interface UpstreamTarget {
  readonly target: Target;
  readonly pool: Pool;
}

/** Counts of what resilience did, for metrics; one set per gateway, shared by its upstreams. */
export interface ResilienceCounters {
  /** Tries after the first. */
  retries: number;
  /** Requests refused at once by a bulkhead. */
  bulkheadRejections: number;
  /** Requests answered with an upstream's fallback page. */
  fallbacks: number;
  /** Requests no target could take (all held out), answered with the fallback page or 503. */
  unavailable: number;
}

/** An upstream compiled for forwarding: its targets, how one is picked, and what guards them. */
export interface Upstream {
  readonly origins: readonly string[];
  readonly connectTimeoutMs: number;
  readonly targets: readonly UpstreamTarget[];
  readonly bulkhead: Bulkhead;
  /** Retry-After of the 503 answered over the bulkhead's cap, as the header's value. */
  readonly busyRetryAfter: string;
  readonly retry: RetryPolicy;
  /** The page answered when no target can; read again at each compile, so it is set from outside. */
  fallback: FallbackPage | undefined;
  readonly counters: ResilienceCounters;
  /** The target of the next try, or undefined when none can take it; `avoid` just failed this request. */
  pick(now: number, avoid: UpstreamTarget | undefined, replayable: boolean): UpstreamTarget | undefined;
  /** Records an answer; a run of failures ejects the target while another one is ready. */
  answered(entry: UpstreamTarget, status: number, probe: boolean, now: number): void;
  /** Records a try that got no answer from the target. */
  failed(entry: UpstreamTarget, probe: boolean, now: number): void;
  /** Whole seconds until a held-out target may take requests again; at least 1. */
  retryAfterSeconds(now: number): number;
}

/** Compiles an upstream over targets already resolved (state and pool), without a fallback page yet. */
export function createUpstream(
  config: UpstreamConfig,
  targets: readonly UpstreamTarget[],
  counters: ResilienceCounters,
): Upstream {
  const states = targets.map((entry) => entry.target);
  const balancer = new Balancer(config.balance);
  const anotherReady = (entry: UpstreamTarget, now: number) =>
    targets.some((other) => other !== entry && other.target.ready(now));
  const ejectIfDue = (due: boolean, entry: UpstreamTarget, now: number) => {
    if (due && anotherReady(entry, now)) entry.target.eject(now);
  };
  return {
    origins: config.targets,
    connectTimeoutMs: config.connectTimeoutMs,
    targets,
    bulkhead: new Bulkhead(config.bulkhead.maxConcurrent),
    busyRetryAfter: String(config.bulkhead.retryAfterSeconds),
    retry: new RetryPolicy(config.retry),
    fallback: undefined,
    counters,
    pick(now, avoid, replayable) {
      const i = balancer.pick(states, now, avoid === undefined ? -1 : targets.indexOf(avoid), replayable);
      return i < 0 ? undefined : targets[i];
    },
    answered(entry, status, probe, now) {
      ejectIfDue(entry.target.answered(status, probe, now), entry, now);
    },
    failed(entry, probe, now) {
      ejectIfDue(entry.target.failed(probe, now), entry, now);
    },
    retryAfterSeconds(now) {
      let soonest = Number.POSITIVE_INFINITY;
      for (const { target } of targets) {
        const at = target.backAt(now);
        if (at > now && at < soonest) soonest = at;
      }
      return Number.isFinite(soonest) ? Math.max(1, Math.ceil((soonest - now) / 1000)) : 1;
    },
  };
}
