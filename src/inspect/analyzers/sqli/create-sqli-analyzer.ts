import type { Finding } from '../../../core/index.js';
import type { Analyzer } from '../../analyzer.js';
import type { ValueKind } from '../../inspectable.js';
import { detectSqli } from './detect-sqli.js';
import { lineBreakVariant } from './line-break-variant.js';
import { parseSqliOptions } from './sqli-options.js';

const NO_FINDINGS: readonly Finding[] = Object.freeze([]);
// A finding this strong settles the value: later (more decoded) variants need not be analyzed.
const DECISIVE = 0.9;
// The strongest few rules tell the story; more would only repeat it.
const MAX_FINDINGS = 4;
// Uploaded files (an `.sql` dump is legitimate content) and DTDs never reach a query as a literal.
const SKIPPED_KINDS: ReadonlySet<ValueKind> = new Set(['file-content', 'xml-doctype']);

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
  return {
    id: 'sqli',
    analyzeValue({ item, variants }) {
      if (SKIPPED_KINDS.has(item.kind)) return NO_FINDINGS;
      let findings: Finding[] | undefined;
      const kept = variants[0] === undefined ? undefined : lineBreakVariant(item, variants[0]);
      for (const variant of kept === undefined ? variants : [kept, ...variants]) {
        let decisive = false;
        for (const detection of detectSqli(variant.value, settings)) {
          if (detection.confidence < settings.minConfidence) continue;
          findings ??= [];
          const same = findings.findIndex((f) => f.rule === detection.rule);
          if (same >= 0 && findings[same]!.confidence >= detection.confidence) continue;
          const finding: Finding = {
            analyzer: 'sqli',
            rule: detection.rule,
            confidence: detection.confidence,
            location: item.location,
            evidence: detection.evidence,
            transforms: variant.transforms,
          };
          if (same >= 0) findings[same] = finding;
          else findings.push(finding);
          decisive ||= detection.confidence >= DECISIVE;
        }
        if (decisive) break;
      }
      if (findings === undefined) return NO_FINDINGS;
      return findings.length <= MAX_FINDINGS
        ? findings
        : findings.sort((a, b) => b.confidence - a.confidence).slice(0, MAX_FINDINGS);
    },
  };
}
