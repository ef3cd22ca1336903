import { describe, expect, it } from 'vitest';
import type { SecurityEvent } from '../../core/index.js';
import { encodeEventCursor } from '../event-cursor.js';
import { eventStoreConformance } from '../event-store-conformance.testing.js';
import { mentionsAddress } from '../mentions-address.js';
import { securityEvent } from '../security-event-fixture.testing.js';
import { createPostgresEventStore } from './create-postgres-event-store.js';
import { postgresReachable, testSchemas } from './postgres-test-database.testing.js';

const schemas = testSchemas();

describe.skipIf(!postgresReachable)('postgres event store', () => {
  eventStoreConformance('postgres', async () => createPostgresEventStore(await schemas.open()));

  it('writes a batch in one statement: a bad event leaves none of the batch behind', async () => {
    const store = createPostgresEventStore(await schemas.open());
    const broken = { ...securityEvent({ id: 'broken', time: 2 }), time: null } as unknown as SecurityEvent;
    const batch = [securityEvent({ id: 'a', time: 1 }), broken, securityEvent({ id: 'c', time: 3 })];
    await expect(store.append(batch)).rejects.toThrow(/not-null/);
    expect(await store.count()).toBe(0);
    await store.close();
  });

  it('stores the columns it filters on, the categories as a text array', async () => {
    const db = await schemas.open();
    const store = createPostgresEventStore(db);
    await store.append([
      securityEvent({
        id: 'a',
        time: 7,
        site: 's',
        ip: '203.0.113.9',
        action: 'block',
        analyzers: ['xss', 'sqli', 'xss', 'odd,"name\\'],
        path: '/p',
        totalMs: 2.5,
      }),
      securityEvent({ id: 'b', time: 8 }),
    ]);
    const { rows } = await db.query(
      'SELECT id, time, site, client, action, categories, path, total_ms FROM events ORDER BY seq',
    );
    expect(rows).toEqual([
      {
        id: 'a',
        time: 7,
        site: 's',
        client: '203.0.113.9',
        action: 'block',
        categories: ['odd,"name\\', 'sqli', 'xss'],
        path: '/p',
        total_ms: 2.5,
      },
      {
        id: 'b',
        time: 8,
        site: 'shop',
        client: '192.0.2.1',
        action: 'allow',
        categories: [],
        path: '/',
        total_ms: 1,
      },
    ]);
    expect(await store.count({ category: 'odd,"name\\' })).toBe(1);
    await store.close();
  });

  it('reads a page from the (time, seq) index, without sorting the table', async () => {
    const db = await schemas.open();
    const store = createPostgresEventStore(db);
    await store.append(Array.from({ length: 5000 }, (_, i) => securityEvent({ id: `e${i}`, time: i % 700 })));
    await db.query('ANALYZE events');
    const { rows } = await db.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN SELECT seq, time, body FROM events WHERE site = $1 AND (time, seq) < ($2, $3)
       ORDER BY time DESC, seq DESC LIMIT 11`,
      ['shop', 500, 10],
    );
    const plan = rows.map((row) => row['QUERY PLAN']).join('\n');
    expect(plan).toMatch(/Index Scan Backward using events_time/);
    expect(plan).not.toMatch(/Sort/);
    await store.close();
  });

  it('refuses a cursor whose time no stored event could have', async () => {
    const store = createPostgresEventStore(await schemas.open());
    await store.append([securityEvent({ id: 'a', time: 1 })]);
    await expect(store.query({ cursor: encodeEventCursor({ time: 1.5, seq: 1 }) })).rejects.toThrow(
      RangeError,
    );
    await store.close();
  });

  it('pages on from a cursor in another pool', async () => {
    const schema = schemas.name();
    const one = createPostgresEventStore(await schemas.open(schema));
    const two = createPostgresEventStore(await schemas.open(schema));
    await one.append([1, 2, 3].map((t) => securityEvent({ id: `t${t}`, time: t })));
    const page = await one.query({ limit: 2 });
    expect((await two.query({ cursor: page.next! })).events.map((e) => e.id)).toEqual(['t1']);
    await one.close();
    await two.close();
  });

  it('prunes in chunks and counts every removed event', async () => {
    const store = createPostgresEventStore(await schemas.open());
    await store.append(Array.from({ length: 12_345 }, (_, i) => securityEvent({ id: `e${i}`, time: i })));
    expect(await store.prune(12_000)).toBe(12_000);
    expect(await store.count()).toBe(345);
    await store.close();
  });

  it('erases a client in steps, leaving the address in no row', async () => {
    const db = await schemas.open();
    const store = createPostgresEventStore(db);
    const ip = '2001:db8::7';
    const events = Array.from({ length: 2500 }, (_, i) =>
      securityEvent({
        id: `e${i}`,
        time: i,
        ip: i % 4 === 0 ? ip : `2001:db8::7${i % 3}`,
        path: i % 4 === 1 ? '/admin/unban/2001:DB8::7' : `/p/${i % 5}`,
      }),
    );
    await store.append(events);
    expect(await store.eraseClient(ip)).toBe(1250);
    expect(await store.count()).toBe(1250);
    const { rows } = await db.query('SELECT * FROM events');
    const mentioning = rows.filter((row) =>
      Object.values(row).some((value) => typeof value === 'string' && mentionsAddress(value, ip)),
    );
    expect(mentioning).toEqual([]);
    await store.close();
  });
});
