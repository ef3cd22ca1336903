import { isIdentChar } from './char-class.js';
import { EVENT_NAMES } from './event-names.js';
import { excerpt } from './excerpt.js';
import { jsContext, SIDE_BY_SIDE_WORDS } from './js-context.js';
import type { ScanContext } from './scan-context.js';
import { XSS_RULES } from './xss-rules.js';

const EQ = 61;
const LPAREN = 40;
const BACKTICK = 96;
const DOT = 46;
// What may follow a sink handed over by name: the end of the assignment, not a call or a member.
const HANDED_END = new Set([59, 44, 125, 41, 93]); // ; , } ) ]
const COMPARISON = new Set([EQ, 33, 60, 62]); // = ! < >
const THROW = /^[;,)}\]]*throw\b/;
// Where the same code sits in a sentence (`x=alert, then x(1) shows it`): a hint, not a payload.
const IN_TEXT = 0.7;

function isHandlerName(name: string): boolean {
  return name.length >= 5 && name.startsWith('on') && EVENT_NAMES.has(name.slice(2).toLowerCase());
}

// `alias(` or ``alias` `` after `from`, the alias a whole name (not `xa(`, not `o.a(`).
function callsAlias(js: string, alias: string, from: number): boolean {
  for (let at = js.indexOf(alias, from); at >= 0; at = js.indexOf(alias, at + 1)) {
    const before = js.charCodeAt(at - 1);
    if (isIdentChar(before) || before === DOT) continue;
    const after = js.charCodeAt(at + alias.length);
    if (after === LPAREN || after === BACKTICK) return true;
  }
  return false;
}

/**
 * A sink handed to another name and set off through it: `a=eval;b=alert;a(b(1))`, `_=eval,_(…)`,
 * `$$$=eval,$$$(…)`, or `{onerror=prompt}throw 1` (the global error handler, fired by a throw). Nothing
 * names a sink so but code that hides the call from a filter. `word` is the sink at `at`…`end` in `js`.
 * @example inspectJsAlias(ctx, 'a=alert;a(1)', 2, 7) // xss/js-obfuscation 1.0
 */
export function inspectJsAlias(ctx: ScanContext, js: string, at: number, end: number): void {
  if (js.charCodeAt(at - 1) !== EQ || COMPARISON.has(js.charCodeAt(at - 2))) return;
  const next = js.charCodeAt(end);
  if (end < js.length && !HANDED_END.has(next)) return;
  let start = at - 1;
  while (start > 0 && isIdentChar(js.charCodeAt(start - 1))) start--;
  const alias = js.slice(start, at - 1);
  if (alias === '') return;
  const fired = isHandlerName(alias) ? THROW.test(js.slice(end)) : callsAlias(js, alias, end);
  if (!fired) return;
  // Code before it (`$=document,$$$=eval,$$$(…)`) keeps it code; words side by side make it a sentence.
  const prose = jsContext(js, start) === 'text' && SIDE_BY_SIDE_WORDS.test(js.slice(0, start));
  const confidence = prose ? IN_TEXT : 1;
  if (!ctx.hits.wants(XSS_RULES.jsObfuscation, confidence)) return;
  ctx.hits.add({
    rule: XSS_RULES.jsObfuscation,
    confidence,
    evidence: excerpt(js, start, end),
    transforms: ctx.transforms,
  });
}
