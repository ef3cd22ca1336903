import type { ValueKind } from '../../inspectable.js';
import { analyzeText } from './analyze-text.js';
import { decodeUtf7 } from './decode-utf7.js';
import { XssHits } from './xss-hits.js';
import { TRIGGER, xssTriggers } from './xss-triggers.js';

// Spellings only a page's charset or Unicode folding turns into markup: the analyzer decodes them itself,
// since a generic normalizer has no reason to.
const EXTRA_SPELLINGS: readonly (readonly [number, string, (s: string) => string])[] = [
  [TRIGGER.utf7, 'utf7-decode', decodeUtf7],
  [TRIGGER.wide, 'nfkc', (s) => s.normalize('NFKC')],
];

/**
 * Scans one spelling of a value (the first `maxLength` characters) into `hits`, allocating them only
 * when some trigger fires; ordinary values cost one pass over their characters.
 */
export function scanSpelling(
  value: string,
  kind: ValueKind,
  transforms: readonly string[],
  maxLength: number,
  hits: XssHits | undefined,
): XssHits | undefined {
  const end = Math.min(value.length, maxLength);
  const flags = xssTriggers(value, end);
  if (flags === 0) return hits;
  const found = hits ?? new XssHits();
  analyzeText(value, end, kind, flags, transforms, found);
  for (const [flag, name, decode] of EXTRA_SPELLINGS) {
    if ((flags & flag) === 0) continue;
    const decoded = decode(value.slice(0, end));
    const decodedFlags = xssTriggers(decoded, decoded.length);
    if (decodedFlags === 0) continue;
    const revealed = new XssHits();
    analyzeText(decoded, decoded.length, kind, decodedFlags, [...transforms, name], revealed);
    // Markup spelled in UTF-7 or fullwidth forms has no honest reason to be spelled so.
    for (const hit of revealed.list()) found.add(hit.confidence >= 0.6 ? { ...hit, confidence: 1 } : hit);
  }
  return found;
}
