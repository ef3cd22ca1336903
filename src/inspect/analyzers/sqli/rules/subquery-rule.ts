import { isRole } from '../is-role.js';
import { hasFrom, selectListStrength } from '../select-list.js';
import type { SqlHit, SqlRule } from '../sql-rule.js';
import type { SqlView } from '../sql-view.js';
import { INFO_VARIABLES, WORD_FLAG } from '../sql-words.js';

/**
 * `(select ...)` inside an expression: from a table, or selecting what injections select — the server's
 * identity (`(select @@version)`, `(select user())`), a condition on two numbers (`(select 1 where 2=2`), or a
 * CASE (`(select (case when`), the shape of sqlmap's boolean payloads.
 */
export const subqueryRule: SqlRule = {
  name: 'subquery',
  check(view) {
    const { shape } = view;
    let best: SqlHit | undefined;
    for (let e = shape.indexOf('E'); e >= 0; e = shape.indexOf('E', e + 1)) {
      if (shape[e - 1] !== '(' || selectListStrength(view, e) !== 'strong') continue;
      const confidence = hasFrom(view, e) ? 0.9 : probes(view, e) ? 0.9 : 0.85;
      if (best === undefined || confidence > best.confidence) {
        best = { confidence, first: e, last: Math.min(shape.length - 1, e + 5) };
      }
    }
    // `1 and select top 10 name from users --`: a SELECT where the number's condition goes on; no sentence
    // starts with a number, `and select`, a literal, a call or `top N`, and a table.
    if (best === undefined && shape.startsWith('1&E') && view.quote === '' && joinsSelect(view)) {
      best = { confidence: 0.9, first: 0, last: Math.min(shape.length - 1, 6) };
    }
    return best;
  },
};

/** After `<number> and select`: `top N` or `*`, or a literal or call ended by a comment, then FROM. */
function joinsSelect(view: SqlView): boolean {
  const { tokens, shape } = view;
  if (selectListStrength(view, 2) !== 'strong' || !hasFrom(view, 2)) return false;
  const item = tokens[3]!.text;
  if (item === 'top' || item === '*') return true;
  return isRole(shape[3], '1vf') && view.trailingComment !== undefined;
}

/** Whether the subquery at `e` reads the server's identity or tests a condition on numbers. */
function probes(view: SqlView, e: number): boolean {
  const { shape, tokens, flags } = view;
  let depth = 0;
  for (let k = e + 1; k < shape.length; k++) {
    const role = shape[k];
    if (role === '(') depth++;
    else if (role === ')' && --depth < 0) return false;
    else if (role === 'v' && INFO_VARIABLES.has(tokens[k]!.text)) return true;
    else if ((role === 'f' || role === 'n') && (flags[k]! & WORD_FLAG.info) !== 0) return true;
    else if (role === '=' && shape[k - 1] === '1' && shape[k + 1] === '1') return true;
    else if (role === 'n' && tokens[k]!.text === 'case') return true;
  }
  return false;
}
