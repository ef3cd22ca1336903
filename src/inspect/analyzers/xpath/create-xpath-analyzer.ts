import type { Finding } from '../../../core/index.js';
import type { Analyzer } from '../../analyzer.js';
import type { Inspectable, Variant } from '../../inspectable.js';
import { excerpt } from '../shared/excerpt.js';
import { readOptions } from '../shared/read-options.js';
import { findXpathSyntax, type XpathSignal } from './find-xpath-syntax.js';

const ID = 'xpath';
const FREE_TEXT_LENGTH = 200;
/** Confidence of XPath syntax alone; a quote breakout before it makes any of them unmistakable. */
const ALONE: Readonly<Record<XpathSignal, number>> = {
  'doc-function': 0.9,
  'node-function': 0.85,
  'union-path': 0.8,
  'axis-step': 0.8,
  'predicate-path': 0.6,
};
/** A closed string followed by `]`, `)`, `|`, `and` or `or`: the value leaves its XPath string literal. */
const BREAKOUT = /['"]\s*(?:[\])|]|(?:and|or)\b)/i;

function isFreeText(item: Inspectable, value: string): boolean {
  if (item.kind === 'body-text' || item.kind === 'file-content') return true;
  return item.kind === 'body-value' && (value.length > FREE_TEXT_LENGTH || value.includes('\n'));
}

function mayHoldXpath(s: string): boolean {
  return s.indexOf('(') >= 0 || s.indexOf('|') >= 0 || s.indexOf('::') >= 0 || s.indexOf('[') >= 0;
}

/**
 * XPath injection, by syntax only XPath has (the `' or '1'='1` it shares with SQL is the SQLi
 * analyzer's): node-set functions on paths, document functions, path unions, axes and predicates,
 * certain after a quote breakout.
 * @example createXpathAnalyzer().analyzeValue?.(value) // `' and count(/*)=1 and '1'='1` → xpath/node-function
 */
export function createXpathAnalyzer(options: Readonly<Record<string, unknown>> = {}): Analyzer {
  const { maxLength } = readOptions(ID, options);
  return {
    id: ID,
    // Needs markup, URLs, quotes, brackets, $ or line breaks: plain text holds none of them.
    quietOnPlainText: true,
    analyzeValue({ item, variants }) {
      let best: { confidence: number; signal: XpathSignal; at: number; variant: Variant } | undefined;
      for (const variant of variants) {
        const end = Math.min(variant.value.length, maxLength);
        if (!mayHoldXpath(variant.value)) continue;
        const hit = findXpathSyntax(variant.value, end);
        if (hit === undefined) continue;
        const broken = BREAKOUT.test(variant.value.slice(0, hit.at));
        const confidence = (broken ? 1 : ALONE[hit.signal]) * (isFreeText(item, variant.value) ? 0.5 : 1);
        if (best === undefined || confidence > best.confidence) best = { confidence, ...hit, variant };
        if (confidence >= 1) break;
      }
      if (best === undefined) return [];
      const finding: Finding = {
        analyzer: ID,
        rule: `${ID}/${best.signal}`,
        confidence: best.confidence,
        location: item.location,
        evidence: excerpt(best.variant.value, Math.max(0, best.at - 16)),
        transforms: best.variant.transforms,
      };
      return [finding];
    },
  };
}
