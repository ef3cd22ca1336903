import { isLetter } from './char-class.js';

/**
 * The event an attribute name handles (`onload` → `load`, `x:ontimer` → `timer`, `"onfocus` → `focus`),
 * or undefined when it is no `on…` attribute. Junk before the name and a namespace prefix are dropped:
 * some parsers keep them, and a payload that tries them means the same.
 * @example handlerEvent('onmouseover') // 'mouseover'
 */
export function handlerEvent(name: string): string | undefined {
  let start = name.lastIndexOf(':') + 1;
  while (start < name.length && !isLetter(name.charCodeAt(start))) start++;
  if (name.length - start < 5 || name.charCodeAt(start) !== 111 || name.charCodeAt(start + 1) !== 110)
    return undefined;
  for (let i = start + 2; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (!isLetter(c) && c !== 95 && c !== 45) return undefined; // letters, `_` (onqt_error), `-`
  }
  return name.slice(start + 2);
}
