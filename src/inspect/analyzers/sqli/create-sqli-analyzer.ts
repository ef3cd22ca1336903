import type { Finding } from '../../../core/index.js';
import type { Analyzer } from '../../analyzer.js';
import type { Inspectable, ValueKind, Variant } from '../../inspectable.js';
import { detectSqli } from './detect-sqli.js';
import { embeddedVariants, splitKeyword } from './embedded-variants.js';
import { hexEncodedSql } from './hex-encoded-sql.js';
import { lineBreakVariant } from './line-break-variant.js';
import { parseSqliOptions, type SqliOptions } from './sqli-options.js';

const NO_FINDINGS: readonly Finding[] = Object.freeze([]);
// A finding this strong settles the value: later (more decoded) variants need not be analyzed.
const DECISIVE = 0.9;
// Evasions written to pass a filter (a keyword split by a comment, `SEL/**\/ECT`; a statement in a hex
// literal): as strong as a decisive rule.
const EVASION_CONFIDENCE = 0.9;
// MySQL's executable comment with a version (`/*!50000`, MariaDB's `/*M!100100`): SQL only MySQL runs,
// written to pass a filter; a license banner (`/*! jQuery v3 */`) has no version glued to the `!`.
const EXECUTABLE_COMMENT = /\/\*M?!\d{4,6}/;
// The strongest few rules tell the story; more would only repeat it.
const MAX_FINDINGS = 4;
// Uploaded files (an `.sql` dump is legitimate content) and DTDs never reach a query as a literal.
const SKIPPED_KINDS: ReadonlySet<ValueKind> = new Set(['file-content', 'xml-doctype']);
const scratch: Finding[] = [];
const byConfidence = (a: Finding, b: Finding): number => b.confidence - a.confidence;

/**
 * Creates the SQL injection analyzer: each variant of a value is judged in the bare, single- and
 * double-quoted SQL contexts by structural rules over its tokens (`sqli/union-select`, `sqli/tautology`...).
 *
 * @example
 * const sqli = createSqliAnalyzer({ maxLength: 4096 });
 * sqli.analyzeValue?.({ item, variants: [{ value: "' or 1=1--", transforms: [] }] });
 */
export function createSqliAnalyzer(options: Readonly<Record<string, unknown>> = {}): Analyzer {
  const settings = parseSqliOptions(options);
  // A reading the normalizer did not make is a guess: only a decisive finding in it counts.
  const guessFloor = Math.max(DECISIVE, settings.minConfidence);
  return {
    id: 'sqli',
    analyzeValue({ item, variants }) {
      if (SKIPPED_KINDS.has(item.kind)) return NO_FINDINGS;
      // Reused across calls (analysis is synchronous): benign values, most of them, allocate nothing.
      const found = scratch;
      found.length = 0;
      const kept = variants[0] === undefined ? undefined : lineBreakVariant(item, variants[0]);
      const read = kept === undefined ? variants : [kept, ...variants];
      if (!judge(item, read, settings, settings.minConfidence, found)) {
        const embedded = embeddedVariants(item, variants);
        if (embedded.length > 0) judge(item, embedded, settings, guessFloor, found);
        const last = variants[variants.length - 1];
        const hex = last === undefined ? undefined : hexEncodedSql(last.value);
        if (hex !== undefined && EVASION_CONFIDENCE >= settings.minConfidence)
          found.push(evasionFinding(item, last!, 'sqli/hex-encoded', hex.slice(0, 64)));
        // Both evasions are written with a comment: most values have none and skip them.
        if (last?.value.includes('/*') && EVASION_CONFIDENCE >= settings.minConfidence) {
          const split = splitKeyword(last.value);
          if (split !== undefined) found.push(evasionFinding(item, last, 'sqli/split-keyword', split));
          const versioned = EXECUTABLE_COMMENT.exec(last.value);
          if (versioned !== null)
            found.push(evasionFinding(item, last, 'sqli/executable-comment', versioned[0]));
        }
      }
      if (found.length === 0) return NO_FINDINGS;
      const findings =
        found.length <= MAX_FINDINGS ? found.slice() : found.sort(byConfidence).slice(0, MAX_FINDINGS);
      found.length = 0;
      return findings;
    },
  };
}

function evasionFinding(item: Inspectable, variant: Variant, rule: string, evidence: string): Finding {
  return {
    analyzer: 'sqli',
    rule,
    confidence: EVASION_CONFIDENCE,
    location: item.location,
    evidence,
    transforms: variant.transforms,
  };
}

/** Adds each variant's detections at or above `floor` to `found` (the strongest per rule); true once decisive. */
function judge(
  item: Inspectable,
  variants: readonly Variant[],
  settings: SqliOptions,
  floor: number,
  found: Finding[],
): boolean {
  for (const variant of variants) {
    let decisive = false;
    for (const detection of detectSqli(variant.value, settings)) {
      if (detection.confidence < floor) continue;
      const same = found.findIndex((f) => f.rule === detection.rule);
      if (same >= 0 && found[same]!.confidence >= detection.confidence) continue;
      const finding: Finding = {
        analyzer: 'sqli',
        rule: detection.rule,
        confidence: detection.confidence,
        location: item.location,
        evidence: detection.evidence,
        transforms: variant.transforms,
      };
      if (same >= 0) found[same] = finding;
      else found.push(finding);
      decisive ||= detection.confidence >= DECISIVE;
    }
    if (decisive) return true;
  }
  return false;
}
