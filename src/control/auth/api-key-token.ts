import { randomBytes } from 'node:crypto';
import { decodeBase64Url } from './base64url.js';
import { sameSha256Hex, sha256Hex } from './digest.js';

/** What every API key starts with, so scanners and people can tell one when they see it. */
export const API_KEY_PREFIX = 'isk_';
/** Length of every API key token, in characters. */
export const API_KEY_LENGTH = API_KEY_PREFIX.length + 12 + 1 + 43;

// The id has a fixed length, so the `_` after it is found even though the secret may hold `_` too.
const API_KEY = /^isk_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

/** A new API key: its public id, its secret, and the token that joins them (shown once). */
export interface MintedApiKey {
  /** 12 lowercase hex digits (48 bits): names the key in lists and logs. */
  readonly id: string;
  /** 32 random bytes, base64url: store only its hash. */
  readonly secret: string;
  /** `isk_<id>_<secret>`, what the client sends. */
  readonly token: string;
}

/**
 * A new random API key.
 * @example const { id, secret, token } = mintApiKey(); store({ id, secretHash: hashApiKeySecret(secret) });
 */
export function mintApiKey(): MintedApiKey {
  const id = randomBytes(6).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { id, secret, token: `${API_KEY_PREFIX}${id}_${secret}` };
}

/** The id and secret of a well-formed API key token, or undefined. */
export function parseApiKey(token: string): { id: string; secret: string } | undefined {
  if (token.length !== API_KEY_LENGTH) return undefined;
  const match = API_KEY.exec(token);
  if (match === null) return undefined;
  const [, id, secret] = match as unknown as [string, string, string];
  // Exactly 32 bytes in canonical spelling, so one key has one token.
  return decodeBase64Url(secret)?.length === 32 ? { id, secret } : undefined;
}

/** SHA-256 hex of an API key secret: a fast hash suffices, the secret has 256 random bits. */
export function hashApiKeySecret(secret: string): string {
  return sha256Hex(secret);
}

/** Whether the secret is the one whose hash is stored, compared in constant time. */
export function apiKeySecretMatches(hash: string, secret: string): boolean {
  return sameSha256Hex(hash, hashApiKeySecret(secret));
}
