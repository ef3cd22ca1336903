import type { SqlRule } from '../sql-rule.js';
import type { SqlView } from '../sql-view.js';
import { WORD_FLAG } from '../sql-words.js';

const SQL_CALL = WORD_FLAG.sqlFunction | WORD_FLAG.info;
const LEADING_BLANK = /^[ \t\r\n]+(?:order|group)[ \t\r\n]/i;

/**
 * `1 order by 5--`, `' group by 3#`, ` order by 5--`: counting the columns of the query before a UNION. `1 order by
 * if(1<2,a,b)`, `5 group by concat(version(),floor(rand(0)*2))`: sorting or grouping on an SQL function after
 * the value, a blind or error-based probe.
 */
export const orderByProbeRule: SqlRule = {
  name: 'order-by-probe',
  check(view, tail) {
    if (tail === undefined || !tail.valid) return undefined;
    const last = view.tokens.length - 1;
    if (!tail.orderByNumber) {
      if (tail.breakKind !== 'literal' && tail.breakKind !== 'quote') return undefined;
      return ordersByCall(view, tail.start) ? { confidence: 0.9, first: 0, last } : undefined;
    }
    const comment = view.trailingComment !== undefined;
    // ` ORDER BY 3--`: the clause alone, appended to the application's value, cut off after it; or with the
    // space that joins it to that value written first (` ORDER BY 3`): no one types a leading blank.
    if (tail.breakKind === 'operator')
      return { confidence: comment || LEADING_BLANK.test(view.input) ? 0.9 : 0.6, first: 0, last };
    const base = tail.breakKind === 'word' ? 0.5 : 0.9;
    return { confidence: base + (comment ? 0.05 : 0), first: 0, last };
  },
};

/** Whether an ORDER BY or GROUP BY from `start` begins with a call of an SQL function or a CASE. */
function ordersByCall(view: SqlView, start: number): boolean {
  const { tokens, shape, flags } = view;
  for (let k = start; k + 2 < tokens.length; k++) {
    const text = tokens[k]!.text;
    if ((text !== 'order' && text !== 'group') || tokens[k + 1]!.text !== 'by') continue;
    const item = k + 2;
    return (shape[item] === 'f' && (flags[item]! & SQL_CALL) !== 0) || tokens[item]!.text === 'case';
  }
  return false;
}
