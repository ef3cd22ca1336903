import { isRole } from '../is-role.js';
import type { SqlHit, SqlRule } from '../sql-rule.js';
import { INFO_VARIABLES, WORD_FLAG } from '../sql-words.js';

const STRUCTURE = '&=o,(Es';

/**
 * `@@version`, `version()`, `database()`, `user()`: fingerprinting the server, usually inside other SQL.
 * Compared after boolean logic (`and 1=@@version`, `and substring(version(),1,1)=5`), it is blind inference
 * of the server's identity, whatever the rest of the value looks like.
 */
export const dbInfoRule: SqlRule = {
  name: 'db-info',
  check(view) {
    const { shape, tokens } = view;
    if ((view.allFlags & WORD_FLAG.info) === 0 && !shape.includes('v')) return undefined;
    let best: SqlHit | undefined;
    for (let i = 0; i < shape.length; i++) {
      const role = shape[i];
      let confidence = 0;
      if (role === 'v' && INFO_VARIABLES.has(tokens[i]!.text)) {
        confidence = 0.6;
      } else if (role === 'f' && shape[i + 2] === ')' && (view.flags[i]! & WORD_FLAG.info) !== 0) {
        confidence = isRole(shape[i - 1], STRUCTURE) ? 0.6 : 0.4;
      }
      if (confidence > 0 && comparedAfterLogic(shape, i)) confidence = 0.9;
      if (confidence > 0 && (best === undefined || confidence > best.confidence)) {
        best = { confidence, first: i, last: Math.min(shape.length - 1, i + 2) };
      }
    }
    return best;
  },
};

/** Whether a boolean operator precedes token `i` and a comparison follows that operator. */
function comparedAfterLogic(shape: string, i: number): boolean {
  const logic = shape.lastIndexOf('&', i);
  return logic >= 0 && shape.indexOf('=', logic) > logic;
}
