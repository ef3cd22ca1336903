import { hasBadEnding } from '../bad-ending.js';
import type { SqlRule } from '../sql-rule.js';
import type { SqlView } from '../sql-view.js';

/**
 * A value that is, whole, an SQL expression only SQL writes: a tautology of two literals (`1=1`, `'a'='a'`,
 * `42 like 42`, `1 is not 2`, `11!=1`, `1<=>1`), a PostgreSQL cast (`password::int`,
 * `lo_get(1)::text`), an `IN (0,1)` list. Error-based and boolean fuzzers send these to see whether the
 * value reaches a query; formulas and sentences write `2 + 2 = 4` or `x = 5`, which pass. A lone
 * operator (`>>`, `!=`, `IS NULL`) is the same probe, but also what query-building UIs send: not judged.
 */
export const expressionProbeRule: SqlRule = {
  name: 'expression-probe',
  check(view, tail) {
    if (view.quote !== '' || tail === undefined || tail.breakKind === 'quote') return undefined;
    if (!tail.valid || hasBadEnding(view, tail.quote)) return undefined;
    const { facts } = tail;
    const last = view.tokens.length - 1;
    let confidence = 0;
    if (facts.casts > 0) confidence = 0.9;
    else if (tail.breakKind === 'word') return undefined;
    else if (facts.tautologies > 0) confidence = 0.9;
    else if (tail.breakKind === 'operator' && isInList(view)) confidence = 0.9;
    return confidence > 0 ? { confidence, first: 0, last } : undefined;
  },
};

/** `in (0,1)`, `IN (815914, -1` : a fragment of a WHERE clause, where `>=` or `IS NULL` may be a filter's operator. */
function isInList(view: SqlView): boolean {
  const { shape, tokens } = view;
  if (tokens[0]!.text !== 'in' || shape[1] !== '(') return false;
  let k = 2;
  for (;;) {
    if (tokens[k]?.text === '-' || tokens[k]?.text === '+') k++;
    if (shape[k] !== '1' && shape[k] !== 's') return false;
    k++;
    if (shape[k] !== ',') break;
    k++;
  }
  return k >= shape.length || (shape[k] === ')' && k === shape.length - 1);
}
