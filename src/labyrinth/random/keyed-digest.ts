import { createHmac, hash } from 'node:crypto';

/** SHA-256 of a message under the maze's key: 32 bytes that only the key's holder can compute. */
export type KeyedDigest = (message: string) => Buffer;

/**
 * A keyed digest: SHA-256 over a secret 64-character prefix (derived once from the secret by HMAC) and the
 * message. Every use either seeds a random stream or is cut to a short checksum, so the whole digest is never
 * shown and length extension cannot apply; and one one-shot hash costs half an HMAC, on a path that makes
 * a digest per link.
 * @example const digest = createKeyedDigest('a long random secret'); digest('page\n/docs/x')
 */
export function createKeyedDigest(secret: string): KeyedDigest {
  const prefix = `${createHmac('sha256', secret).update('infinisec labyrinth maze digest').digest('hex')}\n`;
  return (message) => hash('sha256', prefix + message, 'buffer');
}
