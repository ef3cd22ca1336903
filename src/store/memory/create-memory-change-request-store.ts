import type { ChangeRequest, ChangeStatus } from '../../core/index.js';
import { changeIdTaken, changeLimit } from '../change-request-rules.js';
import type { ChangeRequestStore } from '../change-request-store.js';

// What is listed and pruned by, copied out of the request, and the request itself as JSON: what is handed out
// is parsed from it, a copy, and nothing the caller changes later reaches it.
interface Stored {
  /** Creation order, which breaks ties between requests of the same millisecond. */
  readonly seq: number;
  readonly status: ChangeStatus;
  readonly created: number;
  readonly decided: number | null;
  readonly text: string;
}

const stored = (seq: number, request: ChangeRequest): Stored => ({
  seq,
  status: request.status,
  created: request.created,
  decided: request.decided,
  text: JSON.stringify(request),
});

const copy = (entry: Stored) => JSON.parse(entry.text) as ChangeRequest;

/**
 * The in-memory change request store: for tests and `store.driver: memory`. Requests are few and pruned by
 * age, so it needs no bound of its own.
 * @example const store = createMemoryChangeRequestStore(); await store.create(request);
 */
export function createMemoryChangeRequestStore(): ChangeRequestStore {
  const byId = new Map<string, Stored>();
  let seq = 0;
  return {
    async create(request) {
      if (byId.has(request.id)) throw changeIdTaken('store.memory', request.id);
      byId.set(request.id, stored(++seq, request));
    },
    async get(id) {
      const entry = byId.get(id);
      return entry && copy(entry);
    },
    async list(query = {}) {
      const found = [...byId.values()].filter((e) => query.status === undefined || e.status === query.status);
      found.sort((a, b) => b.created - a.created || b.seq - a.seq);
      return found.slice(0, changeLimit(query.limit)).map(copy);
    },
    async update(request, expected) {
      const entry = byId.get(request.id);
      if (entry === undefined || entry.status !== expected) return false;
      byId.set(request.id, stored(entry.seq, request));
      return true;
    },
    async prune(before) {
      let removed = 0;
      for (const [id, entry] of byId)
        if (entry.status !== 'pending' && entry.decided !== null && entry.decided < before && byId.delete(id))
          removed++;
      return removed;
    },
    async close() {},
  };
}
