import type { SecretStore } from '../store/secret-store.js';
import type { SecretBox } from './secret-box.js';

/**
 * Re-seals every stored secret with the `to` box, in one `replaceAll`: all or nothing. Opens every secret
 * first, so one that the `from` box cannot open (INFINISEC_ERR_SECRET_OPEN) stops it before anything changes.
 * Returns how many secrets were re-sealed.
 * @example const count = await rotateSecrets(secrets, createSecretBox(oldKey), createSecretBox(newKey));
 */
export async function rotateSecrets(
  store: SecretStore,
  from: SecretBox,
  to: SecretBox,
  clock: () => number = Date.now,
): Promise<number> {
  const updated = clock();
  const resealed = (await store.list()).map(({ name, sealed }) => {
    const plaintext = from.open(name, sealed);
    try {
      return { name, sealed: to.seal(name, plaintext), updated };
    } finally {
      plaintext.fill(0);
    }
  });
  await store.replaceAll(resealed);
  return resealed.length;
}
