import { describe, expect, it } from 'vitest';
import type { IntruderSession } from '../core/index.js';
import type { IntruderSessionStore } from './intruder-session-store.js';

function session(id: string, site: string, lastSeen: number, ip = '192.0.2.7'): IntruderSession {
  return {
    id,
    site,
    client: { ip, prefix: ip, fingerprint: '', userAgent: 'x' },
    strategy: 'sql',
    reason: 'detector/sqli',
    firstSeen: lastSeen - 10,
    lastSeen,
    depth: 1,
    pages: 1,
    bytes: 100,
    heldMs: 0,
    canariesIssued: 2,
    canariesUsed: 0,
  };
}

/** The behaviour every IntruderSessionStore adapter must show; `make` gives a fresh, empty store. */
export function intruderSessionStoreConformance(
  name: string,
  make: () => Promise<IntruderSessionStore>,
): void {
  describe(`${name}: intruder session store`, () => {
    it('keeps a session and replaces it by id', async () => {
      const store = await make();
      await store.put(session('0000000a', 'shop', 100));
      await store.put({ ...session('0000000a', 'shop', 200), pages: 5 });
      expect((await store.get('0000000a'))?.pages).toBe(5);
      expect(await store.get('ffffffff')).toBeUndefined();
      expect(await store.list()).toHaveLength(1);
    });

    it('keeps every field of a session', async () => {
      const store = await make();
      const full: IntruderSession = {
        ...session('0000beef', 'blog', 900),
        client: { ip: '2001:db8::1', prefix: '2001:db8::/64', fingerprint: 'fp', userAgent: 'sqlmap/1.8' },
        strategy: 'files',
        reason: 'trap-link',
        depth: 7,
        pages: 12,
        bytes: 34_567,
        heldMs: 8900,
        canariesIssued: 5,
        canariesUsed: 1,
      };
      await store.put(full);
      expect(await store.get('0000beef')).toStrictEqual(full);
      expect(await store.list()).toStrictEqual([full]);
    });

    it('lists the most recently seen first, filtered by site and time, up to a limit', async () => {
      const store = await make();
      await store.put(session('00000001', 'shop', 100));
      await store.put(session('00000002', 'blog', 300));
      await store.put(session('00000003', 'shop', 200));
      expect((await store.list()).map((s) => s.id)).toEqual(['00000002', '00000003', '00000001']);
      expect((await store.list({ site: 'shop' })).map((s) => s.id)).toEqual(['00000003', '00000001']);
      expect((await store.list({ since: 150 })).map((s) => s.id)).toEqual(['00000002', '00000003']);
      expect((await store.list({ limit: 1 })).map((s) => s.id)).toEqual(['00000002']);
    });

    it('lists the sessions of one client address, exactly', async () => {
      const store = await make();
      await store.put(session('00000001', 'shop', 100, '198.51.100.1'));
      await store.put(session('00000002', 'blog', 300, '198.51.100.1'));
      await store.put(session('00000003', 'shop', 200, '198.51.100.10'));
      await store.put(session('00000004', 'shop', 400, '2001:db8::1'));
      const listed = async (query: Parameters<IntruderSessionStore['list']>[0]) =>
        (await store.list(query)).map((s) => s.id);
      expect(await listed({ client: '198.51.100.1' })).toEqual(['00000002', '00000001']);
      expect(await listed({ client: '198.51.100.1', site: 'shop' })).toEqual(['00000001']);
      expect(await listed({ client: '198.51.100.1', since: 200, limit: 5 })).toEqual(['00000002']);
      expect(await listed({ client: '198.51.100.1', limit: 1 })).toEqual(['00000002']);
      expect(await listed({ client: '2001:db8::1' })).toEqual(['00000004']);
      expect(await listed({ client: '198.51.100' })).toEqual([]);
    });

    it('erases the sessions of one client address, and says how many', async () => {
      const store = await make();
      await store.put(session('00000001', 'shop', 100, '198.51.100.1'));
      await store.put(session('00000002', 'blog', 300, '198.51.100.1'));
      await store.put(session('00000003', 'shop', 200, '198.51.100.10'));
      expect(await store.eraseClient('198.51.100.1')).toBe(2);
      expect(await store.eraseClient('198.51.100.1')).toBe(0);
      expect(await store.get('00000001')).toBeUndefined();
      expect((await store.list()).map((s) => s.id)).toEqual(['00000003']);
      // An erased id may be put again.
      await store.put(session('00000001', 'shop', 500, '198.51.100.2'));
      expect((await store.list()).map((s) => s.id)).toEqual(['00000001', '00000003']);
    });

    it('prunes sessions last seen before a time', async () => {
      const store = await make();
      await store.put(session('00000001', 'shop', 100));
      await store.put(session('00000002', 'shop', 300));
      expect(await store.prune(200)).toBe(1);
      expect((await store.list()).map((s) => s.id)).toEqual(['00000002']);
    });
  });
}
