import { newExpressionFacts } from '../expression-facts.js';
import { skipGroup } from '../parse-sql-expression.js';
import type { SqlHit, SqlRule } from '../sql-rule.js';
import type { SqlView } from '../sql-view.js';
import { lastPart, WORD_FLAG } from '../sql-words.js';

const ALWAYS = new Set([
  'extractvalue',
  'updatexml',
  'name_const',
  'gtid_subset',
  'gtid_subtract',
  'xmltype',
]);
const CONVERSION_TYPES = new Set(['int', 'integer', 'varchar', 'nvarchar', 'char', 'numeric', 'bigint']);

/**
 * `extractvalue(1,concat(0x7e,version()))`, `updatexml(...)`, `exp(~(select ...))`, `convert(int,@@version)`,
 * `polygon((select ...))`, `ctxsys.drithsx.sn(...)`: functions whose error message carries the data; and
 * a condition choosing a division by zero (`iif(1=2,1,1/0)`), whose error answers a question.
 */
export const errorFunctionRule: SqlRule = {
  name: 'error-function',
  check(view) {
    const { shape } = view;
    if (!shape.includes('f')) return undefined;
    let best: SqlHit | undefined;
    // Where the value divides by zero, if anywhere: only calls around it can choose that error.
    const zero = zeroDivision(view);
    for (let i = shape.indexOf('f'); i >= 0; i = shape.indexOf('f', i + 1)) {
      const confidence =
        zero > i && dividesByZeroOnCondition(view, i, zero) ? 0.9 : errorCallConfidence(view, i);
      if (confidence > 0 && (best === undefined || confidence > best.confidence)) {
        best = { confidence, first: i, last: Math.min(shape.length - 1, i + 5) };
      }
    }
    return best;
  },
};

/** Index of the `/` of the first `1/0` (a number divided by the literal 0); -1 when there is none. */
function zeroDivision(view: SqlView): number {
  const { shape, tokens } = view;
  for (let k = 1; k + 1 < tokens.length; k++) {
    if (
      tokens[k]!.text === '/' &&
      shape[k - 1] === '1' &&
      shape[k + 1] === '1' &&
      tokens[k + 1]!.text === '0'
    )
      return k;
  }
  return -1;
}

/**
 * `iif(5257=5257,1,1/0)`, `if(1=2,1,1/0)`: a literal condition choosing between a value and the division by
 * zero at `zero` — the error, or its absence, answers a yes-or-no question about the data.
 */
function dividesByZeroOnCondition(view: SqlView, i: number, zero: number): boolean {
  if (view.shape[i + 1] !== '(') return false;
  const args = newExpressionFacts();
  const end = skipGroup(view, i + 1, args);
  return zero < end && args.literalComparisons > 0;
}

function errorCallConfidence(view: SqlView, i: number): number {
  const { shape, tokens } = view;
  const text = tokens[i]!.text;
  const error = (view.flags[i]! & WORD_FLAG.error) !== 0;
  if (!error && !text.endsWith('convert') && !text.endsWith('floor')) return 0;
  const name = lastPart(text);
  const args = newExpressionFacts();
  skipGroup(view, i + 1, args);
  const loaded = args.subqueries > 0 || args.sqlCalls > 0 || shape.slice(i + 2, i + 12).includes('v');
  if (name === 'convert') {
    return CONVERSION_TYPES.has(tokens[i + 2]?.text ?? '') && shape[i + 3] === ','
      ? loaded
        ? 0.85
        : 0.6
      : 0;
  }
  if (!error) return tokens[i + 2]?.text === 'rand' && shape[i + 2] === 'f' ? 0.8 : 0;
  if (ALWAYS.has(name) || text.includes('drithsx') || text.includes('dbms_xmlgen')) return loaded ? 1 : 0.9;
  if (name === 'exp') return shape[i + 2] === '!' ? 0.9 : 0;
  return loaded ? 0.9 : 0;
}
