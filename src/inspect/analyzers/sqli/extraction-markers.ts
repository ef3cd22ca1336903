import type { SqlView } from './sql-view.js';

// Functions that glue columns into one string, the shape of a row an attacker reads back through a page.
const CONCATENATING = new Set(['concat', 'concat_ws', 'group_concat', 'string_agg', 'listagg']);
// A hex literal this long spells text (`0x7573657273` is `users`): a string written without quotes.
const HEX_TEXT = /^0x(?:[0-9a-f]{2}){4,}$/;
const RUN = 3;

/**
 * Whether tokens `from`..`to` (exclusive) carry the marks of a query written to read data back rather than
 * to be run by its author: a numbered column list (`1,2,3`, `null,null,null`) that counts the columns of
 * a UNION, columns concatenated around a separator spelled in hex or by `char()` (`concat_ws(0x3a,login,
 * password)`), or a string spelled in hex to avoid quotes. Code samples name columns and quote strings.
 */
export function extractsData(view: SqlView, from: number, to: number): boolean {
  const { tokens, shape } = view;
  let run = 0;
  let previous = Number.NaN;
  // Only the select list counts columns: `where id in (1,2,3)` lists values. And the FROM, if any, names
  // a table, not prose: `Select 1, 2, 3 from the options below` is an instruction.
  const fromAt = topLevelFrom(view, from, to);
  const listEnd = fromAt === to || namesTable(view, fromAt, to) ? fromAt : from;
  let depth = 0;
  for (let k = from; k < to; k++) {
    const token = tokens[k]!;
    if (shape[k] === '(') depth++;
    else if (shape[k] === ')') depth--;
    if (k < listEnd && depth === 0 && shape[k] === '1' && (shape[k + 1] === ',' || shape[k - 1] === ',')) {
      const n = token.text === 'null' ? previous + 1 : Number(token.text);
      run = n === previous + 1 || (token.text === 'null' && run > 0) ? run + 1 : 1;
      previous = n;
      if (run >= RUN) return true;
    } else if (shape[k] !== ',') {
      run = 0;
      previous = Number.NaN;
    }
    if (token.kind === 'number' && HEX_TEXT.test(token.text)) return true;
    if (shape[k] === 'f' && CONCATENATING.has(token.text) && separatorSpelled(view, k + 2, to)) return true;
  }
  return false;
}

/** The index of the statement's top-level FROM, or `to` without one. */
function topLevelFrom(view: SqlView, from: number, to: number): number {
  const { tokens, shape } = view;
  let depth = 0;
  for (let k = from; k < to; k++) {
    if (shape[k] === '(') depth++;
    else if (shape[k] === ')') depth--;
    else if (depth === 0 && shape[k] === 'k' && tokens[k]!.text === 'from') return k;
  }
  return to;
}

/** Whether the FROM at `k` names one table and then ends or goes on as SQL. */
function namesTable(view: SqlView, k: number, to: number): boolean {
  const after = view.shape[k + 2];
  return after === undefined || k + 2 >= to || '&=,;)kU'.includes(after);
}

/** The first argument of a call starting at `k`: a hex literal or a `char(...)` call. */
function separatorSpelled(view: SqlView, k: number, to: number): boolean {
  if (k >= to) return false;
  const token = view.tokens[k]!;
  if (token.kind === 'number' && token.text.startsWith('0x')) return true;
  return (token.text === 'char' || token.text === 'chr') && view.shape[k] === 'f';
}
