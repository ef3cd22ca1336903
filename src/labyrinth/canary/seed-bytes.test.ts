import { describe, expect, it } from 'vitest';
import { SEED_BYTES, seedBytes as seedOf } from './seed-bytes.js';

const KEY = Buffer.from('00112233445566778899aabbccddeeff', 'hex');
const seedBytes = (text: string) => seedOf(KEY, text);

describe('seedBytes', () => {
  it('is a function of the key and the text alone', () => {
    expect(seedBytes('k\naws-key\n0badc0de\n/.env#0')).toEqual(seedBytes('k\naws-key\n0badc0de\n/.env#0'));
    expect(seedBytes('x')).toHaveLength(SEED_BYTES);
    expect(seedOf(Buffer.alloc(16), 'x')).not.toEqual(seedBytes('x'));
  });

  it('spreads nearby texts over every byte', () => {
    const seen = new Set<string>();
    const counts = Array.from({ length: SEED_BYTES }, () => new Set<number>());
    for (let i = 0; i < 10_000; i++) {
      const seed = seedBytes(`k\nemail\n0badc0de\n/api/v1/users#${i}`);
      seen.add(seed.toString('hex'));
      for (let k = 0; k < seed.length; k++) counts[k]!.add(seed[k]!);
    }
    expect(seen.size).toBe(10_000);
    for (const values of counts) expect(values.size).toBe(256);
    // The nonce (first two bytes) of nearby slots rarely collide.
    const nonces = new Set(Array.from({ length: 1000 }, (_, i) => seedBytes(`k\n${i}`).readUInt16BE(0)));
    expect(nonces.size).toBeGreaterThan(980);
  });
});
