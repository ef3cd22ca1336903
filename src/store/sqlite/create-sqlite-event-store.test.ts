import { describe, expect, it } from 'vitest';
import type { SecurityEvent } from '../../core/index.js';
import { eventStoreConformance } from '../event-store-conformance.testing.js';
import { mentionsAddress } from '../mentions-address.js';
import { securityEvent } from '../security-event-fixture.testing.js';
import { createSqliteEventStore } from './create-sqlite-event-store.js';
import { openSqlite } from './open-sqlite.js';
import { tempDatabaseFiles } from './temp-dir.testing.js';

const fresh = tempDatabaseFiles();

eventStoreConformance('sqlite', async () => createSqliteEventStore(openSqlite(fresh())));

describe('sqlite event store', () => {
  it('keeps events in the file across a close and a reopen, and pages on from an old cursor', async () => {
    const file = fresh();
    const first = createSqliteEventStore(openSqlite(file));
    await first.append([1, 2, 3].map((t) => securityEvent({ id: `t${t}`, time: t, analyzers: ['xss'] })));
    const page = await first.query({ limit: 2 });
    await first.close();
    const second = createSqliteEventStore(openSqlite(file));
    expect(await second.get('t2')).toStrictEqual(securityEvent({ id: 't2', time: 2, analyzers: ['xss'] }));
    expect((await second.query({ cursor: page.next! })).events.map((e) => e.id)).toEqual(['t1']);
    await second.close();
  });

  it('writes a batch in one transaction: a bad event leaves none of the batch behind', async () => {
    const store = createSqliteEventStore(openSqlite(fresh()));
    const broken = { ...securityEvent({ id: 'broken', time: 2 }), time: null } as unknown as SecurityEvent;
    const batch = [securityEvent({ id: 'a', time: 1 }), broken, securityEvent({ id: 'c', time: 3 })];
    await expect(store.append(batch)).rejects.toThrow(/NOT NULL/);
    expect(await store.count()).toBe(0);
    await store.close();
  });

  it('stores the columns it filters on, the categories as ,a,b,', async () => {
    const db = openSqlite(fresh());
    const store = createSqliteEventStore(db);
    await store.append([
      securityEvent({
        id: 'a',
        time: 7,
        site: 's',
        ip: '203.0.113.9',
        action: 'block',
        analyzers: ['xss', 'sqli', 'xss'],
        path: '/p',
        totalMs: 2.5,
      }),
      securityEvent({ id: 'b', time: 8 }),
    ]);
    expect(
      db.prepare('SELECT id, time, site, client, action, categories, path, total_ms FROM events').all(),
    ).toEqual([
      {
        id: 'a',
        time: 7,
        site: 's',
        client: '203.0.113.9',
        action: 'block',
        categories: ',sqli,xss,',
        path: '/p',
        total_ms: 2.5,
      },
      {
        id: 'b',
        time: 8,
        site: 'shop',
        client: '192.0.2.1',
        action: 'allow',
        categories: '',
        path: '/',
        total_ms: 1,
      },
    ]);
    await store.close();
  });

  it('reads a page from the time index, without sorting the table', async () => {
    const db = openSqlite(fresh());
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ site: 's', t: 1, s: 1 }) as { detail: string }[])
        .map((row) => row.detail)
        .join('; ');
    const page = plan(
      'SELECT seq, time, body FROM events WHERE site = @site AND (time, seq) < (@t, @s) ORDER BY time DESC, seq DESC LIMIT 10',
    );
    expect(page).toMatch(/USING INDEX events_time/);
    expect(page).not.toMatch(/TEMP B-TREE/);
    db.close();
  });

  it('prunes in chunks and counts every removed event', async () => {
    const store = createSqliteEventStore(openSqlite(fresh()));
    const events = Array.from({ length: 12_345 }, (_, i) => securityEvent({ id: `e${i}`, time: i }));
    await store.append(events);
    expect(await store.prune(12_000)).toBe(12_000);
    expect(await store.count()).toBe(345);
    await store.close();
  });

  it('erases a client from the events and their rollups alike, in steps, leaving the address in no row', async () => {
    const db = openSqlite(fresh());
    const store = createSqliteEventStore(db, { rollupAbove: 0 });
    const ip = '198.51.100.7';
    const T0 = 1_700_000_040_000;
    const events = Array.from({ length: 3000 }, (_, i) =>
      securityEvent({
        id: `e${i}`,
        time: T0 + i * 100,
        ip: i % 4 === 0 ? ip : `198.51.100.${70 + (i % 3)}`,
        path: i % 4 === 1 ? `/admin/unban/${ip}` : `/p/${i % 5}`,
        analyzers: i % 2 === 0 ? ['sqli'] : [],
      }),
    );
    await store.append(events);
    const kept = events.filter((_, i) => i % 4 > 1);
    expect(await store.eraseClient(ip)).toBe(1500);
    expect(await store.count()).toBe(kept.length);
    const rows = (table: string) => db.prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[];
    const mentioning = [...rows('events'), ...rows('event_rollups')].filter((row) =>
      Object.values(row).some((value) => typeof value === 'string' && mentionsAddress(value, ip)),
    );
    expect(mentioning).toEqual([]);
    // The rollups count exactly what is left: stats from them agree with the stats of a store never told of it.
    const query = { from: T0, to: T0 + 300_000, bucketMs: 60_000, site: 'shop' };
    const clean = createSqliteEventStore(openSqlite(fresh()), { rollupAbove: 0 });
    await clean.append(kept);
    expect(await store.stats(query)).toStrictEqual(await clean.stats(query));
    await store.close();
    await clean.close();
  });
});
