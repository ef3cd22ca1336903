import type { Finding } from '../../../core/index.js';
import type { Analyzer } from '../../analyzer.js';
import type { InspectedValue } from '../../inspectable.js';
import { excerpt } from '../shared/excerpt.js';
import { readOptions } from '../shared/read-options.js';
import { assessBareHost } from './assess-bare-host.js';
import { assessUrl, type UrlSuspicion } from './assess-url.js';
import { findUrls } from './find-urls.js';

const NONE: readonly Finding[] = Object.freeze([]);
const NESTED = 0.35;
const IN_PROSE = 0.35;
// Browsers fill the Referer and Origin with their own origin: a developer's machine shows up as localhost.
const BROWSER_HEADERS = /^header\.(?:referer|origin)$/;
const BROWSER_HEADER_WEIGHT = 0.35;
// Navigation targets (`redirect_uri`, `next`, `return_to`) send the browser there; the server fetches nothing.
const NAVIGATION_PARAMETER = /(?:redirect|callback|return|next|continue|origin|goto)[^.]*$/i;
const NAVIGATION_WEIGHT = 0.7;

function locationWeight(location: string, evasive: boolean): number {
  if (BROWSER_HEADERS.test(location)) return BROWSER_HEADER_WEIGHT;
  return NAVIGATION_PARAMETER.test(location) && !evasive ? NAVIGATION_WEIGHT : 1;
}

function firstIsHostLike(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 91 || (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

// Where a URL ends: the first blank or quote.
function urlEnd(text: string, from: number): number {
  let end = from;
  while (end < text.length && text.charCodeAt(end) > 32 && text[end] !== '"' && text[end] !== "'") end++;
  return end;
}

// Words before the URL: it is quoted in text rather than being the value.
function inProse(text: string, start: number): boolean {
  for (let i = 0; i < start; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 34 && c !== 39) return /\s/.test(text.slice(i, start));
  }
  return false;
}

function scan(text: string): UrlSuspicion | undefined {
  let best: UrlSuspicion | undefined;
  if (text.indexOf(':') >= 0) {
    let outerEnd = -1;
    for (const url of findUrls(text)) {
      let found = assessUrl(text, url);
      // A URL inside another one's query (`https://site/?next=http://localhost`) is not what gets fetched,
      // and one quoted in a sentence (a bug report naming `http://127.0.0.1:8080`) rarely is.
      if (found !== undefined && url.start < outerEnd) {
        found = { ...found, confidence: found.confidence * NESTED };
      } else if (found !== undefined && inProse(text, url.start)) {
        found = { ...found, confidence: found.confidence * IN_PROSE };
      }
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
  const { maxLength } = readOptions('ssrf', options, 4096);
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
      const damp = best.rule === 'ssrf/metadata' ? 1 : locationWeight(value.item.location, best.evasive);
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
