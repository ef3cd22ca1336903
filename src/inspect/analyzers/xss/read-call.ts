import { isIdentChar, isQuote } from './char-class.js';

/** The argument list of a call in compacted JavaScript. */
export interface CallArguments {
  readonly text: string;
  /** Index just after the closing `)` (or the end of the text when it is missing). */
  readonly end: number;
}

const KEYWORDS = new Set([
  'new',
  'typeof',
  'void',
  'in',
  'instanceof',
  'function',
  'async',
  'return',
  'var',
  'let',
  'const',
  'of',
  'await',
  'delete',
  'this',
]);
const MAX_ARGUMENTS = 256;

// Compacted JavaScript keeps a space only between two words, and two words in a row are a syntax error
// unless one is a keyword: `confirm(by email)` is prose, not a call.
function isBareWordPair(js: string, space: number): boolean {
  let a = space;
  while (a > 0 && isIdentChar(js.charCodeAt(a - 1))) a--;
  let b = space + 1;
  while (b < js.length && isIdentChar(js.charCodeAt(b))) b++;
  return !KEYWORDS.has(js.slice(a, space)) && !KEYWORDS.has(js.slice(space + 1, b));
}

/**
 * Reads the arguments of the call whose `(` is at `open`, skipping strings; undefined when they cannot be
 * JavaScript (two bare words in a row outside a string).
 * @example readCall('alert(document.cookie);', 5)?.text // 'document.cookie'
 */
export function readCall(js: string, open: number): CallArguments | undefined {
  let depth = 0;
  let quote = 0;
  const limit = Math.min(js.length, open + MAX_ARGUMENTS);
  let k = open;
  for (; k < limit; k++) {
    const c = js.charCodeAt(k);
    if (quote !== 0) {
      if (c === 92) k++;
      else if (c === quote) quote = 0;
    } else if (isQuote(c)) quote = c;
    else if (c === 40) depth++;
    else if (c === 41) {
      if (--depth === 0) break;
    } else if (c === 32 && isBareWordPair(js, k)) return undefined;
  }
  return { text: js.slice(open + 1, k), end: Math.min(k + 1, js.length) };
}
