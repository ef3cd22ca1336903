import type { Hit } from './hit.js';
import { judgeJavaChain } from './judge-java-chain.js';

// Dotted (or JVM-internal slashed) identifier chains: `java.lang.Runtime`, `java/lang/Runtime`. The
// separators are not word chars, so the pattern cannot backtrack.
const CHAIN = /[A-Za-z_$][\w$]*(?:[./][A-Za-z_$][\w$]*)*/g;
// A Java stack trace pasted into a support form names reflection classes in every frame.
const STACK_FRAME = /\.java:\d+\)|\(Native Method\)|\(Unknown Source\)/;
const MAX_CHAINS = 256;
// A field that holds nothing but a JDK class name names a type for a deserializer to instantiate.
const TYPE_NAME = 0.9;
const EXCEPTION = /(?:exception|error)$/i;

function nextNonSpace(s: string, i: number): number {
  while (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9) i++;
  return s.charCodeAt(i);
}

/**
 * The most dangerous Java class reference in `text`: gadget-chain classes, program-running and reflective
 * JDK classes, other JDK classes (weaker), and code that calls them (`Runtime.getRuntime().exec(`).
 */
export function findJavaReference(text: string): Hit | undefined {
  let best: Hit | undefined;
  let count = 0;
  CHAIN.lastIndex = 0;
  for (let m = CHAIN.exec(text); m !== null && count < MAX_CHAINS; m = CHAIN.exec(text)) {
    count++;
    const chain = m[0];
    const segments = chain.toLowerCase().split(/[./]/);
    const lastStart = Math.max(chain.lastIndexOf('.'), chain.lastIndexOf('/')) + 1;
    const first = chain.charCodeAt(lastStart);
    const verdict = judgeJavaChain(
      segments,
      nextNonSpace(text, CHAIN.lastIndex) === 40,
      first >= 65 && first <= 90,
    );
    if (verdict !== undefined && (best === undefined || verdict.confidence > best.confidence)) {
      best = { rule: verdict.rule, confidence: verdict.confidence, evidence: chain };
      if (verdict.confidence >= 0.95 && verdict.rule !== 'java-class') break;
    }
  }
  // Plain class mentions in a trace are not reported: gadget classes and exec calls have no place there.
  if (best?.rule === 'java-class' && STACK_FRAME.test(text)) return undefined;
  if (best !== undefined && best.confidence < TYPE_NAME && wholeTypeName(text, best.evidence)) {
    return { ...best, confidence: TYPE_NAME };
  }
  return best;
}

/**
 * Whether the value is the class name alone (`java.lang.Integer`, a key or a cookie so named): what a
 * polymorphic JSON or XML deserializer reads as the type to build, and what a probe sends to learn whether
 * one listens. Prose and searches mention classes among other words; an exception's name alone is still
 * what people search for.
 */
function wholeTypeName(text: string, chain: string): boolean {
  return text.trim() === chain && !EXCEPTION.test(chain);
}
