import { describe, expect, it } from 'vitest';
import { securityEvent } from '../security-event-fixture.testing.js';
import { createSqliteEventStore } from './create-sqlite-event-store.js';
import { LATENCY_KEYS, latencyKey, latencyKeyValue } from './event-rollups.js';
import { openSqlite } from './open-sqlite.js';
import { randomEvents } from './random-events.testing.js';
import { tempDatabaseFiles } from './temp-dir.testing.js';

const fresh = tempDatabaseFiles();
const T0 = 1_700_000_040_000;

describe('sqlite event rollups', () => {
  it('puts a latency in the bucket whose upper bound it does not pass', () => {
    expect([0, 0.1, 0.11, 1, 7, 10_000, 10_000.5, Number.NaN].map(latencyKey)).toEqual([
      '0.1',
      '0.1',
      '0.2',
      '1',
      '10',
      '10000',
      '+inf',
      '+inf',
    ]);
    expect(LATENCY_KEYS.map(latencyKeyValue)).toEqual([
      0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 10_000,
    ]);
  });

  it('are filled in by the migration for events stored before them, as appends write them', async () => {
    const file = fresh();
    const db = openSqlite(file);
    await createSqliteEventStore(db).append([
      ...randomEvents({ count: 2000, start: T0, minutes: 30, seed: 21 }),
      securityEvent({ id: 'odd-1', time: T0 + 1000, analyzers: ['a,b', 'a'], totalMs: 0.1 }),
      securityEvent({ id: 'odd-2', time: T0 + 2000, analyzers: [''], totalMs: 10_000 }),
      securityEvent({ id: 'odd-3', time: T0 + 59_999.5, analyzers: ['xss'], totalMs: 10_000.5 }),
      // On every bucket bound, and just past it.
      ...LATENCY_KEYS.slice(0, -1).flatMap((key) => [
        securityEvent({ id: `on-${key}`, time: T0, totalMs: Number(key) }),
        securityEvent({ id: `past-${key}`, time: T0, totalMs: Number(key) * 1.001 }),
      ]),
    ]);
    const rows = (of: typeof db) =>
      of.prepare('SELECT * FROM event_rollups ORDER BY kind, minute, site, key').all();
    const written = rows(db);
    expect(new Set(written.map((row) => (row as { kind: string }).kind))).toEqual(
      new Set(['action', 'category', 'client', 'path', 'latency']),
    );
    // Back to the schema before the rollups (the third migration): reopening runs theirs on the stored events,
    // and those after it again (a column one of them adds is dropped, as SQLite cannot add it twice).
    db.exec('DROP TABLE event_rollups; ALTER TABLE config_versions DROP COLUMN sealed');
    db.pragma('user_version = 2');
    db.close();
    const reopened = openSqlite(file);
    expect(rows(reopened)).toEqual(written);
    reopened.close();
  });
});
