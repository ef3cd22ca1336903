import type { Finding } from '../../../core/index.js';
import type { Analyzer } from '../../analyzer.js';
import type { Inspectable, InspectedValue, ValueKind } from '../../inspectable.js';
import { excerpt } from '../shared/excerpt.js';
import { readOptions } from '../shared/read-options.js';
import { findAspCode, VBSCRIPT_JOIN } from './find-asp-code.js';
import { findPhp } from './find-php.js';
import { findFilterChain } from './find-stream-wrapper.js';
import { type Hit, stronger } from './hit.js';
import { isProse } from './is-prose.js';
import { judgeFileName } from './judge-file-name.js';
import { lineSpelling } from './line-spelling.js';
import { mayHoldPhp } from './may-hold-php.js';

const ID = 'php';
const STRONG = 0.9;
// Code quoted in running text (a blog post, a forum answer) is dampened, never below a weak signal.
const PROSE_DAMPING = 0.15;
const PROSE_FLOOR = 0.4;
// Upload headers of JS uploaders: `X-File-Name`, `X_Filename`, `X.Filename`.
const FILE_NAME_HEADER = /^header\.[\w.-]*file[-_.]?name$/i;
// Where a `data:` URI is a payload rather than an upload: the URL, and the names of parameters.
const URL_KINDS: ReadonlySet<ValueKind> = new Set([
  'query-value',
  'query-name',
  'body-name',
  'cookie-name',
  'path',
  'path-segment',
]);

function toFinding(item: Inspectable, hit: Hit, transforms: readonly string[]): Finding {
  return {
    analyzer: ID,
    rule: `${ID}/${hit.rule}`,
    confidence: hit.confidence,
    location: item.location,
    evidence: excerpt(hit.evidence),
    transforms: hit.transform === undefined ? transforms : [...transforms, hit.transform],
  };
}

/**
 * PHP code injection: open tags, calls to PHP built-ins weighed by what they reach (exec and eval
 * first) and how they are written (computed callees, variable functions), superglobals, variable
 * variables, stream wrappers and `data:` payloads, `php://filter` chains sent in pieces, php.ini
 * directives, and uploaded file names PHP runs; classic ASP code run through `Execute`/`Eval` too.
 * @example createPhpAnalyzer().analyzeValue?.(value)
 */
export function createPhpAnalyzer(options: Readonly<Record<string, unknown>> = {}): Analyzer {
  const { maxLength } = readOptions(ID, options);
  return {
    id: ID,
    analyzeValue({ item, variants }: InspectedValue): readonly Finding[] {
      let best: Finding | undefined;
      if (
        item.kind === 'file-name' ||
        (item.kind === 'header-value' && FILE_NAME_HEADER.test(item.location))
      ) {
        const hit = judgeFileName(item.value);
        if (hit !== undefined) best = toFinding(item, hit, []);
      }
      const inUrl = URL_KINDS.has(item.kind);
      const unfolded = lineSpelling(item, variants);
      for (const variant of unfolded === undefined ? variants : [...variants, unfolded]) {
        if (best !== undefined && best.confidence >= STRONG) break;
        const text = variant.value.length > maxLength ? variant.value.slice(0, maxLength) : variant.value;
        const triggers = mayHoldPhp(text, maxLength);
        let hit = stronger(triggers === 0 ? undefined : findPhp(text, triggers, inUrl), findAspCode(text));
        // Code assembled from pieces is hidden on purpose: words around it do not make it a quotation.
        if (
          hit !== undefined &&
          hit.confidence > PROSE_FLOOR &&
          hit.transform !== VBSCRIPT_JOIN &&
          isProse(item, text)
        )
          hit = { ...hit, confidence: Math.max(PROSE_FLOOR, hit.confidence - PROSE_DAMPING) };
        // A filter chain sent in pieces is no sentence, whatever the words around it.
        if (triggers === 0) hit = stronger(hit, findFilterChain(text));
        if (hit !== undefined && (best === undefined || hit.confidence > best.confidence))
          best = toFinding(item, hit, variant.transforms);
      }
      return best === undefined ? [] : [best];
    },
  };
}
