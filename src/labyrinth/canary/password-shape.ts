import { codeShape } from './code-shape.js';
import { PASSWORD_WORDS, pick } from './decoys.js';
import { BASE62, radixCodec } from './radix-codec.js';

/**
 * A password-manager passphrase, `Word-Word-` and 19 base62 characters (intruder 32 + nonce 16 + MAC 64
 * bits). find() starts only at the first capital of a run of letters.
 * @example mint('password', slot) // 'Glacier-Cedar-Mr08oS8RS2RXJJsO7cT'
 */
export const passwordShape = codeShape({
  kind: 'password',
  exact: /^[A-Z][a-z]{2,9}-[A-Z][a-z]{2,9}-[A-Za-z0-9]{19}$/,
  scan: '(?<![A-Za-z])[A-Z][a-z]{2,9}-[A-Z][a-z]{2,9}-[A-Za-z0-9]{19}(?![A-Za-z0-9])',
  codec: radixCodec(BASE62, 19, 14),
  decorate: (seed) => `${pick(PASSWORD_WORDS, seed[2])}-${pick(PASSWORD_WORDS, seed[3])}`,
  join: (code, decoration) => `${decoration}-${code}`,
  split(token) {
    const dash = token.lastIndexOf('-');
    return [token.slice(dash + 1), token.slice(0, dash)];
  },
});
