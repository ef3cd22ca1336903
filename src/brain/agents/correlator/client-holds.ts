import { LruMap } from '../../runtime/lru-map.js';
import { type AddressRange, parseAddressRange, rangeHolds } from '../shared/address-range.js';

const MAX_RANGES = 1000;

/**
 * Which clients are held (banned, trapped, refused) and until when: per address or IPv6 /64, and per range
 * decided on (a /24 ban holds every address in it). Bounded: `max` addresses, the least recently held
 * forgotten first, and 1,000 ranges.
 */
export class ClientHolds {
  readonly #until: LruMap<string, number>;
  readonly #ranges = new Map<string, { range: AddressRange; until: number }>();

  constructor(max: number) {
    this.#until = new LruMap(max);
  }

  /**
   * Holds an address, a /64 or (with `range`) a range until a time; a longer hold wins. True when the value
   * was not held at `now` before: only then can an incident become contained.
   */
  hold(value: string, until: number, now: number, range = false): boolean {
    if (range && this.#ranges.size < MAX_RANGES) {
      const parsed = parseAddressRange(value);
      if (parsed !== undefined) this.#ranges.set(value, { range: parsed, until });
    }
    const before = this.#until.peek(value, 0) ?? Number.NEGATIVE_INFINITY;
    if (until <= before) return false;
    this.#until.set(value, until, 0);
    return before <= now;
  }

  isHeld(prefix: string, now: number): boolean {
    if ((this.#until.peek(prefix, 0) ?? Number.NEGATIVE_INFINITY) > now) return true;
    if (this.#ranges.size === 0) return false;
    const address = parseAddressRange(prefix);
    if (address === undefined) return false;
    for (const { range, until } of this.#ranges.values())
      if (until > now && rangeHolds(range, address)) return true;
    return false;
  }

  /** Forgets the ranges whose hold ended. */
  sweep(now: number): void {
    for (const [value, { until }] of this.#ranges) if (until <= now) this.#ranges.delete(value);
  }
}
