import { randomBytes } from 'node:crypto';
import { InfinisecError } from '../../core/index.js';

/** A secret that signs access tokens (HS256), named in each token's header by its `kid`. */
export interface SigningKey {
  readonly kid: string;
  /** 32 random bytes: HS256 wants a key as long as its output (RFC 7518 §3.2). */
  readonly secret: Buffer;
  /** Epoch milliseconds. */
  readonly created: number;
}

/** Shortest secret a signing key may have, in bytes. */
export const SIGNING_KEY_BYTES = 32;

/** A new random signing key, created at `now` (epoch ms). */
export function createSigningKey(now: number): SigningKey {
  return { kid: randomBytes(8).toString('hex'), secret: randomBytes(SIGNING_KEY_BYTES), created: now };
}

/**
 * Signing keys, newest active; older ones verify tokens until they are retired.
 * Starts empty when nothing is stored: `rotateIfDue` then creates the first key.
 * @example
 * const ring = createKeyRing(stored);
 * const fresh = ring.rotateIfDue(now, DAY); // persist it when defined
 * ring.retire(now, 2 * ACCESS_TOKEN_TTL_MS);
 */
export class KeyRing {
  /** Oldest first; the last is active. */
  #keys: SigningKey[] = [];
  #byKid = new Map<string, SigningKey>();

  constructor(keys: Iterable<SigningKey> = []) {
    for (const key of keys) this.add(key);
  }

  /** The newest key, which signs; undefined while the ring is empty. */
  get active(): SigningKey | undefined {
    return this.#keys.at(-1);
  }

  /** Adds a key (again adding the same key is a no-op; another secret under a taken kid is a fault). */
  add(key: SigningKey): void {
    assertUsable(key);
    const known = this.#byKid.get(key.kid);
    if (known !== undefined) {
      if (known.secret.equals(key.secret)) return;
      throw new InfinisecError('INFINISEC_ERR_SECRET_KEY', 'control.auth', `two JWT keys named ${key.kid}`);
    }
    const at = this.#keys.findLastIndex((k) => k.created <= key.created) + 1;
    this.#keys.splice(at, 0, key);
    this.#byKid.set(key.kid, key);
  }

  /** The key named `kid`, if the ring holds it. */
  get(kid: string): SigningKey | undefined {
    return this.#byKid.get(kid);
  }

  /** Adds and returns a new key when the ring is empty or its active key is `rotateEveryMs` old. */
  rotateIfDue(now: number, rotateEveryMs: number): SigningKey | undefined {
    const newest = this.#keys.at(-1);
    if (newest !== undefined && now - newest.created < rotateEveryMs) return undefined;
    const key = createSigningKey(now);
    this.add(key);
    return key;
  }

  /**
   * Drops keys superseded at least `keepMs` ago (with on-time rotation: older than rotateEveryMs + keepMs),
   * returning them. Measuring from supersession, not creation, keeps a key that was active until a late
   * rotation. `keepMs` must cover the access-token lifetime. The active key is never dropped.
   */
  retire(now: number, keepMs: number): SigningKey[] {
    const dropped: SigningKey[] = [];
    // Keys are sorted, so a key's successor was created when it stopped signing.
    while (this.#keys.length > 1 && now - this.#keys[1]!.created >= keepMs) {
      const key = this.#keys.shift()!;
      this.#byKid.delete(key.kid);
      dropped.push(key);
    }
    return dropped;
  }

  /** Every key, oldest first, for persistence. */
  keys(): readonly SigningKey[] {
    return [...this.#keys];
  }
}

function assertUsable(key: SigningKey): void {
  if (key.kid === '' || key.secret.length < SIGNING_KEY_BYTES)
    throw new InfinisecError('INFINISEC_ERR_SECRET_KEY', 'control.auth', `JWT key ${key.kid} is too short`);
}

/** A key ring holding `keys` (none by default). */
export function createKeyRing(keys: Iterable<SigningKey> = []): KeyRing {
  return new KeyRing(keys);
}
