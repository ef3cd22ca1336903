import type { Decision } from '../../core/index.js';
import type { DecisionStore } from '../decision-store.js';

const live = (d: Decision, now: number) => d.expires === null || d.expires > now;

/**
 * The in-memory decision store: for tests and `store.driver: memory`, where nothing outlives the process.
 * @example const store = createMemoryDecisionStore(); await store.add(decision);
 */
export function createMemoryDecisionStore(): DecisionStore {
  const byId = new Map<string, Decision>();
  return {
    async add(decision) {
      byId.delete(decision.id);
      byId.set(decision.id, decision);
    },
    async remove(id) {
      return byId.delete(id);
    },
    async list(now) {
      return [...byId.values()].filter((d) => live(d, now)).sort((a, b) => a.created - b.created);
    },
    async prune(now) {
      let removed = 0;
      for (const [id, d] of byId) if (!live(d, now) && byId.delete(id)) removed++;
      return removed;
    },
    async close() {},
  };
}
