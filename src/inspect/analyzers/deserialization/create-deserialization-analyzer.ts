import type { Finding } from '../../../core/index.js';
import type { Analyzer } from '../../analyzer.js';
import type { Inspectable, InspectedValue, Variant } from '../../inspectable.js';
import { excerpt } from '../shared/excerpt.js';
import { readOptions } from '../shared/read-options.js';
import { findBodyMagic } from './find-body-magic.js';
import { findBodyPrototype } from './find-body-prototype.js';
import { findSerialized } from './find-serialized.js';
import { findTriggers } from './find-triggers.js';
import type { Hit } from './hit.js';
import { anyProse } from './is-prose.js';
import { judgeUploadName } from './judge-upload-name.js';

const ID = 'deserialization';
const STRONG = 0.9;
const COOKIE_PREFIX = 'cookie.';
const MIN_NAME = 6;
// `X-File-Name`, `X_Filename`: headers that upload APIs take the stored file's name from.
const FILE_NAME_HEADER = /^header\.[\w.-]*file[-_.]?name$/i;

function lastSegment(location: string): string {
  return location.slice(location.lastIndexOf('.') + 1);
}

// The name a value was sent under when extraction kept it only in the location (plain parameter and
// JSON key names, every cookie name), if it could hold a class name or an encoded token: dotted (cookie
// names) or mixed-case. Found without allocating for the usual lower-case names. XML element and
// attribute names are markup, not data, and stay out.
function plainName(item: Inspectable): string {
  const location = item.location;
  if (item.kind === 'cookie-value' && location.startsWith(COOKIE_PREFIX)) {
    const name = location.slice(COOKIE_PREFIX.length);
    return name.includes('.') || name !== name.toLowerCase() ? name : '';
  }
  let upper = 0;
  let lower = 0;
  let i = location.length - 1;
  for (; i >= 0; i--) {
    const c = location.charCodeAt(i);
    if (c === 46 || c === 35) break;
    if (c >= 65 && c <= 90) upper++;
    else if (c >= 97 && c <= 122) lower++;
  }
  if (location.length - i - 1 < MIN_NAME || upper < 2 || lower < 1 || location.charCodeAt(i) === 35)
    return '';
  return location.startsWith('body.xml.') ? '' : location.slice(i + 1);
}

// Rules whose text a blog post or forum answer quotes: class names and calls, not serialized objects.
const QUOTABLE: ReadonlySet<string> = new Set(['java-class', 'java-code', 'ruby-code']);
const REPORT_FIELD = /stack|frame|trace|exception|crash/i;

// Class names and code in prose ("use java.lang.String here") or serialized arrays in session cookies
// are weaker; a serialized object or gadget chain is not made innocent by the words around it.
function weigh(hit: Hit, item: Inspectable, variants: readonly Variant[]): number {
  if (hit.rule === 'php-array' && item.kind === 'cookie-value') return 0.3;
  if (hit.quotable !== true && !QUOTABLE.has(hit.rule)) return hit.confidence;
  // Error reports (Sentry and kin) send each frame's class as its own JSON value.
  if (hit.rule === 'java-class' && REPORT_FIELD.test(item.location)) return Math.min(hit.confidence, 0.7);
  return anyProse(variants) ? Math.max(0.4, hit.confidence - 0.2) : hit.confidence;
}

function toFinding(item: Inspectable, hit: Hit, confidence: number, transforms: readonly string[]): Finding {
  return {
    analyzer: ID,
    rule: `${ID}/${hit.rule}`,
    confidence,
    location: item.location,
    evidence: excerpt(hit.evidence),
    transforms: hit.transform === undefined ? transforms : [...transforms, hit.transform],
  };
}

/**
 * Insecure deserialization and object injection: Java serialized streams (raw, hex, base64 at any
 * alignment) and gadget classes, JDK class names and reflective code, OGNL, PHP `O:` objects, .NET
 * gadgets and type hints, pickles, YAML class tags, Ruby process calls, React Flight references,
 * prototype pollution and class-loader binding, and uploads of JSP pages (the Java family's file
 * upload). Objects with class names weigh more than plain data; Node.js code is the `ssjs` analyzer's.
 * @example createDeserializationAnalyzer().analyzeValue?.(value)
 */
export function createDeserializationAnalyzer(options: Readonly<Record<string, unknown>> = {}): Analyzer {
  const { maxLength } = readOptions(ID, options);
  return {
    id: ID,
    analyzeValue({ item, variants }: InspectedValue): readonly Finding[] {
      let best: Finding | undefined;
      if (
        item.kind === 'file-name' ||
        (item.kind === 'header-value' && FILE_NAME_HEADER.test(item.location))
      ) {
        const upload = judgeUploadName(item.value);
        if (upload !== undefined) best = toFinding(item, upload, upload.confidence, []);
      }
      // Type-hint keys (`$type`, `@class`) matter even when the value itself triggers nothing.
      const location = item.location;
      const key = location.endsWith('type') || location.endsWith('class') ? lastSegment(location) : '';
      for (const variant of variants) {
        const text = variant.value.length > maxLength ? variant.value.slice(0, maxLength) : variant.value;
        const triggers = findTriggers(text, maxLength);
        if (triggers === 0 && key === '') continue;
        const hit = findSerialized(text, triggers, key, item.location);
        if (hit === undefined) continue;
        const confidence = weigh(hit, item, variants);
        if (best === undefined || confidence > best.confidence)
          best = toFinding(item, hit, confidence, variant.transforms);
        if (best.confidence >= STRONG) break;
      }
      // A gadget class or encoded stream can be the parameter name itself (`rO0ABQ=x`).
      const name = best === undefined ? plainName(item) : '';
      if (name !== '') {
        const triggers = findTriggers(name, maxLength);
        const hit = triggers === 0 ? undefined : findSerialized(name, triggers, '', item.location);
        if (hit !== undefined) best = toFinding(item, hit, hit.confidence, []);
      }
      return best === undefined ? [] : [best];
    },
    analyzeRequest({ view }) {
      if (view.body === undefined || view.body.length === 0) return [];
      const hit = findBodyMagic(view.body) ?? findBodyPrototype(view.body);
      if (hit === undefined) return [];
      return [
        {
          analyzer: ID,
          rule: `${ID}/${hit.rule}`,
          confidence: hit.confidence,
          location: 'body',
          evidence: hit.evidence,
          transforms: [],
        },
      ];
    },
  };
}
