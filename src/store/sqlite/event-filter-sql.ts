import type { EventQuery } from '../event-store.js';

/** A WHERE clause (possibly empty) and the named parameters it uses. */
export interface EventFilterSql {
  readonly where: string;
  readonly params: Record<string, string | number>;
}

// Each filter of an EventQuery as a condition on the `events` table. `instr` on the `,a,b,` categories text
// and `substr` on the path compare exactly: unlike LIKE, no wildcard to escape and no case folding.
const CONDITIONS: Record<keyof EventQuery, string> = {
  from: 'time >= @from',
  to: 'time < @to',
  site: 'site = @site',
  client: 'client = @client',
  action: 'action = @action',
  category: 'instr(categories, @category) > 0',
  path: 'substr(path, 1, length(@path)) = @path',
};

/** The categories column: `,sqli,xss,` for distinct sorted analyzers, empty when nothing was found. */
export const categoriesColumn = (categories: readonly string[]): string =>
  categories.length === 0 ? '' : `,${categories.join(',')},`;

/** The conditions for the filters the query gives, plus `extra` ones, joined by AND. */
export function eventFilterSql(query: EventQuery, ...extra: string[]): EventFilterSql {
  const conditions: string[] = [];
  const params: Record<string, string | number> = {};
  for (const key of Object.keys(CONDITIONS) as (keyof EventQuery)[]) {
    const value = query[key];
    if (value === undefined) continue;
    conditions.push(CONDITIONS[key]);
    params[key] = key === 'category' ? categoriesColumn([value as string]) : value;
  }
  conditions.push(...extra);
  return { where: conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`, params };
}
