import { describe, expect, it } from 'vitest';
import type { ClientIdentity } from '../../core/index.js';
import { createRedisRateCounterStore, openRedis, type RateCounterStore } from '../../store/index.js';
import { redisReachable, testPrefixes } from '../../store/redis/redis-test-database.testing.js';
import type { RateSubject } from './create-rate-limiter.js';
import type { RateRule } from './rate-limit-types.js';
import { createSharedRateLimiter, type SharedCounters } from './shared-rate-limiter.js';

const prefixes = testPrefixes();

const login: RateRule = {
  name: 'login',
  algorithm: 'sliding-window',
  key: 'ip',
  limit: 3,
  windowMs: 60_000,
  paths: ['/login'],
  methods: ['POST'],
};

const client = (ip: string): ClientIdentity =>
  ({ ip, prefix: ip, fingerprint: '', userAgent: '' }) as unknown as ClientIdentity;
const post = (ip: string, path = '/login'): RateSubject => ({
  method: 'POST',
  path,
  client: client(ip),
  apiKey: '',
});

function shared(store: RateCounterStore, available = () => true, timeoutMs = 1000): SharedCounters {
  return { store, available, timeoutMs, stats: { shared: 0, local: 0, timeouts: 0, refused: 0 } };
}

/** A store that never answers, as a Redis server stuck behind a broken link. */
const silent: RateCounterStore = { take: () => new Promise(() => {}), close: async () => {} };

describe.skipIf(!redisReachable)('shared rate limiter', () => {
  it('holds one limit across two gateways counting in the same store', async () => {
    const prefix = prefixes.name();
    const one = createSharedRateLimiter(
      [login],
      100,
      shared(createRedisRateCounterStore(await prefixes.open(prefix))),
      'open',
    );
    const two = createSharedRateLimiter(
      [login],
      100,
      shared(createRedisRateCounterStore(await prefixes.open(prefix))),
      'open',
    );
    const now = Date.now();
    const answers = [];
    for (let i = 0; i < 6; i++)
      answers.push(await (i % 2 === 0 ? one : two).check(post('192.0.2.1'), now + i));
    expect(answers.map((a) => a === undefined)).toEqual([true, true, true, false, false, false]);
    expect(answers[3]).toMatchObject({ rule: { name: 'login' }, outcome: { allowed: false, limit: 3 } });
  });

  it('never waits for a request no rule counts', async () => {
    const limiter = createSharedRateLimiter([login], 100, shared(silent), 'open');
    expect(limiter.check({ ...post('192.0.2.2'), method: 'GET' }, Date.now())).toBeUndefined();
    expect(limiter.check(post('192.0.2.2', '/products'), Date.now())).toBeUndefined();
  });

  it('counts alone while the store is away, and refuses instead when the fail mode is closed', async () => {
    const counters = shared(createRedisRateCounterStore(await prefixes.open()), () => false);
    const open = createSharedRateLimiter([login], 100, counters, 'open');
    const now = Date.now();
    const answers = [0, 1, 2, 3].map((i) => open.check(post('192.0.2.3'), now + i));
    expect(answers.map((a) => a === undefined)).toEqual([true, true, true, false]);
    expect(counters.stats.local).toBe(4);
    const closed = createSharedRateLimiter([login], 100, counters, 'closed');
    expect(closed.check(post('192.0.2.3'), now)).toBe('store-down');
    expect(counters.stats.refused).toBe(1);
  });

  it('counts alone a request the store is too slow for, or fails', async () => {
    const slow = shared(silent, () => true, 20);
    const limiter = createSharedRateLimiter([login], 100, slow, 'open');
    expect(await limiter.check(post('192.0.2.4'), Date.now())).toBeUndefined();
    expect(slow.stats).toMatchObject({ timeouts: 1, local: 1, shared: 0 });
    const db = await openRedis({ url: 'redis://127.0.0.1:6379', prefix: prefixes.name() });
    await db.close();
    const broken = shared(createRedisRateCounterStore(db));
    const closed = createSharedRateLimiter([login], 100, broken, 'closed');
    expect(await closed.check(post('192.0.2.4'), Date.now())).toBe('store-down');
  });
});
