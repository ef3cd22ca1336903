import type { ValueKind } from '../../inspectable.js';
import { inspectEscapedNames } from './inspect-escaped-names.js';
import { inspectJs } from './inspect-js.js';
import { inspectJsfuck } from './inspect-jsfuck.js';
import { inspectLooseCss } from './inspect-loose-css.js';
import { inspectLooseHandlers } from './inspect-loose-handlers.js';
import { inspectLooseSchemes } from './inspect-loose-schemes.js';
import { inspectMarkup } from './inspect-markup.js';
import { inspectTemplates } from './inspect-templates.js';
import { ScanBudget } from './scan-budget.js';
import type { ScanContext } from './scan-context.js';
import { TagSpans } from './tag-spans.js';
import type { XssHits } from './xss-hits.js';
import { TRIGGER } from './xss-triggers.js';

/** Characters the deep checks of one spelling may re-read: many times a real payload, a fraction of a millisecond. */
const DEEP_WORK = 65536;

/**
 * Runs the checks the trigger flags ask for over one spelling of a value: markup first, so that the text
 * checks after it can skip what lies inside tags.
 */
export function analyzeText(
  text: string,
  end: number,
  kind: ValueKind,
  location: string,
  flags: number,
  transforms: readonly string[],
  hits: XssHits,
): void {
  const ctx: ScanContext = {
    text,
    end,
    kind,
    location,
    hits,
    transforms,
    spans: new TagSpans(),
    depth: 0,
    budget: new ScanBudget(DEEP_WORK),
  };
  if ((flags & TRIGGER.markup) !== 0) inspectMarkup(ctx);
  if ((flags & TRIGGER.handler) !== 0) inspectLooseHandlers(ctx);
  if ((flags & TRIGGER.scheme) !== 0) inspectLooseSchemes(ctx);
  if ((flags & TRIGGER.css) !== 0) inspectLooseCss(ctx);
  if ((flags & TRIGGER.template) !== 0) inspectTemplates(ctx);
  if ((flags & TRIGGER.js) !== 0) {
    const outside = ctx.spans.outside(text, end);
    inspectJs(ctx, outside);
    inspectEscapedNames(ctx, outside);
  }
  if ((flags & TRIGGER.jsfuck) !== 0) inspectJsfuck(ctx);
}
