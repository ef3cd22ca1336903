import { callsSink } from './calls-sink.js';
import { isIdentChar, isQuote } from './char-class.js';
import { compactJs } from './compact-js.js';
import { EVENT_NAMES } from './event-names.js';
import { excerpt } from './excerpt.js';
import { isFieldValue } from './field-value.js';
import { inspectJoinedStrings } from './inspect-joined-strings.js';
import { inspectJsAlias } from './inspect-js-alias.js';
import { isCleanEnd, type JsContext, jsContext, SIDE_BY_SIDE_WORDS } from './js-context.js';
import { CODE_CALLS, GLOBAL_OBJECTS, MEMBER_CALLS, PROBE_CALLS, SENSITIVE_PROPERTIES } from './js-sinks.js';
import { chainRoot, chainStart } from './member-chain.js';
import { readCall } from './read-call.js';
import type { ScanContext } from './scan-context.js';
import { XSS_RULES } from './xss-rules.js';

const LPAREN = 40;
const BACKTICK = 96;
const DOT = 46;
const EQ = 61;
const LBRACKET = 91;
const RBRACKET = 93;
const RPAREN = 41;
const SENSITIVE_ARGUMENTS = [
  'cookie',
  'domain',
  'location',
  'fromCharCode',
  'atob(',
  'localStorage',
  'innerHTML',
];
// Code built from an encoded string: running it is the point (`eval(atob('…'))`).
const DECODERS = ['atob(', 'fromCharCode(', 'unescape(', 'decodeURI', 'String.raw'];
const EVALUATORS = new Set([
  'eval',
  'execScript',
  'setTimeout',
  'setInterval',
  'Function',
  'constructor',
  'globalEval',
]);
const INDIRECT_CALLS = new Set(['call', 'apply', 'bind']);
const PATH_KINDS = new Set(['path', 'path-segment']);
// A parameter named `document.cookie` reads, with its `=value`, as an assignment: applications name
// their fields, and never so.
const NAME_KINDS = new Set(['query-name', 'body-name', 'cookie-name', 'header-name']);

// What may follow a lone statement's sink and still leave it alone: members and calls on its result, one
// assignment of a literal or a name, `;` and a `//` comment (`document.querySelector("p").textContent="x"`).
const LONE_TAIL = /^(?:\.[\w$]+(?:\([^()]*\))?)*(?:=(?:"[^"]*"|'[^']*'|[\w$.]+))?;*(?:\/\/.*)?$/;
// A field's whole value that is one sink statement: no one types script into a parameter named for an id,
// a redirect or a setting; only free-text and code fields hold it as prose or a snippet.
const LONE_WEIGHT = 0.9;

// A path segment that is one script call (`/confirm.call(null,1)`) is reflected by error pages as often as a
// parameter is.
function isLoneInField(ctx: ScanContext, js: string, end: number): boolean {
  return (
    LONE_TAIL.test(js.slice(end)) && (isFieldValue(ctx.kind, ctx.location) || ctx.kind === 'path-segment')
  );
}

// How sure a call is, by where it sits: a way out of a string, alone in the value, in a sentence.
const PROBE_WEIGHTS = { breakout: 1, value: 1, statement: 0.85, sensitive: 0.9, text: 0.5 };
const CODE_WEIGHTS = { breakout: 1, value: 0.8, statement: 0.7, sensitive: 0.85, text: 0 };

function report(
  ctx: ScanContext,
  js: string,
  obfuscated: boolean,
  confidence: number,
  from: number,
  to: number,
  call = true,
): void {
  if (confidence <= 0) return;
  // A sink reached through escapes, comments or `["al"+"ert"]` has no honest reason to be spelled so:
  // certain when it is called, strong when it is only read.
  const hidden = obfuscated && confidence >= 0.5;
  ctx.hits.add({
    rule: hidden ? XSS_RULES.jsObfuscation : XSS_RULES.jsSink,
    confidence: hidden ? Math.max(confidence, call ? 1 : 0.9) : confidence,
    evidence: excerpt(js, from, to),
    transforms: ctx.transforms,
  });
}

// What a probe passes to prove it ran: nothing, a number, a string (`alert(1)`, `prompt('x')`); a word in
// a sentence passes a word (`e-alert(s)`).
function isProbeArgument(args: string): boolean {
  const text = args.trim();
  if (text === '' || /^[0-9.]+$/.test(text)) return true;
  const quote = text.charCodeAt(0);
  return isQuote(quote) && text.charCodeAt(text.length - 1) === quote;
}

// The contents of the string literals in an argument list (`'alert(1)'`, `"al"+"ert(1)"` → `alert(1)`).
function stringsIn(args: string): string {
  let out = '';
  for (let i = 0; i < args.length; i++) {
    const quote = args.charCodeAt(i);
    if (!isQuote(quote)) continue;
    const close = args.indexOf(args[i]!, i + 1);
    if (close < 0) break;
    out += args.slice(i + 1, close);
    i = close;
  }
  return out;
}

// A quote then an operator (`');`, `"+`), or a closing bracket (`}`, `)]`), at the very start of the value.
const OPENS_BREAKOUT = /^(?:['"][)\]}]*[;,+\-*\x2f|&^]|;?[)\]}]+)/;
// `createElement('script')`: an element made to load or run code.
const SCRIPT_ELEMENT = /^\s*(['"`])script\1\s*$/i;
// Words side by side, three times or more: a sentence about code, not code (`var s=…` has one pair). The
// spelling as received still has its blanks encoded (`%20`, `+`).
const PROSE_PAIRS = /[A-Za-z0-9_$](?:\s|%20|\+)+[A-Za-z_$]/g;

function readsAsProse(js: string): boolean {
  return (js.match(PROSE_PAIRS)?.length ?? 0) >= 3;
}

function callWeight(
  weights: typeof PROBE_WEIGHTS,
  context: JsContext,
  clean: boolean,
  sensitive: boolean,
  args: string,
): number {
  if (context === 'breakout') return weights.breakout;
  let weight = sensitive || isProbeArgument(args) ? weights.text : 0;
  if (sensitive) weight = Math.max(weight, weights.sensitive);
  if (clean && context === 'value') weight = Math.max(weight, weights.value);
  if (clean && context === 'statement') weight = Math.max(weight, weights.statement);
  return weight;
}

// The arguments after `this` in `.call(this, …)` or `.apply(this, [ … ])`.
function afterThis(args: string): string {
  const comma = args.indexOf(',');
  if (comma < 0) return '';
  const rest = args.slice(comma + 1).trim();
  return rest.startsWith('[') && rest.endsWith(']') ? rest.slice(1, -1) : rest;
}

// `[].sort.call\`${alert}1\`` calls what the template hands over: certain when that is a sink.
function indirectWeight(template: string): number {
  for (let at = template.indexOf('${'); at >= 0; at = template.indexOf('${', at + 2)) {
    const close = template.indexOf('}', at);
    const word = template.slice(at + 2, close < 0 ? undefined : close);
    if (PROBE_CALLS.has(word) || CODE_CALLS.has(word)) return 1;
  }
  return template.includes('${') ? 0.9 : 0.6;
}

function inspectCall(
  ctx: ScanContext,
  js: string,
  obfuscated: boolean,
  at: number,
  wordEnd: number,
  open: number,
): void {
  const word = js.slice(at, wordEnd);
  const qualified = js.charCodeAt(at - 1) === DOT;
  const start = chainStart(js, at);
  const root = chainRoot(js, start);
  const backtick = js.charCodeAt(open) === BACKTICK;
  let end: number;
  let args: string;
  if (backtick) {
    // `alert` in markdown is inline code, not a tagged template.
    if (js.charCodeAt(start - 1) === BACKTICK) return;
    const close = js.indexOf('`', open + 1);
    if (close < 0) return;
    args = js.slice(open + 1, close);
    end = close + 1;
  } else {
    const call = readCall(js, open);
    if (call === undefined || js.charCodeAt(call.end - 1) !== 41) return;
    args = call.text;
    end = call.end;
  }
  let callee = word;
  if (INDIRECT_CALLS.has(word)) {
    if (backtick && qualified) report(ctx, js, false, indirectWeight(args), start, end);
    // `alert.call(null, 1)`, `prompt.apply(null, [1])`: the sink called with a `this` first.
    const receiver = js.slice(start, Math.max(start, at - 1));
    if (backtick || !qualified || !PROBE_CALLS.has(receiver) || word === 'bind') return;
    callee = receiver;
    args = afterThis(args);
  }
  let context = jsContext(js, start);
  const clean = isCleanEnd(js, end);
  // `');function f(a){}alert(1)//`, `}alert(1);{//`: the value opens by closing the page's string, call or
  // block, and the call ends the code: a way out, whatever was declared in between.
  if (context !== 'breakout' && clean && OPENS_BREAKOUT.test(js)) context = 'breakout';
  const sensitive = SENSITIVE_ARGUMENTS.some((s) => args.includes(s));
  // Code an evaluator builds from an encoded string or runs from a string literal is the payload itself.
  const decoded =
    EVALUATORS.has(word) && (DECODERS.some((d) => args.includes(d)) || callsSink(stringsIn(args)));
  // `document.createElement('script')`, `with(document)…createElement("script")`: whatever object reaches it.
  if (word === 'createElement' && SCRIPT_ELEMENT.test(args)) {
    report(ctx, js, obfuscated, readsAsProse(js) ? 0.7 : 1, start, end);
    return;
  }
  if (PROBE_CALLS.has(callee) && (callee !== word || !qualified || GLOBAL_OBJECTS.has(root))) {
    let weight = callWeight(PROBE_WEIGHTS, context, clean, sensitive, args);
    if (context === 'statement' && weight < LONE_WEIGHT && isLoneInField(ctx, js, end)) weight = LONE_WEIGHT;
    // `alert.call(null,1)`, `(alert)(1)`, `alert?.(1)`, ``alert`1` ``: a probe spelled around the filter that looks for
    // `alert(`, never how a search for it is typed.
    const indirect =
      callee !== word || backtick || js.charCodeAt(wordEnd) === RPAREN || js.startsWith('?.(', wordEnd);
    if (indirect && clean && context !== 'text' && weight < LONE_WEIGHT) weight = LONE_WEIGHT;
    report(ctx, js, obfuscated, decoded && context !== 'text' ? 1 : weight, start, end);
  } else if (CODE_CALLS.has(word) || (MEMBER_CALLS.has(word) && qualified && GLOBAL_OBJECTS.has(root))) {
    // `x.constructor.constructor('…')()` reaches Function from any object: the sandbox-escape gadget.
    const gadget =
      word === 'constructor' && (js.endsWith('constructor.', at) || js.startsWith(')(', end - 1));
    let weight = callWeight(CODE_WEIGHTS, context, clean, sensitive, args);
    if (context === 'statement' && weight < LONE_WEIGHT && isLoneInField(ctx, js, end)) weight = LONE_WEIGHT;
    report(ctx, js, obfuscated, gadget || (decoded && context !== 'text') ? 1 : weight, start, end);
  }
}

function inspectProperty(ctx: ScanContext, js: string, obfuscated: boolean, at: number, end: number): void {
  const word = js.slice(at, end);
  const qualified = js.charCodeAt(at - 1) === DOT;
  const start = chainStart(js, at);
  const root = chainRoot(js, start);
  const context = jsContext(js, start);
  const assigned = js.charCodeAt(end) === EQ && js.charCodeAt(end + 1) !== EQ;
  if (!qualified) {
    // A bare `location=` navigates only in script: count it only where the value broke out into script.
    if (word === 'location' && assigned && context === 'breakout')
      report(ctx, js, obfuscated, 1, start, end + 1, false);
    return;
  }
  if (!GLOBAL_OBJECTS.has(root) && word !== 'innerHTML' && word !== 'outerHTML') return;
  if (word.startsWith('on')) {
    // `window.onerror=alert`: a global handler given a sink runs it on the next event.
    const handed = js.slice(end + 1).match(/^[\w$]+/)?.[0] ?? '';
    if (assigned)
      report(
        ctx,
        js,
        obfuscated,
        PROBE_CALLS.has(handed) || CODE_CALLS.has(handed) ? 1 : 0.9,
        start,
        end + 1,
        false,
      );
    return;
  }
  const before = js[start - 1];
  let weight = 0;
  if (assigned) weight = context === 'breakout' ? 1 : context === 'text' ? 0.7 : 0.9;
  else if (before === '+' || before === '(' || before === ',')
    weight = context === 'breakout' ? 1 : isFieldValue(ctx.kind, ctx.location) ? LONE_WEIGHT : 0.85;
  else if (context === 'breakout') weight = 0.9;
  else if (context === 'statement' && isCleanEnd(js, end) && NAME_KINDS.has(ctx.kind)) weight = 0.9;
  else if (context === 'statement' && isLoneInField(ctx, js, end)) weight = LONE_WEIGHT;
  else if (context === 'statement' && isCleanEnd(js, end) && !PATH_KINDS.has(ctx.kind)) weight = 0.5;
  report(ctx, js, obfuscated, weight, start, end + 1, false);
}

function isHandlerProperty(word: string): boolean {
  return word.length >= 5 && word.startsWith('on') && EVENT_NAMES.has(word.slice(2).toLowerCase());
}

// `top[8680439..toString(30)](1)`: a global's member picked by an expression, then called — the way to
// reach `alert` without writing it.
function inspectComputedCall(ctx: ScanContext, js: string, at: number, open: number): void {
  let depth = 0;
  for (let k = open; k < js.length && k - open < 128; k++) {
    const c = js.charCodeAt(k);
    if (c === LBRACKET) depth++;
    else if (c === RBRACKET && --depth === 0) {
      const next = js.charCodeAt(k + 1);
      if (next !== LPAREN && next !== BACKTICK) return;
      // `use this [log analyzer](https://…)`: words side by side are a Markdown link, not an expression.
      if (SIDE_BY_SIDE_WORDS.test(js.slice(open + 1, k))) return;
      const context = jsContext(js, at);
      const confidence = context === 'breakout' || context === 'value' ? 1 : 0.9;
      if (ctx.hits.wants(XSS_RULES.jsObfuscation, confidence)) {
        ctx.hits.add({
          rule: XSS_RULES.jsObfuscation,
          confidence,
          evidence: excerpt(js, at, k + 2),
          transforms: ctx.transforms,
        });
      }
      return;
    }
  }
}

// `[1].find(alert)`, `Promise.resolve(1).then(prompt)`: a sink handed to a method as its callback, which
// calls it without the sink's name ever meeting a `(`.
function inspectCallback(ctx: ScanContext, js: string, at: number, end: number): void {
  const k = at - 1;
  let m = k;
  while (m > 0 && isIdentChar(js.charCodeAt(m - 1))) m--;
  if (m === k || js.charCodeAt(m - 1) !== DOT) return;
  const confidence = readsAsProse(js) ? 0.7 : 1;
  if (!ctx.hits.wants(XSS_RULES.jsObfuscation, confidence)) return;
  ctx.hits.add({
    rule: XSS_RULES.jsObfuscation,
    confidence,
    evidence: excerpt(js, m, end + 1),
    transforms: ctx.transforms,
  });
}

/**
 * JavaScript outside tags: calls to sinks (`alert(1)`, `setTimeout(…)`, `x.constructor.constructor(…)()`),
 * sensitive properties read or written (`document.cookie`, `location.href=`), weighed by context — a
 * breakout from a string (`';alert(1)//`) is certain, a lone probe strong, a word in a sentence weak.
 * @example inspectJs(ctx, "';alert(document.cookie)//") // xss/js-sink 1.0
 */
export function inspectJs(ctx: ScanContext, source: string): void {
  const { text: js, obfuscated } = compactJs(source, 0, source.length);
  for (let i = 0; i < js.length; i++) {
    if (!isIdentChar(js.charCodeAt(i)) || (i > 0 && isIdentChar(js.charCodeAt(i - 1)))) continue;
    let j = i + 1;
    while (j < js.length && isIdentChar(js.charCodeAt(j))) j++;
    if (j - i >= 3 && j - i <= 20) {
      const next = js.charCodeAt(j);
      const word = js.slice(i, j);
      if (next === LPAREN || next === BACKTICK) inspectCall(ctx, js, obfuscated, i, j, j);
      // `alert?.(1)` and `(alert)(1)` call it too.
      else if (js.startsWith('?.(', j) || js.startsWith(')(', j))
        inspectCall(ctx, js, obfuscated, i, j, js.indexOf('(', j));
      else if (SENSITIVE_PROPERTIES.has(word) || isHandlerProperty(word))
        inspectProperty(ctx, js, obfuscated, i, j);
      else if (next === LBRACKET && GLOBAL_OBJECTS.has(word)) inspectComputedCall(ctx, js, i, j);
      else if (PROBE_CALLS.has(word) && next === RPAREN && js.charCodeAt(i - 1) === LPAREN)
        inspectCallback(ctx, js, i, j);
      else if (PROBE_CALLS.has(word) || EVALUATORS.has(word)) inspectJsAlias(ctx, js, i, j);
    }
    i = j - 1;
  }
  inspectJoinedStrings(ctx, js);
}
