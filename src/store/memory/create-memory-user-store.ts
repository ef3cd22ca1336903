import { InfinisecError, type User } from '../../core/index.js';
import { mergePatch } from '../merge-patch.js';
import type { UserStore } from '../user-store.js';

/**
 * The in-memory user store: for tests and `store.driver: memory`. Users are few, so a username is found by a
 * scan rather than a second index to keep in step.
 * @example const store = createMemoryUserStore(); await store.create(user);
 */
export function createMemoryUserStore(): UserStore {
  const byId = new Map<string, User>();
  const holder = (username: string) => [...byId.values()].find((u) => u.username === username);
  return {
    async create(user) {
      if (byId.has(user.id) || holder(user.username)) return false;
      byId.set(user.id, user);
      return true;
    },
    async get(id) {
      return byId.get(id);
    },
    async findByUsername(username) {
      return holder(username);
    },
    async list() {
      return [...byId.values()].sort((a, b) =>
        a.username < b.username ? -1 : a.username > b.username ? 1 : 0,
      );
    },
    async count() {
      return byId.size;
    },
    async update(id, patch) {
      const user = byId.get(id);
      if (user === undefined) return undefined;
      const next = mergePatch<User>(user, patch, ['id', 'created']);
      const other = holder(next.username);
      if (other !== undefined && other.id !== id)
        throw new InfinisecError(
          'INFINISEC_ERR_STORE',
          'store.users',
          `username "${next.username}" is taken`,
        );
      byId.set(id, next);
      return next;
    },
    async remove(id) {
      return byId.delete(id);
    },
    async close() {},
  };
}
