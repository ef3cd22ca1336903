import { InfinisecError } from '../../core/index.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
/** Lengths mod 8 that no whole number of bytes encodes to. */
const IMPOSSIBLE_LENGTHS = new Set([1, 3, 6]);

/**
 * RFC 4648 base32 of some bytes, uppercase, without padding (as authenticator apps expect).
 * @example base32Encode(Buffer.from('foobar')) // 'MZXW6YTBOI'
 */
export function base32Encode(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(value >>> bits) & 31];
    }
    value &= (1 << bits) - 1;
  }
  return bits > 0 ? out + ALPHABET[(value << (5 - bits)) & 31] : out;
}

/**
 * The bytes of RFC 4648 base32: any case, spaces and trailing padding ignored (as people type seeds);
 * a fault for any other character or an impossible length.
 */
export function base32Decode(text: string): Buffer {
  const clean = text.replace(/ /g, '').replace(/=+$/, '').toUpperCase();
  if (IMPOSSIBLE_LENGTHS.has(clean.length % 8)) throw invalid(`a length of ${clean.length}`);
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of clean) {
    const index = ALPHABET.indexOf(char);
    if (index < 0) throw invalid(`the character ${JSON.stringify(char)}`);
    value = ((value << 5) | index) & 0xfff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push((value >>> bits) & 0xff);
    }
  }
  return Buffer.from(out);
}

function invalid(what: string): InfinisecError {
  return new InfinisecError('INFINISEC_ERR_SECRET_KEY', 'control.auth', `base32 with ${what}`);
}
