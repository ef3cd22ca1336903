import { describe, expect, it } from 'vitest';
import type { Incident } from '../core/index.js';
import type { IncidentStore } from './incident-store.js';

function incident(id: string, lastSeen: number, over: Partial<Incident> = {}): Incident {
  return {
    id,
    title: `incident ${id}`,
    kind: 'client',
    severity: 'medium',
    status: 'open',
    site: 'shop',
    clients: ['192.0.2.1'],
    fingerprints: [],
    categories: ['sqli'],
    events: ['e1'],
    eventCount: 1,
    decisions: [],
    campaign: null,
    firstSeen: lastSeen - 10,
    lastSeen,
    summary: '',
    ...over,
  };
}

/** The behaviour every IncidentStore adapter must show; `make` gives a fresh, empty store. */
export function incidentStoreConformance(name: string, make: () => Promise<IncidentStore>): void {
  describe(`${name}: incident store`, () => {
    it('keeps every field of an incident, and replaces one by id', async () => {
      const store = await make();
      const full = incident('i1', 500, {
        title: 'Credential stuffing on /login',
        kind: 'campaign',
        severity: 'critical',
        status: 'contained',
        site: 'blog',
        clients: ['198.51.100.1', '2001:db8::/64'],
        fingerprints: ['fp-1', 'fp-2'],
        categories: ['credential-stuffing', 'scanner'],
        events: ['e1', 'e2', 'e3'],
        eventCount: 1234,
        decisions: ['d1', 'd2'],
        campaign: 'blog:credential-stuffing',
        firstSeen: 100,
        summary: 'Many logins from two addresses.',
      });
      await store.put(full);
      expect(await store.get('i1')).toStrictEqual(full);
      expect(await store.get('i2')).toBeUndefined();
      const resolved = { ...full, status: 'resolved' as const, lastSeen: 900 };
      await store.put(resolved);
      expect(await store.get('i1')).toStrictEqual(resolved);
      expect(await store.list()).toStrictEqual([resolved]);
      await store.close();
    });

    it('lists the most recently seen first, filtered by status, site and time', async () => {
      const store = await make();
      await store.put(incident('a', 100, { status: 'open', site: 'shop' }));
      await store.put(incident('b', 300, { status: 'resolved', site: 'shop' }));
      await store.put(incident('c', 200, { status: 'open', site: 'blog' }));
      await store.put(incident('d', 400, { status: 'open', site: 'shop' }));
      const listed = async (query?: Parameters<IncidentStore['list']>[0]) =>
        (await store.list(query)).map((i) => i.id);
      expect(await listed()).toEqual(['d', 'b', 'c', 'a']);
      expect(await listed({ status: 'open' })).toEqual(['d', 'c', 'a']);
      expect(await listed({ site: 'shop' })).toEqual(['d', 'b', 'a']);
      expect(await listed({ since: 200 })).toEqual(['d', 'b', 'c']);
      expect(await listed({ status: 'open', site: 'shop', since: 100, limit: 1 })).toEqual(['d']);
      expect(await listed({ status: 'contained' })).toEqual([]);
      await store.close();
    });

    it('lists 100 unless asked', async () => {
      const store = await make();
      for (let i = 0; i < 105; i++) await store.put(incident(`i${i}`, i));
      const listed = await store.list();
      expect(listed).toHaveLength(100);
      expect(listed[0]?.id).toBe('i104');
      expect(await store.list({ limit: 200 })).toHaveLength(105);
      await store.close();
    });

    it('lists the incidents that involve a client address, exactly', async () => {
      const store = await make();
      await store.put(incident('a', 100, { clients: ['198.51.100.1'] }));
      await store.put(incident('b', 300, { clients: ['198.51.100.2', '198.51.100.1'], site: 'blog' }));
      await store.put(incident('c', 200, { clients: ['198.51.100.10'] }));
      await store.put(incident('d', 400, { clients: ['2001:db8:1:2::/64'] }));
      const listed = async (query?: Parameters<IncidentStore['list']>[0]) =>
        (await store.list(query)).map((i) => i.id);
      expect(await listed({ client: '198.51.100.1' })).toEqual(['b', 'a']);
      expect(await listed({ client: '198.51.100.1', site: 'shop' })).toEqual(['a']);
      expect(await listed({ client: '198.51.100.1', limit: 1 })).toEqual(['b']);
      expect(await listed({ client: '2001:db8:1:2::/64' })).toEqual(['d']);
      expect(await listed({ client: '198.51.100' })).toEqual([]);
      await store.close();
    });

    it('takes a client out of its incidents, removing those it leaves without one', async () => {
      const store = await make();
      const ip = '198.51.100.1';
      await store.put(incident('alone', 100, { clients: [ip], title: `Credential stuffing from ${ip}` }));
      const shared = incident('shared', 200, {
        clients: ['198.51.100.2', ip, '198.51.100.10'],
        title: 'Campaign of sqli from 3 addresses on shop',
      });
      await store.put(shared);
      await store.put(incident('other', 300, { clients: ['198.51.100.10'] }));
      expect(await store.eraseClient(ip)).toBe(2);
      expect(await store.get('alone')).toBeUndefined();
      expect(await store.get('shared')).toStrictEqual({
        ...shared,
        clients: ['198.51.100.2', '198.51.100.10'],
      });
      expect((await store.list()).map((i) => i.id)).toEqual(['other', 'shared']);
      expect(await store.list({ client: ip })).toEqual([]);
      expect(await store.eraseClient(ip)).toBe(0);
      await store.close();
    });

    it('prunes incidents last seen before a time, and says how many', async () => {
      const store = await make();
      await store.put(incident('a', 100));
      await store.put(incident('b', 200));
      await store.put(incident('c', 300));
      expect(await store.prune(200)).toBe(1);
      expect(await store.prune(200)).toBe(0);
      expect((await store.list()).map((i) => i.id)).toEqual(['c', 'b']);
      await store.close();
    });
  });
}
