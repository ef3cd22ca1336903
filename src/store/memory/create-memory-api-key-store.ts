import { type ApiKey, InfinisecError } from '../../core/index.js';
import type { ApiKeyStore } from '../api-key-store.js';
import { mergePatch } from '../merge-patch.js';

/**
 * The in-memory API key store: for tests and `store.driver: memory`.
 * @example const store = createMemoryApiKeyStore(); await store.create(key);
 */
export function createMemoryApiKeyStore(): ApiKeyStore {
  const byId = new Map<string, ApiKey>();
  return {
    async create(key) {
      if (byId.has(key.id))
        throw new InfinisecError('INFINISEC_ERR_STORE', 'store.api-keys', `id "${key.id}" is taken`);
      byId.set(key.id, key);
    },
    async get(id) {
      return byId.get(id);
    },
    async list() {
      // Reversed creation order first, so that the stable sort puts the last created first among equals.
      return [...byId.values()].reverse().sort((a, b) => b.created - a.created);
    },
    async update(id, patch) {
      const key = byId.get(id);
      if (key === undefined) return undefined;
      const next = mergePatch(key, { lastUsed: patch.lastUsed, revoked: patch.revoked });
      byId.set(id, next);
      return next;
    },
    async remove(id) {
      return byId.delete(id);
    },
    async close() {},
  };
}
