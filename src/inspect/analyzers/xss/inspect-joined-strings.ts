import { callsSink } from './calls-sink.js';
import { isQuote } from './char-class.js';
import { excerpt } from './excerpt.js';
import { CODE_CALLS, PROBE_CALLS, SENSITIVE_PROPERTIES } from './js-sinks.js';
import type { ScanContext } from './scan-context.js';
import { XSS_RULES } from './xss-rules.js';

const MAX_LITERALS = 64;
const SLASH = 47;
const CONFIDENCE = 0.9;
// What may join two string literals in code that assembles one text: operators, brackets, and names
// declared or read between them (`'ev'+'al'`, `!''&&'jav';s2=!''&&'ascript'`), no blank (a sentence has them).
const JOINT = /^[\w$.+|&!?:=()[\];,]*$/;
const OPERATOR = /[+|&;,=]/;
const SCHEME = /javascript:/i;
// `1[a](…)`, `b[a=a]=name`, `c=b[a]`: a member picked by a name computed in the code, not a literal.
const COMPUTED_MEMBER = /[\w$\])]\[(?=[\w$+=]{0,15}[A-Za-z_$])[\w$+=]{1,16}\]/;
// Two pieces joined by an operator, or a regular expression's text: without one there is nothing to join.
const JOINED_PIECES = /['"`]\s*(?:\+|&&|\|\|)|(?:\+|&&|\|\||\?|:)\s*['"`]|\/\s*\.\s*source/;
// `/ev/.source`: a regular expression's text, a string a filter does not see as one.
const REGEX_SOURCE = /^\/([^\x2f\\\n]{1,32})\/\.source/;
const MAX_PAIRED = 12;
const ASSEMBLED_NAMES: readonly string[] = [...PROBE_CALLS, ...CODE_CALLS, ...SENSITIVE_PROPERTIES];

interface Literals {
  readonly parts: string[];
  readonly first: number;
  readonly last: number;
}

// The contents of the string literals in compacted code, in order, while each gap between two reads as
// code; undefined when fewer than two are not empty.
function literalsIn(js: string): Literals | undefined {
  const sources = js.includes('.source');
  const parts: string[] = [];
  let first = -1;
  let last = -1;
  let gapStart = -1;
  for (let i = 0; i < js.length && parts.length < MAX_LITERALS; i++) {
    const c = js.charCodeAt(i);
    let part: string;
    let after: number;
    if (isQuote(c)) {
      const close = js.indexOf(js[i]!, i + 1);
      if (close < 0) break;
      part = js.slice(i + 1, close);
      after = close + 1;
    } else if (sources && c === SLASH && js.charCodeAt(i - 1) !== SLASH) {
      const source = REGEX_SOURCE.exec(js.slice(i, i + 48));
      if (source === null) continue;
      part = source[1]!;
      after = i + source[0].length;
    } else continue;
    if (gapStart >= 0) {
      const gap = js.slice(gapStart, i);
      if (!JOINT.test(gap) || !OPERATOR.test(gap)) break;
    } else first = i;
    parts.push(part);
    last = after;
    gapStart = after;
    i = after - 1;
  }
  let filled = 0;
  for (const part of parts) if (part !== '') filled++;
  return filled >= 2 ? { parts, first, last } : undefined;
}

// A sink's name that only the joined text holds, in order or from two pieces in any order
// (`1?'ert(1)':0,…'al'` → `al`+`ert(1)`).
function sinkAcross(joined: string, parts: readonly string[]): boolean {
  for (const sink of ASSEMBLED_NAMES) {
    if (joined.includes(sink) && !parts.some((part) => part.includes(sink))) return true;
  }
  if (parts.length > MAX_PAIRED) return false;
  for (const head of parts) {
    if (head === '') continue;
    for (const tail of parts) {
      if (tail === head || tail === '') continue;
      const pair = head + tail;
      for (const sink of ASSEMBLED_NAMES) {
        if (pair.startsWith(sink) && !head.includes(sink) && !tail.includes(sink)) return true;
      }
    }
  }
  return false;
}

/**
 * Script assembled from string pieces no filter sees whole: `s1='java'+'scr';s2='ipt:'+'ale';…` joins to
 * `javascript:alert(1)`, `a='ev'+'al',…,1[a](…)` reaches eval by a computed name, `a=/loc/.source+…`
 * builds `location` from regular expressions' text. The pieces must be joined by code, not by words, and
 * the whole must be what no single piece is.
 * @example inspectJoinedStrings(ctx, "s1='jav'+'ascr';s2='ipt:al'+'ert(1)'") // xss/js-obfuscation 0.9
 */
export function inspectJoinedStrings(ctx: ScanContext, js: string): void {
  if (!ctx.hits.wants(XSS_RULES.jsObfuscation, CONFIDENCE) || !JOINED_PIECES.test(js)) return;
  const literals = literalsIn(js);
  if (literals === undefined) return;
  const { parts } = literals;
  const joined = parts.join('');
  const calls = callsSink(joined);
  const assembled =
    (calls && SCHEME.test(joined) && !parts.some((part) => SCHEME.test(part))) ||
    (calls && !parts.some((part) => callsSink(part))) ||
    (COMPUTED_MEMBER.test(js.slice(literals.first)) && sinkAcross(joined, parts));
  if (!assembled) return;
  ctx.hits.add({
    rule: XSS_RULES.jsObfuscation,
    confidence: CONFIDENCE,
    evidence: excerpt(js, literals.first, literals.last),
    transforms: ctx.transforms,
  });
}
