import type { Inspectable, Variant } from '../../inspectable.js';
import { plusSpace, urlDecode, usesFormEncoding } from '../../normalize/index.js';

/**
 * The value percent-decoded with its line breaks and control characters kept, when it encodes any (`%0a`,
 * `%0d`, `%01`…`%1f`). The shared normalizer folds white space and drops controls, but in SQL a line break
 * ends a `--` or `#` comment (`-1#%0aunion select` runs the union, `-1# union select` does not), and SQL
 * Server reads every control character as a blank (`1%02AND%061=1`). Undefined when there is none.
 */
export function lineBreakVariant(item: Inspectable, received: Variant): Variant | undefined {
  if (!hasEncodedControl(received.value)) return undefined;
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

function hasEncodedControl(value: string): boolean {
  for (let i = value.indexOf('%'); i >= 0 && i + 2 < value.length; i = value.indexOf('%', i + 1)) {
    const high = value.charCodeAt(i + 1);
    const low = value.charCodeAt(i + 2) | 32;
    // `%0a`, `%0d`, and any `%01`-`%1f` but tab (which the normalizer keeps as a blank).
    if ((high === 48 || high === 49) && ((low >= 48 && low <= 57) || (low >= 97 && low <= 102))) {
      if (!(high === 48 && (low === 48 || low === 57))) return true;
    }
  }
  return false;
}
