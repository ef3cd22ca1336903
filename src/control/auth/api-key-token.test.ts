import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { apiKeySecretMatches, hashApiKeySecret, mintApiKey, parseApiKey } from './api-key-token.js';

describe('mintApiKey', () => {
  it('joins a 12-hex id and a 32-byte base64url secret', () => {
    const { id, secret, token } = mintApiKey();
    expect(id).toMatch(/^[0-9a-f]{12}$/);
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(secret, 'base64url')).toHaveLength(32);
    expect(token).toBe(`isk_${id}_${secret}`);
  });

  it('makes a new key every time', () => {
    const a = mintApiKey();
    const b = mintApiKey();
    expect(a.id).not.toBe(b.id);
    expect(a.secret).not.toBe(b.secret);
  });

  it('parses back what it mints, many times over', () => {
    for (let i = 0; i < 200; i++) {
      const { id, secret, token } = mintApiKey();
      expect(parseApiKey(token)).toEqual({ id, secret });
    }
  });
});

describe('parseApiKey', () => {
  const secret = Buffer.alloc(32, 0xab).toString('base64url');
  const good = `isk_0123456789ab_${secret}`;

  it('reads a secret holding underscores and dashes', () => {
    const tricky = `_-${secret.slice(2)}`;
    expect(parseApiKey(`isk_0123456789ab_${tricky}`)).toEqual({ id: '0123456789ab', secret: tricky });
  });

  it('accepts the well-formed key', () => {
    expect(parseApiKey(good)).toEqual({ id: '0123456789ab', secret });
  });

  it.each([
    ['empty', ''],
    ['another prefix', good.replace('isk_', 'isx_')],
    ['an uppercase id', good.replace('0123456789ab', '0123456789AB')],
    ['a short id', `isk_0123456789a_${secret}x`],
    ['a short secret', good.slice(0, -1)],
    ['a long secret', `${good}A`],
    ['padding', `${good.slice(0, -1)}=`],
    ['a plus', `${good.slice(0, -1)}+`],
    ['a non-canonical last character', `${good.slice(0, -1)}x`],
    ['whitespace', ` ${good.slice(1)}`],
    ['a huge string', `isk_0123456789ab_${'A'.repeat(1_000_000)}`],
  ])('refuses %s', (_, token) => {
    expect(parseApiKey(token)).toBeUndefined();
  });
});

describe('hashApiKeySecret and apiKeySecretMatches', () => {
  it('hashes with SHA-256 hex', () => {
    expect(hashApiKeySecret('abc')).toBe(createHash('sha256').update('abc').digest('hex'));
  });

  it('matches the right secret only', () => {
    const { secret } = mintApiKey();
    const hash = hashApiKeySecret(secret);
    expect(apiKeySecretMatches(hash, secret)).toBe(true);
    expect(apiKeySecretMatches(hash, mintApiKey().secret)).toBe(false);
    expect(apiKeySecretMatches(hash, '')).toBe(false);
  });

  it('is false, not a throw, for a malformed stored hash', () => {
    expect(apiKeySecretMatches('', 'x')).toBe(false);
    expect(apiKeySecretMatches('zz', 'x')).toBe(false);
  });
});
