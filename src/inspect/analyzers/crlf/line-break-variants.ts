import type { Variant } from '../../inspectable.js';
import { htmlEntities, jsEscapes, urlDecode } from '../../normalize/index.js';

const NO_TRANSFORMS: readonly string[] = Object.freeze([]);

function mayBeEncoded(s: string): boolean {
  return s.includes('%') || s.includes('&') || s.includes('\\');
}

/**
 * The spellings of a value with its line breaks kept: as received, percent-decoded, then entities and
 * JS escapes decoded. The shared variants fold whitespace, which erases exactly what this family seeks.
 */
export function lineBreakVariants(value: string): readonly Variant[] {
  const received: Variant = { value, transforms: NO_TRANSFORMS };
  if (!mayBeEncoded(value)) return [received];
  const variants: Variant[] = [received];
  let current = received;
  for (const transform of [urlDecode, htmlEntities, jsEscapes]) {
    const result = transform.apply(current.value);
    if (!result.changed) continue;
    current = { value: result.value, transforms: [...current.transforms, transform.name] };
    variants.push(current);
  }
  return variants;
}
