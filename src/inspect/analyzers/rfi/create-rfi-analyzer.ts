import type { Finding } from '../../../core/index.js';
import type { Analyzer } from '../../analyzer.js';
import type { InspectedValue } from '../../inspectable.js';
import { excerpt } from '../shared/excerpt.js';
import { readOptions } from '../shared/read-options.js';
import { findUrls } from '../ssrf/find-urls.js';
import { assessRemoteUrl, type RemoteSuspicion } from './assess-remote-url.js';
import { includeName } from './include-names.js';

const NONE: readonly Finding[] = Object.freeze([]);
const STRONG = 0.9;

// A request path that carries a whole URL: an open proxy or an include of the path.
function urlInPath(text: string): RemoteSuspicion | undefined {
  const m = /(?:^|\/)(?:https?|ftps?):\/{1,2}[^/\s]/i.exec(text);
  return m === null
    ? undefined
    : { rule: 'rfi/url-in-path', confidence: 0.5, start: m.index, end: m.index + 64 };
}

/**
 * Remote file inclusion: a URL that is the whole value of a path- or file-like parameter (`page=`,
 * `_CONF[path]=`), aimed at an IP literal, cut short with `?` or a NUL, or with a userinfo dressed as a
 * host; and whole URLs inside a request path.
 * @example createRfiAnalyzer().analyzeValue!(value) // [{ rule: 'rfi/truncated-url', confidence: 1, ... }]
 */
export function createRfiAnalyzer(options: Readonly<Record<string, unknown>> = {}): Analyzer {
  const { maxLength } = readOptions('rfi', options, 4096);
  return {
    id: 'rfi',
    // Needs markup, URLs, quotes, brackets, $ or line breaks: plain text holds none of them.
    quietOnPlainText: true,
    analyzeValue(value: InspectedValue): readonly Finding[] {
      const { item, variants } = value;
      const raw = variants[0]!.value;
      const nulByte = raw.includes('\0') || /%00/.test(raw);
      let best: RemoteSuspicion | undefined;
      let bestVariant = 0;
      for (let v = 0; v < variants.length; v++) {
        const full = variants[v]!.value;
        const text = full.length > maxLength ? full.slice(0, maxLength) : full;
        if (text.indexOf(':') < 0) continue;
        const found =
          item.kind === 'path' ? urlInPath(text) : scan(text, includeName(item.location), nulByte);
        if (found !== undefined && found.confidence > (best?.confidence ?? 0)) {
          best = found;
          bestVariant = v;
          if (found.confidence >= STRONG) break;
        }
      }
      if (best === undefined) return NONE;
      const variant = variants[bestVariant]!;
      return [
        {
          analyzer: 'rfi',
          rule: best.rule,
          confidence: best.confidence,
          location: item.location,
          evidence: excerpt(variant.value, best.start, best.end),
          transforms: variant.transforms,
        },
      ];
    },
  };
}

function scan(
  text: string,
  name: ReturnType<typeof includeName>,
  nulByte: boolean,
): RemoteSuspicion | undefined {
  if (!text.includes('://')) return undefined;
  let best: RemoteSuspicion | undefined;
  for (const url of findUrls(text)) {
    const found = assessRemoteUrl(text, url, name, nulByte);
    if (found !== undefined && found.confidence > (best?.confidence ?? 0)) best = found;
  }
  return best;
}
