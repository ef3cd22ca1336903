import { formatTime } from '../format/format-time';

/** One line of a chart; `tone` names its colour class. */
export interface Series {
  readonly name: string;
  readonly tone: string;
  readonly values: readonly number[];
}

// The drawing's own units; the SVG stretches to its box, and lines keep their width (non-scaling-stroke).
const WIDTH = 1000;
const HEIGHT = 200;

/** A ceiling above the largest value that makes round grid lines. */
function niceMax(value: number): number {
  if (value <= 4) return 4;
  const step = 10 ** Math.floor(Math.log10(value));
  return Math.ceil(value / step) * step;
}

/**
 * Lines over time, drawn by hand in SVG: the first series is filled as an area, each bucket has a tooltip.
 * @example <TimeSeriesChart label="Requests" times={times} series={[{ name: 'requests', tone: 'requests', values }]} />
 */
export function TimeSeriesChart({
  label,
  times,
  series,
}: {
  readonly label: string;
  readonly times: readonly number[];
  readonly series: readonly Series[];
}) {
  const max = niceMax(Math.max(0, ...series.flatMap((s) => s.values)));
  const step = times.length > 1 ? WIDTH / (times.length - 1) : WIDTH;
  const x = (i: number) => (times.length > 1 ? i * step : WIDTH / 2);
  const y = (v: number) => HEIGHT - (v / max) * HEIGHT;
  const line = (values: readonly number[]) =>
    values.map((v, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(v).toFixed(1)}`).join('');
  const [area] = series;
  return (
    <figure className="chart">
      <div className="chart-body">
        <div className="chart-y" aria-hidden="true">
          <span>{max.toLocaleString()}</span>
          <span>{(max / 2).toLocaleString()}</span>
          <span>0</span>
        </div>
        <svg
          className="chart-svg"
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          preserveAspectRatio="none"
          role="img"
          aria-label={label}
        >
          {[0.25, 0.5, 0.75].map((f) => (
            <line key={f} className="chart-grid" x1={0} x2={WIDTH} y1={HEIGHT * f} y2={HEIGHT * f} />
          ))}
          {area && area.values.length > 0 ? (
            <path
              className={`chart-area tone-${area.tone}`}
              d={`${line(area.values)}L${x(area.values.length - 1)},${HEIGHT}L${x(0)},${HEIGHT}Z`}
            />
          ) : null}
          {series.map((s) => (
            <path
              key={s.name}
              className={`chart-line tone-${s.tone}`}
              d={line(s.values)}
              vectorEffect="non-scaling-stroke"
            />
          ))}
          {times.map((time, i) => (
            <rect key={time} className="chart-hover" x={x(i) - step / 2} y={0} width={step} height={HEIGHT}>
              <title>
                {`${formatTime(time)} — ${series.map((s) => `${s.name} ${s.values[i] ?? 0}`).join(', ')}`}
              </title>
            </rect>
          ))}
        </svg>
      </div>
      {times.length > 0 ? (
        <div className="chart-x" aria-hidden="true">
          <span>{formatTime(times[0]!)}</span>
          <span>{formatTime(times[times.length - 1]!)}</span>
        </div>
      ) : null}
      <figcaption className="chart-legend">
        {series.map((s) => (
          <span key={s.name} className={`legend tone-${s.tone}`}>
            {s.name}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
