import type { Variant } from '../../inspectable.js';
import { base64Decode, jsEscapes } from '../../normalize/index.js';

const BASE64 = 'base64-decode';
const JS = 'js-escapes';

function unescaped(variant: Variant): Variant | undefined {
  if (variant.value.indexOf('\\') < 0) return undefined;
  const result = jsEscapes.apply(variant.value);
  return result.changed ? { value: result.value, transforms: [...variant.transforms, JS] } : undefined;
}

/**
 * Layers the shared normalization does not peel, since it decodes base64 only from the value as
 * received: JS escapes inside a base64 payload (`XHUwMDc3aGlsZSgxKQ==` → `\u0077hile(1)`) and base64
 * written with JS escapes (`\u0063m9uc29sZS5sb2coMSk=`). Empty for every other spelling.
 */
export function decodeLayers(variant: Variant): readonly Variant[] {
  const { transforms } = variant;
  if (transforms.includes(BASE64)) {
    const escaped = unescaped(variant);
    return escaped === undefined ? [] : [escaped];
  }
  if (!transforms.includes(JS)) return [];
  const decoded = base64Decode.apply(variant.value.trim());
  if (!decoded.changed) return [];
  const layer: Variant = { value: decoded.value, transforms: [...transforms, BASE64] };
  const escaped = unescaped(layer);
  return escaped === undefined ? [layer] : [layer, escaped];
}
