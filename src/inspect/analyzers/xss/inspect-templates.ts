import { callsSink } from './calls-sink.js';
import { compactJs } from './compact-js.js';
import { excerpt } from './excerpt.js';
import { CODE_CALLS, PROBE_CALLS } from './js-sinks.js';
import type { ScanContext } from './scan-context.js';
import { XSS_RULES } from './xss-rules.js';

const MAX_EXPRESSION = 512;
// AngularJS scope methods that evaluate or hook code from inside an expression.
const SCOPE_GADGETS = ['$eval(', '$on.', '$emit(', '$apply(', '$watch(', '$parse('];

function weigh(expression: string, dollar: boolean): number {
  const js = compactJs(expression, 0, expression.length).text;
  // `constructor.constructor` is Function: the sandbox escape of AngularJS and friends.
  if (js.includes('constructor') || callsSink(js)) return 1;
  if (SCOPE_GADGETS.some((gadget) => js.includes(gadget))) return 0.85;
  // `${alert}` in a tagged template hands the sink over to be called.
  return dollar && (PROBE_CALLS.has(js) || CODE_CALLS.has(js)) ? 0.9 : 0;
}

/**
 * Client-side template expressions that reach code: `{{constructor.constructor('alert(1)')()}}`,
 * `{{$on.constructor(…)()}}`, `${alert(1)}`. Plain data bindings (`{{user.name}}`, `${total}`) and
 * arithmetic probes (`{{7*7}}`, server-side template injection's business) pass.
 * @example inspectTemplates(ctx) // xss/template-gadget for `{{constructor.constructor('alert(1)')()}}`
 */
export function inspectTemplates(ctx: ScanContext): void {
  const { text, end } = ctx;
  for (const [open, close, dollar] of [
    ['{{', '}}', false],
    ['${', '}', true],
  ] as const) {
    let at = text.indexOf(open);
    while (at >= 0 && at < end && ctx.hits.max < 1) {
      let stop = text.indexOf(close, at + 2);
      if (stop < 0 || stop - at > MAX_EXPRESSION) stop = Math.min(end, at + MAX_EXPRESSION);
      if (!ctx.budget.spend(stop - at)) return;
      const confidence = weigh(text.slice(at + 2, stop), dollar);
      if (confidence > 0) {
        ctx.hits.add({
          rule: XSS_RULES.templateGadget,
          confidence,
          evidence: excerpt(text, at, stop + close.length),
          transforms: ctx.transforms,
        });
      }
      at = text.indexOf(open, at + 2);
    }
  }
}
