import { type AlertSeverity, SEVERITY_RANK } from '../alert.js';

/** Refuses (TypeError) an option that is not a finite number at least `min` (and whole, when asked). */
export function checkNumber(rule: string, name: string, value: number, min: number, whole = false): void {
  if (
    typeof value !== 'number' ||
    !Number.isFinite(value) ||
    value < min ||
    (whole && !Number.isInteger(value))
  )
    throw new TypeError(
      `brain.alerts: ${rule}: ${name} must be ${whole ? 'a whole number' : 'a number'} of at least ${min}`,
    );
}

/** Refuses (TypeError) a severity that is not one of `info`, `warning`, `critical`. */
export function checkSeverity(rule: string, name: string, value: AlertSeverity): void {
  if (!Object.hasOwn(SEVERITY_RANK, value))
    throw new TypeError(`brain.alerts: ${rule}: ${name} must be info, warning or critical`);
}
