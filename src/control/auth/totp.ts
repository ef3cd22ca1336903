import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { base32Decode, base32Encode } from './base32.js';

export { base32Decode, base32Encode } from './base32.js';

/** Seconds each TOTP code lasts (RFC 6238's default, which authenticator apps assume). */
export const TOTP_PERIOD_SECONDS = 30;
/** Digits of a TOTP code. */
export const TOTP_DIGITS = 6;
/** Steps either side of the current one whose codes are still accepted (clock drift). */
export const TOTP_WINDOW = 1;

const SIX_DIGITS = /^\d{6}$/;

/** A new TOTP seed: 20 random bytes (RFC 4226's recommended 160 bits), base32 without padding. */
export function generateTotpSecret(): string {
  return base32Encode(randomBytes(20));
}

/**
 * The RFC 4226 HOTP value (HMAC-SHA1, dynamic truncation) of a key at a counter.
 * @example hotp(Buffer.from('12345678901234567890'), 0) // '755224'
 */
export function hotp(key: Uint8Array, counter: number, digits = TOTP_DIGITS): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', key).update(message).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** The time step (RFC 6238's T) of an epoch-millisecond instant. */
export function totpStep(now: number): number {
  return Math.floor(now / 1000 / TOTP_PERIOD_SECONDS);
}

/** The TOTP code of a base32 seed at a time step. */
export function totpAt(secret: string, timeStep: number, digits = TOTP_DIGITS): string {
  return hotp(base32Decode(secret), timeStep, digits);
}

/**
 * The time step whose code `code` is, within one step of `now` and after `lastUsedStep`, or undefined.
 * Store the step and pass it back next time: a code is good once.
 * @example const step = verifyTotp(seed, '123456', Date.now(), user.lastStep);
 */
export function verifyTotp(
  secret: string,
  code: string,
  now: number,
  lastUsedStep?: number,
): number | undefined {
  if (!SIX_DIGITS.test(code)) return undefined;
  const key = base32Decode(secret);
  const given = Buffer.from(code);
  const current = totpStep(now);
  let matched: number | undefined;
  // Every step in the window is compared, so the time taken does not tell which one matched.
  for (let step = current - TOTP_WINDOW; step <= current + TOTP_WINDOW; step++) {
    const equal = step >= 0 && timingSafeEqual(Buffer.from(hotp(key, step)), given);
    // The latest match wins: it leaves no earlier code of the window to replay.
    if (equal && (lastUsedStep === undefined || step > lastUsedStep)) matched = step;
  }
  return matched;
}

/**
 * The `otpauth://` URI an authenticator app reads from a QR code (Google's Key URI Format).
 * @example totpUri('infinisec', 'alice', seed) // 'otpauth://totp/infinisec:alice?secret=…&issuer=infinisec&…'
 */
export function totpUri(issuer: string, account: string, secret: string): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  const query = [
    `secret=${encodeURIComponent(secret)}`,
    `issuer=${encodeURIComponent(issuer)}`,
    'algorithm=SHA1',
    `digits=${TOTP_DIGITS}`,
    `period=${TOTP_PERIOD_SECONDS}`,
  ].join('&');
  return `otpauth://totp/${label}?${query}`;
}
