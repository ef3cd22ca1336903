import { describe, expect, it } from 'vitest';
import type { EventQuery, EventStats, EventStore } from '../event-store.js';
import { securityEvent } from '../security-event-fixture.testing.js';
import { createSqliteEventStore } from './create-sqlite-event-store.js';
import { latencyKey, latencyKeyValue } from './event-rollups.js';
import { openSqlite } from './open-sqlite.js';
import { randomEvents } from './random-events.testing.js';
import { tempDatabaseFiles } from './temp-dir.testing.js';

const fresh = tempDatabaseFiles();
const MIN = 60_000;
const T0 = 1_700_000_040_000;

/** Two stores on one database: one reads the rollups whenever they can answer, the other never does. */
function twoStores(rollupAbove = 0) {
  const db = openSqlite(fresh());
  return {
    rollups: createSqliteEventStore(db, { rollupAbove }),
    exact: createSqliteEventStore(db, { rollupAbove: Number.POSITIVE_INFINITY }),
  };
}

const bucketed = (latency: EventStats['latency']) => ({
  p50: latencyKeyValue(latencyKey(latency.p50)),
  p95: latencyKeyValue(latencyKey(latency.p95)),
  p99: latencyKeyValue(latencyKey(latency.p99)),
});

type StatsQuery = EventQuery & { bucketMs: number; top?: number };

/** Every count the same as the exact stats, each percentile the bound of the exact one's bucket. */
async function expectSameCounts(rollups: EventStore, exact: EventStore, query: StatsQuery) {
  const { latency, ...counts } = await rollups.stats(query);
  const { latency: exactLatency, ...exactCounts } = await exact.stats(query);
  expect(counts, JSON.stringify(query)).toEqual(exactCounts);
  // Without events, both answer zeros.
  expect(latency, JSON.stringify(query)).toEqual(counts.total === 0 ? exactLatency : bucketed(exactLatency));
  return { counts, latency, exactLatency };
}

// Categories split from `,a,a,b,` and `,,`; latencies on a bound, past the last one; a time between milliseconds.
const ODD = [
  securityEvent({ id: 'odd-1', time: T0 + 1000, analyzers: ['a,b', 'a'], totalMs: 0.1 }),
  securityEvent({ id: 'odd-2', time: T0 + 2000, analyzers: [''], totalMs: 10_000 }),
  securityEvent({ id: 'odd-3', time: T0 + MIN - 0.5, analyzers: ['xss'], totalMs: 10_000.5 }),
];

describe('sqlite event stats from rollups', () => {
  it('counts exactly what the events give, over whole-minute ranges, buckets and sites', async () => {
    const { rollups, exact } = twoStores();
    const events = [...randomEvents({ count: 3000, start: T0, minutes: 10, seed: 1 }), ...ODD];
    for (let i = 0; i < events.length; i += 250) await rollups.append(events.slice(i, i + 250));
    for (const [from, to] of [
      [T0, T0 + 10 * MIN],
      [T0 + 2 * MIN, T0 + 7 * MIN],
      [T0 - 5 * MIN, T0 + 15 * MIN],
    ] as const)
      for (const bucketMs of [MIN, 3 * MIN, 10 * MIN])
        for (const site of [undefined, 'shop', 'a site', 'nowhere'])
          for (const top of [1, 3, undefined, 100])
            await expectSameCounts(rollups, exact, {
              from,
              to,
              bucketMs,
              ...(site && { site }),
              ...(top && { top }),
            });
    const whole = await expectSameCounts(rollups, exact, { from: T0, to: T0 + 10 * MIN, bucketMs: MIN });
    expect(whole.counts.total).toBe(events.length);
    expect(whole.counts.topClients[0]!.attacks).toBeGreaterThan(0);
    // Proof that the rollups answered: no random latency sits on a bucket bound.
    expect(whole.latency).not.toEqual(whole.exactLatency);
    await rollups.close();
  });

  it('counts an event once, however often its id comes again', async () => {
    const { rollups, exact } = twoStores();
    const events = randomEvents({ count: 400, start: T0, minutes: 3, seed: 2 });
    await rollups.append(events);
    await rollups.append(events.slice(100, 300));
    // The same ids with other fields, within one batch too: counting them would move some count.
    const again = randomEvents({ count: 400, start: T0, minutes: 3, seed: 3 }).map((event, i) => ({
      ...event,
      id: events[i % 200]!.id,
    }));
    await rollups.append([
      ...again,
      securityEvent({ id: 'new', time: T0 }),
      securityEvent({ id: 'new', time: T0 }),
    ]);
    const { counts } = await expectSameCounts(rollups, exact, { from: T0, to: T0 + 3 * MIN, bucketMs: MIN });
    expect(counts.total).toBe(401);
    await rollups.close();
  });

  it('reads the events for a filter, a part of a minute, or a range of few events', async () => {
    const { rollups, exact } = twoStores(100);
    const events = randomEvents({ count: 101, start: T0, minutes: 2, seed: 4 });
    await rollups.append(events.slice(0, 100));
    const latency = async (query: StatsQuery) => (await rollups.stats(query)).latency;
    const whole = { from: T0, to: T0 + 2 * MIN, bucketMs: MIN };
    expect(await latency(whole)).toEqual((await exact.stats(whole)).latency);
    await rollups.append(events.slice(100));
    const exactLatency = (await exact.stats(whole)).latency;
    expect(await latency(whole)).toEqual(bucketed(exactLatency));
    expect(await latency(whole)).not.toEqual(exactLatency);
    for (const query of [
      { ...whole, client: '198.51.100.1' },
      { ...whole, action: 'allow' },
      { ...whole, category: 'sqli' },
      { ...whole, path: '/p/1' },
      { ...whole, from: T0 + 1 },
      { ...whole, to: T0 + 2 * MIN - 1 },
      { ...whole, bucketMs: 30_000 },
      { bucketMs: MIN },
    ] satisfies StatsQuery[])
      expect(await latency(query), JSON.stringify(query)).toEqual((await exact.stats(query)).latency);
    await rollups.close();
  });

  it('refuses too many buckets, and a threshold that is not a number of events', async () => {
    const { rollups } = twoStores();
    await rollups.append(randomEvents({ count: 10, start: T0, minutes: 1, seed: 5 }));
    await expect(rollups.stats({ from: T0, to: T0 + 20_000 * MIN, bucketMs: MIN })).rejects.toThrow(
      /buckets/,
    );
    const db = openSqlite(fresh());
    for (const rollupAbove of [-1, Number.NaN])
      expect(() => createSqliteEventStore(db, { rollupAbove })).toThrow(/rollupAbove/);
    db.close();
    await rollups.close();
  });
});
