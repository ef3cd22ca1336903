import { z } from 'zod';
import { durationField } from './duration.js';

/** The longest an experiment may run. */
export const MAX_EXPERIMENT_MS = 3_600_000;

/** When faults are injected: once after `delay`, or `times` rounds `every` apart. */
export const scheduleSchema = z
  .strictObject({
    delay: durationField({ max: MAX_EXPERIMENT_MS })
      .default(0)
      .describe('Time from the start (probes running, no fault) to the first injection.'),
    every: durationField({ min: 1000, max: MAX_EXPERIMENT_MS })
      .optional()
      .describe('Time from the start of one round to the next; needed when `times` is over 1.'),
    times: z.number().int().min(1).max(100).default(1).describe('Rounds of injection.'),
  })
  .refine((s) => s.times === 1 || s.every !== undefined, {
    path: ['every'],
    message: 'required when times is over 1',
  })
  .prefault({});

/** A schedule as validated. */
export type Schedule = z.output<typeof scheduleSchema>;

/** One fault armed for one stretch of time, in milliseconds from the start of the experiment. */
export interface FaultWindow {
  readonly fault: number;
  readonly round: number;
  readonly start: number;
  readonly end: number;
}

/**
 * The stretches of time each fault is armed. A fault lasts its own `duration`; without one, until the next
 * round or, with a single round, the end of the experiment. Nothing outlasts the experiment.
 * @example faultWindows({ delay: 1000, times: 2, every: 5000 }, [2000], 20_000);
 * // [{ fault: 0, round: 1, start: 1000, end: 3000 }, { fault: 0, round: 2, start: 6000, end: 8000 }]
 */
export function faultWindows(
  schedule: Schedule,
  faultDurations: readonly (number | undefined)[],
  experimentMs: number,
): FaultWindow[] {
  const windows: FaultWindow[] = [];
  for (let round = 0; round < schedule.times; round++) {
    const start = schedule.delay + round * (schedule.every ?? 0);
    if (start >= experimentMs) break;
    const roundEnd =
      schedule.times > 1 && schedule.every !== undefined ? start + schedule.every : experimentMs;
    faultDurations.forEach((duration, fault) => {
      const end = Math.min(duration === undefined ? roundEnd : start + duration, experimentMs);
      windows.push({ fault, round: round + 1, start, end });
    });
  }
  return windows;
}

/** What a running schedule does at each edge of a window. */
export interface ScheduleHooks {
  arm(window: FaultWindow): void;
  disarm(window: FaultWindow): void;
}

/**
 * Plays the windows on timers from now: one timer per edge, all cleared by `stop` (which disarms nothing:
 * the caller lifts every fault at once).
 */
export function playSchedule(windows: readonly FaultWindow[], hooks: ScheduleHooks): { stop(): void } {
  const timers = windows.flatMap((window) => [
    setTimeout(() => hooks.arm(window), window.start),
    setTimeout(() => hooks.disarm(window), window.end),
  ]);
  return {
    stop() {
      for (const timer of timers) clearTimeout(timer);
    },
  };
}
