import { Gauge, type Registry } from 'prom-client';
import type { Config } from '../config/index.js';
import type { SharedCounters } from '../defend/index.js';
import {
  createRedisDecisionStore,
  createRedisIntruderSessionStore,
  createRedisRateCounterStore,
  type NatsBus,
  openNats,
  openRedis,
  type RedisDatabase,
  watchDecisions,
} from '../store/index.js';
import type { Stores } from './open-stores.js';

/** The services a cluster shares, as this process holds them. */
export interface Cluster {
  /** Rate-limit counters in Redis, when `cluster.redis.url` is set. */
  readonly counters: SharedCounters | undefined;
  /** The event stream, when `cluster.nats.url` is set. */
  readonly nats: NatsBus | undefined;
  /** A Redis connection for small shared reads (keys), when Redis is set. */
  readonly redis: RedisDatabase | undefined;
  /** Calls `onChange` whenever another process changes the shared decisions; a no-op without Redis. */
  watchDecisions(onChange: () => void): Promise<() => Promise<void>>;
  /** Whether each configured service is reachable now. */
  health(): { redis?: 'up' | 'down'; nats?: 'up' | 'down' };
  close(): Promise<void>;
}

/**
 * Connects to the shared services the configuration names: Redis (rate-limit counters, decisions, sessions and
 * keys) and NATS JetStream (the event stream). Throws INFINISEC_ERR_STORE when one cannot be reached at start;
 * once running, a service that goes away is reconnected to on its own while the process serves without it.
 */
export async function openCluster(config: Config, name: string): Promise<Cluster> {
  const { redis: redisOptions, nats: natsOptions } = config.cluster;
  const opened: { close(): Promise<void> }[] = [];
  try {
    let redis: RedisDatabase | undefined;
    let counters: SharedCounters | undefined;
    if (redisOptions.url !== undefined) {
      const options = { url: redisOptions.url, prefix: redisOptions.prefix };
      redis = await openRedis(options);
      opened.push(redis);
      // Rate counters on a connection of their own, so that a slow read elsewhere never delays a request.
      const countersDb = await openRedis(options);
      opened.push(countersDb);
      counters = {
        store: createRedisRateCounterStore(countersDb),
        available: () => countersDb.redis.status === 'ready',
        timeoutMs: redisOptions.timeoutMs,
        stats: { shared: 0, local: 0, timeouts: 0, refused: 0 },
      };
    }
    let nats: NatsBus | undefined;
    if (natsOptions.url !== undefined) {
      nats = await openNats({ ...natsOptions, url: natsOptions.url, name });
      opened.push(nats);
    }
    const db = redis;
    return {
      counters,
      nats,
      redis,
      watchDecisions: (onChange) =>
        db === undefined ? Promise.resolve(async () => {}) : watchDecisions(db, onChange),
      health() {
        return {
          ...(db ? { redis: db.redis.status === 'ready' ? 'up' : 'down' } : {}),
          ...(nats ? { nats: nats.connected ? 'up' : 'down' } : {}),
        } as const;
      },
      async close() {
        for (const service of opened.reverse()) await service.close().catch(() => {});
      },
    };
  } catch (err) {
    for (const service of opened.reverse()) await service.close().catch(() => {});
    throw err;
  }
}

/** Gauges of the shared services: up or down, and how rate limits were counted. */
export function registerClusterMetrics(registry: Registry, cluster: Cluster): void {
  new Gauge({
    name: 'infinisec_cluster_service_up',
    help: 'Whether a shared service (redis, nats) is reachable: 1 up, 0 down.',
    labelNames: ['service'],
    registers: [registry],
    collect() {
      for (const [service, state] of Object.entries(cluster.health()))
        this.set({ service }, state === 'up' ? 1 : 0);
    },
  });
  const counters = cluster.counters;
  if (counters === undefined) return;
  new Gauge({
    name: 'infinisec_rate_limit_counted_total',
    help: 'Requests counted by rate limits: in the shared store, by this process alone (store away or late), or refused for want of the store (fail mode closed).',
    labelNames: ['where'],
    registers: [registry],
    collect() {
      const { shared, local, timeouts, refused } = counters.stats;
      this.set({ where: 'shared' }, shared);
      this.set({ where: 'local' }, local);
      this.set({ where: 'late' }, timeouts);
      this.set({ where: 'refused' }, refused);
    },
  });
}

/**
 * The stores with the state every gateway must see at once moved to Redis when the cluster has it: decisions
 * (each change published, see {@link Cluster.watchDecisions}) and labyrinth sessions.
 */
export async function withSharedState(stores: Stores, config: Config, cluster: Cluster): Promise<Stores> {
  const { url, prefix } = config.cluster.redis;
  if (url === undefined || cluster.redis === undefined) return stores;
  const decisions = createRedisDecisionStore(await openRedis({ url, prefix }));
  return {
    ...stores,
    decisions,
    intruders: createRedisIntruderSessionStore(cluster.redis),
    async close() {
      await decisions.close();
      await stores.close();
    },
  };
}
