import { hkdfSync } from 'node:crypto';

/** The independent keys canaries use, all derived from the one configured secret. */
export interface CanaryKeys {
  /** MACs the intruder, nonce and decoys of a code-bearing token. */
  readonly mac: Buffer;
  /** Masks the intruder and nonce inside a code, so a token does not show whose it is. */
  readonly mask: Buffer;
  /** Picks a token's nonce and decoys from its kind, intruder and slot. */
  readonly seed: Buffer;
  /** Signs decoy JWTs (HS256). */
  readonly jwt: Buffer;
}

// A salt of its own keeps these keys apart from anything else derived from the same secret (the maze's).
const SALT = 'infinisec/labyrinth/canary/v1';

const derive = (secret: string, purpose: string): Buffer =>
  Buffer.from(hkdfSync('sha256', secret, SALT, purpose, 32));

/** HKDF-SHA256 of the secret, one key per purpose. */
export function deriveCanaryKeys(secret: string): CanaryKeys {
  return Object.freeze({
    mac: derive(secret, 'mac'),
    mask: derive(secret, 'mask'),
    seed: derive(secret, 'seed'),
    jwt: derive(secret, 'jwt'),
  });
}
