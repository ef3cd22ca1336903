import type { Finding } from '../../../core/index.js';
import type { Analyzer } from '../../analyzer.js';
import type { Inspectable, Variant } from '../../inspectable.js';
import { excerpt } from '../shared/excerpt.js';
import { readOptions } from '../shared/read-options.js';
import { findTemplateRegions, type TemplateRegion } from './find-template-regions.js';
import { judgeExpression, type Signal } from './judge-expression.js';
import { type SstiContext, sstiConfidence } from './ssti-confidence.js';
import { tokenizeExpression } from './tokenize-expression.js';

const ID = 'ssti';
const RULES: Readonly<Record<Signal, string>> = {
  strong: `${ID}/code-execution`,
  sink: `${ID}/code-execution`,
  statement: `${ID}/template-statement`,
  context: `${ID}/context-access`,
  probe: `${ID}/arithmetic-probe`,
  call: `${ID}/method-call`,
};
const END_TAG = /\{%-?\s*end|<%-?\s*end|\{\{\/|<\/#|\[\/#|#end\b/;
const FREE_TEXT_LENGTH = 200;
const SMARTY_PHP = /^\/?php$/i;

interface Hit {
  readonly rule: string;
  readonly confidence: number;
  readonly at: number;
}

function contextOf(item: Inspectable, value: string): SstiContext {
  switch (item.kind) {
    case 'body-text':
    case 'file-content':
      return 'text';
    case 'body-value':
      return value.length > FREE_TEXT_LENGTH || value.includes('\n') ? 'text' : 'field';
    case 'body-name':
      return 'field';
    default:
      return 'param';
  }
}

/** Prefer the more confident hit, and on a tie the one that names code execution. */
function stronger(a: Hit, b: Hit | undefined): boolean {
  if (b === undefined || a.confidence > b.confidence) return true;
  return a.confidence === b.confidence && a.rule === RULES.strong && b.rule !== RULES.strong;
}

/** Constructs that are attacks by their syntax alone, before any expression is judged. */
function syntaxHit(region: TemplateRegion, context: SstiContext): Hit | undefined {
  const confidence = context === 'text' ? 0.8 : 1;
  if (region.syntax === 'perl') return { rule: `${ID}/perl-interpolation`, confidence, at: region.start };
  if (region.syntax === 'smarty' && SMARTY_PHP.test(region.inner.trim())) {
    return { rule: `${ID}/smarty-php`, confidence, at: region.start };
  }
  return undefined;
}

// `'+#{16*8787}+'`: an expression spliced into a string of code between the quotes it closes and reopens,
// as deliberate as a value that is nothing else.
function concatenated(value: string, region: TemplateRegion): boolean {
  const open = value.slice(Math.max(0, region.start - 2), region.start);
  const close = value.slice(region.end, region.end + 2);
  return (open === "'+" && close === "+'") || (open === '"+' && close === '+"');
}

// Thymeleaf's inline expression of plain arithmetic (`[[5*5]]`), which it evaluates as `[[${5*5}]]`.
const INLINE_ARITHMETIC = /\[\[\s*\d{1,9}\s*[*+\x2f-]\s*\d{1,9}\s*\]\]/g;

function blankBetween(text: string): boolean {
  return text.replace(INLINE_ARITHMETIC, '').trim() === '';
}

/**
 * Whether nothing but blanks (and Thymeleaf's `[[5*5]]`) lies outside the regions: a value made of template
 * constructs alone (`{{4*4}}[[5*5]]`).
 */
function onlyTemplates(value: string, regions: readonly TemplateRegion[], end: number): boolean {
  if (regions.length === 0 || end < value.length) return false;
  let at = 0;
  let between = false;
  for (const region of regions) {
    if (region.start < at) continue;
    const gap = value.slice(at, region.start);
    if (!blankBetween(gap)) return false;
    between ||= gap.trim() !== '';
    at = region.end;
  }
  const rest = value.slice(at);
  return blankBetween(rest) && (regions.length > 1 || between || rest.trim() !== '');
}

function judgeRegion(
  region: TemplateRegion,
  value: string,
  context: SstiContext,
  alone: boolean,
): Hit | undefined {
  const bySyntax = syntaxHit(region, context);
  if (bySyntax !== undefined) return bySyntax;
  // A lone `{` or a bare `$x` is everywhere (JSON, CSS, prices): there only code execution counts, and
  // code execution there always calls something.
  // So does an unclosed delimiter: a stray `{{` or `<%` in prose swallows the text after it.
  const loose =
    region.syntax === 'smarty' ||
    region.syntax === 'reference' ||
    region.syntax === 'css-like' ||
    !region.closed;
  const lead = value.length - value.trimStart().length;
  const trail = value.trimEnd().length;
  // `*{95*7}`: a closed Thymeleaf selection holding only arithmetic is a probe; CSS never computes in
  // braces. Nor does anything else in a value that is one closed `{42*42}` and nothing more.
  const cssProbe =
    region.closed &&
    (region.syntax === 'css-like' ||
      (region.syntax === 'smarty' && region.start === lead && region.end >= trail));
  if (loose && !cssProbe && region.inner.indexOf('(') < 0 && region.inner.indexOf('`') < 0) return undefined;
  const judged = judgeExpression(tokenizeExpression(region.inner), region.statement);
  if (judged === undefined) return undefined;
  if (
    loose &&
    judged.signal !== 'strong' &&
    judged.signal !== 'sink' &&
    !(cssProbe && judged.signal === 'probe') &&
    // `{$smarty.version}` as the whole value: Smarty's own context object, asked for.
    !(cssProbe && region.syntax === 'smarty' && judged.signal === 'context')
  )
    return undefined;
  // Thymeleaf writes an expression inline as `[[${…}]]` or `[(${…})]`: the wrapper is part of it.
  const inline =
    region.start === lead + 2 &&
    (value.startsWith('[[', lead) || value.startsWith('[(', lead)) &&
    region.end === trail - 2 &&
    (value.startsWith(']]', region.end) || value.startsWith(')]', region.end));
  const whole =
    alone || inline || concatenated(value, region) || (region.start === lead && region.end >= trail);
  const closedBlock = judged.signal === 'statement' && END_TAG.test(value.slice(region.end));
  const confidence = sstiConfidence(judged.signal, { context, whole, closedBlock });
  return confidence > 0 ? { rule: RULES[judged.signal], confidence, at: region.start } : undefined;
}

const DELIMITED = /\{|<[%#]|\[#/;
const CALL_PREFIX = /[#$@]/;

/** Cheap gate: one or two regex scans rule out nearly every ordinary value. */
function mayHoldTemplate(s: string): boolean {
  if (DELIMITED.test(s)) return true;
  // Velocity directives, bare references and Razor do harm only through a call.
  return s.indexOf('(') >= 0 && CALL_PREFIX.test(s);
}

function analyzeVariant(item: Inspectable, variant: Variant, maxLength: number): Hit | undefined {
  const value = variant.value;
  if (!mayHoldTemplate(value)) return undefined;
  const end = Math.min(value.length, maxLength);
  const context = contextOf(item, value);
  let best: Hit | undefined;
  const regions = findTemplateRegions(value, end);
  // `{{4*4}}${5*5}`, `{{4*4}}[[5*5]]`: probes side by side, nothing else, are as deliberate as one alone.
  const alone = onlyTemplates(value, regions, end);
  for (const region of regions) {
    const hit = judgeRegion(region, value, context, alone);
    if (hit !== undefined && stronger(hit, best)) best = hit;
  }
  return best;
}

/**
 * Server-side template injection: finds the delimiters of Jinja/Twig, EL/SpEL, Freemarker, Velocity,
 * ERB/JSP, Thymeleaf, Smarty, Handlebars, Razor and Perl interpolation, tokenizes what is inside, and
 * reports code execution, reflection, context objects, control statements and arithmetic probes.
 * @example createSstiAnalyzer().analyzeValue?.(value) // `{{''.__class__.__mro__}}` → ssti/code-execution
 */
export function createSstiAnalyzer(options: Readonly<Record<string, unknown>> = {}): Analyzer {
  const { maxLength } = readOptions(ID, options);
  return {
    id: ID,
    // Needs markup, URLs, quotes, brackets, $ or line breaks: plain text holds none of them.
    quietOnPlainText: true,
    analyzeValue({ item, variants }) {
      let best: { hit: Hit; variant: Variant } | undefined;
      for (const variant of variants) {
        const hit = analyzeVariant(item, variant, maxLength);
        if (hit !== undefined && stronger(hit, best?.hit)) best = { hit, variant };
        if (best !== undefined && best.hit.confidence >= 1) break;
      }
      if (best === undefined) return [];
      const finding: Finding = {
        analyzer: ID,
        rule: best.hit.rule,
        confidence: best.hit.confidence,
        location: item.location,
        evidence: excerpt(best.variant.value, best.hit.at),
        transforms: best.variant.transforms,
      };
      return [finding];
    },
  };
}
