import type { SqlRule } from '../sql-rule.js';
import type { SqlView } from '../sql-view.js';

// Comparison words that continue the application's expression: `x LIKE NULL`, `id IN (1,2)`.
const COMPARISONS = new Set(['like', 'rlike', 'regexp', 'is', 'in', 'glob', 'between', 'sounds']);
// Words that go on after the application's closing parenthesis: `) like (`, `) when 1 then`, `) union`.
const AFTER_CLOSE = new Set([
  ...COMPARISONS,
  'when',
  'union',
  'from',
  'where',
  'order',
  'group',
  'having',
  'limit',
]);

/**
 * A value that only makes sense as the middle of the application's SQL: it closes a parenthesis and goes
 * on with SQL (`) like (`, `) when 234 then`; not `) and then`), compares with operands only SQL writes (`LIKE NULL`,
 * `is not null`, `IN (815919, 815920)`), or compares and leaves the quote for the application to close
 * (`something LIKE '`). Words in the list (`in (the past)`) and a smile (`:)`) are text.
 */
export const operatorLeadRule: SqlRule = {
  name: 'operator-lead',
  check(view, tail) {
    if (view.quote !== '') return undefined;
    const { shape, tokens } = view;
    const last = tokens.length - 1;
    if (shape[0] === ')') {
      const next = tokens[1];
      if (next === undefined || next.kind !== 'word' || !AFTER_CLOSE.has(next.text) || last < 2)
        return undefined;
      return { confidence: 0.9, first: 0, last };
    }
    if (tail === undefined || !tail.valid) return undefined;
    if (shape[0] === '=' && COMPARISONS.has(tokens[0]!.text) && sqlOperand(view, 1))
      return { confidence: 0.9, first: 0, last };
    if (shape === 'n=s' && COMPARISONS.has(tokens[1]!.text) && leftOpen(view))
      return { confidence: 0.9, first: 0, last };
    return undefined;
  },
};

/** From `i` to the end: `[not] null`, or a parenthesized list of numbers. */
function sqlOperand(view: SqlView, i: number): boolean {
  const { shape, tokens } = view;
  let k = i;
  if (tokens[k]?.text === 'not') k++;
  if (k === tokens.length - 1 && tokens[k]!.text === 'null') return true;
  if (shape[k] !== '(' || shape[shape.length - 1] !== ')') return false;
  const inner = shape.slice(k + 1, shape.length - 1);
  return /^1(?:,1)*$/.test(inner);
}

/** The value ends on a quote that opens a literal, left for the application to close. */
function leftOpen(view: SqlView): boolean {
  const last = view.tokens[view.tokens.length - 1]!;
  return last.kind === 'string' && !last.closed && last.text === '';
}
