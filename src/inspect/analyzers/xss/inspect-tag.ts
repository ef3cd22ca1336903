import { callsSink } from './calls-sink.js';
import { isLetter, isQuote } from './char-class.js';
import { cssDanger } from './css-danger.js';
import { DANGEROUS_ELEMENTS } from './dangerous-elements.js';
import { EVENT_NAMES } from './event-names.js';
import { excerpt } from './excerpt.js';
import { isFieldValue } from './field-value.js';
import { pointsElsewhere } from './foreign-schema.js';
import { handlerEvent } from './handler-event.js';
import type { HtmlTag } from './html-tag.js';
import { inspectAttribute, type NestedMarkup } from './inspect-attribute.js';
import { metaRisk } from './inspect-meta.js';
import { isScriptLike } from './is-script-like.js';
import { looksLikeCode } from './looks-like-code.js';
import type { ScanContext } from './scan-context.js';
import { XSS_RULES } from './xss-rules.js';

const CONTENT = 2048;
// Characters that make the text after `<script>` code rather than a word in a sentence about the tag.
const CODE_CHARACTERS = new Set([40, 61, 91, 123, 96, 59]); // ( = [ { ` ;

// The text of a raw-text element: up to its end tag, or a bounded stretch when there is none.
function contentOf(ctx: ScanContext, tag: HtmlTag): string {
  const { text } = ctx;
  const stop = Math.min(ctx.end, tag.end + CONTENT);
  let close = text.indexOf('</', tag.end);
  while (
    close >= 0 &&
    close < stop &&
    text.slice(close + 2, close + 2 + tag.element.length).toLowerCase() !== tag.element
  ) {
    close = text.indexOf('</', close + 2);
  }
  return text.slice(tag.end, close < 0 || close > stop ? stop : close);
}

// `onload!#$%`: a known handler name, then punctuation no attribute name carries.
const TRAILED_HANDLER = /^on([a-z]{3,24})[!#$%&()*~+,;?@[\]^`|\\]/i;

function isTrailedHandler(name: string): boolean {
  const m = TRAILED_HANDLER.exec(name);
  return m !== null && EVENT_NAMES.has(m[1]!.toLowerCase());
}

function hasOtherTag(text: string, tag: HtmlTag): boolean {
  for (let at = text.indexOf('<'); at >= 0; at = text.indexOf('<', at + 1)) {
    if (at !== tag.start && isLetter(text.charCodeAt(at + 1))) return true;
  }
  return false;
}

// A script element is certain when it has attributes, code after it, or sits among other markup; closed
// around one word it blocks; alone in a sentence (`use <script> tags`) it is only strong.
function scriptConfidence(ctx: ScanContext, tag: HtmlTag): number {
  if (tag.attributes.length > 0 || tag.name !== tag.element || hasOtherTag(ctx.text, tag)) return 1;
  const content = contentOf(ctx, tag);
  for (let i = 0; i < content.length && i < 256; i++) {
    const c = content.charCodeAt(i);
    if (CODE_CHARACTERS.has(c) || isQuote(c)) return 1;
  }
  // `<script>aaa</script>`: a whole element around one word, tight, is a probe of what the page echoes;
  // `between <script> and </script>` puts words of a sentence there.
  const closed = ctx.text.startsWith('</', tag.end + content.length);
  return closed && content !== '' && !/\s/.test(content) ? 0.9 : 0.8;
}

// `{() => f(1)}` is one JSX expression; `{window.onerror=eval}throw/0/+name` goes on after its block.
function isJsxExpression(code: string): boolean {
  let depth = 0;
  for (let i = 0; i < code.length; i++) {
    const c = code.charCodeAt(i);
    if (c === 123) depth++;
    else if (c === 125 && --depth === 0) return code.slice(i + 1).trim() === '';
  }
  return true;
}

// Any code in a handler runs, but a JSX expression in a code sample (`onClick={() => setCount(1)}`)
// reads the same: braces without a sink or script URL in them are strong, not certain.
function handlerWeight(value: string, known: boolean): number {
  const code = value.trimStart();
  if (code.startsWith('{') && !callsSink(code) && !code.includes('javascript:') && isJsxExpression(code))
    return 0.8;
  // `<x onxxx=1`: a made-up handler name with a value probes which `on…` attributes a filter lets through.
  return known || isScriptLike(value) ? 1 : 0.9;
}

// Schemes that frame another origin's source or an archive part instead of a page: IE's MHTML handler
// (a cross-origin read) and `view-source:` (a frame built to be clicked through).
const FRAMING_SCHEMES = ['mhtml:', 'view-source:'];
const FRAMES = new Set(['iframe', 'frame', 'object', 'embed']);
const COOKIE_KINDS = new Set(['cookie-value', 'cookie-name']);
// Media a player shows without running anything (SVG and PDF documents may script).
const INERT_TYPES = /^\s*(video|audio)\/|^\s*image\/(png|jpe?g|gif|webp|avif|bmp)/;

function framesSource(tag: HtmlTag): boolean {
  if (!FRAMES.has(tag.element)) return false;
  return tag.attributes.some((a) => {
    if ((a.name !== 'src' && a.name !== 'data') || a.value === undefined) return false;
    const url = a.value.trimStart().toLowerCase();
    return FRAMING_SCHEMES.some((scheme) => url.startsWith(scheme));
  });
}

// Attributes whose URL the browser fetches or submits to.
const URL_ATTRIBUTES = new Set([
  'src',
  'href',
  'action',
  'formaction',
  'background',
  'poster',
  'data',
  'srcset',
]);
const ELSEWHERE = /^\s*(?:https?:)?\/\/[^\x2f\s]/i;

function danglesToElsewhere(tag: HtmlTag): boolean {
  // A link sends nothing until clicked: a post cut off inside one (`<a href="https://…`) is common.
  if (tag.element === 'a' || tag.element === 'area') return false;
  const last = tag.attributes[tag.attributes.length - 1];
  if (last?.unclosed !== true) return false;
  return tag.attributes.some(
    (a) => URL_ATTRIBUTES.has(a.name) && a.value !== undefined && ELSEWHERE.test(a.value),
  );
}

function elementRisk(tag: HtmlTag): number {
  if (tag.element === 'meta') return metaRisk(tag);
  const risk = DANGEROUS_ELEMENTS.get(tag.element);
  if (risk === undefined) return 0;
  if (tag.element === 'link') {
    const rel = tag.attributes.find((a) => a.name === 'rel')?.value?.toLowerCase() ?? '';
    // An HTML import runs its scripts; a stylesheet from elsewhere reads the page through its selectors.
    if (rel.includes('import')) return 0.9;
    if (rel.includes('stylesheet') && tag.attributes.some((a) => a.name === 'href' && a.value?.trim()))
      return 0.9;
  }
  const type = tag.attributes.find((a) => a.name === 'type')?.value?.toLowerCase() ?? '';
  // An IE scriptlet is a script file whatever element loads it; a script type on a link loads a script.
  if (type.includes('scriptlet')) return 1;
  if (type.includes('javascript') || type.includes('vbscript')) return 0.9;
  if (framesSource(tag)) return 0.9;
  // `<object data="clip.mp4" type="video/mp4">`: a media player, as an honest page embeds one.
  if (INERT_TYPES.test(type)) return Math.min(risk.alone, 0.75);
  const loads = risk.loads?.some((name) => tag.attributes.some((a) => a.name === name)) ?? false;
  // `<iframe src=//x <`: a frame left open at a `<`, to be closed by the page's next `>`, past filters
  // that wait for the tag's end.
  if (loads && FRAMES.has(tag.element) && !tag.closed && tag.attributes.some((a) => a.name.startsWith('<')))
    return 0.9;
  return loads ? (risk.loaded ?? risk.alone) : risk.alone;
}

function inspectStyleElement(
  ctx: ScanContext,
  tag: HtmlTag,
  add: (rule: string, confidence: number) => void,
): void {
  const type = tag.attributes.find((a) => a.name === 'type')?.value?.toLowerCase() ?? '';
  const content = contentOf(ctx, tag);
  if (!ctx.budget.spend(content.length)) return;
  // Netscape ran `<style type="text/javascript">` as script.
  if (type.includes('javascript')) add(XSS_RULES.scriptTag, looksLikeCode(content) ? 1 : 0.9);
  const danger = cssDanger(content, true);
  if (danger !== undefined) {
    ctx.hits.add({
      rule: XSS_RULES.cssInjection,
      confidence: danger.confidence,
      evidence: excerpt(danger.evidence),
      transforms: ctx.transforms,
    });
  }
}

/**
 * The checks on one tag: `<script>`, event-handler attributes, each attribute's value, `<style>` content,
 * and elements that load or redirect without script. On end tags only handlers count: browsers ignore
 * their attributes, but `</a onmousemove=alert(1)>` has no other reason to exist.
 * @example inspectTag(ctx, readTag('<img src=x onerror=alert(1)>', 0, 28)!, nested) // xss/event-handler 1.0
 */
export function inspectTag(ctx: ScanContext, tag: HtmlTag, nested: NestedMarkup): void {
  const add = (rule: string, confidence: number): void => {
    if (!ctx.hits.wants(rule, confidence)) return;
    ctx.hits.add({
      rule,
      confidence,
      evidence: excerpt(ctx.text, tag.start, tag.end),
      transforms: ctx.transforms,
    });
  };
  if (tag.kind === 'start' && tag.element === 'script') add(XSS_RULES.scriptTag, scriptConfidence(ctx, tag));
  else if (tag.element === 'scriptlet') add(XSS_RULES.scriptTag, 0.9);
  else if (tag.kind === 'start' && tag.element === 'style') inspectStyleElement(ctx, tag, add);
  // An XML Events `<handler>` holds script like `<script>` does, and old IE's XSL `<eval>` runs its text.
  else if (tag.kind === 'start' && tag.element === 'handler' && looksLikeCode(contentOf(ctx, tag)))
    add(XSS_RULES.scriptTag, 1);
  else if (tag.kind === 'start' && tag.element === 'eval' && looksLikeCode(contentOf(ctx, tag)))
    add(XSS_RULES.scriptTag, 0.9);
  // `<BODY onload!#$%&()*~+-_.,:;?@[/|\]^\`=alert(1)>`: a handler name trailed by punctuation that old parsers
  // dropped, with script in the tag: no page writes an attribute name so.
  if (tag.kind === 'start' && tag.attributes.some((a) => isTrailedHandler(a.name))) {
    if (tag.attributes.some((a) => a.value !== undefined && isScriptLike(a.value)))
      add(XSS_RULES.eventHandler, 0.9);
  }
  for (const attribute of tag.attributes) {
    const event = handlerEvent(attribute.name);
    if (event !== undefined) {
      const known = EVENT_NAMES.has(event);
      const valued = attribute.value !== undefined && attribute.value.trim() !== '';
      // `<x onend=` cut off after the `=`: a probe for which handler names get through.
      const probe = attribute.value === '' && !tag.closed;
      add(
        XSS_RULES.eventHandler,
        valued ? handlerWeight(attribute.value!, known) : known ? (probe ? 0.9 : 0.85) : 0.6,
      );
    } else if (attribute.name.endsWith(':handler') && attribute.value !== undefined) {
      // XML Events (`ev:event="load" ev:handler="#x"`) bind a handler to any element.
      add(XSS_RULES.eventHandler, 0.9);
    }
    if (tag.kind !== 'end') inspectAttribute(ctx, tag, attribute, nested);
    if (
      attribute.value !== undefined &&
      attribute.name.toLowerCase().endsWith(':schemalocation') &&
      pointsElsewhere(attribute.value) &&
      isFieldValue(ctx.kind, ctx.location)
    )
      add(XSS_RULES.dangerousTag, 0.9);
  }
  // `<img src="//evil?`, `<iframe src=//x name="`: a quote left open sends the page's own markup, up to its
  // next quote (tokens, form fields), to another host (dangling markup).
  if (tag.kind === 'start' && !tag.closed && danglesToElsewhere(tag)) add(XSS_RULES.dangerousTag, 0.9);
  if (tag.kind !== 'end') {
    // Cookies come back as the server set them: one holding an active element was planted.
    const risk = elementRisk(tag);
    // A field not named for text or markup has no use for an element that loads or restyles the page.
    const planted =
      (COOKIE_KINDS.has(ctx.kind) && risk >= 0.6) || (risk >= 0.7 && isFieldValue(ctx.kind, ctx.location));
    add(XSS_RULES.dangerousTag, planted ? 0.9 : risk);
  }
}
