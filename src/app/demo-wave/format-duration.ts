/**
 * A duration for people: `0.4 ms`, `12 ms`, `1.25 s`.
 * @example formatDuration(1234) // '1.23 s'
 */
export function formatDuration(ms: number): string {
  if (ms < 10) return `${ms.toFixed(1)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}
