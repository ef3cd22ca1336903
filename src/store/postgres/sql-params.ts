/** The values of one statement, collected as their placeholders are written. */
export interface SqlParams {
  readonly values: unknown[];
  /** Adds a value; returns its placeholder: `$1`, `$2`... */
  add(value: unknown): string;
}

/**
 * An empty list of statement values, for SQL whose conditions depend on the query: values only ever travel as
 * parameters, never inside the text.
 * @example const params = sqlParams(); db.query(`SELECT * FROM t WHERE a = ${params.add(a)}`, params.values);
 */
export function sqlParams(): SqlParams {
  const values: unknown[] = [];
  return {
    values,
    add(value) {
      values.push(value);
      return `$${values.length}`;
    },
  };
}

/** `WHERE` and the conditions joined by AND, or nothing when there are none. */
export const whereAll = (conditions: readonly string[]): string =>
  conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`;
