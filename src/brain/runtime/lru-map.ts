/**
 * A map bounded in size and age, for agent state kept per client: at most `max` entries, the least recently
 * touched evicted first, and an entry untouched for `ttlMs` forgotten. Times come from the caller, so that a
 * test's clock drives expiry.
 * @example const clients = new LruMap<string, State>(10_000, 900_000); clients.set('192.0.2.1', s, now);
 */
export class LruMap<K, V> {
  readonly max: number;
  readonly ttlMs: number;
  // Map keeps insertion order: re-inserting on touch keeps the least recently touched first.
  readonly #entries = new Map<K, { value: V; touched: number }>();

  constructor(max: number, ttlMs = Number.POSITIVE_INFINITY) {
    if (!Number.isInteger(max) || max < 1)
      throw new RangeError(`brain: an LRU map holds at least 1 entry, not ${max}`);
    this.max = max;
    this.ttlMs = ttlMs;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** The value, touched now; undefined when absent or expired (and then removed). */
  get(key: K, now: number): V | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    this.#entries.delete(key);
    if (now - entry.touched >= this.ttlMs) return undefined;
    entry.touched = now;
    this.#entries.set(key, entry);
    return entry.value;
  }

  /** The value without touching it, unless expired. */
  peek(key: K, now: number): V | undefined {
    const entry = this.#entries.get(key);
    return entry === undefined || now - entry.touched >= this.ttlMs ? undefined : entry.value;
  }

  /** Sets and touches; returns what was evicted to make room, if anything. */
  set(key: K, value: V, now: number): [K, V] | undefined {
    this.#entries.delete(key);
    this.#entries.set(key, { value, touched: now });
    if (this.#entries.size <= this.max) return undefined;
    const [oldKey, oldest] = this.#entries.entries().next().value as [K, { value: V }];
    this.#entries.delete(oldKey);
    return [oldKey, oldest.value];
  }

  delete(key: K): boolean {
    return this.#entries.delete(key);
  }

  /** Removes the entries untouched for `ttlMs`, oldest first; returns them. */
  expire(now: number): [K, V][] {
    const gone: [K, V][] = [];
    for (const [key, entry] of this.#entries) {
      if (now - entry.touched < this.ttlMs) break;
      this.#entries.delete(key);
      gone.push([key, entry.value]);
    }
    return gone;
  }

  /** Entries, least recently touched first (expired ones included until `expire` runs). */
  *entries(): IterableIterator<[K, V]> {
    for (const [key, entry] of this.#entries) yield [key, entry.value];
  }
}
