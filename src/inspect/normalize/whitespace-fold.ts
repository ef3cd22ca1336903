import { type Transform, unchanged } from '../transform.js';
import { CodeUnitBuffer } from './code-unit-buffer.js';

const SPACE = 32;
const out = new CodeUnitBuffer();

// ASCII whitespace (with VT and FF), NEL, and the Unicode space separators, line/paragraph separators and
// the BOM that JavaScript counts as whitespace.
function isWhitespace(code: number): boolean {
  if (code < 0x80) return code === SPACE || (code >= 0x09 && code <= 0x0d);
  return (
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    code === 0x180e ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

// True when some whitespace is not already a single plain space.
function needsFolding(s: string): boolean {
  let previousSpace = false;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code === SPACE) {
      if (previousSpace) return true;
      previousSpace = true;
    } else if (isWhitespace(code)) return true;
    else previousSpace = false;
  }
  return false;
}

/**
 * Folds every run of whitespace (tabs, newlines, VT, FF, no-break and other Unicode spaces) into one space,
 * so `union%0b%a0select` and `union select` read alike. Leading and trailing runs are folded, not trimmed.
 * @example whitespaceFold.apply('a\t\n b').value // 'a b'
 */
export const whitespaceFold: Transform = {
  name: 'whitespace-fold',
  apply(input) {
    if (!needsFolding(input)) return unchanged(input);
    out.clear();
    let inRun = false;
    for (let at = 0; at < input.length; at++) {
      const code = input.charCodeAt(at);
      const space = isWhitespace(code);
      if (!space) out.push(code);
      else if (!inRun) out.push(SPACE);
      inRun = space;
    }
    return { value: out.toString(), changed: true };
  },
};
