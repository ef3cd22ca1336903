import type { Action, SecurityEvent } from '../core/index.js';

/** Which events to read. Every field narrows; none given means all. */
export interface EventQuery {
  /** Epoch milliseconds, inclusive. */
  readonly from?: number;
  /** Epoch milliseconds, exclusive. */
  readonly to?: number;
  readonly site?: string;
  /** Client address, exact. */
  readonly client?: string;
  readonly action?: Action;
  /** An analyzer that found something (`sqli`, `xss`...). */
  readonly category?: string;
  /** Request path prefix. */
  readonly path?: string;
}

/** One page of events, newest first. */
export interface EventPage {
  readonly events: SecurityEvent[];
  /** Opaque: pass as `cursor` for the next (older) page; null at the end. */
  readonly next: string | null;
}

/** Counts for one time bucket. */
export interface EventBucket {
  /** Bucket start, epoch milliseconds. */
  readonly time: number;
  readonly requests: number;
  readonly blocked: number;
  readonly challenged: number;
  /** Rate limited, trapped in the labyrinth or tarpitted. */
  readonly slowed: number;
  /** Requests with at least one finding. */
  readonly attacks: number;
}

/** What charts need over a time range. */
export interface EventStats {
  readonly total: number;
  readonly buckets: readonly EventBucket[];
  readonly categories: readonly { readonly category: string; readonly count: number }[];
  readonly actions: readonly { readonly action: string; readonly count: number }[];
  readonly topClients: readonly { readonly ip: string; readonly count: number; readonly attacks: number }[];
  readonly topPaths: readonly { readonly path: string; readonly count: number }[];
  /**
   * Gateway time per request, milliseconds, by nearest rank. Over large ranges an adapter may read them from a
   * histogram: then each is the upper bound of the bucket holding that rank, and approximate.
   */
  readonly latency: { readonly p50: number; readonly p95: number; readonly p99: number };
}

/** Where an event writer sends its batches: an event store, or a stream that carries them to one. */
export interface EventSink {
  /** Takes a batch at once; an id already taken is skipped. Rejects when the batch was not taken. */
  append(events: readonly SecurityEvent[]): Promise<void>;
}

/** Port: where security events are kept for search and charts. */
export interface EventStore extends EventSink {
  /** Writes a batch at once (one transaction where the adapter has them); an id already stored is skipped. */
  append(events: readonly SecurityEvent[]): Promise<void>;
  get(id: string): Promise<SecurityEvent | undefined>;
  /** Newest first; `limit` defaults to 100 and is capped at 1000; a malformed `cursor` is refused (RangeError). */
  query(query: EventQuery & { readonly limit?: number; readonly cursor?: string }): Promise<EventPage>;
  count(query?: EventQuery): Promise<number>;
  /**
   * Aggregates over the query: `bucketMs` wide buckets from `from` (or the first event) to `to` (or the last),
   * `top` entries per list (default 10). Refuses (RangeError) a `bucketMs` that is not positive or that would
   * make more than 10,000 buckets.
   */
  stats(query: EventQuery & { readonly bucketMs: number; readonly top?: number }): Promise<EventStats>;
  /** Removes events older than this epoch millisecond; returns how many. */
  prune(before: number): Promise<number>;
  /**
   * Removes every event from this client address, and every event that mentions it anywhere in its record (a
   * finding's evidence, a header) as a whole address, not as part of a longer one, together with anything kept
   * about them (rollups' client lists); returns how many events went.
   */
  eraseClient(ip: string): Promise<number>;
  close(): Promise<void>;
}
