import type { EventQuery } from '../event-store.js';
import type { SqlParams } from './sql-params.js';

// Each filter of an EventQuery as a condition on the `events` table. `= ANY` compares whole analyzer names;
// `starts_with` compares the path prefix exactly: unlike LIKE, no wildcard to escape and no case folding.
const CONDITIONS: Record<keyof EventQuery, (value: string) => string> = {
  from: (value) => `time >= ${value}`,
  to: (value) => `time < ${value}`,
  site: (value) => `site = ${value}`,
  client: (value) => `client = ${value}`,
  action: (value) => `action = ${value}`,
  category: (value) => `${value} = ANY (categories)`,
  path: (value) => `starts_with(path, ${value})`,
};

/** The conditions for the filters the query gives, their values added to `params`. */
export function eventConditions(query: EventQuery, params: SqlParams): string[] {
  return (Object.keys(CONDITIONS) as (keyof EventQuery)[]).flatMap((key) =>
    query[key] === undefined ? [] : [CONDITIONS[key](params.add(query[key]))],
  );
}
