import type { ChangeImpact } from '../api/change-types';

/** A change's impact as a badge: low (approved by policy) or high (waits for approvers). */
export function ImpactBadge({ impact }: { readonly impact: ChangeImpact }) {
  return <span className={`badge impact-${impact}`}>{impact} impact</span>;
}
