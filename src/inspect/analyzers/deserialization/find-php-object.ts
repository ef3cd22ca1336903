import type { Hit } from './hit.js';

// `O:8:"stdClass":1:{` (and `C:` for Serializable classes); `+` before a length is accepted by PHP and
// used to slip past naive filters.
const OBJECT = /(?:^|[^A-Za-z0-9_])([OC]):\+?(\d{1,5}):"([^"]{1,256})":\+?\d{1,5}:\{/g;
// `a:2:{i:0;` or `a:1:{s:3:"` — an array whose first element is serialized too.
const ARRAY = /(?:^|[^A-Za-z0-9_])a:\+?\d{1,5}:\{(?:i:[+-]?\d{1,19};|s:\+?\d{1,6}:")/;

/**
 * A PHP serialized value: an object of a named class (what `unserialize` instantiates, running its magic
 * methods) weighs most; `stdClass` less, though still decisive, since it is how a probe finds out whether a
 * field reaches `unserialize` before a gadget is sent; a plain array of scalars least.
 */
export function findPhpObject(text: string): Hit | undefined {
  let best: Hit | undefined;
  OBJECT.lastIndex = 0;
  for (let m = OBJECT.exec(text); m !== null; m = OBJECT.exec(text)) {
    const name = m[3]!;
    const consistent = Number(m[2]) === name.length;
    let confidence = name.toLowerCase() === 'stdclass' ? 0.9 : consistent ? 1 : 0.85;
    if (m[1] === 'C') confidence = Math.max(confidence, 0.9);
    if (best === undefined || confidence > best.confidence)
      best = { rule: 'php-object', confidence, evidence: m[0].replace(/^[^OC]/, '') };
    if (confidence >= 1) break;
  }
  if (best !== undefined) return best;
  const array = ARRAY.exec(text);
  return array === null
    ? undefined
    : { rule: 'php-array', confidence: 0.5, evidence: array[0].replace(/^[^a]/, '') };
}
