import { describe, expect, it } from 'vitest';
import type { RefreshToken } from '../core/index.js';
import type { RefreshTokenStore } from './refresh-token-store.js';

function token(hash: string, over: Partial<RefreshToken> = {}): RefreshToken {
  return {
    hash,
    family: 'f1',
    userId: 'u1',
    created: 100,
    expires: 1000,
    used: false,
    revoked: false,
    ...over,
  };
}

/** The behaviour every RefreshTokenStore adapter must show; `make` gives a fresh, empty store. */
export function refreshTokenStoreConformance(name: string, make: () => Promise<RefreshTokenStore>): void {
  describe(`${name}: refresh token store`, () => {
    it('keeps every field of a token, and replaces one by hash', async () => {
      const store = await make();
      const full = token('h1', {
        family: 'f9',
        userId: 'u9',
        created: 5,
        expires: 50,
        used: true,
        revoked: true,
      });
      await store.put(full);
      await store.put(token('h2'));
      expect(await store.get('h1')).toStrictEqual(full);
      expect(await store.get('h2')).toStrictEqual(token('h2'));
      expect(await store.get('h3')).toBeUndefined();
      await store.put(token('h2', { expires: 2000 }));
      expect((await store.get('h2'))?.expires).toBe(2000);
      await store.close();
    });

    it('marks a token used for exactly one of many concurrent callers', async () => {
      const store = await make();
      await store.put(token('h1'));
      const results = await Promise.all(Array.from({ length: 10 }, () => store.markUsed('h1')));
      expect(results.filter(Boolean)).toHaveLength(1);
      expect((await store.get('h1'))?.used).toBe(true);
      expect(await store.markUsed('h1')).toBe(false);
      expect(await store.markUsed('unknown')).toBe(false);
      await store.close();
    });

    it('revokes a family, counting only the tokens it revoked', async () => {
      const store = await make();
      await store.put(token('a1', { family: 'a' }));
      await store.put(token('a2', { family: 'a', used: true }));
      await store.put(token('a3', { family: 'a', revoked: true }));
      await store.put(token('b1', { family: 'b' }));
      expect(await store.revokeFamily('a')).toBe(2);
      expect(await store.revokeFamily('a')).toBe(0);
      expect((await store.get('a2'))?.revoked).toBe(true);
      expect((await store.get('b1'))?.revoked).toBe(false);
      await store.close();
    });

    it("revokes every token of a user, and no one else's", async () => {
      const store = await make();
      await store.put(token('a', { userId: 'u1', family: 'f1' }));
      await store.put(token('b', { userId: 'u1', family: 'f2' }));
      await store.put(token('c', { userId: 'u2', family: 'f3' }));
      expect(await store.revokeUser('u1')).toBe(2);
      expect(await store.revokeUser('u1')).toBe(0);
      expect((await store.get('b'))?.revoked).toBe(true);
      expect((await store.get('c'))?.revoked).toBe(false);
      await store.close();
    });

    it('prunes tokens that expired before a time', async () => {
      const store = await make();
      await store.put(token('gone', { expires: 10 }));
      await store.put(token('edge', { expires: 20 }));
      await store.put(token('kept', { expires: 30 }));
      expect(await store.prune(20)).toBe(1);
      expect(await store.prune(20)).toBe(0);
      expect(await store.get('gone')).toBeUndefined();
      expect(await store.get('edge')).toBeDefined();
      await store.close();
    });
  });
}
