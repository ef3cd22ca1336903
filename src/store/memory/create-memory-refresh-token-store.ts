import type { RefreshToken } from '../../core/index.js';
import type { RefreshTokenStore } from '../refresh-token-store.js';

/**
 * The in-memory refresh token store: for tests and `store.driver: memory`. Each call runs to its end before
 * another starts, which is what makes `markUsed` atomic here.
 * @example const store = createMemoryRefreshTokenStore(); await store.put(token);
 */
export function createMemoryRefreshTokenStore(): RefreshTokenStore {
  const byHash = new Map<string, RefreshToken>();
  const revokeWhere = (match: (token: RefreshToken) => boolean) => {
    let revoked = 0;
    for (const [hash, token] of byHash) {
      if (token.revoked || !match(token)) continue;
      byHash.set(hash, { ...token, revoked: true });
      revoked++;
    }
    return revoked;
  };
  return {
    async put(token) {
      byHash.set(token.hash, token);
    },
    async get(hash) {
      return byHash.get(hash);
    },
    async markUsed(hash) {
      const token = byHash.get(hash);
      if (token === undefined || token.used) return false;
      byHash.set(hash, { ...token, used: true });
      return true;
    },
    async revokeFamily(family) {
      return revokeWhere((token) => token.family === family);
    },
    async revokeUser(userId) {
      return revokeWhere((token) => token.userId === userId);
    },
    async prune(before) {
      let removed = 0;
      for (const [hash, token] of byHash) if (token.expires < before && byHash.delete(hash)) removed++;
      return removed;
    },
    async close() {},
  };
}
