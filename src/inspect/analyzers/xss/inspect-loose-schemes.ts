import { isLetter, isQuote, isSpace } from './char-class.js';
import { dataTypeRisk } from './data-type-risk.js';
import { dataUrlPayload } from './data-url-payload.js';
import { excerpt } from './excerpt.js';
import { inspectMarkup } from './inspect-markup.js';
import { looksLikeCode } from './looks-like-code.js';
import type { ScanBudget } from './scan-budget.js';
import type { ScanContext } from './scan-context.js';
import { mayEndScheme, type SchemeMatch, schemeBefore } from './script-scheme.js';
import { TagSpans } from './tag-spans.js';
import { XSS_RULES } from './xss-rules.js';

const MAX_TAIL = 256;
// Characters after which a URL starts inside code or markup: `x=javascript:`, `url(javascript:`, `'javascript:`.
const URL_OPENERS = new Set([...'=("\'`[,:;>/{'].map((c) => c.charCodeAt(0)));

function atValueStart(s: string, start: number): boolean {
  for (let i = 0; i < start; i++) {
    const c = s.charCodeAt(i);
    if (!isSpace(c) && !isQuote(c) && c >= 0x20) return false;
  }
  return true;
}

// Two plain words in a row: a sentence, not a URL.
function isProse(tail: string): boolean {
  let run = 0;
  let wordBehind = false;
  for (let i = 0; i < tail.length && i < 64; i++) {
    const c = tail.charCodeAt(i);
    if (isLetter(c)) {
      if (++run >= 2 && wordBehind) return true;
    } else if (isSpace(c)) {
      if (run >= 2) wordBehind = true;
      run = 0;
    } else {
      run = 0;
      wordBehind = false;
    }
  }
  return false;
}

// `data:,<x>`: a data URL without a media type (plain text to a browser) whose body is markup is written
// for a sniffing or reflecting context, never as an honest link.
function untypedMarkup(s: string, colon: number, end: number): boolean {
  let i = colon + 1;
  while (i < end && isSpace(s.charCodeAt(i))) i++;
  if (s.charCodeAt(i) !== 44) return false; // ,
  const lt = s.indexOf('<', i);
  return lt >= 0 && lt < Math.min(end, i + MAX_TAIL) && isLetter(s.charCodeAt(lt + 1));
}

function weigh(s: string, m: SchemeMatch, end: number, budget: ScanBudget): number {
  const atStart = atValueStart(s, m.start);
  if (m.scheme === 'data') {
    const risk = dataTypeRisk(s, m.colon, false) * (atStart ? 1 : 0.8);
    return atStart && risk < 0.9 && untypedMarkup(s, m.colon, end) ? 0.9 : risk;
  }
  const tail = s.slice(m.colon + 1, Math.min(end, m.colon + 1 + MAX_TAIL));
  const code = budget.spend(tail.length) && looksLikeCode(tail);
  if (atStart) {
    if (code) return 1;
    // A backslash after the scheme is a JavaScript escape: code written not to be read.
    if (m.obfuscated || tail.includes('\\')) return 0.9;
    if (tail.trim() === '') return 0.6;
    // Nobody writes `vbscript:` in prose; `javascript: the good parts` is a book, `javascript:x` is not.
    if (m.scheme !== 'javascript') return 0.85;
    return isProse(tail) ? 0 : 0.7;
  }
  if (code) return URL_OPENERS.has(s.charCodeAt(m.start - 1)) ? 1 : 0.7;
  return m.obfuscated ? 0.8 : 0;
}

// The document a data URL carries speaks for itself: `data:text/html;base64,PHNjcmlwdD4…` holds a script.
function inspectPayload(ctx: ScanContext, url: string, colon: number): void {
  const payload = dataUrlPayload(url, colon);
  if (payload === undefined || !payload.includes('<') || ctx.depth >= 2 || !ctx.budget.spend(payload.length))
    return;
  const transforms = [...ctx.transforms, 'data-url-decode'];
  inspectMarkup({
    ...ctx,
    text: payload,
    end: payload.length,
    transforms,
    spans: new TagSpans(),
    depth: ctx.depth + 1,
  });
}

/**
 * Script URLs outside tags: a value that is a `javascript:`/`vbscript:` URL (what an href or src field
 * would render), or one embedded after `=`, `(` or a quote with code after it; active `data:` URLs.
 * @example inspectLooseSchemes(ctx) // xss/script-url 1.0 for `javascript:alert(1)`
 */
export function inspectLooseSchemes(ctx: ScanContext): void {
  const { text, end } = ctx;
  let colon = text.indexOf(':');
  while (colon >= 0 && colon < end && ctx.hits.max < 1) {
    if (mayEndScheme(text, colon) && !ctx.spans.covers(colon)) {
      const m = schemeBefore(text, colon);
      const confidence = m === undefined ? 0 : weigh(text, m, end, ctx.budget);
      if (m !== undefined && confidence > 0) {
        if (ctx.hits.wants(XSS_RULES.scriptUrl, confidence))
          ctx.hits.add({
            rule: XSS_RULES.scriptUrl,
            confidence,
            evidence: excerpt(text, m.start, end),
            transforms: ctx.transforms,
          });
        if (m.scheme === 'data') inspectPayload(ctx, text.slice(m.start, end), m.colon - m.start);
      }
    }
    colon = text.indexOf(':', colon + 1);
  }
}
