/** A value an agent may keep: anything JSON can carry. */
export type JsonValue =
  | null
  | boolean
  | number
  | string
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue };

/** One remembered value of an agent. */
export interface AgentMemoryEntry {
  readonly key: string;
  readonly value: JsonValue;
  /** Epoch milliseconds from which it is forgotten; null for never. */
  readonly expires: number | null;
}

/**
 * Port: what the brain's agents remember across restarts (baselines, what they already did), as JSON values
 * under a key per agent. A value is alive while `expires` is null or after `now`; an expired one is never
 * returned, and `prune` removes it for good. Values are copies: changing one after `put` or `get` changes
 * nothing stored.
 */
export interface AgentMemoryStore {
  get(agent: string, key: string, now: number): Promise<JsonValue | undefined>;
  /** Inserts or replaces the value under agent and key; `expires` is epoch milliseconds, none for never. */
  put(agent: string, key: string, value: JsonValue, expires?: number | null): Promise<void>;
  /** Whether there was a value (alive or expired) to remove. */
  delete(agent: string, key: string): Promise<boolean>;
  /** The agent's values alive at `now`, those whose key starts with `prefix` (literally) when given, by key. */
  list(agent: string, now: number, prefix?: string): Promise<AgentMemoryEntry[]>;
  /** Removes every value that expired at or before `now`; returns how many. */
  prune(now: number): Promise<number>;
  /**
   * Removes every value, of any agent, whose key or JSON value mentions `text` (an address) as a whole address,
   * not as part of a longer one; returns how many.
   */
  eraseMentioning(text: string): Promise<number>;
  close(): Promise<void>;
}
