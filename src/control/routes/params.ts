import { z } from 'zod';

/** A time as epoch milliseconds or an ISO 8601 date. */
export const timeParam = z.string().transform((text, ctx) => {
  const value = /^\d+$/.test(text) ? Number(text) : Date.parse(text);
  if (!Number.isFinite(value)) {
    ctx.addIssue({ code: 'custom', message: 'expected epoch milliseconds or an ISO 8601 time' });
    return z.NEVER;
  }
  return value;
});

/** A page size. */
export const limitParam = z.coerce.number().int().min(1).max(1000);

/** A duration such as `30s`, `15m`, `12h`, `7d`, or bare milliseconds. */
export const durationParam = z.string().transform((text, ctx) => {
  const m = /^(\d+)(ms|s|m|h|d)?$/.exec(text);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
  const value = m ? Number(m[1]) * unit[(m[2] ?? 'ms') as keyof typeof unit] : Number.NaN;
  if (!Number.isSafeInteger(value) || value <= 0) {
    ctx.addIssue({ code: 'custom', message: 'expected a duration such as 30s, 15m, 12h or 7d' });
    return z.NEVER;
  }
  return value;
});

/** How long a decision lasts, in seconds: up to ten years. */
export const ttlSecondsParam = z
  .number()
  .int()
  .min(1)
  .max(10 * 365 * 86_400);
