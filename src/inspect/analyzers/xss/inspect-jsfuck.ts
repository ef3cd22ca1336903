import { excerpt } from './excerpt.js';
import type { ScanContext } from './scan-context.js';
import { XSS_RULES } from './xss-rules.js';

// JSFuck writes any program with these six characters; `![]` and `+[]` are its building blocks.
const JSFUCK = new Set([91, 93, 40, 41, 33, 43]); // [ ] ( ) ! +
const SPACE = 32;
const PLUS = 43;
const BANG = 33;
const LONG_RUN = 24;
const SHORT_RUN = 4;
/** Blocks that make a run code even when a form decoder turned its `+` into spaces. */
const SPACED_BLOCKS = 3;

function isBlockEnd(text: string, i: number): boolean {
  const before = text.charCodeAt(i - 2);
  return text.charCodeAt(i) === 93 && text.charCodeAt(i - 1) === 91 && (before === BANG || before === PLUS);
}

/**
 * JSFuck: code spelled with `[]()!+` only, like `(![]+[])[+!+[]]`. A long run anywhere (spaces allowed
 * where a form decoder took the `+` for one), or a value made of nothing else, is never data; a short
 * whole value with both `!` and `+` (`+!![]`) is a coercion probe, not markdown (`![](x)`).
 * @example inspectJsfuck(ctx) // xss/js-obfuscation for `[][(![]+[])[+[]]+…]`
 */
export function inspectJsfuck(ctx: ScanContext): void {
  const { text, end } = ctx;
  let runStart = -1;
  let blocks = 0;
  let chars = 0;
  let operators = 0;
  for (let i = 0; i <= end; i++) {
    const c = i < end ? text.charCodeAt(i) : -1;
    if (JSFUCK.has(c) || (c === SPACE && runStart >= 0)) {
      if (runStart < 0) runStart = i;
      if (c !== SPACE) chars++;
      if (c === PLUS) operators |= 1;
      else if (c === BANG) operators |= 2;
      if (isBlockEnd(text, i)) blocks++;
      continue;
    }
    if (runStart >= 0 && blocks > 0) {
      const whole = text.slice(0, runStart).trim() === '' && text.slice(i, end).trim() === '';
      const spaced = text.slice(runStart, i).trimEnd().includes(' ');
      let confidence = 0;
      if (chars >= LONG_RUN && (!spaced || blocks >= SPACED_BLOCKS)) confidence = 1;
      else if (whole && !spaced && chars >= SHORT_RUN)
        confidence = operators === 3 && chars > SHORT_RUN ? 0.9 : 0.8;
      if (confidence > 0 && ctx.hits.wants(XSS_RULES.jsObfuscation, confidence)) {
        ctx.hits.add({
          rule: XSS_RULES.jsObfuscation,
          confidence,
          evidence: excerpt(text, runStart, i),
          transforms: ctx.transforms,
        });
      }
    }
    runStart = -1;
    blocks = 0;
    chars = 0;
    operators = 0;
  }
}
