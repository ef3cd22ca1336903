import { hasBadEnding } from '../bad-ending.js';
import { closedByApplication } from '../closed-by-application.js';
import type { SqlRule } from '../sql-rule.js';

/**
 * `1' = '1`, `x' like 'x`, `'+char(39)+'`, `' - '`: a quoted literal closed by the value and continued by a
 * comparison or an arithmetic/concatenation operator, as valid SQL. Calls and subqueries make it strong;
 * arithmetic between identifiers (`20" -pattern -baby`) is how prose uses dashes and does not count.
 */
export const quoteExpressionRule: SqlRule = {
  name: 'quote-expression',
  check(view, tail) {
    if (tail?.breakKind !== 'quote' || (tail.joiner !== '=' && tail.joiner !== 'o')) return undefined;
    if (tail.facts.logic > 0) return undefined; // the tautology rule's
    if (!tail.valid || hasBadEnding(view, tail.quote)) return undefined;
    const { facts } = tail;
    // A lone `&` is bitwise AND in SQL, but mostly a URL's parameter separator: `"&page=1`.
    const bitwise = view.tokens[tail.start]!.text === '&';
    let confidence = 0;
    if (facts.sqlCalls > 0 || facts.subqueries > 0) confidence = 0.8;
    else if (facts.literalComparisons > 0) confidence = 0.45;
    else if (facts.comparisons > 0 && !bitwise) confidence = 0.3;
    else if (facts.comparisons === 0 && facts.lastLiteral && closedByApplication(view, tail.quote))
      confidence = 0.3;
    if (confidence === 0) return undefined;
    return { confidence, first: 0, last: view.tokens.length - 1 };
  },
};
