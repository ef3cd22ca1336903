/**
 * Milliseconds to a readable precision: one decimal under 10 ms, whole milliseconds above.
 * @example formatMs(14.7628) // '15 ms'
 */
export function formatMs(ms: number): string {
  return `${ms < 10 ? ms.toFixed(1) : Math.round(ms).toLocaleString()} ms`;
}
