import type { SqlView } from './sql-view.js';

/**
 * Whether a quoted-context value ends where the application's own closing quote leaves valid SQL: inside an
 * open literal of that quote (`' or 'a'='a`) or in a comment (`' or 1=1--`).
 */
export function closedByApplication(view: SqlView, quote: string = view.quote): boolean {
  const last = view.tokens[view.tokens.length - 1];
  if (view.trailingComment !== undefined) return true;
  return last !== undefined && last.kind === 'string' && !last.closed && last.quote === quote;
}
