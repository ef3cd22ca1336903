import { hasBadEnding } from '../bad-ending.js';
import { closedByApplication } from '../closed-by-application.js';
import { isRole } from '../is-role.js';
import type { SqlRule } from '../sql-rule.js';

/**
 * `' or 1=1`, `" or ""="`, `') or ('a'='a`, `' and 1=0 union`: a quoted literal closed by the value, then
 * boolean logic that makes the application's WHERE clause true (or probes it). A literal comparison in a
 * value the application's closing quote completes is unmistakable; without a comparison (`' or 1`) it is
 * weaker, and with a lone string (`' or 'x`) it is how prose quotes words.
 */
export const tautologyRule: SqlRule = {
  name: 'tautology',
  check(view, tail) {
    if (
      tail?.breakKind !== 'quote' ||
      (tail.facts.logic === 0 && !tail.having) ||
      !tail.valid ||
      hasBadEnding(view, tail.quote)
    )
      return undefined;
    const { facts } = tail;
    const complete = closedByApplication(view, tail.quote);
    let confidence: number;
    if (facts.literalComparisons > 0) confidence = complete ? 1 : 0.95;
    else if (facts.comparisons > 0 || facts.subqueries > 0) confidence = complete ? 0.95 : 0.9;
    else if (isRole(tail.operand, '1f(v')) confidence = 0.7;
    else if (tail.operand === 's') confidence = 0.3;
    else return undefined;
    return { confidence, first: 0, last: view.tokens.length - 1 };
  },
};
