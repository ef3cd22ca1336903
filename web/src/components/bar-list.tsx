import type { ReactNode } from 'react';

/** One bar: its label, its value and, drawn over it, a part of it (such as the attacks among requests). */
export interface Bar {
  readonly key: string;
  readonly label: ReactNode;
  readonly value: number;
  readonly part?: number;
  /** Text after the value, such as a unit or the part. */
  readonly note?: string;
  /** How to show the value, when not as a plain count. */
  readonly display?: string;
  /** A colour of its own, instead of the list's. */
  readonly tone?: string;
}

/**
 * Labelled horizontal bars scaled to the largest; each bar is a stretched SVG, so no style attribute is needed.
 * @example <BarList label="Attacks by category" tone="attacks" bars={[{ key: 'sqli', label: 'sqli', value: 3 }]} />
 */
export function BarList({
  label,
  bars,
  tone,
}: {
  readonly label: string;
  readonly bars: readonly Bar[];
  readonly tone: string;
}) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  return (
    <ul className="bar-list" aria-label={label}>
      {bars.map((bar) => (
        <li key={bar.key} className="bar-row">
          <div className="bar-text">
            <span className="bar-label">{bar.label}</span>
            <span className="bar-value">
              {bar.display ?? bar.value.toLocaleString()}
              {bar.note ? <span className="bar-note"> {bar.note}</span> : null}
            </span>
          </div>
          <svg className="bar" viewBox="0 0 100 4" preserveAspectRatio="none" aria-hidden="true">
            <rect className="bar-track" width={100} height={4} />
            <rect
              className={`bar-fill tone-${bar.tone ?? tone}`}
              width={(bar.value / max) * 100}
              height={4}
            />
            {bar.part ? (
              <rect className="bar-fill tone-part" width={(bar.part / max) * 100} height={4} />
            ) : null}
          </svg>
        </li>
      ))}
    </ul>
  );
}
