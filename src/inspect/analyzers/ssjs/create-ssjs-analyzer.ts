import type { Finding } from '../../../core/index.js';
import type { Analyzer } from '../../analyzer.js';
import type { Inspectable, InspectedValue, Variant } from '../../inspectable.js';
import { anyProse } from '../deserialization/is-prose.js';
import { excerpt } from '../shared/excerpt.js';
import { inFreeTextField } from '../shared/free-text-field.js';
import { readOptions } from '../shared/read-options.js';
import { decodeLayers } from './decode-layers.js';
import { findNodeCode, type NodeCodeHit } from './find-node-code.js';

const ID = 'ssjs';
const STRONG = 0.9;
// Every detector needs one of these words; ordinary values leave after this one test.
const KEYWORD =
  /process|require|import|console|unction|module|while|for\s*\(|constructor|ND_FUNC|child_process|global|fromCharCode|runIn/;
// Error reports (Sentry and kin) carry the source lines around each frame as JSON values.
const REPORT_FIELD = /stack|frame|trace|exception|crash|context_line/i;
const URL_VALUE = /^\s*[a-z][a-z0-9+.-]*:\/\//i;
// A Markdown code fence: the block is shown, and backticks around it would not even parse as JavaScript.
const MARKDOWN_FENCE = /(?:^|\n)[ \t]*```/;
const WEAK = 0.5;
const TYPED = 0.7;

// Code quoted in a post or a Markdown block, an uploaded source file, a stack frame or a link is not code
// sent to be run:
// reaching the OS still weighs, loops and probes become hints. A clock-timed loop in prose is still sent
// to be timed.
function weigh(hit: NodeCodeHit, item: Inspectable, variants: readonly Variant[], text: string): number {
  if (hit.rule === 'serialized-function') return hit.confidence;
  const shown =
    item.kind === 'file-content' ||
    REPORT_FIELD.test(item.location) ||
    URL_VALUE.test(text) ||
    MARKDOWN_FENCE.test(text);
  // A loop timed against the clock is no phrase of a sentence: words around it do not make it a quote.
  const quoted = shown || (hit.rule !== 'busy-wait' && anyProse(variants));
  // `console.log("x")` alone in a comment or a post body: a code sample as often as a probe.
  if (!quoted)
    return inFreeTextField(item.location) && hit.rule !== 'runtime-access' ? TYPED : hit.confidence;
  return hit.rule === 'runtime-access' ? hit.confidence - 0.2 : WEAK;
}

/**
 * Server-side JavaScript injection (Node.js): serialized functions revived by node-serialize or
 * funcster, code reaching the OS, endless loops with constant conditions, and probes for an evaluation
 * context — also under JS escapes inside base64 and base64 written with JS escapes. Code in prose,
 * uploaded files, error reports and links weighs less.
 * @example createSsjsAnalyzer().analyzeValue?.(value) // `require('child_process')` → ssjs/runtime-access
 */
export function createSsjsAnalyzer(options: Readonly<Record<string, unknown>> = {}): Analyzer {
  const { maxLength } = readOptions(ID, options);
  const judge = (
    { item, variants }: InspectedValue,
    variant: Variant,
    best: Finding | undefined,
  ): Finding | undefined => {
    const text = variant.value.length > maxLength ? variant.value.slice(0, maxLength) : variant.value;
    if (!KEYWORD.test(text)) return best;
    const hit = findNodeCode(text);
    if (hit === undefined) return best;
    const confidence = weigh(hit, item, variants, text);
    if (best !== undefined && best.confidence >= confidence) return best;
    return {
      analyzer: ID,
      rule: `${ID}/${hit.rule}`,
      confidence,
      location: item.location,
      evidence: excerpt(text, hit.at),
      transforms: variant.transforms,
    };
  };
  return {
    id: ID,
    analyzeValue(value: InspectedValue): readonly Finding[] {
      let best: Finding | undefined;
      for (const variant of value.variants) {
        best = judge(value, variant, best);
        for (const layer of decodeLayers(variant)) best = judge(value, layer, best);
        if (best !== undefined && best.confidence >= STRONG) break;
      }
      return best === undefined ? [] : [best];
    },
  };
}
