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

const toBigInt = (bytes: Buffer): bigint => BigInt(`0x${bytes.toString('hex')}`);
const toBytes = (n: bigint, size: number): Buffer =>
  Buffer.from(n.toString(16).padStart(size * 2, '0'), 'hex');

/**
 * A fixed-width codec. When the digits hold more than the bytes, the spare range above them is filled with a
 * multiple picked by the first byte (a MAC byte, so random-looking): otherwise the leading digit would be
 * stuck near '0', a tell no real key has. `decode` checks that multiple, so every text has one reading and
 * changing any digit changes what is read.
 * @example radixCodec(BASE32, 16, 10).encode(Buffer.alloc(10)) // 'AAAAAAAAAAAAAAAA'
 */
export function radixCodec(alphabet: string, chars: number, size: number): RadixCodec {
  const radix = BigInt(alphabet.length);
  const span = 1n << BigInt(size * 8);
  const spread = radix ** BigInt(chars) / span;
  if (spread < 1n) throw new RangeError(`labyrinth.canary: ${chars} digits cannot hold ${size} bytes`);
  const digits = new Map([...alphabet].map((c, i) => [c, BigInt(i)]));
  const multiple = (bytes: Buffer): bigint => BigInt(bytes[0]!) % spread;

  return {
    size,
    encode(bytes) {
      let n = toBigInt(bytes) + multiple(bytes) * span;
      let text = '';
      for (let i = 0; i < chars; i++, n /= radix) text = alphabet[Number(n % radix)] + text;
      return text;
    },
    decode(text) {
      if (text.length !== chars) return undefined;
      let n = 0n;
      for (const c of text) {
        const digit = digits.get(c);
        if (digit === undefined) return undefined;
        n = n * radix + digit;
      }
      const bytes = toBytes(n % span, size);
      return n / span === multiple(bytes) ? bytes : undefined;
    },
  };
}
