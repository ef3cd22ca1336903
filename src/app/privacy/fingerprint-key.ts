import { randomBytes } from 'node:crypto';
import type { SecretBox } from '../../guardian/index.js';
import type { SecretStore } from '../../store/secret-store.js';

/** The secret the fingerprint key is kept under. */
export const FINGERPRINT_SECRET = 'privacy:fingerprint-key';

/**
 * The key of the fingerprints the audit log records for erased addresses: 32 random bytes made once and kept
 * sealed in the secret store. Kept rather than derived from the secret key, so that a key rotation (which
 * re-seals it) does not change the fingerprints of earlier erasures.
 * @example const key = await openFingerprintKey(stores.secrets, box);
 */
export async function openFingerprintKey(
  secrets: SecretStore,
  box: SecretBox,
  clock: () => number = Date.now,
): Promise<Buffer> {
  const stored = await secrets.get(FINGERPRINT_SECRET);
  if (stored !== undefined) return box.open(FINGERPRINT_SECRET, stored.sealed);
  const key = randomBytes(32);
  await secrets.put({
    name: FINGERPRINT_SECRET,
    sealed: box.seal(FINGERPRINT_SECRET, key),
    updated: clock(),
  });
  // Read back: of two processes making it at once, both end up with the one stored last.
  const kept = await secrets.get(FINGERPRINT_SECRET);
  return kept === undefined ? key : box.open(FINGERPRINT_SECRET, kept.sealed);
}
