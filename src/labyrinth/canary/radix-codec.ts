/** Digits of RFC 4648 base32, as in AWS access key ids. */
export const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
/** Lower-case base36: digits, then letters. */
export const BASE36 = '0123456789abcdefghijklmnopqrstuvwxyz';
/** Base62 in the usual order (digits, upper, lower), as GitHub's token checksums use it. */
export const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** Lower-case hexadecimal. */
export const HEX = '0123456789abcdef';

/** Writes `size` bytes as exactly `chars` digits of an alphabet, and reads them back. */
export interface RadixCodec {
  readonly size: number;
  encode(bytes: Buffer): string;
  /** The bytes a text encodes, or undefined when it is not one `encode` could have written. */
  decode(text: string): Buffer | undefined;
}

/**
 * A fixed-width codec. When the digits hold more than the bytes, the spare range above them is filled with a
 * multiple picked by the first byte (a MAC byte, so random-looking): otherwise the leading digit would be
 * stuck near '0', a tell no real key has. `decode` checks that multiple, so every text has one reading and
 * changing any digit changes what is read. The arithmetic is schoolbook division and multiplication on
 * base-256 digits: a few hundred small-integer steps, several times cheaper than BigInt.
 * @example radixCodec(BASE32, 16, 10).encode(Buffer.alloc(10)) // 'AAAAAAAAAAAAAAAA'
 */
export function radixCodec(alphabet: string, chars: number, size: number): RadixCodec {
  const radix = alphabet.length;
  // Checked once, exactly: how many multiples of 2^(8·size) fit under radix^chars.
  const spreadBig = BigInt(radix) ** BigInt(chars) / (1n << BigInt(size * 8));
  if (spreadBig < 1n) throw new RangeError(`labyrinth.canary: ${chars} digits cannot hold ${size} bytes`);
  // A first byte is below 256: a larger spread takes it whole.
  const spread = spreadBig > 256n ? 256 : Number(spreadBig);
  const codes = Array.from(alphabet, (c) => c.charCodeAt(0));
  const digits = new Int16Array(128).fill(-1);
  for (let i = 0; i < radix; i++) digits[alphabet.charCodeAt(i)] = i;
  // Bytes that can hold radix^chars - 1, the largest number a text can spell.
  const width = Math.ceil((chars * Math.log2(radix)) / 8) + 1;
  const multiple = (first: number): number => first % spread;
  // Digits per long division: radix^step · 256 stays a 31-bit integer, where division is cheap.
  let step = 1;
  while (radix ** (step + 1) * 256 < 2 ** 31) step++;
  const chunk = radix ** step;

  return {
    size,
    encode(bytes) {
      // The number multiple·2^(8·size) + bytes, big-endian in base 256, divided by radix^step at a time.
      const n = new Uint8Array(size + 1);
      n[0] = multiple(bytes[0]!);
      n.set(bytes.subarray(0, size), 1);
      const out = new Array<number>(chars);
      for (let left = chars; left > 0; left -= step) {
        let rest = 0;
        for (let k = 0; k < n.length; k++) {
          const value = rest * 256 + n[k]!;
          const q = (value / chunk) | 0;
          n[k] = q;
          rest = value - q * chunk;
        }
        for (let d = Math.min(step, left), at = left - 1; d > 0; d--, at--) {
          const q = (rest / radix) | 0;
          out[at] = codes[rest - q * radix]!;
          rest = q;
        }
      }
      return String.fromCharCode(...out);
    },
    decode(text) {
      if (text.length !== chars) return undefined;
      const n = new Uint8Array(width);
      for (let i = 0; i < chars; i++) {
        const code = text.charCodeAt(i);
        const digit = code < 128 ? digits[code]! : -1;
        if (digit < 0) return undefined;
        let carry = digit;
        for (let k = width - 1; k >= 0; k--) {
          const value = n[k]! * radix + carry;
          n[k] = value & 0xff;
          carry = value >>> 8;
        }
      }
      // Above the low `size` bytes only the multiple may stand, and it must be the one the first byte picks.
      const high = width - size - 1;
      for (let k = 0; k < high; k++) if (n[k] !== 0) return undefined;
      const bytes = Buffer.from(n.subarray(high + 1));
      return n[high] === multiple(bytes[0]!) ? bytes : undefined;
    },
  };
}
