import type { ConfigVersion, ConfigVersionStore } from '../config-version-store.js';

const DEFAULT_LIMIT = 50;

/**
 * The in-memory configuration history: for tests and `store.driver: memory`.
 * @example const store = createMemoryConfigVersionStore(); await store.append(applied);
 */
export function createMemoryConfigVersionStore(): ConfigVersionStore {
  // versions[i] is version i + 1.
  const versions: ConfigVersion[] = [];
  return {
    async append(applied) {
      const version = { version: versions.length + 1, ...applied, sealed: applied.sealed ?? null };
      versions.push(version);
      return version;
    },
    async get(version) {
      return versions[version - 1];
    },
    async latest() {
      return versions[versions.length - 1];
    },
    async list(limit = DEFAULT_LIMIT) {
      return versions.slice(Math.max(0, versions.length - limit)).reverse();
    },
    async close() {},
  };
}
