import type { RequestSample } from '../core/index.js';

/** Which samples to read. */
export interface RequestSampleQuery {
  readonly site?: string;
  /** Client address, exact. */
  readonly client?: string;
  /** Only those taken at or after this epoch millisecond. */
  readonly since?: number;
  /** Default 1000, capped at 100,000; newest first. */
  readonly limit?: number;
}

/**
 * Port: the bounded sample of recent requests that change requests are replayed against. Samples are values:
 * changing one after `add` or `list` changes nothing stored.
 */
export interface RequestSampleStore {
  /** Stores a batch; an id already stored is skipped. */
  add(samples: readonly RequestSample[]): Promise<void>;
  /** Newest first. */
  list(query?: RequestSampleQuery): Promise<RequestSample[]>;
  count(): Promise<number>;
  /** Keeps the newest `max` samples and removes the rest; returns how many went. */
  trim(max: number): Promise<number>;
  /** Removes samples taken before this epoch millisecond; returns how many. */
  prune(before: number): Promise<number>;
  /**
   * Removes every sample from this client address, and every sample that mentions it anywhere (a header, the
   * target, the body) as a whole address, not as part of a longer one; returns how many.
   */
  eraseClient(ip: string): Promise<number>;
  close(): Promise<void>;
}
