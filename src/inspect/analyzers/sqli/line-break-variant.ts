import type { Inspectable, Variant } from '../../inspectable.js';
import { plusSpace, urlDecode, usesFormEncoding } from '../../normalize/index.js';

/**
 * The value percent-decoded with its line breaks kept, when it encodes any (`%0a`, `%0d`). The shared
 * normalizer folds white space, but in SQL a line break ends a `--` or `#` comment: `-1#%0aunion select`
 * runs the union, `-1# union select` does not. Undefined when there is no encoded line break.
 */
export function lineBreakVariant(item: Inspectable, received: Variant): Variant | undefined {
  if (!hasEncodedBreak(received.value)) return undefined;
  let value = received.value;
  const transforms: string[] = [];
  if (usesFormEncoding(item)) {
    const spaced = plusSpace.apply(value);
    if (spaced.changed) transforms.push(plusSpace.name);
    value = spaced.value;
  }
  const decoded = urlDecode.apply(value);
  if (!decoded.changed) return undefined;
  transforms.push(urlDecode.name);
  return { value: decoded.value, transforms };
}

function hasEncodedBreak(value: string): boolean {
  for (let i = value.indexOf('%'); i >= 0 && i + 2 < value.length; i = value.indexOf('%', i + 1)) {
    const high = value.charCodeAt(i + 1);
    const low = value.charCodeAt(i + 2) | 32;
    if (high === 48 && (low === 97 || low === 100)) return true;
  }
  return false;
}
