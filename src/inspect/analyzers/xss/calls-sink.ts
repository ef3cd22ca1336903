import { isIdentChar } from './char-class.js';
import { compactJs } from './compact-js.js';
import { CODE_CALLS, PROBE_CALLS } from './js-sinks.js';

/**
 * True when the code calls a probe or code sink (`alert(1)`, `eval\`…\``, `(z=alert)(1)`, `x.constructor(…)`), read after
 * folding comments, escapes and bracket access.
 * @example callsSink('{() => alert(1)}') // true
 */
export function callsSink(code: string): boolean {
  const js = compactJs(code, 0, code.length).text;
  let start = 0;
  for (let i = 0; i <= js.length; i++) {
    const c = js.charCodeAt(i);
    if (isIdentChar(c)) continue;
    // `alert(1)`, ``alert`1` ``, and `(alert)(1)` or `(z=alert)(1)`: a sink called through a parenthesised
    // expression.
    const called = c === 40 || c === 96 || (c === 41 && js.charCodeAt(i + 1) === 40);
    if (called && i > start) {
      const word = js.slice(start, i);
      if (PROBE_CALLS.has(word) || CODE_CALLS.has(word)) return true;
    }
    start = i + 1;
  }
  return false;
}
