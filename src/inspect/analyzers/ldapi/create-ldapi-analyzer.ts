import type { Finding } from '../../../core/index.js';
import type { Analyzer } from '../../analyzer.js';
import type { Inspectable, Variant } from '../../inspectable.js';
import { excerpt } from '../shared/excerpt.js';
import { readOptions } from '../shared/read-options.js';
import { type FilterBreakout, findAppendedFilter, findFilterBreakout } from './find-filter-breakout.js';
import { LDAP_ATTRIBUTES } from './ldap-attributes.js';
import { readFilterItem } from './read-filter-item.js';

const ID = 'ldapi';
const RULE = `${ID}/filter-breakout`;
const EXTENSIBLE_RULE = `${ID}/extensible-match`;
const FREE_TEXT_LENGTH = 200;
/** Blanks and the filter operators `&`, `|`, `!`. */
const OPERATOR_OR_BLANK = new Set([32, 9, 10, 13, 38, 124, 33]);

function isFreeText(item: Inspectable, value: string): boolean {
  if (item.kind === 'body-text' || item.kind === 'file-content') return true;
  return item.kind === 'body-value' && (value.length > FREE_TEXT_LENGTH || value.includes('\n'));
}

/**
 * Structure decides: a new compound filter, an absolute filter, a wildcard presence test, an LDAP-only
 * comparison operator or a well-known attribute is a payload; `x) (price=10)` in prose is less sure.
 */
function confidenceOf(breakout: FilterBreakout, freeText: boolean): number {
  const { shape, attribute, operator } = breakout.item;
  const unmistakable = shape !== 'comparison' || operator !== '=' || LDAP_ATTRIBUTES.has(attribute);
  if (freeText) return unmistakable ? 0.6 : 0.3;
  return unmistakable ? 1 : 0.85;
}

/** Cheap gate: some `)` is followed (after blanks and `&`/`|`/`!`) by a `(`. */
function mayBreakOut(s: string, end: number): boolean {
  for (let i = s.indexOf(')'); i >= 0 && i < end; i = s.indexOf(')', i + 1)) {
    let j = i + 1;
    while (j < end && j - i < 16 && OPERATOR_OR_BLANK.has(s.charCodeAt(j))) j++;
    if (s.charCodeAt(j) === 40) return true;
  }
  return false;
}

// `userPassword:2.5.13.18:=123`, `cn:dn:caseExactMatch:=x`: a bare extensible match, a matching rule named by
// its OID — LDAP's own syntax, which a value holds only when it is written to become part of the
// application's filter. (A whole filter in parentheses is what an LDAP query tool takes.)
const EXTENSIBLE_MATCH =
  /^[A-Za-z][\w-]{0,63}(?::dn)?:\d+(?:\.\d+){3,}:=|^[A-Za-z][\w-]{0,63}:dn:[A-Za-z]\w{0,63}:=/;
const CONSTANT_ITEM = /\(\s*\d{1,9}\s*=\s*\d{0,9}\s*\)/;
const COMPOUND = /\([&|!]\s*\(/;

// `*(|(mail=*))`: a compound filter glued to an assertion value (a `*` or a word right before its `(`).
const NESTED = /[^\s()](?=\([&|!]\s*\()/g;

/**
 * A compound filter opened inside the assertion value the application quotes, `(cn=*(|(mail=*)))`, with a
 * filter item inside it: the nested form of a breakout, which lenient filter parsers read as one.
 */
function findNestedFilter(s: string, end: number): number {
  NESTED.lastIndex = 0;
  for (let m = NESTED.exec(s); m !== null && m.index < end; m = NESTED.exec(s)) {
    const open = m.index + 1;
    let inner = open + 2;
    while (inner < end && s.charCodeAt(inner) !== 40) inner++;
    const item = readFilterItem(s, inner, end);
    if (item !== undefined && item.shape !== 'comparison') return m.index;
    if (item !== undefined && (item.operator !== '=' || LDAP_ATTRIBUTES.has(item.attribute))) return m.index;
  }
  return -1;
}

/**
 * LDAP filter injection: a value that closes the application's filter with an unbalanced `)` and opens
 * new filter components (`*)(uid=*))(|(uid=*`, `admin)(|(password=*`, `x)(&)`, `)(cn>=bob`), or that
 * appends a second whole filter with a wildcard to its own (`(&(uid=*)(uid=*))(|(uid=*))`), or that is
 * an extensible match naming a matching rule (`userPassword:2.5.13.18:=123`).
 * @example createLdapiAnalyzer().analyzeValue?.(value) // `*)(uid=*))(|(uid=*` → ldapi/filter-breakout
 */
export function createLdapiAnalyzer(options: Readonly<Record<string, unknown>> = {}): Analyzer {
  const { maxLength } = readOptions(ID, options);
  return {
    id: ID,
    // Needs markup, URLs, quotes, brackets, $ or line breaks: plain text holds none of them.
    quietOnPlainText: true,
    analyzeValue({ item, variants }) {
      let best: { confidence: number; at: number; variant: Variant; rule?: string } | undefined;
      for (const variant of variants) {
        const end = Math.min(variant.value.length, maxLength);
        // `(&(uid=admin)(!(&(1=0)(userPassword=q))))`: a compound filter holding a constant component
        // (`(1=0)`, `(1=1)`), which only an injection writes, to make its filter always true or false.
        if (
          EXTENSIBLE_MATCH.test(variant.value) &&
          !isFreeText(item, variant.value) &&
          (best === undefined || best.confidence < 0.9)
        )
          best = { confidence: 0.9, at: 0, variant, rule: EXTENSIBLE_RULE };
        const constant = CONSTANT_ITEM.exec(variant.value);
        if (
          constant !== null &&
          constant.index < end &&
          COMPOUND.test(variant.value) &&
          !isFreeText(item, variant.value) &&
          (best === undefined || best.confidence < 0.9)
        )
          best = { confidence: 0.9, at: constant.index, variant };
        if (!mayBreakOut(variant.value, end)) {
          const nested = variant.value.includes('(') ? findNestedFilter(variant.value, end) : -1;
          if (
            nested >= 0 &&
            !isFreeText(item, variant.value) &&
            (best === undefined || best.confidence < 0.9)
          )
            best = { confidence: 0.9, at: nested, variant };
          continue;
        }
        const breakout = findFilterBreakout(variant.value, end);
        if (breakout === undefined) {
          // Two whole filters side by side, one with a wildcard: the second was appended to match all.
          const appended = findAppendedFilter(variant.value, end);
          if (appended >= 0 && variant.value.includes('=*') && !isFreeText(item, variant.value))
            if (best === undefined || best.confidence < 0.9)
              best = { confidence: 0.9, at: appended, variant };
          continue;
        }
        const confidence = confidenceOf(breakout, isFreeText(item, variant.value));
        if (best === undefined || confidence > best.confidence)
          best = { confidence, at: breakout.at, variant };
        if (confidence >= 1) break;
      }
      if (best === undefined) return [];
      const finding: Finding = {
        analyzer: ID,
        rule: best.rule ?? RULE,
        confidence: best.confidence,
        location: item.location,
        evidence: excerpt(best.variant.value, Math.max(0, best.at - 16)),
        transforms: best.variant.transforms,
      };
      return [finding];
    },
  };
}
