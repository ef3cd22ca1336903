import { Pool } from 'undici';
import type { UpstreamConfig } from '../config/index.js';

/** An upstream compiled for forwarding: one undici pool per target, picked round robin. */
export interface Upstream {
  /** The pool for the next request. */
  pick(): Pool;
  readonly origins: readonly string[];
  readonly connectTimeoutMs: number;
}

/**
 * Owns the undici pools. Building a new configuration reuses the pools whose target and options are
 * unchanged, so a reload keeps warm connections; pools no longer used are closed once their requests end.
 */
export interface UpstreamPools {
  /** Compiles an upstream for the next configuration, reusing or creating pools. */
  upstream(config: UpstreamConfig): Upstream;
  /** Makes the upstreams compiled since the last commit the live set; closes pools that are no longer used. */
  commit(): Promise<void>;
  /** Drops the upstreams compiled since the last commit (a configuration that failed to compile). */
  abandon(): void;
  /** Closes every pool, waiting for requests in flight up to the deadline, then destroys them. */
  close(deadlineMs: number): Promise<void>;
  readonly size: number;
}

function poolKey(origin: string, config: UpstreamConfig): string {
  return `${origin}|${config.connections}|${config.connectTimeoutMs}|${config.headersTimeoutMs}|${config.bodyTimeoutMs}`;
}

/** Creates the pool registry. */
export function createUpstreamPools(): UpstreamPools {
  let live = new Map<string, Pool>();
  let next = new Map<string, Pool>();

  const poolFor = (origin: string, config: UpstreamConfig): Pool => {
    const key = poolKey(origin, config);
    let pool = next.get(key) ?? live.get(key);
    if (pool === undefined) {
      pool = new Pool(origin, {
        connections: config.connections,
        connect: { timeout: config.connectTimeoutMs },
        headersTimeout: config.headersTimeoutMs,
        bodyTimeout: config.bodyTimeoutMs,
        keepAliveTimeout: 4000,
        pipelining: 1,
      });
    }
    next.set(key, pool);
    return pool;
  };

  return {
    get size() {
      return live.size;
    },
    upstream(config) {
      const pools = config.targets.map((origin) => poolFor(new URL(origin).origin, config));
      let turn = 0;
      return {
        origins: config.targets,
        connectTimeoutMs: config.connectTimeoutMs,
        pick() {
          if (pools.length === 1) return pools[0]!;
          turn = (turn + 1) % pools.length;
          return pools[turn]!;
        },
      };
    },
    async commit() {
      const retired = [...live].filter(([key, pool]) => next.get(key) !== pool).map(([, pool]) => pool);
      live = next;
      next = new Map();
      // close() lets queued and running requests finish before the sockets go.
      await Promise.allSettled(retired.map((pool) => pool.close()));
    },
    abandon() {
      for (const [key, pool] of next) if (live.get(key) !== pool) void pool.destroy().catch(() => {});
      next = new Map();
    },
    async close(deadlineMs) {
      const pools = [...new Set([...live.values(), ...next.values()])];
      live = new Map();
      next = new Map();
      await Promise.allSettled(
        pools.map(async (pool) => {
          const timer = setTimeout(() => void pool.destroy().catch(() => {}), deadlineMs);
          await pool.close().finally(() => clearTimeout(timer));
        }),
      );
    },
  };
}
