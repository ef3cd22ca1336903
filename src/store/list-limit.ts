/**
 * How many rows a list returns: `fallback` when not given (or not a number), otherwise the whole part of
 * `limit` between 0 and `max`.
 * @example listLimit(undefined, 100, 1000) // 100; listLimit(5000, 100, 1000) // 1000
 */
export const listLimit = (limit: number | undefined, fallback: number, max: number): number =>
  limit === undefined || !Number.isFinite(limit) ? fallback : Math.min(max, Math.max(0, Math.trunc(limit)));
