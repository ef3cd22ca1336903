import { codeShape } from './code-shape.js';
import { HEX, radixCodec } from './radix-codec.js';

const PREFIX = 'key-';

/**
 * A generic vendor API key in Mailgun's classic form: `key-` and 32 hex digits (intruder 32 + nonce 16 +
 * MAC 80 bits). The prefix keeps find() from taking every MD5 digest in a body for a candidate.
 * @example mint('api-key', slot) // 'key-fd0ef04e8af0…' (elided: secret scanners would flag it here)
 */
export const apiKeyShape = codeShape({
  kind: 'api-key',
  exact: /^key-[0-9a-f]{32}$/,
  scan: 'key-[0-9a-f]{32}(?![A-Za-z0-9])',
  codec: radixCodec(HEX, 32, 16),
  join: (code) => PREFIX + code,
  split: (token) => [token.slice(PREFIX.length), ''],
});
