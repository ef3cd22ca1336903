import { callsSink } from './calls-sink.js';
import { isQuote } from './char-class.js';
import { excerpt } from './excerpt.js';
import { CODE_CALLS, PROBE_CALLS } from './js-sinks.js';
import type { ScanContext } from './scan-context.js';
import { XSS_RULES } from './xss-rules.js';

const MAX_LITERALS = 64;
const CONFIDENCE = 0.9;
// What may join two string literals in code that assembles one text: operators, brackets, and names
// declared or read between them (`'ev'+'al'`, `!''&&'jav';s2=!''&&'ascript'`), no blank (a sentence has them).
const JOINT = /^[\w$.+|&!?:=()[\];,]*$/;
const OPERATOR = /[+|&;,=]/;
const SCHEME = /javascript:/i;
// `1[a](…)`: a member picked by a computed name, then called.
const COMPUTED_CALL = /\]\s*\(/;

interface Literals {
  readonly parts: string[];
  readonly first: number;
  readonly last: number;
}

// The contents of the string literals in compacted code, in order, while each gap between two reads as
// code; undefined when fewer than two are not empty.
function literalsIn(js: string): Literals | undefined {
  const parts: string[] = [];
  let first = -1;
  let last = -1;
  let gapStart = -1;
  for (let i = 0; i < js.length && parts.length < MAX_LITERALS; i++) {
    const quote = js.charCodeAt(i);
    if (!isQuote(quote)) continue;
    const close = js.indexOf(js[i]!, i + 1);
    if (close < 0) break;
    if (gapStart >= 0) {
      const gap = js.slice(gapStart, i);
      if (!JOINT.test(gap) || !OPERATOR.test(gap)) break;
    } else first = i;
    parts.push(js.slice(i + 1, close));
    last = close + 1;
    gapStart = close + 1;
    i = close;
  }
  let filled = 0;
  for (const part of parts) if (part !== '') filled++;
  return filled >= 2 ? { parts, first, last } : undefined;
}

function sinkAcross(joined: string, parts: readonly string[]): boolean {
  for (const sinks of [PROBE_CALLS, CODE_CALLS]) {
    for (const sink of sinks) {
      if (joined.includes(sink) && !parts.some((part) => part.includes(sink))) return true;
    }
  }
  return false;
}

/**
 * Script assembled from string pieces no filter sees whole: `s1='java'+'scr';s2='ipt:'+'ale';…` joins to
 * `javascript:alert(1)`, `a='ev'+'al',…,1[a](…)` reaches eval by a computed name. The pieces must be joined
 * by code, not by words, and the whole must be what no single piece is.
 * @example inspectJoinedStrings(ctx, "s1='jav'+'ascr';s2='ipt:al'+'ert(1)'") // xss/js-obfuscation 0.9
 */
export function inspectJoinedStrings(ctx: ScanContext, js: string): void {
  if (!ctx.hits.wants(XSS_RULES.jsObfuscation, CONFIDENCE)) return;
  const literals = literalsIn(js);
  if (literals === undefined) return;
  const { parts } = literals;
  const joined = parts.join('');
  const assembled =
    (SCHEME.test(joined) && !parts.some((part) => SCHEME.test(part)) && callsSink(joined)) ||
    (callsSink(joined) && !parts.some((part) => callsSink(part))) ||
    (COMPUTED_CALL.test(js.slice(literals.last)) && sinkAcross(joined, parts));
  if (!assembled) return;
  ctx.hits.add({
    rule: XSS_RULES.jsObfuscation,
    confidence: CONFIDENCE,
    evidence: excerpt(js, literals.first, literals.last),
    transforms: ctx.transforms,
  });
}
