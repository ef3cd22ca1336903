import type { Inspectable, Variant } from '../inspectable.js';
import { base64Decode } from './base64-decode.js';
import { htmlEntities } from './html-entities.js';
import { jsEscapes } from './js-escapes.js';
import { plusSpace } from './plus-space.js';
import { removeNulls } from './remove-nulls.js';
import { SpellingChain } from './spelling-chain.js';
import { unicodeNfkc } from './unicode-nfkc.js';
import { urlDecode } from './url-decode.js';
import { scanValueFlags, ValueFlag } from './value-flags.js';
import { whitespaceFold } from './whitespace-fold.js';

// Analyzers tokenize the first few KiB of a value; normalizing megabytes would only cost time.
const MAX_NORMALIZED_LENGTH = 64 * 1024;
const NO_TRANSFORMS: readonly string[] = Object.freeze([]);
const WHITESPACE = ValueFlag.FOLDABLE | ValueFlag.NON_ASCII;

const ESCAPE = /%[0-9A-Fa-f]{2}/;
const INNER_ESCAPES = [urlDecode, htmlEntities, jsEscapes];

/**
 * A value written in form encoding whatever its kind — percent escapes and `+` but not one space
 * (`%3Cimg+src%3Dx%3E` in a JSON field, a multipart part or a path): an encoder that wrote `+` for a space
 * made it.
 */
function writtenAsForm(value: string): boolean {
  return value.includes('+') && !value.includes(' ') && ESCAPE.test(value);
}

/**
 * Whether `+` in a value stands for a space: in query strings, form bodies and (as most frameworks read
 * them) cookies, and in any value written in form encoding.
 */
export function usesFormEncoding(item: Inspectable): boolean {
  switch (item.kind) {
    case 'query-name':
    case 'query-value':
    case 'cookie-name':
    case 'cookie-value':
      return true;
    case 'body-name':
    case 'body-value':
      if (item.location === 'body.form' || item.location.startsWith('body.form.')) return true;
      return writtenAsForm(item.value);
    default:
      return writtenAsForm(item.value);
  }
}

function addDistinct(variants: Variant[], candidate: Variant): void {
  if (candidate.transforms.length === 0) return;
  if (variants.some((variant) => variant.value === candidate.value)) return;
  variants.push(candidate);
}

function addDecodedSpellings(variants: Variant[], received: Variant, flags: number, form: boolean): void {
  const chain = new SpellingChain(received, flags);
  if (form) chain.apply(plusSpace, ValueFlag.PLUS);
  chain.apply(urlDecode, ValueFlag.PERCENT);
  // A decoded NUL is kept in one spelling too: C code stops reading there (`http://127.0.0.1%00.evil.com`
  // resolves 127.0.0.1), while removing it joins what it cut (`sel%00ect`).
  if (chain.variant().value.includes('\0')) addDistinct(variants, chain.variant());
  chain.apply(removeNulls, ValueFlag.CONTROL);
  chain.apply(whitespaceFold, WHITESPACE);
  addDistinct(variants, chain.variant());
  // The escapes can produce NULs and control whitespace again, so those two steps run once more; and
  // percent escapes, when they were written as entities or JS escapes (`\u0025\u0032\u0065` is `%2e`).
  const before = chain.variant().value;
  chain.apply(htmlEntities, ValueFlag.AMPERSAND);
  chain.apply(jsEscapes, ValueFlag.BACKSLASH);
  if (chain.variant().value !== before) chain.apply(urlDecode, ValueFlag.PERCENT);
  chain.apply(removeNulls, ValueFlag.CONTROL);
  chain.apply(whitespaceFold, WHITESPACE);
  addDistinct(variants, chain.variant());
  chain.apply(unicodeNfkc, ValueFlag.NON_ASCII);
  addDistinct(variants, chain.variant());
}

// `+` is a base64 char: the encoding is looked for in the value as received or percent-decoded, never in
// the plus-as-space spelling.
function addBase64Spelling(variants: Variant[], value: string, flags: number): void {
  let candidate: Variant = { value, transforms: NO_TRANSFORMS };
  if (flags & ValueFlag.BASE64_ESCAPED_LOOK) {
    const decoded = urlDecode.apply(value);
    candidate = { value: decoded.value, transforms: ['url-decode'] };
  } else if ((flags & ValueFlag.BASE64_LOOK) === 0) return;
  const result = base64Decode.apply(candidate.value);
  if (!result.changed) return;
  const transforms = [...candidate.transforms, 'base64-decode'];
  addDistinct(variants, { value: result.value, transforms });
  // `ZXRjL3NoYWRvdyUwMA==` is `etc/shadow%00`: what was escaped before base64 (percent escapes, entities,
  // JS escapes such as `\u0027`) is decoded too.
  let inner: Variant = { value: result.value, transforms };
  for (const transform of INNER_ESCAPES) {
    const decoded = transform.apply(inner.value);
    if (decoded.changed) inner = { value: decoded.value, transforms: [...inner.transforms, transform.name] };
  }
  addDistinct(variants, inner);
}

/**
 * The distinct spellings of a value analyzers look at, each naming the transforms that changed it: as
 * received; percent-decoded (with `+` as space for form-encoded kinds, and for values of any kind written
 * in form encoding; also before NULs are removed when it
 * holds one), NULs removed, whitespace folded;
 * then HTML entities and JS escapes decoded; then NFKC-folded; and base64-decoded when it looks encoded.
 * A value none of these can change is returned after one scan, as its only variant.
 * @example normalizeValue({ location: 'query.q', kind: 'query-value', value: '%3Cb%3E+x' })
 * // [{ value: '%3Cb%3E+x', transforms: [] }, { value: '<b> x', transforms: ['plus-space', 'url-decode'] }]
 */
export function normalizeValue(item: Inspectable): readonly Variant[] {
  const received: Variant = { value: item.value, transforms: NO_TRANSFORMS };
  const long = item.value.length > MAX_NORMALIZED_LENGTH;
  const value = long ? item.value.slice(0, MAX_NORMALIZED_LENGTH) : item.value;
  const flags = scanValueFlags(value);
  if (flags === 0) return [received];
  const variants = [received];
  const start = long ? { value, transforms: NO_TRANSFORMS } : received;
  if ((flags & ~ValueFlag.BASE64_LOOK) !== 0)
    addDecodedSpellings(variants, start, flags, usesFormEncoding(item));
  // A path's own leading `/` is no part of an encoding that fills the path (`/PHN2ZyBvbmxvYWQ9…`).
  const encoded = item.kind === 'path' && value.charCodeAt(0) === 47 ? value.slice(1) : value;
  addBase64Spelling(variants, encoded, flags);
  return variants;
}
