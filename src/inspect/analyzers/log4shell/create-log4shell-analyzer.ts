import type { Finding } from '../../../core/index.js';
import type { Analyzer } from '../../analyzer.js';
import type { InspectedValue, Variant } from '../../inspectable.js';
import { excerpt } from '../shared/excerpt.js';
import { readOptions } from '../shared/read-options.js';
import { type DecodeMarks, decodeLookupEscapes } from './decode-lookup-escapes.js';
import { mayHideLookup } from './may-hide-lookup.js';
import { resolveLookups } from './resolve-lookups.js';

const ID = 'log4shell';
const DECODE = 'log4shell-unescape';
/** JNDI providers that fetch from the network: the remote-class-loading and DNS-callback vectors. */
const REMOTE_SCHEMES = new Set([
  'ldap',
  'ldaps',
  'rmi',
  'dns',
  'iiop',
  'iiopname',
  'corba',
  'corbaname',
  'nds',
  'nis',
  'http',
  'https',
]);
const GATE = /[$%&\\]/;
const JNDI = /jndi/i;
const FREE_TEXT = new Set(['body-value', 'body-text', 'file-content']);

function finding(
  item: InspectedValue['item'],
  rule: string,
  confidence: number,
  evidence: string,
  transforms: readonly string[],
): Finding {
  return {
    analyzer: ID,
    rule: `${ID}/${rule}`,
    confidence,
    location: item.location,
    evidence: excerpt(evidence),
    transforms,
  };
}

function analyzeVariant(
  item: InspectedValue['item'],
  variant: Variant,
  maxLength: number,
): Finding | undefined {
  const marks: DecodeMarks = { hidden: false };
  const text = variant.value.length > maxLength ? variant.value.slice(0, maxLength) : variant.value;
  const decoded = decodeLookupEscapes(text, marks);
  const start = decoded.indexOf('${');
  if (start < 0) return undefined;
  const transforms = decoded === text ? variant.transforms : [...variant.transforms, DECODE];
  // From three characters before the first lookup: `jn${date:}di` spells its keyword across the `${`.
  const from = Math.max(0, start - 3);
  const found = resolveLookups(decoded.slice(from));
  if (found.jndi !== undefined) {
    const scheme = found.jndi
      .slice(0, Math.max(0, found.jndi.indexOf(':')))
      .trim()
      .toLowerCase();
    return finding(
      item,
      'jndi-lookup',
      REMOTE_SCHEMES.has(scheme) ? 1 : 0.9,
      `\${jndi:${found.jndi}}`,
      transforms,
    );
  }
  // `j${::-nD}i${::-:}`: lookups that spell `jndi`, whether or not the `${` around them was sent too.
  if (JNDI.test(found.text) && !JNDI.test(decoded.slice(from)))
    return finding(item, 'obfuscated-jndi', 0.95, decoded.slice(from), transforms);
  if (found.fragments >= 2) return finding(item, 'obfuscated-lookup', 0.85, decoded.slice(start), transforms);
  // `${` spelled with entities or JS escapes has no honest reason to exist (a `${` already in plain
  // sight, next to some unrelated `\u0026`, is not hidden).
  if (marks.hidden && !text.includes('${'))
    return finding(item, 'hidden-lookup', 0.7, decoded.slice(start), transforms);
  if (found.dataLookup !== undefined) {
    return finding(
      item,
      'data-lookup',
      FREE_TEXT.has(item.kind) ? 0.4 : 0.6,
      `\${${found.dataLookup}}`,
      transforms,
    );
  }
  return undefined;
}

/**
 * Log4Shell (CVE-2021-44228): resolves `${...}` lookups in any value — nested, defaulted, case-folded
 * and escaped — and reports a JNDI lookup, lookups used only to spell characters, or hidden `${`.
 * @example createLog4shellAnalyzer().analyzeValue?.(value)
 */
export function createLog4shellAnalyzer(options: Readonly<Record<string, unknown>> = {}): Analyzer {
  const { maxLength } = readOptions(ID, options);
  return {
    id: ID,
    // Needs markup, URLs, quotes, brackets, $ or line breaks: plain text holds none of them.
    quietOnPlainText: true,
    analyzeValue({ item, variants }) {
      let best: Finding | undefined;
      for (const variant of variants) {
        const v = variant.value;
        // Most values have no `$` and no escape character at all: one character-class scan and done.
        if (!GATE.test(v) || (v.indexOf('$') < 0 && !mayHideLookup(v, maxLength))) continue;
        const found = analyzeVariant(item, variant, maxLength);
        if (found !== undefined && (best === undefined || found.confidence > best.confidence)) best = found;
        if (best !== undefined && best.confidence >= 0.9) break;
      }
      return best === undefined ? [] : [best];
    },
  };
}
