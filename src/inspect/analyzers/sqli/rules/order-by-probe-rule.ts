import type { SqlRule } from '../sql-rule.js';

/** `1 order by 5--`, `' group by 3#`: counting the columns of the query before a UNION. */
export const orderByProbeRule: SqlRule = {
  name: 'order-by-probe',
  check(view, tail) {
    if (tail === undefined || !tail.orderByNumber || !tail.valid) return undefined;
    const comment = view.trailingComment !== undefined ? 0.05 : 0;
    const base = tail.breakKind === 'word' ? 0.5 : 0.9;
    return { confidence: base + comment, first: 0, last: view.tokens.length - 1 };
  },
};
