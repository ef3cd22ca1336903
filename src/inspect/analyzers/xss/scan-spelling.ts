import type { ValueKind } from '../../inspectable.js';
import { htmlEntities } from '../../normalize/html-entities.js';
import { analyzeText } from './analyze-text.js';
import { decodeSevenBit } from './decode-seven-bit.js';
import { decodeUtf7 } from './decode-utf7.js';
import { stripComments } from './strip-comments.js';
import { XssHits } from './xss-hits.js';
import { TRIGGER, xssTriggers } from './xss-triggers.js';

/** A spelling the analyzer makes itself: when the trigger flag asks and the spelling's own decodings allow. */
interface ExtraSpelling {
  readonly flag: number;
  readonly name: string;
  readonly decode: (s: string) => string;
  /** Markup that needs this spelling has no honest reason to be spelled so: what it reveals is certain. */
  readonly certain: boolean;
  readonly after?: string;
}

// Spellings only a page's charset, Unicode folding, an XML parser or a second decoding turns into markup:
// the analyzer decodes them itself, since a generic normalizer has no reason to. Markup spelled in UTF-7,
// fullwidth forms or high-bit characters is certain; comments and CDATA sections are ordinary XML, and a
// value may be entity-encoded twice by an honest application, so what those reveal counts as it is.
const EXTRA_SPELLINGS: readonly ExtraSpelling[] = [
  { flag: TRIGGER.utf7, name: 'utf7-decode', decode: decodeUtf7, certain: true },
  { flag: TRIGGER.wide, name: 'nfkc', decode: (s) => s.normalize('NFKC'), certain: true },
  { flag: TRIGGER.sevenBit, name: 'seven-bit', decode: decodeSevenBit, certain: true },
  { flag: TRIGGER.comments, name: 'strip-comments', decode: stripComments, certain: false },
  // The normalizer decodes character references once; `&amp;lt;` needs a second round.
  {
    flag: TRIGGER.references,
    name: htmlEntities.name,
    decode: (s) => htmlEntities.apply(s).value,
    certain: false,
    after: htmlEntities.name,
  },
];

/**
 * Scans one spelling of a value (the first `maxLength` characters) into `hits`, allocating them only
 * when some trigger fires; ordinary values cost one pass over their characters.
 */
export function scanSpelling(
  value: string,
  kind: ValueKind,
  location: string,
  transforms: readonly string[],
  maxLength: number,
  hits: XssHits | undefined,
): XssHits | undefined {
  const end = Math.min(value.length, maxLength);
  const flags = xssTriggers(value, end);
  if (flags === 0) return hits;
  const found = hits ?? new XssHits();
  analyzeText(value, end, kind, location, flags, transforms, found);
  for (const { flag, name, decode, certain, after } of EXTRA_SPELLINGS) {
    if ((flags & flag) === 0 || (after !== undefined && !transforms.includes(after))) continue;
    const original = value.slice(0, end);
    const decoded = decode(original);
    if (decoded === original) continue;
    const decodedFlags = xssTriggers(decoded, decoded.length);
    if (decodedFlags === 0) continue;
    const revealed = new XssHits();
    analyzeText(decoded, decoded.length, kind, location, decodedFlags, [...transforms, name], revealed);
    // Only what the plain spelling did not already show owes its strength to the decoding.
    for (const hit of revealed.list()) {
      const hidden = certain && hit.confidence >= 0.6 && found.wants(hit.rule, hit.confidence);
      found.add(hidden ? { ...hit, confidence: 1 } : hit);
    }
  }
  return found;
}
