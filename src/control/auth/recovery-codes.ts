import { randomBytes } from 'node:crypto';
import { sameSha256Hex, sha256Hex } from './digest.js';

/**
 * Crockford's base32 alphabet in lowercase: no i, l, o or u. 32 symbols give 5 bits each, so 12 of
 * them carry 60 bits; 0 and 1 appear, and the letters people mistake for them (o, i, l) are read as them.
 */
export const RECOVERY_CODE_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
/** Symbols in a recovery code (three groups of four). */
export const RECOVERY_CODE_LENGTH = 12;

const NORMALIZED_CODE = /^[0-9a-hjkmnp-tv-z]{12}$/;
const LOOKALIKES: Record<string, string> = { o: '0', i: '1', l: '1' };

/**
 * `count` fresh, distinct recovery codes, each like `7kq2-m9xd-04fh` (60 bits).
 * @example const codes = generateRecoveryCodes(); const hashes = codes.map(hashRecoveryCode);
 */
export function generateRecoveryCodes(count = 10): string[] {
  if (!Number.isInteger(count) || count < 1 || count > 100)
    throw new RangeError(`count must be 1–100: ${count}`);
  const codes = new Set<string>();
  while (codes.size < count) codes.add(generateRecoveryCode());
  return [...codes];
}

/** SHA-256 hex of the normalized code (lowercase, dashes and spaces removed, o→0, i and l→1). */
export function hashRecoveryCode(code: string): string {
  return sha256Hex(normalizeRecoveryCode(code));
}

/**
 * The hashes left once `code` is used, or undefined when it matches none. Every hash is compared,
 * in constant time, whichever matches.
 */
export function consumeRecoveryCode(hashes: readonly string[], code: string): readonly string[] | undefined {
  // Longer than any spelling of a code: refuse before normalizing unbounded input.
  if (code.length > 4 * RECOVERY_CODE_LENGTH) return undefined;
  const normalized = normalizeRecoveryCode(code);
  if (!NORMALIZED_CODE.test(normalized)) return undefined;
  const given = sha256Hex(normalized);
  let matched = -1;
  hashes.forEach((hash, index) => {
    if (sameSha256Hex(hash, given) && matched < 0) matched = index;
  });
  return matched < 0 ? undefined : hashes.filter((_, index) => index !== matched);
}

function generateRecoveryCode(): string {
  // 256 is a multiple of 32, so the low five bits of a random byte pick a symbol without bias.
  const symbols = [...randomBytes(RECOVERY_CODE_LENGTH)].map((byte) => RECOVERY_CODE_ALPHABET[byte & 31]);
  return [0, 4, 8].map((at) => symbols.slice(at, at + 4).join('')).join('-');
}

function normalizeRecoveryCode(code: string): string {
  return code
    .toLowerCase()
    .replace(/[-\s]/g, '')
    .replace(/[oil]/g, (c) => LOOKALIKES[c]!);
}
