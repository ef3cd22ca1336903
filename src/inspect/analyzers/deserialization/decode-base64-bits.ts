// Sextet of each base64 char, standard (`+/`) and URL-safe (`-_`) alike; -1 for anything else.
const SEXTETS = new Int8Array(128).fill(-1);
for (let i = 0; i < 26; i++) {
  SEXTETS[65 + i] = i;
  SEXTETS[97 + i] = 26 + i;
}
for (let i = 0; i < 10; i++) SEXTETS[48 + i] = 52 + i;
SEXTETS[43] = SEXTETS[45] = 62;
SEXTETS[47] = SEXTETS[95] = 63;

/**
 * Decodes base64 `token` into `out`, starting `skip` bits into its bit stream (0, 2, 4 or 6): a fragment
 * cut from a longer encoding starts mid-byte, and one of the four skips realigns it. Binary-safe; stops
 * at the first char outside the alphabet or when `out` is full. Returns the number of bytes written.
 * @example decodeBase64Bits('HJ1bnRpbWU', 2, out) // 7 bytes: 'runtime'
 */
export function decodeBase64Bits(token: string, skip: number, out: Uint8Array): number {
  let count = 0;
  let accumulator = 0;
  let bits = -skip;
  for (let i = 0; i < token.length && count < out.length; i++) {
    const code = token.charCodeAt(i);
    const sextet = code < 128 ? SEXTETS[code]! : -1;
    if (sextet < 0) break;
    accumulator = ((accumulator << 6) | sextet) & 0xffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[count++] = (accumulator >> bits) & 0xff;
    }
  }
  return count;
}
