import type { Finding } from '../../../core/index.js';
import type { Analyzer } from '../../analyzer.js';
import type { Variant } from '../../inspectable.js';
import { excerpt } from '../shared/excerpt.js';
import { readOptions } from '../shared/read-options.js';
import { findXInclude } from './find-xinclude.js';
import { judgeDeclarations } from './judge-declarations.js';
import { readDeclarations } from './read-declarations.js';

const ID = 'xxe';

interface Hit {
  readonly rule: string;
  readonly confidence: number;
  readonly at: number;
}

const GATE = /<!|nclude|NCLUDE/;

function analyzeText(s: string, end: number): Hit | undefined {
  if (!GATE.test(s)) return undefined;
  let best: Hit | undefined;
  if (s.indexOf('<!') >= 0) {
    const declared = judgeDeclarations(readDeclarations(s, end));
    if (declared !== undefined)
      best = { rule: `${ID}/${declared.rule}`, confidence: declared.confidence, at: declared.at };
  }
  if (s.indexOf('nclude') >= 0 || s.indexOf('NCLUDE') >= 0) {
    const xinclude = findXInclude(s, end);
    const confidence = xinclude?.reachesOut ? 1 : 0.9;
    if (xinclude !== undefined && (best === undefined || confidence > best.confidence)) {
      best = { rule: `${ID}/xinclude`, confidence, at: xinclude.at };
    }
  }
  return best;
}

/**
 * XML external entities: DOCTYPE and ENTITY declarations (in XML bodies, their `xml-doctype` values, or
 * any value that carries XML) with external identifiers, parameter entities, external DTDs, entity
 * expansion bombs, and XInclude.
 * @example createXxeAnalyzer().analyzeValue?.(value) // `<!ENTITY x SYSTEM "file:///etc/passwd">` → xxe/external-entity
 */
export function createXxeAnalyzer(options: Readonly<Record<string, unknown>> = {}): Analyzer {
  const { maxLength } = readOptions(ID, options);
  return {
    id: ID,
    // Needs markup, URLs, quotes, brackets, $ or line breaks: plain text holds none of them.
    quietOnPlainText: true,
    analyzeValue({ item, variants }) {
      let best: { hit: Hit; variant: Variant } | undefined;
      for (const variant of variants) {
        const hit = analyzeText(variant.value, Math.min(variant.value.length, maxLength));
        if (hit !== undefined && (best === undefined || hit.confidence > best.hit.confidence))
          best = { hit, variant };
        if (best !== undefined && best.hit.confidence >= 1) break;
      }
      if (best === undefined) return [];
      const finding: Finding = {
        analyzer: ID,
        rule: best.hit.rule,
        confidence: best.hit.confidence,
        location: item.location,
        evidence: excerpt(best.variant.value, best.hit.at),
        transforms: best.variant.transforms,
      };
      return [finding];
    },
  };
}
