import { hash } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import {
  hashPassword,
  needsRehash,
  PASSWORD_MAX_LENGTH,
  passwordProblem,
  verifyAgainstNothing,
  verifyPassword,
} from './password.js';

describe('hashPassword and verifyPassword', () => {
  it('makes an argon2id PHC string with OWASP parameters and a fresh salt', async () => {
    const [a, b] = await Promise.all([hashPassword('correct horse'), hashPassword('correct horse')]);
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(a).not.toBe(b);
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const hashed = await hashPassword('correct horse battery');
    expect(await verifyPassword(hashed, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(hashed, 'correct horse batterY')).toBe(false);
    expect(await verifyPassword(hashed, '')).toBe(false);
  });

  it('matches a password whatever its Unicode composition', async () => {
    const hashed = await hashPassword('caf\u00e9 au lait!');
    expect(await verifyPassword(hashed, 'cafe\u0301 au lait!')).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['not PHC', 'password'],
    ['bcrypt', '$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW'],
    ['truncated', '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ'],
    ['huge memory', '$argon2id$v=19$m=4294967295,t=2,p=1$c29tZXNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA'],
    ['tiny output', '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzYWx0$aGFzaA'],
  ])('answers false, without throwing, for a %s hash', async (_, hashed) => {
    await expect(verifyPassword(hashed, 'password')).resolves.toBe(false);
  });

  it('refuses argon2i hashes', async () => {
    const argon2i = await hash('correct horse', { algorithm: 1, memoryCost: 19_456, timeCost: 2 });
    expect(argon2i.startsWith('$argon2i$')).toBe(true);
    expect(await verifyPassword(argon2i, 'correct horse')).toBe(false);
  });
});

describe('needsRehash', () => {
  it('is false for a current hash and true for a weaker or unreadable one', async () => {
    expect(needsRehash(await hashPassword('correct horse'))).toBe(false);
    const weak = await hash('correct horse', { algorithm: 2, memoryCost: 8192, timeCost: 1 });
    expect(needsRehash(weak)).toBe(true);
    expect(needsRehash('nonsense')).toBe(true);
  });
});

describe('verifyAgainstNothing', () => {
  it('answers false for any password, on the first and later calls', async () => {
    expect(await verifyAgainstNothing('correct horse battery')).toBe(false);
    expect(await verifyAgainstNothing('')).toBe(false);
  });
});

describe('passwordProblem', () => {
  const cases: [string, string, string | undefined][] = [
    ['correct horse battery staple', 'alice', undefined],
    ['exactly12chr', 'bob', undefined],
    ['short1', 'bob', 'The password must be at least 12 characters long.'],
    ['elevenchars', 'bob', 'The password must be at least 12 characters long.'],
    ['😀'.repeat(11), 'bob', 'The password must be at least 12 characters long.'],
    ['x'.repeat(PASSWORD_MAX_LENGTH + 1), 'bob', 'The password must be at most 1024 characters long.'],
    ['aaaaaaaaaaaaaaaa', 'bob', 'The password must not repeat a single character.'],
    ['my-ALICE-password', 'alice', 'The password must not contain the username.'],
    ['my-alice-password', 'Alice', 'The password must not contain the username.'],
    ['a perfectly good one', '', undefined],
  ];
  it.each(cases)('%j for %j → %j', (password, username, expected) => {
    expect(passwordProblem(password, username)).toBe(expected);
  });

  it('accepts the longest allowed password', () => {
    expect(passwordProblem('xy'.repeat(PASSWORD_MAX_LENGTH / 2), 'bob')).toBeUndefined();
  });
});
