import { z } from 'zod';
import { durationField, formatDuration } from './duration.js';
import { probeSchema } from './probe-load.js';
import type { WindowFigures } from './sliding-window.js';

/** The steady-state hypothesis: what the probe load must see over every window while faults are injected. */
export const steadyStateSchema = z
  .strictObject({
    probe: probeSchema.describe('The load that tests the hypothesis.'),
    window: durationField({ min: 200, max: 600_000 }).default(5000).describe('The sliding window judged.'),
    minSamples: z
      .number()
      .int()
      .min(1)
      .max(100_000)
      .default(10)
      .describe('Probe outcomes a window needs before it is judged.'),
    maxErrorPercent: z
      .number()
      .min(0)
      .max(100)
      .optional()
      .describe('Highest share of errors (not 2xx/3xx, network errors, timeouts), in percent.'),
    maxP99: durationField({ min: 1, max: 600_000 })
      .optional()
      .describe('Highest 99th percentile latency of the probes.'),
  })
  .refine((s) => s.maxErrorPercent !== undefined || s.maxP99 !== undefined, {
    message: 'name at least one check: maxErrorPercent or maxP99',
  });

/** A hypothesis as validated. */
export type SteadyState = z.output<typeof steadyStateSchema>;

/** A window judged: held, broken (with the check that broke), or too thin to say. */
export type SteadyStateVerdict =
  | { readonly state: 'held' }
  | { readonly state: 'too-few'; readonly reason: string }
  | { readonly state: 'broken'; readonly check: 'error-rate' | 'p99'; readonly reason: string };

/**
 * Judges the figures of one window against the hypothesis.
 * @example judgeSteadyState(window.figures(now), hypothesis).state; // 'held'
 */
export function judgeSteadyState(figures: WindowFigures, hypothesis: SteadyState): SteadyStateVerdict {
  const { requests, errors, errorPercent, p99Ms, windowMs } = figures;
  if (requests < hypothesis.minSamples) {
    return {
      state: 'too-few',
      reason: `${requests} probe outcomes in the last ${formatDuration(windowMs)}, fewer than minSamples (${hypothesis.minSamples})`,
    };
  }
  const over = `over the last ${formatDuration(windowMs)}`;
  if (hypothesis.maxErrorPercent !== undefined && errorPercent > hypothesis.maxErrorPercent) {
    return {
      state: 'broken',
      check: 'error-rate',
      reason: `error rate ${errorPercent.toFixed(1)}% (${errors} of ${requests} probes) ${over} is above ${hypothesis.maxErrorPercent}%`,
    };
  }
  if (hypothesis.maxP99 !== undefined && p99Ms > hypothesis.maxP99) {
    return {
      state: 'broken',
      check: 'p99',
      reason: `p99 latency ${formatDuration(p99Ms)} (${requests} probes) ${over} is above ${formatDuration(hypothesis.maxP99)}`,
    };
  }
  return { state: 'held' };
}
