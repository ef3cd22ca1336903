const TABLE = Int32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});

/**
 * The CRC-32 (IEEE, as zlib computes it) of an ASCII text; GitHub tokens end with one, and secret scanners
 * check it, so a decoy without it would be dismissed as fake.
 * @example crc32('123456789') // 0xcbf43926
 */
export function crc32(ascii: string): number {
  let c = -1;
  for (let i = 0; i < ascii.length; i++) c = TABLE[(c ^ ascii.charCodeAt(i)) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}
