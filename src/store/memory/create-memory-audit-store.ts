import type { AuditEntry } from '../../core/index.js';
import type { AuditHead, AuditStore } from '../audit-store.js';
import { auditLimit, matchesAuditQuery } from '../audit-store-rules.js';

/**
 * The in-memory audit chain: for tests and `store.driver: memory`, where nothing outlives the process.
 * Appends are atomic because `link` is synchronous and nothing else runs between reading and moving the head.
 * @example const store = createMemoryAuditStore(); const log = createAuditLog(store);
 */
export function createMemoryAuditStore(): AuditStore {
  const entries: AuditEntry[] = [];
  let head: AuditHead | undefined;
  return {
    async append(link) {
      const entry = link(head);
      entries.push(entry);
      head = { seq: entry.seq, hash: entry.hash };
      return entry;
    },
    async head() {
      return head;
    },
    async list(query = {}) {
      const limit = auditLimit(query);
      const matching = entries.filter((entry) => matchesAuditQuery(entry, query));
      // Stable: entries with the same seq (only in a tampered log) keep their storage order.
      return matching.sort((a, b) => a.seq - b.seq).slice(0, limit);
    },
    async *scan() {
      // By index, so entries appended while scanning are seen, as the SQLite adapter's pages see them.
      for (let i = 0; i < entries.length; i++) yield entries[i]!;
    },
    async close() {},
  };
}
