import { InfinisecError } from '../core/index.js';

/** What `replaceAll` throws when a secret it should replace is not there (removed meanwhile): nothing changed. */
export function secretGone(name: string): InfinisecError {
  return new InfinisecError(
    'INFINISEC_ERR_STORE',
    'store.secrets',
    `no secret "${name}" to replace; nothing was changed`,
  );
}
