import { describe, expect, it } from 'vitest';
import { isInfinisecError } from '../../core/index.js';
import { createKeyRing, createSigningKey, KeyRing, type SigningKey } from './key-ring.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('createSigningKey', () => {
  it('makes a 16-hex-digit kid and a 32-byte secret, fresh each time', () => {
    const a = createSigningKey(5);
    const b = createSigningKey(5);
    expect(a.kid).toMatch(/^[0-9a-f]{16}$/);
    expect(a.secret.length).toBe(32);
    expect(a.created).toBe(5);
    expect(a.kid).not.toBe(b.kid);
    expect(a.secret.equals(b.secret)).toBe(false);
  });
});

describe('KeyRing', () => {
  it('is empty at first, and rotateIfDue makes its first key', () => {
    const ring = createKeyRing();
    expect(ring.active).toBeUndefined();
    const first = ring.rotateIfDue(1000, DAY);
    expect(first?.created).toBe(1000);
    expect(ring.active).toBe(first);
  });

  it('makes the newest key active, whatever the order keys were added in', () => {
    const older = createSigningKey(1);
    const newer = createSigningKey(2);
    const ring = new KeyRing([newer, older]);
    expect(ring.active).toBe(newer);
    expect(ring.keys()).toEqual([older, newer]);
    expect(ring.get(older.kid)).toBe(older);
    expect(ring.get('nope')).toBeUndefined();
  });

  it('ignores a key added twice and refuses another secret under a taken kid', () => {
    const key = createSigningKey(1);
    const ring = createKeyRing([key]);
    ring.add({ ...key });
    expect(ring.keys()).toHaveLength(1);
    let caught: unknown;
    try {
      ring.add({ ...key, secret: Buffer.alloc(32, 7) });
    } catch (err) {
      caught = err;
    }
    expect(isInfinisecError(caught, 'INFINISEC_ERR_SECRET_KEY')).toBe(true);
    expect(ring.get(key.kid)).toBe(key);
  });

  it('refuses a key shorter than 32 bytes', () => {
    expect(() => createKeyRing([{ kid: 'k', secret: Buffer.alloc(16), created: 0 }])).toThrow(/too short/);
  });

  it('rotates only when the active key is due', () => {
    const ring = createKeyRing([createSigningKey(0)]);
    expect(ring.rotateIfDue(DAY - 1, DAY)).toBeUndefined();
    const next = ring.rotateIfDue(DAY, DAY);
    expect(next).toBeDefined();
    expect(ring.active).toBe(next);
    expect(ring.keys()).toHaveLength(2);
  });

  it('keeps a replaced key for keepMs after it was replaced, then drops it', () => {
    const first = createSigningKey(0);
    const ring = createKeyRing([first]);
    const second = ring.rotateIfDue(DAY, DAY)!;
    expect(ring.retire(DAY + HOUR - 1, HOUR)).toEqual([]);
    expect(ring.get(first.kid)).toBe(first);
    expect(ring.retire(DAY + HOUR, HOUR)).toEqual([first]);
    expect(ring.get(first.kid)).toBeUndefined();
    expect(ring.keys()).toEqual([second]);
  });

  it('counts from the replacement, so a key rotated late is not dropped at once', () => {
    const first = createSigningKey(0);
    const ring = createKeyRing([first]);
    ring.rotateIfDue(10 * DAY, DAY);
    expect(ring.retire(10 * DAY, HOUR)).toEqual([]);
    expect(ring.get(first.kid)).toBe(first);
  });

  it('never drops the active key', () => {
    const only = createSigningKey(0);
    const ring = createKeyRing([only]);
    expect(ring.retire(100 * DAY, HOUR)).toEqual([]);
    expect(ring.active).toBe(only);
  });

  it('drops every superseded key that is due, oldest first', () => {
    const keys: SigningKey[] = [0, 1, 2, 3].map((day) => createSigningKey(day * DAY));
    const ring = createKeyRing(keys);
    expect(ring.retire(2 * DAY + HOUR, HOUR)).toEqual([keys[0], keys[1]]);
    expect(ring.keys()).toEqual([keys[2], keys[3]]);
  });

  it('hands out a copy of its keys', () => {
    const ring = createKeyRing([createSigningKey(0)]);
    (ring.keys() as SigningKey[]).pop();
    expect(ring.keys()).toHaveLength(1);
  });
});
