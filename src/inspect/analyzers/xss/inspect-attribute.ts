import { htmlEntities } from '../../normalize/html-entities.js';
import { callsSink } from './calls-sink.js';
import { cssDanger } from './css-danger.js';
import { dataTypeRisk } from './data-type-risk.js';
import { dataUrlPayload } from './data-url-payload.js';
import { excerpt } from './excerpt.js';
import { decodeCssEscapes } from './fold-css.js';
import type { HtmlAttribute, HtmlTag } from './html-tag.js';
import { inspectLooseHandlers } from './inspect-loose-handlers.js';
import { refreshTargets } from './inspect-meta.js';
import { looksLikeCode } from './looks-like-code.js';
import type { ScanContext } from './scan-context.js';
import { mayEndScheme, schemeAt, schemeBefore } from './script-scheme.js';
import { smugglesDeclaration } from './style-smuggling.js';
import { TagSpans } from './tag-spans.js';
import { XSS_RULES } from './xss-rules.js';

/** Runs the markup checks over HTML found inside an attribute value (srcdoc, entity-encoded markup). */
export type NestedMarkup = (html: string, transforms: readonly string[]) => void;

// Attributes shown as text: a script URL there is inert unless it also reads as code.
const TEXT_ATTRIBUTES = new Set([
  'title',
  'alt',
  'value',
  'placeholder',
  'label',
  'name',
  'id',
  'class',
  'summary',
]);
// Elements whose images cannot run script even when the image is an SVG document.
const MAX_DEPTH = 2;
const IMAGE_ELEMENTS = new Set(['img', 'image', 'input', 'picture', 'source']);
// Raster images, audio, video and fonts: media a data URL commonly and harmlessly embeds, not worth decoding.
const INERT_DATA = /^\s*(image\/(png|jpe?g|gif|webp|avif|bmp|x-icon)|audio\/|video\/|font\/)/i;

function add(
  ctx: ScanContext,
  rule: string,
  confidence: number,
  evidence: string,
  transforms: readonly string[],
): void {
  if (ctx.hits.wants(rule, confidence))
    ctx.hits.add({ rule, confidence, evidence: excerpt(evidence), transforms });
}

// A script URL starting the value (or a refresh target) counts whole; one further in, only with code after
// it. A `data:` URL counts by its media type; the document it carries is read as markup on its own.
function schemeWeight(value: string, from: number, shown: boolean, image: boolean, deep: boolean): number {
  const scheme = schemeAt(value, from);
  if (scheme !== undefined) {
    if (scheme.scheme === 'data') return shown ? 0 : dataTypeRisk(value, scheme.colon, image);
    if (!shown) return 1;
    return looksLikeCode(value.slice(scheme.colon + 1)) ? 0.9 : 0;
  }
  if (shown || !deep) return 0;
  for (let colon = value.indexOf(':', from + 1); colon >= 0; colon = value.indexOf(':', colon + 1)) {
    if (!mayEndScheme(value, colon)) continue;
    const inner = schemeBefore(value, colon);
    if (inner !== undefined && inner.scheme !== 'data' && looksLikeCode(value.slice(colon + 1))) return 0.9;
  }
  return 0;
}

const EXPRESSION_PREFIXES = [
  'ng-',
  'data-ng-',
  'x-ng-',
  'ng:',
  'v-on:',
  'v-bind:',
  '@',
  ':',
  'x-on:',
  'x-init',
  'x-data',
  'x-effect',
  'hx-on',
  'data-bind',
];

function isExpressionAttribute(name: string): boolean {
  return EXPRESSION_PREFIXES.some((prefix) => name.startsWith(prefix));
}

// A style value whose CSS escapes spell markup (`font-family:'\\22\\3e\\3cimg…'`) comes back out as that
// markup when the browser serializes the style again (mutation XSS): read it as HTML.
function inspectEscapedMarkup(value: string, transforms: readonly string[], nested: NestedMarkup): void {
  let css = value;
  for (let round = 0; round < 2 && css.includes('\\'); round++) {
    css = decodeCssEscapes(css);
    if (css.includes('<')) {
      nested(css, [...transforms, 'css-unescape']);
      return;
    }
  }
}

function inspectDataPayload(
  value: string,
  from: number,
  transforms: readonly string[],
  nested: NestedMarkup,
): void {
  const scheme = schemeAt(value, from);
  if (scheme?.scheme !== 'data' || INERT_DATA.test(value.slice(scheme.colon + 1, scheme.colon + 16))) return;
  const payload = dataUrlPayload(value, scheme.colon);
  // The nested scan pays for the payload; `nested` refuses it when the budget is spent.
  if (payload?.includes('<')) nested(payload, [...transforms, 'data-url-decode']);
}

/**
 * The checks on one attribute value, decoded as the browser decodes it (character references): a script
 * URL in any URL-bearing attribute or a meta refresh, dangerous CSS in `style`, markup inside `srcdoc`,
 * `data:` URLs and entity-encoded values (read again as HTML), `formaction`, and SVG animations that set
 * a handler.
 * @example inspectAttribute(ctx, tag, { name: 'href', value: 'jav&#x09;ascript:alert(1)', at: 3 }, nested)
 */
export function inspectAttribute(
  ctx: ScanContext,
  tag: HtmlTag,
  attribute: HtmlAttribute,
  nested: NestedMarkup,
): void {
  const raw = attribute.value;
  if (raw === undefined || raw === '') return;
  // Values are read in depth while the scan's budget lasts; past it (a value built of huge attributes)
  // only the checks at each value's start remain.
  const deep = ctx.budget.spend(raw.length);
  let value = raw;
  let transforms = ctx.transforms;
  if (deep && raw.includes('&')) {
    const decoded = htmlEntities.apply(raw);
    if (decoded.changed) {
      value = decoded.value;
      transforms = [...ctx.transforms, htmlEntities.name];
    }
  }
  const local = attribute.name.slice(attribute.name.lastIndexOf(':') + 1);
  const evidence = `${attribute.name}=${value.slice(0, 64)}`;
  const shown = TEXT_ATTRIBUTES.has(local) && tag.element !== 'param';
  let url = schemeWeight(value, 0, shown, IMAGE_ELEMENTS.has(tag.element), deep);
  if (deep && !shown) inspectDataPayload(value, 0, transforms, nested);
  if (deep && tag.element === 'meta' && local === 'content') {
    for (const target of refreshTargets(value)) {
      url = Math.max(url, schemeWeight(value, target, false, false, true));
      inspectDataPayload(value, target, transforms, nested);
    }
  }
  if (url > 0) add(ctx, XSS_RULES.scriptUrl, url, evidence, transforms);
  if (deep && local === 'style') {
    const danger = cssDanger(value, true);
    if (danger !== undefined)
      add(ctx, XSS_RULES.cssInjection, danger.confidence, `style=${danger.evidence}`, transforms);
    // A declaration smuggled past the style's own (`font-family:foo}color:red`) restyles the page as the
    // attacker likes: old parsers disagree on where it ends.
    if (smugglesDeclaration(value)) add(ctx, XSS_RULES.cssInjection, 0.9, evidence, transforms);
    inspectEscapedMarkup(value, transforms, nested);
  }
  if (local === 'formaction') add(ctx, XSS_RULES.dangerousTag, 0.85, evidence, transforms);
  // Netscape's JavaScript entities (`size="&{alert(1)};"`) ran the code between the braces.
  const entity = raw.indexOf('&{');
  if (entity >= 0) {
    const close = raw.indexOf('}', entity);
    if (callsSink(raw.slice(entity + 2, close < 0 ? undefined : close)))
      add(ctx, XSS_RULES.jsSink, 1, evidence, transforms);
  }
  // IE data binding renders the bound data island as markup: certain once it names its source.
  if (local === 'dataformatas' && value.trim().toLowerCase() === 'html') {
    const bound = tag.attributes.some((a) => a.name === 'datasrc');
    add(ctx, XSS_RULES.dangerousTag, bound ? 0.9 : 0.7, evidence, transforms);
  }
  const animated = local === 'attributename' ? value.trim().toLowerCase() : '';
  if (animated.startsWith('on')) add(ctx, XSS_RULES.eventHandler, 1, evidence, transforms);
  // An SVG animation that rewrites a link's target swaps the URL after any filter has read it.
  else if (animated === 'href' || animated.endsWith(':href'))
    add(ctx, XSS_RULES.dangerousTag, 0.9, evidence, transforms);
  if (local === 'srcdoc') add(ctx, XSS_RULES.dangerousTag, 0.9, evidence, transforms);
  const namespace = attribute.name === 'xmlns' || attribute.name.startsWith('xmlns:') || local === 'ns';
  if (namespace) {
    const uri = value.trim().toLowerCase();
    // IE fetched an `x-schema:` namespace as a schema, and `urn:…:time` switched on HTML+TIME, whose
    // animations set any attribute (innerHTML among them).
    if (uri.startsWith('x-schema:')) add(ctx, XSS_RULES.dangerousTag, 0.9, evidence, transforms);
    else if (uri.startsWith('urn:schemas-microsoft-com:time'))
      add(ctx, XSS_RULES.dangerousTag, 0.7, evidence, transforms);
  }
  // Client frameworks evaluate these attributes as expressions (`ng-focus`, `@click`, `x-init`).
  if (isExpressionAttribute(attribute.name) && (value.includes('constructor') || callsSink(value))) {
    add(ctx, XSS_RULES.templateGadget, 1, evidence, transforms);
  }
  if (!deep) return;
  // Markup folded into a value (`xmlns="x:img src=x onerror=alert(1)"`) may come out as attributes later.
  if (value.includes('=') && ctx.depth < MAX_DEPTH) {
    inspectLooseHandlers({
      ...ctx,
      text: value,
      end: value.length,
      transforms,
      spans: new TagSpans(),
      depth: ctx.depth + 1,
    });
  }
  if (local === 'srcdoc' || (value !== raw && value.includes('<'))) nested(value, transforms);
}
