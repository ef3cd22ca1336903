/**
 * A count over the last `windowMs`, kept in `slots` equal slots: adding and reading cost O(1) amortized and the
 * memory is fixed. The oldest slot is dropped whole, so the window is exact to one slot.
 * @example const c = new SlidingCounter(60_000, 12); c.add(Date.now()); c.total(Date.now()) // 1
 */
export class SlidingCounter {
  readonly #slots: Float64Array;
  readonly #slotMs: number;
  #sum = 0;
  /** Absolute number (time / slotMs) of the newest slot written, or -1 before the first. */
  #head = -1;
  /** Absolute number of the first slot ever written, to know how much history there is. */
  #first = -1;

  constructor(windowMs: number, slots: number) {
    if (!(windowMs > 0) || !Number.isInteger(slots) || slots < 1)
      throw new RangeError('SlidingCounter: windowMs must be positive and slots a positive integer');
    this.#slots = new Float64Array(slots);
    this.#slotMs = windowMs / slots;
  }

  /** Counts `n` at `now` (epoch milliseconds); a time before the newest slot counts in the newest. */
  add(now: number, n = 1): void {
    this.#advance(now);
    this.#slots[this.#head % this.#slots.length]! += n;
    this.#sum += n;
  }

  /** The count over the window ending at `now`. */
  total(now: number): number {
    this.#advance(now);
    return this.#sum;
  }

  /** Milliseconds of history the window holds at `now`: the window, or less since the first count. */
  span(now: number): number {
    if (this.#first === -1) return 0;
    const slots = Math.min(this.#slots.length, Math.floor(now / this.#slotMs) - this.#first + 1);
    return Math.max(0, slots) * this.#slotMs;
  }

  #advance(now: number): void {
    const slot = Math.floor(now / this.#slotMs);
    if (this.#head === -1) {
      this.#head = slot;
      this.#first = slot;
      return;
    }
    if (slot <= this.#head) return;
    const n = this.#slots.length;
    if (slot - this.#head >= n) {
      this.#slots.fill(0);
      this.#sum = 0;
    } else {
      for (let s = this.#head + 1; s <= slot; s++) {
        this.#sum -= this.#slots[s % n]!;
        this.#slots[s % n] = 0;
      }
    }
    this.#head = slot;
  }
}
