import type { SqlView } from './sql-view.js';

/**
 * Whether a comment stands in for white space between two code tokens (`select/**\/password`,
 * `union/*!50000select*\/`): code samples space their words and put comments on their own.
 */
export function hasGluedComment(view: SqlView): boolean {
  const { tokens, input } = view;
  for (let i = 0; i + 1 < tokens.length; i++) {
    const end = tokens[i]!.end;
    const next = tokens[i + 1]!.start;
    if (next - end < 4 || input.charCodeAt(end) !== 47 || input.charCodeAt(next - 1) !== 47) continue;
    if (input.charCodeAt(end + 1) === 42 && input.charCodeAt(next - 2) === 42) return true;
  }
  return false;
}
