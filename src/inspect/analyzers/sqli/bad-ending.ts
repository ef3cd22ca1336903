import type { SqlView } from './sql-view.js';

/**
 * Whether the value leaves a string open that the application cannot close: the application closes only the
 * quote it opened, so an open `"` in a `'` context (or any open string in a bare one) is a syntax error.
 */
export function hasBadEnding(view: SqlView, quote: string = view.quote): boolean {
  const last = view.tokens[view.tokens.length - 1];
  if (last === undefined || view.trailingComment !== undefined) return false;
  return last.kind === 'string' && !last.closed && last.quote !== quote;
}
