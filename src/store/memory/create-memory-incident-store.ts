import type { Incident } from '../../core/index.js';
import { withoutClient } from '../incident-erasure.js';
import type { IncidentStore } from '../incident-store.js';

const DEFAULT_LIMIT = 100;

/**
 * The in-memory incident store: for tests and `store.driver: memory`. Incidents are few (the brain groups
 * events into them) and pruned by age, so it needs no bound of its own.
 * @example const store = createMemoryIncidentStore(); await store.put(incident);
 */
export function createMemoryIncidentStore(): IncidentStore {
  const byId = new Map<string, Incident>();
  return {
    async put(incident) {
      byId.delete(incident.id);
      byId.set(incident.id, incident);
    },
    async get(id) {
      return byId.get(id);
    },
    async list(query = {}) {
      const out: Incident[] = [];
      for (const incident of byId.values()) {
        if (query.status !== undefined && incident.status !== query.status) continue;
        if (query.site !== undefined && incident.site !== query.site) continue;
        if (query.since !== undefined && incident.lastSeen < query.since) continue;
        if (query.client !== undefined && !incident.clients.includes(query.client)) continue;
        out.push(incident);
      }
      return out.sort((a, b) => b.lastSeen - a.lastSeen).slice(0, query.limit ?? DEFAULT_LIMIT);
    },
    async prune(before) {
      let removed = 0;
      for (const [id, incident] of byId) if (incident.lastSeen < before && byId.delete(id)) removed++;
      return removed;
    },
    async eraseClient(ip) {
      let changed = 0;
      for (const [id, incident] of byId) {
        if (!incident.clients.includes(ip)) continue;
        const kept = withoutClient(incident, ip);
        // Setting a key already there keeps its place, as the databases keep the row's.
        if (kept === undefined) byId.delete(id);
        else byId.set(id, kept);
        changed++;
      }
      return changed;
    },
    async close() {},
  };
}
