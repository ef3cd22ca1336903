import { isSpace } from './char-class.js';

const BACKSLASH = 92;
const SLASH = 47;
const STAR = 42;
const MAX_CSS = 4096;

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const lower = c | 0x20;
  return lower >= 97 && lower <= 102 ? lower - 87 : -1;
}

// The escape at `at` (a backslash): the text it stands for and the index after it.
function readEscape(css: string, at: number, end: number): [string, number] {
  let j = at + 1;
  let code = 0;
  while (j < end && j < at + 7 && hexValue(css.charCodeAt(j)) >= 0)
    code = code * 16 + hexValue(css.charCodeAt(j++));
  if (j === at + 1) return j < end && !isSpace(css.charCodeAt(j)) ? [css[j]!, j + 1] : ['', j + 1];
  if (isSpace(css.charCodeAt(j))) j++;
  const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
  return [valid ? String.fromCodePoint(code) : '', j];
}

/**
 * CSS as a browser tokenizes it, folded for matching: escapes decoded (`\65 xpression`, `\28`), comments
 * outside strings and all whitespace dropped (`exp/**\/ression`, `url ( javascript :`), lower-cased.
 * Only the first 4 KiB.
 * @example foldCss('x: EXP/**\/ression\\28 1)') // 'x:expression(1)'
 */
export function foldCss(css: string): string {
  const end = Math.min(css.length, MAX_CSS);
  let out = '';
  let quote = 0;
  let i = 0;
  while (i < end) {
    const c = css.charCodeAt(i);
    if (c === BACKSLASH) {
      const [text, next] = readEscape(css, i, end);
      out += text.toLowerCase();
      i = next;
    } else if (quote === 0 && c === SLASH && css.charCodeAt(i + 1) === STAR) {
      const close = css.indexOf('*/', i + 2);
      i = close < 0 ? end : close + 2;
    } else {
      // Inside a string `/*` opens no comment: `"/*"` must not swallow what follows.
      if (c === quote) quote = 0;
      else if (quote === 0 && (c === 34 || c === 39)) quote = c;
      if (c > 0x20 && !isSpace(c)) out += css[i]!.toLowerCase();
      i++;
    }
  }
  return out;
}

/**
 * CSS with its escapes decoded and nothing else changed (first 4 KiB): what a browser's CSS object model
 * holds, and hands back unescaped when it serializes the style again.
 * @example decodeCssEscapes('a\\3c b') // 'a<b'
 */
export function decodeCssEscapes(css: string): string {
  const end = Math.min(css.length, MAX_CSS);
  let out = '';
  let i = 0;
  while (i < end) {
    const at = css.indexOf('\\', i);
    if (at < 0 || at >= end) break;
    out += css.slice(i, at);
    const [text, next] = readEscape(css, at, end);
    out += text;
    i = next;
  }
  return out + css.slice(i, end);
}
