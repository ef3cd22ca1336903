import { AXES, DOCUMENT_FUNCTIONS, NODE_FUNCTIONS, NODE_TESTS } from './xpath-vocabulary.js';

/** XPath-only syntax found in a value. */
export type XpathSignal = 'doc-function' | 'node-function' | 'union-path' | 'axis-step' | 'predicate-path';

/** The strongest XPath construct in a value. */
export interface XpathHit {
  readonly signal: XpathSignal;
  readonly at: number;
}

const RANK: Readonly<Record<XpathSignal, number>> = {
  'doc-function': 5,
  'node-function': 4,
  'union-path': 3,
  'axis-step': 2,
  'predicate-path': 1,
};

function isNameChar(c: number): boolean {
  return (c >= 48 && c <= 57) || ((c | 0x20) >= 97 && (c | 0x20) <= 122) || c === 45 || c === 95;
}

function skipBlanks(s: string, i: number): number {
  let j = i;
  while (j < s.length && (s.charCodeAt(j) === 32 || s.charCodeAt(j) === 9)) j++;
  return j;
}

/** The name that ends right before `end` (`count` in `count(`). */
function nameBefore(s: string, end: number): string {
  let start = end;
  while (start > 0 && end - start < 32 && isNameChar(s.charCodeAt(start - 1))) start--;
  return s.slice(start, end);
}

function nameAfter(s: string, start: number): string {
  let end = start;
  while (end < s.length && end - start < 32 && isNameChar(s.charCodeAt(end))) end++;
  return s.slice(start, end);
}

/** A location path or node expression starts here: `/`, `.`, `*[`, `@`, `node()`, `axis::`, `name(`. */
function startsNodeExpression(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c === 47 || c === 64) return true;
  // A bare `*` is SQL's `count(*)`; XPath's wildcard step goes on with a predicate or a path.
  if (c === 42) return s.charCodeAt(i + 1) === 91 || s.charCodeAt(i + 1) === 47;
  if (c === 46) return s.charCodeAt(i + 1) === 47 || s.charCodeAt(i + 1) === 41 || s.charCodeAt(i + 1) === 46;
  const name = nameAfter(s, i);
  if (name === '') return false;
  const after = skipBlanks(s, i + name.length);
  if (s.startsWith('::', after)) return AXES.has(name);
  return s.charCodeAt(after) === 40 && (NODE_TESTS.has(name) || NODE_FUNCTIONS.has(name));
}

function atParen(s: string, i: number): XpathSignal | undefined {
  const name = nameBefore(s, i).toLowerCase();
  const arg = skipBlanks(s, i + 1);
  if (DOCUMENT_FUNCTIONS.has(name) && (s[arg] === "'" || s[arg] === '"' || s.charCodeAt(arg) === 36))
    return 'doc-function';
  return NODE_FUNCTIONS.has(name) && startsNodeExpression(s, arg) ? 'node-function' : undefined;
}

function atAxis(s: string, i: number): XpathSignal | undefined {
  if (!AXES.has(nameBefore(s, i).toLowerCase())) return undefined;
  const test = nameAfter(s, i + 2);
  if (s.charCodeAt(i + 2) === 42) return 'axis-step';
  if (test === '') return undefined;
  const after = skipBlanks(s, i + 2 + test.length);
  // `parent::__construct(` is PHP: a name test is followed by a step, predicate or the end, not a call.
  if (s.charCodeAt(after) === 40) return NODE_TESTS.has(test) ? 'axis-step' : undefined;
  const c = s.charCodeAt(after);
  return Number.isNaN(c) || c === 47 || c === 91 || c === 41 || c === 124 || c === 32
    ? 'axis-step'
    : undefined;
}

/** `//name[` or `/*[` (not the `//` of a URL): a path with a predicate. */
function atSlashes(s: string, i: number): XpathSignal | undefined {
  if (s.charCodeAt(i - 1) === 58) return undefined;
  let j = i + (s.charCodeAt(i + 1) === 47 ? 2 : 1);
  if (s.charCodeAt(j) === 42) j++;
  else {
    const name = nameAfter(s, j);
    if (name === '' || j === i + 1) return undefined;
    j += name.length;
  }
  return s.charCodeAt(j) === 91 ? 'predicate-path' : undefined;
}

function stronger(
  best: XpathHit | undefined,
  signal: XpathSignal | undefined,
  at: number,
): XpathHit | undefined {
  if (signal === undefined || (best !== undefined && RANK[signal] <= RANK[best.signal])) return best;
  return { signal, at };
}

/**
 * Scans for syntax only XPath has: node-set functions applied to paths (`count(/*)`, `name(/*[1])`),
 * document functions (`doc('file:///etc/passwd')`), unions with paths (`']|//*|//*['`), axis steps
 * (`child::node()`) and predicated paths (`//user[1]`).
 */
export function findXpathSyntax(s: string, end: number): XpathHit | undefined {
  let best: XpathHit | undefined;
  // Visit only the characters that can start a construct; most values have few or none of them.
  for (let i = s.indexOf('('); i >= 0 && i < end; i = s.indexOf('(', i + 1))
    best = stronger(best, atParen(s, i), i);
  for (let i = s.indexOf('|'); i >= 0 && i < end; i = s.indexOf('|', i + 1)) {
    best = stronger(best, s.charCodeAt(skipBlanks(s, i + 1)) === 47 ? 'union-path' : undefined, i);
  }
  for (let i = s.indexOf('::'); i >= 0 && i < end; i = s.indexOf('::', i + 2))
    best = stronger(best, atAxis(s, i), i);
  // A predicate path needs a `[`: skip the slashes of ordinary URLs and paths without one.
  if (s.indexOf('[') >= 0) {
    for (let i = s.indexOf('/'); i >= 0 && i < end; i = s.indexOf('/', i + 1))
      best = stronger(best, atSlashes(s, i), i);
  }
  return best;
}
