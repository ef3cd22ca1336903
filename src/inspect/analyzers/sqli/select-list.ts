import { isRole } from './is-role.js';
import type { SqlView } from './sql-view.js';
import { WORD_FLAG } from './sql-words.js';

const SELECTABLE = WORD_FLAG.info | WORD_FLAG.sqlFunction;

/** How much the tokens after a SELECT at `i` look like a select list: `strong`, `weak` or `none`. */
export function selectListStrength(view: SqlView, i: number): 'strong' | 'weak' | 'none' {
  const { shape, tokens } = view;
  let j = i + 1;
  const word = tokens[j]?.text;
  if (word === 'distinct' || word === 'all') j++;
  if (tokens[j]?.text === 'top' && shape[j + 1] === '1') j += 2;
  while (shape[j] === '!' || tokens[j]?.text === '-' || tokens[j]?.text === '+') j++;
  const role = shape[j];
  if (role === undefined) return 'none';
  // The string the application closes is no select list: `"union select" combines results` is prose.
  if (role === 's' && j === shape.length - 1 && !tokens[j]!.closed) return 'weak';
  // `select case when 1=1 then 1 else null end`: an expression only SQL writes.
  if (isRole(role, '1svf(') || tokens[j]!.text === '*' || tokens[j]!.text === 'case') return 'strong';
  if (role !== 'n') return 'weak';
  // `select user`, `select concat_ws`: a function of SQL, called without parentheses or cut off.
  if ((view.flags[j]! & SELECTABLE) !== 0) return 'strong';
  // `select name, pass from users`, `select login/2 from ...`: a column list or a FROM soon after. An
  // item is a column and an alias at most: `select your favorite color from` is prose.
  const limit = Math.min(shape.length, j + 8);
  let words = 1;
  for (let k = j + 1; k < limit; k++) {
    if (shape[k] === ',' || tokens[k]!.text === 'from') return 'strong';
    if (!isRole(shape[k], 'nko1s')) break;
    words = shape[k] === 'n' ? words + 1 : 0;
    if (words > 2) break;
  }
  return 'weak';
}

/** Whether a FROM follows within the statement starting at `i` (before `;`). */
export function hasFrom(view: SqlView, i: number): boolean {
  for (let k = i; k < view.tokens.length && view.shape[k] !== ';'; k++) {
    if (view.tokens[k]!.text === 'from' && view.shape[k] === 'k') return true;
  }
  return false;
}
