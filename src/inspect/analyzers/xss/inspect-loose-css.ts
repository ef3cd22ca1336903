import { cssDanger } from './css-danger.js';
import { excerpt } from './excerpt.js';
import type { ScanContext } from './scan-context.js';
import { XSS_RULES } from './xss-rules.js';

/**
 * CSS that runs script in a value outside any tag, as injected into a style attribute or sheet:
 * `color:red;background:url(javascript:alert(1))`, `x:expression(alert(1))`, `-moz-binding:url(…)`.
 * @example inspectLooseCss(ctx) // xss/css-injection 0.9 for `width:expression(alert(1))`
 */
export function inspectLooseCss(ctx: ScanContext): void {
  const danger = cssDanger(ctx.text.slice(0, ctx.end), false);
  if (danger === undefined) return;
  ctx.hits.add({
    rule: XSS_RULES.cssInjection,
    confidence: danger.confidence,
    evidence: excerpt(danger.evidence),
    transforms: ctx.transforms,
  });
}
