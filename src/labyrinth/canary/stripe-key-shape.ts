import { codeShape } from './code-shape.js';
import { BASE62, radixCodec } from './radix-codec.js';

const PREFIX = 'sk_live_';

/**
 * A Stripe live secret key in its classic form: `sk_live_` and 24 base62 characters (intruder 32 + nonce
 * 16 + MAC 88 bits).
 * @example mint('stripe-key', slot) // 'sk_live_Vm71ptWb…' (elided: secret scanners would flag it here)
 */
export const stripeKeyShape = codeShape({
  kind: 'stripe-key',
  exact: /^sk_live_[A-Za-z0-9]{24}$/,
  scan: 'sk_live_[A-Za-z0-9]{24}(?![A-Za-z0-9])',
  codec: radixCodec(BASE62, 24, 17),
  join: (code) => PREFIX + code,
  split: (token) => [token.slice(PREFIX.length), ''],
});
