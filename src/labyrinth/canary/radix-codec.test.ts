import { randomBytes } from 'node:crypto';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32 } from './crc32.js';
import { BASE32, BASE36, BASE62, HEX, radixCodec } from './radix-codec.js';

// The text encode would write with another filler multiple above the bytes.
function withMultiple(alphabet: string, chars: number, bytes: Buffer, multiple: bigint): string {
  const radix = BigInt(alphabet.length);
  let n = BigInt(`0x${bytes.toString('hex')}`) + multiple * (1n << BigInt(bytes.length * 8));
  let text = '';
  for (let i = 0; i < chars; i++, n /= radix) text = alphabet[Number(n % radix)] + text;
  return text;
}

describe('radixCodec', () => {
  it.each([
    [BASE32, 16, 10],
    [BASE36, 22, 14],
    [BASE62, 24, 17],
    [HEX, 40, 20],
  ])('round-trips %s in %i digits for %i bytes', (alphabet, chars, size) => {
    const codec = radixCodec(alphabet, chars, size);
    for (const bytes of [Buffer.alloc(size), Buffer.alloc(size, 0xff), randomBytes(size)]) {
      const text = codec.encode(bytes);
      expect(text).toHaveLength(chars);
      expect([...text].every((c) => alphabet.includes(c))).toBe(true);
      expect(codec.decode(text)).toEqual(bytes);
    }
  });

  it('reads one text per byte string: another filler multiple, a foreign digit or a length is refused', () => {
    const codec = radixCodec(BASE62, 24, 17);
    const bytes = Buffer.from('00112233445566778899aabbccddeeff01', 'hex');
    expect(codec.decode(withMultiple(BASE62, 24, bytes, 0n))).toEqual(bytes); // 0x00 % spread is 0
    expect(codec.decode(withMultiple(BASE62, 24, bytes, 1n))).toBeUndefined();
    expect(codec.decode(`${codec.encode(bytes).slice(1)}-`)).toBeUndefined();
    expect(codec.decode(codec.encode(bytes).slice(1))).toBeUndefined();
  });

  it('spreads the leading digit instead of leaving it near 0', () => {
    const codec = radixCodec(BASE62, 30, 22);
    const leading = new Set(Array.from({ length: 500 }, () => codec.encode(randomBytes(22))[0]));
    expect(leading.size).toBeGreaterThan(40);
  });

  it.each([
    [BASE32, 16, 10],
    [BASE36, 22, 14],
    [BASE62, 24, 17],
    [BASE62, 30, 22],
    [HEX, 40, 20],
  ])('writes %s in %i digits for %i bytes as the plain big-number reading does', (alphabet, chars, size) => {
    const codec = radixCodec(alphabet, chars, size);
    const spread = BigInt(alphabet.length) ** BigInt(chars) / (1n << BigInt(size * 8));
    for (let i = 0; i < 200; i++) {
      const bytes = randomBytes(size);
      const text = withMultiple(alphabet, chars, bytes, BigInt(bytes[0]!) % spread);
      expect(codec.encode(bytes)).toBe(text);
      expect(codec.decode(text)).toEqual(bytes);
      // With one multiple only, the other reading is the same text.
      const other = withMultiple(alphabet, chars, bytes, (BigInt(bytes[0]!) + 1n) % spread);
      expect(codec.decode(other)).toEqual(spread === 1n ? bytes : undefined);
    }
  });

  it('refuses digits too few for the bytes', () => {
    expect(() => radixCodec(BASE36, 21, 14)).toThrow(RangeError);
  });
});

describe('crc32', () => {
  it('agrees with zlib', () => {
    expect(crc32('123456789')).toBe(0xcbf43926);
    for (const text of ['', 'a', 'ghp_abcdefghijklmnopqrstuvwxyz0123', BASE62.repeat(3)])
      expect(crc32(text)).toBe(zlibCrc32(text));
  });
});
