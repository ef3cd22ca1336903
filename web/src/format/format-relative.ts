import { formatDuration } from './format-duration';

/**
 * How long ago a time was, or how long until it comes.
 * @example formatRelative(now - 90_000, now) // '1 min 30 s ago'
 */
export function formatRelative(epochMs: number, now: number): string {
  const delta = epochMs - now;
  if (Math.abs(delta) < 1000) return 'now';
  return delta < 0 ? `${formatDuration(-delta)} ago` : `in ${formatDuration(delta)}`;
}
