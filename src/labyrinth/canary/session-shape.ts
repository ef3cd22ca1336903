import { codeShape } from './code-shape.js';
import { HEX, radixCodec } from './radix-codec.js';

/**
 * A session cookie value: 40 hex digits, as many frameworks write a session id (intruder 32 + nonce 16 + MAC
 * 112 bits). It has no prefix, so find() takes it only as a whole run of letters and digits: scanning
 * starts once per run, not once per character.
 * @example mint('session', slot) // '2760058283e4df32f2716d29bab3a5781adbb154'
 */
export const sessionShape = codeShape({
  kind: 'session',
  exact: /^[0-9a-f]{40}$/,
  scan: '(?<![A-Za-z0-9])[0-9a-f]{40}(?![A-Za-z0-9])',
  codec: radixCodec(HEX, 40, 20),
  join: (code) => code,
  split: (token) => [token, ''],
});
