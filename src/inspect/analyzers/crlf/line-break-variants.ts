import type { Variant } from '../../inspectable.js';
import { htmlEntities, jsEscapes, plusSpace, urlDecode } from '../../normalize/index.js';

const NO_TRANSFORMS: readonly string[] = Object.freeze([]);

function mayBeEncoded(s: string): boolean {
  return s.includes('%') || s.includes('&') || s.includes('\\');
}

/**
 * The spellings of a value with its line breaks kept: as received, percent-decoded (`+` as a space where
 * the value is form-encoded), then entities and JS escapes decoded, and percent-decoded again when those
 * spelled percent escapes. The shared variants fold whitespace, which erases exactly what this family seeks.
 */
export function lineBreakVariants(value: string, plusIsSpace = false): readonly Variant[] {
  const received: Variant = { value, transforms: NO_TRANSFORMS };
  if (!mayBeEncoded(value)) return [received];
  const variants: Variant[] = [received];
  let current = received;
  // `var=aaa%0aGET+/+HTTP/1.1`: in a query or a form, `+` is the space the backend will read.
  if (plusIsSpace && value.includes('+')) {
    current = { value: plusSpace.apply(value).value, transforms: [plusSpace.name] };
  }
  let escaped = false;
  for (const transform of [urlDecode, htmlEntities, jsEscapes]) {
    const result = transform.apply(current.value);
    if (!result.changed) continue;
    escaped ||= transform !== urlDecode;
    current = { value: result.value, transforms: [...current.transforms, transform.name] };
    variants.push(current);
  }
  // `\u0025\u0030\u0061` is `%0a`: percent escapes written as entities or JS escapes are decoded too.
  if (escaped) {
    const result = urlDecode.apply(current.value);
    if (result.changed)
      variants.push({ value: result.value, transforms: [...current.transforms, urlDecode.name] });
  }
  return variants;
}
