import type { User } from '../../core/index.js';

/** Failed logins in a row that lock nothing. */
export const LOCKOUT_FREE_FAILURES = 4;
/** The lock after the first failure past the free ones, in ms; it doubles with each further failure. */
export const LOCKOUT_BASE_MS = 1000;
/** The longest lock, in ms. */
export const LOCKOUT_MAX_MS = 15 * 60 * 1000;

/**
 * Until when (epoch ms) logins are refused after a failure, given the failures in a row counting this
 * one; 0 when the account stays open.
 * @example lockoutAfterFailure(6, now) // now + 2000
 */
export function lockoutAfterFailure(failedLogins: number, now: number): number {
  if (!(failedLogins > LOCKOUT_FREE_FAILURES)) return 0;
  const doublings = Math.floor(failedLogins) - LOCKOUT_FREE_FAILURES - 1;
  // 2 ** doublings grows to Infinity, never to NaN, so the cap holds for any count.
  return now + Math.min(LOCKOUT_MAX_MS, LOCKOUT_BASE_MS * 2 ** doublings);
}

/** Milliseconds until the user may try to log in again; 0 when not locked. */
export function lockRemaining(user: Pick<User, 'lockedUntil'>, now: number): number {
  return Math.max(0, user.lockedUntil - now);
}
