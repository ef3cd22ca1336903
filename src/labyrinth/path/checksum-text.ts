import { BASE36_LENGTH, HEX_LENGTH } from './locate-checksum.js';

// Both halves stay small integers: Number#toString(36) of a 48-bit number takes V8's slow floating-point
// path, ten times the cost of two small ones, and every link on every page pays it.
const HALF = { 36: 36 ** (BASE36_LENGTH / 2), 16: 16 ** (HEX_LENGTH / 2) } as const;
const HALF_DIGITS = { 36: BASE36_LENGTH / 2, 16: HEX_LENGTH / 2 } as const;

/** A checksum value as ten base-36 or twelve hexadecimal digits, zero-padded. */
export function writeChecksum(value: number, radix: 36 | 16): string {
  const high = Math.floor(value / HALF[radix]);
  const low = value - high * HALF[radix];
  return (
    high.toString(radix).padStart(HALF_DIGITS[radix], '0') +
    low.toString(radix).padStart(HALF_DIGITS[radix], '0')
  );
}

/** The value of checksum digits that `locateChecksum` found (so known to be valid digits of `radix`). */
export function readChecksum(digits: string, radix: 36 | 16): number {
  const half = HALF_DIGITS[radix];
  return (
    Number.parseInt(digits.slice(0, half), radix) * HALF[radix] + Number.parseInt(digits.slice(half), radix)
  );
}
