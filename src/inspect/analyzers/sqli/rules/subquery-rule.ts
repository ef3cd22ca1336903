import { hasFrom, selectListStrength } from '../select-list.js';
import type { SqlHit, SqlRule } from '../sql-rule.js';

/** `(select ...)` inside an expression. */
export const subqueryRule: SqlRule = {
  name: 'subquery',
  check(view) {
    const { shape } = view;
    let best: SqlHit | undefined;
    for (let e = shape.indexOf('E'); e >= 0; e = shape.indexOf('E', e + 1)) {
      if (shape[e - 1] !== '(' || selectListStrength(view, e) !== 'strong') continue;
      const confidence = hasFrom(view, e) ? 0.9 : 0.85;
      if (best === undefined || confidence > best.confidence) {
        best = { confidence, first: e, last: Math.min(shape.length - 1, e + 5) };
      }
    }
    return best;
  },
};
