import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isInfinisecError } from '../core/index.js';
import { createSecretBox, keyIdOf } from './secret-box.js';

const failure = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('did not throw');
};
const cannotOpen = (fn: () => unknown) => isInfinisecError(failure(fn), 'INFINISEC_ERR_SECRET_OPEN');

// Changes one character of one part of a sealed value to another base64url character.
function flip(sealed: string, part: number, at = 0): string {
  const parts = sealed.split('.');
  const text = parts[part]!;
  const c = text[at] === 'A' ? 'B' : 'A';
  parts[part] = text.slice(0, at) + c + text.slice(at + 1);
  return parts.join('.');
}

describe('secret box', () => {
  const key = randomBytes(32);
  const box = createSecretBox(key, keyIdOf(key));

  it('seals as v1.<key id>.<iv>.<tag>.<ciphertext> and opens what it sealed', () => {
    const sealed = box.seal('totp:u1', 'JBSWY3DPEHPK3PXP');
    const [version, id, iv, tag, body] = sealed.split('.');
    expect(version).toBe('v1');
    expect(id).toBe(createHash('sha256').update(key).digest('hex').slice(0, 8));
    expect(Buffer.from(iv!, 'base64url')).toHaveLength(12);
    expect(Buffer.from(tag!, 'base64url')).toHaveLength(16);
    expect(Buffer.from(body!, 'base64url')).toHaveLength(16);
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(box.open('totp:u1', sealed).toString('utf8')).toBe('JBSWY3DPEHPK3PXP');
    const bytes = randomBytes(100);
    expect(box.open('b', box.seal('b', bytes)).equals(bytes)).toBe(true);
    expect(box.open('empty', box.seal('empty', '')).length).toBe(0);
  });

  it('uses a fresh IV every time', () => {
    const a = box.seal('n', 'same');
    const b = box.seal('n', 'same');
    expect(a.split('.')[2]).not.toBe(b.split('.')[2]);
    expect(a).not.toBe(b);
  });

  it('refuses a wrong key, a changed byte anywhere, another name and a malformed value', () => {
    const sealed = box.seal('webhook:ops', 'hook-secret');
    const other = randomBytes(32);
    expect(cannotOpen(() => createSecretBox(other).open('webhook:ops', sealed))).toBe(true);
    // Another key under the same id still fails: the tag, not the id, decides.
    expect(cannotOpen(() => createSecretBox(other, box.keyId).open('webhook:ops', sealed))).toBe(true);
    for (const part of [2, 3, 4])
      expect(cannotOpen(() => box.open('webhook:ops', flip(sealed, part)))).toBe(true);
    // 11 bytes are 15 base64url characters, the last with 2 unused bits: flipping one keeps the same bytes,
    // which a lenient decoder would accept.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const body = sealed.split('.')[4]!;
    expect(body).toHaveLength(15);
    const sibling = alphabet[alphabet.indexOf(body.at(-1)!) ^ 1]!;
    const padded = sealed.slice(0, -1) + sibling;
    expect(Buffer.from(padded.split('.')[4]!, 'base64url').equals(Buffer.from(body, 'base64url'))).toBe(true);
    expect(cannotOpen(() => box.open('webhook:ops', padded))).toBe(true);
    expect(cannotOpen(() => box.open('webhook:other', sealed))).toBe(true);
    for (const bad of ['', 'v1', 'v2.x.y.z.w', `${sealed}.x`, sealed.replace('.', '..'), `${sealed}!`])
      expect(
        cannotOpen(() => box.open('webhook:ops', bad)),
        bad,
      ).toBe(true);
  });

  it('never puts the key or the plaintext in its errors', () => {
    const sealed = box.seal('jwt:k1', 'plain-secret-value');
    const err = failure(() => createSecretBox(randomBytes(32), box.keyId).open('jwt:k1', sealed)) as Error;
    expect(err.message).toContain('jwt:k1');
    expect(err.message).not.toContain('plain-secret-value');
    expect(err.message).not.toContain(key.toString('base64'));
  });

  it('refuses a key that is not 32 bytes', () => {
    for (const bad of [randomBytes(16), randomBytes(31), randomBytes(33), Buffer.alloc(0)])
      expect(
        isInfinisecError(
          failure(() => createSecretBox(bad)),
          'INFINISEC_ERR_SECRET_KEY',
        ),
      ).toBe(true);
    expect(
      isInfinisecError(
        failure(() => createSecretBox(key, 'a.b')),
        'INFINISEC_ERR_SECRET_KEY',
      ),
    ).toBe(true);
  });

  it('keeps its own copy of the key', () => {
    const mine = randomBytes(32);
    const own = createSecretBox(mine);
    const sealed = own.seal('n', 'v');
    mine.fill(0);
    expect(own.open('n', sealed).toString()).toBe('v');
  });
});
