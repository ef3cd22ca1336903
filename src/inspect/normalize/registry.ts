import type { Transform } from '../transform.js';
import { base64Decode } from './base64-decode.js';
import { htmlEntities } from './html-entities.js';
import { jsEscapes } from './js-escapes.js';
import { lowercase } from './lowercase.js';
import { pathNormalize } from './path-normalize.js';
import { plusSpace } from './plus-space.js';
import { removeNulls } from './remove-nulls.js';
import { sqlComments } from './sql-comments.js';
import { unicodeNfkc } from './unicode-nfkc.js';
import { urlDecode } from './url-decode.js';
import { whitespaceFold } from './whitespace-fold.js';

/** Every built-in transform by name. */
export const TRANSFORMS: ReadonlyMap<string, Transform> = new Map(
  [
    urlDecode,
    plusSpace,
    htmlEntities,
    jsEscapes,
    unicodeNfkc,
    removeNulls,
    pathNormalize,
    sqlComments,
    whitespaceFold,
    lowercase,
    base64Decode,
  ].map((transform) => [transform.name, transform]),
);

/**
 * The transform registered under this name; an unknown name is a programming error and throws.
 * @example transformNamed('url-decode').apply('%3C').value // '<'
 */
export function transformNamed(name: string): Transform {
  const transform = TRANSFORMS.get(name);
  if (transform === undefined) throw new TypeError(`inspect.normalize: no transform named "${name}"`);
  return transform;
}
