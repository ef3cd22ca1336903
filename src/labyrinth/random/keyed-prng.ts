import type { KeyedDigest } from './keyed-digest.js';
import { Prng } from './prng.js';

/**
 * A random stream that is a function of the maze's key and `message` alone: the keyed digest seeds it, so
 * another secret gives another stream. Callers prefix `message` with a purpose (`page\n`, `nav\n`…).
 * @example keyedPrng(key, `page\nsql\n${site.length}:${site}${target}`)
 */
export function keyedPrng(digest: KeyedDigest, message: string): Prng {
  return new Prng(digest(message));
}
