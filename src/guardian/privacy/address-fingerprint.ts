import { createHmac } from 'node:crypto';

/**
 * What the audit log records instead of an address it was asked to forget: `ip:` and the first 16 hex digits
 * of HMAC-SHA256 of the canonical address under a key only the operator holds. Without the key the address
 * cannot be recovered or guessed from it; with it, whoever knows the address can show that it was erased.
 * @example addressFingerprint('203.0.113.7', key) // 'ip:4f0c1d2e3a4b5c6d'
 */
export function addressFingerprint(address: string, key: Buffer): string {
  return `ip:${createHmac('sha256', key).update(address).digest('hex').slice(0, 16)}`;
}

/** A short public name of the fingerprint key, recorded with each fingerprint so the key can be matched. */
export function fingerprintKeyId(key: Buffer): string {
  return createHmac('sha256', key).update('infinisec fingerprint key id').digest('hex').slice(0, 8);
}
