import { isRole } from '../is-role.js';
import type { SqlHit, SqlRule } from '../sql-rule.js';
import { INFO_VARIABLES, WORD_FLAG } from '../sql-words.js';

const STRUCTURE = '&=o,(Es';

/** `@@version`, `version()`, `database()`, `user()`: fingerprinting the server, usually inside other SQL. */
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
      if (confidence > 0 && (best === undefined || confidence > best.confidence)) {
        best = { confidence, first: i, last: Math.min(shape.length - 1, i + 2) };
      }
    }
    return best;
  },
};
