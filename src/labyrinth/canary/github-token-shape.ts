import { codeShape } from './code-shape.js';
import { crc32 } from './crc32.js';
import { BASE62, radixCodec } from './radix-codec.js';

const PREFIX = 'ghp_';
const BODY = 30;

// As GitHub writes it: the CRC-32 of the 30 random characters in 6 base62 digits, zero-padded.
function checksum(body: string): string {
  let n = crc32(body);
  let text = '';
  for (let i = 0; i < 6; i++, n = Math.floor(n / 62)) text = BASE62[n % 62] + text;
  return text;
}

/**
 * A GitHub classic personal access token: `ghp_`, 30 base62 characters (intruder 32 + nonce 16 + MAC 128
 * bits) and GitHub's own 6-character CRC-32 checksum, so secret scanners take it for a real one.
 * @example mint('github-token', slot) // 'ghp_arILgmrqh7…' (elided: secret scanners would flag it here)
 */
export const githubTokenShape = codeShape({
  kind: 'github-token',
  exact: /^ghp_[A-Za-z0-9]{36}$/,
  scan: 'ghp_[A-Za-z0-9]{36}(?![A-Za-z0-9])',
  codec: radixCodec(BASE62, BODY, 22),
  join: (code) => PREFIX + code + checksum(code),
  split(token) {
    const body = token.slice(PREFIX.length, PREFIX.length + BODY);
    return token.endsWith(checksum(body)) ? [body, ''] : undefined;
  },
});
