import { createHmac, type KeyObject } from 'node:crypto';
import { Prng } from './prng.js';

/**
 * A random stream that is a function of the maze's key and `message` alone: HMAC-SHA256 seeds it, so
 * another secret gives another stream. Callers prefix `message` with a purpose (`page\n`, `nav\n`…).
 * @example keyedPrng(key, `page\nsql\n${site.length}:${site}${target}`)
 */
export function keyedPrng(key: KeyObject, message: string): Prng {
  return new Prng(createHmac('sha256', key).update(message).digest());
}
