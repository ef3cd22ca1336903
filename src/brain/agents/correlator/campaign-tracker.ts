import { LruMap } from '../../runtime/lru-map.js';

const MAX_CLIENTS_PER_FAMILY = 10_000;

/**
 * Which addresses sent each payload family lately: per family, the addresses seen within the window, in
 * bounded memory (families least recently seen are forgotten first; a family holds at most 10,000 addresses).
 */
export class CampaignTracker {
  readonly #windowMs: number;
  readonly #families: LruMap<string, Map<string, number>>;

  constructor(maxFamilies: number, windowMs: number) {
    this.#windowMs = windowMs;
    this.#families = new LruMap(maxFamilies, windowMs);
  }

  /** Records that `prefix` sent the family at `time`; returns how many addresses did within the window. */
  record(family: string, prefix: string, time: number): number {
    let seen = this.#families.get(family, time);
    if (seen === undefined) {
      seen = new Map();
      this.#families.set(family, seen, time);
    }
    seen.delete(prefix);
    seen.set(prefix, time);
    this.#trim(seen, time);
    return seen.size;
  }

  /** The addresses that sent the family within the window before `time`. */
  prefixes(family: string, time: number): string[] {
    const seen = this.#families.peek(family, time);
    if (seen === undefined) return [];
    this.#trim(seen, time);
    return [...seen.keys()];
  }

  #trim(seen: Map<string, number>, time: number): void {
    // Insertion order is the order of last sight: the stale ones are first.
    for (const [prefix, last] of seen) {
      if (last > time - this.#windowMs && seen.size <= MAX_CLIENTS_PER_FAMILY) break;
      seen.delete(prefix);
    }
  }
}
