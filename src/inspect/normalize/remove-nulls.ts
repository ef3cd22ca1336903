import { type Transform, unchanged } from '../transform.js';
import { CodeUnitBuffer } from './code-unit-buffer.js';

const out = new CodeUnitBuffer();

// Tab, LF, VT, FF and CR are kept: SQL, JS and HTML parsers read them as whitespace, so removing them would
// glue `union\vselect` into one word; `whitespace-fold` turns them into spaces instead.
function isRemoved(code: number): boolean {
  return code < 0x09 || (code > 0x0d && code < 0x20) || code === 0x7f;
}

/**
 * Removes NUL and the other C0 control characters (and DEL) that parsers skip or that cut a keyword in two
 * (`<scr\0ipt>`, `sel%00ect`), keeping the whitespace ones.
 * @example removeNulls.apply('<scr\0ipt>').value // '<script>'
 */
export const removeNulls: Transform = {
  name: 'remove-nulls',
  apply(input) {
    let at = 0;
    while (at < input.length && !isRemoved(input.charCodeAt(at))) at++;
    if (at === input.length) return unchanged(input);
    out.clear();
    out.pushSlice(input, 0, at);
    for (at++; at < input.length; at++) {
      const code = input.charCodeAt(at);
      if (!isRemoved(code)) out.push(code);
    }
    return { value: out.toString(), changed: true };
  },
};
