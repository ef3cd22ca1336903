/**
 * A value built from part of a configuration, rebuilt only when that part changes: a reload that changes
 * something else keeps every client's counters and buckets instead of forgiving them all.
 * @example const limiterFor = keepWhileSame((c: Config) => c.defend.rateLimits, (rules) => createRateLimiter(rules));
 */
export function keepWhileSame<C, P, T>(
  part: (config: C) => P,
  make: (part: P, config: C) => T,
): (config: C) => T {
  let key: string | undefined;
  let value: T;
  return (config) => {
    const p = part(config);
    const next = JSON.stringify(p);
    if (next !== key) {
      value = make(p, config);
      key = next;
    }
    return value;
  };
}
