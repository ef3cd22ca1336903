import { describe, expect, it } from 'vitest';
import {
  githubChecksum,
  PROVIDER_PATTERNS,
  randomCandidates,
  SECRET,
  tampered,
} from './canary-cases.testing.js';
import { CANARY_KINDS, createCanaries } from './index.js';

const canaries = createCanaries({ secret: SECRET });
const INTRUDER = '0badc0de';
const OTHER = 'f00dcafe';
const mint = canaries.mintFor(INTRUDER);

describe('createCanaries', () => {
  describe.each(CANARY_KINDS)('%s', (kind) => {
    const token = mint(kind, '/admin/keys#0');

    it("looks like the real provider's token", () => {
      expect(token).toMatch(PROVIDER_PATTERNS[kind]);
    });

    it('is deterministic, and differs by slot and by intruder', () => {
      expect(canaries.mintFor(INTRUDER)(kind, '/admin/keys#0')).toBe(token);
      expect(createCanaries({ secret: SECRET }).mintFor(INTRUDER)(kind, '/admin/keys#0')).toBe(token);
      expect(mint(kind, '/admin/keys#1')).not.toBe(token);
      expect(canaries.mintFor(OTHER)(kind, '/admin/keys#0')).not.toBe(token);
    });

    it('verifies to its intruder and kind', () => {
      expect(canaries.verify(token)).toEqual({ intruder: INTRUDER, kind });
      const other = canaries.mintFor(OTHER)(kind, 'x');
      expect(canaries.verify(other)).toEqual({ intruder: OTHER, kind });
    });

    it('fails verification when any one character is changed', () => {
      for (const slot of ['/a', '/b', '/c']) {
        const minted = mint(kind, slot);
        for (let i = 0; i < minted.length; i++) {
          for (const altered of tampered(minted, i))
            expect(canaries.verify(altered), altered).toBeUndefined();
        }
      }
    });

    it('fails verification under another secret', () => {
      expect(createCanaries({ secret: `${SECRET}!` }).verify(token)).toBeUndefined();
    });

    it('does not verify with a character added or removed', () => {
      expect(canaries.verify(`${token}a`)).toBeUndefined();
      expect(canaries.verify(token.slice(1))).toBeUndefined();
      expect(canaries.verify(token.slice(0, -1))).toBeUndefined();
    });
  });

  it('never verifies random texts of the right shapes', () => {
    const candidates = randomCandidates(20_240_601, Math.ceil(10_000 / CANARY_KINDS.length));
    let tried = 0;
    for (const [kind, texts] of candidates) {
      for (const text of texts) {
        expect(text, kind).toMatch(PROVIDER_PATTERNS[kind]);
        expect(canaries.verify(text), text).toBeUndefined();
        tried++;
      }
    }
    expect(tried).toBeGreaterThanOrEqual(10_000);
  });

  it("carries GitHub's CRC-32 checksum, so secret scanners take it for real", () => {
    const token = mint('github-token', 'scanner');
    expect(token.slice(-6)).toBe(githubChecksum(token.slice(4, -6)));
  });

  it('mints a JWT with plausible, fixed claims and an HS256 header', () => {
    const [header, payload] = mint('jwt', '/api/session').split('.');
    expect(JSON.parse(Buffer.from(header!, 'base64url').toString())).toEqual({ alg: 'HS256', typ: 'JWT' });
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    expect(Object.keys(claims)).toEqual(['sub', 'name', 'role', 'iat', 'exp', 'jti']);
    expect(claims.name).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
    expect(claims.exp).toBeGreaterThan(claims.iat);
    expect(claims.jti).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('keeps the intruder id out of sight: two tokens of one intruder share no prefix beyond the literal one', () => {
    const a = mint('session', 'one');
    const b = mint('session', 'two');
    expect(a.slice(0, 4)).not.toBe(b.slice(0, 4));
    expect(a).not.toContain(INTRUDER);
  });

  it('does not verify a code moved into another shape', () => {
    const email = mint('email', 'slot');
    const code = email.slice(email.lastIndexOf('.', email.indexOf('@')) + 1, email.indexOf('@'));
    expect(canaries.verify(`http://git.internal.corp/vault/payroll/${code}`)).toBeUndefined();
  });

  it('uses the configured e-mail domain and internal host', () => {
    const custom = createCanaries({ secret: SECRET, emailDomain: 'shop.test', internalHost: '10.20.30.40' });
    const at = custom.mintFor(INTRUDER);
    expect(at('email', 's')).toMatch(/^[a-z]+\.[a-z]+\.[0-9a-z]{22}@shop\.test$/);
    expect(new URL(at('internal-url', 's')).host).toBe('10.20.30.40');
    expect(custom.verify(at('email', 's'))).toEqual({ intruder: INTRUDER, kind: 'email' });
    expect(custom.verify(mint('email', 's'))).toBeUndefined();
  });

  it('refuses bad options, every problem at once', () => {
    expect(() => createCanaries({ secret: 'short' })).toThrow(TypeError);
    expect(() => createCanaries({ secret: '' })).toThrow(/secret/);
    expect(() => createCanaries({ secret: 'x'.repeat(15), emailDomain: 'Corp.Example.com' })).toThrow(
      /secret.*emailDomain/,
    );
    expect(() => createCanaries({ secret: SECRET, emailDomain: 'localhost' })).toThrow(/emailDomain/);
    expect(() => createCanaries({ secret: SECRET, internalHost: 'git.internal.corp/x' })).toThrow(
      /internalHost/,
    );
  });

  it('refuses a bad intruder id or kind', () => {
    for (const id of ['', '0BADC0DE', '0badc0d', '0badc0de0', 'zzzzzzzz'])
      expect(() => canaries.mintFor(id), id).toThrow(TypeError);
    expect(() => mint('ssh-key' as never, 's')).toThrow(/unknown canary kind/);
  });

  it('verifies nothing of the wrong type or length', () => {
    expect(canaries.verify('')).toBeUndefined();
    expect(canaries.verify(`${mint('jwt', 'x')}${'a'.repeat(1000)}`)).toBeUndefined();
    expect(canaries.verify(undefined as never)).toBeUndefined();
  });
});
