import { hasBadEnding } from '../bad-ending.js';
import { isRole } from '../is-role.js';
import type { SqlRule } from '../sql-rule.js';
import type { SqlView } from '../sql-view.js';

/**
 * `1 and 1=1`, `5 or 2>1`, `or 1=1`, `1 and ascii(substr(user(),1,1))>64`, `1 group by x having 1=1`:
 * boolean logic appended to an unquoted (numeric) value. A comparison over SQL functions is unmistakable,
 * a literal one nearly so; a word in front (`hope and 8=3`) makes it weaker, since prose joins words with
 * "and" — unless what follows is a tautology or a comparison of numbers (`hope and 8=3`), which no sentence
 * appends. Arithmetic over SQL functions (`1+ascii(substring(pass,1,1))`) probes the same way.
 */
export const booleanProbeRule: SqlRule = {
  name: 'boolean-probe',
  check(view, tail) {
    if (tail === undefined || tail.breakKind === 'quote' || !tail.valid) return undefined;
    const leading = tail.breakKind === 'operator';
    // `and name = '`: a condition whose string the rest of the application's query closes.
    if (hasBadEnding(view, tail.quote) && !(leading && view.shape[view.shape.length - 2] === '='))
      return undefined;
    const { facts } = tail;
    const word = tail.breakKind === 'word';
    const last = view.tokens.length - 1;
    if (facts.logic === 0 && !tail.having) {
      // `1=1`, `42 like 42`: a probe on its own, but also a legitimate equation.
      if (tail.joiner === '=' && !word && facts.literalComparisons > 0)
        return { confidence: 0.4, first: 0, last };
      // `1+ascii(substring(pass,1,1))`: nested calls read the data a character at a time.
      if (tail.joiner === 'o' && !word && facts.sqlCalls > 0)
        return { confidence: facts.sqlCalls > 1 ? 0.9 : 0.7, first: 0, last };
      return undefined;
    }
    const sql = facts.sqlCalls > 0 || facts.subqueries > 0;
    // `foo) and 1=2`, `and x=1)`: closing the application's parenthesis is no accident of prose.
    const closes = (tail.start > 1 && view.shape[tail.start - 1] === ')') || unbalanced(view);
    // `1 and 1=1` appends logic to the number; `2 + 2 = 4 and ...` is arithmetic first, as in prose.
    // `~9-(2) or 1=~1`, `1*(x) and 8=3`: arithmetic, then logic with the comparison only after it (prose
    // compares first: `2 + 2 = 4 and`).
    const appended =
      tail.joiner === '&' || closes || tail.breakKind === 'operator' || logicFirst(view, tail.start);
    let confidence = 0;
    if (facts.tautologies > 0) confidence = word ? 0.9 : 1;
    else if (facts.comparisons > 0 && sql) confidence = word ? 0.9 : 1;
    else if (facts.literalComparisons > 0)
      confidence = word ? (closes || numeric(view, tail.start) ? 0.9 : 0.7) : appended ? 1 : 0.6;
    // `AND deleted = 0)`, `or pmw==`, `|| c == "`, `&&(e=1)`: a condition appended to what the application
    // compared, left for its query to complete or closing its parenthesis; `and x = 5` could be a sentence.
    else if (leading && (endsCompared(view) || (facts.comparisons > 0 && (closes || symbolic(view)))))
      confidence = 0.9;
    // `1 || lpad(user,7,1)`, `1 || id is not null`, `chr(11)||chr(12)`: SQL's `||` after a literal or an SQL call,
    // then a call of SQL's own or a predicate; code writes `||` between its own variables.
    else if (!word && concatenated(view, tail.start) && (sql || facts.comparisons > 0)) confidence = 0.9;
    else if (facts.comparisons > 0) confidence = word ? 0 : 0.6;
    else if (sql) confidence = word ? 0.4 : 0.6;
    else if ((tail.operand === '1' || tail.operand === '(') && !word) confidence = 0.5;
    if (confidence === 0) return undefined;
    // `9999 or /*+ hint */ true`, `1/**/or/**/1`: comments inside the logic hide it from filters; prose has none.
    if (!word && view.input.includes('/*') && view.trailingComment === undefined)
      confidence = Math.max(confidence, 0.9);
    return { confidence, first: 0, last };
  },
};

/** Whether the tail from `start` is numbers, operators and parentheses only: `and 8=3`, `or (1)=(2)`. */
function numeric(view: SqlView, start: number): boolean {
  const { shape } = view;
  for (let k = start; k < shape.length; k++) if (!isRole(shape[k], '1=o()&!')) return false;
  return true;
}

/** Whether the value ends on a comparison operator, or on the string or parenthesis opened right after one. */
function endsCompared(view: SqlView): boolean {
  const { shape } = view;
  const last = shape.length - 1;
  return shape[last] === '=' || ((shape[last] === 's' || shape[last] === '(') && shape[last - 1] === '=');
}

/** Whether, from `start`, arithmetic leads to a boolean operator before any comparison. */
function logicFirst(view: SqlView, start: number): boolean {
  const { shape } = view;
  if (shape[start] !== 'o') return false;
  const logic = shape.indexOf('&', start);
  const compare = shape.indexOf('=', start);
  return logic >= 0 && (compare < 0 || logic < compare);
}

/** Whether the tail starts with `||` right after the first operand. */
function concatenated(view: SqlView, start: number): boolean {
  return start > 0 && view.tokens[start]?.text === '||' && !view.input.includes('\n');
}

/** `&&`, `||`: logic as symbols, which sentences do not start with. */
function symbolic(view: SqlView): boolean {
  const text = view.tokens[0]!.text;
  return text === '&&' || text === '||';
}

/** More `)` than `(`: the value closes a parenthesis the application opened. */
function unbalanced(view: SqlView): boolean {
  let depth = 0;
  for (const role of view.shape) {
    if (role === '(') depth++;
    else if (role === ')' && --depth < 0) return true;
  }
  return false;
}
