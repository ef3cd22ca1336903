import { describe, expect, it } from 'vitest';
import { isInfinisecError } from '../core/index.js';
import type { SealedSecret, SecretStore } from './secret-store.js';

const secret = (name: string, sealed = `sealed-${name}`, updated = 1): SealedSecret => ({
  name,
  sealed,
  updated,
});

/** The behaviour every SecretStore adapter must show; `make` gives a fresh, empty store. */
export function secretStoreConformance(name: string, make: () => Promise<SecretStore>): void {
  describe(`${name}: secret store`, () => {
    it('keeps a secret, replaces it by name and lists by prefix in name order', async () => {
      const store = await make();
      expect(await store.get('totp:u1')).toBeUndefined();
      for (const n of ['totp:u2', 'jwt:k1', 'totp:u1', 'webhook:w']) await store.put(secret(n));
      await store.put(secret('totp:u2', 'resealed', 5));
      expect(await store.get('totp:u2')).toEqual(secret('totp:u2', 'resealed', 5));
      expect((await store.list('totp:')).map((s) => s.name)).toEqual(['totp:u1', 'totp:u2']);
      expect((await store.list()).map((s) => s.name)).toEqual(['jwt:k1', 'totp:u1', 'totp:u2', 'webhook:w']);
      expect(await store.list('nothing:')).toEqual([]);
      await store.close();
    });

    it('takes a prefix literally: no wildcards', async () => {
      const store = await make();
      for (const n of ['a_b', 'axb', 'a%c', 'A_b']) await store.put(secret(n));
      expect((await store.list('a_')).map((s) => s.name)).toEqual(['a_b']);
      expect((await store.list('a%')).map((s) => s.name)).toEqual(['a%c']);
      await store.close();
    });

    it('removes by name and says whether it was there', async () => {
      const store = await make();
      await store.put(secret('x'));
      expect(await store.remove('x')).toBe(true);
      expect(await store.remove('x')).toBe(false);
      expect(await store.get('x')).toBeUndefined();
      await store.close();
    });

    it('replaces the given secrets at once and leaves the others', async () => {
      const store = await make();
      for (const n of ['a', 'b', 'c']) await store.put(secret(n));
      await store.replaceAll([secret('a', 'new-a', 9), secret('c', 'new-c', 9)]);
      expect(await store.list()).toEqual([secret('a', 'new-a', 9), secret('b'), secret('c', 'new-c', 9)]);
      await store.close();
    });

    it('replaces nothing when one of the secrets is gone', async () => {
      const store = await make();
      for (const n of ['a', 'b']) await store.put(secret(n));
      const failure = await store
        .replaceAll([secret('a', 'new-a', 9), secret('gone', 'x', 9), secret('b', 'new-b', 9)])
        .catch((err: unknown) => err);
      expect(isInfinisecError(failure, 'INFINISEC_ERR_STORE')).toBe(true);
      expect(await store.list()).toEqual([secret('a'), secret('b')]);
      await store.close();
    });
  });
}
