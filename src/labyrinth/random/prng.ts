// Chris Doty-Humphrey's sfc32: 128 bits of state, 32-bit integer steps only, fast and good enough to pick
// words; the seed comes from an HMAC, so the stream is keyed even though the generator itself is not.
const WARM_UP_ROUNDS = 12;
const TWO_POW_32 = 2 ** 32;

/**
 * A small fast deterministic random stream, seeded from the first 16 bytes of a digest.
 * @example new Prng(createHash('sha256').update('x').digest()).below(6)
 */
export class Prng {
  // An Int32Array wraps each word to 32 bits on store, so the steps need no `| 0`, and V8 keeps it unboxed.
  readonly #s = new Int32Array(4);

  constructor(seed: Uint8Array) {
    const view = new DataView(seed.buffer, seed.byteOffset, seed.byteLength);
    for (let i = 0; i < 4; i++) this.#s[i] = view.getUint32(4 * i);
    // The counter word keeps the all-zero state from being a fixed point.
    this.#s[3] = this.#s[3]! | 1;
    for (let i = 0; i < WARM_UP_ROUNDS; i++) this.next();
  }

  /** The next unsigned 32-bit integer. */
  next(): number {
    const s = this.#s;
    const a = s[0]!;
    const b = s[1]!;
    const c = s[2]!;
    const d = s[3]!;
    const t = (a + b + d) | 0;
    s[3] = d + 1;
    s[0] = b ^ (b >>> 9);
    s[1] = c + (c << 3);
    s[2] = ((c << 21) | (c >>> 11)) + t;
    return t >>> 0;
  }

  /** An integer in [0, n). */
  below(n: number): number {
    return Math.floor((this.next() / TWO_POW_32) * n);
  }

  /** An integer in [low, high], both included. */
  between(low: number, high: number): number {
    return low + this.below(high - low + 1);
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p * TWO_POW_32;
  }

  /** One item of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    return items[this.below(items.length)]!;
  }
}
