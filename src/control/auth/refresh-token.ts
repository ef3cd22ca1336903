import { randomBytes } from 'node:crypto';
import { decodeBase64Url } from './base64url.js';
import { sha256Hex } from './digest.js';

/** Length of every refresh token, in characters (32 bytes of base64url). */
export const REFRESH_TOKEN_LENGTH = 43;

/**
 * A new refresh token (give it to the client) and its hash (store only this).
 * @example const { token, hash } = mintRefreshToken();
 */
export function mintRefreshToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashRefreshToken(token) };
}

/** SHA-256 hex of a refresh token: a fast hash suffices, the token has 256 random bits. */
export function hashRefreshToken(token: string): string {
  return sha256Hex(token);
}

/** Whether a string could be a refresh token, to turn away junk before a store lookup. */
export function isRefreshTokenShaped(token: string): boolean {
  return token.length === REFRESH_TOKEN_LENGTH && decodeBase64Url(token)?.length === 32;
}
