import { Pool } from 'undici';
import type { UpstreamConfig } from '../config/index.js';
import { compileFallbackPage } from './upstream/fallback-page.js';
import { createHttpProbe } from './upstream/health-probe.js';
import { type ProbeFactory, Target, type TargetStats } from './upstream/target.js';
import {
  createUpstream,
  type ResilienceCounters,
  type Upstream,
  type UpstreamTarget,
} from './upstream/upstream.js';

export type { Upstream, UpstreamTarget } from './upstream/upstream.js';

/** What the upstreams look like now: every live target's state, and the counts of what resilience did. */
export interface UpstreamStats extends Readonly<ResilienceCounters> {
  readonly targets: readonly TargetStats[];
}

/**
 * Owns the undici pools and the state of every target. Building a new configuration reuses the pools whose
 * target and options are unchanged, so a reload keeps warm connections; the same goes for a target's health,
 * ejection and breaker while its guard options stay the same, and for an upstream's bulkhead while its whole
 * configuration does. Pools no longer used are closed once their requests end.
 */
export interface UpstreamPools {
  /** Compiles an upstream for the next configuration, reusing or creating pools and targets. */
  upstream(config: UpstreamConfig): Upstream;
  /** Makes the upstreams compiled since the last commit the live set; closes what is no longer used. */
  commit(): Promise<void>;
  /** Drops the upstreams compiled since the last commit (a configuration that failed to compile). */
  abandon(): void;
  /** Closes every pool, waiting for requests in flight up to the deadline, then destroys them. */
  close(deadlineMs: number): Promise<void>;
  /** The live targets and counters. */
  stats(now: number): UpstreamStats;
  readonly size: number;
}

function poolKey(origin: string, config: UpstreamConfig): string {
  return `${origin}|${config.connections}|${config.connectTimeoutMs}|${config.headersTimeoutMs}|${config.bodyTimeoutMs}`;
}

function targetKey(origin: string, config: UpstreamConfig): string {
  return `${origin}|${JSON.stringify([config.healthCheck, config.outlier, config.breaker])}`;
}

/** Live and next generations of one kind of object, swapped at commit. */
class Generations<T> {
  live = new Map<string, T>();
  next = new Map<string, T>();

  /** The object for `key` in the next generation: carried over from either, or made. */
  take(key: string, make: () => T): T {
    let value = this.next.get(key) ?? this.live.get(key);
    if (value === undefined) value = make();
    this.next.set(key, value);
    return value;
  }

  /** Swaps in the next generation; returns the live objects it no longer holds. */
  commit(): T[] {
    const kept = new Set(this.next.values());
    const retired = [...new Set(this.live.values())].filter((value) => !kept.has(value));
    this.live = this.next;
    this.next = new Map();
    return retired;
  }

  /** Drops the next generation; returns the objects made for it alone. */
  abandon(): T[] {
    const live = new Set(this.live.values());
    const dropped = [...this.next.values()].filter((value) => !live.has(value));
    this.next = new Map();
    return dropped;
  }

  /** Every object of both generations, once each. */
  all(): T[] {
    return [...new Set([...this.live.values(), ...this.next.values()])];
  }
}

/** Creates the registry; `probeFor` makes the health-check probes (HTTP by default). */
export function createUpstreamPools(probeFor: ProbeFactory = createHttpProbe): UpstreamPools {
  const pools = new Generations<Pool>();
  const targets = new Generations<Target>();
  const upstreams = new Generations<Upstream>();
  /** How many times each upstream configuration was compiled since the last commit. */
  let occurrences = new Map<string, number>();
  const counters: ResilienceCounters = { retries: 0, bulkheadRejections: 0, fallbacks: 0, unavailable: 0 };

  const entryFor = (target: string, config: UpstreamConfig): UpstreamTarget => {
    const origin = new URL(target).origin;
    const pool = pools.take(
      poolKey(origin, config),
      () =>
        new Pool(origin, {
          connections: config.connections,
          connect: { timeout: config.connectTimeoutMs },
          headersTimeout: config.headersTimeoutMs,
          bodyTimeout: config.bodyTimeoutMs,
          keepAliveTimeout: 4000,
          pipelining: 1,
        }),
    );
    return {
      target: targets.take(targetKey(origin, config), () => new Target(origin, config, probeFor)),
      pool,
    };
  };

  return {
    get size() {
      return pools.live.size;
    },
    upstream(config) {
      const json = JSON.stringify(config);
      const occurrence = occurrences.get(json) ?? 0;
      occurrences.set(json, occurrence + 1);
      // Each use of an upstream keeps its own bulkhead, from one configuration to the next.
      const key = `${occurrence}|${json}`;
      // Read at every compile, so that a reload picks up a changed page file.
      const fallback = compileFallbackPage(config.fallback);
      const entries = config.targets.map((target) => entryFor(target, config));
      const upstream = upstreams.take(key, () => createUpstream(config, entries, counters));
      upstream.fallback = fallback;
      return upstream;
    },
    async commit() {
      occurrences = new Map();
      upstreams.commit();
      for (const target of targets.commit()) target.retire();
      for (const target of targets.live.values()) target.activate();
      // close() lets queued and running requests finish before the sockets go.
      await Promise.allSettled(pools.commit().map((pool) => pool.close()));
    },
    abandon() {
      occurrences = new Map();
      upstreams.abandon();
      targets.abandon();
      for (const pool of pools.abandon()) void pool.destroy().catch(() => {});
    },
    async close(deadlineMs) {
      for (const target of targets.all()) target.retire();
      const all = pools.all();
      pools.live = new Map();
      pools.next = new Map();
      targets.live = new Map();
      targets.next = new Map();
      await Promise.allSettled(
        all.map(async (pool) => {
          const timer = setTimeout(() => void pool.destroy().catch(() => {}), deadlineMs);
          await pool.close().finally(() => clearTimeout(timer));
        }),
      );
    },
    stats(now) {
      return { ...counters, targets: [...targets.live.values()].map((target) => target.stats(now)) };
    },
  };
}
