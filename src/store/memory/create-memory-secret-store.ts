import type { SealedSecret, SecretStore } from '../secret-store.js';
import { secretGone } from '../secret-store-rules.js';

// By UTF-8 bytes, as SQLite orders text, so both adapters list in the same order.
const byName = (a: SealedSecret, b: SealedSecret) => Buffer.compare(Buffer.from(a.name), Buffer.from(b.name));

/**
 * The in-memory secret store: for tests and `store.driver: memory`, where nothing outlives the process.
 * @example const store = createMemorySecretStore(); await store.put({ name, sealed: box.seal(name, v), updated });
 */
export function createMemorySecretStore(): SecretStore {
  const secrets = new Map<string, SealedSecret>();
  return {
    async put(secret) {
      secrets.set(secret.name, { ...secret });
    },
    async get(name) {
      return secrets.get(name);
    },
    async list(prefix = '') {
      return [...secrets.values()].filter((s) => s.name.startsWith(prefix)).sort(byName);
    },
    async remove(name) {
      return secrets.delete(name);
    },
    async replaceAll(replacements) {
      const missing = replacements.find((s) => !secrets.has(s.name));
      if (missing !== undefined) throw secretGone(missing.name);
      for (const secret of replacements) secrets.set(secret.name, { ...secret });
    },
    async close() {},
  };
}
