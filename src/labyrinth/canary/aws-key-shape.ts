import { codeShape } from './code-shape.js';
import { BASE32, radixCodec } from './radix-codec.js';

const PREFIX = 'AKIA';

/**
 * An AWS access key id: `AKIA` and 16 base32 digits, exactly 80 bits, so the MAC gets only 32 of them
 * (intruder 32 + nonce 16 + MAC 32). Enough: a guess costs the intruder a request, and 2^32 of them is a flood.
 * @example mint('aws-key', slot) // 'AKIASSU3MSBG…' (elided: secret scanners would flag it here)
 */
export const awsKeyShape = codeShape({
  kind: 'aws-key',
  exact: /^AKIA[A-Z2-7]{16}$/,
  scan: 'AKIA[A-Z2-7]{16}(?![A-Za-z0-9])',
  codec: radixCodec(BASE32, 16, 10),
  join: (code) => PREFIX + code,
  split: (token) => [token.slice(PREFIX.length), ''],
});
