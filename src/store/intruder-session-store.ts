import type { IntruderSession } from '../core/index.js';

/** Filters for listing intruder sessions. */
export interface IntruderSessionQuery {
  readonly site?: string;
  /** Only sessions seen at or after this epoch millisecond. */
  readonly since?: number;
  /** Client address, exact. */
  readonly client?: string;
  /** At most this many, most recently seen first (default 100). */
  readonly limit?: number;
}

/** Port: where the labyrinth's intruder sessions are kept for the control plane to list. */
export interface IntruderSessionStore {
  /** Inserts or replaces a session by id. */
  put(session: IntruderSession): Promise<void>;
  get(id: string): Promise<IntruderSession | undefined>;
  list(query?: IntruderSessionQuery): Promise<IntruderSession[]>;
  /** Removes sessions last seen before this epoch millisecond; returns how many. */
  prune(before: number): Promise<number>;
  /** Removes every session of this client address; returns how many. */
  eraseClient(ip: string): Promise<number>;
}
