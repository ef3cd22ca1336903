import { describe, expect, it } from 'vitest';
import type { EventStore } from './event-store.js';
import { securityEvent } from './security-event-fixture.testing.js';

const A = '198.51.100.1';
const B = '198.51.100.2';
const C = '198.51.100.3';

// A range for the charts: 1000 to 1400 in buckets of 100, with one event on each side of it.
const CHARTED = (
  [
    // id, time, client, action, finding analyzers, path, total ms
    ['s1', 1000, A, 'allow', [], '/a', 1],
    ['s2', 1050, A, 'block', ['sqli', 'sqli', 'xss'], '/login', 2],
    ['s3', 1120, B, 'challenge', ['xss'], '/login', 3],
    ['s4', 1150, A, 'ratelimit', [], '/a', 4],
    ['s5', 1310, C, 'labyrinth', ['scanner'], '/wp-admin', 5],
    ['s6', 1390, B, 'tarpit', [], '/a', 6],
    ['s7', 1400, A, 'block', ['sqli'], '/a', 100],
    ['s8', 999, A, 'block', ['sqli'], '/a', 100],
  ] as const
).map(([id, time, ip, action, analyzers, path, totalMs]) =>
  securityEvent({ id, time, ip, action, analyzers, path, totalMs }),
);

const zero = { requests: 0, blocked: 0, challenged: 0, slowed: 0, attacks: 0 };

/** What `EventStore.stats` must answer, part of the event store conformance suite. */
export function eventStatsConformance(make: () => Promise<EventStore>): void {
  describe('stats', () => {
    it('charts a range: buckets, categories, actions, top clients and paths, latency', async () => {
      const store = await make();
      await store.append(CHARTED);
      expect(await store.stats({ from: 1000, to: 1400, bucketMs: 100 })).toEqual({
        total: 6,
        buckets: [
          { time: 1000, requests: 2, blocked: 1, challenged: 0, slowed: 0, attacks: 1 },
          { time: 1100, requests: 2, blocked: 0, challenged: 1, slowed: 1, attacks: 1 },
          { time: 1200, ...zero },
          { time: 1300, requests: 2, blocked: 0, challenged: 0, slowed: 2, attacks: 1 },
        ],
        // s2 has two sqli findings and counts once for sqli.
        categories: [
          { category: 'xss', count: 2 },
          { category: 'scanner', count: 1 },
          { category: 'sqli', count: 1 },
        ],
        actions: ['allow', 'block', 'challenge', 'labyrinth', 'ratelimit', 'tarpit'].map((action) => ({
          action,
          count: 1,
        })),
        topClients: [
          { ip: A, count: 3, attacks: 1 },
          { ip: B, count: 2, attacks: 1 },
          { ip: C, count: 1, attacks: 1 },
        ],
        topPaths: [
          { path: '/a', count: 3 },
          { path: '/login', count: 2 },
          { path: '/wp-admin', count: 1 },
        ],
        latency: { p50: 3, p95: 6, p99: 6 },
      });
      await store.close();
    });

    it('cuts the lists to `top` and leaves the range to the events when none is given', async () => {
      const store = await make();
      await store.append(CHARTED);
      const top = await store.stats({ from: 1000, to: 1400, bucketMs: 100, top: 2 });
      expect(top.categories.map((c) => c.category)).toEqual(['xss', 'scanner']);
      expect(top.topClients.map((c) => c.ip)).toEqual([A, B]);
      expect(top.topPaths.map((p) => p.path)).toEqual(['/a', '/login']);
      const sqli = await store.stats({ category: 'sqli', bucketMs: 200 });
      expect(sqli.total).toBe(3);
      expect(sqli.buckets).toEqual([
        { time: 999, requests: 2, blocked: 2, challenged: 0, slowed: 0, attacks: 2 },
        { time: 1199, ...zero },
        { time: 1399, requests: 1, blocked: 1, challenged: 0, slowed: 0, attacks: 1 },
      ]);
      expect(sqli.categories).toEqual([
        { category: 'sqli', count: 3 },
        { category: 'xss', count: 1 },
      ]);
      expect(sqli.actions).toEqual([{ action: 'block', count: 3 }]);
      await store.close();
    });

    it('takes latency percentiles by nearest rank', async () => {
      const store = await make();
      await store.append(
        Array.from({ length: 100 }, (_, i) =>
          securityEvent({ id: `l${i}`, time: i, totalMs: ((i * 37) % 100) + 1 }),
        ),
      );
      expect((await store.stats({ bucketMs: 1000 })).latency).toEqual({ p50: 50, p95: 95, p99: 99 });
      expect((await store.stats({ bucketMs: 1000, from: 99 })).latency).toEqual({
        p50: 64,
        p95: 64,
        p99: 64,
      });
      await store.close();
    });

    it('answers an empty range with zeros, and a range without events with empty buckets', async () => {
      const store = await make();
      const nothing = {
        total: 0,
        buckets: [],
        categories: [],
        actions: [],
        topClients: [],
        topPaths: [],
        latency: { p50: 0, p95: 0, p99: 0 },
      };
      expect(await store.stats({ bucketMs: 10 })).toEqual(nothing);
      await store.append(CHARTED);
      expect(await store.stats({ from: 1000, to: 1000, bucketMs: 10 })).toEqual(nothing);
      expect(await store.stats({ from: 1400, to: 1000, bucketMs: 10 })).toEqual(nothing);
      expect(await store.stats({ from: 0, to: 25, bucketMs: 10 })).toEqual({
        ...nothing,
        buckets: [0, 10, 20].map((time) => ({ time, ...zero })),
      });
      await store.close();
    });

    it('refuses a bucket width that is not positive, or that makes too many buckets', async () => {
      const store = await make();
      await expect(store.stats({ bucketMs: 0 })).rejects.toThrow(/bucketMs/);
      await expect(store.stats({ bucketMs: Number.NaN })).rejects.toThrow(/bucketMs/);
      await expect(store.stats({ from: 0, to: 1e9, bucketMs: 1 })).rejects.toThrow(/buckets/);
      await store.close();
    });
  });
}
