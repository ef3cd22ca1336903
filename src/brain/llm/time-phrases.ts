const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const UNITS: readonly [RegExp, number][] = [
  [/^(?:minutes?|mins?|m)$/, MINUTE],
  [/^(?:hours?|hrs?|h)$/, HOUR],
  [/^(?:days?|d)$/, DAY],
  [/^(?:weeks?|w)$/, 7 * DAY],
  [/^months?$/, 30 * DAY],
];

/** A time-unit word after a number, e.g. the `hours` of "last 3 hours". */
export const UNIT_WORD = /(?:minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|w|months?)\b/;

/** Midnight UTC of the day holding `now`. */
export function startOfUtcDay(now: number): number {
  return now - (((now % DAY) + DAY) % DAY);
}

/**
 * The window a question names, in UTC: "last hour", "past 30 minutes", "last 24h", "today", "yesterday",
 * "this week". Empty when it names none.
 * @example timeWindow('sqli in the last hour', now) // { from: now - 3_600_000 }
 */
export function timeWindow(text: string, now: number): { from?: number; to?: number } {
  for (const relative of text.matchAll(/\b(?:last|past|previous)\s+(\d{1,4})?\s*([a-z]+)\b/g)) {
    const unit = UNITS.find(([pattern]) => pattern.test(relative[2]!))?.[1];
    const count = relative[1] === undefined ? 1 : Number(relative[1]);
    if (unit !== undefined && count > 0) return { from: now - count * unit };
  }
  if (/\byesterday\b/.test(text)) return { from: startOfUtcDay(now) - DAY, to: startOfUtcDay(now) };
  if (/\btoday\b/.test(text)) return { from: startOfUtcDay(now) };
  if (/\bthis week\b/.test(text)) return { from: now - 7 * DAY };
  return {};
}
