import { createHash, timingSafeEqual } from 'node:crypto';

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** SHA-256 of the UTF-8 text, as lowercase hex. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Whether two SHA-256 hex digests are equal, in time independent of where they differ. */
export function sameSha256Hex(a: string, b: string): boolean {
  // Lengths and shape are public (every digest has them), so checking them first leaks nothing.
  if (!SHA256_HEX.test(a) || !SHA256_HEX.test(b)) return false;
  return timingSafeEqual(Buffer.from(a, 'hex'), Buffer.from(b, 'hex'));
}
