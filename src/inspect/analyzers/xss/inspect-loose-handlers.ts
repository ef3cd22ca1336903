import { callsSink } from './calls-sink.js';
import { isIdentChar, isLetter, isQuote, isSpace } from './char-class.js';
import { EVENT_NAMES } from './event-names.js';
import { excerpt } from './excerpt.js';
import { isScriptLike } from './is-script-like.js';
import { CODE_CALLS, PROBE_CALLS } from './js-sinks.js';
import { looksLikeCode } from './looks-like-code.js';
import type { ScanContext } from './scan-context.js';
import { XSS_RULES } from './xss-rules.js';

const SLASH = 47;
const SEMICOLON = 59;
const PLUS = 43;
const ENDS_VALUE = new Set([62, 38, 96]); // > & `
const MAX_VALUE = 256;
const PROSE_PUNCTUATION = new Set([...'.,;:!?)'].map((c) => c.charCodeAt(0)));

type Separator = 'quote' | 'space' | 'start';

// [known event with script, known event without, unknown event with script], by what precedes the name.
const WEIGHTS: Readonly<Record<Separator, readonly [number, number, number]>> = {
  quote: [1, 0.9, 0.9],
  space: [1, 0.6, 0.7],
  start: [0.85, 0.5, 0.6],
};

function readLooseValue(s: string, from: number, end: number): string {
  let i = from;
  while (i < end && isSpace(s.charCodeAt(i))) i++;
  const quote = s.charCodeAt(i);
  if (isQuote(quote)) {
    const close = s.indexOf(s[i]!, i + 1);
    return s.slice(i + 1, close < 0 ? Math.min(end, i + MAX_VALUE) : Math.min(close, i + MAX_VALUE));
  }
  let stop = i;
  // `&` ends it too (in a query string it starts the next parameter, `onsale=1&x=2`), and a backtick
  // (closing inline code in prose: `onClick={handle}`).
  while (
    stop < end &&
    stop - i < MAX_VALUE &&
    !ENDS_VALUE.has(s.charCodeAt(stop)) &&
    !isSpace(s.charCodeAt(stop))
  )
    stop++;
  return s.slice(i, stop);
}

function separatorBefore(s: string, nameStart: number): Separator | undefined {
  if (nameStart === 0) return 'start';
  const before = s.charCodeAt(nameStart - 1);
  // Backticks count as spaces: in prose they mark inline code (`onClick={handle}`), not attributes.
  if (before === 34 || before === 39) return 'quote';
  // `+` is a space once more to a backend that decodes the form encoding a second time (`>+src+onerror=`).
  if (before === 96 || before === PLUS) return 'space';
  if (!isSpace(before) && before !== SLASH && before !== SEMICOLON) return undefined;
  // `" onmouseover=`: the quote that closes the attribute may sit before the whitespace, or open the
  // value before other injected attributes (`" type=image src=x onerror=…`).
  let k = nameStart - 1;
  while (k >= 0 && isSpace(s.charCodeAt(k))) k--;
  if (k >= 0 && (s.charCodeAt(k) === 34 || s.charCodeAt(k) === 39)) return 'quote';
  let lead = 0;
  while (lead < nameStart && isSpace(s.charCodeAt(lead))) lead++;
  const quote = s.charCodeAt(lead);
  if (quote !== 34 && quote !== 39) return 'space';
  const next = s.indexOf(s[lead]!, lead + 1);
  return next < 0 || next > nameStart ? 'quote' : 'space';
}

function report(ctx: ScanContext, confidence: number, nameStart: number, eq: number): void {
  if (confidence <= 0 || !ctx.hits.wants(XSS_RULES.breakout, confidence)) return;
  ctx.hits.add({
    rule: XSS_RULES.breakout,
    confidence,
    evidence: excerpt(ctx.text, Math.max(0, nameStart - 2), eq + 40),
    transforms: ctx.transforms,
  });
}

// A handler value that is a sink's bare name: assigned to a global handler, the next event calls it.
function handsSink(value: string): boolean {
  const code = value.trimStart();
  let end = 0;
  while (end < code.length && end < 24 && isIdentChar(code.charCodeAt(end))) end++;
  if (end === 0 || (end < code.length && code.charCodeAt(end) !== SEMICOLON && code.charCodeAt(end) !== 44))
    return false;
  const word = code.slice(0, end);
  return PROBE_CALLS.has(word) || CODE_CALLS.has(word);
}

// Nothing but spaces, quotes and `<` before the name, nothing but spaces and quotes after the `=`.
function isWholeValue(s: string, nameStart: number, eq: number, end: number): boolean {
  for (let i = 0; i < nameStart; i++) {
    const c = s.charCodeAt(i);
    if (!isSpace(c) && !isQuote(c) && c !== 60) return false;
  }
  for (let i = eq + 1; i < end; i++) if (!isSpace(s.charCodeAt(i)) && !isQuote(s.charCodeAt(i))) return false;
  return true;
}

// `the "onclick=" attribute`, `' onload= '`: a name quoted in prose, the same quote closing it right
// after the `=` and then a space, punctuation or the end; an injected value goes on after its quote.
function isQuotedToken(s: string, nameStart: number, eq: number, end: number): boolean {
  let open = nameStart - 1;
  while (open >= 0 && isSpace(s.charCodeAt(open))) open--;
  let close = eq + 1;
  while (close < end && isSpace(s.charCodeAt(close))) close++;
  if (open < 0 || s.charCodeAt(close) !== s.charCodeAt(open)) return false;
  const after = s.charCodeAt(close + 1);
  return close + 1 >= end || isSpace(after) || PROSE_PUNCTUATION.has(after);
}

const TAG_OPEN = /<[a-z][\w-]{0,16}[\s/]/i;

// A tag opening (`<img/`, `<svg `) within the few chars before `at`, with no `>` closing it since.
function opensTagBefore(s: string, at: number): boolean {
  const from = Math.max(0, at - 64);
  const open = s.lastIndexOf('<', at);
  if (open < from) return false;
  const close = s.indexOf('>', open);
  if (close >= 0 && close < at) return false;
  return TAG_OPEN.test(s.slice(open, at));
}

function inspectAt(ctx: ScanContext, eq: number): void {
  const s = ctx.text;
  let nameEnd = eq;
  while (nameEnd > 0 && isSpace(s.charCodeAt(nameEnd - 1))) nameEnd--;
  let nameStart = nameEnd;
  while (nameStart > 0 && nameEnd - nameStart <= 48 && isLetter(s.charCodeAt(nameStart - 1))) nameStart--;
  if (nameEnd - nameStart < 5) return;
  const name = s.slice(nameStart, nameEnd).toLowerCase();
  const separator = separatorBefore(s, nameStart);
  if (separator === undefined) return;
  if (name === 'formaction') {
    // `'formaction=`: a way out of a quoted attribute into one that reroutes the form to any URL.
    if (separator === 'quote') report(ctx, 0.9, nameStart, eq);
    return;
  }
  if (!name.startsWith('on')) return;
  const known = EVENT_NAMES.has(name.slice(2));
  const value = readLooseValue(s, eq + 1, ctx.end);
  if (!ctx.budget.spend(value.length)) return;
  const script = isScriptLike(value);
  const quoted = separator === 'quote' && isQuotedToken(s, nameStart, eq, ctx.end);
  const [withScript, without, unknown] = WEIGHTS[quoted ? 'space' : separator];
  let confidence = known ? (script ? withScript : without) : script ? unknown : 0;
  // A known handler given code (or a sink to call: `onerror=eval;throw…`), or given anything right after
  // a closing quote, runs in any tag it lands in; a JSX expression without a sink (`onClick={handle}`) is
  // a code sample.
  if (
    known &&
    ((script && looksLikeCode(value)) ||
      handsSink(value) ||
      (separator === 'quote' && !quoted && value.trim() !== ''))
  )
    confidence = 1;
  // A value that is nothing but ` on…=`, set apart from what came before, probes which handler names
  // survive the filter on their way into a tag; a word followed by `=` in a form does not start so.
  if (separator !== 'start' && value.trim() === '' && isWholeValue(s, nameStart, eq, ctx.end))
    confidence = Math.max(confidence, 0.9);
  // `<img/src=x/onerror=xxx`: a known handler glued by `/` inside a tag the value opens (read here as
  // its attribute's value, one level down). HTML5 keeps it in the unquoted value before it, but only a
  // payload probing filters that split there is written so.
  if (known && s.charCodeAt(nameStart - 1) === SLASH && (ctx.depth > 0 || opensTagBefore(s, nameStart)))
    confidence = Math.max(confidence, 0.9);
  if (value.trimStart().startsWith('{') && !callsSink(value)) confidence = Math.min(confidence, 0.6);
  // `onload = function() { init(); }` assigns a function of the page's own: a code sample, not a payload.
  else if (/^\s*(function\b|\([\w\s,]*\)\s*=>)/.test(value) && !callsSink(value))
    confidence = Math.min(confidence, 0.85);
  report(ctx, confidence, nameStart, eq);
}

/**
 * Event handlers outside any tag: an attribute injected into the tag the value lands in
 * (`" onmouseover="alert(1)`, `' autofocus onfocus=alert(1) '`, `x onerror=alert(1)>`). A known event
 * name after a quote or space counts; an unknown `on…` name only with a script value.
 * @example inspectLooseHandlers(ctx) // xss/attribute-breakout 1.0 for `" onmouseover="alert(1)`
 */
export function inspectLooseHandlers(ctx: ScanContext): void {
  let eq = ctx.text.indexOf('=');
  while (eq >= 0 && eq < ctx.end && ctx.hits.max < 1) {
    if (!ctx.spans.covers(eq)) inspectAt(ctx, eq);
    eq = ctx.text.indexOf('=', eq + 1);
  }
}
