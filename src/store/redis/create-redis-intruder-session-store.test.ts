import { describe, expect, it } from 'vitest';
import type { IntruderSession } from '../../core/index.js';
import { intruderSessionStoreConformance } from '../intruder-session-store-conformance.testing.js';
import { createRedisIntruderSessionStore } from './create-redis-intruder-session-store.js';
import { redisReachable, testPrefixes } from './redis-test-database.testing.js';

const prefixes = testPrefixes();

const seen = (id: string, site: string, lastSeen: number): IntruderSession => ({
  id,
  site,
  client: { ip: '192.0.2.7', prefix: '192.0.2.7', fingerprint: '', userAgent: 'x' },
  strategy: 'sql',
  reason: 'detector/sqli',
  firstSeen: lastSeen,
  lastSeen,
  depth: 1,
  pages: 1,
  bytes: 1,
  heldMs: 0,
  canariesIssued: 0,
  canariesUsed: 0,
});

describe.skipIf(!redisReachable)('redis intruder session store', () => {
  intruderSessionStoreConformance('redis', async () =>
    createRedisIntruderSessionStore(await prefixes.open()),
  );

  it('lists sessions seen at the same time in the order they were put, a replaced one last', async () => {
    const store = createRedisIntruderSessionStore(await prefixes.open());
    for (const id of ['c', 'a', 'b']) await store.put(seen(id, 'shop', 5));
    await store.put({ ...seen('c', 'shop', 5), pages: 2 });
    expect((await store.list()).map((s) => s.id)).toEqual(['a', 'b', 'c']);
  });

  it('applies site, since and limit together, and prunes nothing seen at the cut-off', async () => {
    const store = createRedisIntruderSessionStore(await prefixes.open());
    for (let i = 1; i <= 6; i++) await store.put(seen(`s${i}`, i % 2 === 0 ? 'blog' : 'shop', i * 100));
    expect((await store.list({ site: 'blog', since: 300, limit: 2 })).map((s) => s.id)).toEqual(['s6', 's4']);
    expect(await store.list({ limit: 0 })).toEqual([]);
    expect(await store.prune(300)).toBe(2);
    expect((await store.list()).map((s) => s.id)).toEqual(['s6', 's5', 's4', 's3']);
    expect(await store.get('s1')).toBeUndefined();
  });

  it('erases a client through more sessions than one scan step reads', async () => {
    const store = createRedisIntruderSessionStore(await prefixes.open());
    for (let i = 0; i < 1200; i++) {
      const ip = i % 2 === 0 ? '198.51.100.1' : '198.51.100.2';
      await store.put({
        ...seen(`s${i}`, 'shop', i),
        client: { ip, prefix: ip, fingerprint: '', userAgent: '' },
      });
    }
    expect(await store.eraseClient('198.51.100.1')).toBe(600);
    expect(await store.list({ client: '198.51.100.1' })).toEqual([]);
    expect(await store.list({ limit: 2000 })).toHaveLength(600);
    expect(await store.get('s0')).toBeUndefined();
    expect(await store.get('s1')).toBeDefined();
  });
});
