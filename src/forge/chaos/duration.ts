import { z } from 'zod';

const EXAMPLE = 'a duration such as 250ms, 5s or 2m';
const UNITS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/**
 * Milliseconds in a duration written `250ms`, `1.5s`, `2m`, `1h`, or a bare number of milliseconds;
 * undefined when the text is none of these.
 * @example parseDuration('1.5s'); // 1500
 */
export function parseDuration(input: string | number): number | undefined {
  if (typeof input === 'number') return Number.isFinite(input) && input >= 0 ? Math.round(input) : undefined;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$/.exec(input);
  if (match === null) return undefined;
  const ms = Number(match[1]) * UNITS[match[2] ?? 'ms']!;
  return Number.isFinite(ms) ? Math.round(ms) : undefined;
}

/** A duration as people read it: `250ms`, `1.5s`, `2m`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${Number((ms / 1000).toFixed(2))}s`;
  return `${Number((ms / 60_000).toFixed(2))}m`;
}

/**
 * A zod field for a duration in an experiment file, parsed to milliseconds and kept within `[min, max]`.
 * @example const window = durationField({ min: 100, max: 60_000 }).default(5000);
 */
export function durationField(bounds: { readonly min?: number; readonly max: number }) {
  const min = bounds.min ?? 0;
  return z
    .union([z.number(), z.string()], {
      error: (issue) =>
        issue.input === undefined ? `required (${EXAMPLE})` : `must be ${EXAMPLE} or milliseconds`,
    })
    .transform((input, ctx) => {
      const ms = parseDuration(input);
      if (ms === undefined) {
        ctx.addIssue({
          code: 'custom',
          message: `must be ${EXAMPLE} or milliseconds; got ${JSON.stringify(input)}`,
        });
        return z.NEVER;
      }
      if (ms < min || ms > bounds.max) {
        ctx.addIssue({
          code: 'custom',
          message: `must be between ${formatDuration(min)} and ${formatDuration(bounds.max)}; got ${formatDuration(ms)}`,
        });
        return z.NEVER;
      }
      return ms;
    });
}
