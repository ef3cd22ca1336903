import type { ChangeImpact, ChangeKind, ImpactPreview } from '../../core/index.js';

/** What policy looks at to rate a change. */
export interface ChangeFacts {
  readonly kind: ChangeKind;
  readonly preview: ImpactPreview;
  /** Ways the change lowers protection, one line each (`turns inspect.mode to detect`). */
  readonly weakenings: readonly string[];
  /** Set for a decision on a range wider than the configured size: how many addresses it covers, as text. */
  readonly broadRange?: string;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/**
 * Rates a change: high when it lowers protection, covers a broad range, or would change what any sampled
 * request gets; low otherwise. Reasons say why, one line each.
 * @example classifyChange({ kind: 'config', preview, weakenings: [] }).impact // 'low' when nothing changes
 */
export function classifyChange(facts: ChangeFacts): { impact: ChangeImpact; reasons: string[] } {
  const reasons = [...facts.weakenings];
  const { preview } = facts;
  if (facts.broadRange !== undefined) reasons.push(`a decision on a broad range (${facts.broadRange})`);
  if (preview.stricter > 0)
    reasons.push(
      `would stop ${plural(preview.stricter, 'request', 'requests')} of ${preview.samples} sampled that pass today`,
    );
  if (preview.looser > 0)
    reasons.push(
      `would let through ${plural(preview.looser, 'request', 'requests')} of ${preview.samples} sampled that are stopped today`,
    );
  const other = preview.changed - preview.stricter - preview.looser;
  if (other > 0)
    reasons.push(
      `would change the answer to ${plural(other, 'other sampled request', 'other sampled requests')}`,
    );
  if (reasons.length > 0) return { impact: 'high', reasons };
  return {
    impact: 'low',
    reasons: [
      preview.samples === 0
        ? 'lowers no protection; there are no sampled requests to replay'
        : `lowers no protection and changes no answer to ${plural(preview.samples, 'sampled request', 'sampled requests')}`,
    ],
  };
}
