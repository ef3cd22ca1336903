import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashRefreshToken, isRefreshTokenShaped, mintRefreshToken } from './refresh-token.js';

describe('mintRefreshToken', () => {
  it('makes 32 random bytes of base64url and their SHA-256 hex', () => {
    const { token, hash } = mintRefreshToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(hashRefreshToken(token)).toBe(hash);
  });

  it('makes a new token every time', () => {
    expect(mintRefreshToken().token).not.toBe(mintRefreshToken().token);
  });
});

describe('isRefreshTokenShaped', () => {
  it('accepts minted tokens and refuses others', () => {
    expect(isRefreshTokenShaped(mintRefreshToken().token)).toBe(true);
    const token = mintRefreshToken().token;
    for (const bad of ['', token.slice(1), `${token}A`, `${token.slice(0, -1)}=`, `${token.slice(0, -1)}.`])
      expect(isRefreshTokenShaped(bad)).toBe(false);
  });
});
