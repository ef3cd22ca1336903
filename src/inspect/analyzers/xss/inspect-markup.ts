import { breakoutPrefix, RAW_TEXT_ELEMENTS } from './breakout-prefix.js';
import { isHtmlSpace, isQuote } from './char-class.js';
import { excerpt } from './excerpt.js';
import type { HtmlTag } from './html-tag.js';
import type { NestedMarkup } from './inspect-attribute.js';
import { inspectTag } from './inspect-tag.js';
import { readTag } from './read-tag.js';
import type { ScanContext } from './scan-context.js';
import { spelledTagAt } from './spelled-tag.js';
import { TagSpans } from './tag-spans.js';
import { XSS_RULES } from './xss-rules.js';

/** Bounds the work on a value with thousands of `<`; a payload needs a handful of tags. */
const MAX_TAGS = 256;
const MAX_DEPTH = 2;
/** How far a spelled-out tag name may reach: `< x : s c r i p t` and a little junk. */
const SPELLED_SPAN = 64;

function nestedMarkup(ctx: ScanContext): NestedMarkup {
  return (html, transforms) => {
    if (ctx.depth >= MAX_DEPTH || !ctx.budget.spend(html.length)) return;
    inspectMarkup({
      ...ctx,
      text: html,
      end: html.length,
      transforms,
      spans: new TagSpans(),
      depth: ctx.depth + 1,
    });
  };
}

// A value that opens with two or more comment closers, each perhaps after a quote (`"-->'-->`), feels
// for the comment to close, as a polyglot does; one `-->` alone may be an arrow.
function inspectCommentClosers(ctx: ScanContext): void {
  const { text, end } = ctx;
  let i = 0;
  let closers = 0;
  let first = -1;
  for (;;) {
    while (i < end && (isHtmlSpace(text.charCodeAt(i)) || isQuote(text.charCodeAt(i)))) i++;
    if (!text.startsWith('-->', i) || i + 3 > end) break;
    if (first < 0) first = i;
    closers++;
    i += 3;
  }
  if (closers < 2) return;
  ctx.hits.add({
    rule: XSS_RULES.breakout,
    confidence: 0.9,
    evidence: excerpt(text, first, end),
    transforms: ctx.transforms,
  });
}

// Inside MathML any element links with `xlink:href` (Firefox honoured it, script URLs included): a link
// there exists to be clicked, as a fragment-free `xlink:href` never is in honest math.
function inspectMathLink(ctx: ScanContext, tag: HtmlTag): void {
  const link = tag.attributes.find((a) => a.name === 'xlink:href');
  const target = link?.value?.trim() ?? '';
  if (target === '' || target.startsWith('#') || !ctx.hits.wants(XSS_RULES.dangerousTag, 0.9)) return;
  ctx.hits.add({
    rule: XSS_RULES.dangerousTag,
    confidence: 0.9,
    evidence: excerpt(ctx.text, tag.start, tag.end),
    transforms: ctx.transforms,
  });
}

/**
 * Every tag in the text, read from every `<` — also those inside attribute values and comments, since
 * another parser (or the page's own reparsing, mutation XSS) may start a tag there — then the way out
 * of the context the value landed in: `">`, `-->` or a raw-text end tag (`</title>`) before new markup.
 * @example inspectMarkup(ctx) // xss/attribute-breakout 1.0 for `"><svg/onload=alert(1)>`
 */
export function inspectMarkup(ctx: ScanContext): void {
  const { text, end } = ctx;
  const nested = nestedMarkup(ctx);
  let firstStart = -1;
  let rawTextEnd = -1;
  let rawTextEnds = 0;
  let startAfterRawText = false;
  const opened = new Set<string>();
  let math = false;
  inspectCommentClosers(ctx);
  let at = text.indexOf('<');
  for (let tags = 0; at >= 0 && at < end && tags < MAX_TAGS; at = text.indexOf('<', at + 1)) {
    const spelled = spelledTagAt(text, at, Math.min(end, at + SPELLED_SPAN));
    if (spelled !== undefined && ctx.hits.wants(XSS_RULES.obfuscatedTag, 0.9)) {
      ctx.hits.add({
        rule: XSS_RULES.obfuscatedTag,
        confidence: 0.9,
        evidence: excerpt(text, at, end),
        transforms: ctx.transforms,
      });
    }
    const tag = readTag(text, at, end);
    if (tag === undefined) continue;
    tags++;
    // `<ahref="javascript:…">`: an attribute glued to the tag name. Browsers read one odd element; a
    // filter that splits at the `=` sees a link, so what follows the `=` is read as loose text.
    ctx.spans.add(tag.start, tag.name.includes('=') ? text.indexOf('=', tag.start) : tag.end);
    inspectTag(ctx, tag, nested);
    if (math) inspectMathLink(ctx, tag);
    if (tag.kind === 'start') {
      if (tag.element === 'math') math = true;
      if (firstStart < 0) firstStart = tag.start;
      if (rawTextEnd >= 0) startAfterRawText = true;
      if (RAW_TEXT_ELEMENTS.has(tag.element)) opened.add(tag.element);
    } else if (tag.kind === 'end' && RAW_TEXT_ELEMENTS.has(tag.element) && !opened.has(tag.element)) {
      // Only an end tag for an element the value did not open itself closes the page's context.
      if (rawTextEnd < 0) rawTextEnd = tag.start;
      rawTextEnds++;
    }
  }
  // A run of raw-text end tags (`</title></textarea></script>`) is a polyglot feeling for its context.
  if (rawTextEnds >= 2) {
    ctx.hits.add({
      rule: XSS_RULES.breakout,
      confidence: 1,
      evidence: excerpt(text, rawTextEnd, end),
      transforms: ctx.transforms,
    });
  }
  if (firstStart < 0) return;
  const prefix = breakoutPrefix(text, firstStart);
  if (prefix < 0 && !startAfterRawText) return;
  // Breaking out into markup that can run script is certain; into mere formatting, an HTML injection.
  const confidence = ctx.hits.max >= 0.6 ? 1 : 0.7;
  const from = prefix >= 0 ? prefix : rawTextEnd;
  ctx.hits.add({
    rule: XSS_RULES.breakout,
    confidence,
    evidence: excerpt(text, from, end),
    transforms: ctx.transforms,
  });
}
