import type { Finding } from '../../../core/index.js';
import type { Analyzer } from '../../analyzer.js';
import type { ValueKind, Variant } from '../../inspectable.js';
import { excerpt } from '../shared/excerpt.js';
import { readOptions } from '../shared/read-options.js';
import { findXInclude } from './find-xinclude.js';
import { findXslt } from './find-xslt.js';
import { judgeDeclarations } from './judge-declarations.js';
import { readDeclarations } from './read-declarations.js';

const ID = 'xxe';

interface Hit {
  readonly rule: string;
  readonly confidence: number;
  readonly at: number;
}

const GATE = /<!|nclude|NCLUDE|xsl|XSL/;
// Where no XML document travels: an ENTITY declaration or XSLT in a URL, a cookie or a header is only ever
// sent to learn whether some parser behind expands or runs it.
const NO_DOCUMENT_KINDS: ReadonlySet<ValueKind> = new Set([
  'query-value',
  'query-name',
  'cookie-value',
  'cookie-name',
  'header-value',
  'path',
  'path-segment',
]);
const PROBE_RULES = new Set([`${ID}/external-entity`, `${ID}/internal-entity`, `${ID}/xslt`]);

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
  if (s.indexOf('xsl') >= 0 || s.indexOf('XSL') >= 0) {
    const xslt = findXslt(s);
    const confidence = xslt?.reachesOut ? 1 : 0.7;
    if (xslt !== undefined && (best === undefined || confidence > best.confidence)) {
      best = { rule: `${ID}/xslt`, confidence, at: xslt.at };
    }
  }
  return best;
}

/**
 * XML external entities: DOCTYPE and ENTITY declarations (in XML bodies, their `xml-doctype` values, or
 * any value that carries XML) with external identifiers, parameter entities, external DTDs, entity
 * expansion bombs, XInclude, and XSLT (certain when it calls out: `php:function`, Java bindings, `document()`
 * on a file). Any entity declared, or stylesheet sent, in a URL, cookie or header value is a probe.
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
      const probe = NO_DOCUMENT_KINDS.has(item.kind) && PROBE_RULES.has(best.hit.rule);
      const finding: Finding = {
        analyzer: ID,
        rule: best.hit.rule,
        confidence: probe ? Math.max(best.hit.confidence, 0.9) : best.hit.confidence,
        location: item.location,
        evidence: excerpt(best.variant.value, best.hit.at),
        transforms: best.variant.transforms,
      };
      return [finding];
    },
  };
}
