import { isIdentChar, isQuote } from './char-class.js';
import { compactJs } from './compact-js.js';

const KEYWORDS = new Set([
  'new',
  'typeof',
  'void',
  'in',
  'instanceof',
  'function',
  'return',
  'var',
  'let',
  'const',
  'this',
  'throw',
  'delete',
]);
const CODE_PUNCTUATION = new Set([40, 96, 61, 91]); // ( ` = [
const MAX_CODE = 256;

function wordAround(js: string, space: number): [string, string] {
  let a = space;
  while (a > 0 && isIdentChar(js.charCodeAt(a - 1))) a--;
  let b = space + 1;
  while (b < js.length && isIdentChar(js.charCodeAt(b))) b++;
  return [js.slice(a, space), js.slice(space + 1, b)];
}

/**
 * True when text reads as JavaScript rather than prose: it calls, assigns, indexes or comments
 * (`alert(1)`, `x=1`, `//`), and outside strings no two plain words follow each other
 * (`javascript: the good parts` is a book title, `javascript:alert('hi there')` is code).
 * @example looksLikeCode("alert('hi there')") // true
 */
export function looksLikeCode(text: string): boolean {
  const js = compactJs(text, 0, Math.min(text.length, MAX_CODE)).text;
  let quote = 0;
  let punctuated = false;
  for (let i = 0; i < js.length; i++) {
    const c = js.charCodeAt(i);
    if (quote !== 0) {
      if (c === 92) i++;
      else if (c === quote) quote = 0;
    } else if (isQuote(c)) {
      quote = c;
      if (c === 96) punctuated = true;
    } else if (CODE_PUNCTUATION.has(c) || (c === 47 && js.charCodeAt(i + 1) === 47)) punctuated = true;
    else if (c === 32) {
      const [before, after] = wordAround(js, i);
      if (!KEYWORDS.has(before) && !KEYWORDS.has(after)) return false;
    }
  }
  return punctuated;
}
