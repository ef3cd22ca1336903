import { hasBadEnding } from '../bad-ending.js';
import type { SqlRule } from '../sql-rule.js';

/**
 * `1 and 1=1`, `5 or 2>1`, `or 1=1`, `1 and ascii(substr(user(),1,1))>64`, `1 group by x having 1=1`:
 * boolean logic appended to an unquoted (numeric) value. A comparison over SQL functions is unmistakable,
 * a literal one nearly so; a word in front (`hope and 8=3`) makes it weaker, since prose joins words with
 * "and". Arithmetic over SQL functions (`1+ascii(substring(pass,1,1))`) probes the same way.
 */
export const booleanProbeRule: SqlRule = {
  name: 'boolean-probe',
  check(view, tail) {
    if (tail === undefined || tail.breakKind === 'quote' || !tail.valid || hasBadEnding(view, tail.quote))
      return undefined;
    const { facts } = tail;
    const word = tail.breakKind === 'word';
    const last = view.tokens.length - 1;
    if (facts.logic === 0 && !tail.having) {
      // `1=1`, `42 like 42`: a probe on its own, but also a legitimate equation.
      if (tail.joiner === '=' && !word && facts.literalComparisons > 0)
        return { confidence: 0.4, first: 0, last };
      if (tail.joiner === 'o' && !word && facts.sqlCalls > 0) return { confidence: 0.7, first: 0, last };
      return undefined;
    }
    const sql = facts.sqlCalls > 0 || facts.subqueries > 0;
    // `foo) and 1=2`: closing the application's parenthesis is no accident of prose.
    const closes = tail.start > 1 && view.shape[tail.start - 1] === ')';
    // `1 and 1=1` appends logic to the number; `2 + 2 = 4 and ...` is arithmetic first, as in prose.
    const appended = tail.joiner === '&' || closes || tail.breakKind === 'operator';
    let confidence = 0;
    if (facts.comparisons > 0 && sql) confidence = word ? 0.7 : 1;
    else if (facts.literalComparisons > 0) confidence = word ? (closes ? 0.9 : 0.7) : appended ? 1 : 0.6;
    else if (facts.comparisons > 0) confidence = word ? 0 : 0.6;
    else if (sql) confidence = word ? 0.4 : 0.6;
    else if ((tail.operand === '1' || tail.operand === '(') && !word) confidence = 0.5;
    if (confidence === 0) return undefined;
    return { confidence, first: 0, last };
  },
};
