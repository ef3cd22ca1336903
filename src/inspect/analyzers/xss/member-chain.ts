import { isIdentChar } from './char-class.js';

const DOT = 46;
const MAX_GROUP = 64;

// The opening bracket matching the `)` or `]` at `close`, within a short distance.
function groupStart(js: string, close: number): number {
  const closer = js.charCodeAt(close);
  if (closer !== 41 && closer !== 93) return -1;
  const opener = closer === 41 ? 40 : 91;
  let depth = 0;
  for (let k = close; k >= 0 && close - k <= MAX_GROUP; k--) {
    const c = js.charCodeAt(k);
    if (c === closer) depth++;
    else if (c === opener && --depth === 0) return k;
  }
  return -1;
}

/**
 * Where the member chain ending in the word at `at` starts: `window.alert` → at `window`,
 * `(document).cookie` → at `(`, `[].constructor` → at `[`.
 * @example chainStart('x=top.document.cookie', 15) // 2
 */
export function chainStart(js: string, at: number): number {
  let k = at;
  while (k > 0 && js.charCodeAt(k - 1) === DOT) {
    let w = k - 1;
    while (w > 0 && isIdentChar(js.charCodeAt(w - 1))) w--;
    if (w < k - 1) {
      k = w;
      continue;
    }
    const group = groupStart(js, k - 2);
    if (group < 0) break;
    k = group;
  }
  return k;
}

/**
 * The first word of a chain that starts at `start`, looking into a parenthesized one: `(document)` →
 * `document`; '' when the chain starts with something else (`[]`).
 */
export function chainRoot(js: string, start: number): string {
  const from = js.charCodeAt(start) === 40 ? start + 1 : start;
  let end = from;
  while (end < js.length && end - from < 24 && isIdentChar(js.charCodeAt(end))) end++;
  return js.slice(from, end);
}
