import { newExpressionFacts } from '../expression-facts.js';
import { skipGroup } from '../parse-sql-expression.js';
import type { SqlRule } from '../sql-rule.js';
import type { SqlView } from '../sql-view.js';
import { WORD_FLAG } from '../sql-words.js';
import { statementStrength } from './statement-strength.js';

// A value that is SQL may be a code sample or the input of a query tool: never decisive alone.
const WEIGHT = 0.75;

/**
 * A value that is itself SQL code: a statement (`select * from users`, `drop table x`, `exec (@q)`), a CASE
 * expression, or SQL functions nested to extract data (`ascii(substring(version(),1,1))`).
 */
export const sqlCodeRule: SqlRule = {
  name: 'sql-code',
  check(view) {
    if (view.quote !== '') return undefined;
    const { shape, tokens } = view;
    let first = 0;
    while (shape[first] === '(') first++;
    const last = tokens.length - 1;
    const role = shape[first];
    if (role === 'T' || role === 'E') {
      const strength = statementStrength(view, first);
      return strength > 0
        ? { confidence: Math.round(strength * WEIGHT * 100) / 100, first, last }
        : undefined;
    }
    if (tokens[first]?.text === 'case' && isCase(view, first)) return { confidence: 0.6, first, last };
    if (role === 'f' && (view.flags[first]! & WORD_FLAG.sqlFunction) !== 0) {
      const facts = newExpressionFacts();
      skipGroup(view, first + 1, facts);
      if (facts.sqlCalls >= 2 || facts.subqueries > 0) return { confidence: 0.6, first, last };
    }
    return undefined;
  },
};

/** `case [x] when ... then ... end`, in that order. */
function isCase(view: SqlView, i: number): boolean {
  let seen = 0;
  const order = ['when', 'then', 'end'];
  for (let k = i + 1; k < view.tokens.length && seen < order.length; k++) {
    if (view.shape[k] === 'k' && view.tokens[k]!.text === order[seen]) seen++;
  }
  return seen === order.length;
}
