import type { Finding } from '../../../core/index.js';
import type { Analyzer } from '../../analyzer.js';
import type { InspectedValue } from '../../inspectable.js';
import { excerpt } from '../cmdi/excerpt.js';
import { readOptions } from '../cmdi/read-options.js';
import { assessBareHost } from './assess-bare-host.js';
import { assessUrl, type UrlSuspicion } from './assess-url.js';
import { findUrls } from './find-urls.js';

const NONE: readonly Finding[] = Object.freeze([]);
const NESTED = 0.4;
// How much a suspicion counts in the Referer or Origin, which browsers fill with a developer's own origin.
const BROWSER_HEADER_WEIGHT = 0.4;
// Browsers send their own origin in these; a developer's machine legitimately shows up as localhost.
const BROWSER_HEADERS = /^header\.(?:referer|origin)$/;

function firstIsHostLike(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 91 || (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

// Where a URL ends: the first blank or quote.
function urlEnd(text: string, from: number): number {
  let end = from;
  while (end < text.length && text.charCodeAt(end) > 32 && text[end] !== '"' && text[end] !== "'") end++;
  return end;
}

function scan(text: string): UrlSuspicion | undefined {
  let best: UrlSuspicion | undefined;
  if (text.indexOf(':') >= 0) {
    let outerEnd = -1;
    for (const url of findUrls(text)) {
      let found = assessUrl(text, url);
      // A URL inside another one's query (`https://site/?next=http://localhost`) is not what gets fetched.
      if (found !== undefined && url.start < outerEnd)
        found = { ...found, confidence: found.confidence * NESTED };
      if (found !== undefined && (best === undefined || found.confidence > best.confidence)) best = found;
      if (url.start >= outerEnd) outerEnd = urlEnd(text, url.authority);
    }
  }
  if ((best === undefined || best.confidence < 0.9) && firstIsHostLike(text.charCodeAt(0))) {
    const bare = assessBareHost(text);
    if (bare !== undefined && (best === undefined || bare.confidence > best.confidence)) best = bare;
  }
  return best;
}

/**
 * Server-side request forgery: URLs (any scheme, with or without `//`) and bare hosts that point at
 * loopback, private, link-local or cloud-metadata addresses in any IPv4/IPv6 spelling, names that embed
 * such addresses, parser-confusion tricks, and schemes no fetcher should follow (gopher, dict, file, jar).
 * @example createSsrfAnalyzer().analyzeValue!(value) // [{ rule: 'ssrf/metadata', confidence: 1, ... }]
 */
export function createSsrfAnalyzer(options: Readonly<Record<string, unknown>> = {}): Analyzer {
  const { maxLength } = readOptions('ssrf', options);
  return {
    id: 'ssrf',
    analyzeValue(value: InspectedValue): readonly Finding[] {
      let best: UrlSuspicion | undefined;
      let bestVariant = 0;
      for (let v = 0; v < value.variants.length; v++) {
        const raw = value.variants[v]!.value;
        const text = raw.length > maxLength ? raw.slice(0, maxLength) : raw;
        const found = scan(text);
        if (found !== undefined && (best === undefined || found.confidence > best.confidence)) {
          best = found;
          bestVariant = v;
          if (found.confidence >= 0.9) break;
        }
      }
      if (best === undefined) return NONE;
      const variant = value.variants[bestVariant]!;
      const damp =
        BROWSER_HEADERS.test(value.item.location) && best.rule !== 'ssrf/metadata'
          ? BROWSER_HEADER_WEIGHT
          : 1;
      return [
        {
          analyzer: 'ssrf',
          rule: best.rule,
          confidence: Math.round(best.confidence * damp * 100) / 100,
          location: value.item.location,
          evidence: excerpt(variant.value, best.start),
          transforms: variant.transforms,
        },
      ];
    },
  };
}
