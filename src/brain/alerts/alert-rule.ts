import type { Alert } from './alert.js';
import type { AlertSignal } from './alert-signal.js';

/** A rule: a small function over signals, keeping whatever state it needs, that raises alerts. */
export interface AlertRule {
  readonly name: string;
  /** The alerts this signal raises, most often none. `now` is epoch milliseconds. */
  observe(signal: AlertSignal, now: number): readonly Alert[];
}

/** What a rule returns when a signal raises nothing (shared, so the common case allocates nothing). */
export const NO_ALERTS: readonly Alert[] = Object.freeze([]);
