import {
  type Action,
  type ImpactExample,
  type ImpactPreview,
  isPassThrough,
  type RequestSample,
  type VerdictShift,
} from '../../core/index.js';

/** What one sampled request would get under the running and under the proposed configuration. */
export interface ReplayedSample {
  readonly sample: RequestSample;
  readonly before: Action;
  readonly after: Action;
  /** Why `after` is what it is. */
  readonly reason: string;
}

const MAX_EXAMPLES = 10;
const MAX_TARGET = 200;

/** Sums replayed samples into a preview: counts by direction, shifts by pair of actions, a few examples. */
export function summarizeImpact(replayed: readonly ReplayedSample[]): ImpactPreview {
  let stricter = 0;
  let looser = 0;
  let from: number | null = null;
  let to: number | null = null;
  const shifts = new Map<string, { from: Action; to: Action; count: number }>();
  const changed: (ImpactExample & { stricter: boolean })[] = [];
  for (const { sample, before, after, reason } of replayed) {
    from = from === null ? sample.time : Math.min(from, sample.time);
    to = to === null ? sample.time : Math.max(to, sample.time);
    if (before === after) continue;
    const passedBefore = isPassThrough(before);
    const passesAfter = isPassThrough(after);
    if (passedBefore && !passesAfter) stricter++;
    if (!passedBefore && passesAfter) looser++;
    const key = `${before}>${after}`;
    const shift = shifts.get(key) ?? { from: before, to: after, count: 0 };
    shift.count++;
    shifts.set(key, shift);
    if (changed.length < MAX_EXAMPLES * 4)
      changed.push({
        sample: sample.id,
        time: sample.time,
        site: sample.site,
        method: sample.method,
        target: sample.target.slice(0, MAX_TARGET),
        from: before,
        to: after,
        reason,
        stricter: passedBefore && !passesAfter,
      });
  }
  const examples = changed
    .sort((a, b) => Number(b.stricter) - Number(a.stricter) || b.time - a.time)
    .slice(0, MAX_EXAMPLES)
    .map(({ stricter: _stricter, ...example }) => example);
  const ordered: VerdictShift[] = [...shifts.values()].sort((a, b) => b.count - a.count);
  return {
    samples: replayed.length,
    from,
    to,
    changed: ordered.reduce((sum, shift) => sum + shift.count, 0),
    stricter,
    looser,
    shifts: ordered,
    examples,
  };
}
