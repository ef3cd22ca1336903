import type { Prng } from './prng.js';

/** Lowercase hexadecimal digits. */
export const HEX = '0123456789abcdef';
/** Letters and digits, as in API keys and salts. */
export const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

// Reused: one array of character codes turned into a string at once beats joining one-character strings.
const codes: number[] = [];

/**
 * `length` characters drawn from `alphabet` (at most 64 characters). Each 32-bit draw gives five 6-bit
 * indices: a decoy salt or hash needs to look random, not to be uniform, and this keeps long ones cheap.
 * @example randomString(rng, HEX, 40)
 */
export function randomString(rng: Prng, alphabet: string, length: number): string {
  codes.length = length;
  let bits = 0;
  for (let i = 0; i < length; i++) {
    if (i % 5 === 0) bits = rng.next();
    codes[i] = alphabet.charCodeAt((bits & 63) % alphabet.length);
    bits >>>= 6;
  }
  return String.fromCharCode.apply(null, codes);
}
