import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type AccessTokenRejection, signAccessToken, verifyAccessToken } from './jwt.js';
import { createKeyRing, createSigningKey, type SigningKey } from './key-ring.js';

const NOW = 1_700_000_000_000;
const SUBJECT = { sub: 'u1', role: 'analyst', name: 'alice', mfa: true } as const;

function b64(value: unknown): string {
  return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
}

function forge(header: unknown, payload: unknown, secret: Buffer): string {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

function setup() {
  const key = createSigningKey(NOW);
  const ring = createKeyRing([key]);
  const header = { alg: 'HS256', typ: 'JWT', kid: key.kid };
  const iat = NOW / 1000;
  const payload = { iss: 'infinisec', ...SUBJECT, iat, exp: iat + 900, jti: 'j' };
  return { key, ring, header, payload };
}

function reason(result: ReturnType<typeof verifyAccessToken>): AccessTokenRejection | 'ok' {
  return result.ok ? 'ok' : result.reason;
}

describe('signAccessToken', () => {
  it('writes the header and claims the brief names', () => {
    const { key, ring } = setup();
    const token = signAccessToken(ring, { ...SUBJECT, scopes: ['events:read'] }, NOW + 999, 60);
    const [header, payload] = token
      .split('.')
      .slice(0, 2)
      .map((p) => JSON.parse(Buffer.from(p, 'base64url').toString()));
    expect(header).toEqual({ alg: 'HS256', typ: 'JWT', kid: key.kid });
    expect(payload).toMatchObject({ ...SUBJECT, scopes: ['events:read'], iss: 'infinisec', iat: NOW / 1000 });
    expect(payload.exp).toBe(NOW / 1000 + 60);
    expect(payload.jti).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('puts only the subject fields in the token', () => {
    const { ring } = setup();
    const user = { ...SUBJECT, passwordHash: '$argon2id$secret' };
    const token = signAccessToken(ring, user, NOW);
    expect(Buffer.from(token.split('.')[1]!, 'base64url').toString()).not.toContain('argon2id');
  });

  it('is a fault with an empty ring', () => {
    expect(() => signAccessToken(createKeyRing(), SUBJECT, NOW)).toThrow(/no JWT key/);
  });

  it('gives every token its own jti', () => {
    const { ring } = setup();
    expect(signAccessToken(ring, SUBJECT, NOW)).not.toBe(signAccessToken(ring, SUBJECT, NOW));
  });
});

describe('verifyAccessToken', () => {
  it('accepts its own token and returns the claims', () => {
    const { ring } = setup();
    const result = verifyAccessToken(ring, signAccessToken(ring, SUBJECT, NOW), NOW + 899_999);
    expect(result.ok && result.claims).toMatchObject({ ...SUBJECT, iss: 'infinisec', exp: NOW / 1000 + 900 });
    expect(result.ok && 'scopes' in result.claims).toBe(false);
  });

  it('returns scopes and drops unknown claims', () => {
    const { key, ring, header, payload } = setup();
    const token = forge(header, { ...payload, scopes: ['a'], admin: true }, key.secret);
    const result = verifyAccessToken(ring, token, NOW);
    expect(result.ok && result.claims.scopes).toEqual(['a']);
    expect(result.ok && 'admin' in result.claims).toBe(false);
  });

  it('still accepts a token of the previous key after rotation, until it is retired', () => {
    const { ring } = setup();
    const token = signAccessToken(ring, SUBJECT, NOW);
    ring.rotateIfDue(NOW + 1000, 1000);
    expect(reason(verifyAccessToken(ring, token, NOW + 1000))).toBe('ok');
    ring.retire(NOW + 1000 + 900_000, 900_000);
    expect(reason(verifyAccessToken(ring, token, NOW + 1000))).toBe('unknown-key');
  });

  it('refuses an expired token at exactly exp', () => {
    const { ring } = setup();
    const token = signAccessToken(ring, SUBJECT, NOW, 900);
    expect(reason(verifyAccessToken(ring, token, NOW + 900_000))).toBe('expired');
    expect(reason(verifyAccessToken(ring, token, NOW + 899_999))).toBe('ok');
  });

  it('allows 60 s of clock skew on iat, not more', () => {
    const { ring } = setup();
    const token = signAccessToken(ring, SUBJECT, NOW);
    expect(reason(verifyAccessToken(ring, token, NOW - 60_000))).toBe('ok');
    expect(reason(verifyAccessToken(ring, token, NOW - 60_001))).toBe('not-yet-valid');
  });

  const structural: [string, string][] = [
    ['an empty string', ''],
    ['two parts', 'a.b'],
    ['four parts', 'a.b.c.d'],
    ['a header that is not JSON', `${b64('nope')}.${b64({})}.`],
    ['a header that is an array', `${b64([1])}.${b64({})}.`],
    ['a header with padding', `${b64({ alg: 'HS256' })}=.${b64({})}.`],
    ['a header with an illegal character', `${b64({ alg: 'HS256' })}*.${b64({})}.`],
    ['an over-long token', `${'a'.repeat(9000)}.b.c`],
  ];
  it.each(structural)('refuses %s as malformed', (_, token) => {
    expect(reason(verifyAccessToken(setup().ring, token, NOW))).toBe('malformed');
  });

  it('refuses padding or illegal characters in the payload or signature', () => {
    const { ring } = setup();
    const [h, p, s] = signAccessToken(ring, SUBJECT, NOW).split('.') as [string, string, string];
    for (const token of [
      `${h}.${p}=.${s}`,
      `${h}.${p}.${s}=`,
      `${h}.${p}+.${s}`,
      `${h}.${p}.${s}/`,
      `${h}.${p}.${s} `,
    ])
      expect(reason(verifyAccessToken(ring, token, NOW))).toBe('malformed');
  });

  const algorithms: unknown[] = [
    'none',
    'None',
    'NONE',
    'HS512',
    'HS384',
    'RS256',
    'ES256',
    'hs256',
    '',
    undefined,
    256,
  ];
  it.each(algorithms)('refuses alg %j', (alg) => {
    const { key, ring, header, payload } = setup();
    expect(reason(verifyAccessToken(ring, forge({ ...header, alg }, payload, key.secret), NOW))).toBe(
      'algorithm',
    );
  });

  it('refuses alg none with an empty signature', () => {
    const { ring, header, payload } = setup();
    const token = `${b64({ ...header, alg: 'none' })}.${b64(payload)}.`;
    expect(reason(verifyAccessToken(ring, token, NOW))).toBe('algorithm');
  });

  it('refuses a header with crit or another typ', () => {
    const { key, ring, header, payload } = setup();
    expect(
      reason(verifyAccessToken(ring, forge({ ...header, crit: ['exp'] }, payload, key.secret), NOW)),
    ).toBe('malformed');
    expect(
      reason(verifyAccessToken(ring, forge({ ...header, typ: 'at+jwt' }, payload, key.secret), NOW)),
    ).toBe('malformed');
  });

  it.each([
    ['missing', undefined],
    ['unknown', 'deadbeefdeadbeef'],
    ['not a string', 42],
    ['inherited', '__proto__'],
  ])('refuses a %s kid', (_, kid) => {
    const { key, ring, header, payload } = setup();
    expect(reason(verifyAccessToken(ring, forge({ ...header, kid }, payload, key.secret), NOW))).toBe(
      'unknown-key',
    );
  });

  it('refuses a token whose kid names a retired key', () => {
    const { ring } = setup();
    const token = signAccessToken(ring, SUBJECT, NOW);
    ring.rotateIfDue(NOW + 1, 1);
    ring.retire(NOW + 2, 1);
    expect(reason(verifyAccessToken(ring, token, NOW + 2))).toBe('unknown-key');
  });

  it('refuses a token re-signed with another secret', () => {
    const { ring, header, payload } = setup();
    const other: SigningKey = createSigningKey(NOW);
    expect(reason(verifyAccessToken(ring, forge(header, payload, other.secret), NOW))).toBe('signature');
  });

  it('refuses a changed payload, a truncated or empty signature', () => {
    const { ring } = setup();
    const [h, p, s] = signAccessToken(ring, SUBJECT, NOW).split('.') as [string, string, string];
    const admin = b64({ ...JSON.parse(Buffer.from(p, 'base64url').toString()), role: 'admin' });
    for (const token of [`${h}.${admin}.${s}`, `${h}.${p}.${s.slice(0, 40)}`, `${h}.${p}.`])
      expect(reason(verifyAccessToken(ring, token, NOW))).toBe('signature');
  });

  it('checks the signature before the payload', () => {
    const { ring, header } = setup();
    const token = `${b64(header)}.${b64('not json')}.${b64('x'.repeat(32))}`;
    expect(reason(verifyAccessToken(ring, token, NOW))).toBe('signature');
  });

  const payloads: [string, (p: Record<string, unknown>) => unknown, AccessTokenRejection][] = [
    ['no sub', ({ sub: _, ...p }) => p, 'malformed'],
    ['an empty sub', (p) => ({ ...p, sub: '' }), 'malformed'],
    ['no role', ({ role: _, ...p }) => p, 'malformed'],
    ['a role not in ROLES', (p) => ({ ...p, role: 'root' }), 'malformed'],
    ['no exp', ({ exp: _, ...p }) => p, 'malformed'],
    ['a string exp', (p) => ({ ...p, exp: '9999999999' }), 'malformed'],
    ['no iat', ({ iat: _, ...p }) => p, 'malformed'],
    ['a non-boolean mfa', (p) => ({ ...p, mfa: 'yes' }), 'malformed'],
    ['scopes that are not strings', (p) => ({ ...p, scopes: [1] }), 'malformed'],
    ['a payload that is an array', () => [1], 'malformed'],
    ['a payload that is null', () => null, 'malformed'],
    ['another iss', (p) => ({ ...p, iss: 'someone-else' }), 'issuer'],
    ['no iss', ({ iss: _, ...p }) => p, 'issuer'],
    ['exp in the past', (p) => ({ ...p, exp: NOW / 1000 - 1 }), 'expired'],
    ['exp now', (p) => ({ ...p, exp: NOW / 1000 }), 'expired'],
    ['iat 61 s ahead', (p) => ({ ...p, iat: NOW / 1000 + 61 }), 'not-yet-valid'],
    ['nbf 61 s ahead', (p) => ({ ...p, nbf: NOW / 1000 + 61 }), 'not-yet-valid'],
    ['iat 60 s ahead', (p) => ({ ...p, iat: NOW / 1000 + 60 }), 'ok' as AccessTokenRejection],
  ];
  it.each(payloads)('answers a signed payload with %s', (_, change, expected) => {
    const { key, ring, header, payload } = setup();
    expect(reason(verifyAccessToken(ring, forge(header, change(payload), key.secret), NOW))).toBe(expected);
  });
});
