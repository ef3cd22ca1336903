import { describe, expect, it } from 'vitest';
import type { ConfigVersion, ConfigVersionStore } from './config-version-store.js';

function applied(
  time: number,
  over: Partial<Omit<ConfigVersion, 'version'>> = {},
): Omit<ConfigVersion, 'version'> {
  return {
    time,
    author: 'user:alice',
    source: `sites:\n  - name: shop # ${time}\n`,
    digest: `digest-${time}`,
    comment: '',
    sealed: null,
    ...over,
  };
}

/** The behaviour every ConfigVersionStore adapter must show; `make` gives a fresh, empty store. */
export function configVersionStoreConformance(name: string, make: () => Promise<ConfigVersionStore>): void {
  describe(`${name}: config version store`, () => {
    it('numbers versions from 1 and keeps every field', async () => {
      const store = await make();
      expect(await store.latest()).toBeUndefined();
      const first = await store.append(applied(10, { author: 'startup', comment: 'first boot' }));
      expect(first).toStrictEqual({
        version: 1,
        ...applied(10, { author: 'startup', comment: 'first boot' }),
      });
      const second = await store.append(applied(20));
      expect(second.version).toBe(2);
      expect(await store.get(1)).toStrictEqual(first);
      expect(await store.get(2)).toStrictEqual(second);
      expect(await store.get(3)).toBeUndefined();
      expect(await store.latest()).toStrictEqual(second);
      await store.close();
    });

    it('keeps the sealed text of a version, or null when it has none', async () => {
      const store = await make();
      const sealed = 'v1.k1.c2VhbGVkIHRleHQ';
      const first = await store.append(applied(10, { sealed }));
      const second = await store.append(applied(20, { sealed: null }));
      expect(first.sealed).toBe(sealed);
      expect(second.sealed).toBeNull();
      expect((await store.get(1))?.sealed).toBe(sealed);
      expect((await store.get(2))?.sealed).toBeNull();
      expect((await store.latest())?.sealed).toBeNull();
      expect((await store.list()).map((v) => v.sealed)).toEqual([null, sealed]);
      await store.close();
    });

    it('gives concurrent appends distinct, consecutive numbers', async () => {
      const store = await make();
      const versions = await Promise.all(Array.from({ length: 8 }, (_, i) => store.append(applied(i))));
      expect(versions.map((v) => v.version).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      await store.close();
    });

    it('lists the newest first, 50 unless asked', async () => {
      const store = await make();
      for (let i = 0; i < 55; i++) await store.append(applied(i));
      const listed = await store.list();
      expect(listed).toHaveLength(50);
      expect(listed[0]?.version).toBe(55);
      expect(listed[49]?.version).toBe(6);
      expect((await store.list(3)).map((v) => v.version)).toEqual([55, 54, 53]);
      expect(await store.list(0)).toEqual([]);
      expect(await store.list(-1)).toEqual([]);
      await store.close();
    });
  });
}
