import type { SecretBox } from '../guardian/index.js';
import type { SecretStore } from '../store/index.js';
import { createKeyRing, createSigningKey, type KeyRing, type SigningKey } from './auth/index.js';

/** The keys that sign access tokens, kept sealed in the secret store so every process shares them. */
export interface SigningKeys {
  readonly ring: KeyRing;
  /** Rotates the active key when it is due, retires old keys and picks up keys other processes made. */
  maintain(): Promise<void>;
  /** Reads keys made elsewhere (rate limited); called when a token names a key this process lacks. */
  refresh(): Promise<void>;
}

const PREFIX = 'jwt:';
const REFRESH_EVERY_MS = 10_000;

/** Timings of key rotation. */
export interface SigningKeyOptions {
  /** A new signing key this often. */
  readonly rotateEveryMs: number;
  /** How long a replaced key still verifies: at least the access token lifetime. */
  readonly keepMs: number;
}

/**
 * Loads the signing keys from the secret store (making the first when there is none) and keeps them rotating.
 * @example const keys = await openSigningKeys(secrets, box, Date.now, { rotateEveryMs: DAY, keepMs: HOUR });
 */
export async function openSigningKeys(
  secrets: SecretStore,
  box: SecretBox,
  clock: () => number,
  options: SigningKeyOptions,
): Promise<SigningKeys> {
  const ring = createKeyRing();
  let lastRefresh = 0;

  const load = async () => {
    lastRefresh = clock();
    for (const stored of await secrets.list(PREFIX)) {
      const kid = stored.name.slice(PREFIX.length);
      if (ring.get(kid)) continue;
      const { secret, created } = JSON.parse(box.open(stored.name, stored.sealed).toString('utf8')) as {
        secret: string;
        created: number;
      };
      ring.add({ kid, secret: Buffer.from(secret, 'base64'), created });
    }
  };
  const save = (key: SigningKey) =>
    secrets.put({
      name: `${PREFIX}${key.kid}`,
      sealed: box.seal(
        `${PREFIX}${key.kid}`,
        JSON.stringify({ secret: key.secret.toString('base64'), created: key.created }),
      ),
      updated: clock(),
    });

  const maintain = async () => {
    await load();
    const now = clock();
    if (ring.active === undefined) {
      const first = createSigningKey(now);
      ring.add(first);
      await save(first);
    }
    const rotated = ring.rotateIfDue(now, options.rotateEveryMs);
    if (rotated) await save(rotated);
    for (const retired of ring.retire(now, options.keepMs)) await secrets.remove(`${PREFIX}${retired.kid}`);
  };

  await maintain();
  return {
    ring,
    maintain,
    async refresh() {
      if (clock() - lastRefresh < REFRESH_EVERY_MS) return;
      await load();
    },
  };
}
