import type { IntruderSession } from '../../core/index.js';
import type { IntruderSessionStore } from '../intruder-session-store.js';

const DEFAULT_LIMIT = 100;

/**
 * The in-memory intruder session store, bounded: past `max` sessions the least recently seen goes.
 * @example const store = createMemoryIntruderSessionStore({ max: 100_000 });
 */
export function createMemoryIntruderSessionStore(options: { readonly max: number }): IntruderSessionStore {
  if (!Number.isInteger(options.max) || options.max < 1)
    throw new TypeError('store.memory: max must be a positive integer');
  const byId = new Map<string, IntruderSession>();
  return {
    async put(session) {
      byId.delete(session.id);
      byId.set(session.id, session);
      while (byId.size > options.max) byId.delete(byId.keys().next().value!);
    },
    async get(id) {
      return byId.get(id);
    },
    async list(query = {}) {
      const limit = query.limit ?? DEFAULT_LIMIT;
      const out: IntruderSession[] = [];
      for (const session of byId.values()) {
        if (query.site !== undefined && session.site !== query.site) continue;
        if (query.since !== undefined && session.lastSeen < query.since) continue;
        if (query.client !== undefined && session.client.ip !== query.client) continue;
        out.push(session);
      }
      return out.sort((a, b) => b.lastSeen - a.lastSeen).slice(0, limit);
    },
    async prune(before) {
      let removed = 0;
      for (const [id, session] of byId) {
        if (session.lastSeen < before) {
          byId.delete(id);
          removed++;
        }
      }
      return removed;
    },
    async eraseClient(ip) {
      let removed = 0;
      for (const [id, session] of byId) if (session.client.ip === ip && byId.delete(id)) removed++;
      return removed;
    },
  };
}
