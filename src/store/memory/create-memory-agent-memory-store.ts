import { aliveAt, encodeMemoryValue } from '../agent-memory-rules.js';
import type { AgentMemoryEntry, AgentMemoryStore, JsonValue } from '../agent-memory-store.js';
import { mentionsAddress, valueMentionsAddress } from '../mentions-address.js';

interface Stored {
  readonly text: string;
  readonly expires: number | null;
}

/**
 * The in-memory agent memory: for tests and `store.driver: memory`. Values are kept as JSON text, so that
 * they come back as copies, exactly as from a database.
 * @example const memory = createMemoryAgentMemoryStore(); await memory.put('correlator', 'k', { a: 1 });
 */
export function createMemoryAgentMemoryStore(): AgentMemoryStore {
  const agents = new Map<string, Map<string, Stored>>();
  return {
    async get(agent, key, now) {
      const stored = agents.get(agent)?.get(key);
      if (stored === undefined || !aliveAt(stored.expires, now)) return undefined;
      return JSON.parse(stored.text) as JsonValue;
    },
    async put(agent, key, value, expires = null) {
      const text = encodeMemoryValue('store.memory', agent, key, value);
      let keys = agents.get(agent);
      if (keys === undefined) {
        keys = new Map();
        agents.set(agent, keys);
      }
      keys.set(key, { text, expires });
    },
    async delete(agent, key) {
      const keys = agents.get(agent);
      const removed = keys?.delete(key) ?? false;
      if (keys?.size === 0) agents.delete(agent);
      return removed;
    },
    async list(agent, now, prefix = '') {
      const out: AgentMemoryEntry[] = [];
      for (const [key, stored] of agents.get(agent) ?? []) {
        if (!key.startsWith(prefix) || !aliveAt(stored.expires, now)) continue;
        out.push({ key, value: JSON.parse(stored.text) as JsonValue, expires: stored.expires });
      }
      // Code-unit order, as SQLite's BINARY and PostgreSQL's "C" collation give for these keys.
      return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    },
    async prune(now) {
      let removed = 0;
      for (const [agent, keys] of agents) {
        for (const [key, stored] of keys) if (!aliveAt(stored.expires, now) && keys.delete(key)) removed++;
        if (keys.size === 0) agents.delete(agent);
      }
      return removed;
    },
    async eraseMentioning(text) {
      let removed = 0;
      for (const [agent, keys] of agents) {
        for (const [key, stored] of keys)
          if (
            (mentionsAddress(key, text) || valueMentionsAddress(JSON.parse(stored.text), text)) &&
            keys.delete(key)
          )
            removed++;
        if (keys.size === 0) agents.delete(agent);
      }
      return removed;
    },
    async close() {},
  };
}
