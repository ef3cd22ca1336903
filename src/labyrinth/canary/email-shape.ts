import type { CanaryShape } from './canary-shape.js';
import { codeShape } from './code-shape.js';
import { FIRST_NAMES, LAST_NAMES, pick } from './decoys.js';
import { BASE36, radixCodec } from './radix-codec.js';

const LOCAL = '[a-z]{2,12}\\.[a-z]{2,12}\\.[0-9a-z]{22}';

/**
 * An employee's e-mail address, `first.last.` and 22 base36 characters (intruder 32 + nonce 16 + MAC 64
 * bits) at `domain` (a validated lower-case hostname, so escaping its dots is enough). find() also takes
 * `%40` for the `@`, as a query string carries it.
 * @example mint('email', slot) // 'anna.young.kz8psx3xfzn2zc7pujfpq7@corp.example.com'
 */
export function emailShape(domain: string): CanaryShape {
  const host = domain.replaceAll('.', '\\.');
  const suffix = `@${domain}`;
  return codeShape({
    kind: 'email',
    exact: new RegExp(`^${LOCAL}@${host}$`),
    scan: `(?<![a-z])${LOCAL}(?:@|%40)${host}(?![A-Za-z0-9-])`,
    codec: radixCodec(BASE36, 22, 14),
    decorate: (seed) => `${pick(FIRST_NAMES, seed[2])}.${pick(LAST_NAMES, seed[3])}`,
    join: (code, decoration) => `${decoration}.${code}${suffix}`,
    split(token) {
      const local = token.slice(0, -suffix.length);
      const dot = local.lastIndexOf('.');
      return [local.slice(dot + 1), local.slice(0, dot)];
    },
  });
}
