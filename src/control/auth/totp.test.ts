import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode } from './base32.js';
import { generateTotpSecret, hotp, totpAt, totpStep, totpUri, verifyTotp } from './totp.js';

const RFC_KEY = Buffer.from('12345678901234567890');
const RFC_SECRET = base32Encode(RFC_KEY);

// RFC 4226 appendix D.
const HOTP: string[] = [
  '755224',
  '287082',
  '359152',
  '969429',
  '338314',
  '254676',
  '287922',
  '162583',
  '399871',
  '520489',
];

// RFC 6238 appendix B, SHA1 column: Unix seconds → 8-digit TOTP.
const TOTP: [number, string][] = [
  [59, '94287082'],
  [1_111_111_109, '07081804'],
  [1_111_111_111, '14050471'],
  [1_234_567_890, '89005924'],
  [2_000_000_000, '69279037'],
  [20_000_000_000, '65353130'],
];

describe('hotp', () => {
  it.each(HOTP.map((code, counter) => [counter, code] as const))('counter %i → %s', (counter, code) => {
    expect(hotp(RFC_KEY, counter)).toBe(code);
  });
});

describe('totpAt', () => {
  it('knows the RFC secret in base32', () => {
    expect(RFC_SECRET).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
  });

  it.each(TOTP)('at %i s → %s', (seconds, code) => {
    expect(totpAt(RFC_SECRET, totpStep(seconds * 1000), 8)).toBe(code);
  });

  it('defaults to the last 6 digits', () => {
    expect(totpAt(RFC_SECRET, totpStep(59_000))).toBe('287082');
  });
});

describe('generateTotpSecret', () => {
  it('makes 20 random bytes in unpadded base32', () => {
    const secret = generateTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(secret)).toHaveLength(20);
    expect(generateTotpSecret()).not.toBe(secret);
  });
});

describe('verifyTotp', () => {
  const now = 1_111_111_111_000;
  const step = totpStep(now);
  const code = (s: number) => totpAt(RFC_SECRET, s);

  it('accepts the current step and one either side, returning the step', () => {
    expect(verifyTotp(RFC_SECRET, code(step), now)).toBe(step);
    expect(verifyTotp(RFC_SECRET, code(step - 1), now)).toBe(step - 1);
    expect(verifyTotp(RFC_SECRET, code(step + 1), now)).toBe(step + 1);
  });

  it('refuses codes two steps away', () => {
    expect(verifyTotp(RFC_SECRET, code(step - 2), now)).toBeUndefined();
    expect(verifyTotp(RFC_SECRET, code(step + 2), now)).toBeUndefined();
  });

  it('refuses a step at or before the last used one', () => {
    expect(verifyTotp(RFC_SECRET, code(step), now, step)).toBeUndefined();
    expect(verifyTotp(RFC_SECRET, code(step - 1), now, step - 1)).toBeUndefined();
    expect(verifyTotp(RFC_SECRET, code(step), now, step - 1)).toBe(step);
    expect(verifyTotp(RFC_SECRET, code(step + 1), now, step)).toBe(step + 1);
  });

  it('accepts the lowercase, spaced form of the seed', () => {
    const spaced = RFC_SECRET.toLowerCase().replace(/(.{4})/g, '$1 ');
    expect(verifyTotp(spaced, code(step), now)).toBe(step);
  });

  it.each([
    ['too short', (c: string) => c.slice(1)],
    ['too long', (c: string) => `${c}0`],
    ['with a space', (c: string) => `${c.slice(0, 3)} ${c.slice(3)}`],
    ['with a sign', (c: string) => `+${c.slice(1)}`],
    ['in other digits', (c: string) => c.replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)))],
    ['empty', () => ''],
  ])('refuses a code %s', (_, change) => {
    expect(verifyTotp(RFC_SECRET, change(code(step)), now)).toBeUndefined();
  });

  it('refuses a wrong code', () => {
    const wrong = String((Number(code(step)) + 1) % 1_000_000).padStart(6, '0');
    expect(verifyTotp(RFC_SECRET, wrong, now)).toBeUndefined();
  });
});

describe('totpUri', () => {
  it('writes the key URI format', () => {
    expect(totpUri('infinisec', 'alice', 'JBSWY3DPEHPK3PXP')).toBe(
      'otpauth://totp/infinisec:alice?secret=JBSWY3DPEHPK3PXP&issuer=infinisec&algorithm=SHA1&digits=6&period=30',
    );
  });

  it('encodes the issuer and account', () => {
    const uri = totpUri('ACME Gate', 'bob@example.com:x&y', 'JBSWY3DPEHPK3PXP');
    expect(uri).toBe(
      'otpauth://totp/ACME%20Gate:bob%40example.com%3Ax%26y?secret=JBSWY3DPEHPK3PXP&issuer=ACME%20Gate&algorithm=SHA1&digits=6&period=30',
    );
    const url = new URL(uri);
    expect(url.searchParams.get('issuer')).toBe('ACME Gate');
  });
});
