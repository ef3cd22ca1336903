// fromCharCode.apply takes its units as arguments: stay well below engine argument limits.
const CHUNK = 8192;

/**
 * A growable list of UTF-16 code units for transforms that build their output unit by unit. Its string is
 * flat: `+=` on many small pieces gives a deep rope that every later char access pays for. A plain array
 * of small integers, because `fromCharCode.apply` reads those far faster than a typed array.
 */
export class CodeUnitBuffer {
  readonly #units: number[] = [];

  get length(): number {
    return this.#units.length;
  }

  clear(): void {
    this.#units.length = 0;
  }

  push(unit: number): void {
    this.#units.push(unit);
  }

  pushCodePoint(codePoint: number): void {
    if (codePoint <= 0xffff) this.#units.push(codePoint);
    else this.#units.push(0xd800 + ((codePoint - 0x10000) >> 10), 0xdc00 + ((codePoint - 0x10000) & 0x3ff));
  }

  /** Appends `s.slice(from, to)`. */
  pushSlice(s: string, from: number, to: number): void {
    for (let i = from; i < to; i++) this.#units.push(s.charCodeAt(i));
  }

  toString(): string {
    const units = this.#units;
    if (units.length <= CHUNK) return String.fromCharCode.apply(null, units);
    let out = '';
    for (let from = 0; from < units.length; from += CHUNK)
      out += String.fromCharCode.apply(null, units.slice(from, from + CHUNK));
    return out;
  }
}
