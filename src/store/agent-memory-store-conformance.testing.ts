import { describe, expect, it } from 'vitest';
import { isInfinisecError } from '../core/index.js';
import type { AgentMemoryStore, JsonValue } from './agent-memory-store.js';

/** The behaviour every AgentMemoryStore adapter must show; `make` gives a fresh, empty store. */
export function agentMemoryStoreConformance(name: string, make: () => Promise<AgentMemoryStore>): void {
  describe(`${name}: agent memory store`, () => {
    it('keeps JSON values per agent and key, replaces them, and gives copies', async () => {
      const store = await make();
      const value = { site: 'shop', medians: [1.5, 0, -3], nested: { ok: true, none: null }, text: 'é ✓ 𝄞' };
      await store.put('analyst', 'baseline:shop', value);
      await store.put('correlator', 'baseline:shop', 42);
      value.medians.push(99);
      const read = (await store.get('analyst', 'baseline:shop', 0)) as { medians: number[] };
      expect(read).toStrictEqual({
        site: 'shop',
        medians: [1.5, 0, -3],
        nested: { ok: true, none: null },
        text: 'é ✓ 𝄞',
      });
      read.medians.push(7);
      expect(await store.get('analyst', 'baseline:shop', 0)).toMatchObject({ medians: [1.5, 0, -3] });
      expect(await store.get('correlator', 'baseline:shop', 0)).toBe(42);
      expect(await store.get('analyst', 'other', 0)).toBeUndefined();
      expect(await store.get('nobody', 'baseline:shop', 0)).toBeUndefined();
      for (const next of ['text', false, null, [1, 'two', [3]]] as JsonValue[]) {
        await store.put('analyst', 'baseline:shop', next);
        expect(await store.get('analyst', 'baseline:shop', 0)).toStrictEqual(next);
      }
      await store.close();
    });

    it('forgets a value once it expires, and prunes what expired', async () => {
      const store = await make();
      await store.put('a', 'short', 1, 1000);
      await store.put('a', 'long', 2, 5000);
      await store.put('a', 'never', 3, null);
      await store.put('b', 'short', 4, 1000);
      expect(await store.get('a', 'short', 999)).toBe(1);
      expect(await store.get('a', 'short', 1000)).toBeUndefined();
      expect((await store.list('a', 1000)).map((e) => e.key)).toEqual(['long', 'never']);
      expect(await store.prune(1000)).toBe(2);
      expect(await store.prune(1000)).toBe(0);
      expect(await store.get('a', 'short', 0)).toBeUndefined();
      await store.put('a', 'long', 5);
      expect(await store.get('a', 'long', Number.MAX_SAFE_INTEGER)).toBe(5);
      await store.close();
    });

    it('lists one agent’s values by key, filtered by a literal prefix', async () => {
      const store = await make();
      for (const key of ['b:2', 'a_1', 'b:1', 'axb', 'B:0', 'b%3']) await store.put('x', key, key, 9000);
      await store.put('y', 'b:9', 'other agent');
      const entries = await store.list('x', 0);
      expect(entries.map((e) => e.key)).toEqual(['B:0', 'a_1', 'axb', 'b%3', 'b:1', 'b:2']);
      expect(entries[0]).toStrictEqual({ key: 'B:0', value: 'B:0', expires: 9000 });
      expect((await store.list('x', 0, 'b:')).map((e) => e.key)).toEqual(['b:1', 'b:2']);
      expect((await store.list('x', 0, 'a_')).map((e) => e.key)).toEqual(['a_1']);
      expect((await store.list('x', 0, 'b%')).map((e) => e.key)).toEqual(['b%3']);
      expect(await store.list('y', 0)).toStrictEqual([{ key: 'b:9', value: 'other agent', expires: null }]);
      expect(await store.list('z', 0)).toEqual([]);
      await store.close();
    });

    it('deletes by agent and key and says whether a value was there', async () => {
      const store = await make();
      await store.put('a', 'k', 1);
      await store.put('b', 'k', 2);
      expect(await store.delete('a', 'k')).toBe(true);
      expect(await store.delete('a', 'k')).toBe(false);
      expect(await store.get('a', 'k', 0)).toBeUndefined();
      expect(await store.get('b', 'k', 0)).toBe(2);
      await store.close();
    });

    it('erases the values of any agent whose key or value mentions an address whole, and says how many', async () => {
      const store = await make();
      const ip = '203.0.113.4';
      await store.put('a', `client:${ip}`, 1);
      await store.put('a', 'nested', { seen: [{ at: 1, from: ip }] });
      await store.put('b', 'keyed', { [ip]: 3 }, 5000);
      await store.put('b', 'escaped', `line\n${ip}`);
      await store.put('b', 'expired', ip, 10);
      await store.put('a', 'longer', ['203.0.113.45', '1203.0.113.4', '203.0.113.4.5', 20301134]);
      await store.put('c', 'v6', { clients: ['2001:DB8::/64'] });
      await store.put('c', 'v6-longer', '2001:db8::/640');
      expect(await store.eraseMentioning(ip)).toBe(5);
      expect(await store.eraseMentioning(ip)).toBe(0);
      expect(await store.eraseMentioning('2001:db8::/64')).toBe(1);
      expect(await store.eraseMentioning('')).toBe(0);
      expect((await store.list('a', 0)).map((e) => e.key)).toEqual(['longer']);
      expect(await store.list('b', 0)).toEqual([]);
      expect((await store.list('c', 0)).map((e) => e.key)).toEqual(['v6-longer']);
      await store.close();
    });

    it('refuses what is not JSON, an empty or overlong key, and a value over a million characters', async () => {
      const store = await make();
      const cyclic: Record<string, unknown> = {};
      cyclic.self = cyclic;
      const refusals = [
        store.put('a', 'k', cyclic as unknown as JsonValue),
        store.put('a', 'k', undefined as unknown as JsonValue),
        store.put('a', '', 1),
        store.put('', 'k', 1),
        store.put('a', 'k'.repeat(513), 1),
        store.put('a', 'k', 'x'.repeat(1_000_001)),
      ];
      for (const refusal of refusals) {
        const err = await refusal.then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(isInfinisecError(err, 'INFINISEC_ERR_STORE'), String(err)).toBe(true);
      }
      expect(await store.list('a', 0)).toEqual([]);
      await store.close();
    });
  });
}
