import { describe, expect, it } from 'vitest';
import { createSqliteEventStore } from './create-sqlite-event-store.js';
import { openSqlite } from './open-sqlite.js';
import { randomEvents } from './random-events.testing.js';
import { tempDatabaseFiles } from './temp-dir.testing.js';

const fresh = tempDatabaseFiles();
const MIN = 60_000;
const T0 = 1_700_000_040_000;

function stores() {
  const db = openSqlite(fresh());
  return {
    db,
    rollups: createSqliteEventStore(db, { rollupAbove: 0 }),
    exact: createSqliteEventStore(db, { rollupAbove: Number.POSITIVE_INFINITY }),
  };
}

const rollupMinutes = (db: ReturnType<typeof openSqlite>) =>
  db.prepare('SELECT MIN(minute) AS first, COUNT(*) AS rows FROM event_rollups').get() as {
    first: number | null;
    rows: number;
  };

describe('sqlite event pruning', () => {
  it('drops the rollups of whole minutes before the cutoff, in chunks, and keeps its own minute exact', async () => {
    const { db, rollups, exact } = stores();
    // Over 5,000 client and path rows before the cutoff, so that their deletes take more than one chunk.
    const events = randomEvents({ count: 12_000, start: T0, minutes: 300, seed: 11 });
    await rollups.append(events);
    const before = T0 + 250 * MIN + 30_000;
    expect(await rollups.prune(before)).toBe(events.filter((e) => e.time < before).length);
    expect(rollupMinutes(db).first).toBe(T0 + 250 * MIN);
    const query = { from: T0, to: T0 + 300 * MIN, bucketMs: 10 * MIN, top: 50 };
    const { latency, ...counts } = await rollups.stats(query);
    const { latency: _, ...exactCounts } = await exact.stats(query);
    expect(counts).toEqual(exactCounts);
    expect(counts.total).toBe(events.length - events.filter((e) => e.time < before).length);
    await rollups.close();
  });

  it('takes the pruned events of a minute out of its rollups, and deletes the rows left counting none', async () => {
    const { db, rollups, exact } = stores();
    // One minute of 12,000 events, taken out 5,000 at a time.
    const events = randomEvents({ count: 12_000, start: T0, minutes: 50 / 60, seed: 12 });
    await rollups.append(events);
    const half = T0 + 25_000;
    expect(await rollups.prune(half)).toBe(events.filter((e) => e.time < half).length);
    const query = { from: T0, to: T0 + MIN, bucketMs: MIN, top: 100 };
    const { latency, ...counts } = await rollups.stats(query);
    const { latency: _, ...exactCounts } = await exact.stats(query);
    expect(counts).toEqual(exactCounts);
    expect(await rollups.prune(T0 + MIN - 1)).toBe(events.filter((e) => e.time >= half).length);
    expect(rollupMinutes(db)).toEqual({ first: null, rows: 0 });
    await rollups.close();
  });
});
