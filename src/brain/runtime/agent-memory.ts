import type { AgentMemoryEntry, AgentMemoryStore, JsonValue } from '../../store/index.js';

/** One agent's view of the agent memory store: its own keys, its clock, expiry given as a time to live. */
export interface AgentMemory {
  get(key: string): Promise<JsonValue | undefined>;
  /** Stores a JSON value; with `ttlMs`, it is forgotten that long from now. */
  put(key: string, value: JsonValue, options?: { readonly ttlMs?: number }): Promise<void>;
  delete(key: string): Promise<boolean>;
  /** Its values alive now, by key, those starting with `prefix` when given. */
  list(prefix?: string): Promise<AgentMemoryEntry[]>;
}

/**
 * Binds the store to one agent id and a clock.
 * @example const memory = agentMemory(store, 'behaviour-analyst'); await memory.put('k', 1, { ttlMs: 60_000 });
 */
export function agentMemory(
  store: AgentMemoryStore,
  agent: string,
  now: () => number = Date.now,
): AgentMemory {
  return {
    get: (key) => store.get(agent, key, now()),
    put: (key, value, options = {}) =>
      store.put(agent, key, value, options.ttlMs === undefined ? null : now() + options.ttlMs),
    delete: (key) => store.delete(agent, key),
    list: (prefix) => store.list(agent, now(), prefix),
  };
}
