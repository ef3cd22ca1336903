import { breakoutPrefix, RAW_TEXT_ELEMENTS } from './breakout-prefix.js';
import { excerpt } from './excerpt.js';
import type { NestedMarkup } from './inspect-attribute.js';
import { inspectTag } from './inspect-tag.js';
import { readTag } from './read-tag.js';
import type { ScanContext } from './scan-context.js';
import { TagSpans } from './tag-spans.js';
import { XSS_RULES } from './xss-rules.js';

/** Bounds the work on a value with thousands of `<`; a payload needs a handful of tags. */
const MAX_TAGS = 256;
const MAX_DEPTH = 2;

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
  let at = text.indexOf('<');
  for (let tags = 0; at >= 0 && at < end && tags < MAX_TAGS; at = text.indexOf('<', at + 1)) {
    const tag = readTag(text, at, end);
    if (tag === undefined) continue;
    tags++;
    ctx.spans.add(tag.start, tag.end);
    inspectTag(ctx, tag, nested);
    if (tag.kind === 'start') {
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
