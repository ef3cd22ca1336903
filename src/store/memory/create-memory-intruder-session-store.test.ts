import { describe, expect, it } from 'vitest';
import { intruderSessionStoreConformance } from '../intruder-session-store-conformance.testing.js';
import { createMemoryIntruderSessionStore } from './create-memory-intruder-session-store.js';

intruderSessionStoreConformance('memory', async () => createMemoryIntruderSessionStore({ max: 1000 }));

describe('memory intruder session store', () => {
  it('drops the least recently seen past its bound', async () => {
    const store = createMemoryIntruderSessionStore({ max: 2 });
    const base = { site: 's', strategy: 'sql', reason: 'r', depth: 0, pages: 0, bytes: 0, heldMs: 0 };
    const client = { ip: '192.0.2.1', prefix: '192.0.2.1', fingerprint: '', userAgent: '' };
    for (const id of ['00000001', '00000002', '00000003']) {
      await store.put({ ...base, id, client, firstSeen: 1, lastSeen: 1, canariesIssued: 0, canariesUsed: 0 });
    }
    expect(await store.get('00000001')).toBeUndefined();
    expect((await store.list()).length).toBe(2);
  });

  it('refuses a bound that is not a positive integer', () => {
    expect(() => createMemoryIntruderSessionStore({ max: 0 })).toThrow(/max/);
  });
});
