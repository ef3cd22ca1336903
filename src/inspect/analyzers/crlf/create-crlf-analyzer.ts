import type { Finding } from '../../../core/index.js';
import type { Analyzer } from '../../analyzer.js';
import type { Inspectable, Variant } from '../../inspectable.js';
import { usesFormEncoding } from '../../normalize/index.js';
import { excerpt } from '../shared/excerpt.js';
import { readOptions } from '../shared/read-options.js';
import { confidenceFor } from './confidence-for.js';
import { findInjectedLine } from './find-injected-line.js';
import { findMetaHeader } from './find-meta-header.js';
import { nextLineBreak } from './line-break.js';
import { lineBreakVariants } from './line-break-variants.js';
import { mayHideBreak } from './may-hide-break.js';
import { isRequestLine } from './read-start-line.js';

const ID = 'crlf';
const BASE64 = 'base64-decode';
const NAME_KINDS = new Set(['query-name', 'cookie-name', 'header-name']);
const PATH_KINDS = new Set(['path', 'path-segment']);
const MARKUP_GATE = /TTP\/|ttp\/|</;
const MARKUP_KINDS = new Set(['query-value', 'cookie-value', 'header-value', 'body-value']);
// `%250D%250A`: a line break percent-encoded twice, which no text box sends.
const ENCODED_TWICE = /%25(?:0[ad]|e2%2580%25a[89])/i;

interface Hit {
  readonly rule: string;
  readonly confidence: number;
  readonly at: number;
}

function hasRawCrLf(s: string): boolean {
  return s.indexOf('\r') >= 0 || s.indexOf('\n') >= 0;
}

/** Breaks in names and paths are anomalies whatever follows them. */
function structuralBreak(item: Inspectable, text: string, end: number): Hit | undefined {
  const at = nextLineBreak(text, 0, end);
  if (at < 0) return undefined;
  if (PATH_KINDS.has(item.kind)) return { rule: `${ID}/path-newline`, confidence: 1, at };
  // A query segment without `=` is a parameter name to most frameworks (`?a%0d%0a` → key `a\r\n`).
  if (NAME_KINDS.has(item.kind) || item.location === 'query')
    return { rule: `${ID}/name-newline`, confidence: 1, at };
  if (item.kind === 'body-name' && item.location.startsWith('body.form')) {
    return { rule: `${ID}/name-newline`, confidence: 0.7, at };
  }
  return undefined;
}

function injectedLine(item: Inspectable, text: string, end: number): Hit | undefined {
  const injected = findInjectedLine(text, end);
  if (injected === undefined) return undefined;
  const confidence = confidenceFor(
    injected.line,
    item.kind,
    injected.firstBreak,
    text,
    injected.bareReturn,
    ENCODED_TWICE.test(item.value),
  );
  if (confidence === 0) return undefined;
  const rule =
    injected.line === 'parameter'
      ? 'parameter-injection'
      : injected.line === 'markup'
        ? 'body-injection'
        : 'header-injection';
  return { rule: `${ID}/${rule}`, confidence, at: injected.breakAt };
}

function breakHit(item: Inspectable, text: string, end: number): Hit | undefined {
  const structural = structuralBreak(item, text, end);
  const injected = injectedLine(item, text, end);
  if (structural === undefined) return injected;
  return injected === undefined || structural.confidence >= injected.confidence ? structural : injected;
}

/** Splitting without a line break: a whole request line, or `<meta http-equiv>` standing in for a header. */
function markupHit(item: Inspectable, text: string, end: number): Hit | undefined {
  if (!MARKUP_GATE.test(text)) return undefined;
  if (text.indexOf('TTP/') >= 0 || text.indexOf('ttp/') >= 0) {
    const trimmed = text.trimStart();
    if (isRequestLine(trimmed, 0, Math.min(trimmed.length, end))) {
      return { rule: `${ID}/request-line`, confidence: item.kind === 'body-value' ? 0.5 : 0.8, at: 0 };
    }
  }
  const meta = text.indexOf('<') >= 0 ? findMetaHeader(text, end) : -1;
  return meta < 0 ? undefined : { rule: `${ID}/meta-header`, confidence: 0.8, at: meta };
}

/**
 * CRLF injection and HTTP response splitting: a line break (CR, LF, Unicode separators, Latin-1
 * truncation) followed by a header, a status or request line, markup after a blank line, or a new
 * parameter; line breaks in paths and parameter names; request lines and `<meta http-equiv>` headers.
 * @example createCrlfAnalyzer().analyzeValue?.(value) // `x%0d%0aSet-Cookie: a=b` → crlf/header-injection
 */
export function createCrlfAnalyzer(options: Readonly<Record<string, unknown>> = {}): Analyzer {
  const { maxLength } = readOptions(ID, options);
  return {
    id: ID,
    // Needs markup, URLs, quotes, brackets, $ or line breaks: plain text holds none of them.
    quietOnPlainText: true,
    analyzeValue({ item, variants }) {
      // Raw CR/LF cannot arrive inside a header value through a conforming parser: that is framing,
      // which the protocol analyzer judges. Here we look for breaks encoded for a backend to decode.
      if (item.kind === 'header-value' && hasRawCrLf(item.value)) return [];
      let best: Hit | undefined;
      let where: Variant | undefined;
      if (mayHideBreak(item.value)) {
        for (const variant of lineBreakVariants(item.value, usesFormEncoding(item))) {
          const hit = breakHit(item, variant.value, Math.min(variant.value.length, maxLength));
          if (hit !== undefined && (best === undefined || hit.confidence > best.confidence))
            [best, where] = [hit, variant];
        }
      }
      // What base64 decodes to keeps its line breaks in the shared spellings (nothing folds them there).
      for (const variant of variants) {
        if (!variant.transforms.includes(BASE64) || !hasRawCrLf(variant.value)) continue;
        const hit = breakHit(item, variant.value, Math.min(variant.value.length, maxLength));
        if (hit !== undefined && (best === undefined || hit.confidence > best.confidence))
          [best, where] = [hit, variant];
      }
      if (MARKUP_KINDS.has(item.kind) && (best === undefined || best.confidence < 1)) {
        for (const variant of variants) {
          const hit = markupHit(item, variant.value, Math.min(variant.value.length, maxLength));
          if (hit !== undefined && (best === undefined || hit.confidence > best.confidence))
            [best, where] = [hit, variant];
        }
      }
      if (best === undefined || where === undefined) return [];
      const finding: Finding = {
        analyzer: ID,
        rule: best.rule,
        confidence: best.confidence,
        location: item.location,
        evidence: excerpt(where.value, best.at),
        transforms: where.transforms,
      };
      return [finding];
    },
  };
}
