const UNITS: readonly [number, string][] = [
  [86_400, 'd'],
  [3600, 'h'],
  [60, 'min'],
];

/**
 * How long a decision lasts, in its largest whole unit where there is one: `45 s`, `1 min`, `10 min`, `1 h`,
 * `24 h`, `7 d`; otherwise rounded.
 * @example formatSpan(600_000) // '10 min'
 */
export function formatSpan(ms: number | null): string {
  if (ms === null) return 'ever';
  const s = Math.round(ms / 1000);
  // A day or two reads better in hours.
  for (const [size, unit] of UNITS)
    if (s % size === 0 && s >= size && (unit !== 'd' || s >= 2 * size)) return `${s / size} ${unit}`;
  if (s < 120) return `${s} s`;
  if (s < 7200) return `${Math.round(s / 60)} min`;
  if (s < 172_800) return `${Math.round(s / 3600)} h`;
  return `${Math.round(s / 86_400)} d`;
}
