import type { CanaryShape } from './canary-shape.js';
import { codeShape } from './code-shape.js';
import { pick, URL_ITEMS, URL_SECTIONS } from './decoys.js';
import { BASE36, radixCodec } from './radix-codec.js';

// A query string carries a URL with its delimiters %-escaped (`?next=http%3A%2F%2F…`); find() takes both.
const COLON = '(?::|%3[Aa])';
const SLASH = '(?:/|%2[Ff])';

/**
 * A link into the intranet, `http://host/section/item/` and 22 base36 characters (intruder 32 + nonce 16 +
 * MAC 64 bits); `host` is a validated lower-case hostname or IPv4 address.
 * @example mint('internal-url', slot) // 'http://git.internal.corp/deploy/terraform-state/882cf7bbxuxsn87ks250w9'
 */
export function internalUrlShape(host: string): CanaryShape {
  const prefix = `http://${host}/`;
  const escaped = host.replaceAll('.', '\\.');
  return codeShape({
    kind: 'internal-url',
    exact: new RegExp(`^http://${escaped}/[a-z]{2,16}/[a-z-]{2,24}/[0-9a-z]{22}$`),
    scan: `http${COLON}${SLASH}${SLASH}${escaped}${SLASH}[a-z]{2,16}${SLASH}[a-z-]{2,24}${SLASH}[0-9a-z]{22}(?![A-Za-z0-9])`,
    codec: radixCodec(BASE36, 22, 14),
    decorate: (seed) => `${pick(URL_SECTIONS, seed[2])}/${pick(URL_ITEMS, seed[3])}`,
    join: (code, decoration) => `${prefix}${decoration}/${code}`,
    split(token) {
      const slash = token.lastIndexOf('/');
      return [token.slice(slash + 1), token.slice(prefix.length, slash)];
    },
  });
}
