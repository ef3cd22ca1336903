import { describe, expect, it } from 'vitest';
import { type ApiKey, isInfinisecError } from '../core/index.js';
import type { ApiKeyStore } from './api-key-store.js';

function apiKey(id: string, over: Partial<ApiKey> = {}): ApiKey {
  return {
    id,
    name: `key ${id}`,
    role: 'operator',
    scopes: [],
    secretHash: `hash-${id}`,
    created: 100,
    createdBy: 'user:alice',
    expires: null,
    lastUsed: null,
    revoked: false,
    ...over,
  };
}

/** The behaviour every ApiKeyStore adapter must show; `make` gives a fresh, empty store. */
export function apiKeyStoreConformance(name: string, make: () => Promise<ApiKeyStore>): void {
  describe(`${name}: API key store`, () => {
    it('keeps every field of a key', async () => {
      const store = await make();
      const full = apiKey('k1', {
        role: 'viewer',
        scopes: ['events:read', 'decisions:write'],
        expires: 9000,
        lastUsed: 500,
        revoked: true,
      });
      const plain = apiKey('k2');
      await store.create(full);
      await store.create(plain);
      expect(await store.get('k1')).toStrictEqual(full);
      expect(await store.get('k2')).toStrictEqual(plain);
      expect(await store.get('k3')).toBeUndefined();
      await store.close();
    });

    it('refuses a second key with an id already used', async () => {
      const store = await make();
      await store.create(apiKey('k1'));
      const refused = await store.create(apiKey('k1', { name: 'other' })).catch((err: unknown) => err);
      expect(isInfinisecError(refused, 'INFINISEC_ERR_STORE')).toBe(true);
      expect((await store.get('k1'))?.name).toBe('key k1');
      await store.close();
    });

    it('lists the newest first, keys of one millisecond last created first', async () => {
      const store = await make();
      await store.create(apiKey('old', { created: 1 }));
      await store.create(apiKey('new', { created: 3 }));
      await store.create(apiKey('mid1', { created: 2 }));
      await store.create(apiKey('mid2', { created: 2 }));
      expect((await store.list()).map((k) => k.id)).toEqual(['new', 'mid2', 'mid1', 'old']);
      await store.close();
    });

    it('records use and revocation, and returns the key after the change', async () => {
      const store = await make();
      const key = apiKey('k1', { scopes: ['events:read'] });
      await store.create(key);
      expect(await store.update('k1', { lastUsed: 700 })).toStrictEqual({ ...key, lastUsed: 700 });
      expect(await store.update('k1', { revoked: true })).toStrictEqual({
        ...key,
        lastUsed: 700,
        revoked: true,
      });
      expect(await store.get('k1')).toStrictEqual({ ...key, lastUsed: 700, revoked: true });
      expect(await store.update('k9', { revoked: true })).toBeUndefined();
      expect(await store.list()).toHaveLength(1);
      await store.close();
    });

    it('removes by id and says whether it was there', async () => {
      const store = await make();
      await store.create(apiKey('k1'));
      expect(await store.remove('k1')).toBe(true);
      expect(await store.remove('k1')).toBe(false);
      expect(await store.list()).toEqual([]);
      await store.close();
    });
  });
}
