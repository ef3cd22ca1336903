import type { SqlRule } from '../sql-rule.js';
import type { SqlToken } from '../sql-token.js';

/**
 * `) AS orders FROM`, `) as col_0_ from users`: the end of a select list — closing the application's
 * parenthesis (or a subquery), naming the column, and choosing the table — as sent to make a UNION's
 * columns line up. A value that starts by closing a parenthesis is no sentence.
 */
export const selectTailRule: SqlRule = {
  name: 'select-tail',
  check(view) {
    if (view.quote !== '') return undefined;
    const { tokens, shape } = view;
    let k = 0;
    while (shape[k] === ')') k++;
    if (k === 0 || tokens[k]?.text !== 'as' || !isAlias(tokens[k + 1])) return undefined;
    if (tokens[k + 2]?.text !== 'from' || shape[k + 2] !== 'k') return undefined;
    // The table and what follows it, if anything: names, dots, commas.
    for (let j = k + 3; j < tokens.length; j++) if (!isAlias(tokens[j]) && shape[j] !== ',') return undefined;
    return { confidence: 0.9, first: 0, last: tokens.length - 1 };
  },
};

function isAlias(token: SqlToken | undefined): boolean {
  return token !== undefined && (token.kind === 'word' || (token.kind === 'string' && token.closed));
}
