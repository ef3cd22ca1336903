/**
 * A range the overview can show, with its bucket width: whole minutes, so that the store answers from its
 * per-minute counts instead of reading every event.
 */
export interface TimeRange {
  readonly label: string;
  readonly ms: number;
  readonly bucket: string;
}

/** The ranges on offer. */
export const TIME_RANGES: readonly TimeRange[] = [
  { label: '15 min', ms: 15 * 60_000, bucket: '1m' },
  { label: '1 h', ms: 3_600_000, bucket: '1m' },
  { label: '6 h', ms: 6 * 3_600_000, bucket: '5m' },
  { label: '24 h', ms: 24 * 3_600_000, bucket: '20m' },
];

/** Buttons that pick a time range. */
export function TimeRangePicker({
  value,
  onChange,
}: {
  readonly value: TimeRange;
  readonly onChange: (range: TimeRange) => void;
}) {
  return (
    <fieldset className="segmented" aria-label="Time range">
      {TIME_RANGES.map((range) => (
        <button
          key={range.label}
          type="button"
          aria-pressed={range === value}
          className={range === value ? 'selected' : undefined}
          onClick={() => onChange(range)}
        >
          {range.label}
        </button>
      ))}
    </fieldset>
  );
}
