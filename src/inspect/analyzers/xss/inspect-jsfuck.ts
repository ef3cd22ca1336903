import { excerpt } from './excerpt.js';
import type { ScanContext } from './scan-context.js';
import { XSS_RULES } from './xss-rules.js';

// JSFuck writes any program with these six characters; `![]` and `+[]` are its building blocks.
const JSFUCK = new Set([91, 93, 40, 41, 33, 43]); // [ ] ( ) ! +
const LONG_RUN = 24;
const SHORT_RUN = 4;

/**
 * JSFuck: code spelled with `[]()!+` only, like `(![]+[])[+!+[]]`. A long run anywhere, or a value made
 * of nothing else, is never data.
 * @example inspectJsfuck(ctx) // xss/js-obfuscation for `[][(![]+[])[+[]]+…]`
 */
export function inspectJsfuck(ctx: ScanContext): void {
  const { text, end } = ctx;
  let runStart = -1;
  let blocks = false;
  for (let i = 0; i <= end; i++) {
    const c = i < end ? text.charCodeAt(i) : -1;
    if (JSFUCK.has(c)) {
      if (runStart < 0) runStart = i;
      if (
        c === 93 &&
        text.charCodeAt(i - 1) === 91 &&
        (text.charCodeAt(i - 2) === 33 || text.charCodeAt(i - 2) === 43)
      )
        blocks = true;
      continue;
    }
    if (runStart >= 0 && blocks) {
      const length = i - runStart;
      const whole = text.slice(0, runStart).trim() === '' && text.slice(i, end).trim() === '';
      const confidence = length >= LONG_RUN ? 1 : whole && length >= SHORT_RUN ? 0.8 : 0;
      if (confidence > 0) {
        ctx.hits.add({
          rule: XSS_RULES.jsObfuscation,
          confidence,
          evidence: excerpt(text, runStart, i),
          transforms: ctx.transforms,
        });
      }
    }
    runStart = -1;
    blocks = false;
  }
}
