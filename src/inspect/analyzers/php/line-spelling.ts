import type { Inspectable, Variant } from '../../inspectable.js';
import { plusSpace, urlDecode } from '../../normalize/index.js';

const FOLD = 'whitespace-fold';

/**
 * The percent-decoded value with its line breaks kept, when the normalized spellings folded them away:
 * a PHP `//` or `#` comment ends at the line break, so `exec //x%0A(...)` is a call only unfolded.
 */
export function lineSpelling(item: Inspectable, variants: readonly Variant[]): Variant | undefined {
  const folded = variants.find((v) => v.transforms.includes(FOLD));
  if (folded === undefined) return undefined;
  const transforms: string[] = [];
  let value = item.value;
  if (folded.transforms.includes(plusSpace.name)) {
    value = plusSpace.apply(value).value;
    transforms.push(plusSpace.name);
  }
  const decoded = urlDecode.apply(value);
  if (!decoded.changed) return undefined;
  transforms.push(urlDecode.name);
  return variants.some((v) => v.value === decoded.value) ? undefined : { value: decoded.value, transforms };
}
